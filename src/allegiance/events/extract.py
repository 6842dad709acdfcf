"""Rule-based PLOVER event extraction over the spaCy dependency parse.

Triggers are verbs and event nouns from the project's lexicon (``data/lexicon.csv``).
For each trigger the grammar gives the actors: subject / passive agent -> source, object /
passive subject / prepositional object -> target; nominal events take their source from
possessives and adjectives ("Iran's attack", "Iranian drone strike") or from the verb
that carries them ("the US imposed sanctions", "the strike was launched by Iran").
Coordinated actors yield one event per source-target pair. Control verbs fold their
complement into one event ("agreed to cooperate" -> AGREE, "refused to meet" -> REJECT,
"threatened to cut off" -> THREATEN). The status says how the text holds the event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product
from typing import Any

from ..actors.lexicon import PEOPLE_SECTORS
from ..document import Actor, ActorRef, Document, Event, Span
from ..nlp.spacy_stage import sentence_of
from .dates import normalize_date
from .lexicon import COOPERATIVE, Rule, TriggerLexicon, get_trigger_lexicon, pick
from .vocabulary import (
    ABLE,
    ABSTRACT,
    ACCOUNTS,
    ADMISSIONS,
    ADMIT_PREPS,
    AIRCRAFT,
    ALERT_MODS,
    ALLEGED,
    ARMED_BODIES,
    ARMS,
    ATROCITIES,
    AUDIENCES,
    BACKING,
    BORDERS,
    CALAMITIES,
    CASUALTY_V,
    CLAIM_NOUNS,
    CONSEQUENCES,
    CONTENT_GOVERNORS,
    CONVENED,
    COUNSEL,
    CRIMES,
    CROWD_ACTS,
    CROWDS,
    DEEP_STOP,
    DEFEAT_V,
    DEFEND_AIMS,
    DEMAND_NOUNS,
    DEMAND_V,
    DENY,
    DEONTIC,
    DUTIES,
    DUTY_BODIES,
    EFFORT_NOUNS,
    ELECTION_WORDS,
    ELECTORAL_WINS,
    ENDORSE_NEEDS_ACTOR,
    ENGAGE,
    ENVOYS,
    EQUIP_V,
    FAKE_WORDS,
    FIGHT_WORDS,
    FIGHTERS,
    FORCES,
    FROM_TARGET,
    FUTURE_AUX,
    FUTURE_GOV,
    GOAL_HEADS,
    GOODS,
    GOVERNORS,
    GROUPISH,
    HANDOVER_NOUNS,
    HARMS,
    HELP_NOUNS,
    HOME_RULES,
    HOSTILE_AIMS,
    HOSTS,
    HYPO_AUX,
    HYPO_GOV,
    IDEA_NOUNS,
    IDIOMS,
    ILLS,
    INFO_NOUNS,
    INSIST,
    INTENT_ADJ,
    INTENT_COOP,
    KEEP_V,
    KILLINGS,
    KIN,
    LEGAL_ACTS,
    LIGHT,
    LOCAL_TYPES,
    MATCHES,
    MEANS_NOUNS,
    MEASURE_NOUNS,
    MEMBER_HEADS,
    MOD_DEPS,
    MODAL_ADJ,
    MOTIVES,
    MOVE,
    MOVE_THING,
    NATURAL,
    NEG_GOV,
    NEG_NOUNS,
    NEG_WORDS,
    NO_WITH,
    OBJECT_CONTROL,
    OPINION_AGREE,
    ORDER_V,
    ORDERS,
    OUSTER_NOUNS,
    PARTIES,
    PEACEKEEPING,
    PHRASAL_PREPS,
    PLACE_NOUNS,
    PLACE_PREPS,
    PLAN_NOUNS,
    POLICY_NOUNS,
    PRESS,
    PRETEXTS,
    PRONOUN_SUBJ,
    PROPOSALS,
    PROTEST_AIMS,
    PROTESTERS,
    PUBLIC_PEOPLE,
    PUNITIVE,
    QUESTIONED,
    QUESTIONING,
    RECEIVE,
    RECORDINGS,
    REFUSAL_AIMS,
    REFUSE,
    REMOTE_MEDIA,
    REPORT,
    REQUEST_V,
    RESCUERS,
    RESPOND,
    SCIENCES,
    SEA_WORDS,
    SENT_PEOPLE,
    SERVING_FORCES,
    SETTING_PREPS,
    SINGLE_PERSONS,
    SITTING_BODIES,
    SOVEREIGNTY,
    SPEECH_ACTS,
    SPORTS_PEOPLE,
    STALLED,
    STANCE_ON_ACTS,
    STANCES,
    SUBJ_DEPS,
    SUPPORT_NOUNS,
    SUPPOSE,
    TALK_NOUNS,
    TARGET_PREPS,
    TEMPORAL_MARKS,
    THREAT,
    TOPIC_PREP_TYPES,
    TRAFFICKED,
    TRAILING_CHARGES,
    UNREAL_MODS,
    VERBAL_ATTACK,
    VIEWS,
    VIOLATIONS,
    VISIT,
    WATCH_V,
    WEAPON_AGENTS,
    WEAPON_SUBJECTS,
    WORD_OFFERS,
    WORKS,
)

Mention = tuple[Actor, Span]
BIG_CITY = 100_000  # a bare name taken for a city must be one of this size at least


@dataclass
class _Raw:
    type: str
    mode: str | None
    trigger: Any  # spaCy token
    clause: Any  # the verb that carries tense, modality and negation
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    confidence: float = 0.7
    status: str | None = None
    inner: str | None = None  # the act an intent is about ("agreed to resume talks": CONSULT)


class EventExtractor:
    """Finds events in a parsed document whose actors are already in ``doc.actors``."""

    def __init__(self, lex: TriggerLexicon | None = None):
        self.lex = lex or get_trigger_lexicon()

    def __call__(self, doc: Document) -> list[Event]:
        from ..actors.stage import actor_token_index

        sdoc = doc.spacy_doc
        if sdoc is None:
            return []
        self.idx = actor_token_index(doc)
        self.doc = doc
        self._named: dict[int, set[str]] = {}
        events: list[Event] = []
        for sent in sdoc.sents:
            if not any(t.i in self.idx for t in sent):
                continue
            events.extend(self._sentence(sent))
        return events

    def _named_place(self, tok: Any, min_population: int = 0,
                     bare: bool = False) -> Mention | None:
        """The entity around ``tok`` (or, if ``bare``, the token alone) as a place of its state,
        through the gazetteer; an ambiguous name goes to a state the sentence names."""
        from ..actors.places import country_of_place, only_another_name, state_on

        ent = next((e for e in sentence_of(tok).ents if e.start <= tok.i < e.end), None)
        if ent is None and not bare:
            return None
        a, b = (ent.start_char, ent.end_char) if ent is not None else (tok.idx,
                                                                         tok.idx + len(tok))
        name = self.doc.text[a:b]
        country = country_of_place(name, self._countries_in(sentence_of(tok)),
                                   min_population=min_population)
        if country and only_another_name(name) and country not in (
                named := {ac.country for ac in self.doc.actors if ac.country}) and \
                len(named) >= 2:
            # a spelling some town has only as an alternative, in a state an article about
            # others never names, is a namesake ("Sarkh" in Logar, Afghanistan, in a story
            # on the US and the Taliban, is not Sarh in Chad)
            country = None
        if country:
            country = state_on(country, self.doc.published)
        return self._as_place(country, self.doc.span(a, b)) if country else None

    def _city(self, tok: Any) -> Mention | None:
        """A proper noun no dictionary knows but the gazetteer does ("hit Kharkiv")."""
        if tok.pos_ != "PROPN" or tok.i in self.idx or tok.ent_type_ in ("PERSON", "ORG") or \
                not tok.text[:1].isupper():
            return None
        return self._named_place(tok, BIG_CITY, bare=True)

    def _located(self, t: Mention, typ: str) -> Mention:
        """An uncoded city as a target stands for its state ("shelled Aleppo" -> SYR)."""
        if t[0].code is not None or typ in ("CONSULT", "ACCUSE", "REQUEST", "REJECT", "AGREE"):
            return t  # one talks to, accuses or asks people, not towns
        cs = self.doc.spacy_doc.char_span(t[1].start, t[1].end, alignment_mode="expand")
        if cs is None or cs.root.ent_type_ not in ("GPE", "LOC", "NORP"):
            return t
        place = self._named_place(cs.root, BIG_CITY)
        if place is None and cs.root.ent_type_ == "GPE":
            # a smaller town counts when the text calls it one ("the city of Kherson") or it
            # lies in a state the sentence names; not a namesake abroad ("Borno" in Germany)
            small = self._named_place(cs.root)
            head = cs.root.head.head if cs.root.head.lower_ == "of" else None
            if small is not None and (
                    (head is not None and head.lemma_.lower() in PLACE_NOUNS) or
                    small[0].country in self._countries_in(sentence_of(cs.root))):
                place = small
        return (place[0], t[1]) if place is not None else t

    def _own_people(self, m: Mention) -> bool:
        """"its citizens in China", "their nationals": the warner's own people, an alert."""
        cs = self.doc.spacy_doc.char_span(m[1].start, m[1].end, alignment_mode="expand")
        return cs is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our",
                                                                        "his", "her")
                                      for c in cs.root.children)

    def _countries_in(self, sent: Any) -> set[str]:
        """Countries of the actors the sentence names (computed once per sentence); a news
        outlet cited ("told the AFP news agency") does not make the story French."""
        got = self._named.get(sent.start)
        if got is None:
            got = self._named[sent.start] = {
                c for i in range(sent.start, sent.end)
                if i in self.idx and (c := self.idx[i][0].country) and not (
                    self.idx[i][0].sector == "MED" and self.idx[i][0].kind == "institution")}
        return got

    def _fix_lemmas(self, sent: Any) -> None:
        """Undo the lemmatizer's clipped "-e" ("staged" -> "stag", "waged" -> "wag", "hoped"
        -> "hop": the wish that makes "hoped to withdraw" no withdrawal)."""
        for t in sent:
            if t.pos_ != "VERB" or not t.lower_.endswith(("ed", "es", "ing")):
                continue
            lemma = t.lemma_.lower()
            if lemma in self.lex.verbs or lemma in LIGHT:
                continue
            fixed = lemma + "e"
            if (fixed in self.lex.verbs or fixed in LIGHT or fixed in GOVERNORS) and \
                    t.lower_ in (fixed + "d", fixed + "s", lemma + "ing"):
                t.lemma_ = fixed  # ("hopped" stays "hop")

    # -- per sentence ---------------------------------------------------------------------
    def _sentence(self, sent: Any) -> list[Event]:
        self._fix_lemmas(sent)
        raws: list[_Raw] = []
        consumed: set[int] = set()
        for t in sent:
            if t.pos_ == "VERB":
                raws.extend(self._verb(t, consumed))
            elif t.pos_ == "ADJ" and t.lower_ in INTENT_ADJ:
                r = self._intent_adj(t, consumed)
                if r:
                    raws.append(r)
            elif t.pos_ == "ADJ" and t.lower_ == "opposed":
                r = self._opposed(t)
                if r:
                    raws.append(r)
        for t in sent:
            if t.pos_ in ("NOUN", "PROPN") and t.i not in consumed:
                r = self._noun(t)
                if r:
                    raws.append(r)
        return self._emit(sent, raws)

    # -- verbs -----------------------------------------------------------------------------
    def _rule_for_verb(self, v: Any) -> tuple[Rule | None, Any]:
        """The lexicon rule for a verb and the event noun it carries (if any)."""
        objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative")]
        reduced = _reduced_object(v)
        if reduced is not None:
            objs.append(reduced)  # ("freed 11 Kuwaiti fishermen detained last month")
        if v.lemma_.lower() in OBJECT_CONTROL:  # "allow Ouattara to participate" (ccomp)
            objs += [g for c in v.children if c.dep_ == "ccomp"
                     for g in c.children if g.dep_ == "nsubj" and (
                         g.i in self.idx or g.pos_ == "NOUN")]  # "allowed aid trucks to enter"
        for p in v.children:
            if p.dep_ in ("prep", "prt", "agent") and p.lower_ not in SETTING_PREPS:
                # ("withdrawing from Beirut under the Taif accord": no withdrawal from an accord)
                objs.extend(c for c in p.children if c.dep_ == "pobj")
        # ("banned him from travelling": the act barred names the rule)
        extra = {g.lemma_.lower() for p in v.children if p.dep_ == "prep" and p.lower_ == "from"
                 for g in p.children if g.dep_ == "pcomp"}
        lemmas = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs} | extra
        for o in objs:  # "25,000 tons of food aid": the object's own modifiers count too
            if o.dep_ == "dobj" and o.lemma_.lower() not in INFO_NOUNS:
                lemmas |= {d.lemma_.lower() for d in o.children if d.dep_ in ("compound", "amod",
                                                                               "conj")}
                lemmas |= {x.lemma_.lower() for d in o.children if d.dep_ == "prep"
                           and d.lower_ == "of" for g in d.children if g.dep_ == "pobj"
                           for x in (g, *g.conjuncts)}  # "planeloads of tents and medicine"
                lemmas |= {g.lemma_.lower() for d in o.children if d.dep_ == "prep" and
                           d.lower_ == "in" and (o.ent_type_ == "MONEY" or o.lemma_.lower() in (
                               "dollar", "euro", "pound", "yen", "yuan", "ruble", "rouble",
                               "franc", "riyal", "rupee", "shekel", "lira", "won", "krone"))
                           for g in d.children if g.dep_ == "pobj"}  # "1.2 billion euros in
                # emergency loans"
        if v.dep_ in ("relcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
            lemmas.add(v.head.lemma_.lower())  # "a helicopter that was captured"
        if any(o.dep_ in ("dobj", "dative", "nsubjpass", "nsubj") and
               (o.i in self.idx or self._city(o) is not None or (
                   o.dep_ == "dobj" and o.pos_ == "NOUN" and any(  # "a Swedish-Iranian doctor"
                       c.dep_ in ("amod", "compound") and c.i in self.idx and
                       self.idx[c.i][0].kind == "country" for c in o.children)))
               for o in objs):
            lemmas.add("@actor")  # ("hit Kharkiv": a city the tagger did not see as one)
        lemmas |= {"@" + c.lower_ for c in v.children if c.dep_ == "prep"}
        rules = None
        for c in v.children:
            if c.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in c.children):
                continue  # "fought for three days" is not "fought for a cause"
            if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in PHRASAL_PREPS):
                rules = self.lex.verbs.get(f"{v.lemma_.lower()} {c.lower_}")
                if rules:
                    break
        rules = rules or self.lex.verbs.get(v.lemma_.lower())
        rule = pick(rules, lemmas) if rules else None
        noun = None
        for o in objs:
            if o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in MEASURE_NOUNS:
                # "launched 10 days of war games", "a wave of strikes": the act is the "of" noun
                o = next((g for d in o.children if d.dep_ == "prep" and d.lower_ == "of"
                          for g in d.children if g.dep_ == "pobj"), o)
                lemmas.add(o.lemma_.lower())
            if o.dep_ in ("dobj", "nsubjpass", "pobj") and (
                    o.lemma_.lower() in self.lex.nouns or o.lower_ in self.lex.nouns or (
                        o.lemma_.lower() in EFFORT_NOUNS and self._noun_rule(o) is not None)) \
                    and (o.dep_ != "pobj" or o.head.head.lemma_.lower() in MEASURE_NOUNS or (
                        # "were engaged in ethnic cleansing", "took part in talks"
                        o.head.lower_ == "in" and v.lemma_.lower() in ENGAGE)):
                noun = o
                break
        if noun is None and rule is not None and rule.objects:
            # "voiced support for Assad": the object the rule asks for carries the partner,
            # an event noun or not
            noun = next((o for o in objs if o.dep_ == "dobj" and o.lemma_.lower() in rule.objects
                         and o.lemma_.lower() in SUPPORT_NOUNS), None)
        if noun is None and v.lemma_.lower() in LIGHT:
            # "launched artillery, mortar and rocket fire against ...": the act closes the list
            noun = next((c for o in objs if o.dep_ == "dobj" for c in o.conjuncts
                         if c.lemma_.lower() in self.lex.nouns and self._noun_rule(c) is not None),
                        None)
        if rule is not None and rule.type == "CONSULT" and rule.mode == "visit" and noun is None:
            talks = next((o for o in objs if o.dep_ == "pobj" and o.head.lower_ == "for" and
                          (r := self._noun_rule(o)) is not None and r.type == "CONSULT"), None)
            if talks is not None and any(p.dep_ == "prep" and p.lower_ == "with"
                                         for p in talks.children):
                # "arrived in Nairobi for peace talks with the Khartoum government"
                return Rule(rule.trigger, rule.pos, "CONSULT", None, rule.objects), talks
        if rule is not None and rule.objects and noun is None:
            # "returned to Geneva for talks with ...": the purpose noun carries the partner
            noun = next((o for o in objs if o.dep_ == "pobj" and o.head.lower_ == "for" and
                         o.lemma_.lower() in rule.objects and o.lemma_.lower() in self.lex.nouns),
                        None)
        if rule is not None and rule.type == "ASSAULT" and noun is not None:
            nrule = self._noun_rule(noun)
            if nrule is not None and (nrule.type == "PROTEST" or (
                    nrule.type == "COERCE" and noun.lemma_.lower() == "raid")):
                # "launched a nationwide strike": a walkout, not an attack; "launched late
                # night raids to arrest scores of Hamas members": raids, as the noun codes them
                return nrule, noun
        if rule is not None and rule.objects and noun is not None and \
                (noun.lemma_.lower() in rule.objects or noun.lower_ in rule.objects):
            return rule, noun
        if rule is not None:
            return rule, None
        if noun is not None and v.lemma_.lower() in LIGHT | ENGAGE:
            nrule = self._noun_rule(noun)
            if nrule is not None:
                return nrule, noun
        return None, None

    def _verb(self, v: Any, consumed: set[int]) -> list[_Raw]:
        lemma = v.lemma_.lower()
        if v.i in consumed:
            return []
        if v.dep_ in ("acl", "ccomp", "relcl") and v.head.pos_ == "NOUN":
            hr = self._noun_rule(v.head)
            if (hr is not None and hr.type in ("REQUEST", "THREATEN", "AGREE")) or \
                    v.head.lemma_.lower() in ADMISSIONS:
                # "its demand that Israel ease restrictions", "an admission by Moscow that
                # the NKVD murdered ...": content, not an act
                return []
        if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.dep_ == "dobj" and \
                v.head.head.pos_ == "VERB" and not self._agent(v) and \
                self._rule_for_verb(v.head.head)[0] is not None:
            return []  # "released two British engineers arrested in March": who they are
        red = _reduced_object(v.head) if v.dep_ == "ccomp" else None
        if red is not None and red.head.i == v.i and self._rule_for_verb(v.head)[0] is not None:
            return []  # "fishermen detained last month": a modifier of the head's object
        if lemma in REQUEST_V and any(c.dep_ == "xcomp" and (
                (c.lemma_.lower() in ("identify", "name", "quote") and
                 any(g.dep_ == "auxpass" for g in c.children)) or
                any(g.lower_ == "anonymous" for g in c.children)) for c in v.children):
            return []  # "a refugee who asked not to be identified": a source's anonymity
        if v.lower_ == "opposed" and any(c.dep_ == "auxpass" for c in v.children):
            opp = self._opposed(v)  # "Israel is opposed to French mediation": a stance
            return [opp] if opp else []
        rule, noun = self._rule_for_verb(v)
        if rule is not None and v.dep_ in ("acomp", "xcomp", "oprd") and v.tag_ == "VBN" and \
                v.head.lemma_.lower() in ("feel", "seem", "look", "appear", "become", "get"):
            return []  # "residents shouldn't feel threatened by Chinese workers": a feeling
        if rule is not None and lemma == "charge" and not any(
                c.dep_ in ("dobj", "nsubjpass") for c in v.children) and any(
                c.dep_ == "prep" and c.lower_ in ("into", "at", "toward", "towards", "through",
                                                  "across", "down", "up", "ahead")
                for c in v.children):
            return []  # "Israeli forces charged into Palestinian-controlled land": a movement
        if rule is not None and lemma == "call" and any(
                c.dep_ == "prt" and c.lower_ in ("in", "by") for c in v.children) and not any(
                c.dep_ == "dobj" for c in v.children):
            return []  # "Ford and Kissinger called in to Jakarta": a stop on the way
        if rule is not None and lemma in ("use", "cite", "invoke", "exploit") and any(
                o.lemma_.lower() in PRETEXTS for p in v.children
                if p.dep_ == "prep" and p.lower_ == "as" for o in p.children):
            return []  # "using suicide attacks as a pretext for waging war": a reason given
        if rule is not None and lemma in ("meet", "face", "play", "host") and any(
                o.lemma_.lower() in MATCHES for p in v.children
                if p.dep_ == "prep" and p.lower_ in ("in", "at", "for")
                for o in p.children if o.dep_ == "pobj"):
            return []  # "Brazil and Argentina will meet in a World Cup qualifier": a game
        if rule is not None and rule.type == "THREATEN" and lemma in ("threaten", "menace",
                                                                    "endanger") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in WEAPON_SUBJECTS | ARMS
                for c in (*v.children, *(v.head.children if v.dep_ in ("advcl", "conj") and
                                         not any(g.dep_ == "nsubj" for g in v.children)
                                         else ()))):
            # "North Korean missiles threaten US personnel in Japan": a danger, not a threat
            # anyone made
            return []
        guest = next((g for c in v.children if c.dep_ == "xcomp" and c.lower_ == "visiting"
                      for g in c.children if g.dep_ == "dobj" and g.i in self.idx), None)
        if guest is None and lemma == "welcome":  # "welcomed Castro": a guest, not an idea
            guest = next((c for c in v.children if c.dep_ == "dobj" and c.i in self.idx and
                          self.idx[c.i][0].kind == "person"), None)
        if lemma in HOSTS and guest is not None:
            # "warmly welcomed visiting Cuban leader Fidel Castro" (the participle is parsed
            # as a complement): the host meets the guest
            consumed.update(c.i for c in v.children if c.dep_ == "xcomp")
            return [_Raw("CONSULT", "host", v, v, self._subjects(v), self._actors_at(guest))]
        xcomp = next((c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")),
                     None)
        if xcomp is None and lemma in INTENT_COOP | REFUSE | THREAT | REQUEST_V | ORDER_V:
            # "urged North Korea on Monday to allow ...": an infinitive set off by an adjunct
            # is parsed as an adverbial clause, but completes the verb all the same
            xcomp = next((c for c in v.children if c.dep_ == "advcl" and c.tag_ == "VB" and
                          c.pos_ == "VERB" and c.i > v.i and
                          any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) and
                          not any(g.dep_ in ("mark", "nsubj", "advmod") and g.i < c.i
                                  for g in c.children)), None)
        dobj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if lemma == "offer" and dobj is not None and dobj.lemma_.lower() in WORD_OFFERS:
            return []  # "Beijing offering new guidance to end the violence": words, no offer
        if xcomp is not None and dobj is not None and lemma in ORDER_V:
            # "ordered the newspaper La Prensa to suspend publication": coercion of the one
            # ordered; "ordered its troops to withdraw" is the orderer's own act.
            srcs = self._subjects(v)
            ordered = self._actors_at(dobj)
            own = {a.country for a, _ in srcs if a.country}
            inner, inner_noun = self._rule_for_verb(xcomp)
            consumed.add(xcomp.i)
            if inner is not None and inner_noun is not None:
                consumed.add(inner_noun.i)
            forces = dobj.lower_ in FORCES or dobj.lemma_.lower() in FORCES or (
                bool(ordered) and all(a.sector in ("MIL", "COP") for a, _ in ordered))
            if lemma == "order" and inner is not None and forces and all(
                    a.country is None or a.country in own for a, _ in ordered):
                return [_Raw(inner.type, inner.mode, v, v, srcs,  # ordered, not yet done
                             self._objects(xcomp, inner_noun, inner.type), 0.65,
                             status="future")]
            if not ordered:
                return []  # "forcing universities to spend more": no actor is coerced
            if not srcs and any(c.dep_ == "nsubj" and c.i not in self.idx for c in v.children):
                return []  # "it has forced his rival to distance herself": a cause, no coercer
            if xcomp.lemma_.lower() in ("leave", "depart", "quit", "exit") and not forces and \
                    any(a.country is None or a.country not in own for a, _ in ordered):
                # "Mali ordered the UN mission to leave the country": an expulsion
                return [_Raw("SANCTION", "expel", v, v, srcs, ordered, 0.65)]
            if lemma != "order" or (inner is not None and inner.type in (
                    "SANCTION", "COERCE", "RETREAT", "ASSAULT")):
                return [_Raw("COERCE", None, v, v, srcs, ordered, 0.65)]
            # "a judge ordered Menem to appear for questioning": a demand
            return [_Raw("REQUEST", None, v, v, srcs, ordered, 0.65)]
        if lemma == "invite" and xcomp is not None and rule is not None and \
                xcomp.lemma_.lower() not in VISIT | HOSTS | {
                    "attend", "join", "come", "participate", "meet", "speak", "address", "talk",
                    "negotiate", "discuss", "take", "observe", "sign"}:
            # "invited Russia to dig up the missing emails": asked to act, not a visit offered
            rule = Rule(rule.trigger, rule.pos, "REQUEST", None, rule.objects)
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if xcomp is not None and lemma == "threaten" and subj is not None and \
                subj.pos_ == "NOUN" and subj.i not in self.idx and \
                self._noun_rule(subj) is not None:
            return []  # "this brutal attack ... threatens to destabilise May": a danger
        # Control verbs: fold the complement's event into this one.
        if xcomp is not None and (lemma in INTENT_COOP | REFUSE | THREAT or
                                  (lemma in REQUEST_V and rule is not None
                                   and rule.type == "REQUEST")):
            inner, inner_noun = self._rule_for_verb(xcomp)
            deeper = next((c for c in xcomp.children if c.dep_ == "xcomp" and c.pos_ == "VERB"),
                          None)
            if inner is None and deeper is not None and lemma in THREAT and \
                    xcomp.lemma_.lower() in ("stop", "cease", "end", "halt", "suspend", "quit"):
                # "threatened to stop cooperating with UN inspectors": the threat is to end
                # the act, aimed at its partner
                d_rule, d_noun = self._rule_for_verb(deeper)
                if d_rule is not None and d_rule.type != "NONE":
                    consumed.update((xcomp.i, deeper.i))
                    return [_Raw("THREATEN", None, v, v, self._subjects(v),
                                 self._objects(v) or self._objects(deeper, d_noun), 0.65)]
            if inner is not None and self._figurative(xcomp, xcomp.lemma_.lower(), inner,
                                                      inner_noun):
                consumed.add(xcomp.i)
                if lemma in REQUEST_V and rule is not None and rule.type == "REQUEST" and \
                        xcomp.dep_ == "advcl":
                    # "demanded a meeting of the Security Council to discuss ...": the
                    # demand stands; the infinitive is its purpose
                    return [_Raw("REQUEST", rule.mode, v, v, self._subjects(v),
                                 self._objects(v, None, "REQUEST"))]
                return []  # "fail to meet certification standards"
            if inner is not None:
                consumed.add(xcomp.i)
                if inner_noun is not None:
                    consumed.add(inner_noun.i)
                if xcomp.lemma_.lower() in OBJECT_CONTROL:  # "refused to let Sweden join NATO"
                    # ("... to allow UN planes to land and evacuate its observers": both)
                    consumed.update(g.i for c in xcomp.children if c.dep_ in ("ccomp", "xcomp")
                                    for g in (c, *c.conjuncts))
                srcs = self._subjects(v)
                if lemma in REQUEST_V:
                    # "called on Ethiopia to stop fighting and accept its peace plan"
                    consumed.update(c.i for c in xcomp.children if c.dep_ == "conj")
                    # ("demanded parties to the conflict in Iraq to allow ...": the parties
                    # are placed by their conflict)
                    tg = self._objects(v) or self._parties_placed(v) or \
                        self._objects(xcomp, inner_noun)
                    govs = [c for c in v.children if c.dep_ == "dobj" and c.i not in self.idx
                            and c.lemma_.lower() in ("administration", "government")]
                    own = {a.country for a, _ in srcs if a.country}
                    if govs and not self._objects(v):
                        # "urged the administration to join a NATO-led coalition": the
                        # speaker's own government is asked, not NATO
                        tg = [self._own_government(next(iter(own)), govs[0])] if len(own) == 1 \
                            else []
                    return [_Raw("REQUEST", rule.mode if rule else None, v, v, srcs, tg)]
                tg = self._objects(xcomp, inner_noun)
                if lemma in REFUSE:
                    if inner.type in COOPERATIVE and lemma != "fail":
                        return [_Raw("REJECT", None, v, v, srcs, tg)]
                    return [_Raw(inner.type, inner.mode, xcomp, xcomp, srcs, tg, 0.6,
                                 status="negated")]
                if any(c.dep_ == "neg" for c in xcomp.children) and lemma in (
                        INTENT_COOP | THREAT) - {"warn"}:
                    # "vowed not to return the Golan Heights to Syria": a refusal;
                    # "promised not to attack Lebanon": a pledge of restraint
                    typ = "REJECT" if inner.type in COOPERATIVE else "AGREE"
                    return [_Raw(typ, None, v, v, srcs, tg, inner=inner.type)]
                if lemma in THREAT:
                    # "warned North Korea to refrain from ...": the one warned is the target;
                    # "threatened to stop negotiations if the United States goes ahead": the
                    # one whose act the threat answers
                    own = {a.country for a, _ in srcs if a.country}
                    tg = self._objects(v) or tg or self._condition_targets((v, xcomp), own)
                    return [_Raw("THREATEN", inner.mode if inner.type != "THREATEN" else None,
                                 v, v, srcs, tg)]
                typ = "AGREE" if inner.type in COOPERATIVE else "THREATEN"
                return [_Raw(typ, None, v, v, srcs, tg, inner=inner.type)]
            if lemma in REFUSE and lemma != "fail":
                rej = self._refused_pledge(v, xcomp, consumed)
                if rej is not None:
                    return [rej]
            if lemma in REFUSE:
                return []  # "declined to comment": a refusal of no political act
            if lemma in INTENT_COOP | THREAT and rule is not None:
                srcs = self._subjects(v)
                tg = self._objects(v) or self._objects(xcomp)
                if not tg and lemma in ("vow", "pledge", "promise", "swear") and \
                        xcomp.lemma_.lower() not in HOSTILE_AIMS | KEEP_V | REFUSAL_AIMS \
                        and not any(c.dep_ == "neg" for c in xcomp.children) and srcs and all(
                            a.kind == "person" and a.sector not in ("GOV", "MIL")
                            for a, _ in srcs):
                    # "Trump has vowed to bring back lost mining jobs": a candidate's pledge to
                    # no one ("May pledged to set out new measures": a government's stands)
                    return []
                if lemma != "warn" and any(c.dep_ == "neg" for c in xcomp.children):
                    # "vowed not to return the Golan Heights to Syria": a refusal to Syria;
                    # "vowed not to rest until ...": no one is refused or threatened
                    return [_Raw("REJECT", None, v, v, srcs, tg)] if tg else []
                if not tg and lemma in THREAT:
                    tg = self._condition_targets((v, xcomp),
                                                 {a.country for a, _ in srcs if a.country})
                if xcomp.lemma_.lower() in REFUSAL_AIMS:
                    # "a ruling which Beijing has vowed to ignore": a refusal to come
                    return [_Raw("REJECT", None, v, v, srcs, tg, 0.65, status="future")]
                if lemma in INTENT_COOP and xcomp.lemma_.lower() in HOSTILE_AIMS:
                    # "pledged to confront murders at the hands of Palestinians": a threat
                    return [_Raw("THREATEN", None, v, v, srcs, tg, 0.65)]
                if rule.type == "THREATEN" and lemma in INTENT_COOP and \
                        xcomp.lemma_.lower() in KEEP_V and any(
                            c.dep_ == "dobj" for c in xcomp.children) and not any(
                            c.dep_ in ("xcomp", "ccomp") for c in xcomp.children):
                    # "vowed to honor the Paris agreement": a pledge, not a threat
                    return [_Raw("AGREE", None, v, v, srcs, tg, 0.65)]
                if lemma == "warn":
                    own = {a.country for a, _ in srcs if a.country}
                    tg = [m for m in tg if (m[0].country is None or m[0].country not in own)
                          and not self._own_people(m)]
                    if not tg:
                        return []  # "warned its citizens in China to be vigilant": an alert
                return [_Raw(rule.type, rule.mode, v, v, srcs, tg, 0.65)]
        ccomp = next((c for c in v.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")),
                     None)
        if ccomp is not None and lemma in REPORT and ccomp.lemma_.lower() in (
                "commit", "perpetrate") and any(
                o.dep_ == "dobj" and o.lemma_.lower() in ATROCITIES for o in ccomp.children):
            # "Amnesty said Myanmar's military had committed war crimes": an accusation
            consumed.add(ccomp.i)
            accused = [m for c in ccomp.children if c.dep_ == "nsubj"
                       for m in self._actors_at(c)]
            return [_Raw("ACCUSE", "allege", v, v, self._subjects(v), accused, 0.65)]
        for_clause = next((c for c in v.children if c.dep_ in ("advcl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "for" for g in c.children) and any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)
        if for_clause is not None and lemma in REQUEST_V | {"lobby", "campaign"}:
            # "is pushing for the US to support its plan": a request of the US; what it is
            # asked to do has not happened ("calling for Trump to be banned": asked of
            # whoever would ban him)
            consumed.add(for_clause.i)
            asked = [m for g in for_clause.children if g.dep_ == "nsubj"
                     for m in self._actors_at(g)]
            return [_Raw("REQUEST", None, v, v, self._subjects(v), asked, 0.7)]
        speakers = None
        if ccomp is None and lemma in TRAILING_CHARGES and v.dep_ == "acl" and \
                v.head.dep_ == "appos" and v.i > sentence_of(v).root.i and not any(
                    c.dep_ in ("dobj", "ccomp", "xcomp") for c in v.children):
            # "..., a human rights group protested here Wednesday" parsed as a description
            # of the group: the group speaks, the sentence's main clause is what it says
            ccomp, speakers = sentence_of(v).root, self._actors_at(v.head)
        if ccomp is not None and lemma in TRAILING_CHARGES and v.i > ccomp.i:
            # "Croatian authorities are failing ..., a human rights group protested": a
            # complaint about the clause's subject (PLOVER ACCUSE, mode disapprove)
            accused = [m for c in ccomp.children if c.dep_ in ("nsubj", "nsubjpass")
                       for m in self._actors_at(c)]
            if accused:
                mode = "allege" if lemma in ("charge", "allege") else "disapprove"
                return [_Raw("ACCUSE", mode, v, v,
                             self._subjects(v) if speakers is None else speakers, accused, 0.65)]
        if ccomp is not None and ((rule is not None and rule.type == "REQUEST") or
                                  (lemma in REPORT | INSIST and
                                   any(c.lower_ in DEONTIC for c in ccomp.children
                                       if c.dep_ == "aux")) or
                                  (lemma in INSIST and (ccomp.tag_ == "VB" or (
                                      ccomp.tag_ == "VBP" and v.tag_ == "VBD")) and
                                   not any(c.dep_ == "aux" for c in ccomp.children))):
            # ("insisted that the guerrillas free all hostages": a subjunctive demand)
            # "demanded that Hamas renounce ...", "said Sudan must return ..." -> REQUEST
            if lemma == "ask" and (any(t.text.endswith("?") for t in ccomp.subtree) or any(
                    c.lower_ in ("if", "whether") or c.tag_ in ("WDT", "WP", "WRB")
                    for c in ccomp.children)):
                return []  # "asked if ...", "'why should ...?' asked Bennett": a question
            inner, inner_noun = self._rule_for_verb(ccomp)
            consumed.add(ccomp.i)
            if inner_noun is not None:
                consumed.add(inner_noun.i)
            deontic_only = rule is None or rule.type != "REQUEST"
            # (a modal alone asks something only of an actor that is the clause's subject:
            # "the epidemic of police officers killing ... should be recognized" asks
            # nothing of the police)
            # ("'ISIS must be defeated,' he told POLITICO": a passive subject is acted on;
            # the demand is made of someone unnamed)
            tg = [m for c in ccomp.children if (c.dep_ == "nsubj" or (
                      c.dep_ == "nsubjpass" and not (deontic_only and (
                          (inner is not None and inner.type in ("ASSAULT", "COERCE")) or
                          ccomp.lemma_.lower() in DEFEAT_V | {"force", "compel", "coerce",
                                                              "pressure", "starve"})))) and (
                      not deontic_only or c.i in self.idx or any(
                          g.dep_ in ("compound", "amod", "nmod", "poss") and g.i in self.idx
                          for g in c.children)) for m in self._actors_at(c)]
            if not tg:  # "told Milosevic that he must allow monitors": the one told
                tg = [m for c in v.children if c.dep_ in ("dobj", "dative")
                      for m in self._actors_at(c) if m[0].sector != "MED"]  # (not "told
                # POLITICO": an interview)
            ready = any(c.dep_ == "acomp" and c.lower_ in INTENT_ADJ for c in ccomp.children)
            if deontic_only and (not tg or (ccomp.lemma_.lower() in ("be", "have")
                                            and not ready)):
                # ("must be ready to mediate" is a demand to act)
                return []  # "must have a different word", "we should think": not a demand
            return [_Raw("REQUEST", None, v, v, self._subjects(v), tg, 0.7)]
        if lemma in INSIST | {"press", "renew"} and (rule is None or rule.type != "REQUEST"):
            # "insisted on its demands that Burundi's government grant ...": the demand's
            # clause names whom it is made of
            demands = [o for p in v.children if p.dep_ == "prep" and p.lower_ == "on"
                       for o in p.children if o.dep_ == "pobj"] + [
                o for o in v.children if o.dep_ == "dobj"]
            tg = [m for d in demands if d.lemma_.lower() in DEMAND_NOUNS
                  for c in d.children if c.dep_ in ("acl", "ccomp", "relcl")
                  for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
                  for m in self._actors_at(g)]
            if tg:
                return [_Raw("REQUEST", None, v, v, self._subjects(v), tg, 0.7)]
        if rule is None or rule.type == "NONE":
            return []
        if lemma == "fail":
            return []
        if lemma == "target" and any(c.dep_ == "dobj" and c.lemma_.lower() in AUDIENCES
                                     for c in v.children):
            return []  # "the campaign would do well to target ethnic voters": an audience
        if lemma == "target" and v.dep_ in ("advcl", "acl", "xcomp", "conj") and v.tag_ == "VBG":
            return []  # "imposed sanctions ..., targeting six companies": the same act
        if self._figurative(v, lemma, rule, noun):
            return []
        warned = next((c for c in v.children if c.dep_ == "ccomp"), None)
        if lemma == "warn" and warned is not None and warned.tag_ in ("VBD", "VBN") and not any(
                c.dep_ == "aux" and c.lower_ in HYPO_AUX | FUTURE_AUX | {"to"}
                for c in warned.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she", "it", "they", "you")
                for c in warned.children):
            # "warned Pope Francis that he has caused 'chronic confusion'": a reproach for
            # what was done, not a threat of what will be
            whom = self._objects(v, None, "ACCUSE")
            if not whom:
                return []
            consumed.add(warned.i)  # (what is reproached is the reproach's, not a new act)
            return [_Raw("ACCUSE", "disapprove", v, v, self._subjects(v), whom, 0.65)]
        if lemma == "warn":
            # "warned Saudi rulers could face punishment" threatens someone; "warned that
            # an incident could be used" or "warned of hacking" is an alert, not a threat.
            # the subject of what is warned of is threatened only when it is to suffer it
            # ("warned Saudi rulers could face punishment"), not when it is to act ("warned
            # that if MPs vote it down, the UK will leave without a deal": a consequence)
            tg = self._objects(v, None, "THREATEN") + [
                m for c in v.children if c.dep_ == "ccomp" for g in c.children
                if (g.dep_ == "nsubjpass" or (g.dep_ == "nsubj" and c.lemma_.lower() in (
                    "face", "pay", "suffer", "regret", "bear", "feel")))
                for m in self._actors_at(g)]
            own = {a.country for a, _ in self._subjects(v) if a.country}
            own_act = False
            for c in v.children:
                # "China warned it could seize Taiwan by force": the warner's own act to come
                if c.dep_ != "ccomp" or not any(g.dep_ == "nsubj" and (
                        g.lower_ in PRONOUN_SUBJ or g.lower_ in FORCES or any(
                            # "warned that Beijing would use force", "that police will ..."
                            m[0].country in own for m in self._actors_at(g)))
                                                for g in c.children):
                    continue
                inner, inner_noun = self._rule_for_verb(c)
                if inner is not None and inner.type in ("ASSAULT", "COERCE", "SANCTION"):
                    consumed.add(c.i)
                    tg += self._objects(c, inner_noun, inner.type)
                    own_act = True
                elif c.lemma_.lower() in ("tolerate", "accept", "permit") and any(
                        g.dep_ == "neg" or g.lower_ == "longer" for g in c.children):
                    # "warned that police will no longer tolerate rallies by the Kifaya
                    # group": a threat to those whose acts will not be tolerated
                    tg += [m for o in c.children if o.dep_ == "dobj"
                           for m in self._actors_at(o) + [
                               a for p in o.children if p.dep_ == "prep" and p.lower_ == "by"
                               for g in p.children if g.dep_ == "pobj"
                               for a in self._actors_at(g)]]
                    own_act = True
            if own_act and not tg:  # "would use force if Taiwan declared independence"
                tg = [m for c in v.children if c.dep_ == "ccomp" for a in c.children
                      if a.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                                   for g in a.children)
                      for s in a.children if s.dep_ == "nsubj" for m in self._actors_at(s)]
            tg = [m for m in tg if (m[0].country is None or m[0].country not in own)
                  and not self._own_people(m)]
            if not own_act and any(
                    c.dep_ == "prep" and c.lower_ in ("about", "of") and not any(
                        o.lemma_.lower() in self.lex.nouns or o.lemma_.lower() in CONSEQUENCES
                        for o in c.children)
                    for c in v.children):
                # "warned the American people about this likely outcome": an alert, not
                # "warned Finland of retaliation"
                return []
            if not any(m[0].code for m in tg) and not own_act:
                # "warning U.S. citizens in China that ...": an alert; "warned against an
                # independent Kurdistan": disapproval of an idea, nobody is threatened
                return []
            return [_Raw("THREATEN", None, v, v, self._subjects(v), tg, 0.65)]
        if rule.mode == "destroy" and any(
                c.dep_ == "nsubj" and (c.lemma_.lower() in WEAPON_SUBJECTS or
                                       self._noun_rule(c) is not None)
                for c in v.children):
            # "a drone attack set fire to an oil depot": the attack's damage, not arson
            rule = Rule(lemma, "V", "ASSAULT", None, frozenset())
        if rule.type == "AGREE" and lemma in ("agree", "accede", "consent", "bow") and any(
                o.lemma_.lower() in ("demand", "condition", "term", "request") or any(
                    x.dep_ == "acl" and x.lemma_.lower() in ("demand", "seek", "request")
                    for x in o.children)
                for p in v.children if p.dep_ == "prep" and p.lower_ == "to"
                for o in p.children if o.dep_ == "pobj"):
            # "agreed to constitutional reforms demanded by the opposition": a concession
            rule = Rule(lemma, "V", "CONCEDE", None, frozenset())
        if lemma == "offer" and noun is not None:
            nr = self._noun_rule(noun)
            if nr is not None and nr.type in ("SUPPORT", "ACCUSE"):
                rule = nr  # "offered support" is SUPPORT, "offered criticism" ACCUSE
        status = None
        if noun is not None:
            consumed.add(noun.i)
            if any(c.dep_ == "det" and c.lower_ in NEG_WORDS for c in noun.children):
                status = "negated"  # "makes no apologies", "held no talks"
        srcs = self._subjects(v)
        tgs = self._objects(v, noun, rule.type)
        if rule.type == "CONCEDE" and not tgs:
            # "met the IAEA's demands": whose demands are met; "called off a strike after
            # deliberations with the government": conceded to the other side of the talks
            tgs = [m for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in (
                DEMAND_NOUNS | {"condition", "requirement"}) for m in self._named_by(c)] or [
                m for p in v.children if p.dep_ == "prep" and p.lower_ in ("after", "following")
                for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in TALK_NOUNS
                for w in o.children if w.dep_ == "prep" and w.lower_ == "with"
                for g in w.children if g.dep_ == "pobj" for m in self._expand(g)]
        if lemma in ENGAGE and not srcs and any(c.dep_ == "auxpass" for c in v.children):
            # "Serb forces were engaged in ethnic cleansing": a passive form, an active doer
            srcs = [m for c in v.children if c.dep_ == "nsubjpass" for m in self._actors_at(c)]
            tgs = [t for t in tgs if all(t[0] is not a for a, _ in srcs)]
        if rule.type == "ACCUSE" and lemma in ("complain", "protest"):
            # "complained to the United Nations over two Israeli air raids": the UN hears
            # the complaint, Israel is its object
            heard = [o for p in v.children if p.dep_ == "prep" and p.lower_ == "to"
                     for o in p.children if o.dep_ == "pobj"]  # ("the Council about ...")
            accused = [a for h in (v, *heard) for p in h.children if p.dep_ == "prep" and
                       p.lower_ in ("over", "about", "against")
                       for o in p.children if o.dep_ == "pobj"
                       for a in self._named_by(o)]
            if accused:
                tgs = accused
        if rule.type == "MOBILIZE" and not srcs and not self._agent(v):
            # "The Indian army was put on high alert": the forces alerted are the doer
            alerted = [m for c in v.children if c.dep_ == "nsubjpass" for m in self._actors_at(c)]
            if alerted:
                srcs = alerted
                tgs = [t for t in tgs if all(t[0] is not a for a, _ in alerted)]
        if lemma in RECEIVE and rule.type in ("AID", "AGREE", "SUPPORT"):
            # "demonstrators received weapons from the government": the giver acts
            givers = [m for p in v.children if p.dep_ == "prep" and p.lower_ == "from"
                      for o in p.children if o.dep_ == "pobj" for m in self._actors_at(o)]
            if not givers:
                return []  # "received aid": from whom the sentence does not say
            srcs, tgs = givers, srcs
        verbal = lemma in VERBAL_ATTACK or (noun is not None and noun.lemma_.lower() in (
            "attack", "broadside", "tirade", "assault"))
        if rule.type == "ASSAULT" and lemma in FIGHT_WORDS and not any(
                o.i in self.idx or o.lemma_.lower() in FORCES | FIGHTERS or o.ent_type_ or any(
                    m.dep_ in ("compound", "amod", "poss") and m.i in self.idx
                    for m in o.children)
                for p in v.children if p.dep_ == "prep" and p.lower_ in ("against", "with")
                for o in p.children if o.dep_ == "pobj") and not any(
                c.dep_ == "dobj" for c in v.children):
            return []  # "fighting against the rise of Russia": a figure of speech
        if rule.type == "ASSAULT" and verbal and not any(
                a.sector in ("MIL", "REB", "SPY", "COP") for a, _ in srcs):
            dobj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if (tgs and all(a.kind == "person" for a, _ in tgs)) or (
                    not tgs and srcs and all(a.kind == "person" for a, _ in srcs) and
                    not any(c.dep_ in ("dobj", "prep") for c in v.children)) or (
                    dobj is not None and dobj.i not in self.idx and dobj.pos_ == "NOUN" and
                    (self.lex_sector_free(dobj) or dobj.lemma_.lower() in PUBLIC_PEOPLE)):
                return []  # "attacked Cruz", "attacked a federal judge", "the backstop": words
            if any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG" and
                   c.lemma_.lower() in SPEECH_ACTS for c in v.children):
                # "targeted the United States' southern neighbor, calling Mexican
                # border-crossers 'rapists'": the attack is the words
                return []
        if rule.type == "ASSAULT" and lemma in ("clash", "spar", "tangle", "fight", "battle",
                                                "feud", "quarrel") and not any(
                a.sector in ("MIL", "REB", "SPY", "COP") for a, _ in srcs) and any(
                o.lemma_.lower() in PUBLIC_PEOPLE for p in v.children if p.dep_ == "prep"
                for o in p.subtree):
            return []  # "clashing with a famous TV journalist": a row, not a fight
        if rule.type == "ASSAULT" and lemma in ("shoot", "fire", "hit", "strike") and any(
                c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in v.children) and (
                any(c.dep_ == "ccomp" for c in v.children) or
                not any(c.dep_ in ("dobj", "prep") for c in v.children) or (
                    not any(c.dep_ == "dobj" for c in v.children) and tgs and
                    all(a.kind == "person" for a, _ in tgs))):
            # "Trump shot back that ...", '"No," he fired back', "fired back at Trump over
            # the proposal": a retort
            return []
        if v.dep_ == "acl" and v.tag_ == "VBN":  # the noun described is the one acted on
            patient = v.head
            if rule.type == "SUPPORT" and lemma in ENDORSE_NEEDS_ACTOR and \
                    patient.pos_ == "NOUN" and not self._actors_at(patient) and \
                    patient.lemma_.lower() not in self.lex.nouns:
                return []  # "the transparency so hailed by the Pope": an idea praised
            if rule.type == "ASSAULT" and lemma in ("capture", "seize", "take", "occupy") and (
                    patient.ent_type_ in ("GPE", "LOC", "FAC") or
                    patient.lemma_.lower() in PLACE_NOUNS):
                # "East Jerusalem, captured by Israel in the 1967 war": a seizure
                rule = Rule(lemma, "V", "COERCE", "seize", frozenset())
        if rule.type == "PROTEST" and lemma == "protest" and any(
                c.dep_ == "ccomp" for c in v.children):
            # "Cardinal Eijk protested that Bergoglio's nod ... means ...": a complaint
            rule = Rule(lemma, "V", "ACCUSE", "disapprove", frozenset())
        if rule.type == "PROTEST" and lemma == "march" and srcs and all(
                a.sector in ("MIL", "REB") or a.kind == "armed_group" for a, _ in srcs):
            # "rebel groups defeated the Derg and marched into Addis Ababa": forces moving
            rule = Rule(lemma, "V", "MOBILIZE", "troops", frozenset())
        if rule.type == "AGREE" and lemma in INTENT_COOP and any(
                c.dep_ == "ccomp" and c.lemma_.lower() in HOSTILE_AIMS for c in v.children):
            # "Bolton promises ... the US would 'overthrow' Iran by 2019": a threat
            rule = Rule(lemma, "V", "THREATEN", None, frozenset())
            tgs = tgs or [m for c in v.children if c.dep_ == "ccomp" for o in c.children
                          if o.dep_ == "dobj" for m in self._actors_at(o)]
        if lemma == "sentence" and rule.type == "COERCE" and not any(
                o.lemma_.lower() in ("prison", "jail", "year", "month", "week", "day", "life",
                                     "imprisonment", "term", "detention", "labor", "labour")
                for p in v.children if p.dep_ == "prep" and p.lower_ == "to"
                for o in p.subtree):
            # "sentenced by the Vatican to a lifetime of penance": a conviction (PLOVER
            # codes a sentence of imprisonment as an arrest as well)
            rule = Rule(lemma, "V", "SANCTION", "convict", frozenset())
        aims = _defence_aims(v) if rule.type == "MOBILIZE" and lemma in MOVE_THING else []
        if aims:
            # "sent troops to help defend Qatar": forces lent to a partner are military aid
            rule = Rule(lemma, "V", "AID", "military", frozenset())
            tgs = self._aided(aims) or tgs
            consumed.update(g.i for g in aims)
        if rule.type == "ASSAULT" and not tgs and any(
                c.dep_ == "prep" and c.lower_ in ("into", "over", "toward", "towards") and any(
                    o.lemma_.lower() in SEA_WORDS | {"space", "orbit"} for o in c.children)
                for c in v.children):
            # "fired into the sea", "launched a long-range rocket into space": a test
            rule = Rule(lemma, "V", "MOBILIZE", None, frozenset())
        if rule.type == "ASSAULT" and lemma in ("fire", "launch") and any(
                c.lower_ in ("test", "test-") for c in v.lefts):
            rule = Rule(lemma, "V", "MOBILIZE", None, frozenset())  # "test fired a missile"
        if rule.type == "CONSULT" and lemma == "arrive" and _peacekeepers_subject(v):
            # "the first deployment of NATO peacekeeping troops have arrived in Bosnia"
            rule = Rule(lemma, "V", "AID", "peacekeeping", frozenset())
        elif rule.type == "CONSULT" and lemma == "arrive" and any(
                a.sector == "MIL" for a, _ in srcs):
            rule = Rule(lemma, "V", "MOBILIZE", "troops", frozenset())  # troops arrived
        if rule.type == "CONSULT" and lemma == "arrive" and any(
                c.dep_ == "nsubj" and (c.lemma_.lower() in RESCUERS or any(
                    g.lemma_.lower() in RESCUERS for g in c.children if g.dep_ == "compound"))
                for c in v.children):
            rule = Rule(lemma, "V", "AID", "humanitarian", frozenset())  # rescue teams arrived
        wrapper = next((c for c in v.children if c.dep_ == "nsubj" and
                        c.lemma_.lower() in HANDOVER_NOUNS), None)
        held = lemma == "hold" and (v.dep_ == "acl" or wrapper is not None) and any(
            c.dep_ in ("dobj", "oprd") and c.lemma_.lower() in ("hostage", "captive", "prisoner")
            for c in v.children)
        if v.tag_ == "VBN" and v.dep_ in ("ccomp", "xcomp") and v.head.lemma_.lower() in (
                "want", "need", "see", "like", "prefer", "wish", "get", "have") and not any(
                c.dep_ in ("aux", "auxpass") for c in v.children):
            # "wants Trump banned from the country": Trump would be banned, not ban
            patients = [m for c in v.children if c.dep_ == "nsubj" for m in self._actors_at(c)]
            if patients:
                srcs, tgs = self._agent(v), patients
        if held:
            # "the release of Americans held hostage in Lebanon" (parsed with "the release"
            # as the subject): the Americans are held, by whoever the "by" phrase names
            srcs = self._agent(v)
            tgs = (self._actors_at(v.head) if wrapper is None else [
                m for o in _and_of(wrapper)[1:] for m in self._actors_at(o)]) or tgs
        elif v.dep_ == "acl" and v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN") \
                and (any(c.dep_ == "dobj" for c in v.children) or v.tag_ == "VBD" or
                     rule.type == "PROTEST") \
                and not self._agent(v) and not srcs:
            # a headline parsed as a noun phrase: "The Saudi-led coalition bombed Sanaa"
            srcs = self._actors_at(v.head, strict=True)
        elif v.dep_ == "amod" or (v.dep_ == "acl" and v.tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "mark") for c in v.children)):
            # (not "the announcement that the US and China had reached a deal": a clause)
            # "the sanctions imposed by the US on Iran", "US-backed forces"
            if not srcs:
                srcs = self._agent(v)
            if not tgs and v.dep_ == "acl":
                tgs = self._actors_at(v.head)
        return [_Raw(rule.type, rule.mode, v, v, srcs, tgs,
                     0.75 if noun is None else 0.7, status=status)]

    def _figurative(self, v: Any, lemma: str, rule: Rule, noun: Any) -> bool:
        """Uses of an event verb that state an opinion or a danger, not an act.

        "agrees with Israel that ..." (an opinion), "the deal threatens national security"
        and "threaten our safety" (a danger, no threat is made), "defend business as
        usual" (rhetoric about an idea), "welcomed him into Britain" (admission).
        """
        kids = list(v.children)
        tail = v.doc[v.i:min(v.i + 8, sentence_of(v).end)].text.lower()
        if any(idiom in tail for idiom in IDIOMS):
            return True  # "pulled out of a hat", "out of thin air": idioms
        if not any(c.dep_ == "dobj" and not _is_quantity(c) for c in kids) and (
                any(c.dep_ in ("dobj", "npadvmod", "advmod") and _is_quantity(c)
                    for c in kids) or
                any(c.dep_ == "prep" and c.lower_ in ("by", "to") and _is_quantity(g)
                    for c in kids for g in c.children if g.dep_ == "pobj")):
            return True  # "the Nikkei declined 0.3%", "retreated by 2 points": a measure
        if rule.type == "CONSULT" and lemma in VISIT and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("border", "frontier", "borderland")
                for c in kids):
            return True  # "McKinley visited the southern U.S. border": a place, no host
        if lemma == "return" and any(c.dep_ == "dobj" and c.lemma_.lower() in (
                "people", "refugee", "migrant", "civilian", "resident", "family", "displaced")
                for c in kids):
            return True  # "a plan to return people to their homes": repatriation, no retreat
        if noun is not None and _scholarly(noun):
            return True  # "had conducted epidemiological investigations on people exposed"
        dobj = next((c for c in kids if c.dep_ == "dobj"), None)
        if lemma == "shell" and dobj is not None and dobj.lemma_.lower() in (
                "company", "firm", "corporation", "account", "entity"):
            return True  # "wire the payments to shell companies": a noun read as a verb
        plain = dobj is not None and not self._actors_at(dobj) and noun is None and not (
            dobj.lemma_.lower() in self.lex.nouns or dobj.lower_ in self.lex.nouns)
        ccomp = next((c for c in kids if c.dep_ == "ccomp"), None)
        if rule.type == "AGREE" and lemma in OPINION_AGREE and ccomp is not None and (
                any(c.dep_ == "prep" and c.lower_ == "with" for c in kids) or not any(
                    c.dep_ == "aux" and c.lower_ in HYPO_AUX | FUTURE_AUX
                    for c in ccomp.children)):
            return True  # "agreed that their countries should cooperate" stays AGREE
        if plain and not self._objects(v, noun, rule.type):
            if rule.type == "THREATEN" and not any(c.dep_ == "xcomp" for c in kids):
                return True  # "threatened further action against Russia" stays
            if rule.type == "SUPPORT" and lemma in ENDORSE_NEEDS_ACTOR:
                return True
        if rule.type == "THREATEN" and lemma in ("vow", "swear", "pledge") and ccomp is not None \
                and not any(c.dep_ == "xcomp" for c in kids) and \
                self._rule_for_verb(ccomp)[0] is None:
            return True  # "vowed that Iran would preserve its program": defiance, no threat
        if lemma == "sanction" and dobj is not None and dobj.i not in self.idx and (
                dobj.lemma_.lower() in CRIMES or dobj.lemma_.lower() in self.lex.nouns):
            return True  # "sanctioned Khashoggi's murder": authorised, not a sanction
        if rule.type == "CONSULT" and lemma in ("consult", "meet") and dobj is not None and \
                dobj.pos_ == "NOUN" and dobj.i not in self.idx and noun is None and \
                dobj.lemma_.lower() not in self.lex.nouns and dobj.lower_ not in GROUPISH and \
                dobj.lemma_.lower() not in ("official", "leader", "minister", "counterpart") and \
                _actor_lexicon().sector_of([c.lemma_.lower() for c in dobj.lefts if c.dep_ in (
                    "compound", "amod")] + [dobj.lemma_.lower()]) is None:  # "spy chiefs"
            return True  # "should consult a medical professional", "fail to meet standards"
        if lemma in FIGHT_WORDS and dobj is not None and dobj.i not in self.idx and (
                dobj.lemma_.lower() in ABSTRACT | DEMAND_NOUNS | LEGAL_ACTS | NATURAL | ILLS or any(
                    c.lemma_.lower() in NATURAL for c in dobj.children if c.dep_ == "compound")):
            # "is fighting Pennsylvania's request", "fight the charges" in court, "help
            # fight the Ebola outbreak"
            return True
        if rule.type == "CONSULT" and lemma in ("meet", "convene", "gather") and dobj is None \
                and not any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in kids) \
                and any(c.dep_ == "nsubj" and c.lemma_.lower() in SITTING_BODIES
                        and not any(g.dep_ == "conj" for g in c.children) for c in kids):
            return True  # "Israel's Cabinet met Sunday": a body sitting, no one consulted
        if rule.type == "SUPPORT" and lemma == "welcome" and dobj is None and any(
                c.dep_ == "conj" and c.lemma_.lower() in ("meet", "host", "receive")
                for c in kids):
            return True  # "honored to welcome and meet with leaders from ...": the visit
        if rule.type == "REQUEST" and lemma == "call" and dobj is not None and \
                dobj.lemma_.lower() in CONVENED:
            return True  # "to call a debate", "called elections": convened, not asked for
        if rule.type == "CONSULT" and any(
                c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("visit", "see", "join")
                and any(o.dep_ == "dobj" and o.lemma_.lower() in KIN for o in c.children)
                for c in kids):
            return True  # "was traveling to Cairo to visit her daughter": a private trip
        if rule.type == "REQUEST" and lemma == "call" and dobj is not None and \
                dobj.pos_ in ("PROPN", "PRON") and not any(c.dep_ in ("xcomp", "ccomp")
                                                           for c in kids):
            return True  # "called McCain 'horrible' for his vote": a name, not a request
        if lemma == "offer" and dobj is not None and dobj.lemma_.lower() in WORD_OFFERS:
            return True  # "would offer answers of several hundred words": talk, no offer
        if rule.type == "CONSULT" and _with_press(v):
            return True  # "met with reporters": a press briefing, not a consultation
        if lemma == "plead" and any(c.lower_ in ("guilty", "innocent") for c in kids):
            return True  # "pleaded guilty to illegal lobbying"
        if rule.type == "MOBILIZE" and dobj is None and any(c.dep_ == "xcomp" for c in kids):
            return True  # "secretly mobilized to give Tehran access": moved to act
        if lemma in ("mobilize", "mobilise") and dobj is not None and \
                dobj.lemma_.lower() not in FORCES | ARMED_BODIES and dobj.lower_ not in FORCES and \
                not any(a.sector in ("MIL", "REB", "COP") for a, _ in self._actors_at(dobj)):
            return True  # "mobilized pressure groups", "mobilize support": not a call-up
        subj = next((c for c in kids if c.dep_ == "nsubj"), None)
        if subj is None and v.dep_ == "conj":
            subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ == "WDT" and subj.head.dep_ == "relcl":
            subj = subj.head.head  # "the 1918 Spanish flu that ... killed three times as many"
        if subj is not None and subj.i not in self.idx and subj.pos_ in ("NOUN", "PROPN") and (
                (rule.type == "THREATEN" and subj.pos_ == "NOUN" and
                 subj.lower_ not in GROUPISH) or
                subj.lemma_.lower() in NATURAL):
            return True  # "missiles threaten US troops", "the virus kills": no actor acts
        if rule.type == "ASSAULT" and lemma == "target" and any(
                c.i not in self.idx and (c.lemma_.lower() in PLAN_NOUNS | LEGAL_ACTS or (
                    (nr := self._noun_rule(c)) is not None and nr.type != "ASSAULT"))
                for c in [*(c for c in kids if c.dep_ == "nsubj"),
                          *([v.head] if v.dep_ == "relcl" else [])]):
            return True  # "investigations that would have targeted his son": aimed, not hit
        if rule.type == "AID" and any(
                c.lemma_.lower() in TRAFFICKED or c.lower_ in INFO_NOUNS for c in [
                *(c for c in kids if c.dep_ in ("dobj", "nsubjpass")),
                *([v.head] if v.dep_ in ("acl", "relcl") else [])]):
            # "underage girls supplied to him by Epstein": trafficking; "data supplied by the
            # UK Government": information, not aid
            return True
        if rule.type == "ASSAULT" and lemma in ("explode", "erupt", "boil") and any(
                (nr := self._noun_rule(c)) is not None and nr.type == "PROTEST"
                for c in [*(c for c in kids if c.dep_ == "nsubj"),
                          *([v.head] if v.dep_ == "acl" else [])]):
            return True  # "with Hong Kong protests exploding to new levels": they grow
        if rule.type == "ASSAULT" and any(c.dep_ == "auxpass" for c in kids) and any(
                c.dep_ == "prep" and c.lower_ in ("in", "by", "during") and g.dep_ == "pobj" and
                (g.lemma_.lower() in NATURAL or g.lemma_.lower() in CALAMITIES)
                for c in kids for g in c.children):
            return True  # "killed in a helicopter crash", "injured in the earthquake"
        if rule.type == "CONSULT" and lemma in ("host", "visit", "attend") and dobj is not None \
                and dobj.ent_type_ not in ("GPE", "LOC", "FAC") and noun is None and not (
                    dobj.lemma_.lower() in MEASURE_NOUNS and any(  # "host the next round of talks"
                        g.lemma_.lower() in self.lex.nouns for p in dobj.children
                        if p.lower_ == "of" for g in p.children)) and \
                dobj.lemma_.lower() not in self.lex.nouns and not (
                    dobj.i in self.idx and self.idx[dobj.i][0].code is not None) and not any(
                    m[0].code for m in self._actors_at(dobj)):  # ("hosted Israeli negotiators")
            return True  # "hosts a radio show", "visited a refugee camp", "hosted an event"
        if noun is not None and noun.lemma_.lower() in ("warning", "alert", "advisory") and any(
                c.lemma_.lower() in ALERT_MODS for c in noun.children):
            return True  # "issued a health warning to Americans": an alert, not a threat
        if rule.type == "ASSAULT" and lemma in VERBAL_ATTACK and (
                (dobj is not None and dobj.pos_ == "PRON") or
                (v.dep_ == "acl" and v.head.i not in self.idx)):
            return True  # "He has attacked her over ...", "investigations targeting Hezbollah"
        if lemma in ("discuss", "debate") and not any(
                c.dep_ == "prep" and c.lower_ == "with" for c in kids) and len(
                    {a.country for a, _ in self._subjects(v) if a.country}) < 2:
            # "Trump discussed Iran's breaches": a topic, not a counterpart ("Australian and
            # Chinese officials discussed trade barriers" talk to each other)
            return True
        if lemma == "ask" and rule.type == "REQUEST" and not any(
                c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for")
                or (c.dep_ == "dobj" and (c.lemma_.lower() in self.lex.nouns))
                for c in kids):
            return True  # "'why should ...?' asked Bennett": a question, not a request
        if lemma == "press" and rule.type == "REQUEST" and any(
                c.dep_ == "prep" and c.lower_ in ("on", "about") for c in kids) and not any(
                c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(
                    g.dep_ in ("aux", "mark") and g.lower_ in ("to", "for") for g in c.children))
                for c in kids) and any(
                t.lemma_.lower() in QUESTIONING for t in sentence_of(v)):
            return True  # "Ruhle pressed Flynn on Russia issues" in an interview: questions
        if lemma == "press" and rule.type == "REQUEST" and (
                any(c.dep_ == "agent" for c in kids) or v.dep_ == "advcl" and v.tag_ == "VBN") \
                and not any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in (
                    "for", "into")) or (c.dep_ == "advcl" and any(
                        g.dep_ in ("aux", "mark") and g.lower_ in ("to", "for")
                        for g in c.children)) for c in kids):
            # "was pressed by ABC's host about ...", "Pressed by Mr. Stephanopoulos, Mr. Trump
            # said": questioned; only pressing for something, or to act, asks for it
            return True
        if rule.type in ("AGREE", "THREATEN") and lemma in ("promise", "pledge", "vow", "assure") \
                and ccomp is not None and not any(c.dep_ == "xcomp" for c in kids) and not any(
                    c.dep_ == "aux" and c.lower_ in HYPO_AUX | FUTURE_AUX | {"to"}
                    for c in ccomp.children):
            return True  # "promised that the administration had made ...": an assurance
        if rule.type == "PROTEST" and lemma == "demonstrate" and (any(
                c.dep_ in ("dobj", "ccomp") or (c.dep_ == "prep" and c.lower_ == "to")
                for c in kids) or (v.dep_ == "relcl" and not any(
                    c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in kids))):
            return True  # "to demonstrate to North Korea that ...": to show, not to protest
        if lemma in ("release", "publish", "issue", "unveil") and dobj is not None and any(
                t.lemma_.lower() in WORKS for t in (dobj, *dobj.children)
                if t.i == dobj.i or t.dep_ in ("compound", "appos")):
            return True  # "released his documentary Clinton Cash": a work, not a captive
        duty = next((g for p in kids if p.dep_ == "prep" and p.lower_ == "with"
                     for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
        charged = [v.head] if v.dep_ == "acl" else [
            c for c in kids if c.dep_ in ("nsubjpass", "dobj")] or [
            # "the State Department ... charged with facilitating" misparsed as active
            c for c in kids if c.dep_ == "nsubj" and v.tag_ == "VBN" and not any(
                a.dep_ == "aux" for a in kids)]
        if lemma in ("charge", "task", "entrust") and duty is not None and (
                duty.lemma_.lower() in DUTIES or any(
                    x.lemma_.lower() in DUTY_BODIES or (
                        x.i in self.idx and self.idx[x.i][0].kind in ("institution", "igo"))
                    for c in charged for x in (c, *c.conjuncts))):
            return True  # "parts of his administration charged with facilitating ...": a duty
        if rule.type == "ASSAULT" and dobj is not None and any(
                t.lower_ in ("ad", "ads", "advert", "adverts", "advertisement", "commercial",
                             "commercials", "mailer", "mailers", "billboard")
                for t in (dobj, *dobj.children) if t.i == dobj.i or t.dep_ == "compound"):
            return True  # "unleashed a tough attack ad campaign against Cruz": advertising
        if noun is not None and noun.lemma_.lower() in ("hearing", "hearings") and any(
                c.dep_ == "prep" and c.lower_ in ("on", "about") for c in noun.children) and \
                not any(t.i in self.idx for t in noun.subtree if t.i != noun.i) and \
                not any(c.dep_ == "prep" and c.lower_ == "into" for c in kids):
            return True  # "will hold a hearing on the bankruptcy question": a committee sits
        if lemma in ("abuse", "misuse", "exploit") and dobj is not None and \
                rule.type == "ASSAULT" and _actor_lexicon().sector_of([dobj.text]) is None and \
                not any(a.code or a.kind in ("person", "group")
                        for a, _ in self._actors_at(dobj)):
            return True  # "abused the Foreign Intelligence Surveillance Act": a law misused
        if rule.type == "AGREE" and lemma in OPINION_AGREE and any(
                c.dep_ == "prep" and c.lower_ in ("on", "about") and any(
                    o.lemma_.lower() in VIEWS for o in c.children if o.dep_ == "pobj")
                for c in kids):
            return True  # "broadly agreed on a moral responsibility to confront ...": a view
        if noun is not None and noun.lemma_.lower() in ("apology", "apologies") and any(
                c.lower_ == "no" for c in noun.children):
            return True  # "makes no apologies for accusing the Chinese": stands by it
        if lemma in ("fight", "battle", "combat") and dobj is not None and dobj.i in self.idx and \
                self.idx[dobj.i][0].kind == "person" and \
                self.idx[dobj.i][0].sector not in ("MIL", "REB", "COP") and all(
                    a.kind == "person" and a.sector not in ("MIL", "REB", "COP")
                    for a, _ in self._subjects(v)):
            return True  # "Tenney helped fight Oneida Indian Nation leader Halbritter": politics
        if rule.type == "SUPPORT" and dobj is not None and dobj.i not in self.idx and \
                dobj.lemma_.lower() in POLICY_NOUNS and not any(
                    g.dep_ == "poss" and self._actors_at(g) for g in dobj.children):
            return True  # "supports a larger U.S. military role in Iraq": a policy view
        if lemma == "receive" and rule.type == "CONSULT" and dobj is not None and \
                not self._actors_at(dobj) and _actor_lexicon().sector_of([dobj.text]) is None:
            return True  # "the decision received critical support from Republicans": no guest
        if lemma == "compromise" and dobj is not None:
            return True  # "compromising American contractors", "compromise security": harm
        if lemma == "concede" and ccomp is not None and dobj is None:
            return True  # "conceded the situation is deeply regrettable": an admission
        if rule.type == "ASSAULT" and v.tag_ == "VBN" and v.i >= 2 and \
                v.doc[v.i - 1].lower_ in ("and", "or") and v.doc[v.i - 2].lower_ == "dead":
            return True  # "has lost over 6,000 dead and wounded in Syria": its casualties
        # "welcomed him into Britain": admission, not support
        return lemma == "welcome" and any(c.dep_ == "prep" and c.lower_ in ADMIT_PREPS
                                          for c in kids)

    @staticmethod
    def lex_sector_free(tok: Any) -> bool:
        """An abstract object (plan, backstop, policy), not a place or a force."""
        if tok.lower_ == "positions" and any(c.dep_ in ("amod", "compound")
                                             for c in tok.children):
            return False  # "Kurdish positions", "army positions": places held by forces
        return tok.lemma_.lower() in ABSTRACT

    def _intent_adj(self, a: Any, consumed: set[int]) -> _Raw | None:
        xcomp = next((c for c in a.children if c.dep_ == "xcomp"), None)
        if xcomp is None:
            return None
        inner, inner_noun = self._rule_for_verb(xcomp)
        if inner is None:
            return None
        consumed.add(xcomp.i)
        if inner_noun is not None:
            consumed.add(inner_noun.i)
        head = a.head if a.dep_ in ("acomp", "amod", "advcl", "ccomp", "xcomp") else a
        srcs = self._subjects(head) if head.i != a.i else []
        tgs = self._objects(xcomp, inner_noun)
        aims = _defence_aims(xcomp) if inner.type == "MOBILIZE" else []
        if aims:  # "is willing to send troops to help defend Qatar": an offer of aid
            inner = Rule(inner.trigger, "V", "AID", "military", frozenset())
            tgs = self._aided(aims) or tgs
            consumed.update(g.i for g in aims)
        typ = "AGREE" if inner.type in COOPERATIVE else "THREATEN"
        return _Raw(typ, None, a, head, srcs, tgs, 0.65, inner=inner.type)

    def _parties_placed(self, v: Any) -> list[Mention]:
        """The state of "parties to the conflict in Iraq", the addressees of a demand."""
        for c in v.children:
            if c.dep_ != "dobj" or c.lemma_.lower() not in PARTIES:
                continue
            # ("to the conflict" may hang on the verb)
            spans = [c.subtree, *(p.subtree for p in v.children
                                  if p.dep_ == "prep" and p.i > c.i and p.lower_ in ("to", "in"))]
            for sub in spans:
                for t in sub:
                    if t.i in self.idx and self.idx[t.i][0].kind == "country":
                        return [self.idx[t.i]]
        return []

    def _aided(self, aims: list[Any]) -> list[Mention]:
        """Who a deployment helps: "to help defend Qatar", "to help the Iraqi army fight"."""
        return [m for g in aims for o in g.children if o.dep_ == "dobj"
                for m in self._actors_at(o)] + [
            m for g in aims for c in g.children if c.dep_ == "ccomp"
            for o in c.children if o.dep_ == "nsubj" for m in self._actors_at(o)]

    def _refused_pledge(self, v: Any, xcomp: Any, consumed: set[int]) -> _Raw | None:
        """A refusal whose complement names no act of its own.

        "refused to commit to any direct assistance to the US-led war": the assistance is
        refused (REJECT, aimed at its recipient); "refused to respond to a demand from the
        US President": the demand is rejected, aimed at who made it.
        """
        xl = xcomp.lemma_.lower()
        tg: list[Mention] = []
        for p in xcomp.children:
            if p.dep_ != "prep" or p.lower_ != "to":
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                nrule = self._noun_rule(o)
                if xl in INTENT_COOP and nrule is not None and nrule.type in COOPERATIVE:
                    tg += self._objects(xcomp, o, nrule.type)
                elif xl in RESPOND and o.lemma_.lower() in DEMAND_NOUNS:
                    tg += [a for c in o.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                           for g in c.children if g.dep_ == "pobj" for a in self._actors_at(g)]
                    tg += [a for c in o.children if c.dep_ == "poss" and c.i in self.idx
                           for a in self._expand(c)]
                elif xl in RESPOND:
                    tg += self._actors_at(o)
        if not tg:
            return None
        consumed.add(xcomp.i)
        return _Raw("REJECT", None, v, v, self._subjects(v), tg, 0.65)

    def _opposed(self, t: Any) -> _Raw | None:
        """"X is opposed to Y's plan": X rejects Y (PLOVER REJECT), as "X opposes Y's plan"."""
        tg = [m for p in t.children if p.dep_ == "prep" and p.lower_ == "to"
              for o in p.children if o.dep_ == "pobj"
              for m in self._named_by(o)]
        if not tg:
            return None
        if t.dep_ == "acomp":
            srcs = self._subjects(t.head)
        else:
            srcs = [m for c in t.children if c.dep_ == "nsubjpass" for m in self._actors_at(c)]
        return _Raw("REJECT", None, t, t if t.pos_ == "VERB" else t.head, srcs, tg, 0.65)

    # -- nouns -----------------------------------------------------------------------------
    def _noun_rule(self, n: Any) -> Rule | None:
        if n.lower_ == "aid" and any(c.dep_ == "conj" and c.lower_ == "comfort"
                                     for c in n.children):
            return None  # "Obama's aid and comfort to Iran": the idiom of treason, no aid
        if n.lower_ == "deal" and any(c.dep_ == "amod" and c.lower_ in ("great", "good")
                                      for c in n.children) and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in n.children):
            return None  # "a great deal of collusion": a quantity, not an agreement
        rules = self.lex.nouns.get(n.lemma_.lower()) or self.lex.nouns.get(n.lower_)
        if not rules and n.lemma_.lower() in EFFORT_NOUNS:
            # "a mediation mission", "a bombing campaign": the effort is its modifier's act
            return next((r for c in n.children if c.dep_ in ("compound", "amod")
                         and (r := self._noun_rule(c)) is not None), None)
        if not rules:
            return None
        mods = {c.lemma_.lower() for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        mods |= {c.lower_ for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
        mods |= {g.lemma_.lower() for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"}  # "a package of weapons"
        return pick(rules, mods)

    def _noun(self, n: Any) -> _Raw | None:
        rule = self._noun_rule(n)
        if rule is None or rule.type == "NONE":
            return None  # ("legislative attacks": words, not force)
        if _scholarly(n):
            return None  # "epidemiological investigations": science, not a case against anyone
        head = n.head
        if head.lemma_.lower() in STALLED and n.dep_ in ("nsubj", "nsubjpass"):
            return None  # "the talks ... have been stalled for months": no meeting now
        if rule.type == "CONSULT" and _with_press(n):
            return None  # "a meeting on Monday with reporters": a press briefing
        if head.lemma_.lower() in WATCH_V and n.dep_ == "dobj":
            return None  # "peacekeepers deployed to oversee a ceasefire": one already in place
        if rule.type == "THREATEN" and not (n.dep_ == "dobj" and head.lemma_.lower() in (
                "issue", "make", "level", "repeat", "renew", "deliver", "send")):
            return None  # "Iran's growing threat" is a perception, not a threat made
        # Content of a request, refusal, threat or accusation is not an event that happened.
        gov = head.head if head.dep_ == "prep" else head
        setting = head.dep_ == "prep" and head.lower_ in SETTING_PREPS | {"during", "at"}
        if gov.pos_ == "VERB" and n.dep_ in ("dobj", "pobj", "conj") and not setting:
            # ("proposed a plan during a meeting with ...": the meeting is no content)
            grule, _ = self._rule_for_verb(gov)
            if (grule is not None and grule.type in CONTENT_GOVERNORS) or \
                    gov.lemma_.lower() in REFUSE | THREAT | HYPO_GOV | DENY:
                return None
        srcs: list[Mention] = []
        tgs: list[Mention] = []
        for c in n.children:
            if c.dep_ == "poss" and c.lower_ in ("its", "their") and c.i not in self.idx:
                # "Bosnian Serbs said ... their withdrawal from Gorazde": the speaker's own act
                srcs.extend(self._reporter(_clause_verb(n)))
            elif c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in self.idx:
                if c.dep_ in ("compound", "nmod") and rule.type not in (
                        "ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "THREATEN"):
                    continue  # "the Paris accord", "the Iran deal", "Geneva talks": names
                srcs.extend(self._expand(c))
            elif c.dep_ == "prep":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                for o in objs:
                    if c.lower_ in ("by", "from"):
                        srcs.extend(self._actors_at(o))
                    elif c.lower_ == "between":
                        both = self._actors_at(o)
                        srcs.extend(both[:1])
                        tgs.extend(both[1:])
                    elif c.lower_ in TARGET_PREPS or c.lower_ in ("among", "of"):
                        if c.lower_ == "of" and rule.type not in ("ASSAULT", "COERCE",
                                                                    "SANCTION", "ACCUSE"):
                            continue
                        tgs.extend(self._actors_at(o))
        if n.i in self.idx and not srcs:
            a, sp = self.idx[n.i]
            if a.kind not in ("person",):
                srcs.append((a, sp))
        if not srcs and tgs and n.dep_ == "pobj" and head.head.pos_ == "VERB" and (
                (rule.type == "CONSULT" and head.lower_ in ("during", "at", "in", "after")) or
                (rule.type == "PROTEST" and head.lower_ == "during")):
            # ("in protest at the offensive" is a motive, not a second act)
            # "voiced support during talks with Hariri": the talks of the clause's subject
            srcs = self._subjects(head.head)
            if len(srcs) > 1 and any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                     for c in n.children):
                srcs = []  # "Sessions and Giuliani wore hats ... after his visit": a third
        if not srcs or not tgs:
            # "US sanctions" or "Iran's growing threat" refer to a standing state of affairs;
            # a nominal event counts when the text names who does it to whom.
            return None
        clause = head if head.pos_ in ("VERB", "AUX") else _clause_verb(n)
        if rule.type == "ASSAULT" and n.lemma_.lower() in ("attack", "assault", "broadside") and \
                all(a.kind == "person" and a.sector not in ("MIL", "REB", "COP", "SPY")
                    for a, _ in srcs) and all(
                    a.kind in ("person", "group") or (
                        a.kind == "country" and not _singular(self.doc, sp))
                    for a, sp in tgs):
            # "Mr. Trump's attacks on immigrants, particularly Mexicans": words, not force
            return _Raw("ACCUSE", "disapprove", n, clause, srcs, tgs, 0.6)
        if rule.type in ("CONSULT",) and srcs and not tgs and len(srcs) == 1:
            # "Iran-US talks": a single actor in a nominal consultation is too thin.
            pass
        if n.dep_ == "pobj" and head.lower_ in ("for", "toward", "towards") and \
                head.head.lemma_.lower() in GOAL_HEADS:
            # "the road map for the final status accord": the goal, not yet reached
            return _Raw(rule.type, rule.mode, n, clause, srcs, tgs, 0.6, status="hypothetical")
        return _Raw(rule.type, rule.mode, n, clause, srcs, tgs, 0.6)

    # -- arguments -------------------------------------------------------------------------
    def _subjects(self, v: Any, depth: int = 0) -> list[Mention]:
        if depth > 4:
            return []
        if _to_blame(v):
            # "says the Palestinians are more to blame", "Russia is to blame, the Dutch prime
            # minister said": who says so
            return self._reporter(v.head)
        pressed = _pressed(v)
        if pressed is not None:
            return self._actors_at(pressed)  # "pile pressure on Mr Arafat to arrest ..."
        if any(c.dep_ in ("nsubjpass", "expl") for c in v.children) or _misparsed_passive(v) or (
                v.tag_ == "VBN" and v.dep_ in ("advcl", "acl", "amod") and
                not any(c.dep_ in ("aux", "nsubj") for c in v.children)):
            # passive ("was asked", "Asked if ..."): the "by" phrase; but a raising verb
            # ("Obama is scheduled to attend ...") lends its subject to its complement
            agent = self._agent(v)
            if agent or depth == 0 or not any(c.dep_ == "xcomp" for c in v.children):
                return agent
            return [m for c in v.children if c.dep_ == "nsubjpass"
                    for m in self._actors_at(c, strict=True)]
        first = v
        while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "VERB" \
                and not any(c.dep_ in SUBJ_DEPS for c in first.children):
            first = first.head
        if first.dep_ == "advcl" and first.tag_ == "VBG" and first.head.lemma_.lower() in (
                "blame", "accuse", "charge", "suspect", "fault", "condemn") and not any(
                c.dep_ in SUBJ_DEPS for c in first.children):
            # "... blamed the MEK for killing ..., bombing US companies": the blamed bombs
            objs = [c for c in first.head.children if c.dep_ == "dobj"]
            if objs:
                return [m for c in objs for m in self._actors_at(c)]
        if first is not v and first.dep_ == "pcomp" and first.head.lower_ in ("for", "of"):
            # "blamed the MEK for killing three colonels, bombing the facilities of US
            # companies and killing Iranians": every conjunct is the blamed party's
            return self._subjects(first, depth + 1)
        if v.dep_ == "pcomp" and v.head.lower_ in ("for", "of", "into") and \
                v.head.head.pos_ == "VERB" and not any(c.dep_ in SUBJ_DEPS for c in v.children):
            # "lashed out at Turkey for having shot down a bomber", "accused Russian
            # officers of hacking": the one blamed (or praised) is the doer
            g = v.head.head
            blamed = [m for c in g.children if c.dep_ == "dobj" for m in self._actors_at(c)]
            blamed += [m for p in g.children if p.dep_ == "prep" and p.lower_ in ("at", "on")
                       for o in p.children if o.dep_ == "pobj" for m in self._actors_at(o)]
            if blamed:
                return blamed
            if v.head.lower_ == "for" and g.lemma_.lower() in (
                    "apologize", "apologise", "atone", "answer", "pay") and not any(
                    c.dep_ in ("dobj", "dative", "nsubjpass") for c in g.children):
                # "Russia apologized for bombing Turkish troops": the one who answers for the
                # act did it ("was arrested for collaborating": only alleged, left alone)
                return self._subjects(g, depth + 1)
        if v.dep_ == "pcomp" and v.head.lower_ == "by" and v.head.dep_ == "prep" and \
                v.head.head.pos_ in ("VERB", "AUX") and \
                not any(c.dep_ in SUBJ_DEPS for c in v.children):
            # "put his reputation on the line by ordering the arrest": the means has the doer
            # of the act it serves; "accused Israel of escalating violence by killing three
            # Palestinians" (the "by" hung on "accused"): the accused's
            g = v.head.head
            if g.lemma_.lower() in ("accuse", "blame", "charge", "suspect", "condemn",
                                    "criticize", "criticise", "denounce", "fault", "praise",
                                    "thank", "congratulate", "punish", "rebuke"):
                return [m for c in g.children if c.dep_ == "dobj" for m in self._actors_at(c)]
            if g.lemma_.lower() in REPORT:
                # "told the tale of Gen. Pershing halting attacks by shooting them": the
                # means hung on the telling belongs to the tale
                return []
            return self._subjects(g, depth + 1)
        if v.dep_ == "pcomp" and v.head.lower_ == "for" and v.head.head.dep_ == "dobj" and \
                v.head.head.lemma_.lower() in ("apology", "credit", "responsibility", "blame",
                                                "praise", "criticism", "flak") and \
                not any(c.dep_ in SUBJ_DEPS for c in v.children):
            # "makes no apologies for accusing the Chinese", "took credit for killing": the
            # one who answers for the act did it
            return self._subjects(v.head.head.head, depth + 1)
        if v.dep_ == "pcomp" and v.head.lower_ == "of" and v.head.head.dep_ == "dobj" and \
                v.head.head.head.lemma_.lower() in ("accuse", "suspect", "convict", "blame") \
                and not any(c.dep_ in SUBJ_DEPS for c in v.children):
            # "accusing Russian officers of hacking" with "of" parsed under the object
            blamed = self._actors_at(v.head.head)
            if blamed:
                return blamed
        prev = v.doc[v.i - 1] if v.i > 0 else None
        if v.dep_ in ("advcl", "xcomp") and v.tag_ == "VBG" and prev is not None and \
                prev.dep_ == "pobj" and prev.head.dep_ == "prep" and \
                prev.head.head.i == v.head.i and prev.i in self.idx and \
                v.head.lemma_.lower() in STANCE_ON_ACTS and \
                not any(c.dep_ in SUBJ_DEPS for c in v.children):
            # "objected to Ukraine opening an investigation" (the gerund split from its
            # subject): Ukraine would open it
            return self._actors_at(prev)
        if v.dep_ == "advcl" and v.tag_ == "VBG" and prev is not None and \
                prev.dep_ == "pobj" and prev.head.lower_ == "with" and prev.pos_ in (
                    "NOUN", "PROPN") and not any(c.dep_ in SUBJ_DEPS for c in v.children):
            # "problems with hostile groups using tunnels to stage attacks": the groups
            return self._actors_at(prev)
        if v.dep_ == "acl" and v.head.lemma_.lower() in PLAN_NOUNS | {
                "decision", "move", "bid", "attempt", "effort"} and _infinitive(v) and \
                not any(c.dep_ in SUBJ_DEPS for c in v.children):
            # "disrupting a United Nations plan to return people": the plan's owner acts
            # ("Pakistan regrets the Indian decision to downgrade embassy representation")
            owners = [m for c in v.head.children if c.dep_ in ("compound", "poss", "amod")
                      and c.i in self.idx for m in self._expand(c)]
            if owners:
                return owners
        if v.dep_ in ("advcl", "xcomp") and v.head.lemma_.lower() in EQUIP_V and \
                _infinitive(v) and not any(c.dep_ in SUBJ_DEPS for c in v.children):
            # "has been training Syrian opposition forces to fight against Islamic State":
            # the trained fight
            trained = [m for c in v.head.children if c.dep_ == "dobj"
                       for m in self._actors_at(c)]
            if trained:
                return trained
        # ("Visiting Chinese Foreign Minister Qian held talks": "Visiting" parsed as a subject)
        for c in sorted(v.children, key=lambda c: c.dep_ != "nsubj"):
            if c.dep_ == "nsubj" and c.i not in self.idx and c.pos_ == "NOUN":
                nr = self._noun_rule(c)
                if nr is not None and nr.type == "ASSAULT":
                    # "An Israeli air strike on a school killed 30 people": the strike's doer
                    doers = [m for g in c.children if g.dep_ in ("amod", "compound", "poss")
                             and g.i in self.idx for m in self._expand(g)]
                    doers += [m for p in c.children if p.dep_ == "prep" and p.lower_ == "by"
                              for o in p.children if o.dep_ == "pobj"
                              for m in self._actors_at(o)]
                    if doers:
                        return doers
            if c.dep_ in SUBJ_DEPS:
                if c.tag_ == "VBG" and c.i not in self.idx:
                    # "The Red Cross operating in Iraq said": a participle parsed as the head
                    c = next((g for g in c.children if g.dep_ == "nsubj"), c)
                found = [m for m in self._actors_at(c, strict=True) if not _unknown_place(
                    self.doc, m)]
                if not found and (c.lemma_.lower() in CROWDS or c.ent_type_ == "CARDINAL"):
                    # "Thousands of Nigerians ... were converging": the people counted
                    found = [m for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                             for o in p.children if o.dep_ == "pobj"
                             for m in self._actors_at(o, strict=True)]
                if found and all(m[0].code is None for m in found) and any(
                        g.dep_ == "poss" and g.lower_ in ("its", "their") for g in c.children):
                    # "Bosnian Serbs said their forces had completed ...": the speaker's forces
                    rep = self._reporter(v)
                    if rep and rep[0][0].country and c.lemma_.lower() in FORCES | {"force"}:
                        country = rep[0][0].country
                        found = [(Actor(code=country + "MIL", name=found[0][0].name,
                                        kind="group", country=country, sector="MIL"),
                                  found[0][1])]
                    else:
                        found = rep or found
                if found:
                    return found
                if c.lower_ in PRONOUN_SUBJ | {"he", "she"} or \
                        c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP"):
                    # ("Colombia's president said he would not ...": no person to carry "he")
                    rep = self._reporter(v)
                    if rep:
                        return rep
                    if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                        prev = v.doc[c.i - 1] if c.i > 0 else c
                        if v.head.pos_ in ("VERB", "AUX") and prev.pos_ in ("NOUN", "PROPN"):
                            # "in hot pursuit of gunmen who opened fire on them", the clause
                            # hung on the verb: the noun before "who"
                            return self._actors_at(prev)
                        return self._actors_at(v.head)
                    if c.lower_ in ("it", "they") and v.dep_ == "relcl" and \
                            v.head.dep_ == "dobj" and depth == 0:
                        return self._clause_subject(v.head.head)
                return []
        agent = self._agent(v)
        if agent:
            return agent
        if any(c.dep_ == "auxpass" for c in v.children):
            return []  # "Iran would continue to be denied access": Iran is the one denied
        if v.dep_ == "relcl":
            found = self._actors_at(v.head)
            if not found and _infinitive(v) and self._noun_rule(v.head) is not None:
                # "were converging for a rally in Lagos to protest ...": the ralliers
                g = v.head.head.head if v.head.dep_ == "pobj" else v.head.head
                if g.pos_ in ("VERB", "AUX"):
                    return self._subjects(g, depth + 1)
            return found
        if v.dep_ == "xcomp":
            h = v.head
            if h.lemma_.lower() in OBJECT_CONTROL:
                objs = self._objects(h)
                if objs:
                    return objs
                if any(c.dep_ in ("dobj", "dative") for c in h.children):
                    return []  # "invited him to visit": "him", not the inviter, visits
            return self._subjects(h, depth + 1)
        if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.tag_ != "VBN" and not any(
                c.dep_ == "auxpass" for c in v.children) and any(
                c.dep_ == "nsubjpass" for c in v.head.children):
            # "X has been indicted by the court and will resign": X resigns, not the court
            return [m for c in v.head.children if c.dep_ == "nsubjpass"
                    for m in self._actors_at(c, strict=True)]
        if v.dep_ == "advcl" and v.i > 0 and v.doc[v.i - 1].dep_ == "case" and \
                v.tag_ in ("VBD", "VBN"):
            return []  # "Libya's murdered Col. Khadaffi": a participle, no doer named
        if v.dep_ == "conj" and v.head.tag_ == "VBG" and _infinitive(v) and \
                not _infinitive(v.head):
            # "plan to bar Muslims from entering the country and to force Mexico to pay":
            # the infinitive is coordinated with "to bar", not with the gerund it hangs on
            pair = next((a for a in list(v.head.ancestors)[:4]
                         if a.pos_ == "VERB" and _infinitive(a)), None)
            if pair is not None:
                return self._subjects(pair, depth + 1)
        if v.dep_ in ("conj", "advcl") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
            return self._subjects(v.head, depth + 1)
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN") and \
                v.head.i in self.idx and (v.head.lemma_.lower() in PROTESTERS or
                                          v.head.lower_ in PROTESTERS or
                                          v.lemma_.lower() in CROWD_ACTS):
            return self._actors_at(v.head)  # "to disperse demonstrators protesting the results"
        if v.dep_ == "acl" and v.head.lemma_.lower() in ("rally", "demonstration", "protest",
                                                           "march", "vigil", "sit-in"):
            # "her speech at a rally to protest the Iran deal": the rally's people protest
            return self._actors_at(v.head)
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.lemma_.lower() in RECORDINGS:
            # "published a video of him scolding two women": the one filmed acts
            return [m for p in v.head.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for m in self._actors_at(o)]
        owner = next((c for c in v.head.children if c.dep_ == "poss"), None) \
            if v.dep_ == "acl" and v.tag_ == "VB" else None
        if owner is not None:
            found = self._actors_at(owner)  # "citing his proposal to ban Muslims": his ban
            if not found and owner.lower_ in ("its", "their") and \
                    v.head.dep_ in ("dobj", "pobj") and v.head.head.pos_ in ("VERB", "AUX"):
                # "the UK would reverse its decision to leave the EU": the clause's subject
                found = self._subjects(v.head.head, depth + 1)
            return found
        if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.i in self.idx and \
                v.head.pos_ in ("PROPN", "NOUN"):
            # "police officers killing unarmed people": the forces act; "an alert warning
            # Americans traveling to China", "millions of Americans supporting Trump": people
            # described, no act of their state's
            found = self._actors_at(v.head)
            return found if found and all(a.sector in ("MIL", "REB", "COP", "SPY", "GOV")
                                          for a, _ in found) else []
        if v.dep_ == "acl" and v.tag_ in ("VBG", "VB") and v.head.dep_ in ("dobj", "nsubj"):
            # "the PKK issued a declaration demanding ...": the declarer demands
            return self._subjects(v.head.head, depth + 1) if v.head.dep_ == "dobj" \
                else self._actors_at(v.head)
        if v.dep_ in ("acomp",) or v.head.lower_ in INTENT_ADJ:
            return self._subjects(v.head, depth + 1)
        return []

    def _clause_subject(self, e: Any) -> list[Mention]:
        """Who "it" in "return the citizens it abducted" is: the doer of the clause around.

        Under a request ("urged North Korea to return ..."), the one asked; otherwise the
        clause's own subject ("Iraq must pay for the damage it caused").
        """
        if e.dep_ == "xcomp" and e.head.lemma_.lower() in REQUEST_V | ORDER_V | OBJECT_CONTROL:
            asked = [m for c in e.head.children if c.dep_ == "dobj" for m in self._actors_at(c)]
            if asked:
                return asked
        found = self._subjects(e, 1)
        return [m for m in found if m[0].kind != "person"]

    def _reporter(self, v: Any) -> list[Mention]:
        """"Iran said it would retaliate": the pronoun is the reporting verb's subject."""
        h = v
        for _ in range(3):
            if h.dep_ in ("ccomp", "conj", "xcomp") and h.head.i != h.i:
                h = h.head
                if h.lemma_.lower() in REPORT | DENY | INTENT_COOP | THREAT:
                    for c in h.children:
                        if c.dep_ == "nsubj":
                            return self._actors_at(c)
                    if h.dep_ == "xcomp":  # "continues to deny they attacked": the denier
                        return self._subjects(h)
                    if h.dep_ == "advcl" and h.tag_ == "VBG" and h.head.pos_ in ("VERB", "AUX"):
                        # "announced sanctions against India, saying it would also ban
                        # Indian planes": who announced
                        return self._subjects(h.head)
            else:
                break
        return []

    def _agent(self, v: Any) -> list[Mention]:
        out: list[Mention] = []
        for c in v.children:
            if c.dep_ == "agent":
                for o in c.children:
                    if o.dep_ == "pobj":
                        out.extend(self._actors_at(o))
        if not out and v.lemma_.lower() in CASUALTY_V:
            # "were killed in Israeli tank shelling", "died in a strike by government forces":
            # the attack named is the doer's
            for p in v.children:
                if p.dep_ != "prep" or p.lower_ not in ("in", "by"):
                    continue
                for o in p.children:
                    nr = self._noun_rule(o) if o.dep_ == "pobj" else None
                    if nr is None or nr.type != "ASSAULT":
                        continue
                    out.extend(m for c in o.children if c.dep_ in ("amod", "compound", "poss",
                                                                    "nmod") and c.i in self.idx
                               for m in self._expand(c))
                    out.extend(m for b in o.children if b.dep_ == "prep" and b.lower_ == "by"
                               for g in b.children if g.dep_ == "pobj"
                               for m in self._actors_at(g))
        if not out:
            # "was killed on their orders", "on the orders of the prince", "at Riyadh's
            # behest": who ordered it is the doer
            for p in v.children:
                if p.dep_ != "prep" or p.lower_ not in ("on", "at"):
                    continue
                for o in p.children:
                    if o.dep_ != "pobj" or o.lemma_.lower() not in ORDERS:
                        continue
                    out.extend(m for c in o.children if c.dep_ == "poss"
                               for m in self._actors_at(c))
                    out.extend(m for b in o.children if b.dep_ == "prep" and b.lower_ == "of"
                               for g in b.children if g.dep_ == "pobj"
                               for m in self._actors_at(g))
        return out

    def _objects(self, v: Any, noun: Any = None, typ: str | None = None) -> list[Mention]:
        out: list[Mention] = []
        if _to_blame(v):  # "the Palestinians are more to blame than the Israelis"
            return [m for c in v.head.children if c.dep_ == "nsubj" for m in self._actors_at(c)]
        if v.lemma_.lower() in OBJECT_CONTROL:  # "allowed Ouattara to participate"
            out += [m for c in v.children if c.dep_ == "ccomp" for g in c.children
                    if g.dep_ == "nsubj" for m in self._actors_at(g)]  # "UN peacekeepers"
        plain_obj = any(c.dep_ == "dobj" and c.i not in self.idx and
                        (noun is None or c.i != noun.i) and not self._actors_at(c) and
                        c.lemma_.lower() not in self.lex.nouns  # "suspended aid to Rwanda"
                        and c.lemma_.lower() != "fire"  # "set fire to the embassy"
                        for c in v.children)
        reduced = _reduced_object(v)
        if reduced is not None:
            out.extend(self._actors_at(reduced))
        if typ == "ACCUSE" and v.lemma_.lower() == "blame":
            # "problems that he blamed on the policies of President Obama": the one blamed
            out.extend(m for p in v.children if p.dep_ == "prep" and p.lower_ == "on"
                       for o in p.children if o.dep_ == "pobj"
                       for g in (o, *(x for q in o.children if q.dep_ == "prep" and
                                      q.lower_ == "of" for x in q.children if x.dep_ == "pobj"))
                       for m in self._actors_at(g))
        if typ == "ACCUSE" and v.lemma_.lower() in ("allege", "charge", "claim", "assert") and \
                not any(c.dep_ in ("dobj", "dative") for c in v.children):
            # "articles alleging that the U.S. had invented HIV": the one said to have done it
            out.extend(m for c in v.children if c.dep_ == "ccomp"
                       for g in c.children if g.dep_ in ("nsubj", "nsubjpass")
                       for m in self._actors_at(g))
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "nsubjpass" and c.lower_ in ("who", "which", "that")
                for c in v.children):
            out.extend(self._actors_at(v.head))  # "al-Awlaki, who was killed in a strike"
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN") and not any(
                c.dep_ in ("dobj", "nsubjpass", "auxpass", "ccomp", "xcomp") and not (
                    # "the preacher whom Erdogan accuses" (a named doer; "whom authorities
                    # blame" leaves the blamed unplaced)
                    c.dep_ == "dobj" and c.lower_ in ("whom", "who", "which", "that") and any(
                        g.dep_ == "nsubj" and g.i in self.idx and self.idx[g.i][0].code
                        for g in v.children))
                for c in v.children) and any(
                c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children):
            # "a Mexican woman he met": the woman ("the US-based preacher whom Erdogan
            # accuses": the preacher, not the US he lives in)
            out.extend(m for m in self._actors_at(v.head) if not any(
                t.head.lower_ == "based" for t in self.doc.spacy_doc.char_span(
                    m[1].start, m[1].end, alignment_mode="expand") or ()))
        for c in v.children:
            if c.dep_ == "dobj" and c.lower_ in ("hell", "crap", "daylights", "shit"):
                # "bomb the hell out of ISIS": ISIS is bombed
                out.extend(m for p in v.children if p.lower_ == "out"
                           for q in p.children if q.lower_ == "of"
                           for o in q.children if o.dep_ == "pobj" for m in self._actors_at(o))
                continue
            if c.dep_ == "dobj" and typ == "SUPPORT" and c.i not in self.idx and \
                    c.lemma_.lower() in POLICY_NOUNS:
                # "supports a larger U.S. military role in Iraq": a policy backed ("backs
                # China's role": the owner is backed)
                out.extend(m for g in c.children if g.dep_ == "poss" for m in self._actors_at(g))
                continue
            if c.dep_ == "dobj" and v.lemma_.lower() in ("use", "employ", "wield"):
                continue  # "used US military force against Iran": the means, not the target
            if c.dep_ == "dobj" and typ == "REJECT" and self._punitive(c):
                # "opposed the Iraq invasion", "defy punitive measures against Assad": what
                # is opposed falls on Iraq and Assad; the one opposed is its doer
                out.extend(m for g in c.children if g.dep_ == "poss" for m in self._actors_at(g))
                out.extend(m for p in c.children if p.dep_ == "prep" and p.lower_ == "by"
                           for g in p.children if g.dep_ == "pobj" for m in self._actors_at(g))
                continue
            if c.dep_ == "dobj" and v.lemma_.lower() in ("investigate", "probe") and \
                    c.lemma_.lower() in HARMS and c.i not in self.idx:
                # "investigate the disappearance of a Saudi journalist": the victim is not
                # investigated; "Syria's attack", "the killing by police": the doer is
                out.extend(m for g in c.children if g.dep_ == "poss" for m in self._actors_at(g))
                out.extend(m for p in c.children if p.dep_ == "prep" and p.lower_ == "by"
                           for g in p.children if g.dep_ == "pobj" for m in self._actors_at(g))
                continue
            if c.dep_ == "dobj" and c.lemma_.lower() in HANDOVER_NOUNS:
                holders = [a for p in c.children if p.dep_ == "prep" and p.lower_ == "from"
                           for o in p.children if o.dep_ == "pobj" for a in self._actors_at(o)]
                if holders:  # "requested the extradition of Hasina from India"
                    out.extend(holders)
                    continue
            if (c.dep_ in ("dobj", "dative", "nsubjpass") or (
                    c.dep_ == "nsubj" and _misparsed_passive(v))) and (
                    noun is None or c.i != noun.i):
                if c.dep_ == "nsubjpass" and noun is not None:
                    continue
                if c.dep_ == "dobj" and any(g.dep_ == "case" for g in c.children) and any(
                        x.dep_ == "dobj" and x.i > c.i for x in v.children):
                    continue  # "indict Trump's son-in-law Jared Kushner" misparsed: a kin's
                if c.dep_ == "dobj" and c.i > 0 and c.left_edge.i > 0 and \
                        c.doc[c.left_edge.i - 1].text == "," and any(
                        x.dep_ == "acl" and x.lemma_.lower() in REPORT | {"charge", "protest"}
                        for x in c.children):
                    continue  # "..., a human rights organization charged": who says it
                forces = c.dep_ == "dobj" and bool(self._actors_at(c)) and all(
                    a.kind != "country" and a.sector in ("MIL", "COP", "REB")
                    for a, _ in self._actors_at(c))  # ("send U.S. forces to face off ...")
                if c.dep_ == "dobj" and typ == "RETREAT" and v.lemma_.lower() in (
                        "withdraw", "pull", "recall", "remove", "evacuate", "redeploy",
                        "relocate", "move", "bring", "draw") and (forces or any(
                        x.lemma_.lower() in ARMED_BODIES or x.lower_ in FORCES
                        for x in (c, *(o for p in c.children if p.dep_ == "prep" and
                                       p.lower_ == "of" for o in p.children)))):
                    continue  # "withdraw US forces from South Korea": what is withdrawn
                if c.dep_ == "dobj" and typ == "MOBILIZE" and (
                        c.i not in self.idx or self.idx[c.i][0].code is None) and \
                        v.lemma_.lower() not in MOVE_THING:
                    continue  # "massed troops on the border": the troops are what is massed
                if c.dep_ == "dobj" and ((v.lemma_.lower() in MOVE_THING and (
                        c.i not in self.idx or self.idx[c.i][0].code is None)) or (
                        typ == "MOBILIZE" and forces)):
                    # "sent troops to Syria": the troops are what is sent ("extradite the
                    # commander to the United States": the receiving state is the target)
                    out.extend(a for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                               for o in p.children if o.dep_ == "pobj" for a in self._actors_at(o))
                    continue
                if c.dep_ == "dative" and c.pos_ == "ADP":  # "providing intelligence to X"
                    out.extend(a for o in c.children if o.dep_ == "pobj"
                               for a in self._actors_at(o))
                    continue
                if c.dep_ == "dobj" and c.i not in self.idx and (
                        c.lemma_.lower() in self.lex.nouns or c.lower_ in self.lex.nouns):
                    # "condemned the visit by Pelosi to Taiwan": the target is the doer
                    out.extend(a for p in c.children if p.dep_ == "prep" and (
                               p.lower_ == "by" or (p.lower_ == "of" and (
                                   c.lemma_.lower() in OUSTER_NOUNS or (
                                       # "demanded a meeting of the Security Council"
                                       typ == "REQUEST" and c.lemma_.lower() in (
                                           "meeting", "session", "summit")))) or
                               (p.lower_ == "from" and c.lemma_.lower() in DEMAND_NOUNS))
                               for o in p.children if o.dep_ == "pobj"
                               for a in self._actors_at(o))
                    # ("demanded the resignation of Netanyahu": the one to go is the target)
                    if v.lemma_.lower() == "blame":  # "blamed the attack on Hezbollah"
                        out.extend(a for p in c.children if p.dep_ == "prep" and
                                   p.lower_ in ("on", "upon")
                                   for o in p.children if o.dep_ == "pobj"
                                   for a in self._actors_at(o))
                    cr = self._noun_rule(c)
                    mods = ("poss", "amod") if cr is not None and cr.type in (
                        "AGREE", "CONSULT", "COOPERATE") else ("poss", "amod", "compound", "nmod")
                    # "opposed Obama's Iran deal": "Iran" names the deal, not a party to it
                    out.extend(a for p in c.children if p.dep_ in mods and p.i in self.idx
                               for a in self._expand(p))
                    continue
                if c.dep_ == "dobj" and typ in ("REJECT", "SUPPORT", "ACCUSE", "AGREE"):
                    # "rejected the ceasefire plan proposed by Kyiv": the proposer
                    proposers = [a for x in c.children if x.dep_ == "acl" and x.tag_ == "VBN"
                                 for a in self._agent(x)]
                    if proposers:
                        out.extend(proposers)
                        continue
                found = self._actors_at(c)
                if not found and c.dep_ == "dobj" and c.lower_ in ("him", "her", "them") and \
                        v.dep_ == "conj" and v.head.pos_ == "VERB":
                    # "froze the assets of Mugabe and banned him from travelling": the one
                    # the first verb acted on
                    found = [m for m in self._objects(v.head)
                             if c.lower_ == "them" or m[0].kind == "person"]
                if c.dep_ == "dobj" and found and all(a.code is None and a.kind == "person"
                                                      for a, _ in found):
                    # "recognised Juan Guaido as Venezuela's interim president"
                    found = [a for p in v.children if p.dep_ == "prep" and p.lower_ == "as"
                             for o in p.children if o.dep_ == "pobj"
                             for a in self._actors_at(o) if a[0].code] or found
                if not found and c.dep_ == "dobj" and typ in ("REJECT", "AGREE", "CONCEDE"):
                    # "declined an invitation to join the BRICS bloc": the body to be joined
                    found = [a for x in c.children if x.dep_ == "acl" and any(
                                 g.dep_ == "aux" and g.lower_ == "to" for g in x.children)
                             for o in x.children if o.dep_ == "dobj" for a in self._actors_at(o)]
                if not found and c.dep_ in ("dobj", "nsubjpass"):
                    city = self._city(c)
                    found = [city] if city is not None else []
                if not found and c.dep_ == "dobj" and v.lemma_.lower() in FROM_TARGET:
                    # "recalled its ambassador from Lebanon", "withdrew its ambassador to Spain"
                    found = [a for p in c.children if p.dep_ == "prep" and (
                                 p.lower_ == "from" or (p.lower_ == "to" and
                                                        c.lemma_.lower() in ENVOYS))
                             for o in p.children if o.dep_ == "pobj" for a in self._actors_at(o)]
                if c.dep_ == "dobj" and v.lemma_.lower() in FROM_TARGET and (
                        c.lower_ in FORCES or c.lemma_.lower() in FORCES) and all(
                        a.code is None for a, _ in found):
                    # "pulled its troops out of Beirut": the place left, not the forces moved
                    found = [self.idx[o.i] for h in (c, v) for p in h.children
                             if p.dep_ == "prep" and p.lower_ in ("from", "out")
                             for o in [*p.children, *(g for q in p.children if q.dep_ == "prep"
                                                      and q.lower_ == "of" for g in q.children)]
                             if o.dep_ == "pobj" and o.i in self.idx] or found
                out.extend(found)
                if not found and c.dep_ == "dobj":
                    # "shared evidence with the U.S.", "gave 5 million dollars to X"
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ in (TARGET_PREPS | {"by"}) - {"from"} \
                                and not (typ in COOPERATIVE and p.lower_ == "against"):
                            # ("coordinated efforts against the Islamic State": the foe)
                            out.extend(a for o in p.children if o.dep_ == "pobj"
                                       for a in self._actors_at(o))
            elif c.dep_ == "prep" and (c.lower_ == "between" and v.lemma_.lower() in (
                    "mediate", "broker", "arbitrate", "intercede")):  # "mediate between X and Y"
                out.extend(a for o in c.children if o.dep_ == "pobj" for a in self._actors_at(o))
            elif c.dep_ == "prep" and c.lower_ in ("by", "over", "via") and \
                    typ == "CONSULT" and any(o.lemma_.lower() in REMOTE_MEDIA for o in c.children):
                # "spoke by telephone with Putin"
                out.extend(a for o in c.children for p in o.children
                           if p.dep_ == "prep" and p.lower_ == "with"
                           for g in p.children if g.dep_ == "pobj" for a in self._actors_at(g))
            elif c.dep_ in ("prep", "prt") and c.lower_ == "off" and v.lemma_.lower() in (
                    "seal", "cut", "close", "shut", "cordon", "fence", "block"):
                # "sealed off the West Bank": a particle parsed as a preposition
                out.extend(a for o in c.children if o.dep_ == "pobj" for a in self._actors_at(o))
            elif c.dep_ == "prt" and c.lower_ == "up":  # "kidnapped up to 16 Russians"
                out.extend(a for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                           for o in p.children if o.dep_ == "pobj"
                           for a in self._actors_at(o))
            elif c.dep_ == "prep" and c.lower_ == "for" and typ == "SUPPORT" and any(
                    o.dep_ == "dobj" and o.lemma_.lower() in ("support", "solidarity", "backing")
                    for o in v.children):
                # "expressed support on Sunday for Syria's demand": "for" hangs on the verb
                out.extend(a for o in c.children if o.dep_ == "pobj" for a in self._actors_at(o))
            elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                if c.lower_ == "over" and v.lemma_.lower() in ("shoot", "down", "crash", "fly"):
                    continue  # "the U-2 pilot shot down over the Soviet Union": where
                if c.lower_ in ("on", "over", "upon") and typ in TOPIC_PREP_TYPES and not (
                        c.lower_ in ("on", "upon") and (
                            v.lemma_.lower() in ("call", "blame") or any(
                                o.dep_ == "dobj" and o.lemma_.lower() == "blame"
                                for o in v.children))):
                    # ("called on Ethiopia to release ...": the one asked; "blamed the attack
                    # on Hezbollah", "put the blame on Iran": the one blamed)
                    continue
                if c.lower_ == "at" and (typ in ("AGREE", "SUPPORT", "CONSULT", "COOPERATE") or (
                        typ != "ASSAULT" and all(
                            a.kind == "igo" or a.sector == "JUD"
                            for o in c.children if o.dep_ == "pobj" for a, _ in self._actors_at(o)))
                        ) and any(o.dep_ == "pobj" for o in c.children):
                    continue  # "signed a peace agreement at the White House", "a complaint
                    # against Venezuela at the International Court of Justice": a venue
                if typ == "CONSULT" and noun is not None and noun.dep_ == "pobj" and \
                        c.lower_ in ("to", "into"):
                    continue  # "flew to Paris for talks": where the talks are, not with whom
                if c.lower_ == "from" and v.lemma_.lower() not in FROM_TARGET:
                    continue  # "banned bishops from Iraq": "from" names a place, not a target
                if c.lower_ in ("in", "during") and any(
                        o.dep_ == "pobj" and (nr := self._noun_rule(o)) is not None and
                        nr.type == "ASSAULT" for o in c.children):
                    continue  # "killed in a U.S. drone strike": the strike's side is the doer
                if c.lower_ == "to" and v.lemma_.lower() in ("invite", "welcome", "bring") and any(
                        o.dep_ == "pobj" and o.i not in self.idx for o in c.children) and any(
                        x.dep_ == "dobj" for x in v.children):
                    continue  # "invited Trump to a Capitol Hill rally": where, not who
                if c.lower_ == "against" and typ in COOPERATIVE:
                    continue  # "siding with Putin against the American agencies": the foe
                if c.lower_ == "over" and any(o.dep_ == "pobj" and (
                        o.lemma_.lower() in CRIMES | HARMS or self._noun_rule(o) is not None)
                        for o in c.children):
                    # "expelled two Russian diplomats over the killing of a Georgian man":
                    # the reason, not a second target
                    continue
                if plain_obj and c.lower_ in ("into", "to", "at", "inside", "onto") and \
                        v.lemma_.lower() not in MOVE:
                    continue  # "welcomed him into Britain": a place, not the recipient
                if c.lower_ == "with" and typ in ("MOBILIZE", "ASSAULT") and any(
                        t.lemma_.lower() == "border" for t in v.subtree if t.i < c.i):
                    pass  # "moved divisions towards the border with Kuwait" (misattached)
                elif c.lower_ == "with" and (typ in NO_WITH or any(
                        w.lower_ in ("together", "along", "jointly") for w in c.lefts) or any(
                        o.lemma_.lower() in HELP_NOUNS for o in c.children)):
                    continue  # "should sue, together with Canada", "with Albania's help":
                    # a partner, not a target
                for o in c.children:
                    if o.dep_ == "pobj" and not self._shared_border(o):
                        out.extend(self._actors_at(o))
        if noun is not None:
            nrule = self._noun_rule(noun)
            preps = TARGET_PREPS | {"between"}
            if nrule is not None and nrule.type in ("ASSAULT", "COERCE"):
                preps = preps | {"of"}  # "its invasion of South Lebanon"
            if nrule is not None and nrule.type in TOPIC_PREP_TYPES:
                preps = preps - {"on", "over", "upon"}
            if typ in COOPERATIVE:
                preps = preps - {"against"}  # "coordinated efforts against the Islamic State"
            if ((nrule is not None and nrule.type in ("SUPPORT", "AID", "AGREE")) or
                    noun.lemma_.lower() in SUPPORT_NOUNS) and typ in ("SUPPORT", "AID", "AGREE"):
                preps = preps | {"for"}  # "voiced support for China's peace plan"
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "into" and typ == "ACCUSE":
                    # "an investigation into the shelling of Kharkiv by Russian forces",
                    # "into alleged crimes committed by Croat forces"
                    for o in c.children:
                        doers = [a for h in (o, *(x for x in o.children if x.dep_ == "acl"))
                                 for p in h.children if p.dep_ in ("prep", "agent") and
                                 p.lower_ == "by" for g in p.children if g.dep_ == "pobj"
                                 for a in self._actors_at(g)]
                        if not doers and o.lemma_.lower() in HARMS:
                            # "an inquiry into the death of Iranian protesters": the victims
                            # are not investigated ("into Syria's attack": Syria is)
                            doers = [m for g in o.children if g.dep_ == "poss"
                                     for m in self._actors_at(g)]
                            out.extend(doers)
                            continue
                        out.extend(doers or (self._actors_at(o) if o.dep_ == "pobj" else []))
                elif c.dep_ == "prep" and c.lower_ in preps:
                    for o in c.children:
                        if o.dep_ == "pobj" and not (
                                c.lower_ == "with" and o.lemma_.lower() in HELP_NOUNS):
                            out.extend(self._actors_at(o))
                elif c.dep_ == "prep" and c.lower_ == "of" and nrule is not None and \
                        nrule.type == "RETREAT":
                    # "the withdrawal of some invasion forces from Panama"
                    out.extend(a for o in c.children if o.dep_ == "pobj"
                               for p in o.children if p.dep_ == "prep" and p.lower_ == "from"
                               for g in p.children if g.dep_ == "pobj"
                               for a in self._actors_at(g))
                elif c.dep_ == "acl" and c.lemma_.lower() in ("target", "hit", "aim"):
                    # "launched strikes targeting Hamas positions"
                    out.extend(m for o in c.children if o.dep_ == "dobj"
                               for m in self._actors_at(o))
        if typ == "PROTEST":
            # "rallied outside the Israeli embassy": the embassy's state is addressed
            out.extend(a for p in v.children if p.dep_ == "prep" and p.lower_ in (
                           "outside", "at", "near", "in front of")
                       for o in p.children if o.dep_ == "pobj" and
                       o.lemma_.lower() in ("embassy", "consulate") for a in self._actors_at(o))
            # "blocked roads across Belgium to protest EU rules"
            # ("rallied in Jakarta to protest against American air strikes")
            out.extend(a for x in v.children if x.dep_ in ("advcl", "xcomp")
                       and x.lemma_.lower() in PROTEST_AIMS
                       for o in [*x.children, *(g for p in x.children if p.dep_ == "prep" and
                                                p.lower_ in ("against", "over")
                                                for g in p.children)]
                       if o.dep_ in ("dobj", "pobj") for a in self._actors_at(o))
            # "blocked a road to show their disapproval for the United States' policies",
            # "blocked streets in defiance of Chinese authorities": whom the protest is against
            stance = [o for x in v.children if x.dep_ in ("advcl", "xcomp") and
                      x.lemma_.lower() in ("show", "express", "voice", "register")
                      for o in x.children if o.dep_ == "dobj" and o.lemma_.lower() in STANCES]
            stance += [o for p in v.children if p.dep_ == "prep" and p.lower_ == "in"
                       for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() == "defiance"]
            out.extend(a for o in stance for p in o.children if p.dep_ == "prep" and
                       p.lower_ in ("for", "of", "at", "over", "against", "with")
                       for g in p.children if g.dep_ == "pobj"
                       for a in self._named_by(g))
        if typ in ("PROTEST", "ASSAULT", "COERCE") and not out and v.dep_ == "advcl" and \
                v.head.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in ("embassy", "consulate") and any(
                        g.dep_ == "poss" and g.lower_ in ("its", "their") for g in c.children)
                    for c in v.children):
            # "cut ties with Iran after protesters stormed its embassy": the main clause's
            # subject owns the embassy
            out.extend(self._subjects(v.head))
        if not out and typ == "ACCUSE" and not any(c.dep_ == "dobj" for c in v.children):
            # "denounced as an ugly crime Serbia's suppression of ...": the object moved
            # after its description, parsed as the description's apposition
            out.extend(m for p in v.children if p.dep_ == "prep" and p.lower_ == "as"
                       for o in p.children if o.dep_ == "pobj"
                       for a in o.children if a.dep_ == "appos" for m in self._named_by(a))
        borders = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in BORDERS]
        if not out and borders:
            # "closed its southern borders with Iran and Turkey": the neighbours
            out.extend(m for h in (v, *borders) for p in h.children
                       if p.dep_ == "prep" and p.lower_ == "with"
                       for o in p.children if o.dep_ == "pobj" for m in self._expand(o))
        if not out and typ in ("ASSAULT", "COERCE"):
            # "opened fire to disperse demonstrators": force aimed at the purpose's object
            out.extend(a for x in v.children if x.dep_ in ("advcl", "xcomp") and x.pos_ == "VERB"
                       and any(g.dep_ == "aux" and g.lower_ == "to" for g in x.children)
                       for o in x.children if o.dep_ == "dobj" for a in self._actors_at(o))
        return out

    def _named_by(self, tok: Any) -> list[Mention]:
        """The actors a noun names, else those of its modifiers: "Israel's policies",
        "French mediation", "two Israeli air raids" (an act named by whose it is)."""
        return self._actors_at(tok) or [m for c in tok.children
                                        if c.dep_ in ("poss", "amod", "compound")
                                        and c.i in self.idx for m in self._expand(c)]

    def _actors_at(self, tok: Any, strict: bool = False) -> list[Mention]:
        """Actor mentions naming the noun phrase headed by ``tok``, coordination included.

        ``strict`` (for doers): "Russia's satellite network complained" is the network's
        act, so the possessor of a plain common noun does not stand in for it.
        """
        heads = [tok]
        for h in heads:
            for c in h.children:
                if c.dep_ == "conj" and c not in heads:
                    heads.append(c)
        out: list[Mention] = []
        for h in heads:
            if h.pos_ == "NOUN" and h.lemma_.lower() in KIN and h.i not in self.idx:
                # "Trump's son-in-law": a relative, not the possessor
                out.extend(self._np_actors(h, no_poss=True))
                continue
            named = [c for c in h.children if c.dep_ == "appos" and c.i in self.idx and
                     self.idx[c.i][0].code is not None]
            if named and h.pos_ == "NOUN" and (h.i not in self.idx or
                                               self.idx[h.i][0].code is None):
                # "the largest Islamic radical group, Hamas, issued a statement": the name
                out.extend(m for c in named for m in self._expand(c))
                continue
            conj_noun = h is not tok and h.pos_ == "NOUN" and h.i not in self.idx
            # "China, Pyongyang's only ally, said": an apposition parsed as a conjunct names
            # the possessor as a relation of the head, not a second doer.
            if (strict or conj_noun) and h.i not in self.idx and h.pos_ == "NOUN" and \
                    h.lower_ not in ("group", "groups", "delegation", "coalition", "alliance",
                                     "members", "wing", "faction", "factions", "leadership"):
                # ("the UNITA militarist wing refused": the movement acts)
                out.extend(self._np_actors(h, no_poss=True))
                continue
            out.extend(self._np_actors(h))
        return _dedupe(out)

    def _np_actors(self, h: Any, no_poss: bool = False) -> list[Mention]:
        found: list[Mention] = []
        if h.i in self.idx:
            found.append(self.idx[h.i])
        # ("Mr. Trump's personal lawyer, Rudy Giuliani", "Biden's son": someone else)
        no_poss = no_poss or (h.i not in self.idx and (h.lemma_.lower() in KIN or (
            h.lemma_.lower() in COUNSEL and any(
                c.dep_ == "poss" and c.i in self.idx and self.idx[c.i][0].kind == "person"
                for c in h.children))))
        stack = [(c, 1) for c in h.children if not (no_poss and c.dep_ == "poss")]
        while stack:
            c, depth = stack.pop(0)
            if c.dep_ in MOD_DEPS or (c.dep_ == "prep" and c.lower_ in ("of",)) or (
                    # "a South Korean-flagged tanker", "an Iranian-backed militia" (not "the
                    # American-backed offensive": an act's backer is not its doer)
                    c.dep_ == "npadvmod" and c.head.dep_ == "amod" and not (
                        c.head.lemma_.lower() in BACKING and self._noun_rule(h) is not None)) or (
                    # "envoys from Ethiopia and Egypt", "a delegation from Iran"
                    c.dep_ == "prep" and c.lower_ == "from" and depth == 1 and
                    h.lemma_.lower() in SENT_PEOPLE) or (
                    # "Islamic countries like Turkey and Saudi Arabia": the members named
                    c.dep_ == "prep" and depth == 1 and h.lemma_.lower() in MEMBER_HEADS and (
                        c.lower_ in ("like", "including") or (c.lower_ == "as" and any(
                            g.lower_ == "such" for g in c.children)))) or \
                    (c.dep_ == "pobj" and c.head.lower_ in ("of", "from")) or \
                    (c.dep_ == "conj" and c.head.dep_ in MOD_DEPS):
                if c.i in self.idx:
                    found.extend(self._expand(c))
                if depth < 3:
                    stack.extend((g, depth + 1) for g in c.children)
        if len(found) > 1 and h.i in self.idx:
            # The head's own mention wins, plus modifiers coordinated with it ("US and
            # Israeli officials"); a possessor is kept only when the head names nobody.
            own = self.idx[h.i]
            keep = [own]
            for m in found[1:]:
                if m[0] is not own[0] and m[0].code is not None and \
                        m[0].country != own[0].country and m[0].kind != "person":
                    # (not "Republican nominee Trump", not "Trump campaign chief Manafort")
                    tok = self.doc.spacy_doc.char_span(m[1].start, m[1].end,
                                                       alignment_mode="expand")
                    if tok is not None and tok.root.dep_ in ("nmod", "conj", "amod"):
                        keep.append(m)
            return keep
        if len(found) > 1:
            return found[:1] + [m for m in found[1:] if _coordinated(m, found[0], self.doc)]
        return found

    def _expand(self, tok: Any) -> list[Mention]:
        out = [self.idx[tok.i]] if tok.i in self.idx else []
        for c in tok.children:
            if c.dep_ == "conj":
                out.extend(self._expand(c))
        return out

    # -- status, date, location --------------------------------------------------------------
    def _status(self, r: _Raw) -> str:
        if r.status:
            return r.status
        trig = r.trigger
        if trig.pos_ == "NOUN" and any(c.lower_ in UNREAL_MODS for c in trig.children
                                       if c.dep_ == "amod"):
            return "hypothetical"  # "a possible Chinese invasion of Taiwan"
        if trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.lower_ in (
                "during", "after", "before", "following", "since", "throughout") and \
                trig.i != r.clause.i and not any(c.lower_ in UNREAL_MODS for c in trig.children):
            # "proposed a plan during a meeting with the King of Jordan": the meeting is
            # the setting of the act, whatever the act's own status
            return "asserted"
        if trig.pos_ == "NOUN" and trig.dep_ == "dobj" and trig.head.lemma_.lower() in (
                "prevent", "block", "cancel", "postpone", "avert", "thwart", "foil",
                "forestall", "preempt", "pre-empt", "veto"):
            # "called on the government to block Trump's visit to Israel": a visit to come,
            # "blocked Russia's takeover": one that did not happen
            return "hypothetical"
        if trig.pos_ == "NOUN" and trig.i != r.clause.i and any(
                c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "the")
                for c in trig.children):
            # a definite event noun is presupposed, whatever its verb: "call on Sessions to
            # shut down Mueller's investigation" does not make the investigation hypothetical
            return "asserted"
        v = r.clause
        if _pressed(v) is not None:
            return "hypothetical"  # "put pressure on Israel to lift the blockade": not yet
        chain = [v]
        h = v
        for _ in range(5):
            if h.dep_ in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "prep", "relcl",
                          "dobj", "nsubjpass", "nsubj", "acl") and h.head.i != h.i:
                if (h.dep_ == "advcl" and any(
                        c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS and
                        (c.dep_ == "mark" or c.tag_ == "WRB") for c in h.children)) or (
                        h.dep_ == "prep" and h.lower_ in TEMPORAL_MARKS | {"during",
                                                                           "following"}):
                    break  # "may be reluctant to act while Kerry negotiates": a fact
                if h.dep_ == "xcomp" and any(c.dep_ == "nsubj" for c in h.children):
                    break  # a clause with its own subject misparsed as a complement
                stop = h.dep_ == "relcl" or (h.dep_ == "acl" and h.tag_ in ("VBG", "VBN"))
                h = h.head
                chain.append(h)
                if stop:
                    # "a network Russia has financed" keeps its own tense; only the noun
                    # it describes ("a proposal in which ...") can make it hypothetical.
                    break
            else:
                break
        if v.dep_ == "conj" and v.tag_ == "VBG" and v.head.tag_ == "VB" and \
                v.head.dep_ == "xcomp" and _infinitive(v.head) and len(chain) > 2:
            # "issued a statement vowing to continue its holy war and slamming his peace
            # call": the gerund goes with "vowing", not with the infinitive it hangs on
            chain = [v, *chain[2:]]
        trig = r.trigger
        holder = v.head if v.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in v.children) else v
        subj_neg = any(c.dep_ in ("nsubj", "nsubjpass") and any(
            g.dep_ in ("preconj", "det") and g.lower_ == "neither" or g.lower_ in ("no", "none")
            and g.dep_ == "det" for g in c.children) for c in holder.children)
        if any(h.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                         for c in h.children) for h in chain[:2]):
            return "hypothetical"  # "unless Damascus stopped supporting the rebels": a condition
        if any(c.lower_ == "whether" and c.dep_ in ("mark", "advmod", "nsubj")
               for h in chain[:2] for c in h.children):
            return "hypothetical"  # "a debate on whether to ban Trump": an open question
        if trig.dep_ in ("acl", "ccomp", "relcl") and trig.head.pos_ == "NOUN" and \
                trig.head.lemma_.lower() in ("proof", "evidence", "allegation", "claim",
                                             "suggestion", "rumor", "rumour", "announcement",
                                             "assertion", "statement", "report",
                                             "declaration", "contention") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in trig.children) and not any(
                    c.dep_ == "aux" and c.lower_ in HYPO_AUX | FUTURE_AUX
                    for c in trig.children):
            # (not "Trump's assertion that Russia should hack her emails": a call to act)
            # "to produce 'proof' that Ukraine had shot down the flight": what it would show
            return "reported"
        if r.type != "REQUEST" and any(a.lemma_.lower() in PROPOSALS and a.pos_ == "NOUN" and any(
                c.dep_ == "prep" and c.lower_ in ("for", "to") for c in a.children)
               for a in list(trig.ancestors)[:4]) and trig.pos_ == "VERB":
            return "hypothetical"  # "proposals for mass deportations and stripping citizenship"
        if trig.dep_ == "pcomp" and trig.head.lower_ == "on" and trig.head.head.lower_ in (
                "bent", "intent", "keen", "set", "determined", "focused", "insistent"):
            return "hypothetical"  # "terrorists bent on attacking the United States": an aim
        if any(h.lemma_.lower() in ("report", "claim", "story", "rumor", "rumour", "news",
                                    "account", "video", "image", "photo")
               and any(a.lower_ in FAKE_WORDS for a in h.children if a.dep_ == "amod")
               for h in list(trig.ancestors)[:5]):
            return "negated"  # "falsified reports of two explosions that had injured Obama"
        if _infinitive(trig) and (
                (trig.dep_ in ("acl", "relcl") and trig.head.lemma_.lower() in MEANS_NOUNS) or
                (trig.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lemma_.lower() in MEANS_NOUNS
                                              for c in trig.head.children))):
            return "hypothetical"  # "a system to shoot down Soviet missiles": what it is for
        for i, h in enumerate(chain[:-1]):
            if any(c.dep_ in ("advmod", "mark") and c.lower_ in ("how", "why", "whether")
                   for c in h.children) and any(
                    g.lemma_.lower() in QUESTIONED for g in chain[i + 1:i + 4]):
                # "questioned how Clinton would negotiate with Putin": an open question
                return "hypothetical"
        if any(h.dep_ in ("advcl", "ccomp") and h.head.lemma_.lower() in REQUEST_V and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in h.children) for h in chain[1:]):
            return "hypothetical"  # "called for the United States to organize forces to fight"
        if any(h.dep_ == "ccomp" and h.head.lemma_.lower() in DEMAND_V for h in chain):
            return "hypothetical"  # "demanded that Iran stop backing the Palestinians"
        if any(h.dep_ == "conj" and any(c.lower_ == "than" and any(
                g.lower_ == "rather" for g in c.children) for c in h.head.children if
                c.dep_ in ("cc", "mark") and c.i < h.i) for h in chain[:3]):
            return "negated"  # "ordered his team to stand down rather than rush to rescue"
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if v.dep_ != "ROOT" and subj is not None and any(
                c.dep_ == "aux" and c.lower_ in ("should", "were", "had") and c.i < subj.i
                for c in v.children):
            return "hypothetical"  # "threats should China not accede to his terms": if it does not
        if v.dep_ == "advcl" and v.tag_ in ("VBP", "VBZ") and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in ("after", "once", "when", "before",
                                                              "until", "as soon as")
                for c in v.children) and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX
                                             for c in v.head.children):
            return "future"  # "will keep its base after American troops leave Syria"
        if any(h.dep_ in ("acl", "advcl", "relcl") and h.head.pos_ == "NOUN" and
               h.head.lemma_.lower() in self.lex.nouns and
               any(c.dep_ == "mark" and c.lower_ == "for" for c in h.children) and
               _infinitive(h) for h in chain):
            return "hypothetical"  # "an agreement for US troops to begin leaving": its terms
        if v.dep_ in ("advcl", "xcomp") and v.head.lemma_.lower() in EQUIP_V and _infinitive(v):
            return "hypothetical"  # "armed Hezbollah to attack Israel": the aim
        if any(c.lower_ == "otherwise" and c.dep_ == "advmod" for c in v.children):
            # "concessions they might not otherwise have agreed to": they did agree (a
            # denied counterfactual past is a fact); "otherwise they would attack": not yet
            past = any(c.dep_ == "aux" and c.lower_ == "have" for c in v.children)
            return "asserted" if past and any(c.dep_ == "neg" for c in v.children) \
                else "hypothetical"
        if trig.pos_ == "VERB" and trig.lemma_.lower() in ("pursue", "seek") and \
                r.type != "REQUEST":
            return "hypothetical"  # "holding talks pursuing an agreement": sought, not reached
        if subj_neg or any(c.dep_ == "neg" for c in v.children) or \
                any(c.dep_ == "det" and c.lower_ == "no" for c in trig.children):
            return "negated"
        status = "asserted"
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in v.children) or \
                aux & (HYPO_AUX | SUPPOSE):
            status = "hypothetical"  # "Say Mexico demanded ..." parses "Say" as an aux
        elif aux & FUTURE_AUX:
            # ("would have sent troops": a counterfactual, not a plan)
            status = "hypothetical" if {"would", "have"} <= aux and v.tag_ == "VBN" \
                else "future"
        if status == "asserted" and v.dep_ == "advcl" and v.tag_ == "VBG" and not any(
                c.dep_ in ("mark", "nsubj") for c in v.children):
            for sib in v.head.children:
                if sib.dep_ in ("acomp", "xcomp") and sib.i < v.i and any(
                        c.dep_ == "xcomp" for c in sib.children):
                    # "looks set to take command of a brigade, joining Britain": the
                    # participle tells of the act to come, not of one done
                    sl = sib.lemma_.lower()
                    if sl in FUTURE_GOV - {"be", "go"}:
                        status = "future"
                    elif sl in HYPO_GOV:
                        status = "hypothetical"
        if any(c.lower_ == "hypothetically" for h in chain for c in h.children):
            return "hypothetical"  # "Let's say, hypothetically, that the CIA agreed ..."
        for g, child in zip(chain[1:], chain[:-1], strict=False):
            gl = g.lemma_.lower()
            if _to_blame(child):
                continue  # "Russia is to blame": blamed now, not an act to come
            if gl in ("stop", "cease", "halt", "quit") and child.dep_ in ("xcomp", "pcomp") and \
                    child.tag_ == "VBG":
                # "if Israel agreed to stop assassinating their members": whatever becomes of
                # the stopping, the assassinations are going on
                break
            if child.dep_ == "conj" and r.type == "THREATEN":
                continue  # "threatened to send troops, and he also threatened to stop aid"
            if child.dep_ == "conj" and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                # "We cannot connect it ..., but we are investigating": a clause of its own
                # takes no modal or negation from its neighbour, only what governs both
                continue
            if gl in OBJECT_CONTROL and (child.dep_ == "xcomp" or (
                    child.dep_ == "ccomp" and child.tag_ == "VB" and not any(
                        c.dep_ == "mark" for c in child.children))) and any(
                    c.dep_ == "neg" for c in g.children):
                return "negated"  # "It did not allow Iran to send funds ... or receive funds"
            if gl in DENY and child.dep_ in ("ccomp", "xcomp", "pcomp", "dobj"):
                return "denied"
            if child.dep_ in ("ccomp", "xcomp") and any(
                    c.dep_ == "advmod" and c.lower_ in ("wrongly", "falsely", "incorrectly",
                                                        "erroneously", "mistakenly")
                    for c in g.children):
                # "wrongly predicted Mueller would indict Kushner": the writer says it did
                # not happen
                return "negated"
            if any(c.dep_ == "neg" for c in g.children) and child.dep_ == "xcomp" and \
                    gl in ("expect", "likely", "set", "due", "scheduled"):
                return "hypothetical"  # "are not expected to sign a deal": no act, no refusal
            if any(c.dep_ == "neg" for c in g.children) and (child.dep_ == "xcomp" or (
                    child.dep_ == "advcl" and _infinitive(child))):
                return "negated"  # "can't travel to the EU to meet": no meeting
            if gl in NEG_GOV and child.dep_ in ("xcomp", "pcomp"):
                return "negated"  # "avoids condemning", "declined to publicly accuse"
            if gl in ("predict", "forecast", "envisage", "envision", "imagine") and \
                    child.dep_ in ("ccomp", "xcomp"):
                status = "hypothetical"  # "predicted Mueller would indict Kushner": a guess
            if gl in NEG_NOUNS and g.pos_ == "NOUN" and child.dep_ == "acl":
                return "negated"  # "failure to oppose Brexit"
            if status == "asserted" and gl == "able" and g.dep_ == "acomp" and \
                    g.head.tag_ == "VBD" and not any(c.dep_ == "neg" for c in g.head.children):
                # "Swedish troops were able to invade Denmark in 1658": they did
                continue
            if status == "asserted" and ((child.dep_ == "xcomp" and gl in ABLE) or
                                         (g.pos_ == "ADJ" and gl in MODAL_ADJ)):
                # "able to hit Japan", "impossible for the EU to approve the deal": a
                # capability or a possibility, not an event
                status = "hypothetical"
            if status == "asserted" and child.dep_ in ("acl", "relcl") and g.pos_ == "NOUN" and \
                    (gl in PLAN_NOUNS or (child.i == v.i and any(
                        c.dep_ == "auxpass" for c in child.children))) and \
                    _infinitive(child) and not any(
                    c.lower_ in ("first", "last", "only", "next") or c.ent_type_ == "ORDINAL"
                    for c in g.children):
                # "his proposed legislation to ban Trump": the aim; "a list of officials to be
                # assassinated": a plan ("the first state to be admitted" is a fact)
                status = "hypothetical"
            if status == "asserted" and child.dep_ in ("xcomp", "advcl") and g.tag_ == "VBN" and \
                    gl in ("design", "intend", "mean", "aim", "calculate") and _infinitive(child):
                status = "hypothetical"  # "actions designed to weaken Russia": a purpose
            if status == "asserted" and child.dep_ == "xcomp" and gl in ("seem", "appear"):
                status = "hypothetical"  # "he also seemed to denounce Islamic jihad activity"
            if status == "asserted" and child.dep_ == "xcomp" and g.tag_ == "VBN" and \
                    gl in ("say", "report", "believe", "think", "allege", "rumor", "rumour",
                           "understand") and any(c.dep_ == "auxpass" for c in g.children):
                status = "reported"  # "Mexico is said to have deployed 500 police"
            if status == "asserted" and child.dep_ == "xcomp" and \
                    gl in ("claim", "purport", "profess"):
                status = "reported"  # "Opposition forces claimed to have captured half of"
            if status == "asserted" and gl in INTENT_COOP | THREAT and (
                    child.dep_ == "xcomp" or (
                        child.dep_ == "conj" and child.tag_ == "VB" and g.tag_ != "VB" and
                        any(c.dep_ == "xcomp" for c in g.children))):
                # "promising to bomb ISIS, bring back waterboarding and deport Syrian
                # refugees" (the bare verbs parsed as conjuncts of "promising")
                status = "future"
            if status == "asserted" and child.dep_ == "xcomp" and gl in REQUEST_V:
                status = "hypothetical"  # "told Macron to pressure Britain": asked, not done
            if status == "asserted" and child.dep_ == "ccomp" and gl in (
                    "demand", "urge", "ask", "insist", "request", "propose"):
                status = "hypothetical"  # "demanded that its partners refuse to recognize"
            if status == "asserted" and g.dep_ == "ROOT" and g.tag_ == "VB" and \
                    gl in SUPPOSE and not any(c.dep_ == "nsubj" for c in g.children):
                status = "hypothetical"  # "Say Mexico demanded that ...": a supposition
            if status in ("asserted", "future") and ((g.pos_ == "NOUN" and gl in IDEA_NOUNS) or (
                    gl == "be" and any(c.dep_ == "nsubj" and c.lemma_.lower() in IDEA_NOUNS
                                       for c in g.children))):
                # "the concept of Britain deploying ...", "the risk is that Iran will agree"
                status = "hypothetical"  # "the concept of Britain deploying hard power"
            if status == "asserted":
                gaux = {c.lower_ for c in g.children if c.dep_ == "aux"}
                if gl in HYPO_GOV or gaux & HYPO_AUX or \
                        any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                            for c in g.children):
                    status = "hypothetical"
                elif {"would", "have"} <= gaux and g.tag_ == "VBN":
                    status = "hypothetical"  # "would have objected to Ukraine opening ..."
                elif gl in ("like", "love", "prefer") and g.pos_ == "VERB" and \
                        gaux & FUTURE_AUX:
                    status = "hypothetical"  # "would like to see China agree": a wish
                elif gl in INTENT_ADJ and g.pos_ == "ADJ" and child.dep_ == "xcomp":
                    # "is willing to send material to help defend": the willing one's act to
                    # come; "ready to host a meeting between Israel and the PLO": the
                    # meeting's parties have agreed to nothing
                    status = "hypothetical" if trig.pos_ == "NOUN" else "future"
                elif (gl in FUTURE_GOV and (child.dep_ == "xcomp" or (
                        child.dep_ == "ccomp" and _infinitive(child)))) or \
                        gaux & FUTURE_AUX:
                    # ("prepared a list of officials to be assassinated", parsed as a clause)
                    status = "future"
                elif gl in ("accuse", "suspect", "charge", "blame", "allege") and (
                        # ("accused Israel of escalating violence by killing three": the means
                        # is alleged with the charge)
                        (child.dep_ == "prep" and child.lower_ in ("of", "for", "with", "by")) or (
                            child.dep_ == "advcl" and child.tag_ == "VBG" and
                            any(c.dep_ == "dobj" for c in g.children)) or (
                            child.dep_ == "dobj" and any(h.dep_ == "prep" and h.lower_ == "of"
                                                         and h.head.i == child.i for h in chain))):
                    status = "reported"  # "accused officers of hacking": alleged
                elif gl in REPORT and child.dep_ in ("ccomp", "pcomp", "conj") and not (
                        g.lower_ == "told" and any(c.lower_ == "all" for c in g.children)) and \
                        not (child.dep_ == "conj" and child.pos_ == "VERB" and not any(
                            c.dep_ in ("nsubj", "nsubjpass") for c in child.children)):
                    # ("All told, Mueller charged ...": an idiom; "China said it was opposed
                    # and warned North Korea": the speaker's own second act)
                    status = "reported"
        if status in ("asserted", "reported") and trig.pos_ == "VERB" and \
                trig.lemma_.lower() in ("plan", "plot", "prepare") and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in self.lex.nouns and not any(
                        g.dep_ == "poss" or (g.dep_ == "det" and g.lower_ in ("the", "this",
                                                                              "that"))
                        for g in c.children) for c in trig.children):
            # "was planning terrorist attacks in Australia": attacks to come, even when a
            # source says so ("planned the September 11 attacks" names ones that happened)
            status = "future"
        if status in ("asserted", "future") and trig.pos_ == "NOUN":
            h = trig
            for _ in range(6):  # "estimates of the cost of a US invasion": not an invasion
                if h.dep_ not in ("pobj", "prep", "compound") or h.head.i == h.i:
                    break
                h = h.head
                if h.pos_ == "NOUN" and h.lemma_.lower() in IDEA_NOUNS:
                    status = "hypothetical"
                    break
        root = sentence_of(v).root
        if status == "asserted" and any(
                c.dep_ == "prep" and c.lower_ == "according"
                for h in (v, root, *(g for g in root.children if g.dep_ == "conj"))
                for c in h.children):
            # ("likely hacked computers ... and covered up ..., according to a congressional
            # report": the source is the whole sentence's)
            status = "reported"
        if status == "asserted" and (any(
                c.dep_ == "prep" and c.lower_ == "in" and any(
                    o.lemma_.lower() in ACCOUNTS and any(g.dep_ == "poss" for g in o.children)
                    for o in c.children)
                for h in (*chain, root, *(g for g in root.children if g.dep_ == "conj"))
                for c in h.children) or _opens_with_account(sentence_of(v))):
            status = "reported"  # "in RT's coverage, the Syrian government battles terrorists"
        doer = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if doer is not None and doer.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
            doer = v.head
        if status == "asserted" and doer is not None and any(
                c.dep_ == "amod" and c.lower_ in ALLEGED for c in doer.children):
            status = "reported"  # "the suspected Russian hackers who struck the DNC"
        if status == "asserted" and chain[-1].pos_ in ("NOUN", "PROPN") and \
                chain[-1] is not v and _in_a_claim(chain[-1]) and any(
                    c.dep_ in ("agent", "nsubj") and c.tag_ not in ("WDT", "WP")
                    for c in chain[-2].children):
            # "Haley's claim was that Saudi Arabia is under attack by missiles supplied to
            # Yemen by the Iranian government": a modifier inside what a claim says, naming
            # who did it, is claimed ("said the four Americans killed in the attack might
            # have been saved": the deaths are the writer's background)
            status = "reported"
        return status

    def _date(self, r: _Raw, status: str) -> str | None:
        v = r.clause
        sdoc = self.doc.spacy_doc
        for ent in sdoc.ents:
            if ent.label_ != "DATE" or not (sentence_of(v).start <= ent.start < sentence_of(v).end):
                continue
            if _clause_verb(ent.root).i in (v.i, r.trigger.i):
                return normalize_date(ent.text, self.doc.published,
                                      future=status in ("future", "hypothetical"))
        return None

    def _location(self, r: _Raw) -> str | None:
        for tok in (r.trigger, r.clause):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside"):
                    for o in c.children:
                        if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC", "FAC"):
                            ent = next((e for e in sentence_of(o).ents
                                        if e.start <= o.i < e.end), None)
                            return ent.text if ent is not None else o.text
        for tok in (r.trigger, r.clause):  # "in the town of Cizre"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside"):
                    place = self._place_in(c, 0)
                    if place is not None:
                        return place[1].text
        return None

    def _deep_target(self, r: _Raw, own: set[str]) -> list[Mention]:
        """A coded actor inside the object's phrase when the grammar gave no target.

        "announced a suspension of air links with Serbia", "mobilized reservists for a
        possible war against Iraq", "a camp for Congolese refugees was attacked": the party
        the act falls on is named a few prepositions down the object. Places ("in") and the
        doer's own state are left to the place rule.
        """
        if r.type == "MOBILIZE":
            # "moved tanks and artillery closer to its border with Ukraine": the neighbour
            across = [m for b in r.trigger.subtree if b.lemma_.lower() in BORDERS
                      for p in b.children if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj" for m in self._actors_at(o)
                      if m[0].country and m[0].country not in own]
            if across:
                return across
        heads = [c for c in r.trigger.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
        heads += [c for x in r.trigger.children if x.dep_ == "xcomp"
                  for c in x.children if c.dep_ == "dobj"]
        if r.trigger.pos_ == "NOUN":
            heads.append(r.trigger)
        frontier = [(h, 0) for h in heads]
        # the trigger's own prepositions were weighed by the grammar ("talks on Iran" names a
        # topic): only what hangs below their objects counts ("for a war against Iraq")
        frontier += [(o, 1) for p in r.trigger.children if p.dep_ == "prep" and (
                     p.lower_ not in DEEP_STOP or (p.lower_ == "in" and any(
                         g.lemma_.lower() in self.lex.nouns for g in p.children)))
                     for o in p.children if o.dep_ == "pobj"]  # ("... in aid for Ukraine")
        frontier += [(o, 1) for x in r.trigger.children if x.dep_ == "xcomp"
                     for p in x.children if p.dep_ == "prep" and p.lower_ not in DEEP_STOP
                     for o in p.children if o.dep_ == "pobj"]  # "threatened to impose ... on"
        topic = {"on", "over", "upon"} if r.type in TOPIC_PREP_TYPES else set()
        if r.type in COOPERATIVE:
            topic = topic | {"against"}  # "coordinated efforts against the Islamic State"
        while frontier:
            tok, depth = frontier.pop(0)
            if (r.mode == "investigate" and tok.lemma_.lower() in HARMS) or (
                    r.type == "REJECT" and self._punitive(tok)):
                continue  # "investigating the killing of a journalist", "opposed the
                # invasion of Iraq": the victim
            for p in tok.children:
                if p.lower_ in topic and not (p.lower_ == "on" and r.type in (
                        "CONCEDE", "SANCTION") and tok.lemma_.lower() in (
                        "restriction", "sanction", "ban", "embargo", "curb", "limit", "tariff",
                        "blockade", "control")):
                    # ("eased restrictions on the entry of goods into Gaza": on whom)
                    continue  # "consulted with the firms on Ukrainian politics": a topic
                if p.dep_ != "prep" or (p.lower_ in DEEP_STOP and not (
                        p.lower_ == "in" and (any(o.lemma_.lower() in self.lex.nouns
                                                  for o in p.children) or
                                              _serving_force(tok))) and not (
                        p.lower_ == "from" and tok.lemma_.lower() in GOODS)):
                    continue  # ("pledged 2 billion dollars in aid for Ukraine" goes on;
                    # "troops to a peace-keeping force in Liberia" serve Liberia)
                for o in [*p.children, *(g for c in p.children if c.dep_ == "pcomp"
                                         for g in c.children if g.dep_ == "dobj")]:
                    # ("a formula for ending its dispute with its partners": the gerund's
                    # object)
                    if o.dep_ not in ("pobj", "dobj") or (
                            r.mode == "investigate" and o.lemma_.lower() in HARMS):
                        continue  # ("an inquiry into the death of Iranian protesters")
                    # "a Haitian woman" is one person, not Haiti; "Congolese refugees" stay
                    # the doer's own people are a target ("reneged on his commitment to
                    # the Zambian people": ZMB -> ZMB); its own state is a place
                    found = [m for m in self._actors_at(o) if m[0].code and
                             m[0].kind != "person" and (m[0].country not in own or (
                                 m[0].kind == "group" or m[0].sector in PEOPLE_SECTORS)) and
                             not (_adjectival(self.doc, m[1]) and
                                  o.lemma_.lower() in SINGLE_PERSONS)]
                    if found:
                        return found
                    if depth < 2:
                        frontier.append((o, depth + 1))
        return []

    def _place_target(self, r: _Raw) -> list[Mention]:
        """The state where a targetless act happens ("lifted a curfew in Montenegro").

        PLOVER codes the government of the place as the target when the text names no
        other one: "arrived in Amman" is a visit to Jordan, "will evacuate settlements in
        the Gaza Strip" an act on Palestine, "imposed a curfew in the town of Cizre" by
        Turkish authorities a domestic act (TUR -> TUR). A meeting place is not a party to
        talks. The target keeps the place's own words and the bare country code.
        """
        lemma = r.trigger.lemma_.lower()
        if r.trigger.dep_ == "relcl" and r.type in ("COERCE", "ASSAULT", "MOBILIZE") and any(
                c.lower_ == "where" for c in r.trigger.children) and \
                r.trigger.head.i in self.idx and self.idx[r.trigger.head.i][0].kind == "country":
            # "eastern Ukraine, where Moscow has seized territory": the place the clause names
            a, sp = self.idx[r.trigger.head.i]
            if a.country:
                return [self._as_place(a.country, sp)]
        if r.type == "SUPPORT" and lemma not in ("open", "reopen", "establish", "set"):
            # "backed a no-fly zone in Syria": a policy backed, not Syria ("opened an
            # embassy in Tehran" is a tie with Iran)
            return []
        if r.type == "CONSULT" and (lemma not in VISIT or r.mode != "visit"):
            return []  # "returned to Geneva for talks": a meeting place, not a host
        if r.type == "AGREE" and lemma in ("promise", "pledge", "vow", "swear", "assure"):
            return []  # "in Bangor, Maine, promising to build a wall": where it was said
        if r.inner == "CONSULT" or lemma in HOSTS:
            # "agreed to resume negotiations in Malaysia", "would only welcome him in
            # Jerusalem": the venue
            return []
        preps = PLACE_PREPS | ({"to"} if lemma in VISIT | MOVE else set()) | (
            {"from"} if r.type == "RETREAT" and lemma in FROM_TARGET else set()) | (
            {"of"} if r.type == "RETREAT" and any(c.dep_ in ("prt", "prep") and c.lower_ == "out"
                                                  for c in r.trigger.children) else set()) | (
            # "appealed to the warring factions in Liberia": the addressees' state
            {"to", "on"} if r.type == "REQUEST" else set())
        heads = [r.trigger]
        if r.clause is not r.trigger:
            heads.append(r.clause)
        heads += [c for c in r.trigger.children if c.dep_ == "xcomp"]  # "threatened to ..."
        if r.trigger.dep_ in ("advcl", "xcomp") and r.trigger.head.lemma_.lower() in VISIT | MOVE \
                and _infinitive(r.trigger):
            # "sent 21 personnel to Bosnia to investigate": the purpose is done where sent
            heads.append(r.trigger.head)
            preps = preps | {"to"}
        if r.trigger.dep_ == "advcl" and (r.trigger.tag_ == "VBG" or r.type == "PROTEST") and \
                r.type not in ("REQUEST", "ACCUSE", "REJECT", "AGREE", "SUPPORT", "THREATEN"):
            # (words are not placed by the first verb's object: "did not limit her attacks to
            # Israel policy, also calling on attendees to ...")
            # "a bomb exploded near a base in Mogadishu, killing"; "staged a sit-in outside
            # the U.S. embassy in Jakarta to protest": where the first verb says
            heads.append(r.trigger.head)
        heads += [c for h in heads for c in h.children if (
            c.dep_ in ("dobj", "attr") and c.pos_ != "VERB") or (  # (a verb as object: misparse)
            c.dep_ == "nsubj" and c.i not in self.idx) or (
            # "Demonstrators in Baghdad blocked a road": an unnamed doer placed by its words
            r.type in LOCAL_TYPES and c.dep_ == "nsubj" and c.i in self.idx and
            self.idx[c.i][0].code is None and self.idx[c.i][0].country is None)]
        if r.type == "ASSAULT":  # "killed 23 people when they blew themselves up in Tel Aviv"
            heads += [c for c in r.trigger.children if c.dep_ == "advcl" and any(
                g.dep_ in ("mark", "advmod") and g.lower_ in ("when", "as") for g in c.children)]
        if r.type in ("ASSAULT", "COERCE", "AID"):  # "set fire to an oil depot in Russia's"
            heads += [o for p in r.trigger.children if (p.dep_ == "prep" and
                      p.lower_ in ("to", "at", "on", "against")) or p.dep_ == "agent"
                      for o in p.children if o.dep_ == "pobj" and o.i not in self.idx]
            # ("killed by a roadside bomb in Baghdad": the weapon's place)
        for h in heads:
            # ("pulled out of the town of Khiam": "of" hangs on "out")
            outside_of = [g for o in h.children if o.lower_ == "outside"
                          for g in o.children if g.dep_ == "prep" and g.lower_ == "of"]
            for c in [*h.children, *(g for o in h.children if o.lower_ == "out"
                                     for g in o.children if g.dep_ == "prep"), *outside_of]:
                # ("outside of the Iraqi city of Basra": "of" hangs on "outside")
                if c.dep_ == "prep" and (c.lower_ in preps or any(c.i == g.i for g in outside_of)):
                    if r.type not in ("MOBILIZE", "ASSAULT") and any(
                            o.lemma_.lower() in ("border", "frontier") for o in c.children):
                        continue  # "to build a wall at the Mexican border": the doer's side
                    found = self._place_in(c, 0)
                    if found is not None:
                        # "hit targets in northern Syria and Iraq": every place named
                        more = [self.idx[g.i] for o in c.children if o.dep_ == "pobj"
                                for g in o.conjuncts if g.i in self.idx and
                                self.idx[g.i][0].kind == "country" and self.idx[g.i][0].country]
                        return [found] + [self._as_place(a.country, sp) for a, sp in more
                                          if a.country and a.country != found[0].country]
        return []

    @staticmethod
    def _weapon_doer(r: _Raw, victims: bool) -> bool:
        """An attack whose unnamed doer PLOVER codes by the place where it strikes."""
        trig = r.trigger
        # (victims known by their trade count here: "killing six officers")
        named = victims or any(a.kind == "group" and a.sector for a, _ in r.targets)
        if named and any(c.dep_ == "nsubj" for c in trig.children):
            return True  # "A roadside bombing near Samarra killed a U.S. soldier"
        if named and trig.dep_ == "advcl" and any(c.dep_ == "nsubj" for c in trig.head.children):
            return True  # "A car bomb exploded near a base in Mogadishu, killing ..."
        by_weapon = [o.lemma_.lower() for p in trig.children if p.dep_ == "agent"
                     for o in p.children if o.dep_ == "pobj"]  # "killed by a roadside bomb"
        return victims and any(w in WEAPON_SUBJECTS | WEAPON_AGENTS for w in by_weapon)

    def _at_home(self, r: _Raw, srcs: list[Mention], src_countries: set[str],
                 tgs: list[Mention], sent: Any) -> list[Mention]:
        """A state's act on its own territory, coded with the state as its target (PLOVER).

        "Ecuador declared a state of emergency", "lifted martial law in 37 townships",
        "blocked access to Signal": ECU -> ECU, MMR -> MMR, RUS -> RUS, when no other state
        is named and no one else is targeted.
        """
        if len(src_countries) != 1 or not srcs:
            return []
        (home,) = src_countries
        alone = not self._countries_in(sent) - src_countries
        if r.type == "CONCEDE" and not tgs and alone and any(
                c.dep_ == "dobj" and (c.lemma_.lower() in HOME_RULES or any(
                    g.lemma_.lower() in HOME_RULES for g in c.subtree if g.i - c.i < 4))
                for c in r.trigger.children):
            return [self._home(home, srcs[0][1])]
        if r.type == "COERCE" and not any(a.code or a.kind == "person" for a, _ in tgs) and (
                r.mode in ("curfew", "martial-law") or (alone and r.trigger.lemma_.lower() in (
                    "block", "ban", "restrict", "shut", "censor", "suspend"))):
            return [self._home(home, srcs[0][1])]
        return []

    @staticmethod
    def _home(country: str, sp: Span) -> Mention:
        """The doer's own state as a target, anchored on the doer's words."""
        return (Actor(code=country, name=country, kind="place", country=country), sp)

    def _protested_government(self, r: _Raw) -> Any:
        """The unnamed "government" a protest is against, itself or as the owner of what is
        protested ("against the government's deal"); None when the protest names another."""
        for c in r.trigger.children:
            if c.dep_ == "dobj":
                nouns = [c]
            elif c.dep_ == "prep" and c.lower_ in ("against", "over"):
                nouns = [o for o in c.children if o.dep_ == "pobj"]
            else:
                continue
            for n in nouns:
                for g in (n, *(p for p in n.children if p.dep_ == "poss")):
                    if g.i not in self.idx and g.lemma_.lower() in (
                            "government", "authority", "regime", "administration"):
                        return g
        return None

    def _home_target(self, r: _Raw, srcs: list[Mention]) -> list[Mention]:
        """A protest that names no addressee is aimed at the protesters' own state.

        PLOVER codes "Young Algerians blocked roads ..." as DZA -> DZA: a domestic protest.
        """
        if r.type != "PROTEST" or len(srcs) != 1:
            return []
        a, sp = srcs[0]
        if a.country is None or a.sector == "GOV":
            return []
        if a.kind == "country" and _singular(self.doc, sp) and not _adjectival(self.doc, sp):
            return []  # "Serbia protested" is the state; "Algerians" are its people
        gov = self._protested_government(r)
        if gov is not None:  # "the Armenians of Israel protested the government": Israel's
            return [self._own_government(a.country, gov)]
        return [self._home(a.country, sp)]

    def _own_people_target(self, r: _Raw, countries: set[str]) -> list[Mention]:
        """The doer's own people named down the object ("lifted its ban on opposition rallies",
        "accepted the students' demand", "to arrest a dissident journalist"): a domestic act."""
        from ..actors.lexicon import get_lexicon

        (country,) = countries
        lex = get_lexicon()
        heads = [c for c in r.trigger.children if c.dep_ in ("dobj", "xcomp", "advcl") or (
            # "lifted a ban on a main opposition party": "on" parsed on the verb
            c.dep_ == "prep" and c.lower_ in ("on", "against") and any(
                o.dep_ == "dobj" and o.lemma_.lower() in (
                    "ban", "restriction", "curb", "limit", "embargo", "sanction", "curfew")
                for o in r.trigger.children))]
        for h in heads:
            for t in h.subtree:
                m = self.idx.get(t.i)
                if m is not None and m[0].kind == "group" and m[0].code is None and \
                        m[0].sector in PEOPLE_SECTORS:  # "a ban on meetings by opposition parties"
                    return [(Actor(code=country + m[0].sector, name=m[0].name, kind="group",
                                   country=country, sector=m[0].sector), m[1])]
                if m is not None and m[0].kind == "person" and m[0].code is None and m[0].role:
                    # "lifted the travel ban on opposition leader Machado"
                    got = self._domestic(m, countries, sentence_of(t))
                    if got[0].code is not None:
                        return [got]
                if t.pos_ != "NOUN" or t.i in self.idx or t.i - h.i > 8 or any(
                        c.lower_ in ("foreign", "international") for c in t.children):
                    continue  # ("eased restrictions on foreign journalists": not its own)
                sec = lex.sector_of([t.lemma_.lower()]) or lex.sector_of([t.lower_])
                if sec is not None and sec.sector in PEOPLE_SECTORS:
                    sp = self.doc.span(t.idx, t.idx + len(t.text))
                    return [(Actor(code=country + sec.sector, name=t.text, kind="group",
                                   country=country, sector=sec.sector), sp)]
        return []

    def _head_words(self, sp: Span) -> set[str]:
        """The lemma of a mention's head and of the noun it modifies ("Russian hackers")."""
        cs = self.doc.spacy_doc.char_span(sp.start, sp.end, alignment_mode="expand")
        return set() if cs is None else {cs.root.lemma_.lower(), cs.root.head.lemma_.lower()}

    def _punitive(self, tok: Any) -> bool:
        """A measure or an attack that falls on someone ("the invasion of Iraq", "punitive
        measures against Assad"): opposing it does not oppose the one it falls on."""
        if tok.i in self.idx or tok.pos_ != "NOUN":
            return False
        if tok.lemma_.lower() in PUNITIVE or tok.lower_ in PUNITIVE:
            return True
        nr = self._noun_rule(tok)
        return nr is not None and nr.type in ("ASSAULT", "COERCE", "SANCTION")

    def _shared_border(self, o: Any) -> bool:
        """"The US-Mexico border": a line between two named states, the place of neither."""
        return o.lemma_.lower() in ("border", "frontier", "boundary") and len(
            {self.idx[t.i][0].country for t in o.subtree
             if t.i < o.i and t.i in self.idx and self.idx[t.i][0].country}) > 1

    def _place_in(self, prep: Any, depth: int, place_noun: bool = False) -> Mention | None:
        """The first place under a preposition ("in the town of Cizre in southeastern Turkey").

        ``place_noun``: the preposition hangs on "town", "city", ...: whatever entity the
        tagger saw there ("the town of Cizre" tagged a person) is a place name.
        """
        from ..actors.places import country_of_place

        for o in prep.children:
            if o.dep_ != "pobj" or o.lemma_.lower() in SEA_WORDS | STANCES | MOTIVES | ACCOUNTS:
                continue  # ("in the Gulf of Oman" is at sea, not in Oman; "in defiance of
                # Chinese authorities", "in response to": a motive, not a place)
            if self._shared_border(o):
                continue  # "arrested at the US-Mexico border": between two states, in neither
            if o.pos_ == "NOUN" and (nr := self._noun_rule(o)) is not None and \
                    nr.type == "ASSAULT":
                # "killed in an Israeli air strike": a means, not a place ("in an air strike
                # in Syria": the strike's own place)
                for c in o.children:
                    if c.dep_ == "prep" and c.lower_ in ("in", "on", "near", "outside") and \
                            depth < 2:
                        found = self._place_in(c, depth + 1)
                        if found is not None:
                            return found
                continue
            if o.lemma_.lower() in ("embassy", "consulate"):
                # "outside the Israeli embassy in London": the embassy stands in London
                for c in o.children:
                    if c.dep_ == "prep" and c.lower_ == "in":
                        found = self._place_in(c, depth + 1)
                        if found is not None:
                            return found
                continue
            for tok in [o, *(m for m in o.children if m.dep_ in ("amod", "compound", "poss") or (
                    # "in the capital Kabul", "in the port city Tripoli"
                    m.dep_ == "appos" and o.lemma_.lower() in PLACE_NOUNS))]:
                m = self.idx.get(tok.i)
                if m is not None and m[0].country:
                    if m[0].kind not in ("country", "institution"):
                        continue
                    country = m[0].country
                    if m[0].kind == "institution":  # a seat: "Tripoli" of Lebanon, not Libya
                        others = {c for i in range(sentence_of(o).start, sentence_of(o).end)
                                  if i in self.idx and self.idx[i][0] is not m[0]
                                  and (c := self.idx[i][0].country)}
                        local = country_of_place(m[1].text, others, min_share=0.15)
                        if local is not None and local in others:
                            country = local
                    return self._as_place(country, m[1])
                if tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or (
                        place_noun and tok.ent_type_):  # "Samarra" is tagged NORP
                    place = self._named_place(tok)
                    if place is not None:
                        return place
            if depth < 2:
                for c in o.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "in", "around", "near", "outside"):
                        found = self._place_in(c, depth + 1, o.lower_ in PLACE_NOUNS)
                        if found is not None:
                            return found
        return None

    def _condition_targets(self, heads: tuple[Any, ...], own: set[str]) -> list[Mention]:
        """Whose act a threat answers: the subject of its "if"/"unless" clause.

        "threatened to stop negotiations if the United States goes ahead" aims at the
        United States; "threatened a general strike if the government did not agree" at
        the doer's own government, named by a bare noun.
        """
        subjects = [s for h in heads for c in h.children if c.dep_ == "advcl" and any(
                        g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
                    for s in c.children if s.dep_ == "nsubj"]
        out = [m for s in subjects for m in self._actors_at(s)
               if m[0].code and m[0].country not in own]
        if not out and len(own) == 1:
            out = [self._own_government(next(iter(own)), s) for s in subjects
                   if s.lemma_.lower() in ("government", "authority", "regime") and
                   s.i not in self.idx and not any(
                       g.dep_ in ("poss", "amod", "compound") for g in s.children)]
        return out

    def _own_government(self, country: str, tok: Any) -> Mention:
        """A bare "the government" in a story about one state: that state's government."""
        return (Actor(code=country + "GOV", name=tok.text, kind="institution", country=country,
                      sector="GOV"), self.doc.span(tok.idx, tok.idx + len(tok.text)))

    @staticmethod
    def _as_place(country: str, sp: Span) -> Mention:
        return (Actor(code=country, name=sp.text, kind="place", country=country), sp)

    def _domestic(self, t: Mention, src_countries: set[str], sent: Any,
                  default: str | None = None) -> Mention:
        """An uncoded national agent in a one-country sentence belongs to that country.

        "Ugandan police arrested opposition leader Kizza Besigye": the PLOVER convention
        codes the target UGA (a domestic event, UGA -> UGA); places are never recoded.
        """
        a, sp = t
        if a.code is not None or a.kind not in ("person", "group") or len(src_countries) != 1:
            return t
        (country,) = src_countries
        others = {m[0].country for i, m in self.idx.items() if sent.start <= i < sent.end}
        if others - {country, None}:
            return t  # another state is named: the person's nationality is unknown
        from ..actors.lexicon import get_lexicon

        # "opposition leader", "Demonstrators" opening a sentence
        words = [w.lower() for i, w in enumerate(sp.text.split()) if w.islower() or (
            i == 0 and sp.start == sent.start_char)]
        sec = get_lexicon().sector_of(words) if words else None
        if sec is None and a.role is not None:  # "Shen, a doctoral candidate": EDU, not GOV
            sec = get_lexicon().sector_of(a.role.split())
        if sec is None and a.role is None and default is None:
            return t
        sector = sec.sector if sec is not None else ("GOV" if a.role is not None else
                                                     default or "GOV")
        return (Actor(code=country + sector, name=a.name, kind=a.kind, country=country,
                      sector=sector, role=a.role), sp)

    # -- output --------------------------------------------------------------------------------
    def _emit(self, sent: Any, raws: list[_Raw]) -> list[Event]:
        for r in raws:
            if r.type in ("COERCE", "ASSAULT") and r.trigger.lemma_.lower() in (
                    "occupy", "storm", "barricade", "besiege") and r.sources and all(
                    a.sector in ("CVL", "EDU", "LAB", "OPP") for a, _ in r.sources):
                # "students occupied the parliament building": a protest, not a seizure
                r.type, r.mode = "PROTEST", "obstruct"
        protests = {r.trigger.i for r in raws if r.type == "PROTEST"}
        # "staged demonstrations to demand reforms", "demonstrated ... calling for
        # independence": the demand is the protest's aim, not a second event
        # ("rallied outside the French embassy to protest ...", "stormed the embassy and set
        # it on fire": one protest, aimed where the first verb says)
        raws = [r for r in raws if not (r.type in ("REQUEST", "REJECT", "ACCUSE", "PROTEST") and
                                        (r.trigger.i not in protests or not r.targets) and
                                        r.trigger.dep_ in ("advcl", "xcomp", "acl", "conj") and
                                        r.trigger.head.i in protests)]
        attacks = {r.trigger.i: r for r in raws if r.type == "ASSAULT"}
        # "shelled Kherson, killing three civilians": the toll of the same attack (whose
        # victims are the attack's when it names none: "a car bomb exploded ..., killing
        # six officers")
        tolls = [r for r in raws if r.type == "ASSAULT" and r.trigger.dep_ == "advcl" and
                 r.trigger.tag_ == "VBG" and r.trigger.head.i in attacks and
                 not any(c.dep_ == "nsubj" for c in r.trigger.children)]
        for r in tolls:
            attack = attacks[r.trigger.head.i]
            if not attack.targets and not attack.sources:
                attack.targets = list(r.targets)
        raws = [r for r in raws if all(r is not t for t in tolls)]
        # "Prisoners rioted, setting fire to their mattresses": how the riot went
        # ("stormed the embassy and set it on fire": the same protest)
        raws = [r for r in raws if not (r.type in ("ASSAULT", "COERCE") and (
                                            (r.trigger.dep_ == "advcl" and r.trigger.tag_ == "VBG")
                                            or (r.trigger.dep_ == "conj" and not r.targets)) and
                                        r.trigger.head.i in protests and not any(
                                            c.dep_ == "nsubj" for c in r.trigger.children))]
        triggers = {r.trigger.i for r in raws}
        # "declined an invitation to join the BRICS bloc": what was offered, not an act
        raws = [r for r in raws if not (
            r.trigger.dep_ == "acl" and r.trigger.head.dep_ == "dobj" and
            (r.trigger.head.head.i in triggers or r.trigger.head.head.head.i in triggers) and
            _infinitive(r.trigger))]
        # "vetoed an EU statement criticising China": what the statement says, not an act
        raws = [r for r in raws if not (
            r.trigger.dep_ == "acl" and r.trigger.tag_ == "VBG" and
            r.trigger.head.dep_ in ("dobj", "pobj") and
            r.trigger.head.lemma_.lower() in IDEA_NOUNS | {"statement", "resolution", "motion"}
            and r.trigger.head.head.i in triggers)]
        # "resigned to allow elections": the aim of another act, not a second act
        raws = [r for r in raws if not (
            r.trigger.dep_ in ("advcl", "xcomp") and (
                r.trigger.head.i in triggers or r.trigger.head.head.i in triggers) and r.type in (
                "CONCEDE", "AGREE", "SUPPORT", "COOPERATE", "CONSULT") and
            r.trigger.head.lemma_.lower() not in INTENT_COOP | REFUSE | THREAT | REQUEST_V and
            _infinitive(r.trigger))]
        out = self._emit_all(sent, raws)
        # One event per pair: drop "X did T" when the sentence also has "X did T to Y", and
        # "someone did T to Y" when a coded doer did T to Y.
        # ("willing to withdraw its troops from Lebanon": SYR -> LBN, not also SYR -> troops)
        full = {(e.type, _actor_key(e.source)) for e in out if e.target and e.target.code}
        coded = {(e.type, _actor_key(e.target)) for e in out if _actor_key(e.source)}
        return [e for e in out
                if ((e.target and e.target.code) or (e.type, _actor_key(e.source)) not in full) and
                (_actor_key(e.source) or (e.type, _actor_key(e.target)) not in coded)]

    def _not_targets(self, r: _Raw) -> set[int]:
        """Character offsets of words that name no target of the act: who ordered it
        ("carried out the attack at the behest of Pakistani military intelligence"), the
        army one man fights beside, the party named inside a call someone defies, and the
        wronged state in a complaint ("deplores the violation of Georgia's sovereignty": the
        complaint is against the violator)."""
        out = {g.idx for p in r.trigger.subtree
               if p.dep_ == "prep" and p.lower_ in ("on", "at") and p.i != r.trigger.i
               for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in ORDERS
               for g in o.subtree}
        if r.trigger.lemma_.lower() == "fight" and ((r.sources and all(
                a.kind == "person" or sp.text.split()[-1].lower() in SINGLE_PERSONS
                for a, sp in r.sources)) or (not r.sources and r.trigger.dep_ == "pcomp")):
            # "an Australian man who has been fighting with the Taliban", "was arrested for
            # fighting with the Taliban": one man fights beside an army, not against it
            out |= {g.idx for p in r.trigger.children if p.dep_ == "prep" and p.lower_ == "with"
                    for g in p.subtree}
        if r.type == "REJECT":
            # "extremists defying his call for a cease-fire with Israel": the call is his;
            # Israel is only named in what it asks
            out |= {g.idx for o in r.trigger.children if o.dep_ == "dobj" and
                    o.lemma_.lower() in DEMAND_NOUNS and any(c.dep_ == "poss" for c in o.children)
                    for p in o.children if p.dep_ in ("prep", "acl")
                    for g in p.subtree}
        if r.type in ("ACCUSE", "PROTEST", "REJECT"):
            out |= {c.idx for o in r.trigger.children if o.dep_ == "dobj" and
                    o.lemma_.lower() in VIOLATIONS
                    for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for n in p.children if n.dep_ == "pobj" and n.lemma_.lower() in SOVEREIGNTY
                    for w in n.children if w.dep_ == "poss" for c in w.subtree}
        return out

    def _votes_won(self, r: _Raw, srcs: list[Mention], own: set[str], sent: Any) -> bool:
        """A politician "capturing" places of his own state (several, or in a sentence about
        an election) wins their votes: "Clinton captured Virginia, Georgia and Texas"."""
        if r.type != "ASSAULT" or r.trigger.lemma_.lower() not in ELECTORAL_WINS or not srcs \
                or not all(a.kind == "person" and a.sector not in ("MIL", "REB", "COP")
                           for a, _ in srcs):
            return False
        won = [x for o in r.trigger.children if o.dep_ in ("dobj", "npadvmod")
               for x in (o, *o.conjuncts)]
        if not won or (len(won) < 2 and not any(t.lemma_.lower() in ELECTION_WORDS
                                                 for t in sent)):
            return False
        for x in won:
            if x.pos_ != "PROPN" or (x.i in self.idx and self.idx[x.i][0].code is not None):
                return False
            place = self._named_place(x, BIG_CITY, bare=True)
            if place is None or place[0].country not in own:
                return False
        return True

    def _emit_all(self, sent: Any, raws: list[_Raw]) -> list[Event]:
        out: list[Event] = []
        seen: dict[tuple[Any, ...], int] = {}
        sentence = self.doc.span(sent.start_char, sent.end_char)
        for r in raws:
            srcs = _dedupe(r.sources)
            src_countries = {a.country for a, _ in srcs if a.country}
            # A bare own-country target is a place ("imposed a curfew ... in Turkey",
            # "expelled officers from the United States"), not a recipient.
            if r.mode == "investigate" and r.trigger.lemma_.lower() == "probe" and srcs and \
                    all(a.sector == "MIL" for a, _ in srcs):
                continue  # "Russian military probing along the borders": testing defences
            if r.type in ("SUPPORT", "REJECT", "AGREE") and srcs and all(
                    self._head_words(sp) & {"voter", "electorate", "respondent", "constituent"}
                    for _, sp in srcs):
                continue  # "Hispanic voters are more likely to support her": a preference
            if r.type == "ASSAULT" and srcs and all("hacker" in self._head_words(sp)
                                                    for _, sp in srcs):
                # "Russian hackers who struck the DNC": a cyber operation
                r.type, r.mode = "COERCE", "cyber"
            if r.type in ("SUPPORT", "ACCUSE", "REJECT", "CONSULT", "AGREE", "COOPERATE",
                          "REQUEST") and srcs and all(
                    a.sector in ("CVL", None) and a.kind != "country" and set(
                        sp.text.lower().split()) & SPORTS_PEOPLE for a, sp in srcs):
                # "cricket captain Steve Waugh has supported fast bowler Brett Lee": sport
                continue
            if self._votes_won(r, srcs, src_countries, sent):
                continue  # "Trump has captured Georgia, Alabama and Tennessee": won votes
            tgs = [t for t in _dedupe(r.targets)
                   if not (t[0].kind == "country" and t[0].country in src_countries and (
                       not _modifier(self.doc, t[1]) or any(t[0] is a for a, _ in srcs)))]
            # ("Ugandan opposition" stays a target; "Croatia ... Croatian extremists" not)
            # ("Chinese police detained members of the Falun Gong": the state's own people)
            # ("soldiers killed in an Israeli air strike": the strike's state is no clue to
            # its victims' state)
            by_strike = r.type == "ASSAULT" and bool(srcs) and all(
                self._head_words(sp) & {"strike", "airstrike", "raid", "bombing", "attack",
                                        "shelling", "drone"} for _, sp in srcs)
            tgs = [self._located(t if by_strike else self._domestic(
                t, src_countries, sent, "CVL" if (r.type == "COERCE" and r.mode == "arrest")
                else None), r.type) for t in tgs]
            if r.type in ("ASSAULT", "COERCE") and srcs and ((all(
                    sp.text.split()[-1].lower() in PROTESTERS for a, sp in srcs)
                    # ("a Palestinian mob lynched two Israeli soldiers": a killing)
                    and r.trigger.lemma_.lower() not in KILLINGS) or (
                    r.trigger.lemma_.lower() == "clash" and (
                        any(a.sector == "COP" for a, _ in tgs) or any(
                            o.lemma_.lower() == "police" for p in r.trigger.children
                            if p.dep_ == "prep" and p.lower_ == "with" for o in p.children))
                    and all(a.sector in ("CVL", "EDU", "LAB", "OPP") for a, _ in srcs))):
                # ("students clashed with riot police": a violent protest)
                r.type, r.mode = "PROTEST", "riot"  # "protesters set fire to the embassy"
            if r.type == "PROTEST" and r.mode == "obstruct" and srcs and all(
                    (a.kind == "country" and _singular(self.doc, sp) and
                     not _adjectival(self.doc, sp)) or a.sector in ("GOV", "COP")
                    for a, sp in srcs):
                r.type, r.mode = "COERCE", "restrict"  # "Russia blocked access to Facebook"
            if not tgs and r.type == "RETREAT" and r.mode == "access":
                # "allowed 50 aid trucks to enter Gaza", "allowed UN inspectors into Moura"
                tgs = [m for c in r.trigger.children if c.dep_ in ("ccomp", "xcomp", "dobj")
                       for m in (self._actors_at(c) + self._objects(c)
                                 if c.pos_ in ("VERB", "AUX") else self._actors_at(c))]
            gov = self._protested_government(r) if r.type == "PROTEST" and \
                len(src_countries) == 1 else None
            if gov is not None:
                # "Armenians protested against the government's deal with Azerbaijan": their
                # own government, not the other party to its deal
                tgs = [self._own_government(next(iter(src_countries)), gov)]
            if not tgs and len(src_countries) > 1:
                pass  # a reciprocal act ("signed a treaty in Pyongyang"): no one else's
            elif not tgs:
                tgs = (self._deep_target(r, src_countries) or self._place_target(r) or
                       self._home_target(r, srcs))
                if r.type == "RETREAT" and tgs and all(
                        a.kind == "place" and a.country in src_countries for a, _ in tgs) and \
                        not any(c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out")
                                for c in r.trigger.children):
                    # "rebels surrendered in the town of Soroti", "declared a ceasefire in
                    # south Lebanon": where a state's own side yields, not to whom
                    tgs = []
            if not tgs and r.type == "MOBILIZE" and src_countries and r.mode is not None:
                # "put its forces on alert after Turkish commandos landed": readied against
                # the foreign doer of what prompted it (a weapons test, "days after India
                # tested its own", is readied against no one)
                tgs = [m for c in r.trigger.children if c.dep_ == "advcl" and any(
                           g.dep_ == "mark" and g.lower_ in ("after", "as") for g in c.children)
                       for s in c.children if s.dep_ == "nsubj" for m in self._actors_at(s)
                       if m[0].country and m[0].country not in src_countries]
            if not tgs and len(src_countries) == 1 and not (
                    self._countries_in(sent) - src_countries) and r.type in (
                    "CONCEDE", "COERCE", "REJECT", "ACCUSE", "SANCTION"):
                tgs = self._own_people_target(r, src_countries)
            if not tgs and len(src_countries) == 1 and r.type == "THREATEN" and \
                    r.inner == "COERCE" and not (self._countries_in(sent) - src_countries):
                # "is prepared to impose martial law": a threat to the state's own people
                tgs = [self._home(next(iter(src_countries)), srcs[0][1])]
            if r.type == "AID" and r.mode == "military" and src_countries and all(
                    a.country in src_countries and a.sector == "MIL" for a, _ in tgs):
                # "plans to deploy the British Army to help control traffic": a state's own
                # forces moved at home, no aid to anyone
                r.type, r.mode, tgs = "MOBILIZE", None, []
            home = self._at_home(r, srcs, src_countries, tgs, sent)
            if home:
                tgs = home
            elif (r.type in ("ASSAULT", "COERCE") and all(a.code is None for a, _ in tgs)) or (
                    tgs and all(a.code is None and a.kind not in ("person", "group")
                                for a, _ in tgs)):
                # "attacked Kurdish positions in Iraq": uncoded victims, coded by their place;
                # "dispatched inspectors to the Esfahan plant in central Iran": a site
                tgs = self._place_target(r) or tgs
            tgt_countries = {a.country for a, _ in tgs if a.country}
            if r.type == "PROTEST" and not tgs:
                tgt_countries = self._countries_in(sent)  # "workers ... Serbian minister"
            if r.type in ("ASSAULT", "COERCE"):
                # "Militants loyal to Iraq's Zarqawi attempted to assassinate Prime Minister
                # Allawi": unnamed fighters in a one-state story are that state's; not so
                # "militants attacked Israeli troops" (the victims' state is not the doers')
                tgt_countries = set() if tgt_countries else self._countries_in(sent)
            # "Kurds demonstrated outside the Greek embassy in Bonn": not Greeks at home
            abroad = r.type == "PROTEST" and bool(self._countries_in(sent) - tgt_countries)
            if (r.type in ("PROTEST", "REQUEST", "ASSAULT", "COERCE") or (
                    r.type == "ACCUSE" and r.mode == "investigate")) and srcs and \
                    not src_countries and len(tgt_countries) == 1 and not abroad:
                # ("Judge Rivera opened fraud investigations against 28 Chilean officials")
                # "Islamic fundamentalists continued their hunger strike to demand the
                # resignation of Algerian President Ben Bella": protesters at home, DZA -> DZA
                srcs = [self._domestic(m, tgt_countries, sent) for m in srcs]
                src_countries = {a.country for a, _ in srcs if a.country}
                tgs = [self._domestic(t, src_countries, sent) for t in tgs] or \
                    self._home_target(r, srcs)
            victims = [a for a, _ in tgs if a.code and a.kind != "place"]
            # "Kurds demonstrated outside the Greek embassy in Bonn": a people abroad, not
            # the host state ("Iraqi Kurds demonstrated in Kirkuk" are at home)
            diaspora = r.type == "PROTEST" and bool(srcs) and all(
                _named_people(self.doc, sp) for _, sp in srcs) and any(
                t.lemma_.lower() in ("embassy", "consulate") and t.i in self.idx for t in sent)
            if r.type in LOCAL_TYPES and not diaspora and all(
                    a.country is None and a.code is None
                    for a, _ in srcs) and (  # (ISIS keeps its code)
                    srcs or _crowd_subject(r.trigger) or (
                        r.type == "ASSAULT" and self._weapon_doer(r, bool(victims))) or (
                        r.type == "COERCE" and r.mode == "arrest" and bool(victims) and
                        any(c.dep_ == "auxpass" for c in r.trigger.children) and
                        not self._agent(r.trigger))):
                # "Prisoners rioted at a jail in Dili", "A roadside bombing near Samarra
                # killed a U.S. soldier": PLOVER codes an uncoded doer by the state where it
                # acts. A passive with no doer at all ("a man was arrested in Ohio") is not,
                # unless its victims are known ("Two Canadians were detained in China": the
                # state's police arrest).
                place = self._place_target(r)
                country = place[0][0].country if place else None
                others = self._countries_in(sent) - {country}
                if country is not None and srcs and all(a.sector == "MIL" for a, _ in srcs) \
                        and others:
                    # "An Israeli military source said the soldiers shot four Palestinians
                    # near Jenin": soldiers abroad are the state's the sentence names beside
                    # the place's, if only one; none if several
                    country = next(iter(others)) if len(others) == 1 else None
                if country is not None:
                    # (its sector kept: rebels ambushing the army are RUSREB -> RUS)
                    srcs = [(Actor(code=country + (a.sector or ""), name=a.name, kind=a.kind,
                                   country=country, sector=a.sector), sp)
                            for a, sp in srcs] or place
                    src_countries = {country}
                    tgs = [self._domestic(t, src_countries, sent) for t in tgs
                           if t[0].kind != "place" or srcs[0][0].kind != "place"] or [
                        # (the place became the doer: victims known by their trade stay)
                        self._domestic(t, src_countries, sent) for t in r.targets
                        if t[0].kind == "group" and t[0].sector and t[0].code is None]
            if not srcs and not (r.type in ("ASSAULT", "COERCE") and victims):
                continue  # no doer named: only attacks on a known victim are kept
            if all(a.code is None and a.country is None and a.kind == "group" and (
                    sp.text.islower() or (sp.start == sent.start_char and " " not in sp.text))
                   for a, sp in srcs) and \
                    not any(a.country or a.role for a, _ in tgs):
                continue  # "whom authorities blame": unnamed people, no state in sight
            gov = r.trigger
            while gov.dep_ == "xcomp" and gov.head.lemma_.lower() in ("resume", "start", "begin",
                                                                      "continue", "launch"):
                gov = gov.head  # ("prepared to resume shelling")
            if r.type == "ASSAULT" and gov.dep_ == "xcomp" and \
                    gov.head.lemma_.lower() in ("prepare", "gear", "mass", "assemble"):
                # "the army prepared to resume shelling": forces readied, PLOVER MOBILIZE
                r.type, r.mode, r.status = "MOBILIZE", None, "asserted"
            if r.type == "ASSAULT" and r.trigger.lemma_.lower() in ("storm", "raid") and srcs \
                    and all(a.sector == "COP" for a, _ in srcs):
                r.type, r.mode = "COERCE", "seize"  # "police stormed the embassy": a raid
            if r.type == "ASSAULT" and r.trigger.lemma_.lower() in ("push", "advance") and not any(
                    a.sector == "MIL" for a, _ in srcs):
                continue  # "pushed into the spotlight": only forces push into a city
            if r.type == "RETREAT" and r.mode != "access" and tgs and all(
                    a.kind == "igo" for a, _ in tgs):
                r.type, r.mode = "SANCTION", "withdraw"  # "withdrawal from ECOWAS": leaving a bloc
            if r.type == "RETREAT" and r.trigger.lemma_.lower() == "leave" and not any(
                    a.sector == "MIL" for a, _ in srcs):
                continue  # "the minister left Paris": a departure; troops leaving is a withdrawal
            if r.type == "CONSULT" and r.mode == "visit" and tgs and src_countries and \
                    all(a.kind == "place" and a.country in src_countries for a, _ in tgs):
                continue  # "the Australian cricket team has arrived in Adelaide": a trip home
            if r.type == "REQUEST" and r.trigger.lemma_.lower() in ("call", "summon", "convene") \
                    and any(o.lemma_.lower() in ("meeting", "session", "gathering")
                            for p in r.trigger.children if p.dep_ == "prep" and p.lower_ == "for"
                            for o in p.children) and not any(
                        a.country and a.country not in src_countries for a, _ in tgs):
                continue  # "had called all the ministers from his Labour Party for a meeting"
            if r.type == "CONSULT" and not tgs and any(
                    g.lemma_.lower() in ("cabinet", "party", "caucus") and g.dep_ in (
                        "compound", "amod", "nmod")
                    for o in r.trigger.children if o.dep_ == "dobj" for g in o.children) and \
                    r.trigger.lemma_.lower() in ("open", "hold", "convene", "chair", "call",
                                                 "attend", "begin", "start"):
                continue  # "opened an emergency security Cabinet meeting": its own council
            if r.type == "CONSULT" and r.mode in ("visit", "host") and not tgs:
                # "is expected to travel widely", "a dinner party hosted by Madeleine
                # Albright": a visit to nobody, a host of no one named
                continue
            if r.trigger.lemma_.lower() in ("invite", "join") and not any(a.code for a, _ in tgs):
                continue  # "invited Gennifer Flowers to the debate": a guest, not a state
            if r.type == "CONSULT" and r.trigger.lemma_.lower() in VISIT and srcs and all(
                    a.kind == "country" and not _singular(self.doc, sp) for a, sp in srcs):
                continue  # "40,000 Iranians visited Serbia": travellers, not a state visit
            if r.type == "MOBILIZE" and r.mode == "exercise":
                partners = [m for h in (r.trigger, *r.trigger.children) for p in h.children
                            if p.dep_ == "prep" and p.lower_ == "with"
                            for o in p.children if o.dep_ == "pobj"
                            for m in self._actors_at(o)]
                if partners or len(src_countries) > 1:
                    # "held military exercises with Belarus", "French and Egyptian warships
                    # launched war games": exercised together
                    r.type, r.mode = "COOPERATE", None
                    tgs = partners or tgs
            rally = "rally" in (r.trigger.lemma_.lower(), *(
                c.lemma_.lower() for c in r.trigger.children if c.dep_ == "dobj"))
            if r.type == "PROTEST" and rally and srcs and all(
                    a.kind == "person" or a.sector == "GOV" for a, _ in srcs):
                continue  # "Clinton held rallies in Charlotte": a campaign event, not a protest
            if r.type == "PROTEST" and r.trigger.lemma_.lower() in (
                    "protest", "lodge", "file", "register", "issue", "deliver") and srcs and all(
                    (a.kind == "country" and _singular(self.doc, sp) and
                     not _adjectival(self.doc, sp)) or a.sector == "GOV"
                    for a, sp in srcs):
                # PLOVER: a government's protest is a diplomatic one, i.e. ACCUSE disapprove
                r.type, r.mode = "ACCUSE", "disapprove"
            if _in_question(r.trigger):
                continue  # "Why is the government allowing ISIS to threaten us?": asked, not said
            status = self._status(r)
            if status == "future" and r.type not in ("THREATEN", "REQUEST") and any(
                    c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless"
                                              for g in c.children) for c in r.clause.children):
                # "will withdraw its force from Chad unless ...": an ultimatum
                r.type, r.mode = "THREATEN", None
            elif status == "future" and r.type != "THREATEN" and any(
                    c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "if"
                                              for g in c.children) for c in r.clause.children):
                if r.type in ("SANCTION", "ASSAULT", "COERCE", "MOBILIZE", "REJECT", "PROTEST"):
                    # "will be turned down by the EU if May cannot provide guarantees": a
                    # conditional refusal or use of force is a threat (a conditional offer,
                    # "would meet the mediator if ...", stays an offer: AGREE)
                    r.type, r.mode = "THREATEN", None
                elif r.type in ("REQUEST", "ACCUSE"):
                    # "Ireland will demand aid from the EU if the UK crashes out": not yet
                    status = "hypothetical"
            date = self._date(r, status)
            loc = self._location(r)
            trig = self.doc.span(r.trigger.idx, r.trigger.idx + len(r.trigger.text))
            unlike = self._not_targets(r)
            src_opts: list[Mention | None] = list(srcs) or [None]
            tgt_opts: list[Mention | None] = [t for t in tgs if not any(
                t[1].start <= i < t[1].end for i in unlike)] or [None]
            if tgs and not srcs and tgt_opts == [None]:
                continue  # its only party was no target after all: nobody left to code
            pairs = list(product(src_opts, tgt_opts))
            for s, t in pairs:
                if r.type == "CONSULT" and r.trigger.lemma_.lower() in (
                        "travel", "fly", "journey", "go", "head") and (
                        s is None or (s[0].code is None and s[0].kind == "person" and
                                      not s[0].role)):
                    # "Oswald traveled to Mexico City", "Patel traveled to China to teach
                    # English": a private journey is no visit to a state (what the
                    # traveller does there may be: "visited the Soviet embassy")
                    continue
                if s is not None and t is not None and (s[0] is t[0] or (
                        s[0].code and s[0].code == t[0].code and
                        "place" not in (s[0].kind, t[0].kind))):
                    continue  # a domestic act on its own place is kept: TUR -> TUR
                key = (r.type, id(s[0]) if s else None, id(t[0]) if t else None)
                conf = r.confidence
                conf += 0.1 if (s and s[0].code) else -0.2
                conf += 0.05 if (t and t[0].code) else 0.0
                if not (s and s[0].code) and not (t and t[0].code):
                    conf -= 0.1  # nobody coded: a person's act the map cannot place
                if s and s[0].code and s[1].text.lower() in PRONOUN_SUBJ | {"he", "she"}:
                    conf -= 0.1  # resolved pronoun
                if status in ("hypothetical", "future"):
                    conf -= 0.1
                ev = Event(type=r.type, mode=r.mode, source=_ref(s), target=_ref(t),
                           status=status, sentence=sentence, confidence=max(0.05, min(conf, 0.95)),
                           trigger=trig, date=date, location=loc)
                if key in seen:
                    old = out[seen[key]]
                    if ev.confidence > old.confidence:
                        out[seen[key]] = ev
                    continue
                seen[key] = len(out)
                out.append(ev)
        return out


