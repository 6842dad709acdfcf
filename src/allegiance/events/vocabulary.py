"""Word lists of the event grammar: which verbs carry event nouns, which govern a status.

The project's own lists, written from the PLOVER manual's definitions and checked against
real news (docs/event-precision.md); the trigger lexicon proper is ``data/lexicon.csv``.
"""

from __future__ import annotations

# Verbs that carry an event noun: "held talks", "imposed sanctions", "launched a strike".
LIGHT = {"take", "hold", "conduct", "launch", "carry", "stage", "impose", "reimpose", "provide",
         "make",
         "sign", "reach", "issue", "level", "deliver", "give", "announce", "begin", "start",
         "continue", "open", "mount", "resume", "order", "approve", "authorize", "authorise",
         "undertake", "pursue", "lodge", "file", "wage", "unleash", "perpetrate", "declare",
         "extend", "step", "intensify", "escalate", "renew", "agree", "offer", "propose",
         "have", "send", "institute", "enter", "initiate", "attend", "join", "complete", "finish",
         "grant", "host", "organize", "organise", "plan", "execute", "put", "place",
         "slap", "expand", "tighten", "broaden", "hit", "target", "use", "speed", "accelerate",
         "hasten"}
# Control verbs whose complement is folded into their own event.
ORDER_V = {"order", "force", "compel", "oblige", "coerce"}
FORCES = {"troops", "soldiers", "forces", "army", "police", "units", "navy", "military",
          "warships", "jets", "aircraft", "reservists", "officers"}
# what a state mobilizes when it calls up force ("mobilized 300,000 reservists")
ARMED_BODIES = {"troop", "soldier", "force", "reservist", "reserve", "reserves", "militia",
                "conscript", "recruit", "unit", "division", "brigade", "battalion", "regiment",
                "fighter", "guard", "man", "men", "army", "navy", "police", "volunteer",
                "tank", "warship", "jet", "aircraft", "ship", "fleet", "armour", "armor"}
# aims that make a deployment military aid ("sent troops to help defend Qatar")
DEFEND_AIMS = {"help", "defend", "protect", "support", "assist", "reinforce", "bolster",
               "guard", "shore", "aid", "back"}
INTENT_COOP = {"agree", "promise", "pledge", "offer", "commit", "vow", "undertake"}
INTENT_ADJ = {"ready", "willing", "prepared", "committed", "determined", "eager"}
REFUSE = {"refuse", "decline", "fail", "avoid"}
THREAT = {"threaten", "warn", "swear"}
DEONTIC = {"must", "should", "ought"}
# verbs that carry a demand in a that-clause ("reiterated that Libya must hand over ...")
INSIST = {"insist", "conclude", "declare", "reiterate", "stress", "repeat", "emphasize",
          "emphasise", "remind", "underline", "stipulate"}
FROM_TARGET = {"withdraw", "retreat", "pull", "expel", "recall", "demand", "request", "seek",
               "receive", "accept", "evacuate", "withdrawal", "buy", "purchase", "import",
               "confiscate", "seize"}
REQUEST_V = {"urge", "ask", "call", "demand", "press", "pressure", "appeal", "request",
             "implore", "plead", "push", "tell", "order", "force", "persuade", "encourage",
             "invite", "pressurize", "lobby"}
OBJECT_CONTROL = REQUEST_V | {"allow", "let", "help", "permit", "enable", "authorize", "authorise",
                              "prompt", "lead", "cause", "convince", "get", "inspire", "drive",
                              "compel", "oblige", "require"}
MOVE = {"contribute", "airlift", "disburse", "lend", "pay", "allocate", "pledge", "withdraw",
        "recall", "pull", "cut", "suspend", "halt", "stop", "restrict", "reduce", "slash", "freeze",
        "send", "deploy", "deliver", "provide", "give", "supply", "donate", "ship", "transfer",
        "sell", "extradite", "deport", "expel", "return", "hand", "fire", "launch", "impose",
        "level", "lift", "extend", "grant", "offer", "open", "reopen", "re-open", "share",
        "move", "dispatch", "bring", "refuse", "deny", "allow", "permit", "lodge", "file"}
