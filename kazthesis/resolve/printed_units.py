"""Model blocks → printed units: each paragraph of the .docx as the writer prints it, and where in the sources
it comes from (:mod:`kazthesis.resolve.printed` lists them for a whole document).

A :class:`Unit` is one paragraph of ``kazthesis docx``'s output — a heading, a
paragraph, a list item, a caption, a table cell, a line of code, a footnote, a
title-page line, a reference-list entry, a contents line — in the writer's
order, with its source (``content/….md`` line, ``thesis.toml`` key line,
``references.bib`` entry line) and its text in :class:`Segment` pieces: text
written in the source, and text the tool generates (numbers, labels,
citation numbers, fixed words). Each segment carries both its printed form
and its source form (``[5]`` and ``[@smith2023]``), which is how a change to
the printed text is carried back to the source. Derived from the model alone:
the .docx writer pairs its paragraphs with the units (:mod:`kazthesis.docx.markers`),
``kazthesis review`` finds a reviewed paragraph's source with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kazthesis.i18n import N_
from kazthesis.model import (
    CONTAINERS,
    Block,
    CaptionLine,
    Citation,
    Code,
    CodeBlock,
    CrossRef,
    Figure,
    Footnote,
    Heading,
    Inline,
    InlineImage,
    LineBreak,
    ListBlock,
    Math,
    MathBlock,
    NoteRef,
    PageBreak,
    Paragraph,
    Part,
    Quote,
    Rule,
    Source,
    Statistics,
    Table,
    Text,
)

OBJECT = "\ufffc"  # a footnote call, a picture, a formula: one character of the printed text
UNPRINTED = str.maketrans({"\u2060": None, "\u200b": None, "\r": None})


@dataclass
class Segment:
    """A piece of a unit's printed text."""

    printed: str
    key: str  # as the source writes it; "" for generated text
    kind: str  # "text" | "field" | "reference" | "cite" | "xref" | "object" | "generated"
    what: str = ""  # generated: what it is ("the heading's number", marked with N_); cite: the keys; field: the setting
    upper: bool = False  # printed in capitals (a chapter title)
    line: int = 0  # a setting's own line in thesis.toml


@dataclass
class Unit:
    """One printed paragraph and where it comes from."""

    source: Source
    kind: str  # "heading" | "paragraph" | "item" | "caption" | "cell" | "code" | "footnote" | "object" |
    # "title" | "reference" | "setting" | "contents" | "fixed"
    segments: list[Segment] = field(default_factory=list)
    story: str = "body"  # "body" | "footnote" | "footer"
    generated: str = ""  # the whole unit is generated text: what it is
    entry: str = ""  # a reference-list entry: its key

    @property
    def printed(self) -> str:
        return "".join(s.printed for s in self.segments)

    @property
    def key(self) -> str:
        return "".join(s.key for s in self.segments)

    def offsets(self) -> list[int]:
        """Each segment's start in the printed text, and the end."""
        starts = [0]
        for segment in self.segments:
            starts.append(starts[-1] + len(segment.printed))
        return starts


def shown(text: str) -> str:
    """Text as the .docx shows it: without the PDF's invisible line-breaking marks, a line end a space."""
    return text.translate(UNPRINTED).replace("\n", " ")


def citation_key(node: Citation) -> str:
    """A citation as the source writes it (near enough to line up with it)."""
    if node.author_in_text:
        item = node.items[0]
        return f"@{item.key}" + (f" [{item.locator}]" if item.locator else "")
    items = [" ".join(p for p in (item.prefix, "@" + item.key) if p) + (f", {item.locator}" if item.locator else "")
             for item in node.items]
    return "[" + "; ".join(items) + "]"


def crossref_key(node: CrossRef) -> str:
    if node.bare:
        return "[" + "; ".join(f"-@{ident}" for ident in node.ids) + "]"
    if len(node.ids) > 1:
        return "[" + "; ".join(f"@{ident}" for ident in node.ids) + "]"
    return f"@{node.ids[0]}"