def _pressed(v: Any) -> Any:
    """Who is pressed to act in "to pile pressure on Mr Arafat to arrest extremists", "put
    pressure on Israel to stop its assassinations and to lift the blockade": the token
    after "on" (None when the act is not one pressed for)."""
    while v.dep_ == "conj" and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        v = v.head
    if v.dep_ not in ("advcl", "acl", "xcomp") or not _infinitive(v):
        return None
    h = v.head
    holders = [h] if h.lemma_.lower() == "pressure" else [
        o for o in h.children if o.dep_ == "dobj" and o.lemma_.lower() == "pressure"]
    for x in holders:
        for p in (*x.children, *(h.children if x is not h else ())):
            if p.dep_ == "prep" and p.lower_ in ("on", "upon"):
                for o in p.children:
                    if o.dep_ == "pobj":
                        return o
    return None


def _to_blame(v: Any) -> bool:
    """"X is to blame": X is the one blamed, the subject of the copula, not the blamer."""
    return v.lemma_.lower() == "blame" and v.dep_ in ("acomp", "xcomp") and \
        v.head.lemma_.lower() == "be" and not any(c.dep_ == "dobj" for c in v.children)


def _infinitive(v: Any) -> bool:
    """A "to" infinitive: "to force"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _scholarly(n: Any) -> bool:
    """An inquiry of a science ("epidemiological investigations"), not of a suspect."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in SCIENCES for c in n.children)


