"""One number format per column of a text table (issue 13, item 7).

A column with one amount in cents shows cents throughout; a column of whole
amounts, such as the council paper's, keeps whole euros.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation.cli import main
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.export import to_csv, to_html, to_records, to_text
from kim_cooperation.formatting import format_eur, format_eur_column
from kim_cooperation.projection import Projection
from kim_cooperation.scenario import Comparison
from test_export import all_results

AMOUNT_DE = re.compile(r"-?[\d.]+(?:,\d\d)? €|–")
AMOUNT_EN = re.compile(r"-?€[\d,]+(?:\.\d\d)?|–")

cents = st.integers(min_value=-(10**9), max_value=10**9)
amounts = st.one_of(st.none(), cents.map(lambda c: Decimal(c).scaleb(-2)))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def table(text: str, heading: str) -> list[str]:
    """The indented lines under ``heading``, up to the next blank or unindented line."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    rows = []
    for line in lines[start:]:
        if not line.startswith("  "):
            break
        rows.append(line)
    return rows


def has_cents(amount: str) -> bool:
    return bool(re.search(r"[,.]\d\d( €)?$", amount))


@settings(max_examples=60)
@given(st.lists(amounts, max_size=8), st.sampled_from(["de", "en"]))
def test_a_column_has_one_format_and_loses_nothing(
    column: list[Decimal | None], lang: str
) -> None:
    shown = format_eur_column(column, lang="de" if lang == "de" else "en")
    with_cents = any(amount is not None and amount % 1 for amount in column)
    assert len(shown) == len(column)
    for amount, text in zip(column, shown, strict=True):
        assert text == format_eur(amount, lang="de" if lang == "de" else "en", cents=with_cents)
        if amount is not None:
            assert has_cents(text) is with_cents


def test_a_column_refuses_what_is_not_a_column() -> None:
    with pytest.raises(InvalidTypeError, match="amounts must be an iterable"):
        format_eur_column(Decimal("5"))  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError, match="amounts must be an iterable"):
        format_eur_column("8125")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="lang"):
        format_eur_column([Decimal("5")], lang="fr")  # type: ignore[arg-type]


def test_the_example_billing_shows_cents_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--agreement", "example", "settle", "--year", "2025")
    billing = table(out, "Abrechnung 2025 (C9)")
    # Immental owes a whole 5.000 €, in a column of amounts with cents.
    assert any("Immental schuldet Haselstein  5.000,00 €  (C9)" in line for line in billing)
    found = [AMOUNT_DE.findall(line) for line in billing]
    assert all(len(cells) == 1 and has_cents(cells[0]) for cells in found)
    # Region West's parts are whole amounts in their own column: no cents added.
    west = out.split("Region West")[1].split("Abrechnung")[0]
    assert "Haselstein  5.000 €  (C4) trägt selbst" in west


def test_the_example_impact_tables_have_one_format(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "--agreement", "example", "--lang", "en")
    finance = table(out, "Effect on the finance statement (EUR)")
    result = table(out, "Effect on the result statement (EUR), yearly")
    assert "Total costs of the measure               €99,000.00  (C8)" in finance[0]
    for rows in (finance, result):
        cells = [cell for line in rows for cell in AMOUNT_EN.findall(line) if cell != "–"]
        assert cells
        assert all(has_cents(cell) for cell in cells)


def test_the_example_projection_has_one_format_per_column(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "--agreement", "example", "project", "--from", "2024", "--to", "2026")
    rows = table(out, "Eigenanteile je Kommune und Jahr")[1:]
    assert any(
        line.startswith("  Haselstein    6.916,67 €   5.000,00 €   5.000,00 €") for line in rows
    )
    for row in rows:
        cells = AMOUNT_DE.findall(row)
        assert len(cells) == 4
        assert all(has_cents(cell) for cell in cells)


