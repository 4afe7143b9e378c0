"""A command's result in the format ``--format`` asks for: text, JSON or CSV.

`_emit` gives a result of the library as its text, or as JSON or CSV
through `kim_cooperation.export`. A command whose result is one record
(``deadline``, the summary of ``billing --out``) writes it as JSON or, with
`_csv_row`, as a one-row CSV under German column titles for ``--lang de``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final

from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.export import Result

_FORMATS: Final = ("text", "json", "csv")


def _emit(result: Result, arguments: argparse.Namespace, text: Callable[[], str]) -> str:
    if arguments.format == "text":
        return text()
    from kim_cooperation import export  # noqa: PLC0415

    if arguments.format == "json":
        return export.to_json(result)
    return export.to_csv(result, lang=arguments.lang).rstrip("\n")


_DEADLINE_COLUMNS: Final[Mapping[str, str]] = {
    "received": N_("Received"),
    "termination": N_("Member until"),
    "terms": N_("Notice terms"),
    "clause": N_("Clause"),
    "closed_day": N_("Received on a closed day"),
    "next_working_day": N_("Next working day"),
    "termination_if_next_working_day": N_("Member until if received on the next working day"),
    "holidays_checked": N_("Public holidays checked"),
    "warning": N_("Warning"),
    "end": N_("End"),
    "deadline": N_("Deadline"),
    "falls_on_weekend": N_("Deadline on a weekend"),
    "falls_on_closed_day": N_("Deadline on a closed day"),
    "last_working_day": N_("Last working day"),
    "out": N_("File"),
    "year": N_("Year"),
    "statements": N_("Statements"),
}
"""The German column titles of the one-row CSVs (deadline, billing summary); English CSV
keeps the ids, as the exports do."""


def _csv_row(record: Mapping[str, object], lang: str) -> str:
    import csv  # noqa: PLC0415
    import io  # noqa: PLC0415

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if lang == "de" else ",", lineterminator="\n")
    writer.writerow(
        record if lang != "de" else [translate(_DEADLINE_COLUMNS[key], "de") for key in record]
    )
    writer.writerow([_csv_cell(value) for value in record.values()])
    return buffer.getvalue().rstrip("\n")


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as the exports write flags
    return value
