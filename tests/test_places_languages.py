"""Place names in the languages of issue 10, each tested with sentences written in that language for
this project: inflected names (Russian, Ukrainian, Finnish, Swedish, German, Greek, Polish), lower-case
connectors and local names (Italian, Spanish, Dutch, French, Portuguese), scripts without spaces
(Japanese, Chinese, Thai), endings after an apostrophe (Turkish), words written onto a name (Arabic,
Hebrew, Bengali, Tamil), and Indonesian local places put where the text says they are."""
import pytest

pytest.importorskip("maps.gazetteer")

from maps import find_places  # noqa: E402
from maps.model import Basis  # noqa: E402


def found(text, lang):
    return [(m.text, m.place.name if m.place else None, m.place.country if m.place else None)
            for m in find_places(text, lang)]


CASES = [
    # Russian: locative, genitive, an adjective agreeing with its noun, lower-case place adjectives
    ("ru", "Делегация прибыла в Москву из Новосибирска, а переговоры прошли в Нижнем Новгороде.",
     [("Москву", "RU"), ("Новосибирска", "RU"), ("Нижнем Новгороде", "RU")]),
    ("ru", "Российские и китайские компании подписали соглашение в Шанхае.",
     [("Российские", "RU"), ("китайские", "CN"), ("Шанхае", "CN")]),
    ("ru", "Посол США встретился с представителями РФ.", [("США", "US"), ("РФ", "RU")]),
    # Ukrainian
    ("uk", "Делегація приїхала до Києва зі Львова, а потім вирушила до Одеси.",
     [("Києва", "UA"), ("Львова", "UA"), ("Одеси", "UA")]),
    # Finnish: case endings, a foreign name with its -i-, consonant gradation, old spelling
    ("fi", "Kokous pidettiin Helsingissä, ja osa osallistujista saapui Tampereelta ja Venäjältä.",
     [("Helsingissä", "FI"), ("Tampereelta", "FI"), ("Venäjältä", "RU")]),
    ("fi", "Laiva lähti Heidelbergistä kohti Englantia, ja uutinen kerrottiin Wenäjällä.",
     [("Heidelbergistä", "DE"), ("Englantia", "GB"), ("Wenäjällä", "RU")]),
    # Swedish: local names GeoNames keeps as alternates, a genitive
    ("sv", "Fartyget seglade från Göteborg till Helsingfors och vidare till Åbo.",
     [("Göteborg", "SE"), ("Helsingfors", "FI"), ("Åbo", "FI")]),
    ("sv", "Sveriges regering samlades i Stockholm.", [("Sveriges", "SE"), ("Stockholm", "SE")]),
    # German: a genitive, and a capitalised noun beside the name that says nothing about it
    ("de", "Die Hauptstadt Deutschlands liegt an der Spree, die Messe findet in Frankfurt am Main statt.",
     [("Deutschlands", "DE"), ("Frankfurt am Main", "DE")]),
    # Greek and Polish
    ("el", "Η αντιπροσωπεία έφτασε στην Αθήνα από τη Θεσσαλονίκη.", [("Αθήνα", "GR"), ("Θεσσαλονίκη", "GR")]),
    ("pl", "Delegacja przyjechała z Warszawy do Krakowa.", [("Warszawy", "PL"), ("Krakowa", "PL")]),
    # Italian, Spanish, Dutch, French, Portuguese: connectors and the language's own names of places
    ("it", "Il treno partito da Genova è arrivato a Reggio di Calabria con due ore di ritardo.",
     [("Genova", "IT"), ("Reggio di Calabria", "IT")]),
    ("it", "Il sindaco di Roma ha incontrato i colleghi di Londra e Parigi.",
     [("Roma", "IT"), ("Londra", "GB"), ("Parigi", "FR")]),
    ("es", "La delegación viajó de Santiago de Compostela a Valladolid y luego a Ginebra.",
     [("Santiago de Compostela", "ES"), ("Valladolid", "ES"), ("Ginebra", "CH")]),
    ("es", "El equipo de Inglaterra perdió ante Holanda.", [("Inglaterra", "GB"), ("Holanda", "NL")]),
    ("nl", "De ploeg reisde van Bergen op Zoom naar Luik en daarna naar Antwerpen.",
     [("Bergen op Zoom", "NL"), ("Luik", "BE"), ("Antwerpen", "BE")]),
    ("fr", "Le convoi est parti de Boulogne-sur-Mer vers Saint-Étienne puis Marseille.",
     [("Boulogne-sur-Mer", "FR"), ("Saint-Étienne", "FR"), ("Marseille", "FR")]),
    ("pt", "A comitiva saiu do Rio de Janeiro rumo a São José dos Campos e depois a Lisboa.",
     [("Rio de Janeiro", "BR"), ("São José dos Campos", "BR"), ("Lisboa", "PT")]),
    # Scripts without spaces: a name starts and ends where a word does
    ("ja", "代表団は大阪から札幌へ移動し、その後ドイツとパリを訪れた。",
     [("大阪", "JP"), ("札幌", "JP"), ("ドイツ", "DE"), ("パリ", "FR")]),
    ("ja", "米国と英国の代表が会談した。", [("米国", "US"), ("英国", "GB")]),
    ("zh", "代表团从北京前往上海，然后访问了德国。", [("北京", "CN"), ("上海", "CN"), ("德国", "DE")]),
    ("th", "คณะเดินทางจากกรุงเทพมหานครไปเชียงใหม่", [("กรุงเทพมหานคร", "TH"), ("เชียงใหม่", "TH")]),
    # Devanagari: a name ending in a vowel sign (a mark, not a letter)
    ("hi", "मेला दिल्ली में शुरू हुआ और फिर कोलकाता गया।", [("दिल्ली", "IN"), ("कोलकाता", "IN")]),
    # Bengali and Tamil: case endings written onto the name
    ("bn", "মেলা ঢাকায় শুরু হয়ে চট্টগ্রামে শেষ হলো।", [("ঢাকা", "BD"), ("চট্টগ্রাম", "BD")]),
    ("ta", "விழா சென்னையில் தொடங்கி மதுரைக்கு சென்றது.", [("சென்னை", "IN"), ("மதுரை", "IN")]),
    # Turkish: case endings after an apostrophe
    ("tr", "Heyet dün Ankara'dan ayrıldı ve akşam İzmir'e vardı; toplantı İstanbul'da sürecek.",
     [("Ankara'dan", "TR"), ("İzmir'e", "TR"), ("İstanbul'da", "TR")]),
    # Arabic and Hebrew: a conjunction or preposition written onto the name
    ("ar", "وصل الوفد إلى بيروت ثم انتقل بالسيارة إلى دمشق والقاهرة.",
     [("بيروت", "LB"), ("دمشق", "SY"), ("القاهرة", "EG")]),
    ("he", "המשלחת נחתה בחיפה ומשם נסעה לירושלים.", [("חיפה", "IL"), ("ירושלים", "IL")]),
]


