"""Whether the wind-down applies: every party gave notice, and the agreement ends that day (C13).

C13 follows only on full termination (I5): `kim_cooperation.winddown.wind_down`
takes an agreement with every party's notice recorded, and the caller states
its last day as a check. That day must end a period under the agreement's
notice terms (C11: a 31 December under the default terms) and be the day the
notices end the agreement on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from kim_cooperation._checks import check_date, shown
from kim_cooperation.agreement import Agreement
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.i18n import N_
from kim_cooperation.notice import _terms_phrase

__all__ = ["check_ended"]


def check_ended(agreement: Agreement, agreement_end: dt.date) -> None:
    """Check that every party has given notice and the agreement ends on ``agreement_end``."""
    if not isinstance(agreement, Agreement):
        raise InvalidTypeError(
            f"agreement must be an Agreement, got {type(agreement).__name__} {shown(agreement)}"
        )
    check_date(agreement_end, what="agreement_end")
    terms = agreement.notice_terms
    if not terms.period_end.is_end(agreement_end):
        template = _NOT_AN_END[terms.period_end.value]
        raise InvalidValueError(template, terms=_terms_phrase(terms), end=agreement_end)
    if agreement.ends is None:
        staying = [
            party.name for party in agreement.parties if agreement.termination_of(party) is None
        ]
        raise InvalidValueError(
            N_(
                "the wind-down follows only once every party has given notice, but "
                "{parties} gave none; record the notices first (Agreement.give_notices, "
                "scenario.all_give_notice) (C11, C13)"
            ),
            parties=", ".join(staying),
        )
    if agreement_end != agreement.ends:
        raise InvalidValueError(
            N_(
                "every party gave notice and the agreement ends on {ends}, not on {end} (C11, C13)"
            ),
            ends=agreement.ends,
            end=agreement_end,
        )


_NOT_AN_END: Final[Mapping[str, str]] = MappingProxyType(
    {
        "year": N_(
            "the agreement can only end at the end of a year ({terms}), not on {end} (C11, C13)"
        ),
        "half-year": N_(
            "the agreement can only end at the end of a half-year ({terms}), "
            "not on {end} (C11, C13)"
        ),
        "quarter": N_(
            "the agreement can only end at the end of a quarter ({terms}), not on {end} (C11, C13)"
        ),
        "month": N_(
            "the agreement can only end at the end of a month ({terms}), not on {end} (C11, C13)"
        ),
    }
)
"""Why a day cannot end the agreement, by period end: whole texts, as German words them apart."""
