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

from kazthesis.i18n import _
from kazthesis.problems import Problems
from kazthesis.read.project import exists, unreadable
from kazthesis.read.svg import check_svg

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".gif"}


def find_image(src: str, chapter: Path, root: Path, line: int, problems: Problems) -> Path | None:
    """The image file ``src`` (relative to the chapter or to the project), checked; None after an error."""
    parsed = urlparse(src)
    if parsed.scheme and len(parsed.scheme) > 1:  # "c:" would be a Windows drive
        problems.error(chapter, line, _("image {src!r} is on the network; the build never downloads").format(src=src),
                       _("download the image into the project (e.g. images/) and refer to it by its path"))
        return None
    candidates = [(chapter.parent / unquote(src)), (root / unquote(src))]
    found = next((c for c in candidates if exists(c)), None)
    if found is None:
        problems.error(chapter, line, _("image file {src!r} not found").format(src=src),
                       _("check the path; it is relative to the project folder, e.g. images/map.png"))
        return None
    if refusal := unreadable(found, root):
        if refusal.outside:
            problems.error(chapter, line, _("image {src!r} is outside the project folder").format(src=src),
                           _("copy the image into the project (e.g. images/)"))
        else:
            problems.error(chapter, line, _("image {src!r} {reason}").format(src=src, reason=refusal.reason),
                           _("put the image file itself there"))
        return None
    if found.suffix.lower() not in IMAGE_SUFFIXES:
        problems.error(chapter, line, _("image {src!r} is not PNG, JPEG or SVG").format(src=src),
                       _("convert it to PNG, JPEG or SVG"))
        return None
    if found.suffix.lower() == ".svg":
        svg_problems = check_svg(found, root, raster_problem)
        for problem in svg_problems:
            if problem.line is None and problem.path == found:  # the file itself: at the line that names it
                problems.error(chapter, line, _("image {src!r} cannot be read: {reason}").format(
                                              src=src, reason=problem.message), problem.hint)
            else:
                problems.error(problem.path, problem.line, problem.message, problem.hint)
        return None if svg_problems else found.resolve()
    if reason := raster_problem(found):
        hint = (_("scale it down to the size it is printed at (300 dpi is plenty: an A4 page is 2480 × 3508 "
                  "pixels)") if reason.too_large
                else _("open it in an image editor and save it again as PNG, JPEG or SVG"))
        problems.error(chapter, line, _("image {src!r} cannot be read: {reason}").format(src=src, reason=reason),
                       hint)
        return None
    return found.resolve()


MAX_PIXELS = 89_478_485  # PIL's own bound (Image.MAX_IMAGE_PIXELS): a larger picture may be a decompression bomb


class RasterProblem(str):
    """Why a picture cannot be drawn; ``too_large``: it has more pixels than :data:`MAX_PIXELS`."""

    too_large = False


def _too_large(pixels: str) -> RasterProblem:
    problem = RasterProblem(_("it is {pixels} pixels, more than {million} million").format(
        pixels=pixels, million=MAX_PIXELS // 1_000_000))
    problem.too_large = True
    return problem


def raster_problem(path: Path | BinaryIO) -> RasterProblem:
    """Why a PNG, JPEG or GIF (a file, or its bytes) cannot be drawn ("" when it can): damaged, or more than
    :data:`MAX_PIXELS` pixels (its size is read from the header, before anything is decoded)."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as picture:
                width, height = picture.size
                if width * height > MAX_PIXELS:
                    return _too_large(f"{width} × {height}")
                picture.load()
        return RasterProblem("")
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        pixels = re.search(r"\d+", str(exc))
        return _too_large(f"{int(pixels.group()):,}" if pixels else "?")
    except OSError as exc:
        return RasterProblem(exc.strerror or str(exc) or _("the picture data is damaged"))
    except (ValueError, SyntaxError) as exc:
        return RasterProblem(_("the picture data is damaged ({reason})").format(reason=exc))
