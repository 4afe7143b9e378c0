r"""Agreement files: an agreement and its yearly cost plans as TOML or JSON.

Any agreement of the Coesfeld shape can be written down in a file: the
parties with their AGS, the regions with their employer, members and posts,
the dated funding rates, the notice terms, the notices received, the policies
and a cost plan per year. `load_agreement` reads such a file into an
`AgreementFile`, `dump_agreement` writes one, and the two round-trip exactly;
`agreement_from_data` and `agreement_data` do the same for a file already
parsed (the agreement inside a JSON request).
The built-in Coesfeld agreement (`kim_cooperation.presets.coesfeld`) is such
a file inside the package.

A file is checked as a whole: `AgreementFileError` lists every problem at
once, each with the path of the offending value (``regions[1].posts[0].fte``),
what was expected and what was found. Money is a decimal string or an
integer, never a float; dates are TOML dates or ISO strings; a full-time
equivalent is a string such as ``"1/2"`` or ``"0.5"``, or an integer.
`agreement_schema` gives the format as a JSON Schema.

Reading is linear in the towns and bounded: at most `MAX_FILE_BYTES`
(16 MiB, or ``max_bytes``) are read, and text that is not valid Unicode (a
lone surrogate) is refused with its path. Writing (`save_agreement`) is
whole or not at all: an existing file is replaced only by a complete new
one, never left half written.

The package keeps its steps in private modules: `_sources` finds a file,
tells its format and reads it within bounds; `_reading` parses TOML or JSON;
`_records` holds the file's tables; `_converter` structures data into them
and back (cattrs), with the problems of form; `_building` builds the
agreement from them, with the problems of meaning; `_problems` words each
problem with its path; `_writing` writes an agreement as text; `_schema`
generates the JSON Schema.

Examples:
    >>> from kim_cooperation import presets
    >>> from kim_cooperation.files import dump_agreement, loads_agreement
    >>> text = dump_agreement(presets.coesfeld(), format="json")
    >>> loads_agreement(text, format="json").agreement == presets.coesfeld()
    True
    >>> loads_agreement('name = "Test"\nstart = 2023-01-01\nregions = 3\n')
    Traceback (most recent call last):
    ...
    kim_cooperation.errors.AgreementFileError: the agreement file has 3 problems:
      parties: required key is missing; expected an array of tables (Party)
      regions: expected an array of tables (Region), got integer 3
      funding: required key is missing; expected an array of tables (FundingRate)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import attrs

from kim_cooperation._checks import FrozenMapping, check_year, shown
from kim_cooperation.agreement import Agreement
from kim_cooperation.agreement._costs import costs_by_region
from kim_cooperation.costs import CostStatement
from kim_cooperation.errors import AgreementFileError, InvalidTypeError
from kim_cooperation.files._problems import _not_unicode, _shorten
from kim_cooperation.files._reading import _read, _structured
from kim_cooperation.files._schema import agreement_schema
from kim_cooperation.files._sources import _check_format, _format_of, _path_to_write, _text_of
from kim_cooperation.files._writing import _data, _dump
from kim_cooperation.region import Region

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "MAX_FILE_BYTES",
    "AgreementFile",
    "CostPlans",
    "FileFormat",
    "agreement_data",
    "agreement_from_data",
    "agreement_schema",
    "dump_agreement",
    "load_agreement",
    "loads_agreement",
    "save_agreement",
]

FileFormat: TypeAlias = Literal["toml", "json"]
"""The formats of an agreement file: ``"toml"`` or ``"json"``."""

CostPlans: TypeAlias = Mapping[int, Mapping[str, CostStatement]]
"""Cost plans by year, each by region name."""

_PlanGiven: TypeAlias = (
    Mapping[str, CostStatement]
    | Mapping[Region, CostStatement]
    | Mapping[str | Region, CostStatement]
)
"""A year's plan as given to `AgreementFile`: keyed by region name in any spelling, or Region."""

MAX_FILE_BYTES: Final = 16 * 1024 * 1024
"""The largest agreement file `load_agreement` reads by default: 16 MiB (pass ``max_bytes``)."""

# --------------------------------------------------------------------------- the document type


def _cost_plans(value: Mapping[int, _PlanGiven]) -> CostPlans:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "cost_plans must be a mapping of year to a mapping of region name to "
            f"CostStatement, got {type(value).__name__}"
        )
    plans: dict[int, Mapping[Any, CostStatement]] = {}
    for year, plan in value.items():
        check_year(year, what="cost plan year")
        if not isinstance(plan, Mapping):
            raise InvalidTypeError(
                f"the cost plan for {year} must be a mapping of region name to CostStatement, "
                f"got {type(plan).__name__}"
            )
        plans[year] = FrozenMapping(plan)
    # FrozenMapping, not a mappingproxy: an AgreementFile copies, pickles and hashes.
    return FrozenMapping(dict(sorted(plans.items())))


