"""The one vocabulary of place kinds: every kind a Place may carry, their order by size, and the
named groups of kinds that the geoparser's rules speak of.

Why one module: a rule such as "a country or province keeps its reading" must mean the same set of
kinds wherever it is written. Kinds are plain strings (they come from the gazetteer file and go to
the JSON export unchanged); the constants below are the only place they are spelled.
"""
from __future__ import annotations

CONTINENT = "continent"
REGION = "region"          # a macro-region spanning countries or provinces (Middle East, Java)
COUNTRY = "country"
ADMIN1 = "admin1"          # first-level subdivision: state, province
ADMIN2 = "admin2"          # second level: county, regency
ADMIN3 = "admin3"          # third level and below: district
CITY = "city"              # any populated place, village to metropolis
ISLAND = "island"
PENINSULA = "peninsula"
OCEAN = "ocean"
SEA = "sea"                # seas, gulfs, straits, bays
LAKE = "lake"
RIVER = "river"
MOUNTAIN = "mountain"
AREA = "area"              # any other named area (a park, a valley)
LANDMARK = "landmark"      # a building, an airport, a monument
STREET = "street"          # only as the kind a head word promises ("Elm Street"); placed as a landmark

# Every kind, largest first: the rank of a kind is its index here.
KINDS = (CONTINENT, OCEAN, REGION, COUNTRY, SEA, ADMIN1, PENINSULA, ISLAND, ADMIN2, LAKE, MOUNTAIN, RIVER,
         ADMIN3, CITY, AREA, LANDMARK, STREET)
RANK = {k: i for i, k in enumerate(KINDS)}

# Units big enough to have an office of their own ("Governor of Texas", "Menteri Luar Negeri Rusia").
OFFICE = frozenset({CONTINENT, COUNTRY, ADMIN1, REGION})
# Readings that are strong evidence on their own: a name read as one of these is rarely a person.
LARGE = OFFICE | {SEA, ISLAND, PENINSULA}
# What an unspaced script's name may be without other evidence (see maps/uncased.py).
SAFE_ALONE = LARGE | {OCEAN}
# Places beyond any one province: they say nothing about where in a country a story is.
BROAD = frozenset({CONTINENT, COUNTRY, REGION, SEA, OCEAN})
# Places above a city: a story's focus city is never one of these.
ABOVE_CITY = BROAD | {ADMIN1}
# Towns and the units that are named like towns.
LOCAL = frozenset({CITY, ADMIN2, ADMIN3})
# Readings that a local feature (a shop, a street) may hide behind: a county is not one.
MOVABLE = frozenset({CITY, ADMIN3})
# Kinds that names listed together share ("Ohio, Texas and Washington").
LISTABLE = frozenset({ADMIN1, COUNTRY})
# Built things, placed at the city they stand in.
BUILT = frozenset({LANDMARK, STREET})
WATER = frozenset({RIVER, LAKE})

# Populations that make a town stand out.
BIG_TOWN = 100_000         # a town this big is evidence of itself (not a person's name, not a shop)
MAJOR_CITY = 1_000_000     # a city this big opens a sentence or a longer name as itself ("Houston has ...")
