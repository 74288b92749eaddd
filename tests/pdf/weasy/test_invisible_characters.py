"""The invisible characters of typography.py in a real WeasyPrint render.

A number range keeps its en dash joined to both numbers by U+2060 WORD JOINER,
and a URL gets U+200B ZERO WIDTH SPACE where it may break. Both must work in
WeasyPrint's line breaking, draw nothing (no .notdef box) and stay out of the
PDF's text layer (pdftotext), so that copying text from the PDF is clean.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Iterator
from html import escape
from pathlib import Path

import pytest
from pdftools import words

from kazthesis.lang.hyphenation import hyphenate_text
from kazthesis.lang.typography import RANGE_DASH, apply_typography
from kazthesis.lang.urls import ZERO_WIDTH_SPACE, url_break_points, url_with_breaks

weasyprint = pytest.importorskip("weasyprint")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")

STYLE = """
@page { size: A4; margin: 20mm 15mm 20mm 30mm }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 14pt; line-height: 1.5 }
p { margin: 0 0 4mm; text-align: justify; hyphens: manual }
ol { list-style: none; margin: 0; padding: 0 }
li { text-align: justify; hyphens: manual; text-indent: 1.25cm }
.url { hyphens: none; overflow-wrap: anywhere }
"""


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def warnings() -> Iterator[list[str]]:
    """WeasyPrint's warnings during the test (a missing glyph is logged as a .notdef warning)."""
    handler = _Warnings()
    logger = logging.getLogger("weasyprint")
    level = logger.level  # kazthesis.pdf.build silences WeasyPrint below ERROR for the whole process
    logger.setLevel(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def render(body: str, path: Path) -> list[str]:
    """Render body to a PDF and read its text back, one string per line (pdftotext -raw)."""
    html = f'<html lang="kk"><head><style>{STYLE}</style></head><body>{body}</body></html>'
    weasyprint.HTML(string=html).write_pdf(path)
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [line for line in text.splitlines() if line.strip()]


def test_a_missing_glyph_is_seen(warnings: list[str], tmp_path: Path) -> None:
    # The .notdef checks below would pass for the wrong reason if WeasyPrint stopped telling.
    render("<p>a\ue000b</p>", tmp_path / "control.pdf")
    assert any(".notdef" in message for message in warnings)


# --- number ranges ---------------------------------------------------------------------------

RANGE_SOURCE = "Кезең 1991-2001 жж. аралығында"
WIDTHS = range(16, 61)  # mm: narrow boxes, so that every split the text allows is tried somewhere


def _narrow_boxes(text: str) -> str:
    return "".join(f'<p style="width: {width}mm">{text}</p>' for width in WIDTHS)


def test_a_range_is_never_split_across_lines(warnings: list[str], tmp_path: Path) -> None:
    text = apply_typography(RANGE_SOURCE, "kk")
    assert RANGE_DASH in text
    lines = render(_narrow_boxes(text), tmp_path / "joined.pdf")
    assert not [line for line in lines if line.endswith("–") or line.startswith("–")]
    assert sum("1991–2001" in line for line in lines) == len(WIDTHS)  # whole, once per box
    assert not any("\u2060" in line for line in lines), "a word joiner in the PDF's text layer"
    assert not [message for message in warnings if ".notdef" in message]

    # Without the joiners WeasyPrint does break after the dash: the test can see a split.
    plain = render(_narrow_boxes(text.replace(RANGE_DASH, "–")), tmp_path / "plain.pdf")
    assert any(line.endswith("1991–") for line in plain)


def test_the_joiners_take_no_room(tmp_path: Path) -> None:
    joined = tmp_path / "joined.pdf"
    plain = tmp_path / "plain.pdf"
    text = apply_typography(RANGE_SOURCE, "kk")
    render(f"<p>{text}</p>", joined)
    render(f"<p>{text.replace(RANGE_DASH, '–')}</p>", plain)

    def range_width(path: Path) -> float:
        word = next(w for w in words(path) if w.text == "1991–2001")
        return word.x1 - word.x0

    assert range_width(joined) == pytest.approx(range_width(plain), abs=0.01)


# --- URLs ------------------------------------------------------------------------------------

URLS = [
    "https://www.akorda.kz/kz/memleket-basshysy-aksh-memlekettik-hatshysyn-kabyldady_12345?lang=kk&page=2",
    "https://cyberleninka.ru/article/n/vneshnyaya-politika-respubliki-kazahstan-v-usloviyah-globalizatsii",
    "https://www.gov.kz/memleket/entities/mfa/press/news/details/456789?lang=ru",
    "https://thediplomat.com/2023/05/kazakhstan-and-the-united-states-a-strategic-partnership/",
    "http://www.example.org/very_long_file_name_with_underscores_in_it_for_testing_purposes.pdf",
    "https://doi.org/10.1080/02634937.2019.1234567",
]
BEFORE = [
    "Мемлекет басшысы АҚШ Мемлекеттік хатшысын қабылдады [Электрондық ресурс] // Қазақстан Республикасы "
    "Президентінің ресми сайты. – 2020. – URL: ",
    "Сидоров С. С. Нейронные сети [Электронный ресурс]. – URL: ",
    "Smith J. Kazakhstan [Electronic resource] // The Diplomat. – 2023. – URL: ",
]
AFTER = " (қаралған күні: 15.03.2024)."


def test_urls_break_only_at_their_break_points(warnings: list[str], tmp_path: Path) -> None:
    items = []
    for width in (150, 165):
        for i, url in enumerate(URLS):
            items.append(f'<li style="width: {width}mm">{escape(BEFORE[i % 3])}'
                         f'<span class="url">{escape(url_with_breaks(url))}</span>{escape(AFTER)}</li>')
    lines = render(f"<ol>{''.join(items)}</ol>", tmp_path / "urls.pdf")
    text = "".join(lines)
    assert ZERO_WIDTH_SPACE not in text, "a zero-width space in the PDF's text layer"
    assert not [message for message in warnings if ".notdef" in message]

    ends = []  # offsets in text where a line ended
    for line in lines[:-1]:
        ends.append((ends[-1] if ends else 0) + len(line))
    broken = 0
    for url in URLS:
        start = 0
        while (start := text.find(url, start)) >= 0:  # the URL reads back whole and clean
            inside = [end - start for end in ends if start < end < start + len(url)]
            assert set(inside) <= set(url_break_points(url)), (url, inside)
            broken += len(inside)
            start += len(url)
    assert sum(text.count(url) for url in URLS) == 2 * len(URLS)
    assert broken >= 4  # the URLs did have to break, so the check above checked something


# --- a WeasyPrint 70 bug that soft hyphens expose ----------------------------------------------

CELL = "«Шевронның» Теңіздегі 50 % үлесі; «ЭксонМобилдің» Қашағандағы шамамен 16,8 % үлесі"


@pytest.mark.parametrize("hyphens", ["manual", "none"])
def test_min_content_of_text_with_soft_hyphens(hyphens: str, tmp_path: Path) -> None:
    """WeasyPrint 70 measures the narrowest width of a text (its min-content: table columns,
    shrink-to-fit boxes) as the text up to its first soft hyphen, spaces and all, when
    ``hyphens`` is not ``none``. In a table cell whose first breakable word comes late, the
    column becomes as wide as that whole stretch and the table runs off the page. With
    ``hyphens: none`` on table cells the narrowest width is the longest word, as it should
    be. If the "manual" case starts failing, WeasyPrint has fixed the bug and cells may be
    hyphenated again."""
    text = hyphenate_text(apply_typography(CELL, "kk"), "kk")
    assert "ша\u00adма\u00adмен" in text and "\u00ad" not in text.split("ша")[0]  # the first soft hyphen is late
    cell = f'<td style="hyphens: {hyphens}; padding: 0">{escape(text)}</td>'
    lines = render(f'<table style="width: 1px; border-collapse: collapse"><tr>{cell}</tr></table>', tmp_path / "mc.pdf")
    if hyphens == "manual":
        assert lines[0] == "«Шевронның» Теңіздегі 50 % үлесі; «ЭксонМобилдің» Қашағандағы ша‐"
    else:
        assert lines[0] == "«Шевронның»" and len(lines) >= 5  # as wide as the widest word
