"""A real build with Python's audit hooks watching: every file it opens under a folder, every network call.

``python audited.py LOG WATCHED ARGS…`` installs an audit hook (PEP 578) and runs ``kazthesis.cli.main(ARGS)``.
The hook writes a line to LOG for each ``open`` of a path under WATCHED (a folder outside the project holding
the files a hostile project asks for) and for each name lookup or connection of a socket. Forked processes —
the renderer, its workers — inherit the hook and LOG's descriptor, so their reads are seen too; files that C
libraries open (fontconfig's fonts) are not Python's and are not seen, as they are not the project's.
:func:`run_audited` runs it and returns the status, stderr and the lines logged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

NETWORK_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.connect",
                  "socket.sendto", "socket.bind", "urllib.Request", "http.client.connect", "ftplib.connect"}


@dataclass
class Audited:
    status: int
    out: str
    err: str
    events: list[str]  # "open PATH", "socket.connect …"


def run_audited(watched: Path, *args: str | Path, log: Path) -> Audited:
    """``kazthesis ARGS`` in a fresh process under the audit hook, run in the project (the last argument), so
    that messages name its files as a student who works there sees them."""
    log.write_text("", encoding="utf-8")
    result = subprocess.run([sys.executable, __file__, str(log), str(watched), *map(str, args)],
                            capture_output=True, text=True, timeout=600, cwd=str(args[-1]))
    events = [line for line in log.read_text(encoding="utf-8").splitlines() if line]
    return Audited(result.returncode, result.stdout, result.stderr, events)


def _main() -> int:
    log, watched, args = sys.argv[1], os.path.realpath(sys.argv[2]), sys.argv[3:]
    descriptor = os.open(log, os.O_WRONLY | os.O_APPEND)  # before the hook: os.write is not audited

    def hook(event: str, details: tuple) -> None:
        if event == "open" and details and isinstance(details[0], (str, bytes, os.PathLike)):
            path = os.fsdecode(details[0])
            if os.path.realpath(path).startswith(watched) or path.startswith(watched):
                os.write(descriptor, f"open {path}\n".encode())
        elif event == "urllib.Request" and str(details[0]).startswith("data:"):
            pass  # a data: URL is read from the string itself (the stylesheet's footnote rule has one)
        elif event in NETWORK_EVENTS:
            os.write(descriptor, f"{event} {details!r}\n".encode())

    sys.addaudithook(hook)
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from kazthesis.cli import main

    return main(args)


if __name__ == "__main__":
    sys.exit(_main())
