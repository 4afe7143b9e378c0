"""Exports of every result: dicts and JSON, flat records, CSV, DataFrames, text and HTML.

Every exported figure is compared with the library's own result objects, cell
by cell, and with the council paper's figures where the brief gives them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coesfeld import TOWNS
from kim_cooperation import (
    Agreement,
    CostStatement,
    Explanation,
    FinancialImpact,
    InvalidTypeError,
    InvalidValueError,
    Party,
    RegionSettlement,
    RegionWindDown,
    Settlement,
    WindDown,
    explain,
    financial_impact,
    presets,
    settle,
    wind_down,
)
from kim_cooperation import scenario as sc
from kim_cooperation.billing import BillingStatement, billing_statements
from kim_cooperation.export import (
    BILLING_COLUMNS,
    COMPARISON_COLUMNS,
    EXPLANATION_COLUMNS,
    IMPACT_COLUMNS,
    PROJECTION_COLUMNS,
    SETTLEMENT_COLUMNS,
    WIND_DOWN_COLUMNS,
    Record,
    Result,
    to_csv,
    to_dataframe,
    to_dict,
    to_html,
    to_json,
    to_records,
    to_text,
)
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import translate
from kim_cooperation.projection import Projection, project
from strategies import region_cost_plans

BASE = presets.coesfeld()
PLAN = presets.coesfeld_cost_plan_2023()
PLANNING = presets.coesfeld_planning_costs_2023()
MONEY_COLUMNS = {"amount", "own_share", "difference", "part", "advances", "balance"}
DATE_COLUMNS = {"agreement_end", "first_day", "last_day"}
LANGS: tuple[Lang, ...] = ("en", "de")


def settlement_2023() -> Settlement:
    return settle(BASE, 2023, PLAN)


def ended() -> Agreement:
    return BASE.give_notices(dict.fromkeys(BASE.parties, dt.date(2024, 6, 30)))


def mitte_wind_down() -> WindDown:
    return wind_down(
        ended(), dt.date(2025, 12, 31), {"Mitte": CostStatement(personnel=Decimal("68000"))}
    )


def rosendahl_projection() -> Projection:
    agreement = BASE.give_notice("Rosendahl", dt.date(2024, 6, 30))
    return project(agreement, range(2025, 2028), PLAN, personnel_growth=Decimal("0.03"))


def comparison() -> sc.Comparison:
    return sc.compare(
        BASE,
        {
            "57,000 from 2024": sc.rate_change(BASE, Decimal("57000"), dt.date(2024, 1, 1)),
            "no funding from 2025": sc.loss_of_funding(BASE, dt.date(2025, 1, 1)),
            "Rosendahl leaves": sc.notice_by(BASE, "Rosendahl", dt.date(2024, 6, 30)),
            "all leave": sc.all_give_notice(BASE, dt.date(2024, 6, 30)),
        },
        range(2024, 2028),
        PLANNING,
    )


def all_results() -> list[Result]:
    settlement = settle(BASE, 2023, PLANNING)
    run_on = mitte_wind_down()
    return [
        settlement,
        settlement.region("Süd"),
        rosendahl_projection(),
        comparison(),
        run_on,
        run_on.regions[0],
        financial_impact(settlement, "Coesfeld"),
        financial_impact(settlement, "Nottuln", layout="nkf"),
        explain(settlement, "Billerbeck"),
        explain(settlement, "Dülmen", lang="en"),
        *billing_statements(settlement, advances={"Nottuln": Decimal("7000")}),
    ]


COLUMNS: dict[type, tuple[str, ...]] = {
    Settlement: SETTLEMENT_COLUMNS,
    RegionSettlement: SETTLEMENT_COLUMNS,
    Projection: PROJECTION_COLUMNS,
    sc.Comparison: COMPARISON_COLUMNS,
    WindDown: WIND_DOWN_COLUMNS,
    RegionWindDown: WIND_DOWN_COLUMNS,
    FinancialImpact: IMPACT_COLUMNS,
    Explanation: EXPLANATION_COLUMNS,
    BillingStatement: BILLING_COLUMNS,
}


def party(agreement: Agreement, name: str | None) -> Party | None:
    return None if name is None else agreement.party(name)


def read_csv(text: str, lang: str) -> list[dict[str, str]]:
    """The rows keyed by column id; German CSV's German headers are mapped back to the ids."""
    header, *lines = csv.reader(io.StringIO(text), delimiter=";" if lang == "de" else ",")
    ids = {translate(column, "de"): column for columns in COLUMNS.values() for column in columns}
    keys = [ids[name] for name in header] if lang == "de" else header
    return [dict(zip(keys, line, strict=True)) for line in lines]


