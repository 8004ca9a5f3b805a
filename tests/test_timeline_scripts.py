"""Dates in writing systems without spaces between words or with their own digits.

Sentences written for these tests; the expected values follow from the calendar alone."""
import pytest

from timeline_helpers import mention, values


@pytest.mark.parametrize("lang, text, expr, value", [
    ("zh", "展览于2016年5月3日在上海开幕。", "2016年5月3日", "2016-05-03"),
    ("zh", "工程在2015年底前完成了一半，2015年11月又停工。", "2015年11月", "2015-11"),
    ("zh", "比赛定于10月2号举行。", "10月2号", "2017-10-02"),
    ("ja", "新しい橋は2014年4月1日に開通した。", "2014年4月1日", "2014-04-01"),
    ("ko", "새 다리는 2014년 4월 1일 개통되었다.", "2014년 4월 1일", "2014-04-01"),
    ("ko", "공사는 2013년 6월에 시작되었다.", "2013년 6월", "2013-06"),
    ("vi", "Cây cầu mới được khánh thành ngày 1 tháng 4 năm 2014.", "1 tháng 4 năm 2014", "2014-04-01"),
    ("fa", "پل جدید در ۱ آوریل ۲۰۱۴ افتتاح شد.", "۱ آوریل ۲۰۱۴", "2014-04-01"),
    ("hi", "नया पुल १ अप्रैल २०१४ को खुला।", "१ अप्रैल २०१४", "2014-04-01"),
    # May has only two-letter names in these languages: read next to a number
    ("hi", "मेला 3 मई 2023 को शुरू हुआ।", "3 मई 2023", "2023-05-03"),
    ("fa", "نمایشگاه در ۳ مه ۲۰۲۳ باز شد.", "۳ مه ۲۰۲۳", "2023-05-03"),
    ("bn", "মেলা 3 মে 2023 তারিখে শুরু হয়।", "3 মে 2023", "2023-05-03"),
])
def test_marked_and_native_digit_dates(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value


def test_a_year_mark_alone_is_a_year_and_numbers_without_marks_are_not_dates():
    assert ("2012年", "2012") in values("他2012年去过北京。", "zh")
    assert values("电话是12345678，价格是30元。", "zh") == []


def test_a_two_letter_month_name_alone_is_no_date():
    assert values("मई में बारिश हुई।", "hi") == []


def test_native_digits_keep_the_offsets_of_the_original_text():
    text = "در ۱۵ ژوئن ۲۰۱۲ باران آمد."
    m = mention(text, "fa", "۱۵ ژوئن ۲۰۱۲")
    assert (m.start, m.end) == (text.index("۱۵"), text.index("۲۰۱۲") + 4) and m.span.value == "2012-06-15"
