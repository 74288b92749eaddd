"""The resolved document → every unit its .docx prints, in the writer's order: the chapters' (see
:mod:`kazthesis.resolve.printed_units`) and those printed from thesis.toml and references.bib — the title
page, the contents page, the terms and abbreviations pages, the reference list — each with the line of its
setting or entry, and what of it is the tool's own words.
"""

from __future__ import annotations

from kazthesis.i18n import N_
from kazthesis.lang import wording
from kazthesis.lang.typography import apply_typography, for_print
from kazthesis.model import Document, Source
from kazthesis.resolve.printed_units import Builder, Segment, Unit, shown


def document_units(document: Document) -> list[Unit]:
    """Every unit of the document, in the order the .docx holds them: the body, the footnotes, the title
    page's foot (a footer)."""
    config = document.config
    builder = Builder(document.language, bool(config.layout.get("listing_highlight")), document.source_lines)
    apa = document.geometry.forms.name == "apa"
    builder.upper_chapters = not apa  # APA prints its headings as written
    strings = document.strings or wording.strings(document.language)
    settings = _SettingUnits(document, builder)
    inserted_title = any(e.name == "title" for e in document.inserted)
    if not inserted_title:
        settings.title_page()
    for part in document.abstracts:
        builder.part(part)
    contents_source = Source("thesis.toml", config.key_lines.get("layout.contents_depth", 1))
    contents_page = config.layout.get("contents", True)
    if contents_page:
        builder.add(contents_source, "fixed", [Segment(strings["contents"], "", "generated", N_("the contents page"))],
                    generated=N_("the contents page"))
    headings = {h.id: h for h in document.headings}
    for entry in document.contents if contents_page else []:
        heading = headings.get(entry.id)
        source = heading.source if heading is not None else settings.fixed_source(entry.id)
        text = entry.text.upper() if entry.kind in ("chapter", "structural") and not apa else entry.text
        builder.add(source, "contents", [Segment(text, "", "generated", N_("the contents page"))],
                    generated=N_("the contents page"))
    if document.terms:
        settings.terms()
    if document.abbreviations:
        settings.abbreviations()
    if apa and document.title_page.title and document.parts:  # the paper's title over the text
        settings.title_line(document.title_page.title, ["title"])
    for part in document.parts:
        builder.part(part)
    settings.references()
    for part in document.appendices:
        builder.part(part)
    builder.footnotes()
    if not inserted_title and document.title_page.foot and not apa:
        settings.title_foot()
    return builder.units


class _SettingUnits:
    """The units printed from thesis.toml and references.bib: the title page, the terms and abbreviations
    pages, the reference list."""

    def __init__(self, document: Document, builder: Builder) -> None:
        self.document, self.builder = document, builder
        self.config = document.config
        self.strings = document.strings or wording.strings(document.language)
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
                segments.append(Segment(printed[position:at], "", "generated", N_("the title page's fixed words")))
            segments.append(Segment(printed[at : at + len(shown)], typed, "field", f"title_page.{name}",
                                    line=self.line(f"title_page.{name}")))
            position = at + len(shown)
        if position < len(printed):
            segments.append(Segment(printed[position:], "", "generated", N_("the title page's fixed words")))
        return segments

    def title_line(self, printed: str, names: list[str], story: str = "body") -> None:
        segments = self.fields(printed, names)
        named = next((s.what for s in segments if s.kind == "field"), "title_page")
        source = Source("thesis.toml", self.line(named))
        generated = "" if any(s.kind == "field" for s in segments) else N_("the title page's fixed words")
        self.builder.add(source, "title", segments, story=story, generated=generated)

    def title_page(self) -> None:
        page, values = self.document.title_page, self.config.title_page
        if self.document.geometry.forms.name == "apa":  # the student title page (kazthesis.resolve.title)
            if page.title:
                self.title_line(page.title, ["title"])
            for text in page.student:
                self.title_line(text, ["author", "department", "university", "course", "discipline", "instructor",
                                       "supervisor", "due_date", "year"])
            return
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
            fixed = N_("the title page's fixed words")
            self.builder.add(source, "title", [Segment(f"{label}:", "", "generated", fixed)], generated=fixed)
            self.builder.add(source, "title", segments)

    def title_foot(self) -> None:
        self.title_line(self.document.title_page.foot, ["city", "year"], story="footer")

    def terms(self) -> None:
        source = Source("thesis.toml", self.line("terms"))
        builder = self.builder
        builder.add(source, "fixed", [Segment(self.strings["terms"], "", "generated", N_("a fixed heading"))],
                    generated=N_("a fixed heading"))
        builder.add(source, "fixed", [Segment(self.strings["terms_intro"], "", "generated", N_("a fixed sentence"))],
                    generated=N_("a fixed sentence"))
        for term, definition in self.document.terms:
            builder.add(Source("thesis.toml", self.line(f"terms.{term}")), "setting",
                        [Segment(term, "", "generated", N_("a term's name")),
                         Segment(" – ", "", "generated", N_("a dash")),
                         Segment(shown(definition), definition, "field", f"terms.{term}",
                                 line=self.line(f"terms.{term}"))])

    def abbreviations(self) -> None:
        builder = self.builder
        builder.add(Source("thesis.toml", self.line("abbreviations")), "fixed",
                    [Segment(self.strings["abbreviations"], "", "generated", N_("a fixed heading"))],
                    generated=N_("a fixed heading"))
        for abbreviation, meaning in self.document.abbreviations:
            source = Source("thesis.toml", self.line(f"abbreviations.{abbreviation}"))
            builder.add(source, "setting", [Segment(abbreviation, "", "generated", N_("an abbreviation's name"))])
            builder.add(source, "setting", [Segment("\u2013", "", "generated", N_("a dash"))], generated=N_("a dash"))
            builder.add(source, "setting", [Segment(shown(meaning), meaning, "field",
                                                    f"abbreviations.{abbreviation}", line=source.line)])

    def references(self) -> None:
        builder = self.builder
        builder.add(Source(self.bib, 1), "fixed", [Segment(self.strings["references"], "", "generated",
                                                           N_("a fixed heading"))], generated=N_("a fixed heading"))
        for ref in self.document.references:
            text = "".join(for_print(part) for part, _ in ref.runs) if ref.runs else for_print(ref.text)
            builder.add(Source(self.bib, ref.entry.line), "reference",
                        [Segment(f"{ref.label} ", "", "generated", N_("the reference list's number")),
                         Segment(shown(text), ref.text, "reference", ref.entry.key, line=ref.entry.line)],
                        entry=ref.entry.key)
