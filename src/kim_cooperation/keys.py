"""Split keys (C4, interpretation choices I1, I9): how a region's towns share its own share.

The Coesfeld agreement splits a region's own share in equal parts among its
towns (C4). Agreements of the same shape use other keys ("Umlageschlüssel"),
and a `Region` names its own:

* `SplitKey.equal`: equal parts, the default (Coesfeld, C4);
* `SplitKey.by_weights`: fixed exact ratios per town, such as ``2 : 1 : 1/2``;
  a town with weight zero pays nothing;
* `SplitKey.by_population`: the inhabitants of each town
  ("Einwohnerschlüssel"), from the dated counts the agreement holds
  (`PopulationCount`). The settlement of year *Y* takes for each town its
  latest count on or before a reference day, by default 31 December of
  *Y − 1* (policy `kim_cooperation.policy.PopulationReference`, I9). A town
  without such a count is an error naming the town, the year and the day
  (`NoPopulationCountError`), never a guess.

`key_weights` gives the weights of a region's key for a year; the settlement
turns them into shares (`kim_cooperation.spans`) and cents (I2).

Examples:
    >>> import datetime as dt
    >>> from kim_cooperation import presets
    >>> nord = presets.coesfeld().region("Nord")
    >>> key = SplitKey.by_weights({party: 1 + (party == nord.employer) for party in nord.members})
    >>> key.kind, [str(key.weights[party]) for party in nord.members]
    (<KeyKind.WEIGHTS: 'weights'>, ['1', '2', '1', '1'])
    >>> SplitKey.equal().describe(), SplitKey.by_population().describe()
    ('equal parts', 'population')
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Final

import attrs

from kim_cooperation._checks import (
    Choice,
    Exact,
    FrozenMapping,
    check_agreement,
    check_date,
    check_label,
    check_region,
    check_year,
    shown,
    to_fraction,
    tuple_of,
)
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    NoPopulationCountError,
    Phrase,
    UnknownPartyError,
)
from kim_cooperation.i18n import N_
from kim_cooperation.party import Party
from kim_cooperation.split import _bounded_integer_weights

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.region import Region

__all__ = [
    "EQUAL_KEY",
    "KeyKind",
    "PopulationCount",
    "SplitKey",
    "check_population",
    "key_integers",
    "key_weights",
    "population_of",
    "reference_day",
]

_ONE: Final = Fraction(1)


class KeyKind(Choice):
    """The kind of a region's split key (C4, I1, I9).

    Examples:
        >>> [str(kind) for kind in KeyKind]
        ['equal', 'weights', 'population']
    """

    EQUAL = "equal"
    """Equal parts among the towns (default, C4)."""
    WEIGHTS = "weights"
    """Fixed exact ratios per town."""
    POPULATION = "population"
    """Inhabitants per town at a reference day ("Einwohnerschlüssel")."""


def _kind(value: KeyKind | str) -> KeyKind:
    if isinstance(value, str):  # a KeyKind is a str too
        try:
            return KeyKind(value)
        except ValueError:
            pass
    raise InvalidValueError(
        N_("split key must be one of {kinds}, got {value} (C4, I9)"),
        kinds=[kind.value for kind in KeyKind],
        value=shown(value),
    )


def _weights(value: Mapping[Party, Exact]) -> FrozenMapping[Party, Fraction]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            f"weights must be a mapping of Party to weight, got {type(value).__name__} "
            f"{shown(value)}; write e.g. {{party: 2, other: Fraction(1, 2)}}"
        )
    checked: dict[Party, Fraction] = {}
    for party, weight in value.items():
        if not isinstance(party, Party):
            raise InvalidTypeError(
                f"weights are keyed by Party, got {type(party).__name__} {shown(party)}; "
                "look parties up with Agreement.party or Region.member"
            )
        fraction = to_fraction(weight, what=f"weight of {party.name}")
        if fraction < 0:
            raise InvalidValueError(
                N_(
                    "weight of {town} must not be negative, got {value}; "
                    "a town that pays nothing has weight 0 (C4, I9)"
                ),
                town=party.name,
                value=shown(weight),
            )
        checked[party] = fraction
    # In AGS order, so that equal keys look alike whatever order they were given in.
    return FrozenMapping(sorted(checked.items(), key=lambda item: item[0].ags))


@attrs.frozen(kw_only=True, cache_hash=True)
class SplitKey:
    """A region's split key (C4, I1, I9): equal parts, fixed weights or population.

    Make one with `SplitKey.equal`, `SplitKey.by_weights` or
    `SplitKey.by_population`. A `Region` checks that fixed weights name
    exactly its members.

    Attributes:
        kind: The kind of key.
        weights: For ``weights``, each town's exact weight (a read-only
            mapping in AGS order); empty for the other kinds.

    Raises:
        InvalidValueError: Weights for a key that is not ``weights``, no
            weights for one that is, a negative weight, or all weights zero.
        InvalidTypeError: A weight is a float, or a key is not a `Party`.

    Examples:
        >>> from fractions import Fraction
        >>> from kim_cooperation import presets
        >>> mitte = presets.coesfeld().region("Mitte")
        >>> key = SplitKey.by_weights(dict(zip(mitte.members, (3, Fraction(1, 2)))))
        >>> {party.name: str(weight) for party, weight in key.weights.items()}
        {'Dülmen': '3', 'Nottuln': '1/2'}
        >>> SplitKey.by_weights(dict.fromkeys(mitte.members, 0))
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: weights of a split key must not all be zero;
        give at least one town a positive weight (C4, I9)

        The message is a catalogue text, in German too:

        >>> try:
        ...     SplitKey.by_weights(dict.fromkeys(mitte.members, 0))
        ... except InvalidValueError as error:
        ...     print(error.describe("de"))
        die Gewichte eines Verteilungsschlüssels dürfen nicht alle null sein; geben Sie mindestens einer Kommune ein positives Gewicht (C4, I9)
    """

    kind: KeyKind = attrs.field(default=KeyKind.EQUAL, converter=_kind)
    weights: FrozenMapping[Party, Fraction] = attrs.field(
        factory=FrozenMapping, converter=_weights
    )

    def __attrs_post_init__(self) -> None:
        if self.kind is KeyKind.WEIGHTS:
            if not self.weights:
                raise InvalidValueError(
                    N_(
                        "a split key by weights needs a weight for each town of its region (C4, I9)"
                    )
                )
            if not any(self.weights.values()):
                raise InvalidValueError(
                    N_(
                        "weights of a split key must not all be zero; give at least one town a "
                        "positive weight (C4, I9)"
                    )
                )
            # Settlements compute on the weights as integers: bounded as in split_by_weight.
            towns = tuple(self.weights)
            _bounded_integer_weights(
                tuple(self.weights.values()),
                lambda index: Phrase(N_("the weight of {town}"), town=towns[index].name),
            )
        elif self.weights:
            raise InvalidValueError(
                N_(
                    "a split key of kind {kind!r} takes no weights; use "
                    "SplitKey.by_weights for fixed weights (C4, I9)"
                ),
                kind=self.kind.value,
            )

    @classmethod
    def equal(cls) -> SplitKey:
        """Return the key of equal parts (C4), the default."""
        return EQUAL_KEY

    @classmethod
    def by_weights(cls, weights: Mapping[Party, Exact]) -> SplitKey:
        """Return a key of fixed exact weights, one per town of the region (I9).

        Args:
            weights: Each town's weight: `int`, `Fraction` or `Decimal`, at
                least zero; not all zero. Floats are refused.
        """
        return cls(kind=KeyKind.WEIGHTS, weights=weights)

    @classmethod
    def by_population(cls) -> SplitKey:
        """Return the population key ("Einwohnerschlüssel"), from the agreement's counts (I9)."""
        return _POPULATION_KEY

    @property
    def clause(self) -> Clause:
        """``C4``, the clause that sets how a region's towns share its costs."""
        return Clause.C4

    @property
    def interpretation(self) -> Interpretation:
        """``I1`` for equal parts, ``I9`` for the other keys."""
        return Interpretation.I1 if self.kind is KeyKind.EQUAL else Interpretation.I9

    def describe(self) -> str:
        """Return the key in words, for reports: ``equal parts``, ``weights 2 : 1`` or ``population``."""
        if self.kind is KeyKind.EQUAL:
            return "equal parts"
        if self.kind is KeyKind.POPULATION:
            return "population"
        return "weights " + " : ".join(str(weight) for weight in self.weights.values())