TOPIC_PREP_TYPES = {"CONSULT", "AGREE", "COOPERATE", "REQUEST", "SUPPORT", "REJECT", "ACCUSE",
                    "CONCEDE"}  # "talks with France on Iran": "on"/"over" give the topic
MOVE_THING = {"send", "deliver", "provide", "supply", "ship", "transfer", "sell", "dispatch",
              "move", "bring", "deploy", "give", "donate", "fire", "launch", "share",
              "extradite", "hand", "contribute"}
NO_WITH = {"ACCUSE", "REQUEST", "AID", "PROTEST", "COERCE", "MOBILIZE", "THREATEN"}
HYPO_GOV = {"consider", "mull", "weigh", "contemplate", "want", "hope", "seek", "wish",
            "aim", "propose", "suggest", "threaten", "could", "may",
            "might", "discuss", "explore", "debate", "need", "have", "plot", "conspire",
            "scheme"}  # ("had plotted to kill Americans": an intention)
FUTURE_GOV = {"plan", "intend", "prepare", "expect", "schedule", "set", "go", "be", "resolve"}
DENY = {"deny"}
IDEA_NOUNS = {"idea", "concept", "prospect", "possibility", "notion", "risk", "option",
              "fear", "hope", "scenario", "plan", "proposal", "danger", "threat",
              "suspicion", "speculation", "rumor", "rumour", "cost", "costs", "estimate",
              "estimates", "likelihood", "chance", "chances", "specter", "spectre", "odds",
              "request", "requests", "call", "calls", "demand", "demands", "offer", "offers",
              "outlook", "expectation"}
CRIMES = {"murder", "killing", "assassination", "torture", "abuse", "execution", "operation",
          "crackdown", "use", "massacre", "kidnapping", "bombing"}
# duties one is "charged with" ("charged with overseeing the program"), not crimes
DUTIES = {"oversee", "supervise", "administer", "regulate", "monitor", "implement",
          "coordinate", "manage", "enforce", "review", "evaluate", "assess", "organize",
          "organise", "design", "draft", "ensure"}
# bodies that are given duties ("the agency charged with ..."); people are charged with crimes
DUTY_BODIES = {"agency", "department", "ministry", "committee", "commission", "body", "office",
               "team", "panel", "unit", "part", "administration", "bureau", "council", "board",
               "authority", "authorities", "task", "mission", "official", "officials"}
# works one releases or publishes: "released his documentary", "released a video"
WORKS = {"documentary", "film", "movie", "book", "video", "album", "song", "report", "study",
         "statement", "footage", "recording", "transcript", "memoir", "biography", "poll",
         "survey", "ad", "trailer", "podcast", "episode", "documents", "document", "data",
         "findings", "photo", "photos", "image", "images"}
# measures that fall on someone: to oppose them is not to oppose their target
PUNITIVE = {"measure", "measures", "sanction", "sanctions", "action", "actions", "strike",
            "strikes", "penalty", "penalties", "punishment", "war", "invasion", "occupation",
            "intervention", "blockade", "embargo", "bombing", "airstrikes", "raid", "raids"}
# plans and efforts "for" an act: "the road map for an accord" has not reached it
GOAL_HEADS = {"map", "roadmap", "plan", "framework", "blueprint", "path", "push", "effort",
              "bid", "drive", "campaign", "proposal", "basis", "groundwork", "hope", "hopes",
              "prospect", "prospects", "chance", "chances", "vision"}
# means built for an act: "a system to shoot down missiles" is not a shooting
MEANS_NOUNS = {"system", "weapon", "weapons", "capability", "capabilities", "ability", "tool",
               "tools", "means", "technology", "program", "programme", "missile", "missiles",
               "shield", "force", "power", "authority", "mandate", "right", "license", "licence",
               "legislation", "law", "bill", "resolution", "budget", "fund", "funds", "money"}
# reports known to be false: what they tell did not happen
FAKE_WORDS = {"fake", "false", "falsified", "bogus", "fabricated", "phony", "phoney",
              "fictitious", "hoax", "spurious", "debunked"}
