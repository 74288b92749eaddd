"""A ``[bibliography] style`` value → the CSL style file it names, read and checked.

The styles shipped in ``styles/`` go by short names (``apa``, ``harvard``, ``ieee``,
``chicago-author-date``, ``mla``; their file names work too); a value ending in ``.csl``
is a file in the project, such as a university's own style. Nothing here runs the
processor: :class:`CslStyle` says what the file is (its title, whether citations are
numbers or author–date) so that the rest of the build can plan around it.
"""

from __future__ import annotations

import difflib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from kazthesis.i18n import _
from kazthesis.problems import Problems

CSL_NS = "http://purl.org/net/xbiblio/csl"
STYLE_DIR = Path(__file__).parent / "styles"

# Short name → shipped file. "harvard" is Cite Them Right's Harvard: the one UK universities and
# their partners teach, and the one Zotero, Mendeley and EndNote offer under that name.
SHIPPED: dict[str, str] = {
    "apa": "apa.csl",
    "harvard": "harvard-cite-them-right.csl",
    "ieee": "ieee.csl",
    "chicago-author-date": "chicago-author-date.csl",
    "mla": "modern-language-association.csl",
}
ALIASES = {Path(file).stem: name for name, file in SHIPPED.items()} | {"apa7": "apa", "apa-7": "apa"}


@dataclass(frozen=True)
class CslStyle:
    """One CSL style, independent (a dependent style has been replaced by its parent)."""

    name: str  # as the project names it: "apa", or the path of a project .csl
    path: Path
    title: str
    style_id: str
    numeric: bool  # citations are numbers ([1]) rather than author–date
    default_locale: str  # "" when the style does not set one

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def style_names() -> list[str]:
    """The short names of the shipped styles, in the order the README lists them."""
    return list(SHIPPED)


def is_csl_value(value: str) -> bool:
    """Whether a ``style`` value asks for a CSL style (rather than one of the GOST styles)."""
    return value.lower().endswith(".csl") or value.lower() in SHIPPED or value.lower() in ALIASES


def resolve_style(value: str, root: Path, problems: Problems, where: tuple[Path, int | None],
                  gost_names: tuple[str, ...] = ()) -> CslStyle | None:
    """The style ``value`` names, or None with an error at ``where`` (thesis.toml and the setting's line)."""
    path, line = where
    key = value.strip()
    if key.lower().endswith(".csl"):
        return _project_style(key, root, problems, where)
    name = ALIASES.get(key.lower(), key.lower())
    if name in SHIPPED:
        return read_style(name, STYLE_DIR / SHIPPED[name], problems, where)
    known = [*gost_names, *SHIPPED]
    close = difflib.get_close_matches(key.lower(), [*known, *ALIASES], n=3, cutoff=0.5)
    close = list(dict.fromkeys(ALIASES.get(c, c) for c in close))
    styles = _("the styles are {names}, or the path of a .csl file in the project").format(
        names=", ".join(repr(k) for k in known))
    hint = (_("did you mean {names}? {styles}").format(names=_(" or ").join(repr(c) for c in close), styles=styles)
            if close else styles)
    problems.error(path, line, _("unknown bibliography style '{value}'").format(value=value), hint)
    return None


def _project_style(value: str, root: Path, problems: Problems, where: tuple[Path, int | None]) -> CslStyle | None:
    path, line = where
    file = (root / value).resolve()
    try:
        file.relative_to(root.resolve())
    except ValueError:
        problems.error(path, line, _("the style file '{value}' is outside the project folder").format(value=value),
                       _("copy the .csl file into the project and give its path from there"))
        return None
    if not file.is_file():
        problems.error(path, line, _("the style file '{value}' does not exist").format(value=value),
                       _('give the path of a .csl file from the project folder, e.g. style = "styles/uni.csl"'))
        return None
    return read_style(value, file, problems, where)


def read_style(name: str, file: Path, problems: Problems, where: tuple[Path, int | None]) -> CslStyle | None:
    """The style in ``file``; a dependent style is replaced by its parent when that parent is shipped."""
    path, line = where
    try:
        root = ET.fromstring(file.read_bytes())
    except (ET.ParseError, OSError) as exc:
        problems.error(file, _error_line(exc), _("'{name}' is not a readable CSL style: {exc}").format(
                                                 name=name, exc=exc),
                       _("use the .csl file as the style's publisher gives it (it is XML)"))
        return None
    if root.tag != f"{{{CSL_NS}}}style":
        problems.error(path, line, _("'{name}' is not a CSL style (its root element is not <style>)").format(name=name),
                       _("download the style as a .csl file, e.g. from the Zotero style repository"))
        return None
    info = root.find(f"{{{CSL_NS}}}info")
    parent = _link(info, "independent-parent")
    if parent:  # a dependent style only names its parent: use our copy of it, the network is never asked
        shipped = {_style_id(STYLE_DIR / f): n for n, f in SHIPPED.items()}
        if parent not in shipped:
            problems.error(path, line, _("'{name}' is a dependent CSL style: it only points to {parent}").format(
                                         name=name, parent=parent),
                           _("put that parent style's own .csl file in the project and name it instead"))
            return None
        parent_style = read_style(shipped[parent], STYLE_DIR / SHIPPED[shipped[parent]], problems, where)
        if parent_style is None:
            return None
        locale = root.get("default-locale", "") or parent_style.default_locale
        return CslStyle(name, parent_style.path, _text(info, "title") or parent_style.title, parent_style.style_id,
                        parent_style.numeric, locale)
    if root.get("class") == "note":
        problems.error(path, line, _("'{name}' is a note style (citations in footnotes), which kazthesis does not "
                         "lay out").format(name=name),
                       _('choose an author–date or numeric style, e.g. style = "chicago-author-date"'))
        return None
    category = info.find(f"{{{CSL_NS}}}category[@citation-format]") if info is not None else None
    numeric = category is not None and category.get("citation-format") in ("numeric", "label")
    return CslStyle(name, file, _text(info, "title"), _text(info, "id"), numeric, root.get("default-locale", ""))


def _style_id(file: Path) -> str:
    root = ET.fromstring(file.read_bytes())
    return _text(root.find(f"{{{CSL_NS}}}info"), "id")


def _text(info: ET.Element | None, tag: str) -> str:
    element = info.find(f"{{{CSL_NS}}}{tag}") if info is not None else None
    return (element.text or "").strip() if element is not None else ""


def _link(info: ET.Element | None, rel: str) -> str:
    if info is None:
        return ""
    return next((link.get("href", "") for link in info.findall(f"{{{CSL_NS}}}link") if link.get("rel") == rel), "")


def _error_line(exc: Exception) -> int | None:
    position = getattr(exc, "position", None)
    if position:
        return position[0]
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else None
