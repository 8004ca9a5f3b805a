"""The faults of issue 13, each checked where it lived: extreme anchors, long one-line texts and the
headline rule, the length limit, lone surrogates from the API, refused local URLs, library noise.
The texts were written for these tests."""
import datetime as dt
import io
import json
import os
import subprocess
import sys

import pytest

from eventmap import analyse, read_article
from eventmap.article import make_article
from eventmap.limits import cut_point, within_limit
from maps.tokens import headline_tokens, tokenize
from timeline import find_dates

RELATIVE = ("Officials met yesterday and will meet again tomorrow, next week and next month. Last year, two "
            "weeks ago and in the coming century the port was busy; next year it will be busier.")


@pytest.mark.parametrize("anchor", [dt.date.min, dt.date.max, dt.date(1, 1, 7), dt.date(9999, 12, 25)])
def test_relative_dates_from_the_ends_of_the_calendar(anchor):
    found = find_dates(RELATIVE, "en", anchor)
    assert found, "the dates that stay on the calendar are still read"
    for m in found:
        if m.span.type == "DATE" and m.span.value[:1].isdigit():
            year = int(m.span.value.split("-")[0]) if m.span.precision not in ("decade", "century") else 1
            assert 1 <= year <= 9999 and len(m.span.value.split("-")[0]) in (2, 3, 4), m


def test_an_extreme_anchor_is_warned_about():
    doc = analyse(make_article(RELATIVE, id="edge", source="t", lang="en", published=dt.date.max,
                               published_source="cli"))
    assert any("near the end of the calendar" in w for w in doc.warnings)
    assert not any("calendar" in w for w in analyse(make_article(RELATIVE, id="x", source="t", lang="en",
                                                                 published=dt.date(2020, 5, 1))).warnings)


def test_a_long_capitalised_line_is_not_a_headline():
    line = "Ferry Crews From Mombasa Reached Zanzibar And Pemba After Storms Closed Lamu Harbour " * 4
    toks = tokenize(line.strip())
    assert headline_tokens(line.strip(), toks) == set()
    short = "Ferry Crews From Mombasa Reach Zanzibar\n\nThe crews said the crossing was calm."
    toks = tokenize(short)
    assert {toks[i].text for i in headline_tokens(short, toks)} == set("Ferry Crews From Mombasa Reach Zanzibar".split())


def test_a_long_mostly_capitalised_line_keeps_its_places():
    unit = "Lawmakers in Reading Approved New Funding for Schools in Nice and Bath after Protests in Mobile Last Week "
    as_headline = analyse(make_article(unit.strip(), id="h", source="t", lang="en"))
    assert {p.text for p in as_headline.places} == {"Mobile"}    # a headline's capitals say nothing
    long_line = analyse(make_article((unit * 5).strip(), id="l", source="t", lang="en"))
    assert {"Reading", "Nice", "Bath", "Mobile"} <= {p.text for p in long_line.places}


def test_a_one_line_text_keeps_its_places_and_dates():
    unit = "The ferry left Mombasa on 3 May 2021 and reached Zanzibar two days later, officials in Lamu said "
    text = (unit * 400).strip()            # 40,000 characters on one line without a final stop
    doc = analyse(make_article(text, id="line", source="t", lang="en"))
    assert len(doc.places) >= 3 * 400 and len(doc.dates) >= 400 and doc.events


def test_the_limit_cuts_between_lines_and_says_exactly_what_was_read():
    text = "".join(f"Line {n} of the long file, from Mombasa.\n" for n in range(100))
    kept, warning = within_limit(text, "long", limit=1000)
    assert text.startswith(kept) and kept.endswith("\n") and len(kept) <= 1000
    assert f"only characters 0-{len(kept):,}" in warning and f"the last {len(text) - len(kept):,}" in warning
    assert f"lines 1-{kept.count(chr(10)):,} of 101" in warning
    assert within_limit(text, "long", limit=len(text)) == (text, None)


