"""Cost items (C8) and their NKF grouping.

The agreement names four cost items: personnel costs including the employer's
contributions, the workplace's technical equipment, recruitment and
advertising, and a flat rate for personnel administration. In the NKF result
statement the first is booked as "Personalaufwendungen", the others as
"Aufwendungen für Sach- und Dienstleistungen".

The council paper gives its 2023 plan only in the two NKF groups (personnel
163,000 EUR, material and services 7,000 EUR); the item
``material_not_itemised`` holds such a planning figure without inventing a
breakdown.

Examples:
    >>> from decimal import Decimal
    >>> from kim_cooperation import CostStatement
    >>> plan = CostStatement(personnel=Decimal("163000"), material_not_itemised=7000)
    >>> plan.total
    Decimal('170000.00')
    >>> plan.personnel_costs, plan.material_and_services
    (Decimal('163000.00'), Decimal('7000.00'))
"""

from __future__ import annotations

import functools
from collections.abc import ItemsView, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from kim_cooperation._checks import Choice, Exact, check_agreement, shown, to_fraction
from kim_cooperation.clauses import Clause
from kim_cooperation.errors import InvalidMoneyError, InvalidTypeError, InvalidValueError, Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.money import Money, from_cents, to_cents, to_money
from kim_cooperation.region import Region

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement

__all__ = ["CostItem", "CostStatement", "NkfGroup", "costs_by_region"]


class NkfGroup(Choice):
    """The NKF expense line a cost item is booked on.

    Examples:
        >>> [(item.value, item.nkf_group.name) for item in CostItem]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('personnel', 'PERSONNEL'), ('equipment', 'MATERIAL_AND_SERVICES'),
         ('recruitment', 'MATERIAL_AND_SERVICES'), ('administration', 'MATERIAL_AND_SERVICES'),
         ('material_not_itemised', 'MATERIAL_AND_SERVICES')]
        >>> str(NkfGroup.MATERIAL_AND_SERVICES)
        'Aufwendungen für Sach- und Dienstleistungen'
    """

    PERSONNEL = "Personalaufwendungen"
    MATERIAL_AND_SERVICES = "Aufwendungen für Sach- und Dienstleistungen"


class CostItem(Choice):
    """A cost item of clause C8, by the name of its `CostStatement` field.

    Examples:
        >>> item = CostItem("recruitment")
        >>> item.label
        'Recruitment and advertising of the post'
        >>> item.label_de
        'Kosten des Stellenbesetzungs- und Ausschreibungsverfahrens'
        >>> CostStatement(personnel=163000, recruitment=2500).amount(item)
        Decimal('2500.00')
    """

    PERSONNEL = "personnel"
    EQUIPMENT = "equipment"
    RECRUITMENT = "recruitment"
    ADMINISTRATION = "administration"
    MATERIAL_NOT_ITEMISED = "material_not_itemised"

    @property
    def label_de(self) -> str:
        """The item's wording in the council paper."""
        return _ITEM_LABELS[self][0]

    @property
    def label(self) -> str:
        """The item in English."""
        return _ITEM_LABELS[self][1]

    @property
    def nkf_group(self) -> NkfGroup:
        """The NKF expense line the item is booked on."""
        if self is CostItem.PERSONNEL:
            return NkfGroup.PERSONNEL
        return NkfGroup.MATERIAL_AND_SERVICES


_ITEM_LABELS: Final = MappingProxyType(
    {
        CostItem.PERSONNEL: (
            "Personalkosten inkl. Arbeitgeberanteil",
            "Personnel costs including employer contributions",
        ),
        CostItem.EQUIPMENT: (
            "technische Ausstattung des Arbeitsplatzes (inkl. dienstliche digitale Endgeräte)",
            "Technical equipment of the workplace including digital devices",
        ),
        CostItem.RECRUITMENT: (
            "Kosten des Stellenbesetzungs- und Ausschreibungsverfahrens",
            "Recruitment and advertising of the post",
        ),
        CostItem.ADMINISTRATION: (
            "pauschalierte Kosten der Personalverwaltung",
            "Flat rate for personnel administration",
        ),
        CostItem.MATERIAL_NOT_ITEMISED: (
            "Sachkosten (nicht aufgeschlüsselt)",
            "Material and services, not itemised",
        ),
    }
)


_ITEMS: Final = tuple(CostItem)
"""The cost items in the order of clause C8."""

_OTHER_ITEMS: Final = tuple(item.value for item in _ITEMS if item is not CostItem.PERSONNEL)
"""The names of the items other than personnel costs, which a grown plan keeps (C8)."""


_COST: Final = Phrase(N_("cost"))
"""How a cost item's amount is named in a message."""


def _cost(value: Money) -> Decimal:
    amount = to_money(value, what=_COST)
    if amount < 0:
        raise InvalidValueError(
            N_("costs must not be negative, got {value} (C8)"), value=shown(value)
        )
    return amount


