"""The package is typed: mypy's stubtest finds the stubs (_native.pyi, _fields.pyi, generated from the registry)
agree with the installed module, and mypy in strict mode accepts a consumer that uses the API as documented and
rejects one that misuses it (so the types are precise, not Any)."""

import re
import subprocess
import sys
from pathlib import Path

import pccc_guard

HERE = Path(__file__).parent


def mypy(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


def test_the_package_ships_its_types() -> None:
    package = Path(pccc_guard.__file__).parent
    for name in ("py.typed", "_native.pyi", "_fields.pyi"):
        assert (package / name).is_file(), name


def test_stubtest_finds_the_stubs_agree_with_the_module(tmp_path: Path) -> None:
    allowlist = str(HERE / "stubtest-allowlist.txt")
    done = mypy("mypy.stubtest", "pccc_guard", "--mypy-config-file", str(HERE / "mypy.ini"), "--allowlist", allowlist, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_strict_mypy_accepts_good_use_and_rejects_misuse(tmp_path: Path) -> None:
    good = mypy("mypy", "--strict", "--config-file", str(HERE / "mypy.ini"), str(HERE / "typed_consumer.py"), cwd=tmp_path)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = mypy("mypy", "--strict", "--config-file", str(HERE / "mypy.ini"), str(HERE / "typed_misuse.py"), cwd=tmp_path)
    lines = (HERE / "typed_misuse.py").read_text().splitlines()
    wanted = [n for n, line in enumerate(lines, start=1) if re.search(r"  # error: ", line)]
    errors = [int(m[1]) for m in re.finditer(r"typed_misuse\.py:(\d+): error:", bad.stdout)]
    assert errors == wanted and len(wanted) >= 5, bad.stdout
