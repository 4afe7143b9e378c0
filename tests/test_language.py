"""German throughout under ``--lang de``: the catalogue is complete and every command speaks German.

Two checks that cannot pass silently:

* the catalogue (``locale/de/LC_MESSAGES/kim_cooperation.po``) has a German
  text for every text the code marks, with the same placeholders, and the
  shipped ``.mo`` file is the compiled ``.po`` file;
* every command, run with ``--lang de`` for its help, a success in each
  format and each kind of error, prints no English word; the same runs
  with ``--lang en`` must trip the same check, so the check is seen to work.
"""

from __future__ import annotations

import contextlib
import csv
import gettext
import io
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from kim_cooperation.cli import main

babel_messages = pytest.importorskip("babel.messages")
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

PACKAGE = Path(__file__).parent.parent / "src" / "kim_cooperation"
PO = PACKAGE / "locale" / "de" / "LC_MESSAGES" / "kim_cooperation.po"
KEYWORDS = {"_t": None, "N_": None, "translate": (1,)}
"""The functions that mark texts, as `babel` extracts them (docs: Languages)."""


def _marked() -> set[str]:
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=(),
        # Babel skips directories named with a leading underscore by default; the private
        # subpackages (`_checks/`) hold marked texts too. Only hidden directories are skipped.
        directory_filter=lambda path: not Path(path).name.startswith("."),
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def _catalogue() -> dict[str, str]:
    with PO.open("rb") as file:
        catalogue = read_po(file, locale="de")
    assert not catalogue.fuzzy
    return {
        str(message.id): str(message.string)
        for message in catalogue
        if message.id and not message.fuzzy
    }


def test_every_marked_text_has_a_german_text_and_nothing_else_is_listed() -> None:
    marked = _marked()
    catalogue = _catalogue()
    assert marked, "extraction found no text: the keywords are wrong"
    assert sorted(marked - catalogue.keys()) == [], "texts without a German text"
    assert sorted(catalogue.keys() - marked) == [], "stale texts in the catalogue"
    assert [text for text, german in catalogue.items() if not german.strip()] == []


_FIELDS = re.compile(r"\{\w+\}|%(?:\(\w+\))?[sr]|%%")


@pytest.mark.parametrize(("english", "german"), sorted(_catalogue().items()))
def test_a_translation_keeps_the_placeholders(english: str, german: str) -> None:
    # A named field may stand twice in German where English says "its" ("der Anteil von
    # {party}"); positional ones (%s) must match one for one.
    german_fields, english_fields = _FIELDS.findall(german), _FIELDS.findall(english)
    assert set(german_fields) == set(english_fields)
    positional = {"%s", "%r", "%%"}
    assert [field for field in german_fields if field in positional] == [
        field for field in english_fields if field in positional
    ]


def test_the_shipped_mo_file_is_the_compiled_po_file() -> None:
    data = (
        resources.files("kim_cooperation")
        .joinpath("locale/de/LC_MESSAGES/kim_cooperation.mo")
        .read_bytes()
    )
    compiled = gettext.GNUTranslations(io.BytesIO(data))
    shipped = {
        key: value
        for key, value in compiled._catalog.items()  # type: ignore[attr-defined]
        if key  # the header
    }
    assert shipped == _catalogue(), "run pybabel compile (docs: Languages)"


# --------------------------------------------------------------------------- the commands

ENGLISH: frozenset[str] = frozenset(
    [
        "the",
        "and",
        "of",
        "is",
        "are",
        "to",
        "for",
        "with",
        "not",
        "from",
        "by",
        "or",
        "at",
        "on",
        "be",
        "been",
        "has",
        "have",
        "was",
        "which",
        "when",
        "what",
        "must",
        "should",
        "would",
        "could",
        "can",
        "cannot",
        "given",
        "got",
        "write",
        "such",
        "one",
        "each",
        "every",
        "any",
        "per",
        "without",
        "usage",
        "options",
        "positional",
        "arguments",
        "error",
        "warning",
        "show",
        "help",
        "message",
        "exit",
        "expected",
        "required",
        "unrecognized",
        "invalid",
        "choose",
        "choices",
        "ambiguous",
        "allowed",
        "ignored",
        "costs",
        "funding",
        "share",
        "own",
        "part",
        "owes",
        "baseline",
        "settlement",
        "year",
        "years",
        "town",
        "towns",
        "region's",
        "council",
        "paper",
        "file",
        "folder",
        "default",
        "number",
        "language",
        "format",
        "day",
        "days",
        "month",
        "months",
        "employer",
        "successor",
        "notice",
        "received",
        "member",
        "until",
        "end",
        "deadline",
        "latest",
        "version",
        "program",
    ]
)
"""Words that are English and never German; a German line containing one is untranslated."""