# policies and roles one backs: "supports a larger U.S. military role" backs no actor
POLICY_NOUNS = {"role", "presence", "engagement", "involvement", "intervention", "action",
                "effort", "efforts", "campaign", "policy", "policies", "strategy", "approach",
                "deployment", "mission", "commitment", "footprint", "posture", "response"}
# what is done to an enemy: "ISIS must be defeated" asks nothing of ISIS
DEFEAT_V = {"defeat", "destroy", "eliminate", "crush", "eradicate", "annihilate", "degrade",
            "dismantle", "wipe", "stop", "confront", "punish", "contain"}
# proposals "for" or "to" an act: "proposals for mass deportations" are not deportations
PROPOSALS = {"proposal", "plan", "call", "demand", "idea", "bid", "push", "pledge", "promise",
             "threat", "vow", "offer", "suggestion", "recommendation", "request"}
# what one vows to refuse: "vowed to ignore the ruling", "pledged to cancel the accord"
REFUSAL_AIMS = {"ignore", "reject", "defy", "disregard", "resist", "oppose", "veto", "block",
                "boycott", "cancel", "scrap", "abandon", "repeal", "tear", "quit", "renounce"}
# what one voices or expresses for a partner ("voiced support for Assad")
SUPPORT_NOUNS = {"support", "backing", "solidarity", "sympathy", "gratitude", "admiration"}
# a politician "capturing" or "sweeping" his own country's states wins their votes
ELECTORAL_WINS = {"capture", "take", "win", "sweep", "carry", "seize"}
ELECTION_WORDS = {"primary", "caucus", "delegate", "vote", "voter", "ballot", "election",
                  "poll", "nomination", "nominee", "electoral"}
# what befell someone: "investigate the death of X" does not investigate X
HARMS = {"death", "disappearance", "abduction", "poisoning", "shooting", "beating", "injury",
         "attack", "assault", "rape", "fate"} | CRIMES
GROUPISH = {"group", "groups", "delegation", "coalition", "alliance", "members", "forces",
            "troops", "militants", "rebels", "fighters", "government", "regime", "army"}
NATURAL = {"virus", "disease", "outbreak", "epidemic", "pandemic", "storm", "hurricane",
           "flu", "influenza", "plague", "malaria",
           "earthquake", "flood", "floods", "cancer", "ebola", "cholera", "heat", "fire",
           "wildfire", "typhoon", "cyclone", "drought", "famine", "accident", "crash"}
# inquiries of a science, which accuse no one ("epidemiological investigations")
SCIENCES = {"epidemiological", "scientific", "medical", "clinical", "archaeological",
            "geological", "environmental", "statistical", "academic", "genetic", "historical",
            "epidemiology", "science", "research"}
# people "supplied" or "provided" by traffickers, which is no aid
TRAFFICKED = {"girl", "woman", "boy", "child", "prostitute", "escort", "bride"}
# verbs whose object, not subject, does what the infinitive after them says ("trained
# rebels to fight")
EQUIP_V = {"train", "arm", "equip", "fund", "finance", "recruit", "hire", "pay"}
# stances taken on another's act, whose gerund the parser splits from its doer ("objected
# to Ukraine opening an investigation")
STANCE_ON_ACTS = {"object", "oppose", "consent", "agree", "worry", "warn", "complain",
                  "protest", "count", "rely", "insist", "react", "respond"}
# people who act for a client, not as the client ("Trump's personal lawyer")
COUNSEL = {"lawyer", "attorney", "solicitor", "counsel", "barrister"}
# craft that are shot down, not shooters ("US Chinook helicopter shot down")
AIRCRAFT = {"helicopter", "chopper", "jet", "plane", "aircraft", "airliner", "drone",
            "warplane", "fighter", "bomber", "airplane", "chinook", "blackhawk"}
# mishaps that kill without a killer ("killed in a helicopter crash")
CALAMITIES = {"collision", "mishap", "explosion", "blaze", "avalanche", "landslide", "mudslide",
              "tsunami", "stampede", "tornado", "derailment", "sinking", "capsizing", "fall",
              "malfunction", "incident"}
MODAL_ADJ = {"impossible", "possible", "unlikely", "likely", "difficult", "hard", "easy",
             "unable", "free"}
