"""A PDF's pages → the same pages, only drawn: no action, script, attached file, form field or media left.

A form a faculty hands out may carry more than its look: a script run when a
page opens (page ``/AA``), links that start a program or open a web page,
scripts in its form fields, an attached file, an XFA form. None of it
belongs in a thesis. :func:`make_inert` draws what the annotations show
(filled-in fields, stamps, comments) into the page, as a printer would, and
takes out every annotation and action; it says what it took out, for the
build to name at the file's line of thesis.toml (:mod:`kazthesis.read.inserts`).
:func:`inert_pdf` gives the bytes the thesis is assembled from: only the
pages, so that nothing of the file's own catalogue (its open action, its
scripts by name, its form) can come along.
"""

from __future__ import annotations

import io
import warnings
from collections import Counter

import pikepdf

from kazthesis.i18n import N_, _

ACTIONS = {  # an action's /S → what it does, as a student would say it
    "/JavaScript": N_("a script"), "/Launch": N_("a link that starts a program"),
    "/URI": N_("a link to a web page"), "/SubmitForm": N_("a button that sends the form's data away"),
    "/ImportData": N_("a button that reads data from a file"), "/ResetForm": N_("a button that clears the form"),
    "/GoToR": N_("a link to another file"), "/GoToE": N_("a link into an attached file"),
    "/Rendition": N_("a media player"), "/Sound": N_("a sound"), "/Movie": N_("a film"),
    "/Hide": N_("a script that hides parts of the page"), "/Named": N_("a viewer command"),
    "/SetOCGState": N_("a switch that shows or hides parts of the page"), "/Trans": N_("a page transition"),
    "/GoTo3DView": N_("a 3D view"), "/RichMediaExecute": N_("a media player"),
}
OTHER_ACTION = N_("an action of another kind")
FORM_FIELD = N_("a form field (drawn as filled in)")
ATTACHED = N_("an attached file")
MEDIA_CONTENT = N_("sound, film or 3D content")
OPENING_SCRIPT = N_("a script run when the file opens")
ATTACHED_FILES = N_("attached files")
XFA_FORM = N_("an XFA form")
MEDIA = {"/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
SILENT = {"/GoTo", "/Thread"}  # a jump within the file: the assembly drops it with the file's own destinations


def _actions(action: object, found: Counter[str], depth: int = 0) -> None:
    """What an action (and the actions it chains by /Next) does."""
    if not isinstance(action, pikepdf.Dictionary) or depth > 20:
        return
    kind = str(action.get("/S", ""))
    if kind not in SILENT:
        found[ACTIONS.get(kind, OTHER_ACTION)] += 1
    chained = action.get("/Next")
    for following in (chained if isinstance(chained, pikepdf.Array) else [chained]):
        _actions(following, found, depth + 1)


def _triggers(owner: object, found: Counter[str]) -> None:
    """The actions of an /AA (additional actions: on open, on close, on a key press…) dictionary's owner."""
    triggers = owner.get("/AA") if isinstance(owner, pikepdf.Dictionary) else None
    if isinstance(triggers, pikepdf.Dictionary):
        for action in triggers.values():
            _actions(action, found)


def _attachment_name(annotation: pikepdf.Dictionary) -> str:
    spec = annotation.get("/FS")
    if isinstance(spec, pikepdf.Dictionary):
        for key in ("/UF", "/F"):
            if isinstance(spec.get(key), pikepdf.String):
                return str(spec[key])
    return ""


def _annotation(annotation: object, found: Counter[str], names: list[str]) -> None:
    if not isinstance(annotation, pikepdf.Dictionary):
        return
    kind = str(annotation.get("/Subtype", ""))
    _actions(annotation.get("/A"), found)
    _triggers(annotation, found)
    if kind == "/Widget":
        found[FORM_FIELD] += 1
        _triggers(annotation.get("/Parent"), found)
    elif kind == "/FileAttachment":
        names.append(_attachment_name(annotation))
        found[ATTACHED] += 1
    elif kind in MEDIA:
        found[MEDIA_CONTENT] += 1


def make_inert(pdf: pikepdf.Pdf) -> list[str]:
    """Draw into each page what its annotations show and take out every annotation and action, in place;
    what was taken out, as a list of phrases ("2 × a link to a web page")."""
    found: Counter[str] = Counter()
    attached: list[str] = []  # the names of attached files
    root = pdf.Root
    _actions(root.get("/OpenAction"), found)  # a destination (an array) is where the file opens: harmless
    _triggers(root, found)
    catalogue = root.get("/Names")
    if isinstance(catalogue, pikepdf.Dictionary):
        if "/JavaScript" in catalogue:
            found[OPENING_SCRIPT] += 1
        if "/EmbeddedFiles" in catalogue:
            found[ATTACHED_FILES] += 1
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and "/XFA" in form:
        found[XFA_FORM] += 1
    for page in pdf.pages:
        _triggers(page.obj, found)
        annotations = page.obj.get("/Annots")
        for annotation in (annotations if isinstance(annotations, pikepdf.Array) else []):
            _annotation(annotation, found, attached)
    with warnings.catch_warnings():  # qpdf's notes on odd forms say nothing to the student
        warnings.simplefilter("ignore")
        if isinstance(form, pikepdf.Dictionary):
            try:
                pdf.generate_appearance_streams()  # the fields' values drawn as a viewer would show them
            except pikepdf.PdfError:
                pass
        try:
            pdf.flatten_annotations("all")
        except pikepdf.PdfError:
            pass
    for page in pdf.pages:
        for key in ("/AA", "/Annots", "/B"):
            if key in page.obj:
                del page.obj[key]
    for key in ("/OpenAction", "/AA", "/Names", "/AcroForm"):
        if key in root:
            del root[key]
    said = []
    for what, count in sorted(found.items()):
        shown = _(what)
        if what == ATTACHED and any(attached):
            shown = _("{what} ({names})").format(what=shown, names=", ".join(name for name in attached if name))
        said.append(_("{count} × {what}").format(count=count, what=shown) if count > 1 else shown)
    return said


def inert_pdf(data: bytes) -> bytes:
    """The file's pages, made inert (:func:`make_inert`), as a PDF of their own."""
    with pikepdf.open(io.BytesIO(data)) as source:
        make_inert(source)
        out = pikepdf.new()
        with warnings.catch_warnings():  # the file's own destinations are not kept: nothing may point into it
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            out.pages.extend(source.pages)
        buffer = io.BytesIO()
        out.save(buffer)
    return buffer.getvalue()
