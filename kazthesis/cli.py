"""Command line: ``kazthesis [build|docx|review|refs|check|watch|new|doctor|help] [PROJECT_DIR]`` (and ``build.py …``).

The project folder is the current one unless given, as with latexmk, typst or
mkdocs; the repository's ``build.py`` passes its own default, the exemplar.
Exit status: 0 success, 1 the input has errors (``doctor``: something the build
needs is missing), 2 wrong usage, 3 a bug in the tool (reported in one line;
the previous PDF is kept). A reader that stops reading (``kazthesis refs | head``)
ends the command quietly with status 0.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
import traceback
from pathlib import Path
from typing import NoReturn, TextIO

from kazthesis import __version__
from kazthesis.lang.registry import DOCUMENT_LANGUAGES
from kazthesis.places import Places, is_project, project_above
from kazthesis.problems import Problems
from kazthesis.read.config import WORK_TYPES

BUG_REPORT = "please report it to the kazthesis maintainers with the command you ran"
COMMANDS = ("build", "docx", "review", "refs", "check", "watch", "new", "import", "doctor", "help")
PROJECT_COMMANDS = ("build", "docx", "review", "refs", "check", "watch", "doctor")

HEADER = """\
Turn a thesis project (content/*.md, references.bib, thesis.toml) into a
GOST-formatted PDF and a Word file.
"""
FOOTER = """\
PROJECT_DIR is {default}.
exit status: 0 success, 1 the input has errors (doctor: something is missing),
2 wrong usage, 3 a bug in kazthesis
"""
# command → (usage, what it does)
COMMAND_HELP = {
    "new": ("{p} new DIR [--lang {languages}] [--work-type {work_types}]",
            "start a project in the new folder DIR: settings, introduction, two chapters,\n"
            "conclusion, appendix, sources and a figure, ready to build"),
    "import": ("{p} import DRAFT [DIR]",
               "make a new project in DIR (default: named after the draft) from a draft you already\n"
               "have (.docx, .odt, .txt or .md): title page, chapters, tables, figures, footnotes,\n"
               "the typed reference list as references.bib, typed citations linked; the draft is\n"
               "not changed"),
    "build": ("{p} [build] [PROJECT_DIR]", "build PROJECT_DIR/output/thesis.pdf (and thesis.html)"),
    "docx": ("{p} docx [PROJECT_DIR]",
             "build PROJECT_DIR/output/thesis.docx, the same thesis for Word\n"
             "(styles, contents field, footnotes)"),
    "review": ("{p} review REVIEWED.docx [PROJECT_DIR] [--apply]",
               "list the comments and tracked changes of a .docx your reviewer sent back, each at\n"
               "its FILE:LINE; with --apply make the changes in the sources (copies of the files\n"
               "as they were go to output/review-backup/) and write the comments to output/review.txt"),
    "refs": ("{p} refs [PROJECT_DIR] [--all]",
             'print the reference list, one "N. entry" a line: the cited entries in list\n'
             "order, or with --all every entry of references.bib in file order"),
    "check": ("{p} check [PROJECT_DIR]", "check the input and the norm-control rules without writing a PDF"),
    "watch": ("{p} watch [PROJECT_DIR]",
              "build, then build again whenever a chapter, the .bib file, thesis.toml,\n"
              "an image or a template is saved (Ctrl-C stops)"),
    "doctor": ("{p} doctor [PROJECT_DIR]",
               "check that this computer has what a build needs (Python, Pango, HarfBuzz,\n"
               "fonts, a writable output/) and say how to install what is missing"),
    "help": ("{p} help [COMMAND]", "this help, or one command's"),
}


class _Parser(argparse.ArgumentParser):
    """An argparse parser that writes its help to ``out`` and its errors to ``err`` (testable, no sys.exit)."""

    def __init__(self, *args: object, out: TextIO, err: TextIO, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.out, self.err = out, err

    def print_help(self, file: TextIO | None = None) -> None:
        self.out.write(self.format_help())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.err.write(message)
        raise SystemExit(status)

    def error(self, message: str) -> NoReturn:
        self.err.write(self.format_usage())
        self.exit(2, f"{self.prog}: error: {message}\n")


class _Cli:
    """One run of the command line: its streams, its name and its default project folder."""

    def __init__(self, out: TextIO, err: TextIO, prog: str, default_project: Path | None) -> None:
        self.out, self.err, self.prog = out, err, prog
        self.default_project = default_project

    def footer(self) -> str:
        default = ("the current folder when not given" if self.default_project is None
                   else f"{self.default_project} when not given")
        return FOOTER.format(default=default)

    def description(self) -> str:
        """The whole help: every command, what it does, the default folder and the exit statuses."""
        lines = [HEADER, "commands:"]
        for usage, what in COMMAND_HELP.values():
            lines.append("  " + self.usage(usage))
            lines.extend("      " + line for line in what.splitlines())
        lines.append(f"  {self.prog} --version\n      the version of kazthesis\n")
        return "\n".join(lines) + "\n" + self.footer()

    def usage(self, usage: str) -> str:
        return usage.format(p=self.prog, languages="|".join(DOCUMENT_LANGUAGES), work_types="|".join(WORK_TYPES))

    def parser(self, command: str) -> _Parser:
        usage, what = COMMAND_HELP[command]
        parser = _Parser(prog=f"{self.prog} {command}", usage=self.usage(usage),
                         description=what + ".", epilog=self.footer() if command in PROJECT_COMMANDS else None,
                         formatter_class=argparse.RawDescriptionHelpFormatter, out=self.out, err=self.err)
        if command == "review":
            parser.add_argument("reviewed", type=Path, help="the .docx with the reviewer's comments and changes")
        if command in PROJECT_COMMANDS:
            where = "the current folder" if self.default_project is None else str(self.default_project)
            parser.add_argument("project", nargs="?", type=Path, default=None,
                                help=f"the thesis project folder (default: {where})")
        if command == "review":
            parser.add_argument("--apply", action="store_true", help="make the tracked changes in the sources")
        if command == "refs":
            parser.add_argument("--all", action="store_true", help="every entry of references.bib, in file order")
        if command == "new":
            parser.add_argument("project", type=Path, help="the new project folder (must not exist, or be empty)")
            parser.add_argument("--lang", choices=list(DOCUMENT_LANGUAGES), default="kk",
                                help="document language (default: kk)")
            parser.add_argument("--work-type", choices=WORK_TYPES, default="coursework",
                                help="kind of work (default: coursework)")
        if command == "import":
            parser.add_argument("draft", type=Path, help="the draft: .docx, .odt, .txt or .md")
            parser.add_argument("project", nargs="?", type=Path, default=None,
                                help="the new project folder (must not exist, or be empty)")
        if command == "help":
            parser.add_argument("topic", nargs="?", choices=[c for c in COMMANDS if c != "help"],
                                help="a command to explain")
        return parser

    def project(self, args: argparse.Namespace) -> Path:
        given = args.project
        return given if given is not None else (self.default_project or Path.cwd())


def _report(problems: Problems, err: TextIO, places: Places) -> None:
    for problem in problems:
        print(places.problem(problem), file=err)


def _count(number: int, noun: str) -> str:
    """``1 warning``, ``2 warnings``."""
    return f"{number} {noun}{'s' * (number != 1)}"


def _summary(problems: Problems) -> str:
    return f"{_count(len(problems.errors), 'error')}, {_count(len(problems.warnings), 'warning')}"


def _run(cli: _Cli, command: str, args: argparse.Namespace) -> int:
    out, err = cli.out, cli.err
    if command == "help":
        target = args.topic
        if target is None:
            out.write(cli.description())
        else:
            cli.parser(target).print_help()
        return 0
    if command == "new":
        from kazthesis.new.project import create

        return create(args.project, args.lang, args.work_type, out, err, prog=cli.prog)
    if command == "import":
        from kazthesis.draft import import_draft

        return import_draft(args.draft, args.project, out, err, prog=cli.prog)
    given = cli.project(args)
    root = given.resolve()
    if command == "doctor":
        from kazthesis.doctor import run_doctor

        return run_doctor(root, out)
    if not root.is_dir():
        print(f"{given}: error: no such project folder — give the folder that holds thesis.toml and content/",
              file=err)
        return 2
    if not is_project(root) and (above := project_above(root)) is not None:
        root = above  # run inside content/ (or another subfolder): the project above, as git finds its repository
    if not is_project(root):
        here = "this folder" if args.project is None else str(given)
        print(f"{given}: error: {here} is not a thesis project (no thesis.toml, no content/) — start one with "
              f"'{cli.prog} new my-thesis', or give the project folder: '{cli.prog} {command} PROJECT_DIR'",
              file=err)
        return 2
    if command in ("build", "watch"):
        from kazthesis.pdf import workers

        workers.start()  # the renderer loads itself while this process imports the rest and reads the project
    places = Places(root, Path.cwd())
    if command == "watch":
        from kazthesis.watch import watch

        return watch(root, out, err, places=places)
    problems = Problems(root=root)
    started = time.perf_counter()
    if command == "build":
        return _build(places, problems, started, out, err, cli.prog)
    if command == "docx":
        return _docx(places, problems, started, out, err)
    if command == "review":
        from kazthesis.review.command import run_review

        return run_review(args.reviewed, root, args.apply, out, err)

    from kazthesis.pipeline import prepare

    document = prepare(root, problems)
    if command == "refs":
        from kazthesis.resolve.references import all_references

        references = all_references(document) if args.all else document.references
        _report(problems, err, places)
        if problems.errors:
            print(f"refs: {_summary(problems)}", file=err)
            return 1
        for ref in references:  # "1. entry" (GOST), "[1] entry" (a numeric CSL style), "entry" (author–date)
            label = f"{ref.number}." if document.config.csl_style is None else ref.label
            print(f"{label} {ref.text}".strip(), file=out)
        return 0

    from kazthesis.resolve.checks import run_checks

    run_checks(document, problems)
    _report(problems, err, places)
    print(f"check: {_summary(problems)}", file=out)
    return 1 if problems.errors else 0


def _build(places: Places, problems: Problems, started: float, out: TextIO, err: TextIO, prog: str) -> int:
    from kazthesis.pipeline import build

    result = build(places.root, problems, started)
    _report(problems, err, places)
    if result is None:
        print(f"Build failed: {_summary(problems)}; the previous {places.shown('output/thesis.pdf')} was kept.",
              file=err)
        return 1
    unfilled = [_count(number, noun) for number, noun in ((result.placeholders, "title-page placeholder"),
                                                           (result.placeholder_sources, "placeholder source"))
                if number]
    left = f", {' and '.join(unfilled)} to fill in" if unfilled else ""
    norm = (f"; norm control: {_count(result.norm_warnings, 'warning')}, which '{prog} check' lists"
            if result.norm_warnings else "")
    print(f"Built {places.shown(result.pdf)}: {result.pages} pages, {result.references} references, "
          f"{_count(len(problems.warnings), 'warning')}{left}, {result.seconds:.1f} s{norm}", file=out)
    return 0


def _docx(places: Places, problems: Problems, started: float, out: TextIO, err: TextIO) -> int:
    from kazthesis.pipeline import build_docx

    result = build_docx(places.root, problems, started)
    _report(problems, err, places)
    if result is None:
        print(f"Build failed: {_summary(problems)}; the previous {places.shown('output/thesis.docx')} was kept.",
              file=err)
        return 1
    print(f"Built {places.shown(result.docx)}: {result.references} references, "
          f"{_count(result.footnotes, 'footnote')}, {_count(len(problems.warnings), 'warning')}, "
          f"{result.seconds:.1f} s; {result.contents}", file=out)
    return 0


def _unknown_command(word: str) -> str:
    """What is wrong with a first word that is no command, no option and no folder: ``kazthesis bild``."""
    if word in COMMANDS or word.startswith("-") or Path(word).exists():
        return ""
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        return f"unknown command '{word}' — did you mean '{close[0]}'?"
    if os.sep in word or "/" in word:
        return ""  # a path that does not exist: the project commands say so
    return f"'{word}' is neither a command nor a folder — the commands are {', '.join(COMMANDS)}"


def _quiet_stdout(stream: TextIO) -> None:
    """After a broken pipe, point the stream's file at /dev/null so Python's final flush does not complain."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a file (a test's StringIO): nothing will flush it at exit
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None, *,
         prog: str = "kazthesis", default_project: Path | None = None) -> int:
    """Run the command line; returns the exit status.

    ``default_project`` is the folder the project commands work on when none is
    given: the current folder when None (the ``kazthesis`` command), the
    repository's exemplar for ``build.py``.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    out = out or sys.stdout
    err = err or sys.stderr
    cli = _Cli(out, err, prog, default_project)
    if argv and argv[0] in ("--version", "-V"):
        print(f"kazthesis {__version__}", file=out)
        return 0
    if argv and argv[0] in ("-h", "--help"):
        out.write(cli.description())
        return 0
    if argv and (unknown := _unknown_command(argv[0])):
        print(f"{prog}: error: {unknown}", file=err)
        return 2
    command = argv[0] if argv and argv[0] in COMMANDS else "build"
    if argv and argv[0] == command:
        argv = argv[1:]
    kept = "output/thesis.docx" if command == "docx" else "output/thesis.pdf"
    try:
        try:
            args = cli.parser(command).parse_args(argv)
        except SystemExit as exc:  # --help (0) or a usage error (2)
            return int(exc.code or 0)
        status = _run(cli, command, args)
        out.flush()
        return status
    except BrokenPipeError:
        # The reader stopped reading (`refs | head`): what it wanted it has. Status 0, not the shell's
        # 141, so that `set -o pipefail` scripts do not fail on it; 1–3 keep their meanings here.
        _quiet_stdout(out)
        return 0
    except KeyboardInterrupt:
        print(f"interrupted; the previous {kept} was kept", file=err)
        return 130
    except Exception as exc:  # a bug in the tool, never the student's fault
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        print(f"internal error: {type(exc).__name__}: {exc} (at {where}) — this is a bug in kazthesis, not in "
              f"your thesis; {BUG_REPORT}. The previous {kept} was kept.", file=err)
        return 3