# The hash is cached: cost statements key cost plans and are hashed with every settlement.
@attrs.frozen(kw_only=True, cache_hash=True)
class CostStatement:
    """The costs of a region's posts for one period, by the items of clause C8.

    Every item is money (`Decimal` or `int` euros, exact to the cent, not
    negative) and defaults to zero.

    Attributes:
        personnel: Personnel costs including the employer's contributions.
        equipment: Technical equipment of the workplace, digital devices included.
        recruitment: Recruitment and advertising of the post.
        administration: The flat rate for personnel administration.
        material_not_itemised: Material and services given only as a total,
            as in the council paper's plan.

    Examples:
        >>> from kim_cooperation import presets
        >>> nord = presets.coesfeld_cost_plan_2023()["Nord"]
        >>> [(item.value, str(amount)) for item, amount in nord.items() if amount]
        [('personnel', '163000.00'), ('material_not_itemised', '7000.00')]
        >>> nord.total, nord.personnel_costs, nord.material_and_services
        (Decimal('170000.00'), Decimal('163000.00'), Decimal('7000.00'))
    """

    personnel: Decimal = attrs.field(default=Decimal(0), converter=_cost)
    equipment: Decimal = attrs.field(default=Decimal(0), converter=_cost)
    recruitment: Decimal = attrs.field(default=Decimal(0), converter=_cost)
    administration: Decimal = attrs.field(default=Decimal(0), converter=_cost)
    material_not_itemised: Decimal = attrs.field(default=Decimal(0), converter=_cost)

    clause = Clause.C8
    """The clause that names the cost items."""

    def amount(self, item: CostItem | str) -> Decimal:
        """Return one item's amount.

        Args:
            item: A `CostItem` or its name, such as ``"personnel"``.

        Raises:
            InvalidTypeError: ``item`` is not a `CostItem` or a string.
            InvalidValueError: ``item`` names no cost item of clause C8.

        Examples:
            >>> CostStatement(equipment=900).amount("equipment")
            Decimal('900.00')
            >>> CostStatement().amount("travel")
            Traceback (most recent call last):
            ...
            kim_cooperation.errors.InvalidValueError: 'travel' is not a cost item of clause C8; \
expected one of ['personnel', 'equipment', 'recruitment', 'administration', 'material_not_itemised']
        """
        if not isinstance(item, str):  # a CostItem is a str too
            raise InvalidTypeError(
                f"a cost item is a CostItem or its name as a str, got {type(item).__name__} "
                f"{shown(item)}"
            )
        try:
            found = CostItem(str.__str__(item))
        except ValueError:
            raise InvalidValueError(
                N_("{item} is not a cost item of clause C8; expected one of {items}"),
                item=shown(item),
                items=[known.value for known in _ITEMS],
            ) from None
        value: Decimal = getattr(self, found.value)
        return value

    def items(self) -> tuple[tuple[CostItem, Decimal], ...]:
        """Return every item with its amount, in the order of clause C8."""
        return tuple((item, getattr(self, item.value)) for item in _ITEMS)

    @property
    def personnel_costs(self) -> Decimal:
        """The NKF line "Personalaufwendungen"."""
        return self._group(NkfGroup.PERSONNEL)

    @property
    def material_and_services(self) -> Decimal:
        """The NKF line "Aufwendungen für Sach- und Dienstleistungen"."""
        return self._group(NkfGroup.MATERIAL_AND_SERVICES)

    @functools.cached_property
    def total(self) -> Decimal:
        """All costs of the period (computed once: every settlement reads it)."""
        return from_cents(self._total_cents)

    @functools.cached_property
    def _total_cents(self) -> int:
        """All costs of the period in cents, as a settlement computes with them (C8)."""
        return (
            self._personnel_cents
            + to_cents(self.equipment)
            + to_cents(self.recruitment)
            + to_cents(self.administration)
            + to_cents(self.material_not_itemised)
        )

    @functools.cached_property
    def _personnel_cents(self) -> int:
        """The personnel costs in cents, which a grown plan grows year by year (C8)."""
        return to_cents(self.personnel)

    def scaled(self, factor: Exact) -> CostStatement:
        """Return the statement with every item multiplied by an exact ``factor``.

        Used for planning assumptions such as "the cost per FTE of another
        region". Nothing is rounded: a factor that would give fractions of a
        cent is refused.

        Raises:
            InvalidValueError: ``factor`` is negative.
            InvalidMoneyError: An item would not be a whole number of cents.

        Examples:
            >>> from fractions import Fraction
            >>> CostStatement(personnel=163000).scaled(Fraction(2, 5)).personnel
            Decimal('65200.00')
        """
        exact = to_fraction(factor, what="cost factor")
        if exact < 0:
            raise InvalidValueError(
                N_("cost factor must not be negative, got {factor}"), factor=factor
            )
        scaled: dict[str, Decimal] = {}
        for item, amount in self.items():
            value = to_cents(amount) * exact
            if value.denominator != 1:
                raise InvalidMoneyError(
                    N_(
                        "{item} {amount} times {factor} is {euros} euros, "
                        "not a whole number of cents; the library never rounds silently"
                    ),
                    item=item.value,
                    amount=amount,
                    factor=exact,
                    euros=value / 100,
                )
            scaled[item.value] = from_cents(int(value))
        return CostStatement(**scaled)

    def _group(self, group: NkfGroup) -> Decimal:
        return from_cents(
            sum(to_cents(amount) for item, amount in self.items() if item.nkf_group is group)
        )


