"""A draft's paragraphs → its structure: title page, contents (dropped), parts with their headings and
blocks, the reference list, the abbreviations — with the draft position of every decision.

A heading is recognised by its Word or ODF style, by its typed form
(``ТАРАУ І``, ``1 ТАРАУ``, ``ГЛАВА 1``, ``1.2 Title``), by being a bold centred
line, or by matching an entry of the typed contents page; its typed number is
dropped (the tool numbers). Everything that is not a heading, a caption, the
contents page or the reference list is kept as a block of its part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kazthesis.draft import headings as h
from kazthesis.draft.model import Draft, Paragraph
from kazthesis.draft.title_page import read_title_page
from kazthesis.i18n import N_, _, ngettext

CONTENTS_START = re.compile(r"^(Мазмұны|МАЗМҰНЫ|Мазмұн|МАЗМҰН|Содержание|СОДЕРЖАНИЕ|Оглавление|ОГЛАВЛЕНИЕ|"
                            r"Contents|CONTENTS|Table of contents|TABLE OF CONTENTS)\s*(.*)$")
GLUED_HEADING = re.compile(r"\s{4,}|\t+")
# A structural element's kind as the report names it.
KIND_NAMES = {"introduction": N_("introduction"), "conclusion": N_("conclusion"), "abbreviations": N_("abbreviations"),
              "terms": N_("terms"), "abstract": N_("abstract")}


@dataclass
class Block:
    """One item of a part: a heading below the part's own, a paragraph, a list item, a table or a figure."""

    kind: str  # heading | paragraph | item | table | figure | math
    paragraph: Paragraph
    level: int = 0  # heading level (2, 3), or a list item's nesting
    title: str = ""
    list_kind: str = ""  # bullet | number
    caption: h.Caption | None = None
    unnumbered: bool = False


@dataclass
class Part:
    """A level-1 division: one content file."""

    kind: str  # introduction | conclusion | chapter | appendix | abstract | abbreviations | terms | other | preface
    title: str
    position: int
    blocks: list[Block] = field(default_factory=list)
    letter: str = ""


@dataclass
class Structure:
    title_page: dict[str, str] = field(default_factory=dict)
    work_type: str | None = None
    parts: list[Part] = field(default_factory=list)
    references: list[tuple[int, str]] = field(default_factory=list)
    reference_heading: str = ""
    contents: list[str] = field(default_factory=list)
    decisions: list[tuple[int, str]] = field(default_factory=list)
    kept_text: list[tuple[int, str]] = field(default_factory=list)
    dropped_empty: int = 0


