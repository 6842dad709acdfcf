"""Tie events to the claims that carry them: reported, denied, or hedged.

An event stated inside someone's reported content is the source's claim, not the article's
fact. A denial by the accused turns the related events ``denied``; a hedge in the article's
own voice ("allegedly") makes an event ``reported`` by an anonymous source.
"""

from __future__ import annotations

import re
from typing import Any

from ..document import Attribution, Document, Event
from ..nlp.spacy_stage import sentence_of
from .lexicon import (
    CLAIM_OBJECTS,
    DENIAL_LEMMAS,
    DENIAL_NOUNS,
    HEDGE_PHRASES,
    HEDGES,
    PLAIN_DENIALS,
    RESPONSIBILITY_NOUNS,
    RESPONSIBILITY_VERBS,
)

_HEDGE_RE = re.compile(
    r"\b(?:" + "|".join(HEDGES) + r")\b|" + "|".join(re.escape(p) for p in HEDGE_PHRASES),
    re.I)
_KEEP = ("denied", "negated", "hypothetical", "future")
_BLAMEABLE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE", "AID",
                        "SUPPORT", "COOPERATE", "ACCUSE", "PROTEST"})


def _anchor(ev: Event) -> tuple[int, int]:
    if ev.trigger is not None:
        return ev.trigger.start, ev.trigger.end
    return ev.sentence.start, ev.sentence.end


def _inside(a: int, b: int, parts: list[tuple[int, int]], whole_sentence: bool) -> bool:
    """A trigger must lie in the content; a bare sentence must be mostly content."""
    if not whole_sentence:
        return any(pa <= a and b <= pb for pa, pb in parts)
    covered = sum(max(0, min(b, pb) - max(a, pa)) for pa, pb in parts)
    return covered * 2 >= (b - a) > 0


def _attribution_dict(att: Attribution) -> dict[str, Any]:
    if att.source is None:
        return {"text": None, "code": None, "kind": "anonymous"}
    return {"text": att.source.text, "code": att.source.code, "kind": att.source.kind}


def _key(ev: Event) -> tuple[str, str | None, str | None]:
    return (ev.type, ev.source.code if ev.source else None,
            ev.target.code if ev.target else None)




def _denies_a_claim(tok: Any) -> bool:
    """"rejected the accusation" denies; "rejects Trump's comments about Muslims" does not."""
    if tok.lemma_.lower() in PLAIN_DENIALS:
        return True
    if any(c.dep_ == "ccomp" for c in tok.children):
        return True  # "dismissed that it had ...", "disputed that ..."
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(o.lemma_.lower() in CLAIM_OBJECTS or o.lower_ in CLAIM_OBJECTS for o in objs)


def _denials(doc: Document) -> list[tuple[int, int, str | None, str, int]]:
    """(sentence start, sentence end, denier code, denier text, denial word offset) for each
    denial found."""
    sdoc = doc.spacy_doc
    if sdoc is None:
        return []
    out: list[tuple[int, int, str | None, str, int]] = []
    for tok in sdoc:
        lemma = tok.lemma_.lower()
        is_denial = False
        if tok.pos_ == "VERB" and lemma in DENIAL_LEMMAS:
            is_denial = _denies_a_claim(tok)
        elif tok.pos_ == "VERB" and lemma in RESPONSIBILITY_VERBS:
            negated = any(c.dep_ == "neg" for c in tok.children) or any(
                c.lower_ in ("refused", "declined") for c in [tok.head])
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if negated and any(o.lemma_.lower() in RESPONSIBILITY_NOUNS for o in objs):
                is_denial = True
        elif tok.pos_ == "NOUN" and lemma in DENIAL_NOUNS:
            is_denial = True
        if not is_denial:
            continue
        verb = tok if tok.pos_ == "VERB" else tok.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
        if subj is None and verb.dep_ in ("xcomp", "conj", "advcl"):
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subj is None and tok.pos_ == "NOUN":
            subj = next((c for c in tok.children if c.dep_ == "poss"), None)
        code = None
        text = ""
        if subj is not None:
            a = subj.left_edge.idx
            b = subj.right_edge.idx + len(subj.right_edge.text)
            text = doc.text[a:b]
            for actor in doc.actors:
                if any(m.start < b and a < m.end for m in actor.mentions):
                    code = actor.code
                    break
        out.append((sentence_of(tok).start_char, sentence_of(tok).end_char, code, text, tok.idx))
    return out