def money_cell(text: str, lang: str) -> Decimal:
    if lang == "de":
        assert "." not in text, text
        text = text.replace(",", ".")
    assert text.count(".") == 1, text
    assert len(text.split(".")[1]) == 2, text
    return Decimal(text)


def csv_value(text: str, column: str, lang: str) -> object:
    """Read a CSV cell back into the value `to_records` holds."""
    if text == "":
        return None
    if column in MONEY_COLUMNS:
        return money_cell(text, lang)
    if column in DATE_COLUMNS:
        return dt.date.fromisoformat(text)
    if column in ("year", "step"):
        return int(text)
    if column in ("is_total",):
        return {"true": True, "false": False}[text]
    return text


def json_value(value: object, column: str) -> object:
    """Read a JSON value back into the value `to_records` holds."""
    if value is None:
        return None
    if column in MONEY_COLUMNS:
        assert isinstance(value, str)
        return Decimal(value)
    if column in DATE_COLUMNS:
        assert isinstance(value, str)
        return dt.date.fromisoformat(value)
    return value


# --- Settlement ---------------------------------------------------------------------------


def test_settlement_records_are_the_lines_of_every_region_cell_by_cell() -> None:
    settlement = settle(BASE, 2023, PLANNING)
    records = to_records(settlement)
    expected: list[Record] = []
    for region in settlement.regions:
        for line in region.lines():
            expected.append(
                {
                    "year": 2023,
                    "region": region.region.name,
                    "employer_ags": region.employer.ags,
                    "employer": region.employer.name,
                    "key": line.key,
                    "description": line.description,
                    "party_ags": None if line.party is None else line.party.ags,
                    "party": None if line.party is None else line.party.name,
                    "amount": line.amount,
                    "clause": str(line.clause),
                }
            )
    assert records == expected
    assert all(tuple(record) == SETTLEMENT_COLUMNS for record in records)
    assert to_records(settlement.region("Mitte")) == [
        record for record in records if record["region"] == "Mitte"
    ]


def test_settlement_records_give_the_council_paper_figures() -> None:
    records = to_records(settlement_2023())
    by_key = {
        (record["key"], record["party"]): (record["amount"], record["clause"])
        for record in records
    }
    assert by_key["costs", None] == (Decimal("170000.00"), "C8")
    assert by_key["funding", None] == (Decimal("137500.00"), "C5")
    assert by_key["own_share", None] == (Decimal("32500.00"), "C7")
    for town in ("Billerbeck", "Coesfeld", "Havixbeck", "Rosendahl"):
        assert by_key["part", town] == (Decimal("8125.00"), "C4")
    assert [record["party"] for record in records if record["key"] == "billing"] == [
        "Billerbeck",
        "Havixbeck",
        "Rosendahl",
    ]
    assert all(isinstance(record["amount"], Decimal) for record in records)


