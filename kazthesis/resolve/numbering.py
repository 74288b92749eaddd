"""The whole document's parts → every number decided, in one walk in reading order.

Headings (``1``, ``1.2``, ``ҚОСЫМША А``), figures, tables and listings
(continuous, per chapter, or ``А.1`` in appendices), numbered formulas,
footnotes (continuous), the order of first citation, each annotation's
language and statistics line; every ``#id`` becomes a :class:`Label` for the
cross-references. The walk collects what the later steps need (citations,
cross-references, figures, tables…) on :class:`Numbering`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from kazthesis.bibliography import Bibliography
from kazthesis.i18n import _
from kazthesis.lang import wording
from kazthesis.model import (
    Citation,
    CodeBlock,
    CrossRef,
    Figure,
    Footnote,
    Heading,
    MathBlock,
    NoteRef,
    Part,
    Reference,
    Statistics,
    Table,
    own_inlines,
    walk_blocks,
    walk_inlines,
)
from kazthesis.problems import Problems
from kazthesis.read.config import Config
from kazthesis.resolve.geometry import page_geometry
from kazthesis.resolve.table_fit import fit_table


@dataclass
class Label:
    """What a ``#id`` names, for cross-references."""

    kind: str  # "figure" | "table" | "heading" | "appendix"
    number: str  # "1", "1.2", "А.1"; an appendix's letter
    source: str  # "file:line" of its definition
    title: str = ""  # an unnumbered heading is referred to by its title


class _Numberer:
    """Counts chapters, sections, appendices, figures and tables as they come."""

    def __init__(self, language: str, per_chapter: bool, numbered: bool = True) -> None:
        self.language = language
        self.numbered = numbered  # the profile numbers its headings (GOST); APA's are not, nor per chapter
        self.per_chapter = per_chapter and numbered
        self.chapter = 0
        self.sections = [0] * 5
        self.appendix_index = -1
        self.current: Heading | None = None  # the current level-1 heading
        self.items = {"figure": 0, "table": 0, "equation": 0}

    def heading(self, heading: Heading) -> None:
        """Set the kind, number, letter and label of a new heading (all of them: a parse kept from an
        earlier build still holds the values that build gave it)."""
        classes = heading.classes
        heading.number = heading.letter = heading.label = ""
        if heading.level == 1:
            self.sections = [0] * 5
            self.current = heading
            if "appendix" in classes:
                self.appendix_index += 1
                self.items = {"figure": 0, "table": 0, "equation": 0}
                heading.kind = "appendix"
                heading.letter = wording.appendix_letter(self.language, self.appendix_index)
                heading.label = wording.text(self.language, "appendix", letter=heading.letter)
            elif "abstract" in classes:
                heading.kind = "abstract"
            elif "unnumbered" in classes:
                heading.kind = "structural"
            else:
                self.chapter += 1
                if self.per_chapter:
                    self.items = {"figure": 0, "table": 0, "equation": 0}
                heading.kind, heading.number = "chapter", str(self.chapter) if self.numbered else ""
            return
        heading.kind = "section"
        parent = self.current
        if not self.numbered or "unnumbered" in classes or parent is None or parent.kind in ("structural", "abstract"):
            return
        self.sections[heading.level - 2] += 1
        for deeper in range(heading.level - 1, len(self.sections)):
            self.sections[deeper] = 0
        prefix = parent.letter if parent.kind == "appendix" else parent.number
        heading.number = ".".join([prefix] + [str(n) for n in self.sections[: heading.level - 1]])

    def item(self, kind: str) -> str:
        """Number of the next figure or table: 1, 1.2 (per chapter) or А.1 (appendix)."""
        self.items[kind] += 1
        n = self.items[kind]
        parent = self.current
        if parent is not None and parent.kind == "appendix":
            return f"{parent.letter}.{n}"
        if self.per_chapter and parent is not None and parent.kind == "chapter":
            return f"{parent.number}.{n}"
        return str(n)


