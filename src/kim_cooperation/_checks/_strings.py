"""Checks of strings: labels, names without invisible characters, languages, value names.

`check_label` normalises a label to NFC; `check_name` also refuses the
characters that cannot be seen (`invisible_character`), as the names of
parties, regions and posts are what look-ups and bills go by. `check_lang`
checks a report's language and `check_what` the name a caller gives a
value for its messages.
"""

from __future__ import annotations

import unicodedata
from typing import Final, Literal

from kim_cooperation._checks._values import _named, shown
from kim_cooperation.errors import N_, InvalidTypeError, InvalidValueError, Phrase


def check_lang(value: object, *, what: str = "lang") -> Literal["de", "en"]:
    """Return ``value`` if it is a report language, ``"de"`` or ``"en"``.

    Raises:
        InvalidTypeError: ``value`` is not a str.
        InvalidValueError: ``value`` is another string.

    Examples:
        >>> check_lang("en")
        'en'
        >>> check_lang("EN")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: lang must be 'de' or 'en', got 'EN'; write lang="de" for German or lang="en" for English
    """
    if value == "de" and isinstance(value, str):
        return "de"
    if value == "en" and isinstance(value, str):
        return "en"
    if isinstance(value, str):
        raise InvalidValueError(
            N_(
                "{what} must be 'de' or 'en', got {value}; write {what}=\"de\" for German or "
                '{what}="en" for English'
            ),
            what=what,
            value=shown(value),
        )
    raise InvalidTypeError(
        f"{what} must be 'de' or 'en', got {type(value).__name__} {shown(value)}; write "
        f'{what}="de" for German or {what}="en" for English'
    )


def check_what(value: object) -> str | None:
    """Return ``value`` if it can name a value in a message: a str such as ``"--rate"``, or ``None``.

    Raises:
        InvalidTypeError: ``value`` is neither.
    """
    if value is None or isinstance(value, str):
        return value
    raise InvalidTypeError(
        f"what must be a str that names the value in messages, such as '--rate', or None, got "
        f"{type(value).__name__} {shown(value)}"
    )


# The characters of Unicode's Default_Ignorable_Code_Point property that
# `str.isprintable` lets through (Unicode 15.0, DerivedCoreProperties.txt): the
# rest of the property (format controls, unassigned code points) is already
# not printable. Each is drawn as nothing, or as nothing but its neighbour.
_PRINTABLE_IGNORABLES: Final = (
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),  # Khmer inherent vowels
    (0x180B, 0x180D),  # Mongolian free variation selectors
    (0x180F, 0x180F),
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFFA0, 0xFFA0),  # halfwidth Hangul filler
    (0xE0100, 0xE01EF),  # variation selectors supplement
)


def invisible_character(text: str) -> str | None:
    r"""Return the first character of ``text`` that cannot be seen or is a control, else ``None``.

    Refused are control characters, format characters (zero-width spaces
    and joiners, bidirectional controls such as U+202E, the soft hyphen, the
    byte order mark), separators other than the plain space (no-break and
    other spaces, line and paragraph separators), surrogates, private-use and
    unassigned code points, and the printable default-ignorable characters
    (variation selectors, Hangul fillers). Such characters make two names
    that look the same differ, or make a name look like another.

    Examples:
        >>> invisible_character("Coesfeld"), invisible_character("Dülmen\u200b")
        (None, '\u200b')
        >>> invisible_character("Nord\u00a0Ost")
        '\xa0'
    """
    if text.isprintable():
        if text.isascii():
            return None
        for char in text:
            code = ord(char)
            if code >= 0x034F and any(low <= code <= high for low, high in _PRINTABLE_IGNORABLES):
                return char
        return None
    return next(char for char in text if not char.isprintable())


def _describe_character(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def check_label(value: object, *, what: str | Phrase) -> str:
    r"""Return ``value`` as a plain string in NFC, non-empty and without surrounding spaces.

    Labels and names are normalised to Unicode NFC, so a text typed with a
    combining umlaut (``"Du\u0308lmen"``, NFD, as some systems store it) and
    one typed with ``"ü"`` are the same string. Names, which look-ups and
    bills rely on, are checked further by `check_name`.

    Raises:
        InvalidTypeError: ``value`` is not a string.
        InvalidValueError: ``value`` is empty or has leading or trailing spaces.

    Examples:
        >>> check_label("Du\u0308lmen", what="party name") == "Dülmen"
        True
    """
    if type(value) is not str:
        if not isinstance(value, str):
            raise InvalidTypeError(
                f"{what} must be a str, got {type(value).__name__} {shown(value)}"
            )
        value = str.__str__(value)  # the characters, without a subclass's methods
    if not value.strip() or value != value.strip():
        raise InvalidValueError(
            N_("{what} must be non-empty without leading or trailing spaces, got {value}"),
            what=_named(what),
            value=shown(value),
        )
    if value.isascii():
        return value
    return unicodedata.normalize("NFC", value)


def check_name(value: object, *, what: str | Phrase) -> str:
    r"""Return ``value`` as a name: a `check_label` without invisible or control characters.

    The names of parties, regions and posts are what look-ups, bills and
    reports go by. A character that cannot be seen (see
    `invisible_character`) would make two names that look the same differ,
    or hide what a name says, so it is refused.

    Raises:
        InvalidTypeError: ``value`` is not a string.
        InvalidValueError: ``value`` is empty, has leading or trailing
            spaces, or holds an invisible or control character.

    Examples:
        >>> check_name("Coesfeld\u200b", what="party name")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: party name must not contain invisible or control characters, got 'Coesfeld\u200b' with U+200B ZERO WIDTH SPACE at position 9; write the name with visible characters only
    """
    name = check_label(value, what=what)
    hidden = invisible_character(name)
    if hidden is not None:
        raise InvalidValueError(
            N_(
                "{what} must not contain invisible or control characters, got {value} "
                "with {character} at position {position}; write the name with visible "
                "characters only"
            ),
            what=_named(what),
            value=shown(name),
            character=_describe_character(hidden),
            position=name.index(hidden) + 1,
        )
    return name