EQUAL_KEY: Final = SplitKey()
"""The key of equal parts (C4), every region's default."""

_POPULATION_KEY: Final = SplitKey(kind=KeyKind.POPULATION)


def _as_of(value: dt.date) -> dt.date:
    return check_date(value, what="as_of of a population count")


def _count(party: Party, value: object) -> int:
    if type(value) is not int:  # exactly: a bool or a subclass is not a count
        raise InvalidTypeError(
            f"the count of inhabitants of {party.name} must be an int, got "
            f"{type(value).__name__} {shown(value)} (I9)"
        )
    if value <= 0:
        raise InvalidValueError(
            N_("the count of inhabitants of {town} must be a positive int, got {value} (I9)"),
            town=party.name,
            value=shown(value),
        )
    return value


def _counts(value: Mapping[Party, int]) -> FrozenMapping[Party, int]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            f"counts must be a mapping of Party to inhabitants, got {type(value).__name__} "
            f"{shown(value)}"
        )
    checked: dict[Party, int] = {}
    for party, count in value.items():
        if not isinstance(party, Party):
            raise InvalidTypeError(
                f"counts are keyed by Party, got {type(party).__name__} {shown(party)}"
            )
        checked[party] = _count(party, count)
    if not checked:
        raise InvalidValueError(N_("a population count names at least one town (I9)"))
    return FrozenMapping(sorted(checked.items(), key=lambda item: item[0].ags))


