"""A variant's form: its keys and values as the file writes them, before it meets the agreement.

`_forms` reads the file's ``[[variants]]``, each with a unique name and at
least one change; `_form` checks one variant's keys and values (rates, C5
and C6; the end of funding, C10; notices, C11 and C12; everyone's notice,
C13; the growth of personnel costs) and that no rate starts after the
funding ends. The towns are only names here: `_variants` resolves them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Any, Final

import attrs

from kim_cooperation.errors import Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.scenario import BASELINE
from kim_cooperation.scenario_file._problems import _Problems
from kim_cooperation.scenario_file._values import _amount, _date, _keys, _rate, _tables, _text

_MAX_VARIANTS: Final = 100
_MAX_NAME: Final = 200
_RESERVED: Final = frozenset({BASELINE, "basis"})  # "Basis" is the German baseline's heading
_VARIANT_KEYS: Final = (
    "name",
    "rates",
    "funding_ends",
    "notices",
    "all_give_notice",
    "personnel_growth",
)
_RATE_KEYS: Final = ("valid_from", "amount")
_NOTICE_KEYS: Final = ("party", "received", "successor")


@attrs.frozen
class _Form:
    """A variant as the file writes it, each value with its path, before it meets the agreement."""

    name: str
    rates: tuple[tuple[str, dt.date, Decimal], ...]
    funding_ends: dt.date | None
    notices: tuple[tuple[str, str, dt.date, str | None], ...]
    all_give_notice: dt.date | None
    personnel_growth: Decimal | None


def _name(value: object, path: str, problems: _Problems) -> str | None:
    name = _text(value, path, problems)
    if name is None:
        return None
    for char in name:
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            problems.add(
                path,
                Phrase(N_("the name holds the control character U+{code:04X}"), code=ord(char)),
            )
            return None
    if not name.strip():
        problems.add(path, Phrase(N_("the name is empty")))
    elif name != name.strip():
        problems.add(path, Phrase(N_("the name starts or ends with white space")))
    elif len(name) > _MAX_NAME:
        problems.add(
            path, Phrase(N_("the name is longer than {limit} characters"), limit=_MAX_NAME)
        )
    elif name.casefold() in _RESERVED:
        problems.add(path, Phrase(N_("the name {name!r} is reserved for the baseline"), name=name))
    else:
        return name
    return None


def _entries(
    table: dict[str, Any], key: str, path: str, required: tuple[str, ...], problems: _Problems
) -> list[tuple[str, dict[str, Any]]]:
    """The tables of an array such as ``rates``, each with its path, that have their keys."""
    if key not in table:
        return []
    found = []
    for index, entry in enumerate(_tables(table[key], f"{path}.{key}", problems) or []):
        where = f"{path}.{key}[{index}]"
        _keys(entry, _RATE_KEYS if key == "rates" else _NOTICE_KEYS, where, problems)
        missing = [name for name in required if name not in entry]
        for name in missing:
            problems.add(f"{where}.{name}", Phrase(N_("required key is missing")))
        if not missing:
            found.append((where, entry))
    return found


def _rates(
    table: dict[str, Any], path: str, problems: _Problems
) -> list[tuple[str, dt.date, Decimal]]:
    rates: list[tuple[str, dt.date, Decimal]] = []
    for where, rate in _entries(table, "rates", path, _RATE_KEYS, problems):
        day = _date(rate["valid_from"], f"{where}.valid_from", problems)
        amount = _amount(rate["amount"], f"{where}.amount", problems)
        if day is None or amount is None:
            continue
        earlier = [other for other, other_day, _ in rates if other_day == day]
        if earlier:
            problems.add(
                f"{where}.valid_from",
                Phrase(N_("{other} already starts on {day}"), day=day, other=earlier[0]),
            )
        rates.append((where, day, amount))
    return rates


def _notices(
    table: dict[str, Any], path: str, problems: _Problems
) -> list[tuple[str, str, dt.date, str | None]]:
    notices: list[tuple[str, str, dt.date, str | None]] = []
    for where, notice in _entries(table, "notices", path, ("party", "received"), problems):
        party = _text(notice["party"], f"{where}.party", problems)
        received = _date(notice["received"], f"{where}.received", problems)
        successor = None
        if "successor" in notice:
            successor = _text(notice["successor"], f"{where}.successor", problems)
        if party is not None and received is not None:
            notices.append((where, party, received, successor))
    return notices


def _form(table: dict[str, Any], path: str, problems: _Problems) -> _Form | None:
    """Check a variant's keys and values; its form, or ``None`` if it has a problem."""
    before = len(problems.found)
    _keys(table, _VARIANT_KEYS, path, problems)
    name = None
    if "name" not in table:
        problems.add(f"{path}.name", Phrase(N_("required key is missing")))
    else:
        name = _name(table["name"], f"{path}.name", problems)
    rates = _rates(table, path, problems)
    notices = _notices(table, path, problems)
    days = {
        key: _date(table[key], f"{path}.{key}", problems)
        for key in ("funding_ends", "all_give_notice")
        if key in table
    }
    growth = None
    if "personnel_growth" in table:
        growth = _rate(table["personnel_growth"], f"{path}.personnel_growth", problems)
    if not set(table) - {"name"} and name is not None:
        problems.add(
            path,
            Phrase(
                N_(
                    "a variant needs at least one change: rates, funding_ends, notices, "
                    "all_give_notice or personnel_growth"
                )
            ),
        )
    ends = days.get("funding_ends")
    for where, day, _ in rates:
        if ends is not None and day >= ends:
            problems.add(
                f"{where}.valid_from",
                Phrase(
                    N_(
                        "starts on {day}, after the funding ends (funding_ends = {end}); "
                        "a rate from then on is never paid"
                    ),
                    day=day,
                    end=ends,
                ),
            )
    if len(problems.found) > before or name is None:
        return None
    return _Form(
        name=name,
        rates=tuple(rates),
        funding_ends=ends,
        notices=tuple(notices),
        all_give_notice=days.get("all_give_notice"),
        personnel_growth=growth,
    )


def _forms(document: dict[str, Any], problems: _Problems) -> list[tuple[str, _Form]]:
    """The variants of the file whose form is right, each with its path; each name once."""
    _keys(document, ("variants",), "", problems)
    if "variants" not in document:
        problems.add(
            "variants",
            Phrase(
                N_(
                    "required key is missing; at least one variant, such as [[variants]] "
                    'with name = "…"'
                )
            ),
        )
        return []
    tables = _tables(document["variants"], "variants", problems) or []
    if len(tables) > _MAX_VARIANTS:
        problems.add(
            "variants",
            Phrase(
                N_("at most {limit} variants, got {count}"), limit=_MAX_VARIANTS, count=len(tables)
            ),
        )
        return []
    forms: list[tuple[str, _Form]] = []
    names: dict[str, str] = {}
    for index, table in enumerate(tables):
        path = f"variants[{index}]"
        form = _form(table, path, problems)
        if form is None:
            continue
        if form.name in names:
            other = names[form.name]
            problems.add(
                f"{path}.name",
                Phrase(
                    N_("the name {name!r} is already used by {other}"), name=form.name, other=other
                ),
            )
            continue
        names[form.name] = path
        forms.append((path, form))
    return forms
