# `pccc-guard redact`'s default masks as sed -E substitutions, for bench/redact.py (run with LC_ALL=C): ASCII forms
# only (no full-width digits, letters or separators, and no separators beyond space, dash and, for mobile numbers,
# the dot). POSIX regular expressions have no look-around, so the character before and after a number is matched
# and put back; two numbers one character apart then lose the second to the first.
# PCCC: P, an optional space or dash, 12 digits together or 4-4-4; the last 4 stay.
s/(^|[^0-9A-Za-z])([Pp][ -]?)[0-9]{8}([0-9]{4})([^0-9A-Za-z]|$)/\1\2********\3\4/g
s/(^|[^0-9A-Za-z])([Pp][ -]?)[0-9]{4}([ -])[0-9]{4}([ -])([0-9]{4})([^0-9A-Za-z]|$)/\1\2****\3****\4\5\6/g
# RRN: YYMMDD with a real month and day, an optional space or dash, then 1-8 and 6 digits; all hidden.
s/(^|[^0-9A-Za-z])[0-9]{2}((0[13578]|1[02])(0[1-9]|[12][0-9]|3[01])|(0[469]|11)(0[1-9]|[12][0-9]|30)|02(0[1-9]|[12][0-9]))([ -]?)[1-8][0-9]{6}([^0-9A-Za-z]|$)/\1******\8*******\9/g
# Mobile: 010 + 8 digits, 011/016-019 + 7 or 8, a separator after the prefix and before the last 4, after +82 or
# 0082 (with or without the trunk 0, or with (0)), or with the prefix in parentheses; the last 4 digits hidden.
s/(^|[^0-9A-Za-z])(((\+82|0082)[ .-]?(\(0\)[ .-]?1|0?1)|01)(0[ .-]?[0-9]{4}|[16-9][ .-]?[0-9]{3,4})[ .-]?)[0-9]{4}([^0-9A-Za-z]|$)/\1\2****\7/g
s/(^|[^0-9A-Za-z])(\(01(0\)[ .-]?[0-9]{4}|[16-9]\)[ .-]?[0-9]{3,4})[ .-]?)[0-9]{4}([^0-9A-Za-z]|$)/\1\2****\4/g
