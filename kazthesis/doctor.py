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

from kazthesis.lang.registry import LANGUAGES, listed
from kazthesis.output import leads_outside
from kazthesis.pdf.weasy.installed import PINNED, fix_command, import_quietly, reported_version, subset_library_loaded
from kazthesis.read import fonts

MINIMUM_PYTHON = (3, 11)
TIMES = "Times New Roman"
METRIC_TWIN = "Liberation Serif"  # same widths as Times New Roman: the same line breaks and page count
PLATFORMS = ("Debian/Ubuntu", "macOS", "Windows")
WINDOWS_MSYS2 = ("install MSYS2 (https://www.msys2.org) with its default options, run "
                 "'pacman -S mingw-w64-x86_64-pango' in its shell, close it; if the libraries are still not "
                 "found: set WEASYPRINT_DLL_DIRECTORIES=C:\\msys64\\mingw64\\bin. Or use WSL (Ubuntu) and follow "
                 "the Debian/Ubuntu line")


@dataclass
class Check:
    """One finding: passed or not, what was found, and how to fix it on each platform."""

    ok: bool
    what: str
    fix: dict[str, str] = field(default_factory=dict)  # platform → instruction


def check_python(version: tuple[int, ...] | None = None) -> Check:
    """Python 3.11 or newer (the tool's pyproject requires it)."""
    version = tuple(sys.version_info[:3]) if version is None else version
    shown = ".".join(str(v) for v in version)
    if version[:2] >= MINIMUM_PYTHON:
        return Check(True, f"Python {shown}")
    return Check(False, f"Python {shown} is too old: kazthesis needs 3.11 or newer", {
        "Debian/Ubuntu": "sudo apt-get install python3 (Debian 12+ / Ubuntu 24.04+ have 3.11 or newer)",
        "macOS": "brew install python",
        "Windows": "install Python from the Microsoft Store (the Python Install Manager)",
    })


PANGO_FIX = {
    "Debian/Ubuntu": "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0",
    "macOS": "brew install pango (if it is still not found: "
             "export DYLD_FALLBACK_LIBRARY_PATH=/opt/homebrew/lib:$DYLD_FALLBACK_LIBRARY_PATH)",
    "Windows": WINDOWS_MSYS2,
}


def check_weasyprint(importer: Callable[[], object] = import_quietly) -> Check:
    """WeasyPrint imports: it loads Pango, GObject, HarfBuzz and fontconfig as it does (OSError without them)."""
    try:
        module = importer()
    except OSError as exc:
        return Check(False, f"Pango could not be loaded, so WeasyPrint cannot start ({exc})", PANGO_FIX)
    except ImportError as exc:
        return Check(False, f"WeasyPrint is not installed ({exc})", {
            platform: "pip install . (from the kazthesis folder) or reinstall the kazthesis wheel"
            for platform in PLATFORMS})
    return Check(True, f"WeasyPrint {getattr(module, '__version__', '?')} with Pango")


def check_weasyprint_version(version: Callable[[], str | None] = reported_version) -> Check:
    """The installed WeasyPrint is the version kazthesis is written for (its layout uses WeasyPrint's internals);
    ``version`` reads the installed one."""
    found = version()
    if found == PINNED:
        return Check(True, f"WeasyPrint {found}, the version kazthesis is written for")
    shown = f"WeasyPrint {found} is installed" if found else "WeasyPrint is not installed"
    return Check(False, f"{shown}, but kazthesis is written for WeasyPrint {PINNED}: its page layout uses "
                        "WeasyPrint's internals, which change from version to version",
                 {platform: fix_command() for platform in PLATFORMS})


def check_harfbuzz_subset(loaded: Callable[[], bool | None] = subset_library_loaded,
                          find: Callable[[str], str | None] = ctypes.util.find_library) -> Check:
    """HarfBuzz's subsetting library, which WeasyPrint embeds fonts with (hb_subset)."""
    found = loaded()
    if found is None:
        found = find("harfbuzz-subset") is not None
    if found:
        return Check(True, "HarfBuzz subsetting library (fonts are embedded fast and small)")
    return Check(False, "HarfBuzz subsetting library (libharfbuzz-subset) not found: WeasyPrint falls back to a "
                        "slower way of embedding fonts that future versions will drop", {
        "Debian/Ubuntu": "sudo apt-get install libharfbuzz-subset0",
        "macOS": "brew install harfbuzz",
        "Windows": "pacman -S mingw-w64-x86_64-harfbuzz in the MSYS2 shell (it comes with Pango)",
    })


