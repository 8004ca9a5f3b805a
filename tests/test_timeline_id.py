"""Indonesian constructs of the date tagger, one sentence each (sentences written for these tests)."""
import datetime as dt

import pytest

from timeline import find_dates, infer_anchor
from timeline_helpers import ANCHOR, mention, values

CASES = [
    # absolute and partial dates
    ("Rapat digelar pada 9/8/2017 di balai kota.", "9/8/2017", "2017-08-09", "DATE"),
    ("Kontrak itu diteken 9 Agustus 2017 oleh kedua pihak.", "9 Agustus 2017", "2017-08-09", "DATE"),
    ("Jadwal baru berlaku 2017-08-09 di semua halte.", "2017-08-09", "2017-08-09", "DATE"),
    ("Banjir melanda desa itu pada 3 Agustus.", "3 Agustus", "2017-08-03", "DATE"),
    ("Harga cabai naik tajam sejak Juli 2017.", "sejak Juli 2017", "2017-07", "DATE"),
    ("Gedung itu selesai dibangun pada 2015.", "2015", "2015", "DATE"),
    ("Pabrik itu berdiri sejak tahun 1998.", "sejak tahun 1998", "1998", "DATE"),
    # weekdays
    ("Warga berkumpul di alun-alun, Senin (7/8), untuk upacara.", "Senin (7/8)", "2017-08-07", "DATE"),
    ("Presiden meresmikan jembatan itu Rabu 9/8/2017.", "Rabu 9/8/2017", "2017-08-09", "DATE"),
    ("Polisi menggelar jumpa pers pada Senin lalu.", "Senin lalu", "2017-08-07", "DATE"),
    ("Tim itu tiba di Surabaya Kamis depan.", "Kamis depan", "2017-08-10", "DATE"),
    # relative
    ("Gempa kecil terasa kemarin sore di pesisir.", "kemarin sore", "2017-08-08TAF", "TIME"),
    ("Kapal itu berangkat dua hari lalu dari Makassar.", "dua hari lalu", "2017-08-07", "DATE"),
    ("Harga beras turun pekan lalu di pasar induk.", "pekan lalu", "2017-W31", "DATE"),
    ("Sidang lanjutan digelar bulan depan.", "bulan depan", "2017-09", "DATE"),
    ("Sekolah itu ditutup tiga tahun lalu.", "tiga tahun lalu", "2014", "DATE"),
    ("Pemerintah menaikkan tarif tahun ini.", "tahun ini", "2017", "DATE"),
    ("Pesawat itu mendarat besok pagi di Kupang.", "besok pagi", "2017-08-10TMO", "TIME"),
    ("Rombongan akan tiba malam ini di Bandung.", "malam ini", "2017-08-09TNI", "TIME"),
    # parts of periods
    ("Panen raya dimulai awal Agustus di Jawa Tengah.", "awal Agustus", "2017-08", "DATE"),
    ("Proyek itu ditargetkan rampung akhir 2018.", "akhir 2018", "2018", "DATE"),
    ("Musim tanam bergeser ke pertengahan September.", "pertengahan September", "2017-09", "DATE"),
    # quarters, seasons, decades
    ("Ekspor naik pada kuartal kedua 2017.", "kuartal kedua 2017", "2017-Q2", "DATE"),
    ("Laba bank itu turun pada kuartal III 2016.", "kuartal III 2016", "2016-Q3", "DATE"),
    ("Sungai meluap saat musim hujan tiba.", "musim hujan", "2017-WI", "DATE"),
    ("Lagu itu populer pada tahun 1980-an.", "tahun 1980-an", "198", "DATE"),
    # present reference, clock times
    ("Saat ini jalan itu masih ditutup.", "Saat ini", "PRESENT_REF", "DATE"),
    ("Listrik padam Rabu (9/8/2017) pukul 14.30 WIB di dua kecamatan.", "Rabu (9/8/2017) pukul 14.30 WIB", "2017-08-09T14:30", "TIME"),
    # durations and sets
    ("Jalan itu diperbaiki selama tiga bulan.", "selama tiga bulan", "P3M", "DURATION"),
    ("Pasar murah digelar setiap Senin di kantor kelurahan.", "setiap Senin", "XXXX-WXX-1", "SET"),
    ("Festival itu diadakan setiap tahun di pantai.", "setiap tahun", "P1Y", "SET"),
]