ABLE = {"able", "capable", "unable", "designed", "meant", "intended"}
ALERT_MODS = {"health", "travel", "weather", "security", "safety", "storm", "flood"}
SUPPOSE = {"say", "suppose", "imagine", "assume", "picture"}
REPORT = {"say", "report", "claim", "allege", "tell", "state", "add", "announce", "confirm",
          "insist", "assert", "write", "believe", "suspect", "accuse", "blame", "think",
          "cite", "quote", "suggest", "indicate", "reveal", "disclose", "argue", "contend",
          "conclude"}
HYPO_AUX = {"could", "might", "may", "should", "must", "can", "ca", "ought"}
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
TARGET_PREPS = {"with", "against", "on", "upon", "to", "toward", "towards", "into", "at",
                "from", "over", "onto", "inside"}
MOD_DEPS = {"poss", "amod", "compound", "nmod", "appos"}
SUBJ_DEPS = {"nsubj", "csubj"}
PRONOUN_SUBJ = {"it", "they", "we", "i", "its"}
NEG_WORDS = {"no", "never", "without"}
ABSTRACT = {"plan", "policy", "proposal", "backstop", "deal", "idea", "decision", "bill",
            "aggression", "influence", "expansionism", "ambitions", "behavior", "behaviour",
            "law", "record", "report", "claim", "claims", "statement", "remark", "remarks",
            "comment", "comments", "position", "stance", "strategy", "approach", "agenda",
            "budget", "campaign", "candidacy", "media", "press", "administration", "speech",
            "credibility", "reputation", "character", "integrity", "motives", "judgment",
            "judgement", "competence", "honesty", "legitimacy", "rhetoric", "views"}
# ills one fights with policy, not arms ("to fight clerical abuse")
ILLS = {"abuse", "corruption", "crime", "poverty", "racism", "discrimination", "inflation",
        "fraud", "hunger", "illiteracy", "injustice", "extremism", "unemployment", "pollution",
        "misinformation", "disinformation", "drug", "drugs", "trafficking", "hate"}
# what one offers in words, not in deeds ("would offer answers of several hundred words")
WORD_OFFERS = {"answer", "comment", "remark", "view", "thought", "opinion", "insight",
               "explanation", "detail", "prayer", "condolence", "congratulation", "word",
               "advice", "guidance", "counsel", "assessment", "perspective", "reflection",
               "message", "reassurance",
               "vision", "argument", "alternative", "critique", "glimpse", "proof",
               "evidence", "specifics", "clue", "hint"}
# what one fights in court, not in the field ("fighting the charges")
LEGAL_ACTS = {"request", "lawsuit", "suit", "order", "ruling", "case", "charge", "indictment",
              "extradition", "subpoena", "verdict", "conviction", "sentence", "appeal", "motion",
              "injunction", "fine", "deportation"}
FIGHT_WORDS = {"fight", "battle", "combat", "war"}
FIGHTERS = {"fighter", "militant", "rebel", "insurgent", "guerrilla", "jihadist", "militia",
            "terrorist", "separatist", "gunman"}
# participles that show an attack was made of words ("..., calling them rapists")
SPEECH_ACTS = {"call", "say", "label", "brand", "describe", "dub", "accuse", "claim", "tweet",
               "write", "insist", "complain", "mock", "deride", "insult"}
VERBAL_ATTACK = {"pound", "hammer", "attack", "hit", "slam", "blast", "target", "strike", "beat",
                 "bash"}
CONTENT_GOVERNORS = {"REQUEST", "REJECT", "THREATEN", "AGREE"}
# nouns whose infinitive did not happen ("failure to oppose Brexit")
NEG_NOUNS = {"failure", "refusal", "reluctance", "unwillingness", "inability"}
NEG_GOV = {"avoid", "refrain", "cease", "stop", "fail", "refuse", "decline", "forgo"}
# what one agrees "on" as a view, not as a deal: "agreed on the need to act"
VIEWS = {"need", "responsibility", "importance", "necessity", "principle", "view", "point",
         "goal", "priority", "threat", "danger", "assessment", "urgency", "value", "idea"}
