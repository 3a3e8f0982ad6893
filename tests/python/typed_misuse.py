"""Misuses the API; `mypy --strict` must report exactly the lines marked `# error` (tests/python/test_types.py)."""

import pccc_guard

value: str = pccc_guard.validate_pccc("P123456789012").value  # error: str | None
pccc_guard.validate_pccc(123)  # error: not a str
pccc_guard.mask_pccc("P123456789012", keep_start="2")  # error: not an int
pccc_guard.mask_name("홍길동", keep_start=1)  # error: a name's mask keeps no digits
pccc_guard.find_sensitive("x", ["email"])  # error: not a kind
flag: str = pccc_guard.is_valid_phone("010")  # error: a bool
code = pccc_guard.validate_postcode("1").error.code  # error: the error may be None
