"""kim_cooperation: exact, auditable numbers and dates for inter-municipal cooperation agreements.

The library models the KIM case-management cooperation agreement of the
eleven towns of Kreis Coesfeld, and any agreement of the same shape: regions
of towns sharing state-funded posts held by one employer per region, the own
share ("Eigenanteil") split among the region's towns and billed yearly,
notice to the end of a period, and a wind-down after full termination.

Every rule names the clause it implements (``C1`` … ``C13``, see `Clause`);
money is `decimal.Decimal` exact to the cent; shares of posts are exact
`fractions.Fraction` values; all value objects are immutable.

Examples:
    >>> import datetime as dt
    >>> import kim_cooperation as kim
    >>> settlement = kim.settle(kim.presets.coesfeld(), 2023, kim.presets.coesfeld_cost_plan_2023())
    >>> settlement.own_share_of("Billerbeck")
    Decimal('8125.00')
    >>> kim.termination_date(dt.date(2024, 6, 30))
    datetime.date(2025, 12, 31)
"""

import importlib
from typing import TYPE_CHECKING, Any, Final

# The modules form five layers; each imports only from its own layer or below, and no two
# import each other (checked by `lint-imports`; docs/development.md, "The house: layers"):
#   command line, test support   cli, strategies
#   input and output             files, scenario_file, presets, export, billing, workbooks,
#                                documents, report
#   analyses                     projection, scenario, explanation, impact
#   clause rules                 split, keys, funding, costs, notice, closed_days, region,
#                                roll, spans, membership, agreement, settlement, winddown
#   value types, primitives      errors, i18n, clauses, money, formatting, parsing, policy,
#                                party, post
# Private modules (a leading underscore) sit in the layer of the modules that use them.