OPINION_AGREE = {"agree", "concur"}  # "agrees with Israel that ...": an opinion, not a deal
# Verbs of endorsement that need a political object: "defend business as usual" is rhetoric.
ENDORSE_NEEDS_ACTOR = {"defend", "champion", "embrace", "hail", "praise", "applaud"}
ADMIT_PREPS = {"into", "to"}  # "welcomed him into Britain": admission, not support
SEA_WORDS = {"sea", "ocean", "water", "waters", "gulf", "pacific", "atlantic", "strait", "straits",
             "bay", "channel"}
TEMPORAL_MARKS = {"while", "as", "when", "after", "before", "since", "until", "because",
                  "although", "though", "whereas"}
PHRASAL_PREPS = {"for", "into", "out", "on", "upon"}
PLACE_PREPS = {"in", "inside", "into", "across", "throughout", "at", "near", "outside",
               "opposite", "off", "along"}
UNREAL_MODS = {"possible", "potential", "planned", "proposed", "threatened", "future",
               "hypothetical", "looming", "feared", "expected", "prospective"}
IDIOMS = ("out of a hat", "out of thin air", "up his sleeve", "up her sleeve", "up their sleeve")
DEEP_STOP = {"in", "inside", "at", "near", "from", "by", "during", "after", "before", "since",
             "including", "like", "as", "than", "except", "besides", "among", "despite",
             "under", "within", "throughout", "across", "via", "through", "per", "about"}
PLACE_NOUNS = {"town", "city", "village", "province", "region", "district", "camp", "port",
               "capital", "state", "county", "area", "enclave", "suburb", "neighbourhood",
               "neighborhood"}
# quantities an act comes in: "10 days of war games", "a series of raids", "a wave of strikes"
MEASURE_NOUNS = {"day", "week", "month", "hour", "series", "wave", "round", "spate", "string",
                 "ton", "tonne", "barrel", "shipment", "consignment", "batch", "cargo",
                 "million", "millions", "thousands", "hundreds", "dozens",
                 "barrage", "volley", "salvo", "flurry", "number", "dozen", "couple",
                 "state"}  # ("declared a state of emergency": the act is the emergency)
# what is demanded of a person: "demanded the resignation of X" targets X
OUSTER_NOUNS = {"resignation", "removal", "ouster", "dismissal", "impeachment", "arrest",
                "extradition", "prosecution", "sacking", "firing", "recall"}
# verbs whose subject is the recipient: "received weapons from the government"
WEAPON_SUBJECTS = {"bomb", "missile", "rocket", "shell", "drone", "blast", "explosion", "mine",
                   "grenade", "fire", "shelling", "bombing", "airstrike", "strike"}
# what a warning threatens ("warned Finland of retaliation", "of serious consequences")
CONSEQUENCES = {"consequence", "retaliation", "response", "reprisal", "punishment", "action",
                "measure", "countermeasure", "price", "cost", "repercussion", "war", "force"}
# verbs after a clause that make it a charge against its subject ("..., Pakistan alleged")
TRAILING_CHARGES = {"protest", "complain", "charge", "allege"}
# what a state closes or opens toward its neighbours
BORDERS = {"border", "frontier", "crossing", "boundary", "checkpoint"}
# one body whose sitting is no meeting with anyone ("the Cabinet met on Sunday")
SITTING_BODIES = {"cabinet", "parliament", "assembly", "congress", "senate", "committee",
                  "government", "junta", "politburo", "legislature", "court", "jury", "board",
                  "commission", "council", "presidium", "synod", "tribunal"}
# verbs that watch over an existing act ("monitor the ceasefire", "enforce the embargo")
WATCH_V = {"oversee", "monitor", "observe", "supervise", "police", "verify", "enforce",
           "implement", "guarantee", "safeguard", "uphold", "respect", "violate", "breach"}
# hostile aims a pledge can name ("pledged to confront", "vowed to crush"): threats
HOSTILE_AIMS = {"confront", "punish", "retaliate", "avenge", "crush", "defeat", "destroy",
                "eliminate", "eradicate", "oust", "topple", "overthrow", "annihilate",
                "obliterate", "wipe", "smash"}
