"""Resolver rules on hand-written sentences with hand-made candidates (no gazetteer needed): each test
builds the few same-name readings a rule has to choose between."""
from dataclasses import dataclass, field

from fake_places import Cand
from maps.cues import Cue
from maps.resolve import Resolver, true_capitals


@dataclass
class FakeSpan:
    start: int
    end: int
    text: str
    lookup: str
    candidates: list
    head: str | None = None
    head_kind: str | None = None
    cues: set = field(default_factory=set)


def spans_of(text, readings):
    """One span per name in ``readings`` (name -> candidates), in text order, first occurrence after
    the previous one."""
    out, pos = [], 0
    for name, cands in readings:
        i = text.index(name, pos)
        out.append(FakeSpan(i, i + len(name), name, name, list(cands)))
        pos = i + len(name)
    return out


def resolve(text, readings, **kw):
    spans = spans_of(text, readings)
    r = Resolver(None, frozenset({"in"}), "en", frozenset({"and", "or"}), **kw)
    return {s.text + "@" + str(s.start): best for s, (best, _, _) in zip(spans, r.resolve(spans, text))}


# Two states and a capital that share names with towns.
OREGON = [Cand("Oregon", "admin1", "US", 44.0, -120.5, 4_000_000, "US-OR", fcode="ADM1"),
          Cand("Oregon", "city", "US", 42.0, -89.3, 3_700, "US-IL")]
IDAHO = [Cand("Idaho", "admin1", "US", 44.5, -114.2, 1_800_000, "US-ID", fcode="ADM1")]
PENNSYLVANIA = [Cand("Pennsylvania", "admin1", "US", 40.9, -77.8, 13_000_000, "US-PA", fcode="ADM1")]
CALIFORNIA = [Cand("California", "admin1", "US", 37.2, -119.7, 39_000_000, "US-CA", fcode="ADM1"),
              Cand("California", "city", "US", 38.3, -76.5, 13_000, "US-MD")]
WASHINGTON = [Cand("Washington", "admin1", "US", 47.5, -120.5, 7_700_000, "US-WA", fcode="ADM1"),
              Cand("Washington", "city", "US", 38.9, -77.04, 690_000, "US-DC", fcode="PPLC"),
              Cand("Washington", "city", "US", 40.17, -80.25, 13_500, "US-PA", fcode="PPLC"),
              Cand("Washington", "city", "US", 37.13, -113.5, 24_000, "US-UT", fcode="PPLC")]
DC = [Cand("Washington", "city", "US", 38.9, -77.04, 690_000, "US-DC", match="abbrev", fcode="PPLC"),
      Cand("District of Columbia", "admin1", "US", 38.92, -77.0, 690_000, "US-DC", match="abbrev")]


def test_only_the_biggest_of_a_countrys_same_name_capitals_is_its_capital():
    caps = true_capitals(WASHINGTON)
    assert caps == {id(WASHINGTON[1])}


def test_a_name_listed_among_states_is_a_state():
    text = "Cases were confirmed in Washington, Pennsylvania and California last week."
    m = resolve(text, [("Washington", WASHINGTON), ("Pennsylvania", PENNSYLVANIA), ("California", CALIFORNIA)])
    assert m["Washington@24"].kind == "admin1"


def test_a_state_after_a_comma_still_contains_a_town_when_no_list_follows():
    text = "The fair opened in Washington, Pennsylvania, on Friday."
    m = resolve(text, [("Washington", WASHINGTON), ("Pennsylvania", PENNSYLVANIA)])
    assert m["Washington@19"].admin1 == "US-PA"


def test_or_joins_a_list_too():
    text = "Jobs moved away to states such as Oregon or Washington instead."
    m = resolve(text, [("Oregon", OREGON), ("Washington", WASHINGTON)])
    assert m["Washington@44"].kind == "admin1"


def test_a_restated_city_after_a_comma_settles_it():
    text = "Trips to Idaho, Oregon and Washington, D.C., were planned."
    m = resolve(text, [("Idaho", IDAHO), ("Oregon", OREGON), ("Washington", WASHINGTON), ("D.C.", DC[:1])])
    assert m["Washington@27"].admin1 == "US-DC"