def _is_quantity(tok: Any) -> bool:
    """A percentage or a number of points: what a price or an index moves by."""
    return tok.ent_type_ == "PERCENT" or tok.lower_ in ("%", "percent", "pct") or (
        tok.lower_ in ("point", "points") and any(c.pos_ == "NUM" for c in tok.children))


def _actor_lexicon() -> Any:
    from ..actors.lexicon import get_lexicon

    return get_lexicon()


def _in_question(tok: Any) -> bool:
    """The clause of ``tok`` ends with a question mark (its own sentence is a question)."""
    for t in tok.doc[tok.i:sentence_of(tok).end]:
        if t.text in (".", "!", "?") or t.text.endswith("?"):
            return t.text.endswith("?")
    return False


def _reduced_object(v: Any) -> Any:
    """The object of ``v`` misparsed as the subject of a reduced relative clause.

    "Iran freed 11 Kuwaiti fishermen detained last month" is parsed as "freed [that]
    fishermen detained": a past participle with a subject, no auxiliary and no object of
    its own, under a verb with no object, is the verb's object and its modifier.
    """
    if any(c.dep_ in ("dobj", "nsubjpass") for c in v.children):
        return None
    for c in v.children:
        if c.dep_ == "ccomp" and c.tag_ == "VBN" and c.i > v.i and not any(
                g.dep_ in ("aux", "auxpass", "mark", "dobj") for g in c.children):
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
                return subj
    return None


