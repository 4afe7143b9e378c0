"""Agreement files with split keys and population counts (C4, I9): bad input and round trips.

Each bad value is checked twice: in a file, where `AgreementFileError`
names the exact path of the value and says what was expected and how to
write it; and in the Python API, where the same mistake raises the
matching `KimCooperationError` with the same advice. The round trips use
the shipped strategies, which draw every key, fixed weights with zeros and
fractions, and several dated population counts naming some towns only.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import tomllib
from collections.abc import Callable
from fractions import Fraction
from importlib import resources
from typing import Any, Final

import attrs
import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kim_cooperation.strategies as kst
from kim_cooperation import (
    AgreementError,
    AgreementFile,
    AgreementFileError,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    Party,
    agreement_schema,
    dump_agreement,
    load_agreement,
    loads_agreement,
    presets,
)
from kim_cooperation.files import FileFormat
from kim_cooperation.keys import KeyKind, PopulationCount, SplitKey
from strategies import ANY_TERMS

EXAMPLE: Final = resources.files("kim_cooperation") / "data" / "example.toml"
FORMATS: Final[tuple[FileFormat, ...]] = ("toml", "json")

TOWNS_OF_EXAMPLE: Final = (
    "Altenau, Brunnfeld, Dornbach, Eichhagen, Fuchsberg, Grünwald, Haselstein, Immental, "
    "Kesselbrück, Lindenhöhe"
)
WEIGHT_EXPECTED: Final = (
    'expected a weight of at least 0 as an integer, a fraction string such as "1/2" or a '
    'decimal string such as "0.5"'
)
INHABITANTS_EXPECTED: Final = "expected the inhabitants as a positive integer such as 21310"


def example_data() -> dict[str, Any]:
    """The example agreement file as JSON data, to be broken by a test.

    Regions: [0] Nord (population; Altenau, Dornbach, Kesselbrück, Lindenhöhe),
    [1] Ost (weights Brunnfeld 2, Eichhagen 1, Fuchsberg 1, Grünwald 1/2),
    [2] West (equal; Haselstein, Immental). Counts as of 2023-12-31,
    2024-12-31 and 2025-12-31, each of Nord's four towns.
    """
    data: dict[str, Any] = json.loads(dump_agreement(load_agreement(EXAMPLE), format="json"))
    return data


def problems(data: object) -> list[tuple[str, str]]:
    """The problems loading ``data`` as JSON reports; fails if it loads."""
    with pytest.raises(AgreementFileError) as caught:
        loads_agreement(json.dumps(data), format="json")
    return list(caught.value.problems)


def schema_validator() -> Any:
    return jsonschema.Draft202012Validator(
        agreement_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def as_json_data(text: str, file_format: FileFormat) -> object:
    """A file's data as JSON sees it: TOML dates become ISO strings."""
    if file_format == "json":
        return json.loads(text)
    return json.loads(json.dumps(tomllib.loads(text), default=dt.date.isoformat))


# --------------------------------------------------------------------------- bad files


Change = Callable[[dict[str, Any]], None]


def weight(town: str, value: object, region: int = 1) -> Change:
    def change(data: dict[str, Any]) -> None:
        data["regions"][region].setdefault("weights", {})[town] = value

    return change


def count(town: str, value: object, index: int = 0) -> Change:
    def change(data: dict[str, Any]) -> None:
        data["population"][index]["counts"][town] = value

    return change


def without_weight(town: str) -> Change:
    def change(data: dict[str, Any]) -> None:
        del data["regions"][1]["weights"][town]

    return change


def region_key(region: int, **values: object) -> Change:
    def change(data: dict[str, Any]) -> None:
        for name, value in values.items():
            if value is None:
                data["regions"][region].pop(name, None)
            else:
                data["regions"][region][name] = value

    return change


def same_day(data: dict[str, Any]) -> None:
    data["population"][2]["as_of"] = data["population"][0]["as_of"]


def bad(change: Change, path: str, message: str, *, case: str) -> Any:
    return pytest.param(change, path, message, id=case)


