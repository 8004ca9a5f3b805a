"""Inferring the day of writing when an article carries no date (sentences written for these tests)."""
import datetime as dt

from timeline import infer_anchor


def test_a_planned_date_is_not_the_day_of_writing():
    text = ("The new bridge opened to traffic on 3 March 2016. "
            "The city will hold a festival on the bridge on 12 May 2016.")
    assert infer_anchor(text, "en") == dt.date(2016, 3, 3)


def test_indonesian_future_cue_works_the_same_way():
    text = ("Jembatan baru itu dibuka pada 3 Maret 2016. "
            "Pemerintah kota akan menggelar festival di jembatan itu pada 12 Mei 2016.")
    assert infer_anchor(text, "id") == dt.date(2016, 3, 3)


def test_only_planned_dates_still_give_an_anchor():
    assert infer_anchor("The museum will reopen on 12 May 2016.", "en") == dt.date(2016, 5, 12)