_NOT_WORDS = re.compile(
    r"--[\w-]+"  # option names are the same in both languages
    r"|\{[^}]*\}"  # choices: {text,json,csv}
    r"|'[^']*'"  # a value the user typed, quoted
    r"|\b(?:council-paper|nkf|text|json|csv|de|en|coesfeld|example)\b"  # choices' values
    r"|\b(?:report|settle|deadline|project|scenario|explain|billing)\b"  # command names
    r"|/[\w./-]+"  # paths
    # a key's path in an agreement file: funding: ..., regions[0].members[1]: ...
    r"|\b[a-z_]+(?=[\[.])|\b(?:funding|parties|regions|cost_plans|population|policies)(?=: )"
)

_AGREEMENT = (PACKAGE / "data" / "coesfeld.toml").read_text(encoding="utf-8")
"""The built-in agreement's file, changed by the error runs into files with one problem each."""

COMMANDS = ("report", "settle", "deadline", "project", "scenario", "explain", "billing")


def _without_identifiers(text: str) -> str:
    """German CSV without its ``Kennung`` column, whose values are identifiers, not words.

    The column is documented as such (docs: Exports): ``own_share`` is
    the same in both languages, like a clause id.
    """
    lines = text.splitlines()
    if not lines or "Kennung" not in lines[0].split(";"):
        return text
    rows = list(csv.reader(lines, delimiter=";"))
    column = rows[0].index("Kennung")
    return "\n".join(";".join(row[:column] + row[column + 1 :]) for row in rows)