# group nouns whose examples ("countries like Turkey") are the actors meant
MEMBER_HEADS = {"country", "state", "nation", "ally", "government", "neighbor", "neighbour",
                "power", "member", "partner", "regime"}
# family, whose visit is a private trip
KIN = {"daughter", "son", "mother", "father", "parent", "family", "relative", "wife",
       "husband", "child", "grandchild", "grandmother", "grandfather", "sister", "brother",
       "friend", "girlfriend", "boyfriend", "fiancée", "fiance", "cousin", "aunt", "uncle"}
# verbs that keep a promise or an agreement ("vowed to honor the Paris agreement": a pledge)
KEEP_V = {"honor", "honour", "uphold", "respect", "abide", "keep", "implement", "observe",
          "fulfil", "fulfill"}
# addressees named by their conflict ("parties to the conflict in Iraq")
PARTIES = {"party", "side", "faction", "belligerent", "combatant", "warring"}
# talks after which a concession is made to the other side
TALK_NOUNS = {"talk", "talks", "deliberation", "deliberations", "negotiation", "negotiations",
              "consultation", "consultations", "meeting", "discussion", "discussions"}
# things whose "to ..." states an aim, not an act ("legislation to ban Trump")
PLAN_NOUNS = {"legislation", "bill", "law", "proposal", "plan", "motion", "measure",
              "resolution", "effort", "attempt", "bid", "campaign", "push", "drive", "call",
              "request", "petition", "initiative", "scheme", "plot", "proposition", "amendment",
              "order", "directive", "ultimatum"}  # ("the order to deport them": not yet)
# the press, whom one briefs rather than consults
# words that leave the clause they govern an open question ("questioned how ... would")
QUESTIONED = {"question", "wonder", "ask", "doubt", "unclear", "uncertain", "query",
              "debate", "speculate"}
# what shows someone acting ("a video of him scolding two women")
RECORDINGS = {"video", "footage", "photo", "photograph", "picture", "image", "recording",
              "tape", "clip", "film", "audio"}
# settings where pressing someone "on" a topic is asking questions
QUESTIONING = {"interview", "debate", "hearing", "briefing", "interviewer", "anchor", "host",
               "moderator", "testimony", "podcast", "show"}
PRESS = {"reporter", "journalist", "press", "media", "correspondent", "newsman", "editor"}
# what a body calls into being ("called a debate", "called early elections")
CONVENED = {"debate", "election", "vote", "meeting", "session", "referendum", "hearing",
            "inquiry", "conference", "summit", "poll", "recess"}
# someone's telling of events: "in RT's coverage", "in Moscow's version"
ACCOUNTS = {"coverage", "view", "account", "version", "telling", "narrative", "words",
            "opinion", "eyes", "story", "reporting", "portrayal", "depiction"}
# "X-backed": X stands behind someone else's act or force
BACKING = {"back", "support", "sponsor", "fund", "arm", "train", "finance", "broker"}
# nouns whose "that ..." is someone's claim, not the author's ("the idea that ...")
CLAIM_NOUNS = {"claim", "idea", "narrative", "allegation", "accusation", "report", "rumor",
               "rumour", "theory", "suggestion", "assertion", "charge", "contention", "belief",
               "notion", "story", "argument", "insistence", "revelation"}
RESPOND = {"respond", "reply", "answer", "heed", "listen", "yield"}  # "refused to respond to"
HELP_NOUNS = {"help", "support", "assistance", "backing", "aid", "cooperation", "consent",
              "approval", "blessing"}  # "with Albania's help": a partner
EFFORT_NOUNS = {"mission", "effort", "efforts", "bid", "initiative", "drive", "campaign"}
ENGAGE = {"engage", "participate"}  # "engaged in ethnic cleansing": the noun's act
STANCES = {"disapproval", "opposition", "anger", "outrage", "displeasure", "defiance",
           "solidarity", "rejection"}  # "to show their disapproval for ...": a protest's aim
MOTIVES = {"protest", "response", "retaliation", "reprisal", "support", "honour", "honor",
           "memory", "violation", "breach", "accordance", "line", "exchange", "return"}
