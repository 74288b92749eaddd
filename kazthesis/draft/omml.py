"""Word's formulas (OMML, ``m:oMath``) → TeX for ``$…$``.

The constructs students' formulas are made of: fractions, sub- and
superscripts, radicals, n-ary operators (sums, products, integrals) with
limits, delimiters, functions (sin, log…), accents and bars, matrices and
equation arrays. Anything else keeps its text, so nothing of a formula is lost.
"""

from __future__ import annotations

from lxml import etree

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NARY = {"∑": r"\sum", "∏": r"\prod", "∫": r"\int", "∬": r"\iint", "∭": r"\iiint", "∮": r"\oint", "⋃": r"\bigcup",
        "⋂": r"\bigcap", "∐": r"\coprod"}
SYMBOLS = {"α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon", "ζ": r"\zeta",
           "η": r"\eta", "θ": r"\theta", "λ": r"\lambda", "μ": r"\mu", "ν": r"\nu", "ξ": r"\xi", "π": r"\pi",
           "ρ": r"\rho", "σ": r"\sigma", "τ": r"\tau", "φ": r"\varphi", "χ": r"\chi", "ψ": r"\psi", "ω": r"\omega",
           "Γ": r"\Gamma", "Δ": r"\Delta", "Θ": r"\Theta", "Λ": r"\Lambda", "Π": r"\Pi", "Σ": r"\Sigma",
           "Φ": r"\Phi", "Ψ": r"\Psi", "Ω": r"\Omega", "∞": r"\infty", "≤": r"\le", "≥": r"\ge", "≠": r"\ne",
           "≈": r"\approx", "±": r"\pm", "×": r"\times", "·": r"\cdot", "÷": r"\div", "→": r"\to", "∈": r"\in",
           "∂": r"\partial", "∇": r"\nabla", "…": r"\ldots", "⋯": r"\cdots", "−": "-", "∙": r"\cdot",
           "{": r"\{", "}": r"\}", "%": r"\%", "#": r"\#", "&": r"\&", "$": r"\$", "_": r"\_"}
ACCENTS = {"\u0302": r"\hat", "\u0303": r"\tilde", "\u0307": r"\dot", "\u0308": r"\ddot", "\u20d7": r"\vec",
           "\u0304": r"\bar", "\u0305": r"\overline"}
FUNCTIONS = {"sin", "cos", "tan", "tg", "ctg", "cot", "log", "ln", "lg", "exp", "lim", "max", "min", "arcsin",
             "arccos", "arctg", "sh", "ch", "det"}


def _tag(node: etree._Element) -> str:
    return etree.QName(node).localname if isinstance(node.tag, str) else ""


def _child(node: etree._Element, name: str) -> etree._Element | None:
    return node.find(f"{{{M}}}{name}")


def _val(node: etree._Element | None, prop: str, name: str, default: str = "") -> str:
    """The m:val of ``node``'s property ``prop``/``name`` (``m:naryPr/m:chr``)."""
    if node is None:
        return default
    found = node.find(f"{{{M}}}{prop}/{{{M}}}{name}")
    if found is None:
        return default
    return found.get(f"{{{M}}}val", default)


def _group(text: str) -> str:
    return text if len(text) == 1 else "{" + text + "}"


def _text(value: str) -> str:
    out = []
    for char in value:
        tex = SYMBOLS.get(char)
        out.append(tex + " " if tex and tex[0] == "\\" and tex[-1].isalpha() else tex or char)
    text = "".join(out).rstrip()
    return r"\mathrm{" + text + "}" if value in FUNCTIONS else text


