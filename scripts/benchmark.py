#!/usr/bin/env python3
"""Print how long builds take, how much memory they use, and how many pages they make.

Each build is a fresh process, as a student's is; watch-mode rebuilds are
measured on a real ``build.py watch`` process, from saving a file to the new
PDF on disk. The machine is noisy (and has two cores), so the figures that
matter are ratios measured in the same run, against plain WeasyPrint
rendering the same ``output/thesis.html``:

* the exemplar: cold build, ``check``, and a one-sentence edit under watch;
* a 150-page thesis and a 300-page thesis with 600 sources, made here from
  the exemplar (its chapters repeated with their ids made unique, plus
  generated sources): cold build, watch edit, peak memory;
* ``review`` and ``review --apply`` of the exemplar's .docx with 50 marks
  (``--review``: this part alone), against ``check`` of the same project.

    .venv/bin/python scripts/benchmark.py [--runs N] [--quick]
    .venv/bin/python scripts/benchmark.py --review [--runs N]
    .venv/bin/python scripts/benchmark.py --import-only
    .venv/bin/python scripts/benchmark.py --soft-hyphen-patch [--runs N]
    .venv/bin/python scripts/benchmark.py --csl-only [--runs N]
    .venv/bin/python scripts/benchmark.py --lines
    .venv/bin/python scripts/benchmark.py --bounds [--runs N]

``--import-only`` times ``import`` of a .docx draft of about 40 and of about
150 pages (made here from the exemplar's text, typed as students type it)
against the build of the project each import makes.

``--lines`` prints only how the running text's lines are set (the share
ending in a hyphen, runs of them, paragraphs ending on a word fragment, word
spaces over twice the normal one, the widest) for the exemplar and the
Russian fixture, beside Typst setting the same paragraphs (when the typst
wheel is installed: it is a development tool, not in requirements.txt); the
full run prints it too.

``--soft-hyphen-patch`` measures only the change to WeasyPrint that
docs/upstream/weasyprint-soft-hyphen-search.md proposes: the patch in that
page applied to a copy of the installed ``weasyprint/text/line_break.py``,
and plain WeasyPrint laying out the exemplar's ``output/thesis.html`` with
and without it, in fresh processes, interleaved.

``--csl-only`` times the cold build of the 300-page thesis with its 600 sources under
``[bibliography] style = "apa"`` (a CSL style: pandoc's citeproc formats the list and the
citations) against the same build under the default GOST style, in fresh processes,
interleaved, and prints the ratio.

``--bounds`` measures what the hardening of #27 costs a build of the exemplar:
the same ``build`` in fresh processes, interleaved, as it is and with the
bounds lifted (:data:`UNBOUNDED`: no sandbox budget, no SVG and image
checks, no check of the boxes' edges, no limits on the workers).

Peak memory is given twice, sampled every 20 ms from /proc in one more run
of each command (the timed runs are not sampled: the sampling takes CPU): the
largest single process (what ``ru_maxrss`` reports), and the largest sum over
the build's processes, workers included (proportional set sizes, so the
memory forked workers share is counted once).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PLAIN = "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])"


# --- measuring ---------------------------------------------------------------------------------


def _tree_memory(pid: int) -> tuple[int, int]:
    """(sum of proportional set sizes, largest resident set) of a process and its descendants, in KiB.

    The sum uses PSS, which shares the pages forked workers have in common among them, so memory
    the processes share is counted once.
    """
    total, largest, todo = 0, 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                rss = next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{current}/smaps_rollup", encoding="ascii") as rollup:
                pss = next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), rss)
            total, largest = total + pss, max(largest, rss)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    todo.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total, largest


def timed(command: list[str], sample_memory: bool = False) -> tuple[float, float, float, str]:
    """(wall seconds, largest process MiB, largest sum over the process tree MiB, stdout) of one fresh run.

    Memory is sampled only when asked: reading /proc every 20 ms costs CPU on a two-core machine, more for a
    build's four processes than for one, so timed runs do not sample and one more run per command does.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_tree = peak_one = 0
    if sample_memory:
        while process.poll() is None:
            total, largest = _tree_memory(process.pid)
            peak_tree, peak_one = max(peak_tree, total), max(peak_one, largest)
            time.sleep(0.02)
    out, err = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{err}")
    return seconds, peak_one / 1024, peak_tree / 1024, out