def _english_words(text: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+(?:'s)?", _NOT_WORDS.sub(" ", _without_identifiers(text)))
    return sorted({word for word in words if word.casefold() in ENGLISH})


def _run(argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as stop:  # --help
            status = int(stop.code or 0)
    return status, out.getvalue() + err.getvalue()


def _runs(tmp: Path) -> Iterator[tuple[str, list[str], int]]:
    """Every command's help, successes and each kind of error, with the exit status expected."""
    yield "help", ["--help"], 0
    for command in COMMANDS:
        yield f"help {command}", [command, "--help"], 0
    successes = {
        "report": ["report"],
        "report-example": ["--agreement", "example", "report"],
        "settle": ["settle", "--year", "2023"],
        "deadline-received": ["deadline", "--received", "30.06.2024"],
        "deadline-year": ["deadline", "--year", "2026"],
        "deadline-end": ["--agreement", "example", "deadline", "--year", "2027"],
        "project": ["project", "--from", "2023", "--to", "2025", "--growth", "3 %"],
        "scenario": [
            "scenario",
            "--from",
            "2024",
            "--to",
            "2025",
            "--rate",
            "57000",
            "--loss-from",
            "01.01.2025",
            "--notice",
            "Rosendahl=30.06.2024",
        ],
        "explain": ["explain", "--party", "Billerbeck", "--year", "2023"],
        "billing": ["billing", "--year", "2023", "--out", str(tmp / "abrechnung.csv")],
    }
    for name, argv in successes.items():
        for shape in ("text", "csv"):
            yield f"{name} {shape}", [*argv, "--format", shape], 0
    yield "billing csv out", ["billing", "--year", "2023", "--format", "csv"], 0
    # The files: a chart, a workbook, a council paper's section, the billing letters.
    files = {
        "project chart": ["project", "--from", "2023", "--to", "2024", "--format", "svg"],
        "project workbook": ["project", "--from", "2023", "--to", "2024", "--format", "xlsx"],
        "scenario workbook": [
            *["scenario", "--from", "2024", "--to", "2024", "--rate", "57000"],
            *["--format", "xlsx"],
        ],
        "settle chart": ["settle", "--year", "2023", "--region", "Nord", "--format", "pdf"],
        "settle key": [
            *["settle", "--year", "2023", "--region", "Süd", "--chart", "key"],
            *["--format", "svg"],
        ],
        "report document": ["report", "--format", "docx"],
    }
    for name, argv in files.items():
        yield name, [*argv, "--output", str(tmp / f"datei.{argv[-1]}")], 0
    yield (
        "billing letters",
        ["billing", "--year", "2023", "--format", "docx", "--out", str(tmp)],
        0,
    )
    errors = {
        "unknown option": ["settle", "--year", "2023", "--bogus"],
        "missing option": ["settle"],
        "missing value": ["settle", "--year"],
        "one of": ["deadline"],
        "not together": ["deadline", "--year", "2026", "--received", "30.06.2024"],
        "bad choice": ["--layout", "tabelle"],
        "unknown command": ["setle"],
        "bad year": ["settle", "--year", "zwanzig"],
        "bad date": ["deadline", "--received", "30.02.2024"],
        "ambiguous amount": ["scenario", "--from", "2024", "--to", "2024", "--rate", "57.000"],
        "bad rate": ["project", "--from", "2023", "--to", "2024", "--growth", "3"],
        "unknown town": ["explain", "--party", "Münster", "--year", "2023"],
        "years out of order": ["project", "--from", "2025", "--to", "2023"],
        "no cost plan": ["settle", "--year", "2020"],
        "missing file": ["--agreement", str(tmp / "fehlt.toml"), "settle", "--year", "2023"],
        "billing without out": ["billing", "--year", "2023"],
        "billing bad out": ["billing", "--year", "2023", "--out", str(tmp / "a.txt")],
        "bad advance": ["billing", "--year", "2023", "--format", "csv", "--advance", "x"],
        "format not given": ["deadline", "--year", "2026", "--format", "png"],
        "format before the command": ["--format", "docx", "explain", "--party", "Olfen"],
        "no file for a binary format": ["report", "--format", "docx"],
        "no folder for the letters": ["billing", "--year", "2023", "--format", "docx"],
        "a file without its format": ["settle", "--year", "2023", "--output", str(tmp / "a.png")],
        "a file of another format": [
            *["project", "--from", "2023", "--to", "2024", "--format", "pdf"],
            *["--output", str(tmp / "a.png")],
        ],
        "a region without a chart": ["settle", "--year", "2023", "--region", "Nord"],
        "a chart without a region": [
            *["settle", "--year", "2023", "--format", "png", "--output", str(tmp / "a.png")],
        ],
    }
    # Errors of the rules and of the file readers, which the command line passes on as they are.
    (tmp / "ohne-alles.toml").write_text('name = "x"\n', encoding="utf-8")
    (tmp / "kaputt.toml").write_text("x = [\n", encoding="utf-8")
    (tmp / "negativ.toml").write_text(
        _AGREEMENT.replace('personnel = "163000.00"', 'personnel = "-1"'), encoding="utf-8"
    )
    (tmp / "unbekannt.toml").write_text(
        _AGREEMENT.replace('members = ["Coesfeld"', 'members = ["Münster"'), encoding="utf-8"
    )
    (tmp / "szenarien.toml").write_text(
        '[[variants]]\nname = "x"\nnotices = [{ party = "Münster", received = "30.06.2025" }]\n'
        '[[variants]]\nname = "y"\nrates = [{ valid_from = 2026-01-01, amount = "-5" }]\n',
        encoding="utf-8",
    )
    errors.update(
        {
            "file without keys": ["--agreement", str(tmp / "ohne-alles.toml"), "report"],
            "file syntax": ["--agreement", str(tmp / "kaputt.toml"), "report"],
            "file negative costs": ["--agreement", str(tmp / "negativ.toml"), "report"],
            "file unknown town": ["--agreement", str(tmp / "unbekannt.toml"), "report"],
            "scenario file": [
                "scenario",
                "--from",
                "2026",
                "--to",
                "2026",
                "--file",
                str(tmp / "szenarien.toml"),
            ],
            "negative advance": [
                "billing",
                "--year",
                "2023",
                "--format",
                "csv",
                "--advance",
                "Billerbeck=-5",
            ],
            "employer leaves": [
                "scenario",
                "--from",
                "2024",
                "--to",
                "2026",
                "--notice",
                "Coesfeld=30.06.2024",
            ],
            "an end the terms do not allow": ["deadline", "--end", "31.05.2027"],
            "rate from without rate": [
                "scenario",
                "--from",
                "2024",
                "--to",
                "2024",
                "--rate-from",
                "01.07.2024",
            ],
            "explain a year without a plan": ["explain", "--party", "Olfen", "--year", "2019"],
        }
    )
    for name, argv in errors.items():
        yield f"error {name}", argv, 2


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_command_speaks_the_chosen_language(tmp_path: Path, lang: str) -> None:
    found: dict[str, list[str]] = {}
    for name, argv, status in _runs(tmp_path):
        shown_status, output = _run([*argv, "--lang", lang])
        assert shown_status == status, (name, output)
        assert output.strip(), name
        words = _english_words(output)
        if words:
            found[name] = words
    if lang == "de":
        assert found == {}
    else:
        # The check is seen to work: English output trips it, for each kind of run.
        quiet = [name for name, _, _ in _runs(tmp_path) if name not in found]
        assert quiet == [], "runs in which the check found no English under --lang en"
