"""The resolved document model: what every writer (HTML for the PDF, DOCX) lays out.

Parsing (:mod:`kazthesis.read.parse`) turns one content file into these nodes with
their source lines; the numbering pass (:mod:`kazthesis.resolve.numbering`) then fills
in, once for the whole document, every number and every printed string that
depends on other files: heading numbers, figure and table numbers and labels,
citation texts, cross-reference texts, footnote numbers. Fields marked
"resolved" are empty until that pass has run. Writers read the model and never
derive a number themselves. Text in ``Text`` nodes already has the document's
typography (quotes, dashes, no-break spaces); hyphenation belongs to writers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Mapping

    from kazthesis.bibliography import Bibliography, Entry
    from kazthesis.read.config import Config
    from kazthesis.resolve.geometry import Geometry
    from kazthesis.resolve.title import TitlePage


@dataclass(frozen=True)
class Source:
    """Where a node was written: a project-relative path and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


# --- inline nodes ----------------------------------------------------------------------------


@dataclass
class Text:
    text: str


@dataclass
class Emphasis:
    children: list[Inline]


@dataclass
class Strong:
    children: list[Inline]


@dataclass
class Superscript:
    children: list[Inline]


@dataclass
class Subscript:
    children: list[Inline]


@dataclass
class Strikeout:
    children: list[Inline]


@dataclass
class Code:
    text: str


@dataclass
class Link:
    url: str
    children: list[Inline]


@dataclass
class LineBreak:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True)
class CiteItem:
    """One source inside a citation: its key and the locator as written."""

    key: str
    locator: str = ""
    prefix: str = ""  # Pandoc's "[see @a]": printed before the number
    bare: bool = False  # "[-@a]": the number alone (GOST) or the year alone (an author–date CSL style)


@dataclass
class Citation:
    """``[@a, 25; @b]``, or ``@a`` in running text (``author_in_text``)."""

    items: list[CiteItem]
    source: Source
    author_in_text: bool = False
    text: str = ""  # resolved: "[1, 25 б.; 2]" or "Әбенов [1]"
    numbers: list[int] = field(default_factory=list)  # resolved: the list numbers cited


@dataclass
class CrossRef:
    """``@fig:map``, ``[@fig:a; @fig:b]`` or the bare ``[-@fig:map]``."""

    ids: list[str]
    source: Source
    bare: bool = False  # the number alone, for the writer to decline: "[-@fig:map]-суретте"
    text: str = ""  # resolved: "1-сурет", "1, 2-суреттер", "1"


@dataclass
class NoteRef:
    """A footnote call; the note's text travels with it."""

    note: Footnote


@dataclass
class InlineImage:
    """An image inside running text (not a figure of its own)."""

    path: Path
    alt: str


@dataclass
class Math:
    """TeX mathematics, drawn as SVG by the parser; its size in em of the surrounding text."""

    tex: str
    display: bool
    svg: str = ""
    width: float = 0.0  # em
    height: float = 0.0  # em
    depth: float = 0.0  # em below the baseline


Inline = (Text | Emphasis | Strong | Superscript | Subscript | Strikeout | Code | Link | LineBreak | Citation
          | CrossRef | NoteRef | InlineImage | Math)
CONTAINERS = (Emphasis, Strong, Superscript, Subscript, Strikeout, Link)  # inline nodes with children


@dataclass
class Footnote:
    label: str
    children: list[Inline]
    source: Source
    number: int = 0  # resolved: continuous through the document


# --- block nodes ---------------------------------------------------------------------------------

HeadingKind = Literal["structural", "chapter", "section", "appendix", "abstract"]


@dataclass
class Heading:
    level: int
    title: list[Inline]
    plain: str  # the title as plain text (contents page, bookmarks, messages)
    given_id: str  # {#id} as written, or ""
    classes: list[str]
    source: Source
    id: str = ""  # resolved: the given id, or one made up from the heading's place
    kind: HeadingKind = "section"  # resolved
    number: str = ""  # resolved: "1", "1.2", "А.1"; "" when unnumbered
    letter: str = ""  # resolved: an appendix's letter
    label: str = ""  # resolved: "ҚОСЫМША А" above an appendix title
    end: str = ""  # resolved: what the title ends with in print (an APA run-in heading's full stop), or ""
    lang: str = ""  # an annotation's {lang=kk} as written, or ""
    language: str = ""  # resolved for an annotation: its language (from lang= or its title)


@dataclass
class Paragraph:
    children: list[Inline]
    source: Source
    lines: bool = False  # a line block (Pandoc's "| line"): every line starts at the same indent


CAPTION_DASH = " \u2013 "  # between a number and its caption in every language: "Рисунок 1 – Название"


