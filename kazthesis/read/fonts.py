"""Which font files the renderer will use, and which characters they lack.

WeasyPrint draws a character the font lacks as an empty box (or takes it from
another font, breaking the page's look); checking the text against the font's
character map first lets the build say which characters and where.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

from fontTools.ttLib import TTFont

# Characters that are layout, not text: never looked up in the font.
_IGNORED = {"\n", "\r", "\t", "\u00ad", "\u200b", "\ufeff"}


@functools.lru_cache(maxsize=8)
def font_file(family: str) -> Path | None:
    """The regular face fontconfig picks for ``family``, or None without fontconfig."""
    if shutil.which("fc-match") is None:
        return None
    result = subprocess.run(["fc-match", "-f", "%{file}", f"{family}:style=Regular"],
                            capture_output=True, text=True, check=False)
    path = Path(result.stdout.strip())
    return path if result.returncode == 0 and path.is_file() else None


@functools.lru_cache(maxsize=8)
def font_name(family: str) -> str:
    """The family fontconfig substitutes for ``family`` (e.g. Liberation Serif)."""
    if shutil.which("fc-match") is None:
        return family
    result = subprocess.run(["fc-match", "-f", "%{family[0]}", family], capture_output=True, text=True, check=False)
    return result.stdout.strip() or family


@functools.lru_cache(maxsize=8)
def _charset(path: Path) -> frozenset[int]:
    with TTFont(str(path), fontNumber=0, lazy=True) as font:  # closed: the build keeps no font file open
        return frozenset(font.getBestCmap() or {})


def missing_characters(text: str, family: str) -> set[str]:
    """Characters of ``text`` the family's regular face cannot draw."""
    path = font_file(family)
    if path is None:
        return set()
    charset = _charset(path)
    return {c for c in set(text) - _IGNORED if ord(c) not in charset and not c.isspace()}


@functools.lru_cache(maxsize=8)
def _advances(family: str, bold: bool) -> tuple[dict[int, int], int] | None:
    """Advance width of every character of the family's regular (or bold) face, and its units per em."""
    if shutil.which("fc-match") is None:
        return None
    style = "Bold" if bold else "Regular"
    result = subprocess.run(["fc-match", "-f", "%{file}", f"{family}:style={style}"],
                            capture_output=True, text=True, check=False)
    path = Path(result.stdout.strip())
    if result.returncode != 0 or not path.is_file():
        return None
    with TTFont(str(path), fontNumber=0, lazy=True) as font:
        metrics = font["hmtx"]
        widths = {code: metrics[glyph][0] for code, glyph in (font.getBestCmap() or {}).items()}
        return widths, font["head"].unitsPerEm


def text_width(text: str, family: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` set in ``family`` at ``size`` points, in points (no kerning, as the PDF sets it).

    Without fontconfig, an average of half an em per character.
    """
    metrics = _advances(family, bold)
    if metrics is None:
        return len(text) * size * 0.5
    widths, units = metrics
    average = units // 2
    return sum(widths.get(ord(c), average) for c in text) * size / units
