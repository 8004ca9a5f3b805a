"""Which recognised names are places after all: the filter rules between recognition and resolution.

Why its own module: a capitalised name that the gazetteer knows is often a person ("Hailey"), an
organisation ("Gainesville Police Department" in Indonesian style rules), a currency ("Singapore
dollar") or a common word that opens a sentence ("Reading the report ..."). Each rule below is
general - it reads the span's typed cues (maps/cues.py), its readings and the language tables - and
none names the places of one article.
"""
from __future__ import annotations

import unicodedata

from maps import kinds
from maps.cues import Cue
from maps.lang_tables import tables
from maps.names import country_names, normalize
from maps.local_names import local_alternate
from maps.recognize import Recognizer, Span, major

COMMON_WORD = 4.3        # zipf frequency above which a lone capitalised word is more word than name
COMMON_AT_START = 4.0    # the same at the start of a sentence or in a headline
FUNCTION_WORD = 6.0      # zipf frequency of a language's commonest words ("if", "the", "that")
COMMON_AFTER_PREP = 5.0  # zipf frequency from which a word is the word even after "de", "of": "de Justicia"
GRAMMAR_WORD = 5.5       # zipf frequency from which a capitalised word is grammar whatever the gazetteer says
MAX_ACRONYM = 3          # letters: a longer word in capitals may be a name written in capitals
OPENING = frozenset({Cue.SENT_START, Cue.HEADLINE})
PERSON_CUES = frozenset({Cue.TITLE_BEFORE, Cue.PERSON_BEFORE, Cue.PERSON_AFTER, Cue.POSSESSIVE, Cue.INITIAL_BEFORE})
ORG_CUES = frozenset({Cue.ORG, Cue.ORG_ACRONYM})
TOP_KINDS = frozenset({kinds.COUNTRY, kinds.CONTINENT, kinds.ADMIN1})   # names no rule below overrides
TOWN_OR_BUILDING = frozenset({kinds.CITY, kinds.LANDMARK})   # names that take no article where articles say so
OWN_MATCHES = ("name", "abbrev", "demonym")   # a reading whose name is the very word written
OWN_NAME = ("name", "exonym")                  # the place's own name, in some language


def _kind(s: Span) -> str:
    return getattr(s.candidates[0], "kind", "")


def is_weak(s: Span) -> bool:
    """A name whose best reading is a small place: a person or a common word may hide behind it."""
    if not s.candidates:
        return True
    c = s.candidates[0]
    return getattr(c, "kind", "") not in kinds.LARGE and (getattr(c, "population", 0) or 0) < kinds.BIG_TOWN \
        and getattr(c, "match", "name") != "demonym"


def keep(s: Span, rec: Recognizer) -> bool:
    """Is this span a place? The rules run from what rules it out to what vouches for it."""
    t = rec.t
    if s.text in t.not_places or (Cue.HEAD not in s.cues and s.lookup in t.not_places) or Cue.CURRENCY in s.cues:
        return False
    if Cue.BROKEN_WORD in s.cues or Cue.COMPOUND_WORD in s.cues:
        return False        # "Kak-kinen", "Lokeren-trainer": the first part of a longer word
    head_ok = Cue.HEAD in s.cues and s.head.lower() in t.unresolved_ok_heads
    if s.candidates and not _written_short(s.text):
        # "Oro", "Efe": a code (an airport's, a town's) is only read when written as one
        s.candidates = [c for c in s.candidates if getattr(c, "match", "") != "abbrev"]
    if s.candidates and t.local_alternates and _latin(s.lookup):
        # "Liga" is a village's name, not Riga's in some other language
        key = normalize(rec.listed_form(s.lookup))
        s.candidates = [c for c in s.candidates
                        if getattr(c, "match", "") != "alt" or local_alternate(c, key, rec)]
    if not s.candidates and not head_ok:
        return False
    if (ORG_CUES & s.cues) and not head_ok and Cue.DATELINE not in s.cues and not _inside_organisation_counts(s, t):
        return False
    if Cue.ACRONYM in s.cues and Cue.DATELINE not in s.cues and not _known_acronym(s, t):
        return False
    if Cue.HEAD in s.cues:
        return True
    if Cue.ARTICLE_BEFORE in s.cues and _kind(s) in TOWN_OR_BUILDING:
        return False        # "il Parma", "el Barcelona", "el Pleno": a team, a council, a company
    if _person_like(s):
        return False
    word = s.text if " " not in s.text else ""
    return not word or _word_is_place(s, word, rec)


