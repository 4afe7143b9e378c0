"""Posts (C3): the planned positions ("Planstellen") a region's employer holds.

A post has a full-time equivalent (FTE, "Vollzeitäquivalent") in ``(0, 1]``,
held as an exact `fractions.Fraction`, and optionally the dates its
employment starts and ends. Region Nord's 2.5 FTE are two full posts and one
half post.

Examples:
    >>> import datetime as dt
    >>> from fractions import Fraction
    >>> from kim_cooperation import Post
    >>> half = Post(label="Nord 3", fte=Fraction(1, 2))
    >>> half.fte
    Fraction(1, 2)
    >>> post = Post(label="Mitte 1", fte=1, employment_start=dt.date(2023, 4, 1))
    >>> post.fills_month(2023, 3), post.fills_month(2023, 4)
    (False, True)
"""

from __future__ import annotations

import calendar
import datetime as dt
from fractions import Fraction

import attrs

from kim_cooperation._checks import Exact, check_date, check_name, check_year, shown, to_fraction
from kim_cooperation.errors import InvalidValueError
from kim_cooperation.i18n import N_

__all__ = ["Post"]


def _fte(value: Exact) -> Fraction:
    fte = to_fraction(value, what=N_("full-time equivalent (FTE)"))
    if not 0 < fte <= 1:
        # As 3/2, unless too long to write out (shown names its size then).
        written = str(fte) if shown(fte).startswith("Fraction(") else shown(fte)
        raise InvalidValueError(
            N_(
                "full-time equivalent (FTE) of a post must be greater than 0 and at most 1, "
                "got {value}; split a larger share into several posts (C3)"
            ),
            value=written,
        )
    return fte


def _label(value: str) -> str:
    return check_name(value, what=N_("post label"))


def _optional_date(value: dt.date | None) -> dt.date | None:
    return None if value is None else check_date(value, what="employment date")


# The hash is cached: posts are hashed with every region that holds them.
@attrs.frozen(kw_only=True, cache_hash=True)
class Post:
    """A planned position of a region's employer (C3), with its full-time equivalent.

    Attributes:
        label: A name for the post, unique within the agreement (``"Nord 1"``).
        fte: The full-time equivalent, ``0 < fte <= 1``, exact. A `Fraction`,
            `int` or `Decimal` is accepted; a float is refused.
        employment_start: The first day of the employment, if known. Without
            it the post counts as filled from the agreement's start.
        employment_end: The last day of the employment, if known. The
            wind-down (C13) runs until this day at the latest. Without it
            the employment is open-ended.

    Raises:
        InvalidValueError: ``fte`` is outside ``(0, 1]``, the label is empty,
            or the employment ends before it starts.
        InvalidTypeError: ``fte`` is a float or a date is a ``datetime``.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import presets
        >>> [(post.label, str(post.fte)) for post in presets.coesfeld().region("Nord").posts]
        [('Nord 1', '1'), ('Nord 2', '1'), ('Nord 3', '1/2')]
        >>> Post(label="Nord 3", fte=Decimal("0.5")).fte
        Fraction(1, 2)
        >>> Post(label="Nord 3", fte=0.5)
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidTypeError: full-time equivalent (FTE) must be a Fraction,
        an int or a Decimal, got float 0.5; ...
    """

    label: str = attrs.field(converter=_label)
    fte: Fraction = attrs.field(converter=_fte)
    employment_start: dt.date | None = attrs.field(default=None, converter=_optional_date)
    employment_end: dt.date | None = attrs.field(default=None, converter=_optional_date)

    def __attrs_post_init__(self) -> None:
        start, end = self.employment_start, self.employment_end
        if start is not None and end is not None and end < start:
            raise InvalidValueError(
                N_("post {label!r}: employment_end {end} is before employment_start {start}"),
                label=self.label,
                end=end,
                start=start,
            )

    def is_employed_on(self, day: dt.date) -> bool:
        """Tell whether the post's employment covers ``day``."""
        check_date(day, what="day")
        if self.employment_start is not None and day < self.employment_start:
            return False
        return self.employment_end is None or day <= self.employment_end

    def full_months(self, year: int) -> range:
        """Return the calendar months of ``year`` the post is filled for in full (I7).

        The same months as `fills_month` tells one by one, computed from the
        employment dates at once.

        Examples:
            >>> import datetime as dt
            >>> post = Post(label="Süd 1", fte=1, employment_start=dt.date(2025, 3, 2),
            ...             employment_end=dt.date(2025, 6, 29))
            >>> list(post.full_months(2025)), list(post.full_months(2026))
            ([4, 5], [])
        """
        check_year(year)
        return self._full_months(year)

    def _full_months(self, year: int) -> range:
        """`full_months` for a year already checked: the settlement's path (I7)."""
        start, end = self.employment_start, self.employment_end
        first, last = 1, 12
        if start is not None and start.year >= year:
            # A month counts from its first day: an employment starting later misses it.
            first = 13 if start.year > year else start.month + (start.day > 1)
        if end is not None and end.year <= year:
            if end.year < year:
                return range(0)
            last = end.month - (end.day < calendar.monthrange(year, end.month)[1])
        return range(first, max(first, last + 1))

    def fills_month(self, year: int, month: int) -> bool:
        """Tell whether the post is filled for the whole calendar month.

        Funding is paid in twelfths for each full calendar month a post is
        filled (interpretation choice I7).

        Args:
            year: The calendar year.
            month: The month, 1 to 12.

        Examples:
            >>> import datetime as dt
            >>> post = Post(label="Süd 1", fte=1, employment_end=dt.date(2025, 6, 29))
            >>> post.fills_month(2025, 5), post.fills_month(2025, 6)
            (True, False)
        """
        check_year(year)
        if not isinstance(month, int) or isinstance(month, bool) or not 1 <= month <= 12:
            raise InvalidValueError(
                N_("month must be an int from 1 to 12, got {value}"), value=shown(month)
            )
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        starts_in_time = self.employment_start is None or self.employment_start <= first
        lasts = self.employment_end is None or self.employment_end >= last
        return starts_in_time and lasts
