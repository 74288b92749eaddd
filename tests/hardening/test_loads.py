"""Every load of the renderer goes through the project's fetcher: nothing outside the project, no network (#27).

The stylesheet is parsed once per process, the footer's digits are measured on a page of their own, and each
piece is a document: each is a WeasyPrint object of its own, and each must take the project's URL fetcher.
The test finds every place that makes one (by reading the source) and builds a project whose stylesheet asks
for outside files and the network in each way CSS can — ``@import``, ``@font-face``, a page background, an
element background — under Python's audit hooks, in a real process with its renderer and workers.
"""

from __future__ import annotations

import ast
import re
import shutil
import socket
from pathlib import Path

import pytest
from audited import run_audited
from conftest import REPO, copy_project, line_of
from PIL import Image
from test_errors import _fails_with


def _constructions() -> list[tuple[Path, str, ast.Call]]:
    """Every call of WeasyPrint's HTML or CSS in the package, with the function it is in."""
    found = []
    for path in (REPO / "kazthesis").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]:
            for call in [node for node in ast.walk(function) if isinstance(node, ast.Call)]:
                name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
                if name in ("HTML", "CSS"):
                    found.append((path, function.name, call))
    return found


def test_every_weasyprint_document_and_stylesheet_is_made_with_the_fetcher() -> None:
    found = _constructions()
    assert {(path.name, function) for path, function, _ in found} == {("engine.py", "html_document"),
                                                                        ("engine.py", "stylesheet")}
    for _, _, call in found:
        assert "url_fetcher" in {keyword.arg for keyword in call.keywords}


HOSTILE_CSS = """@import url("file://{outside}/secret.css");
@font-face {{ font-family: Outside; src: url("file://{outside}/font.ttf"); }}
@page {{ background: url("http://example.invalid/page.png") }}
body {{ background-image: url("../outside/bg.png") }}
h1 {{ font-family: Outside, serif }}
"""


def test_a_stylesheet_cannot_read_outside_files_or_the_network(tmp_path: Path) -> None:
    project = copy_project("small", tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.css").write_text("p { color: red }", encoding="utf-8")
    Image.new("RGB", (8, 8), "red").save(outside / "bg.png")
    fonts = sorted(Path("/usr/share/fonts").rglob("*.ttf"))
    shutil.copy(fonts[0], outside / "font.ttf")
    (project / "templates").mkdir()
    css = project / "templates" / "thesis.css"
    css.write_text(HOSTILE_CSS.format(outside=outside) + (REPO / "templates" / "thesis.css").read_text("utf-8"),
                   encoding="utf-8")
    result = run_audited(outside, "build", project, log=tmp_path / "audit.log")
    assert result.events == [], result.events
    assert result.status == 1, result.err
    for needle in ("secret.css", "font.ttf", "http://example.invalid/page.png", "bg.png"):
        line = line_of(css, needle)
        assert re.search(rf"^templates/thesis\.css:{line}: error: the renderer was asked for \S*{re.escape(needle)}, "
                         r"outside the project or on the network; refused", result.err, re.M), result.err
    assert "Traceback" not in result.err


def test_rendering_opens_no_socket(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    svg = project / "images" / "chart.svg"
    text = svg.read_text(encoding="utf-8")
    svg.write_text(text.replace("</svg>", '<image href="file://example.invalid/etc/hostname" width="5" height="5"/>'
                                          '<image href="http://example.invalid/x.png" width="5" height="5"/>'
                                          "</svg>"), encoding="utf-8")
    calls: list[str] = []

    def forbidden(name: str):
        def record(*args, **kwargs):
            calls.append(name)
            raise OSError(f"{name} called during a build")
        return record

    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, forbidden(name))
    monkeypatch.setattr(socket.socket, "connect", forbidden("connect"))
    line = line_of(svg, "example.invalid/etc/hostname")
    err = _fails_with(project, rf"^images/chart\.svg:{line}: error: the picture refers to "
                               r"file://example\.invalid/etc/hostname, outside the project or on the network; refused")
    assert "http://example.invalid/x.png" in err
    assert calls == []
