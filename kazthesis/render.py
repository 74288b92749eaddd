"""Document model → one HTML file (Jinja2 templates + the chapters' HTML).

Chapters are rendered from their markdown-it tokens with our own rules for
headings, citations, cross-references, figures, tables and footnotes; the
page furniture (title page, contents, reference list, CSS) lives in the
templates, which a project may override file by file in its own templates/.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markupsafe import Markup

from kazthesis import locale
from kazthesis.citations import format_citation
from kazthesis.content import Heading, SourceFile
from kazthesis.document import Document
from kazthesis.hyphenation import hyphenate_text
from kazthesis.markdown import make_parser
from kazthesis.problems import Problems
from kazthesis.project import is_inside
from kazthesis.typography import apply_typography

TOOL_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass
class Part:
    """A level-1 heading and the HTML under it (up to the next level-1 heading)."""

    heading: Heading | None
    html: str


def _prose(text: str, language: str, hyphenate: bool) -> str:
    """Typography, then (for body text) soft hyphens, then HTML escaping."""
    text = apply_typography(text, language)
    if hyphenate:
        text = hyphenate_text(text, language)
    return escape(text, quote=False)


class _BodyRenderer:
    """markdown-it render rules that know the document's numbers."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.language = document.language
        self.md: MarkdownIt = make_parser()
        self.renderer: RendererHTML = self.md.renderer
        for name in ("text", "citation", "xref", "heading_open", "heading_close", "paragraph_open",
                     "paragraph_close", "image", "table_open", "table_close", "tbody_open", "tr_open",
                     "footnote_ref", "code_inline"):
            self.renderer.rules[name] = getattr(self, "_" + name)

    def render_file(self, source: SourceFile) -> list[Part]:
        """Split a file at its level-1 headings and render each piece."""
        env = {"footnotes": source.footnotes, "in_heading": False, "row": None}
        parts: list[Part] = []
        chunk: list[Token] = []
        heading: Heading | None = None
        for token in source.tokens:
            if token.type == "heading_open" and token.tag == "h1":
                if chunk or heading is not None:
                    parts.append(Part(heading, self.renderer.render(chunk, self.md.options, env)))
                chunk, heading = [], token.meta["heading"]
            chunk.append(token)
        parts.append(Part(heading, self.renderer.render(chunk, self.md.options, env)))
        return parts

    # --- rules -----------------------------------------------------------------
    def _text(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        return _prose(tokens[idx].content, self.language, hyphenate=not env["in_heading"])

    def _code_inline(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        return f"<code>{escape(tokens[idx].content)}</code>"

    def _citation(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        text = format_citation(tokens[idx].meta["items"], self.document.citation_number, self.language)
        return f'<span class="citation">{escape(text)}</span>'

    def _xref(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        ident = tokens[idx].meta["id"]
        label = self.document.content.labels.get(ident)
        text = label.text.replace(" ", "\u00a0") if label else "@" + ident
        return f'<a class="xref" href="#{escape(ident)}">{escape(text)}</a>'

    def _heading_open(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        heading: Heading = tokens[idx].meta["heading"]
        env["in_heading"] = True
        env["heading"] = heading
        ident = escape(heading.id)
        if heading.kind == "appendix":
            label = locale.text(self.language, "appendix", letter=heading.letter)
            return (f'<h1 id="{ident}" class="appendix" data-label="{escape(label)}">'
                    f'<span class="appendix-label">{escape(label)}</span> <span class="appendix-title">')
        number = f'<span class="number">{escape(heading.number)}</span> ' if heading.number else ""
        return f'<{tokens[idx].tag} id="{ident}" class="{heading.kind}">{number}'

    def _heading_close(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        env["in_heading"] = False
        closing = "</span>" if env["heading"].kind == "appendix" else ""
        return f"{closing}</{tokens[idx].tag}>\n"

    def _is_figure(self, tokens: list[Token], idx: int) -> bool:
        inline = tokens[idx + 1] if idx + 1 < len(tokens) else None
        return bool(inline is not None and inline.children and
                    any("figure" in c.meta for c in inline.children if c.type == "image"))

    def _paragraph_open(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        if tokens[idx].hidden:
            return ""
        return '<figure class="figure">' if self._is_figure(tokens, idx) else "<p>"

    def _paragraph_close(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        if tokens[idx].hidden:
            return ""
        return "</figure>\n" if self._is_figure(tokens, idx - 2) else "</p>\n"

    def _image(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        token = tokens[idx]
        resolved: Path | None = token.meta.get("resolved")
        src = resolved.as_uri() if resolved else ""
        caption = "".join(_prose(c.content, self.language, False) for c in token.children or [] if c.type == "text")
        image = f'<img src="{escape(src)}" alt="{caption}">' if src else ""
        if "figure" not in token.meta:
            return image
        ident = token.attrGet("id")
        label = locale.text(self.language, "figure", n=token.meta["figure"])
        text = f"{label} – {caption}" if caption else label
        id_attr = f' id="{escape(ident)}"' if ident else ""
        return f'<span class="figure-body"{id_attr}>{image}</span><figcaption>{text}</figcaption>'

    def _table_open(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        token = tokens[idx]
        number = token.meta["number"]
        caption = _prose(token.meta.get("caption", ""), self.language, False)
        label = locale.text(self.language, "table", n=number)
        continued = locale.text(self.language, "table_continued", n=number)
        ident = token.attrGet("id")
        id_attr = f' id="{escape(ident)}"' if ident else ""
        title = f"{label} – {caption}" if caption else label
        env["table"] = number
        # data-* let the PDF stage split a table that runs onto the next page (tables.py).
        return (f'<div class="table-block"{id_attr}><p class="table-caption">{title}</p>'
                f'<table data-table="{escape(number)}" data-continued="{escape(continued)}">\n')

    def _table_close(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        env["row"] = None
        return "</table></div>\n"

    def _tbody_open(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        env["row"] = 0  # body rows are numbered; header rows are not
        return "<tbody>\n"

    def _tr_open(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        if env["row"] is None:
            return "<tr>\n"
        env["row"] += 1
        return f'<tr data-table="{escape(env["table"])}" data-row="{env["row"]}">\n'

    def _footnote_ref(self, tokens: list[Token], idx: int, options: Any, env: dict) -> str:
        note_tokens = env["footnotes"].get(tokens[idx].meta["id"], [])
        inner = self.renderer.renderInline(note_tokens, options, {**env, "in_heading": True})
        return f'<span class="footnote">{inner}</span>'


def render_body(document: Document) -> tuple[list[Part], list[Part]]:
    """Chapters as (parts before the appendices, appendices)."""
    renderer = _BodyRenderer(document)
    parts: list[Part] = []
    for source in document.content.files:
        for part in renderer.render_file(source):
            if part.heading is None and parts:
                parts[-1].html += part.html  # a file that continues the previous chapter
            else:
                parts.append(part)
    body = [p for p in parts if p.heading is None or p.heading.kind != "appendix"]
    appendices = [p for p in parts if p.heading is not None and p.heading.kind == "appendix"]
    return body, appendices


URL_RE = re.compile(r"(https?://\S+)")


def linkify_urls(text: str) -> Markup:
    """Escape a reference-list entry and mark its URL so it may wrap anywhere."""
    parts = URL_RE.split(text)
    html = "".join(
        f'<span class="url">{escape(part)}</span>' if i % 2 else escape(part, quote=False)
        for i, part in enumerate(parts)
    )
    return Markup(html)


class TemplateRefused(Exception):
    """A project template that leads outside the project folder."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


class _ProjectLoader(jinja2.FileSystemLoader):
    """The project's templates/ first, then the tool's; a project template must stay inside the project."""

    def __init__(self, root: Path) -> None:
        super().__init__([str(root / "templates"), str(TOOL_TEMPLATES)])
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        path = Path(filename)
        if not path.is_relative_to(TOOL_TEMPLATES) and not is_inside(path, self.root):
            raise TemplateRefused(path)
        return source, filename, uptodate


def template_environment(root: Path) -> jinja2.Environment:
    """A sandboxed environment: a template passed around with a project can format, never run code."""
    env = ImmutableSandboxedEnvironment(loader=_ProjectLoader(root), undefined=jinja2.StrictUndefined,
                                        autoescape=jinja2.select_autoescape(["html"]),
                                        trim_blocks=True, lstrip_blocks=True)
    env.filters["linkify_urls"] = linkify_urls
    return env


def _template_problem(exc: Exception, root: Path, problems: Problems) -> None:
    """A project template that cannot be used, reported at its file and line."""
    if isinstance(exc, TemplateRefused):
        problems.error(exc.path, None, "this template is a link to a file outside the project folder",
                       "copy the template into the project's templates/ instead of linking to it")
        return
    path, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if path is None:  # an error while rendering: the innermost template frame says where
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".css")):
                path, line = frame.filename, frame.lineno
                break
    what = "is not allowed in a template" if isinstance(exc, SecurityError) else "is wrong"
    problems.error(path or root / "templates", line, f"template error: {exc} — this {what}",
                   "fix the template in templates/, or delete it to use the tool's own")


def _line_height(spacing: float) -> float:
    """Word's "1.5 lines" is 1.5 × the font's own line height (1.15 em for Times
    New Roman), so a page holds as many lines as the student's Word does."""
    return round(spacing * 1.15, 4)


def render_html(document: Document, problems: Problems) -> str | None:
    """The whole thesis as one HTML document; None when a project template cannot be used."""
    config = document.config
    env = template_environment(config.root)
    body, appendices = render_body(document)
    layout = dict(config.layout, line_height=_line_height(config.layout["line_spacing"]))
    strings = locale.STRINGS[document.language]
    title_page = {k: apply_typography(v, document.language) for k, v in config.title_page.items()}
    try:
        css = env.get_template("thesis.css").render(layout=layout, strings=strings, language=document.language)
        return env.get_template("thesis.html").render(
            language=document.language, strings=strings, title_page=title_page, css=css,
            contents=document.contents_entries, abbreviations=document.abbreviations,
            body=body, appendices=appendices, references=document.references,
        )
    except (jinja2.TemplateError, TemplateRefused) as exc:
        _template_problem(exc, config.root, problems)
        return None
