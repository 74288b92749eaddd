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
from kazthesis.helptext import COMMAND_HELP, FOOTER, HEADER, translate_argparse
from kazthesis.i18n import _, ngettext
from kazthesis.lang.registry import DOCUMENT_LANGUAGES
from kazthesis.places import Places, is_project, project_above
from kazthesis.problems import Problems, count_warnings, problem_line, summary
from kazthesis.read.settings import WORK_TYPES

COMMANDS = ("build", "docx", "review", "refs", "check", "watch", "new", "import", "doctor", "help")
PROJECT_COMMANDS = ("build", "docx", "review", "refs", "check", "watch", "doctor")


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
        self.exit(2, problem_line(self.prog, "error", message) + "\n")


class _Cli:
    """One run of the command line: its streams, its name and its default project folder."""

    def __init__(self, out: TextIO, err: TextIO, prog: str, default_project: Path | None) -> None:
        self.out, self.err, self.prog = out, err, prog
        self.default_project = default_project

    def footer(self) -> str:
        default = (_("the current folder when not given") if self.default_project is None
                   else _("{folder} when not given").format(folder=self.default_project))
        return _(FOOTER).format(default=default) + "\n"

    def description(self) -> str:
        """The whole help: every command, what it does, the default folder and the exit statuses."""
        lines = [_(HEADER) + "\n", _("commands:")]
        for usage, what in COMMAND_HELP.values():
            lines.append("  " + self.usage(usage))
            lines.extend("      " + line for line in _(what).splitlines())
        lines.append(f"  {self.prog} --version\n      " + _("the version of kazthesis") + "\n")
        return "\n".join(lines) + "\n" + self.footer()

    def usage(self, usage: str) -> str:
        return usage.format(p=self.prog, languages="|".join(DOCUMENT_LANGUAGES), work_types="|".join(WORK_TYPES))

    def parser(self, command: str) -> _Parser:
        usage, what = COMMAND_HELP[command]
        parser = _Parser(prog=f"{self.prog} {command}", usage=self.usage(usage),
                         description=_(what) + ".", epilog=self.footer() if command in PROJECT_COMMANDS else None,
                         formatter_class=argparse.RawDescriptionHelpFormatter, out=self.out, err=self.err)
        if command == "review":
            parser.add_argument("reviewed", type=Path, help=_("the .docx with the reviewer's comments and changes"))
        if command in PROJECT_COMMANDS:
            where = _("the current folder") if self.default_project is None else str(self.default_project)
            parser.add_argument("project", nargs="?", type=Path, default=None,
                                help=_("the thesis project folder (default: {folder})").format(folder=where))
        if command == "review":
            parser.add_argument("--apply", action="store_true", help=_("make the tracked changes in the sources"))
        if command == "refs":
            parser.add_argument("--all", action="store_true", help=_("every entry of references.bib, in file order"))
        if command == "new":
            parser.add_argument("project", type=Path, help=_("the new project folder (must not exist, or be empty)"))
            parser.add_argument("--lang", choices=list(DOCUMENT_LANGUAGES), default="kk",
                                help=_("document language (default: kk)"))
            parser.add_argument("--work-type", choices=WORK_TYPES, default="coursework",
                                help=_("kind of work (default: coursework)"))
        if command == "import":
            parser.add_argument("draft", type=Path, help=_("the draft: .docx, .odt, .txt or .md"))
            parser.add_argument("project", nargs="?", type=Path, default=None,
                                help=_("the new project folder (must not exist, or be empty)"))
        if command == "help":
            parser.add_argument("topic", nargs="?", choices=[c for c in COMMANDS if c != "help"],
                                help=_("a command to explain"))
        return parser

    def project(self, args: argparse.Namespace) -> Path:
        given = args.project
        return given if given is not None else (self.default_project or Path.cwd())


def _report(problems: Problems, err: TextIO, places: Places) -> None:
    for problem in problems:
        print(places.problem(problem), file=err)


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
        print(problem_line(given, "error", _("no such project folder"),
                           _("give the folder that holds thesis.toml and content/")), file=err)
        return 2
    if not is_project(root) and (above := project_above(root)) is not None:
        root = above  # run inside content/ (or another subfolder): the project above, as git finds its repository
    if not is_project(root):
        what = (_("this folder is not a thesis project (no thesis.toml, no content/)") if args.project is None
                else _("{folder} is not a thesis project (no thesis.toml, no content/)").format(folder=given))
        print(problem_line(given, "error", what, _("start one with '{prog} new my-thesis', or give the project "
                                                   "folder: '{prog} {command} PROJECT_DIR'").format(
                                                       prog=cli.prog, command=command)), file=err)
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
            print(_("refs: {summary}").format(summary=summary(problems)), file=err)
            return 1
        for ref in references:  # "1. entry" (GOST), "[1] entry" (a numeric CSL style), "entry" (author–date)
            label = f"{ref.number}." if document.config.csl_style is None else ref.label
            print(f"{label} {ref.text}".strip(), file=out)
        return 0

    from kazthesis.resolve.checks import run_checks

    run_checks(document, problems)
    _report(problems, err, places)
    print(_("check: {summary}").format(summary=summary(problems)), file=out)
    return 1 if problems.errors else 0


