"""Where pieces are laid out: a renderer process started first thing, with workers of its own, bounded.

Importing WeasyPrint takes about a third of a cold build. So the build forks
one process before it reads the project; that process imports the renderer
while the build parses the chapters, then forks the workers (two: two cores
here), which load the fonts and lay out pieces, each to the first free one.
The build itself never imports WeasyPrint. A piece goes to the worker that
laid it out before (watch mode keeps the processes, and each worker keeps
what it needs to lay a piece out again after a small edit:
:mod:`kazthesis.pdf.weasy`).

The renderer never loads a font: Pango looks fonts up in threads of its own,
and a process forked while one of them holds fontconfig's lock would wait
for it for ever. Only the workers load fonts, after they are forked.

Nothing here outlives the build: each child closes the ends of the pipes
that are not its own, so that it reads the end of its input when its parent
is gone, and on Linux it also asks the kernel to kill it then
(``prctl(PR_SET_PDEATHSIG)``), which reaches a worker busy with a layout.
A piece may take at most :data:`PIECE_SECONDS` and a worker at most
:data:`WORKER_MEMORY` more memory than it started with; a piece that needs
more is stopped and comes back as :class:`PieceFailed`, for the build to
report at the piece's source, and the worker is replaced.

Without ``fork`` everything runs in this process instead, unbounded.
"""

from __future__ import annotations

import atexit
import faulthandler
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.connection import Connection, wait
from typing import Any

WORKERS = 2
PIECE_SECONDS = 300.0  # the exemplar's largest piece takes about a second; a 100-page chapter, about ten
WORKER_MEMORY = 2 << 30  # bytes of address space a worker may take beyond what it holds once started


@dataclass(frozen=True)
class PieceFailed:
    """A piece the renderer gave up on: ``reason`` is "time", "memory" or "stopped" (the worker died, with the exit
    ``code``: negative, the signal that killed it)."""

    name: str
    reason: str
    code: int | None = None


