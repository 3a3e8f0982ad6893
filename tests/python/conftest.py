"""Shared helpers of the Python tests: the repository's paths, the vector files every runtime shares, and the built
programs the Python results are compared with. `make test-python` runs these tests on the installed wheel, in a fresh
virtual environment (never on the source tree: `pccc_guard` must come from site-packages)."""

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pccc_guard
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


@dataclass(frozen=True)
class Vector:
    input: str
    expected: str
    why: str
    line: int


_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[trn\\])")


def _unescape(s: str) -> str:
    def one(m: "re.Match[str]") -> str:
        e = m.group(1)
        if e[0] in "uU":
            return chr(int(e[1:], 16))
        return {"t": "\t", "r": "\r", "n": "\n", "\\": "\\"}[e]

    return _ESCAPE.sub(one, s)


def vectors(field: str) -> list[Vector]:
    """A field's vectors: tests/data/<field>_vectors.tsv, the file the Rust and Node tests read."""
    out = []
    text = (DATA / f"{field}_vectors.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line.startswith("#"):
            continue
        input, expected, why = line.split("\t")
        out.append(Vector(_unescape(input), expected, why, number))
    return out


def locale_tags() -> list[tuple[str, "str | None"]]:
    """The language-tag vectors every side of the project is tested against."""
    return [tuple(t) for t in json.loads((DATA / "locale_tags.json").read_text(encoding="utf-8"))["tags"]]


def program(variable: str) -> Path:
    """A built program named by an environment variable that `make test-python` sets."""
    value = os.environ.get(variable)
    if not value:
        pytest.fail(f"{variable} is not set: run the Python tests with `make test-python`")
    path = Path(value)
    if not path.is_absolute():
        path = ROOT / path
    assert path.exists(), f"{variable}: {path} does not exist"
    return path


def run(args: list, stdin: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, input=stdin.encode("utf-8"), capture_output=True, timeout=120, check=False)


# Every field of the registry, as the package reports it: what each per-field test loops over.
FIELDS = pccc_guard.FIELDS
FIELD_NAMES = [f.name for f in FIELDS]


def function(name: str):
    """One of the package's functions by name (a field's own: validate_<field>, ...)."""
    return getattr(pccc_guard, name)


def test_the_package_comes_from_the_installed_wheel() -> None:
    # Not from python/ in this checkout: the tests run on what users install.
    assert "site-packages" in Path(pccc_guard.__file__).parts
