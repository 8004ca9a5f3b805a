"""The article's focus city and the small far namesakes moved to it, on hand-made mentions."""
import random

from maps.focus import focus_city, move_to_focus
from maps.model import Basis, Place, PlaceMention


def located(text, kind, lat, lon, country="US", admin1="US-CA", population=0, start=0, demonym=False):
    return PlaceMention(start, start + len(text), text,
                        Place(name=text, lat=lat, lon=lon, kind=kind, country=country, population=population,
                              admin1=admin1), demonym=demonym)


def article():
    """A story set in Sacramento: two suburbs, the state, and 'Elmira' (a shop, say) that the gazetteer
    reads as a small town in New York."""
    return [located("Sacramento", "city", 38.58, -121.49, population=500_000),
            located("Elk Grove", "city", 38.41, -121.37, population=170_000, start=30),
            located("Davis", "city", 38.54, -121.74, population=66_000, start=60),
            located("California", "admin1", 37.2, -119.7, start=90),
            located("Elmira", "city", 42.09, -76.81, admin1="US-NY", population=27_000, start=120)]


def test_the_focus_is_the_city_its_neighbours_and_its_state_point_to():
    assert focus_city(article()).text == "Sacramento"


def test_a_far_unsupported_small_namesake_moves_to_the_focus():
    items = article()
    move_to_focus(items, lambda m: True)
    elmira = items[-1]
    assert elmira.place.kind == "landmark" and abs(elmira.place.lat - 38.58) < 0.01
    assert elmira.basis is Basis.STORY_CITY and elmira.located_at.name == "Sacramento"
    assert any("Sacramento" in n for n in elmira.to_dict()["notes"])


def test_a_namesake_whose_state_is_named_stays():
    items = article() + [located("New York", "admin1", 43.0, -75.5, admin1="US-NY", start=150)]
    move_to_focus(items, lambda m: True)
    assert items[4].place.lat == 42.09 and items[4].basis is Basis.GAZETTEER


def test_nothing_moves_when_the_caller_says_the_name_is_a_town_or_without_a_clear_focus():
    items = article()
    move_to_focus(items, lambda m: False)
    assert items[-1].place.lat == 42.09
    scattered = [located("Lyon", "city", 45.76, 4.83, "FR", "FR-ARA", 500_000),
                 located("Elmira", "city", 42.09, -76.81, admin1="US-NY", population=27_000, start=20)]
    assert focus_city(scattered) is None
    move_to_focus(scattered, lambda m: True)
    assert scattered[1].place.lat == 42.09


def test_landmarks_already_placed_at_a_city_do_not_vote_for_it():
    harlowe = located("Harlowe", "city", 40.67, -111.89, admin1="US-UT", population=50_000)
    items = [harlowe]
    for k in range(3):
        echo = located(f"Elm Road {k}", "landmark", 40.67, -111.89, admin1=None, start=20 * (k + 1))
        echo.put_at(echo.place, Basis.NEXT_CITY, harlowe.place)
        items.append(echo)
    assert focus_city(items) is None
    for echo in items[1:]:   # the same mentions with no city behind them are places of their own
        echo.basis, echo.located_at = Basis.GAZETTEER, None
    assert focus_city(items) is not None


def test_two_far_namesakes_do_not_vouch_for_each_other():
    items = article()[:4] + [located("Evreux", "city", 49.02, 1.15, "FR", "FR-NOR", 47_000, start=120),
                             located("Vernon", "city", 49.09, 1.49, "FR", "FR-NOR", 24_000, start=140)]
    move_to_focus(items, lambda m: True)
    assert all(abs(m.place.lat - 38.58) < 0.01 for m in items[4:])


def test_a_mid_sized_far_namesake_does_not_vouch_for_a_small_one_but_stays_itself():
    items = article()[:4] + [located("Lowell", "city", 42.64, -71.32, admin1="US-MA", population=90_000, start=120),
                             located("Ashby", "city", 42.68, -71.82, admin1="US-MA", population=3_000, start=140)]
    move_to_focus(items, lambda m: True)
    assert items[4].place.lat == 42.64
    assert abs(items[5].place.lat - 38.58) < 0.01


def _towns(n, seed):
    rng = random.Random(seed)
    return [located(f"Town{i}", "city", rng.uniform(-60, 70), rng.uniform(-180, 180), population=rng.randrange(
        1000, 40_000), admin1=f"XX-{i % 50}", start=10 * i) for i in range(n)]


def test_the_focus_and_the_moves_compare_each_place_with_its_neighbours_only(monkeypatch):
    """A text listing thousands of towns: four times the towns may cost about four times the distance
    computations, not sixteen (the old pairwise comparison took 29 s for 600 KB of place names).
    Counted, not timed, so the test says the same on a busy machine."""
    import maps.focus
    import maps.geo

    calls = [0]
    real = maps.geo.distance_km

    def counting(*args):
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(maps.geo, "distance_km", counting)
    monkeypatch.setattr(maps.focus, "distance_km", counting)

    def run(n):
        calls[0] = 0
        move_to_focus(article() + _towns(n, seed=n), lambda m: True)
        return calls[0]

    small, large = run(2000), run(8000)
    assert large < 8 * small, f"{small} distances for 2000 places, {large} for 8000: not linear"
