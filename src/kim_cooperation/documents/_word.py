"""Word documents from plain rows: page, fonts, properties, tables (python-docx, lazily).

What a council clerk expects of a document: A4 with the margins of DIN 5008
(left 2.5 cm, right 2 cm), one plain font (Arial, which LibreOffice shows as
the metric-compatible Liberation Sans), black headings, tables with fixed
column widths so that nothing wraps where it should not, amounts right-aligned
and rows that never break across a page. The document's language is set for
the proofing tools and in its properties (``de-DE`` or ``en-GB``).

Nothing here knows a result: `kim_cooperation.documents` builds the rows and
the texts and hands them to these helpers. python-docx is imported only when
a document is made (`load_docx`), so the package imports without the extra.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

import attrs

from kim_cooperation.errors import MissingExtraError
from kim_cooperation.formatting import Lang

if TYPE_CHECKING:
    from docx.document import Document
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.shared import Length
    from docx.styles.style import ParagraphStyle
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

__all__ = [
    "Align",
    "Row",
    "WordDocument",
    "load_docx",
]

FONT: Final = "Arial"
"""The one font of the documents; LibreOffice shows it as Liberation Sans, same widths."""

LANGUAGES: Final = {"de": "de-DE", "en": "en-GB"}
"""The document's language tag, for the properties and the proofing tools."""

AUTHOR: Final = "kim_cooperation"

Align: TypeAlias = Literal["left", "right", "center"]


@attrs.frozen
class Row:
    """One row of a table: its cells' texts, and whether it is bold (totals, headers)."""

    cells: tuple[str, ...]
    bold: bool = False


def load_docx(what: str) -> None:
    """Import python-docx, or say which extra installs it; ``what`` names the caller."""
    try:
        import docx  # noqa: F401, PLC0415 - an optional dependency, imported only when needed
    except ImportError as error:
        raise MissingExtraError(
            what, package="python-docx", extra="docx", module="docx"
        ) from error


def _set_font(style: ParagraphStyle, *, size: float, bold: bool | None = None) -> None:
    """Give ``style`` the document's font in black, whatever theme font it named."""
    from docx.oxml.ns import qn  # noqa: PLC0415 - optional dependency, imported lazily
    from docx.shared import Pt, RGBColor  # noqa: PLC0415

    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        font.bold = bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    # A theme font (Calibri Light in the default headings) would win over the name in Word.
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:cs"), FONT)
    fonts.set(qn("w:eastAsia"), FONT)


