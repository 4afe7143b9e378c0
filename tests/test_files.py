"""Agreement files: round trips, path-precise errors, the JSON Schema and the built-in file.

The generated agreements below cover every part of the file format: parties
of both kinds, regions of one or more towns (names with umlauts, spaces,
quotes and dots), posts with and without employment dates, several dated
funding rates, every notice term and policy, notices with successor
employers or from every party, and cost plans over several years.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import pathlib
import pickle
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation as kim
from kim_cooperation import (
    Agreement,
    AgreementFile,
    AgreementFileError,
    Clause,
    CostStatement,
    FundingRate,
    FundingSchedule,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    Notice,
    NoticeTerms,
    PartYearFunding,
    PartyKind,
    Policies,
    Post,
    Region,
    UnknownRegionError,
    WindDownScope,
    WithdrawalScope,
    agreement_schema,
    dump_agreement,
    load_agreement,
    loads_agreement,
    presets,
    save_agreement,
)
from kim_cooperation import Party as KimParty
from kim_cooperation._checks import FrozenMapping
from kim_cooperation._confusables import skeleton
from kim_cooperation.errors import InvalidMoneyError
from kim_cooperation.files import FileFormat
from kim_cooperation.files._problems import _found
from kim_cooperation.files._records import _AgreementDocument, _NoticeEntry, _RegionEntry
from kim_cooperation.party import fold_name, validate_ags
from strategies import decimal_from_cents, notice_terms, parties

REFERENCE = pathlib.Path(__file__).parents[1] / "docs" / "reference"
SCHEMA_FILE = REFERENCE / "agreement.schema.json"
FORMATS: tuple[FileFormat, ...] = ("toml", "json")

# --------------------------------------------------------------------------- strategies


REGION_NAMES = ("Nord", "Mitte", "Süd", "Ost", "Region Groß Gerau", 'Kreis "Alt"', "a.b", "Zone-1")


def fold_distinct(names: Iterable[str]) -> bool:
    """Tell whether no two names are the same in look-ups (case, umlauts) or look alike (UTS #39)."""
    seen: set[str] = set()
    looks: set[str] = set()
    for name in names:
        forms = fold_name(name)
        if not seen.isdisjoint(forms) or skeleton(name) in looks:
            return False
        seen |= forms
        looks.add(skeleton(name))
    return True


def labels() -> st.SearchStrategy[str]:
    """Free text without surrounding spaces: sources and names may hold any character."""
    text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=24)
    return text.filter(lambda value: value.strip() == value and bool(value))


@st.composite
def ftes(draw: st.DrawFn) -> Fraction:
    denominator = draw(st.integers(min_value=1, max_value=12))
    return Fraction(draw(st.integers(min_value=1, max_value=denominator)), denominator)


@st.composite
def posts(draw: st.DrawFn, label: str) -> Post:
    start = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
    end = draw(st.none() | st.dates(start or dt.date(1990, 1, 1), dt.date(2110, 12, 31)))
    return Post(label=label, fte=draw(ftes()), employment_start=start, employment_end=end)


@st.composite
def funding_schedules(draw: st.DrawFn, start: dt.date) -> FundingSchedule:
    first = start - dt.timedelta(days=draw(st.integers(min_value=0, max_value=400)))
    gaps = draw(st.lists(st.integers(min_value=1, max_value=2000), max_size=3))
    days = [first]
    for gap in gaps:
        days.append(days[-1] + dt.timedelta(days=gap))
    return FundingSchedule(
        rates=[
            FundingRate(
                valid_from=day,
                amount=decimal_from_cents(draw(st.integers(min_value=0, max_value=10**9))),
                source=draw(labels()),
                clause=draw(st.sampled_from([Clause.C5, Clause.C6, Clause.C10])),
            )
            for day in days
        ]
    )


@st.composite
def bare_agreements(draw: st.DrawFn) -> Agreement:
    """Valid agreements without notices."""
    members = draw(
        st.lists(parties(), min_size=1, max_size=7, unique_by=lambda party: party.ags).filter(
            lambda found: fold_distinct(party.name for party in found)
        )
    )
    count = draw(st.integers(min_value=1, max_value=min(3, len(members))))
    names = draw(
        st.lists(
            st.sampled_from(REGION_NAMES), min_size=count, max_size=count, unique=True
        ).filter(fold_distinct)
    )
    order = draw(st.permutations(members))
    homes = list(range(count)) + [
        draw(st.integers(min_value=0, max_value=count - 1)) for _ in order[count:]
    ]
    regions = []
    for index, name in enumerate(names):
        towns = [party for party, home in zip(order, homes, strict=True) if home == index]
        regions.append(
            Region(
                name=name,
                employer=draw(st.sampled_from(towns)),
                members=towns,
                posts=[
                    draw(posts(f"{name} {number}"))
                    for number in range(1, draw(st.integers(min_value=1, max_value=3)) + 1)
                ],
            )
        )
    start = draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
    return Agreement(
        name=draw(labels()),
        parties=members,
        regions=regions,
        funding=draw(funding_schedules(start)),
        start=start,
        notice_terms=draw(notice_terms()),
        policies=Policies(
            withdrawal_scope=draw(st.sampled_from(WithdrawalScope)),
            part_year_funding=draw(st.sampled_from(PartYearFunding)),
            wind_down_scope=draw(st.sampled_from(WindDownScope)),
        ),
    )