def build_command(project: Path, *extra: str) -> list[str]:
    return [PYTHON, str(ROOT / "build.py"), *extra, str(project)]


def plain_command(project: Path, target: Path) -> list[str]:
    return [PYTHON, "-c", PLAIN, str(project / "output" / "thesis.html"), str(target)]


EDIT_PLACES = {"start": 0.0, "middle": 0.5, "end": 1.0}  # where in the chapter the edited sentence is
EDIT_KINDS = ("adds a phrase", "changes a digit", "removes the phrase")
# Longer than a line of the page (about 90 characters): the paragraph grows, and every later line moves.
PHRASE = " ({}-түзету: бұл түсініктеме сөйлемді бір жолдан артық ұзарту үшін әдейі қосылып отыр)."


def watch_edits(project: Path, chapter: Path, edits: int) -> dict[str, list[float]]:
    """Seconds from saving a one-sentence edit to the new PDF on disk, under a running ``build.py watch``.

    At the start, in the middle and at the end of the chapter, ``edits`` times over: a phrase longer than a
    line is added to a sentence (every later line moves), one of its digits is changed (a change of the same
    length: the page breaks stay), and the phrase is removed again. An edit early in a chapter that moves
    every later line costs the most; one that leaves the page breaks, the least.
    """
    process = subprocess.Popen(build_command(project, "watch"), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, bufsize=1)
    pdf = project / "output" / "thesis.pdf"
    times: dict[str, list[float]] = {}
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("Watching"):
                break
        original = chapter.read_text(encoding="utf-8")
        # Sentences of running text (not headings, tables or captions), long enough to be prose.
        sentences = [m for m in re.finditer(r"(?m)^[^#|!:\n][^\n]*?([^.\n]{40,}\.)", original)]
        assert sentences, chapter
        for place, fraction in EDIT_PLACES.items():
            sentence = sentences[round(fraction * (len(sentences) - 1))].group(1)
            for n in range(edits):
                digit = n % 8 + 1
                versions = [original.replace(sentence, sentence[:-1] + PHRASE.format(d), 1)
                            for d in (digit, digit + 1)] + [original]
                for kind, text in zip(EDIT_KINDS, versions, strict=True):
                    time.sleep(0.5)  # let the watcher settle, as a student types between saves
                    before = pdf.stat().st_mtime_ns
                    started = time.perf_counter()
                    chapter.write_text(text, encoding="utf-8")
                    line = process.stdout.readline()
                    while pdf.stat().st_mtime_ns == before:
                        time.sleep(0.005)
                    times.setdefault(f"{kind} at {place}", []).append(time.perf_counter() - started)
                    if "error" in line:
                        sys.exit(f"watch rebuild failed: {line}")
    finally:
        process.terminate()
        process.wait(30)
    return times


# --- the soft-hyphen patch to WeasyPrint ----------------------------------------------------------------

