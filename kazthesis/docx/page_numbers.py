"""The written .docx → the same file with its contents page numbered, as LibreOffice lays the file out.

The contents is a Word TOC field whose page numbers are PAGEREF fields: Word
fills them in only when it updates the fields (it asks when the file is
opened), LibreOffice only when its index is updated by hand, so a supervisor
who opens the file and says no sees a contents page without numbers. Where
LibreOffice is installed, it lays the written file out (a headless conversion
to PDF, in a temporary folder, with a profile of its own so that a LibreOffice
the student has open is not disturbed), the page of each heading is read
from that PDF's outline, and written into each PAGEREF field as its result,
and the page count into the statistics line's NUMPAGES field: the numbers
show at once, and Word still rebuilds the fields when it updates them.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pikepdf
from lxml import etree

from kazthesis.i18n import _
from kazthesis.lang.folding import folded_text
from kazthesis.model import Document

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TIMEOUT = 180  # seconds LibreOffice may take to lay the file out
PLACES = {"darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
          "win32": [r"C:\Program Files\LibreOffice\program\soffice.exe",
                    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"]}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def find_soffice() -> str | None:
    """LibreOffice's command, where it is installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((place for place in PLACES.get(sys.platform, []) if Path(place).is_file()), None)


def soffice_version(soffice: str) -> str:
    try:
        result = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    words = result.stdout.split()
    return words[1] if len(words) > 1 and words[0] == "LibreOffice" else ""


def laid_out_pages(data: bytes, soffice: str) -> tuple[list[tuple[str, int]], int] | str:
    """(title, page) of each heading in LibreOffice's PDF outline, in order, and the page count; or why not."""
    with tempfile.TemporaryDirectory(prefix="kazthesis-lo-") as folder:
        docx = Path(folder) / "thesis.docx"
        docx.write_bytes(data)
        profile = (Path(folder) / "profile").as_uri()
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                            "--convert-to", "pdf", "--outdir", folder, str(docx)],
                           capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            return _("LibreOffice took more than {seconds} s").format(seconds=TIMEOUT)
        except OSError as exc:
            return _("LibreOffice could not be started ({reason})").format(reason=exc.strerror or exc)
        pdf_path = Path(folder) / "thesis.pdf"
        if not pdf_path.is_file():
            return _("LibreOffice did not lay the file out")
        with pikepdf.open(pdf_path) as pdf:
            pages = {page.objgen: n for n, page in enumerate(pdf.pages, 1)}
            found: list[tuple[str, int]] = []
            with pdf.open_outline() as outline:
                todo = list(outline.root)
                while todo:
                    item = todo.pop(0)
                    destination = item.destination
                    if isinstance(destination, pikepdf.Array) and len(destination):
                        found.append((str(item.title), pages.get(destination[0].objgen, 0)))
                    todo[0:0] = list(item.children)
            return found, len(pdf.pages)


def contents_pages(document: Document, outline: list[tuple[str, int]]) -> list[int]:
    """The page of each contents entry (0 where it is not in the outline), the outline read in order."""
    pages, at = [], 0
    titles = [folded_text(title) for title, _ in outline]
    for entry in document.contents:
        text = folded_text(entry.text)
        match = next((n for n in range(at, len(titles)) if titles[n] == text), None)
        if match is None:
            pages.append(0)
            continue
        pages.append(outline[match][1])
        at = match + 1
    return pages


def _fill_field(begin_run: etree._Element, value: str) -> None:
    """Put ``value`` as the result of the complex field that ``begin_run`` starts (before its end mark)."""
    run = begin_run
    while run is not None:
        end = run.find(w("fldChar"))
        if end is not None and end.get(w("fldCharType")) == "end" and run is not begin_run:
            result = etree.Element(w("r"))
            text = etree.SubElement(result, w("t"))
            text.text = value
            run.addprevious(result)
            return
        run = run.getnext()


def fill_numbers(data: bytes, pages: list[int], count: int) -> bytes:
    """``data`` with each PAGEREF field of the contents holding its page, the NUMPAGES fields the count."""
    source = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(source.read("word/document.xml"))
    refs = 0
    for instruction in root.iter(w("instrText")):
        words = (instruction.text or "").split()
        begin_run = instruction.getparent()
        if words[:1] == ["PAGEREF"] and refs < len(pages):
            if pages[refs]:
                _fill_field(begin_run, str(pages[refs]))
            refs += 1
        elif words[:1] == ["NUMPAGES"]:
            for old in begin_run.itersiblings():  # the "1" written in place of the count
                if old.find(w("fldChar")) is not None:
                    break
                if old.find(w("t")) is not None:
                    old.find(w("t")).text = str(count)
                    break
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, content)
    return stream.getvalue()


def number_contents(data: bytes, document: Document) -> tuple[bytes, str]:
    """The .docx with its contents page numbered by LibreOffice's layout, and what the build line says."""
    soffice = find_soffice()
    if soffice is None:
        return data, _("contents page numbers left to Word (it fills them in when it updates the fields; install "
                       "LibreOffice to have them filled in here)")
    laid_out = laid_out_pages(data, soffice)
    if isinstance(laid_out, str):
        return data, _("contents page numbers left to Word ({reason})").format(reason=laid_out)
    outline, count = laid_out
    pages = contents_pages(document, outline)
    if not any(pages):
        return data, _("contents page numbers left to Word (LibreOffice's layout named no heading)")
    return fill_numbers(data, pages, count), _("contents page numbers as LibreOffice lays the file out")
