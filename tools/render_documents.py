"""Write sample documents and render their pages, to look at them as a clerk would.

    python tools/render_documents.py [OUTPUT_FOLDER] [--docs]

Writes, for the built-in Coesfeld agreement (2023, Mitte and Süd as a planning
assumption) and the invented example agreement (a handover of the employer
within 2026):

* the council paper's section "Finanzielle Auswirkungen" for Coesfeld
  (employer) and Billerbeck (member) in the council paper's layout, Nottuln in
  the NKF layout with the assumption, and Coesfeld in English;
* the billing letters of 2023 with advances (one to pay, one refunded, one
  settled) in German and English, and those of the example's 2026;

then converts every .docx to PDF with ``soffice --headless --convert-to pdf``
and every PDF page to PNG with ``pdftoppm -png -r 60``. Open the PNGs with an
image viewer. ``--docs`` copies two pages to ``docs/images/documents/`` for
the how-to page. Needs the ``docx`` extra, LibreOffice and poppler-utils.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from kim_cooperation import presets, settle
from kim_cooperation.billing import billing_statements
from kim_cooperation.documents import write_billing_letters, write_impact_document

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2024, 3, 1)
ASSUMPTION_DE = (
    "Kosten der Regionen Mitte und Süd: Planungsannahme (Kosten je Vollzeitstelle der "
    "Region Nord, 68.000,00 €), da die Ratsvorlage keine Kosten nennt."
)
ASSUMPTION_EN = (
    "Costs of Regions Mitte and Süd: a planning assumption (Region Nord's cost per "
    "full-time post, €68,000.00); the council paper gives none."
)


def write_samples(folder: Path) -> list[Path]:
    """Write the sample documents into ``folder``; return their paths."""
    agreement = presets.coesfeld()
    paper = settle(agreement, 2023, presets.coesfeld_cost_plan_2023())
    planning = settle(agreement, 2023, presets.coesfeld_planning_costs_2023())
    written = [
        write_impact_document(paper, "Coesfeld", folder / "impact-coesfeld.docx", day=DAY),
        write_impact_document(paper, "Billerbeck", folder / "impact-billerbeck.docx", day=DAY),
        write_impact_document(
            planning,
            "Nottuln",
            folder / "impact-nottuln-nkf.docx",
            layout="nkf",
            assumptions=[ASSUMPTION_DE],
            day=DAY,
        ),
        write_impact_document(
            planning,
            "Dülmen",
            folder / "impact-duelmen-en.docx",
            lang="en",
            assumptions=[ASSUMPTION_EN],
            day=DAY,
        ),
    ]
    advances = {
        "Billerbeck": Decimal("6000"),
        "Havixbeck": Decimal("8125"),
        "Rosendahl": Decimal("9000"),
    }
    statements = billing_statements(paper, advances=advances)
    written += write_billing_letters(statements, folder / "letters-de", day=DAY)
    written += write_billing_letters(statements, folder / "letters-en", lang="en", day=DAY)
    example = presets.example().give_notice(
        "Brunnfeld", dt.date(2025, 9, 30), successor="Eichhagen"
    )
    handover = settle(example, 2026, presets.example_cost_plans()[2026])
    written += write_billing_letters(
        billing_statements(handover), folder / "letters-example", day=DAY
    )
    return written


def render(document: Path) -> list[Path]:
    """Convert ``document`` to PDF and its pages to PNG beside it; return the PNGs."""
    folder = document.parent
    with tempfile.TemporaryDirectory() as profile:
        # A profile of its own: a LibreOffice already open elsewhere does not take the job.
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(document),
            ],
            check=True,
            capture_output=True,
        )
    pdf = document.with_suffix(".pdf")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(document.with_suffix(""))], check=True
    )
    return sorted(folder.glob(document.stem + "-*.png"))


def main() -> int:
    """Write, convert and list the pages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=Path("build/documents"))
    parser.add_argument("--docs", action="store_true", help="copy two pages to docs/images")
    arguments = parser.parse_args()
    output: Path = arguments.output
    output.mkdir(parents=True, exist_ok=True)
    pages = []
    for document in write_samples(output):
        pages += render(document)
    for page in pages:
        print(page)
    if arguments.docs:
        images = ROOT / "docs" / "images" / "documents"
        images.mkdir(parents=True, exist_ok=True)
        shutil.copy(output / "impact-coesfeld-1.png", images / "impact-coesfeld.png")
        shutil.copy(
            output / "letters-de" / "Jahresabrechnung-2023-Nord-Billerbeck-1.png",
            images / "letter-billerbeck.png",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