BAD_FILES: Final = [
    bad(
        weight("Altenau", "1"),
        "regions[1].weights.Altenau",
        "Altenau is not a member of region 'Ost'; weights are given for its members "
        "Brunnfeld, Eichhagen, Fuchsberg, Grünwald (C2, C4, I9)",
        case="a weight for a non-member",
    ),
    bad(
        weight("Kesselbrück", 3),
        'regions[1].weights."Kesselbrück"',
        "Kesselbrück is not a member of region 'Ost'; weights are given for its members "
        "Brunnfeld, Eichhagen, Fuchsberg, Grünwald (C2, C4, I9)",
        case="a weight for a non-member, quoted key",
    ),
    bad(
        without_weight("Eichhagen"),
        "regions[1].weights",
        "no weight for Eichhagen; give every member a weight, 0 for a town that pays nothing "
        "(C4, I9)",
        case="a member without a weight",
    ),
    bad(
        count("Altenau", 0),
        "population[0].counts.Altenau",
        "expected the inhabitants of Altenau as a positive integer, got integer 0 (I9)",
        case="count 0",
    ),
    bad(
        count("Altenau", -5),
        "population[0].counts.Altenau",
        "expected the inhabitants of Altenau as a positive integer, got integer -5 (I9)",
        case="count -5",
    ),
    bad(
        count("Dornbach", 1.5, index=1),
        "population[1].counts.Dornbach",
        f"{INHABITANTS_EXPECTED}, got float 1.5",
        case="count 1.5",
    ),
    bad(
        count("Dornbach", 8395.0, index=1),
        "population[1].counts.Dornbach",
        f"{INHABITANTS_EXPECTED}, got float 8395.0; write 8395 without a decimal point",
        case="count 8395.0",
    ),
    bad(
        count("Lindenhöhe", "12000", index=2),
        'population[2].counts."Lindenhöhe"',
        f"{INHABITANTS_EXPECTED}, got string '12000'; write 12000 without quotes",
        case="count '12000'",
    ),
    bad(
        count("Altenau", True),
        "population[0].counts.Altenau",
        f"{INHABITANTS_EXPECTED}, got boolean true",
        case="count true",
    ),
    bad(
        same_day,
        "population[2].as_of",
        "a count is already as of 2023-12-31 (population[0]); give one count per day (I9)",
        case="two counts of one day",
    ),
    bad(
        weight("Eichhagn", "1"),
        "regions[1].weights.Eichhagn",
        f"'Eichhagn' is not a party to the agreement; expected the name or AGS of one of "
        f"{TOWNS_OF_EXAMPLE} (C1)",
        case="a weight of an unknown town",
    ),
    bad(
        count("05999099", 100),
        "population[0].counts.05999099",
        f"'05999099' is not a party to the agreement; expected the name or AGS of one of "
        f"{TOWNS_OF_EXAMPLE} (C1)",
        case="a count of an unknown town",
    ),
    bad(
        region_key(2, weights={"Haselstein": 1, "Immental": 1}),
        "regions[2].weights",
        "weights are given but split_key is 'equal'; write split_key = \"weights\" to split "
        "by them, or remove them (C4, I9)",
        case="weights with the equal key (absent)",
    ),
    bad(
        region_key(0, weights={"Altenau": 1, "Dornbach": 1, "Kesselbrück": 1, "Lindenhöhe": 1}),
        "regions[0].weights",
        "weights are given but split_key is 'population'; write split_key = \"weights\" to "
        "split by them, or remove them (C4, I9)",
        case="weights with the population key",
    ),
    bad(
        region_key(1, weights=None),
        "regions[1].weights",
        'split_key = "weights" needs a weight for each member, e.g. weights = '
        '{ Billerbeck = "2", Rosendahl = "1/2" } (C4, I9)',
        case="weights key without weights",
    ),
    bad(
        region_key(1, weights={}),
        "regions[1].weights",
        'split_key = "weights" needs a weight for each member, e.g. weights = '
        '{ Billerbeck = "2", Rosendahl = "1/2" } (C4, I9)',
        case="weights key with empty weights",
    ),
    bad(
        weight("Eichhagen", -1),
        "regions[1].weights.Eichhagen",
        f"{WEIGHT_EXPECTED}, got integer -1; a weight is never negative (C4, I9)",
        case="a negative weight",
    ),
    bad(
        weight("Eichhagen", "-1/2"),
        "regions[1].weights.Eichhagen",
        f"{WEIGHT_EXPECTED}, got string '-1/2'",
        case="a negative weight as a string",
    ),
    bad(
        region_key(
            1, weights={"Brunnfeld": 0, "Eichhagen": "0", "Fuchsberg": "0/3", "Grünwald": "0.0"}
        ),
        "regions[1].weights",
        "weights of a split key must not all be zero; give at least one town a positive "
        "weight (C4, I9)",
        case="all weights zero",
    ),
    bad(
        region_key(1, split_key="einwohner"),
        "regions[1].split_key",
        "expected one of 'equal', 'weights', 'population', got string 'einwohner'",
        case="an unknown split key",
    ),
    bad(
        weight("05999016", "3"),
        "regions[1].weights.05999016",
        "Eichhagen already has a weight (as 'Eichhagen'); give each member one weight (C4, I9)",
        case="one town weighed twice (name and AGS)",
    ),
    bad(
        weight("Gruenwald", 1),
        "regions[1].weights.Gruenwald",
        "Grünwald already has a weight (as 'Grünwald'); give each member one weight (C4, I9)",
        case="one town weighed twice (two spellings)",
    ),
    bad(
        count("05999004", 21310),
        "population[0].counts.05999004",
        "Altenau is already counted here (as 'Altenau'); count each town once in a count (I9)",
        case="one town counted twice (name and AGS)",
    ),
]


