"""Every example in the package's docstrings runs and shows what the docstring says: the generic functions', each
field's (generated from the registry with results computed from the Rust rules) and the adapters'."""

import doctest
import importlib

import pytest

MODULES = ["pccc_guard", "pccc_guard._native", "pccc_guard.pydantic", "pccc_guard._pydantic"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    globs = {k: getattr(module, k) for k in dir(module)}
    globs.update({k: getattr(importlib.import_module("pccc_guard"), k) for k in importlib.import_module("pccc_guard").__all__})
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = finder.find(module, name, globs=globs)
    examples = sum(len(t.examples) for t in tests)
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
    assert examples > 0, f"{name} has no examples"


def test_every_public_function_has_a_docstring_with_an_example() -> None:
    import pccc_guard

    for name in pccc_guard.__all__:
        obj = getattr(pccc_guard, name)
        if callable(obj) and not isinstance(obj, type):
            assert obj.__doc__ and ">>> " in obj.__doc__, name
