"""A student's draft → a new project: ``kazthesis import DRAFT [DIR]``.

The stages, one module each: :mod:`.sniff` (what the file really is),
:mod:`.docx_reader`, :mod:`.odt_reader`, :mod:`.text_reader` (the file → one
neutral list of paragraphs, :mod:`.model`; formulas by :mod:`.omml`),
:mod:`.structure` (title page, contents, headings, reference list; with
:mod:`.headings` and :mod:`.title_page`), :mod:`.entry_areas` and
:mod:`.entry_parse` (typed GOST entries → fields), :mod:`.references` and
:mod:`.bibtex` (→ references.bib, checked by formatting back), :mod:`.citations`
(typed citations and cross-references → Markdown), :mod:`.markdown_out`,
:mod:`.settings` and :mod:`.project` (→ the project's files), :mod:`.report`.
The draft is only read, never changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from kazthesis.draft.sniff import DraftError, sniff
from kazthesis.i18n import _
from kazthesis.problems import problem_line


def import_draft(draft_path: Path, target: Path | None, out: TextIO, err: TextIO, prog: str = "kazthesis") -> int:
    """Read ``draft_path``, write the project into ``target`` (default: a folder named after the draft),
    report; the exit status (0 done, 1 the draft cannot be read, 2 the target is in use)."""
    from kazthesis.draft.docx_reader import read_docx
    from kazthesis.draft.odt_reader import read_odt
    from kazthesis.draft.project import make_project, write_project
    from kazthesis.draft.report import print_report
    from kazthesis.draft.structure import read_structure
    from kazthesis.draft.text_reader import read_text_draft

    target = target if target is not None else Path(draft_path.stem)
    if not draft_path.is_file():
        print(problem_line(draft_path, "error", _("no such file"),
                           _("give the path of your draft (.docx, .odt, .txt or .md)")), file=err)
        return 2
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(problem_line(target, "error", _("the folder is not empty (or is a file); import writes only into a new "
                                              "or empty folder"),
                           _("give another name: '{prog} import {draft} my-thesis'").format(
                               prog=prog, draft=draft_path)), file=err)
        return 2
    try:
        kind = sniff(draft_path)
        data = draft_path.read_bytes()
        draft = read_docx(data) if kind == "docx" else read_odt(data) if kind == "odt" else read_text_draft(data,
                                                                                                            kind)
    except DraftError as exc:
        print(problem_line(draft_path, "error", exc.message, exc.hint), file=err)
        return 1
    if not any(p.text.strip() or p.table or p.image for p in draft.paragraphs):
        print(problem_line(draft_path, "error", _("the draft has no text"),
                           _("import the file that holds your draft")), file=err)
        return 1
    structure = read_structure(draft)
    project = make_project(draft, structure, draft_path.name)
    try:
        write_project(project, target)
    except OSError as exc:
        print(problem_line(target, "error", _("cannot write the project: {reason}").format(reason=exc.strerror or exc),
                           _("choose a folder you may write to")), file=err)
        return 1
    print_report(draft, structure, project, draft_path.name, str(target), out, prog)
    return 0


__all__ = ["DraftError", "import_draft"]
