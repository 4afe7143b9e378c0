"""Agreement files at the edges (issue 13, items 2-4): what is passed, what is read, what is named.

* `load_agreement` refuses what is not a path with `InvalidTypeError`,
  saying what to pass.
* Text that is not valid Unicode (a lone surrogate, which JSON's escapes can
  write) is refused when read, with the path of every such value.
* Cost plans keyed by a region in any spelling, or by the `Region`, are
  kept under the region's own name and round-trip in both formats.
* Towns are resolved in a file exactly as `Agreement.party` resolves them.
* Messages stay short when a file names many towns.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_cooperation import (
    Agreement,
    AgreementError,
    AgreementFile,
    AgreementFileError,
    CostStatement,
    FundingRate,
    FundingSchedule,
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    Party,
    Post,
    Region,
    UnknownPartyError,
    UnknownRegionError,
    dump_agreement,
    load_agreement,
    loads_agreement,
    presets,
    save_agreement,
)
from kim_cooperation.costs import costs_by_region
from kim_cooperation.files._building import _PartyLookup

# --------------------------------------------------------------------------- what is passed


@pytest.mark.parametrize(
    "path", [b"a.toml", bytearray(b"a.toml"), 42, None, ["a.toml"], 1.5], ids=repr
)
def test_load_agreement_refuses_what_is_not_a_path(path: object) -> None:
    with pytest.raises(InvalidTypeError) as caught:
        load_agreement(path)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "must be a str, a pathlib.Path or an importlib.resources Traversable" in message
    assert type(path).__name__ in message
    assert isinstance(caught.value, TypeError)


def test_a_path_of_bytes_is_told_how_to_decode() -> None:
    with pytest.raises(InvalidTypeError, match=r"got bytes b'a\.toml'; decode .* os\.fsdecode"):
        load_agreement(b"a.toml")  # type: ignore[arg-type]


class _BytesPath:
    def __fspath__(self) -> bytes:
        return b"a.toml"


def test_an_os_pathlike_of_bytes_is_refused() -> None:
    with pytest.raises(InvalidTypeError, match=r"os\.fsdecode"):
        load_agreement(_BytesPath())  # type: ignore[arg-type]


def test_a_str_a_path_and_a_resource_are_read(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "coesfeld.json"
    save_agreement(presets.coesfeld(), path)
    from importlib.resources import files

    resource = files("kim_cooperation") / "data" / "coesfeld.toml"
    for where in (str(path), path, resource):
        assert load_agreement(where).agreement == presets.coesfeld()


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: pathlib.Path) -> None:
    if os.name != "posix":
        pytest.skip("file names of arbitrary bytes are POSIX")
    name = os.fsdecode(b"bad\xff.json")  # "bad\udcff.json": a surrogate escape
    try:
        (tmp_path / name).write_text("{", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses the name")
    with pytest.raises(AgreementFileError) as caught:
        load_agreement(tmp_path / name)
    str(caught.value).encode("utf-8")  # printable: no lone surrogate in the message
    assert caught.value.source == str(tmp_path / name)


# --------------------------------------------------------------------------- lone surrogates


def _json(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dump_agreement(presets.example(), format="json"))
    data.update(changes)
    return data


def _problems(text: str, *, format: str = "json") -> list[tuple[str, str]]:
    with pytest.raises(AgreementFileError) as caught:
        loads_agreement(text, format=format)  # type: ignore[arg-type]
    str(caught.value).encode("utf-8")  # the message itself can be printed
    return list(caught.value.problems)


def test_a_lone_surrogate_in_a_name_is_refused_with_its_path() -> None:
    data = _json()
    data["parties"][3]["name"] = "Kessel\ud800brück"
    problems = _problems(json.dumps(data))
    assert [path for path, _ in problems] == ["parties[3].name"]
    assert "lone surrogate (U+D800)" in problems[0][1]
    assert "'Kessel\\ud800brück'" in problems[0][1]


def test_every_lone_surrogate_is_reported_in_the_files_order() -> None:
    data = _json(name="Koop\udfff")
    data["regions"][1]["weights"]["Gr\udc00nwald"] = 1
    data["funding"][0]["source"] = "\ud83d"
    data["cost_plans"] = {"2026": {"S\ud801d": {"personnel": "1.00"}}}
    paths = [path for path, _ in _problems(json.dumps(data))]
    assert paths == [
        "name",
        'regions[1].weights."Gr\\udc00nwald"',
        "funding[0].source",
        'cost_plans.2026."S\\ud801d"',
    ]


def test_a_pair_of_surrogate_escapes_is_a_character() -> None:
    data = _json(name="Kooperation \ud83d\ude00")
    text = json.dumps(data)  # ASCII: the emoji as the pair "\ud83d\ude00"
    assert "\\ud83d\\ude00" in text
    assert loads_agreement(text, format="json").agreement.name == "Kooperation \U0001f600"


def test_toml_cannot_write_a_lone_surrogate() -> None:
    text = dump_agreement(presets.example()).replace('name = "', 'name = "\\ud800 ', 1)
    assert "\\ud800" in text
    assert _problems(text, format="toml")[0][0] == ""


@pytest.mark.parametrize("format", ["toml", "json"])
def test_a_text_given_with_a_raw_lone_surrogate_is_refused(format: str) -> None:
    """A str passed to loads_agreement can hold a surrogate without any escape."""
    text = dump_agreement(presets.example(), format=format)  # type: ignore[arg-type]
    text = text.replace("Lindenhöhe", "Linden\udcf6he")
    problems = _problems(text, format=format)
    assert problems[0][0] == "parties[9].name"  # the towns in AGS order
    assert all("lone surrogate (U+DCF6)" in message for _, message in problems)


def test_a_file_read_from_disk_with_a_lone_surrogate_names_the_path(
    tmp_path: pathlib.Path,
) -> None:
    data = _json()
    data["regions"][0]["posts"][1]["label"] = "Nord\udcff2"
    path = tmp_path / "example.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AgreementFileError, match=r"regions\[0\]\.posts\[1\]\.label: "):
        load_agreement(path)


# --------------------------------------------------------------------------- cost-plan keys


@pytest.mark.parametrize("key", ["Sued", "Süd", "sued", "SUD", "Su\u0308d"])
def test_a_cost_plan_keyed_in_any_spelling_is_kept_under_the_regions_name(key: str) -> None:
    coesfeld = presets.coesfeld()
    try:
        coesfeld.region(key)
    except UnknownRegionError:
        pytest.skip(f"{key!r} is not yet a spelling Agreement.region accepts")
    document = AgreementFile(agreement=coesfeld, cost_plans={2024: {key: CostStatement()}})
    assert list(document.cost_plans[2024]) == ["Süd"]


@pytest.mark.parametrize("format", ["json", "toml"])
def test_cost_plans_keyed_by_spelling_or_region_round_trip(format: str) -> None:
    coesfeld = presets.coesfeld()
    plan: dict[str | Region, CostStatement] = {
        "Sued": CostStatement(personnel=Decimal("150000.00")),
        coesfeld.region("Nord"): CostStatement(equipment=900),
        "mitte": CostStatement(recruitment=Decimal("1200.50")),
    }
    document = AgreementFile(agreement=coesfeld, cost_plans={2024: plan})
    assert list(document.cost_plans[2024]) == ["Nord", "Mitte", "Süd"]
    text = dump_agreement(document, format=format)  # type: ignore[arg-type]
    again = loads_agreement(text, format=format)  # type: ignore[arg-type]
    assert again == document
    assert dict(again.cost_plans[2024]) == dict(document.cost_plans[2024])
    assert dump_agreement(again, format=format) == text  # type: ignore[arg-type]


def test_a_plan_naming_a_region_twice_in_two_spellings_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="twice"):
        AgreementFile(
            agreement=presets.coesfeld(),
            cost_plans={2024: {"Sued": CostStatement(), "Süd": CostStatement()}},
        )


def test_a_plan_keyed_by_neither_name_nor_region_is_a_type_error() -> None:
    with pytest.raises(InvalidTypeError, match="keyed by region name or Region, got int 3"):
        costs_by_region(presets.coesfeld(), {3: CostStatement()})  # type: ignore[arg-type]


def test_a_region_of_another_agreement_is_unknown() -> None:
    other = presets.example().region("Nord")
    with pytest.raises(UnknownRegionError):
        AgreementFile(agreement=presets.coesfeld(), cost_plans={2024: {other: CostStatement()}})


def test_a_key_that_could_name_two_regions_is_refused_in_a_file() -> None:
    data = json.loads(dump_agreement(presets.coesfeld(), format="json"))
    data["regions"][2]["name"] = "Sud"  # Süd renamed; a region "Sued" is added beside it
    data["regions"][1]["name"] = "Sued"
    data["cost_plans"] = {"2024": {"Süd": {"personnel": "1.00"}}}
    problems = _problems(json.dumps(data))
    assert problems == [
        (
            'cost_plans.2024."Süd"',
            "'Süd' could name region 'Sud' or 'Sued'; write the region's name as the "
            "agreement writes it (C2)",
        )
    ]


# --------------------------------------------------------------------------- towns


def _keys_of(agreement: Agreement) -> list[str]:
    keys = []
    for party in agreement.parties:
        keys += [party.name, party.ags, party.name.upper(), *sorted(party.name_forms)]
    return keys


@pytest.mark.parametrize(
    "agreement", [presets.coesfeld(), presets.example()], ids=["coesfeld", "example"]
)
@settings(max_examples=60)
@given(data=st.data())
def test_the_file_finds_towns_as_the_agreement_does(
    agreement: Agreement, data: st.DataObject
) -> None:
    key = data.draw(st.sampled_from(_keys_of(agreement)) | st.text(max_size=12))
    found = _PartyLookup(reversed(agreement.parties)).find(key)
    try:
        expected: Party | None = agreement.party(key)
    except UnknownPartyError:
        expected = None
    assert found == expected


def _file_with_names(names: dict[str, str], employer: str) -> str:
    """An agreement of one region with these parties (AGS to name) and ``employer``."""
    return json.dumps(
        {
            "name": "Kooperation",
            "start": "2023-01-01",
            "parties": [
                {"name": name, "kind": "Stadt", "ags": ags} for ags, name in names.items()
            ],
            "regions": [
                {
                    "name": "Nord",
                    "employer": employer,
                    "members": list(names.values()),
                    "posts": [{"label": "Nord 1", "fte": 1}],
                }
            ],
            "funding": [{"valid_from": "2023-01-01", "amount": "55000.00", "source": "x"}],
        }
    )


def test_a_name_equal_to_another_partys_ags_resolves_as_in_the_agreement() -> None:
    # In the file the town named like Coesfeld's AGS comes second; the file's
    # order must not decide which party the key names.
    names = {"05558012": "Coesfeld", "05558004": "05558012"}
    text = _file_with_names(names, employer="05558012")
    parties = [Party(name=name, kind="Stadt", ags=ags) for ags, name in names.items()]
    try:
        agreement: Agreement | None = Agreement(
            name="Kooperation",
            parties=parties,
            regions=[
                Region(
                    name="Nord",
                    employer=_PartyLookup(parties).find("05558012"),  # type: ignore[arg-type]
                    members=parties,
                    posts=[Post(label="Nord 1", fte=1)],
                )
            ],
            funding=FundingSchedule(
                rates=[
                    FundingRate(
                        valid_from=dt.date(2023, 1, 1), amount=Decimal("55000.00"), source="x"
                    )
                ]
            ),
            start=dt.date(2023, 1, 1),
        )
        refusal = ""
    except (AgreementError, InvalidValueError) as refused:
        agreement, refusal = None, str(refused)
    if agreement is None:
        # The agreement refuses such names, and the file is refused with its message.
        with pytest.raises(AgreementFileError) as caught:
            loads_agreement(text, format="json")
        assert refusal in str(caught.value)
    else:
        expected = agreement.party("05558012")
        assert _PartyLookup(parties).find("05558012") == expected
        loaded = loads_agreement(text, format="json").agreement
        assert loaded == agreement
        assert loaded.region("Nord").employer == expected == loaded.party("05558012")


def test_an_unknown_town_among_many_does_not_list_them_all() -> None:
    names = {f"05{index:06d}": f"Ort {index}" for index in range(1, 31)}
    data = json.loads(_file_with_names(names, employer="Ort 1"))
    data["regions"][0]["members"][5] = "Nirgendwo"
    problems = _problems(json.dumps(data))
    assert problems == [
        (
            "regions[0].members[5]",
            "'Nirgendwo' is not a party to the agreement; expected the name or AGS of one of "
            "the 30 parties the file lists (C1)",
        )
    ]


def test_an_unknown_town_among_few_lists_them() -> None:
    data = json.loads(
        _file_with_names({"05558012": "Coesfeld", "05558008": "Billerbeck"}, "Coesfeld")
    )
    data["regions"][0]["members"][1] = "Billerbek"
    ((path, message),) = _problems(json.dumps(data))
    assert path == "regions[0].members[1]"
    assert message.endswith("expected the name or AGS of one of Coesfeld, Billerbeck (C1)")


def test_errors_of_files_are_library_errors() -> None:
    calls: list[Callable[[], object]] = [
        lambda: load_agreement(b"x"),  # type: ignore[arg-type]
        lambda: loads_agreement('{"name": "\\ud800"}', format="json"),
        lambda: load_agreement("x.json", max_bytes=-1),
    ]
    for call in calls:
        with pytest.raises(KimCooperationError):
            call()
