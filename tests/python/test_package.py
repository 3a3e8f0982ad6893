"""The installed distribution: its version is the workspace's (Cargo.toml's [workspace.package], the one version
source), its metadata names the repository and the licence, it depends on nothing at run time, and every
requirements file of the repository's Python pins each package exactly (the examples pin this version)."""

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pccc_guard
from conftest import ROOT

VERSION = tomllib.loads((ROOT / "Cargo.toml").read_text(encoding="utf-8"))["workspace"]["package"]["version"]


def test_the_version_is_the_workspaces() -> None:
    assert pccc_guard.__version__ == VERSION
    assert metadata.version("pccc-guard") == VERSION


def test_metadata_names_the_repository_and_licence_and_no_dependency() -> None:
    meta = metadata.metadata("pccc-guard")
    assert meta["License-Expression"] == "MIT"
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    repository = tomllib.loads((ROOT / "Cargo.toml").read_text(encoding="utf-8"))["workspace"]["package"]["repository"]
    assert urls["Repository"] == repository
    assert meta["Requires-Python"] == ">=3.9"
    requires = meta.get_all("Requires-Dist") or []
    assert requires and all("extra ==" in r for r in requires), requires
    assert any(f.name == "LICENSE" for f in metadata.files("pccc-guard") or [])


def test_every_requirements_file_pins_each_package_exactly() -> None:
    files = [ROOT / "python" / "requirements-tools.txt", *ROOT.glob("tests/python/requirements*.txt"),
             *ROOT.glob("examples/*/requirements*.txt"), *ROOT.glob("bench/python/requirements*.txt")]
    assert len(files) >= 4
    pinned: dict[str, str] = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([0-9][0-9A-Za-z.+-]*)", line)
            assert match, f"{path.relative_to(ROOT)}: {line!r} is not pinned exactly"
            name, version = match[1].lower().replace("_", "-"), match[2]
            assert pinned.setdefault(name, version) == version, f"{name} is pinned to two versions"
    assert pinned["pccc-guard"] == VERSION, "the examples pin this version of the package"


def test_the_package_imports_no_framework_and_the_adapters_say_what_they_need() -> None:
    import subprocess
    import sys

    def run(code: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)

    alone = run("import sys, pccc_guard; print(sorted(m for m in ('pydantic', 'django', 'pandas', 'pyarrow') if m in sys.modules))")
    assert alone.returncode == 0 and alone.stdout.strip() == "[]", alone.stderr
    for adapter, framework in (("pydantic", "pydantic"), ("django", "django")):
        # A framework that is not installed: its import is blocked.
        missing = run(f"import sys; sys.modules[{framework!r}] = None; import pccc_guard.{adapter}")
        assert missing.returncode == 1
        assert f'pip install "pccc-guard[{adapter}]"' in missing.stderr, missing.stderr
