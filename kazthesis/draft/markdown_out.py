"""Parts of the draft → the Markdown of the project's content files.

Runs become ``**bold**``, ``*italic*``, ``^sup^``, ``~sub~``, ``$TeX$`` and
``[^n]`` footnotes; text is escaped wherever the project's Markdown would read
it as markup; typed citations and cross-references are linked
(:mod:`.citations`). Debris is cleaned: soft hyphens and ``¬``, tabs and runs
of spaces, spaces before punctuation left by Word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kazthesis.draft.citations import Linker, link
from kazthesis.draft.model import Paragraph, Run
from kazthesis.draft.structure import Block, Part
from kazthesis.i18n import _

_ESCAPE = re.compile(r"([\\`*_{}\[\]<>#|$@^~])")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+*](?=\s)|\d{1,9}(?=[.)]\s)|:(?=\s)|\|)")


def clean(text: str) -> str:
    """Debris out: soft hyphens, ``¬``, tabs, line breaks and runs of spaces."""
    text = text.replace("¬", "").replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t\n\r\f\v]+", " ", text)


def escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


@dataclass
class Notes:
    """The footnotes of one content file, numbered in the order they are met."""

    texts: list[str] = field(default_factory=list)


def inline(runs: list[Run], linker: Linker, notes: Notes | None, footnotes: list[list[Run]]) -> str:
    """A paragraph's runs as one line of Markdown."""
    merged: list[Run] = []
    for run in runs:
        if run.note is None and not run.math and merged and merged[-1].note is None and not merged[-1].math and (
                merged[-1].bold, merged[-1].italic, merged[-1].sup, merged[-1].sub, merged[-1].markdown) == (
                run.bold, run.italic, run.sup, run.sub, run.markdown):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.sup, run.sub,
                             markdown=run.markdown)
        else:
            merged.append(run)
    out = []
    for run in merged:
        if run.note is not None:
            if notes is not None and run.note < len(footnotes):
                notes.texts.append(inline(footnotes[run.note], linker, None, footnotes).strip())
                out.append(f"[^{len(notes.texts)}]")
            continue
        if run.math:
            tex = run.text.strip()
            out.append(f"${tex}$" if tex else "")
            continue
        text = clean(run.text)
        if run.markdown:
            out.append(text)
            continue
        body = "".join(piece if is_markdown else escape(piece) for piece, is_markdown in link(text, linker))
        if not body.strip():
            out.append(body)
            continue
        lead, core, trail = re.match(r"^(\s*)(.*?)(\s*)$", body, re.S).groups()
        if run.sup:
            core = "^" + core.replace(" ", "\\ ") + "^"
        elif run.sub:
            core = "~" + core.replace(" ", "\\ ") + "~"
        if run.bold and run.italic:
            core = f"***{core}***"
        elif run.bold:
            core = f"**{core}**"
        elif run.italic:
            core = f"*{core}*"
        out.append(lead + core + trail)
    text = re.sub(r" {2,}", " ", "".join(out)).strip()
    text = re.sub(r"\s+([,.;:!?»)])(?=\s|$)", r"\1", text)  # Word's space before a comma
    return text


def protect_start(text: str) -> str:
    """A paragraph that would start a heading, list, quote, caption or table: its first mark escaped."""
    match = _LINE_START.match(text)
    if not match:
        return text
    mark = match.group(2)
    if mark.isdigit():
        return text[:match.end()] + "\\" + text[match.end():]
    return text[:match.start(2)] + "\\" + text[match.start(2):]


@dataclass
class Writer:
    """Writes the parts of one draft, sharing the citation linker and the pictures' file names."""

    linker: Linker
    footnotes: list[list[Run]]
    images: dict[int, str]  # paragraph number → images/… path (a picture the build can show)
    ids: dict[int, str]  # paragraph number → fig:/tbl: id
    kept: list[tuple[int, str]] = field(default_factory=list)

    def heading(self, part: Part, attrs: str) -> str:
        title = escape(clean(part.title).strip()) or "[?]"
        return f"# {title} {{{attrs}}}" if attrs else f"# {title}"

    def part(self, part: Part, head: str) -> str:
        notes = Notes()
        lines: list[str] = [head, ""] if head else []
        previous = ""
        for block in part.blocks:
            text = self.block(block, notes)
            if text is None:
                continue
            if block.kind == "item" and previous == "item":
                lines[-1:] = [text, ""]  # items of one list stay together (a tight list)
            else:
                lines += [text, ""]
            previous = block.kind
        for number, note in enumerate(notes.texts, 1):
            lines += [f"[^{number}]: {note}", ""]
        return "\n".join(lines).rstrip() + "\n"

    def block(self, block: Block, notes: Notes) -> str | None:
        paragraph = block.paragraph
        if block.kind == "heading":
            marks = "#" * block.level
            attrs = " {.unnumbered}" if block.unnumbered else ""
            return f"{marks} {escape(clean(block.title).strip())}{attrs}"
        if block.kind == "table":
            return self.table(block, notes)
        if block.kind == "figure":
            return self.figure(block, notes)
        if block.kind == "math":
            tex = " ".join(r.text.strip() for r in paragraph.runs if r.math)
            return f"$${tex}$$" if tex else None
        text = inline(paragraph.runs, self.linker, notes, self.footnotes)
        if not text:
            return None
        if block.kind == "item":
            mark = "-" if block.list_kind == "bullet" else "1."
            return "   " * min(block.level, 3) + f"{mark} {text}"
        return protect_start(text)

    def caption(self, block: Block, notes: Notes) -> str:
        if block.caption is None:
            return ""
        return inline([Run(block.caption.text)], self.linker, notes, self.footnotes)

    def figure(self, block: Block, notes: Notes) -> str | None:
        paragraph = block.paragraph
        path = self.images.get(paragraph.number)
        caption = self.caption(block, notes)
        if path is None:  # a picture the build cannot show (EMF, WMF…): its caption kept as text
            self.kept.append((paragraph.number, _("a picture in a format the build cannot show ({extension}); "
                                                  "saved in images/, its caption kept as text").format(
                extension=paragraph.image.extension if paragraph.image else "?")))
            return protect_start(caption) if caption else None
        ident = self.ids.get(paragraph.number, "")
        attrs = f"{{#{ident}}}" if ident else ""
        return f"![{caption}]({path}){attrs}"

    def table(self, block: Block, notes: Notes) -> str | None:
        rows = block.paragraph.table.rows if block.paragraph.table else []
        width = max((len(r) for r in rows), default=0)
        if not rows or width == 0:
            return None

        def cell(runs: list[Run]) -> str:
            return inline(runs, self.linker, notes, self.footnotes).replace("|", "\\|") or " "

        lines = []
        caption = self.caption(block, notes)
        ident = self.ids.get(block.paragraph.number, "")
        if caption or ident:
            lines.append(f": {caption} {{#{ident}}}".replace(":  {", ": {") if ident else f": {caption}")
        for index, row in enumerate(rows):
            cells = [cell(c) for c in row] + [" "] * (width - len(row))
            lines.append("| " + " | ".join(cells) + " |")
            if index == 0:
                lines.append("|" + "|".join(["---"] * width) + "|")
        if len(rows) == 1:
            lines.append("| " + " | ".join([" "] * width) + " |")
        return "\n".join(lines)


def paragraph_text(paragraph: Paragraph) -> str:
    return clean(paragraph.text).strip()