def _inside_organisation_counts(s: Span, t) -> bool:
    """Does a place named inside an organisation's name count, by the language's table: always, never,
    or ("after_connector") when the organisation is *of* it ("Procura di Trani") - its seat, a town or a
    province; a country in the name names a national body ("Banca d'Italia", "Ambasciata d'Italia")?"""
    mode = t.places_inside_organisations
    if mode == "after_connector":   # a country is the name of a national body ("Banca d'Italia"), not its seat
        return Cue.AFTER_CONNECTOR in s.cues and _kind(s) not in (kinds.COUNTRY, kinds.CONTINENT)
    return bool(mode)


def _known_acronym(s: Span, t) -> bool:
    """An acronym is a place when the tables list it ("UK", "DKI") or the gazetteer has it as the
    abbreviation of a country or province."""
    if len(s.text) > MAX_ACRONYM and any(getattr(c, "kind", "") in (kinds.COUNTRY, kinds.ADMIN1)
                                         and getattr(c, "match", "") in OWN_NAME for c in s.candidates[:3]):
        return True     # "ISRAEL", "ESPAÑA": a country's own name in capitals, not an acronym
    return s.text in t.acronym_places or s.text in t.aliases or any(
        getattr(c, "match", "") == "abbrev" and getattr(c, "kind", "") in (kinds.COUNTRY, kinds.ADMIN1)
        for c in s.candidates[:3])


def _person_like(s: Span) -> bool:
    """Cues that make a name part of a person's (or a longer) name rather than a place."""
    prep = Cue.PREP in s.cues
    if Cue.IN_NAME in s.cues and _kind(s) not in TOP_KINDS:
        return True
    if is_weak(s) and (PERSON_CUES & s.cues) and not prep:
        return True
    # the same word was part of a person's full name earlier in the text
    return Cue.PERSON_NAME in s.cues and not prep and _kind(s) not in (kinds.COUNTRY, kinds.CONTINENT)


def _word_is_place(s: Span, word: str, rec: Recognizer) -> bool:
    """The rules for a name of one word, where a common word or a first name most often hides."""
    t = rec.t
    prep = Cue.PREP in s.cues
    weak = is_weak(s)
    at_start = bool(OPENING & s.cues) and Cue.DATELINE not in s.cues
    if at_start and not prep and rec.common(word) >= COMMON_WORD and not _own_top_name(s, rec) \
            and not _opens_as_itself(s, rec):
        return False        # "Uji kelayakan ...", "Reading the report ...": a word that opens a sentence
    if not prep and not word.isupper() and rec.common(word) >= GRAMMAR_WORD and not _opens_as_itself(s, rec) \
            and normalize(rec.listed_form(word)) not in country_names(rec.lang):
        return False        # "Och", "Man", "Hela": one of the language's commonest words, capitalised
    if weak and not word.isupper() and rec.common(word) >= COMMON_AFTER_PREP and Cue.HYPHEN_AFTER not in s.cues:
        return False        # "ministro de Economía", "Points of Light": a common word; a village's name only resembles it
    if _plural_people(s, word, rec):
        return False        # "Mexicans", "Europeans": the people, not the place
    if not prep and not _own_word_evidence(s, rec):
        return False        # only a variant spelling or a foreign exonym says it is a place
    if weak and not prep and t.country and getattr(s.candidates[0], "country", None) != t.country:
        return False        # a foreign village named like a word or a person, without "di"/"ke" before it
    if weak and not prep and rec.listed_form(word) != word and getattr(s.candidates[0], "match", "") != "demonym":
        return False        # "Коммунистического": an inflected word that a village's name only resembles
    if weak and not prep and word in t.given_names:
        return False        # "Hailey", "Tim": a first name that is also a small town
    if weak and not prep:
        limit = COMMON_AT_START if at_start else COMMON_WORD
        if rec.common(word) >= limit:
            return False
    return True


