"""Every example of FORMATTING.md §4 comes out character for character."""

from __future__ import annotations

from pathlib import Path

import pytest

from kazthesis.bibliography import format_entry, parse_bibliography
from kazthesis.problems import Problems

N = "\u00a0"

EXAMPLES = [
    ("""@book{k, author = {Хабаров, А. В. and Яскин, А. А.}, title = {Почвоведение},
        subtitle = {учебник},
        edition = {2}, address = {Москва}, publisher = {Колос}, year = {2001}, pagetotal = {231},
        langid = {russian}}""",
     f"Хабаров,{N}А.{N}В. Почвоведение : учебник / А.{N}В.{N}Хабаров, А.{N}А.{N}Яскин. – 2-е изд. – "
     f"Москва : Колос, 2001. – 231{N}с."),
    ("""@book{k, author = {Назарбаев, Нұрсұлтан Әбішұлы}, title = {Ғасырлар тоғысында}, address = {Алматы},
        publisher = {Өнер}, year = {1996}, pagetotal = {272}}""",
     f"Назарбаев,{N}Н.{N}Ә. Ғасырлар тоғысында / Н.{N}Ә.{N}Назарбаев. – Алматы : Өнер, 1996. – 272{N}б."),
    ("""@book{k, author = {Федорова, Е. А. and Иванов, И. И. and Петров, П. П. and Сидоров, С. С.},
        title = {Контроль и ревизия}, subtitle = {учебное пособие}, address = {Москва}, publisher = {Форум},
        year = {2008}, pagetotal = {192}}""",
     f"Контроль и ревизия : учебное пособие / Е.{N}А.{N}Федорова [и др.]. – Москва : Форум, 2008. – 192{N}с."),
    ("""@collection{k, editor = {Smith, John}, title = {Central Asia in global politics}, address = {London},
        publisher = {Routledge}, year = {2019}, pagetotal = {310}}""",
     f"Central Asia in global politics / ed. by J.{N}Smith. – London : Routledge, 2019. – 310{N}p."),
    ("""@article{k, author = {Сидоров, С. С.}, title = {Нейронные сети в обработке текста},
        journal = {Вестник КазНУ}, year = {2019}, volume = {3}, number = {45}, pages = {25--31}}""",
     f"Сидоров,{N}С.{N}С. Нейронные сети в обработке текста / С.{N}С.{N}Сидоров // Вестник КазНУ. – 2019. – "
     f"Т.{N}3, №{N}45. – С.{N}25–31."),
    ("""@article{k, author = {Әбенов, Б. Қ.}, title = {Қазақстан дипломатиясының кезеңдері},
        journaltitle = {ҚазҰУ хабаршысы. Халықаралық қатынастар сериясы}, year = {2015}, number = {2},
        pages = {45-52}}""",
     f"Әбенов,{N}Б.{N}Қ. Қазақстан дипломатиясының кезеңдері / Б.{N}Қ.{N}Әбенов // ҚазҰУ хабаршысы. "
     f"Халықаралық қатынастар сериясы. – 2015. – №{N}2. – 45–52{N}б."),
    ("""@article{k, author = {Шаханов, Мұхтар}, title = {Электрондық үкіметтің көлеңке бұрылыстары},
        journaltitle = {Ана тілі}, entrysubtype = {newspaper}, date = {2006-04-13}, pages = {3}}""",
     f"Шаханов,{N}М. Электрондық үкіметтің көлеңке бұрылыстары / М.{N}Шаханов // Ана тілі. – 2006. – "
     f"13{N}сәу. – 3{N}б."),
    ("""@incollection{k, author = {Ширкунова, Н. В.}, title = {Оценка уровня риска участника ВЭД},
        booktitle = {Инновационное развитие таможенного дела}, booksubtitle = {сб. материалов конф.},
        address = {Москва}, publisher = {РТА}, year = {2010}, pages = {129--131}}""",
     f"Ширкунова,{N}Н.{N}В. Оценка уровня риска участника ВЭД / Н.{N}В.{N}Ширкунова // Инновационное развитие "
     f"таможенного дела : сб. материалов конф. – Москва : РТА, 2010. – С.{N}129–131."),
    ("""@phdthesis{k, author = {Иванов, Иван Иванович}, title = {Внешняя политика Казахстана},
        type = {дис. ... канд. ист. наук : 07.00.03}, school = {КазНУ}, address = {Алматы}, year = {2010},
        pagetotal = {150}}""",
     f"Иванов,{N}И.{N}И. Внешняя политика Казахстана : дис. ... канд. ист. наук : 07.00.03 / И.{N}И.{N}Иванов. – "
     f"Алматы, 2010. – 150{N}с."),
    ("""@online{k, title = {Мемлекет басшысы АҚШ Мемлекеттік хатшысын қабылдады},
        organization = {Қазақстан Республикасы Президентінің ресми сайты}, year = {2020},
        url = {https://www.akorda.kz/kz/example}, urldate = {2024-03-15}}""",
     "Мемлекет басшысы АҚШ Мемлекеттік хатшысын қабылдады [Электрондық ресурс] // Қазақстан Республикасы "
     "Президентінің ресми сайты. – 2020. – URL: https://www.akorda.kz/kz/example (қаралған күні: 15.03.2024)."),
    ("""@online{k, author = {Smith, J.}, title = {Kazakhstan and the United States}, organization = {The Diplomat},
        year = {2023}, url = {https://thediplomat.com/example}, urldate = {2024-03-15}}""",
     f"Smith,{N}J. Kazakhstan and the United States [Electronic resource] / J.{N}Smith // The Diplomat. – 2023. – "
     "URL: https://thediplomat.com/example (accessed: 15.03.2024)."),
    ("""@legislation{k, title = {Қазақстан Республикасының Конституциясы},
        subtitle = {1995 жылғы 30 тамызда республикалық референдумда қабылданған}, address = {Алматы},
        publisher = {Жеті жарғы}, year = {2020}, pagetotal = {48}}""",
     "Қазақстан Республикасының Конституциясы : 1995 жылғы 30 тамызда республикалық референдумда қабылданған. – "
     f"Алматы : Жеті жарғы, 2020. – 48{N}б."),
]


@pytest.mark.parametrize(("bibtex", "expected"), EXAMPLES)
def test_formatting_examples(bibtex: str, expected: str) -> None:
    problems = Problems()
    bib = parse_bibliography(bibtex, Path("references.bib"), problems)
    assert not problems.errors, [str(p) for p in problems]
    assert format_entry(bib.entries["k"]) == expected
