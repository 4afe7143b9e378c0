"""Answering a request's questions: one handler per question type (`_HANDLERS`).

Each handler takes a question whose form is right and the request's
`_Context`, and gives the result as plain data (its ``to_dict``) and the
notes on where its costs come from: the built-in agreement's note when one
of its own plans is used, and a note for each plan carried forward to a
later year (C8), as the command line writes them. The library's refusal of
a question (an unknown town, no cost plan for the year) is the request's
problem at the parameter it concerns (`_at`); nothing else is caught.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from kim_cooperation import sources
from kim_cooperation.contract._deadline import deadline_record, termination_record
from kim_cooperation.contract._problems import _key_path, _Refused
from kim_cooperation.errors import InvalidValueError, KimCooperationError, Phrase
from kim_cooperation.formatting import format_percent
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.contract._agreement import _Context
    from kim_cooperation.contract._form import _Question
    from kim_cooperation.formatting import Lang
    from kim_cooperation.party import Party
    from kim_cooperation.projection import CostPlan
    from kim_cooperation.settlement import Settlement

_Answer: TypeAlias = tuple[dict[str, Any], list[str]]
_Handler: TypeAlias = Callable[["_Question", "_Context", "Lang"], _Answer]


@contextlib.contextmanager
def _at(path: str) -> Iterator[None]:
    """Make the library's refusal within the block the request's problem at ``path``."""
    try:
        yield
    except KimCooperationError as error:
        raise _Refused([(path, error.phrase)], "invalid_request") from error


def _notes(context: _Context, planned: Mapping[int, int], lang: Lang) -> list[str]:
    """The notes on the plans used: ``planned`` maps each year to the year of its plan."""
    notes = list(context.source.notes) if set(planned.values()) & context.noted else []
    carried: dict[int, list[int]] = {}
    for year, plan_year in planned.items():
        if plan_year != year:
            carried.setdefault(plan_year, []).append(year)
    for plan_year, years in carried.items():
        if len(years) == years[-1] - years[0] + 1:
            notes.append(sources.carried_note(years[0], plan_year, lang, until=years[-1]))
        else:  # years not in a row: each its own note
            notes.extend(sources.carried_note(year, plan_year, lang) for year in years)
    return notes


def _settlement(question: _Question, context: _Context, year: int) -> tuple[Settlement, int]:
    from kim_cooperation import settle  # noqa: PLC0415

    with _at(question.at("year")):
        plan, planned = context.source.plan_for(year)
        return settle(context.source.agreement, year, plan), planned


def _party(question: _Question, context: _Context) -> Party:
    from kim_cooperation._suggestions import party_named  # noqa: PLC0415

    with _at(question.at("town")):
        return party_named(context.source.agreement, question.values["town"])


def _settle(question: _Question, context: _Context, lang: Lang) -> _Answer:
    year = question.values["year"]
    settlement, planned = _settlement(question, context, year)
    return settlement.to_dict(), _notes(context, {year: planned}, lang)


def _plans(
    question: _Question, context: _Context, years: tuple[int, ...], growth: Decimal
) -> tuple[CostPlan | Mapping[int, CostPlan], dict[int, int]]:
    """The plans of a projection, as the command line builds them, and each year's plan year."""
    with _at(question.at("years")):
        if growth:
            # The first year's plan, grown year by year.
            base, planned = context.source.plan_for(years[0])
            return base, {years[0]: planned}
        plans: dict[int, CostPlan] = {}
        planned_years: dict[int, int] = {}
        for year in years:
            plans[year], planned_years[year] = context.source.plan_for(year)
        return plans, planned_years


def _project(question: _Question, context: _Context, lang: Lang) -> _Answer:
    from kim_cooperation.projection import project  # noqa: PLC0415

    years = question.values["years"]
    growth = question.values.get("growth", Decimal(0))
    plans, planned = _plans(question, context, years, growth)
    with _at(question.at("years")):
        projection = project(context.source.agreement, years, plans, personnel_growth=growth)
    return projection.to_dict(), _notes(context, planned, lang)


def _scenario(question: _Question, context: _Context, lang: Lang) -> _Answer:
    from kim_cooperation import scenario  # noqa: PLC0415

    years = question.values["years"]
    growth = question.values.get("growth", Decimal(0))
    variants = context.variants[question.index]
    plans, planned = _plans(question, context, years, growth)
    with _at(question.at("variants")):
        comparison = scenario.compare(
            context.source.agreement, variants, years, plans, personnel_growth=growth
        )
    notes = _notes(context, planned, lang)
    grown = N_(
        "Variant “{name}”: personnel costs grown by {grown} a year from the cost plan for {year}."
    )
    for name, variant in variants.items():
        rate = variant.personnel_growth
        if isinstance(rate, Decimal | int):  # a file's growth, read as a Decimal
            notes.append(
                translate(grown, lang).format(
                    name=name, grown=format_percent(Decimal(rate), lang=lang), year=years[0]
                )
            )
    return comparison.to_dict(), notes


def _deadline(question: _Question, context: _Context, lang: Lang) -> _Answer:
    from kim_cooperation import notice  # noqa: PLC0415
    from kim_cooperation.closed_days import ClosedDays, check_receipt  # noqa: PLC0415

    agreement = context.source.agreement
    terms = agreement.notice_terms
    with _at(question.at("closed")):
        # Weekends, the public holidays of the parties' Länder and the days listed (C11).
        closed = ClosedDays.of(agreement, dates=question.values.get("closed", ()))
    values = question.values
    if "received" in values:
        with _at(question.at("received")):
            receipt = check_receipt(
                values["received"], closed, ends=lambda day: notice.termination_date(day, terms)
            )
        return termination_record(receipt, terms, lang=lang), []
    if "end" in values:
        with _at(question.at("end")):
            deadline = notice.NoticeDeadline(
                end=values["end"],
                deadline=notice.latest_notice_date_for(values["end"], terms),
                terms=terms,
                closed_days=closed,
            )
    else:
        with _at(question.at("year")):
            deadline = notice.notice_deadline(values["year"], terms, closed_days=closed)
    return deadline_record(deadline, lang=lang), []


