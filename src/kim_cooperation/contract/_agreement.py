"""The agreement a request works on, with the cost plans, notices and policies it adds.

``"agreement"`` names a built-in agreement (`kim_cooperation.sources`,
with its cost plans and notes, as ``--agreement`` gives them) or holds an
agreement file as an object, read by `kim_cooperation.files.agreement_from_data`
with its problems' paths under ``agreement.``. The request's
``cost_plans`` replace or add years, its ``notices`` are added to the
agreement's and its ``policies`` replace the policies they name: they are
merged into the agreement's file data and read again, so every check of an
agreement file applies to them, each problem at its path in the request.
A scenario's variants are read by `kim_cooperation.scenario_file` on the
agreement, their paths under the question's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from kim_cooperation import sources
from kim_cooperation.contract._problems import _prefixed, _Problems
from kim_cooperation.errors import AgreementFileError, Phrase
from kim_cooperation.files import AgreementFile, agreement_data, agreement_from_data
from kim_cooperation.i18n import N_
from kim_cooperation.scenario_file import ScenarioFileError, scenarios_from_data

if TYPE_CHECKING:
    from kim_cooperation.contract._form import _Request
    from kim_cooperation.scenario import Variant

_NOTICE_PATH: Final = re.compile(r"notices\[([0-9]+)\]")


@attrs.frozen
class _Context:
    """The agreement and plans the questions are answered on.

    Attributes:
        source: The agreement, its cost plans and the notes on where they come from.
        noted: The years whose plans the notes speak of: a built-in's own
            plans, unless the request replaced them.
        variants: Each scenario question's variants, by the question's index.
    """

    source: sources.Source
    noted: frozenset[int]
    variants: Mapping[int, Mapping[str, Variant]] = attrs.field(factory=dict)


def _built_in(name: str, problems: _Problems, lang: Any) -> sources.Source | None:
    folded = name.casefold()
    if folded == "coesfeld":
        return sources.built_in("coesfeld", lang=lang)
    if folded == "example":
        return sources.built_in("example", lang=lang)
    close = difflib.get_close_matches(folded, sources.BUILT_IN, n=1)
    names = ", ".join(sources.BUILT_IN)
    problems.add(
        "agreement",
        Phrase(
            N_(
                "no built-in agreement {name}; did you mean {close}? the built-in agreements "
                "are {names}, or give the agreement as an object"
            ),
            name=repr(name),
            close=close[0],
            names=names,
        )
        if close
        else Phrase(
            N_(
                "no built-in agreement {name}; the built-in agreements are {names}, or give "
                "the agreement as an object"
            ),
            name=repr(name),
            names=names,
        ),
    )
    return None


def _file_problems(error: AgreementFileError, problems: _Problems, prefix: str) -> None:
    # The error keeps each problem as a catalogue text, so it is said in the request's language.
    for path, phrase in error.phrases:
        problems.add(_prefixed(prefix, path) if prefix else path, phrase)


def _additions(request: _Request, problems: _Problems) -> dict[str, Any] | None:
    """The request's ``cost_plans``, ``notices`` and ``policies``, checked to be of the right kind."""
    kinds: dict[str, tuple[type, Phrase]] = {
        "cost_plans": (
            dict,
            Phrase(N_('an object of years, such as {"2023": {"Nord": {...}}}')),
        ),
        "notices": (list, Phrase(N_("an array of notices"))),
        "policies": (dict, Phrase(N_("an object of policies"))),
    }
    given = {
        "cost_plans": request.cost_plans,
        "notices": request.notices,
        "policies": request.policies,
    }
    added: dict[str, Any] = {}
    for key, value in given.items():
        if value is None:
            continue
        kind, expected = kinds[key]
        if isinstance(value, kind):
            added[key] = value
        else:
            problems.expected(key, expected, value)
    return added if len(added) == sum(value is not None for value in given.values()) else None


def _merged(
    base: AgreementFile, added: Mapping[str, Any], problems: _Problems
) -> AgreementFile | None:
    """The agreement file with the request's additions, or ``None`` with their problems."""
    data = agreement_data(base)
    known = len(data.get("notices", ()))
    if "cost_plans" in added:
        data["cost_plans"] = {**data.get("cost_plans", {}), **added["cost_plans"]}
    if "notices" in added:
        data["notices"] = [*data.get("notices", ()), *added["notices"]]
    if "policies" in added:
        data["policies"] = {**data.get("policies", {}), **added["policies"]}
    try:
        return agreement_from_data(data)
    except AgreementFileError as error:
        # The agreement itself was read before: each problem is in the request's additions,
        # a notice at its index among the request's notices.
        for path, phrase in error.phrases:
            found = _NOTICE_PATH.match(path)
            where = path
            if found is not None and int(found.group(1)) >= known:
                where = f"notices[{int(found.group(1)) - known}]{path[found.end() :]}"
            problems.add(where, phrase)
        return None


def _context(request: _Request, problems: _Problems) -> _Context | None:
    """The agreement and plans of a request whose form is right, or ``None`` with the problems."""
    given = request.agreement
    noted: frozenset[int] = frozenset()
    if isinstance(given, str):
        source = _built_in(given, problems, request.lang)
        if source is not None:
            noted = frozenset(source.plans)
    elif isinstance(given, dict):
        try:
            source = sources.from_file(agreement_from_data(given))
        except AgreementFileError as error:
            _file_problems(error, problems, "agreement")
            source = None
    else:
        source = None
    added = _additions(request, problems)
    if source is None or added is None:
        return None
    if added:
        merged = _merged(
            AgreementFile(agreement=source.agreement, cost_plans=source.plans), added, problems
        )
        if merged is None:
            return None
        replaced = added.get("cost_plans", {})
        noted = frozenset(year for year in noted if str(year) not in replaced)
        source = sources.Source(
            agreement=merged.agreement,
            plans=merged.cost_plans,
            notes=source.notes,
            default_party=source.default_party,
        )
    variants = _variants(request, source, problems)
    if problems.found:
        return None
    return _Context(source=source, noted=noted, variants=variants)


def _variants(
    request: _Request, source: sources.Source, problems: _Problems
) -> dict[int, Mapping[str, Variant]]:
    """Each scenario question's variants, read on the agreement, by the question's index."""
    variants: dict[int, Mapping[str, Variant]] = {}
    for question in request.questions:
        if question.type != "scenario":
            continue
        try:
            variants[question.index] = scenarios_from_data(
                {"variants": question.values["variants"]}, source.agreement, lang=request.lang
            )
        except ScenarioFileError as error:
            for path, phrase in error.phrases:
                problems.add(_prefixed(question.path, path), phrase)
    return variants
