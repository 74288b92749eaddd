"""Messages in the student's language (#26): every message in kk, ru and en, chosen by KAZTHESIS_LANG or the
locale; the catalogues up to date with the code; no message built where extraction cannot see it."""

from __future__ import annotations

import ast
import importlib.util
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import REPO, copy_project, edit_file, run_cli

from kazthesis import i18n

PACKAGE = REPO / "kazthesis"
MARKERS = ("_", "N_", "ngettext")
LETTERS = re.compile(r"[^\W\d_]{2,}")
# Words a message may hold outside the catalogue: the severities of FILE:LINE: error|warning: (editors look for
# them), and doctor's ok / MISSING column.
UNTRANSLATED = {"error", "warning", "ok", "MISSING", "kazthesis"}


def _messages_script():  # noqa: ANN202 - the module scripts/messages.py
    spec = importlib.util.spec_from_file_location("messages", REPO / "scripts" / "messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_catalogues_are_up_to_date_with_the_code_and_every_message_is_translated() -> None:
    """What scripts/messages.py would write is what the repository holds: the .pot holds every marked message,
    each .po all of them translated (English is the messages' own language), each .mo compiled from its .po."""
    script = _messages_script()
    for path, data in script.files().items():
        assert path.exists() and path.read_bytes() == data, f"{path} is behind the code: python scripts/messages.py"
    for code in script.LANGUAGES:
        with (script.LOCALE / code / "LC_MESSAGES" / "kazthesis.po").open("rb") as file:
            catalog = read_po(file, locale=code)
        assert script.untranslated(catalog) == [], code
        assert len(catalog) > 300


def _fields(text: str) -> set[str]:
    """The {placeholders} of a message filled with .format(); none for one that is no template (``every { needs
    its }``), which is shown as written."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        return set()
    return {name for name in fields if re.fullmatch(r"\w+", name)}


@pytest.mark.parametrize("code", ["kk", "ru"])
def test_each_translation_has_the_placeholders_of_its_message(code: str) -> None:
    """A translation that drops or renames a {placeholder} would raise at run time, or lose what it names."""
    with (PACKAGE / "locale" / code / "LC_MESSAGES" / "kazthesis.po").open("rb") as file:
        catalog = read_po(file, locale=code)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(_fields(i) for i in ids))
        for translated in strings:
            assert _fields(translated) <= wanted and _fields(translated) >= _fields(ids[0]) - {"n"}, (message.id,
                                                                                                  translated)
            assert re.findall(r"%\(\w+\)[rs]|%s", translated) == re.findall(r"%\(\w+\)[rs]|%s", ids[0]), message.id


def _calls(tree: ast.AST) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def _marker(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS


def _message_args(call: ast.Call) -> list[ast.expr]:
    """What a call shows a student: the message and hint of problems.error/warning, the text of print, a
    DraftError's message and hint, a doctor Check's finding."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in ("error", "warning") and len(call.args) >= 2:
        return call.args[-2:]
    if isinstance(func, ast.Name) and func.id == "print" and call.args:
        return call.args[:1]
    if isinstance(func, ast.Name) and func.id in ("DraftError", "problem_line"):
        return call.args
    if isinstance(func, ast.Name) and func.id == "Check" and len(call.args) > 1:
        return call.args[1:2]
    return []


def _bare_words(node: ast.AST) -> list[str]:
    """Words of text under ``node`` that reach the student outside the catalogue: string literals, f-string parts,
    both sides of ``x if c else y`` and of ``+``, what ``.format()`` / ``.join()`` make and what they are given.
    A subscript, a call's other arguments (a dict key, a file name) are data, not message."""
    if _marker(node):
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [word for word in LETTERS.findall(node.value) if word not in UNTRANSLATED]
    if isinstance(node, ast.JoinedStr):
        return [word for part in node.values for word in _bare_words(part)]
    if isinstance(node, ast.FormattedValue):
        return _bare_words(node.value)
    if isinstance(node, ast.IfExp):
        return _bare_words(node.body) + _bare_words(node.orelse)
    if isinstance(node, ast.BinOp):
        return _bare_words(node.left) + _bare_words(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        given = [*node.args, *(keyword.value for keyword in node.keywords)]
        return _bare_words(node.func.value) + [word for argument in given for word in _bare_words(argument)]
    return []


def test_every_shown_message_is_marked_and_no_marker_is_given_a_built_string() -> None:
    """No message shown to a student outside the catalogue, and nothing given to _()/ngettext()/N_() that
    extraction cannot read (an f-string, a concatenation, a call): string literals, or names of N_-marked ones."""
    unmarked, built = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(REPO)
        for call in _calls(tree):
            if _marker(call):
                arguments = call.args[:2] if call.func.id == "ngettext" else call.args[:1]
                # A literal, or a name holding one marked with N_ (translated where it is shown); never text
                # made at run time, which no catalogue can hold.
                if any(isinstance(a, ast.JoinedStr | ast.BinOp | ast.Call | ast.IfExp) or
                       (isinstance(a, ast.Constant) and not isinstance(a.value, str)) for a in arguments):
                    built.append(f"{where}:{call.lineno}")
            for argument in _message_args(call):
                if words := _bare_words(argument):
                    unmarked.append(f"{where}:{argument.lineno}: {' '.join(words[:6])}")
    assert built == [], built
    assert unmarked == [], "\n".join(unmarked)


# Three words of English in a row: a sentence, which a student would read (a status key such as "not applicable"
# is two).
PROSE = re.compile(r"\b[a-z]{2,}(?: [a-z']{2,}){2,}")
# The commands whose messages are built from many small pieces, kept and printed later (review's lines, import's
# report): there every sentence written in the code is a message, wherever it goes.
ALL_PROSE_IS_MESSAGE = ("review", "draft")


def _not_message(tree: ast.AST) -> set[int]:
    """The nodes of ``tree`` whose text is not shown as a message: inside a marker, docstrings, regular expressions
    (an ``re`` function's arguments), tables of words matched in a draft or of texts a language (a tuple, list,
    set or dict display), and the comments of references.bib (``comment=``, lines starting with %)."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        inside: list[ast.AST] = []
        if _marker(node) or isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
            inside = [node]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                isinstance(node.func.value, ast.Name) and node.func.value.id == "re":
            inside = [node]
        elif isinstance(node, ast.keyword) and node.arg == "comment":
            inside = [node.value]
        elif isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body and \
                isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            inside = [node.body[0].value]
        for part in inside:
            skip.update(id(child) for child in ast.walk(part))
    return skip


def test_every_sentence_of_review_and_import_is_marked() -> None:
    """In review/ and draft/ a sentence written as a plain string or an f-string (a reason stored on a change, a
    line of the import report) reaches the student untranslated: each one is marked, or is data of the kinds
    :func:`_not_message` names."""
    found = []
    for package in ALL_PROSE_IS_MESSAGE:
        for path in sorted((PACKAGE / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            skip = _not_message(tree)
            for node in ast.walk(tree):
                if id(node) in skip:
                    continue
                if isinstance(node, ast.JoinedStr):
                    skip.update(id(value) for value in node.values)
                    text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
                elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value
                else:
                    continue
                if PROSE.search(text) and not text.startswith("%"):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}: {text[:70]!r}")
    assert found == [], "\n".join(found)


def _stores_underscore(function: ast.AST) -> bool:
    """Whether a function binds ``_`` in its own scope (a comprehension's variables are its own)."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp,
                             ast.DictComp, ast.GeneratorExp)):
            continue
        if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store):
            return True
        stack.extend(ast.iter_child_nodes(node))
    return False