def _with_personnel(statement: CostStatement, personnel: int) -> CostStatement:
    """``statement`` with other personnel costs, in cents, for an amount the caller has checked.

    A grown plan changes one item of each statement a year (`grow_plan`);
    the others are checked already, and the new amount is cents the caller
    computed, not negative and below `kim_cooperation.money.MAX_EUROS`.
    So the statement is made without running every item's checks again,
    which `attrs.evolve` would, and its total in cents is the base's total
    with the personnel costs changed, not summed again (C8).
    """
    made = object.__new__(CostStatement)
    put = object.__setattr__
    for name in _OTHER_ITEMS:
        put(made, name, getattr(statement, name))
    put(made, "personnel", from_cents(personnel))
    put(made, "_attrs_cached_hash", None)  # as attrs' __init__ leaves it
    put(made, "_total_cents", statement._total_cents - statement._personnel_cents + personnel)
    return made


def costs_by_region(
    agreement: Agreement,
    costs: Mapping[str, CostStatement]
    | Mapping[Region, CostStatement]
    | Mapping[str | Region, CostStatement],
) -> dict[Region, CostStatement]:
    """Resolve a mapping of regions to cost statements against an agreement.

    Args:
        agreement: The agreement whose regions are named.
        costs: Cost statements keyed by region: its name in any spelling
            `Agreement.region` accepts (``"Süd"``, ``"Sued"``, ``"sud"``) or
            the `Region` itself.

    Returns:
        The statements keyed by `Region`, in the agreement's region order;
        ``region.name`` is the region's own name, however the key was written.

    Raises:
        InvalidTypeError: ``agreement`` is not an `Agreement`, ``costs`` is not a mapping, has a key that is
            neither a `str` nor a `Region`, or holds a value that is not a
            `CostStatement`.
        InvalidValueError: ``costs`` is empty or names a region twice.
        UnknownRegionError: A key names no region of the agreement.

    Examples:
        >>> from kim_cooperation import presets
        >>> coesfeld = presets.coesfeld()
        >>> plan = {"Sued": CostStatement(personnel=150000), "Nord": CostStatement(equipment=900)}
        >>> resolved = costs_by_region(coesfeld, plan)
        >>> [(region.name, str(statement.total)) for region, statement in resolved.items()]
        [('Nord', '900.00'), ('Süd', '150000.00')]
        >>> [region.name for region in costs_by_region(coesfeld, {coesfeld.region("Mitte"): CostStatement()})]
        ['Mitte']
    """
    check_agreement(agreement)
    found: dict[Region, CostStatement] = {}
    for key, statement in _cost_items(costs):
        _add_costs(found, agreement.region(_region_key(key)), key, statement)
    return {region: found[region] for region in agreement.regions if region in found}


def _cost_items(costs: object) -> ItemsView[object, object]:
    """The items of a cost plan, checked to be a mapping with at least one region (C8).

    `costs_by_region`, the settlement and the agreement's own resolution
    (``kim_cooperation.agreement._costs``, used by the projection, the
    wind-down and the agreement files) resolve a plan in the same steps:
    this check; then for each item `_region_key`, the agreement's look-up
    of the region, and `_add_costs`; then the agreement's region order.
    Those callers look the regions up themselves, so that these rules never
    call back into the agreement.
    """
    if not isinstance(costs, Mapping):
        raise InvalidTypeError(
            f"costs must be a mapping of region name to CostStatement, got {type(costs).__name__}"
        )
    if not costs:
        raise InvalidValueError(N_("costs must name at least one region"))
    return costs.items()


def _region_key(key: object) -> str | Region:
    """A cost plan's key, checked to be a region's name or a `Region`, before it is looked up."""
    if not isinstance(key, str | Region):
        raise InvalidTypeError(
            f"costs are keyed by region name or Region, got {type(key).__name__} {shown(key)}"
        )
    return key


def _add_costs(
    found: dict[Region, CostStatement], region: Region, key: object, statement: object
) -> None:
    """Add ``region``'s cost statement, given under ``key``, to ``found``; refuse a second one (C8)."""
    if not isinstance(statement, CostStatement):
        raise InvalidTypeError(
            f"costs of region {region.name!r} must be a CostStatement, "
            f"got {type(statement).__name__} {shown(statement)}"
        )
    if region in found:
        raise InvalidValueError(
            N_("costs name region {region!r} twice ({key})"),
            region=region.name,
            key=shown(key),
        )
    found[region] = statement
