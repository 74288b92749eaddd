#!/usr/bin/env python3
"""Build the thesis PDF: `python build.py --help` explains the commands.

The repository's own entry point: the same commands as the installed `kazthesis`
command, but without a folder they work on the repository's example.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV_PYTHON = HERE / ".venv" / "bin" / "python"

# Run inside the project's virtual environment when started with another Python.
if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != (HERE / ".venv").resolve():
    os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), str(Path(__file__).resolve()), *sys.argv[1:]])

sys.path.insert(0, str(HERE))
from kazthesis.cli import main  # noqa: E402

sys.exit(main(prog="build.py", default_project=HERE))
