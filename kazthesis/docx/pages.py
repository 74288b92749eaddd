"""The pages the model hands over whole → Word paragraphs: terms and definitions, abbreviations, the
reference list, and the places of pages taken from other PDF files.
"""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from kazthesis.docx.blocks import Blocks
from kazthesis.docx.story import Story
from kazthesis.docx.tables import add_abbreviations
from kazthesis.docx.wordml import Para, Run, append, clean, paragraph, text_run, url_run
from kazthesis.lang import wording
from kazthesis.lang.typography import for_print
from kazthesis.resolve.geometry import points

URL_RE = re.compile(r"https?://[^\s)]+")
INSERTED_NOTE_MM = 100  # the note standing in for an inserted page, this far down its page


def add_terms(story: Story, blocks: Blocks) -> None:
    """The terms-and-definitions page (terms.html): the opening sentence, then "term – definition" lines."""
    blocks.structural_heading(story.strings["terms"], "terms")
    story.add(paragraph(Para())).append(text_run(story.strings["terms_intro"]))
    for term, definition in story.document.terms:
        story.add(paragraph(Para())).append(text_run(f"{term} \u2013 {definition}"))


def add_abbreviations_page(story: Story, blocks: Blocks) -> None:
    """The abbreviations page: a borderless table, abbreviation – meaning (abbreviations.html)."""
    blocks.structural_heading(story.strings["abbreviations"], "abbreviations")
    add_abbreviations(story, story.document.abbreviations)


def add_references(story: Story, blocks: Blocks) -> None:
    """The reference list: one paragraph an entry, "N. text" as references.html prints it."""
    blocks.structural_heading(story.strings["references"], "references")
    for ref in story.document.references:
        # Justified like the body; a URL may end a line at its own break points (url_run), as in the PDF. The
        # PDF's print rules hold (no line starts with the dash between areas; units stay with their
        # numbers), and the italic runs stay italic.
        runs = [(for_print(text), italic) for text, italic in ref.runs or [(ref.text, False)]]
        if story.document.hanging_references:  # an author–date CSL list: no number, the entry hangs, ragged right
            indent = story.document.geometry.indent_pt
            p = story.add(paragraph(Para(align="left", left=indent, hanging=indent, first_line=None)))
        else:
            p = story.add(paragraph(Para()))
        if ref.label:
            p.append(text_run(f"{ref.label} "))
        for text, italic in runs:
            look = Run(italic=italic or None)
            position = 0
            for url in URL_RE.finditer(text):
                p.append(text_run(text[position : url.start()], look))
                link = OxmlElement("w:hyperlink")
                target = clean(url.group(0))
                link.set(qn("r:id"), story.word.part.relate_to(target, RT.HYPERLINK, is_external=True))
                p.append(append(link, url_run(target, look)))
                position = url.end()
            p.append(text_run(text[position:], look))


def add_inserted_pages(story: Story, where: str) -> bool:
    """Pages that the PDF takes from other PDF files ([title_page] pdf, [[insert]]): Word cannot hold a PDF
    page, so each gets a page of its own saying which page of which file goes there — the student prints
    the .docx and puts the signed form in its place, and every page after it keeps the PDF's number.
    ``where``: "title" (the title page itself) or "after title|contents|end". True when there were any."""
    from kazthesis.read.inserts import page_sizes

    document = story.document
    root = document.config.root
    chosen = [e for e in document.inserted
              if (where == "title" and e.name == "title") or (e.after and where == f"after {e.after}")]
    for external in chosen:
        count = len(page_sizes(external.path(root).read_bytes()))
        for n in range(1, count + 1):
            page_break = bool(story.body) or n > 1
            p = story.add(paragraph(Para(page_break=page_break or None, before=points(INSERTED_NOTE_MM),
                                         first_line=0, align="center")))
            p.append(text_run(wording.text(document.language, "inserted_page", file=external.file, page=n),
                              Run(italic=True)))
    return bool(chosen)
