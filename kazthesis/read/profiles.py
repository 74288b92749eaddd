"""A layout profile's name in thesis.toml → the values of its ``[layout]`` settings and the forms it draws.

Lengths in mm, the font size in pt, the indent in cm. The GOST profiles are docs/formatting.md §1's;
``apa-7-student`` is the student paper of the APA Publication Manual (7th edition) as the APA Style website
states it: 1-inch margins ("Margins"), double spacing ("Line spacing"), 12-point Times New Roman, one of the
fonts it lists ("Font"; 11-point Calibri, Arial or Georgia, or 10-point Lucida Sans Unicode, are set with
``font`` and ``font_size``), a 0.5-inch first-line indent ("Paragraph alignment and indentation"), bullets for
a list's items ("Lists"). A4 stays the paper: Kazakhstan's, and APA sets margins, not a paper size.

``forms`` names how the pages are drawn beyond their sizes — headings, title page, where the page number
stands, justified or ragged right, hyphenated or not — which :mod:`kazthesis.resolve.geometry` spells out for
both writers. ``contents`` is whether a contents page is printed: GOST requires one; an APA student paper has
none unless the course asks for it (``[layout] contents = true``).
"""

from __future__ import annotations

from typing import Any

PROFILES: dict[str, dict[str, Any]] = {
    "gost-7.32-2017": {
        "margin_left": 30, "margin_right": 15, "margin_top": 20, "margin_bottom": 20,
        "font": "Times New Roman", "font_size": 14, "line_spacing": 1.5, "indent": 1.25,
        "list_marks": "–, 1)", "contents": True, "forms": "gost",
    },
    "kz-university": {
        "margin_left": 30, "margin_right": 10, "margin_top": 20, "margin_bottom": 25,
        "font": "Times New Roman", "font_size": 14, "line_spacing": 1.0, "indent": 0.8,
        "list_marks": "–, 1)", "contents": True, "forms": "gost",
    },
    "apa-7-student": {
        "margin_left": 25.4, "margin_right": 25.4, "margin_top": 25.4, "margin_bottom": 25.4,
        "font": "Times New Roman", "font_size": 12, "line_spacing": 2.0, "indent": 1.27,
        "list_marks": "•", "contents": False, "forms": "apa",
    },
}
