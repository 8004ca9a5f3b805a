"""Where: recognise place names in text and resolve them to coordinates."""
from maps.model import Place, PlaceMention
from maps.geoparse import find_places

__all__ = ["Place", "PlaceMention", "find_places"]
