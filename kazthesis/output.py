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
import tempfile
from pathlib import Path

from kazthesis.i18n import N_, _
from kazthesis.problems import Problems

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


def write_files(files: dict[Path, bytes], problems: Problems) -> bool:
    """Write ``files`` (target → content) all at once; False, with problems added, when any cannot be written."""
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
