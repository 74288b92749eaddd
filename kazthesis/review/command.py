"""``kazthesis review REVIEWED.docx [PROJECT_DIR] [--apply]``: the reviewer's marks listed, or applied.

Without ``--apply`` it prints every comment and tracked change at its
FILE:LINE, in source order. With ``--apply`` it makes the tracked changes in
the sources (those that still read as the .docx printed them, checked to
print as marked), first copying each file it changes to
``output/review-backup/DATE-TIME/``, writes the comments and the changes left
to make by hand to ``output/review.txt``, and prints one closing line.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import TextIO

from kazthesis.docx.markers import source_files
from kazthesis.i18n import N_, _, ngettext
from kazthesis.model import Source
from kazthesis.output import write_files
from kazthesis.pipeline import prepare
from kazthesis.problems import Problems, count_errors, problem_line
from kazthesis.read.inputs import content_files
from kazthesis.resolve.printed import document_units
from kazthesis.resolve.printed_units import Unit
from kazthesis.review.carry import source_line
from kazthesis.review.changes import Change, SourceEdit, plan_changes
from kazthesis.review.marks import Mark, Ranks, Relocate, change_marks, comment_marks
from kazthesis.review.place import place
from kazthesis.review.reviewed import Reviewed, ReviewedError, read_reviewed
from kazthesis.review.sources import Sources, encoded
from kazthesis.review.verify import Verifier

REVIEW_FILE = "output/review.txt"
BACKUP_FOLDER = "output/review-backup"


def _comment_lines(reviewed: Reviewed, placed: dict, units: list[Unit], sources: Sources) -> dict:
    """Each comment's exact source line, where its anchor can be followed into the source."""
    found = {}
    paragraphs = {p.index: p for p in reviewed.paragraphs}
    for comment in reviewed.comments:
        here = placed.get(comment.paragraph) if comment.paragraph is not None else None
        if here is None or here.unit is None or here.how == "after":
            continue
        line = source_line(paragraphs[comment.paragraph].original, comment.start, units[here.unit], sources)
        if line is not None:
            found[comment.ident] = line
    return found


def run_review(docx: Path, root: Path, apply: bool, out: TextIO, err: TextIO) -> int:
    """Run the command; the exit status."""
    if not docx.is_file():
        print(problem_line(docx, "error", _("no such file"), _("give the .docx your reviewer sent back")), file=err)
        return 1
    problems = Problems(root=root)
    document = prepare(root, problems)
    if problems.errors:
        for problem in problems.errors:
            print(problem, file=err)
        print(_("review: the project has {errors}; fix them first, so that the marks can be placed in the "
                "sources").format(errors=count_errors(len(problems.errors))), file=err)
        return 1
    try:
        reviewed = read_reviewed(docx)
    except ReviewedError as exc:
        print(problem_line(docx, "error", _("the file {reason}").format(reason=exc),
                           _("save it from Word or LibreOffice as a Word document (.docx)")), file=err)
        return 1
    units = document_units(document)
    placed = place(reviewed, units, source_files(document))
    sources = Sources(root)
    numbers = {ref.number: ref.entry.key for ref in document.references}
    changes = plan_changes(reviewed, units, placed, sources, numbers)
    marked = {c.paragraph.index for c in changes} | {c.paragraph for c in reviewed.comments if c.paragraph is not None}
    if any(i not in placed or placed[i].how not in ("marker", "after") for i in marked):
        print(problem_line(docx.name, "warning", _("the file carries no source markers of 'kazthesis docx' (it was "
                                                   "made by another program, or they were lost), so its marks were "
                                                   "placed by matching each paragraph's text with the sources"),
                           _("check each place; review a .docx made by 'kazthesis docx' to have them placed exactly")),
              file=err)
    ranks = Ranks([str(p.relative_to(root)) for p in content_files(root)], document.config.bibliography["file"])
    lines = _comment_lines(reviewed, placed, units, sources)
    if not changes and not reviewed.comments:
        print(_("{name}: no marks — no comments and no tracked changes").format(name=docx.name), file=out)
        return 0
    if not apply:
        comments = comment_marks(reviewed.comments, placed, units, lines, ranks, docx.name)
        for mark in sorted(change_marks(changes, ranks, docx.name, False) + comments, key=lambda m: m.rank):
            for line in mark.lines():
                print(line, file=out)
        return 0
    texts = Verifier(document, units, sources).check(changes)
    for change in changes:
        if change.status == "ready" and change.edits:
            change.status = "applied"
        elif change.status == "ready":
            change.status, change.reason = "not applicable", N_("nothing in the source to change")
    relocate = _relocation(changes, sources, texts)
    marks = sorted(change_marks(changes, ranks, docx.name, True, relocate), key=lambda m: m.rank)
    comments = comment_marks(reviewed.comments, placed, units, lines, ranks, docx.name, relocate)
    return _write(root, sources, texts, changes, marks, comments, out, err)