@pytest.mark.parametrize(("change", "path", "message"), BAD_FILES)
def test_a_bad_key_or_count_names_its_path(change: Change, path: str, message: str) -> None:
    data = example_data()
    change(data)
    assert problems(data) == [(path, message)]


def test_the_same_problem_in_toml_has_the_same_path() -> None:
    text = EXAMPLE.read_text("utf-8").replace(
        'weights = { Brunnfeld = 2, Eichhagen = 1, Fuchsberg = 1, "Grünwald" = "1/2" }',
        'weights = { Brunnfeld = 2, Eichhagen = 1, Fuchsberg = 1, "Grünwald" = -1 }',
    )
    with pytest.raises(AgreementFileError) as caught:
        loads_agreement(text)
    assert caught.value.problems == (
        (
            'regions[1].weights."Grünwald"',
            f"{WEIGHT_EXPECTED}, got integer -1; a weight is never negative (C4, I9)",
        ),
    )


def test_every_problem_of_keys_and_counts_at_once() -> None:
    data = example_data()
    weight("Altenau", 1)(data)
    region_key(2, weights={"Haselstein": 1})(data)
    count("Altenau", 0)(data)
    same_day(data)
    assert [path for path, _ in problems(data)] == [
        "regions[1].weights.Altenau",
        "regions[2].weights",
        "population[0].counts.Altenau",
        "population[2].as_of",
    ]


def test_problems_of_form_come_first_each_with_its_path() -> None:
    data = example_data()
    count("Dornbach", "8395", index=1)(data)
    weight("Eichhagen", 0.5)(data)
    weight("Altenau", 1)(data)  # a problem of meaning, reported once the form is right
    assert problems(data) == [
        (
            "regions[1].weights.Eichhagen",
            f'{WEIGHT_EXPECTED}, got float 0.5; a float is not exact, write "0.5" (quoted) '
            "instead",
        ),
        (
            "population[1].counts.Dornbach",
            f"{INHABITANTS_EXPECTED}, got string '8395'; write 8395 without quotes",
        ),
    ]


def test_file_errors_are_value_errors_of_the_library() -> None:
    data = example_data()
    weight("Altenau", 1)(data)
    with pytest.raises(AgreementFileError) as caught:
        loads_agreement(json.dumps(data), format="json")
    assert isinstance(caught.value, InvalidValueError)
    assert isinstance(caught.value, KimCooperationError)
    assert isinstance(caught.value, ValueError)


# --------------------------------------------------------------------------- the same in Python


def ost() -> Any:
    return presets.example().region("Ost")


def party(name: str) -> Party:
    return presets.example().party(name)


def ost_weights(**changes: Any) -> dict[Party, Any]:
    weights: dict[Party, Any] = dict(ost().split_key.weights)
    for name, value in changes.items():
        if value is None:
            del weights[party(name)]
        else:
            weights[party(name)] = value
    return weights


STRANGER: Final = Party(name="Fremdstadt", kind="Stadt", ags="05999099")


def count_of(value: object) -> PopulationCount:
    return PopulationCount(as_of=dt.date(2024, 12, 31), counts={party("Altenau"): value})  # type: ignore[dict-item]