def _misparsed_passive(v: Any) -> bool:
    """"ISIS has been all but evicted": a passive whose subject the parser left active;
    "US Chinook helicopter shot down": a headline's passive without its auxiliary."""
    if v.lemma_.lower() == "shoot" and any(c.lower_ == "down" for c in v.children) and \
            not any(c.dep_ == "dobj" for c in v.children) and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in AIRCRAFT for c in v.children):
        return True
    # ("It is thought the Australian arrested in Afghanistan ... is from Adelaide": the
    # participle of a reduced relative read as a clause of its own)
    if v.tag_ == "VBN" and v.dep_ in ("ROOT", "ccomp") and any(
            c.dep_ == "nsubj" for c in v.children) \
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "nsubjpass", "ccomp", "xcomp")
                        for c in v.children) and any(
                c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "at", "during")
                for c in v.children):
        return True  # "American in China injured in 'sonic attack'": a headline's passive
    return v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.children) and any(
        c.dep_ == "nsubj" for c in v.children) and not any(
        c.dep_ == "nsubjpass" for c in v.children)


def _opens_with_account(sent: Any) -> bool:
    """The sentence opens "In RT's coverage, ...": all of it is the account's."""
    first = sent[0]
    return first.lower_ == "in" and first.dep_ == "prep" and any(
        o.lemma_.lower() in ACCOUNTS and any(g.dep_ == "poss" for g in o.children)
        for o in first.children)


