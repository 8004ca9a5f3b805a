"""Every translation of the page's words (languages/data/<code>/ui.json) matches English's table.

Why: the page shows a language's own words entry by entry and falls back to English for the rest, so a
missing key is an English label silently left on a translated page, a key English lacks is a word no
code reads (a typo, or a key renamed since), a changed placeholder set is a KeyError or an unfilled
"{n}" at render time, and a plural category the language needs but lacks gives e.g. Russian "5 дата"
instead of "5 дат". The checker below says all of that before a page is drawn; the self-tests show
that it fails on each fault.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import string

import lxml.html
import pytest
from babel import Locale

from browser import day, make_doc
import languages
from eventmap.page import render_page
from eventmap.page.when import day_words
from maps.model import Place
from timeline.model import TimeSpan

ENGLISH = "en"
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}  # CLDR's plural categories
DOC_KEYS = {"_about"}  # notes for translators, never shown


def own_table(code: str) -> dict:
    """A language's own ui.json as written (not merged with English's, which would hide every gap)."""
    return json.loads((languages.DATA_DIR / code / "ui.json").read_text(encoding="utf-8"))


def translated_languages() -> list[str]:
    return [c for c in languages.codes() if c != ENGLISH and languages.has_part(c, "ui")]


def needed_categories(code: str) -> set[str]:
    """The plural categories Babel (CLDR) says the language's numbers fall into."""
    return set(Locale.parse(code).plural_form.tags) | {"other"}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def is_plural(entry) -> bool:
    """English's counted phrases: a table keyed by plural categories (plus "unknown" for durations)."""
    return isinstance(entry, dict) and "other" in entry and set(entry) - DOC_KEYS <= CATEGORIES | {"unknown"}


def problems(code: str, own: dict, english: dict, where: str = "") -> list[str]:
    """What is wrong with a language's table against English's, one line per fault."""
    found = []
    own_keys, en_keys = set(own) - DOC_KEYS, set(english) - DOC_KEYS
    found += [f"{code}: {where}{k} is missing" for k in sorted(en_keys - own_keys)]
    found += [f"{code}: {where}{k} is not a key English has" for k in sorted(own_keys - en_keys)]
    for key in sorted(own_keys & en_keys):
        mine, theirs, path = own[key], english[key], f"{where}{key}"
        if is_plural(theirs):
            found += _plural_problems(code, mine, theirs, path)
        elif isinstance(theirs, dict):
            found += (problems(code, mine, theirs, path + ".") if isinstance(mine, dict)
                      else [f"{code}: {path} should be a table"])
        elif not isinstance(mine, str) or not mine.strip():
            found.append(f"{code}: {path} should be a phrase")
        elif placeholders(mine) != placeholders(theirs):
            found.append(f"{code}: {path} has placeholders {sorted(placeholders(mine))}, "
                         f"English {sorted(placeholders(theirs))}")
    return found


def _plural_problems(code: str, mine, theirs: dict, path: str) -> list[str]:
    if not isinstance(mine, dict):
        return [f"{code}: {path} should be a table of plural forms"]
    extra = {k for k in theirs if k not in CATEGORIES}  # "unknown": a count that is not a number
    wanted, have = needed_categories(code) | extra, set(mine) - DOC_KEYS
    found = [f"{code}: {path} lacks the plural form {k!r}" for k in sorted(wanted - have)]
    found += [f"{code}: {path}.{k} is no plural category of {code}" for k in sorted(have - wanted)]
    for k in sorted(have & wanted):
        model = theirs["unknown" if k == "unknown" else "other"]
        if not isinstance(mine[k], str) or placeholders(mine[k]) != placeholders(model):
            found.append(f"{code}: {path}.{k} should be a phrase with placeholders {sorted(placeholders(model))}")
    return found


@pytest.fixture(scope="module")
def english() -> dict:
    return own_table(ENGLISH)


def test_the_languages_of_issue_11_have_their_own_words():
    assert {"id", "de", "fr", "es", "pt", "ru"} <= set(translated_languages())


@pytest.mark.parametrize("code", translated_languages())
def test_a_translation_has_every_key_placeholder_and_plural_form(code, english):
    assert problems(code, own_table(code), english) == []


