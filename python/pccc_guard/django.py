# Generated from the Rust field registry (src/field.rs, each field's DOCS) by `cargo run -p pccc-guard-xtask -- python`; `make python` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.
"""Django validators and form fields for every field. A validator (``validate_<field>``) raises
``ValidationError`` with the field's error code as its ``code`` and a message that never contains the input; a form
field (``<Field>Field``) cleans to the canonical form and marks its input for the package's forms layer
(``data-pccc-field``). Messages are in the active language when it is Korean or English, Korean otherwise.
"""

from ._django import FieldValidator, GuardedField

__all__ = [
    'FieldValidator',
    'GuardedField',
    'validate_pccc',
    'PcccField',
    'validate_phone',
    'PhoneField',
    'validate_postcode',
    'PostcodeField',
    'validate_name',
    'NameField',
    'validate_business_number',
    'BusinessNumberField',
]

validate_pccc = FieldValidator('pccc')
"""Raises ``ValidationError`` unless the value is a personal customs clearance code."""


class PcccField(GuardedField):
    """A form field for a personal customs clearance code: cleans to its canonical form."""

    field = 'pccc'


validate_phone = FieldValidator('phone')
"""Raises ``ValidationError`` unless the value is a mobile number."""


class PhoneField(GuardedField):
    """A form field for a mobile number: cleans to its canonical form."""

    field = 'phone'


validate_postcode = FieldValidator('postcode')
"""Raises ``ValidationError`` unless the value is a postcode."""


class PostcodeField(GuardedField):
    """A form field for a postcode: cleans to its canonical form."""

    field = 'postcode'


validate_name = FieldValidator('name')
"""Raises ``ValidationError`` unless the value is a recipient name."""


class NameField(GuardedField):
    """A form field for a recipient name: cleans to its canonical form."""

    field = 'name'


validate_business_number = FieldValidator('business_number')
"""Raises ``ValidationError`` unless the value is a business registration number."""


class BusinessNumberField(GuardedField):
    """A form field for a business registration number: cleans to its canonical form."""

    field = 'business_number'