def _source(value: str | None) -> str | None:
    return None if value is None else check_label(value, what="population count source")


@attrs.frozen(kw_only=True, cache_hash=True)
class PopulationCount:
    """The inhabitants of towns on one day, for a population key (C4, I9).

    Attributes:
        as_of: The day the count refers to, such as 31 December 2024.
        counts: Inhabitants per town, positive ints (a read-only mapping in
            AGS order). A count may name some towns only; each town's latest
            count on or before the reference day is used.
        source: Where the figures come from, e.g. ``"IT.NRW, Fortschreibung
            des Bevölkerungsstandes"``; optional.

    Raises:
        InvalidTypeError: A count is not an int, or a key not a `Party`.
        InvalidValueError: A count is not positive, or there are none.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> mitte = presets.coesfeld().region("Mitte")
        >>> count = PopulationCount(as_of=dt.date(2024, 12, 31),
        ...                         counts=dict(zip(mitte.members, (47000, 19500))))
        >>> {party.name: number for party, number in count.counts.items()}
        {'Dülmen': 47000, 'Nottuln': 19500}
    """

    as_of: dt.date = attrs.field(converter=_as_of)
    counts: FrozenMapping[Party, int] = attrs.field(converter=_counts)
    source: str | None = attrs.field(default=None, converter=_source)


def check_population(counts: Iterable[PopulationCount]) -> tuple[PopulationCount, ...]:
    """Return ``counts`` ordered by day; refuse two counts of the same day (I9)."""
    ordered = list(tuple_of(counts, PopulationCount, what="population counts"))
    ordered.sort(key=lambda count: count.as_of)
    for earlier, later in itertools.pairwise(ordered):
        if earlier.as_of == later.as_of:
            raise InvalidValueError(
                N_(
                    "two population counts are as of {day}; give one count "
                    "per day, with every town counted that day in it (I9)"
                ),
                day=later.as_of,
            )
    return tuple(ordered)


