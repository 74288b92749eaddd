"""The renderer's start in a process: WeasyPrint imported (the pinned version), the fonts loaded, the stylesheet
parsed once; and every WeasyPrint document and stylesheet the tool makes, each with the project's URL fetcher.

Everything here is kept per process and shared by every piece that process
lays out: importing WeasyPrint is about a third of a cold build, so the
renderer process does it once, while the build still reads the project, and
its workers inherit it and load the fonts (:mod:`kazthesis.pdf.workers`).

:func:`html_document` and :func:`stylesheet` are the only places that make a
WeasyPrint ``HTML`` or ``CSS``: each takes the fetcher of
:mod:`kazthesis.pdf.weasy.fetcher`, so that nothing the renderer loads — an
``@import``, a font, a background, an image — is read from outside the
project or from the network.
"""

from __future__ import annotations

from pathlib import Path

from kazthesis.pdf.weasy.fetcher import make_fetcher
from kazthesis.pdf.weasy.installed import import_weasyprint
from kazthesis.pdf.weasy.relayout import Layout

_SHARED: dict[object, object] = {}  # per process: the font configuration and parsed stylesheets


def load() -> None:
    """Import WeasyPrint (checking its version) and nothing more: no font is loaded, so no thread of Pango's
    is started, and the process may fork."""
    import_weasyprint()


def fonts():  # noqa: ANN201 - weasyprint's FontConfiguration
    """The font configuration every render in this process shares. The first call imports WeasyPrint (checking
    its version: :func:`~kazthesis.pdf.weasy.installed.import_weasyprint`) and puts the faster line breaking
    (:mod:`kazthesis.pdf.weasy.linebreak`), the total-fit paragraphs (:mod:`kazthesis.pdf.weasy.total_fit`) and
    the exact glyph spacing (:mod:`kazthesis.pdf.weasy.kerning`) in place."""
    if "fonts" not in _SHARED:
        import_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        from kazthesis.pdf.weasy import kerning, linebreak, total_fit

        linebreak.install()
        total_fit.install()
        kerning.install()
        _SHARED["fonts"] = FontConfiguration()
    return _SHARED["fonts"]


def html_document(string: str, base_url: str | None, fetcher: object):  # noqa: ANN201 - weasyprint.HTML
    """A WeasyPrint document of ``string``, loading what it names through ``fetcher`` only."""
    import weasyprint

    return weasyprint.HTML(string=string, base_url=base_url, url_fetcher=fetcher)


def stylesheet(string: str, base_url: str | None, fetcher: object, font_config: object):  # noqa: ANN201
    """A WeasyPrint stylesheet of ``string``, loading its imports and fonts through ``fetcher`` only."""
    import weasyprint

    return weasyprint.CSS(string=string, base_url=base_url, url_fetcher=fetcher, font_config=font_config)


def base_url(root: Path) -> str:
    """What relative URLs in a piece and the stylesheet are relative to: the project folder."""
    return root.resolve().as_uri() + "/"


def shared_stylesheet(css: str, root: Path | None = None, allowed: tuple[Path, ...] = ()):  # noqa: ANN201
    """The stylesheet parsed once per process, its URLs relative to ``root`` and read from ``allowed`` only
    (by default from nowhere), and the font configuration every render shares."""
    font_config = fonts()
    key = (css, root, allowed)
    if key not in _SHARED:
        _SHARED.clear()
        _SHARED["fonts"] = font_config
        refused: list[str] = []
        parsed = stylesheet(css, base_url(root) if root is not None else None, make_fetcher(allowed, refused),
                            font_config)
        _SHARED[key] = (parsed, refused)
    return _SHARED[key][0], font_config  # type: ignore[index]


def refused_by_stylesheet(css: str, root: Path | None = None, allowed: tuple[Path, ...] = ()) -> list[str]:
    """The URLs the stylesheet asked for, while it was parsed, and did not get (an ``@import``, a font)."""
    shared_stylesheet(css, root, allowed)
    return list(_SHARED[(css, root, allowed)][1])  # type: ignore[index]


def warm_up() -> None:
    """Load the fonts and lay out a line, in a worker that has nothing to do yet."""
    font_config = fonts()
    import pikepdf  # noqa: F401 - watch mode splices pages painted anew into a piece's last PDF

    html_document("<p style='font-family: serif'>Қазақстан <b>Kazakhstan</b> <i>Қ</i></p>", None,
                  make_fetcher((), [])).render(font_config=font_config)


def render(html: str, base: str, fetcher: object, stylesheet: object, font_config: object) -> Layout:
    """The piece ready to be laid out (relative URLs from ``base``); its pages are laid out page by page as the
    hyphenation passes go."""
    return Layout.render(html_document(html, base, fetcher), [stylesheet], font_config)