def _check_agreement(_instance: object, _attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Agreement):
        raise InvalidTypeError(
            f"an agreement file holds an Agreement, got {type(value).__name__} {shown(value)}"
        )


@attrs.frozen(kw_only=True)
class AgreementFile:
    """The contents of an agreement file: the agreement and its cost plans by year.

    Attributes:
        agreement: The agreement (C1–C3, C5, C11) with its notices and policies.
        cost_plans: The planned costs (C8) by year, each by region name; read-only
            mappings in year order, each plan in the agreement's region order.
            Empty unless given. A plan may name a region in any spelling the
            agreement accepts (``"Sued"`` for ``"Süd"``) or by its `Region`;
            it is kept under the region's own name.

    Raises:
        UnknownRegionError: A cost plan names a region the agreement lacks.
        InvalidValueError: A year's plan is empty or names a region twice
            (also in two spellings, ``"Sued"`` and ``"Süd"``).
        InvalidTypeError: A value has the wrong type, or a plan's key is
            neither a `str` nor a `Region`.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets
        >>> document = AgreementFile(
        ...     agreement=presets.coesfeld(),
        ...     cost_plans={2024: {"Nord": CostStatement(personnel=Decimal("170000"))}},
        ... )
        >>> document.cost_plans[2024]["Nord"].total
        Decimal('170000.00')
        >>> coesfeld = presets.coesfeld()
        >>> plan = {"Sued": CostStatement(equipment=900), coesfeld.region("Nord"): CostStatement()}
        >>> list(AgreementFile(agreement=coesfeld, cost_plans={2024: plan}).cost_plans[2024])
        ['Nord', 'Süd']
    """

    agreement: Agreement = attrs.field(validator=_check_agreement)
    cost_plans: CostPlans = attrs.field(factory=dict, converter=_cost_plans, hash=False)

    def __attrs_post_init__(self) -> None:
        # Each plan keyed by the regions' own names, in the agreement's order,
        # however it was keyed ("Sued", a Region): so files round-trip.
        canonical = {
            year: FrozenMapping(
                (region.name, costs)
                for region, costs in costs_by_region(self.agreement, plan).items()
            )
            for year, plan in self.cost_plans.items()
        }
        object.__setattr__(self, "cost_plans", FrozenMapping(canonical))


# --------------------------------------------------------------------------- reading and writing

# The public functions stay here, beside `AgreementFile`: they build or check
# one, and the private modules never import this package at run time.


def _file_read(text: str, file_format: FileFormat, source: str | None) -> AgreementFile:
    """Read an agreement file's text into an `AgreementFile` (see `_reading`)."""
    agreement, cost_plans = _read(text, file_format, source)
    return AgreementFile(agreement=agreement, cost_plans=cost_plans)


