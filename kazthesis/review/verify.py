"""Planned source edits → the files as they will be, each change checked to print as the reviewer marked it.

Before anything is written, every changed file is read again as the build
reads it: a chapter is parsed (in a temporary folder, never in the project)
and each changed paragraph must give the text the reviewer left — its words
and its citations, markup aside; a changed thesis.toml must still be TOML and
hold the new value; a changed .bib entry must be formatted into the new
reference-list text. A change that does not pass is not made and is reported,
and the rest are checked again without it.
"""

from __future__ import annotations

import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

from kazthesis.bibliography.reader import parse_bibliography
from kazthesis.docx.reading import PARAGRAPH
from kazthesis.i18n import N_
from kazthesis.lang.folding import folded_text
from kazthesis.lang.typography import apply_typography, for_print
from kazthesis.model import Document
from kazthesis.problems import Problems
from kazthesis.read.parse import parse_file
from kazthesis.resolve.printed_units import Unit, file_units
from kazthesis.resolve.references import numbered
from kazthesis.review.changes import Change, SourceEdit
from kazthesis.review.sources import SourceFile, Sources

NOT_AS_MARKED = N_("made in the source, it would not print as marked: make it by hand")
OVERLAP = N_("it overlaps another change in the source")


def edited(text: str, edits: list[SourceEdit]) -> str:
    """``text`` with non-overlapping ``edits`` made."""
    for edit in sorted(edits, key=lambda e: (e.start, e.end, e.order), reverse=True):
        text = text[: edit.start] + edit.new + text[edit.end :]
    return text


class Verifier:
    def __init__(self, document: Document, units: list[Unit], sources: Sources) -> None:
        self.document, self.units, self.sources = document, units, sources
        self.language = document.language
        self.highlight = bool(document.config.layout.get("listing_highlight"))
        self.bib = document.config.bibliography["file"]

    def check(self, changes: list[Change]) -> dict[str, str]:
        """The new text of each file the ready changes touch; changes that fail are marked not applicable."""
        ready = [c for c in changes if c.status == "ready" and c.edits]
        _drop_overlaps(ready)
        while True:  # each round that fails takes at least one change out, so it ends
            ready = [c for c in ready if c.status == "ready"]
            by_file: dict[str, list[Change]] = defaultdict(list)
            for change in ready:
                for path in {e.path for e in change.edits}:
                    by_file[path].append(change)
            failed = False
            texts: dict[str, str] = {}
            for path, file_changes in by_file.items():
                source = self.sources.get(path)
                assert source is not None
                edits = [e for c in file_changes for e in c.edits if e.path == path]
                texts[path] = edited(source.text, edits)
                for change in self.failures(path, source, texts[path], file_changes, edits):
                    change.status, change.reason = "not applicable", NOT_AS_MARKED
                    failed = True
            if not failed:
                return texts

    def failures(self, path: str, source: SourceFile, new: str, changes: list[Change],
                 edits: list[SourceEdit]) -> list[Change]:
        if path == "thesis.toml":
            return self.toml_failures(new, changes)
        if path == self.bib:
            return self.bib_failures(path, new, changes)
        return self.markdown_failures(path, source, new, changes, edits)

    def markdown_failures(self, path: str, source: SourceFile, new: str, changes: list[Change],
                          edits: list[SourceEdit]) -> list[Change]:
        checked = [c for c in changes if c.key_edit is not None and c.unit is not None]
        if not checked:
            return []
        with tempfile.TemporaryDirectory(prefix="kazthesis-review-") as folder:
            copy = Path(folder) / path
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(new, encoding="utf-8")
            parsed = parse_file(copy, Path(folder), self.language)
        lines = {(path, n): line for n, line in enumerate(parsed.lines, 1)}
        new_units = file_units(parsed.parts, self.language, self.highlight, lines)
        by_unit: dict[int, list[Change]] = defaultdict(list)
        for change in checked:
            by_unit[id(change.unit)].append(change)
        failed = []
        for unit_changes in by_unit.values():
            unit = unit_changes[0].unit
            assert unit is not None
            expected = unit.key
            for change in sorted(unit_changes, key=lambda c: c.key_edit[0], reverse=True):  # type: ignore[index]
                start, end, text = change.key_edit  # type: ignore[misc]
                expected = expected[:start] + text + expected[end:]
            if not self.reads(expected, self.new_unit(unit, source, new_units, edits), new_units):
                failed.extend(unit_changes)
        return failed

    @staticmethod
    def reads(expected: str, found: Unit | None, new_units: list[Unit]) -> bool:
        """Whether the edited file's unit ``found`` (and, where the paragraph was split, the units after it)
        reads ``expected``."""
        if found is None:
            return False
        at = new_units.index(found)
        parts = expected.split(PARAGRAPH)
        if at + len(parts) > len(new_units):
            return False
        return all(folded_text(new_units[at + n].key) == folded_text(part) for n, part in enumerate(parts))

    def new_unit(self, unit: Unit, source: SourceFile, new_units: list[Unit], edits: list[SourceEdit]) -> Unit | None:
        """The unit of the edited file where ``unit`` was: the same kind, at its line moved by the edits before
        it, the same count of its kind from that line."""
        start = source.line_span(unit.source.line)[0]
        line = unit.source.line + sum(e.new.count("\n") - source.text.count("\n", e.start, e.end)
                                      for e in edits if e.end <= start and e.start < start)
        same = [u for u in self.units if u.source == unit.source and u.kind == unit.kind]
        ordinal = next((n for n, u in enumerate(same) if u is unit), 0)
        found = [u for u in new_units if u.source.line == line and u.kind == unit.kind]
        return found[ordinal] if ordinal < len(found) else None

    def toml_failures(self, new: str, changes: list[Change]) -> list[Change]:
        try:
            values = tomllib.loads(new)
        except tomllib.TOMLDecodeError:
            return changes
        failed = []
        for change in changes:
            if change.expect is None:
                continue
            name, expected = change.expect
            section, _, key = name.partition(".")
            value = values.get(section, {}).get(key)
            shown = apply_typography(value, self.language) if isinstance(value, str) else str(value)
            if folded_text(shown) != folded_text(expected):
                failed.append(change)
        return failed

    def bib_failures(self, path: str, new: str, changes: list[Change]) -> list[Change]:
        bibliography = parse_bibliography(new, self.document.config.root / path, Problems())
        settings = self.document.config.bibliography
        failed = []
        for change in changes:
            if change.expect is None:
                continue
            key, expected = change.expect
            entry = bibliography.entries.get(key)
            if entry is None:
                failed.append(change)
                continue
            text = numbered([entry], settings["style"], settings["numbers"])[0].text
            if folded_text(for_print(text)) != folded_text(expected):
                failed.append(change)
        return failed


def _drop_overlaps(changes: list[Change]) -> None:
    """A change whose edits overlap those of a change before it is not made."""
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for change in changes:
        spans = [(e.path, e.start, e.end) for e in change.edits]
        if any(start < b and a < end for path, start, end in spans for a, b in taken[path]):
            change.status, change.reason = "not applicable", OVERLAP
            continue
        for path, start, end in spans:
            taken[path].append((start, end))