def population_of(agreement: Agreement, party: str | Party, day: dt.date) -> PopulationCount:
    """Return the count that gives ``party``'s inhabitants on ``day``: its latest on or before it (I9).

    Raises:
        NoPopulationCountError: No count of ``party`` is as of ``day`` or earlier.
        UnknownPartyError: ``party`` is not a party to the agreement.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.example()
        >>> count = population_of(agreement, "Altenau", dt.date(2025, 6, 30))
        >>> count.as_of, count.counts[agreement.party("Altenau")]
        (datetime.date(2024, 12, 31), 21480)

        Before the first count the message names the days of the town's
        counts, in German as German writes days:

        >>> try:
        ...     population_of(agreement, "Altenau", dt.date(2020, 12, 31))
        ... except NoPopulationCountError as error:
        ...     print(error.describe("de"))
        keine Einwohnerzahl von Altenau mit Stand am oder vor dem 31.12.2020; die Einwohnerzahlen dieser Kommune haben den Stand 31.12.2023, 31.12.2024, 31.12.2025; ergänzen Sie eine Einwohnerzählung [[population]] mit Stand an diesem Tag oder früher (C4, I9)
    """
    found = check_agreement(agreement).party(party)
    check_date(day, what="day")
    latest: PopulationCount | None = None
    for count in agreement.population:
        if count.as_of > day:
            break
        if found in count.counts:
            latest = count
    if latest is None:
        days = [count.as_of for count in agreement.population if found in count.counts]
        raise NoPopulationCountError(
            N_(
                "no population count of {town} on or before {day}; {known}; "
                "add a [[population]] count as of that day or earlier (C4, I9)"
            ),
            town=found.name,
            day=day,
            known=_known_counts(days),
        )
    return latest


def _known_counts(days: Sequence[dt.date]) -> Phrase:
    """What a message says about a town's counts: their days, or that there are none (I9)."""
    if not days:
        return Phrase(N_("the agreement has no count of it"))
    return Phrase(N_("its counts are as of {days}"), days=_listed(days, 0, len(days)))


def _listed(days: Sequence[dt.date], start: int, stop: int) -> Phrase | dt.date:
    """``days[start:stop]`` separated by commas, each day written as its language writes it.

    Halves, not a chain: nested only as deep as the logarithm of the count.
    """
    if stop - start == 1:
        return days[start]
    middle = (start + stop) // 2
    return Phrase(
        N_("{earlier}, {later}"),
        earlier=_listed(days, start, middle),
        later=_listed(days, middle, stop),
    )


def key_weights(
    agreement: Agreement,
    region: Region,
    year: int,
    parties: Iterable[Party] | None = None,
) -> Mapping[Party, Fraction]:
    """Return the weights of ``region``'s key for the settlement of ``year`` (C4, I1, I9).

    Equal parts weigh each town 1; fixed weights are the region's; a
    population key weighs each town by its inhabitants on the reference day
    of the policy ``population_reference`` (31 December of the year before by
    default).

    Args:
        agreement: The agreement, holding the population counts and policies.
        region: A region of the agreement.
        year: The year settled.
        parties: The towns to weigh; all the region's members if omitted.

    Raises:
        NoPopulationCountError: Under a population key, a town has no count
            on or before the reference day; the message names the town, the
            year and the day.
        UnknownPartyError: One of ``parties`` is not a member of ``region``.
        InvalidTypeError: ``agreement`` or ``region`` is not one, or ``parties``
            holds something other than a `Party`.

    Examples:
        >>> from kim_cooperation import presets
        >>> agreement = presets.example()
        >>> weights = key_weights(agreement, agreement.region("Ost"), 2026)
        >>> {party.name: str(weight) for party, weight in weights.items()}
        {'Brunnfeld': '2', 'Eichhagen': '1', 'Fuchsberg': '1', 'Grünwald': '1/2'}
    """
    check_agreement(agreement)
    check_year(year)
    members = _members(region, parties)
    key = region.split_key
    if key.kind is KeyKind.EQUAL:
        return dict.fromkeys(members, _ONE)
    if key.kind is KeyKind.WEIGHTS:
        return {party: key.weights[party] for party in members}
    return {
        party: Fraction(count)
        for party, count in _population_counts(agreement, region, year, members).items()
    }


