"""Checks of the arguments the strategies take, raising Hypothesis' ``InvalidArgument``.

Every public strategy checks its arguments when it is called, before it is
drawn from, and refuses wrong ones with ``hypothesis.errors.InvalidArgument``
(see the package docstring for why not a `KimCooperationError`). The
messages name the argument, the value (shown safely, even if its ``repr``
fails) and what is expected. Counts and sizes are plain ``int``: a ``bool``
or another ``int`` subclass is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from hypothesis.errors import InvalidArgument

from kim_cooperation._checks import shown, subclass_hint
from kim_cooperation.agreement import Agreement
from kim_cooperation.errors import KimCooperationError
from kim_cooperation.keys import KeyKind
from kim_cooperation.money import Money, to_cents
from kim_cooperation.notice import PeriodEnd
from kim_cooperation.party import Party

_Ordered = TypeVar("_Ordered", int, dt.date)


def _check_int(value: object, name: str, *, low: int, high: int | None = None) -> int:
    if type(value) is not int:  # a bool or another subclass could change what a bound means
        raise InvalidArgument(
            f"{name} must be an int, got {type(value).__name__} {shown(value)}"
            f"{subclass_hint(value)}"
        )
    if value < low or (high is not None and value > high):
        upper = "" if high is None else f" and at most {high}"
        raise InvalidArgument(f"{name} must be at least {low}{upper}, got {shown(value)}")
    return value


def _check_range(low: _Ordered, high: _Ordered, low_name: str, high_name: str) -> None:
    if low > high:
        raise InvalidArgument(f"{low_name}={shown(low)} must not exceed {high_name}={shown(high)}")


def _check_day(value: object, name: str) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidArgument(f"{name} must be a datetime.date, got {type(value).__name__}")
    return value


def _bound_cents(value: Money | None, name: str, default: int) -> int:
    if value is None:
        return default
    try:
        return to_cents(value, what=name)
    except KimCooperationError as error:
        raise InvalidArgument(str(error)) from error


def _check_kinds(value: object) -> tuple[KeyKind, ...]:
    if value is None:
        return tuple(KeyKind)
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidArgument(
            f"key_kinds must be a sequence of KeyKind (or their values), got {shown(value)}"
        )
    kinds: list[KeyKind] = []
    for item in value:
        if not isinstance(item, str) or item not in tuple(KeyKind):
            raise InvalidArgument(
                f"key_kinds must name kinds of split key {[kind.value for kind in KeyKind]}, "
                f"got {shown(item)}"
            )
        if KeyKind(item) not in kinds:
            kinds.append(KeyKind(item))
    if not kinds:
        raise InvalidArgument("key_kinds must name at least one KeyKind")
    return tuple(kinds)


def _check_period_ends(value: object) -> tuple[PeriodEnd, ...]:
    if value is None:
        return tuple(PeriodEnd)
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidArgument(
            f"period_ends must be a sequence of PeriodEnd (or their values), got "
            f"{type(value).__name__} {shown(value)}; write e.g. [PeriodEnd.YEAR]"
        )
    try:
        return tuple(PeriodEnd(item) for item in value)
    except KimCooperationError as error:
        raise InvalidArgument(f"period_ends: {error}") from error


def _check_parties(value: object, name: str) -> tuple[Party, ...] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidArgument(f"{name} must be a sequence of Party, got {shown(value)}")
    found = tuple(value)
    if not found or not all(isinstance(party, Party) for party in found):
        raise InvalidArgument(f"{name} must be a non-empty sequence of Party, got {shown(value)}")
    if len({party.ags for party in found}) != len(found):
        raise InvalidArgument(f"{name} must have distinct AGS, got {shown(value)}")
    return found


def _check_agreement(agreement: object) -> Agreement:
    if not isinstance(agreement, Agreement):
        raise InvalidArgument(f"agreement must be an Agreement, got {type(agreement).__name__}")
    return agreement
