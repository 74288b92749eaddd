"""What ``kazthesis import`` decided, with the draft position of each guess, and its closing line."""

from __future__ import annotations

from typing import TextIO

from kazthesis.draft.model import Draft
from kazthesis.draft.project import Project
from kazthesis.draft.structure import Structure


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _where(draft: Draft, number: int) -> str:
    page = next((p.page for p in draft.paragraphs if p.number == number), None)
    return f"¶{number}" + (f" (p. {page})" if page and page > 1 else "")


def print_report(draft: Draft, structure: Structure, project: Project, draft_name: str, target: str,
                 out: TextIO, prog: str) -> None:
    write = lambda line: print(line, file=out)  # noqa: E731
    write(f"Read {draft_name}: {_count(len(draft.paragraphs), 'paragraph')} ({draft.kind}); language "
          f"{project.language}; {structure.dropped_empty} empty paragraphs dropped")
    write("Structure:")
    for number, message in structure.decisions:
        write(f"  {_where(draft, number)}: {message}")
    for entry in project.unlisted_contents:
        write(f"  contents entry with no heading in the text: {entry!r}")
    parsed = [s for s in project.sources if s.status == "parsed"]
    typed = [s for s in project.sources if s.status == "typed"]
    write(f"Reference list: {_count(len(project.sources), 'entry', 'entries')}, {len(parsed)} parsed, "
          f"{len(typed)} kept as typed")
    for source in typed:
        write(f"  {_where(draft, source.paragraph)}: [{source.number}] kept as typed ({source.why}): "
              f"{source.typed[:70]!r}")
    if project.uncited:
        numbers = ", ".join(str(s.number) for s in project.uncited)
        write(f"  not cited in the text, listed all the same (list_uncited = true): {numbers}")
    linker = project.linker
    if linker is not None:
        write(f"Citations: {_count(linker.citations, 'citation')} linked, "
              f"{_count(linker.cross_references, 'cross-reference')} to figures and tables")
    if project.placeholders:
        numbers = ", ".join(f"[{s.number}]" for s in project.placeholders)
        write(f"  cited with no list entry, made placeholder sources ({project.placeholders[0].key}…): {numbers}")
    write(f"Figures: {project.figures}; tables: {project.tables}; footnotes: {len(draft.footnotes)}")
    kept = structure.kept_text + project.kept + [(0, note) for note in draft.notes]
    if kept:
        write("Kept as text or left out:")
        for number, message in kept:
            write(f"  {_where(draft, number) + ': ' if number else ''}{message}")
    sources = len(project.sources) + len(project.placeholders)
    detail = f"{len(parsed)} parsed, {len(typed)} kept as typed"
    if project.placeholders:
        detail += f", {_count(len(project.placeholders), 'placeholder')}"
    citations = linker.citations if linker else 0
    then = f"{prog} build {target}" if prog == "kazthesis" else f"python {prog} {target}"
    write(f"Imported {draft_name} → {target}: {_count(project.chapters, 'chapter')}, "
          f"{_count(sources, 'source')} ({detail}), {_count(citations, 'citation')}, "
          f"{_count(project.figures, 'figure')}, {_count(project.tables, 'table')}; {then}")
