"""What a norm-control office reads on the page (docs/formatting.md §5–6), on real PDFs in kk and ru:
hyphenation, what never breaks across a line, the reference list's lines, citation ranges, footnotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_project, read_pdf, run_cli, squash
from pdftools import MM, body_lines, words

HYPHEN = "\u2010"  # what the PDF shows at a hyphenation break


ON_EXEMPLAR_AND_RU = pytest.mark.parametrize("built", ["exemplar", "ru"], indirect=True)


def _hyphenated_words(path: Path) -> list[tuple[str, str]]:
    """(part left on the line, part carried) of every hyphenation break in the body text."""
    lines = body_lines(path)
    breaks = []
    for line, following in zip(lines, lines[1:], strict=False):
        if line.text.endswith(HYPHEN):
            left = re.findall(r"[\w\-]+$", line.text[:-1])
            carried = re.match(r"[\w\-]+", following.text)
            if left and carried:
                breaks.append((left[0].rsplit("-", 1)[-1], carried.group().split("-", 1)[0]))
    return breaks


# --- hyphenation ------------------------------------------------------------------------------------


@ON_EXEMPLAR_AND_RU
def test_hyphenation_leaves_two_carries_three_and_spares_short_and_capitalised_words(built) -> None:
    _, _, pdf = built
    breaks = _hyphenated_words(pdf.path)
    assert len(breaks) > 10, "the text is hyphenated"  # total fit (#24) hyphenates far fewer lines
    for left, carried in breaks:
        word = left + carried
        assert len(left) >= 2 and len(carried) >= 3, f"{left}-{carried}"
        assert len(word) >= 6, f"{left}-{carried}: a word under 6 letters is never broken"
        assert not left[0].isupper(), f"{left}-{carried}: capitalised words are not broken"


@ON_EXEMPLAR_AND_RU
def test_at_most_three_hyphenated_lines_in_a_row_and_none_at_a_page_end(built) -> None:
    _, _, pdf = built
    lines = body_lines(pdf.path)
    run = 0
    for line in lines:
        run = run + 1 if line.text.endswith(HYPHEN) else 0
        assert run <= 3, f"page {line.page}: a fourth hyphenated line in a row: {line.text!r}"
    last = {}
    for line in lines:
        last[line.page] = line
    ending = [line.page for line in last.values() if line.text.endswith(HYPHEN)]
    assert not ending, f"pages whose last line ends in a hyphenated word: {ending}"


# --- numbers, dashes, one-letter words ---------------------------------------------------------------


def _running_text(path: Path) -> list:
    """Body lines of running text: headings (in capitals) and the abbreviations page's table left out."""
    lines = body_lines(path)
    tables = {line.page for line in lines if line.text in ("БЕЛГІЛЕУЛЕР МЕН ҚЫСҚАРТУЛАР",
                                                           "ПЕРЕЧЕНЬ СОКРАЩЕНИЙ И ОБОЗНАЧЕНИЙ")}
    return [line for line in lines if line.page not in tables and not line.text.isupper()]


@ON_EXEMPLAR_AND_RU
def test_nothing_breaks_after_a_range_dash_a_number_sign_or_before_a_unit(built) -> None:
    _, _, pdf = built
    lines = _running_text(pdf.path)
    for line, following in zip(lines, lines[1:], strict=False):
        assert not re.search(r"\d[–-]$", line.text), f"a range broken after its dash: {line.text!r}"
        assert not line.text.endswith("№"), f"a number sign left at the line end: {line.text!r}"
        assert not re.search(r"(?<!\w)\w\.-$", line.text), f"initials split at their hyphen: {line.text!r}"
        if re.search(r"\d$", line.text):
            assert not re.match(r"(?:ж\.|жж\.|г\.|гг\.|%|млн)(?!\w)", following.text), (
                f"a unit carried away from its number: {line.text!r} / {following.text!r}")
        if following.x < 30 * MM + 5:  # a line that continues a paragraph (paragraphs and list items start indented)
            assert not following.text.startswith(("–", "—")), f"a line starts with a dash: {following.text!r}"


def test_russian_one_letter_words_stay_with_the_next_word(ru_build) -> None:
    _, _, pdf = ru_build
    for line in _running_text(pdf.path):
        assert not re.search(r"(?:^|\s)[вскиаоуяВСКИАОУЯ]$", line.text), f"a one-letter word ends a line: {line.text!r}"


# --- the reference list ---------------------------------------------------------------------------------


def _reference_rows(path: Path) -> list:
    """The physical lines of the reference list (pdftools.Line)."""
    lines = body_lines(path)
    start = next(n for n, line in enumerate(lines) if line.text in ("ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ",
                                                                      "СПИСОК ИСПОЛЬЗОВАННЫХ ИСТОЧНИКОВ")
                 and n > 40)
    end = next((n for n, line in enumerate(lines) if n > start and re.match(r"^(ҚОСЫМША|ПРИЛОЖЕНИЕ) ", line.text)),
               len(lines))
    return lines[start + 1 : end]