@pytest.mark.parametrize("text, limit, cut", [
    ("word " * 600, 2002, 2000),               # after the last white space before the limit
    ("x" * 3000, 2000, 2000),                  # no white space at all: at the limit
    ("e\u0301" * 1500, 2001, 2000),            # never between a letter and its combining mark
    ("Surabaya is far. " * 200, 2015, 2006),   # after the last sentence end, not the last space (2015)
])
def test_a_cut_never_parts_a_word_or_a_mark_from_its_letter(text, limit, cut):
    assert cut_point(text, limit) == cut
    kept, warning = within_limit(text, "t", limit=limit)
    assert kept == text[:cut] and f"0-{cut:,}" in warning


def test_lone_surrogates_from_the_python_api_are_replaced_with_a_warning(tmp_path):
    stream = io.StringIO("Rain fell on Mombasa \ud800 on 3 May 2021.\n")
    article = read_article("-", stdin=stream, lang="en")
    assert "\ud800" not in article.text and len(article.text) == len("Rain fell on Mombasa \ud800 on 3 May 2021.\n")
    doc = analyse(article)
    assert any("lone surrogate" in w for w in doc.warnings)
    by_hand = analyse(make_article("Floods in Lamu \udfff today.", id="x", source="t", lang="en"))
    json.dumps(by_hand.article.text).encode("utf-8")
    from eventmap.outputs import write_outputs
    written = write_outputs(by_hand, ["html", "json", "csv", "geojson"], tmp_path)
    assert all(p.read_text("utf-8") for p in written.values())


def test_a_refused_local_address_names_the_refusal_and_the_option():
    from eventmap.article import fetch_url
    from eventmap.errors import InputError

    with pytest.raises(InputError, match="refused: the address is on this machine or a private network; "
                                         "add --allow-local-urls"):
        fetch_url("http://127.0.0.1:9/news")


def test_no_library_message_reaches_stderr(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Bocah-bocah padha dolanan ing alun-alun Yogyakarta sawise sekolah rampung wingi sore.\n")
    r = subprocess.run([sys.executable, "-m", "eventmap", "extract", str(story), "--lang", "jv"],
                       capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "default"})
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_an_unwritable_directory_is_named_for_real(tmp_path, capsys):
    if os.geteuid() == 0:
        pytest.skip("root writes into any directory (the matrix simulates this row)")
    from eventmap.cli import main

    story = tmp_path / "a.txt"
    story.write_text("Floods closed the port of Lamu on 3 May 2021.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    assert main([str(story), "-o", str(locked), "--lang", "en"]) == 1
    assert f"{locked}: cannot write into this directory" in capsys.readouterr().err


def test_the_page_text_looks_at_each_mention_once_per_sentence():
    """A text of many sentences and mentions is cut in linear time (counted, not timed): each mention is
    compared with the sentence it lies in, not with every sentence."""
    from eventmap.page.text import Mark, _cut

    compared = 0

    class Counted(int):
        def __gt__(self, other):
            nonlocal compared
            compared += 1
            return int(self) > other

    n = 2000
    text = "Rain in Lamu. " * n
    mentions = [(14 * i + 8, Counted(14 * i + 12), Mark("place", i, "Lamu", "Lamu")) for i in range(n)]
    starts = [m[0] for m in mentions]
    pieces = [p for i in range(n) for p in _cut(text, 14 * i, 14 * i + 14, mentions, starts)]
    assert sum(isinstance(p, Mark) for p in pieces) == n
    assert compared <= 2 * n


def test_a_detected_language_is_one_eventmap_knows():
    """py3langid may answer 'zxx' (no linguistic content) for a run of capitals; the page's dates
    cannot be written in it, so detection keeps to languages CLDR knows."""
    from languages.identify import check_language, detect_language

    for text in ["AAAAAAAAAOQA", "QQQQ XXXX ZZZZ WWWW", "Zzzzzz zzzzz zzz"]:
        code = detect_language(text)
        assert check_language(code) == code
