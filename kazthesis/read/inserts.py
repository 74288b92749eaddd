"""PDF pages from outside that thesis.toml names: a signed title page (``[title_page] pdf``), ``[[insert]]`` files.

Faculties hand out their own forms — a title page, an assignment sheet — that
students fill in, sign and scan. The files are checked as images are: inside
the project folder, readable, with pages; a broken one is an error at its line
of thesis.toml. The usable ones go into the document model
(:class:`kazthesis.model.ExternalPdf`, ``Document.inserted``); the writers put
their pages in (:mod:`kazthesis.pdf.inserts`, the Word writer's page count).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from kazthesis.i18n import _
from kazthesis.model import ExternalPdf
from kazthesis.problems import Problems
from kazthesis.read.config import Config
from kazthesis.read.project import exists, is_inside, unreadable


def external_pdfs(config: Config) -> list[ExternalPdf]:
    """The title-page PDF (if any) and every [[insert]], in the order written."""
    found = []
    if config.title_page.get("pdf"):
        found.append(ExternalPdf("title", config.title_page["pdf"], "", config.key_lines.get("title_page.pdf")))
    for n, insert in enumerate(config.inserts, 1):
        found.append(ExternalPdf(f"insert-{n}", insert.file, insert.after, insert.line))
    return found


@dataclass
class Inspection:
    """What reading a PDF to be put in found: why it cannot be ("" when it can), the fonts its pages use
    without carrying them, and the active content that is left out of the thesis."""

    reason: str = ""
    fonts: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    damaged_fonts: list[int] = field(default_factory=list)  # pages whose list of fonts is damaged


MIN_PAGE, MAX_PAGE = 3.0, 14400.0  # points: the page sizes a PDF may have (ISO 32000-1, annex C)


def inspect_pdf(path: Path) -> Inspection:
    """Why a PDF cannot be put into the thesis, the fonts it lacks and what :func:`kazthesis.read.inert.make_inert`
    takes out of it — read in one opening."""
    import pikepdf

    from kazthesis.read.inert import make_inert

    missing: set[str] = set()
    damaged: list[int] = []  # pages whose font list is not a dictionary
    try:
        with warnings.catch_warnings():  # qpdf's notes on a damaged file: the error below says it in our words
            warnings.simplefilter("ignore")
            with pikepdf.open(path) as pdf:
                if len(pdf.pages) == 0:
                    return Inspection(_("it has no page that can be read (a page may be damaged: with an "
                                        "impossible size, for one)"))
                for number, page in enumerate(pdf.pages, 1):
                    if problem := _page_problem(page):
                        return Inspection(_("page {number} {problem}").format(number=number, problem=problem))
                    if _fonts_damaged(page):
                        damaged.append(number)
                    missing |= _fonts_not_carried(page)
                removed = make_inert(pdf)
    except pikepdf.PasswordError:
        return Inspection(_("it is protected by a password"))
    except (pikepdf.PdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        text = str(exc).replace(f"{path}: ", "")  # qpdf names the file by its full path: the message names it
        return Inspection(text.splitlines()[0] if text else type(exc).__name__)
    return Inspection("", sorted(missing), removed, damaged)


def _page_problem(page: object) -> str:
    """What keeps a page from being placed ("" when nothing): its size and turn, as the assembly reads them."""
    try:
        width, height = _size(page)
    except (ValueError, TypeError) as exc:
        return _("has a damaged size ({reason})").format(reason=exc)
    if not (MIN_PAGE <= width <= MAX_PAGE and MIN_PAGE <= height <= MAX_PAGE):
        return _("is {width} × {height} pt: a page is {low} to {high} pt a side (at most 5 m); this one could not "
                 "be printed").format(width=f"{width:g}", height=f"{height:g}", low=f"{MIN_PAGE:g}",
                                      high=f"{MAX_PAGE:g}")
    if _rotation(page) is None:
        return _("has a damaged turn (/Rotate {value}): it must be a multiple of 90").format(
            value=page.obj.get("/Rotate"))  # type: ignore[attr-defined]
    return ""


def _size(page: object) -> tuple[float, float]:
    box = page.mediabox  # type: ignore[attr-defined]
    if len(box) != 4:
        raise ValueError(_("{count} numbers instead of 4").format(count=len(box)))
    x0, y0, x1, y1 = (float(value) for value in box)
    return abs(x1 - x0), abs(y1 - y0)


def _rotation(page: object) -> int | None:
    """The page's turn in degrees (0, 90, 180, 270); None when /Rotate is not a whole multiple of 90."""
    value = page.obj.get("/Rotate", 0)  # type: ignore[attr-defined]
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
        whole = int(number)
    except (TypeError, ValueError, OverflowError):
        return None
    return whole % 360 if number == whole and whole % 90 == 0 else None


