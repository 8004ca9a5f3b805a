"""The fast neighbour searches give exactly what comparing every pair with distance_km gives."""
import random

from maps.geo import PointGrid, distance_km
from maps.nearness import NEAR_BANDS, Nearness, factor


def brute_force(votes, lat, lon, me):
    best = 0.0
    for plat, plon, w, name in votes:
        if name == me or name.startswith(me + " ") or me.startswith(name + " "):
            continue
        if abs(plat - lat) >= NEAR_BANDS[-1][0] / (distance_km(0, 0, 1, 0)):
            continue
        best = max(best, w * factor(distance_km(lat, lon, plat, plon)))
    return best


def points(rng, n):
    """Clusters (a dense region, the date line, the far north) and scattered points."""
    centres = [(48.0, 8.0), (-6.2, 106.8), (0.5, 179.8), (0.5, -179.9), (78.0, 15.0), (-33.9, 151.2), (87.5, 179.0)]
    out = []
    for k in range(n):
        if k % 3:
            c = centres[k % len(centres)]
            lat, lon = c[0] + rng.uniform(-3, 3), c[1] + rng.uniform(-4, 4)
            lon = (lon + 180) % 360 - 180
            out.append((max(-89.9, min(89.9, lat)), lon))
        else:
            out.append((rng.uniform(-80, 80), rng.uniform(-180, 180)))
    return out


def test_the_strongest_vote_is_exact_with_few_and_with_many_votes():
    rng = random.Random(12)
    names = ["alpha", "alpha beta", "gamma", "gamma delta epsilon", "zeta"]
    for n_votes in (50, 900):
        votes = [(lat, lon, rng.choice([0.35, 0.7, 0.7, 1.0, rng.random()]), f"{rng.choice(names)} {k}" if k % 4 else
                  rng.choice(names)) for k, (lat, lon) in enumerate(points(rng, n_votes))]
        near = Nearness(votes)
        for lat, lon in points(rng, 400):
            me = rng.choice(names + [v[3] for v in votes[:20]])
            assert near.strongest(lat, lon, me) == brute_force(votes, lat, lon, me), (lat, lon, me)


def test_a_vote_right_at_a_band_edge_counts_as_distance_km_says():
    lat, lon = 10.0, 20.0
    votes = [(lat, lon + d / 109.5, 1.0, f"v{k}") for k, d in enumerate((49.999, 50.0, 50.001, 149.9999, 150.0001))]
    votes += [(-70.0 + k * 0.01, 0.0, 0.1, f"filler {k}") for k in range(300)]   # enough votes to plan
    near = Nearness(votes)
    for k, (plat, plon, w, name) in enumerate(votes[:5]):
        assert near.strongest(lat, lon, "nobody") == brute_force(votes, lat, lon, "nobody")
        alone = Nearness([votes[k]] + votes[5:])
        assert alone.strongest(lat, lon, "nobody") == w * factor(distance_km(lat, lon, plat, plon))


def test_point_grid_counts_and_finds_what_distance_km_finds():
    rng = random.Random(7)
    grid = PointGrid()
    pts = points(rng, 600)
    for k, (lat, lon) in enumerate(pts):
        grid.add(lat, lon, k)
    for lat, lon in points(rng, 200):
        for km in (100, 150, 400):
            expect = sorted(k for k, (plat, plon) in enumerate(pts) if distance_km(lat, lon, plat, plon) < km)
            assert sorted(k for k, _ in grid.within(lat, lon, km)) == expect
            assert grid.count_within(lat, lon, km) == len(expect)


def test_one_vote_supports_exactly_what_a_tally_of_it_supports():
    import itertools

    from maps.evidence import _One, _Tally

    class Reading:
        def __init__(self, kind, country, admin1):
            self.kind, self.country, self.admin1 = kind, country, admin1

    kinds_ = ["country", "admin1", "admin2", "city", "region", "sea", "island"]
    countries, admin1s = [None, "", "ID", "US"], [None, "", "ID-JK", "US-OH"]
    for reading in itertools.product(kinds_, countries, admin1s):
        vote = (Reading(*reading), 0.7312)
        one, tally = _One(*vote), _Tally([vote])
        for asked in itertools.product(kinds_, countries, admin1s):
            assert one.support(*asked) == tally.support(*asked), (reading, asked)


def test_a_count_bound_is_never_below_the_count():
    rng = random.Random(3)
    grid = PointGrid()
    for k, (lat, lon) in enumerate(points(rng, 800)):
        grid.add(lat, lon, k)
    for lat, lon in points(rng, 300):
        assert grid.count_bound(lat, lon, 100) >= grid.count_within(lat, lon, 100)
