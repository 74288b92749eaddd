"""The renderer's start in a process: WeasyPrint imported (the pinned version), the fonts loaded, the stylesheet
parsed once; and a piece's HTML handed to WeasyPrint.

Everything here is kept per process and shared by every piece that process
lays out: importing WeasyPrint and loading the fonts is about a third of a
cold build, so the renderer process does it once, while the build still
reads the project, and its workers inherit it (:mod:`kazthesis.pdf.workers`).
"""

from __future__ import annotations

from kazthesis.pdf.weasy.installed import import_weasyprint
from kazthesis.pdf.weasy.relayout import Layout

_SHARED: dict[str, object] = {}  # per process: the font configuration and parsed stylesheets


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


def shared_stylesheet(css: str):  # noqa: ANN201 - (weasyprint.CSS, FontConfiguration)
    """The stylesheet parsed once per process, with the font configuration every render shares."""
    font_config = fonts()
    import weasyprint

    key = "css:" + css
    if key not in _SHARED:
        _SHARED.clear()
        _SHARED["fonts"] = font_config
        _SHARED[key] = weasyprint.CSS(string=css, font_config=font_config)
    return _SHARED[key], font_config


def warm_up() -> None:
    """Import the renderer and load the fonts, in a worker that has nothing to do yet."""
    font_config = fonts()
    import pikepdf  # noqa: F401 - watch mode splices pages painted anew into a piece's last PDF
    import weasyprint

    weasyprint.HTML(string="<p style='font-family: serif'>Қазақстан <b>Kazakhstan</b> <i>Қ</i></p>").render(
        font_config=font_config)


def render(html: str, base_url: str, fetcher: object, stylesheet: object, font_config: object) -> Layout:
    """The piece ready to be laid out; its pages are laid out page by page as the hyphenation passes go."""
    import weasyprint

    return Layout.render(weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher), [stylesheet],
                         font_config)