def test_settlement_dict_carries_every_figure_with_its_clause() -> None:
    settlement = settle(BASE, 2023, PLANNING)
    data = to_dict(settlement)
    assert data["type"] == "settlement"
    assert data["year"] == 2023
    assert data["agreement"] == BASE.name
    assert data["policies"] == {
        "withdrawal_scope": "region",
        "part_year_funding": "twelfths",
        "wind_down_scope": "last-members",
        "population_reference": "previous-year-end",
        "span_weighting": "months",
        "withdrawal_split": "equal",
        "no_funding_split": "equal",
        "wind_down_split": "equal",
    }
    regions = data["regions"]
    assert isinstance(regions, list)
    assert len(regions) == len(settlement.regions)
    for plain, region in zip(regions, settlement.regions, strict=True):
        assert plain["region"] == region.region.name
        assert plain["employer"] == {"name": region.employer.name, "ags": region.employer.ags}
        assert plain["fte"] == str(region.region.fte)
        assert plain["costs"]["total"] == str(region.costs.total)
        assert plain["costs"]["clause"] == "C8"
        assert {key: Decimal(value) for key, value in plain["costs"]["items"].items()} == {
            item.value: amount for item, amount in region.costs.items()
        }
        assert plain["funding"]["amount"] == str(region.funding.amount)
        assert plain["funding"]["clause"] == "C5"
        assert plain["funding"]["exact"] == str(region.funding.exact)
        assert plain["own_share"] == {"amount": str(region.own_share), "clause": "C7"}
        assert plain["surplus"] == {"amount": "0.00", "clause": "I6"}
        assert plain["billed_total"] == {"amount": str(region.billed_total), "clause": "C9"}
        shares = plain["split"]["shares"]
        assert [
            (item["party"]["ags"], item["exact"], Decimal(item["amount"])) for item in shares
        ] == [(share.party.ags, str(share.exact), share.amount) for share in region.split.shares]
        assert [
            (item["debtor"]["name"], Decimal(item["amount"])) for item in plain["billing"]
        ] == [(line.debtor.name, line.amount) for line in region.billing]
    nord = regions[0]
    assert nord["fte"] == "5/2"
    assert nord["funding"]["posts"][2]["fte"] == "1/2"
    assert nord["funding"]["rates"] == [
        {
            "valid_from": "2023-01-01",
            "amount": "55000.00",
            "source": BASE.funding.rates[0].source,
            "clause": "C5",
        }
    ]
    assert nord["split"]["first"] == {"name": "Coesfeld", "ags": "05558012"}


def test_exact_shares_are_fractions_as_strings() -> None:
    agreement = BASE.give_notice("Rosendahl", dt.date(2024, 6, 30))
    nord = to_dict(settle(agreement, 2026, PLAN))["regions"][0]
    assert [(item["party"]["name"], item["exact"]) for item in nord["split"]["shares"]] == [
        ("Billerbeck", "32500/3"),
        ("Coesfeld", "32500/3"),
        ("Havixbeck", "32500/3"),
    ]
    assert nord["split"]["clause"] == "C12"
    assert [item["extra_cent"] for item in nord["split"]["shares"]] == [False, True, False]


def test_json_is_the_dict_and_keeps_umlauts() -> None:
    for result in all_results():
        text = to_json(result)
        assert json.loads(text) == to_dict(result)
        assert "\\u00fc" not in text
        assert json.loads(to_json(result, indent=None)) == to_dict(result)
        assert "\n" not in to_json(result, indent=None)


def test_no_float_anywhere_in_plain_data() -> None:
    def walk(value: object) -> Iterator[object]:
        yield value
        if isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    for result in all_results():
        for value in walk(to_dict(result)):
            assert isinstance(value, str | int | bool | dict | list | type(None)), value
            assert not isinstance(value, float)


# --- Projection and comparison -------------------------------------------------------------


def test_projection_records_are_the_projections_own_shares() -> None:
    projection = rosendahl_projection()
    records = to_records(projection)
    nord_towns = [town.name for town in BASE.region("Nord").members]
    assert [(record["year"], record["party"]) for record in records] == [
        (year, town) for year in (2025, 2026, 2027) for town in nord_towns
    ]
    for record in records:
        assert isinstance(record["party"], str)
        assert isinstance(record["year"], int)
        assert record["own_share"] == projection.own_share_of(record["party"], record["year"])
        assert record["basis"] == "settlement"
        assert record["region"] == "Nord"
    clauses = {(record["year"], record["party"]): record["clause"] for record in records}
    assert clauses[2025, "Coesfeld"] == "C4"
    assert clauses[2026, "Coesfeld"] == "C12"
    assert clauses[2026, "Rosendahl"] == "C12"
    shares = {(record["year"], record["party"]): record["own_share"] for record in records}
    assert shares[2026, "Rosendahl"] == Decimal("0.00")
    data = to_dict(projection)
    assert data["type"] == "projection"
    assert data["years"] == [2025, 2026, 2027]
    assert data["own_shares"] == [
        {key: str(value) if isinstance(value, Decimal) else value for key, value in record.items()}
        for record in records
    ]
    results = data["results"]
    assert isinstance(results, list)
    assert results[2]["plan"]["Nord"]["items"]["personnel"] == str(
        projection.plan(2027)["Nord"].personnel
    )
    settled = projection.result(2027).settlement
    assert settled is not None
    assert results[2]["settlement"]["regions"][0]["own_share"]["amount"] == str(
        settled.region("Nord").own_share
    )
    assert results[2]["wind_down"] is None


