"""The neutral form every draft format is read into: a list of draft paragraphs.

A reader (:mod:`.docx_reader`, :mod:`.odt_reader`, :mod:`.text_reader`) turns
its file into :class:`Draft`; everything after it (structure, references,
Markdown) reads only this, never the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Run:
    """A stretch of text with one look; ``math`` holds TeX, ``note`` a footnote's number, ``markdown`` text
    that is already Markdown (a .md draft) and must not be escaped."""

    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False
    sub: bool = False
    math: bool = False
    note: int | None = None  # a footnote reference: the index into Draft.footnotes
    markdown: bool = False


@dataclass
class Image:
    """A picture of the draft: its bytes and the file extension they are in."""

    data: bytes
    extension: str  # "png", "jpeg", "svg"…
    name: str = ""  # the name the draft gave it, for the report


@dataclass
class Table:
    """A table's cells as runs, row by row (merged cells repeated as empty)."""

    rows: list[list[list[Run]]]


@dataclass
class Paragraph:
    """One paragraph of the draft (or a table, or a picture), with what its format says about it."""

    runs: list[Run] = field(default_factory=list)
    number: int = 0  # 1-based position in the draft: what the report names
    page: int | None = None  # the draft's page where the format says it (manual page breaks counted)
    style: str = ""  # the paragraph style's name, as the format names it ("Heading 1", "Заголовок 1"…)
    outline: int | None = None  # heading level the style or format gives (1–9), None for body text
    centred: bool = False
    list_kind: str | None = None  # "bullet" or "number" for Word's/ODF's own list numbering
    list_level: int = 0
    table: Table | None = None
    image: Image | None = None
    display_math: bool = False  # a formula standing alone (its run is TeX)
    page_break_before: bool = False
    contents_entry: bool = False  # a TOC-field line or TOC style: the typed contents page

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs if run.note is None)

    @property
    def all_bold(self) -> bool:
        visible = [run for run in self.runs if run.text.strip() and run.note is None]
        return bool(visible) and all(run.bold for run in visible)


@dataclass
class Draft:
    """A whole draft: its paragraphs in order, its footnotes (each a list of runs) and where it came from."""

    paragraphs: list[Paragraph]
    footnotes: list[list[Run]] = field(default_factory=list)
    kind: str = "docx"  # docx | odt | txt | md
    notes: list[str] = field(default_factory=list)  # what the reader could not convert, for the report