def test_english_plural_entries_are_recognised(english):
    """The checker finds English's counted phrases, so the plural checks above are not vacuous."""
    plural = [k for k, v in english.items() if is_plural(v)]
    assert {"count_events", "n_events", "days_later"} <= set(plural)
    assert all(is_plural(v) for v in english["durations"].values())
    assert is_plural(english["story"]["count_articles"])


def test_the_checker_finds_each_kind_of_fault(english):
    good = own_table("ru")
    assert problems("ru", good, english) == []

    def broken(change) -> list[str]:
        table = json.loads(json.dumps(good))
        change(table)
        return problems("ru", table, english)

    assert broken(lambda t: t.pop("undo")) == ["ru: undo is missing"]
    assert broken(lambda t: t["story"].pop("reset")) == ["ru: story.reset is missing"]
    assert broken(lambda t: t.update(undoo="x")) == ["ru: undoo is not a key English has"]
    assert broken(lambda t: t.update(notes="Примечания")) == [
        "ru: notes has placeholders [], English ['n']"]
    assert broken(lambda t: t["qualifiers"].update(before="до")) == [
        "ru: qualifiers.before has placeholders [], English ['']"]
    assert broken(lambda t: t["count_events"].pop("few")) == ["ru: count_events lacks the plural form 'few'"]
    assert broken(lambda t: t["durations"]["day"].pop("unknown")) == [
        "ru: durations.day lacks the plural form 'unknown'"]
    assert broken(lambda t: t["n_events"].update(two="{n} события")) == [
        "ru: n_events.two is no plural category of ru"]
    assert broken(lambda t: t["days_later"].update(many="+ дней")) == [
        "ru: days_later.many should be a phrase with placeholders ['n']"]
    # English's own two forms would not do for Russian: few and many are missing
    assert len(problems("ru", english, english)) > 20


@pytest.mark.parametrize("code", [ENGLISH, *translated_languages()])
def test_a_day_pattern_uses_only_what_the_script_can_fill(code):
    """The page's script writes a corrected day by the same pattern and knows d, MMM and y only."""
    pattern = own_table(code)["day_pattern"]
    fields = re.findall(r"[A-Za-z]+", re.sub(r"'[^']*'", "", pattern))
    assert sorted(fields) == ["MMM", "d", "y"], pattern


def test_german_and_russian_days_are_written_as_those_languages_write_them():
    when = dt.date(2021, 7, 14)
    assert day_words(when, "de") == "14. Juli 2021"
    assert day_words(when, "ru") == "14 июл. 2021 г."
    assert day_words(when, "en") == "14 Jul 2021"


def test_russian_counts_take_the_form_the_number_asks_for():
    from eventmap.page.words import Words

    words = Words("ru")
    assert [words.count("count_events", n) for n in (1, 3, 5, 21, 112)] == [
        "1 событие", "3 события", "5 событий", "21 событие", "112 событий"]


# --- a German article's page is German ------------------------------------------------------------

GERMAN_TEXT = (
    "Nach dem Starkregen vom 14. Juli 2021 stand das Wasser in Hagen tagelang in den Straßen.\n\n"
    "Eine Woche später begannen Helfer aus Köln, die Keller auszupumpen.\n\n"
    "Die Stadt will die Ufer der Volme vor dem 1. Oktober 2021 neu befestigen.\n\n"
    "Bis Mai 2022 sollen oberhalb der Stadt zwei Rückhaltebecken entstehen.\n\n"
    "Wann die Brücke am Kuhlerkamp wieder öffnet, ist noch offen."
)


def german_doc():
    t = GERMAN_TEXT
    storm, week = day("2021-07-14"), day("2021-07-21")
    autumn = day("2021-10-01", "before")
    may = TimeSpan("2022-05", "DATE", "month", None, "2022-05-01", "2022-05-31")
    parts = t.split("\n\n")
    return make_doc(
        t, title="Hagen räumt nach dem Hochwasser auf", lang="de", published=dt.date(2021, 8, 2),
        dates=[("14. Juli 2021", storm), ("Eine Woche später", week), ("vor dem 1. Oktober 2021", autumn),
               ("Mai 2022", may)],
        places=[("Hagen", Place("Hagen", 51.3608, 7.4748, "city", "DE")),
                ("Köln", Place("Köln", 50.9333, 6.95, "city", "DE"))],
        unresolved=["Kuhlerkamp"],
        events=[(parts[0], storm), (parts[1], week), (parts[2], autumn), (parts[3], may), (parts[4], None)])


