"""The variants built on the agreement: towns resolved, rates, funding and notices applied.

`_built` turns a variant's form into a `Variant`: the rates (C5, C6), the
end of funding (C10), the notices with their successors (C1, C3, C11, C12)
and everyone's notice (C13). When an employer leaves and the file names no
successor, the problem says how to name one (I8).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from kim_cooperation._suggestions import party_named, successor_needed
from kim_cooperation.agreement import Agreement
from kim_cooperation.errors import KimCooperationError, Phrase, UndecidedCaseError
from kim_cooperation.i18n import N_
from kim_cooperation.party import Party
from kim_cooperation.scenario import Variant, all_give_notice, loss_of_funding, rate_change
from kim_cooperation.scenario_file._form import _Form
from kim_cooperation.scenario_file._problems import _Problems

if TYPE_CHECKING:
    from kim_cooperation.scenario_file import Message


@attrs.frozen
class _Notices:
    """A variant's notices with the towns resolved: received, successors, the path of each."""

    received: dict[Party, dt.date]
    successors: dict[Party, Party]
    paths: dict[Party, str]


def _resolved(form: _Form, base: Agreement, problems: _Problems) -> _Notices:
    """The towns the notices name, each once, or a problem at the name's path (C1)."""
    notices = _Notices(received={}, successors={}, paths={})
    for where, name, day, successor in form.notices:
        try:
            party = party_named(base, name)
        except KimCooperationError as error:
            problems.add(f"{where}.party", error)
            continue
        if party in notices.paths:
            other = notices.paths[party]
            problems.add(
                f"{where}.party",
                Phrase(
                    N_("{party} already gives notice in {other}"), party=party.name, other=other
                ),
            )
            continue
        notices.paths[party] = where
        notices.received[party] = day
        if successor is not None:
            try:
                notices.successors[party] = party_named(base, successor)
            except KimCooperationError as error:
                problems.add(f"{where}.successor", error)
    return notices


def _undecided(
    error: KimCooperationError, notices: _Notices, base: Agreement, problems: _Problems
) -> Message:
    """The message for notices the agreement refuses; for an employer leaving, how to go on (I8)."""
    if isinstance(error, UndecidedCaseError):
        for party, day in notices.received.items():
            if party in notices.successors:
                continue
            how = Phrase(N_('successor = "TOWN" in {where}'), where=notices.paths[party])
            message = successor_needed(base, party, day, how=how)
            if message is not None:
                return message
    return error


def _built(form: _Form, path: str, base: Agreement, problems: _Problems) -> Variant | None:
    """The variant's agreement: the rates, the end of funding, the notices, everyone's notice."""
    before = len(problems.found)
    agreement = base
    source = f"Scenario file: {form.name}"
    for where, day, amount in form.rates:
        try:
            agreement = rate_change(agreement, amount, day, source=source, replace=True)
        except KimCooperationError as error:  # the amount: the day replaces any rate of its own
            problems.add(f"{where}.amount", error)
    if form.funding_ends is not None:
        agreement = loss_of_funding(agreement, form.funding_ends, source=source)
    notices = _resolved(form, base, problems)
    if len(problems.found) > before:
        return None
    try:
        if notices.received:
            agreement = agreement.give_notices(notices.received, successors=notices.successors)
    except KimCooperationError as error:
        problems.add(f"{path}.notices", _undecided(error, notices, base, problems))
        return None
    try:
        if form.all_give_notice is not None:
            agreement = all_give_notice(agreement, form.all_give_notice)
    except KimCooperationError as error:
        problems.add(f"{path}.all_give_notice", error)
        return None
    return Variant(agreement=agreement, personnel_growth=form.personnel_growth)
