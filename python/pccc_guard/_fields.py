# Generated from the Rust field registry (src/field.rs, each field's DOCS) by `cargo run -p pccc-guard-xtask -- python`; `make python` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.
"""Every field's named functions (the extension's own; their types are in _fields.pyi), which the package exports."""

from ._native import (
    validate_pccc,
    is_valid_pccc,
    mask_pccc,
    validate_pccc_many,
    is_valid_pccc_many,
    validate_phone,
    is_valid_phone,
    mask_phone,
    validate_phone_many,
    is_valid_phone_many,
    validate_postcode,
    is_valid_postcode,
    validate_postcode_many,
    is_valid_postcode_many,
    validate_name,
    is_valid_name,
    mask_name,
    validate_name_many,
    is_valid_name_many,
    validate_business_number,
    is_valid_business_number,
    mask_business_number,
    validate_business_number_many,
    is_valid_business_number_many,
)