def link_events(doc: Document, fragments: list[list[tuple[int, int]]] | None = None,
                cited: dict[int, dict[str, Any]] | None = None) -> None:
    """Set ``attributed_to`` and ``status`` of ``doc.events`` from ``doc.attributions``.

    ``fragments`` gives each attribution's content pieces (a quote broken by "he said");
    without it the content span is used whole. ``cited`` maps an attribution index to the
    party its source cites ("citing two officials"), the innermost source of that claim.
    """
    cited = cited or {}
    if not doc.events:
        return
    parts = fragments if fragments is not None and len(fragments) == len(
        doc.attributions) else [[(att.content.start, att.content.end)]
                                for att in doc.attributions]
    own_voice: set[tuple[str, str | None, str | None]] = set()
    carriers: dict[int, Attribution | None] = {}
    via: dict[int, dict[str, Any] | None] = {}
    for k, ev in enumerate(doc.events):
        a, b = _anchor(ev)
        inner: Attribution | None = None
        inner_k = -1
        size = 0
        for j, (att, pp) in enumerate(zip(doc.attributions, parts, strict=True)):
            if att.kind != "citing" and _inside(a, b, pp, ev.trigger is None):
                s = att.content.end - att.content.start
                if inner is None or s < size:
                    inner, size, inner_k = att, s, j
        carriers[k] = inner
        via[k] = cited.get(inner_k)
        if inner is None and ev.status == "asserted" and not _HEDGE_RE.search(
                doc.text[ev.sentence.start:ev.sentence.end]):
            own_voice.add(_key(ev))
    for k, ev in enumerate(doc.events):
        inner = carriers[k]
        if inner is not None and _refused_offer(doc, ev, inner):
            continue  # "Israel rejected a ceasefire offer by four groups": the offer was made
        if inner is not None:
            ev.attributed_to = via[k] or _attribution_dict(inner)
            if inner.cue is not None and inner.cue.text.lower().startswith(
                    ("den", "reject", "dismiss", "refut", "disput")) and not _described(doc, ev):
                ev.status = "denied"
            elif inner.cue is not None and inner.cue.text.lower().startswith(
                    ("den", "reject", "dismiss", "refut", "disput")):
                # ("denied knowing about the abuses committed by Karadima, who was sentenced
                # by the Vatican": the sentence describes Karadima; it is not what is denied)
                if ev.status not in _KEEP:
                    ev.status = "reported"
            elif ev.status not in _KEEP and _key(ev) not in own_voice and not \
                    doc.text[inner.content.start:inner.content.end].lower().startswith("to ") \
                    and not _background(doc, ev, inner.content.start, inner.content.end):
                # (an infinitive content, "call on Sessions to shut down Mueller's
                # investigation", asks for an act and claims no fact: the events stage
                # has already judged what in it has happened)
                ev.status = "reported"
            continue
        sent = doc.text[ev.sentence.start:ev.sentence.end]
        hedge = _HEDGE_RE.search(sent)
        if hedge and ev.status not in _KEEP:
            ev.status = "reported"
            ev.attributed_to = {"text": hedge.group(0), "code": None, "kind": "anonymous"}
    _apply_denials(doc)


_CONCESSIVE = {"while", "although", "though", "whereas"}


def _token_at(sdoc: Any, char: int) -> Any:
    """The token starting at character ``char`` (None if none does)."""
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and span[0].idx == char else None


_OFFERS = {"offer", "proposal", "call", "demand", "appeal", "request", "plea", "invitation",
           "ultimatum", "bid", "plan", "initiative"}


