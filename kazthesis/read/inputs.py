"""The project's files → checked inputs: the chapters in order, each parsed, and the bibliography.

:class:`Inputs` keeps what a build read, so that watch mode parses again only the file whose bytes
changed (and reports the problems of the others again from their first reading). thesis.toml is
read by :mod:`kazthesis.read.config`; the stages run in order in :mod:`kazthesis.pipeline`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kazthesis.bibliography import Bibliography, load_bibliography
from kazthesis.i18n import _
from kazthesis.problems import Problem, Problems
from kazthesis.read.config import Config
from kazthesis.read.parse import ParsedFile, parse_file
from kazthesis.read.project import exists, refuse_unreadable


def content_files(root: Path) -> list[Path]:
    """The chapters, in file-name order: every name ending .md or .markdown that is not a folder (a named pipe
    or a link to a device too, for the build to refuse by name, never to skip)."""
    folder = root / "content"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".md", ".markdown") and not p.is_dir())


@dataclass
class Inputs:
    """What a build read, kept between rebuilds (watch mode): a file whose bytes did not change is
    not parsed again, and its problems are reported again from the first reading."""

    chapters: dict[Path, tuple[bytes, str, ParsedFile]] = field(default_factory=dict)
    bibliography: tuple[bytes, Bibliography, list[Problem]] | None = None


def read_bibliography(config: Config, problems: Problems, inputs: Inputs | None = None) -> Bibliography:
    """references.bib (or the file the settings name), checked; empty after an error."""
    path = config.bib_path
    if exists(path) and refuse_unreadable(path, config.root, problems, config.bibliography["file"]):
        return Bibliography()
    if not path.is_file():
        problems.error(path, None, _("{file} not found").format(file=config.bibliography["file"]),
                       _("export your sources from Zotero (or any reference manager) as BibTeX into the project "
                         "folder"))
        return Bibliography()
    data = _read_bytes(path)
    if inputs is not None and inputs.bibliography is not None and inputs.bibliography[0] == data:
        problems.items.extend(inputs.bibliography[2])
        return inputs.bibliography[1]
    found = Problems(root=problems.root)
    bibliography = load_bibliography(path, found, urldate=config.csl_style is None)
    problems.items.extend(found.items)
    if inputs is not None:
        inputs.bibliography = (data, bibliography, found.items)
    return bibliography


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # reading it again reports why


def read_chapters(root: Path, language: str, problems: Problems, inputs: Inputs | None = None) -> list[ParsedFile]:
    """Every chapter parsed, in order; with ``inputs``, an unchanged file is not parsed again."""
    paths, linked_out = [], False
    for path in content_files(root):
        if refuse_unreadable(path, root, problems, _("this chapter")):
            linked_out = True
        else:
            paths.append(path)
    if not paths and not linked_out:
        problems.error(root / "content", None, _("no chapters found: the content folder is empty or missing"),
                       _("put your chapters in content/ as .md files, e.g. content/01-kirispe.md"))
    files = []
    for path in paths:
        data = _read_bytes(path) if inputs is not None else None
        kept = inputs.chapters.get(path) if inputs is not None else None
        if kept is not None and data is not None and kept[:2] == (data, language):
            parsed = kept[2]
        else:
            parsed = parse_file(path, root, language)
            if inputs is not None and data is not None:
                inputs.chapters[path] = (data, language, parsed)
        problems.items.extend(parsed.problems)
        files.append(parsed)
    if inputs is not None:
        for gone in set(inputs.chapters) - set(paths):
            del inputs.chapters[gone]
    return files
