"""Writing an agreement file: the agreement and its cost plans as the text of TOML or JSON.

The model is turned into the file's records (`_records_of`): towns named by
name, a split key as its kind and weights, years as table keys. The
converter writes the records as plain data (money as decimal strings, a
full-time equivalent as an integer or a fraction string), and `_dump` writes
that as JSON or, with tomli-w, as TOML. Text that is not valid Unicode is
refused with its path, as no file could hold it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from kim_cooperation.errors import InvalidValueError, MissingExtraError
from kim_cooperation.files._converter import _converter
from kim_cooperation.files._problems import _joined, _not_unicode
from kim_cooperation.files._records import (
    _AgreementDocument,
    _Inhabitants,
    _NoticeEntry,
    _PopulationEntry,
    _RegionEntry,
    _Weight,
    _Year,
)
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.files import AgreementFile, FileFormat


def _records_of(document: AgreementFile) -> _AgreementDocument:
    """The records of an agreement file, as `_converter` writes them."""
    agreement = document.agreement
    return _AgreementDocument(
        name=agreement.name,
        start=agreement.start,
        notice_terms=agreement.notice_terms,
        policies=agreement.policies,
        parties=agreement.parties,
        regions=tuple(
            _RegionEntry(
                name=region.name,
                employer=region.employer.name,
                members=tuple(member.name for member in region.members),
                posts=region.posts,
                split_key=region.split_key.kind,
                weights={
                    party.name: _Weight(weight)
                    for party, weight in region.split_key.weights.items()
                },
            )
            for region in agreement.regions
        ),
        funding=agreement.funding.rates,
        notices=tuple(
            _NoticeEntry(
                party=notice.party.name,
                received=notice.received,
                successor=None if notice.successor is None else notice.successor.name,
            )
            for notice in agreement.notices
        ),
        population=tuple(
            _PopulationEntry(
                as_of=count.as_of,
                counts={
                    party.name: _Inhabitants(number) for party, number in count.counts.items()
                },
                source=count.source,
            )
            for count in agreement.population
        ),
        cost_plans={_Year(year): dict(plan) for year, plan in document.cost_plans.items()},
    )


def _data(document: AgreementFile) -> dict[str, Any]:
    """The agreement file as plain data, dates as `datetime.date` (see `_dump`)."""
    data: dict[str, Any] = _converter().unstructure(_records_of(document), _AgreementDocument)
    return data


def _dump(document: AgreementFile, file_format: FileFormat) -> str:
    """The text of the agreement file (see `kim_cooperation.files.dump_agreement`)."""
    data = _data(document)
    invalid = _not_unicode(data)
    if invalid:
        raise InvalidValueError(
            N_("cannot write the agreement file, its text is not valid Unicode: {problems}"),
            problems=_joined(invalid),
        )
    if file_format == "json":
        import json  # noqa: PLC0415 - only writing JSON needs it

        return json.dumps(data, ensure_ascii=False, indent=2, default=dt.date.isoformat) + "\n"
    try:
        import tomli_w  # noqa: PLC0415 - an optional dependency, imported only when needed
    except ImportError as error:
        raise MissingExtraError(
            "dump_agreement(format='toml')",
            package="tomli-w",
            extra="toml",
            module="tomli_w",
            hint=N_("write JSON with format='json'"),
        ) from error
    return tomli_w.dumps(data)
