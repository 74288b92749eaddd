"""Norm control of lists after a colon: items in lower case ending with a semicolon, checked at their lines."""

from __future__ import annotations

from pathlib import Path

from conftest import Built, copy_project, line_of, run_cli


def test_list_items_after_a_colon_are_checked_at_their_lines(faculty_build: Built, tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    chapter = project / "content" / "02-glava-1.md"
    result = run_cli("check", project)
    warnings = [line for line in result.err.splitlines() if "list after a colon" in line]
    first = line_of(chapter, "1. Доступ к данным")
    assert warnings[0].startswith(f"content/02-glava-1.md:{first}: warning: this item of a list after a colon "
                                  "starts with a capital letter:")
    assert warnings[1].startswith(f"content/02-glava-1.md:{first + 1}: warning: this item of a list after a colon "
                                  "does not end with ';'")
    assert warnings[2].startswith(f"content/02-glava-1.md:{first + 2}: warning: this item of a list after a colon "
                                  "starts with a capital letter:")
    assert len(warnings) == 3, warnings  # the well-written lists of the introduction and conclusion pass
    config = project / "thesis.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[checks]\nlist_punctuation = false\n",
                      encoding="utf-8")
    assert "list after a colon" not in run_cli("check", project).err


def test_list_check_knows_nested_lists_abbreviations_and_proper_names(tmp_path: Path) -> None:
    project = copy_project("faculty", tmp_path)
    chapter = project / "content" / "04-zaklyuchenie.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + (
        "\nСервис испытан в вузах, и Казахстан может стать примером. Работу можно развивать так:\n\n"
        "- ООН и СНГ как источники данных;\n"
        "- Казахстан как пример внедрения;\n"
        "- новые модули:\n"
        "  - отчёты;\n"
        "  - уведомления;\n"
        "- перевод интерфейса.\n"
        "\nЛишь пример без двоеточия\n\n- Первый\n- Второй\n"), encoding="utf-8")
    assert "04-zaklyuchenie.md" not in run_cli("check", project).err
    chapter.write_text(chapter.read_text(encoding="utf-8").replace("  - уведомления;", "  - уведомления."),
                       encoding="utf-8")
    line = line_of(chapter, "  - уведомления.")
    err = run_cli("check", project).err
    assert f"content/04-zaklyuchenie.md:{line}: warning: this item of a list after a colon does not end with ';'" \
        in err
