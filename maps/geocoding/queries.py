"""What to ask a geocoder for an unresolved name, and what kind of place the name itself promises.

The geoparser keeps an unknown name when a head word vouches for it ("Desa Sukamaju", "Foo County",
"Pulau Kecil"). Geocoders index many such places under the bare name, so the bare name is asked
next when the full one finds nothing, and the head's kind (village -> city, county -> admin2) helps
choose among the answers. The head words are the geoparser's own per-language tables
(languages/data/<code>/places.json via maps.lang_tables), so there is one list to extend, not two.
"""
from __future__ import annotations

from maps.lang_tables import tables


def _heads(lang: str) -> tuple[dict, dict]:
    """(head words before a name, head words after it), each head -> the kind it promises."""
    t = tables(lang or "en")
    return dict(t.pre_heads), dict(t.post_heads)


def query_variants(name: str, lang: str) -> tuple[list[str], str | None]:
    """([the name, the name without its head word], the head's kind or None)."""
    name = " ".join(name.split())
    pre, post = _heads(lang)
    for head in sorted(pre, key=len, reverse=True):
        if name.lower().startswith(head.lower() + " ") and len(name) > len(head) + 1:
            return [name, name[len(head) + 1:].strip()], pre[head]
    for head in sorted(post, key=len, reverse=True):
        if name.lower().endswith(" " + head.lower()) and len(name) > len(head) + 1:
            return [name, name[:-len(head) - 1].strip()], post[head]
    return [name], None
