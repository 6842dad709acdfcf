"""Actors stage: resolves mentions to stable actor codes.

Dictionary matches (a token trie, built once per process) give countries, seats of
government, institutions, IGOs, armed groups and curated office holders. The dependency
parse then adds sectors ("Iranian troops" -> IRNMIL), people through the role the article
gives them ("US Defense Secretary Lloyd Austin" -> USAMIL), their later mentions
("Austin", "he"), and keeps every other named actor with ``code=None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..config import Settings
from ..document import Actor, Document, Span
from ..ingest.dateline import dateline_length
from ..nlp.spacy_stage import sentence_of
from ..pipeline import register
from .lexicon import (
    PEOPLE_SECTORS,
    ActorLexicon,
    Entry,
    Sector,
    get_lexicon,
    resolve_actor_text,
)
from .places import bare_name_state, country_of_place, state_namesakes, state_on

__all__ = ["ActorStage", "resolve_actor_text", "actor_token_index"]

SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "SPY": "intelligence", "JUD": "judiciary",
    "LEG": "legislature", "OPP": "opposition", "REB": "rebels", "MED": "media",
    "BUS": "business", "CVL": "civilians", "COP": "police", "REF": "refugees",
    "EDU": "students", "LAB": "labour", "JRN": "journalists", "ELI": "elite",
}
UNKNOWN_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_PRONOUNS = {"he", "she"}


@dataclass
class _M:
    """A mention under construction (token offsets)."""

    s: int
    e: int
    code: str | None
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None = None
    pid: int | None = None  # person identity
    absorbed: bool = False  # swallowed into a person's title
    seat: bool = False  # a place that stands for a government ("Cairo", "the Kremlin")


LANGUAGE_NOUNS = {"language", "languages", "speaker", "speakers", "dialect", "translation",
                  "translations", "literature", "grammar", "alphabet", "script", "teacher",
                  "class", "classes", "lesson", "lessons", "course", "courses", "tutor",
                  "translator", "interpreter"}  # ("French teachers" may be France's)


def _from_entry(s: int, e: int, en: Entry) -> _M:
    return _M(s, e, en.code, en.name, "institution" if en.kind == "seat" else en.kind,
              en.country, en.sector, en.role, seat=en.kind == "seat")


class ActorStage:
    """Fills ``doc.actors`` (one :class:`Actor` per actor, all mentions with offsets)."""

    name = "actors"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.lex: ActorLexicon = get_lexicon()

    def __call__(self, doc: Document) -> Document:
        sdoc = doc.spacy_doc
        if sdoc is None:
            from ..nlp.spacy_stage import load_spacy

            sdoc = doc.spacy_doc = load_spacy(self.settings.spacy_model)(doc.text)
        doc.actors = find_actors(sdoc, doc.published, self.lex)
        return doc


WIRE_AGENCIES = {"AP", "AFP", "Reuters", "UPI", "dpa", "DPA", "ANSA", "EFE", "Xinhua", "TASS",
                 "IANS", "PTI", "Yonhap", "Kyodo", "Anadolu", "APA", "CNA", "Bernama", "KUNA"}
# Title words of newspapers named after a place ("Bangkok Post", "Kyiv Independent").
OUTLET_WORDS = {"Post", "Times", "Herald", "Journal", "Tribune", "Gazette", "Telegraph",
                "Observer", "Examiner", "Chronicle", "Independent", "Standard", "Mirror",
                "Courier", "Inquirer", "Dispatch", "Daily", "Monitor", "Recorder", "Sentinel"}


def find_actors(sdoc: Any, date: str | None, lex: ActorLexicon) -> list[Actor]:
    """All actors of a parsed text, each with its mentions."""
    words = [t.text for t in sdoc]
    states = state_namesakes([[t.text for t in sent] for sent in sdoc.sents])
    # surnames of people the text names in full ("Mark Cuban" makes a bare "Cuban" him)
    surnames = {ent[-1].text for ent in sdoc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    namesakes: dict[tuple[str, str], bool] = {}
    ms: list[_M] = []
    for s, e, en in lex.match(words, date):
        if en.kind == "ignore":
            continue  # "New Mexico", "New Jersey": names that contain a country but are not it
        if en.kind == "country" and e - s == 1 and words[s] in surnames and \
                sdoc[s].pos_ == "PROPN" and sdoc[s].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj",
                                                             "poss", "appos", "conj"):
            continue  # "Cuban also said he supports ...": Mark Cuban, not Cuba
        if en.kind == "country" and " ".join(words[s:e]) in states:
            continue  # "Clinton won Virginia and Georgia": the US state, a place
        if en.kind == "person" and e - s == 1 and \
                sdoc[s].ent_type_ in ("GPE", "LOC", "ORG", "FAC") and (
                    _is_place(words[s]) if sdoc[s].ent_type_ != "ORG" else (
                        sdoc[s].ent_iob_ == "I" or (
                            s + 1 < len(sdoc) and sdoc[s + 1].ent_iob_ == "I"))):
            # "Austin" the city, "Trump Organization": not the office holder ("Blinken"
            # tagged a place and "Trump" tagged an organisation on their own stay people)
            continue
        if en.kind == "person" and e - s == 1 and sdoc[s].ent_iob_ == "B" and \
                sdoc[s].ent_type_ == "PERSON" and e < len(sdoc) and sdoc[e].ent_iob_ == "I" and \
                sdoc[e].text not in en.name.split() and sdoc[e].text not in ("-", "'s", "’s"):
            continue  # "Anwar al-Awlaki" is not Anwar Ibrahim: a longer name of someone else
        if en.kind == "person" and e - s == 1 and s >= 2 and words[s - 1] in ("-", "‐") and \
                words[s - 2][:1].isupper() and sdoc[s - 1].whitespace_ == "" and \
                words[s - 2].lower() not in ("al", "el", "ul", "ad", "as", "ash", "an", "ar",
                                             "at", "az", "bin", "ibn", "ben"):
            continue  # "Abdul-Ghani": part of another name, not President Ghani
        if en.kind == "person" and e - s == 1:
            key = (words[s], en.name)
            if key not in namesakes:  # (asked once per name: the answer holds for the text)
                namesakes[key] = _namesake_in_text(sdoc, words[s], en, lex)
            if namesakes[key]:
                continue  # "Barry Bennett" earlier in the text: a bare "Bennett" is not Naftali
        if en.kind == "person" and e < len(sdoc) and sdoc[e].lower_ in (
                "jr.", "jr", "junior", "iii") and \
                sdoc[e].lower_.rstrip(".") not in en.name.lower():
            continue  # "Donald Trump Jr." is not his father
        if s >= 2 and sdoc[s - 1].text in ("-", "–") and sdoc[s - 2].lower_ in ("pro", "anti"):
            # "pro-Palestinian demonstrators" in London are not Palestine, "anti-Taliban
            # forces" not the Taliban
            continue
        if en.kind == "country" and e + 1 < len(sdoc) and sdoc[e].text in ("'s", "’s") and \
                sdoc[e + 1].text in ("Cup", "Trophy"):
            continue  # "America's Cup winner Sir Peter Blake": a yachting trophy
        if en.kind == "country" and s >= 1 and sdoc[s - 1].lower_.rstrip(".") in (
                "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov"):
            continue  # "Mr. English", "Dr. French": a surname
        if en.kind == "country" and e - s == 1 and sdoc[s].dep_ in ("amod", "compound", "poss") \
                and sdoc[s].head.lemma_.lower() in _ENEMY_NOUNS:
            continue  # "Putin backs American adversaries", "America's enemies": their foes
        if en.kind == "country" and e - s == 1 and sdoc[s].dep_ in ("amod", "compound") and \
                sdoc[s].head.lemma_.lower() in ("colony", "protectorate", "dominion"):
            continue  # "the former British colony's streets": Hong Kong, not Britain
        if en.kind == "country" and s >= 1 and sdoc[s - 1].lower_ == "ethnic":
            continue  # "ethnic Albanian leaders" in Kosovo: a people, not Albania
        if en.code == "GRPWEST" and e < len(sdoc) and sdoc[e].text in (
                "Bank", "Africa", "Point", "Coast", "Virginia", "Midlands", "Germany"):
            continue  # "the West Bank", "West Africa": places, not the Western powers
        if en.kind == "country" and e - s == 1 and sdoc[s].ent_type_ == "PERSON" \
                and sdoc[s].ent_iob_ != "B":
            continue  # "Jordan" inside "Michael Jordan"
        if en.kind == "person" and e - s == 1 and s > 0 and sdoc[s].ent_iob_ == "I" and \
                sdoc[s - 1].pos_ == "PROPN" and lex.sectors.get(sdoc[s - 1].lower_) is None \
                and sdoc[s - 1].lower_ not in en.name.lower().split() and not (
                    # ("John F. Kerry" is John Kerry: an initial between his names)
                    re.fullmatch(r"[A-Z]\.", sdoc[s - 1].text) and s > 1 and
                    sdoc[s - 2].lower_ in en.name.lower().split()):
            continue  # "William J. Bennett" is not "Naftali Bennett"
        if en.kind in ("country", "seat") and e < len(sdoc) and (
                (sdoc[e].text in ("-", "—", "–", "(") and
                 all(w.isupper() and len(w) > 2 for w in words[s:e])) or
                (e + 2 < len(sdoc) and sdoc[e].text == "(" and sdoc[e + 2].text == ")" and
                 sdoc[e + 1].text in WIRE_AGENCIES)):
            continue  # datelines "ROME -", "Mexico City (AFP) –": where it was filed
        if en.kind in ("country", "seat") and \
                e < len(sdoc) and sdoc[e].text in OUTLET_WORDS:
            continue  # "Bangkok Post", "Moscow Times": a newspaper, not the state
        if en.kind in ("country", "seat") and sdoc[s].ent_iob_ in ("B", "I") and \
                _entity_of(sdoc, s)[-1].text in _LAW_TITLES:
            continue  # "the Hong Kong Human Rights and Democracy Act": a law's name
        if en.kind in ("seat", "igo") and e - s == 1 and _listed_city(sdoc[s]):
            # "Paris, Brussels, Beirut, Bamako and other cities struck by terrorism": the
            # cities, places of their states, not the governments or the EU seated there
            where = country_of_place(words[s]) if en.kind == "igo" else en.country
            if where:
                ms.append(_M(s, e, where, words[s], "country", where, None))
            continue
        if en.kind == "seat" and _names_accord(sdoc, s, e):
            continue  # "the Paris agreement", "the Oslo Accords": named after a city
        if en.kind == "country" and e + 1 < len(sdoc) and sdoc[e].text in ("-", "–") and \
                sdoc[e + 1].lower_ in ("language", "speaking", "speaker", "speakers"):
            continue  # "English-language network", "French-speaking Swiss": a language
        if en.kind == "country" and e - s == 1 and sdoc[s].ent_type_ == "LANGUAGE":
            continue  # "the English and French teacher": the tagger reads a tongue
        if en.kind == "country" and e < len(sdoc) and sdoc[s].pos_ == "ADJ" and (
                sdoc[e].lower_ in LANGUAGE_NOUNS or _described(sdoc[s]).lower_ in LANGUAGE_NOUNS):
            # "the use of the Russian language", "Arabic speakers", "the English and French
            # teacher": a tongue
            continue
        ms.append(_from_entry(s, e, en))
    ms += _elided_countries(words, ms, date, lex)
    starts = {m.s: m for m in ms if m.kind == "country"}
    for m in list(ms):
        nxt2 = starts.get(m.e + 1)
        if m.kind == "country" and m.e < len(sdoc) and sdoc[m.e].text == "-" and \
                nxt2 is not None and nxt2.country == "USA" and m.country != "USA" and \
                sdoc[m.s].ent_type_ == "NORP" and words[m.e + 1] in ("American", "Americans"):
            ms.remove(m)  # "a second-generation Syrian-American resident" is American
            continue
        if m.kind == "country" and m.e < len(sdoc) and sdoc[m.e].text == "-" and \
                nxt2 is not None and nxt2.kind == "country" and nxt2.country != m.country and \
                _person_after(sdoc, nxt2.e):
            # "a Lebanese-Nigerian real estate developer": one person of two nations, coded
            # by the last (a "Russian-Ukrainian border" keeps both states)
            ms.remove(m)
            continue
        nxt = starts.get(m.e)
        if m.kind == "country" and nxt is not None and nxt.country != m.country and \
                sdoc[m.e].tag_ in ("NNS", "NNPS") and sdoc[m.s].ent_type_ == "NORP":
            nxt.s = m.s  # "Turkish Americans" are Americans
            ms.remove(m)
    for m in ms:
        # "The first American to carry out a suicide bombing", "an Iranian was arrested": one
        # person of that nation, not the state
        t = sdoc[m.s]
        if m.kind == "country" and m.country and m.e - m.s == 1 and t.tag_ == "NNP" and \
                t.ent_type_ == "NORP" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj",
                                                    "appos", "attr") and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an", "the", "one")
                    for c in t.children):
            m.kind, m.sector, m.code = "group", "CVL", m.country + "CVL"
    for m in ms:  # the state on the article's date ("Juba" in 1988 is in Sudan)
        if not m.country:
            continue
        old = m.country
        new = bare_name_state(" ".join(words[m.s:m.e]), state_on(old, date), date)
        if new != old:
            m.country = new
            m.code = new + m.code[len(old):] if m.code and m.code.startswith(old) else m.code
    tokmap = _index(ms)
    persons = _people(sdoc, ms, tokmap, lex)
    ms = [m for m in ms if not m.absorbed] + persons
    tokmap = _index(ms)
    _sectors(sdoc, ms, tokmap, lex)
    tokmap = _index(ms)
    ms.extend(_later_mentions(sdoc, ms, tokmap))
    tokmap = _index(ms)
    ms.extend(_unknown(sdoc, tokmap))
    tokmap = _index(ms)
    ms.extend(_sector_groups(sdoc, tokmap, lex))
    tokmap = _index(ms)
    ms.extend(_based_groups(sdoc, tokmap, lex))
    _placed_peoples(sdoc, ms, tokmap)
    _armed_anaphora(sdoc, ms)
    # ("the Brexit deal": a policy the tagger took for an organisation or a person)
    filed_from = _dateline_places(sdoc)
    return _group(sdoc, [m for m in ms if not m.absorbed and m.s not in filed_from and not (
        m.code is None and sdoc[m.s:m.e].text.lower() in _NOT_ACTORS)], lex)


def _dateline_places(sdoc: Any) -> set[int]:
    """Tokens of the place in a wire dateline ("HANOI, Vietnam (AP) —"): where the story was
    filed, not an actor in it (the agency in brackets stays, as the outlet)."""
    out: set[int] = set()
    for sent in sdoc.sents:
        if sent.start > 0 and "\n" not in sdoc[sent.start - 1].whitespace_ + \
                sdoc[sent.start - 1].text:
            continue
        if dateline_length(sent.text + " ") < len(sent.text):
            continue
        for t in sent:
            if t.text in ("(", "-", "--", "\u2013", "\u2014"):
                break
            out.add(t.i)
    return out


# sector nouns (REB) that, bare and definite, point back to an armed group
_FIGHTER_NOUNS = {"guerrillas", "rebels", "militants", "insurgents", "fighters", "militia",
                  "militias", "militiamen"}


_DIRECTIONS = {"North", "South", "East", "West"}
# a state's "adversaries" or "enemies" are others: the state's name there is no actor
_ENEMY_NOUNS = {"adversary", "enemy", "foe", "nemesis", "archenemy", "arch-enemy"}
# a "bomber" these verbs act on, or these words describe, is an aircraft
_DOWNED = {"shoot", "down", "intercept", "scramble", "fly", "escort", "deploy", "station"}
_AIRCRAFT_WORDS = {"jet", "jets", "aircraft", "plane", "planes", "strategic", "stealth",
                   "long-range", "b-52", "b-1", "b-2", "tu-95", "su-24", "su-34", "pilot"}
# titles before a surname ("Mr. Putin", "Prime Minister Bennett"): not a first name
TITLE_WORDS = {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "president",
               "premier", "prime", "minister", "chancellor", "senator", "governor", "general",
               "king", "queen", "prince", "sheikh", "ayatollah", "secretary", "ambassador",
               "speaker", "leader", "chairman", "director", "judge", "justice", "pm"}
# policies and programmes the tagger takes for organisations
_NOT_ACTORS = {"brexit", "grexit", "frexit", "obamacare", "trumpcare", "medicare", "medicaid",
               "covid", "covid-19", "coronavirus"}
# what a list of cities calls its members
_CITY_WORDS = {"city", "town", "capital", "village", "metropolis"}
# last words of a law's or a bill's name ("the Taiwan Relations Act")
_LAW_TITLES = {"Act", "Bill", "Law", "Amendment", "Statute"}
# agreements and processes named after the city where they were made
_NAMED_ACCORDS = {"agreement", "agreements", "accord", "accords", "treaty", "protocol",
                  "convention", "conventions", "process", "declaration", "format", "principles"}
# people a base places but does not make a state's ("a US-based preacher")
_BASED_PEOPLE = {"preacher", "cleric", "scholar", "academic", "blogger", "analyst", "expert",
                 "researcher", "dissident", "exile", "commentator", "businessman", "tycoon",
                 "columnist", "journalist", "writer", "reporter", "activist", "author"}
# roles of private people, whose state does not make them its officials
_PRIVATE_ROLES = {"gunman", "man", "woman", "citizen", "national", "resident", "student",
                  "worker", "businessman", "businesswoman", "tourist", "suspect", "attacker",
                  "shooter", "assailant", "bomber", "victim", "immigrant", "refugee", "migrant",
                  "boy", "girl", "child", "teenager", "father", "mother", "son", "daughter",
                  "wife", "husband", "hostage", "prisoner", "detainee", "defendant", "driver",
                  "survivor", "patient", "priest", "nun", "bishop", "lawyer", "attorney",
                  "doctor", "nurse", "teacher", "writer", "author", "novelist", "artist",
                  "singer", "actor", "actress", "athlete", "player", "farmer", "pilgrim",
                  "entrepreneur", "investor", "billionaire", "banker", "whistleblower", "imam",
                  "oligarch", "magnate", "mogul", "developer",
                  "pastor", "rabbi", "parent", "parents", "relative", "relatives", "widow",
                  "widower", "brother", "sister", "uncle", "aunt", "cousin", "friend", "friends",
                  "neighbor", "neighbour", "grandmother", "grandfather", "fiancee", "fiance",
                  "families", "family", "sons", "daughters", "veteran", "veterans", "voter",
                  "voters", "residents"}
# roles of people sent to another state: "envoy to Ukraine" is no Ukrainian
_ENVOY_ROLES = {"envoy", "ambassador", "emissary", "ambassador-designate", "consul",
                "attache", "attaché", "representative"}
# heads of an apposition that make a name a person's ("X, the UN relief coordinator")
_ROLE_HEADS = {"coordinator", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
               "minister", "secretary", "chief", "head", "director", "commissioner",
               "representative", "adviser", "advisor", "president", "chairman", "chairwoman",
               "leader", "commander", "general", "governor", "rapporteur", "negotiator"}


def _namesake_in_text(sdoc: Any, surname: str, en: Entry, lex: ActorLexicon) -> bool:
    """The text names someone else of this surname ("Barry Bennett", "the Barry Bennetts of
    the world"), so its bare surname is that person, not the listed office holder. Initials
    and first names of the holder's initial ("Michael R. Pompeo" for "Mike Pompeo") are his."""
    own = en.name.split()
    words = {t.text for t in sdoc}
    if own[0] in words:
        return False  # "Naftali Bennett" named too: the bare name may well be his
    for t in sdoc:
        if t.text not in (surname, surname + "s") or t.i == 0:
            continue
        first = sdoc[t.i - 1]
        if first.pos_ == "PROPN" and first.text[:1].isupper() and len(first.text) > 2 and \
                not first.text.endswith(".") and first.text[0] != own[0][0] and \
                first.ent_type_ == "PERSON" and \
                first.lower_.rstrip(".") not in TITLE_WORDS and \
                lex.sectors.get(first.lower_) is None and not any(
                    m[2].kind == "person" and m[1] - m[0] == 2
                    for m in lex.match([first.text, surname], None)):
            return True  # (a listed namesake, "Hillary Clinton" beside "Bill Clinton", is
            # the dictionary's to tell apart)
    return False


def _elided_countries(words: list[str], ms: list[_M], date: str | None,
                      lex: ActorLexicon) -> list[_M]:
    """"North and South Korea", "East and West Germany": the first state's noun is elided."""
    taken = {i for m in ms for i in range(m.s, m.e)}
    out = []
    for m in ms:
        s = m.s
        if m.kind != "country" or m.e - s != 2 or s < 2 or words[s - 1].lower() != "and" \
                or words[s - 2] not in _DIRECTIONS or s - 2 in taken:
            continue
        found = lex.match([words[s - 2], words[s + 1]], date)
        if len(found) == 1 and found[0][:2] == (0, 2) and found[0][2].kind == "country":
            out.append(_from_entry(s - 2, s - 1, found[0][2]))
    return out


def _armed_anaphora(sdoc: Any, ms: list[_M]) -> None:
    """"Israeli jets bombed Hezbollah positions ... after the guerrillas killed two soldiers":
    a bare definite "the guerrillas" is the armed group named last, within two sentences.

    Only when exactly one armed group is in view, so the reading is not a guess.
    """
    groups = sorted((m for m in ms if m.kind == "armed_group" and m.code), key=lambda m: m.s)
    if not groups:
        return
    for m in ms:
        head = sdoc[m.e - 1]
        if m.kind != "group" or m.code or m.e - m.s != 1 or head.lower_ not in _FIGHTER_NOUNS \
                or [c.lower_ for c in head.children if c.dep_ != "punct"] != ["the"]:
            continue
        start = sentence_of(head).start
        for _ in range(2):
            prev = _prev_sent_start(sdoc, sentence_of(sdoc[start]))
            start = prev if prev >= 0 else start
        before = [g for g in groups if start <= g.s < m.s]
        if len({g.code for g in before}) != 1:
            continue
        g = before[-1]
        m.code, m.name, m.kind, m.country, m.sector = g.code, g.name, g.kind, g.country, g.sector


def _is_place(name: str) -> bool:
    return country_of_place(name) is not None


def _index(ms: list[_M]) -> dict[int, _M]:
    out: dict[int, _M] = {}
    for m in ms:
        for i in range(m.s, m.e):
            out[i] = m
    return out


def _titled_name(sdoc: Any, ent: Any, tokmap: dict[int, _M], lex: ActorLexicon) -> bool:
    """A name the tagger took for a place or a body, that an apposition gives a role.

    "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded ...": "Oshima"
    is tagged a place (a town of that name exists), and the apposition makes it a person.
    """
    if ent.label_ not in ("GPE", "ORG", "NORP") or any(i in tokmap for i in range(
            ent.start, ent.end)) or sdoc[ent.start].pos_ != "PROPN":
        return False
    root = ent.root
    app = next((c for c in root.children if c.dep_ == "appos" and c.i >= ent.end), None)
    if app is None or app.pos_ not in ("NOUN", "PROPN") or sdoc[app.left_edge.i - 1].text != ",":
        return False
    words = [c.text for c in app.lefts if c.dep_ in ("compound", "amod")] + [app.text]
    return lex.sector_of(words) is not None or lex.sectors.get(app.lower_) is not None or \
        app.lower_ in _ROLE_HEADS


def _people(sdoc: Any, ms: list[_M], tokmap: dict[int, _M], lex: ActorLexicon) -> list[_M]:
    """Named people, coded through the role the article gives them."""
    out: list[_M] = []
    pid = 0
    for ent in sdoc.ents:
        if ent.label_ != "PERSON" and not _titled_name(sdoc, ent, tokmap, lex):
            continue
        inside = [tokmap[i] for i in range(ent.start, ent.end) if i in tokmap]
        if any(m.kind not in ("person", "country") for m in inside):
            continue  # an institution the NER took for a person
        end = ent.end - (1 if ent.end - ent.start > 1 and sdoc[ent.end - 1].tag_ == "POS" else 0)
        if inside and len(inside) >= end - ent.start and all(m.kind == "country" for m in inside):
            continue  # "Sri Lanka", "Benin" tagged as a person
        curated = next((m for m in inside if m.kind == "person"), None)
        root = ent.root
        region: list[Any] = []
        title_start = ent.start
        # Title before the name: "US Defense Secretary Lloyd Austin", "Israel's spy chief".
        # (a name tagged as a place keeps its given names outside: "Kenzo Oshima")
        k = ent.start - 1 if ent.label_ == "PERSON" else -1
        while k >= 0:
            t = sdoc[k]
            if (t.dep_ in ("compound", "poss", "amod", "case", "nmod") and root in t.ancestors
                    and t.pos_ in ("PROPN", "NOUN", "ADJ", "PART")) or (
                    t.text == "-" and k > 0 and sdoc[k - 1].pos_ in ("PROPN", "NOUN")):
                # ("Arab League Secretary-General Chedli Klibi": the hyphen joins the title)
                region.insert(0, t)
                title_start = k
                k -= 1
            else:
                break
        role_head: Any = None
        host: set[int] = set()
        to = k - 1 if k >= 1 and sdoc[k].dep_ == "det" else k  # ("to the UN Danny Danon")
        if region and to >= 1 and sdoc[to].lower_ == "to" and sdoc[to].dep_ == "prep" and \
                sdoc[to].head.lower_ in _ENVOY_ROLES and sdoc[to].head.i < to:
            # "US ambassador to Ukraine Marie Yovanovitch": the title runs on before "to";
            # the state after it is her host, not hers
            role_head = sdoc[to].head
            host = {t.i for t in region}
            region = [t for t in role_head.subtree if t.i < ent.start and t.dep_ != "det"]
            title_start = role_head.left_edge.i
        elif region:
            role_head = region[-1]
        else:
            app = None
            if root.dep_ == "appos" and root.head.i < ent.start:
                app = root.head
            else:
                # (set off by a comma or a dash; after a colon it is what is said)
                app = next((c for c in root.children if c.dep_ == "appos" and c.i >= ent.end
                            and sdoc[c.left_edge.i - 1].text in (",", "(", "—", "–", "-")),
                           None)
            if app is not None and app.pos_ in ("NOUN", "PROPN") and app.i not in tokmap:
                # the role's own words ("a spokesman for Iran's Foreign Ministry", "the
                # Archbishop of Utrecht"), not where he is or what he says ("Friend Louis
                # Farrakhan In Iran: 'Death to America'")
                aside = {t.i for c in app.children if c.dep_ in ("acl", "relcl") or (
                    c.dep_ == "appos" and sdoc[c.left_edge.i - 1].text in (":", "“", '"')) or (
                    c.dep_ == "prep" and c.lower_ not in ("of", "for", "at", "with", "to"))
                    for t in c.subtree}
                if app.i < ent.start:  # ("the cleric Anwar al-Awlaki, who was killed in a
                    # U.S. strike": what is said of the name is no part of the role)
                    aside |= {t.i for c in root.children
                              if c.dep_ in ("relcl", "acl", "prep", "advcl")
                              for t in c.subtree}
                region = [t for t in app.subtree if not (ent.start <= t.i < ent.end)
                          and t.dep_ != "det" and t.i not in aside]
                role_head = app
        sec = None
        if role_head is not None:
            # ("Communist Party chief": the modifier's own modifier names the party)
            words = [t.text for c in role_head.lefts if c.dep_ in ("compound", "amod")
                     and c.i not in tokmap for t in c.subtree
                     if t.i not in tokmap and (t is c or t.dep_ in ("compound", "amod"))
                     ] + [role_head.text]
            sec = lex.sector_of(words)
            if sec is None:  # "a member of the Syrian parliament": the body's sector
                sec = next((found for p in role_head.children if p.dep_ == "prep" and
                            p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
                            and (found := lex.sector_of(
                                [c.text for c in o.lefts if c.dep_ in ("compound", "amod")
                                 and c.i not in tokmap] + [o.text])) is not None), None)
        if role_head is not None and role_head.lower_ in _ENVOY_ROLES:
            # ("Kurt Volker, the former special envoy to Ukraine": sent there, not its own)
            host |= {t.i for c in role_head.children if c.dep_ == "prep" and
                     c.lower_ in ("to", "in") for t in c.subtree}
        region_ms = []
        seen: set[int] = set()
        for t in region:
            if t.i in host:
                continue
            m = tokmap.get(t.i)
            if m is not None and id(m) not in seen and m.kind != "person":
                seen.add(id(m))
                region_ms.append(m)
        inner_title = lex.sectors.get(sdoc[ent.start].lower_)
        if not region_ms and curated is None and (sec is not None or inner_title is not None) \
                and ent.end + 1 < len(sdoc) and sdoc[ent.end].lower_ == "of":
            # "King Abdullah of Jordan", "President Kabila of Congo": the state follows
            of_m = tokmap.get(ent.end + 1)
            if of_m is not None and of_m.kind == "country":
                region_ms.append(of_m)
                sec = sec or inner_title
                region = region or [sdoc[ent.start]]
        if region and sec is None and (curated is not None or not region_ms):
            region, region_ms = [], []  # no role words: "Iran Bush" is not an Iranian Bush
        base = next((m for m in region_ms if m.sector), None) or \
            (region_ms[0] if region_ms else None)
        role = None
        if region:
            role_toks = [t for t in region if t.i not in tokmap and t.dep_ not in ("case", "punct")
                         and t.pos_ not in ("DET", "ADP")]
            if role_head is not None and role_head.i > ent.end:
                role_toks = [t for t in role_toks if t.i <= role_head.i]
            role = " ".join(t.text for t in role_toks) or None
        country: str | None
        sector: str | None
        if base is not None:
            country = base.country
            # (an office is the state's; "the gunman, Omar Mateen, a U.S. citizen" is not)
            private = role_head is not None and role_head.lower_ in _PRIVATE_ROLES
            # ("American John Walker Lindh": a national named with no office is a private
            # person, unless the list of office holders knows him)
            held = curated.sector if curated is not None and curated.country == country \
                else None
            sector = base.sector or (sec.sector if sec else None) or held or (
                "CVL" if private or (role is None and curated is None) else "GOV")
            code: str | None = (country + sector) if country else base.code
        elif curated is not None:
            country, sector, code = curated.country, curated.sector, curated.code
            role = role or curated.role
        else:
            country = sector = code = None
        name = curated.name if curated is not None else ent.text
        s = title_start if (region and region[0].i < ent.start) else ent.start
        if region and role_head is not None and role_head.i < ent.start \
                and all(t.i < ent.start for t in region):
            s = min(t.i for t in region)  # "Israel's spy chief David Barnea": one mention
        pid += 1
        m = _M(s, ent.end, code, name, "person", country, sector, role, pid=pid)
        out.append(m)
        for t in range(s, ent.end):
            if t in tokmap:
                tokmap[t].absorbed = True
    return out


def _sectors(sdoc: Any, ms: list[_M], tokmap: dict[int, _M], lex: ActorLexicon) -> None:
    """Country + sector noun: "Iranian troops", "Iran's Foreign Ministry", "forces of Iran"."""
    for m in list(ms):
        # ("Cairo's security chief": a seat as possessor names its state's official)
        possessive_seat = m.seat and sdoc[m.e - 1].dep_ == "poss"
        root = sdoc[m.s:m.e].root
        if m.seat and root.dep_ in ("compound", "amod", "nmod") and \
                root.head.lemma_.lower() in _PRIVATE_ROLES and root.head.i not in tokmap:
            # "a 26-year-old Berlin man", "a Moscow woman": a resident, not the state
            m.sector, m.code, m.kind, m.seat = "CVL", f"{m.country}CVL", "group", False
            m.role = root.head.text
            m.e = max(m.e, root.head.i + 1)
            for i in range(m.s, m.e):
                tokmap[i] = m
            continue
        if (m.kind != "country" or m.sector) and not possessive_seat:
            continue
        if _led_by(sdoc, m, tokmap, lex):
            continue
        span = sdoc[m.s:m.e]
        h = span.root
        r = h
        while r.dep_ == "conj" and r.head.i in tokmap and tokmap[r.head.i].country is not None:
            r = r.head
        noun = r.head
        via_of = False
        if r.dep_ == "pobj" and r.head.lower_ in ("of", "in", "throughout") and \
                r.head.head.pos_ in ("NOUN", "PROPN"):
            noun = r.head.head
            via_of = True
            if r.head.lower_ != "of":
                # "rebels in the Ivory Coast" names them; "troops in Syria" may be foreign
                sec_in = lex.sector_of([c.text for c in noun.lefts
                                        if c.dep_ in ("compound", "amod")] + [noun.text])
                if sec_in is None or sec_in.sector in ("MIL", "GOV") or any(
                        c.i in tokmap for c in noun.children if c.dep_ != "prep"):
                    continue
        elif r.dep_ not in ("poss", "amod", "compound", "nmod"):
            continue
        inst = tokmap.get(noun.i)
        if inst is not None and inst.kind == "institution" and inst.sector and \
                inst.country != m.country and not via_of and r is h:
            # "Ivory Coast's Supreme Court": the possessor's country, the institution's sector
            m.sector, m.code, m.kind = inst.sector, (m.country or "") + inst.sector, "institution"
            m.role = inst.name
            m.e = max(m.e, inst.e)
            m.s = min(m.s, inst.s)
            ms.remove(inst)
            for i in range(m.s, m.e):
                tokmap[i] = m
            continue
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i in tokmap or noun.ent_type_ == "PERSON":
            continue
        mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i not in tokmap]
        sec = lex.sector_of([c.text for c in mods] + [noun.text])
        if sec is None:
            continue
        if sec.sector == "REB" and noun.lower_ in ("bomber", "bombers") and (
                noun.head.lemma_.lower() in _DOWNED or any(
                    c.lower_ in _AIRCRAFT_WORDS for c in (*mods, *noun.rights))):
            sec = Sector("MIL", False)  # "shot down a Russian bomber": a warplane
        m.sector = sec.sector
        m.code = (m.country or "") + sec.sector
        m.kind = ("person" if noun.tag_ in ("NN", "NNP") else "group") if sec.person \
            else "institution"
        if m.kind == "person":
            m.kind = "group"  # an unnamed office holder: coded, but not a named person
        m.role = " ".join([c.text for c in mods] + [noun.text])
        if via_of and r is h:
            left = min([noun.i] + [c.i for c in mods])
            if all(i not in tokmap or tokmap[i] is m for i in range(left, m.e)):
                m.s = left
        elif not via_of and noun.i >= m.e and all(i not in tokmap
                                                  for i in range(m.e, noun.i + 1)):
            m.e = noun.i + 1
        for i in range(m.s, m.e):
            tokmap[i] = m


