"""The resolved document → its printed units: each paragraph of the .docx as the writer prints it, and where
in the sources it comes from.

A :class:`Unit` is one paragraph of ``kazthesis docx``'s output — a heading, a
paragraph, a list item, a caption, a table cell, a line of code, a footnote, a
title-page line, a reference-list entry, a contents line — in the writer's
order, with its source (``content/….md`` line, ``thesis.toml`` key line,
``references.bib`` entry line) and its text in :class:`Segment` pieces: text
written in the source, and text the tool generates (numbers, labels,
citation numbers, fixed words). Each segment carries both its printed form
and its source form (``[5]`` and ``[@smith2023]``), which is how a change to
the printed text is carried back to the source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kazthesis.lang import locale
from kazthesis.lang.typography import apply_typography, for_print
from kazthesis.model import (
    CONTAINERS,
    Block,
    Citation,
    Code,
    CodeBlock,
    CrossRef,
    Document,
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
from kazthesis.review.reviewed import OBJECT

UNPRINTED = str.maketrans({"\u2060": None, "\u200b": None, "\r": None})


@dataclass
class Segment:
    """A piece of a unit's printed text."""

    printed: str
    key: str  # as the source writes it; "" for generated text
    kind: str  # "text" | "field" | "reference" | "cite" | "xref" | "object" | "generated"
    what: str = ""  # generated: what it is ("the heading's number"); cite: the keys; field: the setting
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


def _printed(text: str) -> str:
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


class _Builder:
    """Model nodes → units, in the order the .docx writer writes them."""

    def __init__(self, language: str, highlight: bool, lines: dict[tuple[str, int], str]) -> None:
        self.language = language
        self.highlight = highlight  # code blocks are written a paragraph a line (listing_highlight)
        self.lines = lines  # (file, line) → the source line
        self.units: list[Unit] = []
        self.notes: list[Footnote] = []

    # --- inlines -------------------------------------------------------------------------------
    def inlines(self, nodes: list[Inline], upper: bool = False) -> list[Segment]:
        segments: list[Segment] = []
        for node in nodes:
            if isinstance(node, Text):
                text = _printed(node.text)
                segments.append(Segment(text.upper() if upper else text, text, "text", upper=upper))
            elif isinstance(node, CONTAINERS):
                segments.extend(self.inlines(node.children, upper))
            elif isinstance(node, Code):
                segments.append(Segment(_printed(node.text), f"`{node.text}`", "text"))
            elif isinstance(node, LineBreak):
                segments.append(Segment(" ", " ", "text"))
            elif isinstance(node, Citation):
                keys = ", ".join("@" + item.key for item in node.items)
                segments.append(Segment(_printed(node.text).replace(" ", "\u00a0"), citation_key(node), "cite", keys))
            elif isinstance(node, CrossRef):
                segments.append(Segment(_printed(node.text), crossref_key(node), "xref", "a cross-reference's number"))
            elif isinstance(node, NoteRef):
                self.notes.append(node.note)
                label = f"[^{node.note.label}]" if node.note.label else "^["
                segments.append(Segment(OBJECT, label, "object", "a footnote call"))
            elif isinstance(node, InlineImage):
                segments.append(Segment(OBJECT, f"![{node.alt}]", "object", "a picture"))
            elif isinstance(node, Math):
                printed = OBJECT if node.svg else node.tex
                segments.append(Segment(printed, f"${node.tex}$", "object", "a formula"))
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
            segments = [Segment(heading.label + " ", "", "generated", "the appendix's label"),
                        *self.inlines(heading.title)]
        else:
            number = [Segment(heading.number + " ", "", "generated", "the heading's number")] if heading.number else []
            segments = number + self.inlines(heading.title, upper=heading.level == 1)
        self.add(heading.source, "heading", segments)

    def caption(self, source: Source, label: str, caption: list[Inline], what: str) -> None:
        printed = f"{label} – " if caption else label
        self.add(source, "caption", [Segment(printed, "", "generated", what), *self.inlines(caption)])

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.add(block.source, "paragraph", self.inlines(block.children))
        elif isinstance(block, Figure):
            self.add(block.source, "object", [Segment(OBJECT, "", "object", "a figure")])
            self.caption(block.source, block.label, block.caption, "the figure's number")
        elif isinstance(block, Table):
            self.caption(block.source, block.label, block.caption, "the table's number")
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
            self.add(block.source, "fixed", [Segment(_printed(block.line("")), "", "generated", "the statistics line")],
                     generated="the statistics line")
        elif isinstance(block, MathBlock):
            printed = OBJECT if block.math.svg else block.math.tex
            self.add(block.source, "object", [Segment(printed, "", "object", "a formula")])
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
            self.caption(block.source, block.label, block.caption, "the listing's number")
        lines = block.text.split("\n")
        if block.listing or highlight:
            for n, line in enumerate(lines):
                source = Source(block.source.path, block.source.line + 1 + n)
                self.add(source, "code", [Segment(_printed(line), line, "text")])
        else:
            text = " ".join(lines)
            self.add(Source(block.source.path, block.source.line + 1), "code", [Segment(_printed(text), text, "text")])

    def footnotes(self) -> None:
        for note in self.notes:
            self.add(note.source, "footnote", [Segment(" ", "", "generated", "the footnote's number"),
                                               *self.inlines(note.children)], story="footnote")


