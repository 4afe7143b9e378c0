"""The ``billing`` command: a year's billing statements as .xlsx, CSV, JSON or letters (C9, I10).

`_run_billing` writes the statements to ``--out`` (atomically, through
`kim_cooperation._atomic` or the workbook writer) or to standard output;
with ``--format docx`` each paying town's letter into the folder ``--out``
(`_write_letters`);
`_advances` reads the advances already paid (``--advance``), by town, or by
town and employer after a handover within the year (I10).
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kim_cooperation.cli._files import _extra
from kim_cooperation.cli._formats import _csv_row
from kim_cooperation.cli._language import _t
from kim_cooperation.cli._source import _source, _town
from kim_cooperation.errors import Phrase
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from collections.abc import Sequence

    from kim_cooperation.agreement import Agreement
    from kim_cooperation.billing import AdvanceKey, BillingStatement
    from kim_cooperation.settlement import Settlement


def _advances(
    arguments: argparse.Namespace, agreement: Agreement, settlement: Settlement
) -> dict[AdvanceKey, Decimal]:
    """The advances ``--advance TOWN=AMOUNT`` and ``TOWN@EMPLOYER=AMOUNT`` give (C9, I10)."""
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    advances: dict[AdvanceKey, Decimal] = {}
    for given, amount in arguments.advance:
        town, separator, employer = given.partition("@")
        party = _town(agreement, town, arguments, "--advance").name
        creditors = list(
            dict.fromkeys(
                line.creditor.name for line in settlement.billing if line.debtor.name == party
            )
        )
        if not separator and len(creditors) > 1:
            # After a handover within the year the town owes each employer its part (C9, I10).
            raise InvalidValueError(
                N_(
                    "--advance {given}=... is ambiguous: {town} is billed by {employers} in "
                    "{year}; name the employer the advance was paid to, e.g. "
                    "--advance {town}@{first}={amount}"
                ),
                given=given,
                town=party,
                first=creditors[0],
                employers=Phrase(
                    N_("{names} and {last}"), names=", ".join(creditors[:-1]), last=creditors[-1]
                ),
                year=arguments.year,
                amount=Phrase(N_("AMOUNT")),
            )
        key: AdvanceKey = (
            (party, _town(agreement, employer, arguments, "--advance").name)
            if separator
            else party
        )
        if key in advances:
            shown = f"{key[0]}@{key[1]}" if isinstance(key, tuple) else key
            raise InvalidValueError(N_("--advance names {town} twice"), town=shown)
        advances[key] = amount
    return advances


def _run_billing(arguments: argparse.Namespace) -> str:
    from kim_cooperation import export, settle  # noqa: PLC0415
    from kim_cooperation._atomic import write_text  # noqa: PLC0415
    from kim_cooperation.billing import (  # noqa: PLC0415
        billing_csv,
        billing_statements,
        write_billing_workbook,
    )
    from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

    out: Path | None = arguments.out
    suffix = None if out is None else out.suffix.lower()
    letters = arguments.format == "docx"  # --out is then the folder of the letters
    if out is not None and not letters and suffix not in (".xlsx", ".csv", ".json"):
        raise InvalidValueError(
            N_("--out must end in .xlsx, .csv or .json, got {out}"), out=repr(str(out))
        )
    if out is None and arguments.format == "text":
        raise InvalidValueError(
            N_(
                "billing needs --out FILE (.xlsx, .csv or .json), or --format json or csv for "
                "standard output"
            )
        )
    source = _source(arguments.agreement, arguments.lang)
    plan, _ = source.plan_for(arguments.year)
    settlement = settle(source.agreement, arguments.year, plan)
    advances = _advances(arguments, source.agreement, settlement)
    statements = billing_statements(settlement, advances=advances or None)
    if letters and out is not None:
        return _write_letters(statements, out, arguments)
    if out is None:
        if arguments.format == "json":
            return json.dumps(
                [export.to_dict(statement) for statement in statements],
                indent=2,
                ensure_ascii=False,
            )
        return billing_csv(statements, lang=arguments.lang).rstrip("\n")
    if suffix == ".xlsx":
        write_billing_workbook(statements, out, lang=arguments.lang)
    elif suffix == ".csv":
        # With a byte-order mark Excel opens the German CSV with its umlauts intact.
        encoding = "utf-8-sig" if arguments.lang == "de" else "utf-8"
        write_text(out, billing_csv(statements, lang=arguments.lang), encoding=encoding)
    else:
        data = [export.to_dict(statement) for statement in statements]
        write_text(out, json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    count = len(statements)
    record = {"out": str(out), "year": arguments.year, "statements": count, "clause": "C9"}
    if arguments.format == "json":
        return json.dumps(record, indent=2, ensure_ascii=False)
    if arguments.format == "csv":
        return _csv_row(record, arguments.lang)
    summary = (
        _t("{out} written: {count} statement for {year} (C9)")
        if count == 1
        else _t("{out} written: {count} statements for {year} (C9)")
    ).format(out=out, count=count, year=arguments.year)
    return "\n".join([*source.notes, summary])


def _write_letters(
    statements: Sequence[BillingStatement], folder: Path, arguments: argparse.Namespace
) -> str:
    """``--format docx``: each paying town's letter into ``folder``, and the line saying so."""
    from kim_cooperation.documents import write_billing_letters  # noqa: PLC0415

    with _extra("docx"):
        paths = write_billing_letters(
            statements, folder, lang=arguments.lang, day=arguments.document_date
        )
    count = len(paths)
    return (
        _t("{count} billing letter for {year} written into {out} (C9)")
        if count == 1
        else _t("{count} billing letters for {year} written into {out} (C9)")
    ).format(out=folder, count=count, year=arguments.year)
