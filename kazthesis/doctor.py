"""``kazthesis doctor``: whether this computer has what a build needs, and how to get what is missing.

Each check is a small function returning a :class:`Check`: whether it passed,
what it found, and how to fix it on Debian/Ubuntu, macOS (Homebrew) and Windows
(MSYS2 or WSL), as WeasyPrint's own installation guide describes
(https://doc.courtbouillon.org/weasyprint/stable/first_steps.html).
"""

from __future__ import annotations

import contextlib
import ctypes.util
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from kazthesis.i18n import N_, _, ngettext
from kazthesis.lang.registry import LANGUAGES, listed
from kazthesis.output import leads_outside
from kazthesis.pdf.weasy.installed import PINNED, fix_command, import_quietly, reported_version, subset_library_loaded
from kazthesis.read import fonts

MINIMUM_PYTHON = (3, 11)
TIMES = "Times New Roman"
METRIC_TWIN = "Liberation Serif"  # same widths as Times New Roman: the same line breaks and page count
PLATFORMS = ("Debian/Ubuntu", "macOS", "Windows")
WINDOWS_MSYS2 = N_("install MSYS2 (https://www.msys2.org) with its default options, run "
                   "'pacman -S mingw-w64-x86_64-pango' in its shell, close it; if the libraries are still not "
                   "found: set WEASYPRINT_DLL_DIRECTORIES=C:\\msys64\\mingw64\\bin. Or use WSL (Ubuntu) and follow "
                   "the Debian/Ubuntu line")


@dataclass
class Check:
    """One finding: passed or not, what was found, and how to fix it on each platform."""

    ok: bool
    what: str
    fix: dict[str, str] = field(default_factory=dict)  # platform → instruction (marked with N_, printed with _)


def check_python(version: tuple[int, ...] | None = None) -> Check:
    """Python 3.11 or newer (the tool's pyproject requires it)."""
    version = tuple(sys.version_info[:3]) if version is None else version
    shown = ".".join(str(v) for v in version)
    if version[:2] >= MINIMUM_PYTHON:
        return Check(True, _("Python {shown}").format(shown=shown))
    return Check(False, _("Python {shown} is too old: kazthesis needs 3.11 or newer").format(shown=shown), {
        "Debian/Ubuntu": N_("sudo apt-get install python3 (Debian 12+ / Ubuntu 24.04+ have 3.11 or newer)"),
        "macOS": "brew install python",
        "Windows": N_("install Python from the Microsoft Store (the Python Install Manager)"),
    })


PANGO_FIX = {
    "Debian/Ubuntu": "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0",
    "macOS": N_("brew install pango (if it is still not found: "
                "export DYLD_FALLBACK_LIBRARY_PATH=/opt/homebrew/lib:$DYLD_FALLBACK_LIBRARY_PATH)"),
    "Windows": WINDOWS_MSYS2,
}


def check_weasyprint(importer: Callable[[], object] = import_quietly) -> Check:
    """WeasyPrint imports: it loads Pango, GObject, HarfBuzz and fontconfig as it does (OSError without them)."""
    try:
        module = importer()
    except OSError as exc:
        return Check(False, _("Pango could not be loaded, so WeasyPrint cannot start ({exc})").format(
                              exc=exc), PANGO_FIX)
    except ImportError as exc:
        return Check(False, _("WeasyPrint is not installed ({exc})").format(exc=exc), {
            platform: N_("pip install . (from the kazthesis folder) or reinstall the kazthesis wheel")
            for platform in PLATFORMS})
    return Check(True, _("WeasyPrint {version} with Pango").format(version=getattr(module, "__version__", "?")))


def check_weasyprint_version(version: Callable[[], str | None] = reported_version) -> Check:
    """The installed WeasyPrint is the version kazthesis is written for (its layout uses WeasyPrint's internals);
    ``version`` reads the installed one."""
    found = version()
    if found == PINNED:
        return Check(True, _("WeasyPrint {found}, the version kazthesis is written for").format(found=found))
    shown = (_("WeasyPrint {version} is installed").format(version=found) if found
             else _("WeasyPrint is not installed"))
    return Check(False, _("{found}, but kazthesis is written for WeasyPrint {pinned}: its page layout uses "
                          "WeasyPrint's internals, which change from version to version").format(
                              found=shown, pinned=PINNED),
                 {platform: fix_command() for platform in PLATFORMS})


def check_harfbuzz_subset(loaded: Callable[[], bool | None] = subset_library_loaded,
                          find: Callable[[str], str | None] = ctypes.util.find_library) -> Check:
    """HarfBuzz's subsetting library, which WeasyPrint embeds fonts with (hb_subset)."""
    found = loaded()
    if found is None:
        found = find("harfbuzz-subset") is not None
    if found:
        return Check(True, _("HarfBuzz subsetting library (fonts are embedded fast and small)"))
    return Check(False, _("HarfBuzz subsetting library (libharfbuzz-subset) not found: WeasyPrint falls back to a "
                          "slower way of embedding fonts that future versions will drop"), {
        "Debian/Ubuntu": "sudo apt-get install libharfbuzz-subset0",
        "macOS": "brew install harfbuzz",
        "Windows": N_("pacman -S mingw-w64-x86_64-harfbuzz in the MSYS2 shell (it comes with Pango)"),
    })


FONT_FIX = {
    "Debian/Ubuntu": N_("sudo apt-get install fonts-liberation2 fontconfig "
                        "(Liberation Serif: the metric twin of Times New Roman)"),
    "macOS": N_("Times New Roman comes with macOS; if fc-match is missing: brew install fontconfig"),
    "Windows": N_("Times New Roman comes with Windows; fc-match comes with Pango in MSYS2 "
                  "(add C:\\msys64\\mingw64\\bin to PATH)"),
}