def _in_a_claim(tok: Any) -> bool:
    """``tok`` lies in the content of a claim, an idea or a report ("the claim was that ...",
    "the narrative that ...", "said that ...")."""
    h = tok
    for _ in range(8):
        if h.head.i == h.i:
            return False
        if h.dep_ in ("ccomp", "acl") and h.pos_ in ("VERB", "AUX"):
            g = h.head
            if g.pos_ == "NOUN" and g.lemma_.lower() in CLAIM_NOUNS:
                return True  # "the idea that ...", "allegations that ..."
            if g.lemma_.lower() == "be" and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in CLAIM_NOUNS for c in g.children):
                return True  # "Haley's essential claim was that ..."
            if g.pos_ == "VERB" and g.lemma_.lower() in REPORT:
                return True  # "officials said that ..."
        h = h.head
    return False


def _and_of(c: Any) -> list[Any]:
    """A noun and the nouns of its "of" phrase ("a first contingent of UN peacekeepers")."""
    return [c] + [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]


def _peacekeepers_subject(v: Any) -> bool:
    """The subject of ``v`` is a peacekeeping force ("a first contingent of UN peacekeepers")."""
    for c in v.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if any(t.lemma_.lower() in PEACEKEEPING for h in _and_of(c) for t in (h, *h.children)):
            return True
    return False


