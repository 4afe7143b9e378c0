"""The command line: ``kim-cooperation`` and ``python -m kim_cooperation``.

Run without a subcommand, it prints for the built-in Coesfeld agreement the
council paper's two tables for Coesfeld, in German, and each region's
own-share split per town. The subcommands answer what users ask:

* ``report``: that report, for any town, layout and year;
* ``settle --year``: every region's settlement and the billing lines (C4, C7, C9);
* ``deadline --received DATE``, ``deadline --year`` or ``deadline --end
  DATE``: the last day of membership after a notice, or the last day to
  give notice to end on 31 December of a year or on another end of a
  period the notice terms allow (C11); each with a warning when the day is
  a Saturday, a Sunday, a public holiday of the parties' Länder or a day
  listed with ``--closed`` (24.12. for every year, 24.12.2025 once);
* ``project --from --to``: each town's own share per year, with totals
  (C13 run-on included);
* ``scenario``: a baseline and variants (rate change, loss of funding, a
  town's notice with its successor employer, all give notice) side by
  side, from options or from a scenario file whose named variants each
  combine changes (`kim_cooperation.scenario_file`);
* ``explain --party --year``: a town's figure derived step by step, with
  the split key, its reference day and the spans of a year with changes;
* ``billing --year``: the annual billing statements (C9) as an Excel
  workbook (``.xlsx``), CSV or JSON file (``--out``), or as JSON or CSV on
  standard output.

Every subcommand takes ``--agreement FILE`` (an agreement file, TOML or
JSON, or the name of a built-in agreement: ``coesfeld``, the default, or
``example``, the invented "Kreis Musterland" with its cost plans),
``--format text|json|csv`` and ``--lang de|en``. Files besides: with
``--format png|svg|pdf --output FILE`` the chart of ``project``,
``scenario`` and ``settle`` (``--region``, ``--chart derivation|key``);
with ``--format xlsx --output FILE`` the workbook of ``project`` and
``scenario``; with ``--format docx`` the council paper's section of
``report`` (``--output FILE``) and the letters of ``billing`` (``--out
FOLDER``). A format a command does not give, or a binary format without
its file, is refused. Numbers are in German
format for ``--lang de``. A name that is also a file in the working
directory is refused as ambiguous: write ``./example`` for the file.

Amounts, rates, dates and years are read by `kim_cooperation.parsing`:
``57000``, ``57.000,00`` (de) or ``57,000.00`` (en); ``3 %`` or ``0.03``;
``30.06.2024`` or ``2024-06-30``. Ambiguous forms (``57.000``) are refused,
never guessed. A mistyped town or command gets the closest names as a
suggestion.

Errors in the arguments or the input are printed as one line on standard
error, with exit status 2, in the chosen language where the command line
words them; never a traceback. When the output cannot be written (standard
output closed, a full disk, an encoding that cannot show the text), one
line on standard error says why, with exit status 1; a reader that goes
away (``| head``) ends the program quietly with status 1.

The package's modules, for a reader of its code: ``_run`` holds `main`
and runs the commands; ``_parser`` the parser with its help texts;
``_readers`` the options' types; ``_language`` the language of the
messages; ``_output`` writing the output and reporting errors;
``_formats`` the ``--format`` of a result and the formats each command
gives; ``_files`` the charts, workbooks and documents written; ``_source`` the agreement and
cost plans a command works on; and one module each for the commands:
``_settle`` (report, settle, explain), ``_deadline``, ``_projection``
(project, scenario) and ``_billing``.

Examples:
    >>> from kim_cooperation.cli import main
    >>> main(["--party", "Rosendahl", "--lang", "en"])  # doctest: +ELLIPSIS
    Kooperationsvereinbarung ...
    Gemeinde Rosendahl – member of region Nord – Budget year 2023
    ...
    0
    >>> main(["deadline", "--received", "2024-06-30", "--lang", "en"])
    Notice received on 2024-06-30: member until 2025-12-31 (18 months to the end of a year, C11)
    2024-06-30 is a Sunday. A letter left in a closed office's mailbox counts as received on the
    next working day, 2024-07-01; membership would then end on 2026-12-31 instead of 2025-12-31.
    What counts is the day the notice actually reached the parties (§ 130 BGB, C11); the date is
    not moved.
    0
"""

from kim_cooperation.cli._run import main

# Not in __all__, but importable from here as before (the tests of the built-in agreements).
from kim_cooperation.cli._source import BUILT_IN as BUILT_IN

__all__ = ["main"]