@st.composite
def agreements(draw: st.DrawFn) -> Agreement:
    """Valid agreements with no notice, some notices (employers with successors) or all."""
    agreement = draw(bare_agreements())

    def days() -> dt.date:
        return agreement.start + dt.timedelta(days=draw(st.integers(min_value=0, max_value=3000)))

    mode = draw(st.sampled_from(["none", "some", "all"]))
    if mode == "none":
        return agreement
    if mode == "all":
        # Drawn days may lie beyond the public-holiday data: recorded without warnings.
        return agreement._with_notices(dict.fromkeys(agreement.parties, days()), None)[0]
    notices: dict[KimParty, dt.date] = {}
    successors: dict[KimParty, KimParty] = {}
    for region in agreement.regions:
        leaving = (
            draw(st.lists(st.sampled_from(region.others), unique=True)) if region.others else []
        )
        notices.update({town: days() for town in leaving})
        staying = [town for town in region.others if town not in leaving]
        hand_over = draw(st.booleans())
        if staying and hand_over:
            notices[region.employer] = days()
            successors[region.employer] = draw(st.sampled_from(staying))
    return agreement._with_notices(notices, successors)[0]


@st.composite
def documents(draw: st.DrawFn) -> AgreementFile:
    agreement = draw(agreements())
    statements = st.builds(
        CostStatement,
        **{
            item.value: st.integers(min_value=0, max_value=10**12).map(decimal_from_cents)
            for item in kim.CostItem
        },
    )
    names = [region.name for region in agreement.regions]
    years = draw(st.lists(st.integers(min_value=1, max_value=9999), unique=True, max_size=3))
    plans = {
        year: {
            name: draw(statements)
            for name in draw(st.lists(st.sampled_from(names), unique=True, min_size=1))
        }
        for year in years
    }
    return AgreementFile(agreement=agreement, cost_plans=plans)


# --------------------------------------------------------------------------- helpers


def coesfeld_data() -> dict[str, Any]:
    """The built-in agreement file as JSON data, to be broken by a test."""
    data: dict[str, Any] = json.loads(
        dump_agreement(
            AgreementFile(
                agreement=presets.coesfeld(),
                cost_plans={2023: presets.coesfeld_cost_plan_2023()},
            ),
            format="json",
        )
    )
    return data


def problems(data: object) -> list[tuple[str, str]]:
    """The problems loading ``data`` as JSON reports; fails if it loads."""
    with pytest.raises(AgreementFileError) as caught:
        loads_agreement(json.dumps(data), format="json")
    return list(caught.value.problems)


def paths(found: list[tuple[str, str]]) -> list[str]:
    return [path for path, _ in found]


def as_json_data(text: str, file_format: FileFormat) -> object:
    """A file's data as JSON sees it: TOML dates become ISO strings."""
    if file_format == "json":
        return json.loads(text)
    return json.loads(json.dumps(tomllib.loads(text), default=dt.date.isoformat))


def schema_validator() -> Any:
    schema = agreement_schema()
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


# --------------------------------------------------------------------------- round trips


