"""The texts of the closed-day checks and warnings come from the catalogue, and read as before.

Three checks:

* with a stand-in catalogue that brackets the words of each text it is asked
  for (its fields stay outside the brackets), nothing but data (dates, the
  parties' names, the holidays' names from the package ``holidays``, the
  ``pip install`` command) is left outside the brackets in any text of
  `kim_cooperation.closed_days`, with and without the package's data: no word
  bypasses the catalogue, not even as a field's value;
* the Länder's names are the catalogue's, German as before;
* the texts that combine the most pieces (two parties, several Länder, a
  weekend day that is also a holiday, a listed day, a year without the
  package's data, the package missing) are pinned in German and English, as
  they read when the texts were a hand-written table of both languages.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from collections.abc import Iterable
from pathlib import Path

import pytest

from kim_cooperation import closed_days, presets
from kim_cooperation.closed_days import LANDS, ClosedDays, check_receipt
from kim_cooperation.closed_days import _holidays as holidays_module
from kim_cooperation.closed_days import _texts as texts_module
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import translate
from kim_cooperation.notice import termination_date

MARK = re.compile(r"⟦[^⟦⟧]*⟧")
"""The words of a text as the stand-in catalogue gives them."""


def _bracketed(template: str, lang: Lang) -> str:
    """``template`` with its words in brackets and its fields outside: ``⟦The deadline ⟧{day}``."""
    assert lang == "en"
    rebuilt = []
    for literal, field, spec, conversion in string.Formatter().parse(template):
        if literal:
            rebuilt.append("⟦" + literal.replace("{", "{{").replace("}", "}}") + "⟧")
        if field is not None:
            rebuilt.append(
                "{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
                + "}"
            )  # fmt: skip
    return "".join(rebuilt)


def _outside_the_catalogue(text: str, data: Iterable[str]) -> list[str]:
    """The words of ``text`` outside bracketed words and data: none if all came from the catalogue."""
    assert "⟦" in text, "the stand-in catalogue was not asked: the check would see nothing"
    text = MARK.sub(" ", text)
    for datum in sorted(data, key=len, reverse=True):
        text = text.replace(datum, " ")
    return re.findall(r"[^\W\d_]+", text)


def test_the_check_finds_a_word_outside_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(texts_module, "translate", _bracketed)
    # A field given an English word, rather than a text of the catalogue, is found.
    said = texts_module._say("{day} is {what}.", "en", day="2024-06-30", what="a Sunday")
    assert said == "2024-06-30⟦ is ⟧a Sunday⟦.⟧"
    assert _outside_the_catalogue(said, {"Olfen"}) == ["a", "Sunday"]


CLOSED_DAYS = {
    "NRW": ClosedDays(),
    "NRW, 24 and 31 December": ClosedDays.of(presets.coesfeld(), yearly=[(12, 24), (12, 31)]),
    "four Länder, 1 January": ClosedDays(lands=["BY", "NW", "SN", "BE"], yearly=[(1, 1)]),
    "every Land": ClosedDays(lands=sorted(LANDS.values()), dates=[dt.date(2024, 12, 27)]),
    "no Land": ClosedDays(lands=(), yearly=[(12, 24)]),
}
DAYS = [
    *(dt.date(2024, 1, 1) + dt.timedelta(days=n) for n in range(366)),
    *(dt.date(2100, 12, 25) + dt.timedelta(days=n) for n in range(14)),  # no data after 2100
]
PARTIES = [(), ("Olfen",), ("Olfen", "Billerbeck")]


def _texts(closed: ClosedDays) -> Iterable[tuple[str, set[str]]]:
    """Every text of the checks of ``closed`` over `DAYS`, in English, with the data it holds."""
    for day in DAYS:
        check = closed.check(day)
        names = {closure.name_en for closure in check.closures if closure.name_en}
        yield check.describe(lang="en"), names
        warning = texts_module._deadline_warning(check, closed.last_open_day(day), lang="en")
        if warning is not None:
            yield warning, names
        for parties in PARTIES:
            receipt = check_receipt(day, closed, ends=termination_date, parties=parties)
            text = receipt.describe(lang="en")
            if text:
                yield text, names | set(parties)


@pytest.mark.parametrize("package", ["installed", "missing"])
@pytest.mark.parametrize("name", sorted(CLOSED_DAYS))
def test_every_word_of_a_check_comes_from_the_catalogue(
    name: str, package: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if package == "missing":
        monkeypatch.setattr(closed_days, "_holidays_package", lambda: None)
    monkeypatch.setattr(texts_module, "translate", _bracketed)
    checked = 0
    for text, data in _texts(CLOSED_DAYS[name]):
        assert _outside_the_catalogue(text, data | {holidays_module._INSTALL}) == [], text
        checked += 1
    assert checked > len(DAYS)


def test_the_texts_are_all_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above sees every kind of text: each template of the module is asked for."""
    asked: set[str] = set()

    def recording(template: str, lang: Lang) -> str:
        asked.add(template)
        return translate(template, lang)

    monkeypatch.setattr(texts_module, "translate", recording)
    for closed in CLOSED_DAYS.values():
        for _ in _texts(closed):
            pass
    monkeypatch.setattr(closed_days, "_holidays_package", lambda: None)
    for _ in _texts(CLOSED_DAYS["NRW"]):
        pass
    assert _texts_of_checks() - asked == set()


