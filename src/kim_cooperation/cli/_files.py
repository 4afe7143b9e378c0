"""The files a command writes: charts (png, svg, pdf), workbooks (xlsx) and Word documents (docx).

`_extra` turns a missing optional extra (matplotlib, openpyxl, python-docx)
into one line in the chosen language that names the extra to install.
`_save_chart` writes a figure whole or not at all, without the date of its
making, so the same chart gives the same bytes. `_written` words the line
a command prints about the file it wrote; `_years` the years it covers.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

from kim_cooperation.cli._language import _t
from kim_cooperation.errors import InvalidValueError
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_EXTRAS: Final[Mapping[str, tuple[str, str, str]]] = {
    "png": ("plot", "matplotlib", "matplotlib"),
    "svg": ("plot", "matplotlib", "matplotlib"),
    "pdf": ("plot", "matplotlib", "matplotlib"),
    "xlsx": ("excel", "openpyxl", "openpyxl"),
    "docx": ("docx", "python-docx", "docx"),
}
"""Per binary format: the extra that installs its writer, the package, and the module imported."""

_METADATA: Final[Mapping[str, Mapping[str, str | None]]] = {
    # No date and no version in the file: the same chart gives the same bytes.
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": "kim_cooperation"},
    "pdf": {"CreationDate": None, "Creator": "kim_cooperation", "Producer": None},
}

_DPI: Final = 200
"""Pixels per inch of a PNG chart: sharp when printed in a council paper, about 2000 pixels wide."""


@contextlib.contextmanager
def _extra(chosen: str) -> Iterator[None]:
    """Turn the missing package of ``--format chosen`` into an error naming the extra.

    Raises:
        InvalidValueError: The package the format needs is not installed.
    """
    extra, package, module = _EXTRAS[chosen]
    try:
        yield
    except ModuleNotFoundError as error:
        if error.name != module and not (error.name or "").startswith(f"{module}."):
            raise  # another module missing: not the extra's, so not ours to explain
        raise InvalidValueError(
            N_("--format {format} needs {package}; install it with pip install {install}"),
            format=chosen,
            package=package,
            install=f"kim-cooperation[{extra}]",
        ) from error


def _save_chart(figure: Figure, path: Path, chosen: str) -> None:
    """Write ``figure`` as ``chosen`` (png, svg, pdf) to ``path``, whole or not at all."""
    import matplotlib as mpl  # noqa: PLC0415 - the figure exists, so matplotlib does

    from kim_cooperation import _atomic  # noqa: PLC0415

    metadata = dict(_METADATA[chosen])
    if chosen != "png":
        title = figure.get_suptitle()
        metadata["Title"] = " ".join(title.split()) or None
    buffer = io.BytesIO()
    # A fixed salt instead of a random one for the ids inside an SVG: the same bytes each time.
    with mpl.rc_context({"svg.hashsalt": "kim-cooperation"}):
        figure.savefig(
            buffer, format=chosen, dpi=_DPI, metadata=metadata, bbox_inches="tight", pad_inches=0.1
        )
    _atomic.write_bytes(path, buffer.getvalue())


def _written(template: str, path: Path, **fields: object) -> str:
    """The line naming the file written, from a catalogue template with ``{out}``."""
    return _t(template).format(out=path, **fields)


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


_WRITTEN: Final = {
    "project-chart": N_("{out} written: chart of each town's own share per year, {years}"),
    "scenario-chart": N_("{out} written: chart of the differences against the baseline, {years}"),
    "project-xlsx": N_("{out} written: workbook of each town's own share per year, {years}"),
    "scenario-xlsx": N_(
        "{out} written: workbook of the baseline and {count} variants, {years}, "
        "with the differences"
    ),
    "scenario-xlsx-one": N_(
        "{out} written: workbook of the baseline and one variant, {years}, with the differences"
    ),
    "settle-derivation": N_(
        "{out} written: chart of the settlement {year} of Region {region}, "
        "from the costs to the towns' parts"
    ),
    "settle-key": N_("{out} written: chart of the split key of Region {region} in {year}"),
    "report-docx": N_(
        "{out} written: the financial impact {year} for {town}, ready for the council paper"
    ),
}
"""The line each command prints after writing its file, by command and kind of file."""