def _led_by(sdoc: Any, m: _M, tokmap: dict[int, _M], lex: ActorLexicon) -> bool:
    """"the Saudi-led coalition", "Vietnamese-led forces": the leading state acts.

    ("US-backed forces" are someone else, whom the US supports: left alone.)
    """
    if m.e + 2 > len(sdoc) or sdoc[m.e].text not in ("-", "–") or \
            sdoc[m.e + 1].lower_ != "led":
        return False
    noun = sdoc[m.e + 1].head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i <= m.e + 1 or \
            any(i in tokmap for i in range(m.e, noun.i + 1)):
        return False
    mods = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i > m.e + 1]
    sec = lex.sector_of([c.text for c in mods] + [noun.text])
    m.sector = sec.sector if sec is not None else None
    m.code = (m.country or "") + (m.sector or "")
    m.kind = "group"
    m.role = " ".join(t.text for t in sdoc[m.e + 2:noun.i + 1])
    m.e = noun.i + 1
    for i in range(m.s, m.e):
        tokmap[i] = m
    return True


def _later_mentions(sdoc: Any, ms: list[_M], tokmap: dict[int, _M]) -> list[_M]:
    """Surnames and he/she carried to the person named before."""
    out: list[_M] = []
    persons = sorted((m for m in ms if m.kind == "person" and m.pid is not None),
                     key=lambda m: m.s)
    if not persons:
        return out
    by_surname: dict[str, _M] = {}
    for m in persons:
        by_surname.setdefault(sdoc[m.e - 1].text, m)
    first = persons[0].s
    # "he"/"she" goes to the last person who was a grammatical subject (the centre of
    # attention), not merely the last person named ("... never criticized Netanyahu").
    last_person: _M | None = None
    last_sent = -1
    for t in sdoc[first:]:
        m0 = tokmap.get(t.i)
        if m0 is not None:
            if m0.kind == "person" and t.dep_ in ("nsubj", "nsubjpass"):
                last_person, last_sent = m0, sentence_of(t).start
            continue
        if t.text in by_surname and t.pos_ == "PROPN" and t.i > by_surname[t.text].s:
            p = by_surname[t.text]
            new = _M(t.i, t.i + 1, p.code, p.name, "person", p.country, p.sector, p.role,
                     pid=p.pid)
            out.append(new)
            if t.dep_ in ("nsubj", "nsubjpass"):
                last_person, last_sent = p, sentence_of(t).start
        elif t.lower_ in _PRONOUNS and last_person is not None and t.dep_ in ("nsubj",
                                                                               "nsubjpass"):
            sents_back = sentence_of(t).start - last_sent
            if sents_back == 0 or _prev_sent_start(sdoc, sentence_of(t)) == last_sent:
                p = last_person
                out.append(_M(t.i, t.i + 1, p.code, p.name, "person", p.country, p.sector,
                              p.role, pid=p.pid))
    return out


