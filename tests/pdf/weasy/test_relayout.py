"""Laying out again only what a change reaches gives the pages a fresh layout gives.

kazthesis/pdf/weasy/relayout.py reaches into WeasyPrint's pagination (pinned to 70.0). These tests
lay the exemplar's and the Russian fixture's pieces out as the build does —
hyphenation fixed page by page, and in watch mode resumed after an edit — and
compare each PDF, page by page, with WeasyPrint laying out the same final HTML
from scratch.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import weasyprint
from conftest import FIXTURES, REPO
from pdftools import fonts

from kazthesis.pdf.html import HtmlBook
from kazthesis.pdf.weasy.engine import shared_stylesheet
from kazthesis.pdf.weasy.jobs import Job
from kazthesis.pdf.weasy.kept import KEPT
from kazthesis.pdf.weasy.passes import lay_out
from kazthesis.pipeline import prepare
from kazthesis.problems import Problems


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "piece.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def _jobs(root: Path, keep: bool = False) -> list[Job]:
    document = prepare(root, Problems(root=root))
    book = HtmlBook(document)
    css = book.css(stamped=True)
    return [Job(piece.name, book.page([piece], ""), css, root, (root.resolve(), REPO / "templates"), keep=keep)
            for piece in book.pieces() if piece.name.startswith(("part-", "appendix-", "references"))]


def _fresh(job: Job, html: str) -> bytes:
    stylesheet, fonts = shared_stylesheet(job.css)
    document = weasyprint.HTML(string=html, base_url=job.root.resolve().as_uri() + "/").render(
        stylesheets=[stylesheet], font_config=fonts)
    return document.write_pdf()


@pytest.mark.parametrize("project", [pytest.param(REPO, id="exemplar", marks=pytest.mark.slow),
                                     pytest.param(FIXTURES / "ru", id="ru")])
def test_pieces_laid_out_in_passes_equal_a_fresh_layout_of_their_final_html(project: Path, tmp_path: Path) -> None:
    for job in _jobs(project):
        laid_out = lay_out(job)
        assert _pages(laid_out.pdf, tmp_path) == _pages(_fresh(job, laid_out.html), tmp_path), job.name


@pytest.mark.parametrize("where", [0.1, pytest.param(0.5, marks=pytest.mark.slow), 0.9])
def test_a_resumed_layout_after_an_edit_equals_a_layout_from_scratch(where: float, tmp_path: Path) -> None:
    job = max(_jobs(REPO, keep=True), key=lambda j: len(j.html))  # the longest chapter
    KEPT.clear()
    lay_out(job)
    assert job.name in KEPT
    paragraphs = list(re.finditer(r'<p data-p="\d+">([^<]{80,}?)\. ', job.html))
    target = paragraphs[int(len(paragraphs) * where)]
    edited = job.html[: target.end(1)] + " және тағы бір сөйлем қосылды" + job.html[target.end(1) :]
    changed = Job(job.name, edited, job.css, job.root, job.allowed, keep=True)
    resumed = lay_out(changed)
    KEPT.clear()
    scratch = lay_out(Job(job.name, edited, job.css, job.root, job.allowed))
    assert resumed.html == scratch.html
    assert _pages(resumed.pdf, tmp_path) == _pages(scratch.pdf, tmp_path)


def _count_page_makes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    from weasyprint.layout import page as weasyprint_page

    made = [0]
    make_page = weasyprint_page.make_page

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - WeasyPrint's signature
        made[0] += 1
        return make_page(*args, **kwargs)

    monkeypatch.setattr(weasyprint_page, "make_page", counted)
    return made


@pytest.mark.slow  # one edit at a time: test_a_resumed_layout_after_an_edit_equals_a_layout_from_scratch
def test_a_sequence_of_edits_resumed_one_after_another_equals_layouts_from_scratch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Watch mode keeps the withdrawn hyphens of the pages after an edit on trust while those pages start
    where they started: a word changed for one of the same length, a phrase added (every later line moves),
    a few letters and then a whole sentence taken out, edits on two pages at once — each resumed from the
    one before, each the same as a layout from scratch."""
    job = max(_jobs(REPO, keep=True), key=lambda j: len(j.html))  # the longest chapter
    KEPT.clear()
    first = lay_out(job)
    layout = KEPT[job.name].layout
    made = _count_page_makes(monkeypatch)
    # Paragraphs that run from one page onto the next: an edit in one moves that page break.
    paragraphs = [m for m in re.finditer(r'<p data-p="(\d+)">([^<]{120,}?)\. ', job.html)
                  if len(layout.pages_of(m.group(1))) == 2]
    assert len(paragraphs) >= 3
    early = next(m for m in paragraphs if re.search(r"\b(1[89]|20)\d\d\b", m.group(2)))  # one with a year
    late = paragraphs[-1] if paragraphs[-1] is not early else paragraphs[-2]
    sentence = re.search(r"[^.]{60,}\. ", late.group(2))

    def at(html: str, match: re.Match[str], before: str, after: str) -> str:
        head, tail = html[: match.start(2)], html[match.start(2) :]
        assert before in tail[: len(match.group(2)) + 2]
        return head + tail.replace(before, after, 1)

    word = early.group(2).split()[2]
    year = re.search(r"\b(1[89]|20)\d\d\b", early.group(2)).group()  # type: ignore[union-attr]
    versions = [
        ("same length", at(job.html, early, year, str(int(year) + 1))),  # digits are all one width
        # Longer than a line: total fit could take up a short phrase in the paragraph's own lines.
        ("phrase added", at(job.html, early, word, word + " және тағы бір сөйлем қосылды" * 3)),
        ("letters taken out", at(job.html, early, word, word[:2])),
        ("two pages", at(at(job.html, late, late.group(2)[:20], late.group(2)[:5]), early, word, word[:2])),
    ]
    if sentence is not None:
        versions.append(("sentence taken out", at(job.html, late, sentence.group(0), "")))
    makes: dict[str, int] = {}
    for name, html in versions:
        made[0] = 0
        resumed = lay_out(Job(job.name, html, job.css, job.root, job.allowed, keep=True))
        makes[name] = made[0]
        kept = dict(KEPT)
        KEPT.clear()
        scratch = lay_out(Job(job.name, html, job.css, job.root, job.allowed))
        KEPT.update(kept)
        assert resumed.html == scratch.html, name
        assert _pages(resumed.pdf, tmp_path) == _pages(scratch.pdf, tmp_path), name
        spliced = tmp_path / "spliced.pdf"  # pages kept from the last PDF beside pages painted anew
        spliced.write_bytes(resumed.pdf)
        assert all(font["emb"] == "yes" for font in fonts(spliced)), name
    # A same-length change lays out again its own pages and the next, not the rest of the chapter; a phrase
    # that moves every later line lays them all out again.
    assert makes["same length"] <= 4 < makes["phrase added"] - 2, makes
    assert makes["same length"] < first.pages - 2
