"""A supervisor at work on a .docx: comments and tracked changes written as Word writes them.

Comments go in through python-docx's ``add_comment`` (replies linked in
``commentsExtended.xml`` by ``w15:paraIdParent``, as Word links them); tracked
changes are WordprocessingML elements put around the runs: ``w:del`` with
``w:delText``, ``w:ins``, ``w:moveFrom``/``w:moveTo`` between their named range
marks, a paragraph mark's ``w:pPr/w:rPr/w:ins|w:del``. The body and the
footnotes can both be marked.
"""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REMOVED = (qn("w:del"), qn("w:moveFrom"))


class Reviewer:
    """Marks a .docx up the way Word does."""

    def __init__(self, path: Path, author: str = "А. Сейітов", date: str = "2026-12-03T10:15:00Z") -> None:
        self.document = docx.Document(str(path))
        self.author, self.date = author, date
        self.in_contents = False  # whether the paragraphs wanted are the contents page's lines
        self.ident = 9000
        self.threads: list[tuple[str, str]] = []  # (paraId, parent paraId or "")
        self.notes_part = next((p for p in self.document.part.package.iter_parts()
                                if p.partname == "/word/footnotes.xml"), None)
        self.notes = etree.fromstring(self.notes_part.blob) if self.notes_part is not None else None

    # --- finding text -----------------------------------------------------------------------------------
    def paragraph(self, contains: str) -> etree._Element:
        """The first paragraph (body, then footnotes) whose text holds ``contains`` (on the contents page when
        ``in_contents`` is set, elsewhere when not)."""
        roots = [self.document.element.body] + ([self.notes] if self.notes is not None else [])
        for root in roots:
            for p in root.iter(qn("w:p")):
                style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
                listed = style is not None and style.get(qn("w:val"), "").startswith("TOC")
                if contains in self.text(p) and listed == self.in_contents:
                    return p
        raise AssertionError(f"no paragraph holds {contains!r}")

    def runs(self, p: etree._Element) -> list[etree._Element]:
        """The paragraph's text runs, in order, not counting deleted ones."""
        found = []
        for r in p.iter(qn("w:r")):
            if any(a.tag in REMOVED for a in r.iterancestors()) or r.find(qn("w:t")) is None:
                continue
            found.append(r)
        return found

    def text(self, p: etree._Element) -> str:
        return "".join("".join(t.text or "" for t in r.findall(qn("w:t"))) for r in self.runs(p))

    def split(self, p: etree._Element, offset: int) -> None:
        """Cut the run holding ``offset`` so that a run starts there."""
        position = 0
        for r in self.runs(p):
            text = "".join(t.text or "" for t in r.findall(qn("w:t")))
            if position < offset < position + len(text):
                cut = offset - position
                second = copy.deepcopy(r)
                self._set_text(r, text[:cut])
                self._set_text(second, text[cut:])
                r.addnext(second)
                return
            position += len(text)

    @staticmethod
    def _set_text(r: etree._Element, text: str) -> None:
        ts = r.findall(qn("w:t"))
        for t in ts[1:]:
            r.remove(t)
        ts[0].text = text
        ts[0].set(XML_SPACE, "preserve")

    def isolate(self, p: etree._Element, start: int, end: int) -> list[etree._Element]:
        """The runs that hold exactly ``text[start:end]`` of the paragraph."""
        self.split(p, start)
        self.split(p, end)
        chosen, position = [], 0
        for r in self.runs(p):
            text = "".join(t.text or "" for t in r.findall(qn("w:t")))
            if start <= position and position + len(text) <= end and text:
                chosen.append(r)
            position += len(text)
        return chosen

    def locate(self, contains: str, words: str) -> tuple[etree._Element, int]:
        p = self.paragraph(contains)
        at = self.text(p).find(words)
        assert at >= 0, f"{words!r} not in the paragraph"
        return p, at

    # --- tracked changes --------------------------------------------------------------------------------
    def revision(self, tag: str, **more: str) -> etree._Element:
        self.ident += 1
        element = parse_xml(f'<w:{tag} xmlns:w="{W}"/>')
        element.set(qn("w:id"), str(self.ident))
        element.set(qn("w:author"), more.pop("author", self.author))
        element.set(qn("w:date"), self.date)
        for name, value in more.items():
            element.set(qn(f"w:{name}"), value)
        return element

    def _wrap(self, runs: list[etree._Element], tag: str, deleted_text: bool, **more: str) -> etree._Element:
        wrapper = self.revision(tag, **more)
        runs[0].addprevious(wrapper)
        for r in runs:
            wrapper.append(r)
            if deleted_text:
                for t in r.findall(qn("w:t")):
                    t.tag = qn("w:delText")
        return wrapper

    def _new_run(self, like: etree._Element, text: str) -> etree._Element:
        r = copy.deepcopy(like)
        for child in list(r):
            if child.tag != qn("w:rPr"):
                r.remove(child)
        t = etree.SubElement(r, qn("w:t"))
        t.text = text
        t.set(XML_SPACE, "preserve")
        return r

    def delete(self, contains: str, old: str, author: str | None = None) -> None:
        p, at = self.locate(contains, old)
        self._wrap(self.isolate(p, at, at + len(old)), "del", True, **({"author": author} if author else {}))

    def replace(self, contains: str, old: str, new: str) -> None:
        """``old`` struck out and ``new`` put after it, as Word records typing over a selection."""
        p, at = self.locate(contains, old)
        runs = self.isolate(p, at, at + len(old))
        deleted = self._wrap(runs, "del", True)
        inserted = self.revision("ins")
        inserted.append(self._new_run(runs[-1], new))
        deleted.addnext(inserted)

    def insert(self, contains: str, after: str, new: str) -> None:
        """``new`` typed right after the words ``after`` ("" for the paragraph's start)."""
        p, at = self.locate(contains, after)
        end = at + len(after)
        self.split(p, end)
        runs = self.runs(p)
        inserted = self.revision("ins")
        position = 0
        for r in runs:
            position += len("".join(t.text or "" for t in r.findall(qn("w:t"))))
            if position >= end:
                inserted.append(self._new_run(r, new))
                if end == 0:
                    r.addprevious(inserted)
                else:
                    r.addnext(inserted)
                return

    def _mark(self, p: etree._Element, tag: str) -> None:
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.SubElement(p, qn("w:pPr"))
            p.insert(0, ppr)
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.SubElement(ppr, qn("w:rPr"))
        rpr.append(self.revision(tag))

    def delete_paragraph(self, contains: str) -> None:
        p = self.paragraph(contains)
        self._wrap(self.runs(p), "del", True)
        self._mark(p, "del")

    def insert_paragraph(self, after_contains: str, text: str, mark_on_previous: bool = False) -> None:
        """A new paragraph after the one holding ``after_contains``. Word records the new paragraph mark on the
        paragraph before (Enter at its end, then typing) or on the new one (typing, then Enter)."""
        before = self.paragraph(after_contains)
        new = copy.deepcopy(before)
        for child in list(new):
            if child.tag != qn("w:pPr"):
                new.remove(child)
        inserted = self.revision("ins")
        inserted.append(self._new_run(self.runs(before)[0], text))
        new.append(inserted)
        before.addnext(new)
        self._mark(before if mark_on_previous else new, "ins")

    def split_paragraph(self, contains: str, after: str) -> None:
        """Enter pressed after the words ``after``: the paragraph in two, its first part's mark inserted."""
        p, at = self.locate(contains, after)
        end = at + len(after)
        self.split(p, end)
        second = copy.deepcopy(p)
        position = 0
        for child, twin in zip(list(p), list(second), strict=True):
            if child.tag == qn("w:pPr"):
                continue
            length = sum(len(t.text or "") for t in child.iter(qn("w:t"))
                         if not any(a.tag in REMOVED for a in t.iterancestors()))
            first_part = position < end or (position == end and not length)
            gone = twin if first_part else child  # the first part stays here, the rest goes to the new paragraph
            second.remove(gone) if gone is twin else p.remove(gone)
            position += length
        p.addnext(second)
        self._mark(p, "ins")

    def move_paragraph(self, contains: str, after_contains: str) -> None:
        """Cut and paste a whole paragraph with tracking on: a moveFrom where it was, a moveTo where it goes."""
        p = self.paragraph(contains)
        target = self.paragraph(after_contains)
        name = f"move{self.ident + 1}"
        copy_of = copy.deepcopy(p)
        for element in (p, copy_of):
            for bookmark in element.findall(qn("w:bookmarkStart")) + element.findall(qn("w:bookmarkEnd")):
                if element is copy_of:
                    element.remove(bookmark)
        for element, kind in ((p, "moveFrom"), (copy_of, "moveTo")):
            runs = self.runs(element)
            start = self.revision(f"{kind}RangeStart", name=name)
            runs[0].addprevious(start)
            self._wrap(runs, kind, False)
            start.getparent().append(parse_xml(f'<w:{kind}RangeEnd xmlns:w="{W}" w:id="{start.get(qn("w:id"))}"/>'))
            self._mark(element, kind)
        target.addnext(copy_of)

    # --- comments ---------------------------------------------------------------------------------------
    def comment(self, contains: str, words: str, text: str, author: str | None = None, date: str | None = None,
                reply_to: object = None) -> object:
        """A comment on ``words`` of the paragraph holding ``contains`` (a reply when ``reply_to`` is given)."""
        p, at = self.locate(contains, words)
        elements = self.isolate(p, at, at + len(words))
        author = author or self.author
        initials = "".join(w[0] for w in author.split())
        if any(a is self.notes for a in p.iterancestors()):  # python-docx anchors comments in the body only
            comment = self.document.comments.add_comment(text=text, author=author, initials=initials)
            ident = comment.comment_id
            elements[0].addprevious(parse_xml(f'<w:commentRangeStart xmlns:w="{W}" w:id="{ident}"/>'))
            elements[-1].addnext(parse_xml(f'<w:r xmlns:w="{W}"><w:commentReference w:id="{ident}"/></w:r>'))
            elements[-1].addnext(parse_xml(f'<w:commentRangeEnd xmlns:w="{W}" w:id="{ident}"/>'))
        else:
            runs = [Run(r, None) for r in elements]
            comment = self.document.add_comment(runs, text=text, author=author, initials=initials)
        element = comment._comment_elm
        element.set(qn("w:date"), date or self.date)
        para_id = f"{0x10000000 + len(self.threads) + 1:08X}"
        element.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", para_id)
        parent = reply_to._comment_elm.findall(qn("w:p"))[-1].get(f"{{{W14}}}paraId") if reply_to else ""
        self.threads.append((para_id, parent))
        return comment

    def save(self, path: Path) -> Path:
        if self.notes_part is not None:
            self.notes_part._blob = etree.tostring(self.notes, xml_declaration=True, encoding="UTF-8",
                                                   standalone=True)
        if any(parent for _, parent in self.threads):
            entries = "".join(f'<w15:commentEx w15:paraId="{pid}"' + (f' w15:paraIdParent="{parent}"' if parent
                                                                     else "") + ' w15:done="0"/>'
                              for pid, parent in self.threads)
            xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="{W15}" '
                   f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">{entries}</w15:commentsEx>')
            package = self.document.part.package
            part = Part(PackURI("/word/commentsExtended.xml"),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml",
                        xml.encode("utf-8"), package)
            self.document.part.relate_to(part, "http://schemas.microsoft.com/office/2011/relationships/"
                                               "commentsExtended")
        self.document.save(str(path))
        return path
