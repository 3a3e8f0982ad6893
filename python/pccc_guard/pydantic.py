# Generated from the Rust field registry (src/field.rs, each field's DOCS) by `cargo run -p pccc-guard-xtask -- python`; `make python` rewrites it and `cargo test -p pccc-guard-xtask` fails when it is stale. Do not edit.
"""pydantic (v2) types for every field: a ``str`` annotated to be checked with the field's rules and normalised
to its canonical form. An invalid value raises pydantic's ``ValidationError`` whose error ``type`` is the field's
error code and whose message never contains the input (pydantic adds the input to its own report unless the model
sets ``hide_input_in_errors=True``). ``guarded(field, locale="en")`` makes one with English messages.

>>> from pydantic import TypeAdapter
>>> TypeAdapter(Pccc).validate_python('ｐ1234 5678 9012')
'P123456789012'
"""

from typing import Annotated

from ._pydantic import Guarded, guarded

__all__ = [
    'Guarded',
    'guarded',
    'Pccc',
    'Phone',
    'Postcode',
    'Name',
    'BusinessNumber',
]

Pccc = Annotated[str, Guarded('pccc')]
"""A personal customs clearance code, as its canonical form."""

Phone = Annotated[str, Guarded('phone')]
"""A mobile number, as its canonical form (the ``value``, not the display form)."""

Postcode = Annotated[str, Guarded('postcode')]
"""A postcode, as its canonical form."""

Name = Annotated[str, Guarded('name')]
"""A recipient name, as its canonical form."""

BusinessNumber = Annotated[str, Guarded('business_number')]
"""A business registration number, as its canonical form (the ``value``, not the display form)."""