class WordDocument:
    """A new Word document set up for the library's documents; `data` gives its bytes."""

    def __init__(
        self,
        *,
        lang: Lang,
        title: str,
        subject: str,
        keywords: str,
        day: dt.date,
        page_of: str,
    ) -> None:
        """Start a document: A4, DIN 5008 margins, Arial, the language, the properties.

        ``page_of`` is the footer's text with the fields ``{page}`` and ``{pages}``.
        """
        import docx  # noqa: PLC0415 - optional dependency, imported lazily (see load_docx)
        from docx.enum.section import WD_ORIENT  # noqa: PLC0415
        from docx.oxml import OxmlElement  # noqa: PLC0415
        from docx.oxml.ns import qn  # noqa: PLC0415
        from docx.shared import Cm, Pt  # noqa: PLC0415

        self.lang = lang
        self.document: Document = docx.Document()
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
        styles = self.document.styles
        normal = styles["Normal"]
        _set_font(normal, size=11)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.1
        tag = LANGUAGES[lang]
        properties = normal.element.get_or_add_rPr()
        language = OxmlElement("w:lang")
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            language.set(qn(attribute), tag)
        properties.append(language)
        _set_font(styles["Footer"], size=8)
        for name, size in (("Title", 16), ("Heading 1", 14), ("Heading 2", 12)):
            style = styles[name]
            _set_font(style, size=size, bold=True)
            style.paragraph_format.space_before = Pt(12)
            style.paragraph_format.space_after = Pt(6)
            style.font.italic = False
        # The Title style of the template draws a rule under the text; a plain title reads better.
        title_properties = styles["Title"].element.pPr
        if title_properties is not None:
            for border in title_properties.findall(qn("w:pBdr")):
                title_properties.remove(border)
        core = self.document.core_properties
        core.title = title
        core.subject = subject
        core.author = AUTHOR
        core.last_modified_by = AUTHOR
        core.keywords = keywords
        core.language = tag
        core.comments = ""
        core.category = ""
        core.revision = 1
        moment = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        core.created = moment
        core.modified = moment
        self._page_numbers(page_of)

    def _page_numbers(self, page_of: str) -> None:
        """A footer "Seite 1 von 2": ``page_of`` holds the fields ``{page}`` and ``{pages}``."""
        from docx.oxml import OxmlElement  # noqa: PLC0415 - optional dependency, imported lazily
        from docx.oxml.ns import qn  # noqa: PLC0415

        paragraph = self.document.sections[0].footer.paragraphs[0]
        paragraph.alignment = _alignment("center")
        for piece in re.split(r"(\{page\}|\{pages\})", page_of):
            if piece in ("{page}", "{pages}"):
                field = OxmlElement("w:fldSimple")
                field.set(qn("w:instr"), "PAGE" if piece == "{page}" else "NUMPAGES")
                run = OxmlElement("w:r")
                text = OxmlElement("w:t")
                text.text = "1"
                run.append(text)
                field.append(run)
                paragraph._p.append(field)
            elif piece:
                paragraph.add_run(piece)

    def paragraph(
        self,
        text: str = "",
        *,
        style: str | None = None,
        bold: bool = False,
        size: float | None = None,
        align: Align = "left",
        after: float | None = None,
        keep_with_next: bool = False,
    ) -> Paragraph:
        """Add a paragraph of one run of ``text``."""
        from docx.shared import Pt  # noqa: PLC0415 - optional dependency, imported lazily

        paragraph = self.document.add_paragraph(style=style)
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            if size is not None:
                run.font.size = Pt(size)
        paragraph.alignment = _alignment(align)
        if after is not None:
            paragraph.paragraph_format.space_after = Pt(after)
        if keep_with_next:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        """Add a heading (``0`` the title); it stays on the page of what follows it."""
        paragraph: Paragraph = self.document.add_heading(text, level=level)
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def table(
        self,
        rows: Sequence[Row],
        *,
        widths: Sequence[float],
        align: Sequence[Align],
        header: bool = True,
        header_align: Align | None = None,
        size: float = 10,
    ) -> None:
        """Add a table: column ``widths`` in cm, ``align`` per column, the first row a header.

        The widths are fixed (``w:tblLayout fixed``) and written both in the
        grid and in every cell, as Word and LibreOffice each read one of them.
        The header row repeats on a new page (aligned as ``header_align``, or
        as its column); no row breaks across pages.
        """
        from docx.oxml import OxmlElement  # noqa: PLC0415 - optional dependency, imported lazily
        from docx.oxml.ns import qn  # noqa: PLC0415
        from docx.shared import Cm, Pt  # noqa: PLC0415

        columns = len(widths)
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = self.document.styles["Table Grid"]
        table.autofit = False
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        table._tbl.tblPr.append(layout)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for index, (row, cells) in enumerate(zip(rows, table.rows, strict=True)):
            properties = cells._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:cantSplit"))
            if header and index == 0:
                properties.append(OxmlElement("w:tblHeader"))
            for column, cell in enumerate(cells.cells):
                cell.width = Cm(widths[column])
                text = row.cells[column] if column < len(row.cells) else ""
                _fill(cell, text, bold=row.bold or (header and index == 0), size=Pt(size))
                first = header and index == 0
                cell.paragraphs[0].alignment = _alignment(
                    header_align if first and header_align else align[column]
                )
                if first:
                    _shade(cell, "E7E6E6")
        # A little room between the table and what follows.
        self.paragraph(after=0)

    @property
    def data(self) -> bytes:
        """The document as the bytes of a .docx file."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _alignment(align: Align) -> WD_PARAGRAPH_ALIGNMENT:
    from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: PLC0415 - optional, imported lazily

    return {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
    }[align]


def _fill(cell: _Cell, text: str, *, bold: bool, size: Length) -> None:
    """Write ``text`` into ``cell``'s one paragraph, without the space after a body paragraph."""
    from docx.shared import Pt  # noqa: PLC0415 - optional dependency, imported lazily

    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = size


def _shade(cell: _Cell, colour: str) -> None:
    """A light grey background for a header cell, which prints on any printer."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 - optional dependency, imported lazily
    from docx.oxml.ns import qn  # noqa: PLC0415

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)