def _own_top_name(s: Span, rec: Recognizer) -> bool:
    """A country, continent or province by the language's own name for it (not "Indien", which is
    India in Swedish and "if" in Dutch)."""
    c = s.candidates[0]
    if getattr(c, "kind", "") not in TOP_KINDS:
        return False
    return getattr(c, "kind", "") != kinds.COUNTRY or getattr(c, "match", "") != "exonym" \
        or normalize(rec.listed_form(s.lookup)) in country_names(rec.lang)


def _written_short(text: str) -> bool:
    """Is the name written as an abbreviation: in capitals, or with a full stop ("NYC", "Ky.")?"""
    return "." in text or sum(ch.isupper() for ch in text) >= 2


def _latin(word: str) -> bool:
    letter = next((ch for ch in word if ch.isalpha()), "a")
    return letter.isascii() or unicodedata.name(letter, "LATIN").startswith("LATIN")


def _opens_as_itself(s: Span, rec: Recognizer) -> bool:
    """"Paris collected ...", "London's new ...": a city of millions named by its own name opens a
    sentence as itself - unless the word is one of the language's most common ("Jos" is Finnish for
    "if") or the language's news is about another country, where such a word is more likely the
    language's own ("Surat itu ..." is a letter, not the Indian city)."""
    c = s.candidates[0]
    own = getattr(c, "match", "") in OWN_NAME or (rec.t.local_alternates and getattr(c, "match", "") == "alt"
                                                  and local_alternate(c, normalize(s.text), rec))
    if getattr(c, "match", "") == "exonym" and getattr(c, "kind", "") == kinds.COUNTRY:
        own = _own_top_name(s, rec)     # "Indien we ...": India in Swedish, "if" in Dutch
    if not major(c) or not own or rec.common(s.text) >= FUNCTION_WORD:
        return False
    return not rec.t.country or getattr(c, "country", None) == rec.t.country


def _plural_people(s: Span, word: str, rec: Recognizer) -> bool:
    suffix = rec.t.plural_suffix
    if not suffix or not word.endswith(suffix) or getattr(s.candidates[0], "match", "") != "demonym":
        return False
    return any(getattr(c, "match", "") == "demonym" for c in rec.lookup(word[:-len(suffix)]))


def _own_word_evidence(s: Span, rec: Recognizer) -> bool:
    """Is there a reading whose name is this very word (or its dictionary form: "Армении" is Армения) -
    not an alternate spelling ("Anas") or another language's name for a country ("Hanura")? An
    alternate name in a script other than Latin is the place's name in that script's languages
    ("Ереван"): the spellings that collide with words and people are Latin ones."""
    lang = rec.lang
    listed = rec.listed_form(s.lookup)
    key = normalize(listed)
    for c in s.candidates[:8]:
        m = getattr(c, "match", "name")
        if m == "abbrev" and not _written_short(s.text):
            continue        # "Jag", "Ack": a code written as a word is the word
        if m in OWN_MATCHES or (m == "alt" and (not _latin(listed) or (
                rec.t.local_alternates and local_alternate(c, key, rec)))):
            return True
        if m == "exonym" and (getattr(c, "kind", "") != kinds.COUNTRY or key in country_names(lang)
                              or (rec.t.local_alternates and rec.common(listed) < COMMON_WORD)
                              or (len(normalize(c.name)) >= 4 and key.startswith(normalize(c.name)[:4]))):
            # Israeli - Israel, Iraqi - Iraq: a form derived from the country's own name
            return True
    return s.text in tables(lang).aliases
