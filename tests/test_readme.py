"""The README is the set-up contract: two Quick start commands, every setting documented."""

from __future__ import annotations

import re
from pathlib import Path

from kazthesis.read.config import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
CI = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2
    assert "setup" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_commands() -> None:
    setup, tests = _quick_start_commands()
    assert setup in CI and tests in CI


def test_every_setting_is_documented() -> None:
    for section, settings in SETTINGS.items():
        if section:
            assert f"[{section}]" in README
        for name in settings:
            assert f"`{name}`" in README or re.search(rf"\b{name}\b", README), f"{section}.{name} is not in README"
