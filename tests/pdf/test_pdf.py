"""Properties of the real PDF (docs/formatting.md §1–3), on the small fixture and the exemplar."""

from __future__ import annotations

import re

import pikepdf
import pytest
from conftest import run_cli, squash
from pdftools import MM, contents_entries, fonts, outline, words

from kazthesis.read.profiles import PROFILES

ON_SMALL_AND_EXEMPLAR = pytest.mark.parametrize("built", ["small", "exemplar"], indirect=True)


def _contents_page(pdf) -> int:
    number = pdf.page_of("МАЗМҰНЫ")
    assert number == 2, "the contents page follows the title page"
    return number


def _find_heading(pdf, entry: str, start: int) -> int | None:
    """Page of a heading, matched case-sensitively so running text never matches."""
    needle = re.sub(r"\s+", "", entry)
    for number in range(start, len(pdf.pages) + 1):
        if needle in re.sub(r"[\s\u00ad]+", "", pdf.pages[number - 1]):
            return number
    return None


@ON_SMALL_AND_EXEMPLAR
def test_contents_entries_name_the_page_their_heading_is_on(built) -> None:
    _, _, pdf = built
    toc = _contents_page(pdf)
    entries = contents_entries(pdf.pages[toc - 1])
    assert len(entries) >= 5
    start = toc + 1
    for text, page in entries:
        found = _find_heading(pdf, text, start)
        assert found == page, f"contents says {text!r} is on page {page}, the heading is on page {found}"
        start = found


@ON_SMALL_AND_EXEMPLAR
def test_structural_elements_and_chapters_start_a_new_page(built) -> None:
    _, _, pdf = built
    entries = contents_entries(pdf.pages[_contents_page(pdf) - 1])
    for text, page in entries:
        if re.match(r"^\d+\.\d", text):
            continue  # sections run on
        first_line = next(line for line in pdf.pages[page - 1].splitlines() if line.strip())
        assert squash(first_line) in squash(text) or squash(text).startswith(squash(first_line)), (
            f"{text!r} does not start page {page}")


@ON_SMALL_AND_EXEMPLAR
def test_title_page_is_counted_but_shows_no_number(built) -> None:
    _, _, pdf = built
    page_one = [w for w in words(pdf.path) if w.page == 1]
    assert not any(w.text == "1" for w in page_one)
    page_two = [w for w in words(pdf.path) if w.page == 2]
    assert any(w.text == "2" and w.y0 > 841.89 - 20 * MM for w in page_two), "page 2 is numbered 2"


@ON_SMALL_AND_EXEMPLAR
def test_page_numbers_bottom_centre(built) -> None:
    _, _, pdf = built
    all_words = words(pdf.path)
    layout = PROFILES["gost-7.32-2017"]
    centre = (layout["margin_left"] + (210 - layout["margin_right"])) / 2 * MM
    for page in range(2, len(pdf.pages) + 1):
        numbers = [w for w in all_words if w.page == page and w.text == str(page)]
        bottom = [w for w in numbers if w.y0 > 841.89 - layout["margin_bottom"] * MM]
        assert bottom, f"page {page} has no number in the bottom margin"
        assert abs((bottom[0].x0 + bottom[0].x1) / 2 - centre) < 3, f"page {page} number is not centred"


@ON_SMALL_AND_EXEMPLAR
def test_text_stays_inside_the_profile_margins(built) -> None:
    _, _, pdf = built
    layout = PROFILES["gost-7.32-2017"]
    left, right = layout["margin_left"] * MM, (210 - layout["margin_right"]) * MM
    top, bottom = layout["margin_top"] * MM, 841.89 - layout["margin_bottom"] * MM
    tolerance = 0.5
    for w in words(pdf.path):
        if w.text.isdigit() and w.y0 > bottom:
            continue  # the page number lives in the bottom margin
        assert w.x0 >= left - tolerance and w.x1 <= right + tolerance, f"{w} crosses a side margin"
        assert w.y0 >= top - tolerance and w.y1 <= bottom + tolerance, f"{w} crosses the top or bottom margin"


@ON_SMALL_AND_EXEMPLAR
def test_every_font_is_embedded(built) -> None:
    _, _, pdf = built
    table = fonts(pdf.path)
    assert table
    assert all(row["emb"] == "yes" for row in table), table
    assert any("Serif" in row["name"] or "Times" in row["name"] for row in table)


