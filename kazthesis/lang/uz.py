"""Uzbek (uz): a language of sources only — the terms an Uzbek source is described with, in Cyrillic and in Latin
script (the official one since 1993). A thesis is not written in it: the entry has no document table."""

from __future__ import annotations

from kazthesis.i18n import N_
from kazthesis.lang.language import Language, SourceTable

# In Uzbekistan a PhD is the doctor of philosophy degree, "фалсафа доктори (PhD)", as the dissertations' title
# pages say; the degree comes first and "дис." last; "..." stands for the words left out, as in GOST's example.
UZBEK = Language(
    code="uz",
    name=N_("Uzbek"),  # marked for the message catalogues
    names=("uz", "uzb", "uzbek", "o'zbek", "oʻzbek", "o‘zbek", "o’zbek", "ўзбек", "ўзбекча", "өзбек", "узбекский",
           "узбекча"),
    script="Cyrl",
    letters=frozenset("ЎўҲҳҚқҒғ"),  # Ў and Ҳ are Uzbek's own; Қ and Ғ it shares with Kazakh
    pairs=("oʻ", "gʻ"),  # the Latin alphabet's (kazthesis.lang.identify spells o', o‘, o’ so)
    words=frozenset({"ва", "учун", "билан", "ҳамда", "орқали", "ҳақида", "ёки", "тошкент", "va", "uchun", "bilan",
                     "hamda", "orqali", "haqida", "yoki", "toshkent"}),
    endings=("нинг", "лари", "ларни", "даги", "лиги", "иёт", "иёти", "ning", "lari", "larni", "dagi", "ligi",
             "iyot", "iyoti"),
    places={"Т.": "Тошкент", "T.": "Toshkent"},
    sources={
        "Cyrl": SourceTable(
            terms={"total": "{n} б.", "pages": "{p} б.", "volume": "Т. {n}", "number": "№ {n}",
                   "edition": "{n}-нашр", "others": "[ва б.]", "editor": "таҳр.", "eresource": "[Электрон ресурс]",
                   "accessed": "(мурожаат санаси: {d})", "print": "Матн : бевосита", "online": "Матн : электрон",
                   "phd": "фалсафа доктори (PhD) ... дис.", "master": "магистр ... дис.",
                   "candidate": "фан номзоди ... дис.", "doctor": "фан доктори ... дис."},
            # The usual abbreviations of the Uzbek month names.
            months=("янв.", "фев.", "мар.", "апр.", "май", "июн", "июл", "авг.", "сен.", "окт.", "ноя.", "дек."),
            month_stems=(("янв",), ("фев",), ("мар",), ("апр",), ("май",), ("июн",), ("июл",), ("авг",), ("сен",),
                         ("окт",), ("ноя",), ("дек",)),
        ),
        "Latn": SourceTable(
            terms={"total": "{n} b.", "pages": "{p} b.", "volume": "T. {n}", "number": "№ {n}",
                   "edition": "{n}-nashr", "others": "[va b.]", "editor": "tahr.", "eresource": "[Elektron resurs]",
                   "accessed": "(murojaat sanasi: {d})", "print": "Matn : bevosita", "online": "Matn : elektron",
                   "phd": "falsafa doktori (PhD) ... dis.", "master": "magistr ... dis.",
                   "candidate": "fan nomzodi ... dis.", "doctor": "fan doktori ... dis."},
            months=("yan.", "fev.", "mar.", "apr.", "may", "iyun", "iyul", "avg.", "sen.", "okt.", "noy.", "dek."),
            month_stems=(("yan",), ("fev",), ("mar",), ("apr",), ("may",), ("iyun",), ("iyul",), ("avg",),
                         ("sent",), ("okt",), ("noy",), ("dek",)),
        ),
    },
)
