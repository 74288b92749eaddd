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
from pathlib import Path

from kazthesis.i18n import _
from kazthesis.model import ExternalPdf
from kazthesis.problems import Problems
from kazthesis.read.config import Config
from kazthesis.read.project import is_inside


def external_pdfs(config: Config) -> list[ExternalPdf]:
    """The title-page PDF (if any) and every [[insert]], in the order written."""
    found = []
    if config.title_page.get("pdf"):
        found.append(ExternalPdf("title", config.title_page["pdf"], "", config.key_lines.get("title_page.pdf")))
    for n, insert in enumerate(config.inserts, 1):
        found.append(ExternalPdf(f"insert-{n}", insert.file, insert.after, insert.line))
    return found


def inspect_pdf(path: Path) -> tuple[str, list[str]]:
    """Why a PDF cannot be put into the thesis ("" when it can), and the names of the fonts its pages use
    without carrying them (a font file in the PDF) — read in one opening."""
    import pikepdf

    missing: set[str] = set()
    try:
        with pikepdf.open(path) as pdf:
            if len(pdf.pages) == 0:
                return _("it has no pages"), []
            for page in pdf.pages:
                page.mediabox  # noqa: B018 - a page without a size cannot be placed
                for font in (page.resources.get("/Font") or {}).values():
                    if font.get("/Subtype") != "/Type3" and not _carried(font):  # Type 3: drawn by the PDF
                        missing.add(str(font.get("/BaseFont", "?")).lstrip("/"))
    except pikepdf.PasswordError:
        return _("it is protected by a password"), []
    except (pikepdf.PdfError, OSError, ValueError, KeyError) as exc:
        return (str(exc).splitlines()[0] if str(exc) else type(exc).__name__), []
    return "", sorted(missing)


def _carried(font: object) -> bool:
    """Whether a font dictionary (or, for a Type 0 font, its descendant) holds its font file."""
    described = [font, *(font.get("/DescendantFonts") or [])]  # type: ignore[attr-defined]
    return any("/FontDescriptor" in f and any(k in f.FontDescriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
               for f in described)


def check_external(config: Config, problems: Problems) -> list[ExternalPdf]:
    """Report every external PDF that cannot be used, at its line of thesis.toml; return the usable ones."""
    usable = []
    for external in external_pdfs(config):
        path = external.path(config.root)
        where = _("the title page") if external.name == "title" else _("this insert")
        if Path(external.file).is_absolute() or not is_inside(path, config.root):
            problems.error(config.path, external.line, _("{where}, {file!r}, is outside the project folder").format(
                                                         where=where, file=external.file),
                           _("copy the PDF into the project (e.g. forms/) and give its path relative to the project"))
        elif not path.is_file():
            problems.error(config.path, external.line, _("{where}: file {file!r} not found").format(
                                                         where=where, file=external.file),
                           _("check the path; it is relative to the project folder, e.g. forms/title.pdf"))
        elif path.suffix.lower() != ".pdf":
            problems.error(config.path, external.line, _("{where}: {file!r} is not a PDF file").format(
                                                         where=where, file=external.file),
                           _("save or scan the form as PDF"))
        elif (inspected := inspect_pdf(path))[0]:
            problems.error(config.path, external.line, _("{where}: {file!r} cannot be read as a PDF: {reason}").format(
                                                         where=where, file=external.file, reason=inspected[0]),
                           _("export or scan it again as PDF (without a password)"))
        else:
            usable.append(external)
            if fonts := inspected[1]:
                problems.warning(config.path, external.line, _("{where}: {file!r} uses fonts it does not "
                                   "carry ({fonts}): a printer or portal draws them with others").format(
                                                               where=where, file=external.file, fonts=', '.join(fonts)),
                                 _("export it again with fonts embedded (Word: Save As PDF, 'ISO 19005-1 "
                                   "compliant (PDF/A)'), or scan it"))
    return usable


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points, as it is shown (a page turned by /Rotate has them swapped)."""
    import pikepdf

    sizes = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            width, height = abs(x1 - x0), abs(y1 - y0)
            rotate = int(page.obj.get("/Rotate", 0)) % 180
            sizes.append((height, width) if rotate else (width, height))
    return sizes
