"""Japanese and Chinese dates, written without spaces: relative words touching their neighbours, a count
before its unit and 前, days and months alone with their mark, calendar eras, parts after the period,
clock times with 時. Sentences written for these tests; the anchor is Wednesday 9 August 2017."""
import pytest

from timeline_helpers import mention, values


@pytest.mark.parametrize("lang, text, expr, value", [
    ("ja", "橋は3年前に閉鎖された。", "3年前", "2014"),
    ("ja", "昨日、首相が発表した。", "昨日", "2017-08-08"),
    ("ja", "先週は雨が続いた。", "先週", "2017-W31"),
    ("ja", "平成29年4月1日に施行された。", "平成29年4月1日", "2017-04-01"),
    ("ja", "平成元年に開業した。", "平成元年", "1989"),
    ("ja", "8月下旬に列車が到着する予定だ。", "8月下旬", "2017-08"),
    ("ja", "政府は3日、新しい方針を発表した。", "3日", "2017-08-03"),
    ("ja", "1990年代に都市は成長した。", "1990年代", "199"),
    ("ja", "委員会は水曜日午後3時に開かれる。", "午後3時", "2017-08-09T15:00"),
    ("ja", "去年12月に工事が始まった。", "去年12月", "2016-12"),
    ("zh", "新桥3年前关闭。", "3年前", "2014"),
    ("zh", "委员会将于下周三开会。", "下周三", "2017-08-16"),
    ("zh", "上周有罢工。", "上周", "2017-W31"),
    ("zh", "民国106年发布。", "民国106年", "2017"),
    ("zh", "8月初火车到达了。", "8月初", "2017-08"),
    ("zh", "去年12月城市扩大了。", "去年12月", "2016-12"),
    ("zh", "工程年底前完成。", "年底", "2017"),
    ("zh", "比赛定于星期五举行。", "星期五", "2017-08-11"),
])
def test_cjk(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value


def test_a_month_part_and_its_qualifier():
    m = mention("8月下旬に列車が到着する。", "ja", "8月下旬")
    assert m.span.qualifier == "end" and m.span.earliest == "2017-08-21"


def test_now_alone_is_no_date_inside_longer_japanese_words():
    """今回 ("this time") and 今後 ("from now on") begin with 今, which alone is no date."""
    assert all(v != "PRESENT_REF" for _, v in values("今回の調査では問題はなかった。", "ja"))
