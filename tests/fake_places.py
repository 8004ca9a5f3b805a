"""A hand-made gazetteer candidate for tests that need no built gazetteer: the fields the recogniser
and the resolver read, nothing more."""
from dataclasses import dataclass


@dataclass
class Cand:
    name: str
    kind: str
    country: str
    lat: float
    lon: float
    population: int = 0
    admin1: str = ""
    match: str = "name"
    prior: float = 0.5
    fcode: str | None = None