def test_projection_after_full_termination_shows_wind_down_and_end() -> None:
    projection = project(ended(), range(2025, 2028), PLAN)
    records = to_records(projection)
    bases = {record["year"]: record["basis"] for record in records}
    assert bases == {2025: "settlement", 2026: "wind-down", 2027: "ended"}
    for record in records:
        assert isinstance(record["party"], str)
        assert isinstance(record["year"], int)
        assert record["own_share"] == projection.own_share_of(record["party"], record["year"])
        assert record["clause"] == ("C4" if record["year"] == 2025 else "C13")
    assert {record["own_share"] for record in records if record["year"] == 2026} == {
        Decimal("8125.00")
    }
    assert {record["own_share"] for record in records if record["year"] == 2027} == {
        Decimal("0.00")
    }
    results = to_dict(projection)["results"]
    assert isinstance(results, list)
    assert results[1]["settlement"] is None
    assert results[1]["wind_down"]["regions"][0]["net"] == {
        "amount": "32500.00",
        "clause": "C13",
    }
    assert results[2]["wind_down"] is None


def test_comparison_records_are_values_and_differences_cell_by_cell() -> None:
    result = comparison()
    records = to_records(result)
    assert len(records) == len(TOWNS) * len(result.years) * len(result.names)
    expected = [
        (year, name, party.name)
        for party in result.parties
        for year in result.years
        for name in result.names
    ]
    assert [(record["year"], record["scenario"], record["party"]) for record in records] == (
        expected
    )
    for record in records:
        assert isinstance(record["party"], str)
        assert isinstance(record["year"], int)
        assert isinstance(record["scenario"], str)
        name, town, year = record["scenario"], record["party"], record["year"]
        assert record["own_share"] == result.value(name, town, year)
        assert record["difference"] == result.difference(name, town, year)
        assert record["party_ags"] == BASE.party(town).ags
        assert record["region"] == BASE.region_of(town).name
    cell = {(record["scenario"], record["party"], record["year"]): record for record in records}
    assert cell["57,000 from 2024", "Havixbeck", 2024]["own_share"] == Decimal("6875.00")
    assert cell["57,000 from 2024", "Havixbeck", 2024]["difference"] == Decimal("-1250.00")
    assert cell["no funding from 2025", "Havixbeck", 2025]["own_share"] == Decimal("42500.00")
    assert cell["no funding from 2025", "Havixbeck", 2025]["clause"] == "C10"
    assert cell["Rosendahl leaves", "Coesfeld", 2026]["own_share"] == Decimal("10833.34")
    assert cell["Rosendahl leaves", "Coesfeld", 2026]["clause"] == "C12"
    assert cell["all leave", "Coesfeld", 2026]["clause"] == "C13"
    assert cell["all leave", "Coesfeld", 2027]["difference"] == Decimal("-8125.00")
    data = to_dict(result)
    assert data["names"] == list(result.names)
    assert data["baseline"] == "baseline"
    assert [item["name"] for item in data["scenarios"]] == list(result.names)
    assert len(data["own_shares"]) == len(records)


# --- Wind-down, financial impact, explanation ----------------------------------------------