def _fonts_damaged(page: object) -> bool:
    """Whether a page's list of fonts is there but not a dictionary of fonts (an array, a number…)."""
    import pikepdf

    resources = page.obj.get("/Resources")  # type: ignore[attr-defined]
    fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
    return fonts is not None and not (isinstance(fonts, pikepdf.Dictionary)
                                      and all(isinstance(font, pikepdf.Dictionary) for font in fonts.values()))


def _fonts_not_carried(page: object) -> set[str]:
    """The names of the fonts a page uses without carrying them (a font file in the PDF); a damaged entry is
    left to the viewer (it draws the page's text without that font)."""
    import pikepdf

    resources = page.obj.get("/Resources")  # type: ignore[attr-defined]
    fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
    if not isinstance(fonts, pikepdf.Dictionary):
        return set()
    return {str(font.get("/BaseFont", "?")).lstrip("/") for font in fonts.values()
            if isinstance(font, pikepdf.Dictionary) and font.get("/Subtype") != "/Type3" and not _carried(font)}


def _carried(font: object) -> bool:
    """Whether a font dictionary (or, for a Type 0 font, its descendant) holds its font file."""
    import pikepdf

    descendants = font.get("/DescendantFonts")  # type: ignore[attr-defined]
    described = [font, *(descendants if isinstance(descendants, pikepdf.Array) else [])]
    return any(isinstance(f, pikepdf.Dictionary) and isinstance(f.get("/FontDescriptor"), pikepdf.Dictionary)
               and any(k in f.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")) for f in described)


def check_external(config: Config, problems: Problems) -> list[ExternalPdf]:
    """Report every external PDF that cannot be used, at its line of thesis.toml; return the usable ones."""
    usable = []
    for external in external_pdfs(config):
        path = external.path(config.root)
        where = _("the title page") if external.name == "title" else _("this insert")
        if Path(external.file).is_absolute() or (exists(path) and not is_inside(path, config.root)):
            problems.error(config.path, external.line, _("{where}, {file!r}, is outside the project folder").format(
                                                         where=where, file=external.file),
                           _("copy the PDF into the project (e.g. forms/) and give its path relative to the project"))
        elif not exists(path):
            problems.error(config.path, external.line, _("{where}: file {file!r} not found").format(
                                                         where=where, file=external.file),
                           _("check the path; it is relative to the project folder, e.g. forms/title.pdf"))
        elif refusal := unreadable(path, config.root):
            problems.error(config.path, external.line, _("{where}, {file!r}, {reason}").format(
                                                         where=where, file=external.file, reason=refusal.reason),
                           _("put the PDF file itself there"))
        elif path.suffix.lower() != ".pdf":
            problems.error(config.path, external.line, _("{where}: {file!r} is not a PDF file").format(
                                                         where=where, file=external.file),
                           _("save or scan the form as PDF"))
        elif (inspected := inspect_pdf(path)).reason:
            problems.error(config.path, external.line, _("{where}: {file!r} cannot be read as a PDF: {reason}").format(
                                                         where=where, file=external.file, reason=inspected.reason),
                           _("export or scan it again as PDF (without a password)"))
        else:
            usable.append(external)
            if fonts := inspected.fonts:
                problems.warning(config.path, external.line, _("{where}: {file!r} uses fonts it does not "
                                   "carry ({fonts}): a printer or portal draws them with others").format(
                                                               where=where, file=external.file, fonts=', '.join(fonts)),
                                 _("export it again with fonts embedded (Word: Save As PDF, 'ISO 19005-1 "
                                   "compliant (PDF/A)'), or scan it"))
            if inspected.damaged_fonts:
                pages = ", ".join(map(str, inspected.damaged_fonts))
                problems.warning(config.path, external.line, _("{where}: {file!r} has a damaged list of fonts on "
                                   "page {pages}: its text may print without them, or not at all").format(
                                     where=where, file=external.file, pages=pages),
                                 _("look at those pages in thesis.pdf; if the text is missing, print the form to PDF "
                                   "again (or scan it)"))
            if inspected.removed:
                problems.warning(config.path, external.line, _("{where}: {file!r} carries what a thesis may not, left "
                                   "out of thesis.pdf: {removed}").format(where=where, file=external.file,
                                                                          removed="; ".join(inspected.removed)),
                                 _("nothing to do if its pages look right in thesis.pdf; to be rid of this warning, "
                                   "print the form to PDF (or scan it) and use that file"))
    return usable


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, as it is shown (a page turned by /Rotate has them swapped)."""
    import pikepdf

    sizes = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            width, height = _size(page)
            sizes.append((height, width) if (_rotation(page) or 0) % 180 else (width, height))
    return sizes