@dataclass(frozen=True)
class CaptionLine:
    """A numbered caption as both writers print it: "1-сурет – Атауы", or the label alone without a caption;
    stacked (APA 7), the label alone on a line and the caption on the next, both above the figure or table."""

    label: str  # "1-сурет", "Таблица 1", "Листинг 2"
    dash: str  # CAPTION_DASH, or "" when there is no caption or it is stacked
    text: list[Inline]  # the caption
    stacked: bool = False

    @property
    def joint(self) -> str:
        """What stands between the label and the caption in the line's text: the dash, or the line break of a
        stacked caption, which reads as a space."""
        return " " if self.stacked and self.text else self.dash

    @property
    def plain(self) -> str:
        """The line as plain text (an image's description)."""
        return self.label + self.joint + plain_text(self.text)


class Captioned:
    """A numbered node with a caption (figures, tables, listings): its resolved ``label``, ``caption`` and
    form (``stacked``: :func:`kazthesis.resolve.forms.apply_caption_forms`)."""

    label: str
    caption: list[Inline]
    stacked: bool

    @property
    def caption_line(self) -> CaptionLine:
        """The "label – caption" form, or the stacked one, built in this one place for both writers."""
        if self.stacked:
            return CaptionLine(self.label, "", self.caption, stacked=True)
        return CaptionLine(self.label, CAPTION_DASH if self.caption else "", self.caption)


@dataclass
class Figure(Captioned):
    path: Path  # the image file, checked to be inside the project
    caption: list[Inline]
    source: Source
    id: str = ""
    width: str = ""  # CSS length as written: "50%", "8cm", "300px"
    height: str = ""
    number: str = ""  # resolved
    label: str = ""  # resolved: "1-сурет"
    stacked: bool = False  # resolved: the caption's form (APA: number and title on lines of their own, above)


@dataclass
class Cell:
    children: list[Inline]
    align: str = ""  # "left" | "center" | "right" | ""


@dataclass
class Table(Captioned):
    caption: list[Inline]
    header: list[list[Cell]]
    rows: list[list[Cell]]
    source: Source
    id: str = ""
    number: str = ""  # resolved
    label: str = ""  # resolved: "1-кесте"
    continued: str = ""  # resolved: "1-кестенің жалғасы"
    stacked: bool = False  # resolved: the caption's form
    widths: list[float] = field(default_factory=list)  # resolved: each column's share of the width
    step: str = ""  # resolved: "" | "narrow" | "tiny" | "landscape" — how it is made to fit the page

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.header + self.rows), default=0)


@dataclass
class ListBlock:
    ordered: bool
    items: list[list[Block]]
    source: Source
    start: int = 1
    lettered: bool = False  # written a) b) c), а) ә) б) or A. B. (read as numbers, printed as letters)
    delimiter: str = "."  # what followed the written numbers: "." or ")"
    marks: list[str] = field(default_factory=list)  # resolved: each item's printed mark ("–", "а)", "1)")


@dataclass
class Quote:
    children: list[Block]
    source: Source


@dataclass
class CodeBlock(Captioned):
    """A fenced code block; with ``{#lst:name caption="…"}`` a numbered listing."""

    text: str
    language: str
    source: Source
    id: str = ""  # "lst:name", or ""
    caption: list[Inline] = field(default_factory=list)
    listing: bool = False  # numbered: it has a lst: id or a caption
    number: str = ""  # resolved
    label: str = ""  # resolved: "1-листинг"
    continued: str = ""  # resolved: "1-листингтің жалғасы"
    stacked: bool = False  # resolved: the caption's form


@dataclass
class Statistics:
    """``[statistics]`` in an annotation: "Курсовая работа 45 с., 3 рис., 2 табл., 20 источн., 1 прил."

    Everything but the page count is resolved by the numbering pass; the pages are known only after
    layout, so ``text`` holds ``{pages}`` for the writer to fill in."""

    source: Source
    language: str = ""  # resolved: the annotation's language
    figures: int = 0  # resolved
    tables: int = 0  # resolved
    sources: int = 0  # resolved
    appendices: int = 0  # resolved
    text: str = ""  # resolved, with "{pages}"

    def line(self, pages: int | str) -> str:
        return self.text.replace("{pages}", str(pages))


@dataclass
class MathBlock:
    """A display formula; with an id (``{#eq:name}``) it is numbered: ``(1)``, ``(2.1)``, ``(А.1)``."""

    math: Math
    source: Source
    id: str = ""
    number: str = ""  # resolved
    label: str = ""  # resolved: "(1)"


@dataclass
class PageBreak:
    source: Source


@dataclass
class Rule:
    """A thematic break (``***``)."""

    source: Source