def _texts_of_checks() -> set[str]:
    """The package's marked texts, but for the errors' (tested in tests/test_messages_*.py).

    Every file of the package `kim_cooperation.closed_days` is read.
    """
    texts: set[str] = set()
    for path in sorted(Path(closed_days.__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        marked: dict[ast.AST, str] = {
            node: node.args[0].value
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "N_"
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        }
        of_errors = {
            inner
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id.endswith("Error")
            for inner in ast.walk(node)
        }
        texts |= {text for node, text in marked.items() if node not in of_errors}
    assert "a Saturday" in texts
    assert "{names} and {last}" in texts  # a text of a submodule: every file was read
    assert not any("must be" in text for text in texts)
    return texts


GERMAN_LANDS = {
    "SH": "Schleswig-Holstein",
    "HH": "Hamburg",
    "NI": "Niedersachsen",
    "HB": "Bremen",
    "NW": "Nordrhein-Westfalen",
    "HE": "Hessen",
    "RP": "Rheinland-Pfalz",
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "SL": "Saarland",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "MV": "Mecklenburg-Vorpommern",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "TH": "Thüringen",
}


def test_every_land_has_its_german_name() -> None:
    assert {code: translate(name, "de") for code, name in holidays_module._LAND_NAMES.items()} == (
        GERMAN_LANDS
    )
    assert set(holidays_module._LAND_NAMES) == set(LANDS.values())


FOUR_LANDS = CLOSED_DAYS["four Länder, 1 January"]

RECEIPTS = [
    (
        dt.date(2025, 11, 1),
        ("Olfen", "Nottuln"),
        "Die Kündigungen von Olfen, Nottuln sind als am 01.11.2025 zugegangen erfasst, ein "
        "Samstag und ein gesetzlicher Feiertag in Bayern und Nordrhein-Westfalen (Allerheiligen). "
        "Ein Brief im Briefkasten einer geschlossenen Verwaltung gilt erst am nächsten Arbeitstag "
        "als zugegangen, am 03.11.2025; die Mitgliedschaft endet so oder so am 31.12.2027. "
        "Maßgeblich ist der Tag, an dem die Kündigung tatsächlich zuging (§ 130 BGB, C11); das "
        "Datum wird nicht verschoben.",
        "The notices of Olfen, Nottuln are recorded as received on 2025-11-01, a Saturday and a "
        "public holiday in Bavaria and North Rhine-Westphalia (All Saints' Day). A letter left in "
        "a closed office's mailbox counts as received on the next working day, 2025-11-03; "
        "membership ends on 2027-12-31 either way. What counts is the day the notice actually "
        "reached the parties (§ 130 BGB, C11); the date is not moved.",
    ),
    (
        dt.date(2024, 1, 1),
        (),
        "Der 01.01.2024 ist ein gesetzlicher Feiertag in Berlin, Bayern, Nordrhein-Westfalen und "
        "Sachsen (Neujahr) und ein angegebener Schließtag. Ein Brief im Briefkasten einer "
        "geschlossenen Verwaltung gilt erst am nächsten Arbeitstag als zugegangen, am 02.01.2024; "
        "die Mitgliedschaft endet so oder so am 31.12.2025. Maßgeblich ist der Tag, an dem die "
        "Kündigung tatsächlich zuging (§ 130 BGB, C11); das Datum wird nicht verschoben.",
        "2024-01-01 is a public holiday in Berlin, Bavaria, North Rhine-Westphalia and Saxony "
        "(New Year's Day) and a listed closed day. A letter left in a closed office's mailbox "
        "counts as received on the next working day, 2024-01-02; membership ends on 2025-12-31 "
        "either way. What counts is the day the notice actually reached the parties (§ 130 BGB, "
        "C11); the date is not moved.",
    ),
    (
        dt.date(2024, 6, 30),
        ("Olfen",),
        "Die Kündigung von Olfen ist als am 30.06.2024 zugegangen erfasst, ein Sonntag. Ein Brief "
        "im Briefkasten einer geschlossenen Verwaltung gilt erst am nächsten Arbeitstag als "
        "zugegangen, am 01.07.2024; dann endet die Mitgliedschaft am 31.12.2026 statt am "
        "31.12.2025. Maßgeblich ist der Tag, an dem die Kündigung tatsächlich zuging (§ 130 BGB, "
        "C11); das Datum wird nicht verschoben.",
        "The notice of Olfen is recorded as received on 2024-06-30, a Sunday. A letter left in a "
        "closed office's mailbox counts as received on the next working day, 2024-07-01; "
        "membership would then end on 2026-12-31 instead of 2025-12-31. What counts is the day "
        "the notice actually reached the parties (§ 130 BGB, C11); the date is not moved.",
    ),
    (
        dt.date(2101, 1, 4),
        ("Olfen",),
        "Die Kündigung von Olfen ist als am 04.01.2101 zugegangen erfasst. Gesetzliche Feiertage "
        "wurden nicht geprüft: Das Paket „holidays“ kennt keine Feiertage in Berlin, Bayern, "
        "Nordrhein-Westfalen und Sachsen für 2101; Wochenenden und angegebene Schließtage wurden "
        "geprüft.",
        "The notice of Olfen is recorded as received on 2101-01-04. Public holidays were not "
        "checked: the package 'holidays' has no public holidays of Berlin, Bavaria, North "
        "Rhine-Westphalia and Saxony for 2101; weekends and listed closed days were checked.",
    ),
    (
        dt.date(2101, 1, 3),
        (),
        "Gesetzliche Feiertage wurden nicht geprüft: Das Paket „holidays“ kennt keine Feiertage "
        "in Berlin, Bayern, Nordrhein-Westfalen und Sachsen für 2101; Wochenenden und angegebene "
        "Schließtage wurden geprüft.",
        "Public holidays were not checked: the package 'holidays' has no public holidays of "
        "Berlin, Bavaria, North Rhine-Westphalia and Saxony for 2101; weekends and listed closed "
        "days were checked.",
    ),
]


@pytest.mark.parametrize(("day", "parties", "german", "english"), RECEIPTS)
def test_a_day_of_receipt_reads_as_before(
    day: dt.date, parties: tuple[str, ...], german: str, english: str
) -> None:
    receipt = check_receipt(day, FOUR_LANDS, ends=termination_date, parties=parties)
    assert (receipt.describe(lang="de"), receipt.describe(lang="en")) == (german, english)


@pytest.mark.parametrize(
    ("day", "german", "english"),
    [
        (
            dt.date(2024, 12, 24),
            "Die Frist 24.12.2024 ist ein angegebener Schließtag. Sie wird nicht verschoben "
            "(§ 193 BGB gilt nicht für Kündigungsfristen), aber ein Brief im Briefkasten einer "
            "geschlossenen Verwaltung gilt erst am nächsten Arbeitstag als zugegangen: Die "
            "Kündigung muss spätestens am 23.12.2024 zugehen.",
            "The deadline 2024-12-24 is a listed closed day. It is not moved (§ 193 BGB does not "
            "apply to notice periods), but a letter left in a closed office's mailbox counts as "
            "received on the next working day: make sure the notice arrives by 2024-12-23.",
        ),
        (
            dt.date(2101, 1, 1),
            "Die Frist 01.01.2101 ist ein Samstag und ein angegebener Schließtag. Sie wird nicht "
            "verschoben (§ 193 BGB gilt nicht für Kündigungsfristen), aber ein Brief im "
            "Briefkasten einer geschlossenen Verwaltung gilt erst am nächsten Arbeitstag als "
            "zugegangen: Die Kündigung muss spätestens am 31.12.2100 zugehen. Gesetzliche "
            "Feiertage wurden nicht geprüft: Das Paket „holidays“ kennt keine Feiertage in "
            "Berlin, Bayern, Nordrhein-Westfalen und Sachsen für 2101; Wochenenden und angegebene "
            "Schließtage wurden geprüft.",
            "The deadline 2101-01-01 is a Saturday and a listed closed day. It is not moved "
            "(§ 193 BGB does not apply to notice periods), but a letter left in a closed office's "
            "mailbox counts as received on the next working day: make sure the notice arrives by "
            "2100-12-31. Public holidays were not checked: the package 'holidays' has no public "
            "holidays of Berlin, Bavaria, North Rhine-Westphalia and Saxony for 2101; weekends "
            "and listed closed days were checked.",
        ),
    ],
)
def test_a_deadline_on_a_closed_day_reads_as_before(
    day: dt.date, german: str, english: str
) -> None:
    closed = ClosedDays(lands=["BY", "NW", "SN", "BE"], yearly=[(12, 24), (1, 1)])
    texts = [
        texts_module._deadline_warning(closed.check(day), closed.last_open_day(day), lang=lang)
        for lang in ("de", "en")
    ]
    assert texts == [german, english]


@pytest.mark.parametrize(
    ("day", "parties", "german", "english"),
    [
        (
            dt.date(2024, 12, 24),
            ("Olfen",),
            "Die Kündigung von Olfen ist als am 24.12.2024 zugegangen erfasst, ein angegebener "
            "Schließtag. Ein Brief im Briefkasten einer geschlossenen Verwaltung gilt erst am "
            "nächsten Arbeitstag als zugegangen, am 25.12.2024; die Mitgliedschaft endet so oder "
            "so am 31.12.2026. Maßgeblich ist der Tag, an dem die Kündigung tatsächlich zuging "
            "(§ 130 BGB, C11); das Datum wird nicht verschoben. Gesetzliche Feiertage wurden "
            "nicht geprüft: Das optionale Paket „holidays“ ist nicht installiert (pip install "
            "'kim-cooperation[holidays]'); Wochenenden und angegebene Schließtage wurden geprüft.",
            "The notice of Olfen is recorded as received on 2024-12-24, a listed closed day. A "
            "letter left in a closed office's mailbox counts as received on the next working "
            "day, 2024-12-25; membership ends on 2026-12-31 either way. What counts is the day "
            "the notice actually reached the parties (§ 130 BGB, C11); the date is not moved. "
            "Public holidays were not checked: the optional package 'holidays' is not installed "
            "(pip install 'kim-cooperation[holidays]'); weekends and listed closed days were "
            "checked.",
        ),
        (
            dt.date(2024, 12, 23),
            ("Olfen", "Billerbeck"),
            "Die Kündigungen von Olfen, Billerbeck sind als am 23.12.2024 zugegangen erfasst. "
            "Gesetzliche Feiertage wurden nicht geprüft: Das optionale Paket „holidays“ ist nicht "
            "installiert (pip install 'kim-cooperation[holidays]'); Wochenenden und angegebene "
            "Schließtage wurden geprüft.",
            "The notices of Olfen, Billerbeck are recorded as received on 2024-12-23. Public "
            "holidays were not checked: the optional package 'holidays' is not installed (pip "
            "install 'kim-cooperation[holidays]'); weekends and listed closed days were checked.",
        ),
    ],
)
def test_without_the_package_a_day_of_receipt_reads_as_before(
    day: dt.date,
    parties: tuple[str, ...],
    german: str,
    english: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(closed_days, "_holidays_package", lambda: None)
    receipt = check_receipt(
        day, ClosedDays(yearly=[(12, 24)]), ends=termination_date, parties=parties
    )
    assert (receipt.describe(lang="de"), receipt.describe(lang="en")) == (german, english)
