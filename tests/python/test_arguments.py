"""Wrong arguments: a wrong type is a TypeError, a value out of range a ValueError, never a silent coercion, and no
message ever quotes what was passed. Hostile strings (lone surrogates, huge, astral, control characters) get
answers, never a crash."""

import gc
import math

import pytest

import pccc_guard
from conftest import FIELDS, function

SECRET = "P987654321098"
WRONG_TYPES = [None, 123, 1.5, b"P123456789012", bytearray(b"P1"), ["P123456789012"], {"a": 1}, object(), True]


def all_single_text_calls():
    for info in FIELDS:
        f = info.name
        yield f"validate_{f}", function(f"validate_{f}")
        yield f"is_valid_{f}", function(f"is_valid_{f}")
        if info.mask:
            yield f"mask_{f}", function(f"mask_{f}")
    yield "normalize", pccc_guard.normalize
    yield "find_sensitive", pccc_guard.find_sensitive
    yield "redact", pccc_guard.redact
    yield "validate_field", lambda x: pccc_guard.validate_field("pccc", x)
    yield "is_valid_field", lambda x: pccc_guard.is_valid_field("pccc", x)
    yield "mask_field", lambda x: pccc_guard.mask_field("pccc", x)


@pytest.mark.parametrize("name,call", list(all_single_text_calls()), ids=lambda x: x if isinstance(x, str) else "")
def test_a_text_that_is_not_a_str_is_a_type_error_that_quotes_nothing(name, call) -> None:
    for wrong in WRONG_TYPES:
        with pytest.raises(TypeError) as raised:
            call(wrong)
        message = str(raised.value)
        assert message.startswith("pccc-guard: "), (name, message)
        assert type(wrong).__name__ in message
        assert "123456789012" not in message and "1.5" not in message, (name, message)


class Text(str):
    """A str subclass (what some libraries hand over): read as the str it is."""


def test_str_subclasses_are_str() -> None:
    assert pccc_guard.validate_pccc(Text("p1234 5678 9012")).value == "P123456789012"


def test_field_names() -> None:
    for wrong in (None, 1, b"pccc"):
        with pytest.raises(TypeError, match="field must be a field's name"):
            pccc_guard.validate_field(wrong, "x")  # type: ignore[arg-type]
    for unknown in ("PCCC", "Pccc", "toString", "", "business number", "phone "):
        with pytest.raises(ValueError) as raised:
            pccc_guard.validate_field(unknown, SECRET)
        assert "got another name" in str(raised.value) and SECRET not in str(raised.value)
    with pytest.raises(ValueError):
        pccc_guard.field_info("nope")


def test_mask_counts_and_fill() -> None:
    for wrong in (1.0, "2", True, False, [1]):
        with pytest.raises(TypeError, match="keep_start must be an int"):
            pccc_guard.mask_pccc(SECRET, keep_start=wrong)  # type: ignore[arg-type]
    for out_of_range in (-1, 65, 2**70, -(2**70)):
        with pytest.raises(ValueError, match="keep_end must be a whole number from 0 to 64"):
            pccc_guard.mask_pccc(SECRET, keep_end=out_of_range)
    # Ints of other kinds (what __index__ gives, such as numpy's) are ints.
    class Index:
        def __index__(self) -> int:
            return 2

    assert pccc_guard.mask_pccc(SECRET, keep_start=Index()) == "P98******1098"  # type: ignore[arg-type]
    for wrong in (1, b"*", ["*"]):
        with pytest.raises(TypeError, match="fill must be a str of one character"):
            pccc_guard.mask_pccc(SECRET, fill=wrong)  # type: ignore[arg-type]
    for not_one in ("", "**", "e\u0301"):
        with pytest.raises(ValueError, match="fill must be exactly one character"):
            pccc_guard.mask_pccc(SECRET, fill=not_one)
    for refused in ("0", "０", " ", "\u200b", "\n", "\ud800"):
        with pytest.raises(pccc_guard.MaskPolicyError) as raised:
            pccc_guard.mask_pccc(SECRET, fill=refused)
        assert raised.value.code == "invalid_mask_char"
    assert pccc_guard.mask_pccc(SECRET, fill="😀") == "P😀😀😀😀😀😀😀😀1098"


def test_the_many_forms_name_the_position_of_a_value_that_is_not_a_str() -> None:
    for missing in (None, math.nan):
        with pytest.raises(TypeError) as raised:
            pccc_guard.is_valid_pccc_many([SECRET, SECRET, missing])
        assert "values[2] must be a str" in str(raised.value) and "fillna" in str(raised.value)
    with pytest.raises(TypeError) as raised:
        pccc_guard.validate_pccc_many([SECRET, 7])
    assert "values[1] must be a str, got int" in str(raised.value) and "fillna" not in str(raised.value)
    for wrong in (SECRET, 5, None, b"P1"):
        with pytest.raises(TypeError, match="values must be an iterable of str"):
            pccc_guard.validate_pccc_many(wrong)  # type: ignore[arg-type]
    assert pccc_guard.is_valid_pccc_many([]) == []
    assert pccc_guard.is_valid_pccc_many(s for s in [SECRET]) == [True]


def test_an_iterable_that_fails_passes_its_own_error_on() -> None:
    def broken():
        yield SECRET
        raise KeyError("from the iterable")

    with pytest.raises(KeyError, match="from the iterable"):
        pccc_guard.is_valid_pccc_many(broken())


HOSTILE = [
    "",
    "\x00",
    "\x00P123456789012",
    "\u202eP123456789012",
    "😀P123456789012",
    "P12😀3456789012",
    "𝐏123456789012",
    "P١٢٣٤٥٦٧٨٩٠١٢",
    "Р123456789012",
    "P" + "1" * 1_000_000,
    "\u200b" * 100_000,
    "가" * 100_000,
    "e\u0301",
    "\ud800",
    "P1234\udc80",
    "\udfff" * 1000,
]


@pytest.mark.parametrize("info", FIELDS, ids=lambda f: f.name)
def test_hostile_strings_get_an_answer(info: pccc_guard.FieldInfo) -> None:
    f = info.name
    for text in HOSTILE:
        result = function(f"validate_{f}")(text)
        assert function(f"is_valid_{f}")(text) is result.valid
        if not result.valid and result.error.index is not None:
            assert 0 <= result.error.index < len(text)
        result.to_json()
        if info.mask:
            assert len(function(f"mask_{f}")(text)) >= 0
    # A lone surrogate is read as U+FFFD, an invalid character, where it stands.
    assert pccc_guard.validate_pccc("P1234\udc80").error.code == "invalid_character"
    assert pccc_guard.validate_pccc("P1234\udc80").error.index == 5


def test_memory_does_not_grow_across_many_calls() -> None:
    import tracemalloc

    def work() -> None:
        for _ in range(2000):
            pccc_guard.validate_pccc("P12345678901").error.message
            pccc_guard.is_valid_pccc_many(["P123456789012", "x"])
            pccc_guard.redact("010-1234-5678 \udc80")

    work()
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    work()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    assert after - before < 100_000
