"""Country and region names in every locale, from the Unicode CLDR as the babel package ships it.

Why: this is what makes the gazetteer multilingual - "Allemagne", "Jerman", "Германия" and "ドイツ" all
find Germany. Names from minor locales are weak (writer.Writer.add_name): they yield to any other place
of that name, so one locale's spelling of Malawi does not hide the Philippine city of Marawi.
"""
from __future__ import annotations

import re

from maps.gazetteer.sources import package_files
from maps.gazetteer.writer import Writer

KEY = "babel"
ATTRIBUTION = "Unicode CLDR (territory and region names), via babel - Unicode License v3"
# UN M49 region codes that CLDR names and GeoNames' continents share.
UN_CONTINENTS = {"002": "AF", "142": "AS", "150": "EU", "009": "OC", "005": "SA", "003": "NA"}
SKIP_TERRITORIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "001"}
# Languages whose CLDR names are kept even when they collide with another place's name; other locales'
# names yield (see Writer.add_name). Widely used news languages, and scripts that cannot collide with Latin.
MAJOR_LANGUAGES = {"en", "id", "ms", "fr", "de", "es", "pt", "it", "nl", "tr", "pl", "sv", "da", "nb", "no",
                   "fi", "cs", "ro", "hu", "vi", "tl", "fil", "sw", "ru", "uk", "ar", "fa", "he", "zh", "ja",
                   "ko", "th", "hi", "bn", "el", "ur", "ta"}


def version() -> str | None:
    return package_files.version(KEY)


def add_names(w: Writer) -> None:
    """CLDR territory names in every locale: of countries, continents and the curated UN regions (so it
    runs after the countries, the continents and the curated places)."""
    from babel import Locale, localedata

    targets = {cc: pid for cc, pid in w.countries.items()}
    for m49, cont in UN_CONTINENTS.items():
        if cont in w.continents:
            targets[m49] = w.continents[cont]
    targets.update(w.un_regions)
    for loc in localedata.locale_identifiers():
        try:
            terr = Locale.parse(loc).territories
        except Exception:  # a locale babel lists but cannot load is simply skipped
            continue
        lang = loc.split("_")[0]
        match = "alt" if lang == "en" else "exonym"
        weak = lang not in MAJOR_LANGUAGES
        for code, nm in terr.items():
            pid = targets.get(code)
            if pid is None or code in SKIP_TERRITORIES:
                continue
            for variant in name_variants(nm):
                w.add_name(pid, variant, match, weak=weak)


def name_variants(nm: str) -> list[str]:
    """A CLDR name and its plain forms: 'Myanmar (Burma)' -> Myanmar, Burma; '&' -> 'and'."""
    out = [nm]
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", nm)
    if m:
        out += [m.group(1), m.group(2)]
    if "&" in nm:
        out.append(nm.replace("&", "and"))
    if " SAR " in nm + " ":
        out.append(nm.split(" SAR")[0])
    return out
