"""The contents page → a Word TOC field over the headings, pre-filled with the model's contents entries.

Each entry links to its heading's bookmark and its page number is a PAGEREF
field: LibreOffice computes those when it opens the file; Word rebuilds the
whole field (settings.xml asks it to update fields on opening).
"""

from __future__ import annotations

from docx.oxml import OxmlElement

from kazthesis.docx.story import Story
from kazthesis.docx.wordml import Para, append, el, field, field_begin, field_end, paragraph, text_run


def add_contents(story: Story) -> None:
    """The contents heading and one paragraph an entry, in the PDF's order (the model's)."""
    p = story.add(paragraph(Para(style="TOCHeading")))
    p.append(text_run(story.strings["contents"]))
    depth = int(story.document.config.layout["contents_depth"])
    entries = story.document.contents
    for n, entry in enumerate(entries):
        p = story.add(paragraph(Para(style=f"TOC{min(entry.level, 3)}")))
        if n == 0:
            p.append(field_begin(f'TOC \\o "1-{depth}" \\h \\z \\u'))
        upper = entry.kind in ("chapter", "structural") and story.geometry.forms.name != "apa"  # APA: as written
        text = entry.text.upper() if upper else entry.text
        name = story.bookmarks.name(entry.id)
        link = el("hyperlink", anchor=name, history=1)
        append(link, text_run(text), append(OxmlElement("w:r"), el("tab")), *field(f"PAGEREF {name} \\h"))
        p.append(link)
        if n == len(entries) - 1:
            p.append(field_end())
