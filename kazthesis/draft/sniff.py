"""A draft file's bytes → which reader takes it, or a :class:`DraftError` saying what the file really is.

Judged by the bytes, not the name: a legacy ``.doc`` (an OLE2 container), a
password-protected ``.docx`` (also OLE2, with an ``EncryptedPackage`` inside),
a PDF or a picture renamed ``.docx``, an encrypted ODT and an archive that
would unpack to far more than it holds (a zip bomb) are refused with what to
do, before any reader opens them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from kazthesis.i18n import N_, _

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
# What a real draft unpacks to: pictures make a .docx large, but not 300 MB; a member that grows more than
# 200-fold is not a picture or XML a word processor writes.
MAX_UNPACKED = 300 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 5000
SAVE_AS = N_("open it in Word or LibreOffice Writer and save it as .docx (File → Save As → Word Document), "
             "then import that")
# Magic numbers of files students mistake for documents.
OTHER_KINDS = ((b"%PDF", N_("a PDF")), (b"\x89PNG", N_("a PNG picture")), (b"\xff\xd8\xff", N_("a JPEG picture")),
               (b"{\\rtf", N_("an RTF document")), (b"Rar!", N_("a RAR archive")),
               (b"7z\xbc\xaf", N_("a 7-Zip archive")), (b"<html", N_("a web page")), (b"<!DOCTYPE", N_("a web page")))


class DraftError(Exception):
    """A draft the import cannot read: ``message`` says what is wrong, ``hint`` what to do."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def _what_it_is(head: bytes) -> str | None:
    for magic, name in OTHER_KINDS:
        if head[:64].lstrip().lower().startswith(magic.lower()):
            return _(name)
    return None


def _check_zip(path: Path, data_size: int) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise DraftError(_("the file is damaged: it starts like a Word/ODT archive but cannot be opened "
                           "({reason})").format(reason=exc),
                         _("open it in Word or LibreOffice (they can often repair it) and save it again")) from exc
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise DraftError(_("the archive holds {members} files, more than any document does").format(
                           members=len(members)),
                         _("this is not a document a word processor wrote; {save_as}").format(save_as=_(SAVE_AS)))
    total = sum(m.file_size for m in members)
    worst = max(members, key=lambda m: m.file_size / max(m.compress_size, 1), default=None)
    if total > MAX_UNPACKED or (worst is not None and worst.file_size > 1024 * 1024
                                and worst.file_size / max(worst.compress_size, 1) > MAX_RATIO):
        raise DraftError(_("the file would unpack to {unpacked} MB from {size} KB (a zip bomb, or a damaged "
                           "file)").format(unpacked=total // (1024 * 1024), size=max(data_size, 1) // 1024),
                         _("it was not opened; {save_as}").format(save_as=_(SAVE_AS)))
    return archive


def sniff(path: Path) -> str:
    """``docx``, ``odt``, ``txt`` or ``md`` for a readable draft; a :class:`DraftError` otherwise."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
        size = path.stat().st_size
    except OSError as exc:
        raise DraftError(_("cannot read the draft: {reason}").format(reason=exc.strerror or exc),
                         _("check the file's name and that you may read it")) from exc
    suffix = path.suffix.lower()
    if head.startswith(OLE2):
        data = path.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptedPackage" in data:
            raise DraftError(_("the document is password-protected (encrypted)"),
                             _("remove the password (Word: File → Info → Protect Document → Encrypt with Password, "
                               "clear it) and save it as .docx, then import that"))
        raise DraftError(_("this is a legacy Word 97–2003 document (.doc), which the import does not read"),
                         _("{save_as} (or: soffice --headless --convert-to docx FILE)").format(save_as=_(SAVE_AS)))
    if head.startswith(ZIP):
        archive = _check_zip(path, size)
        names = set(archive.namelist())
        mimetype = archive.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
        if "word/document.xml" in names:
            return "docx"
        if mimetype.startswith("application/vnd.oasis.opendocument.text"):
            manifest = archive.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
            if b"encryption-data" in manifest:
                raise DraftError(_("the document is password-protected (encrypted)"),
                                 _("open it in LibreOffice, File → Properties → Security, remove the password, "
                                   "save, then import it"))
            return "odt"
        if mimetype:
            raise DraftError(_("this is not a text document but {mimetype}").format(mimetype=mimetype),
                             _("export the text to .docx or .odt first, then import that"))
        raise DraftError(_("the file is a zip archive, not a Word or LibreOffice document"),
                         _("unpack it and import the .docx or .odt inside"))
    other = _what_it_is(head)
    if other:
        raise DraftError(_("this is {other}, not a Word, LibreOffice or text document").format(other=other),
                         _("import the .docx (or .odt, .txt) you wrote the draft in"))
    if suffix in (".docx", ".odt", ".doc", ".docm", ".dotx"):
        raise DraftError(_("the file is named {suffix} but is not a {suffix} document (it is plain text or "
                           "damaged)").format(suffix=suffix),
                         _("give it the name it deserves (.txt), or {save_as}").format(save_as=_(SAVE_AS)))
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")) and head.count(b"\x00") < len(head) // 4:
        raise DraftError(_("this is not a text file (it holds binary data)"),
                         _("import the .docx, .odt or .txt of your draft"))
    return "md" if suffix in (".md", ".markdown") else "txt"