class Numbering:
    """The numbering walk over the whole document, in reading order, and what it collects on the way."""

    def __init__(self, config: Config, bibliography: Bibliography, problems: Problems) -> None:
        self.config, self.bibliography, self.problems = config, bibliography, problems
        self.language = config.language
        self.root = config.root
        self.labels: dict[str, Label] = {}
        self.cited: dict[str, None] = {}  # keys in order of first citation
        self.citations: list[Citation] = []
        self.xrefs: list[CrossRef] = []
        self.footnotes: list[Footnote] = []
        self.figures: list[Figure] = []
        self.tables: list[Table] = []
        self.headings: list[Heading] = []
        self.listings: list[CodeBlock] = []
        self.statistics: list[Statistics] = []
        self.abstract: Heading | None = None  # the annotation being walked, for its statistics line

    def error(self, source: object, message: str, hint: str = "") -> None:
        path, line = str(source).rsplit(":", 1)
        self.problems.error(self.root / path, int(line) or None, message, hint)

    def warning(self, source: object, message: str, hint: str = "") -> None:
        path, line = str(source).rsplit(":", 1)
        self.problems.warning(self.root / path, int(line) or None, message, hint)

    def add_label(self, ident: str, label: Label) -> None:
        if ident in self.labels:
            self.error(label.source, _("id #{ident} is used twice (first at {source})").format(
                                       ident=ident, source=self.labels[ident].source),
                       _("give each heading, figure and table its own id"))
        else:
            self.labels[ident] = label

    # --- the numbering walk -------------------------------------------------------------------
    def number(self, parts: list[Part]) -> None:
        numberer = _Numberer(self.language, self.config.layout["numbering"] == "per-chapter",
                             page_geometry(self.config.layout).forms.numbered_headings)
        previous_level = 0
        for part in parts:
            for block in walk_blocks(([part.heading] if part.heading else []) + part.blocks):
                if isinstance(block, Heading):
                    previous_level = self.heading(block, numberer, previous_level)
                elif isinstance(block, Figure):
                    self.figure(block, numberer)
                elif isinstance(block, Table):
                    self.table(block, numberer)
                elif isinstance(block, MathBlock):
                    block.number = numberer.item("equation") if block.id else ""
                    block.label = f"({block.number})" if block.number else ""
                    if block.id:
                        self.add_label(block.id, Label("equation", block.number, str(block.source)))
                elif isinstance(block, CodeBlock) and block.listing:
                    self.listing(block, numberer)
                elif isinstance(block, Statistics):
                    self.statistics_line(block)
                for inlines in own_inlines(block):
                    self.inlines(inlines)

    def heading(self, heading: Heading, numberer: _Numberer, previous_level: int) -> int:
        if heading.level > previous_level + 1:
            self.error(heading.source, _("heading level {level} follows level {value}").format(
                                         level=heading.level, value=previous_level or 'none'),
                       _("a section (##) must come under a chapter (#); do not skip heading levels"))
        numberer.heading(heading)
        self.annotation(heading)
        heading.id = heading.given_id or f"h{len(self.headings) + 1}"
        self.headings.append(heading)
        kind = "appendix" if heading.kind == "appendix" else "heading"
        self.add_label(heading.id, Label(kind, heading.letter or heading.number, str(heading.source), heading.plain))
        return heading.level

    def figure(self, figure: Figure, numberer: _Numberer) -> None:
        figure.number = numberer.item("figure")
        figure.label = wording.text(self.language, "figure", n=figure.number)
        self.figures.append(figure)
        if figure.id:
            self.add_label(figure.id, Label("figure", figure.number, str(figure.source)))
        if not figure.caption:
            self.warning(figure.source, _("figure {number} has no caption").format(number=figure.number),
                         _("write the caption in the brackets: ![Caption](images/file.png)"))

    def table(self, table: Table, numberer: _Numberer) -> None:
        table.number = numberer.item("table")
        table.label = wording.text(self.language, "table", n=table.number)
        table.continued = wording.text(self.language, "table_continued", n=table.number)
        self.tables.append(table)
        fit = fit_table(table, self.config.layout, self.language)
        table.widths, table.step = fit.widths, fit.step
        if not fit.fits:
            landscape = self.config.layout["landscape_tables"]
            message = (_("table {number} is too wide for the page even in small type on a landscape page") if landscape
                       else _("table {number} is too wide for the page even in small type"))
            hint = (_("split it into two tables or shorten the texts of its columns") if landscape
                    else _("split it into two tables or shorten the texts of its columns, or let it have a page "
                           "turned sideways: [layout] landscape_tables = true"))
            self.error(table.source, message.format(number=table.number), hint)
        if table.id:
            self.add_label(table.id, Label("table", table.number, str(table.source)))
        if not table.caption:
            self.warning(table.source, _("table {number} has no caption").format(number=table.number),
                         _("add a line ': Caption {#tbl:name}' directly before the table"))

    # --- listings and annotations ------------------------------------------------------------------
    def listing(self, listing: CodeBlock, numberer: _Numberer) -> None:
        """A numbered code listing: numbered as figures and tables are (continuous, per chapter, А.1)."""
        numberer.items.setdefault("listing", 0)  # the numberer's counters start without listings
        listing.number = numberer.item("listing")
        listing.label = wording.text(self.language, "listing", n=listing.number)
        listing.continued = wording.text(self.language, "listing_continued", n=listing.number)
        self.listings.append(listing)
        if listing.id:
            self.add_label(listing.id, Label("listing", listing.number, str(listing.source)))

    def annotation(self, heading: Heading) -> None:
        """Note the annotation a level-1 heading opens (and its language), or that the walk left the annotations."""
        if heading.level != 1:
            return
        heading.language = ""
        self.abstract = heading if heading.kind == "abstract" else None
        if self.abstract is not None:
            heading.language = heading.lang or wording.abstract_language(heading.plain, self.language)

    def statistics_line(self, statistics: Statistics) -> None:
        if self.abstract is None:
            self.warning(statistics.source, _("[statistics] is filled in only inside an annotation"),
                         _("put it under a heading such as # АННОТАЦИЯ {.abstract}; here it is in the document's "
                           "language"))
        statistics.language = self.abstract.language if self.abstract is not None else self.language
        self.statistics.append(statistics)

    def count_statistics(self, references: list[Reference], appendices: int) -> None:
        """Fill in every statistics line from the whole document (its page count is left to the layout)."""
        for line in self.statistics:
            line.figures, line.tables = len(self.figures), len(self.tables)
            line.sources, line.appendices = len(references), appendices
            line.text = wording.statistics_text(line.language, self.config.work_type, line.figures, line.tables,
                                               line.sources, line.appendices)

    def inlines(self, nodes: list) -> None:
        for node in walk_inlines(nodes):
            if isinstance(node, Citation):
                self.citations.append(node)
                for item in node.items:
                    if item.key in self.bibliography.entries:
                        self.cited.setdefault(item.key, None)
                    else:
                        close = difflib.get_close_matches(item.key, list(self.bibliography.entries), n=3, cutoff=0.5)
                        hint = (_("did you mean {keys}?").format(keys=", ".join(close)) if close else
                                _("add an entry @...{{{key}, ...}} to references.bib or correct the key").format(
                                    key=item.key))
                        if node.author_in_text:
                            hint = _("{hint} (to print an @ as it is, write \\@)").format(hint=hint)
                        self.error(node.source, _("citation key '{key}' is not in references.bib").format(
                                                  key=item.key), hint)
            elif isinstance(node, CrossRef):
                self.xrefs.append(node)
            elif isinstance(node, NoteRef):
                node.note.number = len(self.footnotes) + 1
                self.footnotes.append(node.note)
