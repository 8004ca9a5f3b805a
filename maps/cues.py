"""What the words around a candidate name say about it: the recogniser's cues.

Why typed: the filter (maps/filters.py), the resolver and the placement rules decide from these cues,
so each is an enum member with one meaning, set in one place (`cues_of`) from the language tables and
read wherever a rule needs it - never a string that another module has to spell the same way.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from enum import Enum

from maps.tokens import Token


class Cue(Enum):
    HEAD = "head"                    # a head word made it a place ("Kabupaten Poso", "Laurel County")
    ORG = "org"                      # inside an organisation's name ("Dublin Historical Society")
    ORG_ACRONYM = "org_acronym"      # next to an organisation's acronym ("DPR RI")
    IN_NAME = "in_name"              # beside a rare capitalised word: part of a longer name ("Paris Hilton")
    HEADLINE = "headline"            # in a title-case line, where capitals say nothing
    SENT_START = "sent_start"        # opens a sentence, where a capital is grammar
    ACRONYM = "acronym"              # written in capitals ("USA", "COLUMBUS")
    DATELINE = "dateline"            # a dateline's city ("COLUMBUS, Ohio -")
    PREP = "prep"                    # after a word that introduces places ("in", "di", "ke")
    CURRENCY = "currency"            # a currency named after its country ("Singapore dollar")
    POSSESSIVE = "possessive"        # followed by 's: a brand or a person more often than a town
    PERSON_BEFORE = "person_before"  # after a word that introduces people
    PERSON_AFTER = "person_after"    # before a word that follows people ("said", "kata")
    TITLE_BEFORE = "title_before"    # right after a person's title ("Mr", "Presiden")
    INITIAL_BEFORE = "initial_before"  # right after a one-letter initial ("Marsha J. Moore")
    PERSON_NAME = "person_name"      # the same word was part of a person's full name in the text
    AFTER_CONNECTOR = "after_connector"  # right after a connector inside a run ("Procura di Trani")
    HYPHEN_AFTER = "hyphen_after"    # a hyphen joins it to a lower-case word ("Hel-singe", "Texas-based")
    BROKEN_WORD = "broken_word"      # the first part of a word broken at a line end ("Kak-kinen")
    COMPOUND_WORD = "compound_word"  # the first part of a hyphenated compound noun ("Lokeren-trainer")
    ARTICLE_BEFORE = "article_before"  # after a definite article the place's name does not take ("il Parma")


DATELINE_MIN = 4                      # letters of a capitalised dateline city
DATELINE_AFTER = (",", "(", "—", "-", "–")
_NON_SPACE = re.compile(r"\S")
_LETTER = re.compile(r"[^\W\d_]")
SCAN_LETTERS = 32                      # letters before a name read in place; past them, the text's index of letters
# a newswire dateline after the city: its country or the agency in brackets, then the date or the line's end
_AGENCY_DATELINE = re.compile(r"(?:\s*\([^()\n]{1,30}\))+\s*(?:,\s*(?:\d|\()|[.:]?\s*$)")


@dataclass
class Around:
    """The tokens of a text and what one language's tables say about them."""

    text: str
    toks: list[Token]
    tables: object        # maps.lang_tables.LangTables
    is_fragment: object = lambda word: False   # is this lower-case word no word of the language?
    is_name: object = lambda name: False       # does the gazetteer know this name ("il Cairo")?
    inflects: bool = False                     # the language puts names in cases after prepositions
    _newlines: list[int] | None = field(default=None, init=False, repr=False)
    _letters: tuple[list[int], list[int]] | None = field(default=None, init=False, repr=False)

    def _listed_after_prep(self, i: int) -> bool:
        """"z Liberce a Pardubic": in a language that puts names in the case their preposition asks for, the
        second of two places listed after one preposition is in that case too (the first a single word the
        gazetteer knows, not "of Environment and Conservation")."""
        toks, t = self.toks, self.tables
        return self.inflects and i > 2 and toks[i - 1].text.lower() in t.list_words and toks[i - 2].cap \
            and toks[i - 3].text.lower() in t.place_preps and not toks[i - 3].cap and self.is_name(toks[i - 2].text)

    def cues_of(self, i: int, j: int, in_headline: bool) -> set[Cue]:
        """Cues of a name made of tokens i..j (inclusive) from the words around it."""
        toks, t, text = self.toks, self.tables, self.text
        cues: set[Cue] = set()
        if in_headline:
            cues.add(Cue.HEADLINE)
        if toks[i].sent_start:
            cues.add(Cue.SENT_START)
        if i == j and toks[i].upper:
            cues.add(Cue.ACRONYM)
            if self._dateline(i):
                cues.add(Cue.DATELINE)
        elif self._own_line(i, j):
            cues.add(Cue.DATELINE)
        before = toks[i - 1].text.lower() if i > 0 else None
        after = toks[j + 1].text.lower() if j + 1 < len(toks) else None
        if before in t.place_preps or self._listed_after_prep(i):
            cues.add(Cue.PREP)
        if before in t.connectors and i > 1 and toks[i - 2].cap and adjacent(text, toks[i - 1], toks[i]):
            cues.add(Cue.AFTER_CONNECTOR)
        if before in t.not_place_before or after in t.not_place_after:
            cues.add(Cue.CURRENCY)
        if before in t.name_particles and not toks[i - 1].cap:
            cues.add(Cue.IN_NAME)   # a particle of a person's name
        if text[toks[j].end:toks[j].end + 2] in ("'s", "’s"):
            cues.add(Cue.POSSESSIVE)
        if before in t.person_before:
            cues.add(Cue.PERSON_BEFORE)
        if after in t.person_after and text[toks[j].end:toks[j + 1].start].strip() in ("", ","):
            cues.add(Cue.PERSON_AFTER)
        if i > 0 and toks[i - 1].text in t.person_titles and adjacent(text, toks[i - 1], toks[i]):
            cues.add(Cue.TITLE_BEFORE)
        if i > 0 and _initial(text, toks[i - 1], toks[i]):
            cues.add(Cue.INITIAL_BEFORE)
        if before and before.replace("’", "'") in t.articles and (not toks[i - 1].cap or toks[i - 1].sent_start) \
                and self._article_not_in_name(i, j):
            cues.add(Cue.ARTICLE_BEFORE)
        if j + 1 < len(toks) and text[toks[j].end:toks[j + 1].start] == "-" and toks[j + 1].text.islower():
            cues.add(Cue.HYPHEN_AFTER)
            if self.is_fragment(toks[j + 1].text):
                cues.add(Cue.BROKEN_WORD)
            elif t.hyphen_compounds and self._compound_word(j):
                cues.add(Cue.COMPOUND_WORD)
        return cues

    def _compound_word(self, j: int) -> bool:
        """Dutch writes a name and a noun as one word with a hyphen ("Anderlecht-trainer", "Colombia-bezoek"):
        the word names a trainer or a visit, not the place - unless its noun is a place's own head word
        ("Boezinge-dorp", "Ostankino-toren"), where the whole word is the place."""
        noun, t = self.toks[j + 1].text, self.tables
        return noun not in t.lower_heads and not any(noun.endswith(end) for end in t.compound_heads)

    def _article_not_in_name(self, i: int, j: int) -> bool:
        """Italian and Spanish name a town without an article: "il Parma", "el Barcelona" are teams,
        "el Pleno" a council. A few places take one ("al Cairo", "la Mecca"): the gazetteer knows the
        name with its plain article, and then the article says nothing."""
        toks, text = self.toks, self.text
        gap = text[toks[i - 1].end:toks[i].start]
        if gap not in ("", " "):
            return False
        article = self.tables.articles[toks[i - 1].text.lower().replace("’", "'")]
        name = text[toks[i].start:toks[j].end]
        return not self.is_name(article + ("" if article.endswith(("'", "’")) else " ") + name)

    def _own_line(self, i: int, j: int) -> bool:
        """A name alone on its line ("Brussel" above a story, "León, 23 may"): a dateline, not grammar."""
        text = self.text
        start, end = self.toks[i].start, self.toks[j].end
        line_start = self._line_start(start)
        if _NON_SPACE.search(text, line_start, start) is not None and not self._capitals_headline(line_start, start):
            return False
        line_end = self._line_end(end)
        first = _NON_SPACE.search(text, end, line_end)   # what follows it on its line, if anything
        if first is not None and text[first.start()] == "(":
            return _AGENCY_DATELINE.match(text, end, line_end) is not None   # "Milán (Italia), 23 may (EFE)."
        return first is None or text[first.start()] == "," and \
            any(ch.isdigit() for ch in text[end:min(end + 12, line_end)])

    def _dateline(self, i: int) -> bool:
        """COLUMBUS, Ohio - : a dateline writes the city in capitals at the start of a line."""
        tok, text = self.toks[i], self.text
        opens = _NON_SPACE.search(text, self._line_start(tok.start), tok.start) is None or tok.sent_start
        return opens and len(tok.text) >= DATELINE_MIN and \
            text[tok.end:tok.end + 2].strip()[:1] in DATELINE_AFTER

    def _line_start(self, pos: int) -> int:
        """Where the line holding ``pos`` starts. The text's line breaks are found once, not once a
        name: a text without line breaks made every look-up scan back to its start (quadratic)."""
        k = bisect_left(self._breaks(), pos)
        return self._newlines[k - 1] + 1 if k else 0

    def _line_end(self, pos: int) -> int:
        """Where the line holding ``pos`` ends (its line break, or the text's end)."""
        k = bisect_left(self._breaks(), pos)
        return self._newlines[k] if k < len(self._newlines) else len(self.text)

    def _capitals_headline(self, a: int, b: int) -> bool:
        """Is text[a:b], what precedes a name on its line, a headline in capitals ("RUSIA - CEI Milán
        (Italia), 23 may")? Its first letters are read in place: a line of prose has a small letter at
        once, and most articles never need more. A line with more capitals than that is answered from
        the positions of the text's letters, found once: scanning the line for each name made a text on
        one long line quadratic."""
        letters, text = 0, self.text
        m = _LETTER.search(text, a, b)
        while m is not None and letters < SCAN_LETTERS:
            if m.group().isalpha():   # the pattern also takes a few numerals that are no letters ("²", "½")
                if not m.group().isupper():
                    return False
                letters += 1
            m = _LETTER.search(text, m.end(), b)
        return letters >= 2 if m is None else self._indexed_headline(a, b)

    def _indexed_headline(self, a: int, b: int) -> bool:
        """``_capitals_headline`` for a long stretch of capitals: from the text's letters, indexed once."""
        if self._letters is None:
            upper, other = [], []
            for k, ch in enumerate(self.text):
                if ch.isalpha():
                    (upper if ch.isupper() else other).append(k)
            self._letters = upper, other
        upper, other = self._letters
        if bisect_left(other, b) > bisect_left(other, a):
            return False    # a letter that is not a capital
        return bisect_left(upper, b) - bisect_left(upper, a) >= 2

    def _breaks(self) -> list[int]:
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        return self._newlines


def _initial(text: str, a: Token, b: Token) -> bool:
    """Is ``a`` a one-letter initial right before ``b`` ("J. Moore")?"""
    return len(a.text) == 1 and a.text.isupper() and text[a.end:b.start] == ". "


def adjacent(text: str, a: Token, b: Token) -> bool:
    """Are two tokens parts of one name: nothing but a space, a dash or a possessive between them?"""
    gap = text[a.end:b.start]
    return gap in (" ", "\u00a0", "-", "–", " - ", "'s ", "’s ") or \
        (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)
