"""The build, stage by stage: read (:mod:`kazthesis.read`) → resolve (:mod:`kazthesis.resolve`) → write
(:mod:`kazthesis.pdf`, :mod:`kazthesis.docx`).

``build_document`` reads and checks every input and resolves the document; ``prepare`` adds the font check
and is the part ``check`` and ``refs`` share (nothing rendered); ``build`` makes the PDF, ``build_docx``
the Word file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from kazthesis.i18n import _
from kazthesis.model import Document
from kazthesis.pdf.templates import TemplateRefused, template_problem
from kazthesis.problems import Problems
from kazthesis.read.config import load_config
from kazthesis.read.fonts import font_name, missing_characters
from kazthesis.read.inputs import Inputs, read_bibliography, read_chapters
from kazthesis.read.inserts import check_external
from kazthesis.resolve.document import resolve
from kazthesis.resolve.references import warn_unprinted, warn_unused

if TYPE_CHECKING:
    from kazthesis.pdf.build import LayoutCache


@dataclass
class BuildResult:
    """What one build made, for the closing line."""

    pdf: Path
    pages: int
    references: int
    seconds: float
    laid_out: int  # pieces laid out (the rest were unchanged since the last build)
    placeholders: int = 0  # title-page fields still holding a placeholder
    placeholder_sources: int = 0  # listed sources still holding a placeholder (a draft's number without entry)
    norm_warnings: int = 0  # what `check` would say besides them (a build counts, `check` lists)


def build_document(root: Path, problems: Problems, inputs: Inputs | None = None) -> Document:
    """Read and check every input of the project at ``root``, and resolve the document."""
    config = load_config(root, problems)
    inserted = check_external(config, problems)  # the title-page PDF and the [[insert]] files
    bibliography = read_bibliography(config, problems, inputs)
    files = read_chapters(root, config.language, problems, inputs)
    document = resolve(config, bibliography, files, problems)
    document.inserted = inserted
    if config.checks["unused_references"] and not config.bibliography["list_uncited"]:
        warn_unused(document, problems)
    warn_unprinted(document, problems)
    return document


def prepare(root: Path, problems: Problems, inputs: Inputs | None = None) -> Document:
    """Read and check all inputs, including whether the font can draw them."""
    document = build_document(root, problems, inputs)
    check_font_coverage(document, problems)
    return document


def check_font_coverage(document: Document, problems: Problems) -> None:
    """Name each character the body font lacks, with the first place it is used."""
    family = document.config.layout["font"]
    sources: list[tuple[Path, int | None, str]] = []
    for (rel, line), text in document.source_lines.items():
        sources.append((document.config.root / rel, line, text))
    for name, value in document.config.title_page.items():
        if isinstance(value, str):
            sources.append((document.config.path, document.config.key_lines.get(f"title_page.{name}"), value))
    for ref in document.references:
        sources.append((document.config.bib_path, ref.entry.line, ref.text))
    reported: set[str] = set()
    for path, line, text in sources:
        missing = missing_characters(text, family) - reported
        if missing:
            reported |= missing
            listed = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in sorted(missing))
            problems.warning(path, line, _("the font {font_name} has no glyph for {listed}").format(
                                           font_name=font_name(family), listed=listed),
                             _("replace the character, or set [layout] font to a font that has it"))


def build(root: Path, problems: Problems, started: float | None = None,
          cache: LayoutCache | None = None, inputs: Inputs | None = None) -> BuildResult | None:
    """Build ``root/output/thesis.pdf`` (and thesis.html); None when the input has errors.

    ``cache`` and ``inputs`` are kept by watch mode between rebuilds.
    """
    from kazthesis.output import write_files
    from kazthesis.pdf import workers
    from kazthesis.pdf.build import build_pdf
    from kazthesis.resolve.checks import placeholder_sources, placeholders, run_checks

    started = time.perf_counter() if started is None else started
    workers.start()  # the renderer loads itself while this process reads the project
    document = prepare(root, problems, inputs)
    if problems.errors:
        return None
    try:
        result = build_pdf(document, problems, cache)
    except (jinja2.TemplateError, TemplateRefused) as exc:
        template_problem(exc, root, problems)
        return None
    if result is None:
        return None
    output = root / "output"
    if not write_files({output / "thesis.pdf": result.pdf, output / "thesis.html": result.html.encode("utf-8")},
                       problems, root):
        return None
    norm = Problems(root=root)
    run_checks(document, norm, result.body_pages, title_page=False)
    return BuildResult(output / "thesis.pdf", result.pages, len(document.references),
                       time.perf_counter() - started, result.laid_out, len(placeholders(document)),
                       len(placeholder_sources(document)), len(norm.warnings))


@dataclass
class DocxResult:
    """What one Word build made, for the closing line."""

    docx: Path
    references: int
    footnotes: int
    seconds: float
    contents: str = ""  # how the contents page got its numbers (see kazthesis.docx.page_numbers)


def build_docx(root: Path, problems: Problems, started: float | None = None) -> DocxResult | None:
    """Build ``root/output/thesis.docx``; None when the input has errors (the previous file is kept)."""
    from kazthesis.docx.page_numbers import number_contents
    from kazthesis.docx.writer import render_docx
    from kazthesis.output import write_files

    started = time.perf_counter() if started is None else started
    document = prepare(root, problems)
    if problems.errors:
        return None
    data = render_docx(document, problems)
    if data is None:
        return None
    data, contents = number_contents(data, document)
    target = root / "output" / "thesis.docx"
    if not write_files({target: data}, problems, root):
        return None
    return DocxResult(target, len(document.references), len(document.footnotes), time.perf_counter() - started,
                      contents)