def loads_agreement(text: str, *, format: FileFormat = "toml") -> AgreementFile:
    """Read an agreement file from a string.

    Args:
        text: The file's contents.
        format: ``"toml"`` (default) or ``"json"``.

    Returns:
        The agreement and its cost plans.

    Raises:
        AgreementFileError: The text is not a valid agreement file, or holds
            text that is not valid Unicode (a lone surrogate); the error
            lists every problem with the path of its value.
        InvalidTypeError: ``text`` is not a string.
        InvalidValueError: ``format`` is neither ``"toml"`` nor ``"json"``.

    Examples:
        >>> document = loads_agreement('''
        ... name = "Kooperation Mitte"
        ... start = 2024-01-01
        ... parties = [{name = "Dülmen", kind = "Stadt", ags = "05558016"},
        ...            {name = "Nottuln", kind = "Gemeinde", ags = "05558032"}]
        ... funding = [{valid_from = 2024-01-01, amount = "55000.00", source = "Council paper"}]
        ... [[regions]]
        ... name = "Mitte"
        ... employer = "Duelmen"
        ... members = ["Dülmen", "05558032"]
        ... posts = [{label = "Mitte 1", fte = "1/2"}, {label = "Mitte 2", fte = "0.5"}]
        ... [cost_plans.2024.Mitte]
        ... personnel = "70000.00"
        ... ''')
        >>> document.agreement.region("Mitte").fte, document.cost_plans[2024]["Mitte"].total
        (Fraction(1, 1), Decimal('70000.00'))
        >>> loads_agreement(
        ...     '{"name": "x", "start": "2024-01-01", "parties": [], "regions": [], "funding": [{"valid_from": "2024-01-01", "amount": 55000.5, "source": "y"}]}',
        ...     format="json")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.AgreementFileError: the agreement file has 1 problem:
          funding[0].amount: expected money as a decimal string such as "55000.00" or an integer of euros, got float 55000.5; a float cannot hold cents exactly, write "55000.50" (quoted) instead
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"text must be a str, got {type(text).__name__}")
    return _file_read(text, _check_format(format), None)


def load_agreement(
    path: str | os.PathLike[str] | Traversable,
    *,
    format: FileFormat | None = None,
    max_bytes: int = MAX_FILE_BYTES,
) -> AgreementFile:
    r"""Read an agreement file.

    At most ``max_bytes + 1`` bytes are read, so a file that never ends
    (``/dev/zero``) or a huge one is refused without reading it whole. The
    default, `MAX_FILE_BYTES` (16 MiB), holds agreements of about 100,000
    towns; an agreement of 10,000 towns with a year's cost plan takes about
    1.7 MB as JSON.

    Args:
        path: The file: a path (`str` or `pathlib.Path`), or a resource such
            as ``importlib.resources.files(package) / "agreement.toml"``.
        format: ``"toml"`` or ``"json"``; by default the file's suffix
            (``.toml`` or ``.json``) tells.
        max_bytes: The largest file read, in bytes (at least 0).

    Returns:
        The agreement and its cost plans.

    Raises:
        AgreementFileError: The file is larger than ``max_bytes``, is not
            UTF-8 text, holds text that is not valid Unicode (a lone
            surrogate such as JSON's ``"\ud800"``) or is not a valid
            agreement file; the error lists every problem with its path.
        InvalidTypeError: ``path`` is not a `str`, an `os.PathLike` of `str`
            or a `Traversable` (``bytes`` are refused: decode them with
            `os.fsdecode`), or ``max_bytes`` is not an `int`.
        InvalidValueError: The format is not given and the suffix is neither
            ``.toml`` nor ``.json``, or ``max_bytes`` is negative.
        OSError: The file cannot be read.

    Examples:
        >>> import pathlib, tempfile
        >>> from kim_cooperation import presets
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "coesfeld.json"
        ...     save_agreement(presets.coesfeld(), path)
        ...     document = load_agreement(path)
        >>> document.agreement == presets.coesfeld(), dict(document.cost_plans)
        (True, {})
    """
    text, file_format, source = _text_of(path, format=format, max_bytes=max_bytes)
    return _file_read(text, file_format, source)


def agreement_from_data(data: object) -> AgreementFile:
    """Read an agreement file that is already parsed: the data `json.loads` gives for one.

    For a caller that holds the file as data, such as the agreement inside a
    JSON request (`kim_cooperation.contract`): it is checked exactly as
    `loads_agreement` checks the text, without writing it out again. Dates
    may be ISO strings or `datetime.date` values.

    Args:
        data: The file's data: a `dict` of the file's keys, holding what
            `json.loads` or `tomllib.loads` give (dicts, lists, strings,
            integers, booleans, dates).

    Returns:
        The agreement and its cost plans.

    Raises:
        AgreementFileError: The data is not a valid agreement file, or holds
            text that is not valid Unicode (a lone surrogate); every problem
            with the path of its value.
        InvalidTypeError: ``data`` is not a `dict`.

    Examples:
        >>> import json
        >>> from kim_cooperation import presets
        >>> data = json.loads(dump_agreement(presets.example(), format="json"))
        >>> agreement_from_data(data).agreement == presets.example()
        True
        >>> data["regions"][0]["posts"][0]["fte"] = 0.5
        >>> agreement_from_data(data)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.AgreementFileError: the agreement file has 1 problem:
          regions[0].posts[0].fte: expected ... got float 0.5...
    """
    if not isinstance(data, dict):
        raise InvalidTypeError(
            f"data must be a dict of the agreement file's keys, got {type(data).__name__}"
        )
    invalid = _not_unicode(data)
    if invalid:
        raise AgreementFileError(invalid)
    agreement, cost_plans = _structured(data, None)
    return AgreementFile(agreement=agreement, cost_plans=cost_plans)


def agreement_data(document: Agreement | AgreementFile) -> dict[str, Any]:
    """An agreement, and its cost plans if given, as the data of an agreement file.

    What `dump_agreement` writes, before it is written as text: `dict`,
    `list`, `str`, `int` and `bool`, with dates as `datetime.date`.
    `agreement_from_data` reads it back into an equal agreement.

    Raises:
        InvalidTypeError: ``document`` is neither an Agreement nor an AgreementFile.

    Examples:
        >>> from kim_cooperation import presets
        >>> data = agreement_data(presets.coesfeld())
        >>> data["funding"][0]["amount"], data["start"]
        ('55000.00', datetime.date(2023, 1, 1))
        >>> agreement_from_data(data).agreement == presets.coesfeld()
        True
    """
    return _data(_as_file(document))


def _as_file(document: Agreement | AgreementFile) -> AgreementFile:
    """The agreement file to write: ``document``, or an `Agreement` without cost plans."""
    if isinstance(document, Agreement):
        document = AgreementFile(agreement=document)
    elif not isinstance(document, AgreementFile):
        raise InvalidTypeError(
            "expected an Agreement or an AgreementFile, "
            f"got {type(document).__name__} {_shorten(shown(document))}"
        )
    return document


def dump_agreement(
    document: Agreement | AgreementFile,
    *,
    format: FileFormat = "toml",
) -> str:
    r"""Write an agreement, and its cost plans if given, as the text of an agreement file.

    Money is written as decimal strings (``"55000.00"``), full-time
    equivalents as integers or fraction strings (``"1/2"``), dates as TOML
    dates or, in JSON, ISO strings; towns are named by name. Reading the text
    with `loads_agreement` gives an equal agreement and equal cost plans.

    Args:
        document: An `Agreement`, or an `AgreementFile` with cost plans.
        format: ``"toml"`` (default, needs the ``toml`` extra) or ``"json"``.

    Returns:
        The file's text, ending with a newline.

    Raises:
        InvalidTypeError: ``document`` is neither an Agreement nor an AgreementFile.
        InvalidValueError: ``format`` is neither ``"toml"`` nor ``"json"``, or
            a text of the agreement (a name, label or source) is not valid
            Unicode: a lone surrogate such as ``"\ud800"``, which no
            agreement file can hold; the message names its path
            (``parties[3].name``).
        ModuleNotFoundError: TOML is asked for but tomli-w is not installed
            (``pip install kim-cooperation[toml]``).

    Examples:
        >>> from kim_cooperation import presets
        >>> text = dump_agreement(presets.coesfeld())
        >>> lines = text.splitlines()
        >>> for line in lines[lines.index("posts = ["):][:5]:
        ...     print(line)
        posts = [
            { label = "Nord 1", fte = 1 },
            { label = "Nord 2", fte = 1 },
            { label = "Nord 3", fte = "1/2" },
        ]
        >>> print(text[text.index("[[funding]]"):].splitlines()[2])
        amount = "55000.00"
    """
    file_format = _check_format(format)
    return _dump(_as_file(document), file_format)


def save_agreement(
    document: Agreement | AgreementFile,
    path: str | os.PathLike[str],
    *,
    format: FileFormat | None = None,
) -> None:
    """Write an agreement, and its cost plans if given, to an agreement file (UTF-8).

    The file is written whole or not at all: the text goes to a temporary
    file in the same folder, which replaces ``path`` only when it is
    complete and on the disk. If anything fails, an existing file at
    ``path`` stays as it was and no temporary file is left behind. An
    existing file's permissions are kept; a symbolic link is followed.

    Args:
        document: An `Agreement`, or an `AgreementFile` with cost plans.
        path: The file to write; an existing file is replaced.
        format: ``"toml"`` or ``"json"``; by default the suffix tells.

    Raises:
        InvalidTypeError: ``path`` is not a `str` or an `os.PathLike` of `str`.
        InvalidValueError: The format is not given and the suffix is neither
            ``.toml`` nor ``.json``, or a text of the agreement is not valid
            Unicode (see `dump_agreement`); nothing is written.
        ModuleNotFoundError: TOML without tomli-w (see `dump_agreement`).
        OSError: The file cannot be written; an existing file is untouched.

    Examples:
        >>> import pathlib, tempfile
        >>> from kim_cooperation import presets
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     path = pathlib.Path(folder) / "coesfeld.toml"
        ...     save_agreement(presets.coesfeld(), path)
        ...     print(path.read_text(encoding="utf-8").splitlines()[0])
        name = "Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld"
    """
    from kim_cooperation import _atomic  # noqa: PLC0415 - only saving writes a file

    target = _path_to_write(path)
    file_format = _format_of(target.name) if format is None else _check_format(format)
    _atomic.write_text(target, dump_agreement(document, format=file_format))
