"""What the Django adapter (``pccc_guard.django``) is made of: ``FieldValidator``, a validator for a field, and
``GuardedField``, a form field that cleans to a field's canonical form."""

from __future__ import annotations

from typing import Any, ClassVar

try:
    from django import forms
    from django.core.exceptions import ValidationError
    from django.utils import translation
    from django.utils.deconstruct import deconstructible
except ImportError:  # the original error stays chained (tested in a subprocess)
    raise ImportError('pccc_guard.django needs Django: pip install "pccc-guard[django]"')

from ._native import FieldResult, field_info, locale_of, validate_field


def _language(locale: str | None) -> str:
    """The messages' language: the one given, else the active language when it is Korean or English, else Korean."""
    if locale is not None:
        return locale
    active = translation.get_language()
    return (locale_of(active) if active else None) or "ko"


def _raise(result: FieldResult) -> None:
    error = result.error
    if error is not None:
        raise ValidationError(error.message, code=error.code)


@deconstructible(path="pccc_guard.django.FieldValidator")
class FieldValidator:
    """A validator for a field (``FieldValidator("pccc")``): raises ``ValidationError`` whose ``code`` is the field's
    error code and whose message (in ``locale``, else the active language) never contains the value. For a model
    field's ``validators``; a form field of this package also cleans the value to its canonical form."""

    def __init__(self, field: str, locale: str | None = None) -> None:
        self.field = field_info(field).name
        if locale is not None and locale_of(locale) is None:
            raise ValueError('pccc-guard: locale must be "ko" or "en" (or a tag such as "en-US")')
        self.locale = locale

    def __call__(self, value: str) -> None:
        _raise(validate_field(self.field, value, _language(self.locale)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldValidator) and (self.field, self.locale) == (other.field, other.locale)

    def __hash__(self) -> int:
        return hash((self.field, self.locale))


class GuardedField(forms.CharField):
    """A form field for a field's value: ``cleaned_data`` holds the canonical form, and an invalid value is a
    ``ValidationError`` with the field's error code. Its input carries ``data-pccc-field``, so the page's forms
    layer (the npm package's ``pccc-guard/forms``) guards it as it is typed with the same rules.

    A subclass names its field (``field = "pccc"``); ``GuardedField(field="pccc")`` works too. ``locale`` chooses
    the messages' language (default: the active language when it is Korean or English, else Korean).
    """

    field: ClassVar[str | None] = None

    def __init__(self, *, field: str | None = None, locale: str | None = None, **kwargs: Any) -> None:
        name = field if field is not None else type(self).field
        if name is None:
            raise TypeError('pccc-guard: GuardedField needs a field, such as GuardedField(field="pccc")')
        info = field_info(name)
        if locale is not None and locale_of(locale) is None:
            raise ValueError('pccc-guard: locale must be "ko" or "en" (or a tag such as "en-US")')
        self.guarded_field = info.name
        self.js_name = info.js_name
        self.locale = locale
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        text: str = super().to_python(value)
        if text in self.empty_values:
            return text
        result = validate_field(self.guarded_field, text, _language(self.locale))
        _raise(result)
        return result.value or ""

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs: dict[str, Any] = super().widget_attrs(widget)
        attrs["data-pccc-field"] = self.js_name
        return attrs
