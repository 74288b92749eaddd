"""Whatever a student feeds in, the tool answers with messages, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SMALL = FIXTURES / "small"

# Characters that matter to the parsers: brackets, braces, @, quotes, newlines, Kazakh letters.
SYNTAX = st.sampled_from(list("[]{}@#=\"',;:\\%|*_`!()^~\n\t ") + ["[@", "@fig:", "{#", "\n# ", "\n## ", "әқ", "--"])


def _mutate(text: str, data: st.DataObject) -> str:
    """Insert, delete or replace a few pieces of the text."""
    for _ in range(data.draw(st.integers(1, 6))):
        if not text:
            break
        position = data.draw(st.integers(0, len(text)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = data.draw(st.one_of(SYNTAX, st.text(max_size=5)))
        if action == "insert":
            text = text[:position] + piece + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + data.draw(st.integers(1, 20)):]
        else:
            text = text[:position] + piece + text[position + len(piece):]
    return text


def _project(tmp: Path) -> Path:
    project = tmp / "p"
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(SMALL, project, ignore=shutil.ignore_patterns("output"))
    return project


def _assert_clean(result) -> None:
    assert result.status in (0, 1), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    if result.status == 1:
        assert ": error: " in result.err, result.err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), target=st.sampled_from(["references.bib", "thesis.toml", "content/02-tarau-1.md",
                                                "content/01-kirispe.md"]))
def test_mutated_inputs_never_crash_check(tmp_path: Path, data: st.DataObject, target: str) -> None:
    project = _project(tmp_path)
    path = project / target
    path.write_text(_mutate(path.read_text(encoding="utf-8"), data), encoding="utf-8")
    _assert_clean(run_cli("check", project))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(markdown=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300),
       bib=st.text(max_size=200), toml=st.text(max_size=100))
def test_random_inputs_never_crash_check(tmp_path: Path, markdown: str, bib: str, toml: str) -> None:
    project = _project(tmp_path)
    (project / "content" / "02-tarau-1.md").write_text(markdown, encoding="utf-8")
    (project / "references.bib").write_text(bib, encoding="utf-8")
    (project / "thesis.toml").write_text(toml, encoding="utf-8")
    _assert_clean(run_cli("check", project))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_chapter_builds_or_reports(tmp_path: Path, data: st.DataObject) -> None:
    project = _project(tmp_path)
    path = project / "content" / "02-tarau-1.md"
    path.write_text(_mutate(path.read_text(encoding="utf-8"), data), encoding="utf-8")
    result = run_cli(project)
    _assert_clean(result)
    if result.status == 1:
        assert not (project / "output" / "thesis.pdf").exists()
