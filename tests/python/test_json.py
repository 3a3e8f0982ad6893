"""JSON parity with the Rust crate's serde feature, byte for byte: every vector and hostile string of every field
(FieldResult.to_json) and whole recipients (RecipientResult.to_json), in Korean and English, against what
examples/json_results.rs prints for the same requests (the program tests/node/serde-parity.test.mjs holds the
JavaScript API to). A Python service answering with to_json() sends exactly what the browser shows."""

import json

import pccc_guard
from conftest import FIELDS, program, run, vectors

HOSTILE = [
    "",
    " ",
    "\x00",
    "\x00P123456789012",
    "\x1f\x7f",
    "\u202eP123456789012",
    "\ufeffP123456789012",
    "😀",
    "😀P123456789012",
    "P12😀3456789012",
    "홍😀길동",
    "𝐏123456789012",
    "P١٢٣٤٥٦٧٨٩٠١٢",
    "Р123456789012",
    "P" + "1" * 10_000,
    "+" * 1000,
    "가" * 1000,
    "900101-1234567",
    "9001011234567",
    '"quoted" \\ back\\slash\n\r\t',
    "e\u0301",
    "ﾎﾝ",
]


def js_function(info: pccc_guard.FieldInfo) -> str:
    return "validate" + info.js_name[0].upper() + info.js_name[1:]


def requests() -> list[tuple[str, object, str]]:
    out = []
    for locale in ("ko", "en"):
        for info in FIELDS:
            for text in [v.input for v in vectors(info.name)] + HOSTILE:
                out.append((js_function(info), text, locale))
        columns = {name: [v.input for v in vectors(name)] for name in pccc_guard.RECIPIENT_FIELDS}
        n = max(len(c) for c in columns.values())
        for i in range(n):
            fields = {name: c[(i * (2 * k + 1)) % len(c)] for k, (name, c) in enumerate(columns.items())}
            out.append(("checkRecipient", fields, locale))
            partial = dict(list(fields.items())[: i % len(fields)])
            out.append(("checkRecipient", partial, locale))
    return out


def python_json(fn: str, input: object, locale: str) -> str:
    if fn == "checkRecipient":
        assert isinstance(input, dict)
        return pccc_guard.check_recipient(input, locale=locale).to_json()
    info = next(f for f in FIELDS if js_function(f) == fn)
    return pccc_guard.validate_field(info.name, input, locale=locale).to_json()  # type: ignore[arg-type]


def test_every_result_serialises_as_serde_does_byte_for_byte() -> None:
    all_requests = requests()
    stdin = "".join(json.dumps({"fn": fn, "input": i, "locale": l}, ensure_ascii=False) + "\n" for fn, i, l in all_requests)
    done = run([str(program("PCCC_GUARD_JSON_RESULTS"))], stdin)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    rust = done.stdout.decode("utf-8").split("\n")[:-1]
    assert len(rust) == len(all_requests)
    for (fn, input, locale), expected in zip(all_requests, rust):
        assert python_json(fn, input, locale) == expected, (fn, locale)


def test_the_objects_say_what_the_json_says() -> None:
    for info in FIELDS:
        for v in vectors(info.name):
            result = pccc_guard.validate_field(info.name, v.input, locale="en")
            parsed = json.loads(result.to_json())
            assert parsed["valid"] is result.valid
            if result.valid:
                assert parsed["value"] == result.value
                assert parsed.get("display") == result.display
            else:
                assert parsed["error"]["code"] == result.error.code
                assert parsed["error"]["message"] == result.error.message
                assert parsed["error"].get("found") == result.error.found
                assert ("index" in parsed["error"]) == (result.error.index is not None)