CROWDS = {"people", "thousand", "thousands", "hundred", "hundreds", "crowd", "crowds",
          "resident", "residents", "citizen", "citizens", "dozens"}
CROWD_ACTS = {"block", "march", "rally", "demonstrate", "protest", "gather", "riot", "strike",
              "converge", "chant", "occupy", "barricade", "sit"}  # what a crowd does
ADMISSIONS = {"admission", "acknowledgement", "acknowledgment", "apology", "confession"}
WEAPON_AGENTS = {"device", "explosive", "ied", "bomber", "sniper", "gunman", "gunmen",
                 "attacker", "attackers", "assailant", "assailants", "attack"}
HOSTS = {"welcome", "greet", "receive", "host", "meet"}  # "welcomed visiting ..."
RECEIVE = {"receive", "obtain", "get", "win", "secure"}  # not "accept refugees": an aid
# what befalls the victims of an attack ("were killed in an Israeli strike")
CASUALTY_V = {"kill", "wound", "injure", "die", "hurt", "maim"}
# nouns of a demand: "rejected calls from the opposition" answers the opposition
DEMAND_NOUNS = {"call", "demand", "appeal", "request", "plea", "proposal", "offer", "invitation",
                "ultimatum", "bid"}
# acts that take lives: a crowd that does them commits an assault, not a riot
KILLINGS = {"kill", "lynch", "murder", "behead", "slay", "assassinate", "execute", "stab",
            "shoot"}
# people whose violence PLOVER codes as a violent protest ("protesters set fire to ...")
PROTESTERS = {"protester", "protesters", "protestor", "protestors", "demonstrator",
              "demonstrators", "rioter", "rioters", "crowd", "crowds", "mob", "mobs",
              "supporters"}
# media through which leaders talk ("spoke by telephone with")
REMOTE_MEDIA = {"telephone", "phone", "video", "videoconference", "video-conference", "call"}
# one person, not a people: "a Haitian woman" is not Haiti ("Congolese refugees" are)
SINGLE_PERSONS = {"woman", "man", "girl", "boy", "child", "person", "national", "citizen",
                  "resident", "tourist", "worker", "student", "journalist", "businessman",
                  "businesswoman", "priest", "missionary", "doctor", "teacher", "activist",
                  "mother", "father", "wife", "husband", "son", "daughter", "teenager"}
# aims a protest states: "blocked roads to protest EU rules" is aimed at the EU
PROTEST_AIMS = {"protest", "oppose", "denounce", "condemn", "demand", "decry", "reject"}
ENVOYS = {"ambassador", "envoy", "diplomat", "diplomats", "emissary", "representative"}
# people whose arrival is aid: "Chinese rescue teams arrived in Myanmar"
RESCUERS = {"rescuer", "rescue", "medic", "doctor", "aid", "relief", "firefighter", "volunteer"}
# a force whose arrival is aid, not a deployment of troops
PEACEKEEPING = {"peacekeeping", "peacekeeper", "peace-keeping", "peace-keeper", "blue-helmet"}
# forces and missions that serve the place they are in ("a peace-keeping force in Liberia")
SERVING_FORCES = {"force", "mission", "contingent", "peacekeeper", "peacekeepers", "monitors",
                  "observers"}
# what a state asks another to hand over: "the extradition of Hasina from India"
HANDOVER_NOUNS = {"extradition", "return", "release", "handover", "repatriation", "transfer"}
# traded things named by their origin: "tariffs on goods from Canada"
GOODS = {"good", "goods", "import", "imports", "product", "products", "export", "exports",
         "steel", "car", "cars"}
# what one is said to have committed: "said the army had committed war crimes" accuses it
ATROCITIES = {"crime", "crimes", "atrocity", "atrocities", "genocide", "abuse", "abuses",
              "massacre", "massacres", "violation", "violations", "torture", "murder"}
# people sent by a state: "envoys from Ethiopia" speak for Ethiopia
SENT_PEOPLE = {"envoy", "delegation", "delegate", "official", "representative", "diplomat",
               "negotiator", "minister", "emissary", "mediator", "observer", "team",
               "inspector", "monitor", "expert", "investigator", "peacekeeper", "mission"}