def key_integers(
    agreement: Agreement, region: Region, year: int, parties: Iterable[Party] | None = None
) -> dict[Party, int]:
    """Return `key_weights` as integers in the same ratio, for exact sums on integers (C4, I9).

    Examples:
        >>> from kim_cooperation import presets
        >>> agreement = presets.example()
        >>> weights = key_integers(agreement, agreement.region("Ost"), 2026)
        >>> {party.name: weight for party, weight in weights.items()}
        {'Brunnfeld': 4, 'Eichhagen': 2, 'Fuchsberg': 2, 'Grünwald': 1}
    """
    check_agreement(agreement)
    check_year(year)
    members = _members(region, parties)
    key = region.split_key
    if key.kind is KeyKind.EQUAL:
        return dict.fromkeys(members, 1)
    if key.kind is KeyKind.POPULATION:
        return _population_counts(agreement, region, year, members)
    weights = {party: key.weights[party] for party in members}
    scale = math.lcm(*(weight.denominator for weight in weights.values()))
    return {
        party: weight.numerator * (scale // weight.denominator)
        for party, weight in weights.items()
    }


def _members(region: Region, parties: Iterable[Party] | None) -> tuple[Party, ...]:
    """The towns to weigh: ``parties``, checked to be members of ``region``, or all its members."""
    check_region(region)
    if parties is None:
        return region.members
    members = tuple_of(parties, Party, what="parties")
    strangers = set(members).difference(region.members)
    if strangers:
        raise UnknownPartyError(
            N_(
                "parties must be members of region {region!r}, got {strangers}; "
                "its members are {members}"
            ),
            region=region.name,
            strangers=sorted(party.name for party in strangers),
            members=[party.name for party in region.members],
        )
    return members


def _population_counts(
    agreement: Agreement, region: Region, year: int, members: tuple[Party, ...]
) -> dict[Party, int]:
    """Each town's latest count on or before the reference day of ``year`` (I9)."""
    day = agreement.policies.population_reference.reference_day(year)
    table = agreement._index.population
    counts: dict[Party, int] = {}
    for party in members:
        days, numbers = table.get(party, ((), ()))
        # The latest count on or before the day: a binary search in its days.
        index = bisect.bisect_right(days, day) - 1
        if index < 0:
            raise NoPopulationCountError(
                N_(
                    "region {region!r} is split by population, but {town} has no count "
                    "for {year}: its key uses the latest count on or before {day} "
                    "(population_reference={reference!r}); "
                    "{known}; add a [[population]] count as of that day or earlier (C4, I9)"
                ),
                region=region.name,
                town=party.name,
                year=year,
                day=day,
                reference=agreement.policies.population_reference.value,
                known=_known_counts(days),
            )
        counts[party] = numbers[index]
    return counts


def reference_day(agreement: Agreement, region: Region, year: int) -> dt.date | None:
    """Return the day whose population counts split ``region``'s ``year``, or ``None`` (I9)."""
    check_agreement(agreement)
    check_region(region)
    check_year(year)
    return _reference_day(agreement, region, year)


def _reference_day(agreement: Agreement, region: Region, year: int) -> dt.date | None:
    """`reference_day` for arguments already checked: the settlement's path (I9)."""
    if region.split_key.kind is not KeyKind.POPULATION:
        return None
    return agreement.policies.population_reference.reference_day(year)
