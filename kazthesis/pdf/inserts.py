"""Checked PDFs from outside (``Document.inserted``) → laid-out pieces of their own, in their places.

WeasyPrint cannot draw a PDF page, so these files are never laid out: each
becomes a laid-out piece of its own (its pages, no anchors, no links) that
:mod:`kazthesis.pdf.assemble` joins with the rest. Its pages count in the
numbering — the contents page counts them, as every piece before an anchor —
but get no page number of ours: a form has its own layout. Which files are
usable was decided when the project was read (:mod:`kazthesis.read.inserts`).
"""

from __future__ import annotations

from html import escape

from kazthesis.lang import wording
from kazthesis.model import ExternalPdf
from kazthesis.pdf.html import Piece
from kazthesis.pdf.weasy import LaidOut
from kazthesis.read.config import Config
from kazthesis.read.inert import inert_pdf
from kazthesis.read.inserts import external_pdfs, page_sizes


def external_pieces(config: Config, language: str, usable: list[ExternalPdf]) -> dict[str, LaidOut]:
    """Each usable external PDF (as :func:`kazthesis.read.inserts.check_external` found them) as a laid-out
    piece; its HTML (for thesis.html) says which pages go where."""
    pieces = {}
    for external in usable:
        data = inert_pdf(external.path(config.root).read_bytes())  # only its pages' drawing: no action, no script
        sizes = page_sizes(data)
        notes = "".join(f'<p class="inserted-page">'
                        f'{escape(wording.text(language, "inserted_page", file=external.file, page=n))}</p>'
                        for n in range(1, len(sizes) + 1))
        html = f'<section class="inserted-pdf" data-file="{escape(external.file)}">{notes}</section>\n'
        pieces[external.name] = LaidOut(external.name, html, data, sizes, {}, [])
    return pieces


def place(pieces: list[Piece], config: Config, external: dict[str, LaidOut]) -> list[Piece]:
    """The pieces in page order with the external PDFs in their places: the title PDF instead of the generated
    title page, each insert after the title page, after the contents page, or at the end."""
    placed = {e.name: e for e in external_pdfs(config) if e.name in external}
    after: dict[str, list[Piece]] = {"title": [], "contents": [], "end": []}
    for e in placed.values():
        if e.after:
            after[e.after].append(Piece(e.name, external[e.name].html))
    if not any(piece.name == "contents" for piece in pieces):  # no contents page (APA): they go before the text
        after["title"].extend(after.pop("contents"))
    ordered = []
    for piece in pieces:
        ordered.append(Piece("title", external["title"].html) if piece.name == "title" and "title" in placed
                       else piece)
        if piece.name in after:
            ordered.extend(after[piece.name])
    return ordered + after["end"]


def is_external(name: str) -> bool:
    return name.startswith("insert-")