PATCH_PAGE = ROOT / "docs" / "upstream" / "weasyprint-soft-hyphen-search.md"
# Lays out (no PDF) an HTML file with plain WeasyPrint, its split_first_line taken from argv[2] when given;
# prints the seconds, the lines broken at a soft hyphen or a dictionary part, and the layouts tried for them.
LAYOUT = """
import importlib.util, sys, time
import weasyprint
from weasyprint.layout import inline, preferred
tries = [0, 0, 0]  # searches, layouts tried, layouts the unpatched loop tries
if len(sys.argv) > 2:
    spec = importlib.util.spec_from_file_location("weasyprint.text.patched_line_break", sys.argv[2])
    patched = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(patched)
    search = patched._first_fitting
    def counted(count, try_part):
        results = {}
        def tried(number):
            results[number] = try_part(number)
            return results[number]
        found = search(count, tried)
        fitting = [number for number, result in results.items() if result is not None]
        tries[0] += 1
        tries[1] += len(results)
        tries[2] += min(fitting) + 1 if fitting else count
        return found
    patched._first_fitting = counted
    inline.split_first_line = preferred.split_first_line = patched.split_first_line
document = weasyprint.HTML(filename=sys.argv[1])
started = time.perf_counter()
document.render()
print(time.perf_counter() - started, *tries)
"""


def patched_line_break(target: Path) -> Path:
    """The installed WeasyPrint's line_break.py with the patch of PATCH_PAGE applied (by ``patch``), in
    ``target``; exits when the patch does not apply."""
    import weasyprint.text.line_break as installed

    diff = re.search(r"```diff\n(.*?)```", PATCH_PAGE.read_text(encoding="utf-8"), re.S)
    if diff is None:
        sys.exit(f"no diff block in {PATCH_PAGE}")
    copy = target / "weasyprint" / "text" / "line_break.py"
    copy.parent.mkdir(parents=True)
    shutil.copy(installed.__file__, copy)
    applied = subprocess.run(["patch", "-p1", "-d", str(target)], input=diff.group(1), capture_output=True,
                             text=True)
    if applied.returncode:
        sys.exit(f"the patch does not apply to {installed.__file__}:\n{applied.stdout}{applied.stderr}")
    return copy


def measure_soft_hyphen_patch(project: Path, runs: int) -> None:
    """Plain WeasyPrint laying out the exemplar, with and without the patch (fresh processes, interleaved)."""
    with tempfile.TemporaryDirectory() as tmp:
        timed(build_command(project))  # writes output/thesis.html
        html = project / "output" / "thesis.html"
        patched = patched_line_break(Path(tmp))
        rows: dict[str, list[float]] = {"WeasyPrint 70.0": [], "with the patch": []}
        counts: list[str] = []
        for _ in range(runs):
            for name in rows:
                extra = [str(patched)] if name == "with the patch" else []
                out = subprocess.run([PYTHON, "-c", LAYOUT, str(html), *extra], capture_output=True, text=True,
                                     check=True).stdout.split()
                rows[name].append(float(out[0]))
                counts = out[1:] if extra else counts
        base = statistics.median(rows["WeasyPrint 70.0"])
        print(f"{project.name}: layout of output/thesis.html (HTML.render(): styles, boxes, pages; no PDF)")
        for name, seconds in rows.items():
            print(f"  {name:20} median {statistics.median(seconds):5.2f} s  (min {min(seconds):.2f}, max "
                  f"{max(seconds):.2f})  ratio {statistics.median(seconds) / base:4.2f}")
        searches, tried, loop = (int(count) for count in counts)
        print(f"  searches for a break inside a word: {searches}; layouts tried: {tried} with the patch, "
              f"{loop} without ({tried / max(searches, 1):.2f} and {loop / max(searches, 1):.2f} a search)")


# --- big theses ----------------------------------------------------------------------------------

ID_RE = re.compile(r"(\{#|@|\[-?@)((?:sec|fig|tbl|app):[\w\-]+)")


# A build in a fresh process, as build.py runs it: {lift} is empty, or UNBOUNDED.
BOUNDS_RUN = """
import sys
sys.path.insert(0, sys.argv[1])
{lift}
from kazthesis.cli import main
sys.exit(main(["build", sys.argv[2]]))
"""
# The bounds of #27 lifted: what the tool did before them, for --bounds.
UNBOUNDED = """
from jinja2.sandbox import ImmutableSandboxedEnvironment
import kazthesis.pdf.templates as templates, kazthesis.pdf.workers as workers, kazthesis.read.images as images
import kazthesis.pdf.weasy.passes as passes

class Plain(ImmutableSandboxedEnvironment):
    def add_filter(self, name, function):
        self.filters[name] = function

templates.Bounded = Plain
images.check_svg = lambda *args: []
images.raster_problem = lambda path: ""
passes.overflows = lambda pages: []
workers._limit_memory = lambda: None
workers.PIECE_SECONDS = 1e6  # 11 days: none
"""