def _refused_offer(doc: Document, ev: Event, att: Attribution) -> bool:
    """The event is an offer or a demand that the cue turns down: refusing one says nothing
    against its having been made, and the refuser is not its source."""
    sdoc = doc.spacy_doc
    if sdoc is None or ev.trigger is None or att.cue is None or not att.cue.text.lower(
            ).startswith(("reject", "dismiss", "spurn", "rebuff", "refus", "turn")):
        return False
    tok = _token_at(sdoc, ev.trigger.start)
    if tok is None or tok.lower_.rstrip("s") not in _OFFERS:
        return False
    for _ in range(3):  # ("a ceasefire offer" is tagged a verb hung on "ceasefire")
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.idx == att.cue.start:
            return True
        if tok.dep_ not in ("acl", "compound", "amod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _described(doc: Document, ev: Event) -> bool:
    """The event sits in a relative clause that describes someone in what is denied."""
    sdoc = doc.spacy_doc
    if sdoc is None or ev.trigger is None:
        return False
    tok = _token_at(sdoc, ev.trigger.start)
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return False
        if tok.dep_ == "relcl" or (tok.dep_ == "conj" and tok.head.dep_ == "relcl"):
            return True
        tok = tok.head
    return False


def _background(doc: Document, ev: Event, start: int, end: int) -> bool:
    """The event describes someone or something the claim names, in a relative clause or a
    participle ("the attacks in Benghazi that killed four Americans", "East Jerusalem,
    captured by Israel in 1967"): what the writer tells of it, not what the source claims."""
    sdoc = doc.spacy_doc
    if sdoc is None or ev.trigger is None:
        return False
    tok = _token_at(sdoc, ev.trigger.start)
    for _ in range(6):
        if tok is None or tok.head.i == tok.i or not (start <= tok.idx < end):
            return False
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG") and
                                   tok.head.pos_ in ("NOUN", "PROPN")):
            return start <= tok.head.idx < end
        if tok.dep_ not in ("conj", "xcomp", "prep", "pobj", "pcomp", "agent", "advcl"):
            return False
        tok = tok.head
    return False


def _conceded(doc: Document, ev: Event) -> bool:
    """"While Francis later apologized, he ... denied ...": the apology is granted, not denied."""
    sdoc = doc.spacy_doc
    if sdoc is None or ev.trigger is None:
        return False
    tok = _token_at(sdoc, ev.trigger.start)
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE
                                       for c in tok.children):
            return True
        tok = tok.head
    return False


def _denies_acts(doc: Document, at: int) -> bool:
    """"Iran denied it", "denied the report", "denied involvement" reach back to the acts
    relayed before; "He later denied his opposition" denies a stance, not those acts."""
    sdoc = doc.spacy_doc
    tok = _token_at(sdoc, at) if sdoc is not None else None
    if tok is None:
        return True
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    return not objs or any(o.pos_ == "PRON" or o.lemma_.lower() in CLAIM_OBJECTS
                           or o.lower_ in CLAIM_OBJECTS for o in objs)


def _apply_denials(doc: Document) -> None:
    """'Iran did not accept responsibility': events blaming the denier become denied."""
    for s0, s1, code, text, at in _denials(doc):
        acts = _denies_acts(doc, at)
        for ev in doc.events:
            if ev.status == "denied" or (ev.trigger is not None and ev.trigger.start == at):
                continue  # the denial itself ("rejected the accusation") is what happened
            same_sentence = ev.sentence.start == s0
            near = ev.sentence.start >= s0 - 600 and ev.sentence.start < s1
            accused = ev.source is not None and (
                (code is not None and ev.source.code == code)
                or (text and ev.source.text.lower() in text.lower()))
            plural = text.lower() in ("both", "they", "both sides", "both countries", "all")
            if ev.type == "ACCUSE" and not accused and not plural:
                # "India accuses Pakistan's intelligence of masterminding the assault, but
                # Pakistan denies the allegation": the accusation was made; what it says is
                # what is denied
                continue
            # what the denier is accused of: an act of theirs in the denial's sentence, or a
            # hostile act of theirs the text relays shortly before ("The Times reported the
            # strike was launched by Iran. Iran did not accept responsibility."); not every
            # earlier act of theirs ("Netanyahu will meet Trump")
            blamed = accused and (same_sentence or (
                near and ev.type in _BLAMEABLE and acts)) and not (
                same_sentence and _conceded(doc, ev))
            if blamed or (same_sentence and ev.attributed_to is not None and
                          not _described(doc, ev)) or (
                    plural and near and ev.status in ("reported", "asserted")):
                ev.status = "denied"