def check_font(family: str = TIMES, file_of: Callable[[str], Path | None] = fonts.font_file,
               name_of: Callable[[str], str] = fonts.font_name,
               missing_of: Callable[[str, str], set[str]] = fonts.missing_characters) -> Check:
    """fontconfig finds the body font (or Liberation Serif for Times New Roman) and it has every Kazakh letter."""
    path = file_of(family)
    if path is None:
        return Check(False, _("fontconfig (fc-match) cannot tell which font '{family}' is").format(
                              family=family), FONT_FIX)
    found = name_of(family)
    accepted = {family.casefold()} | ({METRIC_TWIN.casefold()} if family == TIMES else set())
    if found.casefold() not in accepted:
        shown = (_("'{font}' or {twin}").format(font=family, twin=METRIC_TWIN) if family == TIMES
                 else f"'{family}'")
        return Check(False, _("{font} is not installed: fontconfig would use {found} instead, with other "
                              "letter widths (other line breaks and page count)").format(font=shown, found=found),
                     FONT_FIX)
    languages = [language for language in LANGUAGES.values() if language.document and language.script == "Cyrl"]
    # The letters of the languages written in Cyrillic, in both cases (Latin letters every font has).
    alphabet = {letter for language in languages for letter in language.document.hyphenation.alphabet}
    missing = missing_of("".join(sorted(alphabet | {letter.upper() for letter in alphabet})), family)
    if missing:
        letters = " ".join(sorted(missing))
        return Check(False, _("{found} ({name}) has no glyph for {letters}: they would print as boxes").format(
                              found=found, name=path.name, letters=letters), FONT_FIX)
    names = listed((_(language.name) for language in languages), _("and"))
    return Check(True, _("font {found} ({path}), every {names} letter").format(found=found, path=path, names=names))


def check_output(root: Path) -> Check:
    """The build can write ``root/output`` (created if needed; a probe file is written and removed)."""
    output = root / "output"
    fix = {platform: _("build in a folder you may write to, or fix the rights of {folder}").format(folder=output)
           for platform in PLATFORMS}
    if not root.is_dir():
        return Check(False, _("{root} is not a folder").format(root=root), fix)
    if reason := leads_outside(output / "thesis.pdf", root):
        unlink = _("remove the link {folder}; the build makes the folder itself").format(folder=output)
        return Check(False, _("the build would not write there: {reason}").format(reason=reason),
                     dict.fromkeys(PLATFORMS, unlink))
    created = not output.exists()
    try:
        output.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=output, prefix=".doctor-", suffix=".part"):
            pass
    except OSError as exc:
        return Check(False, _("cannot write to {folder}: {reason}").format(folder=output, reason=exc.strerror or exc),
                     fix)
    finally:
        if created:
            with contextlib.suppress(OSError):
                output.rmdir()
    return Check(True, _("{output} can be written").format(output=output))


def project_font(root: Path) -> str:
    """The body font of the project in ``root`` (Times New Roman without a thesis.toml that says otherwise)."""
    if not (root / "thesis.toml").is_file():
        return TIMES
    from kazthesis.problems import Problems
    from kazthesis.read.config import load_config

    return str(load_config(root, Problems(root=root)).layout.get("font") or TIMES)


def run_checks(root: Path) -> list[Check]:
    """Every check, in the order a build needs them."""
    return [check_python(), check_weasyprint(), check_weasyprint_version(), check_harfbuzz_subset(),
            check_font(project_font(root)), check_output(root)]


LIBREOFFICE_FIX = {
    "Debian/Ubuntu": "sudo apt-get install libreoffice-writer-nogui",
    "macOS": "brew install --cask libreoffice",
    "Windows": N_("install LibreOffice from https://www.libreoffice.org (or: winget install "
                  "TheDocumentFoundation.LibreOffice)"),
}


def check_libreoffice(find: Callable[[], str | None] | None = None,
                      version: Callable[[str], str] | None = None) -> Check:
    """LibreOffice, which lays the .docx out so that its contents page is numbered (optional)."""
    from kazthesis.docx.page_numbers import find_soffice, soffice_version

    soffice = (find or find_soffice)()
    if soffice is None:
        return Check(False, _("LibreOffice not found: the .docx's contents page stays without page numbers until "
                              "Word updates its fields"), LIBREOFFICE_FIX)
    shown = " ".join(part for part in ("LibreOffice", (version or soffice_version)(soffice), f"({soffice})") if part)
    return Check(True, _("{shown}: the .docx's contents page gets its page numbers").format(shown=shown))


def run_doctor(root: Path, out: TextIO) -> int:
    """Print each check with how to fix what failed; 0 when all passed, 1 otherwise (an optional check that
    failed is said so, and does not count)."""
    checks = run_checks(root)
    optional = [check_libreoffice()]
    for check in checks + optional:
        label = "ok" if check.ok else "optional" if check in optional else "MISSING"
        print(f"{label}  {check.what}", file=out)
        if not check.ok:
            for platform, how in check.fix.items():
                print(f"         {platform}: {_(how)}", file=out)
    failed = sum(not check.ok for check in checks)
    if failed:
        print(ngettext("doctor: {failed} of {n} checks failed; fix it, then run doctor again.",
                       "doctor: {failed} of {n} checks failed; fix them, then run doctor again.", failed).format(
            failed=failed, n=len(checks)), file=out)
        return 1
    print(_("doctor: all {n} checks passed; this computer can build the thesis.").format(n=len(checks)), file=out)
    return 0