class TestRoundTrip:
    # One drawing of documents serves both properties of a dumped file: drawing agreements is
    # most of the time, so checking the schema on the same text halves it.
    @given(document=documents(), file_format=st.sampled_from(FORMATS))
    def test_a_dumped_file_is_valid_and_loads_back_the_same(
        self, document: AgreementFile, file_format: FileFormat
    ) -> None:
        text = dump_agreement(document, format=file_format)
        schema_validator().validate(as_json_data(text, file_format))
        loaded = loads_agreement(text, format=file_format)
        assert loaded == document
        assert dump_agreement(loaded, format=file_format) == text

    # The round trip of agreements is the property above; this one only checks that a bare
    # agreement comes back without cost plans, which no shape of agreement changes.
    @settings(max_examples=25)
    @given(agreement=agreements())
    def test_an_agreement_alone_has_no_cost_plans(self, agreement: Agreement) -> None:
        loaded = loads_agreement(dump_agreement(agreement))
        assert loaded.agreement == agreement
        assert dict(loaded.cost_plans) == {}

    def test_money_dates_and_ftes_are_written_exactly(self) -> None:
        document = AgreementFile(
            agreement=presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30)),
            cost_plans={2023: presets.coesfeld_cost_plan_2023()},
        )
        data = json.loads(dump_agreement(document, format="json"))
        assert data["funding"][0]["amount"] == "55000.00"
        assert data["start"] == "2023-01-01"
        assert [post["fte"] for post in data["regions"][0]["posts"]] == [1, 1, "1/2"]
        assert data["notices"] == [{"party": "Rosendahl", "received": "2024-06-30"}]
        assert data["cost_plans"] == {
            "2023": {"Nord": {"personnel": "163000.00", "material_not_itemised": "7000.00"}}
        }
        text = dump_agreement(document)
        assert "start = 2023-01-01\n" in text
        assert '{ party = "Rosendahl", received = 2024-06-30 }' in text

    @pytest.mark.parametrize("file_format", FORMATS)
    def test_save_and_load(self, tmp_path: pathlib.Path, file_format: FileFormat) -> None:
        document = AgreementFile(
            agreement=presets.coesfeld(), cost_plans={2023: presets.coesfeld_cost_plan_2023()}
        )
        path = tmp_path / f"agreement.{file_format}"
        save_agreement(document, path)
        assert load_agreement(path) == document
        assert load_agreement(str(path)) == document
        assert path.read_text(encoding="utf-8") == dump_agreement(document, format=file_format)

    def test_the_format_may_be_named_whatever_the_suffix(self, tmp_path: pathlib.Path) -> None:
        path = tmp_path / "agreement.txt"
        save_agreement(presets.coesfeld(), path, format="json")
        assert path.read_text(encoding="utf-8").startswith("{")
        assert load_agreement(path, format="json").agreement == presets.coesfeld()
        upper = tmp_path / "AGREEMENT.TOML"
        save_agreement(presets.coesfeld(), upper)
        assert load_agreement(upper).agreement == presets.coesfeld()

    def test_a_suffix_that_names_no_format_is_refused(self, tmp_path: pathlib.Path) -> None:
        with pytest.raises(InvalidValueError, match=r"'agreement.yaml'.*\.toml or \.json"):
            save_agreement(presets.coesfeld(), tmp_path / "agreement.yaml")
        (tmp_path / "agreement").write_text("", encoding="utf-8")
        with pytest.raises(InvalidValueError, match="format='toml'"):
            load_agreement(tmp_path / "agreement")

    def test_dates_as_iso_strings_in_toml(self) -> None:
        text = dump_agreement(presets.coesfeld()).replace(
            "start = 2023-01-01", 'start = "2023-01-01"'
        )
        assert loads_agreement(text).agreement == presets.coesfeld()

    def test_null_for_an_optional_value_in_json(self) -> None:
        data = coesfeld_data()
        data["regions"][0]["posts"][0]["employment_end"] = None
        data["notices"] = [{"party": "Rosendahl", "received": "2024-06-30", "successor": None}]
        loaded = loads_agreement(json.dumps(data), format="json").agreement
        assert loaded == presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))

    def test_towns_by_ascii_name_or_ags_and_region_names_in_any_form(self) -> None:
        data = coesfeld_data()
        data["regions"][1]["employer"] = "Duelmen"
        data["regions"][1]["members"] = ["05558016", "NOTTULN"]
        data["cost_plans"] = {"2023": {"Sued": {"personnel": 1}}}
        loaded = loads_agreement(json.dumps(data), format="json")
        assert loaded.agreement == presets.coesfeld()
        assert list(loaded.cost_plans[2023]) == ["Süd"]

    def test_fte_as_decimal_string_and_money_as_integer(self) -> None:
        data = coesfeld_data()
        data["regions"][0]["posts"][2]["fte"] = "0.5"
        data["funding"][0]["amount"] = 55000
        assert loads_agreement(json.dumps(data), format="json").agreement == presets.coesfeld()

    def test_writing_toml_needs_tomli_w(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "tomli_w", None)
        with pytest.raises(ModuleNotFoundError, match=r"pip install kim-cooperation\[toml\]"):
            dump_agreement(presets.coesfeld())
        assert dump_agreement(presets.coesfeld(), format="json").startswith("{")

    def test_bad_arguments(self) -> None:
        with pytest.raises(InvalidValueError, match="format must be one of"):
            dump_agreement(presets.coesfeld(), format="yaml")  # type: ignore[arg-type]
        with pytest.raises(InvalidValueError, match="format must be one of"):
            loads_agreement("", format="yaml")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="text must be a str, got bytes"):
            loads_agreement(b"name = 'x'")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="an Agreement or an AgreementFile, got dict"):
            dump_agreement({})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the document type


class TestAgreementFile:
    def test_cost_plans_are_read_only_and_in_year_order(self) -> None:
        nord = CostStatement(personnel=1)
        document = AgreementFile(
            agreement=presets.coesfeld(), cost_plans={2025: {"Nord": nord}, 2023: {"Nord": nord}}
        )
        assert list(document.cost_plans) == [2023, 2025]
        assert isinstance(document.cost_plans, FrozenMapping)
        assert isinstance(document.cost_plans[2023], FrozenMapping)
        assert copy.deepcopy(document) == document
        assert pickle.loads(pickle.dumps(document)) == document
        assert hash(document) == hash(AgreementFile(agreement=presets.coesfeld()))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            document.cost_plans = {}  # type: ignore[misc]

    def test_checks(self) -> None:
        agreement = presets.coesfeld()
        nord = CostStatement(personnel=1)
        with pytest.raises(InvalidTypeError, match="holds an Agreement, got str"):
            AgreementFile(agreement="Coesfeld")  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="cost_plans must be a mapping"):
            AgreementFile(agreement=agreement, cost_plans=[2023])  # type: ignore[arg-type]
        with pytest.raises(InvalidTypeError, match="the cost plan for 2023 must be a mapping"):
            AgreementFile(agreement=agreement, cost_plans={2023: [nord]})  # type: ignore[dict-item]
        with pytest.raises(InvalidTypeError, match="cost plan year must be an int"):
            AgreementFile(agreement=agreement, cost_plans={"2023": {"Nord": nord}})  # type: ignore[dict-item]
        with pytest.raises(UnknownRegionError, match="'Ost' is not a region"):
            AgreementFile(agreement=agreement, cost_plans={2023: {"Ost": nord}})
        with pytest.raises(InvalidValueError, match="at least one region"):
            AgreementFile(agreement=agreement, cost_plans={2023: {}})


# --------------------------------------------------------------------------- errors of form


def at(data: dict[str, Any], *path: str | int) -> Any:
    found: Any = data
    for step in path:
        found = found[step]
    return found


