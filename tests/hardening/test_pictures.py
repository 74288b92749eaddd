"""Pictures: bounded work, nothing fetched, the same refusals for the PDF and the .docx (#27).

SVGs made in the test: 22 nested levels of two ``<use>`` each (four million elements drawn from 1.4 KB),
elements nested 300 deep, a reference that holds itself, and references to the network and to outside files in
every form an SVG has (``href``, ``url(…)`` in an attribute, ``@import`` in a ``<style>``). Raster images whose
header says 30000 × 30000 and 10000 × 10000 pixels (made byte by byte: only the header is ever read). Each
is an error at its line, found before any writer draws, and ``build`` and ``docx`` say the same.
"""

from __future__ import annotations

import base64
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from conftest import edit_file, line_of
from guard import foreign_lines, run_within
from test_errors import _fails_with

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">\n'


def nested_use(levels: int) -> str:
    """Level n draws level n-1 twice: 2**levels rectangles once expanded."""
    lines = [SVG, '<defs>\n<rect id="l0" width="1" height="1"/>\n']
    for n in range(1, levels + 1):
        lines.append(f'<g id="l{n}"><use xlink:href="#l{n - 1}"/><use xlink:href="#l{n - 1}" x="1"/></g>\n')
    lines.append(f'</defs>\n<use xlink:href="#l{levels}"/>\n</svg>\n')
    return "".join(lines)


def _errors(result) -> list[str]:
    return sorted(line for line in result.err.splitlines() if ": error: " in line)


def _both(project: Path, pattern: str) -> list[str]:
    """``build`` and ``docx`` each fail fast with the same errors, one matching ``pattern``."""
    found = []
    for command in ("build", "docx"):
        result = run_within(60, command, project)
        assert result.status == 1, result.err
        assert re.search(pattern, result.err, re.M), result.err
        assert foreign_lines(result.err) == [], result.err
        found.append(_errors(result))
    assert found[0] == found[1]
    return found[0]


def test_an_svg_of_nested_use_is_refused_by_both_writers(project: Path) -> None:
    svg = project / "images" / "chart.svg"
    svg.write_text(nested_use(22), encoding="utf-8")
    assert len(svg.read_bytes()) < 2000
    _both(project, r"^images/chart\.svg:\d+: error: the picture would draw more than 100,000 elements once its <use>")


def test_an_svg_of_a_few_nested_use_is_drawn(project: Path) -> None:
    (project / "images" / "chart.svg").write_text(nested_use(8), encoding="utf-8")  # 256 rectangles
    result = run_within(120, "build", project)
    assert result.status == 0, result.err


def test_an_svg_nested_too_deep_is_refused(project: Path) -> None:
    svg = project / "images" / "chart.svg"
    svg.write_text(SVG + "<g>\n" * 300 + "</g>\n" * 300 + "</svg>\n", encoding="utf-8")
    _both(project, r"^images/chart\.svg:201: error: elements nested more than 200 deep")


def test_an_svg_that_draws_itself_is_refused(project: Path) -> None:
    svg = project / "images" / "chart.svg"
    svg.write_text(SVG + '<g id="a">\n<rect width="5" height="5"/>\n<use xlink:href="#a" x="5"/>\n</g>\n</svg>\n',
                   encoding="utf-8")
    _both(project, r"^images/chart\.svg:\d: error: the picture refers to an element that holds the reference itself")


def test_an_svg_drawing_another_that_draws_it_is_refused(project: Path) -> None:
    (project / "images" / "chart.svg").write_text(SVG + '<image href="other.svg" width="5" height="5"/>\n</svg>\n',
                                                   encoding="utf-8")
    (project / "images" / "other.svg").write_text(SVG + '<image href="chart.svg" width="5" height="5"/>\n</svg>\n',
                                                   encoding="utf-8")
    _both(project, r"^images/chart\.svg:2: error: in other\.svg: the picture draws chart\.svg, which draws it again")


