"""Form PDFs carrying every kind of active content a PDF can, made with pikepdf for the tests.

:func:`active_form` makes a one-page form (the text of :func:`pdfforms.form_pdf`) with a script run when the
page opens, links that start a program, open a web page, run a script, send or read form data, a text field
with a value, a script of its own and an appearance, an attached file ``payload.exe``, and, in the catalogue,
a script run on opening, an embedded file by name and an XFA form. :func:`damaged_form` makes a form with one
thing wrong that a reader must not stumble on.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
from pdfforms import form_pdf

Name, Dictionary, Array = pikepdf.Name, pikepdf.Dictionary, pikepdf.Array


def _action(pdf: pikepdf.Pdf, kind: str, **fields: object) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(Type=Name.Action, S=Name(kind), **fields))


def _link(pdf: pikepdf.Pdf, rect: list[float], action: pikepdf.Object) -> pikepdf.Object:
    return pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Link, Rect=rect, Border=[0, 0, 0], A=action))


def active_form(path: Path) -> Path:
    form_pdf(path, [["ACTIVE FORM", "field below"]], embed=False)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        script = _action(pdf, "/JavaScript", JS=pikepdf.String("app.alert('page opened')"))
        page.obj.AA = Dictionary(O=script, C=_action(pdf, "/JavaScript", JS=pikepdf.String("app.alert('closed')")))
        links = [
            _link(pdf, [60, 700, 200, 720], _action(pdf, "/Launch", F=pikepdf.String("cmd.exe"))),
            _link(pdf, [60, 670, 200, 690], _action(pdf, "/URI", URI=pikepdf.String("http://example.invalid/"))),
            _link(pdf, [60, 640, 200, 660], _action(pdf, "/JavaScript", JS=pikepdf.String("app.alert(1)"))),
            _link(pdf, [60, 610, 200, 630], _action(pdf, "/SubmitForm", F=pikepdf.String("http://example.invalid/"))),
            _link(pdf, [60, 580, 200, 600], _action(pdf, "/ImportData", F=pikepdf.String("data.fdf"))),
        ]
        helvetica = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
        appearance = pdf.make_stream(b"BT /Helv 12 Tf 2 6 Td (FIELDVALUE42) Tj ET", Type=Name.XObject,
                                     Subtype=Name.Form, BBox=[0, 0, 200, 24],
                                     Resources=Dictionary(Font=Dictionary(Helv=helvetica)))
        field = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Tx, T=pikepdf.String("name"),
            V=pikepdf.String("FIELDVALUE42"), Rect=[300, 500, 500, 524], F=4, P=page.obj,
            AP=Dictionary(N=appearance), DA=pikepdf.String("/Helv 12 Tf 0 g"),
            AA=Dictionary(K=_action(pdf, "/JavaScript", JS=pikepdf.String("event.rc = true")))))
        payload = pdf.make_stream(b"MZ not really a program", Type=Name.EmbeddedFile)
        spec = pdf.make_indirect(Dictionary(Type=Name.Filespec, F=pikepdf.String("payload.exe"),
                                            UF=pikepdf.String("payload.exe"), EF=Dictionary(F=payload)))
        attachment = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.FileAttachment,
                                                  Rect=[60, 400, 80, 420], FS=spec, Name=Name.Paperclip))
        page.obj.Annots = Array([*links, field, attachment])
        pdf.Root.AcroForm = Dictionary(Fields=Array([field]), XFA=pdf.make_stream(b"<xdp:xdp/>"),
                                       DA=pikepdf.String("/Helv 12 Tf 0 g"),
                                       DR=Dictionary(Font=Dictionary(Helv=helvetica)))
        pdf.Root.OpenAction = _action(pdf, "/JavaScript", JS=pikepdf.String("app.launchURL('http://x.invalid')"))
        pdf.Root.Names = Dictionary(
            JavaScript=Dictionary(Names=Array([pikepdf.String("a"), _action(pdf, "/JavaScript",
                                                                               JS=pikepdf.String("1"))])),
            EmbeddedFiles=Dictionary(Names=Array([pikepdf.String("payload.exe"), spec])))
        pdf.save(path)
    return path


def damaged_form(path: Path, damage: str) -> Path:
    """A plain form with one thing wrong: "rotate" (/Rotate a name), "font-array" and "font-integer" (the
    page's /Font an array or a number), "empty" (a 0 × 0 page), "huge" (a 1e30 pt page), "huge-integer" (the
    same, written as an integer, which qpdf cannot read at all)."""
    form_pdf(path, [["DAMAGED FORM"]], embed=False)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0].obj
        if damage == "rotate":
            page.Rotate = Name.Sideways
        elif damage == "font-array":
            page.Resources.Font = Array([page.Resources.Font.F1])
        elif damage == "font-integer":
            page.Resources.Font = 7
        elif damage == "empty":
            page.MediaBox = [0, 0, 0, 0]
        elif damage in ("huge", "huge-integer"):
            page.MediaBox = [0, 0, 12345, 842]  # a mark to be replaced in the file's bytes (pikepdf writes no 1e30)
        pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    if damage.startswith("huge"):
        size = b"1000000000000000000000000000000" + (b".0" if damage == "huge" else b"")
        path.write_bytes(path.read_bytes().replace(b"12345", size))
        if damage == "huge":
            with pikepdf.open(path, allow_overwriting_input=True) as pdf:  # the cross-reference table made right
                pdf.save(path)
    return path


def active_objects(path: Path) -> list[str]:
    """What of :func:`active_form`'s content a PDF still holds, by kind, read object by object."""
    found = []
    with pikepdf.open(path) as pdf:
        if "/OpenAction" in pdf.Root and isinstance(pdf.Root.OpenAction, Dictionary):
            found.append("open action")
        for key in ("/AcroForm", "/Names", "/AA"):
            if key in pdf.Root:
                found.append(f"catalogue {key}")
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                if obj.get("/Type") == Name.EmbeddedFile:
                    found.append("embedded file")
                continue
            if not isinstance(obj, Dictionary):
                continue
            if obj.get("/S") in (Name.JavaScript, Name.Launch, Name.URI, Name.SubmitForm, Name.ImportData):
                found.append(f"action {obj.S}")
            if obj.get("/Subtype") in (Name.Widget, Name.FileAttachment):
                found.append(f"annotation {obj.Subtype}")
            if "/AA" in obj:
                found.append("additional actions")
            if "/XFA" in obj:
                found.append("XFA")
    return found