def _explain(question: _Question, context: _Context, lang: Lang) -> _Answer:
    from kim_cooperation import explain  # noqa: PLC0415

    year = question.values["year"]
    party = _party(question, context)
    settlement, planned = _settlement(question, context, year)
    with _at(question.at("town")):
        explanation = explain(settlement, party, lang=lang)
    return explanation.to_dict(), _notes(context, {year: planned}, lang)


def _wind_down(question: _Question, context: _Context, lang: Lang) -> _Answer:
    from kim_cooperation.projection import estimate_wind_down  # noqa: PLC0415

    agreement = context.source.agreement
    given = {notice.party for notice in agreement.notices}
    missing = [party.name for party in agreement.parties if party not in given]
    ends = agreement.ends
    if missing or ends is None:
        raise _Refused(
            [
                (
                    question.path,
                    Phrase(
                        N_(
                            "a wind-down needs every party's notice (C13); add to the "
                            "request's notices: {missing}, such as "
                            '{{"party": "{first}", "received": "2025-06-30"}}'
                        ),
                        missing=", ".join(missing),
                        first=missing[0],
                    ),
                )
            ],
            "invalid_request",
        )
    year = question.values.get("year", ends.year + 1)
    path = question.at("year")
    with _at(path):
        plan, planned = context.source.plan_for(year)
        estimate = estimate_wind_down(agreement, year, plan)
    if estimate is None:
        raise _Refused(
            [
                (
                    path,
                    Phrase(
                        N_(
                            "no post runs on in {year}: the agreement ends on {ends}; ask for "
                            "{first} or a year after it in which posts still run on (C13)"
                        ),
                        year=year,
                        ends=ends,
                        first=ends.year if ends < dt.date(ends.year, 12, 31) else ends.year + 1,
                    ),
                )
            ],
            "invalid_request",
        )
    return estimate.to_dict(), _notes(context, {year: planned}, lang)


def _billing(question: _Question, context: _Context, lang: Lang) -> _Answer:
    from kim_cooperation.billing import AdvanceKey, billing_statements  # noqa: PLC0415

    year = question.values["year"]
    settlement, planned = _settlement(question, context, year)
    advances: dict[AdvanceKey, Decimal] = {}
    for given, amount in question.values.get("advances", {}).items():
        path = _key_path(question.at("advances"), given)
        with _at(path):
            key = _advance_key(given, context, settlement, year)
        if key in advances:
            raise _Refused(
                [(path, Phrase(N_("the advances name {town} twice"), town=given))],
                "invalid_request",
            )
        advances[key] = amount
    with _at(question.at("advances")):
        statements = billing_statements(settlement, advances=advances or None)
    result = {"statements": [statement.to_dict() for statement in statements]}
    return result, _notes(context, {year: planned}, lang)


def _advance_key(given: str, context: _Context, settlement: Settlement, year: int) -> Any:
    """``"TOWN"`` or ``"TOWN@EMPLOYER"``: the key of an advance, as ``--advance`` reads it (C9, I10)."""
    from kim_cooperation._suggestions import party_named  # noqa: PLC0415

    agreement = context.source.agreement
    town, separator, employer = given.partition("@")
    party = party_named(agreement, town).name
    if separator:
        return (party, party_named(agreement, employer).name)
    creditors = list(
        dict.fromkeys(
            line.creditor.name for line in settlement.billing if line.debtor.name == party
        )
    )
    if len(creditors) > 1:
        # After a handover within the year the town owes each employer its part (C9, I10).
        raise InvalidValueError(
            N_(
                "the advance of {town} is ambiguous: {town} is billed by {employers} in {year}; "
                'name the employer it was paid to, e.g. "{town}@{first}"'
            ),
            town=party,
            employers=Phrase(
                N_("{names} and {last}"), names=", ".join(creditors[:-1]), last=creditors[-1]
            ),
            year=year,
            first=creditors[0],
        )
    return party


def _financial_impact(question: _Question, context: _Context, lang: Lang) -> _Answer:
    from kim_cooperation.impact import financial_impact  # noqa: PLC0415

    year = question.values["year"]
    party = _party(question, context)
    settlement, planned = _settlement(question, context, year)
    with _at(question.at("town")):
        impact = financial_impact(
            settlement, party, layout=question.values.get("layout", "council-paper")
        )
    return impact.to_dict(), _notes(context, {year: planned}, lang)


_HANDLERS: Final[Mapping[str, _Handler]] = {
    "settle": _settle,
    "project": _project,
    "scenario": _scenario,
    "deadline": _deadline,
    "explain": _explain,
    "wind_down": _wind_down,
    "billing": _billing,
    "financial_impact": _financial_impact,
}
"""The handler of each question type (the types of `_form._PARAMETERS`)."""


def _answers(
    questions: tuple[_Question, ...], context: _Context, lang: Lang
) -> list[dict[str, Any]]:
    """Each question's answer, in order; the first refusal stops them all (`_Refused`)."""
    answers = []
    for question in questions:
        result, notes = _HANDLERS[question.type](question, context, lang)
        answers.append(
            {"question": question.index, "type": question.type, "result": result, "notes": notes}
        )
    return answers
