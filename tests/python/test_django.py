"""The Django adapter (pccc_guard.django): every field's validator and form field, on its vectors, in a form; the
error's code is the field's error code; messages in the active language (Korean or English, else Korean); the
input marked for the forms layer; validators that migrations can serialise."""

import django
import pytest
from django.conf import settings

if not settings.configured:
    settings.configure(USE_I18N=True, LANGUAGE_CODE="ko", INSTALLED_APPS=[])
    django.setup()

from django import forms  # noqa: E402
from django.core.exceptions import ValidationError  # noqa: E402
from django.db.migrations.serializer import serializer_factory  # noqa: E402
from django.utils import translation  # noqa: E402

import pccc_guard  # noqa: E402
import pccc_guard.django as adapter  # noqa: E402
from conftest import FIELDS, vectors  # noqa: E402


def pascal(name: str) -> str:
    return "".join(w.capitalize() for w in name.split("_"))


@pytest.mark.parametrize("info", FIELDS, ids=lambda f: f.name)
def test_every_fields_form_field_and_validator_on_its_vectors(info: pccc_guard.FieldInfo) -> None:
    field_class = getattr(adapter, f"{pascal(info.name)}Field")
    validator = getattr(adapter, f"validate_{info.name}")
    Form = type("Form", (forms.Form,), {"value": field_class()})
    for v in vectors(info.name):
        expected = pccc_guard.validate_field(info.name, v.input)
        form = Form(data={"value": v.input})
        if v.input.strip() == "":
            assert not form.is_valid() and form.errors.as_data()["value"][0].code == "required"
            continue
        if expected.valid:
            assert form.is_valid(), (v.line, form.errors)
            assert form.cleaned_data["value"] == expected.value
            validator(v.input)
            continue
        assert not form.is_valid()
        [error] = form.errors.as_data()["value"]
        assert error.code == expected.error.code, v.line
        assert error.messages == [expected.error.message]
        with pytest.raises(ValidationError) as raised:
            validator(v.input)
        assert raised.value.code == expected.error.code
        assert raised.value.messages == [expected.error.message]
    assert f'data-pccc-field="{info.js_name}"' in str(Form()["value"])


def test_messages_follow_the_active_language() -> None:
    field = adapter.GuardedField(field="postcode")
    korean = pccc_guard.validate_postcode("1").error.message
    english = pccc_guard.validate_postcode("1", locale="en").error.message
    for language, message in (("ko", korean), ("en", english), ("en-gb", english), ("ja", korean)):
        with translation.override(language):
            with pytest.raises(ValidationError) as raised:
                field.clean("1")
            assert raised.value.messages == [message], language
    with translation.override("ko"):
        with pytest.raises(ValidationError) as raised:
            adapter.GuardedField(field="postcode", locale="en").clean("1")
        assert raised.value.messages == [english]


def test_optional_fields_and_arguments() -> None:
    optional = adapter.PcccField(required=False)
    assert optional.clean("") == ""
    assert optional.clean("  ") == ""
    with pytest.raises(TypeError, match="needs a field"):
        adapter.GuardedField()
    with pytest.raises(ValueError):
        adapter.GuardedField(field="nope")
    with pytest.raises(ValueError):
        adapter.FieldValidator("pccc", locale="fr")


def test_validators_deconstruct_for_migrations() -> None:
    validator = adapter.validate_pccc
    path, args, kwargs = validator.deconstruct()
    assert (path, args, kwargs) == ("pccc_guard.django.FieldValidator", ("pccc",), {})
    assert adapter.FieldValidator("pccc") == validator
    code, imports = serializer_factory(validator).serialize()
    assert code == "pccc_guard.django.FieldValidator('pccc')" and imports == {"import pccc_guard.django"}