def setter(*path: str | int, value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        at(data, *path[:-1])[path[-1]] = value

    return change


def deleter(*path: str | int) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del at(data, *path[:-1])[path[-1]]

    return change


# (change, path of the problem, words of the message)
def case(
    change: Callable[[dict[str, Any]], None], path: str, words: str, *, schema: bool = True
) -> Any:
    """A broken file: the change, the path of the problem, words of the message, and whether
    the JSON Schema refuses it too (it checks form, not ranges or cross-field rules)."""
    return pytest.param(change, path, words, schema, id=f"{path or 'top'}: {words[:30]}")


FORM_PROBLEMS: list[Any] = [
    # wrong types
    case(setter("name", value=5), "name", "expected a string, got integer 5"),
    case(setter("name", value=""), "name", "agreement name must be non-empty"),
    case(setter("start", value=20230101), "start", "expected a date such as 2023-01-01"),
    case(setter("start", value="2023-02-30"), "start", "expected a valid date, got '2023-02-30'"),
    case(setter("start", value="2023-1-1"), "start", "got string '2023-1-1'"),
    case(
        setter("notice_terms", "months", value="18"), "notice_terms.months", "expected an integer"
    ),
    case(
        setter("notice_terms", "months", value=0),
        "notice_terms.months",
        "between 1 and 1200",
        schema=False,
    ),
    case(
        setter("notice_terms", "period_end", value="decade"),
        "notice_terms.period_end",
        "expected one of 'year', 'half-year', 'quarter', 'month', got string 'decade'",
    ),
    case(
        setter("policies", "withdrawal_scope", value=True),
        "policies.withdrawal_scope",
        "got boolean true",
    ),
    case(
        setter("parties", value={}), "parties", "expected an array of tables (Party), got a table"
    ),
    case(
        setter("parties", 0, value="Ascheberg"),
        "parties[0]",
        "expected a table (Party), got string 'Ascheberg'",
    ),
    case(
        setter("parties", 0, "kind", value="Dorf"),
        "parties[0].kind",
        "expected one of 'Stadt', 'Gemeinde', got string 'Dorf'",
    ),
    case(
        setter("regions", 0, "members", value="Coesfeld"),
        "regions[0].members",
        "expected an array, each item a string, got string 'Coesfeld'",
    ),
    case(setter("regions", 0, "members", 0, value=5), "regions[0].members[0]", "got integer 5"),
    case(
        setter("regions", 0, "name", value=" Nord"),
        "regions[0].name",
        "region name must be",
        schema=False,
    ),
    case(
        setter("regions", 0, "posts", 2, "fte", value=0.5),
        "regions[0].posts[2].fte",
        'got float 0.5; a float is not exact, write "0.5" (quoted) instead',
    ),
    case(
        setter("regions", 0, "posts", 2, "fte", value="1/0"),
        "regions[0].posts[2].fte",
        "'1/0'",
        schema=False,
    ),
    case(
        setter("regions", 0, "posts", 2, "fte", value="1" * 5000),
        "regions[0].posts[2].fte",
        "'111",
        schema=False,
    ),
    case(
        setter("regions", 0, "posts", 2, "fte", value="-1/2"), "regions[0].posts[2].fte", "'-1/2'"
    ),
    case(
        setter("regions", 0, "posts", 2, "fte", value=False), "regions[0].posts[2].fte", "boolean"
    ),
    case(
        setter("regions", 0, "posts", 2, "fte", value="3/2"),
        "regions[0].posts[2].fte",
        "at most 1, got 3/2",
        schema=False,
    ),
    case(
        setter("regions", 0, "posts", 0, "employment_start", value="2023-04-31"),
        "regions[0].posts[0].employment_start",
        "expected a valid date",
    ),
    case(
        setter(
            "regions",
            0,
            "posts",
            0,
            value={
                "label": "Nord 1",
                "fte": 1,
                "employment_start": "2024-01-01",
                "employment_end": "2023-12-31",
            },
        ),
        "regions[0].posts[0]",
        "employment_end 2023-12-31 is before employment_start 2024-01-01",
        schema=False,
    ),
    case(
        setter("funding", 0, "amount", value=55000.5),
        "funding[0].amount",
        'got float 55000.5; a float cannot hold cents exactly, write "55000.50" (quoted) instead',
    ),
    case(
        setter("funding", 0, "amount", value=1e20),
        "funding[0].amount",
        "write a decimal string",
        schema=False,
    ),
    case(
        setter("funding", 0, "amount", value="55,000"), "funding[0].amount", "got string '55,000'"
    ),
    case(
        setter("funding", 0, "amount", value="0.001"),
        "funding[0].amount",
        "exact to the cent",
        schema=False,
    ),
    case(
        setter("funding", 0, "amount", value="-1"),
        "funding[0].amount",
        "must not be negative",
        schema=False,
    ),
    case(setter("funding", 0, "amount", value=None), "funding[0].amount", "got null"),
    case(
        setter("funding", 0, "amount", value=[55000]),
        "funding[0].amount",
        "got an array of 1 item",
    ),
    case(
        setter("funding", 0, "clause", value="C1"), "funding[0].clause", "C5, C6 or C10, got 'C1'"
    ),
    case(
        setter("cost_plans", "2023", "Nord", "personnel", value=1.5),
        "cost_plans.2023.Nord.personnel",
        "got float 1.5",
    ),
    case(setter("cost_plans", value={"0": {}}), "cost_plans.0", "expected a year from 1 to 9999"),
    case(setter("cost_plans", value={"10000": {}}), "cost_plans.10000", "got string '10000'"),
    case(setter("cost_plans", value={"2023": []}), "cost_plans.2023", "expected a table, got an"),
    case(
        setter("cost_plans", value=[]), "cost_plans", "expected a table, got an array of 0 items"
    ),
    # missing keys
    case(deleter("name"), "name", "required key is missing; expected a string"),
    case(deleter("start"), "start", "required key is missing; expected a date such as"),
    case(deleter("parties", 0, "ags"), "parties[0].ags", "required key is missing"),
    case(deleter("parties", 0, "kind"), "parties[0].kind", "expected one of 'Stadt', 'Gemeinde'"),
    case(deleter("regions", 1, "employer"), "regions[1].employer", "required key is missing"),
    case(
        deleter("regions", 0, "members"),
        "regions[0].members",
        "expected an array, each item a string",
    ),
    case(deleter("regions", 0, "posts", 0, "fte"), "regions[0].posts[0].fte", '"1/2"'),
    case(
        deleter("funding", 0, "amount"), "funding[0].amount", "expected money as a decimal string"
    ),
    case(deleter("funding"), "funding", "expected an array of tables (FundingRate)"),
    # unknown keys
    case(
        setter("colour", value="red"),
        "colour",
        "unknown key; the keys of this table are name, start",
    ),
    case(setter("parties", 0, "population", value=1), "parties[0].population", "name, kind, ags"),
    case(
        setter("regions", 0, "posts", 0, "grade", value="S12"),
        "regions[0].posts[0].grade",
        "label",
    ),
    case(
        setter("cost_plans", "2023", "Nord", "coffee", value="1.00"),
        "cost_plans.2023.Nord.coffee",
        "personnel, equipment, recruitment, administration, material_not_itemised",
    ),
    # bad AGS
    case(
        setter("parties", 0, "ags", value="5558004"),
        "parties[0].ags",
        "AGS must be 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde) like '05558012', got '5558004'",
    ),
    case(
        setter("parties", 0, "ags", value="17558004"), "parties[0].ags", "Land code from 01 to 16"
    ),
    case(
        setter("parties", 0, "ags", value=5558004),
        "parties[0].ags",
        "expected a string, got integer",
    ),
]


class TestErrorsOfForm:
    @pytest.mark.parametrize(("change", "path", "words", "schema"), FORM_PROBLEMS)
    def test_the_problem_names_its_path(
        self, change: Callable[[dict[str, Any]], None], path: str, words: str, schema: bool
    ) -> None:
        data = coesfeld_data()
        change(data)
        found = problems(data)
        assert paths(found) == [path]
        assert words in found[0][1]
        assert schema_validator().is_valid(data) is not schema

    def test_all_problems_at_once(self) -> None:
        data = coesfeld_data()
        data["regions"][1]["posts"][0]["fte"] = 0.5
        data["parties"][3]["ags"] = "123"
        data["funding"][0]["amount"] = 55000.0
        found = problems(data)
        assert paths(found) == ["parties[3].ags", "regions[1].posts[0].fte", "funding[0].amount"]
        with pytest.raises(AgreementFileError) as caught:
            loads_agreement(json.dumps(data), format="json")
        lines = str(caught.value).splitlines()
        assert lines[0] == "the agreement file has 3 problems:"
        assert [line.split(":")[0].strip() for line in lines[1:]] == paths(found)

    def test_several_unknown_keys_each_have_a_path(self) -> None:
        data = coesfeld_data()
        data["policies"]["b"] = 1
        data["policies"]["a"] = 2
        assert paths(problems(data)) == ["policies.a", "policies.b"]

    def test_keys_that_are_not_bare_are_quoted_in_paths(self) -> None:
        data = coesfeld_data()
        data["cost_plans"]["2023"]["Nord"]["über"] = 1
        data["cost_plans"]["2023"]["Süd"] = {"personnel": 1.5}
        assert paths(problems(data)) == [
            'cost_plans.2023.Nord."über"',
            'cost_plans.2023."Süd".personnel',
        ]

    @pytest.mark.parametrize(
        ("change", "path", "words"),
        [
            (("start = 2023-01-01", "start = 2023-01-01T08:00:00"), "start", "got date-time"),
            (("start = 2023-01-01", "start = 08:00:00"), "start", "got time 08:00:00"),
            (('name = "K', 'name = "x"\nname = "K'), "", "TOML syntax: Cannot overwrite a value"),
            (("start = 2023-01-01", "start = ["), "", "TOML syntax: "),
        ],
    )
    def test_toml_values_and_syntax(self, change: tuple[str, str], path: str, words: str) -> None:
        text = dump_agreement(presets.coesfeld()).replace(*change, 1)
        with pytest.raises(AgreementFileError) as caught:
            loads_agreement(text)
        ((found, message),) = caught.value.problems
        assert found == path
        assert words in message
        assert path or "(at line " in message

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            (
                '{"name": "x",\n  "start": }',
                ("", "JSON syntax: Expecting value at line 2, column 12"),
            ),
            ('{"name": "x", "name": "y"}', ("", "JSON syntax: duplicate key 'name' in an object")),
            ("[1, 2]", ("", "expected a table (AgreementFile), got an array of 2 items")),
            ("null", ("", "expected a table (AgreementFile), got null")),
        ],
    )
    def test_json_syntax(self, text: str, problem: tuple[str, str]) -> None:
        with pytest.raises(AgreementFileError) as caught:
            loads_agreement(text, format="json")
        assert caught.value.problems == (problem,)

    def test_a_file_that_is_not_utf8(self, tmp_path: pathlib.Path) -> None:
        path = tmp_path / "latin1.toml"
        path.write_bytes('name = "Dülmen"'.encode("latin-1"))
        with pytest.raises(AgreementFileError, match="is not UTF-8 text") as caught:
            load_agreement(path)
        assert caught.value.source == str(path)
        assert str(caught.value).startswith(f"agreement file {str(path)!r} has 1 problem:")

    def test_the_file_name_is_in_the_message(self, tmp_path: pathlib.Path) -> None:
        path = tmp_path / "broken.json"
        path.write_text('{"name": 1}', encoding="utf-8")
        with pytest.raises(AgreementFileError) as caught:
            load_agreement(path)
        assert caught.value.source == str(path)
        assert "name: expected a string, got integer 1" in str(caught.value)


