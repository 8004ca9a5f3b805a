"""Indonesian local news: villages, districts, mountains, beaches, schools and offices that no gazetteer
lists are still places, recognised from their head word and put on the map approximately.

Every sentence here was written for this test."""
from __future__ import annotations

from maps import find_places
from maps.model import Basis


def by_text(text: str) -> dict:
    return {m.text: m for m in find_places(text, "id")}


def test_a_headed_name_with_no_place_named_is_put_in_the_country_of_the_language():
    m = by_text("Dua pendaki tersesat di Gunung Gede Pangrango sejak Jumat malam.")
    mountain = m["Gunung Gede Pangrango"]
    assert mountain.basis is Basis.COUNTRY and mountain.place.country == "ID"
    assert mountain.place.kind == "mountain" and mountain.place.confidence <= 0.1


def test_a_headed_name_beside_other_places_is_a_guess_near_them_not_in_another_country():
    m = by_text("Nelayan dari Pantai Watu Kodok menjual ikan ke Yogyakarta, lalu sebagian dikirim ke Singapura.")
    beach = m["Pantai Watu Kodok"]
    assert beach.basis is Basis.NEARBY and beach.located_at.country == "ID"
    assert beach.place.confidence <= 0.2


def test_a_known_word_that_opens_a_longer_unknown_name_does_not_cut_it():
    m = by_text("Jembatan di Desa Tanjung Sari, Kecamatan Batu Ampar, putus diterjang banjir.")
    assert "Desa Tanjung Sari" in m and "Desa Tanjung" not in m
    assert m["Desa Tanjung Sari"].place.country == "ID"


def test_a_direction_after_a_known_name_makes_a_regency_of_its_own():
    m = by_text("Gempa mengguncang Kabupaten Halmahera Barat, Maluku Utara, pada Selasa dini hari.")
    regency = m["Kabupaten Halmahera Barat"]
    assert regency.basis is Basis.WITHIN and regency.located_at.name.startswith("Maluku Utara")


def test_a_school_whose_head_opens_with_an_organisation_word_is_a_place():
    m = by_text("Para guru SD Negeri 4 Sukorejo belum menerima gaji selama dua bulan.")
    assert "SD Negeri 4 Sukorejo" in m


def test_beaches_parks_and_police_headquarters_are_places():
    text = ("Wisatawan memadati Pantai Parangtritis dan Taman Nasional Baluran. "
            "Tersangka dibawa ke Mapolres Situbondo.")
    m = by_text(text)
    assert {"Pantai Parangtritis", "Taman Nasional Baluran", "Mapolres Situbondo"} <= set(m)


def test_a_regency_seat_of_unknown_size_is_in_the_gazetteer():
    # GeoNames lists seats without a population; they used to be left out with the small villages
    m = by_text("Banjir kembali melanda Jailolo dan Karanganyar pekan ini.")
    assert m["Jailolo"].place.country == "ID" and m["Karanganyar"].place.country == "ID"


def test_a_long_list_of_headed_names_is_placed_in_one_pass(monkeypatch):
    # each name used to walk the rest of the list to find its container: quadratic in the list's length
    from maps import placement

    calls = []
    real = placement.CHAIN_GAP

    class Counting:
        def fullmatch(self, *args):
            calls.append(1)
            return real.fullmatch(*args)

    monkeypatch.setattr(placement, "CHAIN_GAP", Counting())
    names = [f"Desa Qozv{chr(97 + i % 26)}{chr(97 + i // 26)}uk" for i in range(300)]   # no such villages
    text = "Banjir merendam " + ", ".join(names) + ", Kabupaten Cianjur, pada Senin."
    ms = find_places(text, "id")
    within = [m for m in ms if m.basis is Basis.WITHIN]
    assert len(within) == 300 and {m.located_at.name for m in within} == {"Cianjur"}
    assert len(calls) <= len(ms)


def test_a_head_word_opening_a_title_case_headline_names_no_place():
    text = "Desa Makmur Tapi Jalannya Masih Rusak Parah\n\nWarga mengeluhkan jalan berlubang di Bandung sejak tahun lalu."
    m = by_text(text)
    assert m["Desa Makmur Tapi Jalannya Masih Rusak Parah"].place is None and m["Bandung"].place.country == "ID"
