"""Columns: the _many functions on pandas Series (pandas' str columns, kept in Arrow's memory, and object columns)
and on pyarrow arrays of every string layout (32- and 64-bit offsets, string views with short and long strings,
chunked, sliced, with missing values), all giving what the same values give in a list; the FieldResults columns."""

import pandas as pd
import pyarrow as pa
import pytest

import pccc_guard
from conftest import FIELDS, function, vectors


def texts(field: str) -> list[str]:
    # Long strings too (over 12 bytes, which a string view keeps out of line).
    base = [v.input for v in vectors(field)]
    return base + ["   " + s + "   " for s in base]


@pytest.mark.parametrize("info", FIELDS, ids=lambda f: f.name)
def test_every_kind_of_column_answers_as_a_list_does(info: pccc_guard.FieldInfo) -> None:
    f = info.name
    values = texts(f) * 3
    expected = function(f"validate_{f}_many")(values, locale="en")
    columns = {
        "pandas str": pd.Series(values, dtype="str"),
        "pandas object": pd.Series(values, dtype=object),
        "pandas category": pd.Series(values, dtype="category"),
        "pa string": pa.array(values, type=pa.string()),
        "pa large_string": pa.array(values, type=pa.large_string()),
        "pa string_view": pa.array(values, type=pa.string_view()),
        "pa chunked": pa.chunked_array([values[:7], values[7:20], [], values[20:]], type=pa.large_string()),
        "pa chunked views": pa.chunked_array([values[:5], values[5:]], type=pa.string_view()),
        "tuple": tuple(values),
        "generator": (v for v in values),
    }
    for name, column in columns.items():
        assert function(f"validate_{f}_many")(column, locale="en") == expected, name
        assert function(f"is_valid_{f}_many")(column if not name == "generator" else iter(values)) == expected.valid, name
    sliced = pa.array(values, type=pa.string()).slice(5, 11)
    assert function(f"is_valid_{f}_many")(sliced) == expected.valid[5:16]
    view = pa.array(values, type=pa.string_view()).slice(3)
    assert function(f"validate_{f}_many")(view).codes == expected.codes[3:]


def test_a_missing_value_is_named_by_its_position_in_every_kind_of_column() -> None:
    values = ["P123456789012", "P123456789012", None, "P1"]
    for column in (
        pd.Series(values, dtype="str"),
        pd.Series(values, dtype=object),
        pa.array(values, type=pa.string()),
        pa.array(values, type=pa.string_view()),
        pa.chunked_array([values[:1], values[1:]]),
    ):
        with pytest.raises(TypeError, match=r"values\[2\] must be a str.*fillna"):
            pccc_guard.is_valid_pccc_many(column)
    # A column of numbers is no column of codes.
    with pytest.raises(TypeError, match=r"values\[0\] must be a str"):
        pccc_guard.is_valid_pccc_many(pd.Series([1, 2]))
    with pytest.raises(TypeError, match=r"values\[0\] must be a str"):
        pccc_guard.is_valid_pccc_many(pa.array([1, 2]))


def test_a_column_result_goes_back_into_a_frame() -> None:
    frame = pd.DataFrame({"pccc": ["ｐ1234 5678 9012", "P12345678901", "9001011234567"]}).astype({"pccc": "str"})
    checked = pccc_guard.validate_pccc_many(frame["pccc"], locale="en")
    frame["valid"] = checked.valid
    frame["value"] = checked.values
    frame["code"] = checked.codes
    assert frame["valid"].tolist() == [True, False, False]
    assert frame["value"].tolist()[0] == "P123456789012"
    assert frame["code"].isna().tolist() == [True, False, False]  # pandas reads None as missing
    assert frame["code"].tolist()[1:] == ["too_short", "looks_like_rrn"]


def test_results_by_index() -> None:
    checked = pccc_guard.validate_postcode_many(["03154", "1234"])
    assert checked[0].valid and checked[-1].error.code == "too_short"
    for wrong in (2, -3):
        with pytest.raises(IndexError):
            checked[wrong]
    with pytest.raises(TypeError):
        checked["0"]  # type: ignore[call-overload]
    it = iter(checked)
    assert [r.valid for r in it] == [True, False]
    assert list(it) == []
