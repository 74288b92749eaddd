"""Drafts the import refuses, each with a message naming the file and what to do; encodings it reads;
targets it will not write into; formulas it converts."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, run_cli
from lxml import etree

from kazthesis.draft.omml import M, convert

DRAFTS = FIXTURES / "drafts"


def refused(draft: Path, tmp_path: Path) -> str:
    result = run_cli("import", draft, tmp_path / "out")
    assert result.status == 1, result.out
    assert not (tmp_path / "out").exists()  # nothing half-written
    assert "Traceback" not in result.err
    return result.err.strip()


def test_legacy_doc_is_refused_with_the_way_out(tmp_path: Path) -> None:
    message = refused(DRAFTS / "ru-styles.doc", tmp_path)
    assert message.startswith(f"{DRAFTS / 'ru-styles.doc'}: error: this is a legacy Word 97–2003 document (.doc)")
    assert "save it as .docx" in message and "soffice --headless --convert-to docx" in message


def test_password_protected_docx(tmp_path: Path) -> None:
    # What Word writes for an encrypted .docx: an OLE2 container holding an "EncryptedPackage" stream.
    draft = tmp_path / "locked.docx"
    draft.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le")
                      + bytes(1000))
    message = refused(draft, tmp_path)
    assert "password-protected" in message and "remove the password" in message


def test_a_file_that_is_not_what_its_name_says(tmp_path: Path) -> None:
    pdf = tmp_path / "draft.docx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    assert "this is a PDF, not a Word, LibreOffice or text document" in refused(pdf, tmp_path)
    text = tmp_path / "notes.docx"
    text.write_text("Кіріспе\nМәтін", encoding="utf-8")
    assert "is named .docx but is not a .docx document" in refused(text, tmp_path)
    archive = tmp_path / "photos.docx"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("a.txt", "x")
    assert "a zip archive, not a Word or LibreOffice document" in refused(archive, tmp_path)


def test_zip_bomb_is_not_unpacked(tmp_path: Path) -> None:
    draft = tmp_path / "bomb.docx"
    with zipfile.ZipFile(draft, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("[Content_Types].xml", "<Types/>")
        zipped.writestr("word/document.xml", b"\0" * (8 * 1024 * 1024))
    assert draft.stat().st_size < 100_000
    assert "zip bomb" in refused(draft, tmp_path)


def test_a_windows_1251_text_draft_is_read(tmp_path: Path) -> None:
    draft = tmp_path / "черновик.txt"
    draft.write_bytes("ВВЕДЕНИЕ\n\nВнешняя политика Казахстана строилась на многовекторности [1].\n\n"
                      "ЗАКЛЮЧЕНИЕ\n\nОтношения развивались.\n".encode("cp1251"))
    result = run_cli("import", draft, tmp_path / "out")
    assert result.status == 0, result.err
    intro = (tmp_path / "out" / "content" / "01-vvedeniye.md").read_text(encoding="utf-8")
    assert intro == ("# ВВЕДЕНИЕ {.unnumbered}\n\nВнешняя политика Казахстана строилась на многовекторности "
                     "[@source1].\n")
    assert "language = \"ru\"" in (tmp_path / "out" / "thesis.toml").read_text(encoding="utf-8")


def test_a_folder_in_use_is_refused(tmp_path: Path) -> None:
    (tmp_path / "thesis").mkdir()
    (tmp_path / "thesis" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("import", FIXTURES / "drafts" / "seed-000.txt", tmp_path / "thesis")
    assert result.status == 2 and "the folder is not empty" in result.err
    assert (tmp_path / "thesis" / "notes.txt").read_text(encoding="utf-8") == "mine"
    missing = run_cli("import", tmp_path / "nothing.docx", tmp_path / "x")
    assert missing.status == 2 and "no such file" in missing.err


def test_import_is_listed_in_the_help() -> None:
    result = run_cli("help")
    assert "kazthesis import DRAFT [DIR]" in result.out
    assert run_cli("help", "import").out.startswith("usage: kazthesis import DRAFT [DIR]")


@pytest.mark.parametrize(("omml", "tex"), [
    ("<m:f><m:num><m:r><m:t>a</m:t></m:r></m:num><m:den><m:r><m:t>b</m:t></m:r></m:den></m:f>", r"\frac{a}{b}"),
    ("<m:sSub><m:e><m:r><m:t>x</m:t></m:r></m:e><m:sub><m:r><m:t>i</m:t></m:r></m:sub></m:sSub>", "x_{i}"),
    ("<m:rad><m:deg><m:r><m:t>3</m:t></m:r></m:deg><m:e><m:r><m:t>y</m:t></m:r></m:e></m:rad>", r"\sqrt[3]{y}"),
    ("<m:nary><m:naryPr><m:chr m:val=\"∑\"/></m:naryPr><m:sub><m:r><m:t>i=1</m:t></m:r></m:sub>"
     "<m:sup><m:r><m:t>n</m:t></m:r></m:sup><m:e><m:r><m:t>i</m:t></m:r></m:e></m:nary>", r"\sum_{i=1}^{n} i"),
    ("<m:d><m:e><m:r><m:t>α+β</m:t></m:r></m:e></m:d>", r"\left( \alpha +\beta \right)"),
    ("<m:func><m:fName><m:r><m:t>sin</m:t></m:r></m:fName><m:e><m:r><m:t>x</m:t></m:r></m:e></m:func>", r"\sin x"),
])
def test_omml_constructs(omml: str, tex: str) -> None:
    element = etree.parse(io.BytesIO(f'<m:oMath xmlns:m="{M}">{omml}</m:oMath>'.encode())).getroot()
    assert convert(element) == tex
