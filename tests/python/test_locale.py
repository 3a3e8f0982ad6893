"""The project's one language-tag rule (tests/data/locale_tags.json, the vectors the Rust, JavaScript and forms
sides are tested against): through every function's `locale` argument and `locale_of`."""

import pytest

import pccc_guard
from conftest import FIELDS, function, locale_tags


def test_every_tag_vector_through_locale_of() -> None:
    for tag, want in locale_tags():
        assert pccc_guard.locale_of(tag) == want, tag


@pytest.mark.parametrize("info", FIELDS, ids=lambda f: f.name)
def test_every_tag_vector_through_each_fields_validate(info: pccc_guard.FieldInfo) -> None:
    validate = function(f"validate_{info.name}")
    ko, en = validate("", locale="ko").error.message, validate("", locale="en").error.message
    assert ko != en
    assert validate("").error.message == ko and validate("", locale=None).error.message == ko
    for tag, want in locale_tags():
        if want is None:
            with pytest.raises(ValueError, match='locale must be "ko" or "en"'):
                validate("", locale=tag)
        else:
            assert validate("", locale=tag).error.message == (en if want == "en" else ko), tag


def test_the_other_functions_read_tags_by_the_same_rule() -> None:
    for tag, want in locale_tags():
        calls = [
            lambda: pccc_guard.validate_field("postcode", "", locale=tag),
            lambda: pccc_guard.validate_many("postcode", [""], locale=tag),
            lambda: pccc_guard.check_recipient({}, locale=tag),
        ]
        for call in calls:
            if want is None:
                with pytest.raises(ValueError):
                    call()
            else:
                call()


def test_a_locale_that_is_not_a_str_is_a_type_error() -> None:
    for wrong in (1, b"en", ["en"], True):
        with pytest.raises(TypeError, match="locale must be a str"):
            pccc_guard.validate_field("pccc", "P1", locale=wrong)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        pccc_guard.locale_of(None)  # type: ignore[arg-type]
