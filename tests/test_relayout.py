"""Laying out again only what a change reaches gives the pages a fresh layout gives.

relayout.py reaches into WeasyPrint's pagination (pinned to 70.0). These tests
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

from kazthesis.layout import _KEPT, Job, lay_out, shared_stylesheet
from kazthesis.pipeline import prepare
from kazthesis.problems import Problems
from kazthesis.render import HtmlBook


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


@pytest.mark.parametrize("project", [REPO, FIXTURES / "ru"], ids=["exemplar", "ru"])
def test_pieces_laid_out_in_passes_equal_a_fresh_layout_of_their_final_html(project: Path, tmp_path: Path) -> None:
    for job in _jobs(project):
        laid_out = lay_out(job)
        assert _pages(laid_out.pdf, tmp_path) == _pages(_fresh(job, laid_out.html), tmp_path), job.name


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9])
def test_a_resumed_layout_after_an_edit_equals_a_layout_from_scratch(where: float, tmp_path: Path) -> None:
    job = max(_jobs(REPO, keep=True), key=lambda j: len(j.html))  # the longest chapter
    _KEPT.clear()
    lay_out(job)
    assert job.name in _KEPT
    paragraphs = list(re.finditer(r'<p data-p="\d+">([^<]{80,}?)\. ', job.html))
    target = paragraphs[int(len(paragraphs) * where)]
    edited = job.html[: target.end(1)] + " және тағы бір сөйлем қосылды" + job.html[target.end(1) :]
    changed = Job(job.name, edited, job.css, job.root, job.allowed, keep=True)
    resumed = lay_out(changed)
    _KEPT.clear()
    scratch = lay_out(Job(job.name, edited, job.css, job.root, job.allowed))
    assert resumed.html == scratch.html
    assert _pages(resumed.pdf, tmp_path) == _pages(scratch.pdf, tmp_path)
