"""Every field's vectors (tests/data/<field>_vectors.tsv, the files the Rust and Node tests read), through each way
Python reaches the field: its named function, validate_field by each of the field's names, its is_valid function
and is_valid_field, and the _many forms; the display form where the field has one; a vector for every error code."""

import pytest

import pccc_guard
from conftest import FIELDS, function, vectors


@pytest.mark.parametrize("info", FIELDS, ids=lambda f: f.name)
def test_every_vector_through_every_entry_point(info: pccc_guard.FieldInfo) -> None:
    f = info.name
    validate, is_valid = function(f"validate_{f}"), function(f"is_valid_{f}")
    seen = set()
    for v in vectors(f):
        where = f"{f}_vectors.tsv line {v.line} ({v.why})"
        got = validate(v.input, locale="en")
        assert got.field == f
        for name in {info.name, info.js_name, info.cli_name}:
            assert pccc_guard.validate_field(name, v.input, locale="en") == got, where
        assert is_valid(v.input) is got.valid, where
        assert pccc_guard.is_valid_field(f, v.input) is got.valid, where
        if got.valid:
            assert f"valid:{got.value}" == v.expected, where
            assert got.error is None
            assert (got.display is not None) == info.has_display, where
        else:
            assert got.error.code == v.expected, where
            assert got.value is None and got.display is None
            assert got.error.code in info.codes
            assert got.error.field == f
            seen.add(got.error.code)
    assert sorted(seen) == sorted(info.codes), "a vector for every code"


@pytest.mark.parametrize("info", FIELDS, ids=lambda f: f.name)
def test_the_many_forms_answer_as_one_call_each(info: pccc_guard.FieldInfo) -> None:
    f = info.name
    inputs = [v.input for v in vectors(f)]
    one_by_one = [function(f"validate_{f}")(s, locale="en") for s in inputs]
    batch = function(f"validate_{f}_many")(inputs, locale="en")
    assert list(batch) == one_by_one and len(batch) == len(inputs)
    assert [batch[i] for i in range(-len(inputs), 0)] == one_by_one
    assert batch == pccc_guard.validate_many(f, inputs, locale="en")
    assert batch.valid == [r.valid for r in one_by_one]
    assert batch.values == [r.value for r in one_by_one]
    assert batch.displays == [r.display for r in one_by_one]
    assert batch.codes == [r.error.code if r.error else None for r in one_by_one]
    assert batch.messages == [r.error.message if r.error else None for r in one_by_one]
    assert batch.field == f and f"len={len(inputs)}" in repr(batch)
    assert function(f"is_valid_{f}_many")(inputs) == [r.valid for r in one_by_one]
    assert pccc_guard.is_valid_many(f, iter(inputs)) == [r.valid for r in one_by_one]
    # More values than one chunk (values are read and checked 16,384 at a time), in order.
    many = inputs * (40_000 // len(inputs) + 1)
    assert function(f"is_valid_{f}_many")(many) == [r.valid for r in one_by_one] * (40_000 // len(inputs) + 1)
    assert list(function(f"validate_{f}_many")(tuple(many), locale="en")) == one_by_one * (40_000 // len(inputs) + 1)


@pytest.mark.parametrize("info", FIELDS, ids=lambda f: f.name)
def test_an_error_index_is_a_str_index_and_messages_never_hold_the_input(info: pccc_guard.FieldInfo) -> None:
    f = info.name
    for v in vectors(f):
        for text in (v.input, "😀" + v.input, "\U0001d40f" + v.input):
            got = function(f"validate_{f}")(text)
            if got.valid:
                continue
            error = got.error
            if error.index is not None:
                # The same character the JSON's UTF-16 index points at (as JavaScript's index does).
                utf16 = len(text[: error.index].encode("utf-16-le")) // 2
                assert f'"index":{utf16}' in got.to_json(), (f, v.line)
                assert 0 <= error.index < len(text)
            stripped = text.strip()
            for locale in ("ko", "en"):
                message = function(f"validate_{f}")(text, locale=locale).error.message
                if len(stripped) >= 4:
                    assert stripped not in message, (f, v.line)
                assert len(stripped) < 4 or stripped not in repr(got)


def test_the_registry_as_python_sees_it() -> None:
    assert [f.name for f in pccc_guard.FIELDS] == [f.name for f in FIELDS]
    for info in FIELDS:
        assert pccc_guard.field_info(info.js_name) == info
        assert pccc_guard.field_info(info.cli_name) == info
        assert info.codes[0] == "empty"
        assert info.description.startswith(("a ", "an "))
        if info.mask == "digits":
            assert info.keep_start is not None and info.max_revealed >= info.keep_start + info.keep_end
            assert callable(function(f"mask_{info.name}"))
        else:
            assert info.keep_start is None
            assert hasattr(pccc_guard, f"mask_{info.name}") is (info.mask is not None)
    assert set(pccc_guard.RECIPIENT_FIELDS) <= {f.name for f in FIELDS}
    assert pccc_guard.KINDS == ("pccc", "rrn", "phone")


@pytest.mark.parametrize("info", [f for f in FIELDS if f.mask], ids=lambda f: f.name)
def test_masks(info: pccc_guard.FieldInfo) -> None:
    f = info.name
    mask = function(f"mask_{f}")
    for v in vectors(f):
        masked = mask(v.input)
        assert masked == pccc_guard.mask_field(f, v.input)
        if not v.expected.startswith("valid:"):
            # Input that is not valid is masked completely: only its length shows.
            assert not any(c.isdigit() for c in masked), (f, v.line)
    valid = next(v.input for v in vectors(f) if v.expected.startswith("valid:"))
    assert "•" in mask(valid, fill="•")
    with pytest.raises(pccc_guard.MaskPolicyError) as refused:
        mask(valid, fill="7")
    assert refused.value.code == "invalid_mask_char"
    if info.mask == "digits":
        with pytest.raises(pccc_guard.MaskPolicyError) as refused:
            mask(valid, keep_start=info.max_revealed, keep_end=1)
        assert refused.value.code == "mask_reveals_too_much"
        assert isinstance(refused.value, ValueError)
        assert mask(valid, keep_start=0, keep_end=0).count("*") >= 1
    else:
        with pytest.raises(TypeError):
            mask(valid, keep_start=1)
        with pytest.raises(ValueError, match="keeps no digits"):
            pccc_guard.mask_field(f, valid, keep_start=1)


def test_a_field_without_a_mask_has_no_mask_function() -> None:
    for info in FIELDS:
        if info.mask is None:
            assert not hasattr(pccc_guard, f"mask_{info.name}")
            with pytest.raises(ValueError, match="has no display mask"):
                pccc_guard.mask_field(info.name, "12345")


def test_results_are_frozen_and_show_no_value() -> None:
    for info in FIELDS:
        v = next(v for v in vectors(info.name) if v.expected.startswith("valid:"))
        result = function(f"validate_{info.name}")(v.input)
        with pytest.raises(AttributeError):
            result.value = "x"  # type: ignore[misc]
        assert result.value not in repr(result)
        assert hash(result) == hash(function(f"validate_{info.name}")(v.input))


def test_normalize() -> None:
    assert pccc_guard.normalize("ｐ１２３４ 5678-9012\u200b") == "P123456789012"
    assert pccc_guard.normalize("\u3000") == ""