@pytest.mark.parametrize("text,expr,value,typ", CASES)
def test_indonesian_expression(text, expr, value, typ):
    m = mention(text, "id", expr)
    assert (m.span.value, m.span.type) == (value, typ)


@pytest.mark.parametrize("text,expr,qualifier", [
    ("Panen raya dimulai awal Agustus di Jawa Tengah.", "awal Agustus", "start"),
    ("Proyek itu ditargetkan rampung akhir 2018.", "akhir 2018", "end"),
    ("Musim tanam bergeser ke pertengahan September.", "pertengahan September", "mid"),
    ("Harga cabai naik tajam sejak Juli 2017.", "sejak Juli 2017", "after"),
    ("Jalan itu ditutup hingga Desember 2017.", "hingga Desember 2017", "before"),
    ("Kebakaran terjadi sekitar pukul 03.00 WIB.", "sekitar pukul 03.00 WIB", "approx"),
])
def test_indonesian_qualifiers(text, expr, qualifier):
    assert mention(text, "id", expr).span.qualifier == qualifier


def test_day_range_gives_both_ends():
    found = values("Pameran buku berlangsung 9-11 Agustus 2017 di Yogyakarta.", "id")
    assert ("9", "2017-08-09") in found and ("11 Agustus 2017", "2017-08-11") in found


def test_month_range_between():
    found = values("Curah hujan tinggi antara Mei dan Juli 2018.", "id")
    assert ("Mei", "2018-05") in found and ("Juli 2018", "2018-07") in found
    assert "range 2018-05/2018-07" in mention("Curah hujan tinggi antara Mei dan Juli 2018.", "id", "Mei").notes


def test_weekday_decides_day_month_order():
    # 7/8/2017 read day-first is a Monday; with "Sabtu" next to it only 8 July 2017 fits (a Saturday)
    m = mention("Acara itu berlangsung Sabtu 7/8/2017 malam.", "id", "Sabtu 7/8/2017 malam")
    assert m.span.value.startswith("2017-07-08")
    assert any("Sabtu" in n for n in m.notes)


def test_day_first_without_weekday():
    assert mention("Surat itu bertanggal 3/4/2016.", "id", "3/4/2016").span.value == "2016-04-03"


def test_minggu_is_a_week_before_a_shift_word():
    assert mention("Harga emas naik sejak minggu lalu.", "id", "sejak minggu lalu").span.value == "2017-W31"
    assert mention("Minggu lalu harga emas naik.", "id", "Minggu lalu").span.value == "2017-W31"
    assert mention("Pasar tutup pada Minggu (6/8/2017) lalu.", "id", "Minggu (6/8/2017) lalu").span.value == "2017-08-06"
    assert mention("Pasar tutup pada Minggu.", "id", "Minggu").span.value == "2017-08-06"


@pytest.mark.parametrize("text", [
    "Pesawat QZ8501 hilang kontak di atas laut.",
    "Skor akhir pertandingan itu 2-1 untuk tuan rumah.",
    "Harga saham naik 2,5 persen menjadi Rp 2017 per lembar.",
    "Peristiwa 9/11 mengubah kebijakan keamanan bandara.",
    "Versi 3.2.1 aplikasi itu dirilis untuk umum.",
    "Sebanyak 2016 orang mendaftar sebagai relawan.",
    "Pertemuan berlangsung di ruang 1203 lantai dua.",
])
def test_indonesian_non_dates(text):
    assert [m for m in find_dates(text, "id", ANCHOR) if m.span.type in ("DATE", "TIME")] == []


def test_clock_time_without_a_day_takes_the_last_day_named():
    text = "Kapal itu berangkat Senin (7/8/2017). Pukul 10.15 WIB kapal sudah di laut."
    assert mention(text, "id", "Pukul 10.15 WIB").span.value == "2017-08-07T10:15"