def test_no_function_that_translates_binds_the_underscore_to_something_else() -> None:
    """``head, _, tail = text.partition(",")`` in a function that later calls ``_("…")`` makes the message
    a call of a string (a crash where a message was due)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _stores_underscore(node) and any(
                    isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "_"
                    for call in ast.walk(node)):
                found.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}")
    assert found == []


# --- the language of the messages ------------------------------------------------------------------------------

@pytest.mark.parametrize(("environment", "code"), [
    ({"KAZTHESIS_LANG": "ru"}, "ru"), ({"KAZTHESIS_LANG": "kk", "LANG": "ru_RU.UTF-8"}, "kk"),
    ({"LC_ALL": "kk_KZ.UTF-8"}, "kk"), ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
    ({"LANG": "ru_RU.UTF-8"}, "ru"), ({"LC_ALL": "C.UTF-8", "LANG": "ru_RU.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"), ({"KAZTHESIS_LANG": "fr", "LANG": "kk_KZ"}, "kk"), ({}, "en"),
])
def test_the_language_is_kazthesis_lang_else_the_locale_else_english(monkeypatch: pytest.MonkeyPatch,
                                                                     environment: dict[str, str], code: str) -> None:
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert i18n.message_language() == code


@pytest.mark.parametrize(("code", "said"), [
    ("ru", "citation key 'smith2032' is not in references.bib"),
    ("kk", "citation key 'smith2032' is not in references.bib"),
])
def test_a_check_speaks_the_students_language_and_keeps_file_line_error(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         code: str, said: str) -> None:
    project = copy_project("small", tmp_path)
    edit_file(project / "content" / "03-qorytyndy.md", "[@smith2023]", "[@smith2032]")
    english = run_cli("check", project)
    monkeypatch.setenv("KAZTHESIS_LANG", code)
    result = run_cli("check", project)
    assert result.status == english.status == 1
    line = next(line for line in result.err.splitlines() if "smith2032" in line)
    assert re.match(r"^content/03-qorytyndy\.md:\d+: error: ", line)  # editors still jump to it
    assert said in english.err and said not in result.err
    with i18n.use(code):
        assert i18n._("citation key '{key}' is not in references.bib").format(key="smith2032") in result.err
    assert result.out.startswith(i18n.catalogue(code).gettext("check: {summary}").split("{")[0])


def test_help_is_in_the_students_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAZTHESIS_LANG", "ru")
    result = run_cli("help", "check")
    assert result.status == 0
    with i18n.use("ru"):
        assert i18n._("usage: ").strip() in result.out and "usage:" not in result.out
        assert i18n._("check the input and the norm-control rules without writing a PDF") in result.out


def test_plural_forms_follow_each_language() -> None:
    with i18n.use("ru"):
        forms = [i18n.ngettext("{n} error", "{n} errors", n).format(n=n) for n in (1, 2, 5, 21)]
    assert len(set(forms[:3])) == 3 and forms[3].split()[1] == forms[0].split()[1]
    with i18n.use("en"):
        assert [i18n.ngettext("{n} entry is never cited", "{n} entries are never cited", n).format(n=n)
                for n in (1, 2)] == ["1 entry is never cited", "2 entries are never cited"]
