"""Shared helpers of the hardening tests: a deadline for a run that might hang, and what stderr may hold."""

from __future__ import annotations

import re
import signal
from contextlib import contextmanager
from pathlib import Path

from conftest import Run, run_cli

# A line of ours: "FILE[:LINE]: error|warning: …", the closing line, or watch's lines.
OURS_RE = re.compile(r"^(\S[^:]*(:\d+)?: (error|warning): .+|Build failed: .+|check: .+|refs: .+)$")


@contextmanager
def deadline(seconds: int):
    """Raise TimeoutError in this (main) thread after ``seconds``: a run that would hang fails instead."""
    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run_within(seconds: int, *args: str | Path) -> Run:
    """``kazthesis ARGS`` in this process, failing (status 3, the internal-error line) if it takes longer."""
    with deadline(seconds):
        return run_cli(*args)


def foreign_lines(err: str) -> list[str]:
    """The lines of stderr that are not messages of ours (a raw warning, a traceback, a library's print)."""
    return [line for line in err.splitlines() if line.strip() and not OURS_RE.match(line)]
