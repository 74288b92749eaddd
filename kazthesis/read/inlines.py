"""Inline tokens of one chapter → model inlines: text with the document's typography, emphasis, links,
citations, cross-references, footnote calls, formulas and images.

What can be checked in a run of text is checked here: a citation bracket left open, a footnote never
defined, raw LaTeX or HTML printed as written, a case-governing preposition before a cross-reference.
:class:`InlineReader` also holds what the block reader shares with it: the file, its problems and the
warnings about attributes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markdown_it.token import Token

from kazthesis.i18n import N_, _
from kazthesis.lang import registry
from kazthesis.lang.typography import apply_typography
from kazthesis.model import (
    Citation,
    Code,
    CrossRef,
    Emphasis,
    Footnote,
    Inline,
    InlineImage,
    LineBreak,
    Link,
    Math,
    NoteRef,
    Source,
    Strikeout,
    Strong,
    Subscript,
    Superscript,
    Text,
    plain_text,
)
from kazthesis.problems import Problems
from kazthesis.read.attributes import Attributes
from kazthesis.read.footnotes import Notes
from kazthesis.read.images import find_image
from kazthesis.read.markdown import inline_lines
from kazthesis.read.mathematics import FormulaError, draw

OPENERS = {"em_open": Emphasis, "strong_open": Strong, "sup_open": Superscript, "sub_open": Subscript,
           "s_open": Strikeout, "link_open": Link}
CLOSERS = {"em_close", "strong_close", "sup_close", "sub_close", "s_close", "link_close"}
# Pandoc forms printed as text here, each named in a warning where it is met.
RAW_FORMS = (
    (re.compile(r"\\(?:begin|end)\{|\\[a-zA-Z]{2,}\*?(?=[{\[\s]|$)"), N_("raw LaTeX"),
     N_("write it in Markdown; LaTeX commands are printed as text")),
    (re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>"), N_("raw HTML"),
     N_("write it in Markdown; HTML tags are printed as text")),
    (re.compile(r"\[[^\[\]]*\]\{[^{}]*\}"), N_("a bracketed span"),
     N_("its attributes are not used: write the text alone")),
    (re.compile(r"^\s*\[[ xX]\]\s"), N_("a task-list box [ ]"), N_("write the list without boxes")),
    (re.compile(r"^\s*\(@\w*\)\s"), N_("an example list item (@)"), N_("write a numbered list: 1. 2. 3.")),
)


@cache
def _preposition_at_end(prepositions: tuple[str, ...]) -> re.Pattern[str]:
    """One of ``prepositions`` as the last word of a text, before the spaces that end it."""
    return re.compile(rf"(?<!\w)({'|'.join(map(re.escape, prepositions))})\s+$", re.I)


MAX_NOTES_INSIDE = 8  # a footnote calling another, that one a third…: read by recursion, so bounded


class InlineReader:
    """markdown-it inline tokens of one file → model inlines, with the file's problems."""

    def __init__(self, path: Path, root: Path, rel: str, language: str, problems: Problems,
                 notes: Notes | None = None) -> None:
        self.path, self.root, self.rel, self.language, self.problems = path, root, rel, language, problems
        self.notes: Notes = notes or {}  # footnote id → (inline tokens, line)
        self.open_notes: set[int] = set()  # the notes whose text is being read, each inside the one before

    def source(self, line: int) -> Source:
        return Source(self.rel, line)

    def inlines(self, inline: Token) -> list[Inline]:
        line = inline.map[0] + 1 if inline.map else 0
        return self.inline_children(inline.children or [], line)

    def inline_children(self, children: list[Token], line: int) -> list[Inline]:
        stack: list[list[Inline]] = [[]]
        pending: list[str] = []  # a run of text across soft line breaks: its typography is applied whole

        def flush() -> None:
            if pending:
                stack[-1].append(Text(apply_typography("".join(pending), self.language)))
                pending.clear()

        fake = Token("inline", "", 0, children=children, map=[line - 1, line])
        for child, at in inline_lines(fake):
            kind = child.type
            if kind == "text":
                self._text(child.content, at)
                pending.append(child.content)
                continue
            if kind == "softbreak":
                pending.append(" ")
                continue
            flush()
            out = stack[-1]
            if kind == "hardbreak":
                out.append(LineBreak())
            elif kind == "code_inline":
                self.ignored(child.meta.get("attrs", Attributes()).pairs, at, N_("inline code takes no attributes"))
                out.append(Code(child.content))
            elif kind in OPENERS:
                node: Inline = Link(child.attrGet("href") or "", []) if kind == "link_open" else OPENERS[kind]([])
                out.append(node)
                stack.append(node.children)  # type: ignore[union-attr]
            elif kind in CLOSERS:
                if kind == "link_close":
                    attrs: Attributes = child.meta.get("attrs", Attributes())
                    self.ignored(list(attrs.pairs) + [("." + c, "") for c in attrs.classes], at,
                                  N_("a link takes no attributes"))
                stack.pop()
            elif kind == "image":
                path = self.image(child, at)
                if path is not None:
                    out.append(InlineImage(path, plain_text(self.inline_children(child.children or [], at))))
            elif kind == "citation":
                out.append(Citation(list(child.meta["items"]), self.source(at), child.meta["author_in_text"]))
            elif kind == "xref":
                if child.meta["prefixes"]:
                    self.problems.warning(self.path, at, _("the words before the @ in {citation} are not "
                                                           "printed").format(citation=child.content),
                                          _("write them outside the brackets"))
                self._preposition_before(out, child.meta["ids"], child.meta["bare"], child.content, at)
                out.append(CrossRef(list(child.meta["ids"]), self.source(at), child.meta["bare"]))
            elif kind == "footnote_ref":
                out.append(self.note_ref(child, at))
            elif kind in ("math_inline", "math_inline_double"):
                math = self.math(child.content, False, at)
                out.append(math if math is not None else Code(child.content))
        flush()
        return stack[0]

    def note_ref(self, token: Token, line: int) -> NoteRef:
        ident, label = token.meta["id"], token.meta.get("label", "")
        tokens, note_line = self.notes.get(ident, ([], line))
        if ident in self.open_notes:  # a note that calls itself, or one that calls it: read without end
            self.problems.error(self.path, line, _("footnote [^{label}] is called inside its own text (or inside a "
                                                   "note it calls)").format(label=label),
                                _("a note cannot contain itself: take the call out of the note"))
            return NoteRef(Footnote(label, [], self.source(note_line or line)))
        if len(self.open_notes) >= MAX_NOTES_INSIDE:
            self.problems.error(self.path, line, _("footnote [^{label}] is a note inside a note more than {depth} "
                                                   "deep").format(label=label, depth=MAX_NOTES_INSIDE),
                                _("write the notes' texts into one note"))
            return NoteRef(Footnote(label, [], self.source(note_line or line)))
        self.open_notes.add(ident)
        try:
            children = self.inline_children(tokens, note_line or line)
        finally:
            self.open_notes.discard(ident)
        return NoteRef(Footnote(label, children, self.source(note_line or line)))

    def _text(self, text: str, line: int) -> None:
        if "[@" in text or "[-@" in text:
            self.problems.error(self.path, line, _("citation bracket '[@' is not closed or not well formed"),
                                _("write [@key], [@key, 25] or [@a; @b], with the closing ]"))
        for label in re.findall(r"\[\^([^\[\]\s]+)\]", text):
            self.problems.error(self.path, line, _("footnote [^{label}] is never defined").format(label=label),
                                _("add a line '[^{label}]: the note's text' below the paragraph").format(label=label))
        for pattern, what, hint in RAW_FORMS:
            if match := pattern.search(text):
                self.problems.warning(self.path, line, _("{what} ({text}) is printed as it is written").format(
                                                         what=_(what), text=match.group().strip()),
                                      _(hint))

    def _preposition_before(self, out: list, ids: list[str], bare: bool, written: str, line: int) -> None:
        """A preposition before ``@tbl:x`` that governs a case would print «в таблица 1»: the reference prints
        its noun in the nominative, so the writer declines it and takes the number alone (``в таблице
        [-@tbl:x]``). The prepositions and forms are the document language's (Russian has them)."""
        declension = registry.document(self.language).declension
        if declension is None or bare or not out or not isinstance(out[-1], Text):
            return
        nouns = declension.nouns.get(ids[0].split(":", 1)[0])
        if nouns is not None and (match := _preposition_at_end(tuple(declension.prepositions)).search(out[-1].text)):
            preposition, several = match.group(1), int(len(ids) > 1)
            nominative = nouns["nom"][several]
            declined = nouns[declension.prepositions[preposition.lower()]][several]
            bracketed = "[-" + written.lstrip("[").rstrip("]").replace("; @", "; -@") + "]"
            self.problems.warning(self.path, line, _("«{preposition} {written}» prints the noun in the nominative "
                                                     "(«{preposition} {nominative} 1»)").format(
                                      preposition=preposition, written=written, nominative=nominative),
                                  _("decline it yourself and give the number alone: {preposition} {declined} "
                                    "{bracketed}").format(preposition=preposition, declined=declined,
                                                          bracketed=bracketed))


    def math(self, tex: str, display: bool, line: int) -> Math | None:
        try:
            return draw(tex, display)
        except FormulaError as exc:
            shown = tex if len(tex) <= 60 else tex[:57] + "…"
            self.problems.error(self.path, line, _("the formula ${tex}$ cannot be read: {reason}").format(
                                                   tex=shown, reason=exc),
                                _("check the TeX: braces closed, commands spelled right"))
            return None

    def image(self, image: Token, line: int) -> Path | None:
        """The image file an image token names, checked (:func:`kazthesis.read.images.find_image`)."""
        return find_image(image.attrGet("src") or "", self.path, self.root, line, self.problems)

    # --- warnings about attributes, for inlines and blocks alike ------------------------------------
    def unreadable(self, attrs: Attributes, line: int) -> None:
        if attrs.unreadable:
            self.problems.warning(self.path, line, _("'{text}' in {{…}} is not an attribute and was left out").format(
                                      text=attrs.unreadable), _("write attributes as {#id .class key=value}"))

    def ignored(self, pairs: list[tuple[str, str]] | tuple[tuple[str, str], ...], line: int, hint: str) -> None:
        for key, value in pairs:
            shown = f"{key}={value}" if value else key
            self.problems.warning(self.path, line, _("attribute {shown} is not used and was left out").format(
                                                     shown=shown), _(hint))
