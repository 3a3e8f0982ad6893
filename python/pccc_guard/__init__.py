# Generated from the Rust field registry (src/field.rs, each field's DOCS) by `cargo run -p pccc-guard-xtask -- python`; `make python` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.
"""pccc-guard: checks and masks Korean personal customs clearance codes (PCCC, 개인통관고유부호), the other fields
customs matches at checkout (mobile number, postcode, name) and the business registration number, with the same
rules, codes and messages as the browser, the command-line tool and Rust services: one Rust core.

>>> result = validate_pccc('ｐ1234 5678 9012', locale="en")
>>> result.valid, result.value
(True, 'P123456789012')
>>> mask_pccc(result.value)
'P********9012'

Every field has ``validate_<field>``, ``is_valid_<field>``, ``mask_<field>`` (a field with a mask) and their ``_many``
forms for columns; ``validate_field`` and the other ``*_field`` functions take a field's name. ``check_recipient``
checks the fields UNI-PASS matches together; ``find_sensitive`` and ``redact`` find and mask numbers in free text.
The adapters ``pccc_guard.pydantic`` and ``pccc_guard.django`` need those frameworks; the rest needs nothing but
this package.
"""

from ._fields import *  # noqa: F403 (each field's functions: they are listed in __all__)
from ._native import (
    FIELDS,
    KINDS,
    RECIPIENT_FIELDS,
    FieldError,
    FieldInfo,
    FieldResult,
    FieldResults,
    Finding,
    MaskPolicyError,
    RecipientResult,
    __version__,
    check_recipient,
    field_info,
    find_sensitive,
    is_valid_field,
    is_valid_many,
    locale_of,
    mask_field,
    normalize,
    redact,
    validate_field,
    validate_many,
)

__all__ = [
    'FIELDS',
    'KINDS',
    'RECIPIENT_FIELDS',
    'FieldError',
    'FieldInfo',
    'FieldResult',
    'FieldResults',
    'Finding',
    'MaskPolicyError',
    'RecipientResult',
    '__version__',
    'check_recipient',
    'field_info',
    'find_sensitive',
    'is_valid_field',
    'is_valid_many',
    'locale_of',
    'mask_field',
    'normalize',
    'redact',
    'validate_field',
    'validate_many',
    'validate_pccc',
    'is_valid_pccc',
    'mask_pccc',
    'validate_pccc_many',
    'is_valid_pccc_many',
    'validate_phone',
    'is_valid_phone',
    'mask_phone',
    'validate_phone_many',
    'is_valid_phone_many',
    'validate_postcode',
    'is_valid_postcode',
    'validate_postcode_many',
    'is_valid_postcode_many',
    'validate_name',
    'is_valid_name',
    'mask_name',
    'validate_name_many',
    'is_valid_name_many',
    'validate_business_number',
    'is_valid_business_number',
    'mask_business_number',
    'validate_business_number_many',
    'is_valid_business_number_many',
]