# The package loads its modules when a name is first used (PEP 562), so that
# `import kim_cooperation` is cheap and a part that is not used (agreement
# files and cattrs, explanations, NKF tables) is never imported.
_WHERE: Final[dict[str, str]] = {
    "Agreement": "kim_cooperation.agreement",
    "AgreementError": "kim_cooperation.errors",
    "AgreementFile": "kim_cooperation.files",
    "AgreementFileError": "kim_cooperation.errors",
    "Allocation": "kim_cooperation.split",
    "BillingLine": "kim_cooperation.settlement",
    "Clause": "kim_cooperation.clauses",
    "ClosedDayWarning": "kim_cooperation.errors",
    "ClosedDays": "kim_cooperation.closed_days",
    "CostItem": "kim_cooperation.costs",
    "CostStatement": "kim_cooperation.costs",
    "DEFAULT_NOTICE_TERMS": "kim_cooperation.notice",
    "DEFAULT_POLICIES": "kim_cooperation.policy",
    "Explanation": "kim_cooperation.explanation",
    "ExplanationStep": "kim_cooperation.explanation",
    "FinancialImpact": "kim_cooperation.impact",
    "FundingRate": "kim_cooperation.funding",
    "FundingSchedule": "kim_cooperation.funding",
    "HolidaysNotCheckedWarning": "kim_cooperation.errors",
    "ImpactLine": "kim_cooperation.impact",
    "Interpretation": "kim_cooperation.clauses",
    "InvalidDateError": "kim_cooperation.errors",
    "InvalidMoneyError": "kim_cooperation.errors",
    "InvalidTypeError": "kim_cooperation.errors",
    "InvalidValueError": "kim_cooperation.errors",
    "KeyKind": "kim_cooperation.keys",
    "KimCooperationError": "kim_cooperation.errors",
    "KimCooperationWarning": "kim_cooperation.errors",
    "Layout": "kim_cooperation.impact",
    "MAX_RUN_ON_MONTHS": "kim_cooperation.winddown",
    "MoneyTypeError": "kim_cooperation.errors",
    "NkfGroup": "kim_cooperation.costs",
    "NoApplicableRateError": "kim_cooperation.errors",
    "NoPopulationCountError": "kim_cooperation.errors",
    "MissingExtraError": "kim_cooperation.errors",
    "Notice": "kim_cooperation.notice",
    "NoticeDeadline": "kim_cooperation.notice",
    "NoticeTerms": "kim_cooperation.notice",
    "PartYearFunding": "kim_cooperation.policy",
    "Party": "kim_cooperation.party",
    "PartyKind": "kim_cooperation.party",
    "PeriodEnd": "kim_cooperation.notice",
    "Policies": "kim_cooperation.policy",
    "PopulationCount": "kim_cooperation.keys",
    "PopulationReference": "kim_cooperation.policy",
    "Post": "kim_cooperation.post",
    "PostFunding": "kim_cooperation.funding",
    "PostRunOn": "kim_cooperation.winddown",
    "Region": "kim_cooperation.region",
    "RegionFunding": "kim_cooperation.funding",
    "RegionSettlement": "kim_cooperation.settlement",
    "RegionWindDown": "kim_cooperation.winddown",
    "Role": "kim_cooperation.impact",
    "RunOnCost": "kim_cooperation.winddown",
    "RunOnPeriod": "kim_cooperation.winddown",
    "Settlement": "kim_cooperation.settlement",
    "SettlementLine": "kim_cooperation.settlement",
    "Share": "kim_cooperation.split",
    "ShareBasis": "kim_cooperation.policy",
    "Span": "kim_cooperation.spans",
    "SpanWeighting": "kim_cooperation.policy",
    "SplitKey": "kim_cooperation.keys",
    "UndecidedCaseError": "kim_cooperation.errors",
    "UnknownLineError": "kim_cooperation.errors",
    "UnknownPartyError": "kim_cooperation.errors",
    "UnknownRegionError": "kim_cooperation.errors",
    "WindDown": "kim_cooperation.winddown",
    "WindDownScope": "kim_cooperation.policy",
    "WithdrawalScope": "kim_cooperation.policy",
    "agreement_schema": "kim_cooperation.files",
    "dump_agreement": "kim_cooperation.files",
    "explain": "kim_cooperation.explanation",
    "financial_impact": "kim_cooperation.impact",
    "is_weekend": "kim_cooperation.notice",
    "latest_notice_date": "kim_cooperation.notice",
    "latest_notice_date_for": "kim_cooperation.notice",
    "load_agreement": "kim_cooperation.files",
    "loads_agreement": "kim_cooperation.files",
    "notice_deadline": "kim_cooperation.notice",
    "presets": "kim_cooperation.presets",
    "region_funding": "kim_cooperation.funding",
    "run_on_period": "kim_cooperation.winddown",
    "save_agreement": "kim_cooperation.files",
    "settle": "kim_cooperation.settlement",
    "split_by_weight": "kim_cooperation.split",
    "split_equally": "kim_cooperation.split",
    "termination_date": "kim_cooperation.notice",
    "wind_down": "kim_cooperation.winddown",
}
"""The module that defines each public name."""

_SUBMODULES: Final = frozenset({"presets"})
"""The public names that are modules themselves."""

