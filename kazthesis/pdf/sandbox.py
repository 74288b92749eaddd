"""Jinja's sandbox with bounds: a project template may format, never run code, loop without end or fill the memory.

Jinja's :class:`~jinja2.sandbox.ImmutableSandboxedEnvironment` keeps a
template from running code; it does not bound its work: two nested
``range(100000)`` loops run ten billion steps, ``"A" * 4000000000`` asks for
4 GB. So every render gets a budget (:class:`Bounded`): each loop step and
each call spends one of :data:`MAX_STEPS`; a text, list or number that an
operator (``*``, ``**``, ``+``, ``%``), a filter or a format would make
larger than :data:`MAX_SIZE` is refused before it is made; and the output
may not exceed :data:`MAX_OUTPUT` characters. Exceeding one is a
:class:`TemplateTooLarge` error, which the build reports at the template's
line. The tool's own templates spend a few thousand steps on a 300-page
thesis.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any

from jinja2 import nodes
from jinja2.environment import Template
from jinja2.exceptions import TemplateRuntimeError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from kazthesis.i18n import N_, _

MAX_STEPS = 1_000_000  # loop steps and calls in one render
MAX_SIZE = 50_000_000  # characters (or items) one operation may make; digits of a number
MAX_DEPTH = 100  # calls inside calls (a macro calling itself)
MAX_OUTPUT = 200_000_000  # characters one render may write (the whole document's HTML is a few MB)
# A width or precision of 10 000 000 or more in a format string: printf's (``%099999999d``) and str.format's
# (``{:099999999}``). Only strings used as formats are looked at (a stylesheet is full of braces and digits).
_BIG_PRINTF_RE = re.compile(r"%(?:\([^)]*\))?[-+ #0]*(?:\d{8,}|\d*\.\d{8,})")
_BIG_FORMAT_RE = re.compile(r"\{[^{}]*:[^{}]*?\d{8,}[^{}]*\}")


class TemplateTooLarge(TemplateRuntimeError):
    """A template that would do more work, or make more text, than a template may."""


class _Spent(threading.local):
    steps = 0
    depth = 0


_SPENT = _Spent()


def _spend(steps: int = 1) -> None:
    _SPENT.steps += steps
    if _SPENT.steps > MAX_STEPS:
        raise TemplateTooLarge(_("the template takes more than {most} loop steps and calls").format(
            most=f"{MAX_STEPS:,}"))


def _size(value: Any) -> int:
    """How large a value is, for the bounds: a text's or list's length, a number's digits (≈ bits × 0.3)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() * 3 // 10
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)) else 0


# What makes a value too large, translated only when it is shown.
JOINING_WITH_TILDE = N_("joining texts with ~")
A_FILTER = N_("the filter {name}")
REPEATING = N_("repeating a text")
MULTIPLYING = N_("multiplying")
RAISING = N_("raising to a power")
JOINING = N_("joining")
A_CALL = N_("a call")


def _refuse_size(size: int, what: str, name: str = "") -> None:
    if size > MAX_SIZE:
        raise TemplateTooLarge(_("{what}: that would make {size} characters (or items, or digits); a template may "
                                 "make at most {most} at once").format(what=_(what).format(name=name), size=f"{size:,}",
                                                               most=f"{MAX_SIZE:,}"))


def _check_format(text: Any, pattern: re.Pattern[str]) -> None:
    if isinstance(text, str) and pattern.search(text):
        raise TemplateTooLarge(_("a format with a width or precision of ten million or more"))


def bounded_iter(iterable: Iterable[Any]) -> Iterator[Any]:
    """The items of a ``{% for %}`` loop, each one step of the budget."""
    for item in iterable:
        _spend()
        yield item


def bounded_text(text: Any) -> Any:
    """A text joined with ``~``, refused when it grew past :data:`MAX_SIZE` (it may have doubled once)."""
    _refuse_size(_size(text), JOINING_WITH_TILDE)
    return text


