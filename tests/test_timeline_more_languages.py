"""Dates in languages with no development corpus here, each tested with sentences written in that language
for this project: a count of days "later" (a DURATION, counted from an event, as in the other languages),
weekdays in their cases and with the definite ending, "last week" in its case forms, words written onto a
date word (Arabic, Hebrew and Korean clitics), counts in one word (duals, Korean day counts), year-first
dates. The anchor is Wednesday 9 August 2017."""
import pytest

from timeline_helpers import mention, values


@pytest.mark.parametrize("lang, text, expr, value", [
    ("cs", "O tři dny později se vláda sešla znovu.", "tři dny", "P3D"),
    ("cs", "V minulém týdnu jednal ministr v Bruselu.", "minulém týdnu", "2017-W31"),
    ("sk", "O päť dní neskôr prišla odpoveď.", "päť dní", "P5D"),
    ("hr", "Četiri dana kasnije stigla je pomoć.", "Četiri dana", "P4D"),
    ("hr", "U petak su se vratili kući.", "petak", "2017-08-04"),
    ("sr", "Два дана касније стигла је помоћ.", "Два дана", "P2D"),
    ("sr", "Мост је отворен 5. марта 2017.", "5. марта 2017", "2017-03-05"),
    ("sr", "Most je otvoren 5. marta 2017.", "5. marta 2017", "2017-03-05"),
    ("sl", "Most so odprli 3. avgusta 2017.", "3. avgusta 2017", "2017-08-03"),
    ("sl", "Tri dni pozneje je prišel odgovor.", "Tri dni", "P3D"),
    ("bg", "Три дни по-късно дойде отговорът.", "Три дни", "P3D"),
    ("ro", "Trei zile mai târziu a sosit răspunsul.", "Trei zile", "P3D"),
    ("ro", "Festivalul a început în mai.", "mai", "2017-05"),
    ("hu", "Három nappal később megérkezett a válasz.", "Három nappal", "P3D"),
    ("hu", "A hidat 2017. augusztus 3-án adták át.", "2017. augusztus 3", "2017-08-03"),
    ("hu", "A miniszter pénteken Szegedre utazott.", "pénteken", "2017-08-04"),
    ("sv", "Tre dagar senare kom svaret.", "Tre dagar", "P3D"),
    ("sv", "På fredagen den 4 augusti öppnade bron.", "fredagen den 4 augusti", "2017-08-04"),
    ("da", "Om fredagen den 4. august åbnede broen.", "fredagen den 4. august", "2017-08-04"),
    ("nb", "Tre dager senere kom svaret.", "Tre dager", "P3D"),
    ("tr", "İki gün sonra yanıt geldi.", "İki gün", "P2D"),
    ("ar", "وأمس عاد الوزير إلى بلاده.", "أمس", "2017-08-08"),
    ("ar", "استمرت المحادثات يومين.", "يومين", "P2D"),
    ("he", "יומיים לאחר מכן הגיעה התשובה.", "יומיים", "P2D"),
    ("he", "בשבוע שעבר נפתח הגשר.", "שבוע שעבר", "2017-W31"),
    ("fa", "سه روز بعد پاسخ رسید.", "سه روز", "P3D"),
    ("hi", "तीन दिन बाद जवाब आया।", "तीन दिन", "P3D"),
    ("hi", "पिछले हफ्ते पुल खोला गया।", "पिछले हफ्ते", "2017-W31"),
    ("ja", "3日後に回答が届いた。", "3日", "P3D"),
    ("ja", "会議は3日に開かれた。", "3日", "2017-08-03"),
    ("ko", "이틀 후 답변이 왔다.", "이틀", "P2D"),
    ("ko", "금요일에는 다리가 개통됐다.", "금요일", "2017-08-04"),
    # Thai writes no spaces between words: date words touch the words around them
    ("th", "สองวันต่อมาคณะผู้แทนเดินทางไปภูเก็ต", "สองวัน", "P2D"),
    ("th", "เมื่อวานนายกรัฐมนตรีกลับจากโตเกียว", "เมื่อวาน", "2017-08-08"),
    ("th", "สัปดาห์ที่แล้วเขาอยู่ที่ปารีส", "สัปดาห์ที่แล้ว", "2017-W31"),
    ("th", "และวันศุกร์ถึงขอนแก่น", "วันศุกร์", "2017-08-04"),
    # Korean writes a count in digits onto its unit: "2주 전" (two weeks ago), "3년 동안" (for three years)
    ("ko", "2주 전에는 도쿄에 있었다.", "2주 전", "2017-W30"),
    ("ko", "공사는 3년 동안 계속됐다.", "3년", "P3Y"),
    ("ko", "5일 후 답변이 왔다.", "5일", "P5D"),
    ("ko", "회의는 3일에 열렸다.", "3일", "2017-08-03"),
])
def test_more_languages(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value


def test_may_in_romanian_is_a_month_only_after_a_cue():
    # "mai" is also "more": "două zile mai târziu" (two days later) names no May
    assert ("mai", "2017-05") not in values("Două zile mai târziu a plecat.", "ro")


def test_maja_is_may_only_after_a_cue_in_serbian():
    # "Маја" is also a given name; "почетком маја" (early in May) is the month
    found = values("Маја је рекла да ће доћи. Састанак је почетком маја.", "sr")
    assert [v for _, v in found] == ["2017-05"]


def test_swedish_i_is_no_this():
    # dateparser's "i år" (this year) must not make "i" (in) a word for "this": "i mån av" is "as far as"
    assert values("Jag hjälper till i mån av tid.", "sv") == []
    assert ("ett år", "P1Y") in values("I år tog bygget ett år.", "sv")


def test_thai_planet_names_alone_are_no_weekdays():
    # "พระอาทิตย์" is the sun; Sunday is "วันอาทิตย์"
    assert values("พระอาทิตย์ขึ้นเวลาหกโมงเช้า", "th") == []
