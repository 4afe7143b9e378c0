"""Notice as text: the last day of membership and the notice deadline (C11).

`render_termination` says when membership ends for notice received on a
day; `render_deadline` says by when notice must be received, with what a
weekend, public holiday or listed closed day on the deadline means;
`_describe_terms` words the notice terms (`describe_terms` checks its
arguments and calls it).
"""

from __future__ import annotations

import datetime as dt

from kim_cooperation._checks import check_instance, check_lang
from kim_cooperation.formatting import Lang, format_date
from kim_cooperation.i18n import N_
from kim_cooperation.notice import NoticeDeadline, NoticeTerms, _terms_phrase, termination_date
from kim_cooperation.report._texts import _MAKE, _say


def render_termination(
    received: dt.date, *, terms: NoticeTerms | None = None, lang: Lang = "de"
) -> str:
    """Render the last day of membership after notice received on ``received`` (C11).

    Examples:
        >>> import datetime as dt
        >>> print(render_termination(dt.date(2024, 6, 30)))
        Kündigung zugegangen am 30.06.2024: Mitglied bis 31.12.2025 (18 Monate zum Ende eines Kalenderjahres, C11)
    """
    lang = check_lang(lang)
    chosen = NoticeTerms() if terms is None else terms
    ends = termination_date(received, chosen)
    return _say(
        N_("Notice received on {received}: member until {ends} ({terms}, C11)"),
        lang,
        received=format_date(received, lang=lang),
        ends=format_date(ends, lang=lang),
        terms=_describe_terms(chosen, lang),
    )


def render_deadline(deadline: NoticeDeadline, *, lang: Lang = "de") -> str:
    """Render a notice deadline with its warning for a weekend, holiday or listed closed day (C11).

    Examples:
        >>> from kim_cooperation import notice_deadline
        >>> print(render_deadline(notice_deadline(2025), lang="en"))
        To end the agreement on 2025-12-31, notice must be received by 2024-06-30 at the latest (18 months to the end of a year, C11).
        2024-06-30 is a Sunday. The deadline is not moved (§ 193 BGB does not apply to notice periods); make sure the notice arrives by 2024-06-28.
    """
    check_instance(deadline, NoticeDeadline, what="deadline", how=_MAKE["deadline"])
    lang = check_lang(lang)
    lines = [
        _say(
            N_(
                "To end the agreement on {end}, notice must be received by {deadline} "
                "at the latest ({terms}, C11)."
            ),
            lang,
            end=format_date(deadline.end, lang=lang),
            deadline=format_date(deadline.deadline, lang=lang),
            terms=_describe_terms(deadline.terms, lang),
        )
    ]
    check = deadline.day_check  # weekends, public holidays and listed closed days
    if check.closed:
        lines.append(
            _say(
                N_(
                    "{deadline} is {what}. The deadline is not moved (§ 193 BGB does not "
                    "apply to notice periods); make sure the notice arrives by {working_day}."
                ),
                lang,
                deadline=format_date(deadline.deadline, lang=lang),
                what=check.describe(lang=lang),
                working_day=format_date(deadline.last_working_day, lang=lang),
            )
        )
    note = check.gap_note(lang=lang)
    return "\n".join([*lines, note] if note is not None else lines)


def _describe_terms(terms: NoticeTerms, lang: Lang) -> str:
    # The catalogue text `NoticeTerms.describe` writes, in ``lang``: one wording everywhere.
    return _terms_phrase(terms).describe(lang)
