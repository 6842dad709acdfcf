"""The project's own word lists for reported speech, denials, hedges and source kinds.

Written for this project (informed by reading, not copying, public lexicons). Lemmas are
lower case; multi-word entries are matched on lemmas token by token.
"""

from __future__ import annotations


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


# Verbs that introduce what someone said (pruned on PolNeAR train: words whose cue
# precision there was below 0.3, such as "speak", "read", "plan", are left out).
# Verbs that introduce what someone said, wrote or otherwise put on record.
SPEECH_VERBS: frozenset[str] = _words("""
say tell add note write report announce declare state claim allege assert insist argue
warn deny admit acknowledge confirm explain suggest ask answer reply respond tweet post
comment remark mention observe predict promise vow pledge threaten urge demand accuse
blame contend maintain reiterate repeat recall conclude emphasize emphasise stress
concede complain boast brag joke quip testify disclose reveal indicate estimate forecast
caution counter retort continue agree disagree recount propose recommend question wonder
speculate hint signal imply charge assure reassure declare proclaim affirm vouch lament
concur advise inform notify order tout predict insinuate whisper shout yell
scream cry muse reckon concede acknowledged rule find show suggest cite criticize
criticise attack condemn describe blast praise endorse support defend dismiss slam
denounce oppose applaud welcome hail dispute clarify elaborate specify underscore
highlight allege suspect assess believe think feel know expect hope fear worry doubt
realize realise learn hear agree decide want intend acknowledge guess
assume presume call decline refuse offer point reference echo discuss sing chant
refer liken recognize recognise bemoan lament encourage document
sum allude
seek back express mock prefer envision recite quote unveil reject embrace advocate favor
favour remind ridicule applaud lambast deride scoff tout champion
name list rip cheer decry articulate balk apologize apologise rail tease deem portray
protest interpret congratulate plead sense characterize characterise label brand dub
castigate chide scold rebuke thank talk speak see regard view
""")

# Cognition verbs are cues only with a clausal complement ("believes that ..."), never alone.
COGNITION_VERBS: frozenset[str] = _words("""
believe think feel know expect hope fear worry doubt understand realize realise learn
hear suspect assume presume guess wonder decide reckon
""")

# Verbs whose content may be a noun phrase ("condemned the launch", "cited the report").
NP_CONTENT_VERBS: frozenset[str] = _words("""
call cite criticize criticise attack condemn mention describe blast praise endorse
support propose discuss question defend reject deny dismiss slam denounce accuse blame
announce oppose applaud welcome hail recommend dispute acknowledge confirm tout demand
predict decline offer reference echo discuss document recognize recognise
bemoan lament encourage sing chant
show seek back express mock prefer envision recite quote unveil reject embrace advocate
favor favour remind ridicule lambast deride champion
name list rip cheer decry articulate tease deem portray interpret congratulate
characterize characterise label brand dub castigate chide scold rebuke thank
""")

# Speech verbs whose direct object is not what was said ("told reporters", "asked him").
NO_NP_VERBS: frozenset[str] = _words("""
say tell ask add answer reply respond write post tweet continue order inform notify
maintain find threaten admit deny encourage advise declare talk speak
""")

# Verbs whose infinitive is not a content ("continued to rise", "intends to run").
NO_XCOMP_VERBS: frozenset[str] = _words("""
continue intend
""")

# Verbs whose content follows a preposition ("called for talks", "pointed to the report").
PREP_CONTENT: dict[str, tuple[str, ...]] = {
    "call": ("for", "on"), "point": ("to",), "refer": ("to",),
    "allude": ("to",), "talk": ("about", "of", "up"), "warn": ("of", "about", "against"),
    "complain": ("about", "of"), "boast": ("about", "of"), "brag": ("about",),
    "insist": ("on",), "rail": ("against",), "balk": ("at",), "comment": ("on",),
    "testify": ("about", "to"), "speak": ("about", "of", "against", "on"),
}

# Verbs that only count as cues when the content is a direct quote or a that-clause:
# frequent in other senses ("the war continued", "the poll found a lead").
WEAK_VERBS: frozenset[str] = _words("""
continue add show find learn hear decide plan want intend agree question counter signal
indicate rule post order
""")

# Verbs of opinion only in "X sees Y as Z" (or "sees that ..."): "saw the debate" is no cue.
AS_VERBS: frozenset[str] = _words("""
see regard view
""")

# Subjects whose "found" / "showed" report a finding even without "that".
FINDING_HEADS: frozenset[str] = _words("""
study poll survey report analysis research review panel judge court audit investigation
inquiry probe data record records document documents researcher researchers
""")

# Verbs of impression: "the plan seems doomed" is a view, usually with no source named.
SEEM_VERBS: frozenset[str] = _words("""
seem appear
""")

# Records whose findings are reported with "in": "in a new survey, the mayor leads by six".
POLL_NOUNS: frozenset[str] = _words("""
poll survey study
""")

