"""The pydantic adapter (pccc_guard.pydantic): every field's type, on its vectors, inside a model; the error's type
is the field's error code and its message never contains the input; English through guarded(); JSON schema."""

import json

import pydantic
import pytest
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, create_model

import pccc_guard
import pccc_guard.pydantic as adapter
from conftest import FIELDS, vectors


def pascal(name: str) -> str:
    return "".join(w.capitalize() for w in name.split("_"))


@pytest.mark.parametrize("info", FIELDS, ids=lambda f: f.name)
def test_every_fields_type_on_its_vectors(info: pccc_guard.FieldInfo) -> None:
    annotated = getattr(adapter, pascal(info.name))
    Model = create_model("Model", value=(annotated, ...))
    English = create_model("English", value=(adapter.guarded(info.name, locale="en"), ...))
    for v in vectors(info.name):
        expected = pccc_guard.validate_field(info.name, v.input)
        if expected.valid:
            assert Model(value=v.input).value == expected.value, v.line
            continue
        with pytest.raises(ValidationError) as raised:
            Model(value=v.input)
        [error] = raised.value.errors()
        assert error["type"] == expected.error.code
        assert error["msg"] == expected.error.message
        assert error["ctx"]["field"] == info.name
        assert error["loc"] == ("value",)
        if expected.error.index is not None:
            assert error["ctx"]["index"] == expected.error.index
        stripped = v.input.strip()
        if len(stripped) >= 4:
            assert stripped not in error["msg"]
        with pytest.raises(ValidationError) as raised:
            English(value=v.input)
        assert raised.value.errors()[0]["msg"] == pccc_guard.validate_field(info.name, v.input, locale="en").error.message


def test_a_model_of_every_field_hides_the_input_when_asked() -> None:
    fields = {info.name: (getattr(adapter, pascal(info.name)), ...) for info in FIELDS}
    Order = create_model("Order", __config__=ConfigDict(hide_input_in_errors=True), **fields)
    secret = "P987654321O98"
    with pytest.raises(ValidationError) as raised:
        Order(**{info.name: secret for info in FIELDS})
    assert secret not in str(raised.value)
    assert len(raised.value.errors()) == len(FIELDS)


def test_other_types_are_pydantics_errors_and_json_works() -> None:
    class Shipment(BaseModel):
        pccc: adapter.Pccc
        phone: adapter.Phone

    with pytest.raises(ValidationError) as raised:
        Shipment(pccc=123456789012, phone=None)  # type: ignore[arg-type]
    assert [e["type"] for e in raised.value.errors()] == ["string_type", "string_type"]
    shipment = Shipment.model_validate_json('{"pccc": "ｐ1234 5678 9012", "phone": "+82 10-1234-5678"}')
    assert shipment.model_dump() == {"pccc": "P123456789012", "phone": "01012345678"}
    assert json.loads(shipment.model_dump_json()) == {"pccc": "P123456789012", "phone": "01012345678"}
    schema = Shipment.model_json_schema()
    assert schema["properties"]["pccc"]["type"] == "string"
    assert schema["properties"]["pccc"]["description"] == "A personal customs clearance code"


def test_guarded_checks_its_arguments() -> None:
    with pytest.raises(ValueError):
        adapter.guarded("nope")
    with pytest.raises(ValueError):
        adapter.guarded("pccc", locale="fr")
    assert TypeAdapter(adapter.guarded("businessNumber")).validate_python("124-81-00998") == "1248100998"
    assert adapter.Guarded("pccc") == adapter.Guarded("pccc") and repr(adapter.Guarded("pccc", "en")) == "Guarded('pccc', locale='en')"
    assert pydantic.VERSION.startswith("2.")
