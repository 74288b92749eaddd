"""The folder a command was run in → the project it works on, and how messages name the project's files.

A command run inside a project's subfolder (``content/``) works on the project above it, as git and latexmk
do. Messages name files relative to the folder the command was run in, as compilers and linters do, so that
the editor whose terminal ran it opens ``content/02-tarau-1.md:14`` (or ``02-tarau-1.md:14`` from inside
``content/``, ``../p/content/…`` for ``kazthesis build ../p``); a file outside both the project and
that folder (an installed library) is shown whole.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from kazthesis.problems import Problem

SUBFOLDERS = ("content", "images", "templates", "output", "forms")  # where a student may stand inside a project


def is_project(folder: Path) -> bool:
    return (folder / "thesis.toml").is_file() or (folder / "content").is_dir()


def project_above(folder: Path) -> Path | None:
    """The project a folder that is not one lies in: the nearest folder above with a thesis.toml, else the
    one holding the nearest ``content/`` (or another project subfolder) the path runs through."""
    folder = folder.resolve()
    for parent in folder.parents:
        if (parent / "thesis.toml").is_file():
            return parent
    for inner in (folder, *folder.parents):
        if inner.name in SUBFOLDERS and (inner.parent / "content").is_dir():
            return inner.parent
    return None


@dataclasses.dataclass(frozen=True)
class Places:
    """How one run names the files of its project: relative to ``cwd``."""

    root: Path
    cwd: Path

    def shown(self, path: str | Path) -> str:
        """A path (relative to the project, or absolute) as a message names it."""
        full = Path(path) if Path(path).is_absolute() else self.root / path
        if not (full.is_relative_to(self.root) or full.is_relative_to(self.cwd)):
            return str(full)
        try:
            return os.path.relpath(full, self.cwd)
        except ValueError:  # another drive on Windows
            return str(full)

    def problem(self, problem: Problem) -> str:
        """``content/02.md:14: error: …`` with the file named as :meth:`shown` names it."""
        return str(dataclasses.replace(problem, path=self.shown(problem.path)))