def test_wind_down_records_and_dict() -> None:
    run_on = mitte_wind_down()
    records = to_records(run_on)
    end = dt.date(2025, 12, 31)
    assert records == [
        {
            "agreement_end": end,
            "region": "Mitte",
            "key": "run_on",
            "description": run_on.regions[0].periods[0][1].describe(),
            "post": "Mitte 1",
            "first_day": dt.date(2026, 1, 1),
            "last_day": dt.date(2026, 12, 31),
            "party_ags": None,
            "party": None,
            "amount": None,
            "clause": "C13",
        },
        {
            "agreement_end": end,
            "region": "Mitte",
            "key": "costs",
            "description": "Run-on costs",
            "post": None,
            "first_day": None,
            "last_day": None,
            "party_ags": None,
            "party": None,
            "amount": Decimal("68000.00"),
            "clause": "C13",
        },
        {
            "agreement_end": end,
            "region": "Mitte",
            "key": "funding",
            "description": "Funding received in the run-on period",
            "post": None,
            "first_day": None,
            "last_day": None,
            "party_ags": None,
            "party": None,
            "amount": Decimal("0.00"),
            "clause": "I5",
        },
        {
            "agreement_end": end,
            "region": "Mitte",
            "key": "net",
            "description": "Costs less funding",
            "post": None,
            "first_day": None,
            "last_day": None,
            "party_ags": None,
            "party": None,
            "amount": Decimal("68000.00"),
            "clause": "C13",
        },
        *(
            {
                "agreement_end": end,
                "region": "Mitte",
                "key": "part",
                "description": f"Part of {name}",
                "post": None,
                "first_day": None,
                "last_day": None,
                "party_ags": ags,
                "party": name,
                "amount": Decimal("34000.00"),
                "clause": "C13",
            }
            for ags, name in (("05558016", "Dülmen"), ("05558032", "Nottuln"))
        ),
    ]
    assert to_records(run_on.regions[0]) == records
    data = to_dict(run_on)
    assert data["type"] == "wind_down"
    mitte = data["regions"][0]
    assert mitte["periods"][0]["capped"] is True
    assert mitte["periods"][0]["months"] == 12
    assert mitte["periods"][0]["employment_end"] is None
    assert mitte["funding"] == {"amount": "0.00", "clause": "I5"}
    assert mitte["last_day"] == "2026-12-31"
    assert to_dict(run_on.regions[0]) == {"type": "region_wind_down", **mitte}


def test_wind_down_surplus_is_a_line_of_its_own() -> None:
    run_on = wind_down(
        ended(),
        dt.date(2025, 12, 31),
        {"Mitte": CostStatement(personnel=Decimal("100"))},
        funding={"Mitte": Decimal("150.50")},
    )
    rows = {record["key"]: record for record in to_records(run_on)}
    assert rows["surplus"]["amount"] == Decimal("50.50")
    assert rows["surplus"]["clause"] == "I6"
    assert rows["net"]["amount"] == Decimal("0.00")


@pytest.mark.parametrize("layout", ["council-paper", "nkf"])
@pytest.mark.parametrize("town", ["Coesfeld", "Billerbeck"])
def test_impact_records_are_the_lines_of_both_tables(layout: str, town: str) -> None:
    impact = financial_impact(settlement_2023(), town, layout=layout)
    records = to_records(impact)
    lines = [("finance", line) for line in impact.finance] + [
        ("result", line) for line in impact.result
    ]
    assert len(records) == len(lines)
    for record, (table, line) in zip(records, lines, strict=True):
        assert record == {
            "year": 2023,
            "party_ags": impact.party.ags,
            "party": town,
            "role": impact.role.value,
            "layout": layout,
            "table": table,
            "key": line.key,
            "label": line.label,
            "label_en": line.label_en,
            "amount": line.amount,
            "clause": None if line.clause is None else str(line.clause),
            "is_total": line.is_total,
        }
    data = to_dict(impact)
    assert data["own_share"] == {"amount": "8125.00", "clause": "C7"}
    assert [item["amount"] for item in data["finance"]] == [
        None if line.amount is None else str(line.amount) for line in impact.finance
    ]


def test_council_paper_finance_statement_as_csv() -> None:
    impact = financial_impact(settlement_2023(), "Coesfeld")
    rows = read_csv(to_csv(impact, lang="de"), "de")
    finance = [(row["label"], row["amount"], row["clause"]) for row in rows[:4]]
    assert finance == [
        ("Gesamtkosten der Maßnahme", "170000,00", "C8"),
        ("Objektbezogene Einzahlungen (Zuschüsse/Beiträge)", "137500,00", "C5"),
        ("Sonstige Einzahlungen", "24375,00", "C9"),
        ("Eigenanteil", "8125,00", "C7"),
    ]
    depreciation = next(row for row in rows if row["key"] == "depreciation")
    assert depreciation["amount"] == ""
    assert depreciation["clause"] == ""


