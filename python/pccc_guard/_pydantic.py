"""What the pydantic adapter (``pccc_guard.pydantic``) is made of: the ``Guarded`` marker, which checks a ``str``
with a field's rules and gives its canonical form, and ``guarded``, which annotates ``str`` with one."""

from __future__ import annotations

from typing import Annotated, Any

try:
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue
    from pydantic_core import PydanticCustomError, core_schema
except ImportError:  # the original error stays chained (tested in a subprocess)
    raise ImportError('pccc_guard.pydantic needs pydantic 2: pip install "pccc-guard[pydantic]"')

from ._native import field_info, locale_of, validate_field


class Guarded:
    """Annotation metadata that makes a ``str`` a field's value: ``Annotated[str, Guarded("pccc")]``.

    pydantic checks the ``str`` with the field's rules and keeps its canonical form; an invalid value raises a
    validation error whose ``type`` is the field's error code, whose message (Korean by default, or in ``locale``)
    never contains the input, and whose context has the ``field`` and, where they apply, the ``index`` of the
    character it is about and the digits ``found``.
    """

    __slots__ = ("field", "locale")

    def __init__(self, field: str, locale: str | None = None) -> None:
        self.field = field_info(field).name
        if locale is not None and locale_of(locale) is None:
            raise ValueError('pccc-guard: locale must be "ko" or "en" (or a tag such as "en-US")')
        self.locale = locale

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, core_schema.str_schema())

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.setdefault("description", field_info(self.field).description.capitalize())
        return json_schema

    def check(self, value: str) -> str:
        """The canonical form of ``value``, or pydantic's error for the first rule it breaks."""
        result = validate_field(self.field, value, self.locale)
        error = result.error
        if error is None:
            return result.value or ""
        context: dict[str, Any] = {"field": error.field}
        if error.index is not None:
            context["index"] = error.index
        if error.found is not None:
            context["found"] = error.found
        raise PydanticCustomError(error.code, error.message, context)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Guarded) and (self.field, self.locale) == (other.field, other.locale)

    def __hash__(self) -> int:
        return hash((self.field, self.locale))

    def __repr__(self) -> str:
        locale = "" if self.locale is None else f", locale={self.locale!r}"
        return f"Guarded({self.field!r}{locale})"


def guarded(field: str, locale: str | None = None) -> Any:
    """``Annotated[str, Guarded(field, locale)]``: a field's type with messages in ``locale``.

    >>> from pydantic import TypeAdapter
    >>> TypeAdapter(guarded("postcode", locale="en")).validate_python(" 03154 ")
    '03154'
    """
    return Annotated[str, Guarded(field, locale)]
