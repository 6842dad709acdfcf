"""Rule-based attribution extraction over a spaCy dependency parse.

Finds reported speech (source, cue, content, all as character spans) in four ways:
reporting verbs with a clausal complement, direct quotes with a speaker nearby,
"according to X" and "X: ..." headlines. Contents may have several fragments (a quote
broken by "he said"). Spans follow the PolNeAR conventions measured on its train/dev
splits: the source is the full subject noun phrase (determiners, titles and appositives
included), the cue is the reporting word alone, an indirect content starts at "that"
when present and stops before the final full stop, and a direct content keeps its
quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..nlp.spacy_stage import sentence_of
from .lexicon import (
    AS_VERBS,
    COGNITION_VERBS,
    FINDING_HEADS,
    NO_NP_VERBS,
    NO_XCOMP_VERBS,
    NP_CONTENT_VERBS,
    POLL_NOUNS,
    PREP_CONTENT,
    SEEM_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    WEAK_VERBS,
)

Frag = tuple[int, int]

_OPEN = "“«"
_CLOSE = "”»"
_PUNCT_STRIP = ",;:.-–—"
_CUE_TIMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                        "sunday", "today", "yesterday", "tonight"})
_MEDIUM = frozenset({"statement", "interview", "release", "post", "tweet", "email", "letter",
                     "speech", "video", "op-ed", "briefing"})
# Pronoun objects that are not a content ("denied it" is kept out, "praised him" is in).
_NP_PRON_NOT = frozenset({"it", "this", "that", "what", "which", "something", "anything",
                          "nothing", "so", "everything", "one"})
# Verbs where "it" is an organisation or a document speaking ("It also said ...").
_IT_SOURCE = frozenset({"say", "add", "report", "announce", "state", "write", "note", "tell",
                        "warn", "claim", "allege", "argue", "conclude", "show", "find", "deny",
                        "confirm", "describe", "call", "urge", "accuse", "suggest", "explain"})
# Prepositions that may open the content of a reporting verb ("agreed with", "responded to").
_ANY_PREP = ("about", "to", "with", "for", "of", "against")
# Verbs whose that-clause is no one's claim ("it means that", "ensure that").
_NOT_THAT = frozenset({"mean", "ensure", "turn", "guarantee", "be", "have", "matter", "happen"})
_TITLES = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|St|Lt|Col|Sgt|Capt|Jr|Sr|Prof|Adm)\.")


@dataclass
class RawAttribution:
    """One attribution with multi-fragment spans; converted to document dataclasses later."""

    cue: Frag | None
    source: Frag | None
    content: list[Frag]
    kind: str
    source_head: int | None = None  # token index of the source's head in the spaCy doc
    cue_head: int | None = None  # token index of the cue's head
    parent: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hull(self) -> Frag:
        return (min(a for a, _ in self.content), max(b for _, b in self.content))


def quote_regions(text: str) -> list[Frag]:
    """Direct-quote spans (quotation marks included), paired per paragraph.

    Curly quotes pair by direction; straight quotes and doubled apostrophes alternate.
    An opening mark left unclosed at the end of a paragraph yields a quote to the end of
    that paragraph (news style continues long quotes over paragraphs that way).
    """
    regions: list[Frag] = []
    pos = 0
    for para in re.split(r"(\n+)", text):
        if not para.strip() or para.startswith("\n"):
            pos += len(para)
            continue
        i, n = 0, len(para)
        open_at: int | None = None
        open_kind = ""
        while i < n:
            ch = para[i]
            two = para[i:i + 2]
            if two == "''" or two == "``":
                kind, width = "''", 2
            elif ch == '"':
                kind, width = '"', 1
            elif ch in _OPEN:
                kind, width = "open", 1
            elif ch in _CLOSE:
                kind, width = "close", 1
            else:
                i += 1
                continue
            if open_at is None:
                if kind != "close":
                    open_at, open_kind = i, kind
            else:
                closes = kind != "open" and not (kind == "''" and open_kind == "open")
                if closes:
                    regions.append((pos + open_at, pos + i + width))
                    open_at = None
                elif kind == "open" and open_kind == "open":
                    open_at = i  # an unclosed quote restarted
            i += width
        if open_at is not None:
            end = len(para.rstrip())
            if end - open_at > 20:
                regions.append((pos + open_at, pos + end))
        pos += len(para)
    # markup attribute values ('<tweet id="67...">') are not quotes
    return [(a, b) for a, b in regions if text[a - 1:a] != "="]


def _trim(text: str, a: int, b: int, strip: str = _PUNCT_STRIP) -> Frag:
    while a < b and (text[a].isspace() or text[a] in strip):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in strip):
        b -= 1
    return (a, b)


def _tok_span(tokens: list[Any]) -> Frag:
    first, last = tokens[0], tokens[-1]
    return (first.idx, last.idx + len(last.text))


def _subtree_frag(tok: Any, exclude: set[int] | None = None) -> Frag:
    """Character span of ``tok``'s subtree, cut where an excluded token starts or ends it."""
    toks = [t for t in tok.subtree if not exclude or t.i not in exclude]
    if not toks:
        return (tok.idx, tok.idx + len(tok.text))
    # keep the contiguous run around the head
    idx = [t.i for t in toks]
    lo = hi = tok.i
    s = set(idx)
    while lo - 1 in s:
        lo -= 1
    while hi + 1 in s:
        hi += 1
    doc = tok.doc
    return (doc[lo].idx, doc[hi].idx + len(doc[hi].text))


