"""The clause notes of the documents: each clause and choice a document cites, in one sentence.

A council paper or a letter that cites ``(C9)`` explains it at its end:
``C9 Abrechnung: Die Anstellungskörperschaft rechnet ...``. The sentences
summarise the agreement's clauses (C1–C13) and the library's documented
interpretation choices (I1–I13); every one is a catalogue text, so a
document is German or English throughout.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from kim_cooperation.clauses import Clause, Interpretation
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_, translate

__all__ = ["clause_notes"]

_CLAUSES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "C1": N_("The eleven towns of the Kreis are the parties to the agreement."),
        "C2": N_("The towns work together in regions."),
        "C3": N_("One town of each region employs the case managers on permanent posts."),
        "C4": N_(
            "The case managers work for each town of the region to the same extent; the "
            "region's own share is split among its towns by the agreed key."
        ),
        "C5": N_(
            "The state funds each full-time post with a flat rate a year, paid through the "
            "Kreis to the employer, which uses it to cover the costs."
        ),
        "C6": N_("The state has announced a higher rate, which lowers the own shares."),
        "C7": N_(
            "Costs beyond the funding (own share) are split among the region's towns and "
            "borne by them."
        ),
        "C8": N_(
            "The costs are the personnel costs including the employer's contributions, the "
            "technical equipment of the workplace, recruitment and advertising, and a flat "
            "rate for personnel administration."
        ),
        "C9": N_(
            "The employer bills the other towns of its region for their parts of the own "
            "share once a year."
        ),
        "C10": N_(
            "If the state funding ends, the towns bear the costs in equal parts and pay "
            "their part to their region's employer."
        ),
        "C11": N_("The agreement runs for an indefinite term until notice is given."),
        "C12": N_(
            "If a town leaves, its shares of the posts and of the costs pass in equal parts "
            "to the remaining towns."
        ),
        "C13": N_(
            "If all towns give notice, the costs until the employments end, for at most 12 "
            "months, are split in equal parts among the former towns."
        ),
    }
)

_CHOICES: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "I1": (N_("Split key"), N_("Equal parts among the region's current towns.")),
        "I2": (
            N_("Cents"),
            N_(
                "Left-over cents go by largest remainder, ties to the employer, then by AGS; "
                "each part is within one cent of its exact share."
            ),
        ),
        "I3": (
            N_("Scope of a withdrawal"),
            N_("A leaving town's share passes to the remaining towns of its region."),
        ),
        "I4": (
            N_("Scope of a loss of funding"),
            N_("Equal parts within each region, paid to its employer."),
        ),
        "I5": (
            N_("Scope of the wind-down"),
            N_("The post's region; 12 months from the day after the end."),
        ),
        "I6": (
            N_("Funding beyond the costs"),
            N_("Funding never exceeds the costs: a surplus is reported, never paid out."),
        ),
        "I7": (
            N_("Part-year posts"),
            N_("Funding in twelfths for each full calendar month a post is filled."),
        ),
        "I8": (
            N_("Cases not covered"),
            N_("Cases the text does not cover are refused, never guessed."),
        ),
        "I9": (
            N_("Split key"),
            N_("Equal parts, fixed weights or inhabitants at a reference day."),
        ),
        "I10": (
            N_("Changes within a year"),
            N_(
                "The year is cut into spans at each change and weighed in twelfths; each span "
                "is split by the key and each town's part is rounded once."
            ),
        ),
        "I11": (
            N_("Withdrawal under a key"),
            N_("A leaving town's part passes in equal parts to the remaining towns."),
        ),
        "I12": (
            N_("Loss of funding under a key"),
            N_("Without funding the costs are borne in equal parts."),
        ),
        "I13": (
            N_("Wind-down under a key"),
            N_("The run-on costs are split in equal parts."),
        ),
    }
)


def clause_notes(cited: Iterable[Clause | Interpretation], lang: Lang) -> list[str]:
    """One note a clause or choice, each once: ``C9 Abrechnung: …``.

    Clauses first, then choices, each by number (C4, C5, C9, I2, I10).
    """
    notes = []
    for item in sorted(dict.fromkeys(cited), key=_order):
        if isinstance(item, Clause):
            heading = item.heading_de if lang == "de" else item.heading
            sentence = translate(_CLAUSES[item.value], lang)
        else:
            heading_text, sentence_text = _CHOICES[item.value]
            heading = translate(N_("Interpretation"), lang) + " – " + translate(heading_text, lang)
            sentence = translate(sentence_text, lang)
        notes.append(f"{item.value} {heading}: {sentence}")
    return notes


def _order(item: Clause | Interpretation) -> tuple[int, int]:
    return (0 if isinstance(item, Clause) else 1, int(item.value[1:]))
