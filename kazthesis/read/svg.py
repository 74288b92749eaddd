"""An SVG picture → what keeps it out of the thesis: files it names outside the project, work without bound.

Both writers draw an SVG themselves (WeasyPrint for the PDF, resvg for the
.docx's PNG copy) and each would follow the URLs inside it — ``href``,
``url(…)`` in attributes and styles, ``@import`` — and expand every ``<use>``
and ``url(#…)`` it meets. So the picture is read here, once, for both: a
reference with a scheme (``http:``, ``file:``…) or a path that leads outside
the project is an error at its line of the SVG, as is a picture that would
take more than :data:`MAX_ELEMENTS` elements to draw once each reference is
expanded (22 nested levels of two ``<use>`` make four million from a
1.4 KB file), nesting deeper than :data:`MAX_DEPTH`, or a reference that
leads back to itself. Files the picture names inside the project are
checked in turn (an SVG as this one, a raster image as a figure's:
:func:`kazthesis.read.images.raster_problem`).
"""

from __future__ import annotations

import base64
import binascii
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.parsers import expat

from kazthesis.i18n import _
from kazthesis.read.project import exists, unreadable

MAX_ELEMENTS = 100_000  # drawn elements, each <use> and url(#…) expanded; the figures here have tens
MAX_DEPTH = 200  # elements inside each other, or references followed one from another
MAX_FILES = 8  # SVG files drawn inside each other

XLINK = "http://www.w3.org/1999/xlink"
URL_IN_CSS_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""",
                           re.I)
SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class _Element:
    tag: str  # without its namespace
    attrs: dict[str, str]
    line: int
    children: list[_Element] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SvgProblem:
    """What is wrong, at which line of which SVG file."""

    path: Path
    line: int | None
    message: str
    hint: str


def _parse(data: bytes) -> _Element:
    """The SVG's elements with their lines (expat: entity expansion is bounded, no external entity is read)."""
    parser = expat.ParserCreate(namespace_separator=" ")
    root = _Element("", {}, 0)
    stack = [root]

    def start(name: str, attrs: dict[str, str]) -> None:
        element = _Element(name.rsplit(" ", 1)[-1], {k.replace(XLINK + " ", "xlink:").rsplit(" ", 1)[-1]
                                                      if k.startswith(XLINK) else k.rsplit(" ", 1)[-1]: v
                                                      for k, v in attrs.items()}, parser.CurrentLineNumber)
        stack[-1].children.append(element)
        stack.append(element)
        if len(stack) - 1 > MAX_DEPTH:  # the document itself is not an element
            raise _TooDeep(parser.CurrentLineNumber)

    def end(name: str) -> None:
        stack.pop()

    def text(data: str) -> None:
        if stack[-1].tag == "style":
            stack[-1].text.append(data)

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, text
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.Parse(data, True)
    return root


