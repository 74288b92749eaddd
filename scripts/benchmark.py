#!/usr/bin/env python3
"""Print how long a build takes, how much memory it peaks at, and how many pages it makes.

Each run is a fresh process, as a student's rebuild is. The machine is noisy,
so the figures that matter are ratios measured in the same run: the full
build against plain WeasyPrint rendering the same HTML, and `check` against
the build.

    .venv/bin/python scripts/benchmark.py [PROJECT_DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


# Runs a command and prints its peak memory (KiB) as the last line of stderr.
PEAK_WRAPPER = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(code)")


def timed(command: list[str]) -> tuple[float, float, str]:
    """(wall seconds, peak MiB, stdout) for one fresh process."""
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", PEAK_WRAPPER, *command], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr}")
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project", nargs="?", type=Path, default=ROOT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    project = args.project.resolve()

    build = [PYTHON, str(ROOT / "build.py"), str(project)]
    check = [PYTHON, str(ROOT / "build.py"), "check", str(project)]
    timed(build)  # warm the file cache; also writes output/thesis.html for the plain render
    html = project / "output" / "thesis.html"
    with tempfile.TemporaryDirectory() as tmp:
        plain = [PYTHON, "-c", "import sys, weasyprint; weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])",
                 str(html), str(Path(tmp) / "plain.pdf")]
        rows: dict[str, list[float]] = {"build": [], "plain WeasyPrint": [], "check": []}
        peaks: dict[str, float] = {}
        pages = "?"
        for _ in range(args.runs):  # interleaved, so noise hits all three alike
            for name, command in (("build", build), ("plain WeasyPrint", plain), ("check", check)):
                seconds, peak, out = timed(command)
                rows[name].append(seconds)
                peaks[name] = max(peaks.get(name, 0.0), peak)
                if name == "build" and (m := re.search(r"(\d+) pages", out)):
                    pages = m.group(1)
    print(f"project: {project}  pages: {pages}  runs: {args.runs}")
    base = statistics.median(rows["build"])
    for name, values in rows.items():
        median = statistics.median(values)
        print(f"{name:18} median {median:6.2f} s  (min {min(values):.2f})  ratio to build {median / base:4.2f}  "
              f"peak memory {peaks[name]:.0f} MiB")


if __name__ == "__main__":
    main()
