"""The command line's own words, in the language ``--lang`` asks for.

Messages about the arguments come before `argparse` has read ``--lang``:
`_lang_in` finds it in the raw arguments first, and `_LANG` holds the
language while a command runs, so that `_t` gives each text of the command
line's own from the catalogue (`kim_cooperation.i18n`) in that language.
`_argparse_message` does the same for `argparse`'s own error messages.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang


_LANG: Final[contextvars.ContextVar[Lang]] = contextvars.ContextVar("lang", default="de")
"""The language of the messages while the arguments are read, before ``--lang`` is known."""


def _t(message: str) -> str:
    """``message``, written in English, in the language of `_LANG`, from the catalogue."""
    return translate(message, _LANG.get())


def _lang_in(argv: Sequence[str]) -> Lang:
    """The language ``--lang`` asks for, read before the arguments are, for their messages."""
    lang: Lang = "de"
    for index, token in enumerate(argv):
        if token == "--":
            break
        option, equals, value = token.partition("=")
        if len(option) >= len("--lan") and "--lang".startswith(option):
            if not equals:
                value = argv[index + 1] if index + 1 < len(argv) else ""
            if value == "en":
                lang = "en"
            elif value == "de":
                lang = "de"
    return lang


_ARGPARSE_MESSAGES: Final = (
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("invalid %(type)s value: %(value)r"),
)
"""The messages of `argparse`'s own that reach `_Parser.error`, already filled in, in English.

`argparse` translates them with the process's default `gettext` domain,
which this package must not change; `_argparse_message` matches the English
text against these and fills in the catalogue's form instead.
"""


_PLACEHOLDER: Final = re.compile(r"%(?:\((\w+)\))?[sr]")


def _argparse_message(message: str) -> str:
    """An `argparse` error message in the language of `_LANG` (the English one if unknown).

    Examples:
        >>> token = _LANG.set("de")
        >>> _argparse_message("argument --year: expected one argument")
        'Argument --year: erwartet ein Argument'
        >>> _LANG.reset(token)
    """
    for template in _ARGPARSE_MESSAGES:
        parts = _PLACEHOLDER.split(template)
        # split gives literal, name, literal, name, ...: literals at even places.
        pattern = "".join(
            re.escape(part) if index % 2 == 0 else "(.+?)" for index, part in enumerate(parts)
        )
        match = re.fullmatch(pattern, message, flags=re.DOTALL)
        if match is None:
            continue
        names = parts[1::2]
        values = [
            _argparse_message(value) if name == "message" else value
            for name, value in zip(names, match.groups(), strict=True)
        ]
        pieces = _PLACEHOLDER.split(_t(template))
        filled = iter(values)
        return "".join(
            piece if index % 2 == 0 else next(filled) for index, piece in enumerate(pieces)
        )
    return message
