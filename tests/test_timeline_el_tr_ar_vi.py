"""Greek, Turkish, Arabic and Vietnamese dates: Greek month cases and ordinal days, eras and decades;
Turkish case endings after an apostrophe and future endings; Arabic units with their article and parts of
the day before a weekday; Vietnamese shift words after the unit. Sentences written for these tests; the
anchor is Wednesday 9 August 2017."""
import pytest

from timeline_helpers import mention, values


@pytest.mark.parametrize("lang, text, expr, value", [
    ("el", "Τον Μάρτιο του 1945 έκλεισε το λιμάνι.", "Μάρτιο του 1945", "1945-03"),
    ("el", "Στις αρχές Μαρτίου του 1954 άνοιξε η γέφυρα.", "Στις αρχές Μαρτίου του 1954", "1954-03"),
    ("el", "Το πρωί της 1ης Νοεμβρίου του 1963 χιόνισε.", "Το πρωί της 1ης Νοεμβρίου του 1963", "1963-11-01TMO"),
    ("el", "Στη δεκαετία του 1960 η πόλη μεγάλωσε.", "Στη δεκαετία του 1960", "196"),
    ("el", "Το 208 π.Χ. χτίστηκε το τείχος.", "208 π.Χ.", "BC0208"),
    ("el", "Το πρώτο εξάμηνο του 1965 έκλεισαν δύο εργοστάσια.", "πρώτο εξάμηνο του 1965", "1965-H1"),
    ("el", "Ο δρόμος έκλεισε πριν από δύο χρόνια.", "πριν από δύο χρόνια", "2015"),
    ("el", "Η συνεδρίαση έγινε την περασμένη εβδομάδα.", "περασμένη εβδομάδα", "2017-W31"),
    ("tr", "Köprü 3 Mart 2015'te açıldı.", "3 Mart 2015", "2015-03-03"),
    ("tr", "Fabrika üç yıl önce kapandı.", "üç yıl önce", "2014"),
    ("tr", "Geçen hafta grev vardı.", "Geçen hafta", "2017-W31"),
    ("tr", "1980'li yıllarda şehir büyüdü.", "1980'li yıllarda", "198"),
    ("tr", "Meclis saat 15.30'da toplanacak.", "saat 15.30", "2017-08-09T15:30"),
    ("ar", "افتتح الجسر في 3 مارس 2015.", "3 مارس 2015", "2015-03-03"),
    ("ar", "أغلق المصنع قبل ثلاث سنوات.", "قبل ثلاث سنوات", "2014"),
    ("ar", "كان هناك إضراب الأسبوع الماضي.", "الأسبوع الماضي", "2017-W31"),
    ("ar", "افتتح المتحف في أيار 2016.", "أيار 2016", "2016-05"),
    ("ar", "وصل الوفد صباح الاثنين.", "صباح الاثنين", "2017-08-07TMO"),
    ("ar", "نمت المدينة في عام 1990.", "في عام 1990", "1990"),
    ("vi", "Cây cầu đóng cửa cách đây 3 năm.", "cách đây 3 năm", "2014"),
    ("vi", "Tuần trước có đình công.", "Tuần trước", "2017-W31"),
    ("vi", "Năm ngoái thành phố phát triển.", "Năm ngoái", "2016"),
    ("vi", "Hội đồng họp lúc 15:30.", "lúc 15:30", "2017-08-09T15:30"),
    ("vi", "Cuối tháng 6 tàu đã đến.", "Cuối tháng 6", "2017-06"),
])
def test_other_languages(lang, text, expr, value):
    assert mention(text, lang, expr).span.value == value


def test_greek_weekday_third_is_no_weekday_in_lower_case():
    """"τρίτη" is also "third": only the capitalised name is Tuesday."""
    assert values("Ήταν η τρίτη φορά.", "el") == []


def test_turkish_future_ending_places_a_month_ahead():
    assert mention("Tren Şubat ayında açılacak.", "tr", "Şubat").span.value == "2018-02"
