"""The records of an agreement file: its tables as attrs classes, and how values are written.

The records mirror the file, not the model: towns are named by name or AGS
(resolved later by `kim_cooperation.files._building`), a cost plan's year is a
table key, a split key is its kind and weights. `_converter` structures a
file's data into them and back, and `_schema` describes them as a JSON Schema.
The tables are a region (C2) with its employer and posts (C3) and split key
(C4, I9), a population count (I9), a notice received (C11, with a
successor: C3, I8) and the agreement file itself.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType, NoneType, UnionType
from typing import Any, Final, NewType

import attrs

from kim_cooperation._checks import check_label
from kim_cooperation.costs import CostStatement
from kim_cooperation.funding import FundingRate
from kim_cooperation.keys import KeyKind
from kim_cooperation.notice import DEFAULT_NOTICE_TERMS, NoticeTerms
from kim_cooperation.party import Party
from kim_cooperation.policy import DEFAULT_POLICIES, Policies
from kim_cooperation.post import Post

# How values are written in a file: read by the converter, stated by the schema.
_MONEY_TEXT: Final = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_FTE_TEXT: Final = re.compile(r"[0-9]+(/[0-9]+|\.[0-9]+)?")
_DATE_TEXT: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_TEXT: Final = re.compile(r"[1-9][0-9]{0,3}")

_Year = NewType("_Year", int)
"""A cost plan's year: a table key such as ``2023`` in the file."""

_Weight = NewType("_Weight", Fraction)
"""A town's weight in a region's split key: ``2``, ``"1/2"`` or ``"0.5"``."""

_Inhabitants = NewType("_Inhabitants", int)
"""A town's count of inhabitants in a ``[[population]]`` table: ``21310``."""


def _agreement_name(value: str) -> str:
    return check_label(value, what="agreement name")


def _region_name(value: str) -> str:
    return check_label(value, what="region name")


@attrs.frozen(kw_only=True)
class _RegionEntry:
    """A region (C2) with its employer and posts (C3) and its split key (C4, I9); towns are named by name or AGS."""

    name: str = attrs.field(converter=_region_name)
    employer: str
    members: tuple[str, ...]
    posts: tuple[Post, ...]
    split_key: KeyKind = KeyKind.EQUAL
    weights: dict[str, _Weight] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class _PopulationEntry:
    """Inhabitants of towns as of one day, for regions split by population (I9)."""

    as_of: dt.date
    counts: dict[str, _Inhabitants]
    source: str | None = None


@attrs.frozen(kw_only=True)
class _NoticeEntry:
    """A notice received (C11); a leaving employer may name its successor (C3, I8)."""

    party: str
    received: dt.date
    successor: str | None = None


@attrs.frozen(kw_only=True)
class _AgreementDocument:
    """An agreement file: the agreement and its cost plans by year and region."""

    name: str = attrs.field(converter=_agreement_name)
    start: dt.date
    notice_terms: NoticeTerms = DEFAULT_NOTICE_TERMS
    policies: Policies = DEFAULT_POLICIES
    parties: tuple[Party, ...]
    regions: tuple[_RegionEntry, ...]
    funding: tuple[FundingRate, ...]
    notices: tuple[_NoticeEntry, ...] = ()
    population: tuple[_PopulationEntry, ...] = ()
    cost_plans: dict[_Year, dict[str, CostStatement]] = attrs.field(factory=dict)


_TABLE_NAMES: Final[Mapping[type, str]] = MappingProxyType(
    {
        _RegionEntry: "Region",
        _NoticeEntry: "Notice",
        _PopulationEntry: "PopulationCount",
        _AgreementDocument: "AgreementFile",
    }
)


def _table_name(kind: Any) -> str:
    return _TABLE_NAMES.get(kind, getattr(kind, "__name__", str(kind)))


def _optional_of(kind: Any) -> Any:
    if isinstance(kind, UnionType) and NoneType in typing.get_args(kind):
        (inner,) = (arg for arg in typing.get_args(kind) if arg is not NoneType)
        return inner
    return None


def _is_array(kind: Any) -> bool:
    return typing.get_origin(kind) is tuple and typing.get_args(kind)[1:] == (Ellipsis,)


def _is_table(kind: Any) -> bool:
    return typing.get_origin(kind) is dict