# Formulas that describe how a source speaks ("speaking on condition of anonymity", "who asked
# not to be named"): they make the source anonymous (sources.py) but assert nothing.
_ANONYMITY_FORMULA = re.compile(
    r"^(?:on\s+)?(?:the\s+)?condition\s+(?:of|that)\s+(?:anonymity|(?:he|she|they)\s+not\s+be)"
    r"|^(?:not\s+to\s+be|that\s+(?:he|she|they)\s+not\s+be)\s+(?:named|identified|quoted)",
    re.I)


def _lemma(tok: Any) -> str:
    """The lower-case lemma, mended where the small model gets a cue wrong ('hopes' -> 'hop')."""
    lemma: str = tok.lemma_.lower()
    if lemma == "hop" and tok.lower_.startswith("hope"):
        return "hope"
    return lemma


class Extractor:
    """Finds attributions in one parsed document (a spaCy ``Doc``)."""

    def __init__(self, sdoc: Any, text: str | None = None):
        self.doc = sdoc
        self.text: str = text if text is not None else sdoc.text
        self.quotes = quote_regions(self.text)
        self.found: list[RawAttribution] = []
        self.used_cues: set[int] = set()

    # -- helpers -------------------------------------------------------------------------
    def _quote_at(self, a: int, b: int) -> Frag | None:
        """The quote region that contains [a, b) (allowing marks just outside it)."""
        for qa, qb in self.quotes:
            if qa <= a + 1 and b <= qb + 1 and qa < b and a < qb:
                return (qa, qb)
        return None

    def _quote_inside(self, a: int, b: int) -> Frag | None:
        for qa, qb in self.quotes:
            if a <= qa and qb <= b:
                return (qa, qb)
        return None

    def _in_quote(self, i: int) -> bool:
        return any(qa < i < qb - 1 for qa, qb in self.quotes)

    def _source_frag(self, tok: Any, cue: Any = None) -> Frag:
        """The subject noun phrase with its appositives and relative clauses (as PolNeAR marks
        it), without a participle hung on the head ("officials speaking on ...").

        PolNeAR keeps the comma that closes an appositive ("Jane Doe, a spokeswoman, said").
        """
        excl: set[int] = set()
        if cue is not None and cue.head.i == tok.i:  # '"...," Murphy, ..., Tweeted on Friday'
            excl.update(t.i for t in cue.subtree)
        for c in tok.subtree:
            # "Jane Doe, an engineer who built the dam," keeps its relative clause;
            # a participle hung on the head ("officials speaking on ...") does not
            if c.dep_ == "acl" and c.tag_ == "VBG" and c.head.i == tok.i and c.i > tok.i:
                excl.update(t.i for t in c.subtree)
        a, b = _subtree_frag(tok, exclude=excl)
        # a dateline or a blog timestamp glued to the subject: "RENO (AP) — Mr. X"
        chunk = self.text[a:b]
        cut = max(chunk.rfind("\n"), chunk.rfind(" — "), chunk.rfind(" – "), chunk.rfind(") -"))
        if cut >= 0 and a + cut < tok.idx:
            a += cut + 1
        a, b = _trim(self.text, a, b, strip=",;:-–—\"“”'‘ ")
        has_appos = any(c.dep_ == "appos" for c in tok.children)
        if has_appos and self.text[b:b + 1] == ",":
            b += 1
        return (a, b)

    def _subject(self, verb: Any, depth: int = 0, raised: bool = False) -> Any | None:
        """The token heading the source of ``verb`` (``raised``: reached from its xcomp)."""
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and not (
                c.dep_ == "nsubjpass" and c.lower_ == "it"):
                if c.dep_ == "nsubjpass":
                    # "Iran was accused by ..." - the agent is the source; but "the Times is
                    # expected to endorse ...": the raised subject endorses
                    agent = self._agent(verb)
                    return agent if agent is not None or not raised else c
                return c
        agent = self._agent(verb)
        if agent is not None:
            return agent
        to_clause = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                                 for c in verb.children)
        if depth < 4 and verb.dep_ in ("advcl", "conj", "xcomp", "dep", "acomp") and \
                verb.head.i != verb.i and (verb.dep_ in ("conj", "xcomp", "acomp") or to_clause
                                           or verb.tag_ in ("VBG", "VBN")):
            # ("went on Twitter to applaud ...": a purpose clause shares its subject)
            return self._subject(verb.head, depth + 1, raised=verb.dep_ == "xcomp")
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBG":
            return verb.head
        if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.dep_ == "ROOT":
            return verb.head  # '"...," Murphy, the head of X, Tweeted': a misparsed clause
        if depth < 4 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and \
                verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            # "he began by saying ...", "responded by tweeting ...": the doer of the frame
            return self._subject(verb.head.head, depth + 1)
        return None

    @staticmethod
    def _agent(verb: Any) -> Any | None:
        for c in verb.children:
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        return None

    def _clean_content(self, a: int, b: int, cue: int | None = None) -> list[Frag]:
        a, b = _trim(self.text, a, b, strip=",;:-–—. ")
        if b <= a:
            return []
        if self.text[b:b + 1] == "." and re.search(r"(?:\b[A-Z]\.[A-Z]|\b(?:Inc|Jr|Sr|Co|"
                                                 r"Corp|Ltd|St))$", self.text[a:b]):
            b += 1  # "the U.S." keeps its abbreviation dot
        q = self._quote_at(a, b)
        if q is not None and (cue is None or not q[0] <= cue < q[1]):
            return [q]
        # a content that opens a quote keeps its closing mark: 'was "unhinged."'
        chunk = self.text[a:b]
        opened = sum(chunk.count(c) for c in _OPEN)
        closed = sum(chunk.count(c) for c in _CLOSE)
        straight = chunk.count('"') % 2 == 1 or chunk.count("''") % 2 == 1
        if opened > closed or straight:
            m = re.match(r"[.,!?;]*(?:[”»\"]|'')", self.text[b:b + 5])
            if m:
                b += m.end()
        return [(a, b)]

    # -- rules ---------------------------------------------------------------------------
    def run(self) -> list[RawAttribution]:
        self._headline_colon()
        for sent in self.doc.sents:
            for tok in sent:
                if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and \
                        self.doc[tok.i + 1].lower_ == "to":
                    self._according(tok)
                elif tok.pos_ in ("VERB", "AUX") and _lemma(tok) in SPEECH_VERBS:
                    self._verb_cue(tok)
                elif tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_NOUNS:
                    self._noun_cue(tok)
                elif tok.pos_ in ("VERB", "AUX") and _lemma(tok) in SEEM_VERBS:
                    self._seem(tok)
                elif tok.lower_ == "in" and tok.dep_ == "prep":
                    self._in_document(tok)
                elif tok.pos_ == "VERB" and tok.is_alpha and _lemma(tok) not in _NOT_THAT and any(
                        c.dep_ == "ccomp" and c.i > tok.i and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                        for c in tok.children):
                    self._verb_cue(tok)  # any verb with a that-clause: 'the envoy lamented that'
                elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
                    self._adjective(tok)
        self._inline_colon_and_dash()
        self._free_quotes()
        self._nest()
        return self.found

    def _add(self, att: RawAttribution) -> None:
        if not att.content:
            return
        a, b = att.content_hull
        if _ANONYMITY_FORMULA.match(self.text[a:b]):
            return  # "speaking on condition of anonymity": how a source speaks, not a claim
        if att.cue_head is not None:
            if att.cue_head in self.used_cues:
                return
            self.used_cues.add(att.cue_head)
        self.found.append(att)

    def _verb_cue(self, verb: Any) -> None:
        lemma = _lemma(verb)
        if self._in_quote(verb.idx):
            return
        if lemma in AS_VERBS and not any(
                (c.dep_ == "prep" and c.lower_ == "as") or (c.dep_ == "ccomp" and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
                for c in verb.children):
            return  # 'sees the treaty as a trap', not 'saw the parade'
        content_tok = None
        kind = "indirect"
        for c in verb.children:
            # PolNeAR: "sought to calm", "vowed to fight"
            if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and lemma not in NO_XCOMP_VERBS):
                content_tok = c
                break
        if content_tok is None and lemma not in COGNITION_VERBS:
            content_tok = self._loose_clause(verb)
        frags: list[Frag] = []
        cue_end = verb.idx + len(verb.text)
        # PolNeAR marks the object of most reporting verbs as content ("repeated the name")
        np_ok = lemma in NP_CONTENT_VERBS or lemma not in NO_NP_VERBS
        if content_tok is None and (np_ok or lemma in PREP_CONTENT):
            np_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if not np_ok or (lemma == "call" and any(
                    c.dep_ == "prep" and c.lower_ in ("for", "on") and c.i == verb.i + 1
                    for c in verb.children)):
                np_tok = None
            if np_tok is None and (lemma in PREP_CONTENT or np_ok):
                preps = PREP_CONTENT.get(lemma, _ANY_PREP)
                prep = next((c for c in verb.children if c.dep_ == "prep"
                             and c.lower_ in preps and verb.i < c.i <= verb.i + 2), None)
                if prep is not None:
                    np_tok = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if np_tok is not None:
                        cue_end = prep.idx + len(prep.text)
            if np_tok is None and np_ok and verb.tag_ == "VBN":
                # 'The strike was first reported by a local paper': the passive subject
                np_tok = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if np_tok is not None and (np_tok.pos_ != "PRON" or
                                       np_tok.lower_ not in _NP_PRON_NOT):
                a, b = _subtree_frag(np_tok)
                # "blamed Iran for the attack", "mentioned the dam twice"
                for c in verb.children:
                    if c.i > np_tok.i and c.dep_ in ("prep", "npadvmod", "advmod", "oprd") \
                            and self._gap_ok(b, c):
                        b = max(b, _subtree_frag(c)[1])
                if lemma == "call":  # "called the deal a disaster": object and its label
                    oprd = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp")
                                 and c.i > np_tok.i), None)
                    if oprd is not None:
                        b = _subtree_frag(oprd)[1]
                b = self._cut_tail(a, b)
                frags = self._clean_content(a, b, verb.idx)
                kind = "citing" if lemma == "cite" else "np"
        if content_tok is not None:
            a, b = _subtree_frag(content_tok)
            # "X, but Y, the source added": every clause before the cue is content
            for c in verb.children:
                if c.dep_ == "ccomp" and c.i < verb.i and c.i != content_tok.i:
                    ca, cb = _subtree_frag(c)
                    a, b = min(a, ca), max(b, cb)
            if content_tok.dep_ == "xcomp" and lemma in ("tell", "ask", "urge", "order",
                                                          "advise", "instruct", "warn"):
                # "urged Tehran to stop": the addressee belongs to the content in PolNeAR
                for c in verb.children:
                    if c.dep_ in ("dobj", "dative") and c.i < content_tok.i:
                        a = _subtree_frag(c)[0]
            if content_tok.i > verb.i:
                b = self._cut_tail(a, b)
            frags = self._clean_content(a, b, verb.idx)
        elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i:
            # '"We will respond," the minister said.' parsed with the quote as the root
            a, b = _subtree_frag(verb.head, exclude={t.i for t in verb.subtree})
            frags = self._clean_content(a, b, verb.idx)
            if not frags or self._quote_at(*frags[0]) is None:
                frags = []
        if not frags and lemma == "say" and content_tok is None:
            frags = self._small_clause(verb)
        if not frags:
            frags = self._adjacent_quote(verb)
            if frags:
                kind = "direct"
        if not frags:
            frags = self._parenthetical(verb)
        if not frags:
            return
        if kind not in ("np", "citing") and any(
                self._quote_at(a, b) == (a, b) for a, b in frags):
            kind = "direct"
        elif lemma in WEAK_VERBS and content_tok is not None and content_tok.dep_ == "ccomp" \
                and content_tok.i > verb.i and not any(
                c.dep_ == "mark" for c in content_tok.children):
            subj0 = self._subject(verb)
            if subj0 is None or subj0.lemma_.lower() not in FINDING_HEADS:
                return  # 'the audit found the fund was empty' stays

        if lemma in COGNITION_VERBS and content_tok is None:
            return
        if lemma in ("speak", "talk") and kind != "np":
            return  # only 'spoke about X': a quote next to 'spoke' is seldom its content
        subj = self._subject(verb)
        if subj is not None and (subj.lower_ == "there" or subj.dep_ == "expl" or (
                subj.lower_ == "it" and lemma not in _IT_SOURCE)) and verb.dep_ != "relcl":
            subj = None
        source = self._source_frag(subj, verb) if subj is not None else None
        if source is not None and frags and any(a <= source[0] < b for a, b in frags):
            source = None
        cue = self._cue_frag(verb, cue_end)
        if source is not None and source[1] < cue[0]:
            # 'Jane Doe, who runs the group, said': the closing comma or dash stays
            m = re.fullmatch(r"\s*[,—–]\s*", self.text[source[1]:cue[0]])
            if m is not None:
                source = (source[0], source[1] + len(self.text[source[1]:cue[0]].rstrip()))
        self._add(RawAttribution(cue=cue, source=source, content=frags, kind=kind,
                                 source_head=subj.i if subj is not None else None,
                                 cue_head=verb.i))
        self._continue_quote(self.found[-1] if self.found and self.found[-1].cue_head == verb.i
                             else None)

    def _small_clause(self, verb: Any) -> list[Frag]:
        """Headline style 'Minister says talks "nearly done" after ...': a verbless clause."""
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None or obj.pos_ not in ("PROPN", "NOUN") or not any(
                c.dep_ in ("amod", "acomp", "oprd") and c.i > obj.i for c in obj.subtree):
            return []
        end = max(t.i for t in verb.subtree)
        frags = self._clean_content(obj.left_edge.idx,
                                    self.doc[end].idx + len(self.doc[end].text), verb.idx)
        return frags

    def _gap_ok(self, b: int, tok: Any) -> bool:
        """No sentence end or comma between a content end and a phrase that would extend it."""
        start = tok.left_edge.idx
        gap = self.text[b:start]
        return start >= b and len(gap) < 3 and "," not in gap

    def _cut_tail(self, a: int, b: int) -> int:
        """End a content before a trailing aside: ', which ...', ', putting ...', ', a 16-point
        margin'.

        PolNeAR contents stop at the reported proposition; the asides are the writer's.
        """
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) < 4:
            return b
        inside = {t.i for t in span}
        for t in span[2:]:
            prev = self.doc[t.i - 1]
            top = t
            while top.head.i in inside and top.head.i > t.i - 1 and top.head.i != top.i and \
                    top.head.i >= t.i:
                top = top.head
            if top.i < t.i or max(x.i for x in top.subtree) < span.end - 1:
                continue
            if prev.text == "," and (
                    (top.dep_ == "relcl" and t.lower_ in ("which", "who", "whom", "whose"))
                    or (top.dep_ in ("advcl", "acl") and top.tag_ == "VBG" and t.i == top.i)
                    or top.dep_ in ("appos", "npadvmod")):
                return self.doc[t.i - 1].idx
        return b

    @staticmethod
    def _loose_clause(verb: Any) -> Any | None:
        """A content clause the parser hung elsewhere: 'said after the summit he would resign',
        'told a meeting of envoys that the deal was dead'."""
        for c in verb.children:
            if c.dep_ == "advcl" and c.i > verb.i and c.pos_ in ("VERB", "AUX") and any(
                    g.dep_ == "nsubj" for g in c.children) and not any(
                    g.dep_ == "mark" and g.lower_ != "that" for g in c.children):
                return c
        for c in verb.children:
            if c.dep_ not in ("dobj", "dative", "prep") or c.i < verb.i:
                continue
            for t in c.subtree:
                if t.dep_ in ("relcl", "acl", "ccomp") and any(
                        m.dep_ == "mark" and m.lower_ == "that" or
                        (m.lower_ == "that" and m.i == t.left_edge.i and m.dep_ != "nsubj")
                        for m in t.children):
                    return t
        return None

    def _parenthetical(self, verb: Any) -> list[Frag]:
        """'Talks, the envoy said, will resume.' - the rest of the sentence is the content.

        The cue clause (the verb, its subject and modifiers) must be set off by commas or
        end the sentence; what remains of the sentence, in one or two pieces, is the content.
        """
        sent = sentence_of(verb)
        if verb.dep_ == "ROOT":
            rest = [c for c in verb.children if c.dep_ in ("parataxis", "advcl", "dep", "conj")
                    and any(t.pos_ in ("VERB", "AUX") for t in c.subtree)]
            if len(rest) != 1:
                return []
            clause = {t.i for t in verb.subtree} - {t.i for t in rest[0].subtree}
        elif verb.dep_ in ("parataxis", "advcl", "ccomp", "conj") and verb.head.pos_ in (
                "VERB", "AUX"):
            clause = {t.i for t in verb.subtree}
            if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children):
                return []
        else:
            return []
        while clause and self.doc[min(clause)].is_punct:
            clause.discard(min(clause))
        while clause and self.doc[max(clause)].is_punct:
            clause.discard(max(clause))
        if not clause:
            return []
        lo, hi = min(clause), max(clause)
        if hi - lo + 1 != len(clause) or hi - lo > 12:
            return []
        doc = self.doc
        before = doc[lo - 1] if lo - 1 >= sent.start else None
        after = doc[hi + 1] if hi + 1 < sent.end else None
        if before is not None and before.text not in (",", "—", "–") and not before.is_quote:
            return []
        if after is not None and after.text not in (",", ".", "—", "–", "!", "?", ";") \
                and not after.is_quote:
            return []
        frags: list[Frag] = []
        for a_tok, b_tok in ((sent.start, lo - 1), (hi + 1, sent.end - 1)):
            if b_tok < a_tok:
                continue
            a, b = doc[a_tok].idx, doc[b_tok].idx + len(doc[b_tok].text)
            piece = self._clean_content(a, b, verb.idx)
            for f in piece:
                if len(self.text[f[0]:f[1]].split()) >= 2 and f not in frags:
                    frags.append(f)
        if not frags or sum(len(self.text[a:b].split()) for a, b in frags) < 4:
            return []
        return frags

    def _aux_start(self, verb: Any) -> int:
        """Token index where the verb group starts: auxiliaries, negation, adverbs."""
        doc = self.doc
        start = verb.i
        while start - 1 >= sentence_of(verb).start:
            prev = doc[start - 1]
            if prev.head.i == verb.i and (prev.dep_ in ("aux", "auxpass", "neg") or (
                    prev.dep_ == "advmod" and prev.pos_ == "ADV" and prev.is_alpha
                    and prev.lower_ not in ("so", "as", "how", "when", "where", "why"))):
                start -= 1
            else:
                break
        return start

    def _cue_frag(self, verb: Any, cue_end: int) -> Frag:
        """The verb with its auxiliaries, negation and "also", and a colon right after it.

        PolNeAR cues read "has said", "is expected", "did not mention", "also said", "said:".
        """
        doc = self.doc
        start = self._aux_start(verb)
        if verb.dep_ in ("xcomp", "advcl") and start < verb.i and doc[start].lower_ == "to":
            # 'went on to warn', 'are less likely to agree', 'demanded to know'
            gov = verb.head
            if gov.dep_ == "acomp" and gov.head.i < gov.i:
                gov = gov.head
            if gov.i < start and start - gov.i <= 6 and _lemma(gov) not in SPEECH_VERBS and \
                    gov.pos_ in ("VERB", "AUX") and all(
                    doc[k].head.i in (gov.i, verb.head.i) or doc[k].head.i > gov.i
                    for k in range(gov.i + 1, start)) and not any(
                    doc[k].dep_ in ("nsubj", "nsubjpass", "dobj") or doc[k].is_punct
                    for k in range(gov.i + 1, start)):
                start = self._aux_start(gov)
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if nxt is not None and nxt.dep_ == "prt" and nxt.head.i == verb.i and \
                cue_end == verb.idx + len(verb.text):
            cue_end = nxt.idx + len(nxt.text)
            nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if nxt is not None and nxt.dep_ == "npadvmod" and nxt.head.i == verb.i and \
                nxt.lower_ in _CUE_TIMES:
            cue_end = nxt.idx + len(nxt.text)
            nxt = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if nxt is not None and nxt.dep_ == "prep" and nxt.head.i == verb.i and \
                nxt.lower_ == "in" and nxt.i + 2 < len(doc):
            # "said in a statement": the medium is part of the cue
            pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in _MEDIUM and pobj.i <= nxt.i + 3 \
                    and not any(c.dep_ == "prep" for c in pobj.children):
                cue_end = pobj.idx + len(pobj.text)
                nxt = doc[pobj.i + 1] if pobj.i + 1 < len(doc) else None
        if nxt is not None and nxt.text == ":" and nxt.idx == cue_end:
            cue_end += 1
        return (doc[start].idx, cue_end)

    @staticmethod
    def _crosses_sentence(between: str) -> bool:
        between = _TITLES.sub("", between)
        return re.search(r"[.!?]\s", between) is not None

    def _adjacent_quote(self, verb: Any) -> list[Frag]:
        """A direct quote right before or after the cue clause in the same sentence."""
        sent = sentence_of(verb)
        s0, s1 = sent.start_char, sent.end_char
        best: list[Frag] = []
        for qa, qb in self.quotes:
            if qb <= s0 - 2 or qa >= s1 + 2:
                continue
            if qb <= verb.idx:
                between = self.text[qb:verb.idx]
                if len(between) < 60 and not self._crosses_sentence(between):
                    best.insert(0, (qa, qb))
            elif qa >= verb.idx:
                between = self.text[verb.idx:qa]
                if len(between) < 60 and not self._crosses_sentence(between):
                    best.append((qa, qb))
        return best

    def _continue_quote(self, att: RawAttribution | None) -> None:
        """Attach the quotes that go on after '"...," he said.' to the same speaker.

        The next quote joins when only a short tail of the sentence ('he said.') lies between,
        or when it fills the next paragraph by itself (a quote running over paragraphs).
        """
        if att is None or att.kind != "direct" or att.cue is None:
            return
        end = max(b for _, b in att.content)
        end = max(end, att.cue[1], att.source[1] if att.source else 0)
        for qa, qb in self.quotes:
            if qa < end:
                continue
            gap = self.text[end:qa]
            if "\n" in gap:
                para_end = self.text.find("\n", qb)
                para_end = len(self.text) if para_end < 0 else para_end
                whole = not gap.strip() and gap.count("\n") <= 2 and \
                    not self.text[qb:para_end].strip()
                if not whole or (qa, qb) in att.content:
                    break
                att.content.append((qa, qb))
                end = qb
                continue
            if len(gap) > 40:
                break
            if re.fullmatch(r"[^\n\"“”]{0,40}[,.:]\s*", gap) and (qa, qb) not in att.content:
                att.content.append((qa, qb))
                end = qb
                continue
            break

    def _seem(self, verb: Any) -> None:
        """'The deal seems doomed', 'The rebels appear to be retreating': the writer's (or nobody's)
        impression; the content is the subject and the complement, in two pieces."""
        if self._in_quote(verb.idx):
            return
        comp = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "ccomp", "oprd")
                     and c.i > verb.i), None)
        if comp is None or _lemma(comp) in SPEECH_VERBS:
            return  # 'appeared to suggest that ...' is the speech verb's own cue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and any(t.tag_ in ("WDT", "WP", "WP$") for t in subj.subtree):
            return  # 'whose army appeared weary': a relative clause
        frags: list[Frag] = []
        if subj is not None and subj.lower_ not in ("it", "there"):
            if subj.pos_ == "PRON" and subj.lower_ in ("which", "that", "who"):
                return
            frags.extend(self._clean_content(*_subtree_frag(subj)))
        elif comp.dep_ != "ccomp":
            return
        frags.extend(self._clean_content(*_subtree_frag(comp)))
        if not frags:
            return
        cue = self._cue_frag(verb, verb.idx + len(verb.text))
        self._add(RawAttribution(cue=cue, source=None, content=frags, kind="impression",
                                 cue_head=verb.i))

    def _adjective(self, adj: Any) -> None:
        """'Aides are confident that the bill will pass': a stance with a that-clause."""
        comp = next((c for c in adj.children if c.dep_ == "ccomp" and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        cop = adj.head
        if comp is None or cop.i > adj.i or self._in_quote(adj.idx):
            return
        subj = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in ("it", "there", "this", "that"):
            return
        frags = self._clean_content(*_subtree_frag(comp))
        if not frags:
            return
        cue = (self.doc[self._aux_start(cop)].idx, adj.idx + len(adj.text))
        self._add(RawAttribution(cue=cue, source=self._source_frag(subj), content=frags,
                                 kind="indirect", source_head=subj.i, cue_head=adj.i))

    def _in_document(self, prep: Any) -> None:
        """'In a new survey, the mayor leads by six points': the survey is the source,
        'in' the cue."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        head = prep.head
        if pobj is None or pobj.lemma_.lower() not in POLL_NOUNS or head.i == prep.i or \
                head.pos_ not in ("VERB", "AUX") or self._in_quote(prep.idx) or any(
                    c.dep_ in ("ccomp", "xcomp") for c in head.children):
            return
        if head.dep_ not in ("ROOT", "conj", "ccomp") or (
                pobj.tag_ == "NNS" and all(c.dep_ == "det" for c in pobj.children)):
            return  # 'while she lags in the polls': standing, not a finding
        phrase = {t.i for t in prep.subtree}
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i not in phrase
                   for c in head.children):
            return
        sent = sentence_of(prep)
        a, b = _subtree_frag(head, exclude=phrase)
        a, b = max(a, sent.start_char), min(b, sent.end_char)
        if a < prep.idx < b:  # the phrase sits inside the clause: keep the part after it
            a = self.doc[max(phrase) + 1].idx
        frags = self._clean_content(a, b)
        if not frags or len(self.text[frags[0][0]:frags[0][1]].split()) < 3:
            return
        self._add(RawAttribution(cue=(prep.idx, prep.idx + len(prep.text)),
                                 source=self._source_frag(pobj), content=frags,
                                 kind="according_to", source_head=pobj.i, cue_head=prep.i))

    def _according(self, tok: Any) -> None:
        to = self.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        source = self._source_frag(pobj)
        phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
        head = tok.head if tok.head.i != tok.i else None
        sent = sentence_of(tok)
        if head is None or head.i in phrase or tok.dep_ == "ROOT":
            head = sent.root
        excl = phrase | {t.i for t in sent if t.i < tok.i and self.text[t.idx] in "—–"}
        a, b = _subtree_frag(head, exclude=excl)
        a, b = max(a, sent.start_char), min(b, sent.end_char)
        frags = self._clean_content(a, b)
        self._add(RawAttribution(cue=(tok.idx, to.idx + len(to.text)), source=source,
                                 content=frags, kind="according_to", source_head=pobj.i,
                                 cue_head=tok.i))

    def _noun_cue(self, noun: Any) -> None:
        comp = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos")
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
                    None)
        if comp is None:
            return
        a, b = _subtree_frag(comp)
        frags = self._clean_content(a, b)
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        source = None
        if poss is not None:
            # PolNeAR keeps the possessive marker: "the minister’s claim" -> "the minister’s"
            source = _trim(self.text, *_subtree_frag(poss), strip=" ")
        else:
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.i < comp.i:
                        source = self._source_frag(pobj)
        self._add(RawAttribution(cue=(noun.idx, noun.idx + len(noun.text)), source=source,
                                 content=frags, kind="noun",
                                 source_head=poss.i if poss is not None else None,
                                 cue_head=noun.i))

    _COLON_LINE = re.compile(
        r"^[\"“]?(?P<src>[A-Z][\w.’'&-]*(?:\s+(?:[A-Z][\w.’'&-]*|at|on|to|of|the|and|for)){0,6}"
        # ("GOP report: Obama admin worked to ...", "UN probe: ...": a document says it)
        r"(?:\s+(?:report|study|poll|survey|probe|audit|memo|analysis|investigation|"
        r"officials|indictment|lawsuit|filing|documents))?)"
        r":[ \t]+(?P<content>\S[^\n]*)$", re.M)
    _COLON_NOT_SOURCE = re.compile(r"^(?:The Latest|Editor|Note|Update|UPDATE|Watch|WATCH|"
                                   r"Related|Read|Photos?|Video|Breaking|BREAKING|Exclusive|"
                                   r"EXCLUSIVE|Correction|Sources?|Getty|AP Photo|Warning|VIDEO|"
                                   r"PHOTOS?|Follow|Name|Paid Notice)\b")

    def _headline_colon(self) -> None:
        """'Lavrov: talks are over' or 'TAPPER: ...' - a name, a colon and what they said."""
        for m in self._COLON_LINE.finditer(self.text):
            src = m.group("src")
            if self._COLON_NOT_SOURCE.match(src) or src.split()[-1] in ("at", "on", "to",
                                                                       "of", "the", "and"):
                continue
            content = m.group("content")
            if len(content.split()) < 3:
                continue
            ca, cb = _trim(self.text, m.start("content"), m.end("content"), strip=". ")
            if self.text[m.start()] in "\"“" and self.text[cb - 1] in "\"”":
                # a transcript turn quoted whole: '"PENCE: Well, ..."'
                ca, cb = _trim(self.text, ca, cb - 1, strip=". ")
            colon = m.end("src")
            head = self.doc.char_span(m.start("src"), m.end("src"), alignment_mode="expand")
            self._add(RawAttribution(
                cue=(colon, colon + 1), source=(m.start("src"), m.end("src")),
                content=[(ca, cb)], kind="colon",
                source_head=head.root.i if head is not None else None,
                cue_head=-1 - colon))

    _DASH_NAME = re.compile(r"[ \t]*[―—–][ \t]*(?P<src>[A-Z][^\n―—–“”\"]{1,60}?)"
                            r"[^\S\n]*\.?[^\S\n]*$", re.M)

    _SIGNED_LINE = re.compile(r"^(?P<content>[“”\"‘'][^\n]{8,}?)[ \t]*(?P<dash>[―—–])[ \t]*"
                              r"(?P<src>[A-Z][^\n―—–“”\"]{1,60}?)[^\S\n]*\.?[^\S\n]*$", re.M)

    # An embedded post as news pages print it: "<text> pic.twitter.com/x — Jane Doe (@jdoe)
    # July 5, 2016".
    _EMBED_SIGNATURE = re.compile(r"[ \t]*(?P<dash>[―—–]|--)[ \t]*(?P<src>[A-Z][^\n()―—–]{1,60}?)"
                                  r"[ \t]*\(@\w{1,30}\)[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},"
                                  r"[ \t]*\d{4}")
    _EMBED_TAIL = re.compile(r"(?:\s*(?:pic\.twitter\.com/\S+|https?://\S+))+\s*$")

    def _embedded_posts(self) -> None:
        """A post quoted in full and signed below the text: its author says its text."""
        for m in self._EMBED_SIGNATURE.finditer(self.text):
            dash = m.start("dash")
            start = max(self.text.rfind("\n", 0, dash), self.text.rfind(">", 0, dash)) + 1
            body = self.text[start:dash]
            tail = self._EMBED_TAIL.search(body)
            end = start + (tail.start() if tail else len(body))
            a, b = _trim(self.text, start, end, strip=" \t.")
            if len(self.text[a:b].split()) < 3:
                continue
            self._add(RawAttribution(cue=(dash, m.end("dash")),
                                     source=(m.start("src"), m.end("src")), content=[(a, b)],
                                     kind="colon", cue_head=-1 - dash))

    def _inline_colon_and_dash(self) -> None:
        """'More from Jane Doe: “...”' and '“...” ― Jane Doe' (a quote signed with a dash)."""
        self._embedded_posts()
        for m in self._SIGNED_LINE.finditer(self.text):
            if len(m.group("src").split()) > 6:
                continue
            dash = m.start("dash")
            self._add(RawAttribution(cue=(dash, dash + 1),
                                     source=(m.start("src"), m.end("src")),
                                     content=[(m.start("content"), m.end("content"))],
                                     kind="colon", cue_head=-1 - dash))
        for qa, qb in self.quotes:
            if len(self.text[qa:qb].split()) < 3:
                continue
            if self.text[max(0, qa - 2):qa] in (": ", ":\t") or self.text[qa - 1:qa] == ":":
                colon = self.text.rfind(":", 0, qa)
                ents = [e for e in self.doc.ents if e.end_char == colon
                        and e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
                if ents:
                    e = ents[0]
                    self._add(RawAttribution(cue=(colon, colon + 1),
                                             source=(e.start_char, e.end_char),
                                             content=[(qa, qb)], kind="colon",
                                             source_head=e.root.i, cue_head=-1 - colon))
                    continue
            sig = self._DASH_NAME.match(self.text, qb)
            if sig is not None and len(sig.group("src").split()) <= 6:
                dash = qb + sig.group(0).index(next(c for c in sig.group(0) if c in "―—–"))
                sa, sb = sig.start("src"), sig.end("src")
                self._add(RawAttribution(cue=(dash, dash + 1), source=(sa, sb),
                                         content=[(qa, qb)], kind="colon", cue_head=-1 - dash))

    def _free_quotes(self) -> None:
        """Quotes no rule attributed: a verb with a subject right before ('The mayor boomed:')
        or right after ('"Go home," he barked') frames the quote, whatever the verb."""
        covered = [f for att in self.found for f in att.content]
        for qa, qb in self.quotes:
            if any(a <= qa and qb <= b for a, b in covered):
                continue
            if len(self.text[qa:qb].split()) < 2:
                continue
            cue_tok = self._frame_verb_before(qa) or self._frame_verb_after(qb)
            if cue_tok is None or cue_tok.i in self.used_cues:
                continue
            subj = self._subject(cue_tok)
            if subj is not None and subj.lower_ in ("it", "there") and \
                    _lemma(cue_tok) not in _IT_SOURCE | {"read"}:
                subj = None
            src = self._source_frag(subj, cue_tok) if subj is not None else None
            cue = self._cue_frag(cue_tok, cue_tok.idx + len(cue_tok.text))
            self._add(RawAttribution(cue=cue, source=src, content=[(qa, qb)], kind="direct",
                                     source_head=subj.i if subj is not None else None,
                                     cue_head=cue_tok.i))
            self._continue_quote(self.found[-1] if self.found and
                                 self.found[-1].cue_head == cue_tok.i else None)

    def _frame_verb_before(self, qa: int) -> Any | None:
        """'The mayor said:' / 'he told reporters,' / 'She boomed:' just before a quote."""
        prev = self.text[max(0, qa - 80):qa]
        if not re.search(r"[:,]\s*$", prev) or "\n" in prev.rstrip():
            return None
        span = self.doc.char_span(max(0, qa - 80), qa, alignment_mode="contract") or []
        best = None
        for t in span:
            if t.pos_ in ("VERB", "AUX") and (_lemma(t) in SPEECH_VERBS or (
                    t.pos_ == "VERB" and self._subject(t) is not None and t.tag_ != "VBG"
                    and not any(c.dep_ in ("dobj", "ccomp") for c in t.children)
                    and self.text[qa - 2:qa].strip() == ":")):
                best = t
        return best

    def _frame_verb_after(self, qb: int) -> Any | None:
        """'"Sit down," the judge barked.' - an unlisted verb after a quote ending in a comma."""
        if not re.search(r"[,!?][”\"']+$", self.text[max(0, qb - 3):qb]):
            return None
        m = re.match(r"[^\S\n]*([^\n.;:“”\"]{1,60})", self.text[qb:])
        if m is None:
            return None
        span = self.doc.char_span(qb + m.start(1), qb + m.end(1), alignment_mode="contract")
        for t in span or []:
            if t.pos_ == "VERB" and t.i - span.start <= 5 and t.tag_ in ("VBD", "VBZ", "VBP") \
                    and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > t.i
                                for c in t.children):
                return t
        return None

    def _nest(self) -> None:
        """Parent = the smallest other attribution whose content contains this one's cue."""
        for i, att in enumerate(self.found):
            if att.cue is None:
                continue
            best: tuple[int, int] | None = None
            for j, other in enumerate(self.found):
                if j == i:
                    continue
                for a, b in other.content:
                    if a <= att.cue[0] and att.cue[1] <= b:
                        size = b - a
                        if best is None or size < best[1]:
                            best = (j, size)
            att.parent = best[0] if best else None


def extract(sdoc: Any, text: str | None = None) -> list[RawAttribution]:
    """All attributions of one parsed document, in text order of their cues.

    ``text``: the document's text when the caller has it (spaCy rebuilds ``Doc.text`` from
    the tokens on every access).
    """
    found = Extractor(sdoc, text).run()
    order = sorted(range(len(found)), key=lambda k: (found[k].cue or found[k].content[0])[0])
    remap = {old: new for new, old in enumerate(order)}
    out = [found[k] for k in order]
    for att in out:
        if att.parent is not None:
            att.parent = remap[att.parent]
    return out
