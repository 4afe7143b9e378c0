"""Names (issue 13, item 4): stored in NFC, found however they are written, never confusable.

* Names of parties and regions and post labels are normalised to NFC on input.
* Look-ups fold NFC/NFD, ``ß``/``ss`` and umlauts written out or dropped.
* An agreement refuses party (and region) names that look alike (equal UTS #39
  skeletons), names with invisible or control characters, and a party name
  that is, or looks like, another party's AGS; the message names both.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import pickle
import sys
import unicodedata
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import kim_cooperation as kim
from kim_cooperation import _confusables_table, files, presets
from kim_cooperation._confusables import UNICODE_VERSION, _prototypes, skeleton
from kim_cooperation.party import fold_name
from kim_cooperation.strategies import party_names

sys.path.insert(0, str(pathlib.Path(__file__).parents[1] / "tools"))
import write_confusables

AGREEMENT = presets.coesfeld()
NFD_DUELMEN = "Du\u0308lmen"
CYRILLIC_O = "\u043e"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _with_party(name: str, ags: str = "05558099") -> kim.Agreement:
    """The Coesfeld agreement with one more town in region Nord."""
    newcomer = kim.Party(name=name, kind="Gemeinde", ags=ags)
    nord = AGREEMENT.regions[0]
    regions = [attrs.evolve(nord, members=[*nord.members, newcomer]), *AGREEMENT.regions[1:]]
    return attrs.evolve(AGREEMENT, parties=[*AGREEMENT.parties, newcomer], regions=regions)


# --------------------------------------------------------------------------- NFC on input


def test_names_and_labels_are_stored_in_nfc() -> None:
    party = kim.Party(name=NFD_DUELMEN, kind="Stadt", ags="05558016")
    assert party.name == "Dülmen"
    assert len(party.name) == 6
    region = kim.Region(
        name=_nfd("Süd"),
        employer=party,
        members=[party],
        posts=[kim.Post(label=_nfd("Süd 1"), fte=1)],
    )
    assert region.name == "Süd"
    assert region.posts[0].label == "Süd 1"


def test_an_nfd_and_an_nfc_party_are_the_same_party() -> None:
    assert kim.Party(name=NFD_DUELMEN, kind="Stadt", ags="05558016") == AGREEMENT.party("Dülmen")


@settings(max_examples=50, deadline=None)
@given(party_names())
def test_any_name_is_stored_in_nfc_and_found_as_typed(name: str) -> None:
    party = kim.Party(name=_nfd(name), kind="Stadt", ags="05558012")
    assert party.name == unicodedata.normalize("NFC", name)
    for key in (name, _nfd(name), name.upper(), _nfd(name.casefold())):
        assert party.matches(key)


# --------------------------------------------------------------------------- look-ups


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("Duelmen", "Dülmen"),
        ("Dulmen", "Dülmen"),
        (NFD_DUELMEN, "Dülmen"),
        ("DUELMEN", "Dülmen"),
        (_nfd("DÜLMEN"), "Dülmen"),
        ("Luedinghausen", "Lüdinghausen"),
        ("ludinghausen", "Lüdinghausen"),
        (_nfd("Lüdinghausen"), "Lüdinghausen"),
    ],
)
def test_look_ups_fold_nfd_and_umlauts(key: str, name: str) -> None:
    assert AGREEMENT.party(key).name == name
    assert AGREEMENT.region_of(key) == AGREEMENT.region_of(name)


@pytest.mark.parametrize("key", ["Sued", "sud", _nfd("Süd"), "SÜD"])
def test_region_look_ups_fold_too(key: str) -> None:
    assert AGREEMENT.region(key).name == "Süd"


def test_sharp_s_is_found_as_ss() -> None:
    agreement = _with_party("Großbüllesheim")
    for key in ("Grossbuellesheim", "GROSSBÜLLESHEIM", "grossbullesheim", _nfd("Großbüllesheim")):
        assert agreement.party(key).name == "Großbüllesheim"
    assert fold_name("Straße") == fold_name("STRASSE") == fold_name("Strasse")


def test_a_party_stored_in_nfd_is_found_by_its_ascii_form() -> None:
    """A party unpickled from a version that kept names as given (NFD) is still found."""
    stored: Any = kim.Party.__new__(kim.Party)
    stored.__setstate__({"name": NFD_DUELMEN, "kind": kim.PartyKind.STADT, "ags": "05558016"})
    assert stored.name == NFD_DUELMEN
    assert stored.matches("Duelmen")
    assert stored.matches("Dülmen")
    assert fold_name(NFD_DUELMEN) == fold_name("Dülmen") == fold_name("Duelmen") | {"dulmen"}


def test_an_unknown_name_is_still_refused() -> None:
    with pytest.raises(kim.UnknownPartyError, match="'Dülmen\\\\u200b' is not a party"):
        AGREEMENT.party("Dülmen\u200b")


# --------------------------------------------------------------------------- confusable names


@pytest.mark.parametrize(
    ("name", "like", "characters"),
    [
        (f"C{CYRILLIC_O}esfeld", "Coesfeld", "U+006F) and 'о' (U+043E)"),  # noqa: RUF001
        ("0lfen", "Olfen", "U+004F) and '0' (U+0030)"),
        ("OIfen", "Olfen", "U+006C) and 'I' (U+0049)"),
        ("Dü1men", "Dülmen", "U+006C) and '1' (U+0031)"),
        ("Havixbeck\u0430", "Havixbeck", ""),  # not confusable: an extra letter
    ],
)
def test_names_that_look_alike_are_refused(name: str, like: str, characters: str) -> None:
    if not characters:
        assert name in [party.name for party in _with_party(name).parties]
        return
    with pytest.raises(kim.AgreementError) as raised:
        _with_party(name)
    message = str(raised.value)
    assert repr(like) in message
    assert repr(name) in message
    assert "look alike" in message
    assert characters in message
    assert "UTS #39" in message


def test_region_names_that_look_alike_are_refused() -> None:
    mitte = AGREEMENT.regions[1]
    lookalike = attrs.evolve(mitte, name=f"N{CYRILLIC_O}rd")
    with pytest.raises(kim.AgreementError, match="region names 'Nord' and 'Nоrd' look alike"):  # noqa: RUF001
        attrs.evolve(AGREEMENT, regions=[AGREEMENT.regions[0], lookalike, AGREEMENT.regions[2]])


def test_the_skeleton_is_that_of_uts_39() -> None:
    assert skeleton("paypal") == skeleton("p\u0430yp\u0430l")  # Cyrillic a (U+0430)
    assert skeleton("Hamm") == skeleton("Harnrn")  # m looks like rn
    assert skeleton("Olfen") != skeleton("olfen")  # case is not a confusable
    assert skeleton(NFD_DUELMEN) == skeleton("Dülmen")
    assert UNICODE_VERSION == "13.0.0"


def test_the_unicode_data_file_is_shipped_with_its_version_and_licence() -> None:
    folder = resources.files("kim_cooperation").joinpath("data", "unicode")
    text = folder.joinpath("confusables.txt").read_text(encoding="utf-8-sig")
    assert f"# Version: {UNICODE_VERSION}" in text.splitlines()[:10]
    licence = folder.joinpath("LICENSE-Unicode.txt").read_text(encoding="utf-8")
    assert "UNICODE LICENSE V3" in licence
    assert UNICODE_VERSION in licence


def _confusables_text() -> str:
    folder = resources.files("kim_cooperation").joinpath("data", "unicode")
    return folder.joinpath("confusables.txt").read_text(encoding="utf-8-sig")


def test_the_skeleton_table_is_that_of_the_unicode_data_file() -> None:
    # The package reads the generated module, never the data file: parsed here as the
    # package parsed it before, the file must give exactly the same table.
    table: dict[int, str] = {}
    for line in _confusables_text().splitlines():
        if not line or line[0] == "#":
            continue
        source, target, _rest = line.split(";", 2)
        table[int(source, 16)] = "".join([chr(int(code, 16)) for code in target.split()])
    assert _prototypes() == table
    assert list(_prototypes()) == list(table)
    assert _confusables_table.UNICODE_VERSION == UNICODE_VERSION


def test_the_skeleton_table_module_is_the_generated_one() -> None:
    # Regenerate with: python tools/write_confusables.py
    module = pathlib.Path(_confusables_table.__file__)
    assert module.read_text(encoding="utf-8") == write_confusables.text(_confusables_text())


def test_the_table_writer_reports_and_fixes_a_stale_module(tmp_path: pathlib.Path) -> None:
    module = tmp_path / "_confusables_table.py"
    assert write_confusables.run(["--check", str(module)]) == 1
    assert write_confusables.run([str(module)]) == 0
    assert write_confusables.run(["--check", str(module)]) == 0
    assert module.read_text(encoding="utf-8") == write_confusables.text(_confusables_text())
    module.write_text("", encoding="utf-8")
    assert write_confusables.run(["--check", str(module)]) == 1
    with pytest.raises(ValueError, match="separator"):
        write_confusables.module_text({0x41: "a\x00b"}, "13.0.0")


@settings(max_examples=50, deadline=None)
@given(party_names())
def test_a_name_looks_like_itself_in_nfd(name: str) -> None:
    assert skeleton(_nfd(name)) == skeleton(name)


# --------------------------------------------------------------------------- invisible characters


@pytest.mark.parametrize(
    ("name", "character"),
    [
        ("Dülmen\u200b", "U+200B ZERO WIDTH SPACE"),
        ("Dül\u200bmen", "U+200B ZERO WIDTH SPACE"),
        ("Dülmen\u200d", "U+200D ZERO WIDTH JOINER"),
        ("\u202eDülmen", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Dül\u2066men", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("Dül\u00admen", "U+00AD SOFT HYPHEN"),
        ("Dül\ufeffmen", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("Nord\u00a0Ost", "U+00A0 NO-BREAK SPACE"),
        ("Nord\u3000Ost", "U+3000 IDEOGRAPHIC SPACE"),
        ("Dülmen\ufe0f", "U+FE0F VARIATION SELECTOR-16"),
        ("Dül\u3164men", "U+3164 HANGUL FILLER"),
        ("Dül\u034fmen", "U+034F COMBINING GRAPHEME JOINER"),
        ("Dül\x00men", "U+0000"),
        ("Dül\nmen", "U+000A"),
        ("Dül\tmen", "U+0009"),
        ("Dül\x1b[2Jmen", "U+001B"),
        ("Dül\u2028men", "U+2028 LINE SEPARATOR"),
        ("Dül\ue000men", "U+E000"),
        ("Dül\ud800men", "U+D800"),
    ],
)
def test_names_with_invisible_or_control_characters_are_refused(name: str, character: str) -> None:
    with pytest.raises(kim.InvalidValueError, match="invisible or control characters") as raised:
        kim.Party(name=name, kind="Stadt", ags="05558016")
    assert character in str(raised.value)
    with pytest.raises(kim.InvalidValueError, match="region name"):
        kim.Region(
            name=name, employer=AGREEMENT.parties[0], members=AGREEMENT.parties[:1], posts=[]
        )
    with pytest.raises(kim.InvalidValueError, match="post label"):
        kim.Post(label=name, fte=1)


def test_visible_names_of_other_scripts_and_marks_are_accepted() -> None:
    for name in ("Łódź", "Αθήνα", "Москва", "Zürich-Höngg", "St. Vith", "Bad Sassendorf"):
        assert kim.Party(name=name, kind="Stadt", ags="05558016").name == name


# --------------------------------------------------------------------------- names and AGS


@pytest.mark.parametrize("name", ["05558012", "O5558Ol2", "05558O12"])
def test_a_name_that_is_or_looks_like_another_partys_ags_is_refused(name: str) -> None:
    with pytest.raises(kim.AgreementError) as raised:
        _with_party(name)
    message = str(raised.value)
    assert repr(name) in message
    assert "Coesfeld (05558012)" in message
    assert "05558099" in message


def test_a_name_equal_to_its_own_ags_is_not_ambiguous() -> None:
    agreement = _with_party("05558099")
    assert agreement.party("05558099").ags == "05558099"


def test_the_file_reader_refuses_the_same_names() -> None:
    document = files.AgreementFile(agreement=AGREEMENT, cost_plans={})
    text = files.dump_agreement(document, format="json").replace('"Billerbeck"', '"05558012"')
    with pytest.raises(kim.AgreementFileError, match="05558012"):
        files.loads_agreement(text, format="json")
    lookalike = files.dump_agreement(document, format="json").replace(
        '"Billerbeck"', f'"C{CYRILLIC_O}esfeld"'
    )
    with pytest.raises(kim.AgreementFileError, match="look alike"):
        files.loads_agreement(lookalike, format="json")


def test_a_file_with_nfd_names_loads_them_in_nfc() -> None:
    document = files.AgreementFile(agreement=AGREEMENT, cost_plans={})
    text = files.dump_agreement(document, format="json")
    loaded = files.loads_agreement(_nfd(text), format="json")
    assert loaded.agreement.party("Duelmen").name == "Dülmen"
    assert loaded == document


# --------------------------------------------------------------------------- pickles


def test_nfc_names_pickle_as_before() -> None:
    agreement = AGREEMENT.give_notice("Rosendahl", dt.date(2024, 6, 28))
    restored: Any = pickle.loads(pickle.dumps(agreement))
    assert restored == agreement
    assert restored.party("Duelmen").name == "Dülmen"