Block = (Heading | Paragraph | Figure | Table | ListBlock | Quote | CodeBlock | MathBlock | PageBreak | Rule
         | Statistics)


# --- the document ------------------------------------------------------------------------------


@dataclass
class Part:
    """A level-1 heading and everything under it; the first part of a file may have no heading
    (it continues the previous file's part)."""

    heading: Heading | None
    blocks: list[Block]


@dataclass
class ContentsEntry:
    """One line of the contents page (and one bookmark)."""

    level: int
    kind: str
    text: str  # as printed: "1.1 Title", "ҚОСЫМША А Title"
    id: str


def walk_inlines(nodes: list[Inline]):  # noqa: ANN201 - a generator of Inline
    """Every inline node, depth first, footnote texts included."""
    for node in nodes:
        yield node
        if isinstance(node, CONTAINERS):
            yield from walk_inlines(node.children)
        elif isinstance(node, NoteRef):
            yield from walk_inlines(node.note.children)


def walk_blocks(blocks: list[Block]):  # noqa: ANN201 - a generator of Block
    """Every block, depth first: list items and quoted blocks included."""
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            for item in block.items:
                yield from walk_blocks(item)
        elif isinstance(block, Quote):
            yield from walk_blocks(block.children)


def own_inlines(block: Block) -> list[list[Inline]]:
    """The inline lists a block holds itself (not those of its nested blocks), in reading order."""
    if isinstance(block, Heading):
        return [block.title]
    if isinstance(block, Paragraph):
        return [block.children]
    if isinstance(block, Figure):
        return [block.caption]
    if isinstance(block, Table):
        return [block.caption] + [cell.children for row in block.header + block.rows for cell in row]
    return []


def plain_text(nodes: list[Inline]) -> str:
    """The text of inline nodes without markup (resolved citations and references included)."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, (Text, Code)):
            parts.append(node.text)
        elif isinstance(node, CONTAINERS):
            parts.append(plain_text(node.children))
        elif isinstance(node, LineBreak):
            parts.append(" ")
        elif isinstance(node, (Citation, CrossRef)):
            parts.append(node.text)
        elif isinstance(node, Math):
            parts.append(node.tex)
    return "".join(parts)


@dataclass
class Reference:
    """One numbered line of the reference list, as `refs` prints it."""

    number: int
    entry: Entry
    text: str
    runs: list[tuple[str, bool]] = field(default_factory=list)  # the text in runs, True where italic
    label: str = ""  # the number as the list prints it: "1." (GOST 7.32-2017) or "1"


@dataclass(frozen=True)
class ExternalPdf:
    """A PDF file whose pages go into the thesis as they are (a signed title page, a form), checked readable."""

    name: str  # its piece: "title" (it replaces the generated title page) or "insert-1", "insert-2"…
    file: str  # as written in thesis.toml, relative to the project
    after: str  # "title" | "contents" | "end"; "" for the title page itself
    line: int | None  # its line in thesis.toml

    def path(self, root: Path) -> Path:
        return root / self.file


@dataclass
class Document:
    """A thesis project read, checked and numbered: everything a writer needs."""

    config: Config
    bibliography: Bibliography
    title_page: TitlePage
    parts: list[Part]  # structural elements and chapters, in order
    appendices: list[Part]
    headings: list[Heading]  # every heading, in order
    contents: list[ContentsEntry]
    abbreviations: list[tuple[str, str]]
    references: list[Reference]
    cited_keys: list[str]  # in order of first citation
    footnotes: list[Footnote]
    figures: list[Figure]
    tables: list[Table]
    source_lines: dict[tuple[str, int], str]  # (file, line) → text, for checks and messages
    geometry: Geometry  # the page and type of the layout profile, for both writers
    abstracts: list[Part] = field(default_factory=list)  # annotations, before the contents, in the order written
    terms: list[tuple[str, str]] = field(default_factory=list)  # [terms]: term → definition, typography applied
    listings: list[CodeBlock] = field(default_factory=list)  # numbered code listings
    inserted: list[ExternalPdf] = field(default_factory=list)  # the usable title-page and [[insert]] PDFs
    hanging_references: bool = False  # the list's entries hang (an author–date CSL style), not numbered
    strings: Mapping[str, str] = field(default_factory=dict)  # the fixed strings as the profile prints them

    @property
    def language(self) -> str:
        return self.config.language

    @property
    def citations_break(self) -> bool:
        """An author–date style's citations are phrases that may break at their spaces ("(Nazarbaev, 1996)");
        a numbered one ("[1, 25 б.]") is kept on one line."""
        style = self.config.csl_style
        return style is not None and not style.numeric