def _prev_sent_start(sdoc: Any, sent: Any) -> int:
    if sent.start == 0:
        return -2
    return int(sentence_of(sdoc[sent.start - 1]).start)


def _listed_city(tok: Any) -> bool:
    """``tok`` is one of a list of places that the list itself calls cities or towns."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members, stack = [first], [first]
    while stack:
        for c in stack.pop().children:
            if c.dep_ == "conj":
                members.append(c)
                stack.append(c)
    return len(members) >= 3 and (
        any(m.lemma_.lower() in _CITY_WORDS for m in members) or
        first.head.lemma_.lower() in _CITY_WORDS or (
            first.head.dep_ == "prep" and first.head.head.lemma_.lower() in _CITY_WORDS))


def _person_after(sdoc: Any, i: int) -> bool:
    """A private person's noun starts at ``i`` or right after its modifiers."""
    for t in sdoc[i:i + 4]:
        if t.lemma_.lower() in _PRIVATE_ROLES or t.lower_ in _PRIVATE_ROLES:
            return True
        if t.pos_ not in ("NOUN", "ADJ", "PROPN") or t.dep_ not in ("compound", "amod"):
            return False
    return False


def _described(tok: Any) -> Any:
    """The noun an adjective describes, through a coordination ("English and French teacher")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.head if tok.dep_ in ("amod", "compound") else tok


def _entity_of(sdoc: Any, i: int) -> Any:
    """The named entity holding token ``i``."""
    start = i
    while start > 0 and sdoc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(sdoc) and sdoc[end].ent_iob_ == "I":
        end += 1
    return sdoc[start:end]


def _names_accord(sdoc: Any, s: int, e: int) -> bool:
    """Tokens ``s:e`` name a city's agreement ("the Paris climate agreement")."""
    return any(
        t.lower_ in _NAMED_ACCORDS for t in sdoc[e:e + 3]) and all(
        sdoc[i].dep_ in ("compound", "amod", "nmod") for i in range(s, e))