def test_explanation_records_are_its_steps() -> None:
    explanation = explain(settlement_2023(), "Billerbeck", lang="en")
    records = to_records(explanation)
    assert [record["step"] for record in records] == list(range(1, len(explanation.steps) + 1))
    for record, step in zip(records, explanation.steps, strict=True):
        assert record["text"] == step.text
        assert record["amount"] == step.amount
        assert record["key"] == step.key
        assert record["clause"] == (None if step.clause is None else str(step.clause))
        assert record["lang"] == "en"
    assert [record["amount"] for record in records if record["key"] == "part"] == [
        Decimal("8125.00")
    ]
    data = to_dict(explanation)
    assert data["party"] == {"name": "Billerbeck", "ags": "05558008"}
    assert data["steps"][-1]["amount"] == "8125.00"


# --- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_csv_reads_back_to_the_records_for_every_result(lang: Lang) -> None:
    for result in all_results():
        text = to_csv(result, lang=lang)
        columns = COLUMNS[type(result)]
        if lang == "de":  # German CSV leaves out the English label
            columns = tuple(column for column in columns if column != "label_en")
        assert text.splitlines()[0] == (";" if lang == "de" else ",").join(
            translate(column, lang) for column in columns
        )
        rows = read_csv(text, lang)
        records = to_records(result)
        assert len(rows) == len(records)
        for row, record in zip(rows, records, strict=True):
            assert tuple(row) == columns
            # German CSV writes the English texts of the records in German (kim_cooperation.i18n).
            expected = {
                column: _german(column, value) if lang == "de" else value
                for column, value in record.items()
                if column in columns
            }
            assert {column: csv_value(row[column], column, lang) for column in columns} == expected


def _german(column: str, value: object) -> object:
    from kim_cooperation._table import TRANSLATED as _TRANSLATED
    from kim_cooperation._table import WORDS as _WORDS
    from kim_cooperation.i18n import translate, translate_filled

    if not isinstance(value, str):
        return value
    if column in _WORDS:
        assert value in _WORDS[column], (column, value)  # every word of the list is listed
        return translate(value, "de")
    if column not in _TRANSLATED:
        return value
    return translate_filled(value, _TRANSLATED[column], "de")


def test_german_csv_uses_semicolons_and_decimal_commas() -> None:
    text = to_csv(settle(BASE, 2023, PLANNING), lang="de")
    lines = text.splitlines()
    assert lines[1] == "2023;Nord;05558012;Coesfeld;costs;Kosten;;;170000,00;C8"
    assert lines[-1] == (
        "2023;Süd;05558004;Ascheberg;billing;Senden schuldet Ascheberg;05558044;Senden;6500,00;C9"
    )
    assert text.endswith("\n")
    assert "\r" not in text
    english = to_csv(settle(BASE, 2023, PLANNING))
    assert english.splitlines()[1] == "2023,Nord,05558012,Coesfeld,costs,Costs,,,170000.00,C8"


def test_german_csv_keeps_excel_from_running_text_as_formulas() -> None:
    statement = billing_statements(settlement_2023())[0]
    sneaky = Party(name="=HYPERLINK(1)", kind="Stadt", ags="05558099")
    entry = attrs.evolve(statement.entries[0], party=sneaky, balance=Decimal("-5.00"))
    changed = attrs.evolve(statement, entries=(entry,))
    german = read_csv(to_csv(changed, lang="de"), "de")[0]
    assert german["party"] == "'=HYPERLINK(1)"
    assert german["balance"] == "-5,00"
    assert read_csv(to_csv(changed), "en")[0]["party"] == "=HYPERLINK(1)"


