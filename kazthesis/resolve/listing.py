"""A code block's text → its lines, each a list of (style, text) runs, highlighted in grey scale by Pygments.

Both writers print a listing line by line (the PDF as table rows, so that a listing
running onto the next page is split with its continuation label as tables are);
with ``[layout] listing_highlight = true`` the runs carry a style, the same for
both: keywords bold, comments grey italic, strings and numbers dark grey — a
thesis is printed in black and white. Without the setting, or for a language
Pygments does not know, every line is one plain run.
"""

from __future__ import annotations

from functools import lru_cache

Run = tuple[str, str]  # (style, text); style "" is plain

# style → (colour, bold, italic): thesis.css has the same rules as .hl-<style>.
STYLES: dict[str, tuple[str, bool, bool]] = {
    "keyword": ("000000", True, False),
    "comment": ("6E6E6E", False, True),
    "string": ("4D4D4D", False, False),
    "number": ("4D4D4D", False, False),
    "name": ("262626", True, False),  # a function's or class's name where it is defined
}
TAB_SIZE = 4


@lru_cache(maxsize=64)
def _lexer(language: str):  # noqa: ANN202 - a Pygments lexer, or None
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False, stripall=False)
    except ClassNotFound:
        return None


def _style(token_type: object) -> str:
    from pygments.token import Comment, Keyword, Name, Number, Operator, String

    if token_type in Comment:
        return "comment"
    if token_type in Keyword or token_type in Operator.Word:
        return "keyword"
    if token_type in String:
        return "string"
    if token_type in Number:
        return "number"
    if token_type in Name.Function or token_type in Name.Class:
        return "name"
    return ""


def listing_lines(text: str, language: str, highlight: bool) -> list[list[Run]]:
    """The lines of ``text`` (tabs expanded), each as runs; highlighted when asked and the language is known."""
    text = text.expandtabs(TAB_SIZE)
    lexer = _lexer(language.lower()) if highlight and language else None
    if lexer is None:
        return [[("", line)] if line else [] for line in text.split("\n")]
    lines: list[list[Run]] = [[]]
    for token_type, value in lexer.get_tokens(text):
        style = _style(token_type)
        for n, part in enumerate(value.split("\n")):
            if n:
                lines.append([])
            if not part:
                continue
            line = lines[-1]
            if line and line[-1][0] == style:
                line[-1] = (style, line[-1][1] + part)
            else:
                line.append((style, part))
    return lines
