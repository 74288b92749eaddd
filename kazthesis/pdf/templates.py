"""The project's Jinja2 templates: a sandboxed environment (bounded: :mod:`kazthesis.pdf.sandbox`) that reads the
project's templates/ first, then the tool's, and a template that cannot be used reported at its file and line.

A template passed around with a project can change the look, never run code or read outside the project.
"""

from __future__ import annotations

import functools
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from kazthesis.i18n import _
from kazthesis.pdf.fragments import reference_html
from kazthesis.pdf.sandbox import Bounded, TemplateTooLarge
from kazthesis.problems import Problems
from kazthesis.read.project import Refusal, exists, unreadable
from kazthesis.resources import templates_dir

TOOL_TEMPLATES = templates_dir()


class TemplateRefused(Exception):
    """A project template the build may not read: it leads outside the project folder, or is not a file."""

    def __init__(self, path: Path, refusal: Refusal | None = None) -> None:
        super().__init__(str(path))
        self.path = path
        self.reason = refusal.reason if refusal else _("is a link to a file outside the project folder")
        self.outside = refusal.outside if refusal else True


class _ProjectLoader(jinja2.FileSystemLoader):
    """The project's templates/ first, then the tool's; a project template must be a file inside the project,
    which is checked before it is opened."""

    def __init__(self, root: Path) -> None:
        super().__init__([str(root / "templates"), str(TOOL_TEMPLATES)])
        self.root = root

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        own = self.root / "templates" / Path(*jinja2.loaders.split_template_path(template))
        if exists(own) and (refusal := unreadable(own, self.root)):
            raise TemplateRefused(own, refusal)
        return super().get_source(environment, template)


def template_environment(root: Path) -> jinja2.Environment:
    """A sandboxed environment: a template passed around with a project can format, never run code.

    Kept between rebuilds (watch mode), so each template is compiled once; a template added to or taken
    from the project's templates/ makes a new one (Jinja notices changes to a file it already read).
    """
    folder = root / "templates"
    files = tuple(sorted(p.name for p in folder.iterdir())) if folder.is_dir() else ()
    return _environment(root, files)


@functools.lru_cache(maxsize=4)
def _environment(root: Path, files: tuple[str, ...]) -> jinja2.Environment:
    env = Bounded(loader=_ProjectLoader(root), undefined=jinja2.StrictUndefined,
                  autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.add_filter("reference_html", reference_html)
    return env


def template_problem(exc: Exception, root: Path, problems: Problems) -> None:
    """A project template that cannot be used, reported at its file and line."""
    if isinstance(exc, TemplateRefused):
        hint = (_("copy the template into the project's templates/ instead of linking to it") if exc.outside
                else _("put the template file itself there, or delete the name to use the tool's own"))
        problems.error(exc.path, None, _("this template {reason}").format(reason=exc.reason), hint)
        return
    path, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if path is None:  # an error while rendering: the innermost template frame says where
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            if frame.filename.endswith((".html", ".css")):
                path, line = frame.filename, frame.lineno
                break
    if isinstance(exc, SecurityError):
        message = _("template error: {reason} — this is not allowed in a template").format(reason=exc)
    elif isinstance(exc, TemplateTooLarge):
        message = _("template error: {reason} — this is more work than a template may do").format(reason=exc)
    else:
        message = _("template error: {reason} — this is wrong").format(reason=exc)
    hint = _("fix the template in templates/, or delete it to use the tool's own")
    if str(exc) == "'layout' is undefined":  # a copy of thesis.css from before the geometry
        hint = _("the stylesheet's sizes are now geometry.margin_top, geometry.body_size, geometry.line_height, "
                 "geometry.indent…: copy the tool's templates/thesis.css again and make your changes to it, "
                 "or delete yours")
    problems.error(path or root / "templates", line, message, hint)