def test_seed_sentence_with_and_without_anchor():
    text = "Menteri itu berbicara di Jakarta, Rabu 9/8/2017, tentang kerja sama keamanan."
    for anchor in (dt.date(2017, 8, 9), None):
        found = find_dates(text, "id", anchor)
        assert [(m.text, m.span.value) for m in found] == [("Rabu 9/8/2017", "2017-08-09")]
    assert infer_anchor(text, "id") == dt.date(2017, 8, 9)


@pytest.mark.parametrize("text,expr,value", [
    ("Harga gula melonjak Juni lalu di banyak kota.", "Juni lalu", "2017-06"),
    ("Pameran itu dibuka Desember lalu di Medan.", "Desember lalu", "2016-12"),
    ("Kontrak baru diteken Agustus tahun lalu.", "Agustus tahun lalu", "2016-08"),
    ("Upacara digelar pada Hari Kemerdekaan di semua sekolah.", "Hari Kemerdekaan", "2017-08-17"),
    ("Jalan tol itu ditargetkan selesai akhir tahun.", "akhir tahun", "2017"),
    ("Warga memadati pantai saat akhir pekan.", "akhir pekan", "2017-W31-WE"),
])
def test_indonesian_month_shifts_holidays_and_phrases(text, expr, value):
    assert mention(text, "id", expr).span.value == value


def test_that_day_refers_to_the_last_day_named():
    text = "Kapal itu tenggelam Senin (7/8/2017). Hari itu ombak tinggi. Keesokan harinya tim SAR tiba."
    assert mention(text, "id", "Hari itu").span.value == "2017-08-07"
    assert mention(text, "id", "Keesokan harinya").span.value == "2017-08-08"


def test_a_year_phrase_followed_by_the_year_takes_that_year():
    """"akhir tahun 2015" is the end of 2015, not the end of the anchor's year followed by a stray 2015."""
    anchor = dt.date(2013, 11, 28)
    m = mention("Proyek itu rampung pada pertengahan tahun 2014.", "id", "pertengahan tahun 2014", anchor)
    assert (m.span.value, m.span.qualifier) == ("2014", "mid")
    m = mention("Target itu dipasang untuk akhir tahun 2015.", "id", "akhir tahun 2015", anchor)
    assert (m.span.value, m.span.qualifier) == ("2015", "end")
    assert mention("Proyek itu rampung pada akhir tahun.", "id", "akhir tahun", anchor).span.value == "2013"


def test_a_holiday_without_tense_is_the_nearest_one():
    """Written on 29 December, "Natal dan Tahun Baru" is this Christmas and the coming New Year's Day."""
    found = values("Permintaan naik menjelang perayaan Natal dan Tahun Baru.", "id", dt.date(2014, 12, 29))
    assert found == [("Natal", "2014-12-25"), ("Tahun Baru", "2015-01-01")]


@pytest.mark.parametrize("text,expr,value", [
    ("Harga diperkirakan turun hingga paruh pertama tahun depan.", "hingga paruh pertama tahun depan", "2015-H1"),
    ("Harga ditahan hingga triwulan I-2015 oleh pemerintah.", "hingga triwulan I-2015", "2015-Q1"),
])
def test_halves_and_quarters_written_the_indonesian_way(text, expr, value):
    assert mention(text, "id", expr, dt.date(2014, 12, 9)).span.value == value


def test_an_english_month_name_in_an_indonesian_text_still_reads():
    """Indonesian news quotes English dates; the month name is borrowed only when written with a capital."""
    found = find_dates("Kapal itu berlabuh di Bitung pada 9 August 2017 pagi.", "id", dt.date(2017, 8, 10))
    assert [(m.text, m.span.value) for m in found if m.span.value.startswith("2017-08-09")][0][0].startswith("9 August")
    assert not [m for m in find_dates("kapal itu august sekali", "id", dt.date(2017, 8, 10)) if m.span.value[:4] == "2017"]
