"""Who a source is: its kind (named person, anonymous, outlet, organisation, document),
its role, its actor code, and the person a pronoun stands for."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..document import Actor, Document, Source
from .lexicon import (
    ANONYMOUS_HEADS,
    ANONYMOUS_MARKERS,
    DOCUMENT_HEADS,
    MEDIA_HEADS,
    MEDIA_OUTLETS,
    ORG_HEADS,
    ROLE_WORDS,
)


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


PERSON_PRONOUNS = _words("""
he she him her his hers
""")
GROUP_PRONOUNS = _words("""
they them their we us our
""")
RELATIVE_PRONOUNS = _words("""
who which that whom
""")


Resolver = Callable[..., Any]


def _actor_resolver() -> Resolver | None:
    """``allegiance.actors.resolve_actor_text`` when the actors stage provides it."""
    try:
        from ..actors import resolve_actor_text  # type: ignore[attr-defined]
    except ImportError:
        try:
            from ..actors.lexicon import resolve_actor_text  # type: ignore[import-not-found,no-redef]
        except ImportError:
            return None
    return resolve_actor_text  # type: ignore[no-any-return]


_OUTLET_RE = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in MEDIA_OUTLETS) + r")\b")


class SourceResolver:
    """Turns a source span into a :class:`Source` for one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.sdoc = doc.spacy_doc
        self.resolve_text = _actor_resolver()
        self.last: Source | None = None
        self.persons: list[tuple[int, int, str]] = [
            (e["start"], e["end"], e["text"]) for e in doc.entities if e["label"] == "PERSON"]

    # -- codes ---------------------------------------------------------------------------
    def actor_at(self, start: int, end: int) -> Actor | None:
        for actor in self.doc.actors:
            for m in actor.mentions:
                if m.start < end and start < m.end:
                    return actor
        return None

    def code_for(self, text: str, start: int, end: int) -> str | None:
        if self.resolve_text is not None:
            try:
                try:
                    found = self.resolve_text(text, self.doc.published)
                except TypeError:
                    found = self.resolve_text(text)
            except Exception:  # the other stage's bug must not lose the claim
                found = None
            code = found[0] if isinstance(found, tuple) and found else getattr(
                found, "code", None)
            if code:
                return str(code)
        actor = self.actor_at(start, end)
        return actor.code if actor is not None else None

    # -- pronouns ------------------------------------------------------------------------
    def antecedent(self, start: int, text: str) -> tuple[int, int, str] | None:
        """The person a pronoun at ``start`` most likely means: the last person named before."""
        low = text.lower()
        if low not in PERSON_PRONOUNS:
            return None
        before = [p for p in self.persons if p[1] <= start]
        if not before:
            return None
        last = before[-1]
        # prefer the fullest form of that name seen so far ("Khamenei" -> "Ali Khamenei")
        surname = last[2].split()[-1]
        for p in before:
            if p[2].split()[-1] == surname and len(p[2]) > len(last[2]):
                return p
        return last

    # -- kind and role -------------------------------------------------------------------
    def kind(self, text: str, start: int, end: int, head: str | None = None) -> str:
        low = text.lower()
        words = re.findall(r"[a-z]+", low)
        head = head.lower() if head else (words[-1] if words else "")
        if _OUTLET_RE.search(low) or head in MEDIA_HEADS:
            return "media_outlet"
        has_person = any(p[0] < end and start < p[1] for p in self.persons)
        # "US officials, speaking on condition of anonymity, said": the formula may follow
        # the source span rather than be part of it.
        after = self.doc.text[end:end + 80].lower()
        after = after[:min((after.find(c) for c in ".;" if c in after), default=len(after))]
        if any(m in low or m in after for m in ANONYMOUS_MARKERS):
            return "anonymous"
        if has_person:
            return "named_person"
        if head in ANONYMOUS_HEADS and head.endswith("s") and head != "members":
            return "anonymous"  # unnamed plural: "US officials", "Western diplomats"
        if head in DOCUMENT_HEADS:
            return "document"
        first = words[0] if words else ""
        if head in ANONYMOUS_HEADS and (first in ("a", "an", "one", "two", "three", "some",
                                                  "several", "many", "senior", "other",
                                                  "another", "the") or head == low):
            has_name = any(e["start"] < end and start < e["end"] and e["label"] in (
                "ORG", "GPE", "NORP") for e in self.doc.entities)
            if has_name and (first not in ("a", "an", "one", "some", "several", "many")
                             or head in ("spokesman", "spokeswoman", "spokesperson")):
                return "organization"  # on the record for a named body
            return "anonymous"
        if head in ORG_HEADS:
            return "organization"
        for e in self.doc.entities:
            if e["start"] < end and start < e["end"] and e["label"] in (
                    "ORG", "GPE", "NORP", "FAC"):
                return "organization"
        if text[:1].isupper() and len(words) <= 4 and head not in ANONYMOUS_HEADS:
            return "named_person"
        return "anonymous"

    def role(self, text: str, start: int, end: int) -> str | None:
        """'Defense Secretary' of 'Defense Secretary Lloyd Austin' or an appositive.

        Looks at this mention first, then at the first mention of the same surname, where
        news style gives the title ("Foreign Minister Sergei Lavrov ... Lavrov said").
        """
        person = next((p for p in self.persons if p[0] < end and start < p[1]), None)
        if person is None:
            return None
        before = self.doc.text[start:person[0]].strip(" ,")
        before = re.sub(r"^(?:the|a|an)\s+", "", before, flags=re.I)
        if before and any(w.lower().strip(".") in ROLE_WORDS for w in before.split()):
            return before
        after = self.doc.text[person[1]:end].strip(" ,")
        after = re.sub(r"^(?:the|a|an)\s+", "", after, flags=re.I)
        if after:
            return after
        surname = person[2].split()[-1]
        for p in self.persons:
            if p[2].split()[-1] != surname:
                continue
            words = self.doc.text[max(0, p[0] - 60):p[0]].split()
            title: list[str] = []
            for w in reversed(words):
                if not w[:1].isupper() or w.endswith((".", ",")) and w.lower() not in (
                        "gen.", "sen.", "rep.", "gov.", "col.", "lt.", "adm.", "capt."):
                    break
                title.insert(0, w)
            if any(w.lower().strip(".") in ROLE_WORDS for w in title):
                return " ".join(title)
        return None

    def make(self, start: int, end: int, head: str | None = None) -> Source:
        """The source at [start, end); call in text order so "they" finds who spoke last."""
        src = self._make(start, end, head)
        if src.kind != "named_person" and src.text.lower() not in GROUP_PRONOUNS:
            self.last = src
        return src

    def _make(self, start: int, end: int, head: str | None = None) -> Source:
        text = self.doc.text[start:end]
        ante = self.antecedent(start, text)
        if ante is not None:
            a, b, name = ante
            return Source(text=name, code=self.code_for(name, a, b), kind="named_person",
                          start=a, end=b, role=self.role(name, a, b))
        if text.lower() in GROUP_PRONOUNS and self.last is not None:
            # "they said": the last group or organisation that spoke
            return self.last
        if text.lower() in RELATIVE_PRONOUNS | PERSON_PRONOUNS and self.sdoc is not None:
            # "the ministry, which said": the noun the relative clause hangs on
            span = self.sdoc.char_span(start, end)
            if span is not None and span.root.head.dep_ == "relcl":
                noun = span.root.head.head
                a, b = noun.left_edge.idx, noun.idx + len(noun.text)
                if b > a and a != start:
                    return self._make(a, b, noun.text)
        kind = self.kind(text, start, end, head)
        code = self.code_for(text, start, end)
        role = self.role(text, start, end) if kind == "named_person" else None
        return Source(text=text, code=code, kind=kind, start=start, end=end, role=role)
