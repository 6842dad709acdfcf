"""Actor dictionaries: countries, institutions, IGOs, armed groups, sector nouns and people.

The data is the project's own CSV files in ``actors/data`` (see its README), plus country
names from ``pycountry``. Users add their own rows with a CSV named by the environment
variable ``ALLEGIANCE_ACTORS_EXTRA`` (same columns as ``organizations.csv``; several files
separated by ``os.pathsep``). Everything is compiled once per process into a token trie.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
EXTRA_ENV = "ALLEGIANCE_ACTORS_EXTRA"

# Tokens that never start or end an actor name on their own ("the" in "the Pentagon" is kept
# as part of a phrase, but a lone article is not an actor).
_SKIP_SINGLE = {"the", "a", "an", "of", "and"}
GENERIC_HEADS = {"leader", "leaders", "official", "officials", "spokesman", "spokeswoman",
                 "spokesperson", "chief", "head", "commander", "commanders", "member",
                 "members", "forces", "group", "groups", "movement", "party", "parties",
                 "supporters", "activists", "elements"}


@dataclass(frozen=True)
class Entry:
    """One dictionary entry: a name form and the actor it stands for."""

    code: str
    name: str  # canonical name
    kind: str  # country | institution | igo | ngo | armed_group | group | person | seat
    country: str | None
    sector: str | None
    form: tuple[str, ...]  # the name form as tokens, original case
    role: str | None = None
    start: str | None = None  # validity (people): ISO dates, open when None
    end: str | None = None

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return True
        if self.start and date < self.start:
            return False
        return not (self.end and date >= self.end)


def _out_of_office(e: Entry) -> Entry:
    """A dated office holder named outside the office: the state's elite (ELI)."""
    if not e.country:
        return e  # an organisation's officer ("IGOUNO") keeps the organisation's code
    return dataclasses.replace(e, code=e.country + "ELI", sector="ELI", role=None)


# Sectors of a state's own people rather than its arms: rebels, opposition, civilians, labour,
# refugees, journalists, students. An act on them by their own state is a domestic act.
PEOPLE_SECTORS = frozenset({"REB", "OPP", "CVL", "LAB", "REF", "JRN", "EDU"})


@dataclass(frozen=True)
class Sector:
    sector: str
    person: bool


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if any((v or "").strip() for v in row.values())]


def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


class ActorLexicon:
    """All actor name forms, compiled into a trie over lower-cased tokens."""

    def __init__(self, extra: Sequence[Path] = ()):
        self._tok = _tokenizer()
        self.trie: dict[str, Any] = {}
        self.country_names: dict[str, str] = {}
        self.sectors: dict[str, Sector] = {}
        self._load_countries()
        self._load_orgs(DATA / "organizations.csv")
        for path in extra:
            self._load_orgs(path)
        self._load_people(DATA / "people.csv")
        for row in _read_csv(DATA / "sectors.csv"):
            self.sectors[row["word"].lower()] = Sector(row["sector"], row["person"] == "1")

    # -- loading ------------------------------------------------------------------------
    def tokens(self, text: str) -> tuple[str, ...]:
        return tuple(t.text for t in self._tok(text))

    def _add(self, form: str, **kw: Any) -> None:
        toks = self.tokens(form)
        if not toks or (len(toks) == 1 and toks[0].lower() in _SKIP_SINGLE):
            return
        node = self.trie
        for t in toks:
            node = node.setdefault(t.lower(), {})
        node.setdefault("\0", []).append(Entry(form=toks, **kw))

    def _load_countries(self) -> None:
        import pycountry

        rows = {r["iso3"]: r for r in _read_csv(DATA / "countries.csv")}
        for c in pycountry.countries:
            iso3 = c.alpha_3
            row = rows.get(iso3)
            names = _split(row["names"]) if row else []
            canonical = names[0] if names else getattr(c, "common_name", c.name)
            self.country_names[iso3] = canonical
            forms = set(names) | {c.name}
            for attr in ("common_name", "official_name"):
                if getattr(c, attr, None):
                    forms.add(getattr(c, attr))
            for f in forms:
                self._add(f, code=iso3, name=canonical, kind="country", country=iso3, sector=None)
        for iso3, row in rows.items():  # codes pycountry lacks (Kosovo)
            if iso3 not in self.country_names:
                names = _split(row["names"])
                self.country_names[iso3] = names[0]
                for f in names:
                    self._add(f, code=iso3, name=names[0], kind="country", country=iso3,
                              sector=None)
        for iso3, row in rows.items():
            name = self.country_names[iso3]
            for f in _split(row["adjectives"]):
                self._add(f, code=iso3, name=name, kind="country", country=iso3, sector=None)
            for f in _split(row["seats"]):
                self._add(f, code=iso3 + "GOV", name=f, kind="seat", country=iso3, sector="GOV")

    def _load_orgs(self, path: Path) -> None:
        for row in _read_csv(path):
            names = _split(row["names"])
            if not names:
                continue
            for f in names:
                self._add(f, code=row["code"], name=names[0], kind=row["kind"] or "institution",
                          country=row.get("country") or None, sector=row.get("sector") or None)

    def _load_people(self, path: Path) -> None:
        for row in _read_csv(path):
            org = row["country"]
            if len(org) == 3:
                code, country = org + row["sector"], org
            else:
                code, country = org, None
            for f in [row["name"], *_split(row["aliases"])]:
                self._add(f, code=code, name=row["name"], kind="person", country=country,
                          sector=row["sector"] or None, role=row["role"] or None,
                          start=row["start"] or None, end=row["end"] or None)

    # -- matching -----------------------------------------------------------------------
    def match(self, words: Sequence[str], date: str | None = None,
              allowed: Iterable[int] | None = None) -> list[tuple[int, int, Entry]]:
        """Longest, left-to-right, non-overlapping matches of ``words`` (token texts)."""
        out: list[tuple[int, int, Entry]] = []
        n = len(words)
        # (typographic apostrophes: "People’s Liberation Army" is the dictionary's name)
        words = [w.replace("\u2019", "'") for w in words]
        lower = [w.lower() for w in words]
        i = 0
        while i < n:
            node = self.trie
            best: tuple[int, Entry] | None = None
            j = i
            while j < n and lower[j] in node:
                node = node[lower[j]]
                j += 1
                cands = [e for e in node.get("\0", ()) if _case_ok(e.form, words[i:j])]
                valid = [e for e in cands if e.valid_on(date)]
                if not valid and cands and all(e.kind == "person" for e in cands):
                    # A well-known name outside its dated office is still that person, but
                    # not the state's official: a former (or future) office holder is of
                    # the state's elite (ELI), as CAMEO codes them ("Trump" in 2016)
                    valid = [_out_of_office(e) for e in
                             sorted(cands, key=lambda e: e.start or "")[-1:]]
                for e in valid:
                    if best is None or j > best[0] or _better(e, best[1]):
                        best = (j, e)
            if best and lower[i] == "the" and self._longest_end(lower, words, i + 1) > best[0]:
                best = None  # "the West Bank": "West Bank", not "the West" and a bank
            if best:
                out.append((i, best[0], best[1]))
                i = best[0]
            else:
                i += 1
        return out

    def _longest_end(self, lower: Sequence[str], words: Sequence[str], i: int) -> int:
        """End of the longest name starting at ``i`` (``i`` when none does)."""
        node, j, end = self.trie, i, i
        while j < len(lower) and lower[j] in node:
            node = node[lower[j]]
            j += 1
            if any(_case_ok(e.form, words[i:j]) for e in node.get("\0", ())):
                end = j
        return end

    def sector_of(self, words: Sequence[str]) -> Sector | None:
        """Sector for a noun phrase's words, trying the last two words, then the last one."""
        lw = [w.lower() for w in words if w.strip()]
        found = None
        for k in (3, 2, 1):
            if len(lw) >= k:
                found = self.sectors.get(" ".join(lw[-k:]))
                if found:
                    break
        if found is not None and k > 1:
            return found  # "military intelligence officers": the two-word role decides
        if lw and lw[-1] in GENERIC_HEADS:
            # "rebel leaders", "opposition officials": the modifier names the sector.
            for w in lw[:-1]:
                mod = self.sectors.get(w)
                if mod is not None and mod.sector != "GOV":
                    return Sector(mod.sector, found.person if found else True)
        return found


