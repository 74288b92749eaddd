"""What goes into the renderer for one piece (:class:`Job`, or :class:`Measure` for the footer's digits) and what
comes out (:class:`LaidOut`).

Both are plain, picklable data — strings, paths, numbers, bytes — with no
WeasyPrint object in them: a job crosses to a worker process, and a result
comes back, is kept between rebuilds and is assembled by
:mod:`kazthesis.pdf.assemble`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kazthesis.pdf.weasy.edges import Overflow


@dataclass(frozen=True)
class Job:
    """What laying out one piece needs; picklable, for a worker process."""

    name: str
    html: str  # the piece as an HTML document, without the stylesheet
    css: str  # the stylesheet, parsed once per process and shared by every piece
    root: Path
    allowed: tuple[Path, ...]  # folders the renderer may read
    keep: bool = False  # keep the layout (watch mode): the next version of the piece may need little layout
    paint: bool = True  # False: only the pages' count and anchors are wanted, no PDF (a draft of the contents)


@dataclass(frozen=True)
class Measure:
    """The footer's digits to be drawn on a page of their own, with the stylesheet every piece uses."""

    css: str
    root: Path
    allowed: tuple[Path, ...]


@dataclass
class LaidOut:
    """A piece after layout: its PDF and what the assembly and the checks need to know of it."""

    name: str
    html: str  # the piece's HTML after the layout passes (tables split, hyphens withdrawn)
    pdf: bytes
    page_sizes: list[tuple[float, float]]  # (width, height) of each page, in points
    anchors: dict[str, tuple[int, float, float]]  # id → (page, x, y), points from the bottom left
    links: list[tuple[int, str, tuple[float, float, float, float]]]  # (page, target id, rectangle in points)
    refused: list[str] = field(default_factory=list)  # URLs the renderer asked for and did not get
    lost: list[str] = field(default_factory=list)  # the renderer's own complaints (an image it could not draw)
    overflows: list[Overflow] = field(default_factory=list)  # what is drawn outside the text area
    warned: list[str] = field(default_factory=list)  # Python warnings raised while it was laid out

    @property
    def pages(self) -> int:
        return len(self.page_sizes)