def convert(node: etree._Element) -> str:
    """TeX for an ``m:oMath`` (or any OMML element)."""
    name = _tag(node)
    arg = lambda child: convert(child) if child is not None else ""  # noqa: E731
    if name == "r":
        return "".join(_text(t.text or "") for t in node.iter(f"{{{M}}}t", f"{{{W}}}t"))
    if name == "f":
        return r"\frac{" + arg(_child(node, "num")) + "}{" + arg(_child(node, "den")) + "}"
    if name == "sSup":
        return _group(arg(_child(node, "e"))) + "^{" + arg(_child(node, "sup")) + "}"
    if name == "sSub":
        return _group(arg(_child(node, "e"))) + "_{" + arg(_child(node, "sub")) + "}"
    if name == "sSubSup":
        return (_group(arg(_child(node, "e"))) + "_{" + arg(_child(node, "sub")) + "}^{"
                + arg(_child(node, "sup")) + "}")
    if name == "sPre":
        return "{}_{" + arg(_child(node, "sub")) + "}^{" + arg(_child(node, "sup")) + "}" + arg(_child(node, "e"))
    if name == "rad":
        degree = arg(_child(node, "deg"))
        body = "{" + arg(_child(node, "e")) + "}"
        return (r"\sqrt[" + degree + "]" + body) if degree else r"\sqrt" + body
    if name == "nary":
        props = _child(node, "naryPr")
        operator = NARY.get(_val(node, "naryPr", "chr", "∫"), _val(node, "naryPr", "chr", "∫"))
        hidden_sub = _val(node, "naryPr", "subHide") in ("1", "on", "true")
        hidden_sup = _val(node, "naryPr", "supHide") in ("1", "on", "true")
        del props
        low, high = arg(_child(node, "sub")), arg(_child(node, "sup"))
        text = operator
        if low and not hidden_sub:
            text += "_{" + low + "}"
        if high and not hidden_sup:
            text += "^{" + high + "}"
        return text + " " + arg(_child(node, "e"))
    if name == "d":
        begin = _val(node, "dPr", "begChr", "(")
        end = _val(node, "dPr", "endChr", ")")
        separator = _val(node, "dPr", "sepChr", "|" if begin in "{" else ",")
        items = [convert(e) for e in node.findall(f"{{{M}}}e")]
        fence = {"{": r"\{", "}": r"\}", "": ".", "〈": r"\langle", "〉": r"\rangle", "‖": r"\|"}
        return (r"\left" + fence.get(begin, begin) + " " + separator.join(items) + r" \right"
                + fence.get(end, end))
    if name == "func":
        function = arg(_child(node, "fName")).strip()
        plain = function.removeprefix(r"\mathrm{").removesuffix("}")
        head = "\\" + plain if plain in FUNCTIONS and plain.isascii() and plain not in ("tg", "ctg", "lg", "sh", "ch",
                                                                                       "arctg") else function
        return head + " " + _group(arg(_child(node, "e")))
    if name == "acc":
        accent = ACCENTS.get(_val(node, "accPr", "chr", "\u0302"), r"\hat")
        return accent + "{" + arg(_child(node, "e")) + "}"
    if name == "bar":
        position = _val(node, "barPr", "pos", "top")
        return (r"\overline{" if position == "top" else r"\underline{") + arg(_child(node, "e")) + "}"
    if name in ("limLow", "limUpp"):
        base = arg(_child(node, "e"))
        limit = arg(_child(node, "lim"))
        return base + ("_{" if name == "limLow" else "^{") + limit + "}"
    if name == "m":
        rows = [" & ".join(convert(e) for e in row.findall(f"{{{M}}}e")) for row in node.findall(f"{{{M}}}mr")]
        return r"\begin{matrix}" + r" \\ ".join(rows) + r"\end{matrix}"
    if name == "eqArr":
        return r"\begin{matrix}" + r" \\ ".join(convert(e) for e in node.findall(f"{{{M}}}e")) + r"\end{matrix}"
    if name in ("ctrlPr", "rPr", "fPr", "sSupPr", "sSubPr", "radPr", "naryPr", "dPr", "funcPr", "accPr", "barPr",
                "mPr", "eqArrPr", "limLowPr", "limUppPr", "sSubSupPr", "boxPr", "borderBoxPr", "groupChrPr",
                "oMathParaPr", "sPrePr", "phantPr"):
        return ""
    return "".join(convert(child) for child in node if isinstance(child.tag, str))