def _reference_lines(path: Path) -> list[str]:
    return [line.text for line in _reference_rows(path)]


@ON_EXEMPLAR_AND_RU
def test_urls_break_only_at_their_break_points_and_no_list_line_starts_with_a_dash(built) -> None:
    _, _, pdf = built
    lines = _reference_lines(pdf.path)
    assert lines
    for line, following in zip(lines, lines[1:], strict=False):
        assert not following.startswith("–"), f"a reference line starts with a dash: {following!r}"
        if re.search(r"https?:/*$", line):
            pytest.fail(f"a URL broken inside or right after its scheme: {line!r}")
        url = re.search(r"(https?://\S+)$", line)
        if url and not re.match(r"^\(|^\d|^[А-ЯA-Z]", following):  # the URL runs on
            assert url.group(1)[-1] in "/.-?&=_", f"a URL broken after {url.group(1)[-1]!r}: {line!r}"


@ON_EXEMPLAR_AND_RU
def test_justified_entries_keep_no_holes(built) -> None:
    _, _, pdf = built
    rows = _reference_rows(pdf.path)
    widest = max(rows, key=lambda row: row.widest_gap)
    # Measured on the lines as printed (words grouped by baseline): pdftotext's own line grouping splits a
    # line at a wide gap, and would hide the very holes this looks for (after "URL:" before a long URL).
    assert widest.widest_gap < 20, f"a gap of {widest.widest_gap:.0f} pt in a reference entry: {widest.text!r}"


@ON_EXEMPLAR_AND_RU
def test_no_word_is_left_alone_on_a_line_inside_an_entry(built) -> None:
    _, _, pdf = built
    rows = _reference_rows(pdf.path)
    for row, following in zip(rows, rows[1:], strict=False):
        starts_entry = re.match(r"^\d+\.? \S", following.text)
        if re.fullmatch(r"[\[(«]?[^\W\d_]+[\])»,:;]?", row.text) and not starts_entry:  # a word, not a URL's end
            pytest.fail(f"a word alone on a line of an entry: {row.text!r} (then {following.text!r})")


@ON_EXEMPLAR_AND_RU
def test_the_list_is_numbered_with_a_full_stop_by_default(built) -> None:
    _, _, pdf = built
    assert any(re.match(r"^1\. \S", line) for line in _reference_lines(pdf.path))


def test_reference_numbers_without_a_full_stop_as_a_setting(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[bibliography]\nnumbers = "1"\n', encoding="utf-8")
    assert run_cli(project).status == 0
    lines = _reference_lines(project / "output" / "thesis.pdf")
    assert any(re.match(r"^1 \S", line) for line in lines) and not any(re.match(r"^1\. ", line) for line in lines)


# --- citations, model numbers ------------------------------------------------------------------------


def test_consecutive_sources_print_as_a_range_and_model_numbers_keep_their_hyphen(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    chapter = project / "content" / "03-qorytyndy.md"
    text = chapter.read_text(encoding="utf-8").replace(
        "талданды [@smith2023].",
        "талданды [@smith2023]. Барлығы [@nazarbayev1996; @sidorov2019; @smith2023; @khabarov2001]. "
        "Boeing 787-9 ұшағы 2019-2020 жылдары сатып алынды.")
    chapter.write_text(text, encoding="utf-8")
    result = run_cli(project)
    assert result.status == 0, result.err
    text = squash("".join(read_pdf(project / "output" / "thesis.pdf").pages))
    assert "Барлығы[1–4]." in text
    assert "Boeing787-9" in text and "2019–2020" in text


# --- footnotes ---------------------------------------------------------------------------------------------


def test_footnotes_in_smaller_type_at_the_paragraph_indent(small_build) -> None:
    project, _, pdf = small_build
    page = pdf.page_of("Бұл–сілтемемәтіні")
    note = sorted((w for w in words(pdf.path) if w.page == page and w.text in ("Бұл", "1Бұл")), key=lambda w: -w.y0)
    body = [w for w in words(pdf.path) if w.page == page and w.text == "Америка"]
    assert note and body
    assert (note[0].y1 - note[0].y0) < (body[0].y1 - body[0].y0) - 1, "the note is set smaller than the body"
    indent = 30 * MM + 1.25 * 28.35
    # The note's line begins with its number (then a space, so that a note starting with a number is not
    # read as one figure: "¹ 2009 жылы").
    start = min(w.x0 for w in words(pdf.path) if w.page == page and abs(w.y0 - note[0].y0) < 3)
    assert abs(start - indent) < 6, f"the note starts at the paragraph indent ({start:.1f} pt)"
    assert note[0].text == "Бұл" and note[0].x0 > start + 2, "a space after the note's number"