def _with_press(tok: Any) -> bool:
    """Talks whose partner is the press ("met with reporters")."""
    return any(o.lemma_.lower() in PRESS for p in tok.children
               if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
               if o.dep_ == "pobj")


def _defence_aims(v: Any) -> list[Any]:
    """The purpose clauses of a deployment that help someone ("to help defend Qatar")."""
    return [g for c in v.children if c.dep_ in ("advcl", "xcomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for g in (c, *(x for x in c.children if x.dep_ == "xcomp"))
            if g.lemma_.lower() in DEFEND_AIMS]


def _serving_force(tok: Any) -> bool:
    """A force sent to serve a place: "a peace-keeping force", "the UN mission"."""
    return tok.lemma_.lower() in SERVING_FORCES and (
        tok.lemma_.lower() != "force" or any(c.lemma_.lower() in PEACEKEEPING or c.lower_ in (
            "international", "multinational", "regional", "stabilization", "stabilisation")
                                             for c in tok.children))


def _crowd_subject(v: Any) -> bool:
    """An unnamed crowd does a protest: "Hundreds of thousands of people blocked streets"."""
    if v.lemma_.lower() not in CROWD_ACTS:
        return False
    for c in v.children:
        if c.dep_ != "nsubj":
            continue
        heads = _and_of(c)
        if any(h.lemma_.lower() in CROWDS or h.ent_type_ == "CARDINAL" for h in heads) and \
                any(h.lemma_.lower() in CROWDS for h in heads):
            return True
    return False


def _named_people(doc: Document, sp: Span) -> bool:
    """The mention is a people's name ("Kurds", "Tamils"): a nationality, not a place's."""
    sdoc = doc.spacy_doc
    tok = sdoc.char_span(sp.start, sp.end, alignment_mode="expand") if sdoc is not None else None
    return tok is not None and all(t.ent_type_ == "NORP" for t in tok) and \
        tok.root.pos_ in ("PROPN", "NOUN") and tok.root.dep_ not in ("amod", "compound")


def _singular(doc: Document, sp: Span) -> bool:
    """"Serbia protested" is its government; "Albanians protested" are people."""
    cs = doc.spacy_doc.char_span(sp.start, sp.end, alignment_mode="expand")
    return cs is not None and cs.root.tag_ not in ("NNS", "NNPS")


def _unknown_place(doc: Document, m: Mention) -> bool:
    """A place name the dictionaries do not know ("New York (AFP) -") does not act."""
    if m[0].code is not None:
        return False
    cs = doc.spacy_doc.char_span(m[1].start, m[1].end, alignment_mode="expand")
    return cs is not None and cs.root.ent_type_ in ("GPE", "LOC", "FAC")


def _modifier(doc: Document, sp: Span) -> bool:
    """"Ugandan opposition candidates": the country word qualifies people, not a place."""
    cs = doc.spacy_doc.char_span(sp.start, sp.end, alignment_mode="expand")
    return cs is not None and cs.root.dep_ in ("amod", "compound", "nmod") and \
        cs.root.head.pos_ == "NOUN" and cs.root.head.lower_ not in (
            "town", "towns", "city", "cities", "village", "villages", "territory", "soil",
            "border", "borders", "region", "province", "capital", "port", "airspace", "waters")


def _adjectival(doc: Document, sp: Span) -> bool:
    """"Iranian protests" are people protesting, not the Iranian state."""
    cs = doc.spacy_doc.char_span(sp.start, sp.end, alignment_mode="expand")
    return cs is not None and cs.root.pos_ == "ADJ"


def _ref(m: Mention | None) -> ActorRef | None:
    if m is None:
        return None
    a, sp = m
    return ActorRef(a.code, sp.text, sp.start, sp.end, a.sector)


def _actor_key(r: ActorRef | None) -> str | None:
    """An actor's code without its sector: "Syria" and "the Syrian government" are one party."""
    if r is None or r.code is None:
        return None
    if r.sector and r.code.endswith(r.sector) and len(r.code) > len(r.sector):
        return r.code[: -len(r.sector)]
    return r.code


def _dedupe(ms: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    seen: set[int] = set()
    for a, sp in ms:
        if id(a) in seen:
            continue
        seen.add(id(a))
        out.append((a, sp))
    return out


def _coordinated(m: Mention, first: Mention, doc: Document) -> bool:
    sdoc = doc.spacy_doc
    a = sdoc.char_span(m[1].start, m[1].end, alignment_mode="expand")
    b = sdoc.char_span(first[1].start, first[1].end, alignment_mode="expand")
    if a is None or b is None:
        return False
    # "from Britain, France and Germany": Germany hangs on France, France on Britain
    h = a.root
    for _ in range(8):
        if h.dep_ != "conj":
            return False
        h = h.head
        if h.i in range(b.start, b.end):
            return True
    return False


def _clause_verb(tok: Any) -> Any:
    """The nearest verb above a token (the clause that carries tense and negation)."""
    h = tok
    for _ in range(12):
        if h.pos_ in ("VERB", "AUX") and h.dep_ != "aux":
            return h
        if h.head.i == h.i:
            return h
        h = h.head
    return h