def file_units(parts: list[Part], language: str, highlight: bool, lines: dict[tuple[str, int], str]) -> list[Unit]:
    """The units of a chapter's parts alone (no document around them), footnotes last."""
    builder = _Builder(language, highlight, lines)
    for part in parts:
        builder.part(part)
    builder.footnotes()
    return builder.units


def document_units(document: Document) -> list[Unit]:
    """Every unit of the document, in the order the .docx holds them: the body, the footnotes, the title
    page's foot (a footer)."""
    config = document.config
    builder = _Builder(document.language, bool(config.layout.get("listing_highlight")), document.source_lines)
    strings = locale.STRINGS[document.language]
    settings = _SettingUnits(document, builder)
    inserted_title = any(e.name == "title" for e in document.inserted)
    if not inserted_title:
        settings.title_page()
    for part in document.abstracts:
        builder.part(part)
    contents_source = Source("thesis.toml", config.key_lines.get("layout.contents_depth", 1))
    builder.add(contents_source, "fixed", [Segment(strings["contents"], "", "generated", "the contents page")],
                generated="the contents page")
    headings = {h.id: h for h in document.headings}
    for entry in document.contents:
        heading = headings.get(entry.id)
        source = heading.source if heading is not None else settings.fixed_source(entry.id)
        text = entry.text.upper() if entry.kind in ("chapter", "structural") else entry.text
        builder.add(source, "contents", [Segment(text, "", "generated", "the contents page")],
                    generated="the contents page")
    if document.terms:
        settings.terms()
    if document.abbreviations:
        settings.abbreviations()
    for part in document.parts:
        builder.part(part)
    settings.references()
    for part in document.appendices:
        builder.part(part)
    builder.footnotes()
    if not inserted_title and document.title_page.foot:
        settings.title_foot()
    return builder.units


