"""Pins of the pickled form of the main value objects, so stored results stay readable.

Users store agreements and settlements with `pickle` (caches, job queues,
archived yearly settlements). Each pin in ``tests/pins/`` holds the pickle
bytes (protocol 4) of an object built from fixed inputs below. The tests check
that

* loading a stored pin gives an object equal to the one built today, so
  pickles written by earlier versions still load; and
* pickling today's object gives exactly the stored bytes, so a change of the
  pickled form (a renamed, added or removed field, a moved class, a changed
  converter) is noticed before release.

A changed pickled form breaks results users have stored. If the change is
intended, add a CHANGELOG entry saying which objects' pickles changed and how
old ones can be read, then write new pins with::

    .venv/bin/python tests/test_pickle_pins.py --regenerate

(`regenerate_pins` does the same from Python). Never regenerate just to make
the tests pass.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import pickletools
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Final

import pytest

from kim_cooperation import (
    Agreement,
    CostStatement,
    FundingRate,
    FundingSchedule,
    Notice,
    NoticeTerms,
    Party,
    Policies,
    Post,
    Region,
    Settlement,
    presets,
    settle,
)

PINS: Final = Path(__file__).resolve().parent / "pins"
"""The folder of the stored pins."""

PROTOCOL: Final = 4
"""The pickle protocol of the pins (readable by every supported Python)."""

NOTICE_DAY: Final = dt.date(2024, 6, 30)


def _party() -> Party:
    return Party(name="Rosendahl", kind="Gemeinde", ags="05558040")


def _post() -> Post:
    return Post(
        label="Nord 3",
        fte=Fraction(1, 2),
        employment_start=dt.date(2023, 3, 1),
        employment_end=dt.date(2026, 6, 30),
    )


def _region() -> Region:
    coesfeld = Party(name="Coesfeld", kind="Stadt", ags="05558012")
    billerbeck = Party(name="Billerbeck", kind="Stadt", ags="05558008")
    return Region(
        name="Nord",
        employer=coesfeld,
        members=(billerbeck, coesfeld, _party()),
        posts=(Post(label="Nord 1", fte=1), Post(label="Nord 2", fte=1), _post()),
    )


def _funding_schedule() -> FundingSchedule:
    return FundingSchedule(
        rates=(
            FundingRate(
                valid_from=dt.date(2023, 1, 1),
                amount=Decimal("55000"),
                source="council paper 2023",
            ),
            presets.announced_increase(dt.date(2025, 1, 1)),
        )
    )


def _cost_statement() -> CostStatement:
    return CostStatement(
        personnel=Decimal("163000.01"),
        equipment=Decimal("1200"),
        recruitment=Decimal("300.5"),
        administration=Decimal("99.99"),
        material_not_itemised=Decimal("5399.50"),
    )


def _notice_terms() -> NoticeTerms:
    return NoticeTerms(months=6, period_end="half-year")


def _notice() -> Notice:
    return Notice(party=_party(), received=NOTICE_DAY)


def _policies() -> Policies:
    return Policies(
        withdrawal_scope="agreement", part_year_funding="days", wind_down_scope="all-former"
    )


def _agreement() -> Agreement:
    return presets.coesfeld().give_notice("Rosendahl", NOTICE_DAY)


def _settlement() -> Settlement:
    return settle(_agreement(), 2026, {"Nord": _cost_statement()})


BUILDERS: Final[dict[str, Callable[[], object]]] = {
    "party": _party,
    "post": _post,
    "region": _region,
    "funding_schedule": _funding_schedule,
    "cost_statement": _cost_statement,
    "notice_terms": _notice_terms,
    "notice": _notice,
    "policies": _policies,
    "agreement": _agreement,
    "settlement": _settlement,
}
"""Each pin's name (its file ``tests/pins/<name>.pickle``) and how its object is built."""


def _pin(name: str) -> Path:
    return PINS / f"{name}.pickle"


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=PROTOCOL)