def test_svg_references_outside_are_refused_by_both_writers(project: Path, tmp_path: Path) -> None:
    (tmp_path / "outside.png").write_bytes(b"not read")
    svg = project / "images" / "chart.svg"
    svg.write_text(SVG + '<style>@import url("http://example.invalid/a.css");</style>\n'
                   '<image href="file:///etc/hostname" width="5" height="5"/>\n'
                   '<rect width="5" height="5" style="fill: url(https://example.invalid/p.svg#p)"/>\n'
                   '<rect width="5" height="5" fill="url(\'file:///tmp/x.svg#g\')"/>\n'
                   '<image xlink:href="../../outside.png" width="5" height="5"/>\n'
                   '<rect width="5" height="5" fill="url(#local)"/>\n</svg>\n', encoding="utf-8")
    errors = _both(project, r"^images/chart\.svg:2: error: the picture refers to http://example\.invalid/a\.css, "
                            r"outside the project or on the network; refused")
    for needle in ("file:///etc/hostname", "https://example.invalid/p.svg#p", "file:///tmp/x.svg#g",
                   "../../outside.png"):
        line = line_of(svg, needle)
        assert any(e.startswith(f"images/chart.svg:{line}: error: the picture refers to {needle}") for e in errors), \
            (needle, errors)
    assert not any("#local" in e for e in errors)


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header says ``width`` × ``height`` (one bit a pixel), with a few bytes of image data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("size", [30000, 10000])
def test_an_image_of_too_many_pixels_is_an_error_at_its_line(project: Path, size: int) -> None:
    (project / "images" / "huge.png").write_bytes(png_header(size, size))
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "images/chart.svg", "images/huge.png")
    line = line_of(chapter, "huge.png")
    _both(project, rf"^content/02-tarau-1\.md:{line}: error: image 'images/huge\.png' cannot be read: it is "
                   rf"({size} × {size}|{size * size:,}) pixels, more than 89 million — scale it down")



def test_pictures_written_into_an_svg_are_checked_as_files_are(project: Path) -> None:
    svg = project / "images" / "chart.svg"
    png = base64.b64encode(png_header(20000, 20000)).decode()
    bomb = base64.b64encode(nested_use(22).encode()).decode()
    svg.write_text(SVG + f'<image href="data:image/png;base64,{png}" width="5" height="5"/>\n'
                   f'<image href="data:image/svg+xml;base64,{bomb}" width="5" height="5"/>\n</svg>\n',
                   encoding="utf-8")
    errors = _both(project, r"^images/chart\.svg:2: error: a picture written into the SVG cannot be drawn: it is "
                            r"400,000,000 pixels")
    assert any(e.startswith("images/chart.svg:3: error: in a picture written into it: the picture would draw more")
               for e in errors), errors

# --- nothing lost in silence ------------------------------------------------------------------------


def test_broken_image_is_an_error(project: Path) -> None:
    (project / "images" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really a png")
    chapter = project / "content" / "02-tarau-1.md"
    edit_file(chapter, "images/chart.svg", "images/broken.png")
    line = line_of(chapter, "broken.png")
    _fails_with(project, rf"^content/02-tarau-1\.md:{line}: error: image 'images/broken\.png' cannot be read")


def test_broken_svg_is_an_error(project: Path) -> None:
    (project / "images" / "chart.svg").write_text("<svg><g></svg", encoding="utf-8")
    line = line_of(project / "content" / "02-tarau-1.md", "chart.svg")
    _fails_with(project, rf"^content/02-tarau-1\.md:{line}: error: image 'images/chart\.svg' cannot be read")


def test_unreadable_image_is_an_error(project: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file: an unreadable file cannot be made")
    (project / "images" / "chart.svg").chmod(0)
    _fails_with(project, r"^content/02-tarau-1\.md:\d+: error: image 'images/chart\.svg' cannot be read")