def test_coesfelds_whole_figures_keep_whole_euros(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys)
    finance = table(out, "Auswirkungen auf die Finanzrechnung (in EUR)")
    assert finance[0] == "  Gesamtkosten der Maßnahme                         170.000 €  (C8)"
    assert ",00 €" not in out
    projection = run(capsys, "project", "--from", "2023", "--to", "2024")
    assert ",00 €" not in projection
    assert "8.125 €" in projection


def test_a_comparison_column_shares_its_format_with_the_differences(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(
        capsys, "scenario", "--from", "2025", "--to", "2026",
        "--notice", "Rosendahl=28.06.2024", "--lang", "en",
    )  # fmt: skip
    # 2025 is unchanged, whole euros; in 2026 the remaining towns pay cents.
    assert re.search(r"Rosendahl +€8,125 \(€0\) +€0\.00 \(-€8,125\.00\)$", out, re.MULTILINE)
    assert re.search(r"Ascheberg +€6,500 \(€0\) +€6,500\.00 \(€0\.00\)$", out, re.MULTILINE)


# --- HTML captions in the chosen language ----------------------------------------------------

GERMAN_CAPTION_WORDS = re.compile(
    r"^(Abrechnung|Vorausschau|Eigenanteile?|Nachlauf|Finanzielle Auswirkungen|Jahresabrechnung) "
)


def _caption(page: str) -> str:
    line = page.splitlines()[1]
    assert line.startswith("<caption>")
    return line.removeprefix("<caption>").removesuffix("</caption>")


def test_html_captions_are_german_under_de_and_english_by_default() -> None:
    results = all_results()
    assert results
    for result in results:
        german = _caption(to_html(result, lang="de"))
        english = _caption(to_html(result))
        assert GERMAN_CAPTION_WORDS.match(german), german
        assert english == _caption(to_html(result, lang="en"))
        assert english == to_text(result).splitlines()[0]  # the default as documented
        assert german != english
        for word in ("Settlement", "Projection", "scenarios", "Wind-down", "employer", "layout"):
            assert word not in german, german
        if isinstance(result, Projection | Comparison):
            # Towns by years in German, as their text view (tests/test_notebook_views.py).
            assert result._repr_html_() == result.table_html(lang="de")
        else:
            assert result._repr_html_() == to_html(result)


def test_html_caption_names_days_and_the_baseline_the_german_way() -> None:
    captions = [_caption(to_html(result, lang="de")) for result in all_results()]
    assert "Nachlauf nach dem 31.12.2025 (C13)" in captions
    assert any(": Basis, " in caption for caption in captions)
    assert any("(Gliederung Ratsvorlage)" in caption for caption in captions)


def test_html_refuses_an_unknown_language() -> None:
    with pytest.raises(InvalidValueError, match="lang must be 'de' or 'en'"):
        to_html(all_results()[0], lang="fr")  # type: ignore[arg-type]


# --- CSV headers: German under de, the column ids under en ------------------------------------


def test_german_csv_has_german_headers_and_english_csv_the_ids() -> None:
    results = all_results()
    for result in results:
        german = to_csv(result, lang="de").splitlines()[0].split(";")
        english = to_csv(result).splitlines()[0].split(",")
        assert english == list(to_records(result)[0])
        # German CSV leaves out the English label (label_en), so no column is in two languages.
        assert len(german) == len(english) - ("label_en" in english)
        assert not set(german) & set(english) - {"Region"}, german
    settlement = to_csv(results[0], lang="de").splitlines()[0]
    assert settlement == (
        "Jahr;Region;AGS Anstellungskörperschaft;Anstellungskörperschaft;Kennung;Beschreibung;"
        "AGS;Kommune;Betrag;Klausel"
    )


def test_the_command_line_writes_german_headers_by_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    german = run(capsys, "project", "--from", "2023", "--to", "2023", "--format", "csv")
    assert german.splitlines()[0] == "Jahr;Grundlage;Region;AGS;Kommune;Eigenanteil;Klausel"
    english = run(
        capsys, "project", "--from", "2023", "--to", "2023", "--format", "csv", "--lang", "en"
    )
    assert english.splitlines()[0] == "year,basis,region,party_ags,party,own_share,clause"