def _build(places: Places, problems: Problems, started: float, out: TextIO, err: TextIO, prog: str) -> int:
    from kazthesis.pipeline import build

    result = build(places.root, problems, started)
    _report(problems, err, places)
    if result is None:
        print(_("Build failed: {summary}; the previous {file} was kept.").format(
            summary=summary(problems), file=places.shown("output/thesis.pdf")), file=err)
        return 1
    parts = [ngettext("{n} page", "{n} pages", result.pages).format(n=result.pages),
             ngettext("{n} reference", "{n} references", result.references).format(n=result.references),
             count_warnings(len(problems.warnings))]
    unfilled = [text.format(n=n) for n, text in (
        (result.placeholders, ngettext("{n} title-page placeholder", "{n} title-page placeholders",
                                       result.placeholders)),
        (result.placeholder_sources, ngettext("{n} placeholder source", "{n} placeholder sources",
                                              result.placeholder_sources))) if n]
    if unfilled:
        parts[-1] += _(", {placeholders} to fill in").format(placeholders=_(" and ").join(unfilled))
    line = _("Built {file}: {counts}, {seconds} s").format(file=places.shown(result.pdf), counts=", ".join(parts),
                                                           seconds=f"{result.seconds:.1f}")
    if result.norm_warnings:
        line += _("; norm control: {warnings}, which '{prog} check' lists").format(
            warnings=count_warnings(result.norm_warnings), prog=prog)
    print(line, file=out)
    return 0


def _docx(places: Places, problems: Problems, started: float, out: TextIO, err: TextIO) -> int:
    from kazthesis.pipeline import build_docx

    result = build_docx(places.root, problems, started)
    _report(problems, err, places)
    if result is None:
        print(_("Build failed: {summary}; the previous {file} was kept.").format(
            summary=summary(problems), file=places.shown("output/thesis.docx")), file=err)
        return 1
    counts = ", ".join((ngettext("{n} reference", "{n} references", result.references).format(n=result.references),
                        ngettext("{n} footnote", "{n} footnotes", result.footnotes).format(n=result.footnotes),
                        count_warnings(len(problems.warnings))))
    print(_("Built {file}: {counts}, {seconds} s; {contents}").format(
        file=places.shown(result.docx), counts=counts, seconds=f"{result.seconds:.1f}", contents=result.contents),
        file=out)
    return 0


def _unknown_command(word: str) -> tuple[str, str] | None:
    """What is wrong with a first word that is no command, no option and no folder (``kazthesis bild``), and
    what to do."""
    if word in COMMANDS or word.startswith("-") or Path(word).exists():
        return None
    close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
    if close:
        return _("unknown command '{word}'").format(word=word), _("did you mean '{command}'?").format(command=close[0])
    if os.sep in word or "/" in word:
        return None  # a path that does not exist: the project commands say so
    return (_("'{word}' is neither a command nor a folder").format(word=word),
            _("the commands are {commands}").format(commands=", ".join(COMMANDS)))


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
    translate_argparse()
    if argv and argv[0] in ("--version", "-V"):
        print(f"kazthesis {__version__}", file=out)
        return 0
    if argv and argv[0] in ("-h", "--help"):
        out.write(cli.description())
        return 0
    if argv and (unknown := _unknown_command(argv[0])):
        print(problem_line(prog, "error", *unknown), file=err)
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
        print(_("interrupted; the previous {kept} was kept").format(kept=kept), file=err)
        return 130
    except Exception as exc:  # a bug in the tool, never the student's fault
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        print(_("internal error: {name}: {exc} (at {where}) — this is a bug in kazthesis, not in your thesis; "
                "please report it to the kazthesis maintainers with the command you ran. The previous {kept} was "
                "kept.").format(name=type(exc).__name__, exc=exc, where=where, kept=kept), file=err)
        return 3
