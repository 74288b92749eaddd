"""Where pieces are laid out: a renderer process started first thing, with two workers of its own.

Importing WeasyPrint and loading the fonts takes about a third of a cold
build. So the build forks one process before it reads the project; that
process imports the renderer and loads the fonts while the build parses the
chapters, then forks two workers that inherit all of it and lay out pieces
two at a time (two cores here). The build itself never imports WeasyPrint.
A piece goes to the worker that laid it out before (watch mode keeps the
processes, and each worker keeps what it needs to lay a piece out again
after a small edit: :mod:`kazthesis.pdf.weasy`).

Without ``fork`` (or on one core) everything runs in this process instead.
"""

from __future__ import annotations

import atexit
import os
import signal
from collections.abc import Callable, Iterable
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.connection import Connection, wait
from typing import Any

WORKERS = 2


class Renderer:
    """A handle on the renderer process: ``map`` sends it work and returns the results in order."""

    def __init__(self) -> None:
        context = get_context("fork")
        self._connection, child = context.Pipe()
        # Not a daemon: a daemon may not have processes of its own. It ends when told to (stop, at exit)
        # or when the build's end of the pipe closes.
        self._process = context.Process(target=_serve, args=(child,), name="kazthesis-renderer")
        self._process.start()
        child.close()

    def map(self, function: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        self._connection.send((function, items))
        status, value = self._connection.recv()
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        try:
            self._connection.send(None)
        except OSError:
            pass
        self._process.join(5)
        if self._process.is_alive():
            self._process.terminate()


_RENDERER: Renderer | None = None


def start() -> None:
    """Start the renderer process (once); on one core, or without fork, nothing: work runs here."""
    global _RENDERER
    if _RENDERER is None and (os.cpu_count() or 1) > 1 and "fork" in get_all_start_methods():
        _RENDERER = Renderer()
        atexit.register(stop)


def run(function: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
    """``function`` over ``items`` (the largest first): by the workers, or here in order without them."""
    items = list(items)
    if not items:
        return []
    if _RENDERER is None:
        return [function(item) for item in items]
    return _RENDERER.map(function, items)


def stop() -> None:
    """Stop the renderer and its workers (at the end of watch mode, and at exit)."""
    global _RENDERER
    if _RENDERER is not None:
        _RENDERER.close()
        _RENDERER = None


# --- the renderer process ------------------------------------------------------------------------------


def _serve(connection: Connection) -> None:
    """The renderer: load the renderer, fork the workers, then hand out what is asked until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle; it stops us
    from kazthesis.pdf.weasy import warm_up

    try:
        warm_up()
    except Exception as exc:  # noqa: BLE001 - another WeasyPrint version, a missing library: the build reports it
        _refuse(connection, exc)
        return
    context = get_context("fork")
    workers = []
    for _ in range(WORKERS):
        ours, theirs = context.Pipe()
        process = context.Process(target=_work, args=(theirs,), name="kazthesis-worker")
        process.start()
        theirs.close()
        workers.append((process, ours))
    home: dict[str, int] = {}  # piece name → the worker that keeps its layout (watch mode)
    try:
        while True:
            try:
                message = connection.recv()
            except (EOFError, OSError):
                return  # the build has gone
            if message is None:
                return
            function, items = message
            try:
                connection.send(("ok", _dispatch(function, items, workers, home)))
            except Exception as exc:  # noqa: BLE001 - a bug in a layout pass: the build reports it
                connection.send(("error", exc))
    finally:
        for process, pipe in workers:
            try:
                pipe.send(None)
            except OSError:
                pass
            process.join(5)


def _refuse(connection: Connection, failure: Exception) -> None:
    """A renderer that could not start: every request is answered with why, until the build stops asking."""
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        connection.send(("error", failure))


def _dispatch(function: Callable[[Any], Any], items: list[Any], workers: list, home: dict[str, int]) -> list[Any]:
    """The items to the workers one at a time, each to the first free one (the largest come first), except
    that a piece whose layout a worker keeps (watch mode) waits for that worker."""
    pending = list(range(len(items)))
    results: list[Any] = [None] * len(items)
    busy: dict[int, int] = {}  # worker → the item it is on
    failure: Exception | None = None

    def owner(index: int) -> int | None:
        item = items[index]
        return home.get(item.name) if getattr(item, "keep", False) else None

    def give(worker: int) -> None:
        index = next((i for i in pending if owner(i) in (None, worker)), None)
        if index is not None:
            pending.remove(index)
            busy[worker] = index
            workers[worker][1].send((function, [items[index]]))

    for worker in range(len(workers)):
        give(worker)
    while busy:
        for pipe in wait([workers[worker][1] for worker in busy]):
            worker = next(w for w in busy if workers[w][1] is pipe)
            index = busy.pop(worker)
            status, value = pipe.recv()
            if status == "error":
                failure = value
            else:
                results[index] = value[0]
                if getattr(items[index], "keep", False):
                    home[items[index].name] = worker
            give(worker)
    if failure is not None:
        raise failure
    return results


def _work(connection: Connection) -> None:
    """A worker: do what the renderer sends, in order, until told to stop."""
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        function, items = message
        try:
            connection.send(("ok", [function(item) for item in items]))
        except Exception as exc:  # noqa: BLE001 - a bug in a layout pass: the build reports it
            connection.send(("error", exc))