def test_bad_language_and_bad_types_are_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"lang must be 'de' or 'en', got 'fr'"):
        to_csv(settlement_2023(), lang="fr")  # type: ignore[arg-type]
    for function in (to_dict, to_json, to_records, to_csv, to_text, to_html, to_dataframe):
        with pytest.raises(InvalidTypeError, match=r"exports a result of the library .*got dict"):
            function({"year": 2023})  # type: ignore[arg-type]
    statements = billing_statements(settlement_2023())
    with pytest.raises(InvalidTypeError, match="billing_csv"):
        to_csv(statements)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="got Decimal Decimal"):
        to_dict(Decimal("1"))  # type: ignore[arg-type]


# --- DataFrames -----------------------------------------------------------------------------


def test_dataframes_keep_exact_money_columns() -> None:
    for result in all_results():
        frame = to_dataframe(result)
        columns = COLUMNS[type(result)]
        assert tuple(frame.columns) == columns
        records = to_records(result)
        assert len(frame) == len(records)
        for column in columns:
            if column in MONEY_COLUMNS:
                assert frame[column].dtype == object, column
                assert all(
                    value is None or isinstance(value, Decimal) for value in frame[column]
                ), column
            assert frame[column].dtype.kind != "f", column
        for index, record in enumerate(records):
            for column, value in record.items():
                cell: object = frame.at[index, column]
                if value is None:
                    # pandas' string columns show a missing text as NaN, others keep None.
                    assert cell is None or (isinstance(cell, float) and math.isnan(cell))
                elif isinstance(value, Decimal):
                    assert type(cell) is Decimal
                    assert cell == value
                else:
                    assert cell == value


def test_dataframe_sums_stay_exact() -> None:
    frame = to_dataframe(settle(BASE, 2023, PLANNING))
    parts = frame[frame["key"] == "part"].groupby("region")["amount"].sum()
    own = frame[frame["key"] == "own_share"].set_index("region")["amount"]
    assert parts.to_dict() == own.to_dict()
    nord: object = parts["Nord"]
    assert isinstance(nord, Decimal)
    assert nord == Decimal("32500.00")
    compared = comparison()
    comparison_frame = to_dataframe(compared)
    leave = comparison_frame[comparison_frame["scenario"] == "all leave"]
    total: object = leave["difference"].sum()
    assert isinstance(total, Decimal)
    assert total == sum(
        (
            compared.difference("all leave", party, year)
            for party in compared.parties
            for year in compared.years
        ),
        Decimal(0),
    )


def test_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ModuleNotFoundError, match=r"pip install kim-cooperation\[pandas\]"):
        to_dataframe(settlement_2023())