def measure_bounds(project: Path, runs: int) -> None:
    """The exemplar's cold build with the bounds of #27 and without them, in fresh processes, interleaved."""
    commands = {"with the bounds": [PYTHON, "-c", BOUNDS_RUN.format(lift=""), str(ROOT), str(project)],
                "without them": [PYTHON, "-c", BOUNDS_RUN.format(lift=UNBOUNDED), str(ROOT), str(project)]}
    timed(commands["with the bounds"])  # warms the file cache
    rows: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            rows[name].append(timed(command)[0])
    base = statistics.median(rows["without them"])
    print(f"{project.name}, cold build, {runs} runs each:")
    for name, values in rows.items():
        print(f"  {name:16} median {statistics.median(values):5.2f} s  (min {min(values):.2f}, max {max(values):.2f})"
              f"  ratio {statistics.median(values) / base:4.2f}")


def make_big_thesis(target: Path, copies: int, sources: int) -> Path:
    """The exemplar with its chapters repeated ``copies`` more times (ids made unique) and ``sources``
    generated sources, cited across the copies (benchmark data only: never shipped)."""
    project = target
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "images", project / "images")
    shutil.copy(ROOT / "thesis.toml", project / "thesis.toml")
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    generated = "".join(
        f"\n@book{{gen{n:04d},\n  author = {{Автор{n}, А. Б.}},\n  title = {{Қазақстанның сыртқы саясаты: "
        f"{n}-зерттеу}},\n  address = {{Алматы}},\n  publisher = {{Қазақ университеті}},\n"
        f"  year = {{{1995 + n % 30}}},\n  pagetotal = {{{100 + n}}},\n  langid = {{kazakh}},\n}}\n"
        for n in range(1, sources + 1))
    (project / "references.bib").write_text(bib + generated, encoding="utf-8")
    # The conclusion and the appendix go after the copies.
    for name in ("05-qorytyndy.md", "09-qosymsha-a.md"):
        (project / "content" / name).rename(project / "content" / f"9{name}")
    chapters = sorted(p for p in (ROOT / "content").glob("*.md") if re.match(r"0[2-4]-", p.name))
    defined = {m.group(1) for chapter in chapters for m in re.finditer(r"\{#([^\s}]+)", chapter.read_text("utf-8"))}
    copied: list[tuple[Path, list[str]]] = []
    for copy in range(1, copies + 1):
        for chapter in chapters:
            text = ID_RE.sub(lambda m, n=copy: f"{m.group(1)}{m.group(2)}-{n}" if m.group(2) in defined
                             else m.group(0), chapter.read_text(encoding="utf-8"))
            copied.append((project / "content" / f"{10 + copy:02d}-{chapter.name}", text.split("\n\n")))
    slots = [(i, j) for i, (_, paragraphs) in enumerate(copied) for j, p in enumerate(paragraphs) if p[:1].isalpha()]
    for n in range(1, sources + 1):
        i, j = slots[(n - 1) % len(slots)]
        copied[i][1][j] += f" [@gen{n:04d}]"
    for path, paragraphs in copied:
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return project


# --- import: a student's draft → a project ---------------------------------------------------------------

CITATION_RE = re.compile(r"\[(-?@[^\]]+)\]")


