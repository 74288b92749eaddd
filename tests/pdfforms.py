"""Small PDF "forms" for the tests: pages of plain text, as a faculty's scanned form stands in a project.

Drawn by WeasyPrint with the font embedded, as a form exported from Word is; ``embed=False`` makes one
with the PDF's own Helvetica, not embedded (a few hundred bytes a page), as some generators do. pdftotext
reads the words of either back. ``python tests/pdfforms.py`` writes the faculty fixture's forms/.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

A4 = (595.28, 841.89)


def form_pdf(path: Path, pages: list[list[str]], size: tuple[float, float] = A4, embed: bool = True) -> Path:
    """A PDF at ``path`` whose page i shows the lines ``pages[i]`` (ASCII), top down."""
    if embed:
        import html

        import weasyprint

        body = "".join('<section>' + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</section>"
                       for lines in pages)
        style = (f"@page {{ size: {size[0]}pt {size[1]}pt; margin: 80pt 60pt }} section {{ break-after: page }} "
                 "body { font: 16pt 'Liberation Serif' } p { margin: 0 0 6pt }")
        document = weasyprint.HTML(string=f"<html><head><title>Faculty form</title><style>{style}</style></head>"
                                   f"<body>{body}</body></html>").render()
        path.write_bytes(document.write_pdf())
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:  # a fixed file, for the repository
            pdf.save(path, deterministic_id=True)
        return path
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
