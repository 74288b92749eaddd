"""A .docx draft (as Word or LibreOffice writes it) → :class:`Draft`.

Read from the XML with python-docx's parts and lxml: paragraphs and tables in
body order (content controls opened), each run's bold, italic and
super/subscript (its own or its style's), footnote references, pictures,
formulas (OMML → TeX by :mod:`.omml`), Word's list numbering, headings by
style or outline level, centring, manual page breaks, and the contents page
Word generates (TOC styles or a table-of-contents content control).
"""

from __future__ import annotations

import io
import re

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from kazthesis.draft import omml
from kazthesis.draft.model import Draft, Image, Paragraph, Run, Table
from kazthesis.draft.sniff import DraftError
from kazthesis.i18n import _

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
V = "urn:schemas-microsoft-com:vml"
M = omml.M
# Word's heading styles in the languages its interface comes in ("Title" is a title page's style, not a heading).
_HEADING_STYLE = re.compile(r"^(?:heading|заголовок|тақырып|überschrift|titre)\s*(\d)$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^(?:toc|contents|оглавление|мазмұны|содержание)\s*\d*$|^toc heading$", re.IGNORECASE)
BULLET_FORMATS = {"bullet", "none"}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def _on(element: etree._Element | None) -> bool | None:
    """A toggle property: None when absent, else its value (``w:val="0"``/``false`` turns it off)."""
    if element is None:
        return None
    return element.get(w("val"), "true").lower() not in ("0", "false", "off", "none")


class _Styles:
    """What a paragraph or character style gives its text: bold, italic, centring, outline level."""

    def __init__(self, document: docx.document.Document) -> None:
        self.by_id: dict[str, etree._Element] = {}
        styles = document.styles.element
        for style in styles.findall(w("style")):
            self.by_id[style.get(w("styleId"), "")] = style
        self.cache: dict[tuple[str, str], object] = {}

    def _chain(self, style_id: str) -> list[etree._Element]:
        chain, seen = [], set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            chain.append(style)
            based = style.find(w("basedOn"))
            style_id = based.get(w("val"), "") if based is not None else ""
        return chain

    def name(self, style_id: str) -> str:
        style = self.by_id.get(style_id)
        found = style.find(w("name")) if style is not None else None
        return found.get(w("val"), style_id) if found is not None else style_id

    def property(self, style_id: str, path: str) -> etree._Element | None:
        """The first style of the chain that sets ``path`` (``w:rPr/w:b``), its element."""
        key = (style_id, path)
        if key not in self.cache:
            self.cache[key] = next((found for style in self._chain(style_id)
                                    if (found := style.find(path)) is not None), None)
        return self.cache[key]  # type: ignore[return-value]

    def outline(self, style_id: str) -> int | None:
        match = _HEADING_STYLE.match(self.name(style_id).strip())
        if match:
            return int(match.group(1) or 1)
        level = self.property(style_id, f"{w('pPr')}/{w('outlineLvl')}")
        if level is not None and level.get(w("val"), "9").isdigit() and int(level.get(w("val"))) < 9:
            return int(level.get(w("val"))) + 1
        return None


