"""What a user of the published package meets first: licence, README, names, presets, text forms.

The README is the package index's front page, where relative links lead
nowhere; `dir(kim_cooperation)` is what tab completion shows; the presets
are what a first script sends to a process pool; ``str(projection)`` and
the notebook's text view are what a first notebook shows.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import pickle
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import kim_cooperation as kim
from kim_cooperation import presets
from kim_cooperation.projection import Projection, project
from kim_cooperation.report import render_projection

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DOCS_SITE = PYPROJECT["project"]["urls"]["Documentation"]


# --- licence ---------------------------------------------------------------------------------


def test_the_licence_file_is_the_mit_licence_the_metadata_declares() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PYPROJECT["project"]["license"] == "MIT"
    assert text.startswith("MIT License\n\nCopyright (c) 2026 kim_cooperation maintainers\n")
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text
    assert PYPROJECT["project"]["authors"] == [{"name": "kim_cooperation maintainers"}]


def test_the_source_distribution_carries_the_licence() -> None:
    assert "LICENSE" in PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]


# --- README ----------------------------------------------------------------------------------


def _links(markdown: str) -> list[str]:
    inline = re.findall(r"\]\(([^)\s]+)\)", markdown)
    autolinks = re.findall(r"<(https?://[^>\s]+)>", markdown)
    return inline + autolinks


def test_readme_links_work_on_the_package_index() -> None:
    links = _links((ROOT / "README.md").read_text(encoding="utf-8"))
    assert links, "the README links to the documentation"
    relative = [link for link in links if not link.startswith("https://")]
    assert relative == [], "relative links break on the package index page"


def test_readme_links_to_pages_of_the_documentation_site() -> None:
    links = _links((ROOT / "README.md").read_text(encoding="utf-8"))
    assert DOCS_SITE == "https://kim-cooperation.readthedocs.io/"
    on_site = [link for link in links if link.startswith(DOCS_SITE)]
    assert on_site == links
    for link in on_site:
        # https://…/en/latest/explanation/performance/ is docs/explanation/performance.md
        path = link.removeprefix(f"{DOCS_SITE}en/latest/").rstrip("/")
        page = ROOT / "docs" / (f"{path}.md" if path else "index.md")
        assert page.is_file(), f"{link} names no page of docs/"
    assert PYPROJECT["project"]["urls"]["Changelog"] in links


def test_readme_names_the_holidays_extra() -> None:
    assert 'pip install "kim-cooperation[holidays]"' in (ROOT / "README.md").read_text(
        encoding="utf-8"
    )
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert any(requirement.startswith("holidays>=") for requirement in extras["holidays"])
    assert "holidays" in extras["test"][0]  # CI installs it, so the holiday checks run
    assert not any(
        "holidays" in requirement for requirement in PYPROJECT["project"]["dependencies"]
    )


# --- the package's names ---------------------------------------------------------------------


def test_dir_shows_the_public_api_only() -> None:
    assert dir(kim) == sorted(kim.__all__)
    for helper in ("Any", "Final", "TYPE_CHECKING", "importlib"):
        assert helper not in dir(kim)


def test_dir_stays_the_public_api_after_names_are_used() -> None:
    _ = kim.settle, kim.ClosedDays, kim.presets
    importlib.import_module("kim_cooperation.closed_days")  # binds a submodule on the package
    assert "closed_days" in vars(kim)
    assert dir(kim) == sorted(kim.__all__)


# --- presets ---------------------------------------------------------------------------------


def _preset_values() -> dict[str, object]:
    import datetime as dt

    values: dict[str, object] = {}
    for name in presets.__all__:
        value = getattr(presets, name)
        if inspect.isfunction(value):
            arguments: list[Any] = [dt.date(2024, 1, 1)] if name == "announced_increase" else []
            values[name] = value(*arguments)
        else:
            values[name] = value
    return values


@pytest.mark.parametrize(("name", "value"), sorted(_preset_values().items()))
def test_every_preset_pickles_and_copies(name: str, value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value, name
    assert copy.deepcopy(value) == value, name


def test_the_planning_costs_are_read_only() -> None:
    plan: Any = presets.coesfeld_planning_costs_2023()
    with pytest.raises(TypeError):
        plan["Nord"] = None
    assert dict(plan) == dict(pickle.loads(pickle.dumps(plan)))


def test_presets_go_to_a_process_pool() -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    plan = presets.coesfeld_planning_costs_2023()
    # "spawn" pickles everything sent, as on Windows and macOS; fork would copy it.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
        settled = pool.submit(kim.settle, presets.coesfeld(), 2023, plan).result()
    assert settled == kim.settle(presets.coesfeld(), 2023, plan)


def test_the_presets_and_the_catalogue_are_read_from_a_zip_file(tmp_path: Path) -> None:
    # Nothing reads the package's data files by their path on disk alone: in a zip
    # file (zipimport) the presets and the German catalogue are read through its loader.
    import os
    import subprocess
    import sys
    import zipfile

    package = Path(kim.__file__).parent
    archive = tmp_path / "kim_cooperation.zip"
    with zipfile.ZipFile(archive, "w") as written:
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                written.write(path, path.relative_to(package.parent).as_posix())
    code = (
        "import kim_cooperation as kim\n"
        "from kim_cooperation import presets\n"
        "from kim_cooperation.i18n import translate\n"
        "assert '.zip' in kim.__file__, kim.__file__\n"
        "plan = presets.coesfeld_cost_plan_2023()\n"
        "print(kim.settle(presets.coesfeld(), 2023, plan).own_share_of('Coesfeld'))\n"
        "print(len(presets.example().parties), translate('usage: ', 'de'))\n"
    )
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("COVERAGE_")
    }
    environment["PYTHONPATH"] = str(archive)
    completed = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
    )
    share = kim.settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    assert completed.stdout.splitlines() == [
        str(share.own_share_of("Coesfeld")),
        f"{len(presets.example().parties)} Aufruf: ",
    ]


# --- the text form of a projection -----------------------------------------------------------


@pytest.fixture(scope="module")
def projection() -> Projection:
    return project(presets.coesfeld(), [2023, 2024], presets.coesfeld_planning_costs_2023())


def test_str_of_a_projection_is_the_german_table(projection: Projection) -> None:
    text = str(projection)
    assert text == render_projection(projection) == projection.table()
    lines = text.splitlines()
    assert lines[0] == "Eigenanteile je Kommune und Jahr"
    assert lines[1].split() == ["Kommune", "2023", "2024", "Summe"]
    assert lines[2].split() == ["Ascheberg", "6.500", "€", "6.500", "€", "13.000", "€"]
    assert len(lines) == 2 + len(projection.parties) + 1  # title, header, towns, total
    assert "agreement=" not in text


def test_the_table_in_english(projection: Projection) -> None:
    lines = projection.table(lang="en").splitlines()
    assert lines[0] == "Own shares per town and year"
    assert lines[1].split() == ["Town", "2023", "2024", "Total"]
    assert "€6,500" in lines[2]


def test_repr_of_a_projection_is_one_short_line(projection: Projection) -> None:
    text = repr(projection)
    assert "\n" not in text
    assert len(text) < 200
    assert text == (
        "<Projection 2023–2024 of 11 towns: Kooperationsvereinbarung Kommunales "
        "Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld>"
    )
    single = project(presets.coesfeld(), [2023], presets.coesfeld_cost_plan_2023())
    assert repr(single).startswith("<Projection 2023 of 4 towns: ")


class _Printer:
    """IPython's pretty printer, as far as ``_repr_pretty_`` uses it."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def text(self, text: str) -> None:
        self.written.append(text)


@pytest.mark.parametrize(("cycle", "expected"), [(False, None), (True, "<Projection ...>")])
def test_the_notebook_text_view_is_the_table(
    projection: Projection, cycle: bool, expected: str | None
) -> None:
    printer = _Printer()
    pretty: Callable[[Any, bool], None] = projection._repr_pretty_
    pretty(printer, cycle)
    assert printer.written == [expected or projection.table()]


def test_the_notebook_html_view_is_the_table_of_towns_by_years(projection: Projection) -> None:
    html = projection._repr_html_()
    assert html.startswith('<div class="kim-cooperation">')
    assert html == projection.table_html()
    assert "<td>Billerbeck</td>" in html