class _TooDeep(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _urls(element: _Element) -> list[str]:
    """Every URL the element names: its href, url(…) in any attribute (fill, clip-path, style…), and in a
    <style> element also @import."""
    found = [value.strip() for name, value in element.attrs.items() if name in ("href", "xlink:href", "src")]
    texts = [value for name, value in element.attrs.items() if name not in ("href", "xlink:href", "src")]
    texts += ["".join(element.text)] if element.tag == "style" else []
    for value in texts:
        if "url(" in value.lower() or "@import" in value.lower():
            found += [next(g for g in match.groups() if g is not None).strip()
                      for match in URL_IN_CSS_RE.finditer(value)]
    return [url for url in found if url]


def check_svg(path: Path, root: Path, raster: Callable[[object], str],
              files: tuple[Path, ...] = ()) -> list[SvgProblem]:
    """What keeps the SVG at ``path`` out of the thesis (nothing: []): a problem of the whole file has no line
    (the file cannot be read as an SVG), one of a place in it has that place's. ``raster`` says why a raster
    image it names cannot be drawn ("" when it can); ``files`` are the SVGs that draw this one."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [SvgProblem(path, None, _("cannot be read: {reason}").format(reason=exc.strerror or exc),
                           _("check the file"))]
    return _check(data, path, root, raster, files)


def _check(data: bytes, path: Path, root: Path, raster: Callable[[object], str],
           files: tuple[Path, ...]) -> list[SvgProblem]:
    try:
        tree = _parse(data)
    except _TooDeep as deep:
        return [SvgProblem(path, deep.line, _("elements nested more than {depth} deep").format(depth=MAX_DEPTH),
                           _("simplify the picture (ungroup it) in the program that made it"))]
    except expat.ExpatError as exc:
        return [SvgProblem(path, None, _("the picture data is damaged ({reason} at line {line})").format(
                           reason=expat.ErrorString(exc.code), line=exc.lineno),
                           _("open it in an image editor and save it again as SVG"))]
    svg = next(iter(tree.children), None)
    if svg is None or svg.tag != "svg":
        return [SvgProblem(path, None, _("the file is XML but not an SVG picture"), _("save the picture as SVG"))]
    problems = _references(path, root, tree, raster, files)
    if not problems:
        problems = _work(path, tree)
    return problems


def _references(path: Path, root: Path, tree: _Element, raster: Callable[[object], str],
                files: tuple[Path, ...]) -> list[SvgProblem]:
    """Each URL of the picture that is not its own (``#id``, ``data:``): refused unless a file inside the
    project, which is then checked too."""
    problems: list[SvgProblem] = []
    hint = _("keep the files a picture uses inside the project folder and refer to them by a relative path")
    stack = [tree]
    while stack:
        element = stack.pop()
        stack.extend(reversed(element.children))
        for url in _urls(element):
            if url.startswith("data:"):
                problems += _data_url(path, element.line, url, root, raster, files)
                continue
            if url.startswith("#"):
                continue
            target = path.parent / unquote(urlparse(url).path)
            if SCHEME_RE.match(url) or url.startswith("//") or not urlparse(url).path:
                problems.append(SvgProblem(path, element.line, _("the picture refers to {url}, outside the project "
                                           "or on the network; refused").format(url=url), hint))
            elif not exists(target):
                problems.append(SvgProblem(path, element.line, _("the picture refers to {url}, which is not "
                                           "there").format(url=url),
                                           _("put the file it names beside it, or remove the reference")))
            elif refusal := unreadable(target, root):
                problems.append(SvgProblem(path, element.line, _("the picture refers to {url}, which "
                                           "{reason}").format(url=url, reason=refusal.reason), hint))
            elif target.suffix.lower() == ".svg":
                problems += _nested_svg(path, element.line, target, root, raster, files)
            elif reason := raster(target):
                problems.append(SvgProblem(path, element.line, _("the picture refers to {url}, which cannot be "
                                           "drawn: {reason}").format(url=url, reason=reason),
                                           _("open it in an image editor and save it again")))
    return problems


def _data_url(path: Path, line: int, url: str, root: Path, raster: Callable[[object], str],
              files: tuple[Path, ...]) -> list[SvgProblem]:
    """A picture written into the SVG itself (``data:image/png;base64,…``): checked as a file would be."""
    head, _comma, payload = url.partition(",")
    if not head.lower().startswith("data:image/"):
        return []
    try:
        data = base64.b64decode(payload, validate=False) if head.lower().endswith(";base64") \
            else unquote(payload).encode("utf-8")
    except (ValueError, binascii.Error):
        return [SvgProblem(path, line, _("a picture written into the SVG is damaged"), _("save the picture again"))]
    if "svg" in head.lower():
        chain = (*files, path.resolve())
        if len(chain) >= MAX_FILES:
            return [SvgProblem(path, line, _("pictures nest more than {depth} deep").format(depth=MAX_FILES),
                               _("draw the picture flat"))]
        return [SvgProblem(path, line, _("in a picture written into it: {message}").format(message=p.message), p.hint)
                for p in _check(data, path, root, raster, chain)]
    if reason := raster(io.BytesIO(data)):
        return [SvgProblem(path, line, _("a picture written into the SVG cannot be drawn: {reason}").format(
                           reason=reason), _("scale it down, or save it again, in the program that made the SVG"))]
    return []


def _nested_svg(path: Path, line: int, target: Path, root: Path, raster: Callable[[object], str],
                files: tuple[Path, ...]) -> list[SvgProblem]:
    chain = (*files, path.resolve())
    if target.resolve() in chain or len(chain) >= MAX_FILES:
        return [SvgProblem(path, line, _("the picture draws {name}, which draws it again (or pictures nest more "
                           "than {depth} deep)").format(name=target.name, depth=MAX_FILES),
                           _("draw the picture without the nested one"))]
    return [SvgProblem(path, line, _("in {name}: {message}").format(name=target.name, message=p.message), p.hint)
            for p in check_svg(target, root, raster, chain)]


def _work(path: Path, tree: _Element) -> list[SvgProblem]:
    """The elements drawn once every reference is expanded, counted without expanding them; a bound or a loop
    is an error at the element where it is met."""
    ids: dict[str, _Element] = {}
    stack = [tree]
    while stack:
        element = stack.pop()
        stack.extend(element.children)
        if "id" in element.attrs:
            ids.setdefault(element.attrs["id"], element)

    def referred(element: _Element) -> list[_Element]:
        return [ids[url[1:]] for url in _urls(element) if url.startswith("#") and url[1:] in ids]

    # Post-order over elements and references, iteratively (a chain of references can be long): an element's
    # count is itself, its children's and what it refers to.
    count: dict[int, int] = {}
    depth: dict[int, int] = {}
    visiting: set[int] = set()
    stack_: list[tuple[_Element, bool]] = [(tree, False)]
    while stack_:
        element, done = stack_.pop()
        key = id(element)
        below = [*element.children, *referred(element)]
        if done:
            visiting.discard(key)
            count[key] = min(MAX_ELEMENTS + 1, 1 + sum(count[id(child)] for child in below))
            depth[key] = 1 + max((depth[id(child)] for child in below), default=0)
            if count[key] > MAX_ELEMENTS:
                return [SvgProblem(path, element.line, _("the picture would draw more than {count} elements once its "
                                   "<use> and url(#…) references are expanded").format(count=f"{MAX_ELEMENTS:,}"),
                                   _("simplify the picture in the program that made it, or save it as PNG"))]
            if depth[key] > MAX_DEPTH:
                return [SvgProblem(path, element.line, _("references nested more than {depth} deep").format(
                                   depth=MAX_DEPTH),
                                   _("simplify the picture in the program that made it, or save it as PNG"))]
            continue
        if key in count:
            continue
        visiting.add(key)
        stack_.append((element, True))
        for child in below:
            if id(child) in visiting:
                return [SvgProblem(path, element.line, _("the picture refers to an element that holds the reference "
                                   "itself: it would be drawn without end"), _("remove the reference"))]
            if id(child) not in count:
                stack_.append((child, False))
    return []