class _Counted(NodeTransformer):
    """Each loop's items through :func:`bounded_iter`, each ``~`` through :func:`bounded_text`."""

    def visit_For(self, node: nodes.For) -> nodes.Node:  # noqa: N802 - NodeTransformer's naming
        self.generic_visit(node)
        node.iter = nodes.Call(nodes.Name("bounded_iter", "load", lineno=node.lineno), [node.iter], [], None, None,
                               lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:  # noqa: N802
        self.generic_visit(node)
        return nodes.Call(nodes.Name("bounded_text", "load", lineno=node.lineno), [node], [], None, None,
                          lineno=node.lineno)


class BoundedTemplate(Template):
    """A template whose every render starts a fresh budget and stops at :data:`MAX_OUTPUT` characters."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        _SPENT.steps, _SPENT.depth = 0, 0
        context = self.new_context(dict(*args, **kwargs))
        try:
            chunks, written = [], 0
            for chunk in self.root_render_func(context):  # type: ignore[attr-defined]
                written += len(chunk)
                if written > MAX_OUTPUT:
                    raise TemplateTooLarge(_("the template writes more than {most} characters").format(
                        most=f"{MAX_OUTPUT:,}"))
                chunks.append(chunk)
            return self.environment.concat(chunks)  # type: ignore[attr-defined]
        except Exception:
            self.environment.handle_exception()


def _bounded_filter(function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        for argument in (*args, *kwargs.values()):
            if isinstance(argument, int) and not isinstance(argument, bool) and abs(argument) > MAX_SIZE:
                raise TemplateTooLarge(_("the filter {name} was given {number}, more than a template may ask for "
                                         "({most})").format(name=function.__name__, number=f"{argument:,}",
                                                            most=f"{MAX_SIZE:,}"))
        if function.__name__ == "do_format" and args:  # the format filter: printf's forms
            _check_format(args[0], _BIG_PRINTF_RE)
        result = function(*args, **kwargs)
        _refuse_size(_size(result), A_FILTER, function.__name__)
        return result

    return bounded


class Bounded(ImmutableSandboxedEnvironment):
    """The sandbox with a budget for each render (see the module's note)."""

    template_class = BoundedTemplate
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.update(bounded_iter=bounded_iter, bounded_text=bounded_text)
        self.filters = {name: _bounded_filter(function) for name, function in self.filters.items()}

    def add_filter(self, name: str, function: Callable[..., Any]) -> None:
        """A filter of the tool's own, under the same bounds as Jinja's."""
        self.filters[name] = _bounded_filter(function)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template, each loop step and each ``~`` counted."""
        return _Counted().visit(super()._parse(source, name, filename))  # type: ignore[return-value]

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for sequence, times in ((left, right), (right, left)):
                if _size(sequence) and isinstance(times, int) and not isinstance(sequence, int):
                    _refuse_size(_size(sequence) * max(times, 0), REPEATING)
            if isinstance(left, int) and isinstance(right, int):
                _refuse_size(_size(left) + _size(right), MULTIPLYING)
        elif operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            _refuse_size(int(abs(left).bit_length() * max(right, 0) * 0.3), RAISING)
        elif operator == "+" and not isinstance(left, (int, float)):
            _refuse_size(_size(left) + _size(right), JOINING)
        elif operator == "%":
            _check_format(left, _BIG_PRINTF_RE)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's names
        _spend()
        if getattr(__obj, "__name__", "") in ("format", "format_map"):  # the sandbox wraps str.format
            _check_format(getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None), _BIG_FORMAT_RE)
        for argument in (*args, *kwargs.values()):
            if isinstance(argument, int) and not isinstance(argument, bool) and abs(argument) > MAX_SIZE:
                raise TemplateTooLarge(_("a call was given {number}, more than a template may ask for ({most})").format(
                    number=f"{argument:,}", most=f"{MAX_SIZE:,}"))
        _SPENT.depth += 1
        try:
            if _SPENT.depth > MAX_DEPTH:
                raise TemplateTooLarge(_("the template's calls nest more than {depth} deep (a macro calling "
                                         "itself?)").format(depth=MAX_DEPTH))
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            _SPENT.depth -= 1
        _refuse_size(_size(result), A_CALL)
        return result
