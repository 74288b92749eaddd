"""The geometry → styles.xml, settings.xml and numbering.xml of the Word file.

Styles are named as Word names them (Normal, Heading 1–6, toc 1–3, caption,
footnote text), so that a student's Word finds its own styles; each carries
the geometry's font, size, line spacing, first-line indent and spaces. Nothing
comes from a theme.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement

from kazthesis.docx.wordml import Para, Run, append, el, twips
from kazthesis.lang import registry
from kazthesis.resolve.geometry import Geometry

CODE_FONT = "Courier New"  # Liberation Mono, the PDF's code font, is its metric twin


@dataclass(frozen=True)
class Style:
    """One style of styles.xml."""

    ident: str
    name: str
    kind: str = "paragraph"  # or "character"
    based_on: str = ""
    next: str = ""
    para: Para = Para()
    run: Run = Run()
    default: bool = False
    hidden_priority: int = 0  # uiPriority, 0 for none

    def element(self) -> BaseOxmlElement:
        style = el("style", type=self.kind, styleId=self.ident)
        if self.default:
            style.set(qn("w:default"), "1")
        append(style, el("name", val=self.name), el("basedOn", val=self.based_on) if self.based_on else None,
               el("next", val=self.next) if self.next else None,
               el("uiPriority", val=self.hidden_priority) if self.hidden_priority else None, el("qFormat"))
        if self.kind == "paragraph":
            ppr = self.para.element()
            if len(ppr):
                style.append(ppr)
        rpr = self.run.element()
        if len(rpr):
            style.append(rpr)
        return style


def styles_xml(geometry: Geometry, language: str) -> BaseOxmlElement:
    """styles.xml: the document defaults and every style the writer uses, nothing from a theme."""
    font, size, indent, spacing = geometry.font, geometry.body_size, geometry.indent_pt, geometry.line_spacing
    lang = registry.document(language).tag
    root = parse_xml(f"<w:styles {nsdecls('w')}/>")
    defaults = append(OxmlElement("w:docDefaults"),
                      append(OxmlElement("w:rPrDefault"), Run(font=font, size=size, language=lang).element()),
                      append(OxmlElement("w:pPrDefault"), Para(after=0).element()))
    root.append(defaults)
    em, block = size, geometry.block_space * size
    heading = Para(keep_next=True, keep_lines=True, no_hyphens=True, line=spacing, first_line=indent, align="left")
    bold = Run(bold=True, size=size, color="000000")
    styles = [Style("Normal", "Normal", default=True,
                    para=Para(widow_control=True, before=0, after=0, line=spacing, first_line=indent, align="both"),
                    run=Run(font=font, size=size, color="000000"))]
    for level in range(1, 7):
        space = geometry.headings[min(level, len(geometry.headings)) - 1]
        para = replace(heading, before=space.before * em, after=space.after * em, outline=level - 1)
        if level == 1:  # a chapter starts a page: no space above it
            para = replace(para, page_break=True, before=0)
        styles.append(Style(f"Heading{level}", f"heading {level}", based_on="Normal", next="Normal", para=para,
                            run=bold))
    for level in range(1, 7):  # headings kept out of the contents: same look, body-text outline level
        styles.append(Style(f"UnlistedHeading{level}", f"Unlisted Heading {level}", based_on=f"Heading{level}",
                            next="Normal", para=Para(outline=9)))
    styles += [
        Style("TOCHeading", "TOC Heading", based_on="Normal", next="Normal",
              para=Para(keep_next=True, page_break=True, no_hyphens=True, after=geometry.headings[0].after * em,
                        first_line=0, align="center"),
              run=Run(bold=True)),
        *(Style(f"TOC{level}", f"toc {level}", based_on="Normal", next="Normal", hidden_priority=39,
                para=Para(tab_right=twips(geometry.text_width_pt), no_hyphens=True, left=(level - 1) * indent,
                          first_line=0, align="left"))
          for level in (1, 2, 3)),
        Style("Caption", "caption", based_on="Normal", next="Normal",
              para=Para(first_line=0, align="center", no_hyphens=True)),
        Style("TableText", "Table Text", based_on="Normal",
              para=Para(line=1.0, first_line=0, align="left")),
        Style("TitlePage", "Title Page", based_on="Normal",
              para=Para(line=1.0, first_line=0, align="center", no_hyphens=True)),
        Style("SourceCode", "Source Code", based_on="Normal",
              para=Para(line=1.0, first_line=0, align="left", no_hyphens=True, before=block, after=block),
              run=Run(font=CODE_FONT, size=geometry.code_size)),
        Style("FootnoteText", "footnote text", based_on="Normal",
              para=Para(line=1.0, first_line=indent, align="both"), run=Run(size=geometry.footnote_size)),
        Style("FootnoteReference", "footnote reference", kind="character", run=Run(superscript=True)),
        Style("Footer", "footer", based_on="Normal", para=Para(line=1.0, first_line=0, align="center")),
        Style("DefaultParagraphFont", "Default Paragraph Font", kind="character", hidden_priority=1),
    ]
    for style in styles:
        root.append(style.element())
    root.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'))
    return root


def settings_xml(language: str) -> BaseOxmlElement:
    """settings.xml, in schema order: hyphenation on, fields updated on opening, footnote separators."""
    lang = registry.document(language).tag
    return parse_xml(
        f'<w:settings {nsdecls("w")}>'
        '<w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="709"/>'
        '<w:autoHyphenation/>'
        '<w:consecutiveHyphenLimit w:val="3"/>'
        '<w:doNotHyphenateCaps/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:updateFields w:val="true"/>'
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
        'w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{lang}"/>'
        f'<w:decimalSymbol w:val="{registry.document(language).decimal_separator}"/>'
        '<w:listSeparator w:val=";"/>'
        '</w:settings>')


class Lists:
    """numbering.xml: one list kind for each mark a list's items print (resolve/lists.py: "–", "1)", "1."),
    each level one indent deeper, and one numbering instance per list, so that each list starts at its own
    first number. A lettered list ("а)") is not numbered by Word (its numbering formats have no Kazakh letters,
    nor GOST's Russian ones): its marks are written into the items' text."""

    def __init__(self, indent_twips: int) -> None:
        self.indent = indent_twips
        self.kinds: dict[tuple[str, str], int] = {}  # (format, level text after the number) → abstractNumId
        self.element = parse_xml(f'<w:numbering {nsdecls("w")}></w:numbering>')

    def _kind(self, numbered: bool, text: str) -> int:
        key = ("decimal" if numbered else "bullet", text)
        if key not in self.kinds:
            self.kinds[key] = abstract_id = len(self.kinds) + 1
            levels = "".join(
                f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{key[0]}"/>'
                f'<w:suff w:val="space"/><w:lvlText w:val="{f"%{level + 1}{text}" if numbered else text}"/>'
                f'<w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{level * self.indent}" w:firstLine="{self.indent}"/></w:pPr></w:lvl>'
                for level in range(9))
            abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                                 f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
            self.element.insert(len(self.kinds) - 1, abstract)  # every abstractNum before the first num
        return self.kinds[key]

    def new(self, mark: str, depth: int, start: int) -> int:
        """The numId of a new list whose first item is marked ``mark`` ("–", "1)", "3.")."""
        numbered = mark[:1].isdigit()
        abstract_id = self._kind(numbered, mark.lstrip("0123456789") if numbered else mark)
        num_id = len(self.element.findall(qn("w:num"))) + 1
        level = min(depth, 8)
        self.element.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start if numbered else 1}"/></w:lvlOverride>'
            '</w:num>'))
        return num_id
