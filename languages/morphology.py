"""Dictionary forms of inflected words, so that "в Москве", "Venäjällä" or "Frankrikes" find their place.

Why here: Russian, Ukrainian, Finnish, Swedish, German, Greek ... put a place's name in a case ("из
России", "Pietarissa", "Deutschlands"), and the gazetteer lists the dictionary form. Which morphology a
language uses is data - the ``morphology`` part of its folder (languages/data/<code>/morphology.json):

  ``lemmatizers``  the libraries to ask, in order: ``pymorphy3`` (Russian and Ukrainian, dictionaries from
                   pip) or ``simplemma`` (about 50 languages, its data in the wheel)
  ``lemmatizer_langs``  the code a library knows the language by, where it is not the language's own
                   (simplemma reads Croatian, Serbian and Bosnian as one language, ``hbs``)
  ``endings``      ``[ending, replacement]`` rules for names no dictionary lists (foreign towns in Finnish:
                   "Heidelbergissä" -> "Heidelberg")
  ``min_stem``     the shortest stem an ending rule may leave (default 3)
  ``letter_variants``  ``[old, new]`` letters of an older spelling ("Wenäjä" for "Venäjä"), tried too
  ``place_endings``  endings of the locative cases, which say "in", "from", "to" as a preposition does

This is the one module that calls those libraries; a language without the part has no morphology, and
its words are looked up as written. Forms keep the written word's capitalisation, and only the form is
new: callers keep the offsets of the text they read.
"""
from __future__ import annotations

from functools import lru_cache

import languages

MAX_FORMS = 12   # enough for every rule that may apply to one word; a bound on look-ups per word
SIMPLEMMA_DICTIONARIES = 2   # loaded at once: the article's language and one more, for a corpus that mixes them


@lru_cache(maxsize=64)
def _spec(lang: str) -> dict:
    code = languages.primary(lang)
    return dict(languages.part(code, "morphology")) if code and "morphology" in languages.parts() else {}


def has_morphology(lang: str) -> bool:
    """Does this language inflect names (has it a morphology part)?"""
    spec = _spec(lang)
    return bool(spec.get("lemmatizers") or spec.get("endings"))


def marks_place(word: str, lang: str) -> bool:
    """Does the word end in a locative case ("Pietarissa": in St Petersburg), which says "a place" as a
    preposition would in a language that has them?"""
    low = word.lower()
    return any(low.endswith(e) for e in _spec(lang).get("place_endings", ()))


