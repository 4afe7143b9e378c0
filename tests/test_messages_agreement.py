"""The agreement's messages (issue 13, item 7): English as ``str``, German with ``describe("de")``.

Every value and look-up error of the agreement, its parties, regions, posts,
membership and clause ids, and the suggestions for a mistyped town, is a
catalogue text (`kim_cooperation.errors.Phrase`). Each case here triggers
one and pins both languages, exactly; where a text is chosen by a count
(one town stays, several stay; one character, several) both are pinned.
Messages that reach the command line are also checked there, under
``--lang de``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import kim_cooperation as kim
from kim_cooperation import presets
from kim_cooperation._suggestions import party_named, successor_needed
from kim_cooperation.clauses import check_clause
from kim_cooperation.cli import main
from kim_cooperation.errors import (
    AgreementError,
    InvalidValueError,
    KimCooperationError,
    UndecidedCaseError,
    UnknownPartyError,
    UnknownRegionError,
)
from kim_cooperation.keys import PopulationCount, SplitKey
from kim_cooperation.party import validate_ags

AGREEMENT = presets.coesfeld()
NORD, MITTE, SUED = AGREEMENT.regions
COESFELD, DUELMEN, NOTTULN = (AGREEMENT.party(name) for name in ("Coesfeld", "Dülmen", "Nottuln"))
BILLERBECK = AGREEMENT.party("Billerbeck")
MUENSTER = kim.Party(name="Münster", kind="Stadt", ags="05515000")
DAY = dt.date(2024, 6, 28)
TITLE = AGREEMENT.name
DATA = Path(kim.__file__).parent / "data" / "coesfeld.toml"


def _mitte(**changes: object) -> kim.Region:
    """Region Mitte, with ``changes``."""
    fields: dict[str, object] = {
        "name": "Mitte",
        "employer": DUELMEN,
        "members": [DUELMEN, NOTTULN],
        "posts": [kim.Post(label="Mitte 1", fte=1)],
        **changes,
    }
    return kim.Region(**fields)  # type: ignore[arg-type]


def _with_party(name: str, ags: str = "05558099", region: int = 0) -> kim.Agreement:
    """The Coesfeld agreement with one more town in the region at ``region``."""
    newcomer = kim.Party(name=name, kind="Gemeinde", ags=ags)
    regions = list(AGREEMENT.regions)
    regions[region] = attrs.evolve(regions[region], members=[*regions[region].members, newcomer])
    return attrs.evolve(AGREEMENT, parties=[*AGREEMENT.parties, newcomer], regions=regions)


def _regions(*regions: kim.Region) -> kim.Agreement:
    return attrs.evolve(AGREEMENT, regions=regions)


CASES: list[tuple[str, type[KimCooperationError], Callable[[], object], str, str]] = [
    # ------------------------------------------------------------------ party.py
    (
        "AGS of several characters",
        InvalidValueError,
        lambda: validate_ags("5558012"),
        "AGS must be 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde) like '05558012', "
        "got '5558012' (7 characters)",
        "der AGS muss aus 8 Ziffern bestehen (Land, Regierungsbezirk, Kreis, Gemeinde) wie "
        "'05558012', angegeben ist '5558012' (7 Zeichen)",
    ),
    (
        "AGS of one character",
        InvalidValueError,
        lambda: validate_ags("5"),
        "AGS must be 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde) like '05558012', "
        "got '5' (1 character)",
        "der AGS muss aus 8 Ziffern bestehen (Land, Regierungsbezirk, Kreis, Gemeinde) wie "
        "'05558012', angegeben ist '5' (1 Zeichen)",
    ),
    (
        "AGS of no Land",
        InvalidValueError,
        lambda: validate_ags("17558012"),
        "AGS must begin with a Land code from 01 to 16, got '17558012' (Land 17)",
        "der AGS muss mit der Kennziffer eines Landes von 01 bis 16 beginnen, angegeben ist "
        "'17558012' (Land 17)",
    ),
    (
        "party kind",
        InvalidValueError,
        lambda: kim.Party(name="Neudorf", kind="Dorf", ags="05558099"),
        "party kind must be one of ['Stadt', 'Gemeinde'], got 'Dorf'",
        "die Art der Kommune muss eine von ['Stadt', 'Gemeinde'] sein, angegeben ist 'Dorf'",
    ),
    # ------------------------------------------------------------------ region.py
    (
        "region without members",
        AgreementError,
        lambda: _mitte(members=[]),
        "region 'Mitte' must have at least one member (C2)",
        "die Region 'Mitte' muss mindestens eine Kommune haben (C2)",
    ),
    (
        "region lists an AGS twice",
        AgreementError,
        lambda: _mitte(members=[DUELMEN, NOTTULN, attrs.evolve(NOTTULN, name="Nottuln-Dorf")]),
        "region 'Mitte' lists AGS 05558032 (Nottuln-Dorf) twice (C2)",
        "die Region 'Mitte' führt den AGS 05558032 (Nottuln-Dorf) zweimal auf (C2)",
    ),
    (
        "employer outside the region",
        AgreementError,
        lambda: _mitte(employer=COESFELD),
        "region 'Mitte': employer Coesfeld (05558012) must be one of its members "
        "['Dülmen', 'Nottuln'] (C3)",
        "Region 'Mitte': die Anstellungskörperschaft Coesfeld (05558012) muss eine ihrer "
        "Kommunen ['Dülmen', 'Nottuln'] sein (C3)",
    ),
    (
        "region without posts",
        AgreementError,
        lambda: _mitte(posts=[]),
        "region 'Mitte' must have at least one post (C3)",
        "die Region 'Mitte' muss mindestens eine Stelle haben (C3)",
    ),
    (
        "two posts of one label",
        AgreementError,
        lambda: _mitte(posts=[kim.Post(label="M", fte=1), kim.Post(label="M", fte=1)]),
        "region 'Mitte' has two posts labelled 'M'",
        "die Region 'Mitte' hat zwei Stellen mit der Bezeichnung 'M'",
    ),
    (
        "a weight for a stranger",
        AgreementError,
        lambda: _mitte(split_key=SplitKey.by_weights({DUELMEN: 1, NOTTULN: 1, COESFELD: 1})),
        "region 'Mitte' has a weight for Coesfeld (05558012), which is not one of its members "
        "['Dülmen', 'Nottuln'] (C2, C4, I9)",
        "die Region 'Mitte' hat ein Gewicht für Coesfeld (05558012), die keine ihrer Kommunen "
        "['Dülmen', 'Nottuln'] ist (C2, C4, I9)",
    ),
    (
        "a weight missing",
        AgreementError,
        lambda: _mitte(split_key=SplitKey.by_weights({DUELMEN: 1})),
        "region 'Mitte' is split by weights but has no weight for Nottuln; give every member a "
        "weight, 0 for a town that pays nothing (C4, I9)",
        "die Region 'Mitte' wird nach festen Gewichten aufgeteilt, hat aber kein Gewicht für "
        "Nottuln; geben Sie jeder ihrer Kommunen ein Gewicht, 0 für eine Kommune, die nichts "
        "trägt (C4, I9)",
    ),
    (
        "not a member of the region",
        UnknownPartyError,
        lambda: NORD.member("Olfen"),
        "'Olfen' is not a member of region 'Nord'; members are "
        "['Billerbeck', 'Coesfeld', 'Havixbeck', 'Rosendahl']",
        "'Olfen' gehört nicht zur Region 'Nord'; ihre Kommunen sind "
        "['Billerbeck', 'Coesfeld', 'Havixbeck', 'Rosendahl']",
    ),
    # ------------------------------------------------------------------ post.py
    (
        "FTE above 1",
        InvalidValueError,
        lambda: kim.Post(label="Nord 4", fte=Fraction(3, 2)),
        "full-time equivalent (FTE) of a post must be greater than 0 and at most 1, got 3/2; "
        "split a larger share into several posts (C3)",
        "das Vollzeitäquivalent (VZÄ) einer Stelle muss größer als 0 und höchstens 1 sein, "
        "angegeben ist 3/2; teilen Sie einen größeren Umfang auf mehrere Stellen auf (C3)",
    ),
    (
        "employment ends before it starts",
        InvalidValueError,
        lambda: kim.Post(
            label="Nord 4",
            fte=1,
            employment_start=dt.date(2025, 3, 1),
            employment_end=dt.date(2025, 2, 28),
        ),
        "post 'Nord 4': employment_end 2025-02-28 is before employment_start 2025-03-01",
        "Stelle 'Nord 4': das Ende der Beschäftigung (employment_end) 28.02.2025 liegt vor "
        "ihrem Beginn (employment_start) 01.03.2025",
    ),
    (
        "month 13",
        InvalidValueError,
        lambda: kim.Post(label="Nord 4", fte=1).fills_month(2025, 13),
        "month must be an int from 1 to 12, got 13",
        "der Monat muss eine ganze Zahl (int) von 1 bis 12 sein, angegeben ist 13",
    ),
    # ------------------------------------------------------------------ clauses.py
    (
        "an interpretation choice is no clause",
        InvalidValueError,
        lambda: check_clause("I2"),
        "clause must be one of C1 to C13, got 'I2'",
        "Klausel: erwartet ist eine der Klauseln C1 bis C13, angegeben ist 'I2'",
    ),
    # ------------------------------------------------------------------ agreement.py
    (
        "party names differing in one character",
        AgreementError,
        lambda: _with_party("C\u043eesfeld"),
        "party names 'Coesfeld' and 'C\u043eesfeld' look alike but are written with different "
        "characters: 'o' (U+006F) and '\u043e' (U+043E); a reader could not tell them apart, so "
        "look-ups and bills could name the wrong town. Write each name in plain letters of one "
        "script (C1, Unicode confusables, UTS #39)",
        "die Namen der Kommunen 'Coesfeld' und 'C\u043eesfeld' sehen gleich aus, sind aber mit "
        "verschiedenen Zeichen geschrieben: 'o' (U+006F) und '\u043e' (U+043E); beim Lesen "
        "lassen sie sich nicht unterscheiden, sodass Abfragen und Abrechnungen die falsche "
        "Kommune nennen könnten. Schreiben Sie jeden Namen in einfachen Buchstaben einer "
        "einzigen Schrift (C1, Unicode confusables, UTS #39)",
    ),
    (
        "party names differing in two characters",
        AgreementError,
        lambda: _with_party("C\u043e\u0435sfeld"),
        "party names 'Coesfeld' and 'C\u043e\u0435sfeld' look alike but are written with "
        "different characters; a reader could not tell them apart, so look-ups and bills could "
        "name the wrong town. Write each name in plain letters of one script "
        "(C1, Unicode confusables, UTS #39)",
        "die Namen der Kommunen 'Coesfeld' und 'C\u043e\u0435sfeld' sehen gleich aus, sind aber "
        "mit verschiedenen Zeichen geschrieben; beim Lesen lassen sie sich nicht unterscheiden, "
        "sodass Abfragen und Abrechnungen die falsche Kommune nennen könnten. Schreiben Sie "
        "jeden Namen in einfachen Buchstaben einer einzigen Schrift "
        "(C1, Unicode confusables, UTS #39)",
    ),
    (
        "region names that look alike",
        AgreementError,
        lambda: _regions(NORD, MITTE, attrs.evolve(SUED, name="N\u043erd")),
        "region names 'Nord' and 'N\u043erd' look alike but are written with different "
        "characters: 'o' (U+006F) and '\u043e' (U+043E); a reader could not tell them apart, so "
        "look-ups and bills could name the wrong town. Write each name in plain letters of one "
        "script (C2, Unicode confusables, UTS #39)",
        "die Namen der Regionen 'Nord' und 'N\u043erd' sehen gleich aus, sind aber mit "
        "verschiedenen Zeichen geschrieben: 'o' (U+006F) und '\u043e' (U+043E); beim Lesen "
        "lassen sie sich nicht unterscheiden, sodass Abfragen und Abrechnungen die falsche "
        "Kommune nennen könnten. Schreiben Sie jeden Namen in einfachen Buchstaben einer "
        "einzigen Schrift (C2, Unicode confusables, UTS #39)",
    ),
    (
        "a name that is another party's AGS",
        AgreementError,
        lambda: _with_party("05558012"),
        "the name '05558012' of party 05558099 is, or looks like, the AGS of Coesfeld "
        "(05558012); a look-up by it could find either. Give the party its town's name (C1)",
        "der Name '05558012' der Kommune 05558099 ist der AGS von Coesfeld (05558012) oder "
        "sieht ihm gleich; eine Abfrage danach könnte beide finden. Geben Sie der Kommune ihren "
        "Ortsnamen (C1)",
    ),
    (
        "a population count of a stranger",
        AgreementError,
        lambda: AGREEMENT.with_population(
            [PopulationCount(as_of=dt.date(2023, 12, 31), counts={MUENSTER: 320_000})]
        ),
        "the population count as of 2023-12-31 names Münster (05515000), which is not a party "
        "to the agreement (C1, I9)",
        "die Einwohnerzahlen zum 31.12.2023 nennen Münster (05515000), die keine Kommune der "
        "Vereinbarung ist (C1, I9)",
    ),
    (
        "funding starting after the agreement",
        AgreementError,
        lambda: attrs.evolve(AGREEMENT, start=dt.date(2022, 1, 1)),
        "the funding schedule starts on 2023-01-01, after the agreement's start 2022-01-01; "
        "every day of the agreement needs a funding rate, zero if there is none (C5)",
        "die Fördersätze beginnen am 01.01.2023, nach dem Beginn der Vereinbarung am "
        "01.01.2022; jeder Tag der Vereinbarung braucht einen Fördersatz, null, wenn es keine "
        "Förderung gibt (C5)",
    ),
    (
        "no parties",
        AgreementError,
        lambda: attrs.evolve(AGREEMENT, parties=[]),
        "an agreement needs at least one party (C1)",
        "eine Vereinbarung braucht mindestens eine Kommune (C1)",
    ),
    (
        "one AGS for two parties",
        AgreementError,
        lambda: _with_party("Neudorf", ags="05558012", region=1),
        "AGS 05558012 is given to both Coesfeld and Neudorf (C1)",
        "der AGS 05558012 ist sowohl Coesfeld als auch Neudorf zugeordnet (C1)",
    ),
    (
        "party names that cannot be told apart",
        AgreementError,
        lambda: _with_party("coesfeld"),
        "party names 'Coesfeld' and 'coesfeld' cannot be told apart (C1)",
        "die Namen der Kommunen 'Coesfeld' und 'coesfeld' lassen sich nicht unterscheiden (C1)",
    ),
    (
        "no regions",
        AgreementError,
        _regions,
        "an agreement needs at least one region (C2)",
        "eine Vereinbarung braucht mindestens eine Region (C2)",
    ),
    (
        "region names that cannot be told apart",
        AgreementError,
        lambda: _regions(NORD, MITTE, attrs.evolve(SUED, name="nord")),
        "region names 'Nord' and 'nord' cannot be told apart (C2)",
        "die Namen der Regionen 'Nord' und 'nord' lassen sich nicht unterscheiden (C2)",
    ),
    (
        "a member that is no party",
        AgreementError,
        lambda: attrs.evolve(AGREEMENT, parties=[p for p in AGREEMENT.parties if p != NOTTULN]),
        "Nottuln (05558032) is a member of region 'Mitte' but not a party to the agreement "
        "(C1, C2)",
        "Nottuln (05558032) ist Mitglied der Region 'Mitte', aber keine Kommune der "
        "Vereinbarung (C1, C2)",
    ),
    (
        "a member of two regions",
        AgreementError,
        lambda: _regions(NORD, attrs.evolve(MITTE, members=[*MITTE.members, BILLERBECK]), SUED),
        "Billerbeck (05558008) is a member of both region 'Nord' and region 'Mitte'; each "
        "party belongs to exactly one region (C2)",
        "Billerbeck (05558008) ist Mitglied sowohl der Region 'Nord' als auch der Region "
        "'Mitte'; jede Kommune gehört zu genau einer Region (C2)",
    ),
    (
        "a post label in two regions",
        AgreementError,
        lambda: _regions(NORD, attrs.evolve(MITTE, posts=[kim.Post(label="Nord 1", fte=1)]), SUED),
        "post label 'Nord 1' is used in region 'Nord' and region 'Mitte'; labels must be "
        "unique (C3)",
        "die Stellenbezeichnung 'Nord 1' kommt in der Region 'Nord' und in der Region 'Mitte' "
        "vor; jede Stellenbezeichnung darf nur einmal vorkommen (C3)",
    ),
    (
        "a party in no region",
        AgreementError,
        lambda: _regions(NORD, MITTE),
        "Ascheberg (05558004) belongs to no region; each party belongs to exactly one region (C2)",
        "Ascheberg (05558004) gehört zu keiner Region; jede Kommune gehört zu genau einer "
        "Region (C2)",
    ),
    (
        "an unknown party",
        UnknownPartyError,
        lambda: AGREEMENT.party("Münster"),
        f"'Münster' is not a party to the agreement '{TITLE}'; parties are ['Ascheberg', "
        "'Billerbeck', 'Coesfeld', 'Dülmen', 'Havixbeck', 'Lüdinghausen', 'Nordkirchen', "
        "'Nottuln', 'Olfen', 'Rosendahl', 'Senden'] (C1)",
        f"'Münster' ist keine Kommune der Vereinbarung '{TITLE}'; Kommunen sind ['Ascheberg', "
        "'Billerbeck', 'Coesfeld', 'Dülmen', 'Havixbeck', 'Lüdinghausen', 'Nordkirchen', "
        "'Nottuln', 'Olfen', 'Rosendahl', 'Senden'] (C1)",
    ),
    (
        "an unknown region",
        UnknownRegionError,
        lambda: AGREEMENT.region("West"),
        f"'West' is not a region of the agreement '{TITLE}'; regions are "
        "['Nord', 'Mitte', 'Süd'] (C2)",
        f"'West' ist keine Region der Vereinbarung '{TITLE}'; Regionen sind "
        "['Nord', 'Mitte', 'Süd'] (C2)",
    ),
    (
        "a region name that could name two regions",
        UnknownRegionError,
        lambda: _regions(
            NORD, attrs.evolve(MITTE, name="Sud"), attrs.evolve(SUED, name="Sued")
        ).region("Süd"),
        "'Süd' could name region 'Sud' or 'Sued'; write the region's name exactly (C2)",
        "'Süd' könnte die Region 'Sud' oder 'Sued' bezeichnen; schreiben Sie den Namen der "
        "Region genau (C2)",
    ),
    (
        "an unknown post",
        InvalidValueError,
        lambda: AGREEMENT.with_post("Ost 1", fte=1),
        f"'Ost 1' is not the label of a post of the agreement '{TITLE}'; posts are "
        "['Nord 1', 'Nord 2', 'Nord 3', 'Mitte 1', 'Süd 1', 'Süd 2', 'Süd 3'] (C3)",
        f"'Ost 1' ist keine Stellenbezeichnung der Vereinbarung '{TITLE}'; Stellen sind "
        "['Nord 1', 'Nord 2', 'Nord 3', 'Mitte 1', 'Süd 1', 'Süd 2', 'Süd 3'] (C3)",
    ),
    (
        "a successor without a notice",
        InvalidValueError,
        lambda: AGREEMENT.give_notices({"Rosendahl": DAY}, successors={"Olfen": "Senden"}),
        "successors are named for ['Olfen'] without a notice among these notices (C3, C11)",
        "für ['Olfen'] ist eine nachfolgende Anstellungskörperschaft benannt, aber unter diesen "
        "Kündigungen fehlt deren Kündigung (C3, C11)",
    ),
    (
        "withdrawing no notice",
        InvalidValueError,
        lambda: AGREEMENT.withdraw_notice("Olfen", dt.date(2024, 7, 1)),
        "Olfen has given no notice to withdraw (C11)",
        "Olfen hat keine Kündigung erklärt, die zurückgenommen werden könnte (C11)",
    ),
    (
        "withdrawing before the notice",
        InvalidValueError,
        lambda: AGREEMENT.give_notice("Olfen", DAY).withdraw_notice("Olfen", dt.date(2024, 6, 1)),
        "the notice of Olfen was received on 2024-06-28; it cannot be withdrawn on 2024-06-01, "
        "before it was given (C11)",
        "die Kündigung von Olfen ist am 28.06.2024 zugegangen; sie kann nicht am 01.06.2024 "
        "zurückgenommen werden, bevor sie erklärt wurde (C11)",
    ),
    (
        "withdrawing after leaving",
        InvalidValueError,
        lambda: AGREEMENT.give_notice("Olfen", DAY).withdraw_notice("Olfen", dt.date(2026, 1, 1)),
        "Olfen left on 2025-12-31 under its notice; it cannot be withdrawn on 2026-01-01 (C11)",
        "Olfen ist aufgrund der Kündigung am 31.12.2025 ausgeschieden; die Kündigung kann "
        "nicht am 01.01.2026 zurückgenommen werden (C11)",
    ),
    # ------------------------------------------------------------------ membership.py
    (
        "a notice of a stranger",
        InvalidValueError,
        lambda: attrs.evolve(AGREEMENT, notices=[kim.Notice(party=MUENSTER, received=DAY)]),
        "Münster (05515000) gave notice but is not a party to the agreement (C1, C11)",
        "Münster (05515000) hat gekündigt, ist aber keine Kommune der Vereinbarung (C1, C11)",
    ),
    (
        "two notices of one party",
        InvalidValueError,
        lambda: attrs.evolve(
            AGREEMENT,
            notices=[kim.Notice(party=COESFELD, received=DAY)] * 2,
        ),
        "Coesfeld gave notice twice; withdraw the first notice before recording another (C11)",
        "Coesfeld hat zweimal gekündigt; nehmen Sie die erste Kündigung zurück, bevor Sie eine "
        "weitere erfassen (C11)",
    ),
    (
        "a notice before the start",
        InvalidValueError,
        lambda: AGREEMENT.give_notice("Olfen", dt.date(2022, 6, 30)),
        "notice of Olfen received on 2022-06-30, before the agreement's start 2023-01-01 (C11)",
        "die Kündigung von Olfen ist am 30.06.2022 zugegangen, vor dem Beginn der Vereinbarung "
        "am 01.01.2023 (C11)",
    ),
    (
        "a whole region leaving",
        UndecidedCaseError,
        lambda: AGREEMENT.give_notices({"Dülmen": DAY, "Nottuln": DAY}),
        "every town of region 'Mitte' leaves by 2025-12-31 while the agreement goes on "
        "elsewhere; the agreement does not say what happens to the region's posts "
        "(C12, C13, I8)",
        "alle Kommunen der Region 'Mitte' scheiden bis zum 31.12.2025 aus, während die "
        "Vereinbarung anderswo weiterläuft; die Vereinbarung sagt nicht, was dann mit den "
        "Stellen der Region geschieht (C12, C13, I8)",
    ),
    (
        "an employer leaving while one town stays",
        UndecidedCaseError,
        lambda: AGREEMENT.give_notice("Dülmen", DAY),
        "Dülmen, the employer of region 'Mitte', leaves on 2025-12-31 while Nottuln stays; the "
        "agreement does not say who employs the case managers then. Name a successor employer "
        "with the notice (give_notice(..., successor=...)) (C3, C12, I8)",
        "Dülmen, die Anstellungskörperschaft der Region 'Mitte', scheidet am 31.12.2025 aus, "
        "während Nottuln bleibt; die Vereinbarung sagt nicht, wer die Fallmanager dann "
        "anstellt. Benennen Sie mit der Kündigung eine nachfolgende Anstellungskörperschaft "
        "(give_notice(..., successor=...)) (C3, C12, I8)",
    ),
    (
        "an employer leaving while several towns stay",
        UndecidedCaseError,
        lambda: AGREEMENT.give_notice("Coesfeld", DAY),
        "Coesfeld, the employer of region 'Nord', leaves on 2025-12-31 while Billerbeck, "
        "Havixbeck, Rosendahl stay; the agreement does not say who employs the case managers "
        "then. Name a successor employer with the notice (give_notice(..., successor=...)) "
        "(C3, C12, I8)",
        "Coesfeld, die Anstellungskörperschaft der Region 'Nord', scheidet am 31.12.2025 aus, "
        "während Billerbeck, Havixbeck, Rosendahl bleiben; die Vereinbarung sagt nicht, wer "
        "die Fallmanager dann anstellt. Benennen Sie mit der Kündigung eine nachfolgende "
        "Anstellungskörperschaft (give_notice(..., successor=...)) (C3, C12, I8)",
    ),
    (
        "a successor from another region",
        InvalidValueError,
        lambda: AGREEMENT.give_notice("Coesfeld", DAY, successor="Olfen"),
        "Olfen (05558036) cannot succeed Coesfeld as employer of region 'Nord': it is not a "
        "town of that region (C2, C3)",
        "Olfen (05558036) kann Coesfeld nicht als Anstellungskörperschaft der Region 'Nord' "
        "nachfolgen: sie ist keine Kommune dieser Region (C2, C3)",
    ),
    (
        "a successor leaving as early",
        InvalidValueError,
        lambda: AGREEMENT.give_notices(
            {"Coesfeld": DAY, "Billerbeck": DAY}, successors={"Coesfeld": "Billerbeck"}
        ),
        "Billerbeck leaves on 2025-12-31, no later than Coesfeld (2025-12-31), so it cannot "
        "succeed it as employer of region 'Nord' (C3, C11)",
        "Billerbeck scheidet am 31.12.2025 aus, also nicht nach Coesfeld (31.12.2025), und kann "
        "ihr daher nicht als Anstellungskörperschaft der Region 'Nord' nachfolgen (C3, C11)",
    ),
    (
        "a successor named by a town that employs no one",
        InvalidValueError,
        lambda: AGREEMENT.give_notice("Rosendahl", DAY, successor="Billerbeck"),
        "Rosendahl names a successor employer but is not the employer of region 'Nord' when it "
        "leaves; only a leaving employer names one (C3)",
        "Rosendahl benennt eine nachfolgende Anstellungskörperschaft, ist aber bei ihrem "
        "Ausscheiden nicht die Anstellungskörperschaft der Region 'Nord'; nur eine "
        "ausscheidende Anstellungskörperschaft benennt eine Nachfolgerin (C3)",
    ),
    # ------------------------------------------------------------------ _suggestions.py
    (
        "a region where a town is needed",
        UnknownPartyError,
        lambda: party_named(AGREEMENT, "Sued", what="--party"),
        "--party 'Sued' is a region of the agreement, not a town; its towns are Ascheberg, "
        "Lüdinghausen, Nordkirchen, Olfen and Senden (C2)",
        "--party 'Sued' ist eine Region der Vereinbarung, keine Kommune; ihre Kommunen sind "
        "Ascheberg, Lüdinghausen, Nordkirchen, Olfen und Senden (C2)",
    ),
    (
        "one close town",
        UnknownPartyError,
        lambda: party_named(AGREEMENT, "Rosendal"),
        f"'Rosendal' is not a party to the agreement '{TITLE}'; did you mean Rosendahl? (C1)",
        f"'Rosendal' ist keine Kommune der Vereinbarung „{TITLE}“; meinten Sie Rosendahl? (C1)",
    ),
    (
        "two close towns",
        UnknownPartyError,
        lambda: party_named(AGREEMENT, "Olmen"),
        f"'Olmen' is not a party to the agreement '{TITLE}'; did you mean Olfen or Dülmen? (C1)",
        f"'Olmen' ist keine Kommune der Vereinbarung „{TITLE}“; meinten Sie Olfen oder Dülmen? "
        "(C1)",
    ),
    (
        "a close region",
        UnknownPartyError,
        lambda: party_named(AGREEMENT, "Nrod"),
        f"'Nrod' is not a party to the agreement '{TITLE}'; did you mean the region Nord? A "
        "town is needed: Billerbeck, Coesfeld, Havixbeck and Rosendahl (C2)",
        f"'Nrod' ist keine Kommune der Vereinbarung „{TITLE}“; meinten Sie die Region Nord? "
        "Gefragt ist eine Kommune: Billerbeck, Coesfeld, Havixbeck und Rosendahl (C2)",
    ),
    (
        "nothing close",
        UnknownPartyError,
        lambda: party_named(AGREEMENT, "Münster"),
        f"'Münster' is not a party to the agreement '{TITLE}'; parties are Ascheberg, "
        "Billerbeck, Coesfeld, Dülmen, Havixbeck, Lüdinghausen, Nordkirchen, Nottuln, Olfen, "
        "Rosendahl, Senden (C1)",
        f"'Münster' ist keine Kommune der Vereinbarung „{TITLE}“; Kommunen sind Ascheberg, "
        "Billerbeck, Coesfeld, Dülmen, Havixbeck, Lüdinghausen, Nordkirchen, Nottuln, Olfen, "
        "Rosendahl, Senden (C1)",
    ),
]


@pytest.mark.parametrize(
    ("kind", "call", "english", "german"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_message_in_english_and_in_german(
    kind: type[KimCooperationError], call: Callable[[], object], english: str, german: str
) -> None:
    with pytest.raises(kind) as caught:
        call()
    assert type(caught.value) is kind
    assert str(caught.value) == english
    assert caught.value.describe("en") == english
    assert caught.value.describe("de") == german


@pytest.mark.parametrize(
    ("employer", "english", "german"),
    [
        (
            "Dülmen",
            "Dülmen is the employer of region Mitte and leaves on 2025-12-31 while Nottuln "
            "stays; the agreement does not say who employs the case managers then. Name the "
            "successor employer: --successor TOWN (C3, C12, I8)",
            "Dülmen ist Anstellungskörperschaft der Region Mitte und scheidet am 31.12.2025 "
            "aus, während Nottuln bleibt; die Vereinbarung sagt nicht, wer die Fallmanager "
            "dann anstellt. Nennen Sie die Nachfolgerin: --successor TOWN (C3, C12, I8)",
        ),
        (
            "Coesfeld",
            "Coesfeld is the employer of region Nord and leaves on 2025-12-31 while "
            "Billerbeck, Havixbeck and Rosendahl stay; the agreement does not say who employs "
            "the case managers then. Name the successor employer: --successor TOWN "
            "(C3, C12, I8)",
            "Coesfeld ist Anstellungskörperschaft der Region Nord und scheidet am 31.12.2025 "
            "aus, während Billerbeck, Havixbeck und Rosendahl bleiben; die Vereinbarung sagt "
            "nicht, wer die Fallmanager dann anstellt. Nennen Sie die Nachfolgerin: "
            "--successor TOWN (C3, C12, I8)",
        ),
    ],
)
def test_a_leaving_employer_is_told_how_to_name_a_successor(
    employer: str, english: str, german: str
) -> None:
    message = successor_needed(AGREEMENT, AGREEMENT.party(employer), DAY, how="--successor TOWN")
    assert message is not None
    assert (str(message), message.describe("de")) == (english, german)


def test_a_town_that_employs_no_one_needs_no_successor() -> None:
    assert successor_needed(AGREEMENT, AGREEMENT.party("Olfen"), DAY, how="-") is None


# --------------------------------------------------------------------------- the command line


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The one line the command prints on standard error, without its prefix."""
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    prefix = "kim-cooperation: error: " if "en" in argv else "kim-cooperation: Fehler: "
    assert captured.err.startswith(prefix)
    assert captured.err.count("\n") == 1
    return captured.err.removeprefix(prefix).rstrip("\n")


