"""The build's files on disk: all of them new, or none touched.

Every output is first written to a temporary file beside its target; only
when all are complete are they moved into place. A PDF viewer that reloads
on change never sees half a file, and a failed build leaves the previous
PDF as it was. Disk problems are the student's to fix, so they are reported
as problems (``FILE: error: … — what to do``), not as bugs.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from kazthesis.i18n import N_, _
from kazthesis.problems import Problems
from kazthesis.read.project import is_inside

HINTS = {
    errno.EACCES: N_("check that you may write to this folder, and that no program holds the file open"),
    errno.EPERM: N_("check that you may write to this folder, and that no program holds the file open"),
    errno.ENOSPC: N_("free some disk space and build again"),
    errno.EROFS: N_("the disk is read-only: copy the project to a folder you can write to"),
    errno.EISDIR: N_("a folder stands where the file goes: rename or remove it"),
    errno.ENOTDIR: N_("a file stands where a folder goes: rename or remove it"),
}
OTHER_HINT = N_("check the folder and the disk, then build again")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _report(problems: Problems, path: Path, exc: OSError) -> None:
    reason = exc.strerror or str(exc)
    hint = HINTS.get(exc.errno or 0, OTHER_HINT)
    problems.error(path, None, _("cannot write the file: {reason}").format(reason=reason), _(hint))


def leads_outside(target: Path, root: Path) -> str:
    """Why writing ``target`` would write outside the project folder ``root`` ("" when it would not): a folder
    on its way that is a link leading out (``output/`` linked to another folder), or the file itself a link."""
    parts = target.relative_to(root).parts
    for count in range(1, len(parts)):
        folder = Path(*parts[:count])
        if not is_inside(root / folder, root):
            return _("{folder}/ is a link to a folder outside the project folder").format(folder=folder)
    if target.is_symlink():
        return _("{file} is a link; the build writes only files of its own there").format(file=Path(*parts))
    return ""


def write_files(files: dict[Path, bytes], problems: Problems, root: Path) -> bool:
    """Write ``files`` (target → content) all at once inside the project folder ``root``; False, with problems
    added, when any cannot be written, or would be written outside the project."""
    for target in files:
        if reason := leads_outside(target, root):
            problems.error(target, None, _("cannot write the file: {reason}").format(reason=reason),
                           _("remove the link: the build writes its files in the project's own output/ folder"))
            return False
    temps: dict[Path, str] = {}
    current = next(iter(files))
    mode = 0o666 & ~_umask()  # as an ordinary file of the user's would be (mkstemp makes 0600)
    try:
        for target, data in files.items():
            current = target
            if target.exists() and not target.is_file():
                _report(problems, target, IsADirectoryError(errno.EISDIR, _("a folder is in the way")))
                return False
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".part", dir=target.parent)
            temps[target] = temp
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            os.chmod(temp, mode)
        for target, temp in temps.items():
            current = target
            os.replace(temp, target)
    except OSError as exc:
        _report(problems, current, exc)
        return False
    finally:
        for temp in temps.values():
            Path(temp).unlink(missing_ok=True)
    return True


def write_folder(files: dict[str, bytes], target: Path, folders: tuple[str, ...] = ()) -> None:
    """A new project folder: ``files`` (path inside it → content) and the empty ``folders`` written into a folder
    beside ``target``, then moved into place (``target`` absent or empty), so that a failure leaves nothing
    half made. A name that would lead out of the folder is refused (ValueError); OSError for disk problems."""
    target = target.absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.import-", dir=target.parent))
    try:
        for name, data in files.items():
            path = staging / name
            if Path(name).is_absolute() or not is_inside(path, staging):
                raise ValueError(f"{name!r} would be written outside the new folder")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        for folder in folders:
            (staging / folder).mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            target.rmdir()  # empty: checked by the caller
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
