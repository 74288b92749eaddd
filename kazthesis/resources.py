"""Where the tool's own files are: its templates, inside the installed package or beside it in a clone.

A wheel carries the repository's top-level ``templates/`` as ``kazthesis/templates``;
a clone of the repository has them only at the top level. This is the one place
that knows both.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def templates_dir() -> Path:
    """The tool's templates: ``kazthesis/templates`` when installed, else ``<repository>/templates``."""
    installed = PACKAGE_DIR / "templates"
    return installed if installed.is_dir() else PACKAGE_DIR.parent / "templates"
