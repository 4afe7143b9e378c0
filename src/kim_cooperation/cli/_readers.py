"""The options' types: the values typed after ``--year``, ``--rate``, ``--notice``, … read.

Each typed option is read by a `_Reader` around `kim_cooperation.parsing`
(``--closed`` by `kim_cooperation.closed_days`), in the language of
``--lang``, so that a value refused names its option (`_Refused`, exit
status 2). ``--notice TOWN=DATE`` and ``--advance TOWN=AMOUNT`` are split
at their last ``=``; ``--successor`` completes the ``--notice`` before it
(C3, I8).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from kim_cooperation.cli._language import _LANG
from kim_cooperation.errors import KimCooperationError, Phrase
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.formatting import Lang


class _Refused(Exception):  # noqa: N818 - not an error class of the library's
    """A value the arguments give and the library refuses; `main` reports it with exit status 2.

    Not a `ValueError`, so that `argparse` lets it through with its message
    instead of replacing it with "invalid value".
    """

    def __init__(self, error: KimCooperationError) -> None:
        super().__init__(error)
        self.error = error


class _Reader:
    """An option's type: reads the text typed with `kim_cooperation.parsing` (or alike).

    Called by `_Parser` with the option's name, so that a message names it
    (``--rate '57.000' ist mehrdeutig: ...``), in the language of `_LANG`.
    """

    def __init__(self, read: Callable[..., object], name: str) -> None:
        self._read = read
        self.__name__ = name  # argparse names a type by it in its own messages

    def __call__(self, text: str, *, what: str | None = None) -> object:
        try:
            return self._read(text, lang=_LANG.get(), what=what)
        except KimCooperationError as error:
            raise _Refused(error) from None


def _read_date(text: str, *, lang: Lang, what: str | None) -> dt.date:
    from kim_cooperation.parsing import parse_date  # noqa: PLC0415

    return parse_date(text, lang=lang, what=what)


def _read_year(text: str, *, lang: Lang, what: str | None) -> int:
    from kim_cooperation.parsing import parse_year  # noqa: PLC0415

    return parse_year(text, lang=lang, what=what)


def _read_amount(text: str, *, lang: Lang, what: str | None) -> Decimal:
    from kim_cooperation.parsing import parse_amount  # noqa: PLC0415

    return parse_amount(text, lang=lang, what=what)


def _read_rate(text: str, *, lang: Lang, what: str | None) -> Decimal:
    from kim_cooperation.parsing import parse_rate  # noqa: PLC0415

    return parse_rate(text, lang=lang, what=what)


def _named(text: str, what: str | None, example: Phrase) -> tuple[str, str]:
    """Split ``TOWN=VALUE`` at its last ``=``."""
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    name, separator, value = text.rpartition("=")
    if not separator or not name.strip():
        raise InvalidValueError(
            N_("{option} expects {example}; got {text}"),
            option=what or "TOWN=…",
            example=example,
            text=repr(text),
        )
    return name, value


def _read_notice(text: str, *, lang: Lang, what: str | None) -> tuple[str, dt.date, str | None]:
    example = Phrase(N_("TOWN=DATE, such as Rosendahl={day}"), day=dt.date(2024, 6, 30))
    name, day = _named(text, what, example)
    return name, _read_date(day, lang=lang, what=f"{what or ''} {name}=".lstrip()), None


def _read_advance(text: str, *, lang: Lang, what: str | None) -> tuple[str, Decimal]:
    example = Phrase(
        N_("TOWN=AMOUNT, such as Billerbeck=4000 or Billerbeck={amount}"),
        amount="4.000,00" if lang == "de" else "4,000.00",
    )
    name, amount = _named(text, what, example)
    return name, _read_amount(amount, lang=lang, what=f"{what or ''} {name}=".lstrip())


def _read_closed_day(text: str, *, lang: Lang, what: str | None) -> dt.date | tuple[int, int]:
    from kim_cooperation.closed_days import parse_closed_day  # noqa: PLC0415

    return parse_closed_day(text, lang=lang, what=what)


_closed_day: Final = _Reader(_read_closed_day, "closed day")


_date: Final = _Reader(_read_date, "date")
_year: Final = _Reader(_read_year, "year")
_amount: Final = _Reader(_read_amount, "amount")
_rate: Final = _Reader(_read_rate, "rate")
_notice: Final = _Reader(_read_notice, "notice")
_advance: Final = _Reader(_read_advance, "advance")


class _Successor(argparse.Action):
    """``--successor TOWN``: the successor employer named by the ``--notice`` before it (C3, I8)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

        notices = list(getattr(namespace, "notice", None) or [])
        if not notices:
            raise _Refused(
                InvalidValueError(
                    N_(
                        "--successor {town} follows the --notice of the employer that leaves, "
                        "such as --notice Coesfeld={day} --successor Billerbeck"
                    ),
                    town=repr(values),
                    day=dt.date(2024, 6, 30),
                )
            )
        name, day, successor = notices[-1]
        if successor is not None:
            raise _Refused(
                InvalidValueError(
                    N_(
                        "--notice {town} already names the successor {successor}; "
                        "one --successor a --notice"
                    ),
                    town=name,
                    successor=successor,
                )
            )
        notices[-1] = (name, day, values)
        namespace.notice = notices
