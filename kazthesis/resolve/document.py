"""Checked inputs (settings, bibliography, parsed chapters) → the resolved :class:`~kazthesis.model.Document`.

The steps in order: the numbering walk (:mod:`~kazthesis.resolve.numbering`) decides every number and the
order of first citation; the reference list is ordered and numbered (:mod:`~kazthesis.resolve.references`);
a second walk writes the printed text of every citation (:mod:`~kazthesis.resolve.citations`; under a CSL
style both come from one run of the processor, :mod:`~kazthesis.resolve.csl_references`) and
cross-reference (:mod:`~kazthesis.resolve.crossrefs`); then the statistics lines, the contents
(:mod:`~kazthesis.resolve.contents`), the profile's forms of headings and section labels
(:mod:`~kazthesis.resolve.forms`) and the title page (:mod:`~kazthesis.resolve.title`). It is cheap (no
I/O), so watch mode runs it on every rebuild.
"""

from __future__ import annotations

from kazthesis.bibliography import Bibliography
from kazthesis.lang.collation import kazakh_sort_key
from kazthesis.lang.typography import apply_typography
from kazthesis.model import Document, Part
from kazthesis.problems import Problems
from kazthesis.read.config import Config
from kazthesis.read.parse import ParsedFile
from kazthesis.resolve.citations import write_citation_texts
from kazthesis.resolve.contents import contents
from kazthesis.resolve.crossrefs import CrossReferences
from kazthesis.resolve.csl_references import csl_reference_list
from kazthesis.resolve.forms import apply_caption_forms, apply_heading_forms, printed_strings
from kazthesis.resolve.geometry import page_geometry
from kazthesis.resolve.lists import mark_lists
from kazthesis.resolve.numbering import Numbering
from kazthesis.resolve.references import make_reference_list
from kazthesis.resolve.title import make_title_page


def _join_parts(files: list[ParsedFile]) -> list[Part]:
    """All parts in reading order; a file that starts without a level-1 heading continues the previous part."""
    parts: list[Part] = []
    for parsed in files:
        for part in parsed.parts:
            if part.heading is None and parts:
                parts[-1].blocks.extend(part.blocks)
            else:
                parts.append(Part(part.heading, list(part.blocks)))
    return parts


def resolve(config: Config, bibliography: Bibliography, files: list[ParsedFile], problems: Problems) -> Document:
    """Number everything, order the reference list and decide every printed string."""
    parts = _join_parts(files)
    for part in parts:
        mark_lists(part.blocks, config.language, config.layout["list_marks"])
    numbering = Numbering(config, bibliography, problems)
    numbering.number(parts)
    cited = list(numbering.cited)
    made = None
    if config.csl_style is not None:  # a CSL style writes the list and the citations in one run
        made = csl_reference_list(config, bibliography, numbering.citations, cited, problems)
    references, hanging = made or (None, False)
    if references is None:
        references = make_reference_list(config, bibliography, cited)
        write_citation_texts(numbering.citations, {ref.entry.key: ref.number for ref in references},
                             bibliography.entries, config.language)
    xrefs = CrossReferences(numbering.labels, config.language, numbering.error)
    for xref in numbering.xrefs:
        xref.text = xrefs.text(xref)
    numbering.count_statistics(references, sum(1 for h in numbering.headings if h.kind == "appendix"))
    source_lines = {(parsed.rel, number): line for parsed in files for number, line in enumerate(parsed.lines, 1)}
    geometry = page_geometry(config.layout)
    strings = printed_strings(config.language, geometry.forms)
    apply_heading_forms(numbering.headings, geometry.forms, strings)
    apply_caption_forms([*numbering.figures, *numbering.tables, *numbering.listings], geometry.forms)
    return Document(
        config=config,
        bibliography=bibliography,
        title_page=make_title_page({k: apply_typography(v, config.language) if isinstance(v, str) else v
                                    for k, v in config.title_page.items()}, config.language, config.layout),
        parts=[p for p in parts if p.heading is None or p.heading.kind not in ("appendix", "abstract")],
        appendices=[p for p in parts if p.heading is not None and p.heading.kind == "appendix"],
        headings=numbering.headings,
        contents=contents(config, numbering.headings, strings),
        abbreviations=sorted(config.abbreviations.items(), key=lambda item: kazakh_sort_key(item[0])),
        references=references,
        cited_keys=cited,
        footnotes=numbering.footnotes,
        figures=numbering.figures,
        tables=numbering.tables,
        source_lines=source_lines,
        geometry=geometry,
        abstracts=[p for p in parts if p.heading is not None and p.heading.kind == "abstract"],
        terms=[(term, apply_typography(definition, config.language)) for term, definition in config.terms.items()],
        listings=numbering.listings,
        hanging_references=hanging,
        strings=strings,
    )