@lru_cache(maxsize=4)
def _pymorphy(lang: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


def _pymorphy_forms(word: str, lang: str, agree=None) -> list[str]:
    """Nominative forms of a word under pymorphy3's two likeliest readings: the dictionary form, the
    plural kept for a plural noun ("Штатах" -> "Штаты"); ``agree`` = (gender, number) of the head noun
    for an adjective before it ("Южной Корее" -> "Южная"). Inflecting is the costly call: only then."""
    out = []
    for p in _pymorphy(lang).parse(word)[:2]:
        tag = p.tag
        form = None
        if agree is not None and tag.POS in ("ADJF", "PRTF"):
            gender, number = agree
            form = p.inflect({"nomn", number} | ({gender} if gender and number == "sing" else set()))
        elif tag.POS == "NOUN" and tag.number == "plur":
            form = p.inflect({"nomn", "plur"})
        for w in ((form.word if form else None), p.normal_form):
            if w and w not in out:
                out.append(w)
    return out


def _head_agreement(word: str, lang: str):
    """Gender and number of a noun (the last word of a name), for the adjectives before it."""
    for p in _pymorphy(lang).parse(word)[:2]:
        if p.tag.POS == "NOUN":
            return p.tag.gender, p.tag.number or "sing"
    return None


@lru_cache(maxsize=1)
def _simplemma():
    """One simplemma lemmatiser that keeps at most SIMPLEMMA_DICTIONARIES dictionaries loaded (simplemma's
    own keeps eight, 15-100 MB each: a corpus of many languages would hold them all at once)."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory(cache_max_size=SIMPLEMMA_DICTIONARIES)
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


@lru_cache(maxsize=8)
def _simplemma_ok(lang: str) -> bool:
    try:
        _simplemma().lemmatize("a", lang)
    except Exception:   # a language simplemma does not cover
        return False
    return True


def _simplemma_forms(word: str, lang: str) -> list[str]:
    lang = _spec(lang).get("lemmatizer_langs", {}).get("simplemma", lang)
    if not _simplemma_ok(lang):
        return []
    return [_simplemma().lemmatize(word, lang)]


def _ending_forms(word: str, spec: dict) -> list[str]:
    low = word.lower()
    min_stem = int(spec.get("min_stem", 3))
    out = []
    for ending, repl in spec.get("endings", ()):
        if low.endswith(ending) and len(word) - len(ending) >= min_stem:
            out.append(word[:len(word) - len(ending)] + repl)
    return out


def _cased_like(form: str, word: str) -> str:
    """The form written as the word was: "москва" for "Москве" becomes "Москва"."""
    if word[:1].isupper() and form[:1].islower():
        return form[:1].upper() + form[1:]
    return form


@lru_cache(maxsize=100_000)
def lemmas(word: str, lang: str) -> tuple[str, ...]:
    """The lemmatisers' dictionary forms of a word only (no inflection, no ending rules): the cheap
    question for every word of a text ("российских" -> "российский")."""
    spec = _spec(lang)
    out: list[str] = []
    for lib in spec.get("lemmatizers", ()):
        if lib == "pymorphy3":
            out += [p.normal_form for p in _pymorphy(languages.primary(lang)).parse(word)[:2]]
        elif lib == "simplemma":
            out += _simplemma_forms(word, languages.primary(lang))
    return tuple(dict.fromkeys(w for w in out if w and w != word))


@lru_cache(maxsize=100_000)
def base_forms(word: str, lang: str, agree: tuple | None = None) -> tuple[str, ...]:
    """Candidate dictionary forms of one word, most likely first, without the word itself ("" forms
    and duplicates dropped). ``agree``: the head noun's (gender, number), for an adjective before it."""
    spec = _spec(lang)
    if not spec or not word:
        return ()
    forms: list[str] = []
    for lib in spec.get("lemmatizers", ()):
        if lib == "pymorphy3":
            forms += _pymorphy_forms(word, languages.primary(lang), agree)
        elif lib == "simplemma":
            forms += _simplemma_forms(word, languages.primary(lang))
    forms += _ending_forms(word, spec)
    for old, new in spec.get("letter_variants", ()):
        if old in word:
            modern = word.replace(old, new)
            forms += [modern] + _ending_forms(modern, spec)
    out: list[str] = []
    for f in forms:
        f = _cased_like(f, word)
        if f and f.lower() != word.lower() and f not in out:
            out.append(f)
    return tuple(out[:MAX_FORMS])


@lru_cache(maxsize=100_000)
def name_forms(name: str, lang: str) -> tuple[str, ...]:
    """Candidate dictionary forms of a name of one or more words: its last word in its base forms, and
    every word in its base form (adjectives agreeing with the last word where the lemmatiser can
    inflect: "Нижнем Новгороде" -> "Нижний Новгород", "Соединённых Штатах" -> "Соединённые Штаты")."""
    if not has_morphology(lang):
        return ()
    words = name.split(" ")
    last = words[-1]
    if len(words) == 1:
        return base_forms(last, lang)
    agree = _head_agreement(last, languages.primary(lang)) if "pymorphy3" in _spec(lang).get("lemmatizers", ()) \
        else None
    out: list[str] = []
    head_forms = base_forms(last, lang)
    for f in head_forms:
        out.append(" ".join(words[:-1] + [f]))
    firsts = [(base_forms(w, lang, agree) or (w,))[0] for w in words[:-1]]
    for f in head_forms[:3] or (last,):
        out.append(" ".join(firsts + [f]))
    seen: list[str] = []
    for f in out:
        if f != name and f not in seen:
            seen.append(f)
    return tuple(seen[:MAX_FORMS])