# people one "targets" with a message, not a weapon: "target ethnic voters"
AUDIENCES = {"voter", "customer", "consumer", "audience", "user", "reader", "viewer", "donor",
             "buyer", "investor", "shopper", "market", "demographic", "constituency"}
# prepositions that set the scene of an act, not its object
SETTING_PREPS = {"under", "after", "before", "during", "since", "despite", "amid", "following",
                 "because", "until", "within", "throughout"}
# verbs that say a process is stuck: "the talks have been stalled"
STALLED = {"stall", "collapse", "falter", "founder", "deadlock", "stagnate"}
# restrictions a state lifts at home: "lifted martial law", "lifted the curfew"
HOME_RULES = {"curfew", "emergency", "martial", "law"}
# verbs whose that-clause says what is asked for, not what is done
DEMAND_V = {"demand", "urge", "ask", "insist", "request", "propose", "call"}
LOCAL_TYPES = {"ASSAULT", "PROTEST", "COERCE"}  # acts whose doer the place can stand for
VISIT = {"visit", "arrive", "travel", "fly", "tour", "land", "come", "go", "return"}
# People in public life whom politicians "attack" with words ("attacked a federal judge").
PUBLIC_PEOPLE = {"judge", "senator", "journalist", "reporter", "anchor", "critic", "rival",
                 "opponent", "candidate", "congressman", "congresswoman", "lawmaker", "host",
                 "moderator", "columnist", "commentator", "pundit", "governor", "mayor",
                 "president", "nominee", "challenger", "donor", "celebrity", "comedian"}
# Objects that are information about someone: "released the name of the suspect".
INFO_NOUNS = {"name", "names", "identity", "detail", "details", "list", "photo", "photos",
              "picture", "pictures", "image", "images", "video", "footage", "report",
              "statement", "data", "figure", "figures", "record", "records", "transcript"}
# verbs that govern an event's status, whose "-e" the lemmatizer may clip ("hoped" -> "hop")
GOVERNORS = HYPO_GOV | FUTURE_GOV | INTENT_COOP | THREAT | REFUSE | REQUEST_V | OBJECT_CONTROL | \
    NEG_GOV | DENY | REPORT | DEMAND_V | INSIST | SUPPOSE | EQUIP_V | {"hate", "like", "love"}
# what an act is done "on" or "at": "killed on their orders", "at the behest of Riyadh"
ORDERS = {"order", "orders", "behest", "instruction", "instructions", "command", "directive"}
# what makes a doer only alleged: "the suspected Russian hackers who struck the DNC"
ALLEGED = {"suspected", "alleged", "purported", "presumed", "reputed"}
# weapons as subjects: "North Korean missiles threaten Japan" is a danger, no act
ARMS = {"weapon", "arsenal", "warhead", "nuke", "program", "programme", "stockpile",
        "capability", "missile", "rocket", "bomb"}
# games teams "meet" in: "Brazil and Argentina will meet in a World Cup qualifier"
MATCHES = {"qualifier", "match", "final", "semifinal", "semi-final", "quarterfinal",
           "quarter-final", "friendly", "playoff", "play-off", "fixture", "derby", "tournament",
           "game", "games", "olympics", "championship"}
# wrongs done to a state ("the violation of Georgia's sovereignty"): the one complained of
# is the wrongdoer, not the state wronged
VIOLATIONS = {"violation", "breach", "infringement", "abuse", "encroachment"}
SOVEREIGNTY = {"sovereignty", "territory", "airspace", "integrity", "independence", "border",
               "borders", "waters", "rights"}
# people of sport: what they say of each other is the game's business, not their states'
SPORTS_PEOPLE = {"cricketer", "batsman", "bowler", "spinner", "captain", "skipper", "coach",
                 "golfer", "boxer", "jockey", "sprinter", "goalkeeper", "striker", "midfielder",
                 "player", "players", "athlete", "athletes", "footballer", "footballers",
                 "umpire", "referee", "tailenders", "team", "side", "squad"}
# what an act is used as when it is only talked about ("used the attacks as a pretext")
PRETEXTS = {"pretext", "excuse", "justification", "pretence", "pretense", "cover", "reason",
            "argument"}
