"""Command line: ``build.py [PROJECT_DIR]``, ``build.py docx …``, ``build.py refs …``, ``build.py check …``.

Exit status: 0 success, 1 the input has errors, 2 wrong usage, 3 a bug in
the tool (reported in one line; the previous PDF is kept).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path
from typing import TextIO

from kazthesis.problems import Problems

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
BUG_REPORT = "please report it to the kazthesis maintainers with the command you ran"

DESCRIPTION = """\
Turn a thesis project (content/*.md, references.bib, thesis.toml) into a
GOST-formatted PDF.

commands:
  build.py [PROJECT_DIR]              build PROJECT_DIR/output/thesis.pdf (and thesis.html);
                                      without PROJECT_DIR, the repository's own exemplar
  build.py docx [PROJECT_DIR]         build PROJECT_DIR/output/thesis.docx, the same thesis
                                      for Word (styles, contents field, footnotes)
  build.py refs [PROJECT_DIR] [--all] print the reference list, one "N. entry" a line:
                                      the cited entries in list order, or with --all
                                      every entry of references.bib in file order
  build.py check [PROJECT_DIR]        check the input and the norm-control rules
                                      without writing a PDF
  build.py watch [PROJECT_DIR]        build, then build again whenever a chapter, the
                                      .bib file, thesis.toml, an image or a template
                                      is saved (Ctrl-C stops)

exit status: 0 success, 1 the input has errors, 2 wrong usage
"""


COMMANDS = ("build", "docx", "refs", "check", "watch")


def _parser(command: str) -> argparse.ArgumentParser:
    prog = "build.py" if command == "build" else f"build.py {command}"
    parser = argparse.ArgumentParser(prog=prog, description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", nargs="?", type=Path, default=REPOSITORY_ROOT,
                        help="the thesis project folder (default: the repository's exemplar)")
    if command == "refs":
        parser.add_argument("--all", action="store_true", help="every entry of references.bib, in file order")
    return parser


def _report(problems: Problems, err: TextIO) -> None:
    for problem in problems:
        print(problem, file=err)


def _summary(problems: Problems) -> str:
    e, w = len(problems.errors), len(problems.warnings)
    return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}"


def _run(command: str, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    root = args.project.resolve()
    if not root.is_dir():
        print(f"{args.project}: error: no such project folder — give the folder that holds thesis.toml and content/",
              file=err)
        return 2
    if command == "watch":
        from kazthesis.watch import watch

        return watch(root, out, err)
    problems = Problems(root=root)
    started = time.perf_counter()
    if command == "build":
        from kazthesis.pipeline import build

        result = build(root, problems, started)
        _report(problems, err)
        if result is None:
            print(f"Build failed: {_summary(problems)}; the previous output/thesis.pdf was kept.", file=err)
            return 1
        rel = result.pdf.relative_to(root) if result.pdf.is_relative_to(root) else result.pdf
        left = (f", {result.placeholders} title-page placeholder{'s' * (result.placeholders != 1)} to fill in"
                if result.placeholders else "")
        print(f"Built {rel}: {result.pages} pages, {result.references} references, "
              f"{len(problems.warnings)} warnings{left}, {result.seconds:.1f} s", file=out)
        return 0
    if command == "docx":
        return _docx(root, problems, started, out, err)

    from kazthesis.pipeline import prepare

    document = prepare(root, problems)
    if command == "refs":
        from kazthesis.document import all_references

        references = all_references(document) if args.all else document.references
        _report(problems, err)
        if problems.errors:
            print(f"refs: {_summary(problems)}", file=err)
            return 1
        for ref in references:
            print(f"{ref.number}. {ref.text}", file=out)
        return 0

    from kazthesis.checks import run_checks

    run_checks(document, problems)
    _report(problems, err)
    print(f"check: {_summary(problems)}", file=out)
    return 1 if problems.errors else 0


def _docx(root: Path, problems: Problems, started: float, out: TextIO, err: TextIO) -> int:
    from kazthesis.pipeline import build_docx

    result = build_docx(root, problems, started)
    _report(problems, err)
    if result is None:
        print(f"Build failed: {_summary(problems)}; the previous output/thesis.docx was kept.", file=err)
        return 1
    rel = result.docx.relative_to(root) if result.docx.is_relative_to(root) else result.docx
    notes = f"{result.footnotes} footnote{'s' * (result.footnotes != 1)}"
    print(f"Built {rel}: {result.references} references, {notes}, "
          f"{len(problems.warnings)} warnings, {result.seconds:.1f} s", file=out)
    return 0


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    command = argv[0] if argv and argv[0] in COMMANDS else "build"
    if argv and argv[0] == command:
        argv = argv[1:]
    try:
        args = _parser(command).parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return int(exc.code or 0)
    kept = "output/thesis.docx" if command == "docx" else "output/thesis.pdf"
    try:
        return _run(command, args, out, err)
    except KeyboardInterrupt:
        print(f"interrupted; the previous {kept} was kept", file=err)
        return 130
    except Exception as exc:  # a bug in the tool, never the student's fault
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        print(f"internal error: {type(exc).__name__}: {exc} (at {where}) — this is a bug in kazthesis, not in "
              f"your thesis; {BUG_REPORT}. The previous {kept} was kept.", file=err)
        return 3
