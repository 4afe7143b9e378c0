"""The command line's and the exports' texts in German or English: stdlib `gettext`.

English is the source language: each text is written in English in the
code, marked with `translate` (or `N_` where it is only listed), and the
German catalogue ``locale/de/LC_MESSAGES/kim_cooperation.po`` gives its
German form. The compiled ``.mo`` file beside it ships in the wheel and is
read with the standard library's `gettext`; Babel, a development tool only,
extracts the texts and compiles the catalogue (see the docs' page
"Languages"). A test fails when a marked text has no German form, when the
``.mo`` file is older than the ``.po`` file, and when a command prints
English under ``--lang de``.

Placeholders are named and filled with `str.format` after translating, so
a translation may put them in another order.

Examples:
    >>> from kim_cooperation.i18n import translate
    >>> translate("Part of {town}", "de").format(town="Billerbeck")
    'Anteil Billerbeck'
    >>> translate("Part of {town}", "en").format(town="Billerbeck")
    'Part of Billerbeck'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Final

from kim_cooperation import _catalogue
from kim_cooperation._catalogue import DOMAIN
from kim_cooperation._checks import check_instance, check_lang, tuple_of

if TYPE_CHECKING:
    import gettext
    from collections.abc import Sequence

    from kim_cooperation.formatting import Lang

__all__ = ["DOMAIN", "N_", "template_pattern", "translate", "translate_filled", "translations"]


def translations(lang: Lang) -> gettext.NullTranslations:
    """The catalogue for ``lang``: English returns every text as written.

    Read from the package's own files, never from the environment's
    ``LANGUAGE`` or ``LC_MESSAGES``: the language is the one ``--lang`` (or a
    ``lang`` argument) chooses.

    Args:
        lang: ``"de"`` or ``"en"``.

    Returns:
        The translations; `gettext.NullTranslations` for English.

    Raises:
        InvalidTypeError: ``lang`` is not a str.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> translations("de").gettext("usage: ")
        'Aufruf: '
    """
    return _catalogue.catalogue(check_lang(lang))


def translate(message: str, lang: Lang) -> str:
    """``message``, written in English, in ``lang``.

    Args:
        message: The English text, as it stands in the catalogue.
        lang: ``"de"`` or ``"en"``.

    Returns:
        The German text under ``"de"``; ``message`` itself under ``"en"``.

    Raises:
        InvalidTypeError: ``message`` is not a str, or ``lang`` is not.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> translate("Costs", "de")
        'Kosten'
    """
    checked = check_instance(message, str, what="message", how="give the English text")
    return translations(lang).gettext(checked)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools know
    """Mark ``message`` for the catalogue without translating it yet.

    Raises:
        InvalidTypeError: ``message`` is not a str.

    Examples:
        >>> N_("Costs")
        'Costs'
    """
    return check_instance(message, str, what="message", how="give the English text")


_FIELD: Final = re.compile(r"\{(\w+)\}")
_ISO_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@functools.cache
def _compiled(template: str) -> re.Pattern[str]:
    pieces = _FIELD.split(template)
    return re.compile(
        "".join(
            re.escape(piece) if index % 2 == 0 else f"(?P<{piece}>.+?)"
            for index, piece in enumerate(pieces)
        ),
        flags=re.DOTALL,
    )


def template_pattern(template: str) -> re.Pattern[str]:
    """A pattern that matches ``template`` filled in, each ``{field}`` a named group.

    How a text filled in elsewhere (in English, by the library or by
    Python's own readers) is read back into its template and values, so the
    template can be translated and filled in again.

    Raises:
        InvalidTypeError: ``template`` is not a str.

    Examples:
        >>> template_pattern("{debtor} owes {creditor}").fullmatch("Olfen owes Ascheberg")["debtor"]
        'Olfen'
    """
    return _compiled(check_instance(template, str, what="template", how="give the English text"))


def translate_filled(text: str, templates: Sequence[str], lang: Lang) -> str:
    """``text``, an English template already filled in, in ``lang``.

    For texts the library builds in English on purpose (a settlement line's
    description is part of the Python API), translated where a language is
    chosen (a German CSV). The first template ``text`` matches as a whole
    gives the values of its fields, which fill in the translated template.

    Args:
        text: The English text.
        templates: The templates it may have been filled in from, with
            ``{name}`` fields.
        lang: ``"de"`` or ``"en"``.

    Returns:
        The text in ``lang``; ``text`` itself if no template matches.

    Raises:
        InvalidTypeError: ``text`` is not a str, ``templates`` not strs, or
            ``lang`` not a str.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> translate_filled("Billerbeck owes Coesfeld", ["{debtor} owes {creditor}"], "de")
        'Billerbeck schuldet Coesfeld'

        Days among the values are written as German days:

        >>> translate_filled(
        ...     "Split key: population, counts on or before 2025-12-31",
        ...     ["Split key: population, counts on or before {day}"],
        ...     "de",
        ... )
        'Verteilungsschlüssel: Einwohnerzahl, Stand am oder vor 31.12.2025'
    """
    check_instance(text, str, what="text", how="give the English text")
    listed = tuple_of(templates, str, what="templates")
    if check_lang(lang) == "en":
        return text
    for template in listed:
        match = template_pattern(template).fullmatch(text)
        if match is not None:
            values = {name: _in_german(value) for name, value in match.groupdict().items()}
            return translate(template, lang).format(**values)
    return text


def _in_german(value: str) -> str:
    """A field's value for a German text: an ISO day as ``31.12.2025``, anything else as it is."""
    if _ISO_DAY.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return value
