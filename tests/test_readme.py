"""The README is the set-up contract: the Quick start commands (set up, the tests, the slow tests) are
those CI runs, and every setting is documented."""

from __future__ import annotations

import re
import tomllib

from conftest import REPO

from kazthesis.read.settings import SETTINGS

README = (REPO / "README.md").read_text(encoding="utf-8")
CI = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def _quick_start_blocks() -> list[list[str]]:
    """The command lines of each code block of the Quick start section."""
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```\n(.*?)```", section, re.S)
    return [[line for line in block.splitlines() if line.strip()] for block in blocks]


def test_quick_start_sets_up_then_runs_the_tests() -> None:
    first = _quick_start_blocks()[0]
    assert len(first) == 2
    assert "setup" in first[0]
    assert first[1] == ".venv/bin/python -m pytest"


def test_the_default_run_leaves_out_the_slow_tests_and_quick_start_names_the_command_for_them() -> None:
    pytest_options = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    assert "-m 'not slow'" in pytest_options["ini_options"]["addopts"]
    assert any(marker.startswith("slow:") for marker in pytest_options["ini_options"]["markers"])
    assert _quick_start_blocks()[1] == [".venv/bin/python -m pytest -m slow"]


def test_ci_runs_the_readme_commands_so_every_test_runs() -> None:
    (setup, tests), (slow,) = _quick_start_blocks()[:2]
    lines = [line.strip() for line in CI.splitlines()]
    assert setup in lines and tests in lines and slow in lines
    assert lines.index(setup) < lines.index(tests) < lines.index(slow)


def test_every_setting_is_documented() -> None:
    for section, settings in SETTINGS.items():
        if section:
            assert f"[{section}]" in README
        for name in settings:
            assert f"`{name}`" in README or re.search(rf"\b{name}\b", README), f"{section}.{name} is not in README"
