"""The written .docx → the same file with each paragraph's source named in a hidden bookmark.

``kazthesis review`` reads a supervisor's comments and tracked changes back
into the sources; to know where each paragraph came from, every paragraph —
heading, paragraph, list item, table cell, caption, footnote, title-page line
(→ thesis.toml), reference-list entry (→ references.bib) — starts with a
bookmark ``_Ks{file}_{line}_{n}``: hidden (the leading underscore), only
letters, digits and ``_``, at most 40 characters, as Word requires of a name;
``file`` is an index into the list of source files kept in the custom document
properties ``kazthesis.source.{index}``, ``n`` counts the paragraphs printed
from the same line (a table row's cells). Bookmarks and custom properties are
kept by Word and by LibreOffice when they open and save the file
(tests/review/test_markers.py saves one through LibreOffice).

The writer owns the format it writes: :func:`marker_name`, :func:`read_marker`
and :func:`unit_ordinals` are here, and ``review`` reads the markers with them.
The paragraphs are paired with the units of :mod:`kazthesis.resolve.printed` —
the same model, paragraph by paragraph, in the writer's order — by their text
(each paragraph read back with :mod:`kazthesis.docx.reading`); a paragraph
whose text no unit prints gets no bookmark, and ``review`` finds it by its
text instead.
"""

from __future__ import annotations

import re
from collections import defaultdict
from difflib import SequenceMatcher
from xml.sax.saxutils import escape

from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from kazthesis.docx.reading import MARKER_PREFIX, ParagraphReader
from kazthesis.docx.story import Story
from kazthesis.docx.wordml import el
from kazthesis.lang.folding import folded_text
from kazthesis.model import Document
from kazthesis.resolve.printed import document_units
from kazthesis.resolve.printed_units import Unit

CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
PROPERTY_FORMAT = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id Word gives user-defined properties
FIRST_ID = 1_000_000  # bookmark ids of their own, apart from the cross-references' (1, 2, …)
MARKER_RE = re.compile(rf"^{MARKER_PREFIX}(\d+)_(\d+)_(\d+)$")


def marker_name(file_index: int, line: int, ordinal: int) -> str:
    """The bookmark that marks a paragraph from line ``line`` of source file ``file_index``."""
    return f"{MARKER_PREFIX}{file_index}_{line}_{ordinal}"


def read_marker(name: str) -> tuple[int, int, int] | None:
    """A marker's (file index, line, ordinal); None when ``name`` is not a marker."""
    match = MARKER_RE.match(name)
    return (int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None


def unit_ordinals(units: list[Unit]) -> dict[tuple[str, int, int], int]:
    """(file, line, ordinal) → unit index: the ordinal counts the units printed from the same line before."""
    seen: dict[tuple[str, int], int] = defaultdict(int)
    found = {}
    for index, unit in enumerate(units):
        at = (unit.source.path, unit.source.line)
        found[(*at, seen[at])] = index
        seen[at] += 1
    return found


def source_files(document: Document) -> list[str]:
    """The files a paragraph can come from, in source order: thesis.toml, the chapters, the .bib file."""
    chapters = list(dict.fromkeys(path for path, _ in document.source_lines))
    return ["thesis.toml", *chapters, document.config.bibliography["file"]]


def _texts(elements: list[BaseOxmlElement], story: str) -> list[tuple[BaseOxmlElement, str]]:
    """Each paragraph among ``elements`` (table cells' too), with its text as the .docx prints it."""
    walker = ParagraphReader(story, 0)
    found = []
    for element in elements:
        paragraphs = [element] if element.tag == qn("w:p") else list(element.iter(qn("w:p")))
        for p in paragraphs:
            walker.paragraph(p, element.tag == qn("w:tbl"))
            found.append((p, folded_text(walker.paragraphs[-1].original.split("\t")[0])))
    return found


def add_markers(story: Story) -> None:
    """Bookmark every paragraph of the written body, footnotes and title-page foot with its source."""
    document = story.document
    units = document_units(document)
    files = {path: n for n, path in enumerate(source_files(document))}
    ordinals = {index: key for key, index in unit_ordinals(units).items()}
    section = story.word.sections[0]
    stories = {
        "body": [e for e in story.word.element.body if e.tag in (qn("w:p"), qn("w:tbl"))],
        "footnote": [n for n in story.footnotes.element if n.get(qn("w:type")) is None],
        "footer": [p._p for p in section.first_page_footer.paragraphs],
    }
    ident = FIRST_ID
    for name, elements in stories.items():
        pool = [i for i, unit in enumerate(units) if unit.story == name]
        written = _texts(elements, name)
        for p, index in _pairs(written, pool, units):
            path, line, ordinal = ordinals[index]
            if path not in files:
                continue
            ident += 1
            start = el("bookmarkStart", id=ident, name=marker_name(files[path], line, ordinal))
            ppr = p.find(qn("w:pPr"))
            if ppr is not None:
                ppr.addnext(start)
            else:
                p.insert(0, start)
            start.addnext(el("bookmarkEnd", id=ident))
    _custom_properties(story, list(files))


def _pairs(written: list[tuple[BaseOxmlElement, str]], pool: list[int],
           units: list[Unit]) -> list[tuple[BaseOxmlElement, int]]:
    """Written paragraphs paired with the units that print the same text, in order."""
    printed = [folded_text(units[i].printed) for i in pool]
    matcher = SequenceMatcher(None, [text for _, text in written], printed, autojunk=False)
    pairs = []
    for first, target, size in matcher.get_matching_blocks():
        pairs.extend((written[first + k][0], pool[target + k]) for k in range(size))
    return pairs


def _custom_properties(story: Story, files: list[str]) -> None:
    """The list of source files, as custom document properties kazthesis.source.0, .1, …"""
    entries = "".join(f'<property fmtid="{PROPERTY_FORMAT}" pid="{n + 2}" name="kazthesis.source.{n}">'
                      f"<vt:lpwstr>{escape(path)}</vt:lpwstr></property>" for n, path in enumerate(files))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
           'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/'
           f'officeDocument/2006/docPropsVTypes">{entries}</Properties>')
    package = story.word.part.package
    package.relate_to(Part(PackURI("/docProps/custom.xml"), CUSTOM_TYPE, xml.encode("utf-8"), package),
                      CUSTOM_PROPERTIES)
