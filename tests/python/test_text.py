"""Free text: find_sensitive and redact, against the built command-line tool (`pccc-guard redact`, the reference for
redaction's policies and refusals) on generated memos and logs, with every policy option and refusal; positions as
`str` indices; lone surrogates kept in place."""

import random

import pytest

import pccc_guard
from conftest import program, run


def synthetic_lines(count: int, seed: int = 20260202) -> list[str]:
    """Delivery memos, chat and log lines with synthetic numbers in many written forms, and their near misses."""
    rng = random.Random(seed)

    def digits(n: int) -> str:
        return "".join(rng.choice("0123456789") for _ in range(n))

    def full_width(s: str) -> str:
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)

    numbers = [
        lambda: "P" + digits(12),
        lambda: "p" + digits(12),
        lambda: "P" + digits(4) + "-" + digits(4) + "-" + digits(4),
        lambda: "P " + digits(4) + " " + digits(4) + " " + digits(4),
        lambda: full_width("P" + digits(12)),
        lambda: "900101-1" + digits(6),
        lambda: "850315" + digits(7),
        lambda: "010-" + digits(4) + "-" + digits(4),
        lambda: "010" + digits(8),
        lambda: "010." + digits(4) + "." + digits(4),
        lambda: "+82 10-" + digits(4) + "-" + digits(4),
        lambda: "0082 10 " + digits(4) + " " + digits(4),
        lambda: "(010) " + digits(4) + "-" + digits(4),
        lambda: full_width("010-" + digits(4) + "-" + digits(4)),
        lambda: "02-" + digits(3) + "-" + digits(4),
        lambda: "0504-" + digits(4) + "-" + digits(4),
        lambda: "124-81-00998",
        lambda: "order " + digits(16),
        lambda: "2026-02-02 12:00:01",
        lambda: "A" + digits(12),
        lambda: digits(13),
        lambda: "P" + digits(13),
    ]
    words = ["부재시 경비실에 맡겨주세요", "통관부호", "연락처", "tel:", "memo=", "😀", "주문번호", "OK", "𝐏", "", " ", "\t", "—"]
    lines = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            parts.append(rng.choice(words))
            parts.append(rng.choice(numbers)())
        glue = rng.choice([" ", "", ", ", "/", ":"])
        lines.append(glue.join(parts))
    return lines


LINES = synthetic_lines(2000)
TEXT = "\n".join(LINES) + "\n"

# (Python keyword arguments, the tool's options): every policy option, alone and together, and kinds.
POLICIES = [
    ({}, []),
    ({"kinds": ["pccc"]}, ["--kinds", "pccc"]),
    ({"kinds": ["rrn", "phone"]}, ["--kinds", "rrn,phone"]),
    ({"pccc_keep_start": 2, "pccc_keep_end": 4}, ["--pccc-keep-start", "2", "--pccc-keep-end", "4"]),
    ({"pccc_keep_end": 0}, ["--pccc-keep-end", "0"]),
    ({"phone_keep_start": 3, "phone_keep_end": 4}, ["--phone-keep-start", "3", "--phone-keep-end", "4"]),
    ({"phone_keep_start": 0}, ["--phone-keep-start", "0"]),
    ({"fill": "•"}, ["--mask-char", "•"]),
    (
        {"fill": "#", "kinds": ["phone"], "phone_keep_start": 3, "phone_keep_end": 2},
        ["--mask-char", "#", "--kinds", "phone", "--phone-keep-start", "3", "--phone-keep-end", "2"],
    ),
]

REFUSED = [
    ({"pccc_keep_start": 4, "pccc_keep_end": 4}, ["--pccc-keep-start", "4", "--pccc-keep-end", "4"], "mask_reveals_too_much"),
    ({"phone_keep_start": 7, "phone_keep_end": 4}, ["--phone-keep-start", "7", "--phone-keep-end", "4"], "mask_reveals_too_much"),
    ({"fill": "0"}, ["--mask-char", "0"], "invalid_mask_char"),
    ({"fill": " "}, ["--mask-char", " "], "invalid_mask_char"),
]