def _clean(text: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", text.replace("¬", "").replace("\u00ad", "")).strip()


def _split_glued(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A plain-text line holding a heading and the text after it, joined by a run of spaces (a lost paragraph
    break): split into the heading and the rest."""
    out: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text
        while True:
            pieces = GLUED_HEADING.split(text.strip(), maxsplit=1)
            head = pieces[0]
            if len(pieces) < 2 or not (h.chapter_heading(head) or h.numbered_heading(head)
                                       or h.structural_kind(head)) or len(head) > 200:
                break
            out.append(Paragraph([type(paragraph.runs[0])(head)], number=paragraph.number, page=paragraph.page))
            text = pieces[1]
        if text is not paragraph.text:
            paragraph = Paragraph([type(paragraph.runs[0])(text.strip(), markdown=paragraph.runs[0].markdown)],
                                  number=paragraph.number, page=paragraph.page)
        out.append(paragraph)
    return out


def _lines(paragraph: Paragraph) -> list[str]:
    """A title page's lines: a paragraph, or each cell of a table (signature blocks are often tables)."""
    if paragraph.table is None:
        return [paragraph.text]
    return ["".join(run.text for run in cell) for row in paragraph.table.rows for cell in row]


def _without_marker(paragraph: Paragraph) -> Paragraph:
    """The paragraph with its typed list marker (``–``, ``1)``, ``а)``) taken off its first run."""
    runs = list(paragraph.runs)
    for index, run in enumerate(runs):
        if run.text.strip():
            stripped = h.LIST_ITEM_MARK.sub("", run.text, count=1)
            runs[index] = type(run)(stripped, run.bold, run.italic, run.sup, run.sub, markdown=run.markdown)
            break
    return Paragraph(runs, number=paragraph.number, page=paragraph.page)


def _is_heading_start(paragraph: Paragraph) -> bool:
    text = paragraph.text.strip()
    return bool(paragraph.outline or h.structural_kind(text) or h.chapter_heading(text)
                or CONTENTS_START.match(text) or paragraph.contents_entry or h.appendix_heading(text))


class _Walker:
    def __init__(self, draft: Draft) -> None:
        self.structure = Structure()
        self.expected: dict[str, int] = {}  # contents entries, squeezed and folded → level
        self.chapter = 0
        self.section: list[int] = []
        self.part: Part | None = None
        self.in_references = False
        self.draft = draft

    def decide(self, paragraph: Paragraph, message: str) -> None:
        self.structure.decisions.append((paragraph.number, message))

    # --- title page and contents -------------------------------------------------------------------------

    def front(self, paragraphs: list[Paragraph]) -> int:
        """Read the title page and the contents page; the index of the first body paragraph."""
        start = next((i for i, p in enumerate(paragraphs) if _is_heading_start(p)), len(paragraphs))
        lines = [line for p in paragraphs[:start] for line in _lines(p)]
        found, work_type, rest = read_title_page(lines)
        if len(found) >= 2:
            self.structure.title_page, self.structure.work_type = found, work_type
            for name, value in found.items():
                self.decisions_at(paragraphs[:start], value,
                                  _("title page: {name} = {value!r}").format(name=name, value=value))
            if rest:
                self.structure.kept_text.extend((paragraphs[0].number, _("title page line not placed: "
                                                                         "{line!r}").format(line=line))
                                                for line in rest)
        else:
            start = 0  # no title page: everything is body
        index = start
        if index < len(paragraphs) and (CONTENTS_START.match(paragraphs[index].text.strip())
                                        or paragraphs[index].contents_entry):
            index = self.contents(paragraphs, index)
        return index

    def decisions_at(self, paragraphs: list[Paragraph], value: str, message: str) -> None:
        where = next((p for p in paragraphs if value and value[:20] in p.text), paragraphs[0] if paragraphs else None)
        if where is not None:
            self.decide(where, message)

    def contents(self, paragraphs: list[Paragraph], index: int) -> int:
        first = paragraphs[index]
        match = CONTENTS_START.match(first.text.strip())
        entries = h.contents_entries(match.group(2)) if match else h.contents_entries(first.text)
        index += 1
        while index < len(paragraphs):
            paragraph = paragraphs[index]
            text = paragraph.text
            leaders = re.search(r"\.{4,}|…{2,}|_{4,}|\t\s*\d+\s*$", text) or re.search(r"\s\d{1,3}$", text.strip())
            if not (paragraph.contents_entry or leaders) or paragraph.table is not None:
                break
            new = h.contents_entries(text)
            if entries and new and new[0].casefold() == entries[0].casefold() and not paragraph.contents_entry:
                break  # the body's first heading, repeating the first entry
            entries.extend(new)
            index += 1
        self.structure.contents = entries
        for entry in entries:
            chapter = h.chapter_heading(entry)
            numbered = h.numbered_heading(entry)
            if chapter:
                self.expected[h.squeeze(chapter[1]).casefold()] = 1
            elif numbered:
                self.expected[h.squeeze(numbered[1]).casefold()] = len(numbered[0])
            else:
                self.expected[h.squeeze(entry).casefold()] = 1
        self.decide(first, ngettext("contents page dropped ({n} entry, used to confirm the headings)",
                                    "contents page dropped ({n} entries, used to confirm the headings)",
                                    len(entries)).format(n=len(entries)))
        return index

    # --- parts and blocks --------------------------------------------------------------------------------

    def open_part(self, paragraph: Paragraph, kind: str, title: str, letter: str = "") -> None:
        self.in_references = False
        self.part = Part(kind, title, paragraph.number, letter=letter)
        self.structure.parts.append(self.part)
        self.section = []

    def add(self, block: Block) -> None:
        if self.part is None:
            self.part = Part("preface", "", block.paragraph.number)
            self.structure.parts.append(self.part)
            self.structure.kept_text.append((block.paragraph.number, _("text before the first heading: kept in "
                                                                       "a file of its own without a heading "
                                                                       "(content/NN-0-text.md)")))
        self.part.blocks.append(block)

    def heading(self, paragraph: Paragraph, following: Paragraph | None) -> tuple[bool, bool]:
        """Open a part or add a heading block if the paragraph is a heading: (was it, was the next
        paragraph used as its title)."""
        text = h.squeeze(paragraph.text) if re.search(r"\.{4,}", paragraph.text) else _clean(paragraph.text)
        if not text or paragraph.table is not None or paragraph.image is not None or len(text) > 250:
            return False, False
        if h.caption(text):
            return False, False
        kind = h.structural_kind(text)
        if kind == "contents":
            return True, False
        if kind:
            if kind == "references":
                self.part = None
                self.in_references = True
                self.structure.reference_heading = text
                self.decide(paragraph, _("reference list starts: {text!r}").format(text=text))
                return True, False
            self.open_part(paragraph, kind, text)
            self.decide(paragraph, _("structural element {text!r} ({kind})").format(
                text=text, kind=_(KIND_NAMES[kind]) if kind in KIND_NAMES else kind))
            return True, False
        appendix = h.appendix_heading(text)
        if appendix:
            title, used = appendix[1], False
            if not title and following is not None and h.looks_like_heading(following):
                title, used = _clean(following.text), True
            self.open_part(paragraph, "appendix", title or text, letter=appendix[0])
            self.decide(paragraph, _("appendix {letter}: {title!r}").format(letter=appendix[0], title=title))
            return True, used
        chapter = h.chapter_heading(text)
        numbered = h.numbered_heading(text)
        expected = self.expected.get(h.squeeze(numbered[1] if numbered else chapter[1] if chapter else text)
                                     .casefold())
        if chapter:
            title, used = chapter[1], False
            if not title and following is not None and h.looks_like_heading(following):
                title, used = _clean(following.text), True
            self.chapter_part(paragraph, title, _("typed {text!r}").format(text=text[:30]))
            return True, used
        if numbered and (h.looks_like_heading(paragraph) or paragraph.outline or expected):
            numbers, title = numbered
            if len(numbers) == 1 and (paragraph.outline == 1 or expected == 1 or h.is_caps(title)
                                      or paragraph.all_bold and paragraph.centred):
                self.chapter_part(paragraph, title, _("typed number {number}").format(number=numbers[0]))
                return True, False
            if len(numbers) > 1 and (numbers[0] == self.chapter or expected or paragraph.outline
                                     or paragraph.all_bold):
                self.section_block(paragraph, len(numbers), title,
                                   _("typed number {number}").format(number=".".join(map(str, numbers))))
                return True, False
        if paragraph.outline and paragraph.outline <= 3 and h.looks_like_heading(paragraph):
            if paragraph.outline == 1 or self.part is None:
                self.chapter_part(paragraph, text, _("style {style!r}").format(style=paragraph.style))
            else:
                self.section_block(paragraph, paragraph.outline, text,
                                   _("style {style!r}").format(style=paragraph.style))
            return True, False
        if expected and h.looks_like_heading(paragraph):
            if expected == 1:
                self.chapter_part(paragraph, text, _("listed in the contents"))
            else:
                self.section_block(paragraph, expected, text, _("listed in the contents"))
            return True, False
        if paragraph.all_bold and paragraph.centred and h.looks_like_heading(paragraph) and len(text) <= 160:
            if h.is_caps(text) or self.part is None:
                self.chapter_part(paragraph, text, _("a bold centred line"))
            else:
                self.section_block(paragraph, 2, text, _("a bold centred line"))
            return True, False
        return False, False

    def chapter_part(self, paragraph: Paragraph, title: str, how: str) -> None:
        self.chapter += 1
        self.open_part(paragraph, "chapter", title)
        self.decide(paragraph, _("chapter {number} ({how}): {title!r}").format(number=self.chapter, how=how,
                                                                               title=title[:60]))

    def section_block(self, paragraph: Paragraph, level: int, title: str, how: str) -> None:
        if self.part is None or self.part.kind != "chapter":
            level = 2
        self.section = (self.section + [0, 0])[: level - 1]
        self.section[-1] += 1
        unnumbered = self.part is None or self.part.kind != "chapter"
        self.add(Block("heading", paragraph, level=level, title=title, unnumbered=unnumbered))
        number = f"{self.chapter}." + ".".join(map(str, self.section)) if not unnumbered else _("unnumbered")
        self.decide(paragraph, _("section {number} ({how}): {title!r}").format(number=number, how=how,
                                                                               title=title[:60]))

    def walk(self, paragraphs: list[Paragraph]) -> None:
        index = self.front(paragraphs)
        skip_next = False
        for position in range(index, len(paragraphs)):
            if skip_next:
                skip_next = False
                continue
            paragraph = paragraphs[position]
            following = paragraphs[position + 1] if position + 1 < len(paragraphs) else None
            is_heading, used = self.heading(paragraph, following)
            if is_heading:
                skip_next = used
                continue
            if self.in_references:
                if paragraph.table is not None or paragraph.image is not None:
                    self.structure.kept_text.append((paragraph.number, _("a table or picture inside the "
                                                                         "reference list was left out: move it "
                                                                         "into a chapter or an appendix")))
                if paragraph.text.strip():
                    self.structure.references.append((paragraph.number, _clean(paragraph.text)))
                continue
            skip_next = self.body(paragraph, following)

    def body(self, paragraph: Paragraph, following: Paragraph | None) -> bool:
        """Add a body block; True when the next paragraph was taken as this one's caption."""
        if paragraph.table is not None:
            caption = self._caption_before("table")
            used = False
            if caption is None and following is not None and (c := h.caption(following.text)) and c.kind == "table":
                caption, used = c, True
            self.add(Block("table", paragraph, caption=caption))
            return used
        if paragraph.image is not None:
            beside = _clean(paragraph.text)
            caption = h.caption(beside) if beside else None  # a caption typed in the picture's frame
            if caption is not None and caption.kind != "figure":
                caption = None
            if beside and caption is None:  # text beside the picture: kept as a paragraph of its own before it
                self.add(Block("paragraph", Paragraph(paragraph.runs, number=paragraph.number, page=paragraph.page)))
            used = False
            if caption is None and following is not None and (c := h.caption(following.text)) \
                    and c.kind == "figure":
                caption, used = c, True
            elif caption is None:
                caption = self._caption_before("figure")
            self.add(Block("figure", paragraph, caption=caption))
            return used
        if paragraph.display_math:
            self.add(Block("math", paragraph))
            return False
        if paragraph.list_kind:
            self.add(Block("item", paragraph, level=paragraph.list_level, list_kind=paragraph.list_kind))
            return False
        typed = h.list_item(paragraph.text)
        if typed is not None:  # "– item", "1) item", "а) item": the marker goes, the list numbers itself
            kind, _ = typed
            self.add(Block("item", _without_marker(paragraph), list_kind="bullet" if kind == "bullet" else "number"))
            return False
        self.add(Block("paragraph", paragraph))
        return False

    def _caption_before(self, kind: str) -> h.Caption | None:
        """A caption typed in the paragraph just before (a table's caption stands above it)."""
        if self.part is None or not self.part.blocks:
            return None
        last = self.part.blocks[-1]
        caption = h.caption(last.paragraph.text) if last.kind == "paragraph" else None
        if caption is not None and caption.kind == kind:
            self.part.blocks.pop()
            return caption
        return None


def read_structure(draft: Draft) -> Structure:
    """The structure of a draft, with the draft position of every decision."""
    paragraphs = []
    empty = 0
    for paragraph in draft.paragraphs:
        if not paragraph.text.strip() and paragraph.table is None and paragraph.image is None \
                and not any(r.math or r.note is not None for r in paragraph.runs):
            empty += 1
            continue
        paragraphs.append(paragraph)
    if draft.kind in ("txt", "md"):
        paragraphs = _split_glued(paragraphs)
    walker = _Walker(draft)
    walker.walk(paragraphs)
    walker.structure.dropped_empty = empty
    return walker.structure