class _SettingUnits:
    """The units printed from thesis.toml and references.bib: the title page, the terms and abbreviations
    pages, the reference list."""

    def __init__(self, document: Document, builder: _Builder) -> None:
        self.document, self.builder = document, builder
        self.config = document.config
        self.strings = locale.STRINGS[document.language]
        self.bib = self.config.bibliography["file"]

    def line(self, key: str) -> int:
        lines = self.config.key_lines
        return lines.get(key) or lines.get(key.split(".", 1)[0]) or 1

    def fixed_source(self, ident: str) -> Source:
        if ident == "references":
            return Source(self.bib, 1)
        return Source("thesis.toml", self.line(ident))

    def fields(self, printed: str, names: list[str]) -> list[Segment]:
        """``printed`` cut into the values of the title-page fields ``names`` (found in it, in order) and the
        generated words around them."""
        values = self.config.title_page
        segments: list[Segment] = []
        position = 0
        flat = printed.replace("\n", " ")
        for name in names:
            value = values.get(name)
            if value in (None, "") or isinstance(value, bool):
                continue
            typed = str(value)
            shown = apply_typography(typed, self.document.language) if isinstance(value, str) else typed
            at = flat.find(shown, position)
            if at < 0:
                continue
            if at > position:
                segments.append(Segment(printed[position:at], "", "generated", "the title page's fixed words"))
            segments.append(Segment(printed[at : at + len(shown)], typed, "field", f"title_page.{name}",
                                    line=self.line(f"title_page.{name}")))
            position = at + len(shown)
        if position < len(printed):
            segments.append(Segment(printed[position:], "", "generated", "the title page's fixed words"))
        return segments

    def title_line(self, printed: str, names: list[str], story: str = "body") -> None:
        segments = self.fields(printed, names)
        named = next((s.what for s in segments if s.kind == "field"), "title_page")
        source = Source("thesis.toml", self.line(named))
        generated = "" if any(s.kind == "field" for s in segments) else "the title page's fixed words"
        self.builder.add(source, "title", segments, story=story, generated=generated)

    def title_page(self) -> None:
        page, values = self.document.title_page, self.config.title_page
        heads = [name for name in ("ministry", "university", "faculty", "department") if values.get(name)]
        for name, lines in zip(heads, page.head, strict=False):
            self.title_line("\n".join(lines), [name])
        for text in page.approval:
            self.title_line(text, ["head_of_department", "year"])
        if page.work_type:
            self.title_line(page.work_type, ["work_type"])
        if page.topic:
            self.title_line(page.topic, ["title"])
        subjects = [name for name in ("discipline", "specialty") if values.get(name)]
        for name, text in zip(subjects, page.subject, strict=False):
            self.title_line(text, [name])
        for label, lines in page.people:  # a table row: the label, then the name
            names = ["supervisor"] if label == self.strings["supervisor"] else ["group", "author"]
            segments = self.fields("\n".join(lines), names)
            named = next((s.what for s in segments if s.kind == "field"), "title_page")
            source = Source("thesis.toml", self.line(named))
            self.builder.add(source, "title", [Segment(f"{label}:", "", "generated", "the title page's fixed words")],
                             generated="the title page's fixed words")
            self.builder.add(source, "title", segments)

    def title_foot(self) -> None:
        self.title_line(self.document.title_page.foot, ["city", "year"], story="footer")

    def terms(self) -> None:
        source = Source("thesis.toml", self.line("terms"))
        builder = self.builder
        builder.add(source, "fixed", [Segment(self.strings["terms"], "", "generated", "a fixed heading")],
                    generated="a fixed heading")
        builder.add(source, "fixed", [Segment(self.strings["terms_intro"], "", "generated", "a fixed sentence")],
                    generated="a fixed sentence")
        for term, definition in self.document.terms:
            builder.add(Source("thesis.toml", self.line(f"terms.{term}")), "setting",
                        [Segment(term, "", "generated", "a term's name"), Segment(" – ", "", "generated", "a dash"),
                         Segment(_printed(definition), definition, "field", f"terms.{term}",
                                 line=self.line(f"terms.{term}"))])

    def abbreviations(self) -> None:
        builder = self.builder
        builder.add(Source("thesis.toml", self.line("abbreviations")), "fixed",
                    [Segment(self.strings["abbreviations"], "", "generated", "a fixed heading")],
                    generated="a fixed heading")
        for abbreviation, meaning in self.document.abbreviations:
            source = Source("thesis.toml", self.line(f"abbreviations.{abbreviation}"))
            builder.add(source, "setting", [Segment(abbreviation, "", "generated", "an abbreviation's name")])
            builder.add(source, "setting", [Segment("\u2013", "", "generated", "a dash")], generated="a dash")
            builder.add(source, "setting", [Segment(_printed(meaning), meaning, "field",
                                                    f"abbreviations.{abbreviation}", line=source.line)])

    def references(self) -> None:
        builder = self.builder
        builder.add(Source(self.bib, 1), "fixed", [Segment(self.strings["references"], "", "generated",
                                                           "a fixed heading")], generated="a fixed heading")
        for ref in self.document.references:
            text = "".join(for_print(part) for part, _ in ref.runs) if ref.runs else for_print(ref.text)
            builder.add(Source(self.bib, ref.entry.line), "reference",
                        [Segment(f"{ref.label} ", "", "generated", "the reference list's number"),
                         Segment(_printed(text), ref.text, "reference", ref.entry.key, line=ref.entry.line)],
                        entry=ref.entry.key)
