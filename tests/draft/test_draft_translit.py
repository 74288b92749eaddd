"""The file names, ids and citation keys of ``kazthesis import`` are spelled by the BGN/PCGN tables of
kazthesis.lang.transliteration (the ones an APA list romanizes with), in ASCII and lower case."""

from __future__ import annotations

from kazthesis.draft.translit import key_word, slug
from kazthesis.lang.transliteration import ascii_letters


def test_import_names_files_and_keys_in_the_ascii_form() -> None:
    assert slug("ҚОРЫТЫНДЫ", "kk") == "qorytyndy"
    assert slug("Білім саласындағы ынтымақтастық", "kk") == "bilim-salasyndaghy-yntymaqtastyq"
    assert slug("ЗАКЛЮЧЕНИЕ", "ru") == "zaklyucheniye"
    assert key_word("Медеубаева", "ru") == "medeubayeva" == ascii_letters("Медеубаева", "ru").lower()
    assert key_word("Babu Sahib", "en") == "babusahib"
