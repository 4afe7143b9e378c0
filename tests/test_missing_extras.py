"""Every feature of an optional extra says which extra to install, in German too, and writes nothing.

Without its package, each feature raises `MissingExtraError`: a
`ModuleNotFoundError` naming the missing module, whose message names the
extra (``pip install kim-cooperation[plot]``) in English and, with
``describe("de")``, in German. A file it would have written does not exist
afterwards.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kim_cooperation import billing, export, presets, settle
from kim_cooperation.documents import write_billing_letters, write_impact_document
from kim_cooperation.errors import KimCooperationError, MissingExtraError
from kim_cooperation.files import dump_agreement
from kim_cooperation.projection import project
from kim_cooperation.settlement import Settlement
from kim_cooperation.workbooks import write_projection_workbook

PLAN = presets.coesfeld_cost_plan_2023()


def _settlement() -> Settlement:
    return settle(presets.coesfeld(), 2023, PLAN)


FEATURES: dict[str, tuple[str, str, str, Callable[[Path], object]]] = {
    "to_dataframe": ("pandas", "pandas", "pandas", lambda _: export.to_dataframe(_settlement())),
    "to_frame": (
        "pandas",
        "pandas",
        "pandas",
        lambda _: project(presets.coesfeld(), [2023], PLAN).to_frame(),
    ),
    "plot": ("matplotlib", "matplotlib", "plot", lambda _: _settlement().plot("Nord")),
    "projection workbook": (
        "openpyxl",
        "openpyxl",
        "excel",
        lambda folder: write_projection_workbook(
            project(presets.coesfeld(), [2023], PLAN), folder / "out.xlsx"
        ),
    ),
    "billing workbook": (
        "openpyxl",
        "openpyxl",
        "excel",
        lambda folder: billing.write_billing_workbook(
            billing.billing_statements(_settlement()), folder / "out.xlsx"
        ),
    ),
    "impact document": (
        "docx",
        "python-docx",
        "docx",
        lambda folder: write_impact_document(_settlement(), "Havixbeck", folder / "out.docx"),
    ),
    "billing letters": (
        "docx",
        "python-docx",
        "docx",
        lambda folder: write_billing_letters(
            billing.billing_statements(_settlement()), folder / "out"
        ),
    ),
    "TOML file": (
        "tomli_w",
        "tomli-w",
        "toml",
        lambda _: dump_agreement(presets.coesfeld(), format="toml"),
    ),
}


@pytest.mark.parametrize("feature", FEATURES)
def test_a_missing_extra_is_named_in_english_and_german(
    feature: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    module, package, extra, call = FEATURES[feature]
    for name in [name for name in sys.modules if name.partition(".")[0] == module]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError) as caught:
        call(tmp_path)
    error = caught.value
    assert isinstance(error, ModuleNotFoundError)
    assert isinstance(error, KimCooperationError)
    assert (error.name, error.extra) == (module, extra)
    install = f"install it with pip install kim-cooperation[{extra}]"
    assert f"needs {package}; {install}" in str(error)
    german = error.describe("de")
    assert f"braucht {package}; installieren Sie es mit pip install kim-cooperation[{extra}]" in (
        german
    )
    assert "needs" not in german
    assert list(tmp_path.iterdir()) == []


def test_toml_names_json_as_the_way_out_in_both_languages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "tomli_w", None)
    with pytest.raises(MissingExtraError) as caught:
        dump_agreement(presets.coesfeld(), format="toml")
    assert str(caught.value).endswith(", or write JSON with format='json'")
    assert caught.value.describe("de").endswith(", oder schreiben Sie JSON mit format='json'")