@ON_SMALL_AND_EXEMPLAR
def test_metadata_and_bookmarks(built) -> None:
    project, _, pdf = built
    streams = pdf.streams()
    assert b"/Lang (kk)" in streams or b"/Lang(kk)" in streams
    assert b"/Title" in streams and b"/Author" in streams
    marks = outline(pdf.path)
    titles = [title for _, title in marks]
    assert "КІРІСПЕ" in titles and "ҚОРЫТЫНДЫ" in titles
    assert any(t.startswith("1.1 ") for t in titles)
    for title in titles:  # no print-only marks in what a viewer shows as text
        assert not re.search("[\u2060\u00ad\u200b\u00a0]", title), repr(title)
    with pikepdf.open(pdf.path) as opened:
        assert not re.search("[\u2060\u00ad\u200b\u00a0]", str(opened.docinfo["/Title"]))
    entries = contents_entries(pdf.pages[_contents_page(pdf) - 1])
    for text, page in entries:  # chapters are uppercase on the page, as written in bookmarks
        assert any(p == page and squash(t).upper() == squash(text).upper() for p, t in marks), (
            f"no bookmark for {text!r} on page {page}")


CITATION = re.compile(r"\[(\d+(?:,[^\];]*)?(?:;\s*\d+(?:,[^\];]*)?)*)\]")


def _citation_numbers(text: str) -> list[int]:
    numbers = []
    for match in CITATION.finditer(text):
        for part in match.group(1).split(";"):
            numbers.append(int(part.split(",")[0]))
    return numbers


@ON_SMALL_AND_EXEMPLAR
def test_citation_numbers_follow_first_appearance_and_match_the_list(built) -> None:
    project, _, pdf = built
    refs_page = pdf.page_of("ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ", start=3)
    body = "\n".join(pdf.pages[2 : refs_page - 1])
    numbers = _citation_numbers(re.sub(r"\s+", " ", body))
    assert numbers, "the body cites sources"
    first_seen = list(dict.fromkeys(numbers))
    assert first_seen == list(range(1, len(first_seen) + 1)), first_seen

    # The list in the PDF holds exactly these numbers, each with the entry `refs` prints.
    from conftest import run_cli

    listed = run_cli("refs", project)
    assert listed.status == 0, listed.err
    lines = listed.out.splitlines()
    assert len(lines) == len(first_seen)
    reference_text = squash("\n".join(pdf.pages[refs_page - 1 :]))
    for line in lines:  # "N. entry": the list numbers its entries as `refs` does (GOST 7.32-2017)
        assert squash(line)[:60] in reference_text, line


def test_first_cited_source_is_number_one(small_build) -> None:
    project, _, pdf = small_build
    from conftest import run_cli

    lines = run_cli("refs", project).out.splitlines()
    assert lines[0].startswith("1. Назарбаев") or "Ғасырлар тоғысында" in lines[0]
    assert "[1, 25 б.]" in pdf.pages[3].replace("\u00a0", " ")


def test_build_reports_what_it_made(small_build) -> None:
    _, result, pdf = small_build
    assert re.match(r"^Built output/thesis\.pdf: (\d+) pages, \d+ references, \d+ warnings?, [\d.]+ s"
                    r"(; norm control: \d+ warnings?, which '\S+ check' lists)?$", result.out.strip())
    assert f": {len(pdf.pages)} pages" in result.out


def test_build_counts_what_norm_control_would_say(small_build) -> None:
    project, result, _ = small_build
    checked = run_cli("check", project)
    listed = [line for line in checked.err.splitlines()
              if ": warning: " in line and "placeholder" not in line and line not in result.err]
    # The small fixture is far shorter than a coursework: at least that is said.
    assert listed and f"; norm control: {len(listed)} warning" in result.out


def test_exemplar_is_a_coursework_of_25_to_30_body_pages_built_without_warnings(exemplar_build) -> None:
    _, result, pdf = exemplar_build
    assert ", 0 warnings," in result.out and result.err == "", result.err
    intro = _find_heading(pdf, "КІРІСПЕ", 3)
    references = _find_heading(pdf, "ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ", intro)
    assert 25 <= references - intro <= 30, f"body runs from page {intro} to {references - 1}"
    conclusion = _find_heading(pdf, "ҚОРЫТЫНДЫ", intro)
    assert conclusion - intro >= 2 and references - conclusion >= 2, "introduction and conclusion: 2+ pages each"
