"""The installed WeasyPrint → imported, when it is the version this package is written for; a clear error when not.

The layout passes reach into WeasyPrint's internals (its layout context, its
page maker, its line breaking), which change between versions: another
version would fail deep in layout, or, worse, lay out differently without a
word. So the version is checked before WeasyPrint is imported (from the
metadata pip installed beside it: another version may not even import with
this one's dependencies) and again after (``weasyprint.__version__``, the code that
really runs), and a mismatch is :class:`WrongWeasyPrint`, which names both
versions and the command that installs the right one. ``kazthesis doctor``
reports the same (:func:`installed_version`).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import shlex
import sys
from pathlib import Path
from types import ModuleType

from kazthesis.i18n import _

PINNED = "70.0"  # as requirements.txt and pyproject.toml pin it
DISTRIBUTION = "weasyprint"


def fix_command() -> str:
    """The command that installs the pinned WeasyPrint for the Python running this."""
    return f"{shlex.quote(sys.executable)} -m pip install {DISTRIBUTION}=={PINNED}"


class WrongWeasyPrint(Exception):
    """The installed WeasyPrint is not the version the layout passes are written for."""

    def __init__(self, found: str, where: str) -> None:
        super().__init__(found, where)  # both in args: the error crosses from the renderer process by pickle
        self.found = found
        self.where = where  # the installed package's folder

    @property
    def message(self) -> str:
        return _("WeasyPrint {found} is installed, but kazthesis is written for WeasyPrint {pinned} (its page "
                 "layout uses WeasyPrint's internals, which change from version to version)").format(
                     found=self.found, pinned=PINNED)

    @property
    def fix(self) -> str:
        return _("install WeasyPrint {pinned}: {command}").format(pinned=PINNED, command=fix_command())

    def __str__(self) -> str:
        return f"{self.message} — {self.fix}"


def where_installed() -> Path | None:
    """The folder of the WeasyPrint package ``import weasyprint`` finds (found, not imported); None: none."""
    try:
        spec = importlib.util.find_spec("weasyprint")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def installed_version() -> str | None:
    """The version of the WeasyPrint that ``import weasyprint`` finds, without importing it: from the name of
    the metadata folder pip put beside it (``weasyprint-70.0.dist-info``); None when there is none (not
    installed, or not by pip: then only the version the imported module states is checked).

    Not :mod:`importlib.metadata`: its own import takes longer than the rest of the check, in the renderer's
    start, which a cold build waits for.
    """
    package = where_installed()
    if package is None:
        return None
    prefix = f"{DISTRIBUTION}-"
    try:
        names = sorted(os.listdir(package.parent))
    except OSError:
        return None
    for name in names:
        if name.lower().startswith(prefix) and name.endswith(".dist-info"):
            return name[len(prefix) : -len(".dist-info")]
    return None


def reported_version() -> str | None:
    """The installed WeasyPrint's version as pip recorded it, else as the module states it once imported (for
    ``kazthesis doctor``); None when it cannot be imported."""
    found = installed_version()
    if found is None:
        try:
            found = getattr(import_quietly(), "__version__", None)
        except (OSError, ImportError):
            return None
    return found


def check_version(found: str | None) -> None:
    """Raise :class:`WrongWeasyPrint` when ``found`` (a version; None: unknown, no judgement) is not the pinned
    one."""
    if found is not None and found != PINNED:
        raise WrongWeasyPrint(found, str(where_installed() or DISTRIBUTION))


def import_weasyprint() -> ModuleType:
    """WeasyPrint, imported once it is known to be the pinned version, and checked again once imported.

    On Linux, without ctypes' library search, which is a third of the import: WeasyPrint loads each library
    by trying names for Windows, macOS and Linux in turn, and cffi asks ``ctypes.util.find_library`` about
    every name that does not load at once, which runs ldconfig, gcc and ld, some fifty programs. The Linux
    names (libpango-1.0.so.0, …) load at once, so the search is left out; should the import fail without it,
    it is imported again the usual way.
    """
    if "weasyprint" not in sys.modules:
        check_version(installed_version())
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint
    else:
        import ctypes.util

        search = ctypes.util.find_library
        ctypes.util.find_library = lambda name: None
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # WeasyPrint prints its advice when a library is missing
                import weasyprint
        except (OSError, ImportError):
            for name in [name for name in sys.modules if name.split(".")[0] == "weasyprint"]:
                del sys.modules[name]
            ctypes.util.find_library = search
            import weasyprint
        finally:
            ctypes.util.find_library = search
    check_version(getattr(weasyprint, "__version__", None))
    return weasyprint


def import_quietly() -> ModuleType:
    """WeasyPrint imported the usual way (with the library search, whatever its version), hiding the advice it
    prints when a library is missing: for ``kazthesis doctor``, which reports what fails."""
    with contextlib.redirect_stdout(io.StringIO()):
        import weasyprint

    return weasyprint


def subset_library_loaded() -> bool | None:
    """Whether WeasyPrint loaded libharfbuzz-subset (fonts embedded fast and small); None when WeasyPrint itself
    cannot be loaded."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            from weasyprint.text import ffi
    except (OSError, ImportError):
        return None
    return getattr(ffi, "harfbuzz_subset", None) is not None
