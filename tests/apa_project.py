"""Shared by the apa-7-student tests (PDF and .docx): the English sample project under that profile."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_cli

LEVELS = """

### Levels Below the Section

This paragraph sits under a level-3 heading, which APA sets flush left in bold italics.

#### A level-four heading

The text of this paragraph follows its level-4 heading on the same line, as APA 7 asks.

##### A level-five heading?

The text of this paragraph follows its level-5 heading, which already ends with its own mark.
"""
TITLE_FIELDS = {"author": "A. Student", "department": "Department of International Relations",
                "university": "Sample University", "course": "IR 301: Foreign Policy of Kazakhstan",
                "instructor": "Dr. A. Instructor", "due_date": "May 4, 2026"}


def make_apa_project(target: Path) -> Path:
    """The English sample project under the APA student profile, with levels 3–5 in its second chapter."""
    assert run_cli("new", target, "--lang", "en").status == 0
    toml = target / "thesis.toml"
    text = re.sub(r"(?m)^# profile = .*$", 'profile = "apa-7-student"', toml.read_text(encoding="utf-8"))
    for name, value in TITLE_FIELDS.items():
        text = re.sub(rf"(?m)^#? ?{name} = .*$", f'{name} = "{value}"', text, count=1)
    toml.write_text(text, encoding="utf-8")
    chapter = target / "content" / "03-chapter-2.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + LEVELS, encoding="utf-8")
    return target
