"""An .odt draft (LibreOffice Writer's own format) → :class:`Draft`, read from its XML with zipfile and lxml.

``content.xml`` holds the text: ``text:h`` headings with their outline level,
``text:p`` paragraphs whose automatic styles say bold, italic, super/subscript
and centring, ``text:list`` lists (numbered or bulleted by their list style),
``table:table``, ``draw:frame`` pictures from ``Pictures/``, ``text:note``
footnotes, and the generated ``text:table-of-content``. A formula (a Math
object) keeps its StarMath text and is listed in the report.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from kazthesis.draft.model import Draft, Image, Paragraph, Run, Table
from kazthesis.draft.sniff import DraftError
from kazthesis.i18n import _

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "math": "http://www.w3.org/1998/Math/MathML",
}


def q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


class _Styles:
    """Automatic and named styles: their text properties, paragraph alignment, parents and list kinds."""

    def __init__(self, roots: list[etree._Element]) -> None:
        self.styles: dict[tuple[str, str], etree._Element] = {}
        self.lists: dict[str, str] = {}
        for root in roots:
            for style in root.iter(q("style", "style")):
                self.styles[(style.get(q("style", "family"), ""), style.get(q("style", "name"), ""))] = style
            for list_style in root.iter(q("text", "list-style")):
                first = next((c for c in list_style if isinstance(c.tag, str)), None)
                kind = "bullet" if first is not None and etree.QName(first).localname == "list-level-style-bullet" \
                    else "number"
                self.lists[list_style.get(q("style", "name"), "")] = kind

    def get(self, family: str, name: str, prop: str, attribute: str) -> str | None:
        seen = set()
        while name and (family, name) in self.styles and name not in seen:
            seen.add(name)
            style = self.styles[(family, name)]
            props = style.find(q("style", prop))
            if props is not None and props.get(attribute) is not None:
                return props.get(attribute)
            name = style.get(q("style", "parent-style-name"), "")
        return None

    def look(self, family: str, name: str) -> dict[str, bool | None]:
        weight = self.get(family, name, "text-properties", q("fo", "font-weight"))
        slant = self.get(family, name, "text-properties", q("fo", "font-style"))
        position = self.get(family, name, "text-properties", q("style", "text-position")) or ""
        return {"bold": None if weight is None else weight == "bold" or weight.isdigit() and int(weight) >= 600,
                "italic": None if slant is None else slant in ("italic", "oblique"),
                "sup": position.startswith(("super", "33%")) or position[:1].isdigit() and position != "0%",
                "sub": position.startswith(("sub", "-"))}


class _Reader:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        content = etree.fromstring(archive.read("content.xml"))
        roots = [content]
        if "styles.xml" in archive.namelist():
            roots.append(etree.fromstring(archive.read("styles.xml")))
        self.content = content
        self.styles = _Styles(roots)
        self.paragraphs: list[Paragraph] = []
        self.footnotes: list[list[Run]] = []
        self.notes: list[str] = []

    def _runs(self, node: etree._Element, look: dict[str, bool], paragraph: Paragraph, out: list[Run]) -> None:
        if node.text:
            out.append(Run(node.text, **look))
        for child in node:
            if not isinstance(child.tag, str):
                if child.tail:
                    out.append(Run(child.tail, **look))
                continue
            name = etree.QName(child)
            local = name.localname
            if local in ("span", "a"):
                own = self.styles.look("text", child.get(q("text", "style-name"), ""))
                merged = {k: (v if v is not None else look[k]) for k, v in own.items()}
                self._runs(child, merged, paragraph, out)
            elif local == "s":
                out.append(Run(" " * int(child.get(q("text", "c"), "1")), **look))
            elif local == "tab":
                out.append(Run("\t", **look))
            elif local == "line-break":
                out.append(Run("\n", **look))
            elif local == "note":
                body = child.find(q("text", "note-body"))
                runs: list[Run] = []
                if body is not None:
                    for index, inner in enumerate(body.iter(q("text", "p"))):
                        if index:
                            runs.append(Run(" "))
                        self._runs(inner, self._para_look(inner), Paragraph(), runs)
                self.footnotes.append(runs)
                out.append(Run("", note=len(self.footnotes) - 1))
            elif local == "frame":
                self._frame(child, paragraph, out)
            elif local in ("bookmark", "bookmark-start", "bookmark-end", "reference-mark-start",
                           "reference-mark-end", "soft-page-break", "annotation", "annotation-end",
                           "sequence-ref", "change-start", "change-end", "alphabetical-index-mark"):
                if local == "sequence-ref" and child.text:
                    out.append(Run(child.text, **look))
            else:  # fields (page numbers, dates, sequence numbers of captions): their text
                self._runs(child, look, paragraph, out)
            if child.tail:
                out.append(Run(child.tail, **look))

    def _frame(self, frame: etree._Element, paragraph: Paragraph, out: list[Run]) -> None:
        image = frame.find(q("draw", "image"))
        obj = frame.find(q("draw", "object"))
        if obj is not None:
            href = obj.get(q("xlink", "href"), "").removeprefix("./").strip("/")
            text = self._formula(href)
            if text:
                out.append(Run(text))
                self.notes.append(f"¶{paragraph.number}: " + _("a formula (LibreOffice Math) kept as its text: "
                                                                 "{text}").format(text=text))
            return
        if image is not None:
            href = image.get(q("xlink", "href"), "")
            if href in self.archive.namelist():
                extension = href.rsplit(".", 1)[-1].lower()
                paragraph.image = paragraph.image or Image(self.archive.read(href),
                                                           {"jpg": "jpeg"}.get(extension, extension),
                                                           href.rsplit("/", 1)[-1])
            # a caption typed inside the frame (LibreOffice's "Illustration" frames)
            for box in frame.iter(q("draw", "text-box")):
                for inner in box.iter(q("text", "p")):
                    caption = Paragraph(number=0)
                    self._runs(inner, self._para_look(inner), caption, caption.runs)
                    if caption.text.strip():
                        out.append(Run("\n" + caption.text))

    def _formula(self, href: str) -> str:
        name = f"{href}/content.xml"
        if name not in self.archive.namelist():
            return ""
        root = etree.fromstring(self.archive.read(name))
        annotation = root.find(f".//{q('math', 'annotation')}")
        if annotation is not None and annotation.text:
            return annotation.text.strip()
        return "".join(root.itertext()).strip()

    def _para_look(self, node: etree._Element) -> dict[str, bool]:
        look = self.styles.look("paragraph", node.get(q("text", "style-name"), ""))
        return {k: bool(v) for k, v in look.items()}

    def paragraph(self, node: etree._Element, outline: int | None = None, list_kind: str | None = None,
                  level: int = 0, in_toc: bool = False) -> None:
        style = node.get(q("text", "style-name"), "")
        item = Paragraph(number=len(self.paragraphs) + 1, style=style, outline=outline, list_kind=list_kind,
                         list_level=level, contents_entry=in_toc)
        align = self.styles.get("paragraph", style, "paragraph-properties", q("fo", "text-align"))
        item.centred = align == "center"
        if self.styles.get("paragraph", style, "paragraph-properties", q("fo", "break-before")) == "page":
            item.page_break_before = True
        self._runs(node, self._para_look(node), item, item.runs)
        self.paragraphs.append(item)

    def table(self, node: etree._Element) -> None:
        rows = []
        for row in node.iter(q("table", "table-row")):
            cells = []
            for cell in row:
                if not isinstance(cell.tag, str) or etree.QName(cell).localname not in ("table-cell",
                                                                                        "covered-table-cell"):
                    continue
                runs: list[Run] = []
                for index, inner in enumerate(cell.iter(q("text", "p"), q("text", "h"))):
                    if index and runs:
                        runs.append(Run(" "))
                    self._runs(inner, self._para_look(inner), Paragraph(), runs)
                cells.append(runs)
            rows.append(cells)
        self.paragraphs.append(Paragraph(number=len(self.paragraphs) + 1, table=Table(rows)))

    def blocks(self, container: etree._Element, list_kind: str | None = None, level: int = -1,
               in_toc: bool = False) -> None:
        for child in container:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if local == "h":
                outline = int(child.get(q("text", "outline-level"), "1"))
                self.paragraph(child, outline=outline, in_toc=in_toc)
            elif local == "p":
                self.paragraph(child, list_kind=list_kind, level=max(level, 0), in_toc=in_toc)
            elif local == "list":
                kind = self.styles.lists.get(child.get(q("text", "style-name"), ""), list_kind or "bullet")
                self.blocks(child, kind, level + 1, in_toc)
            elif local in ("list-item", "list-header", "section", "index-body"):
                self.blocks(child, list_kind, level, in_toc)
            elif local in ("table-of-content", "illustration-index", "table-index"):
                body = child.find(q("text", "index-body"))
                if body is not None:
                    self.blocks(body, in_toc=True)
            elif local == "table":
                self.table(child)


def read_odt(data: bytes) -> Draft:
    """The draft's paragraphs, lists, tables, pictures and footnotes."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        reader = _Reader(archive)
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise DraftError(_("the ODT document cannot be read ({exc})").format(exc=exc),
                         _("open it in LibreOffice and save it again (.odt or .docx)")) from exc
    text = reader.content.find(f"{q('office', 'body')}/{q('office', 'text')}")
    if text is not None:
        reader.blocks(text)
    return Draft(reader.paragraphs, reader.footnotes, kind="odt", notes=reader.notes)
