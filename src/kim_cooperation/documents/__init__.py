"""Word documents: the council paper's financial impact and the annual billing letters (C5–C9).

Two documents a town's staff would otherwise retype:

* `write_impact_document`: the council paper's section "Finanzielle
  Auswirkungen" for any town and year, both tables ("Auswirkungen auf die
  Finanzrechnung" and "… auf die Ergebnisrechnung") in the council paper's
  layout or the NKF layout (`kim_cooperation.impact.Layout`), the basis of the
  town's part, the assumptions behind the costs and a note for each clause
  the tables cite;
* `write_billing_letters`: each paying town's annual billing statement
  (`kim_cooperation.billing.BillingStatement`) as a letter of its region's
  employer, one .docx file a town.

Both need the ``docx`` extra (``pip install kim-cooperation[docx]``); python-docx
is imported only when a document is written. The documents open in Word and
LibreOffice: A4, DIN 5008 margins, Arial, tables with fixed column widths,
amounts right-aligned with cents (``10.000,00 €`` in German, ``€10,000.00``
in English), the document properties set (title, subject, author
``kim_cooperation``, language ``de-DE`` or ``en-GB``). Every figure is the
library's, formatted by `kim_cooperation.formatting.format_eur`; every text
is a catalogue text, so a document is German or English throughout.

Every file is written whole or not at all (`kim_cooperation._atomic`).

The package, one concept a module: the public functions here; the council
paper's section in ``documents/_impact.py``; the letters in
``documents/_letters.py``; the clause notes in ``documents/_texts.py``; the
Word primitives (page, fonts, properties, tables), which know no result, in
``documents/_word.py``.

Examples:
    >>> import datetime as dt, pathlib, tempfile
    >>> import docx
    >>> from kim_cooperation import presets, settle
    >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = write_impact_document(settlement, "Coesfeld", pathlib.Path(folder) / "rat.docx",
    ...                                  day=dt.date(2024, 3, 1))
    ...     document = docx.Document(path)
    >>> document.core_properties.title, document.core_properties.language
    ('Finanzielle Auswirkungen 2023 – Stadt Coesfeld', 'de-DE')
    >>> [cell.text for cell in document.tables[0].rows[1].cells]
    ['170.000,00 €', '137.500,00 €', '24.375,00 €', '8.125,00 €']
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from kim_cooperation import _atomic
from kim_cooperation._checks import check_date, check_instance, check_lang, shown, tuple_of
from kim_cooperation.billing import BillingStatement
from kim_cooperation.documents._word import load_docx
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.impact import Layout, Role, financial_impact
from kim_cooperation.party import Party
from kim_cooperation.settlement import Settlement

__all__ = ["write_billing_letters", "write_impact_document"]


def _path(value: object, *, what: str) -> Path:
    """``value`` as a `Path` if it is a str or an `os.PathLike` of str; refused otherwise."""
    if isinstance(value, str | os.PathLike):
        name = os.fspath(value)
        if isinstance(name, str):
            return Path(name)
    raise InvalidTypeError(
        f"{what} must be a str or a pathlib.Path, got {type(value).__name__} {shown(value)}"
        + (
            "; decode a path of bytes first, e.g. os.fsdecode(path)"
            if isinstance(value, bytes)
            else ""
        )
    )


def _today(day: dt.date | None) -> dt.date:
    if day is None:
        return dt.datetime.now(dt.UTC).astimezone().date()
    return check_date(day, what="day")


def write_impact_document(
    settlement: Settlement,
    party: str | Party,
    path: str | os.PathLike[str],
    *,
    layout: Layout | str = Layout.COUNCIL_PAPER,
    lang: Lang = "de",
    assumptions: Sequence[str] = (),
    day: dt.date | None = None,
) -> Path:
    """Write a town's council-paper section "Finanzielle Auswirkungen" as a .docx file.

    The document holds, under the title and the agreement's name, the town's
    role and budget year (as `kim_cooperation.report.render_impact` heads
    them), the finance statement and the result statement of
    `kim_cooperation.impact.financial_impact` in ``layout``, each amount with
    its clause; whether the effect recurs yearly (C11) or concerns the budget
    year only (C12); the basis of the town's part (its region's costs,
    funding and own share, C4, C7, C8); the ``assumptions``; and one note for
    each clause cited.

    Needs the ``docx`` extra (``pip install kim-cooperation[docx]``).

    Args:
        settlement: The settlement of the year.
        party: The town, as a `Party`, an AGS or a name.
        path: The file to write (``.docx``); an existing file is replaced,
            whole or not at all.
        layout: ``"council-paper"`` (default, the Coesfeld paper's tables) or
            ``"nkf"`` (the standard NKF lines).
        lang: ``"de"`` (default) or ``"en"``.
        assumptions: Notes on where the costs come from, in ``lang``, one
            paragraph each under "Annahmen"; give them when the costs are a
            planning assumption (e.g. another region's cost per post). None:
            no such section.
        day: The date of the document (its "computed on" line and
            properties); today by default.

    Returns:
        The path written.

    Raises:
        ModuleNotFoundError: python-docx is not installed.
        InvalidTypeError: ``settlement`` is not a `Settlement`, an assumption
            is not a str, ``path`` is not a str or a path, or ``day`` is not a
            date.
        InvalidValueError: An unknown ``layout`` or ``lang``, or the town
            left before the year.
        UnknownPartyError: ``party`` is not a party to the agreement.
        OSError: The file cannot be written; an existing file is untouched.

    Examples:
        >>> import datetime as dt, pathlib, tempfile
        >>> import docx
        >>> from kim_cooperation import presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_planning_costs_2023())
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = write_impact_document(
        ...         settlement, "Nottuln", pathlib.Path(folder) / "impact.docx", layout="nkf",
        ...         lang="en", assumptions=["Costs of Region Mitte: planning assumption."],
        ...         day=dt.date(2024, 3, 1))
        ...     document = docx.Document(path)
        >>> [cell.text for cell in document.tables[1].rows[-1].cells]
        ['Ordinary result', '-€6,500.00', 'C7']
    """
    load_docx("write_impact_document")
    check_instance(
        settlement,
        Settlement,
        what="settlement",
        how="settle the year with kim_cooperation.settle",
    )
    lang = check_lang(lang)
    notes = tuple_of(assumptions, str, what="assumptions")
    when = _today(day)
    target = _path(path, what="path")
    impact = financial_impact(settlement, party, layout=layout)
    from kim_cooperation.documents._impact import impact_document  # noqa: PLC0415

    document = impact_document(settlement, impact, lang=lang, assumptions=notes, day=when)
    _atomic.write_bytes(target, document.data)
    return target


def write_billing_letters(
    statements: Iterable[BillingStatement],
    directory: str | os.PathLike[str],
    *,
    lang: Lang = "de",
    day: dt.date | None = None,
) -> tuple[Path, ...]:
    """Write each paying town's annual billing statement as a letter, one .docx file a town (C9).

    A letter is issued by the statement's employer to a town it bills (the
    employer bears its own part and gets none): the employer and the
    agreement at the head, the addressee, the date line, the statement's
    title as the subject; a table of the region's costs (C8), funding (C5 or
    C10), own share (C7), the town's part (C4, or C12 after a withdrawal),
    its advances and the balance (C9); after a handover within the year the
    period billed (I10); a sentence on the balance (to pay, refunded, or
    settled); and one note for each clause cited.

    The files are named ``Jahresabrechnung-<year>-<region>-<town>.docx``
    (``Annual-billing-…`` in English; umlauts written ``ue``, ``oe``, ``ae``;
    the employer added before the town where a region has several
    statements in the year). ``directory`` is created if it does not exist.

    All letters are built before the first is written, so a statement that
    cannot be written leaves no file behind. Each file is then written whole
    or not at all. If writing one fails (a full disk, no permission), the
    letters before it are complete, that file and the ones after it are not
    written (an existing file of that name stays as it was), and the
    `OSError` names the file; a note on it lists the letters already written.

    Needs the ``docx`` extra (``pip install kim-cooperation[docx]``).

    Args:
        statements: The statements, e.g. from
            `kim_cooperation.billing.billing_statements`.
        directory: The folder to write the letters into.
        lang: ``"de"`` (default) or ``"en"``.
        day: The date of the letters; today by default.

    Returns:
        The paths written, in the order of the statements and their towns.

    Raises:
        ModuleNotFoundError: python-docx is not installed.
        InvalidTypeError: An item is not a `BillingStatement`, ``directory``
            is not a str or a path, or ``day`` is not a date.
        InvalidValueError: No statements, an unknown ``lang``, or two letters
            with the same file name.
        OSError: A letter cannot be written; see above.

    Examples:
        >>> import datetime as dt, pathlib, tempfile
        >>> from decimal import Decimal
        >>> import docx
        >>> from kim_cooperation import presets, settle
        >>> from kim_cooperation.billing import billing_statements
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> statements = billing_statements(settlement, advances={"Billerbeck": Decimal("6000")})
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     paths = write_billing_letters(statements, folder, day=dt.date(2024, 3, 1))
        ...     print([path.name for path in paths])
        ...     letter = docx.Document(paths[0])
        ['Jahresabrechnung-2023-Nord-Billerbeck.docx', 'Jahresabrechnung-2023-Nord-Havixbeck.docx',
         'Jahresabrechnung-2023-Nord-Rosendahl.docx']
        >>> [cell.text for cell in letter.tables[0].rows[-1].cells]
        ['Saldo (+ Nachzahlung, − Erstattung)', '2.125,00 €', 'C9']
    """
    load_docx("write_billing_letters")
    found = tuple_of(statements, BillingStatement, what="billing statements")
    if not found:
        raise InvalidValueError(
            N_("no billing statements given; pass those of billing_statements()")
        )
    lang = check_lang(lang)
    when = _today(day)
    folder = _path(directory, what="directory")
    from kim_cooperation.documents._letters import (  # noqa: PLC0415
        letter_document,
        letter_name,
    )

    regions = [(statement.year, statement.region) for statement in found]
    letters: dict[Path, bytes] = {}
    for statement in found:
        several = regions.count((statement.year, statement.region)) > 1
        for entry in statement.entries:
            if entry.role is not Role.MEMBER:
                continue
            target = folder / letter_name(statement, entry, lang, with_employer=several)
            if target in letters:
                raise InvalidValueError(
                    N_("two billing letters would have the same file name {name}"),
                    name=target.name,
                )
            letters[target] = letter_document(statement, entry, lang=lang, day=when).data
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for target, data in letters.items():
        try:
            _atomic.write_bytes(target, data)
        except OSError as error:
            named = OSError(error.errno, error.strerror or str(error), str(target))
            named.add_note(
                "letters written: "
                + (", ".join(path.name for path in written) if written else "none")
                + f"; not written: {target.name} and the {len(letters) - len(written) - 1} "
                "after it"
            )
            raise named from error
        written.append(target)
    return tuple(written)
