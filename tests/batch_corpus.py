"""Small corpora for the batch tests, made of sentences written for these tests.

`corpus_lines(n)` makes n short news items, alternating English and Indonesian, each naming a town
and a date, so that every document has places, dates and events to find. Nothing here is tuned to
what the pipeline finds: the tests compare runs with each other, not with expected answers.
"""
from __future__ import annotations

import json
from pathlib import Path

TOWNS = ["Surabaya", "Medan", "Makassar", "Bandung", "Semarang", "Palembang", "Denpasar", "Manado",
         "Nairobi", "Mombasa", "Lisbon", "Porto", "Toronto", "Ottawa", "Perth", "Adelaide"]
MONTHS_EN = ["January", "March", "May", "July", "September", "November"]
MONTHS_ID = ["Januari", "Maret", "Mei", "Juli", "September", "November"]

EN = ("The ferry service from {town} resumed on {day} {month} 2023 after a week of storms. "
      "Harbour staff said the first boat left at dawn. Two days later the port of {other} reopened as well.")
ID = ("Layanan kapal dari {town} kembali berjalan pada {day} {month} 2023 setelah sepekan badai. "
      "Petugas pelabuhan mengatakan kapal pertama berangkat pagi hari. Dua hari kemudian pelabuhan {other} "
      "juga dibuka kembali.")


def item(n: int) -> dict:
    town, other = TOWNS[n % len(TOWNS)], TOWNS[(n * 7 + 3) % len(TOWNS)]
    day = 1 + (n * 5) % 27
    if n % 2:
        text = ID.format(town=town, other=other, day=day, month=MONTHS_ID[n % len(MONTHS_ID)])
        lang = "id"
    else:
        text = EN.format(town=town, other=other, day=day, month=MONTHS_EN[n % len(MONTHS_EN)])
        lang = "en"
    return {"id": f"doc-{n:03d}", "text": text, "lang": lang, "dct": "2023-12-01",
            "source": "Harbour Weekly" if n % 3 else "Coast Radio"}


def corpus_lines(n: int) -> list[str]:
    return [json.dumps(item(i), ensure_ascii=False) for i in range(n)]


def write_corpus(path: Path, n: int, extra: list[str] = ()) -> Path:
    path.write_text("\n".join(corpus_lines(n) + list(extra)) + "\n", encoding="utf-8")
    return path