FONT_FIX = {
    "Debian/Ubuntu": "sudo apt-get install fonts-liberation2 fontconfig "
                     "(Liberation Serif: the metric twin of Times New Roman)",
    "macOS": "Times New Roman comes with macOS; if fc-match is missing: brew install fontconfig",
    "Windows": "Times New Roman comes with Windows; fc-match comes with Pango in MSYS2 "
               "(add C:\\msys64\\mingw64\\bin to PATH)",
}


def check_font(family: str = TIMES, file_of: Callable[[str], Path | None] = fonts.font_file,
               name_of: Callable[[str], str] = fonts.font_name,
               missing_of: Callable[[str, str], set[str]] = fonts.missing_characters) -> Check:
    """fontconfig finds the body font (or Liberation Serif for Times New Roman) and it has every Kazakh letter."""
    path = file_of(family)
    if path is None:
        return Check(False, f"fontconfig (fc-match) cannot tell which font '{family}' is", FONT_FIX)
    found = name_of(family)
    accepted = {family.casefold()} | ({METRIC_TWIN.casefold()} if family == TIMES else set())
    if found.casefold() not in accepted:
        twin = f" or {METRIC_TWIN}" if family == TIMES else ""
        return Check(False, f"'{family}'{twin} is not installed: fontconfig would use {found} instead, with other "
                            "letter widths (other line breaks and page count)", FONT_FIX)
    languages = [language for language in LANGUAGES.values() if language.document and language.script == "Cyrl"]
    # The letters of the languages written in Cyrillic, in both cases (Latin letters every font has).
    alphabet = {letter for language in languages for letter in language.document.hyphenation.alphabet}
    missing = missing_of("".join(sorted(alphabet | {letter.upper() for letter in alphabet})), family)
    if missing:
        letters = " ".join(sorted(missing))
        return Check(False, f"{found} ({path.name}) has no glyph for {letters}: they would print as boxes", FONT_FIX)
    names = listed((language.name for language in languages), "and")
    return Check(True, f"font {found} ({path}), every {names} letter")


def check_output(root: Path) -> Check:
    """The build can write ``root/output`` (created if needed; a probe file is written and removed)."""
    output = root / "output"
    fix = {platform: f"build in a folder you may write to, or fix the rights of {output}" for platform in PLATFORMS}
    if not root.is_dir():
        return Check(False, f"{root} is not a folder", fix)
    if reason := leads_outside(output / "thesis.pdf", root):
        unlink = f"remove the link {output}; the build makes the folder itself"
        return Check(False, f"the build would not write there: {reason}", dict.fromkeys(PLATFORMS, unlink))
    created = not output.exists()
    try:
        output.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=output, prefix=".doctor-", suffix=".part"):
            pass
    except OSError as exc:
        return Check(False, f"cannot write to {output}: {exc.strerror or exc}", fix)
    finally:
        if created:
            with contextlib.suppress(OSError):
                output.rmdir()
    return Check(True, f"{output} can be written")


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


def run_doctor(root: Path, out: TextIO) -> int:
    """Print each check with how to fix what failed; 0 when all passed, 1 otherwise."""
    checks = run_checks(root)
    for check in checks:
        print(f"{'ok' if check.ok else 'MISSING'}  {check.what}", file=out)
        if not check.ok:
            for platform, how in check.fix.items():
                print(f"         {platform}: {how}", file=out)
    failed = sum(not check.ok for check in checks)
    if failed:
        print(f"doctor: {failed} of {len(checks)} checks failed; fix them, then run doctor again.", file=out)
        return 1
    print(f"doctor: all {len(checks)} checks passed; this computer can build the thesis.", file=out)
    return 0

