"""A draft's structure and sources → the files of the new project, written into a folder of their own.

Decides the content files' names (``02-tarau-1.md``: the kind of part and its
title, transliterated), the headings' attributes, the figures' and tables' ids,
the pictures' files, the citation keys; then writes everything into a
temporary folder beside the target and moves it into place, so that a failed
import leaves nothing half-written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kazthesis.draft.citations import Linker
from kazthesis.draft.headings import chapter_heading, numbered_heading, sentence_case, spelling_forms
from kazthesis.draft.markdown_out import Writer
from kazthesis.draft.model import Draft
from kazthesis.draft.references import Source, bib_file, placeholder, read_list, style_of
from kazthesis.draft.settings import settings_text
from kazthesis.draft.structure import Part, Structure
from kazthesis.draft.translit import slug
from kazthesis.output import write_folder

SHOWN_IMAGES = {"png", "jpeg", "jpg", "svg"}
CHAPTER_FILE = {"kk": "tarau", "ru": "glava", "en": "chapter"}
APPENDIX_FILE = {"kk": "qosymsha", "ru": "prilozheniye", "en": "appendix"}
ABBREVIATION_LINE = re.compile(r"^\s*([^\s–—-]{2,15})\s*[–—-]\s*(\S.*)$")


@dataclass
class Project:
    """What the import made: file name → text, pictures, sources, and counts for the report."""

    files: dict[str, str] = field(default_factory=dict)
    images: dict[str, bytes] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    placeholders: list[Source] = field(default_factory=list)
    linker: Linker | None = None
    chapters: int = 0
    figures: int = 0
    tables: int = 0
    kept: list[tuple[int, str]] = field(default_factory=list)
    language: str = "kk"
    unlisted_contents: list[str] = field(default_factory=list)
    uncited: list[Source] = field(default_factory=list)  # list entries the text never cites


def detect_language(draft: Draft) -> str:
    """kk, ru or en from the draft's letters: Kazakh letters in the Cyrillic text make it Kazakh."""
    text = " ".join(p.text for p in draft.paragraphs[:2000])
    cyrillic = len(re.findall("[\u0400-\u04ff]", text))
    latin = len(re.findall("[A-Za-z]", text))
    kazakh = len(re.findall("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", text))
    if cyrillic < latin:
        return "en"
    return "kk" if kazakh >= 0.01 * cyrillic else "ru"


def _abbreviations(part: Part) -> dict[str, str] | None:
    """An abbreviations page of ``АҚШ – Америка Құрама Штаттары`` lines; None if any line is otherwise."""
    found = {}
    for block in part.blocks:
        match = ABBREVIATION_LINE.match(block.paragraph.text)
        if block.kind not in ("paragraph", "item") or not match:
            return None
        found[match.group(1)] = match.group(2).strip().rstrip(";.")
    return found or None


def _unique(base: str, taken: set[str]) -> str:
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name)
    return name


