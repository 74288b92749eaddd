"""Small PDF "forms" for the tests: pages of plain text, as a faculty's scanned form stands in a project.

Made with pikepdf and the PDF's own Helvetica (no font embedded: a few hundred bytes a page), so that
pdftotext reads their words back. ``python tests/pdfforms.py`` writes the faculty fixture's forms/.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

A4 = (595.28, 841.89)


def form_pdf(path: Path, pages: list[list[str]], size: tuple[float, float] = A4) -> Path:
    """A PDF at ``path`` whose page i shows the lines ``pages[i]`` (ASCII), top down."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    for lines in pages:
        commands = ["BT /F1 16 Tf 90 760 Td 22 TL"]
        for line in lines:
            text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            commands.append(f"({text}) Tj T*")
        commands.append("ET 0.5 w 60 60 m 535 60 l S")  # a rule near the foot, as forms have
        page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, *size],
                                  Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                                  Contents=pdf.make_stream(" ".join(commands).encode("latin-1")))
        pdf.pages.append(pikepdf.Page(page))
    pdf.docinfo["/Title"] = "Faculty form"  # never to reach the thesis's own metadata
    pdf.save(path, deterministic_id=True)
    return path


FORMS = {
    "title.pdf": [["SIGNED TITLE FORM", "Faculty of Information Technology", "signature: ____"]],
    "zadanie.pdf": [["ASSIGNMENT SHEET page one", "signed by the supervisor"], ["ASSIGNMENT SHEET page two"]],
    "kalendar.pdf": [["CALENDAR PLAN", "weeks 1-15"]],
    "otzyv.pdf": [["SUPERVISOR REVIEW", "recommended for defence"]],
}


def write_fixture_forms(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, pages in FORMS.items():
        form_pdf(folder / name, pages)


if __name__ == "__main__":
    write_fixture_forms(Path(__file__).resolve().parent / "fixtures" / "faculty" / "forms")
