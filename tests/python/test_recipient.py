"""check_recipient: the fields UNI-PASS matches, checked together, each with its own rules; what a mapping may be
(a dict, a Django QueryDict, any Mapping), what a missing or extra key means, and the errors for the rest."""

from collections import defaultdict
from collections.abc import Mapping

import pytest

import pccc_guard
from conftest import function

GOOD = {"name": "홍길동", "pccc": "p1234 5678 9012", "phone": "+82 10-1234-5678", "postcode": "03154"}


def test_each_field_is_its_own_result() -> None:
    report = pccc_guard.check_recipient(GOOD)
    assert report.valid
    assert list(report.fields) == list(pccc_guard.RECIPIENT_FIELDS)
    for name, result in report.fields.items():
        assert result == function(f"validate_{name}")(GOOD[name])
        assert report[name] == result
    assert report["pccc"].value == "P123456789012"


def test_every_problem_at_once() -> None:
    bad = {"name": "홍Gildong", "pccc": "900101-1234567", "phone": "0504-1234-5678", "postcode": "123-456"}
    report = pccc_guard.check_recipient(bad, locale="en")
    assert not report.valid
    assert {n: r.error.code for n, r in report.fields.items()} == {
        "name": "mixed_scripts",
        "pccc": "looks_like_rrn",
        "phone": "virtual_number",
        "postcode": "old_postcode",
    }
    assert "900101" not in repr(report) and "900101" not in report.to_json()


def test_missing_keys_are_empty_and_other_keys_are_ignored() -> None:
    report = pccc_guard.check_recipient({"pccc": "P123456789012", "qty": 2, "note": None})
    assert report["pccc"].valid
    assert {n: r.error.code for n, r in report.fields.items() if not r.valid} == {
        "name": "empty",
        "phone": "empty",
        "postcode": "empty",
    }
    assert not pccc_guard.check_recipient({}).valid


class QueryDict(dict):
    """What Django's QueryDict does: a dict of lists, whose item is the last value."""

    def __getitem__(self, key):
        return super().__getitem__(key)[-1]


class Record(Mapping):
    def __init__(self, data):
        self.data = data

    def __getitem__(self, key):
        return self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __len__(self):
        return len(self.data)


def test_mappings_of_every_kind() -> None:
    listed = QueryDict({k: ["ignored", v] for k, v in GOOD.items()})
    assert pccc_guard.check_recipient(listed).valid
    assert pccc_guard.check_recipient(Record(GOOD)).valid
    defaults = defaultdict(str, {"pccc": "P123456789012"})
    pccc_guard.check_recipient(defaults)
    assert dict(defaults) == {"pccc": "P123456789012"}, "looking a field up adds no key"


def test_what_is_refused() -> None:
    for wrong in (None, [GOOD], "pccc", 5):
        with pytest.raises(TypeError, match="fields must be a mapping"):
            pccc_guard.check_recipient(wrong)  # type: ignore[arg-type]
    for value in (None, 1234, b"P123456789012", ["P123456789012"]):
        with pytest.raises(TypeError) as raised:
            pccc_guard.check_recipient({**GOOD, "postcode": value})
        assert "fields[\"postcode\"] must be a str" in str(raised.value)
        assert "1234" not in str(raised.value)
    report = pccc_guard.check_recipient(GOOD)
    for key in ("qty", "business_number", 5):
        with pytest.raises(KeyError):
            report[key]  # type: ignore[index]
    with pytest.raises(AttributeError):
        report.valid = False  # type: ignore[misc]


def test_the_fields_dict_is_a_copy() -> None:
    report = pccc_guard.check_recipient(GOOD)
    report.fields.clear()
    assert len(report.fields) == len(pccc_guard.RECIPIENT_FIELDS)