def make_project(draft: Draft, structure: Structure, draft_name: str) -> Project:
    """Every file of the new project, in memory."""
    project = Project(language=detect_language(draft))
    language = project.language
    style = style_of([text for _, text in structure.references])
    project.sources = read_list(structure.references, style)
    keys = {s.number: s.key for s in project.sources if s.number is not None}
    taken = {s.key for s in project.sources}

    def missing(number: int) -> str:
        source = placeholder(number, language, taken)
        project.placeholders.append(source)
        return source.key

    linker = Linker(keys, missing=missing)
    project.linker = linker
    images, ids = _media(structure, project, linker)
    writer = Writer(linker, draft.footnotes, images, ids)
    forms = spelling_forms([b.paragraph.text for p in structure.parts for b in p.blocks if b.kind == "paragraph"])
    abbreviations: dict[str, str] = {}
    names: set[str] = set()
    counter = 0
    for part in structure.parts:
        if part.kind == "abbreviations" and (found := _abbreviations(part)) is not None:
            abbreviations.update(found)
            continue
        title = sentence_case(part.title, forms) if part.kind in ("chapter", "appendix") else part.title
        part.title = title
        for block in part.blocks:
            if block.kind == "heading":
                block.title = sentence_case(block.title, forms)
        counter += 1
        if part.kind == "chapter":
            project.chapters += 1
            stem = f"{CHAPTER_FILE[language]}-{project.chapters}"
            attrs = f"#sec:{_unique(slug(title, language, 3), names)}"
        elif part.kind == "appendix":
            stem = f"{APPENDIX_FILE[language]}-{slug(part.letter, language) or part.letter.lower()}"
            attrs = f".appendix #app:{_unique(slug(title, language, 3) or 'appendix', names)}"
        elif part.kind == "abstract":
            stem, attrs = slug(title, language, 2) or "abstract", ".abstract"
        elif part.kind == "preface":
            stem, attrs = "0-text", ""
        else:
            stem, attrs = slug(title, language, 3) or part.kind, ".unnumbered"
        head = writer.heading(part, attrs) if part.kind != "preface" else ""
        project.files[f"content/{counter:02d}-{stem}.md"] = writer.part(part, head)
    project.kept = writer.kept
    all_sources = project.sources + project.placeholders
    project.files["references.bib"] = bib_file(all_sources) if all_sources else "% No sources yet.\n"
    project.uncited = [s for s in project.sources if s.key not in linker.used]
    project.files["thesis.toml"] = settings_text(language, structure.work_type, structure.title_page, style,
                                                 abbreviations, draft_name, list_uncited=bool(project.uncited))
    project.unlisted_contents = _unlisted(structure, forms)
    return project


def _media(structure: Structure, project: Project, linker: Linker) -> tuple[dict[int, str], dict[int, str]]:
    """Pictures → images/figure-N.ext, and ids for figures and tables (from their captions); the typed
    caption numbers go to the linker for cross-references. (paragraph → image path, paragraph → id)"""
    images: dict[int, str] = {}
    ids: dict[int, str] = {}
    used_ids: set[str] = set()
    language = project.language
    for part in structure.parts:
        for block in part.blocks:
            if block.kind == "figure" and block.paragraph.image is not None:
                project.figures += 1
                image = block.paragraph.image
                extension = "jpg" if image.extension == "jpeg" else image.extension
                name = f"images/figure-{project.figures}.{extension}"
                project.images[name] = image.data
                if extension in SHOWN_IMAGES:
                    images[block.paragraph.number] = name
                    ident = "fig:" + _unique(slug(block.caption.text, language, 3) if block.caption else
                                             f"figure-{project.figures}", used_ids)
                    ids[block.paragraph.number] = ident
                    if block.caption:
                        linker.figures.setdefault(block.caption.number, ident)
            elif block.kind == "table":
                project.tables += 1
                caption = block.caption.text if block.caption else ""
                ident = "tbl:" + _unique(slug(caption, language, 3) if caption else f"table-{project.tables}",
                                         used_ids)
                ids[block.paragraph.number] = ident
                if block.caption:
                    linker.tables.setdefault(block.caption.number, ident)
    return images, ids


def _unlisted(structure: Structure, forms: dict[str, str]) -> list[str]:
    """Entries of the typed contents page that no heading of the text matches (the report names them)."""
    def folded(text: str) -> str:
        return re.sub(r"\W+", "", text.casefold())

    headings = {folded(p.title) for p in structure.parts}
    headings |= {folded(b.title) for p in structure.parts for b in p.blocks if b.title}
    headings.add(folded(structure.reference_heading))
    unlisted = []
    for entry in structure.contents:
        bare = chapter_heading(entry) or numbered_heading(entry)
        title = bare[1] if bare else entry
        if folded(sentence_case(title, forms)) not in headings and folded(title) not in headings:
            unlisted.append(entry)
    return unlisted


def write_project(project: Project, target: Path) -> None:
    """Write into a new folder beside ``target``, then move it into place (``target`` absent or empty)."""
    files = {name: text.encode("utf-8") for name, text in project.files.items()}
    files.update(project.images)
    write_folder(files, target, folders=("images",))