def test_two_close_towns_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert _error(capsys, "explain", "--party", "Olmen", "--year", "2023", "--lang", "de") == (
        f"--party 'Olmen' ist keine Kommune der Vereinbarung „{TITLE}“; meinten Sie Olfen oder "
        "Dülmen? (C1)"
    )
    assert _error(capsys, "explain", "--party", "Olmen", "--year", "2023", "--lang", "en") == (
        f"--party 'Olmen' is not a party to the agreement '{TITLE}'; did you mean Olfen or "
        "Dülmen? (C1)"
    )


def test_an_employer_whose_one_town_stays_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["scenario", "--from", "2026", "--to", "2026", "--notice"]
    assert _error(capsys, *argv, "Dülmen=28.06.2024", "--lang", "de") == (
        "Dülmen ist Anstellungskörperschaft der Region Mitte und scheidet am 31.12.2025 aus, "
        "während Nottuln bleibt; die Vereinbarung sagt nicht, wer die Fallmanager dann "
        "anstellt. Nennen Sie die Nachfolgerin: --notice Dülmen=28.06.2024 --successor KOMMUNE "
        "(C3, C12, I8)"
    )
    assert _error(capsys, *argv, "Dülmen=2024-06-28", "--lang", "en") == (
        "Dülmen is the employer of region Mitte and leaves on 2025-12-31 while Nottuln stays; "
        "the agreement does not say who employs the case managers then. Name the successor "
        "employer: --notice Dülmen=2024-06-28 --successor TOWN (C3, C12, I8)"
    )


