"""The extension module: the field-independent API (each field's own functions are in _fields.pyi)."""

from collections.abc import Iterable, Iterator, Mapping
from typing import Literal, final

from ._fields import *

__version__: str

FIELDS: tuple[FieldInfo, ...]
"""Every field of the registry, in its order."""
RECIPIENT_FIELDS: tuple[str, ...]
"""The fields UNI-PASS matches, in the order they are reported."""
KINDS: tuple[str, ...]
"""The kinds of personal number ``find_sensitive`` finds."""

class MaskPolicyError(ValueError):
    """A mask policy that is refused (it would reveal too much, or its fill is a digit, a space or invisible)."""

    code: str
    """The stable code: ``"mask_reveals_too_much"`` or ``"invalid_mask_char"``."""

@final
class FieldError:
    """Why a value is not valid. Its message never contains the input."""

    @property
    def field(self) -> str:
        """The field's name."""
    @property
    def code(self) -> str:
        """The stable snake_case code, the same in every runtime."""
    @property
    def message(self) -> str:
        """The message for the user, in Korean or English; never the input."""
    @property
    def index(self) -> int | None:
        """The index in the checked ``str`` of the character the error is about."""
    @property
    def found(self) -> int | None:
        """The digits (or a name's letters) found."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class FieldResult:
    """The result of checking one value."""

    @property
    def field(self) -> str:
        """The field's name."""
    @property
    def valid(self) -> bool:
        """Whether the value is valid."""
    @property
    def value(self) -> str | None:
        """The canonical form to submit, when valid."""
    @property
    def display(self) -> str | None:
        """The form to show, for the fields that have one, when valid."""
    @property
    def error(self) -> FieldError | None:
        """Why the value is not valid, when it is not."""
    def to_json(self) -> str:
        """The JSON of the Rust crate's serde feature and JavaScript's ``validate<Field>``."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class FieldResults:
    """The results of checking many values: each ``FieldResult`` by index or iteration, each attribute as a column."""

    @property
    def field(self) -> str:
        """The field's name."""
    @property
    def valid(self) -> list[bool]:
        """Whether each value is valid."""
    @property
    def values(self) -> list[str | None]:
        """Each value's canonical form, ``None`` where it is not valid."""
    @property
    def displays(self) -> list[str | None]:
        """Each value's form to show, ``None`` where it is not valid or the field has none."""
    @property
    def codes(self) -> list[str | None]:
        """Each value's error code, ``None`` where it is valid."""
    @property
    def messages(self) -> list[str | None]:
        """Each value's error message, ``None`` where it is valid."""
    def __len__(self) -> int: ...
    def __getitem__(self, index: int, /) -> FieldResult: ...
    def __iter__(self) -> FieldResultsIter: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class FieldResultsIter(Iterator[FieldResult]):
    """The iterator of a ``FieldResults``."""

    def __iter__(self) -> FieldResultsIter: ...
    def __next__(self) -> FieldResult: ...

@final
class RecipientResult:
    """The result of ``check_recipient``."""

    @property
    def valid(self) -> bool:
        """Whether every field is valid."""
    @property
    def fields(self) -> dict[str, FieldResult]:
        """Each field's result, by name, in the order UNI-PASS matches them."""
    def __getitem__(self, name: str, /) -> FieldResult: ...
    def to_json(self) -> str:
        """The JSON of the Rust crate's serde feature and JavaScript's ``checkRecipient``, byte for byte."""

@final
class Finding:
    """A personal number found in free text: ``text[start:end]``."""

    @property
    def kind(self) -> Literal["pccc", "rrn", "phone"]:
        """What kind of number."""
    @property
    def start(self) -> int:
        """Where it starts (a ``str`` index)."""
    @property
    def end(self) -> int:
        """Where it ends, exclusive (a ``str`` index)."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class FieldInfo:
    """A field of the registry: its names, error codes and mask."""

    @property
    def name(self) -> str:
        """Its name in Python and JSON (``"business_number"``)."""
    @property
    def js_name(self) -> str:
        """Its name in JavaScript and HTML (``"businessNumber"``)."""
    @property
    def cli_name(self) -> str:
        """Its name on the command line (``"business-number"``)."""
    @property
    def description(self) -> str:
        """The field in a sentence."""
    @property
    def codes(self) -> tuple[str, ...]:
        """Its error codes, in the order its rules check them."""
    @property
    def has_display(self) -> bool:
        """Whether a valid value has a form to show apart from its canonical one."""
    @property
    def mask(self) -> Literal["digits", "name"] | None:
        """Its mask."""
    @property
    def keep_start(self) -> int | None:
        """A digit mask's default digits kept at the start."""
    @property
    def keep_end(self) -> int | None:
        """A digit mask's default digits kept at the end."""
    @property
    def max_revealed(self) -> int | None:
        """The most digits a digit mask's policy may reveal."""
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def validate_field(field: str, text: str, locale: str | None = None) -> FieldResult:
    """Checks ``text`` as the field named ``field``."""

def is_valid_field(field: str, text: str) -> bool:
    """Whether ``text`` is a valid value of the field named ``field``."""

def mask_field(
    field: str, value: str, keep_start: int | None = None, keep_end: int | None = None, fill: str | None = None
) -> str:
    """Masks ``value`` for display as the field named ``field``."""

def validate_many(field: str, values: Iterable[str], locale: str | None = None) -> FieldResults:
    """Checks each of ``values`` as the field named ``field``, with the GIL released."""

def is_valid_many(field: str, values: Iterable[str]) -> list[bool]:
    """Whether each of ``values`` is a valid value of the field named ``field``, with the GIL released."""

def check_recipient(fields: Mapping[str, str], locale: str | None = None) -> RecipientResult:
    """Checks the fields UNI-PASS matches together."""

def normalize(text: str) -> str:
    """The normalised form of ``text``, the first step of every check."""

def locale_of(tag: str) -> Literal["ko", "en"] | None:
    """The message language of a language tag, by the project's one rule."""

def field_info(name: str) -> FieldInfo:
    """The field named ``name``, in any of its spellings."""

def find_sensitive(text: str, kinds: Iterable[Literal["pccc", "rrn", "phone"]] | None = None) -> list[Finding]:
    """The personal numbers in ``text``, in order."""

def redact(
    text: str,
    kinds: Iterable[Literal["pccc", "rrn", "phone"]] | None = None,
    *,
    pccc_keep_start: int | None = None,
    pccc_keep_end: int | None = None,
    phone_keep_start: int | None = None,
    phone_keep_end: int | None = None,
    fill: str | None = None,
) -> str:
    """``text`` with its personal numbers masked by the site's policies, as ``pccc-guard redact`` masks them."""
