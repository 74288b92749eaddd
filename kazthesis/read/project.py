"""The files of a project folder the build may read: only those inside it.

Students pass project folders around (a friend's templates, a supervisor's
example). A symbolic link inside such a folder can point anywhere on the
disk, so every file the build reads — thesis.toml, references.bib, chapters,
images, templates — is checked here with every link followed.
"""

from __future__ import annotations

from pathlib import Path

from kazthesis.i18n import _
from kazthesis.problems import Problems


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, with every symbolic link followed, lies inside ``root``."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a link loop
        return False


def refuse_outside(path: Path, root: Path, problems: Problems, what: str) -> bool:
    """Report ``path`` when it leads outside the project; True when it was refused."""
    if is_inside(path, root):
        return False
    problems.error(path, None, _("{what} is a link to a file outside the project folder").format(what=what),
                   _("copy the file into the project instead of linking to it"))
    return True
