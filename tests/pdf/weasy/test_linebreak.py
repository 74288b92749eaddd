"""The renderer's two speed-ups of WeasyPrint change nothing it makes.

kazthesis/pdf/weasy/linebreak.py replaces WeasyPrint's one-by-one search for the
soft hyphen to break a line at with a shorter search, and docs/upstream/ proposes
the same change to WeasyPrint as a patch. Here every line of the exemplar's and
the Russian fixture's chapters is broken three ways, and each result — where the
line ends, where the next begins, its width, height and baseline — must be the
same. kazthesis/pdf/weasy/installed.py imports WeasyPrint without ctypes' library
search: the same libraries must load.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from kazthesis.pdf.html import HtmlBook
from kazthesis.pdf.weasy import linebreak
from kazthesis.pdf.weasy.engine import shared_stylesheet
from kazthesis.pdf.weasy.jobs import Job
from kazthesis.pdf.weasy.passes import lay_out
from kazthesis.pipeline import prepare
from kazthesis.problems import Problems

SOFT_HYPHEN = "\u00ad"


def _jobs(root: Path) -> list[Job]:
    document = prepare(root, Problems(root=root))
    book = HtmlBook(document)
    css = book.css(stamped=True)
    return [Job(piece.name, book.page([piece], ""), css, root, (root.resolve(), REPO / "templates"))
            for piece in book.pieces() if piece.name.startswith(("part-", "appendix-", "references"))]


def _upstream_patch(folder: Path) -> Callable:
    """``split_first_line`` of the installed WeasyPrint with the patch proposed upstream
    (docs/upstream/weasyprint-soft-hyphen-search.md) applied, as scripts/benchmark.py applies it."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from benchmark import patched_line_break
    finally:
        sys.path.remove(str(REPO / "scripts"))
    spec = importlib.util.spec_from_file_location("weasyprint.text.patched_line_break", patched_line_break(folder))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.split_first_line


@pytest.mark.parametrize("project", [pytest.param(REPO, id="exemplar", marks=pytest.mark.slow),
                                     pytest.param(FIXTURES / "ru", id="ru")])
def test_every_line_breaks_where_weasyprints_own_search_breaks_it(project: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Our copy and the patch proposed upstream break every line as WeasyPrint 70.0 does."""
    from weasyprint.layout import inline

    jobs = _jobs(project)
    shared_stylesheet(jobs[0].css)  # installs the bisecting search
    assert linebreak.ORIGINAL is not None and inline.split_first_line is linebreak.split_first_line
    upstream = _upstream_patch(tmp_path)
    compared, hyphenated, mismatches = 0, 0, []

    def both(text, style, context, max_width, *args, **kwargs):  # noqa: ANN001, ANN202 - WeasyPrint's signature
        ours = linebreak.split_first_line(text, style, context, max_width, *args, **kwargs)
        theirs = linebreak.ORIGINAL(text, style, context, max_width, *args, **kwargs)
        patched = upstream(text, style, context, max_width, *args, **kwargs)
        nonlocal compared, hyphenated
        compared += 1
        if text.encode()[: ours[1]].decode(errors="ignore").endswith(SOFT_HYPHEN):
            hyphenated += 1  # the line was broken at a soft hyphen
        if not ours[1:] == patched[1:] == theirs[1:]:
            mismatches.append((text[:80], ours[1:], patched[1:], theirs[1:]))
        return ours

    monkeypatch.setattr(inline, "split_first_line", both)
    # Every line through WeasyPrint's own breaking: total fit (kazthesis/pdf/weasy/total_fit.py) cuts planned
    # paragraphs' lines itself, which would leave the search little to do.
    from weasyprint.layout import block

    from kazthesis.pdf.weasy import total_fit

    monkeypatch.setattr(block, "iter_line_boxes", total_fit._ORIGINAL["iter_line_boxes"])
    monkeypatch.setattr(inline, "split_text_box", total_fit._ORIGINAL["split_text_box"])
    for job in jobs:
        lay_out(job)
    assert not mismatches, mismatches[:3]
    assert compared > 500 and hyphenated > 50, (compared, hyphenated)  # the search was really exercised


@pytest.mark.parametrize("count", range(1, 13))
def test_first_fitting_finds_the_first_candidate_that_fits_in_few_tries(count: int) -> None:
    for first in range(count + 1):  # candidates from `first` on fit (count: none does)
        tried: list[int] = []

        def attempt(number: int, first: int = first, tried: list[int] = tried) -> int | None:
            tried.append(number)
            return number if number >= first else None

        assert linebreak.first_fitting(count, attempt) == (first if first < count else None)
        assert len(tried) <= 2 + count.bit_length(), (first, tried)
        if first in (0, count):
            assert len(tried) <= 2  # what real lines need: Pango's own break fits, or nothing does


LOADED = """
import subprocess, sys
sys.path.insert(0, {repo!r})
started = []
popen = subprocess.Popen.__init__
subprocess.Popen.__init__ = lambda self, *args, **kwargs: started.append(args) or popen(self, *args, **kwargs)
{importer}
import weasyprint.text.ffi as ffi
names = ("gobject", "pango", "harfbuzz", "harfbuzz_subset", "harfbuzz_vector", "fontconfig", "pangoft2")
print(sorted(name for name in names if getattr(ffi, name) is not None))
print(sorted({{line.split()[-1] for line in open("/proc/self/maps") if ".so" in line and
              any(lib in line for lib in ("pango", "harfbuzz", "fontconfig", "gobject"))}}))
print("programs run:", len(started))
"""


def test_the_renderer_imports_weasyprint_with_the_same_libraries_without_the_library_search() -> None:
    """kazthesis.pdf.weasy.installed imports WeasyPrint without ctypes' library search (ldconfig, gcc, ld): the same
    libraries must load as with a plain import."""
    import subprocess
    import sys

    def loaded(importer: str) -> str:
        code = LOADED.format(repo=str(REPO), importer=importer)
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

    ours = loaded("from kazthesis.pdf.weasy.engine import fonts; fonts()").splitlines()
    plain = loaded("import weasyprint").splitlines()
    assert ours[:2] == plain[:2]
    assert "'pango'" in ours[0] and "'harfbuzz_subset'" in ours[0]
    assert ours[2] == "programs run: 0", (ours[2], plain[2])