if TYPE_CHECKING:
    from kim_cooperation import presets
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.clauses import Clause, Interpretation
    from kim_cooperation.closed_days import ClosedDays
    from kim_cooperation.costs import CostItem, CostStatement, NkfGroup
    from kim_cooperation.errors import (
        AgreementError,
        AgreementFileError,
        ClosedDayWarning,
        HolidaysNotCheckedWarning,
        InvalidDateError,
        InvalidMoneyError,
        InvalidTypeError,
        InvalidValueError,
        KimCooperationError,
        KimCooperationWarning,
        MissingExtraError,
        MoneyTypeError,
        NoApplicableRateError,
        NoPopulationCountError,
        UndecidedCaseError,
        UnknownLineError,
        UnknownPartyError,
        UnknownRegionError,
    )
    from kim_cooperation.explanation import Explanation, ExplanationStep, explain
    from kim_cooperation.files import (
        AgreementFile,
        agreement_schema,
        dump_agreement,
        load_agreement,
        loads_agreement,
        save_agreement,
    )
    from kim_cooperation.funding import (
        FundingRate,
        FundingSchedule,
        PostFunding,
        RegionFunding,
        region_funding,
    )
    from kim_cooperation.impact import FinancialImpact, ImpactLine, Layout, Role, financial_impact
    from kim_cooperation.keys import KeyKind, PopulationCount, SplitKey
    from kim_cooperation.notice import (
        DEFAULT_NOTICE_TERMS,
        Notice,
        NoticeDeadline,
        NoticeTerms,
        PeriodEnd,
        is_weekend,
        latest_notice_date,
        latest_notice_date_for,
        notice_deadline,
        termination_date,
    )
    from kim_cooperation.party import Party, PartyKind
    from kim_cooperation.policy import (
        DEFAULT_POLICIES,
        PartYearFunding,
        Policies,
        PopulationReference,
        ShareBasis,
        SpanWeighting,
        WindDownScope,
        WithdrawalScope,
    )
    from kim_cooperation.post import Post
    from kim_cooperation.region import Region
    from kim_cooperation.settlement import (
        BillingLine,
        RegionSettlement,
        Settlement,
        SettlementLine,
        settle,
    )
    from kim_cooperation.spans import Span
    from kim_cooperation.split import Allocation, Share, split_by_weight, split_equally
    from kim_cooperation.winddown import (
        MAX_RUN_ON_MONTHS,
        PostRunOn,
        RegionWindDown,
        RunOnCost,
        RunOnPeriod,
        WindDown,
        run_on_period,
        wind_down,
    )


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use (PEP 562)."""
    try:
        module = _WHERE[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    imported = importlib.import_module(module)
    value = imported if name in _SUBMODULES else getattr(imported, name)
    # Bind the name in the package, as an eager import would have: later look-ups
    # do not come here again.
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public API only: not the helpers this module imports (`typing`, `importlib`)."""
    return sorted(__all__)


__version__ = "0.1.0"

__all__ = [
    "DEFAULT_NOTICE_TERMS",
    "DEFAULT_POLICIES",
    "MAX_RUN_ON_MONTHS",
    "Agreement",
    "AgreementError",
    "AgreementFile",
    "AgreementFileError",
    "Allocation",
    "BillingLine",
    "Clause",
    "ClosedDayWarning",
    "ClosedDays",
    "CostItem",
    "CostStatement",
    "Explanation",
    "ExplanationStep",
    "FinancialImpact",
    "FundingRate",
    "FundingSchedule",
    "HolidaysNotCheckedWarning",
    "ImpactLine",
    "Interpretation",
    "InvalidDateError",
    "InvalidMoneyError",
    "InvalidTypeError",
    "InvalidValueError",
    "KeyKind",
    "KimCooperationError",
    "KimCooperationWarning",
    "Layout",
    "MissingExtraError",
    "MoneyTypeError",
    "NkfGroup",
    "NoApplicableRateError",
    "NoPopulationCountError",
    "Notice",
    "NoticeDeadline",
    "NoticeTerms",
    "PartYearFunding",
    "Party",
    "PartyKind",
    "PeriodEnd",
    "Policies",
    "PopulationCount",
    "PopulationReference",
    "Post",
    "PostFunding",
    "PostRunOn",
    "Region",
    "RegionFunding",
    "RegionSettlement",
    "RegionWindDown",
    "Role",
    "RunOnCost",
    "RunOnPeriod",
    "Settlement",
    "SettlementLine",
    "Share",
    "ShareBasis",
    "Span",
    "SpanWeighting",
    "SplitKey",
    "UndecidedCaseError",
    "UnknownLineError",
    "UnknownPartyError",
    "UnknownRegionError",
    "WindDown",
    "WindDownScope",
    "WithdrawalScope",
    "__version__",
    "agreement_schema",
    "dump_agreement",
    "explain",
    "financial_impact",
    "is_weekend",
    "latest_notice_date",
    "latest_notice_date_for",
    "load_agreement",
    "loads_agreement",
    "notice_deadline",
    "presets",
    "region_funding",
    "run_on_period",
    "save_agreement",
    "settle",
    "split_by_weight",
    "split_equally",
    "termination_date",
    "wind_down",
]