class _Reader:
    def __init__(self, document: docx.document.Document) -> None:
        self.document = document
        self.styles = _Styles(document)
        self.paragraphs: list[Paragraph] = []
        self.footnote_ids: dict[str, int] = {}
        self.footnotes: list[list[Run]] = []
        self.notes: list[str] = []
        self.page = 1
        self.numbering = self._numbering_formats()
        self.footnote_xml = self._footnotes()

    # --- parts --------------------------------------------------------------------------------------------

    def _numbering_formats(self) -> dict[tuple[str, str], str]:
        """(numId, ilvl) → numFmt ("bullet", "decimal", "lowerLetter"…)."""
        try:
            root = self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return {}
        abstract: dict[str, dict[str, str]] = {}
        for item in root.findall(w("abstractNum")):
            levels = {}
            for level in item.findall(w("lvl")):
                fmt = level.find(w("numFmt"))
                levels[level.get(w("ilvl"), "0")] = fmt.get(w("val"), "decimal") if fmt is not None else "decimal"
            abstract[item.get(w("abstractNumId"), "")] = levels
        formats = {}
        for num in root.findall(w("num")):
            ref = num.find(w("abstractNumId"))
            levels = abstract.get(ref.get(w("val"), "") if ref is not None else "", {})
            for ilvl, fmt in levels.items():
                formats[(num.get(w("numId"), ""), ilvl)] = fmt
        return formats

    def _footnotes(self) -> dict[str, etree._Element]:
        for rel in self.document.part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                root = etree.fromstring(rel.target_part.blob)
                return {note.get(w("id"), ""): note for note in root.findall(w("footnote"))
                        if note.get(w("type")) in (None, "normal")}
        return {}

    def _image(self, rel_id: str) -> Image | None:
        part = self.document.part.related_parts.get(rel_id)
        if part is None:
            return None
        extension = part.partname.ext.lower() if hasattr(part, "partname") else "png"
        return Image(part.blob, {"jpg": "jpeg"}.get(extension, extension), str(part.partname).rsplit("/", 1)[-1])

    # --- runs ---------------------------------------------------------------------------------------------

    def _run_look(self, run: etree._Element, paragraph_style: str) -> dict[str, bool]:
        props = run.find(w("rPr"))
        char_style = props.find(w("rStyle")) if props is not None else None
        char_id = char_style.get(w("val"), "") if char_style is not None else ""

        def flag(name: str) -> bool:
            own = _on(props.find(w(name))) if props is not None else None
            if own is not None:
                return own
            for style_id in (char_id, paragraph_style):
                found = _on(self.styles.property(style_id, f"{w('rPr')}/{w(name)}")) if style_id else None
                if found is not None:
                    return found
            return False

        align = props.find(w("vertAlign")) if props is not None else None
        position = align.get(w("val"), "") if align is not None else ""
        return {"bold": flag("b"), "italic": flag("i"), "sup": position == "superscript",
                "sub": position == "subscript"}

    def _runs(self, container: etree._Element, style: str, paragraph: Paragraph, out: list[Run]) -> None:
        for node in container:
            tag = etree.QName(node).localname if isinstance(node.tag, str) else ""
            if tag == "r":
                self._run(node, style, paragraph, out)
            elif tag in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo"):
                self._runs(node, style, paragraph, out)
            elif tag == "sdt":
                content = node.find(w("sdtContent"))
                if content is not None:
                    self._runs(content, style, paragraph, out)
            elif tag == "oMath":
                out.append(Run(omml.convert(node), math=True))
            elif tag == "oMathPara":
                for math in node.iter(f"{{{M}}}oMath"):
                    out.append(Run(omml.convert(math), math=True))
                paragraph.display_math = True

    def _run(self, run: etree._Element, style: str, paragraph: Paragraph, out: list[Run]) -> None:
        look = self._run_look(run, style)
        text = []

        def flush() -> None:
            if text:
                out.append(Run("".join(text), **look))
                text.clear()

        for node in run:
            tag = etree.QName(node).localname if isinstance(node.tag, str) else ""
            if tag == "t":
                text.append(node.text or "")
            elif tag == "tab":
                text.append("\t")
            elif tag in ("br", "cr"):
                if node.get(w("type")) == "page":
                    self.page += 1
                    paragraph.page_break_before = paragraph.page_break_before or not out and not text
                else:
                    text.append("\n")
            elif tag == "lastRenderedPageBreak":
                self.page += 1
            elif tag == "noBreakHyphen":
                text.append("-")
            elif tag == "sym":
                char = node.get(w("char"), "")
                try:
                    text.append(chr(int(char, 16)) if int(char, 16) < 0xF000 else "")
                except ValueError:
                    pass
            elif tag == "footnoteReference":
                flush()
                out.append(Run("", note=self._footnote(node.get(w("id"), ""))))
            elif tag in ("drawing", "pict", "object"):
                flush()
                blip = node.find(f".//{{{A}}}blip")
                rel = blip.get(f"{{{R}}}embed") if blip is not None else None
                if rel is None:
                    data = node.find(f".//{{{V}}}imagedata")
                    rel = data.get(f"{{{R}}}id") if data is not None else None
                image = self._image(rel) if rel else None
                if image is not None:
                    paragraph.image = paragraph.image or image
                    if paragraph.image is not image:
                        self.notes.append(f"¶{paragraph.number}: " + _("a second picture in one paragraph was "
                                                                       "left out"))
                else:
                    self.notes.append(f"¶{paragraph.number}: " + _("a drawing or embedded object that is not a "
                                                                   "picture was left out"))
        flush()

    def _footnote(self, note_id: str) -> int | None:
        if note_id in self.footnote_ids:
            return self.footnote_ids[note_id]
        note = self.footnote_xml.get(note_id)
        if note is None:
            return None
        runs: list[Run] = []
        holder = Paragraph()
        for index, paragraph in enumerate(note.findall(w("p"))):
            if index:
                runs.append(Run(" "))
            self._runs(paragraph, self._style_id(paragraph), holder, runs)
        self.footnotes.append(runs)
        self.footnote_ids[note_id] = len(self.footnotes) - 1
        return self.footnote_ids[note_id]

    # --- blocks -------------------------------------------------------------------------------------------

    def _style_id(self, paragraph: etree._Element) -> str:
        found = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        return found.get(w("val"), "") if found is not None else ""

    def paragraph(self, element: etree._Element, in_toc: bool) -> None:
        style = self._style_id(element)
        item = Paragraph(number=len(self.paragraphs) + 1, page=self.page, style=self.styles.name(style))
        props = element.find(w("pPr"))
        item.outline = self.styles.outline(style)
        level = props.find(w("outlineLvl")) if props is not None else None
        if level is not None and level.get(w("val"), "9").isdigit() and int(level.get(w("val"))) < 9:
            item.outline = int(level.get(w("val"))) + 1
        jc = props.find(w("jc")) if props is not None else None
        jc = jc if jc is not None else self.styles.property(style, f"{w('pPr')}/{w('jc')}")
        item.centred = jc is not None and jc.get(w("val")) == "center"
        if props is not None and _on(props.find(w("pageBreakBefore"))):
            item.page_break_before = True
        num = props.find(w("numPr")) if props is not None else None
        if num is None and style:  # "List Number", "List Bullet": the style numbers its paragraphs
            num = self.styles.property(style, f"{w('pPr')}/{w('numPr')}")
        if num is not None:
            num_id, ilvl = num.find(w("numId")), num.find(w("ilvl"))
            key = (num_id.get(w("val"), "") if num_id is not None else "",
                   ilvl.get(w("val"), "0") if ilvl is not None else "0")
            if key[0] != "0" and key in self.numbering:
                item.list_kind = "bullet" if self.numbering[key] in BULLET_FORMATS else "number"
                item.list_level = int(key[1]) if key[1].isdigit() else 0
        item.contents_entry = in_toc or bool(_TOC_STYLE.match(item.style.strip()))
        self._runs(element, style, item, item.runs)
        self.paragraphs.append(item)

    def table(self, element: etree._Element) -> None:
        rows = []
        holder = Paragraph()
        for row in element.findall(w("tr")):
            cells = []
            for cell in row.findall(w("tc")):
                runs: list[Run] = []
                for index, paragraph in enumerate(cell.iter(w("p"))):
                    if index and runs:
                        runs.append(Run(" "))
                    self._runs(paragraph, self._style_id(paragraph), holder, runs)
                cells.append(runs)
                span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
                if span is not None and span.get(w("val"), "1").isdigit():
                    cells.extend([] for _ in range(int(span.get(w("val"))) - 1))
            rows.append(cells)
        if holder.image is not None:
            self.notes.append(f"¶{len(self.paragraphs) + 1}: " + _("a picture inside a table was left out"))
        self.paragraphs.append(Paragraph(number=len(self.paragraphs) + 1, page=self.page, table=Table(rows)))

    def body(self, container: etree._Element, in_toc: bool = False) -> None:
        for child in container:
            tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if tag == "p":
                self.paragraph(child, in_toc)
            elif tag == "tbl":
                self.table(child)
            elif tag == "sdt":
                gallery = child.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
                toc = gallery is not None and "content" in gallery.get(w("val"), "").lower()
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.body(content, in_toc or toc)
            elif tag in ("customXml", "ins"):
                self.body(child, in_toc)


def read_docx(data: bytes) -> Draft:
    """The draft's paragraphs, tables, pictures, footnotes and formulas."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a damaged package
        raise DraftError(_("the Word document cannot be read ({name}: {exc})").format(name=type(exc).__name__, exc=exc),
                         _("open it in Word or LibreOffice and save it again as .docx")) from exc
    reader = _Reader(document)
    reader.body(document.element.body)
    return Draft(reader.paragraphs, reader.footnotes, kind="docx", notes=reader.notes)
