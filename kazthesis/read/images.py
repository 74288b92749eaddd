"""An image a chapter names → its file, checked: inside the project, a picture format, a picture that can be drawn.

A broken picture must not print as a black box, and the build never downloads: every refusal is an error at
the line that names the image. A raster image is checked here (its pixels counted before it is decoded); an
SVG by :mod:`kazthesis.read.svg`, at the lines of the SVG itself. Both writers draw only what passed.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlparse

from kazthesis.problems import Problems
from kazthesis.read.project import exists, unreadable
from kazthesis.read.svg import check_svg

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".gif"}


def find_image(src: str, chapter: Path, root: Path, line: int, problems: Problems) -> Path | None:
    """The image file ``src`` (relative to the chapter or to the project), checked; None after an error."""
    parsed = urlparse(src)
    if parsed.scheme and len(parsed.scheme) > 1:  # "c:" would be a Windows drive
        problems.error(chapter, line, f"image {src!r} is on the network; the build never downloads",
                       "download the image into the project (e.g. images/) and refer to it by its path")
        return None
    candidates = [(chapter.parent / unquote(src)), (root / unquote(src))]
    found = next((c for c in candidates if exists(c)), None)
    if found is None:
        problems.error(chapter, line, f"image file {src!r} not found",
                       "check the path; it is relative to the project folder, e.g. images/map.png")
        return None
    if reason := unreadable(found, root):
        where = "is outside the project folder" if "outside" in reason else reason
        problems.error(chapter, line, f"image {src!r} {where}",
                       "copy the image into the project (e.g. images/)" if "outside" in reason
                       else "put the image file itself there")
        return None
    if found.suffix.lower() not in IMAGE_SUFFIXES:
        problems.error(chapter, line, f"image {src!r} is not PNG, JPEG or SVG", "convert it to PNG, JPEG or SVG")
        return None
    if found.suffix.lower() == ".svg":
        svg_problems = check_svg(found, root, raster_problem)
        for problem in svg_problems:
            if problem.line is None and problem.path == found:  # the file itself: at the line that names it
                problems.error(chapter, line, f"image {src!r} cannot be read: {problem.message}", problem.hint)
            else:
                problems.error(problem.path, problem.line, problem.message, problem.hint)
        return None if svg_problems else found.resolve()
    if reason := raster_problem(found):
        hint = ("scale it down to the size it is printed at (300 dpi is plenty: an A4 page is 2480 × 3508 pixels)"
                if "pixels" in reason else "open it in an image editor and save it again as PNG, JPEG or SVG")
        problems.error(chapter, line, f"image {src!r} cannot be read: {reason}", hint)
        return None
    return found.resolve()


MAX_PIXELS = 89_478_485  # PIL's own bound (Image.MAX_IMAGE_PIXELS): a larger picture may be a decompression bomb


def raster_problem(path: Path | BinaryIO) -> str:
    """Why a PNG, JPEG or GIF (a file, or its bytes) cannot be drawn ("" when it can): damaged, or more than
    :data:`MAX_PIXELS` pixels (its size is read from the header, before anything is decoded)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                width, height = picture.size
                if width * height > MAX_PIXELS:
                    return f"it is {width} × {height} pixels, more than {MAX_PIXELS // 1_000_000} million"
                picture.load()
        return ""
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        pixels = re.search(r"\d+", str(exc))
        return (f"it is {int(pixels.group()):,} pixels, more than {MAX_PIXELS // 1_000_000} million" if pixels
                else "it is too large to draw")
    except OSError as exc:
        return exc.strerror or str(exc) or "the picture data is damaged"
    except (ValueError, SyntaxError) as exc:
        return f"the picture data is damaged ({exc})"
