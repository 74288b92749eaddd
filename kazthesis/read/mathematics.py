"""TeX formulas (``$…$``, ``$$…$$``) → SVG drawings, with ziamath (STIX Two Math, drawn as paths).

WeasyPrint draws no MathML, so a formula is drawn once, when its chapter is
parsed, and both writers place the drawing: in line with the text, sized in
em and lowered by its depth so that its baseline sits on the line's.
"""

from __future__ import annotations

import re

from kazthesis.model import Math

SIZE = 20.0  # px the formula is drawn at; the writers scale it by em
VIEWBOX_RE = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"')


class FormulaError(ValueError):
    """TeX the formula reader cannot read."""


def draw(tex: str, display: bool) -> Math:
    """The formula drawn; raises :class:`FormulaError` for TeX that cannot be read."""
    import ziamath

    try:
        svg = ziamath.Latex(tex, size=SIZE, inline=not display).svg()
    except Exception as exc:  # noqa: BLE001 - latex2mathml raises many kinds: all mean "cannot read"
        raise FormulaError(str(exc) or type(exc).__name__) from exc
    match = VIEWBOX_RE.search(svg)
    if match is None:
        raise FormulaError("no drawing came out")
    _, top, width, height = (float(v) for v in match.groups())
    return Math(tex, display, svg, width / SIZE, height / SIZE, max(0.0, (height + top) / SIZE))
