"""Norm control: what a supervisor checks before accepting the work.

Each check adds warnings, never errors: the student may have reasons, and the
build still runs. Each one can be switched off or tuned under ``[checks]``.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from kazthesis.i18n import N_, _, ngettext
from kazthesis.lang import registry, wording
from kazthesis.model import (
    Block,
    Citation,
    Document,
    Heading,
    ListBlock,
    NoteRef,
    Paragraph,
    Part,
    Quote,
    Reference,
    Source,
    own_inlines,
    plain_text,
    walk_blocks,
    walk_inlines,
)
from kazthesis.problems import Problems
from kazthesis.read.config import PLACEHOLDER_RE
from kazthesis.resolve.geometry import points

# (minimum, maximum) body pages and minimum references by work type; 0 = no limit.
WORK_TYPE_NORMS = {"coursework": (20, 30, 15), "diploma": (50, 0, 40), "master": (60, 0, 50)}
# Each work type's messages whole, so that each language can decline its name.
TOO_SHORT = {
    "coursework": N_("the body (introduction to conclusion) is {length}; a coursework needs at least {low}"),
    "diploma": N_("the body (introduction to conclusion) is {length}; a diploma thesis needs at least {low}"),
    "master": N_("the body (introduction to conclusion) is {length}; a master's thesis needs at least {low}"),
}
TOO_LONG = {
    "coursework": N_("the body (introduction to conclusion) is {length}; a coursework should not exceed {high}"),
    "diploma": N_("the body (introduction to conclusion) is {length}; a diploma thesis should not exceed {high}"),
    "master": N_("the body (introduction to conclusion) is {length}; a master's thesis should not exceed {high}"),
}
TOO_FEW_SOURCES = {
    "coursework": N_("the reference list has {sources}; a coursework needs at least {minimum}"),
    "diploma": N_("the reference list has {sources}; a diploma thesis needs at least {minimum}"),
    "master": N_("the reference list has {sources}; a master's thesis needs at least {minimum}"),
}
CHARACTERS_PER_LINE_AT_14PT_165MM = 72  # calibrated on the exemplar: 30 real body pages


def run_checks(document: Document, problems: Problems, body_pages: int | None = None,
               title_page: bool = True) -> None:
    """All norm-control checks; ``body_pages`` is exact after a build, else estimated. ``title_page=False``
    leaves out the title page's placeholders (a build's closing line counts those itself)."""
    checks = document.config.checks
    if checks["introduction_elements"]:
        _check_introduction(document, problems)
    _check_length(document, problems, body_pages)
    _check_references(document, problems)
    if checks["chapter_citations"]:
        for part in document.parts:
            if part.heading is not None and part.heading.kind == "chapter" and not _cites(part):
                heading = part.heading
                problems.warning(_path(document, heading), heading.source.line,
                                 _("chapter {number} cites no source").format(number=heading.number),
                                 _("every chapter should rest on sources: add citations like [@key]"))
    if checks["empty_sections"]:
        for heading in _empty_headings(document.parts + document.appendices):
            problems.warning(_path(document, heading), heading.source.line,
                             _("section {value!r} is empty").format(value=heading.number or heading.plain),
                             _("write its text or remove the heading"))
    if checks["placeholders"] and title_page:
        _check_title_page(document, problems)
        _check_placeholder_sources(document, problems)
    if checks["abbreviations"]:
        _check_abbreviations(document, problems)
    _check_cited_entries(document, problems)
    if checks["list_punctuation"]:
        _check_list_punctuation(document, problems)


def _path(document: Document, heading: Heading) -> Path:
    return document.config.root / heading.source.path


def _cites(part: Part) -> bool:
    return any(isinstance(node, Citation) for block in walk_blocks(part.blocks)
               for inlines in own_inlines(block) for node in walk_inlines(inlines))


def _empty_headings(parts: list[Part]) -> list[Heading]:
    """Headings with neither text nor a deeper heading before the next heading."""
    empty: list[Heading] = []
    for part in parts:
        sequence = ([part.heading] if part.heading else []) + part.blocks
        for index, block in enumerate(sequence):
            if not isinstance(block, Heading):
                continue
            following = sequence[index + 1] if index + 1 < len(sequence) else None
            if following is None or isinstance(following, Heading) and following.level <= block.level:
                empty.append(block)
    return empty


def _section_text(document: Document, heading: Heading) -> str:
    """Source text under a level-1 heading, up to the next level-1 heading."""
    headings = document.headings
    index = headings.index(heading)
    following = next((h for h in headings[index + 1 :] if h.level == 1), None)
    start = (heading.source.path, heading.source.line)
    end = (following.source.path, following.source.line) if following else None
    return "\n".join(text for place, text in document.source_lines.items()
                     if place > start and (end is None or place < end))


def _find_structural(document: Document, name: str) -> Heading | None:
    wanted = wording.text(document.language, name).casefold()
    return next((h for h in document.headings if h.kind == "structural" and h.plain.casefold() == wanted), None)


def _check_introduction(document: Document, problems: Problems) -> None:
    language = document.language
    intro = _find_structural(document, "introduction")
    if intro is None:
        heading = wording.text(language, "introduction")
        problems.warning("content", None, _("no {heading} found").format(heading=heading),
                         _("start the work with '# {heading} {{.unnumbered}}'").format(heading=heading))
        return
    text = _section_text(document, intro).casefold()
    # The words of the introduction's language (stems, so that "өзектілігі" and "өзектілік" both count).
    missing = [name for name, stems in registry.document(language).introduction.values()
               if not any(re.search(r"\b" + stem, text) for stem in stems)]
    if missing:
        problems.warning(_path(document, intro), intro.source.line,
                         _("the introduction does not name its {missing}").format(missing=', '.join(missing)),
                         _("norm control expects each of them in the introduction"))


def _body_pages_estimate(document: Document) -> int:
    """Pages from the introduction to the conclusion, estimated from the text length."""
    intro = _find_structural(document, "introduction")
    geometry = document.geometry
    chars_per_line = CHARACTERS_PER_LINE_AT_14PT_165MM * (geometry.text_width_mm / 165) * (14 / geometry.body_size)
    lines_per_page = points(geometry.text_height_mm) / geometry.line_pitch_pt
    lines = 0.0
    started = intro is None
    for heading in document.headings:
        if heading is intro:
            started = True
        if heading.kind == "appendix":
            break
        if started and heading.level == 1:
            lines = -(-lines // lines_per_page) * lines_per_page  # a new page
            lines += 3 + len(_section_text(document, heading)) / chars_per_line * 1.08
    return max(1, round(lines / lines_per_page))


def _check_length(document: Document, problems: Problems, body_pages: int | None) -> None:
    checks = document.config.checks
    low, high = WORK_TYPE_NORMS[document.config.work_type][:2]
    low = checks["body_pages_min"] or low
    high = checks["body_pages_max"] or high
    pages = body_pages if body_pages is not None else _body_pages_estimate(document)
    length = (ngettext("{n} page", "{n} pages", pages) if body_pages is not None
              else ngettext("about {n} page", "about {n} pages", pages)).format(n=pages)
    where = document.config.path if document.config.path.exists() else "content"
    if pages < low:
        problems.warning(where, None, _(TOO_SHORT[document.config.work_type]).format(length=length, low=low),
                         _("extend the chapters, or set [checks] body_pages_min"))
    elif high and pages > high:
        problems.warning(where, None, _(TOO_LONG[document.config.work_type]).format(length=length, high=high),
                         _("shorten the chapters, or set [checks] body_pages_max"))


def _check_references(document: Document, problems: Problems) -> None:
    checks = document.config.checks
    minimum = WORK_TYPE_NORMS[document.config.work_type][2]
    minimum = checks["min_references"] or minimum
    count = len(document.references)
    bib = document.config.bib_path
    if count < minimum:
        sources = ngettext("{n} source", "{n} sources", count).format(n=count)
        problems.warning(bib, None, _(TOO_FEW_SOURCES[document.config.work_type]).format(sources=sources,
                                                                                         minimum=minimum),
                         _("cite more sources, or set [checks] min_references"))
    years = checks["recent_years"]
    if years and count:
        this_year = datetime.date.today().year
        recent = [r for r in document.references if r.entry.year and r.entry.year > this_year - years]
        share = len(recent) / count
        if share < checks["recent_share"]:
            problems.warning(bib, None, ngettext(
                "{recent} of {count} sources ({share}) are from the last {years} year; at least {expected} are "
                "expected", "{recent} of {count} sources ({share}) are from the last {years} years; at least "
                "{expected} are expected", years).format(recent=len(recent), count=count, share=f"{share:.0%}",
                                                          years=years, expected=f"{checks['recent_share']:.0%}"),
                             _("add recent sources, or tune [checks] recent_years / recent_share"))


def placeholders(document: Document) -> list[str]:
    """The title-page fields still holding a placeholder such as "[Студенттің аты-жөні]"."""
    return [name for name, value in document.config.title_page.items()
            if isinstance(value, str) and value and PLACEHOLDER_RE.search(value)]


def placeholder_sources(document: Document) -> list[Reference]:
    """Listed sources still holding a placeholder: a number a draft cited with no entry in its list."""
    return [ref for ref in document.references
            if ref.entry.get("entrysubtype").strip().lower() == "placeholder"]


def _check_placeholder_sources(document: Document, problems: Problems) -> None:
    for ref in placeholder_sources(document):
        problems.warning(document.config.bib_path, ref.entry.line,
                         _("source {number} ('{key}') is a placeholder: {title!r}").format(
                           number=ref.number, key=ref.entry.key, title=ref.entry.title),
                         _("write its description (author, title, year…) in place of the placeholder"))


def _check_title_page(document: Document, problems: Problems) -> None:
    config = document.config
    for name in placeholders(document):
        problems.warning(config.path, config.key_lines.get(f"title_page.{name}"),
                         _("title page field {name} still holds a placeholder: {title_page!r}").format(
                           name=name, title_page=config.title_page[name]),
                         _("replace it with the real text before printing"))


# Two or more capitals (Cyrillic or Latin; digits and + inside, as in C5+1), standing as a word of their
# own: АҚШ, АҚШ-тың, USAID. Roman numerals are numbers, not abbreviations.
ACRONYM_RE = re.compile(r"(?<![\w-])([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9+]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])(?![\w+])")
ROMAN_RE = re.compile(r"^[IVXLCDMІХ]+$")
ACRONYM_USES = 2  # an abbreviation used this often belongs in the list


def _running_text(document: Document) -> list[tuple[Source, str]]:
    """The text the reader reads, block by block with its place (headings left out: they are in capitals)."""
    texts: list[tuple[Source, str]] = []
    for part in document.parts + document.appendices:
        for block in walk_blocks(part.blocks):
            if isinstance(block, Heading):
                continue
            for inlines in own_inlines(block):
                texts.append((block.source, plain_text(inlines)))
                texts.extend((note.source, plain_text(note.children)) for note in
                             (node.note for node in walk_inlines(inlines) if isinstance(node, NoteRef)))
    return texts


def _check_abbreviations(document: Document, problems: Problems) -> None:
    """The abbreviations page lists exactly the abbreviations the text uses."""
    config = document.config
    texts = _running_text(document)
    everything = "\n".join(text for _line, text in texts)
    listed = set(config.abbreviations)
    for abbreviation in config.abbreviations:
        if not re.search(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w+])", everything):
            problems.warning(config.path, config.key_lines.get(f"abbreviations.{abbreviation}"),
                             _("the abbreviation {abbreviation} is listed but the text never uses it").format(
                               abbreviation=abbreviation),
                             _("remove it from [abbreviations], or use it in the text"))
    uses: dict[str, list[Source]] = {}
    for source, text in texts:
        for match in ACRONYM_RE.finditer(text):
            word = match.group(1)
            if not ROMAN_RE.match(word):
                uses.setdefault(word, []).append(source)
    for word, places in uses.items():
        if len(places) >= ACRONYM_USES and word not in listed:
            first = places[0]
            problems.warning(config.root / first.path, first.line,
                             _("the abbreviation {word} is used {times} times but is not in the abbreviations "
                               "list").format(word=word, times=len(places)),
                             _('add it to thesis.toml: [abbreviations] "{word}" = "what it stands for"').format(
                                 word=word))


def _check_cited_entries(document: Document, problems: Problems) -> None:
    """A cited source needs its year, and a web page the day it was read (GOST prints both; a CSL style
    prints a retrieval date only where its guide asks for one, so it is not asked for there)."""
    bib = document.config.bib_path
    gost = document.config.csl_style is None
    for ref in document.references:
        entry = ref.entry
        if entry.key not in document.cited_keys or entry.form == "typed":  # printed as written, or a placeholder
            continue
        if not entry.year and not entry.get("year", "date"):
            problems.warning(bib, entry.line, _("the cited source '{key}' has no year").format(key=entry.key),
                             _("add year = {…} (or date = {YYYY-MM-DD}): GOST prints it") if gost else
                             _("add year = {…} (or date = {YYYY-MM-DD}): the style dates every source"))
        if gost and entry.form == "online" and not entry.get("urldate"):
            problems.warning(bib, entry.line, _("the cited web page '{key}' has no urldate").format(key=entry.key),
                             _("add urldate = {YYYY-MM-DD}, the day you read the page: GOST prints it"))


# --- lists as GOST 7.32 writes them ------------------------------------------------------------------------

LIST_HINT = N_("after a colon, GOST 7.32 starts each item in lower case and ends it with ';', the last with '.' "
               "(a proper name or an abbreviation may start an item); or set [checks] list_punctuation = false")
OPENING_MARKS = "«„\"'([–—-"


def _check_list_punctuation(document: Document, problems: Problems) -> None:
    """Every list introduced by a colon: its items start in lower case and end with ";", the last with "."."""
    names = _proper_names(document)
    for part in document.abstracts + document.parts + document.appendices:
        for block in _lists_after_colon(part.blocks):
            _check_list(document, problems, block, ".", names)


def _ends_with_colon(block: Block | None) -> bool:
    return isinstance(block, Paragraph) and plain_text(block.children).rstrip().endswith(":")


def _lists_after_colon(blocks: list[Block]):  # noqa: ANN202 - a generator of ListBlock
    """Lists whose paragraph before them ends with a colon (not looking inside them: _check_list does)."""
    previous: Block | None = None
    for block in blocks:
        if isinstance(block, ListBlock) and _ends_with_colon(previous):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _lists_after_colon(item)
        elif isinstance(block, Quote):
            yield from _lists_after_colon(block.children)
        previous = block


def _check_list(document: Document, problems: Problems, block: ListBlock, final: str, names: set[str]) -> None:
    """The items of one list after a colon; ``final`` is what its last item ends with ("." or, for a list
    nested in an item that is not the last, ";")."""
    for index, item in enumerate(block.items):
        end = final if index == len(block.items) - 1 else ";"
        paragraphs = [b for b in item if isinstance(b, Paragraph)]
        if not paragraphs:
            continue
        first = paragraphs[0]
        wrong = []
        if _starts_with_capital(plain_text(first.children), names):
            wrong.append(_("starts with a capital letter"))
        nested = item[-1] if isinstance(item[-1], ListBlock) and _ends_with_colon(item[-2] if len(item) > 1 else None) \
            else None
        if nested is not None:  # "item:" and a list under it: that list's last item carries the ending
            _check_list(document, problems, nested, end, names)
        elif not plain_text(paragraphs[-1].children).rstrip().endswith(end):
            wrong.append(_("does not end with '{end}'").format(end=end))
        if wrong:
            text = " ".join(plain_text(first.children).split())
            shown = text if len(text) <= 40 else text[:39] + "…"
            problems.warning(document.config.root / first.source.path, first.source.line,
                             _('this item of a list after a colon {wrong}: "{shown}"').format(
                                 wrong=_(" and ").join(wrong), shown=shown), _(LIST_HINT))


def _starts_with_capital(text: str, names: set[str]) -> bool:
    """Whether an item starts with a capital letter that is not an abbreviation (ООН, АҚШ-пен, C5+1), a word
    with more capitals (JavaScript) or a proper name (a word the text capitalises inside sentences too)."""
    words = text.strip().lstrip(OPENING_MARKS).split(maxsplit=1)
    word = words[0].rstrip(".,;:!?»\"')") if words else ""
    if not word or not word[0].isalpha() or not word[0].isupper():
        return False
    if any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]):
        return False
    return word not in names


WORD_RE = re.compile(r"[^\W\d_][^\W_]*")


def _proper_names(document: Document) -> set[str]:
    """Capitalised words the text writes inside a sentence (after a lower-case word or a comma) somewhere."""
    names: set[str] = set()
    for line in document.source_lines.values():
        for match in WORD_RE.finditer(line):
            word, before = match.group(), line[: match.start()]
            last = before.rstrip()[-1:]
            if word[0].isupper() and before.endswith(" ") and (last in (",", ";") or last.islower()):
                names.add(word)
    return names
