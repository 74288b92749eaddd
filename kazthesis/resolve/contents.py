"""The numbered headings → the contents page's entries, in page order, with the fixed pages' titles."""

from __future__ import annotations

from collections.abc import Mapping

from kazthesis.lang import wording
from kazthesis.model import ContentsEntry, Heading
from kazthesis.read.config import Config


def contents(config: Config, headings: list[Heading], strings: Mapping[str, str] | None = None) -> list[ContentsEntry]:
    """The contents page in page order: the terms and abbreviations pages, the body, the reference list, the
    appendices; headings down to ``contents_depth``, except the unlisted ones and the annotations. The fixed
    pages' titles are ``strings`` (the profile's: :func:`kazthesis.resolve.forms.printed_strings`)."""
    strings = strings or wording.strings(config.language)
    listed = [ContentsEntry(h.level, h.kind, _contents_text(h), h.id) for h in headings
              if h.level <= config.layout["contents_depth"] and "unlisted" not in h.classes and h.kind != "abstract"]
    # GOST 7.32-2017 puts the terms and definitions before the abbreviations.
    fixed = [ContentsEntry(1, "structural", strings["terms"], "terms")] if config.terms else []
    if config.abbreviations:
        fixed.append(ContentsEntry(1, "structural", strings["abbreviations"], "abbreviations"))
    body = [entry for entry in listed if entry.kind != "appendix"]
    appendices = [entry for entry in listed if entry.kind == "appendix"]
    return [*fixed, *body, ContentsEntry(1, "structural", strings["references"], "references"), *appendices]


def _contents_text(heading: Heading) -> str:
    if heading.kind == "appendix":
        return f"{heading.label} {heading.plain}"
    return f"{heading.number} {heading.plain}" if heading.number else heading.plain