def regenerate_pins() -> list[Path]:
    """Write every pin anew from today's objects; only with a CHANGELOG entry (see above)."""
    PINS.mkdir(exist_ok=True)
    written = []
    for name, build in BUILDERS.items():
        path = _pin(name)
        path.write_bytes(_dumps(build()))
        written.append(path)
    return written


_BROKEN: Final = (
    "The pickled form of {name} ({path}) changed. Pickles users have stored "
    "(archived settlements, caches) may no longer load or may load wrong. If this "
    "change is intended, add a CHANGELOG entry naming the objects whose pickles "
    "changed and how to read old ones, then write new pins with "
    "`python tests/test_pickle_pins.py --regenerate`."
)


@pytest.mark.parametrize("name", BUILDERS)
def test_a_stored_pin_loads_equal_to_todays_object(name: str) -> None:
    path = _pin(name)
    assert path.is_file(), f"pin {path} is missing; see the module docstring"
    try:
        loaded = pickle.loads(path.read_bytes())
    except Exception as error:  # pragma: no cover - reported as a failure
        pytest.fail(f"{_BROKEN.format(name=name, path=path)}\nLoading failed: {error!r}")
    fresh = BUILDERS[name]()
    assert type(loaded) is type(fresh), _BROKEN.format(name=name, path=path)
    assert loaded == fresh, _BROKEN.format(name=name, path=path)
    assert hash(loaded) == hash(fresh)
    assert repr(loaded) == repr(fresh)


@pytest.mark.parametrize("name", BUILDERS)
def test_todays_object_pickles_to_the_stored_bytes(name: str) -> None:
    path = _pin(name)
    stored = path.read_bytes()
    fresh = _dumps(BUILDERS[name]())
    if fresh != stored:
        difference = "\n".join(
            line
            for line in _disassembly(fresh).splitlines()
            if line not in set(_disassembly(stored).splitlines())
        )
        pytest.fail(
            f"{_BROKEN.format(name=name, path=path)}\n"
            f"Opcodes found today but not in the pin:\n{difference[:4000]}"
        )


LEGACY: Final = {
    "settlement-shares": "settlement",
    "region-before-keys": "region",
    "policies-before-keys": "policies",
    "agreement-before-keys": "agreement",
    "settlement-before-spans": "settlement",
}
"""Pins of earlier pickled forms (``tests/pins/legacy/<name>.pickle``) that must still load.

Each maps to the builder of today's equal object. ``settlement-shares`` is the
form before allocations stored their derivation compactly (each `Share` was
pickled); `Allocation.__setstate__` reads it. The ``-before-keys`` and
``-before-spans`` pins are the forms before split keys, population counts, the
policies I9–I13 and the spans of a year (issue 12): the missing fields take
their defaults (`kim_cooperation._checks.reads_older_pickles`), and a
settlement derives its spans again.
"""


@pytest.mark.parametrize("name", LEGACY)
def test_a_legacy_pin_loads_equal_to_todays_object(name: str) -> None:
    loaded = pickle.loads((PINS / "legacy" / f"{name}.pickle").read_bytes())
    fresh = BUILDERS[LEGACY[name]]()
    assert loaded == fresh
    assert hash(loaded) == hash(fresh)
    assert repr(loaded) == repr(fresh)
    assert pickle.loads(_dumps(loaded)) == fresh


def test_every_legacy_pin_is_listed() -> None:
    assert {path.stem for path in (PINS / "legacy").glob("*.pickle")} == set(LEGACY)


def test_every_stored_pin_has_a_builder() -> None:
    stored = {path.stem for path in PINS.glob("*.pickle")}
    assert stored == set(BUILDERS), "remove stale pins or add their builders"


def _disassembly(data: bytes) -> str:
    lines = []
    for opcode, argument, _position in pickletools.genops(data):
        lines.append(f"{opcode.name} {argument!r}" if argument is not None else opcode.name)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python tests/test_pickle_pins.py --regenerate``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--regenerate",
        action="store_true",
        help="write every pin anew (needs a CHANGELOG entry; see the module docstring)",
    )
    arguments = parser.parse_args(argv)
    if not arguments.regenerate:
        parser.print_help()
        return 2
    for path in regenerate_pins():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
