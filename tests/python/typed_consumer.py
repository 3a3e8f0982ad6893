"""Uses the API as documented; `mypy --strict` must accept it (tests/python/test_types.py)."""

from collections.abc import Iterable

import pccc_guard
from pccc_guard import FieldError, FieldResult, Finding, RecipientResult


def canonical(text: str) -> str | None:
    result: FieldResult = pccc_guard.validate_pccc(text, locale="en")
    if result.valid:
        return result.value
    error: FieldError | None = result.error
    if error is not None:
        code: str = error.code
        index: int | None = error.index
        found: int | None = error.found
        print(code, index, found, error.message)
    return None


def column(values: Iterable[str]) -> list[bool]:
    return pccc_guard.is_valid_pccc_many(values) + pccc_guard.is_valid_many("phone", values)


def masked(value: str) -> str:
    return pccc_guard.mask_pccc(value, keep_start=2, fill="•") + pccc_guard.mask_name(value, fill="*")


def report(fields: dict[str, str]) -> str:
    checked: RecipientResult = pccc_guard.check_recipient(fields)
    first: FieldResult = checked["pccc"]
    by_name: dict[str, FieldResult] = checked.fields
    print(first.display, len(by_name), checked.valid)
    return checked.to_json()


def memo(text: str) -> str:
    found: list[Finding] = pccc_guard.find_sensitive(text, ["pccc", "rrn"])
    spans = [(f.kind, f.start, f.end) for f in found]
    print(spans, pccc_guard.KINDS, [f.name for f in pccc_guard.FIELDS])
    return pccc_guard.redact(text, pccc_keep_start=2, phone_keep_end=0, fill="•")


def policy(value: str) -> str:
    try:
        return pccc_guard.mask_field("business_number", value, keep_end=3)
    except pccc_guard.MaskPolicyError as e:
        return e.code