def make_draft(target: Path, copies: int) -> Path:
    """A .docx draft typed as students type them, made from the exemplar's text ``copies`` times over:
    title page, a contents page with dot leaders, "ТАРАУ N" headings as bold centred lines, "N.M" sections,
    numbered citations and the typed reference list (benchmark data only: never shipped)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    sys.path.insert(0, str(ROOT))
    from kazthesis.pipeline import prepare
    from kazthesis.problems import Problems

    document_model = prepare(ROOT, Problems(root=ROOT))
    numbers = {ref.entry.key: ref.number for ref in document_model.references}

    def typed(text: str) -> str:
        def cite(match: re.Match[str]) -> str:
            items = []
            for part in match.group(1).split(";"):
                key, _, locator = part.strip().lstrip("-@").partition(",")
                if key not in numbers:
                    return "1-сурет" if key.startswith("fig:") else "1-кесте" if key.startswith("tbl:") else ""
                items.append(f"{numbers[key]}, {locator.strip()} б." if locator.strip() else str(numbers[key]))
            return "[" + "; ".join(items) + "]"
        text = CITATION_RE.sub(cite, text)
        text = re.sub(r"@(?:fig|tbl|sec|app):[\w-]+", "1", text)
        return re.sub(r"\*\*|\{[^}]*\}|\[\^\w+\]", "", text).strip()

    draft = docx.Document()
    for line in ("Қазақстан Республикасы Ғылым және жоғары білім министрлігі", "КУРСТЫҚ ЖҰМЫС",
                 "Орындаған: Студент", "Алматы, 2026"):
        draft.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    draft.add_paragraph("МАЗМҰНЫ")
    chapters = sorted(p for p in (ROOT / "content").glob("*.md") if re.match(r"0[2-4]-", p.name))
    number = 0
    for _ in range(copies):
        for chapter in chapters:
            for block in chapter.read_text(encoding="utf-8").split("\n\n"):
                block = block.strip()
                if block.startswith("# "):
                    number += 1
                    draft.add_paragraph(f"ТАРАУ {number} {typed(block[2:]).upper()}" + "." * 40 + str(number))
    number = 0
    for _ in range(copies):
        for chapter in chapters:
            section = 0
            for block in chapter.read_text(encoding="utf-8").split("\n\n"):
                block = block.strip()
                if block.startswith("# "):
                    number, section = number + 1, 0
                    heading = draft.add_paragraph()
                    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    heading.add_run(f"ТАРАУ {number} {typed(block[2:]).upper()}").bold = True
                elif block.startswith("## "):
                    section += 1
                    draft.add_paragraph().add_run(f"{number}.{section} {typed(block[3:])}").bold = True
                elif block[:1].isalpha() or block[:1] in "«(":
                    draft.add_paragraph(typed(block))
    draft.add_paragraph("ПАЙДАЛАНЫЛҒАН ӘДЕБИЕТТЕР ТІЗІМІ")
    for ref in document_model.references:
        draft.add_paragraph(f"{ref.number}. {ref.text}")
    path = target / f"draft-{copies}.docx"
    target.mkdir(parents=True, exist_ok=True)
    draft.save(str(path))
    return path


def measure_import(runs: int) -> None:
    """Import of a 40-page and a 150-page draft against the build of the project it makes (fresh processes)."""
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (2, 10):  # about 40 and 150 pages
            draft = make_draft(Path(tmp), copies)
            imports, builds, pages = [], [], "?"
            for run in range(runs):
                project = Path(tmp) / f"imported-{copies}-{run}"
                imports.append(timed([PYTHON, str(ROOT / "build.py"), "import", str(draft), str(project)])[0])
                seconds, _, _, out = timed(build_command(project))
                builds.append(seconds)
                if m := re.search(r"(\d+) pages", out):
                    pages = m.group(1)
            median, build = statistics.median(imports), statistics.median(builds)
            print(f"draft of {pages} pages ({draft.stat().st_size // 1024} KB .docx): import median {median:.2f} s "
                  f"(min {min(imports):.2f}, max {max(imports):.2f}); build of the result {build:.2f} s; "
                  f"ratio {median / build:.2f}")


# --- how the lines are set (#24) ------------------------------------------------------------------


def measure_lines_quality(exemplar: Path) -> None:
    """The figures of scripts/measure_lines.py on the running text (introduction to conclusion) of the
    exemplar and the Russian fixture, beside Typst setting the same paragraphs with the same font, measure and
    soft hyphens (scripts/compare_typesetters.py; when the typst wheel is installed)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import compare_typesetters
    import measure_lines

    columns = {}
    with tempfile.TemporaryDirectory() as tmp:
        russian = Path(tmp) / "ru"
        shutil.copytree(ROOT / "tests" / "fixtures" / "ru", russian, ignore=shutil.ignore_patterns("output"))
        for name, project, language in (("exemplar", exemplar, "kk"), ("ru fixture", russian, "ru")):
            subprocess.run(build_command(project), check=True, capture_output=True)
            pdf = project / "output" / "thesis.pdf"
            columns[f"{name}: kazthesis"] = measure_lines.measure(pdf, measure_lines.body_pages(pdf, language))[0]
            theirs = compare_typesetters.typeset(project, Path(tmp) / f"typst-{language}")
            if theirs is not None:
                columns[f"{name}: Typst"] = measure_lines.measure(theirs)[0]
    print("Lines of the running text (scripts/measure_lines.py):")
    print(compare_typesetters.side_by_side(columns))