class Renderer:
    """A handle on the renderer process: ``map`` sends it work and returns the results in order."""

    def __init__(self) -> None:
        context = get_context("fork")
        self._connection, child = context.Pipe()
        # Not a daemon: a daemon may not have processes of its own. It ends when told to (stop, at exit)
        # or when it reads the end of its pipe: the build's end is closed in it, so that happens when the
        # build has gone.
        self._process = context.Process(target=_serve, args=(child, self._connection, os.getpid()),
                                        name="kazthesis-renderer")
        self._process.start()
        child.close()

    def alive(self) -> bool:
        return self._process.is_alive()

    def map(self, function: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        try:
            self._connection.send((function, items))
            status, value = self._connection.recv()
        except (EOFError, OSError) as exc:
            raise RuntimeError(f"the renderer process ended ({self._process.exitcode})") from exc
        if status == "error":
            if isinstance(value, OSError):  # the renderer's own pipes: not a file of the student's
                raise RuntimeError(f"the renderer failed: {value!r}") from value
            raise value
        return value

    def close(self) -> None:
        try:
            self._connection.send(None)
        except OSError:
            pass
        self._process.join(5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(5)
        self._connection.close()


_RENDERER: Renderer | None = None


def start() -> None:
    """Start the renderer process (once; again if it has ended); without fork, nothing: work runs here."""
    global _RENDERER
    if _RENDERER is not None and not _RENDERER.alive():
        stop()
    if _RENDERER is None and "fork" in get_all_start_methods():
        _RENDERER = Renderer()
        atexit.register(stop)


def run(function: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
    """``function`` over ``items`` (the largest first): by the workers, or here in order without them.
    An item the workers gave up on comes back as :class:`PieceFailed`."""
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


def worker_count() -> int:
    return max(1, min(WORKERS, os.cpu_count() or 1))


# --- in every child ---------------------------------------------------------------------------------------


def die_with_parent(parent: int) -> None:
    """Be killed when the process that forked this one ends (Linux: PR_SET_PDEATHSIG); and if it already has,
    end now. Elsewhere the closed pipes alone end the child, once it reads again."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)


# --- the renderer process ------------------------------------------------------------------------------


@dataclass
class _Worker:
    process: Any
    pipe: Connection
    started: float = 0.0  # when it was given the item it is on


def _requests(connection: Connection) -> Iterator[Any]:
    """What is sent on ``connection``, until None (stop) or the end of the pipe (the sender has gone)."""
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        yield message


def _serve(connection: Connection, builds_end: Connection, build: int) -> None:
    """The renderer: import the renderer, fork the workers, then hand out what is asked until told to stop."""
    die_with_parent(build)
    builds_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle; it stops us
    from kazthesis.pdf.weasy import load

    try:
        load()
    except Exception as exc:  # noqa: BLE001 - another WeasyPrint version, a missing library: the build reports it
        _refuse(connection, exc)
        return
    workers = [_fork_worker(connection, []) for _ in range(worker_count())]
    home: dict[str, int] = {}  # piece name → the worker that keeps its layout (watch mode)
    try:
        for function, items in _requests(connection):
            try:
                connection.send(("ok", _dispatch(function, items, workers, home, connection)))
            except Exception as exc:  # noqa: BLE001 - a bug in a layout pass: the build reports it
                connection.send(("error", exc))
    finally:
        for worker in workers:
            try:
                worker.pipe.send(None)
            except OSError:
                pass
        for worker in workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()


def _fork_worker(connection: Connection, others: list[_Worker]) -> _Worker:
    """A new worker, holding only its own end of its own pipe."""
    context = get_context("fork")
    ours, theirs = context.Pipe()
    closed = [connection, ours, *(worker.pipe for worker in others)]
    process = context.Process(target=_work, args=(theirs, closed, os.getpid()), name="kazthesis-worker")
    process.start()
    theirs.close()
    return _Worker(process, ours)


def _refuse(connection: Connection, failure: Exception) -> None:
    """A renderer that could not start: every request is answered with why, until the build stops asking."""
    for _message in _requests(connection):
        connection.send(("error", failure))


def _dispatch(function: Callable[[Any], Any], items: list[Any], workers: list[_Worker], home: dict[str, int],
              connection: Connection) -> list[Any]:
    """The items to the workers one at a time, each to the first free one (the largest come first), except
    that a piece whose layout a worker keeps (watch mode) waits for that worker. A worker that runs out of
    time, or ends, is replaced, and its item fails."""
    pending = list(range(len(items)))
    results: list[Any] = [None] * len(items)
    busy: dict[int, int] = {}  # worker → the item it is on
    failure: Exception | None = None

    def owner(index: int) -> int | None:
        item = items[index]
        return home.get(item.name) if getattr(item, "keep", False) else None

    def give(worker: int) -> None:
        index = next((i for i in pending if owner(i) in (None, worker)), None)
        if index is None:
            return
        pending.remove(index)
        for attempt in range(2):
            try:
                workers[worker].pipe.send((function, [items[index]]))
            except OSError:  # it ended while it had nothing to do: a fresh one takes the item
                if attempt:
                    results[index] = PieceFailed(getattr(items[index], "name", ""), "stopped", ended(worker))
                replace(worker)
            else:
                busy[worker] = index
                workers[worker].started = time.monotonic()
                return

    def ended(worker: int) -> int | None:
        process = workers[worker].process
        process.join(1)
        return process.exitcode

    def replace(worker: int) -> None:
        old = workers[worker]
        if old.process.is_alive():
            old.process.kill()
        old.process.join(5)
        old.pipe.close()
        others = [w for n, w in enumerate(workers) if n != worker]
        workers[worker] = _fork_worker(connection, others)
        for name in [name for name, number in home.items() if number == worker]:
            del home[name]  # the new worker keeps nothing

    def fail(worker: int, index: int, reason: str, code: int | None = None) -> None:
        results[index] = PieceFailed(getattr(items[index], "name", ""), reason, code)
        replace(worker)

    for worker in range(len(workers)):
        give(worker)
    while busy:
        now = time.monotonic()
        timeout = max(0.0, min(workers[w].started + PIECE_SECONDS for w in busy) - now)
        ready = wait([workers[worker].pipe for worker in busy], timeout)
        for pipe in ready:
            worker = next(w for w in busy if workers[w].pipe is pipe)
            index = busy.pop(worker)
            try:
                status, value = pipe.recv()
            except (EOFError, OSError):
                fail(worker, index, "stopped", ended(worker))
            else:
                if status == "error":
                    failure = value
                elif status == "memory":
                    fail(worker, index, "memory")
                else:
                    results[index] = value[0]
                    if getattr(items[index], "keep", False):
                        home[items[index].name] = worker
            give(worker)
        for worker in [w for w in busy if time.monotonic() - workers[w].started > PIECE_SECONDS]:
            fail(worker, busy.pop(worker), "time")
            give(worker)
    if failure is not None:
        raise failure
    return results


def _work(connection: Connection, inherited: list[Connection], renderer: int) -> None:
    """A worker: load the fonts, then do what the renderer sends, in order, until told to stop."""
    die_with_parent(renderer)
    for pipe in inherited:
        pipe.close()
    faulthandler.disable()  # a worker that dies is reported by the renderer, in the build's words
    _limit_memory()
    from kazthesis.pdf.weasy import warm_up

    try:
        warm_up()
    except Exception:  # noqa: BLE001, S110 - the first piece meets the same failure, and reports it
        pass
    for function, items in _requests(connection):
        try:
            connection.send(("ok", [function(item) for item in items]))
        except MemoryError:
            connection.send(("memory", None))
            return  # a process that ran out of memory may be left in any state: the renderer replaces it
        except Exception as exc:  # noqa: BLE001 - a bug in a layout pass: the build reports it
            connection.send(("error", exc))


def _limit_memory() -> None:
    """At most :data:`WORKER_MEMORY` bytes of address space beyond what this process holds now."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = size + WORKER_MEMORY
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, OSError, ValueError):
        pass  # no /proc (not Linux), or not allowed: the time bound still holds