# --------------------------------------------------------------------------- errors of meaning


def add_notices(*notices: dict[str, str]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["notices"] = list(notices)

    return change


def add_rate(valid_from: str, *, first: bool = False) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        rate = {"valid_from": valid_from, "amount": "57000.00", "source": "x", "clause": "C6"}
        data["funding"].insert(0 if first else len(data["funding"]), rate)

    return change


def change_all(*changes: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for each in changes:
            each(data)

    return change


MEANING_PROBLEMS: list[tuple[Callable[[dict[str, Any]], None], str, str]] = [
    # duplicate and unsorted funding dates
    (
        add_rate("2023-01-01"),
        "funding[1].valid_from",
        "already valid from 2023-01-01 (funding[0])",
    ),
    (
        change_all(add_rate("2025-01-01"), add_rate("2024-01-01")),
        "funding[2].valid_from",
        "rates must be in date order, got 2024-01-01 after 2025-01-01 (funding[1])",
    ),
    (setter("funding", value=[]), "funding", "a funding schedule needs at least one rate (C5)"),
    (
        setter("funding", 0, "valid_from", value="2023-01-02"),
        "",
        "every day of the agreement needs a funding rate",
    ),
    # inconsistent regions
    (
        setter("regions", 0, "members", 1, value="Notuln"),
        "regions[0].members[1]",
        "'Notuln' is not a party to the agreement; expected the name or AGS of one of Ascheberg,",
    ),
    (setter("regions", 1, "employer", value="05558099"), "regions[1].employer", "'05558099'"),
    (
        setter("regions", 2, "employer", value="Coesfeld"),
        "regions[2]",
        "region 'Süd': employer Coesfeld (05558012) must be one of its members",
    ),
    (setter("regions", 1, "posts", value=[]), "regions[1]", "at least one post (C3)"),
    (setter("regions", 1, "members", value=[]), "regions[1]", "at least one member (C2)"),
    (
        setter("regions", 1, "members", value=["Dülmen", "Duelmen", "Nottuln"]),
        "regions[1]",
        "lists AGS 05558016 (Dülmen) twice",
    ),
    (
        setter("regions", 1, "members", value=["Dülmen"]),
        "",
        "Nottuln (05558032) belongs to no region",
    ),
    (
        setter("regions", 1, "members", value=["Dülmen", "Nottuln", "Olfen"]),
        "",
        "Olfen (05558036) is a member of both region 'Mitte' and region 'Süd'",
    ),
    (setter("regions", 1, "posts", 0, "label", value="Nord 1"), "", "post label 'Nord 1'"),
    (setter("parties", 1, "ags", value="05558004"), "", "AGS 05558004 is given to both"),
    # bad notices
    (
        add_notices({"party": "Rosendal", "received": "2024-06-30"}),
        "notices[0].party",
        "'Rosendal' is not a party",
    ),
    (
        add_notices({"party": "Rosendahl", "received": "2022-12-31"}),
        "notices[0].received",
        "notice received on 2022-12-31, before the agreement's start 2023-01-01 (C11)",
    ),
    (
        add_notices(
            {"party": "Rosendahl", "received": "2024-06-30"},
            {"party": "05558040", "received": "2024-07-30"},
        ),
        "notices[1].party",
        "Rosendahl already gave notice in notices[0]; a party gives notice once (C11)",
    ),
    (
        add_notices({"party": "Coesfeld", "received": "2024-06-30"}),
        "notices",
        "Coesfeld, the employer of region 'Nord', leaves on 2025-12-31",
    ),
    (
        add_notices({"party": "Coesfeld", "received": "2024-06-30", "successor": "Bilerbeck"}),
        "notices[0].successor",
        "'Bilerbeck' is not a party",
    ),
    (
        add_notices({"party": "Coesfeld", "received": "2024-06-30", "successor": "Coesfeld"}),
        "notices[0]",
        "Coesfeld cannot name itself as its successor employer (C3)",
    ),
    (
        add_notices({"party": "Coesfeld", "received": "2024-06-30", "successor": "Olfen"}),
        "notices",
        "Olfen (05558036) cannot succeed Coesfeld as employer of region 'Nord'",
    ),
    (setter("notices", value=[{"party": "Olfen"}]), "notices[0].received", "required key"),
    # cost plans
    (
        setter("cost_plans", "2023", value={"Ost": {}}),
        "cost_plans.2023.Ost",
        "'Ost' is not a region of the agreement; expected one of Nord, Mitte, Süd (C2)",
    ),
    (
        setter("cost_plans", "2023", value={"Süd": {}, "sued": {}}),
        "cost_plans.2023.sued",
        "region 'Süd' already has costs in this plan (as 'Süd')",
    ),
    (setter("cost_plans", "2024", value={}), "cost_plans.2024", "names at least one region"),
    (
        setter("cost_plans", "2023", value={"Region X": {}}),
        'cost_plans.2023."Region X"',
        "'Region X' is not a region",
    ),
]


class TestErrorsOfMeaning:
    @pytest.mark.parametrize(("change", "path", "words"), MEANING_PROBLEMS)
    def test_the_problem_names_its_path(
        self, change: Callable[[dict[str, Any]], None], path: str, words: str
    ) -> None:
        data = coesfeld_data()
        change(data)
        found = problems(data)
        assert paths(found) == [path]
        assert words in found[0][1]

    def test_no_parties(self) -> None:
        data = coesfeld_data()
        data["parties"] = []
        found = problems(data)
        assert found[0] == (
            "regions[0].employer",
            "'Coesfeld' is not a party to the agreement; expected the name or AGS of a party, "
            "but the file lists none (C1)",
        )
        assert len(found) == 3 + 11  # every employer and every member

    def test_all_problems_at_once(self) -> None:
        data = coesfeld_data()
        data["regions"][0]["members"][1] = "Coesfield"
        data["regions"][2]["members"][0] = "Ludwigshafen"
        add_rate("2023-01-01")(data)
        data["cost_plans"]["2023"]["Ost"] = {}
        assert paths(problems(data)) == [
            "regions[0].members[1]",
            "regions[2].members[0]",
            "funding[1].valid_from",
            "cost_plans.2023.Ost",
        ]

    def test_the_model_errors_keep_their_types_underneath(self) -> None:
        data = coesfeld_data()
        data["regions"][1]["posts"] = []
        with pytest.raises(AgreementFileError) as caught:
            loads_agreement(json.dumps(data), format="json")
        error = caught.value
        assert isinstance(error, InvalidValueError)
        assert isinstance(error, ValueError)
        assert isinstance(error, KimCooperationError)

    def test_errors_are_picklable(self) -> None:
        error = AgreementFileError([("name", "expected a string")], "x.toml")
        copied = pickle.loads(pickle.dumps(error))
        assert (copied.problems, copied.source, str(copied)) == (
            error.problems,
            error.source,
            "agreement file 'x.toml' has 1 problem:\n  name: expected a string",
        )


# --------------------------------------------------------------------------- the JSON Schema


class TestSchema:
    def test_the_published_schema_is_the_generated_one(self) -> None:
        # Regenerate with:
        #   python -c "import json, kim_cooperation as k; print(json.dumps(
        #     k.agreement_schema(), indent=2, ensure_ascii=False))" > docs/reference/agreement.schema.json
        published = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
        assert published == agreement_schema()
        assert SCHEMA_FILE.read_text(encoding="utf-8") == (
            json.dumps(agreement_schema(), indent=2, ensure_ascii=False) + "\n"
        )

    def test_the_schema_is_a_valid_schema(self) -> None:
        jsonschema.Draft202012Validator.check_schema(agreement_schema())

    def test_each_call_returns_a_new_dict(self) -> None:
        schema = agreement_schema()
        schema["$defs"].clear()
        assert agreement_schema()["$defs"]

    def test_the_shipped_file_validates(self) -> None:
        text = (resources.files("kim_cooperation") / "data" / "coesfeld.toml").read_text("utf-8")
        schema_validator().validate(as_json_data(text, "toml"))

    @given(st.text(st.sampled_from("0123456789a "), min_size=7, max_size=9))
    def test_the_ags_pattern_is_the_model_check(self, text: str) -> None:
        validator = jsonschema.Draft202012Validator(
            agreement_schema()["$defs"]["Party"]["properties"]["ags"]
        )
        try:
            validate_ags(text)
        except InvalidValueError:
            assert not validator.is_valid(text)
        else:
            assert validator.is_valid(text)

    def test_the_clause_enum_is_what_a_funding_rate_accepts(self) -> None:
        allowed = agreement_schema()["$defs"]["FundingRate"]["properties"]["clause"]["enum"]
        accepted = []
        for clause in Clause:
            try:
                FundingRate(valid_from=dt.date(2023, 1, 1), amount=1, source="x", clause=clause)
            except InvalidValueError:
                continue
            accepted.append(clause.value)
        assert accepted == allowed

    @pytest.mark.parametrize(
        "path",
        [
            ("parties",),
            ("regions",),
            ("funding",),
            ("regions", 0, "members"),
            ("regions", 0, "posts"),
        ],
    )
    def test_arrays_that_must_not_be_empty(self, path: tuple[str | int, ...]) -> None:
        data = coesfeld_data()
        setter(*path, value=[])(data)
        assert problems(data)
        assert not schema_validator().is_valid(data)


# --------------------------------------------------------------------------- the built-in agreement


def coesfeld_as_built_before() -> Agreement:
    """The Coesfeld preset as the library built it in code before it became a file."""
    kinds = {"Stadt": PartyKind.STADT, "Gemeinde": PartyKind.GEMEINDE}
    rows = (
        ("05558004", "Ascheberg", "Gemeinde"),
        ("05558008", "Billerbeck", "Stadt"),
        ("05558012", "Coesfeld", "Stadt"),
        ("05558016", "Dülmen", "Stadt"),
        ("05558020", "Havixbeck", "Gemeinde"),
        ("05558024", "Lüdinghausen", "Stadt"),
        ("05558028", "Nordkirchen", "Gemeinde"),
        ("05558032", "Nottuln", "Gemeinde"),
        ("05558036", "Olfen", "Stadt"),
        ("05558040", "Rosendahl", "Gemeinde"),
        ("05558044", "Senden", "Gemeinde"),
    )
    towns = {name: KimParty(name=name, kind=kinds[kind], ags=ags) for ags, name, kind in rows}
    layout: tuple[tuple[str, str, tuple[str, ...], tuple[int | Fraction, ...]], ...] = (
        (
            "Nord",
            "Coesfeld",
            ("Coesfeld", "Billerbeck", "Havixbeck", "Rosendahl"),
            (1, 1, Fraction(1, 2)),
        ),
        ("Mitte", "Dülmen", ("Dülmen", "Nottuln"), (1,)),
        (
            "Süd",
            "Ascheberg",
            ("Lüdinghausen", "Olfen", "Ascheberg", "Nordkirchen", "Senden"),
            (1, 1, Fraction(1, 2)),
        ),
    )
    paper = (
        'Stadt Coesfeld, council paper 2023 "Kommunales Case-Management - '
        'Interkommunale Zusammenarbeit"'
    )
    return Agreement(
        name=(
            "Kooperationsvereinbarung Kommunales Case-Management in den "
            "kreisangehörigen Kommunen des Kreises Coesfeld"
        ),
        parties=towns.values(),
        regions=[
            Region(
                name=name,
                employer=towns[employer],
                members=[towns[member] for member in members],
                posts=[
                    Post(label=f"{name} {number}", fte=fte)
                    for number, fte in enumerate(shares, start=1)
                ],
            )
            for name, employer, members, shares in layout
        ],
        funding=FundingSchedule(
            rates=[
                FundingRate(
                    valid_from=dt.date(2023, 1, 1),
                    amount=Decimal("55000"),
                    source=f"{paper}: 55.000 EUR / Vollzeitstelle / Jahr",
                    clause=Clause.C5,
                )
            ]
        ),
        start=dt.date(2023, 1, 1),
        notice_terms=NoticeTerms(months=18, period_end="year"),
    )


class TestBuiltInAgreement:
    def test_the_file_gives_the_agreement_built_before(self) -> None:
        assert presets.coesfeld() == coesfeld_as_built_before()

    def test_the_plan_is_the_papers(self) -> None:
        assert dict(presets.coesfeld_cost_plan_2023()) == {
            "Nord": CostStatement(
                personnel=Decimal("163000"), material_not_itemised=Decimal("7000")
            )
        }

    def test_the_constants_agree_with_the_file(self) -> None:
        agreement = presets.coesfeld()
        (rate,) = agreement.funding.rates
        assert agreement.start == presets.START
        assert rate.amount == presets.FUNDING_RATE
        assert rate.source.startswith(presets.COUNCIL_PAPER)

    def test_read_once_and_shared(self) -> None:
        assert presets.coesfeld() is presets.coesfeld()
        assert presets.coesfeld_cost_plan_2023() is presets.coesfeld_cost_plan_2023()
        with pytest.raises(TypeError):
            presets.coesfeld_cost_plan_2023()["Mitte"] = CostStatement()  # type: ignore[index]

    def test_the_file_is_inside_the_package(self) -> None:
        file = resources.files("kim_cooperation") / "data" / "coesfeld.toml"
        assert file.is_file()
        assert load_agreement(file).agreement == presets.coesfeld()

    def test_the_shipped_file_round_trips(self) -> None:
        document = load_agreement(resources.files("kim_cooperation") / "data" / "coesfeld.toml")
        for file_format in FORMATS:
            text = dump_agreement(document, format=file_format)
            assert loads_agreement(text, format=file_format) == document


def test_the_example_in_the_documentation() -> None:
    page = (REFERENCE / "files.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"```toml\n(.*?)```", page, re.DOTALL)
    schema_validator().validate(as_json_data(example, "toml"))
    document = loads_agreement(example)
    agreement = document.agreement
    assert agreement.notice_terms == NoticeTerms(months=6, period_end="half-year")
    assert agreement.termination_of("Havixbeck") == dt.date(2025, 12, 31)
    # Costs 104,500; funding 55,000 x 9/12 (from April) + 55,000 / 2 = 68,750 (C5, I7).
    settlement = kim.settle(agreement, 2024, document.cost_plans[2024])
    assert settlement.own_share_of("Havixbeck") == Decimal("17875.00")
    assert loads_agreement(dump_agreement(document)) == document


class TestCoverageOfTheFormat:
    """The file format holds every field of the model; nothing is dropped silently."""

    def test_every_field_of_the_agreement_is_written(self) -> None:
        document = {field.name for field in attrs.fields(_AgreementDocument)}
        assert {field.name for field in attrs.fields(Agreement)} <= document

    def test_every_field_of_regions_and_notices_is_written(self) -> None:
        region = {field.name for field in attrs.fields(_RegionEntry)}
        # The split key is written as its kind and, for fixed weights, the weights.
        assert {field.name for field in attrs.fields(Region)} | {"weights"} == region
        notice = {field.name for field in attrs.fields(_NoticeEntry)}
        assert {field.name for field in attrs.fields(Notice)} - {"clause"} == notice

    def test_values_are_described_in_the_files_terms(self) -> None:
        def describe(value: object) -> str:
            return str(_found(value))

        assert describe(object()).startswith("object <object object at")
        assert describe(("a",)) == "tuple ('a',)"
        assert describe(float("inf")) == "float inf"
        assert describe("x" * 100) == f"string '{'x' * 56}..."


def test_agreement_file_error_is_an_invalid_value_error() -> None:
    assert issubclass(AgreementFileError, InvalidValueError)
    assert not issubclass(AgreementFileError, InvalidMoneyError)
    assert kim.AgreementFileError is AgreementFileError
