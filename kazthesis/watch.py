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

from kazthesis.pdf.build import LayoutCache
from kazthesis.pipeline import BuildResult, build
from kazthesis.places import Places
from kazthesis.problems import Problems
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
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def _line(result: BuildResult | None, problems: Problems, seconds: float, changed: str, places: Places) -> str:
    """One line a build: what it made, or that it failed and what was kept."""
    warnings = len(problems.warnings)
    if result is None:
        errors = len(problems.errors)
        what = f"Not rebuilt after {changed}" if changed else "Build failed"
        return (f"{what}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; "
                f"the previous {places.shown('output/thesis.pdf')} was kept ({seconds:.2f} s)")
    what = f"Rebuilt after {changed}" if changed else f"Built {places.shown(result.pdf)}"
    return (f"{what}: {result.pages} pages, {warnings} warning{'s' * (warnings != 1)}, {seconds:.2f} s "
            f"({result.laid_out} piece{'s' * (result.laid_out != 1)} laid out)")


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
    print(f"Watching {'the project' if where == '.' else where} for changes; Ctrl-C stops.", file=out, flush=True)
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
    print(f"Stopped watching; {places.shown('output/thesis.pdf')} is the last good build.", file=out, flush=True)
    return 0