@pytest.mark.parametrize("lang, text, expected", CASES)
def test_places_in_each_language(lang, text, expected):
    got = [(t, cc) for t, _name, cc in found(text, lang)]
    assert got == expected


@pytest.mark.parametrize("lang, text, word", [
    ("fi", "Tänään kokous jatkuu, ja Täältä lähdetään myöhemmin.", "Täältä"),   # common words, not places
    ("sv", "Och sedan kom de hem. Man visste ingenting.", "Man"),                 # not the Isle of Man
    ("ru", "Редакция «Коммунистического манифеста» вышла снова.", "Коммунистического"),  # not a village
    ("es", "Según Efe, la Liga empieza el lunes.", "Liga"),                       # not Riga
    ("it", "Lo ha riferito l'agenzia ANSA da Venezia.", "ANSA"),
])
def test_common_words_of_a_language_are_no_places(lang, text, word):
    assert word not in [t for t, _n, _c in found(text, lang)]


def test_a_school_keeps_its_number_and_sits_at_its_town():
    ms = {m.text: m for m in find_places("Siswa SMK Negeri 2 Makassar berlayar ke Pulau Samalona.", "id")}
    school = ms["SMK Negeri 2 Makassar"]
    assert school.basis is Basis.NAMED_INSIDE and school.located_at.name == "Makassar"


def test_a_village_no_gazetteer_lists_is_put_approximately_where_the_text_says_it_is():
    text = "Longsor menimbun rumah warga di desa Wanasukamaju, Kecamatan Cibarengkok, Kabupaten Cianjur, Jawa Barat."
    ms = {m.text: m for m in find_places(text, "id")}
    village, district = ms["desa Wanasukamaju"], ms["Kecamatan Cibarengkok"]
    for m in (village, district):
        assert m.basis is Basis.WITHIN and m.located_at.name == "Cianjur"
        assert m.place.confidence < 0.5            # approximate: somewhere in the regency
    assert village.place.kind == "city" and district.place.kind == "admin3"
    data = village.to_dict()
    assert data["basis"] == "within" and data["located_at"] == "Cianjur"
    assert any("approximately" in n for n in data["notes"])


def test_a_district_the_gazetteer_knows_by_its_seat_is_the_container():
    # Cibeber is the seat of its district: GeoNames lists it without a population
    text = "Longsor menimbun rumah warga di desa Wanasukamaju, Kecamatan Cibeber, Kabupaten Cianjur."
    ms = {m.text: m for m in find_places(text, "id")}
    assert ms["desa Wanasukamaju"].basis is Basis.WITHIN and ms["desa Wanasukamaju"].located_at.name == "Cibeber"


def test_a_strait_or_island_without_a_container_is_a_guess_in_the_country_left_to_the_geocoder():
    ms = {m.text: m for m in find_places("Kapal itu melintasi selat Wanakarta pada malam hari.", "id")}
    strait = ms["selat Wanakarta"]
    assert strait.basis is Basis.COUNTRY and strait.place.country == "ID" and strait.place.confidence <= 0.1
    assert strait.place.kind == "sea"