def _unknown(sdoc: Any, tokmap: dict[int, _M]) -> list[_M]:
    """Named actors the dictionaries do not know: kept with ``code=None``."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in UNKNOWN_LABELS:
            continue
        if any(i in tokmap for i in range(ent.start, ent.end)):
            continue
        if ent.label_ == "NORP" and ent.end < len(sdoc) and sdoc[ent.end].lower_ in LANGUAGE_NOUNS:
            continue  # "the Russian language": a tongue, not a people
        if _names_accord(sdoc, ent.start, ent.end) or ent[-1].text in _LAW_TITLES:
            continue  # "the Minsk agreements", "the Patriot Act": a treaty's, a law's name
        if ent.label_ == "NORP" and ent.end + 1 < len(sdoc) and sdoc[ent.end].text == "-" and (
                sdoc[ent.end + 1].text in ("American", "Americans") or (
                    ent.end + 1 in tokmap and tokmap[ent.end + 1].country is not None and
                    _person_after(sdoc, ent.end + 2))):
            continue  # "Syrian-American", "Lebanese-Nigerian developer": coded by the last
        if ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound") and \
                ent.root.head.lemma_.lower() in ("colony", "protectorate", "dominion"):
            continue  # "the former British colony": the place, not its old ruler
        if ent.label_ in ("NORP", "GPE") and ent.root.head.lemma_.lower() in _ENEMY_NOUNS and \
                ent.root.dep_ in ("amod", "compound", "poss"):
            continue  # "American adversaries": the foes, not the Americans
        kind = "person" if ent.label_ == "PERSON" else "unknown"
        out.append(_M(ent.start, ent.end, None, ent.text, kind, None, None))
    return out


_GROUP_SECTORS = PEOPLE_SECTORS | {"MIL", "COP"}
_GROUP_SKIP = {"people", "citizens", "residents", "state", "company", "companies", "union",
               "media", "newspaper", "television", "aircraft", "jets", "drones",
               # (private people count only with a state named: "Iranian women")
               "man", "woman", "men", "women", "boy", "girl", "boys", "girls", "child",
               "children", "teenager", "teenagers", "mother", "father", "tourist", "tourists",
               "survivor", "survivors"}


def _sector_groups(sdoc: Any, tokmap: dict[int, _M], lex: ActorLexicon) -> list[_M]:
    """Unnamed groups that act ("rebels attacked", "protesters rioted"): sector, no code."""
    out = []
    for t in sdoc:
        if t.pos_ != "NOUN" or t.i in tokmap or t.lower_ in _GROUP_SKIP:
            continue
        mods = [c for c in t.lefts if c.dep_ in ("compound", "amod")]
        named = {id(tokmap[c.i]): tokmap[c.i] for c in mods if c.i in tokmap}
        if any(m.code is not None or m.s < t.left_edge.i or not (
                m.kind == "unknown" or (m.kind == "person" and m.e - m.s == 1))
               for m in named.values()):
            continue  # ("Tamil" is tagged a person)
        sec = lex.sector_of([c.text for c in mods] + [t.text])
        if named and any(c.lower_ == "ethnic" for c in mods) and (sec is None or
                                                       sec.sector not in _GROUP_SECTORS):
            sec = Sector("CVL", True)  # "ethnic Albanian leaders": a people, not a state
        if sec is None or not (sec.sector in _GROUP_SECTORS or t.lower_ == "authorities"):
            continue  # ("Authorities imposed a curfew": the state, its country from the place)
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj") and not (
                t.dep_ == "pobj" and (t.head.lower_ == "by" or named or
                                      sec.sector in PEOPLE_SECTORS)) and not (
                t.dep_ == "pobj" and t.head.lower_ == "of" and  # "thousands of protesters"
                t.head.head.dep_ in ("nsubj", "nsubjpass", "dobj")) and not (
                # "Several hundred students protested ...": a sentence parsed as a noun phrase
                t.dep_ == "ROOT" and any(c.dep_ == "acl" and c.pos_ == "VERB" and
                                         c.tag_ in ("VBD", "VBN") for c in t.children)):
            continue  # ("weapons against civilians", "calls from the opposition" are parties)
        for m in named.values():  # "Shona rebels": a group the dictionaries do not know
            m.absorbed = True
        s = min([t.i] + [c.i for c in mods])
        out.append(_M(s, t.i + 1, None, sdoc[s:t.i + 1].text, "group", None, sec.sector))
    return out


_PLACED_BODIES = {"authorities", "government", "officials", "police", "courts", "court",
                  "prosecutors", "judges", "ministries"}


def _based_groups(sdoc: Any, tokmap: dict[int, _M], lex: ActorLexicon) -> list[_M]:
    """Bodies placed by their base: "a terror group based in Trinidad", "a Pakistan-based group".

    The base gives the country (TTO, PAK); the noun, where the sector table knows it, the
    sector ("newspaper" MED). The base's own mention stays as it is.
    """
    from .places import country_of_place

    out: list[_M] = []
    for t in sdoc:
        known = tokmap.get(t.i)
        if t.pos_ != "NOUN" or (known is not None and (
                known.kind != "group" or known.country is not None)):
            continue  # (an unplaced group, "based militant group", gets its base below)
        bases = [p for b in t.children if b.lower_ == "based" and b.dep_ in ("acl", "amod")
                 for p in (*(g for g in b.children if g.dep_ == "prep" and g.lower_ == "in"),)
                 ] + [b for b in t.children if b.lower_ == "based" and b.dep_ == "amod"]
        if t.lower_ in _PLACED_BODIES and known is not None:
            # "authorities in Croatia cracked down": the state's own bodies, placed by it
            # (not "troops in Iraq": forces abroad keep their unknown state)
            bases += [g for g in t.children if g.dep_ == "prep" and g.lower_ == "in"]
        country = None
        for b in bases:
            heads = [g for g in b.children if g.dep_ in ("pobj", "npadvmod", "compound")]
            for h in heads:
                m = tokmap.get(h.i)
                if m is not None and m.country:
                    country = m.country
                elif h.ent_type_ in ("GPE", "LOC"):
                    country = country_of_place(h.text, min_population=100_000)
                if country:
                    break
            if country:
                break
        if country is None:
            continue
        if any(c.dep_ in ("amod", "compound") and c.i in tokmap and tokmap[c.i].country
               and c.lower_ != "based" for c in t.lefts):
            continue  # "a Virginia-based Saudi columnist": a Saudi who lives in the US
        if known is not None:
            known.country = country
            known.code = country + known.sector if known.sector else country
            continue
        mods = [c for c in t.lefts if c.dep_ in ("compound", "amod") and c.lower_ != "based"
                and c.i not in tokmap]
        sec = lex.sector_of([c.text for c in mods] + [t.text])
        sector = sec.sector if sec is not None else None
        if sector is None and (t.lemma_.lower() in _PRIVATE_ROLES | _BASED_PEOPLE):
            continue  # "the US-based preacher" Gulen lives there; he is not the state
        if sector == "MIL" or any(c.lower_ in ("forces", "force", "troops", "military")
                                  for c in mods):
            continue  # "a special forces team, based in Tripoli": forces abroad, not Libya's
        start = min([t.i] + [c.i for c in mods])
        out.append(_M(start, t.i + 1, country + sector if sector else country,
                      sdoc[start:t.i + 1].text, "group", country, sector))
    return out


def _placed_peoples(sdoc: Any, ms: list[_M], tokmap: dict[int, _M]) -> None:
    """A people placed in a state is that state's minority, coded by the state (PLOVER).

    "Ethnic Albanians in south Serbia", "the Albanians of southern Serbia", "Kurds in
    Turkey": SRB and TUR civilians. Not "Americans in Iraq": a state's own people abroad
    are placed only by "of" or when marked "ethnic". Refugees are placed by where they
    come from ("refugees fleeing the war in Liberia": LBR refugees).
    """
    for m in ms:
        head = sdoc[m.e - 1]
        if m.kind == "group" and m.code is None and m.sector in ("REF", "CVL"):
            # "refugees from Syria", "refugees fleeing the civil war in Liberia"
            origin = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "from"
                      for o in p.children if o.dep_ == "pobj"] + [
                t for a in head.children if a.dep_ == "acl" and a.lemma_.lower() in (
                    "flee", "escape") for t in a.subtree]
            state = next((tokmap[t.i] for t in origin if t.i in tokmap
                          and tokmap[t.i].kind == "country" and tokmap[t.i].country), None)
            if state is not None:
                m.country, m.code = state.country, (state.country or "") + (m.sector or "")
            continue
        if m.kind == "group" and m.code is None and m.sector == "MIL" and any(
                c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and (
                    c.i not in tokmap or tokmap[c.i] is m)
                for c in head.children):
            # "Moslem forces in east Bosnia": a faith's or a people's forces are local
            # (unmarked "forces in Iraq" may be foreign and keep their unknown state)
            state = next((tokmap[o.i] for p in head.children if p.dep_ == "prep" and
                          p.lower_ == "in" for o in p.children if o.dep_ == "pobj" and
                          o.i in tokmap and tokmap[o.i].kind == "country"), None)
            if state is not None and state.country:
                m.country, m.code = state.country, state.country + "MIL"
            continue
        if m.kind not in ("country", "unknown") or head.tag_ not in ("NNPS", "NNS") or \
                head.ent_type_ != "NORP":
            continue
        ethnic = any(c.lower_ == "ethnic" for c in head.children if c.dep_ == "amod")
        for p in head.children:
            if p.dep_ != "prep" or p.lower_ not in ("in", "of"):
                continue
            if m.country is not None and not ethnic and p.lower_ != "of":
                continue
            state = next((tokmap[o.i] for o in p.children if o.dep_ == "pobj" and o.i in tokmap
                          and tokmap[o.i].kind == "country" and tokmap[o.i].country), None)
            if state is not None and state.country != m.country:
                m.country, m.sector, m.kind = state.country, "CVL", "group"
                m.code = (state.country or "") + "CVL"
                break


def _group(sdoc: Any, ms: list[_M], lex: ActorLexicon) -> list[Actor]:
    actors: dict[tuple[Any, ...], Actor] = {}
    # a curated name matched on its own ("Khatibzadeh") is the person introduced with a role
    pids = {m.name: m.pid for m in ms if m.kind == "person" and m.pid is not None}
    for m in sorted(ms, key=lambda m: m.s):
        if m.kind == "person":
            pid = m.pid if m.pid is not None else pids.get(m.name)
            key: tuple[Any, ...] = ("p", pid if pid is not None else m.name)
        elif m.code is None:
            key = ("u", m.name)
        elif m.kind == "group" and m.sector is None:
            key = ("g", m.code, m.name)  # "a terror group based in Trinidad" is not Trinidad
        else:
            key = ("c", m.code)
        a = actors.get(key)
        if a is None:
            name = m.name
            if m.kind != "person" and m.sector and m.country and m.kind not in ("armed_group",):
                base = lex.country_names.get(m.country, m.country)
                name = f"{base} {SECTOR_NAMES.get(m.sector, m.sector)}"
            a = actors[key] = Actor(code=m.code, name=name, kind=m.kind, country=m.country,
                                    sector=m.sector, role=m.role)
        span = sdoc[m.s:m.e]
        a.mentions.append(Span(span.start_char, span.end_char, span.text))
    return list(actors.values())


def actor_token_index(doc: Document) -> dict[int, tuple[Actor, Span]]:
    """Map each spaCy token index to the actor mention covering it (for the events stage)."""
    out: dict[int, tuple[Actor, Span]] = {}
    sdoc = doc.spacy_doc
    if sdoc is None:
        return out
    for a in doc.actors:
        for sp in a.mentions:
            cs = sdoc.char_span(sp.start, sp.end, alignment_mode="expand")
            if cs is None:
                continue
            for t in cs:
                out[t.i] = (a, sp)
    return out


@register("actors")
def make_actor_stage(settings: Settings) -> ActorStage:
    return ActorStage(settings)
