"""The article's focus city and the small far namesakes moved to it, on hand-made mentions."""
from maps.focus import Located, focus_city, move_to_focus
from maps.model import Place, PlaceMention


def located(text, kind, lat, lon, country="US", admin1="US-CA", population=0, start=0, demonym=False):
    m = PlaceMention(start, start + len(text), text,
                     Place(name=text, lat=lat, lon=lon, kind=kind, country=country, population=population))
    m.demonym = demonym
    return Located(m, admin1)


def article():
    """A story set in Sacramento: two suburbs, the state, and 'Elmira' (a shop, say) that the gazetteer
    reads as a small town in New York."""
    return [located("Sacramento", "city", 38.58, -121.49, population=500_000),
            located("Elk Grove", "city", 38.41, -121.37, population=170_000, start=30),
            located("Davis", "city", 38.54, -121.74, population=66_000, start=60),
            located("California", "admin1", 37.2, -119.7, start=90),
            located("Elmira", "city", 42.09, -76.81, admin1="US-NY", population=27_000, start=120)]


def test_the_focus_is_the_city_its_neighbours_and_its_state_point_to():
    assert focus_city(article()).mention.text == "Sacramento"


def test_a_far_unsupported_small_namesake_moves_to_the_focus():
    items = article()
    move_to_focus(items, lambda it: True)
    elmira = items[-1].mention
    assert elmira.place.kind == "landmark" and abs(elmira.place.lat - 38.58) < 0.01
    assert any("Sacramento" in n for n in elmira.notes)


def test_a_namesake_whose_state_is_named_stays():
    items = article() + [located("New York", "admin1", 43.0, -75.5, admin1="US-NY", start=150)]
    move_to_focus(items, lambda it: True)
    assert items[4].mention.place.lat == 42.09


def test_nothing_moves_when_the_caller_says_the_name_is_a_town_or_without_a_clear_focus():
    items = article()
    move_to_focus(items, lambda it: False)
    assert items[-1].mention.place.lat == 42.09
    scattered = [located("Lyon", "city", 45.76, 4.83, "FR", "FR-ARA", 500_000),
                 located("Elmira", "city", 42.09, -76.81, admin1="US-NY", population=27_000, start=20)]
    assert focus_city(scattered) is None
    move_to_focus(scattered, lambda it: True)
    assert scattered[1].mention.place.lat == 42.09


def test_landmarks_already_placed_at_a_city_do_not_vote_for_it():
    items = [located("Harlowe", "city", 40.67, -111.89, admin1="US-UT", population=50_000)]
    for k in range(3):
        echo = located(f"Elm Road {k}", "landmark", 40.67, -111.89, admin1=None, start=20 * (k + 1))
        echo.mention.notes.append("located at Harlowe")
        items.append(echo)
    assert focus_city(items) is None


def test_two_far_namesakes_do_not_vouch_for_each_other():
    items = article()[:4] + [located("Evreux", "city", 49.02, 1.15, "FR", "FR-NOR", 47_000, start=120),
                             located("Vernon", "city", 49.09, 1.49, "FR", "FR-NOR", 24_000, start=140)]
    move_to_focus(items, lambda it: True)
    assert all(abs(it.mention.place.lat - 38.58) < 0.01 for it in items[4:])


def test_a_mid_sized_far_namesake_does_not_vouch_for_a_small_one_but_stays_itself():
    items = article()[:4] + [located("Lowell", "city", 42.64, -71.32, admin1="US-MA", population=90_000, start=120),
                             located("Ashby", "city", 42.68, -71.82, admin1="US-MA", population=3_000, start=140)]
    move_to_focus(items, lambda it: True)
    assert items[4].mention.place.lat == 42.64
    assert abs(items[5].mention.place.lat - 38.58) < 0.01