@pytest.mark.parametrize(
    ("old", "new", "german"),
    [
        (
            'employer = "Dülmen"',
            'employer = "Coesfeld"',
            "Region 'Mitte': die Anstellungskörperschaft Coesfeld (05558012) muss eine ihrer "
            "Kommunen ['Dülmen', 'Nottuln'] sein (C3)",
        ),
        (
            '{ label = "Mitte 1", fte = 1 }',
            '{ label = "Nord 1", fte = 1 }',
            "die Stellenbezeichnung 'Nord 1' kommt in der Region 'Nord' und in der Region "
            "'Mitte' vor; jede Stellenbezeichnung darf nur einmal vorkommen (C3)",
        ),
        (
            "[notice_terms]",
            'notices = [{ party = "Dülmen", received = 2024-06-28 }]\n\n[notice_terms]',
            "Dülmen, die Anstellungskörperschaft der Region 'Mitte', scheidet am 31.12.2025 "
            "aus, während Nottuln bleibt; die Vereinbarung sagt nicht, wer die Fallmanager dann "
            "anstellt. Benennen Sie mit der Kündigung eine nachfolgende "
            "Anstellungskörperschaft (give_notice(..., successor=...)) (C3, C12, I8)",
        ),
    ],
)
def test_an_agreement_file_that_breaks_a_rule_is_refused_in_german(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str, new: str, german: str
) -> None:
    text = DATA.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "vereinbarung.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    error = _error(capsys, "--agreement", str(path), "settle", "--year", "2023", "--lang", "de")
    assert error.endswith(f": {german}")
    assert "1 Problem:" in error