TEXAS = [Cand("Texas", "admin1", "US", 31.2, -99.2, 29_000_000, "US-TX", fcode="ADM1")]
OHIO = [Cand("Ohio", "admin1", "US", 40.3, -82.8, 11_700_000, "US-OH", fcode="ADM1")]
QUEBEC = [Cand("Quebec", "admin1", "CA", 52.0, -72.0, 8_500_000, "CA-QC", fcode="ADM1"),
          Cand("Québec", "city", "CA", 46.81, -71.21, 530_000, "CA-QC")]
KIND_WORDS = {"state": "admin1", "province": "admin1", "city": "city"}


def test_a_lower_case_kind_word_after_the_name_says_which_reading():
    text = "A cow from a Washington state farm tested positive."
    m = resolve(text, [("Washington", WASHINGTON)], kind_words_after=KIND_WORDS)
    assert m["Washington@13"].kind == "admin1"
    m = resolve(text.replace("state", "dairy"), [("Washington", WASHINGTON)], kind_words_after=KIND_WORDS)
    assert m["Washington@13"].kind == "city"


def test_a_dateline_names_a_city():
    text = "QUEBEC (CP) - Hospitals reported fewer cases on Monday."
    spans = spans_of(text, [("QUEBEC", QUEBEC)])
    assert Resolver().resolve(spans, text)[0][0].kind == "admin1"
    spans[0].cues.add(Cue.DATELINE)
    assert Resolver().resolve(spans, text)[0][0].kind == "city"


def test_provinces_named_elsewhere_do_not_outvote_a_same_name_capital():
    text = "Officials in Washington said Texas, Ohio and Oregon would get aid."
    m = resolve(text, [("Washington", WASHINGTON), ("Texas", TEXAS), ("Ohio", OHIO), ("Oregon", OREGON)])
    assert m["Washington@13"].admin1 == "US-DC"


def test_a_province_without_a_population_is_sized_by_its_country():
    from maps.scoring import imputed_population
    assert imputed_population("admin1", "BB") < 50_000          # a parish of Barbados
    assert imputed_population("admin1", "US") == 1_000_000
    assert imputed_population("admin1", None) == 1_000_000
    assert imputed_population("city", "BB") == 0


MONTREAL = [Cand("Montreal", "city", "CA", 45.5, -73.57, 1_700_000, "CA-QC")]
JAKARTA = [Cand("Jakarta", "admin1", "ID", -6.2, 106.85, 10_500_000, "ID-JK", fcode="ADM1"),
           Cand("Jakarta", "city", "ID", -6.21, 106.85, 8_500_000, "ID-JK")]


def test_a_province_is_meant_unless_its_same_name_city_holds_much_of_it():
    text = "Hospitals in Quebec reported fewer cases, Montreal officials said."
    assert resolve(text, [("Quebec", QUEBEC), ("Montreal", MONTREAL)])["Quebec@13"].kind == "admin1"
    text = "Hospitals in Jakarta reported fewer cases."
    assert resolve(text, [("Jakarta", JAKARTA)])["Jakarta@13"].kind == "city"


COLUMBUS = [Cand("Columbus", "city", "US", 39.96, -83.0, 900_000, "US-OH"),
            Cand("Columbus", "city", "US", 32.46, -84.99, 200_000, "US-GA"),
            Cand("Columbus", "city", "US", 41.43, -97.37, 23_000, "US-NE")]
NORFOLK = [Cand("Norfolk", "city", "US", 36.85, -76.29, 240_000, "US-VA"),
           Cand("Norfolk", "city", "US", 42.03, -97.42, 24_000, "US-NE")]


MADISON = [Cand("Madison", "city", "US", 43.07, -89.4, 260_000, "US-WI"),
           Cand("Madison", "city", "US", 41.83, -97.46, 2_400, "US-NE")]


def test_names_whose_small_namesakes_meet_are_read_there():
    text = "A Columbus woman met the man in a park in Norfolk, then drove to Madison, police said."
    m = resolve(text, [("Columbus", COLUMBUS), ("Norfolk", NORFOLK), ("Madison", MADISON)])
    assert m["Madison@65"].admin1 == "US-NE" and m["Columbus@2"].admin1 == "US-NE"