# Nouns that carry reported content: "the ministry's statement that ...".
SPEECH_NOUNS: frozenset[str] = _words("""
statement claim allegation assertion accusation report remark comment announcement
warning denial suggestion testimony belief view argument assessment contention promise
pledge threat insistence admission acknowledgment acknowledgement charge assurance proof
prediction conclusion finding estimate message word
""")

# Verbs and phrases of denial: the speaker rejects a claim about itself.
DENIAL_LEMMAS: frozenset[str] = _words("""
deny dismiss reject dispute refute rebut repudiate disavow disown contest
""")

# "did not accept / claim / take responsibility"
RESPONSIBILITY_VERBS: frozenset[str] = _words("""
accept claim take admit acknowledge
""")
RESPONSIBILITY_NOUNS: frozenset[str] = _words("""
responsibility involvement role blame culpability
""")
# Of the denial verbs, these deny whatever they take; "reject", "dismiss", "dispute",
# "contest", "repudiate", "disavow", "disown" deny only a claim (one of CLAIM_OBJECTS, or a
# that-clause): "repudiated decades of Republican support for free trade" is a change of course.
PLAIN_DENIALS: frozenset[str] = _words("""
deny refute rebut
""")
CLAIM_OBJECTS: frozenset[str] = _words("""
accusation allegation claim charge report responsibility involvement role blame suggestion
assertion finding account version story characterization characterisation notion
""")
DENIAL_NOUNS: frozenset[str] = _words("""
denial rejection
""")

# Hedges in the article's own voice: the claim is relayed, not asserted.
HEDGES: frozenset[str] = _words("""
allegedly reportedly apparently purportedly supposedly ostensibly seemingly
""")
HEDGE_PHRASES: tuple[str, ...] = (
    "it is alleged", "it was alleged", "it has been alleged", "it is reported",
    "it was reported", "it has been reported", "it is believed", "it was believed",
    "it has been suggested", "it is suggested", "it was suggested", "it is said",
    "it is claimed", "it was claimed", "it has been claimed", "is said to", "are said to",
    "is believed to", "are believed to", "is thought to", "are thought to",
    "is reported to", "are reported to", "was reported to", "were reported to",
    "is alleged to", "are alleged to", "was alleged to", "were alleged to",
)

# Anonymous sources: head nouns that name no one in particular.
ANONYMOUS_HEADS: frozenset[str] = _words("""
official officials source sources diplomat diplomats aide aides insider insiders person
people someone analyst analysts expert experts observer observers witness witnesses
resident residents officer officers spokesman spokeswoman spokesperson advisor adviser
advisers advisors member members lawmaker lawmakers commander commanders staffer
staffers operative operatives critic critics supporter supporters ally allies
""")
ANONYMOUS_MARKERS: tuple[str, ...] = (
    "familiar with", "who spoke on condition of anonymity", "speaking on condition of anonymity",
    "who asked not to be named", "who declined to be named", "not authorized to",
    "anonymous", "unnamed", "unidentified", "on condition of anonymity",
)

# News media: names and generic heads.
MEDIA_OUTLETS: tuple[str, ...] = (
    "new york times", "the times", "washington post", "the post", "wall street journal",
    "reuters", "associated press", "the ap", "afp", "agence france-presse", "bbc", "cnn",
    "fox news", "nbc", "abc news", "cbs", "msnbc", "al jazeera", "bloomberg", "the guardian",
    "financial times", "politico", "axios", "npr", "usa today", "los angeles times",
    "tass", "ria novosti", "interfax", "xinhua", "irna", "fars", "tasnim", "press tv",
    "rt", "sputnik", "kyiv independent", "haaretz", "times of israel", "yonhap", "kcna",
    "anadolu", "dpa", "efe", "breitbart", "the hill", "daily mail", "the telegraph",
    "the economist", "der spiegel", "le monde", "axel springer", "the independent",
    "huffington post", "buzzfeed", "vox", "time magazine", "newsweek", "the atlantic",
)
MEDIA_HEADS: frozenset[str] = _words("""
newspaper paper outlet agency broadcaster channel network station magazine daily tabloid
website media television radio journal wire
""")

# Written records rather than speakers.
DOCUMENT_HEADS: frozenset[str] = _words("""
release report indictment document documents memo memorandum letter filing statement
complaint lawsuit affidavit transcript cable email emails study survey poll polls data
analysis assessment record records communique communiqué resolution decree order ruling
verdict text draft plan article post tweet video footage book
""")

# Organisations by head noun.
ORG_HEADS: frozenset[str] = _words("""
ministry department government office agency council committee commission army military
police party administration embassy kremlin pentagon parliament congress senate court
union organization organisation group company firm campaign bureau service forces
movement coalition alliance nato un white house command corps
""")

# Words a source noun phrase may start with that are not part of a name (for roles).
ROLE_WORDS: frozenset[str] = _words("""
president prime minister secretary spokesman spokeswoman spokesperson senator sen rep
representative governor gov general gen chairman chair director chief head leader
ambassador envoy foreign defense defence interior state deputy vice commander king queen
mayor official adviser advisor minister colonel col lieutenant lt admiral adm captain
capt
""")