BAD_CALLS: Final = [
    pytest.param(
        lambda: attrs.evolve(ost(), split_key=SplitKey.by_weights(ost_weights(Altenau=1))),
        AgreementError,
        "region 'Ost' has a weight for Altenau (05999004), which is not one of its members "
        "['Brunnfeld', 'Eichhagen', 'Fuchsberg', 'Grünwald'] (C2, C4, I9)",
        id="a weight for a non-member",
    ),
    pytest.param(
        lambda: attrs.evolve(ost(), split_key=SplitKey.by_weights(ost_weights(Eichhagen=None))),
        AgreementError,
        "region 'Ost' is split by weights but has no weight for Eichhagen; give every member "
        "a weight, 0 for a town that pays nothing (C4, I9)",
        id="a member without a weight",
    ),
    pytest.param(
        lambda: count_of(0),
        InvalidValueError,
        "the count of inhabitants of Altenau must be a positive int, got 0 (I9)",
        id="count 0",
    ),
    pytest.param(
        lambda: count_of(-5),
        InvalidValueError,
        "the count of inhabitants of Altenau must be a positive int, got -5 (I9)",
        id="count -5",
    ),
    pytest.param(
        lambda: count_of(1.5),
        InvalidTypeError,
        "the count of inhabitants of Altenau must be an int, got float 1.5 (I9)",
        id="count 1.5",
    ),
    pytest.param(
        lambda: count_of("12000"),
        InvalidTypeError,
        "the count of inhabitants of Altenau must be an int, got str '12000' (I9)",
        id="count '12000'",
    ),
    pytest.param(
        lambda: count_of(True),
        InvalidTypeError,
        "the count of inhabitants of Altenau must be an int, got bool True (I9)",
        id="count True",
    ),
    pytest.param(
        lambda: presets.example().with_population(
            [
                *presets.example().population,
                attrs.evolve(presets.example().population[1], as_of=dt.date(2023, 12, 31)),
            ]
        ),
        InvalidValueError,
        "two population counts are as of 2023-12-31; give one count per day, with every town "
        "counted that day in it (I9)",
        id="two counts of one day",
    ),
    pytest.param(
        lambda: attrs.evolve(ost(), split_key=SplitKey.by_weights(ost_weights() | {STRANGER: 1})),
        AgreementError,
        "region 'Ost' has a weight for Fremdstadt (05999099), which is not one of its members "
        "['Brunnfeld', 'Eichhagen', 'Fuchsberg', 'Grünwald'] (C2, C4, I9)",
        id="a weight of an unknown town",
    ),
    pytest.param(
        lambda: presets.example().with_population(
            [PopulationCount(as_of=dt.date(2020, 12, 31), counts={STRANGER: 5})]
        ),
        AgreementError,
        "the population count as of 2020-12-31 names Fremdstadt (05999099), which is not a "
        "party to the agreement (C1, I9)",
        id="a count of an unknown town",
    ),
    pytest.param(
        lambda: SplitKey(kind="equal", weights=ost_weights()),
        InvalidValueError,
        "a split key of kind 'equal' takes no weights; use SplitKey.by_weights for fixed "
        "weights (C4, I9)",
        id="weights with the equal key",
    ),
    pytest.param(
        lambda: SplitKey(kind="population", weights=ost_weights()),
        InvalidValueError,
        "a split key of kind 'population' takes no weights; use SplitKey.by_weights for "
        "fixed weights (C4, I9)",
        id="weights with the population key",
    ),
    pytest.param(
        lambda: SplitKey(kind="weights"),
        InvalidValueError,
        "a split key by weights needs a weight for each town of its region (C4, I9)",
        id="weights key without weights",
    ),
    pytest.param(
        lambda: SplitKey.by_weights({}),
        InvalidValueError,
        "a split key by weights needs a weight for each town of its region (C4, I9)",
        id="weights key with empty weights",
    ),
    pytest.param(
        lambda: SplitKey.by_weights(ost_weights(Eichhagen=-1)),
        InvalidValueError,
        "weight of Eichhagen must not be negative, got -1; a town that pays nothing has "
        "weight 0 (C4, I9)",
        id="a negative weight",
    ),
    pytest.param(
        lambda: SplitKey.by_weights(ost_weights(Eichhagen=Fraction(-1, 2))),
        InvalidValueError,
        "weight of Eichhagen must not be negative, got Fraction(-1, 2); a town that pays "
        "nothing has weight 0 (C4, I9)",
        id="a negative fraction",
    ),
    pytest.param(
        lambda: SplitKey.by_weights(dict.fromkeys(ost().members, 0)),
        InvalidValueError,
        "weights of a split key must not all be zero; give at least one town a positive "
        "weight (C4, I9)",
        id="all weights zero",
    ),
    pytest.param(
        lambda: SplitKey(kind="einwohner"),
        InvalidValueError,
        "split key must be one of ['equal', 'weights', 'population'], got 'einwohner' (C4, I9)",
        id="an unknown split key",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD_CALLS)
def test_the_python_api_raises_the_matching_error(
    call: Callable[[], object], error: type[KimCooperationError], message: str
) -> None:
    with pytest.raises(error) as caught:
        call()
    assert str(caught.value) == message
    assert isinstance(caught.value, KimCooperationError)


def test_the_python_api_cannot_name_one_town_twice() -> None:
    """In Python weights and counts are keyed by `Party`, so one town has one entry: the
    file's two spellings of one town (name and AGS) have no counterpart to refuse."""
    key = SplitKey.by_weights({party("Eichhagen"): 1, presets.example().party("05999016"): 3})
    assert dict(key.weights) == {party("Eichhagen"): 3}


# --------------------------------------------------------------------------- round trips


@settings(max_examples=30)
@given(
    agreement=kst.agreements(with_notices=None, notice_terms=ANY_TERMS),
    file_format=st.sampled_from(FORMATS),
)
def test_agreements_with_every_key_round_trip_exactly(
    agreement: Any, file_format: FileFormat
) -> None:
    text = dump_agreement(agreement, format=file_format)
    loaded = loads_agreement(text, format=file_format)
    assert loaded.agreement == agreement
    assert dump_agreement(loaded, format=file_format) == text
    schema_validator().validate(as_json_data(text, file_format))


@settings(max_examples=15)
@given(st.data(), st.sampled_from(FORMATS))
def test_files_with_keys_and_cost_plans_round_trip_exactly(
    data: st.DataObject, file_format: FileFormat
) -> None:
    agreement = data.draw(kst.agreements(with_notices=True, notice_terms=ANY_TERMS))
    years = data.draw(st.lists(kst.settlement_years(agreement), unique=True, max_size=3))
    plans = {year: data.draw(kst.cost_plans(agreement, all_regions=False)) for year in years}
    document = AgreementFile(agreement=agreement, cost_plans=plans)
    text = dump_agreement(document, format=file_format)
    assert loads_agreement(text, format=file_format) == document


def test_the_round_trip_meets_every_form_of_key_and_count() -> None:
    """The drawn agreements are not vacuous: zero and fractional weights, and several counts
    of which some name a few towns only, all go through a file and back."""
    from hypothesis import Phase, find

    unshrunk = settings(max_examples=1000, phases=[Phase.generate], database=None)

    def rich(agreement: Any) -> bool:
        weights = [w for region in agreement.regions for w in region.split_key.weights.values()]
        counted = [len(count.counts) for count in agreement.population]
        return (
            0 in weights
            and any(w.denominator > 1 for w in weights)
            and len(counted) >= 2
            and min(counted) < max(counted)
            and any(region.split_key.kind is KeyKind.POPULATION for region in agreement.regions)
        )

    agreement = find(kst.agreements(), rich, settings=unshrunk)
    for file_format in FORMATS:
        text = dump_agreement(agreement, format=file_format)
        assert loads_agreement(text, format=file_format).agreement == agreement
    data = json.loads(dump_agreement(agreement, format="json"))
    written = [w for region in data["regions"] for w in region.get("weights", {}).values()]
    assert 0 in written
    assert any(isinstance(w, str) and "/" in w for w in written)


# --------------------------------------------------------------------------- the example file


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_example_file_validates_and_round_trips(file_format: FileFormat) -> None:
    text = EXAMPLE.read_text("utf-8")
    schema_validator().validate(as_json_data(text, "toml"))
    document = load_agreement(EXAMPLE)
    assert document.agreement == presets.example()
    assert dict(document.cost_plans) == dict(presets.example_cost_plans())
    dumped = dump_agreement(document, format=file_format)
    schema_validator().validate(as_json_data(dumped, file_format))
    loaded = loads_agreement(dumped, format=file_format)
    assert loaded == document
    assert dump_agreement(loaded, format=file_format) == dumped


def test_the_example_file_holds_every_key() -> None:
    agreement = load_agreement(EXAMPLE).agreement
    assert [region.split_key.kind for region in agreement.regions] == [
        KeyKind.POPULATION,
        KeyKind.WEIGHTS,
        KeyKind.EQUAL,
    ]
    assert [count.as_of for count in agreement.population] == [
        dt.date(2023, 12, 31),
        dt.date(2024, 12, 31),
        dt.date(2025, 12, 31),
    ]


def test_a_broken_example_is_refused_by_the_schema_too() -> None:
    """The schema checks form: a float count, a negative weight and an unknown key kind."""
    for change in (
        count("Altenau", 1.5),
        weight("Eichhagen", -1),
        region_key(1, split_key="einwohner"),
        count("Altenau", 0),
    ):
        data = copy.deepcopy(example_data())
        change(data)
        assert not schema_validator().is_valid(data)
