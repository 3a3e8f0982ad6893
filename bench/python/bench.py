#!/usr/bin/env python3
"""The Python package against the code Python users write without it, side by side in one run (make bench-python):

- per call, on 1,000 codes as a stored column holds them (canonical) and 1,000 as people type them (spaces, hyphens,
  lower case, full width, mistakes): `is_valid_pccc` and `validate_pccc` against the typical check,
  `re.fullmatch(r"P[0-9]{12}", s.strip().upper())` (written inline, and in a function as it usually is), against the
  same with the pattern compiled once, and against `len(s)`, the floor of any call into C;
- a 1,000,000-row column: `is_valid_pccc_many` and `validate_pccc_many` against the pandas pipeline
  `s.str.strip().str.upper().str.fullmatch(r"P[0-9]{12}")`, on pandas' default str column (kept in Arrow's memory,
  which the package reads without a Python object per row) and an object one (read by iteration), and on a list;
- the GIL released: the column checked by two threads at once against one.

Contenders run in interleaved rounds (each round times every contender once), so that load from other work on the
machine falls on all of them alike; the figures are medians of the rounds. Writes bench/results/python-results.json,
which bench/report.mjs renders into BENCHMARKS.md.
"""

import json
import os
import platform
import random
import re
import statistics
import sys
import threading
import time
from importlib import metadata

import pandas as pd

import pccc_guard

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESULTS = os.path.join(ROOT, "bench", "results", "python-results.json")
PATTERN = re.compile(r"P[0-9]{12}")


def naive(s: str) -> bool:
    """The check as Python code usually has it: a function with the regex after strip and upper-case."""
    return re.fullmatch(r"P[0-9]{12}", s.strip().upper()) is not None


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def typed(rng: random.Random, n: int) -> list[str]:
    """Codes as people type and paste them, with their mistakes."""
    forms = [
        lambda d: "P" + d,
        lambda d: "p" + d,
        lambda d: f" P{d} ",
        lambda d: f"P{d[:4]}-{d[4:8]}-{d[8:]}",
        lambda d: f"P {d[:4]} {d[4:8]} {d[8:]}",
        lambda d: "".join(chr(ord(c) + 0xFEE0) for c in "P" + d),
        lambda d: "P" + d + "\u200b",
        lambda d: "P" + d[:-1],
        lambda d: "P" + d[:5] + "O" + d[6:],
        lambda d: d[:6] + "-" + "1" + d[7:],
    ]
    return [rng.choice(forms)(digits(rng, 12)) for _ in range(n)]


def rounds(contenders: dict, runs: int) -> dict:
    """Each contender's seconds per run: median, min and max of `runs` interleaved rounds."""
    times: dict = {name: [] for name in contenders}
    for _ in range(runs):
        for name, run in contenders.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: {"median": statistics.median(t), "min": min(t), "max": max(t)} for name, t in times.items()}


def per_call(inputs: list[str], runs: int, repeat: int) -> dict:
    """ns per call of each contender over `inputs`, `repeat` passes a run."""
    is_valid, validate, fullmatch, compiled = pccc_guard.is_valid_pccc, pccc_guard.validate_pccc, re.fullmatch, PATTERN.fullmatch

    def loop(body):
        def run() -> None:
            for _ in range(repeat):
                body()

        return run

    contenders = {
        "is_valid_pccc": loop(lambda: [is_valid(s) for s in inputs]),
        "validate_pccc": loop(lambda: [validate(s) for s in inputs]),
        "regex_inline": loop(lambda: [fullmatch(r"P[0-9]{12}", s.strip().upper()) is not None for s in inputs]),
        "regex_function": loop(lambda: [naive(s) for s in inputs]),
        "regex_compiled": loop(lambda: [compiled(s.strip().upper()) is not None for s in inputs]),
        "len": loop(lambda: [len(s) for s in inputs]),
        "loop": loop(lambda: [s for s in inputs]),
    }
    calls = len(inputs) * repeat
    return {name: {k: v / calls * 1e9 for k, v in r.items()} for name, r in rounds(contenders, runs).items()}


def column(rng: random.Random, n: int) -> list[str]:
    """A column of stored codes: 98.8% canonical, 1% a digit short, 0.2% in lower case (as bench/cli.py's orders)."""
    out = []
    for _ in range(n):
        roll, d = rng.random(), digits(rng, 12)
        out.append("P" + d[:-1] if roll < 0.01 else "p" + d if roll < 0.012 else "P" + d)
    return out


def many(values: list[str], runs: int) -> dict:
    arrow = pd.Series(values, dtype="str")
    objects = pd.Series(values, dtype=object)
    assert (pd.Series(pccc_guard.is_valid_pccc_many(arrow), index=arrow.index) == arrow.str.strip().str.upper().str.fullmatch(r"P[0-9]{12}")).all()
    half = len(values) // 2

    def threads() -> None:
        parts = [arrow.iloc[:half], arrow.iloc[half:]]
        workers = [threading.Thread(target=pccc_guard.is_valid_pccc_many, args=(p,)) for p in parts]
        for w in workers:
            w.start()
        for w in workers:
            w.join()

    contenders = {
        "pandas_str_arrow": lambda: arrow.str.strip().str.upper().str.fullmatch(r"P[0-9]{12}"),
        "pandas_str_object": lambda: objects.str.strip().str.upper().str.fullmatch(r"P[0-9]{12}"),
        "is_valid_many_arrow": lambda: pd.Series(pccc_guard.is_valid_pccc_many(arrow), index=arrow.index),
        "is_valid_many_object": lambda: pd.Series(pccc_guard.is_valid_pccc_many(objects), index=objects.index),
        "is_valid_many_arrow_list": lambda: pccc_guard.is_valid_pccc_many(arrow),
        "is_valid_many_list": lambda: pccc_guard.is_valid_pccc_many(values),
        "validate_many_arrow": lambda: pccc_guard.validate_pccc_many(arrow),
        "validate_many_values": lambda: pd.Series(pccc_guard.validate_pccc_many(arrow).values, index=arrow.index, dtype="str"),
        "is_valid_many_two_threads": threads,
    }
    return {name: {k: v / len(values) * 1e9 for k, v in r.items()} for name, r in rounds(contenders, runs).items()}


def version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def main() -> None:
    rng = random.Random(20260202)
    stored = ["P" + digits(rng, 12) for _ in range(1000)]
    typed_codes = typed(rng, 1000)
    result = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "versions": {name: version(name) for name in ("pccc-guard", "pandas", "numpy", "pyarrow")},
        "per_call": {
            "stored": per_call(stored, runs=21, repeat=20),
            "typed": per_call(typed_codes, runs=21, repeat=20),
        },
        "rows": 1_000_000,
        "many": many(column(rng, 1_000_000), runs=7),
        "load_average": os.getloadavg()[0],
    }
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    stored = result["per_call"]["stored"]
    print(f"is_valid_pccc {stored['is_valid_pccc']['median']:.0f} ns, regex inline {stored['regex_inline']['median']:.0f} ns "
          f"({stored['is_valid_pccc']['median'] / stored['regex_inline']['median']:.2f}x); wrote {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
