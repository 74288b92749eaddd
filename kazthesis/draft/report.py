"""What ``kazthesis import`` decided, with the draft position of each guess, and its closing line."""

from __future__ import annotations

from typing import TextIO

from kazthesis.draft.model import Draft
from kazthesis.draft.project import Project
from kazthesis.draft.structure import Structure
from kazthesis.i18n import _, ngettext


def _where(draft: Draft, number: int) -> str:
    page = next((p.page for p in draft.paragraphs if p.number == number), None)
    return f"¶{number}" + (_(" (p. {page})").format(page=page) if page and page > 1 else "")


def print_report(draft: Draft, structure: Structure, project: Project, draft_name: str, target: str,
                 out: TextIO, prog: str) -> None:
    write = lambda line: print(line, file=out)  # noqa: E731
    n, dropped = len(draft.paragraphs), structure.dropped_empty
    write(_("Read {draft}: {paragraphs} ({kind}); language {language}; {dropped}").format(
        draft=draft_name, paragraphs=ngettext("{n} paragraph", "{n} paragraphs", n).format(n=n), kind=draft.kind,
        language=project.language,
        dropped=ngettext("{n} empty paragraph dropped", "{n} empty paragraphs dropped", dropped).format(n=dropped)))
    write(_("Structure:"))
    for number, message in structure.decisions:
        write(f"  {_where(draft, number)}: {message}")
    for entry in project.unlisted_contents:
        write("  " + _("contents entry with no heading in the text: {entry!r}").format(entry=entry))
    parsed = [s for s in project.sources if s.status == "parsed"]
    typed = [s for s in project.sources if s.status == "typed"]
    n = len(project.sources)
    write(_("Reference list: {entries}, {parsed} parsed, {typed} kept as typed").format(
        entries=ngettext("{n} entry", "{n} entries", n).format(n=n), parsed=len(parsed), typed=len(typed)))
    for source in typed:
        write("  " + _("{where}: [{number}] kept as typed ({why}): {text!r}").format(
            where=_where(draft, source.paragraph), number=source.number, why=source.why, text=source.typed[:70]))
    if project.uncited:
        numbers = ", ".join(str(s.number) for s in project.uncited)
        write("  " + _("not cited in the text, listed all the same (list_uncited = true): {numbers}").format(
            numbers=numbers))
    linker = project.linker
    citations = linker.citations if linker else 0
    citations_text = ngettext("{n} citation", "{n} citations", citations).format(n=citations)
    if linker is not None:
        n = linker.cross_references
        write(_("Citations: {citations} linked, {references} to figures and tables").format(
            citations=citations_text,
            references=ngettext("{n} cross-reference", "{n} cross-references", n).format(n=n)))
    if project.placeholders:
        numbers = ", ".join(f"[{s.number}]" for s in project.placeholders)
        write("  " + _("cited with no list entry, made placeholder sources ({key}…): {numbers}").format(
            key=project.placeholders[0].key, numbers=numbers))
    write(_("Figures: {figures}; tables: {tables}; footnotes: {footnotes}").format(
        figures=project.figures, tables=project.tables, footnotes=len(draft.footnotes)))
    kept = structure.kept_text + project.kept + [(0, note) for note in draft.notes]
    if kept:
        write(_("Kept as text or left out:"))
        for number, message in kept:
            write(f"  {_where(draft, number) + ': ' if number else ''}{message}")
    sources = len(project.sources) + len(project.placeholders)
    detail = _("{parsed} parsed, {typed} kept as typed").format(parsed=len(parsed), typed=len(typed))
    if project.placeholders:
        n = len(project.placeholders)
        detail += ", " + ngettext("{n} placeholder", "{n} placeholders", n).format(n=n)
    then = f"{prog} build {target}" if prog == "kazthesis" else f"python {prog} {target}"
    chapters, figures, tables = project.chapters, project.figures, project.tables
    write(_("Imported {draft} → {target}: {chapters}, {sources} ({detail}), {citations}, {figures}, {tables}; "
            "{then}").format(
        draft=draft_name, target=target, chapters=ngettext("{n} chapter", "{n} chapters", chapters).format(n=chapters),
        sources=ngettext("{n} source", "{n} sources", sources).format(n=sources), detail=detail,
        citations=citations_text, figures=ngettext("{n} figure", "{n} figures", figures).format(n=figures),
        tables=ngettext("{n} table", "{n} tables", tables).format(n=tables), then=then))