def _relocation(changes: list[Change], sources: Sources, texts: dict[str, str]) -> Relocate:
    """Where a line of a source file stands once the applied changes have been made in it (a line that was
    taken out: where the text around it now meets)."""
    edits: dict[str, list[SourceEdit]] = defaultdict(list)
    for change in changes:
        if change.status == "applied":
            for edit in change.edits:
                edits[edit.path].append(edit)

    def relocate(source: Source) -> Source:
        file = sources.get(source.path)
        if file is None or source.path not in edits or source.path not in texts or not 1 <= source.line <= file.lines:
            return source
        start = mapped = file.starts[source.line - 1]
        for edit in edits[source.path]:
            if edit.end <= start and edit.start < start:
                mapped += len(edit.new) - (edit.end - edit.start)
            elif edit.start < start < edit.end:
                mapped += edit.start - start
        return Source(source.path, texts[source.path].count("\n", 0, max(mapped, 0)) + 1)

    return relocate


def _write(root: Path, sources: Sources, texts: dict[str, str], changes: list[Change], marks: list[Mark],
           comments: list[Mark], out: TextIO, err: TextIO) -> int:
    """Back up, write the changed sources and output/review.txt at once, print what was done."""
    left = [m for m in marks if m.change is not None and m.change.status != "applied"]
    report = sorted(comments + left, key=lambda m: m.rank)
    files: dict[Path, bytes] = {}
    for path, text in texts.items():
        source = sources.get(path)
        assert source is not None
        if text != source.text:
            files[root / path] = encoded(source, text)
    problems = Problems(root=root)
    if files:
        stamp = time.strftime("%Y-%m-%d-%H%M%S")
        backup = {root / BACKUP_FOLDER / stamp / path.relative_to(root): path.read_bytes() for path in files}
        if not write_files(backup, problems, root):
            for problem in problems:
                print(problem, file=err)
            print(_("review: nothing was changed (the backup copies could not be written)"), file=err)
            return 1
    files[root / REVIEW_FILE] = "".join(line + "\n" for mark in report for line in mark.lines()).encode("utf-8")
    if not write_files(files, problems, root):
        for problem in problems:
            print(problem, file=err)
        print(_("review: nothing was changed"), file=err)
        return 1
    for mark in marks:
        for line in mark.lines():
            print(line, file=out)
    applied = sum(c.status == "applied" for c in changes)
    conflicts = sum(c.status == "conflict" for c in changes)
    backup_note = (_("; the files as they were are in {folder}").format(folder=f"{BACKUP_FOLDER}/{stamp}")
                   if len(files) > 1 else "")
    not_applicable = len(changes) - applied - conflicts
    print(_("Applied {applied} of {changes} ({conflicts}, {not_applicable} not applicable); {comments} in "
            "{file}{backup}").format(
        applied=applied, changes=ngettext("{n} change", "{n} changes", len(changes)).format(n=len(changes)),
        conflicts=ngettext("{n} conflict", "{n} conflicts", conflicts).format(n=conflicts),
        not_applicable=not_applicable,
        comments=ngettext("{n} comment", "{n} comments", len(comments)).format(n=len(comments)),
        file=REVIEW_FILE, backup=backup_note), file=out)
    return 0
