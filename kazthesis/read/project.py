"""The files of a project folder the build may read: only regular files inside it, checked before they are opened.

Students pass project folders around (a friend's templates, a supervisor's
example). A symbolic link inside such a folder can point anywhere on the
disk, so every file the build reads — thesis.toml, references.bib, chapters,
images, templates, inserted PDFs — is checked here with every link followed.
And a name in the folder may stand for something that is not a file: a named
pipe (opening it waits for a writer for ever), a device (``/dev/zero`` never
ends), a folder. :func:`unreadable` looks with ``os.stat``, which opens
nothing, so such a file is named in an error before anything reads it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from kazthesis.i18n import N_, _
from kazthesis.problems import Problems

KINDS = ((stat.S_ISFIFO, N_("a named pipe (FIFO)")), (stat.S_ISCHR, N_("a device")), (stat.S_ISBLK, N_("a device")),
         (stat.S_ISSOCK, N_("a socket")), (stat.S_ISDIR, N_("a folder")))
OTHER_KIND = N_("not a regular file")


@dataclass(frozen=True)
class Refusal:
    """Why the build may not read a file: ``reason`` says it after the file's name ("is a link to a file
    outside the project folder", "is a named pipe (FIFO), not a file")."""

    reason: str
    outside: bool  # a link leading out of the project (else: not a regular file)


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


def not_a_file(path: Path) -> str:
    """What ``path`` is when it is there but not a regular file ("a named pipe (FIFO)", "a device", …, in the
    student's language); "" for a regular file or nothing at all. Links are followed; nothing is opened."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode):
        return ""
    kind = next((kind for test, kind in KINDS if test(mode)), OTHER_KIND)
    return _(kind)


def exists(path: Path) -> bool:
    """Whether anything stands at ``path`` (a file, a pipe, a broken link…), without opening it."""
    return os.path.lexists(path)


def unreadable(path: Path, root: Path) -> Refusal | None:
    """Why the build may not read ``path`` (None when it may): it leads outside the project, or it is not a
    regular file. A missing file is left to the caller, which knows what to suggest."""
    if exists(path) and not is_inside(path, root):
        return Refusal(_("is a link to a file outside the project folder"), outside=True)
    kind = not_a_file(path)
    return Refusal(_("is {kind}, not a file").format(kind=kind), outside=False) if kind else None


def refuse_unreadable(path: Path, root: Path, problems: Problems, what: str, where: Path | None = None,
                      line: int | None = None) -> bool:
    """Report ``path`` (named ``what``) when the build may not read it, at ``where``:``line`` (by default the
    path itself); True when it was refused."""
    refusal = unreadable(path, root)
    if refusal is None:
        return False
    hint = (_("copy the file into the project instead of linking to it") if refusal.outside
            else _("put the file itself there (a named pipe or a device is never read)"))
    problems.error(where if where is not None else path, line, _("{what} {reason}").format(
        what=what, reason=refusal.reason), hint)
    return True
