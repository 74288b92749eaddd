"""TeX formulas (``$…$``, ``$$…$$``) → SVG drawings, with ziamath (STIX Two Math, drawn as paths).

WeasyPrint draws no MathML, so a formula is drawn once, when its chapter is
parsed, and both writers place the drawing: in line with the text, sized in
em and lowered by its depth so that its baseline sits on the line's.
"""

from __future__ import annotations

import re

from kazthesis.i18n import _
from kazthesis.model import Math

SIZE = 20.0  # px the formula is drawn at; the writers scale it by em
VIEWBOX_RE = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"')


class FormulaError(ValueError):
    """TeX the formula reader cannot read."""


# ziamath's layout time doubles with each group nested in another (20 nested braces: an hour) and grows faster
# than the formula's length: both are bounded before it draws (6 levels: at most about half a second).
MAX_NESTING = 6
MAX_LENGTH = 1000


def nesting(tex: str) -> int:
    """How deep groups nest in ``tex``: braces and ``\\left`` … ``\\right`` pairs."""
    def command(name: str, index: int) -> bool:  # \\left, not \\leftarrow
        return tex.startswith(name, index) and not tex[index + len(name) : index + len(name) + 1].isalpha()

    depth = deepest = index = 0
    while index < len(tex):
        if command("\\left", index) or tex[index] == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif command("\\right", index) or tex[index] == "}":
            depth -= 1
        index += 2 if tex[index] == "\\" else 1
    return deepest


def draw(tex: str, display: bool) -> Math:
    """The formula drawn; raises :class:`FormulaError` for TeX that cannot be read (or would take too long)."""
    import ziamath

    if len(tex) > MAX_LENGTH:
        raise FormulaError(_("it is {length} characters long, more than {most}: split it into several").format(
            length=len(tex), most=MAX_LENGTH))
    if (deep := nesting(tex)) > MAX_NESTING:
        raise FormulaError(_("its groups (braces, \\left … \\right) nest {depth} deep, more than {most}").format(
            depth=deep, most=MAX_NESTING))
    try:
        svg = ziamath.Latex(tex, size=SIZE, inline=not display).svg()
    except Exception as exc:  # noqa: BLE001 - latex2mathml raises many kinds: all mean "cannot read"
        raise FormulaError(str(exc) or type(exc).__name__) from exc
    match = VIEWBOX_RE.search(svg)
    if match is None:
        raise FormulaError(_("no drawing came out"))
    _left, top, width, height = (float(v) for v in match.groups())
    return Math(tex, display, svg, width / SIZE, height / SIZE, max(0.0, (height + top) / SIZE))
