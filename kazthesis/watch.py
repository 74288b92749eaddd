"""``build.py watch``: build, then build again on every save, reusing all that did not change.

A :class:`Watcher` keeps what the last build read and laid out — the parsed
chapters, the bibliography, every piece's layout — so a rebuild parses only
the file that changed, numbers the whole document again (cheap), lays out
again only the pieces whose HTML changed (an edited chapter; a chapter whose
citation or footnote numbers moved; the contents page when a page number
moved), and assembles the PDF. The PDF on disk is always whole: it is written
beside its place and moved there, so viewers that reload on change show
every version. File events come from watchfiles (the operating system's
notifications, not a polling loop of ours).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TextIO

from kazthesis.i18n import _, ngettext
from kazthesis.pdf.build import LayoutCache
from kazthesis.pipeline import BuildResult, build
from kazthesis.places import Places
from kazthesis.problems import Problems, count_warnings, summary
from kazthesis.read.inputs import Inputs

WATCHED = {"content": (".md", ".markdown"), "images": (".png", ".jpg", ".jpeg", ".svg", ".gif"),
           "templates": (".html", ".css")}
DEBOUNCE_MS = 40  # editors write a file in a few steps; wait this long for the last one


class Watcher:
    """Rebuilds of one project, each reusing what the previous one read and laid out."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs = Inputs()
        self.cache = LayoutCache()

    def rebuild(self) -> tuple[BuildResult | None, Problems]:
        problems = Problems(root=self.root)
        result = build(self.root, problems, cache=self.cache, inputs=self.inputs)
        return result, problems


def is_input(root: Path, path: Path) -> bool:
    """Whether a changed path is something the build reads (never the output it writes)."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return False
    if not rel.parts or rel.parts[0] == "output" or any(p.startswith(".") for p in rel.parts):
        return False
    if rel.suffix.lower() == ".pdf":  # a title-page or [[insert]] PDF, anywhere in the project
        return True
    if len(rel.parts) == 1:
        return rel.name == "thesis.toml" or rel.suffix.lower() == ".bib"
    return rel.suffix.lower() in WATCHED.get(rel.parts[0], ())


def _describe(places: Places, changed: set[Path]) -> str:
    names = sorted(places.shown(p) for p in changed)
    more = len(names) - 3
    return ", ".join(names[:3]) + (_(" and {n} more").format(n=more) if more > 0 else "")


def _line(result: BuildResult | None, problems: Problems, seconds: float, changed: str, places: Places) -> str:
    """One line a build: what it made, or that it failed and what was kept."""
    time = f"{seconds:.2f}"
    if result is None:
        what = _("Not rebuilt after {files}").format(files=changed) if changed else _("Build failed")
        return _("{what}: {summary}; the previous {file} was kept ({seconds} s)").format(
            what=what, summary=summary(problems), file=places.shown("output/thesis.pdf"), seconds=time)
    what = (_("Rebuilt after {files}").format(files=changed) if changed
            else _("Built {file}").format(file=places.shown(result.pdf)))
    return _("{what}: {pages}, {warnings}, {seconds} s ({pieces})").format(
        what=what, pages=ngettext("{n} page", "{n} pages", result.pages).format(n=result.pages),
        warnings=count_warnings(len(problems.warnings)), seconds=time,
        pieces=ngettext("{n} piece laid out", "{n} pieces laid out", result.laid_out).format(n=result.laid_out))


def watch(root: Path, out: TextIO, err: TextIO, stop: threading.Event | None = None,
          places: Places | None = None) -> int:
    """Build, then rebuild whenever an input changes, until Ctrl-C (or ``stop`` is set)."""
    import watchfiles

    from kazthesis.pdf import workers

    watcher = Watcher(root)
    places = places or Places(root, root)

    def run(changed: str) -> None:
        started = time.perf_counter()
        result, problems = watcher.rebuild()
        for problem in problems:
            print(places.problem(problem), file=err)
        print(_line(result, problems, time.perf_counter() - started, changed, places), file=out, flush=True)

    run("")
    where = places.shown(root)
    print(_("Watching the project for changes; Ctrl-C stops.") if where == "." else
          _("Watching {folder} for changes; Ctrl-C stops.").format(folder=where), file=out, flush=True)
    try:
        for changes in watchfiles.watch(root, debounce=DEBOUNCE_MS, step=20, stop_event=stop,
                                        raise_interrupt=True):
            changed = {Path(path) for _, path in changes if is_input(root, Path(path))}
            if changed:
                run(_describe(places, changed))
    except KeyboardInterrupt:
        pass
    finally:
        workers.stop()
    print(_("Stopped watching; {file} is the last good build.").format(file=places.shown("output/thesis.pdf")),
          file=out, flush=True)
    return 0