class Builder:
    """Model nodes → units, in the order the .docx writer writes them."""

    def __init__(self, language: str, highlight: bool, lines: dict[tuple[str, int], str]) -> None:
        self.language = language
        self.highlight = highlight  # code blocks are written a paragraph a line (listing_highlight)
        self.lines = lines  # (file, line) → the source line
        self.units: list[Unit] = []
        self.notes: list[Footnote] = []
        self.upper_chapters = True  # GOST's level-1 headings are printed in capitals (not APA's)

    # --- inlines -------------------------------------------------------------------------------
    def inlines(self, nodes: list[Inline], upper: bool = False) -> list[Segment]:
        segments: list[Segment] = []
        for node in nodes:
            if isinstance(node, Text):
                text = shown(node.text)
                segments.append(Segment(text.upper() if upper else text, text, "text", upper=upper))
            elif isinstance(node, CONTAINERS):
                segments.extend(self.inlines(node.children, upper))
            elif isinstance(node, Code):
                segments.append(Segment(shown(node.text), f"`{node.text}`", "text"))
            elif isinstance(node, LineBreak):
                segments.append(Segment(" ", " ", "text"))
            elif isinstance(node, Citation):
                keys = ", ".join("@" + item.key for item in node.items)
                segments.append(Segment(shown(node.text).replace(" ", "\u00a0"), citation_key(node), "cite", keys))
            elif isinstance(node, CrossRef):
                segments.append(Segment(shown(node.text), crossref_key(node), "xref", N_("a cross-reference's number")))
            elif isinstance(node, NoteRef):
                self.notes.append(node.note)
                label = f"[^{node.note.label}]" if node.note.label else "^["
                segments.append(Segment(OBJECT, label, "object", N_("a footnote call")))
            elif isinstance(node, InlineImage):
                segments.append(Segment(OBJECT, f"![{node.alt}]", "object", N_("a picture")))
            elif isinstance(node, Math):
                printed = OBJECT if node.svg else node.tex
                segments.append(Segment(printed, f"${node.tex}$", "object", N_("a formula")))
        return segments

    def add(self, source: Source, kind: str, segments: list[Segment], **more: str) -> Unit:
        unit = Unit(source, kind, segments, **more)
        self.units.append(unit)
        return unit

    # --- blocks --------------------------------------------------------------------------------
    def part(self, part: Part) -> None:
        if part.heading is not None:
            self.heading(part.heading)
        self.blocks(part.blocks)

    def blocks(self, blocks: list[Block]) -> None:
        for block in blocks:
            self.block(block)

    def heading(self, heading: Heading) -> None:
        if heading.kind == "appendix":
            segments = [Segment(heading.label + " ", "", "generated", N_("the appendix's label")),
                        *self.inlines(heading.title)]
        else:
            number = ([Segment(heading.number + " ", "", "generated", N_("the heading's number"))]
                      if heading.number else [])
            segments = number + self.inlines(heading.title, upper=heading.level == 1 and self.upper_chapters)
            if heading.end:
                segments.append(Segment(heading.end, "", "generated", N_("the heading's full stop")))
        self.add(heading.source, "heading", segments)

    def caption(self, source: Source, line: CaptionLine, what: str) -> None:
        """A caption's paragraph: "Figure 1 – Title"; stacked, "Figure 1" and a line break (a space) before it."""
        self.add(source, "caption", [Segment(line.label + line.joint, "", "generated", what), *self.inlines(line.text)])

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.add(block.source, "paragraph", self.inlines(block.children))
        elif isinstance(block, Figure):
            picture = [Segment(OBJECT, "", "object", N_("a figure"))]
            line, what = block.caption_line, N_("the figure's number")
            if line.stacked:  # APA: the caption above the figure
                self.caption(block.source, line, what)
            self.add(block.source, "object", picture)
            if not line.stacked:
                self.caption(block.source, line, what)
        elif isinstance(block, Table):
            self.caption(block.source, block.caption_line, N_("the table's number"))
            first = self.table_start(block.source)
            for n, row in enumerate(block.header + block.rows):
                line = first + n + (n >= len(block.header)) if first else block.source.line
                for cell in row + [None] * (block.columns - len(row)):
                    self.add(Source(block.source.path, line), "cell",
                             self.inlines(cell.children) if cell is not None else [])
        elif isinstance(block, ListBlock):
            for item in block.items:
                for n, child in enumerate(item):
                    if isinstance(child, Paragraph):
                        self.add(child.source, "item" if n == 0 else "paragraph", self.inlines(child.children))
                    else:
                        self.block(child)
        elif isinstance(block, Quote):
            self.blocks(block.children)
        elif isinstance(block, CodeBlock):
            self.code(block)
        elif isinstance(block, Statistics):
            what = N_("the statistics line")
            self.add(block.source, "fixed", [Segment(shown(block.line("")), "", "generated", what)], generated=what)
        elif isinstance(block, MathBlock):
            printed = OBJECT if block.math.svg else block.math.tex
            self.add(block.source, "object", [Segment(printed, "", "object", N_("a formula"))])
        elif isinstance(block, (PageBreak, Rule)):
            self.add(block.source, "object", [])

    def table_start(self, source: Source) -> int:
        """The line of a pipe table's first row: after its caption line, or before it (a caption written
        under the table)."""
        for step in (1, -1):
            line = source.line
            for _ in range(4):
                text = self.lines.get((source.path, line), "").strip()
                if text.startswith("|"):
                    while self.lines.get((source.path, line - 1), "").strip().startswith("|"):
                        line -= 1
                    return line
                line += step
        return 0

    def code(self, block: CodeBlock) -> None:
        highlight = self.highlight
        if block.listing:
            self.caption(block.source, block.caption_line, N_("the listing's number"))
        lines = block.text.split("\n")
        if block.listing or highlight:
            for n, line in enumerate(lines):
                source = Source(block.source.path, block.source.line + 1 + n)
                self.add(source, "code", [Segment(shown(line), line, "text")])
        else:
            text = " ".join(lines)
            self.add(Source(block.source.path, block.source.line + 1), "code", [Segment(shown(text), text, "text")])

    def footnotes(self) -> None:
        for note in self.notes:
            self.add(note.source, "footnote", [Segment(" ", "", "generated", N_("the footnote's number")),
                                               *self.inlines(note.children)], story="footnote")


def file_units(parts: list[Part], language: str, highlight: bool, lines: dict[tuple[str, int], str]) -> list[Unit]:
    """The units of a chapter's parts alone (no document around them), footnotes last."""
    builder = Builder(language, highlight, lines)
    for part in parts:
        builder.part(part)
    builder.footnotes()
    return builder.units
