"""The texts of the checks and warnings (C11): language, catalogue, Länder, deadlines.

Every text of the closed days is an English catalogue text translated here
(`_say`) before its fields are filled in; this module is the only one of
the package that calls `translate`, so a stand-in catalogue put in its
place sees every text. `_deadline_warning` is the warning of a notice
deadline on a closed day, used by `kim_cooperation.notice`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kim_cooperation._checks import shown
from kim_cooperation.closed_days._holidays import _LAND_NAMES
from kim_cooperation.errors import InvalidValueError
from kim_cooperation.formatting import Lang, format_date
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.closed_days import DayCheck


def _lang(lang: object) -> Lang:
    """``lang`` if it is ``"de"`` or ``"en"``; a value error otherwise, whatever its type."""
    if lang == "de" and isinstance(lang, str):
        return "de"
    if lang == "en" and isinstance(lang, str):
        return "en"
    raise InvalidValueError(N_("lang must be 'de' or 'en', got {value}"), value=shown(lang))


def _say(template: str, lang: Lang, **fields: object) -> str:
    """``template``, an English catalogue text, in ``lang`` with its ``fields`` filled in.

    The checks' and warnings' texts are plain strings (the warnings' message
    is the English one), so the fields are written by the caller: days with
    `format_date`, nested texts already in ``lang``.
    """
    return translate(template, lang).format(**fields)


def _land_names(lands: Iterable[str], lang: Lang) -> str:
    names = [translate(_LAND_NAMES[land], lang) for land in lands]
    if len(names) == 1:
        return names[0]
    return _say(N_("{names} and {last}"), lang, names=", ".join(names[:-1]), last=names[-1])


def _deadline_warning(check: DayCheck, working_day: dt.date, *, lang: Lang) -> str | None:
    """The warning of a deadline on ``check.day``: closed, and by when to arrive; or ``None``."""
    chosen = _lang(lang)
    note = check.gap_note(lang=chosen)
    if not check.closed:
        return note
    sentence = _say(
        N_(
            "The deadline {deadline} is {what}. It is not moved (§ 193 BGB does not apply to "
            "notice periods), but a letter left in a closed office's mailbox counts as "
            "received on the next working day: make sure the notice arrives by "
            "{working_day}."
        ),
        chosen,
        deadline=format_date(check.day, lang=chosen),
        what=check.describe(lang=chosen),
        working_day=format_date(working_day, lang=chosen),
    )
    return sentence if note is None else f"{sentence} {note}"
