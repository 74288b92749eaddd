"""Every text rule of the reading stages takes time linear in its input (#27).

Two kinds of rule read a student's text: patterns (regular expressions) and loops over its lines. Each is timed
here on inputs made to be its worst case, at two sizes in one run: four times the input must take well under
sixteen times as long (the bound is 8×, plus a little for the timer), as in tests/test_typography_speed.py.

* **Every pattern** of ``kazthesis/read``, ``kazthesis/lang`` and ``kazthesis/bibliography``: those written in
  the source (found by reading it), those its modules hold (in lists, tables and language entries), and those
  built while the stages run (recorded as the reading of every fixture project compiles them). Each is run
  over a string from the whole text (``finditer`` tries every start, the costliest way a pattern is used) on
  runs of one character and of two alternating characters, taken from the pattern itself and from spaces,
  letters and digits, with a character at the end that no pattern expects. The slowest input of a pattern
  is then timed at both sizes.
* **Every loop over lines**: the stages that read a whole file line by line or block by block — a chapter
  (decoding, Pandoc's forms, markdown, parsing into the model), references.bib, thesis.toml — each on the
  shapes of text that once made one of them quadratic, or could (:data:`CHAPTERS`, :data:`BIBS`,
  :data:`CONFIGS`).
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import importlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO

from kazthesis.bibliography import parse_bibliography
from kazthesis.lang.hyphenation import hyphenate_text
from kazthesis.lang.registry import DOCUMENT_LANGUAGES
from kazthesis.lang.typography import apply_typography
from kazthesis.problems import Problems
from kazthesis.read.config import load_config
from kazthesis.read.markdown import make_parser
from kazthesis.read.parse import parse_file

PACKAGES = ("read", "lang", "bibliography")
SLACK = 0.01  # seconds


def _seconds(function: Callable[[], object], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - started)
    return best


def _linear(function: Callable[[str], object], small: str, large: str) -> tuple[bool, float, float]:
    short, long = _seconds(lambda: function(small)), _seconds(lambda: function(large))
    if long >= 8 * short + SLACK:
        # A second, longer look before failing: under xdist the other worker can hold the CPU through
        # all three runs of one size. Four times the text taking sixteen times as long fails both looks.
        short, long = _seconds(lambda: function(small), runs=7), _seconds(lambda: function(large), runs=7)
    return long < 8 * short + SLACK, short, long


# --- patterns ---------------------------------------------------------------------------------------------


def _written() -> dict[tuple[str, int], str]:
    """Patterns written as literals in the source: ``re.compile("…")``, ``re.sub("…", …)`` and the like."""
    found = {}
    for folder in PACKAGES:
        for path in sorted((REPO / "kazthesis" / folder).glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args
                        and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                    flags = next((k.value for k in node.keywords if k.arg == "flags"),
                                 node.args[1] if node.func.attr == "compile" and len(node.args) > 1 else None)
                    value = eval(compile(ast.Expression(flags), "", "eval"), {"re": re}) if flags else 0  # noqa: S307
                    found[(node.args[0].value, int(value))] = f"{folder}/{path.name}:{node.lineno}"
    return found


def _held(found: dict[tuple[str, int], str]) -> None:
    """Patterns the modules hold, in their namespaces and in the lists, tables and entries there."""
    seen: set[int] = set()

    def visit(where: str, value: object, depth: int) -> None:
        if depth > 4 or id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, re.Pattern):
            found.setdefault((value.pattern, value.flags), where)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                visit(where, item, depth + 1)
        elif isinstance(value, dict):
            for item in value.values():
                visit(where, item, depth + 1)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for item in dataclasses.fields(value):
                visit(where, getattr(value, item.name), depth + 1)

    for folder in PACKAGES:
        for path in sorted((REPO / "kazthesis" / folder).glob("*.py")):
            module = importlib.import_module(f"kazthesis.{folder}.{path.stem}")
            for name, value in vars(module).items():
                visit(f"{folder}/{path.name}:{name}", value, 0)


def _built(found: dict[tuple[str, int], str], tmp_path: Path) -> None:
    """Patterns the stages build as they run (from a language's entry, say): recorded while every fixture
    project's chapters, sources and settings are read, and text is set in every language."""
    record = re._compile  # type: ignore[attr-defined]

    package = str(REPO / "kazthesis")

    def recording(pattern: object, flags: object) -> re.Pattern[str]:
        compiled = record(pattern, flags)
        caller = sys._getframe(1)
        for _ in range(3):  # re.compile or re.sub … called from a module of the package
            if caller is None or caller.f_code.co_filename.startswith(package):
                break
            caller = caller.f_back
        if isinstance(pattern, str) and caller is not None and caller.f_code.co_filename.startswith(package):
            found.setdefault((compiled.pattern, compiled.flags), f"built in {Path(caller.f_code.co_filename).name}")
        return compiled

    for folder in PACKAGES:  # what was built and kept before is built again, under the recorder
        for path in sorted((REPO / "kazthesis" / folder).glob("*.py")):
            for value in vars(importlib.import_module(f"kazthesis.{folder}.{path.stem}")).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    re._compile = recording  # type: ignore[attr-defined]
    try:
        for project in [REPO, *sorted(p for p in FIXTURES.iterdir() if (p / "content").is_dir())]:
            config = load_config(project, Problems(root=project))
            for chapter in sorted((project / "content").glob("*.md")):
                parse_file(chapter, project, config.language)
            for bib in sorted(project.glob("*.bib")):
                parse_bibliography(bib.read_text(encoding="utf-8"), bib, Problems(root=project))
        for code in DOCUMENT_LANGUAGES:
            sample = "«Сөз» — 12 км, 1991 ж., XX ғ., т. 5, с. 7, Қ. Ж. Әбенов, в 1991 г. http://a.kz/b"
            apply_typography(sample, code)
            hyphenate_text(sample, code)
    finally:
        re._compile = record  # type: ignore[attr-defined]


@functools.cache
def every_pattern() -> dict[tuple[str, int], str]:
    found = _written()
    _held(found)
    return found


LETTERS = " \t\naZӘ1"
END = "¤"  # no pattern here expects it: a match that needs more fails there


def _inputs(pattern: re.Pattern[str], n: int) -> list[str]:
    own = sorted({c for c in pattern.pattern if not c.isalnum() and c not in "\\()[]?*+{}|^$"})[:8]
    singles = sorted(set(LETTERS) | set(own))
    texts = [c * n + END for c in singles] + ["a" + c * n + END for c in singles]
    pairs = [*own, " ", "a", "1"]
    texts += [((a + b) * n)[:n] + END for a in pairs for b in pairs if a != b]
    return texts


def _cost(scan: Callable[[str], None], text: str) -> float:
    return _seconds(lambda: scan(text), 1)


def _scan(pattern: re.Pattern[str], text: str) -> None:
    for _ in pattern.finditer(text):
        pass
    pattern.match(text)


def test_the_patterns_are_found() -> None:
    """The collection finds the patterns of each kind (and so the test below tests them)."""
    patterns = every_pattern()
    assert len(patterns) > 90
    sources = {source for source, _ in patterns}
    assert r"(?<!\s)\s+and\s+" in sources  # written in bibliography/names.py
    assert any("[^\\W\\d_]" in source for source in sources)  # held by lang/hyphenation.py


def test_every_pattern_is_linear(tmp_path: Path) -> None:
    patterns = dict(every_pattern())
    _built(patterns, tmp_path)
    n = 3000
    slow = []
    for (source, flags), where in sorted(patterns.items(), key=lambda item: item[1]):
        scan = functools.partial(_scan, re.compile(source, flags))
        worst = max(_inputs(scan.args[0], 4 * n), key=functools.partial(_cost, scan))
        small = worst[:n] + END if worst.endswith(END) else worst[:n]
        fine, short, long = _linear(scan, small, worst)
        if not fine:
            slow.append(f"{where}: {source[:60]!r} on {worst[:12]!r}…: {short:.4f} s for {len(small)} characters, "
                        f"{long:.4f} s for {len(worst)}")
    assert slow == [], "\n".join(slow)


# --- loops over lines -------------------------------------------------------------------------------------

# A chapter's shape at size n (about n lines, or a line of about n characters).
CHAPTERS: dict[str, Callable[[int], str]] = {
    "definition items": lambda n: "Term\n: def\n" * n,
    "heading and spaces": lambda n: "# Heading" + " " * (20 * n) + "x\n",
    "heading attributes and spaces": lambda n: "# Heading {" + " " * (20 * n) + "#sec:a}\n",
    "caption and spaces": lambda n: ": Caption" + " " * (20 * n) + "x\n\n| a |\n|---|\n| b |\n",
    "code fence and spaces": lambda n: "```python" + " " * (20 * n) + "{#lst:a}\ncode\n```\n",
    "attributes of spaces": lambda n: "# Heading {#sec:a" + " " * (20 * n) + ".b}\n",
    "line block": lambda n: "| line\n" * n,
    "list items": lambda n: "- item\n" * n,
    "ordered items": lambda n: "1. item\n" * n,
    "letter items": lambda n: "a) item\n" * n,
    "quotes": lambda n: "> quoted line\n" * n,
    "paragraph of words": lambda n: "сөз " * (5 * n) + "\n",
    "footnotes": lambda n: "".join(f"Text[^{k}].\n\n[^{k}]: Note.\n\n" for k in range(n)),
    "unclosed citations": lambda n: "[@" + "a" * (20 * n) + "\n",
    "at signs": lambda n: "@" * (20 * n) + "\n",
    "brackets": lambda n: "[" * (10 * n) + "\n",
    "closing brackets": lambda n: "]" * (10 * n) + "\n",
    "footnote openers": lambda n: "[^" * (10 * n) + "\n",
    "emphasis marks": lambda n: "*_" * (10 * n) + "\n",
    "backticks": lambda n: "`" * (10 * n) + "\n",
    "dollars": lambda n: "$a " * (10 * n) + "\n",
    "tildes and carets": lambda n: "~^" * (10 * n) + "\n",
    "backslashes": lambda n: "\\" * (10 * n) + "\n",
    "angle brackets": lambda n: "<a " * (10 * n) + "\n",
    "braces": lambda n: "{" * (10 * n) + "\n",
    "pipes": lambda n: "|" * (10 * n) + "\n",
    "wide table": lambda n: "|a" * n + "|\n" + "|-" * n + "|\n" + "|b" * n + "|\n",
    "long table": lambda n: "| a | b |\n|---|---|\n" + "| x | y |\n" * n,
    "captions beside tables": lambda n: ": Caption\n\n| a |\n|---|\n| b |\n\n" * n,
    "indented code": lambda n: "    code\n" * n,
    "fenced divs": lambda n: "::: note\ntext\n:::\n" * n,
    "yaml blocks": lambda n: "\n---\nkey: value\n" * n,
    "page breaks": lambda n: "\\newpage\n\n" * n,
    "grid rules": lambda n: "+---+---+\n" * n,
    "simple table rules": lambda n: "text\n---  ---\n" * n,
    "raw latex": lambda n: "\\textbf{a} " * (5 * n) + "\n",
    "raw html": lambda n: "<b>a</b> " * (5 * n) + "\n",
    "cross references": lambda n: "@fig:a " * (5 * n) + "\n",
    "formulas": lambda n: "$a^{2}$ " * (n // 10) + "\n",  # each drawn: about 10 ms
    "a long formula": lambda n: "$" + "a+" * (5 * n) + "a$\n",
}

BIB_ENTRY = "@book{key{k},\n  author = {Әбенов, Қ.},\n  title = {Кітап},\n  year = {2020},\n}}\n"
BIBS: dict[str, Callable[[int], str]] = {
    "many entries": lambda n: "".join(BIB_ENTRY.replace("{k}", str(k)) for k in range(n)),
    "many authors": lambda n: "@book{a,\n  author = {" + " and ".join(f"Name{k}, A." for k in range(n)) + "},\n}\n",
    "spaces between authors": lambda n: "@book{a,\n  author = {A" + " " * (20 * n) + "B},\n}\n",
    "nested braces": lambda n: "@book{a,\n  title = {" + "{" * n + "x" + "}" * n + "},\n}\n",
    "emphasis macros": lambda n: "@book{a,\n  title = {" + "\\emph{a}" * n + "},\n}\n",
    "strings": lambda n: "".join(f'@string{{s{k} = "x"}}\n' for k in range(n)) + "@book{a, title = s1}\n",
    "note lines": lambda n: "@book{a,\n  note = {" + "url: http://a.kz\n" * n + "},\n}\n",
    "spaces in a field": lambda n: "@book{a,\n  title = {a" + " " * (20 * n) + "b},\n}\n",
    "at signs": lambda n: "@" * (20 * n) + "\n",
    "unclosed entries": lambda n: "@book{a,\n  title = {x\n" * n,
    "language names": lambda n: "@book{a,\n  langid = {" + "a-" * (10 * n) + "},\n}\n",
    "eprint": lambda n: "@misc{a,\n  eprint = {" + "a-" * (10 * n) + "},\n}\n",
    "pages": lambda n: "@book{a,\n  pages = {1" + " -" * (10 * n) + "2},\n}\n",
}

CONFIGS: dict[str, Callable[[int], str]] = {
    "abbreviations": lambda n: "[abbreviations]\n" + "".join(f'"A{k}" = "meaning"\n' for k in range(n)),
    "inserts": lambda n: "".join(f'[[insert]]\nfile = "f{k}.pdf"\n' for k in range(n)),
    "comments": lambda n: "# a comment\n" * n,
    "spaces in a value": lambda n: '[title_page]\ntitle = "a' + " " * (20 * n) + 'b"\n',
    "brackets in a value": lambda n: '[title_page]\ntitle = "' + "[" * (20 * n) + '"\n',
    "nested arrays": lambda n: "a = " + "[" * 60 + "]" * 60 + "\n" * n,
    "section headers": lambda n: "".join(f"[s{k}]\n" for k in range(n)),
}


def _chapter(tmp_path: Path) -> Callable[[str], object]:
    (tmp_path / "content").mkdir(exist_ok=True)
    path = tmp_path / "content" / "01.md"

    def parse(text: str) -> object:
        path.write_text(text, encoding="utf-8")
        return parse_file(path, tmp_path, "kk")

    return parse


def _config(tmp_path: Path) -> Callable[[str], object]:
    def load(text: str) -> object:
        (tmp_path / "thesis.toml").write_text(text, encoding="utf-8")
        return load_config(tmp_path, Problems(root=tmp_path))

    return load


@pytest.mark.parametrize("shape", CHAPTERS)
def test_reading_a_chapter_is_linear(tmp_path: Path, shape: str) -> None:
    fine, short, long = _linear(_chapter(tmp_path), CHAPTERS[shape](300), CHAPTERS[shape](1200))
    assert fine, f"{shape}: {short:.3f} s, then {long:.3f} s for four times the text"


@pytest.mark.parametrize("shape", BIBS)
def test_reading_references_is_linear(tmp_path: Path, shape: str) -> None:
    def parse(text: str) -> object:
        return parse_bibliography(text, tmp_path / "references.bib", Problems(root=tmp_path))

    fine, short, long = _linear(parse, BIBS[shape](200), BIBS[shape](800))
    assert fine, f"{shape}: {short:.3f} s, then {long:.3f} s for four times the text"


@pytest.mark.parametrize("shape", CONFIGS)
def test_reading_the_settings_is_linear(tmp_path: Path, shape: str) -> None:
    fine, short, long = _linear(_config(tmp_path), CONFIGS[shape](500), CONFIGS[shape](2000))
    assert fine, f"{shape}: {short:.3f} s, then {long:.3f} s for four times the text"


@pytest.mark.parametrize("prefix", ["[@", "[@key ", "@fig:", "[-@fig:a; "])
def test_parsing_a_long_run_without_spaces_is_linear(prefix: str) -> None:
    parser = make_parser()
    small = prefix + "а" * 20_000 + "\n"
    large = prefix + "а" * 80_000 + "\n"
    linear, short, long = _linear(parser.parse, small, large)
    assert linear, f"{short:.3f} s for {len(small)} characters, {long:.3f} s for {len(large)}"