def _better(new: Entry, old: Entry) -> bool:
    # Same length: prefer an entry valid for the date range with the latest start.
    return (new.start or "") > (old.start or "")


def _case_ok(form: Sequence[str], words: Sequence[str]) -> bool:
    """Short all-capital forms (US, UN, IS) match exactly; capitalised forms need capitals."""
    for f, w in zip(form, words, strict=False):
        if f.isupper() and len(f) <= 5:
            if w != f:
                return False
        elif f[:1].isupper() and not w[:1].isupper():
            return False
    return True


def _extra_paths() -> tuple[Path, ...]:
    raw = os.environ.get(EXTRA_ENV, "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p.strip())


@functools.lru_cache(maxsize=4)
def _lexicon(extra: tuple[Path, ...]) -> ActorLexicon:
    return ActorLexicon(extra)


def get_lexicon() -> ActorLexicon:
    """The process-wide lexicon (built once; extra files from ``ALLEGIANCE_ACTORS_EXTRA``)."""
    return _lexicon(_extra_paths())


def resolve_actor_text(text: str, date: str | None = None
                       ) -> tuple[str | None, str | None, str | None, str]:
    """Resolve a free actor string ("a spokesman for Iran's Foreign Ministry") to
    ``(code, country, sector, kind)``; ``(None, None, None, "unknown")`` when unknown.

    Used by other stages (claims) for source strings that are not in ``doc.actors``.
    """
    lex = get_lexicon()
    words = lex.tokens(text)
    matches = lex.match(words, date)
    lw = [w.lower() for w in words]
    # English noun phrases put the head before "of"/"for" ("the head of Iran's army").
    cut = next((k for k, w in enumerate(lw) if w in ("of", "for", "at", "in", "from")), len(lw))
    head_words = [w for w in words[:cut] if w.isalpha() or "-" in w]
    sec = next((s for k in range(len(head_words), 0, -1)
                if (s := lex.sector_of(head_words[:k])) is not None), None)
    if not matches:
        if sec is not None:
            return None, None, sec.sector, "person" if sec.person else "group"
        return None, None, None, "unknown"
    # Prefer a person, then an institution with its own sector, then the first match.
    ents = [m[2] for m in matches]
    person = next((e for e in ents if e.kind == "person"), None)
    if person:
        return person.code, person.country, person.sector, "person"
    inst = next((e for e in ents if e.sector and e.kind != "seat"), None)
    e = inst or ents[0]
    kind = e.kind
    sector = e.sector
    if e.kind in ("country", "seat") and sec is not None:
        sector = sec.sector
        kind = "person" if sec.person else "institution"
    elif e.kind == "seat":
        kind = "institution"
    if e.kind in ("country", "seat") and e.country:
        code = e.country + (sector or "")
        return code, e.country, sector, kind
    if sec is not None and sec.person:
        kind = "person"
    return e.code, e.country, sector, kind
