"""A command's result in the format ``--format`` asks for: text, JSON, CSV, or a file.

`_emit` gives a result of the library as its text, or as JSON or CSV
through `kim_cooperation.export`. A command whose result is one record
(``deadline``, the summary of ``billing --out``) writes it as JSON or, with
`_csv_row`, as a one-row CSV under German column titles for ``--lang de``.

`_OFFERED` names the formats each command gives: the binary ones (`_FILES`:
a chart, a workbook, a Word document) only into a file. `_check_output`
refuses, before a command runs, a format the command does not give, a
binary format without the file to write, a file without a format to write
it in, and a file name whose suffix is not the format's.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Final

from kim_cooperation.errors import InvalidValueError, Phrase
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.export import Result

_TEXTS: Final = ("text", "json", "csv")
"""The formats written on standard output."""

_CHARTS: Final = ("png", "svg", "pdf")
"""The formats of a chart (extra ``plot``)."""

_FILES: Final = (*_CHARTS, "xlsx", "docx")
"""The binary formats, written into a file only, never on standard output."""

_FORMATS: Final = (*_TEXTS, *_FILES)
"""Every format a command gives; `_OFFERED` says which command gives which."""

_OFFERED: Final[Mapping[str | None, tuple[str, ...]]] = {
    None: (*_TEXTS, "docx"),
    "report": (*_TEXTS, "docx"),
    "settle": (*_TEXTS, *_CHARTS),
    "deadline": _TEXTS,
    "project": (*_TEXTS, *_CHARTS, "xlsx"),
    "scenario": (*_TEXTS, *_CHARTS, "xlsx"),
    "explain": _TEXTS,
    "billing": (*_TEXTS, "docx"),
}
"""The formats each command gives; ``None`` is the report the program gives without a command."""


def _either(names: tuple[str, ...]) -> str | Phrase:
    """``names`` as alternatives, ``"text, json or csv"``, in the language of the message."""
    if len(names) == 1:
        return names[0]
    return Phrase(N_("{names} or {last}"), names=", ".join(names[:-1]), last=names[-1])


def _format_refused(command: str | None, chosen: str) -> InvalidValueError:
    """The error for a format ``command`` does not give, naming the formats it does."""
    return InvalidValueError(
        N_("{command} cannot give --format {format}; it gives {formats}"),
        command=command or "report",
        format=chosen,
        formats=_either(_OFFERED[command]),
    )


def _check_output(arguments: argparse.Namespace) -> None:
    """Refuse a format, file or chart option the command cannot use as given.

    Raises:
        InvalidValueError: The command does not give ``--format``; a binary
            format without ``--output`` (``--out`` for billing); ``--output``
            with a format written on standard output; a file whose suffix is
            not the format's; ``--region`` or ``--chart`` without a chart.
    """
    command: str | None = arguments.command
    chosen: str = arguments.format
    offered = _OFFERED[command]
    if chosen not in offered:
        raise _format_refused(command, chosen)
    option = "--out" if command == "billing" else "--output"
    target = getattr(arguments, "out" if command == "billing" else "output", None)
    files = tuple(name for name in offered if name in _FILES)
    if chosen in _FILES:
        if target is None:
            raise InvalidValueError(
                N_(
                    "--format {format} writes a file, never to standard output: "
                    "give {option} {target}"
                ),
                format=chosen,
                option=option,
                target=Phrase(N_("FOLDER") if command == "billing" else N_("FILE")),
            )
        suffix = f".{chosen}"
        if command != "billing" and target.suffix.lower() != suffix:
            raise InvalidValueError(
                N_("--output must end in {suffix} for --format {format}, got {output}"),
                suffix=suffix,
                format=chosen,
                output=repr(str(target)),
            )
    elif target is not None and command != "billing":
        if not files:
            raise InvalidValueError(
                N_("{command} writes no file; leave out --output"), command=command
            )
        raise InvalidValueError(
            N_("--output is for the files {command} writes: give --format {formats}"),
            command=command or "report",
            formats=_either(files),
        )
    if chosen != "docx" and getattr(arguments, "document_date", None) is not None:
        raise InvalidValueError(
            N_("--date is the date written on documents: give --format docx"),
        )
    if chosen not in _CHARTS and (
        getattr(arguments, "region", None) is not None
        or getattr(arguments, "chart", None) is not None
    ):
        raise InvalidValueError(
            N_(
                "--region and --chart choose the chart: give --format {formats} and "
                "--output {target}"
            ),
            formats=_either(_CHARTS),
            target=Phrase(N_("FILE")),
        )


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
