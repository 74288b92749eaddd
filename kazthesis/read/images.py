"""An image a chapter names → its file, checked: inside the project, a picture format, a picture that can be drawn.

A broken picture must not print as a black box, and the build never downloads: every refusal is an error at
the line that names the image.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree

from kazthesis.i18n import _
from kazthesis.problems import Problems
from kazthesis.read.project import is_inside

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".gif"}


def find_image(src: str, chapter: Path, root: Path, line: int, problems: Problems) -> Path | None:
    """The image file ``src`` (relative to the chapter or to the project), checked; None after an error."""
    parsed = urlparse(src)
    if parsed.scheme and len(parsed.scheme) > 1:  # "c:" would be a Windows drive
        problems.error(chapter, line, _("image {src!r} is on the network; the build never downloads").format(src=src),
                       _("download the image into the project (e.g. images/) and refer to it by its path"))
        return None
    candidates = [(chapter.parent / unquote(src)), (root / unquote(src))]
    found = next((c for c in candidates if c.is_file()), None)
    if found is None:
        problems.error(chapter, line, _("image file {src!r} not found").format(src=src),
                       _("check the path; it is relative to the project folder, e.g. images/map.png"))
        return None
    if not is_inside(found, root):
        problems.error(chapter, line, _("image {src!r} is outside the project folder").format(src=src),
                       _("copy the image into the project (e.g. images/)"))
        return None
    if found.suffix.lower() not in IMAGE_SUFFIXES:
        problems.error(chapter, line, _("image {src!r} is not PNG, JPEG or SVG").format(
                                        src=src), _("convert it to PNG, JPEG or SVG"))
        return None
    if reason := unreadable_image(found):
        problems.error(chapter, line, _("image {src!r} cannot be read: {reason}").format(src=src, reason=reason),
                       _("open it in an image editor and save it again as PNG, JPEG or SVG"))
        return None
    return found.resolve()


def unreadable_image(path: Path) -> str:
    """Why an image file cannot be drawn ("" when it can)."""
    try:
        if path.suffix.lower() == ".svg":
            root = ElementTree.parse(path).getroot()
            return "" if root.tag.rsplit("}", 1)[-1] == "svg" else _("the file is XML but not an SVG picture")
        from PIL import Image

        with Image.open(path) as picture:
            picture.load()
        return ""
    except OSError as exc:
        return exc.strerror or str(exc) or _("the picture data is damaged")
    except (ElementTree.ParseError, ValueError, SyntaxError) as exc:
        return _("the picture data is damaged ({reason})").format(reason=exc)
