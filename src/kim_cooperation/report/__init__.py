"""Plain-text reports: the council paper's tables, splits, deadlines, projections, scenarios.

`default_report` is what ``kim-cooperation`` prints when run without
arguments: for the built-in Coesfeld agreement and the 2023 plan, the council
paper's two tables for a town (Coesfeld by default) and each region's split
of its own share among its towns. Every figure names its clause. The other
renderers serve the command line's subcommands, in German (numbers as
``8.125,50 €``) or English.

Each text is written once, in English, with named fields, and translated
through the catalogue (`kim_cooperation.i18n`) before its fields are filled
in, so a German text may order them as German needs. A variable part is a
whole text of its own (``employer of region {region}`` or ``member of region
{region} until {day}``), never English words put together.

Where things are, one kind of output a file: ``_impact.py`` holds the
council paper's financial-impact tables (`render_impact`) and
`default_report`; ``_region.py`` a region's and a year's settlement
(`render_region`, `render_settlement`); ``_notice.py`` the last day of
membership and the notice deadline (`render_termination`,
`render_deadline`) and the wording of notice terms (`describe_terms`,
defined here); ``_projection.py`` projections and scenario comparisons
(`render_projection`, `render_comparison`); ``_texts.py`` what they
share: the catalogue's texts, lists joined by "and", a column of amounts.

Examples:
    >>> from kim_cooperation.report import default_report
    >>> text = default_report()
    >>> "Eigenanteil" in text and "8.125 €" in text
    True
"""

from __future__ import annotations

from kim_cooperation._checks import check_instance, check_lang
from kim_cooperation.formatting import Lang
from kim_cooperation.notice import NoticeTerms
from kim_cooperation.report._impact import default_report, render_impact
from kim_cooperation.report._notice import _describe_terms, render_deadline, render_termination
from kim_cooperation.report._projection import render_comparison, render_projection
from kim_cooperation.report._region import render_region, render_settlement

__all__ = [
    "default_report",
    "render_comparison",
    "render_deadline",
    "render_impact",
    "render_projection",
    "render_region",
    "render_settlement",
    "render_termination",
]


# Defined here rather than in _notice: it is not in __all__, and the API reference shows an
# imported function only if __all__ lists it.
def describe_terms(terms: NoticeTerms, *, lang: Lang = "de") -> str:
    """Return notice terms in words, in German or English (C11).

    Examples:
        >>> from kim_cooperation import NoticeTerms
        >>> describe_terms(NoticeTerms()), describe_terms(NoticeTerms(), lang="en")
        ('18 Monate zum Ende eines Kalenderjahres', '18 months to the end of a year')
    """
    check_instance(terms, NoticeTerms, what="terms", how="write e.g. NoticeTerms(months=6)")
    return _describe_terms(terms, check_lang(lang))