def test_importing_the_library_does_not_import_pandas_or_openpyxl() -> None:
    code = (
        "import sys, kim_cooperation, kim_cooperation.export, kim_cooperation.billing\n"
        "from kim_cooperation import export, presets, settle\n"
        "s = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())\n"
        "export.to_csv(s); export.to_json(s); export.to_html(s); str(s)\n"
        "print(sorted(name for name in ('pandas', 'openpyxl', 'numpy') if name in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


# --- Text and HTML --------------------------------------------------------------------------


def test_str_and_html_of_every_result_class() -> None:
    results = all_results()
    for result in results:
        text = to_text(result)
        assert text.splitlines()[0]
        assert len(text.splitlines()) == len(to_records(result)) + 2
        page = to_html(result)
        assert page.startswith('<table class="kim-cooperation">')
        assert page.count("<tr>") == len(to_records(result)) + 1
    settlement = settle(BASE, 2023, PLANNING)
    run_on = mitte_wind_down()
    explanation = explain(settlement, "Nottuln")
    classes: list[
        Settlement
        | RegionSettlement
        | WindDown
        | RegionWindDown
        | FinancialImpact
        | BillingStatement
    ] = [
        settlement,
        settlement.region("Mitte"),
        run_on,
        run_on.regions[0],
        financial_impact(settlement, "Nottuln"),
        billing_statements(settlement)[1],
    ]
    for item in classes:
        assert str(item) == to_text(item)
        assert item._repr_html_() == to_html(item)
        assert item.to_dict() == to_dict(item)
    assert explanation._repr_html_() == to_html(explanation)
    assert explanation.to_dict() == to_dict(explanation)
    assert str(explanation) == explanation.render()  # unchanged: the numbered steps


def test_str_of_a_settlement_is_a_short_table() -> None:
    assert str(settlement_2023()) == "\n".join(
        [
            f"Settlement 2023 – {BASE.name}",
            "region  key        party          amount  clause",
            "Nord    costs                  170000.00  C8",
            "Nord    funding                137500.00  C5",
            "Nord    own_share               32500.00  C7",
            "Nord    part       Billerbeck    8125.00  C4",
            "Nord    part       Coesfeld      8125.00  C4",
            "Nord    part       Havixbeck     8125.00  C4",
            "Nord    part       Rosendahl     8125.00  C4",
            "Nord    billing    Billerbeck    8125.00  C9",
            "Nord    billing    Havixbeck     8125.00  C9",
            "Nord    billing    Rosendahl     8125.00  C9",
        ]
    )
    assert len(repr(settlement_2023())) > len(str(settlement_2023()))


def test_html_escapes_every_text() -> None:
    statement = billing_statements(settlement_2023())[0]
    odd = Party(name='<script>alert("x")</script> & Co', kind="Stadt", ags="05558099")
    entry = attrs.evolve(statement.entries[0], party=odd)
    changed = attrs.evolve(statement, employer=odd, entries=(entry,))
    page = to_html(changed)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page
    assert page.count("&lt;script&gt;") == 2  # the caption and the cell
    assert '<td style="text-align: right">8125.00</td>' in page


# --- Properties -----------------------------------------------------------------------------


@given(plan=region_cost_plans(), lang=st.sampled_from(LANGS))
def test_csv_and_json_round_trips_keep_every_amount(
    plan: dict[str, CostStatement], lang: Lang
) -> None:
    settlement = settle(BASE, 2023, plan)
    records = to_records(settlement)
    rows = read_csv(to_csv(settlement, lang=lang), lang)
    assert [money_cell(row["amount"], lang) for row in rows] == [
        record["amount"] for record in records
    ]
    plain = json.loads(to_json(settlement))
    for region_plain, region in zip(plain["regions"], settlement.regions, strict=True):
        assert Decimal(region_plain["own_share"]["amount"]) == region.own_share
        assert Decimal(region_plain["costs"]["total"]) == region.costs.total
        assert Decimal(region_plain["funding"]["amount"]) == region.funding.amount
        assert Decimal(region_plain["surplus"]["amount"]) == region.surplus
        assert [Decimal(item["amount"]) for item in region_plain["split"]["shares"]] == [
            share.amount for share in region.split.shares
        ]


@given(plan=region_cost_plans())
def test_exported_parts_add_up_to_the_own_shares(plan: dict[str, CostStatement]) -> None:
    settlement = settle(BASE, 2023, plan)
    rows = read_csv(to_csv(settlement, lang="de"), "de")
    for region in settlement.regions:
        own = [
            money_cell(row["amount"], "de")
            for row in rows
            if row["region"] == region.region.name and row["key"] == "own_share"
        ]
        parts = [
            money_cell(row["amount"], "de")
            for row in rows
            if row["region"] == region.region.name and row["key"] == "part"
        ]
        billed = [
            money_cell(row["amount"], "de")
            for row in rows
            if row["region"] == region.region.name and row["key"] == "billing"
        ]
        assert own == [region.own_share]
        assert sum(parts, Decimal(0)) == region.own_share
        assert sum(billed, Decimal(0)) == region.billed_total
        for row in rows:
            if row["key"] == "part" and row["party"]:
                assert money_cell(row["amount"], "de") == settlement.own_share_of(row["party"])


def test_subclasses_of_a_result_export_as_the_result() -> None:
    settlement = settlement_2023()
    subclass = type("AuditedSettlement", (Settlement,), {})
    # Results cannot be constructed by hand (see _checks.result_type); a subclass
    # instance arises as unpickling makes one: made empty, then given the fields.
    audited: Settlement = object.__new__(subclass)
    for field in ("agreement", "year", "regions"):
        object.__setattr__(audited, field, getattr(settlement, field))
    assert to_records(audited) == to_records(settlement)
    assert to_dict(audited) == to_dict(settlement)