def cli(args: list[str], text: str):
    return run([str(program("PCCC_GUARD_CLI")), "redact", *args], text)


@pytest.mark.parametrize("kwargs,args", POLICIES, ids=lambda x: str(x))
def test_redact_masks_as_the_command_line_tool_does(kwargs, args) -> None:
    done = cli(args, TEXT)
    assert done.returncode == 0, done.stderr
    assert pccc_guard.redact(TEXT, **kwargs) == done.stdout.decode("utf-8")
    counted = cli([*args, "--count"], TEXT)
    counts = dict(line.split("\t") for line in counted.stdout.decode().splitlines())
    found = pccc_guard.find_sensitive(TEXT, kwargs.get("kinds"))
    assert {kind: str(sum(f.kind == kind for f in found)) for kind in counts} == counts
    assert sum(map(int, counts.values())) > 100


@pytest.mark.parametrize("kwargs,args,code", REFUSED, ids=lambda x: str(x))
def test_redact_refuses_what_the_command_line_tool_refuses(kwargs, args, code) -> None:
    done = cli(args, TEXT)
    assert done.returncode == 2
    with pytest.raises(pccc_guard.MaskPolicyError) as raised:
        pccc_guard.redact(TEXT, **kwargs)
    assert raised.value.code == code
    assert str(raised.value) == done.stderr.decode("utf-8").strip()


def test_findings_are_str_indices() -> None:
    text = "😀𝐏 연락처 010-1234-5678, 통관 P1234 5678 9012 / 900101-1234567"
    found = pccc_guard.find_sensitive(text)
    assert [(f.kind, text[f.start : f.end]) for f in found] == [
        ("phone", "010-1234-5678"),
        ("pccc", "P1234 5678 9012"),
        ("rrn", "900101-1234567"),
    ]
    for line in LINES[:300]:
        for f in pccc_guard.find_sensitive(line):
            piece = line[f.start : f.end]
            assert [g.kind for g in pccc_guard.find_sensitive(piece)] == [f.kind], piece
            assert any(c.isdigit() for c in piece)
    assert repr(found[0]) == "Finding(kind='phone', start=7, end=20)"


def test_redaction_keeps_the_shape_and_lone_surrogates() -> None:
    for line in LINES[:500]:
        assert len(pccc_guard.redact(line)) == len(line)
    broken = "\udc80로그 010-1234-5678 \ud800끝 900101-1234567\udfff"
    out = pccc_guard.redact(broken)
    assert out == "\udc80로그 010-1234-**** \ud800끝 ******-*******\udfff"
    assert [(f.kind, f.start) for f in pccc_guard.find_sensitive(broken)] == [("phone", 4), ("rrn", 21)]
    clean = "nothing to hide \udc80 here"
    assert pccc_guard.redact(clean) is clean


def test_kinds_and_options_are_checked() -> None:
    for wrong in ("pccc", 5, [1], b"pccc"):
        with pytest.raises(TypeError):
            pccc_guard.find_sensitive("x", wrong)  # type: ignore[arg-type]
    for unknown in (["email"], ["PCCC"], ["mobile"]):
        with pytest.raises(ValueError, match='kinds must be a list of kinds from "pccc", "rrn", "phone"'):
            pccc_guard.redact("x", unknown)  # type: ignore[arg-type]
    assert pccc_guard.find_sensitive("010-1234-5678", []) == []
    assert pccc_guard.find_sensitive("010-1234-5678", ("phone",))[0].kind == "phone"
    with pytest.raises(TypeError):
        pccc_guard.redact("x", None, None)  # type: ignore[misc]
    with pytest.raises(ValueError, match="pccc_keep_start must be a whole number"):
        pccc_guard.redact("x", pccc_keep_start=-1)


def test_long_texts() -> None:
    big = TEXT * 20
    assert pccc_guard.redact(big) == pccc_guard.redact(TEXT) * 20
    assert len(pccc_guard.find_sensitive(big)) == 20 * len(pccc_guard.find_sensitive(TEXT))