# --- the report -------------------------------------------------------------------------------------


def row(name: str, seconds: list[float], base: float, peaks: tuple[float, float] | None = None) -> None:
    median = statistics.median(seconds)
    memory = f"  peak {peaks[0]:.0f} MiB (all processes {peaks[1]:.0f} MiB)" if peaks else ""
    print(f"  {name:44} median {median:5.2f} s  (min {min(seconds):.2f}, max {max(seconds):.2f})  "
          f"ratio to plain WeasyPrint {median / base:4.2f} (max {max(seconds) / base:4.2f}){memory}")


def measure(project: Path, runs: int, edits: int, chapter: Path, with_check: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        timed(build_command(project))  # warms the file cache, and writes output/thesis.html for the plain render
        rows: dict[str, list[float]] = {"build (cold process)": [], "plain WeasyPrint": []}
        if with_check:
            rows["check"] = []
        peaks: dict[str, tuple[float, float]] = {}
        pages = "?"
        commands = {"build (cold process)": build_command(project),
                    "plain WeasyPrint": plain_command(project, Path(tmp) / "plain.pdf"),
                    "check": build_command(project, "check")}
        for _ in range(runs):  # interleaved, so noise hits all alike
            for name in list(rows):
                seconds, _, _, out = timed(commands[name])
                rows[name].append(seconds)
                if name.startswith("build") and (m := re.search(r"(\d+) pages", out)):
                    pages = m.group(1)
        for name in rows:
            _, largest, tree, _ = timed(commands[name], sample_memory=True)
            peaks[name] = (largest, tree)
        base = statistics.median(rows["plain WeasyPrint"])
        print(f"{project.name}: {pages} pages")
        for name, values in rows.items():
            row(name, values, base, peaks[name])
        if edits:
            print(f"  watch, editing {chapter.name}:")
            for what, seconds in watch_edits(project, chapter, edits).items():
                row(f"  {what}", seconds, base)


# --- review: a supervisor's .docx back to the sources ----------------------------------------------------


def mark_up(docx: Path, target: Path, marks: int) -> Path:
    """The exemplar's .docx with ``marks`` marks spread over its paragraphs, as a supervisor leaves them:
    mostly words replaced, then comments, words put in and taken out, paragraphs added and deleted."""
    sys.path.insert(0, str(ROOT / "tests" / "review"))
    from reviewer import Reviewer  # the tests' supervisor: Word's own markup

    reviewer = Reviewer(docx)
    body = [p for p in reviewer.document.paragraphs if len(p.text) > 120 and not p.style.name.startswith("toc")]
    step = max(1, len(body) // marks)
    kinds = ["replace", "replace", "comment", "replace", "insert", "delete", "replace", "comment", "replace",
             "paragraph added", "replace", "paragraph deleted"]
    done = 0
    for n, paragraph in enumerate(body[::step]):
        if done == marks:
            break
        text = paragraph.text
        key = text[:50]
        words = [w for w in text.split() if len(w) > 5 and w.isalpha() and text.count(w) == 1]
        if not words or sum(p.text.startswith(key) for p in body) != 1:
            continue
        word, kind = words[len(words) // 2], kinds[n % len(kinds)]
        if kind == "replace":
            reviewer.replace(key, word, word.upper())
        elif kind == "comment":
            reviewer.comment(key, word, "Бұл сөзді тексеріңіз.")
        elif kind == "insert":
            reviewer.insert(key, word, " (нақтырақ)")
        elif kind == "delete":
            reviewer.delete(key, word + " ")
        elif kind == "paragraph added":
            reviewer.insert_paragraph(key, "Жетекшінің ұсынысымен қосылған жаңа абзац.")
        else:
            reviewer.delete_paragraph(key)
        done += 1
    return reviewer.save(target)


def measure_review(exemplar: Path, runs: int, marks: int) -> None:
    """``review`` and ``review --apply`` on the exemplar's .docx with ``marks`` marks, fresh processes, against
    ``check`` (which reads and resolves the project as review must before it places a mark)."""
    with tempfile.TemporaryDirectory() as tmp:
        timed(build_command(exemplar, "docx"))
        reviewed = mark_up(exemplar / "output" / "thesis.docx", Path(tmp) / "reviewed.docx", marks)
        rows: dict[str, list[float]] = {"check (cold process)": [], "review": [], "review --apply": []}
        outputs = {}
        for n in range(runs):
            copy = Path(tmp) / f"copy-{n}"
            shutil.copytree(exemplar, copy)
            review = [PYTHON, str(ROOT / "build.py"), "review", str(reviewed), str(copy)]
            for name, command in (("check (cold process)", build_command(exemplar, "check")), ("review", review),
                                  ("review --apply", [*review, "--apply"])):
                seconds, _, _, out = timed(command)
                rows[name].append(seconds)
                outputs[name] = out
        base = statistics.median(rows["check (cold process)"])
        listed = outputs["review"].count("\n")
        print(f"{exemplar.name}, review of a .docx with {marks} marks ({listed} lines listed):")
        for name, values in rows.items():
            median = statistics.median(values)
            print(f"  {name:44} median {median:5.2f} s  (min {min(values):.2f}, max {max(values):.2f})  "
                  f"ratio to check {median / base:4.2f}")
        print("  " + outputs["review --apply"].strip().splitlines()[-1])


def set_style(project: Path, style: str) -> None:
    """``[bibliography] style`` of the project's thesis.toml set to ``style``."""
    path = project / "thesis.toml"
    text = re.sub(r'(?m)^\s*#?\s*style\s*=.*\n', "", path.read_text(encoding="utf-8"))
    if re.search(r"(?m)^\[bibliography\]", text):
        text = re.sub(r"(?m)^\[bibliography\]\n", f'[bibliography]\nstyle = "{style}"\n', text, count=1)
    else:
        text += f'\n[bibliography]\nstyle = "{style}"\n'
    path.write_text(text, encoding="utf-8")


def measure_csl(runs: int) -> None:
    """The 600-source thesis built under APA and under GOST: the medians and their ratio."""
    with tempfile.TemporaryDirectory() as tmp:
        huge = make_big_thesis(Path(tmp) / "thesis-300", copies=12, sources=600)
        timed(build_command(huge))  # warms the file cache
        seconds: dict[str, list[float]] = {"gost-7.1-2003": [], "apa": []}
        pages = {}
        for _ in range(runs):
            for style in seconds:
                set_style(huge, style)
                took, _, _, out = timed(build_command(huge))
                seconds[style].append(took)
                if m := re.search(r"(\d+) pages, (\d+) references", out):
                    pages[style] = f"{m.group(1)} pages, {m.group(2)} references"
        gost, apa = (statistics.median(seconds[s]) for s in ("gost-7.1-2003", "apa"))
        for style, values in seconds.items():
            print(f"  {huge.name} {style:14} median {statistics.median(values):6.2f} s  (min {min(values):.2f}, "
                  f"max {max(values):.2f})  {pages.get(style, '')}")
        fastest_build = min(seconds["apa"]) / min(seconds["gost-7.1-2003"])
        print(f"  APA / GOST, whole build: {apa / gost:4.2f} (medians), {fastest_build:4.2f} (minima)")
        # The step that differs, without the layout's noise: reading, checking and resolving the document
        # (the list and every citation formatted), in this process, the fastest of the runs.
        sys.path.insert(0, str(ROOT))
        from kazthesis.pipeline import build_document
        from kazthesis.problems import Problems

        resolved: dict[str, list[float]] = {"gost-7.1-2003": [], "apa": []}
        for _ in range(max(runs, 3)):
            for style in resolved:
                set_style(huge, style)
                started = time.perf_counter()
                build_document(huge, Problems(root=huge))
                resolved[style].append(time.perf_counter() - started)
        fastest = {style: min(values) for style, values in resolved.items()}
        print(f"  reading and resolving: GOST {fastest['gost-7.1-2003']:.2f} s, APA {fastest['apa']:.2f} s "
              f"(ratio {fastest['apa'] / fastest['gost-7.1-2003']:4.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="the exemplar only")
    parser.add_argument("--import-only", action="store_true",
                        help="only `import` of a 40-page and a 150-page draft, against the build of the result")
    parser.add_argument("--bounds", action="store_true",
                        help="only the exemplar's cold build with the bounds of #27 and without them")
    parser.add_argument("--soft-hyphen-patch", action="store_true",
                        help="only the exemplar's layout by WeasyPrint with and without the proposed patch")
    parser.add_argument("--review", action="store_true", help="only review and review --apply of a .docx with "
                        "50 marks")
    parser.add_argument("--csl-only", action="store_true",
                        help="only the 600-source thesis built under APA against the same under GOST")
    parser.add_argument("--lines", action="store_true",
                        help="only how the lines are set: hyphens, wide spaces, fragments, beside Typst")
    args = parser.parse_args()
    if args.import_only:
        measure_import(args.runs)
        return
    if args.csl_only:
        measure_csl(args.runs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        exemplar = Path(tmp) / "exemplar"
        for item in ("content", "images"):
            shutil.copytree(ROOT / item, exemplar / item)
        for item in ("references.bib", "thesis.toml"):
            shutil.copy(ROOT / item, exemplar / item)
        if args.soft_hyphen_patch:
            measure_soft_hyphen_patch(exemplar, args.runs)
            return
        if args.bounds:
            measure_bounds(exemplar, args.runs)
            return
        if args.review:
            measure_review(exemplar, args.runs, 50)
            return
        if args.lines:
            measure_lines_quality(exemplar)
            return
        measure(exemplar, args.runs, args.edits, exemplar / "content" / "04-tarau-2.md", with_check=True)
        measure_review(exemplar, args.runs, 50)
        measure_lines_quality(exemplar)
        if args.quick:
            return
        big = make_big_thesis(Path(tmp) / "thesis-150", copies=6, sources=80)
        measure(big, max(1, args.runs - 1), args.edits, big / "content" / "04-tarau-2.md", with_check=False)
        huge = make_big_thesis(Path(tmp) / "thesis-300", copies=12, sources=600)
        measure(huge, 1, 0, huge / "content" / "04-tarau-2.md", with_check=False)


if __name__ == "__main__":
    main()
