"""The package imports its modules on first use, and optional parts only when used.

`import kim_cooperation` binds no module but the package itself (PEP 562,
``kim_cooperation.__getattr__``); each public name imports its module when it
is first read. The checks that depend on what a fresh interpreter has imported
run in a subprocess.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import textwrap
from typing import Final

import pytest

import kim_cooperation

OPTIONAL = (
    "cattrs",
    "tomllib",
    "kim_cooperation.files",
    "kim_cooperation.presets",
    "kim_cooperation.explanation",
    "kim_cooperation.impact",
    "kim_cooperation.export",
    "kim_cooperation.billing",
    "kim_cooperation.report",
    "kim_cooperation.cli",
    "kim_cooperation.projection",
    "kim_cooperation.scenario",
    "kim_cooperation.strategies",
)
"""Modules a settlement of an agreement built in code must not import."""


def _imported_after(code: str) -> set[str]:
    """Run ``code`` in a fresh interpreter; return the modules it has imported."""
    script = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    # A clean interpreter: without coverage's start-up hook, which imports
    # modules of its own (and, measuring the package, the package's modules).
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("COVERAGE_")
    }
    completed = subprocess.run(
        [sys.executable, "-c", script],
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    )
    return set(json.loads(completed.stdout.splitlines()[-1]))


def test_importing_the_package_imports_none_of_its_modules() -> None:
    imported = _imported_after("import kim_cooperation")
    assert {name for name in imported if name.startswith("kim_cooperation")} == {"kim_cooperation"}
    assert not {"attrs", "attr", "cattrs", "dateutil", "decimal"} & imported


def test_a_settlement_built_in_code_imports_no_optional_part() -> None:
    imported = _imported_after(
        """
        import datetime as dt
        from decimal import Decimal
        import kim_cooperation as kim

        a = kim.Party(name="A", kind="Gemeinde", ags="05558004")
        b = kim.Party(name="B", kind="Stadt", ags="05558008")
        region = kim.Region(
            name="Nord", employer=a, members=(a, b), posts=(kim.Post(label="1", fte=1),)
        )
        rate = kim.FundingRate(valid_from=dt.date(2023, 1, 1), amount=Decimal("55000"), source="s")
        agreement = kim.Agreement(
            name="Test",
            parties=(a, b),
            start=dt.date(2023, 1, 1),
            regions=(region,),
            funding=kim.FundingSchedule(rates=(rate,)),
        )
        plan = {"Nord": kim.CostStatement(personnel=Decimal("70000"))}
        assert kim.settle(agreement, 2023, plan).own_share_of("A") == Decimal("7500.00")
        """
    )
    assert "kim_cooperation.settlement" in imported
    assert not set(OPTIONAL) & imported


def test_the_built_in_agreement_is_loaded_without_the_file_reader() -> None:
    # The presets load their files' snapshots (tools/write_presets.py); reading an agreement
    # file still takes the reader.
    imported = _imported_after("import kim_cooperation as kim; kim.presets.coesfeld()")
    assert "kim_cooperation.presets" in imported
    assert not {"kim_cooperation.files", "cattrs", "tomllib"} & imported
    assert "kim_cooperation.export" not in imported
    imported = _imported_after(
        """
        import pathlib
        import kim_cooperation
        from kim_cooperation.files import load_agreement
        load_agreement(pathlib.Path(kim_cooperation.__file__).parent / "data" / "coesfeld.toml")
        """
    )
    assert {"kim_cooperation.files", "cattrs", "tomllib"} <= imported


NOT_FOR_READING: Final = (
    # importlib.resources brings zipfile, tempfile, shutil, bz2 and lzma: the package
    # reads its data through its loader, and checks for a resource only when given one.
    "importlib.resources",
    "importlib.resources.abc",
    "zipfile",
    "tempfile",
    # Writing a file atomically (secrets: hashlib, hmac, random).
    "kim_cooperation._atomic",
    "secrets",
    # Exports and the translated texts.
    "csv",
    "html",
    "gettext",
    "pkgutil",
    # Parsing typed dates and amounts.
    "kim_cooperation.parsing",
)
"""Modules the first settlement of a built-in agreement must not import (issue 17)."""


def test_the_first_settlement_of_a_preset_imports_only_what_it_needs() -> None:
    imported = _imported_after(
        """
        import sys
        from kim_cooperation import presets, settle
        settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        # Checked here, as the report imports json.
        assert "json" not in sys.modules, "json imported"
        """
    )
    assert "kim_cooperation.settlement" in imported
    assert not {"kim_cooperation.files", "cattrs", "tomllib"} & imported
    assert not set(NOT_FOR_READING) & imported


@pytest.mark.parametrize("name", kim_cooperation.__all__)
def test_every_public_name_resolves_to_its_defining_object(name: str) -> None:
    value = getattr(kim_cooperation, name)
    if name == "presets":
        assert value is importlib.import_module("kim_cooperation.presets")
    elif name != "__version__":
        defining = getattr(value, "__module__", None)
        if isinstance(defining, str) and defining.startswith("kim_cooperation."):
            assert getattr(importlib.import_module(defining), name) is value


def test_dir_lists_every_public_name() -> None:
    assert set(kim_cooperation.__all__) <= set(dir(kim_cooperation))


def test_an_unknown_name_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="module 'kim_cooperation' has no attribute 'settel'"):
        kim_cooperation.settel  # noqa: B018 - the look-up is the test
    assert not hasattr(kim_cooperation, "settel")


def test_explain_stays_the_function_whatever_is_imported_first() -> None:
    # The module is `explanation`, so importing it cannot shadow the function
    # `explain` on the package (a submodule import binds its name there).
    imported = _imported_after(
        """
        import kim_cooperation.report
        import kim_cooperation.explanation
        from kim_cooperation import explain
        assert callable(explain) and explain.__name__ == "explain", explain
        import kim_cooperation as kim
        assert kim.explain is explain
        """
    )
    assert "kim_cooperation.explanation" in imported


def test_importing_the_package_or_settling_imports_no_matplotlib() -> None:
    # The charts (extra ``plot``) import matplotlib when one is drawn, never before.
    imported = _imported_after(
        """
        import kim_cooperation as kim
        from kim_cooperation.projection import project
        plan = kim.presets.coesfeld_cost_plan_2023()
        settlement = kim.settle(kim.presets.coesfeld(), 2023, plan)
        project(kim.presets.coesfeld(), [2023], plan)
        """
    )
    assert "kim_cooperation.settlement" in imported
    assert not {name for name in imported if name.startswith("matplotlib")}
    assert "kim_cooperation._chart" not in imported
    assert not {name for name in _imported_after("import kim_cooperation") if "matplotlib" in name}


def test_importing_the_documents_imports_no_python_docx() -> None:
    # python-docx is the `docx` extra: imported only when a document is written.
    imported = _imported_after("import kim_cooperation, kim_cooperation.documents")
    assert "kim_cooperation.documents" in imported
    assert not {"docx", "lxml"} & imported


def test_importing_the_workbooks_imports_no_openpyxl() -> None:
    # openpyxl is the `excel` extra: imported only when a workbook is written.
    imported = _imported_after(
        "import kim_cooperation, kim_cooperation.workbooks, kim_cooperation.billing"
    )
    assert {"kim_cooperation.workbooks", "kim_cooperation._excel"} <= imported
    assert not {name for name in imported if name.startswith("openpyxl")}
