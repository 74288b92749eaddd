"""A plain-text draft (.txt, .md) → :class:`Draft`: decoded in whatever encoding it is in, split into paragraphs.

The decoding is the build's own (:mod:`kazthesis.read.textfile`): UTF-8 with or
without a BOM, UTF-16, and the legacy Cyrillic encodings it recognises. A text
exported from Word has one paragraph a line; a text typed in an editor has
blank lines between paragraphs, and its lines are then joined.
"""

from __future__ import annotations

import re

from kazthesis.draft.model import Draft, Paragraph, Run
from kazthesis.draft.sniff import DraftError
from kazthesis.i18n import _
from kazthesis.read.textfile import ICONV_NAMES, guess_encoding

PYTHON_NAMES = {iconv: python for python, iconv in ICONV_NAMES.items()} | {"UTF-16": "utf-16"}
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def decode(data: bytes) -> str:
    """The text of a draft file in any encoding the build recognises; a :class:`DraftError` if none fits."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16").replace("\r\n", "\n").replace("\r", "\n")
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        encoding = guess_encoding(data)
        if encoding is None or encoding not in PYTHON_NAMES and not encoding.startswith("UTF"):
            raise DraftError(_("the text is in an encoding that could not be recognised"),
                             _("save it again as UTF-8 (Notepad: Save As → Encoding: UTF-8)")) from None
        text = data.decode(PYTHON_NAMES.get(encoding, encoding.lower()), errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_draft(data: bytes, kind: str) -> Draft:
    """Paragraphs of a .txt or .md draft; a .md draft's ``#`` headings give their level."""
    text = decode(data)
    lines = text.split("\n")
    blank = sum(1 for line in lines if not line.strip())
    filled = len(lines) - blank
    paragraphs: list[Paragraph] = []
    if kind == "md" or blank * 2 >= filled:  # typed with blank lines between paragraphs
        blocks = re.split(r"\n[ \t]*\n", text)
        pieces = [piece for block in blocks for piece in _block_pieces(block)]
    else:  # exported: one paragraph a line
        pieces = lines
    for piece in pieces:
        if not piece.strip():
            continue
        paragraph = Paragraph(number=len(paragraphs) + 1)
        heading = _MD_HEADING.match(piece.strip()) if kind == "md" else None
        if heading:
            paragraph.outline = len(heading.group(1))
            piece = heading.group(2)
        if "\f" in piece:  # a form feed: a page break typed into the text
            paragraph.page_break_before = True
            piece = piece.replace("\f", "")
        paragraph.runs = [Run(piece, markdown=kind == "md")]
        paragraphs.append(paragraph)
    return Draft(paragraphs, kind=kind)


def _block_pieces(block: str) -> list[str]:
    """One typed paragraph's lines joined into one; a typed list (every line an item) stays one item a piece."""
    lines = [line for line in block.split("\n") if line.strip()]
    if len(lines) > 1 and all(re.match(r"\s*(?:[-–—•*+]|\d+[.)]|[а-яa-z][)]|#{1,6})\s", line) for line in lines[1:]):
        return lines
    return [" ".join(line.strip() for line in lines)]