def visible_text(page: str) -> str:
    """What a reader sees or hears: the body's text and its labelling attributes, without the article."""
    body = lxml.html.fromstring(page).find("body")
    for node in list(body.iter("script", "style")):
        node.drop_tree()
    for node in body.find_class("em-credit-name") + body.find_class("em-text"):  # names of works; the article
        node.drop_tree()
    attrs = [v for el in body.iter() for k, v in el.attrib.items() if k in ("title", "aria-label", "placeholder")]
    return " ".join([body.text_content(), *attrs])


def english_phrases(english: dict, german: dict) -> set[str]:
    """English's wording of every entry German words differently, cut at the placeholders."""
    found = set()
    for key, theirs in english.items():
        if key in DOC_KEYS | {"day_pattern"}:  # a CLDR pattern, never shown as written
            continue
        mine = german.get(key)
        if isinstance(theirs, dict):
            found |= english_phrases(theirs, mine if isinstance(mine, dict) else {})
        elif theirs != mine:
            found |= {p.strip(" ()·.:,–") for p in re.split(r"\{\w*\}", theirs)}
    return {p for p in found if re.search(r"[A-Za-z]{3,}", p)}


def test_a_german_article_gets_a_german_page(english):
    page = render_page(german_doc(), tiles=False)
    shown = visible_text(page)
    assert '<html lang="de">' in page
    assert ">Zeitleiste</h2>" in page and ">Artikel</h2>" in page
    assert "Ohne Datum (" in shown and "Korrigieren" in shown and "JSON herunterladen" in shown
    assert f"vor {day_words(dt.date(2021, 10, 1), 'de')}" in shown   # the qualifier's words, the date by Babel
    assert f"erschienen am {day_words(dt.date(2021, 8, 2), 'de')}" in shown
    assert "5 Ereignisse" in shown and "2 Ortsnennungen" in shown and "Nicht auf der Karte: Kuhlerkamp" in shown
    left = sorted(p for p in english_phrases(english, own_table("de")) if re.search(rf"\b{re.escape(p)}\b", shown))
    assert left == [], left


def test_the_german_pages_script_gets_the_german_words():
    """Labels the browser draws (axis, editor, popups) come from the page's data block."""
    page = render_page(german_doc(), tiles=False)
    data = json.loads(re.search(r'<script type="application/json" id="eventmap-data">(.*?)</script>', page, re.S)[1])
    assert data["locale"] == "de"
    assert data["words"]["axis_proportional"] == "Maßstäblich"
    assert data["words"]["kinds"]["city"] == "Stadt oder Ort"
    assert data["words"]["days_later"] == {"one": "+{n} Tag", "other": "+{n} Tage"}


def test_ui_lang_overrides_the_articles_language():
    page = render_page(german_doc(), tiles=False, locale="fr")
    assert '<html lang="fr">' in page and ">Chronologie</h2>" in page and "Sans date (" in page


@pytest.mark.parametrize("code", ["de", "fr", "es", "pt", "ru"])
def test_every_translated_span_phrase_fills_in(code):
    """Each time-span phrase of the language is written without a KeyError or a brace left over."""
    from eventmap.page.when import date_words

    spans = [TimeSpan("2021-W30", "DATE", "week", None, "2021-07-26", "2021-08-01"),
             TimeSpan("2021-Q3", "DATE", "quarter", None, "2021-07-01", "2021-09-30"),
             TimeSpan("2021-SU", "DATE", "season", None, "2021-06-21", "2021-09-22"),
             TimeSpan("202", "DATE", "decade", None, "2020-01-01", "2029-12-31"),
             TimeSpan("19", "DATE", "century", None, "1900-01-01", "1999-12-31"),
             TimeSpan("P3D", "DURATION", None, None, None, None),
             TimeSpan("PXY", "DURATION", None, None, None, None),
             TimeSpan("PRESENT_REF", "DATE", None, None, None, None),
             TimeSpan("2021-07-14T14:30", "TIME", "minute", None, "2021-07-14", "2021-07-14"),
             day("2021-07-14", "ongoing"), day("2021-07-14", "approx")]
    for span in spans:
        text = date_words(span, code)
        assert text and "{" not in text and not re.search(r"\b(week|spring|summer|days|some)\b", text), text
