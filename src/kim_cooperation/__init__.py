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

from kim_cooperation import presets
from kim_cooperation.agreement import Agreement
from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.costs import CostItem, CostStatement, NkfGroup
from kim_cooperation.errors import (
    AgreementError,
    AgreementFileError,
    InvalidDateError,
    InvalidMoneyError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    MoneyTypeError,
    NoApplicableRateError,
    UndecidedCaseError,
    UnknownLineError,
    UnknownPartyError,
    UnknownRegionError,
)
from kim_cooperation.explain import Explanation, ExplanationStep, explain
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
from kim_cooperation.split import Allocation, Share, split_by_weight, split_equally
from kim_cooperation.winddown import (
    MAX_RUN_ON_MONTHS,
    RegionWindDown,
    RunOnPeriod,
    WindDown,
    run_on_period,
    wind_down,
)

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
    "CostItem",
    "CostStatement",
    "Explanation",
    "ExplanationStep",
    "FinancialImpact",
    "FundingRate",
    "FundingSchedule",
    "ImpactLine",
    "Interpretation",
    "InvalidDateError",
    "InvalidMoneyError",
    "InvalidTypeError",
    "InvalidValueError",
    "KimCooperationError",
    "Layout",
    "MoneyTypeError",
    "NkfGroup",
    "NoApplicableRateError",
    "Notice",
    "NoticeDeadline",
    "NoticeTerms",
    "PartYearFunding",
    "Party",
    "PartyKind",
    "PeriodEnd",
    "Policies",
    "Post",
    "PostFunding",
    "Region",
    "RegionFunding",
    "RegionSettlement",
    "RegionWindDown",
    "Role",
    "RunOnPeriod",
    "Settlement",
    "SettlementLine",
    "Share",
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
