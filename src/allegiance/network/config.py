"""Settings of the alliance network: what an event means for a tie and how much it counts.

Direction of each PLOVER event type (cooperative +1, conflictual -1, neutral 0) follows the
PLOVER manual (v. 2021, ``PLOVER_MANUAL.tex``): its quad categories put AGREE, CONSULT,
SUPPORT, CONCEDE (verbal cooperation) and COOPERATE, AID, RETREAT (material cooperation) on
the cooperative side, and ACCUSE, REJECT, THREATEN, SANCTION (verbal conflict) and PROTEST,
MOBILIZE, COERCE, ASSAULT (material conflict) on the conflictual side.

REQUEST is the one judgement call. The quad table files it under verbal conflict, but the
manual's own conflict--cooperation score for REQUEST is 0 (its modes range from -1 to +0.5):
"requests, demands, and orders" include requests for assistance and meetings as much as
demands for change. A plea for help from an ally is not hostility, so REQUEST is **neutral**
by default: it is kept as evidence on the edge (``neutral`` count) but moves the balance
neither way. Set ``directions["REQUEST"] = -1`` to follow the quad table instead.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

COOPERATIVE_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")
CONFLICTUAL_TYPES = ("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                     "ASSAULT")
NEUTRAL_TYPES = ("REQUEST",)

#: PLOVER conflict--cooperation scores of the manual's table "PLOVER conflict--cooperation
#: scores" (category level, -10..+10). ACCUSE is printed as "3" in the manual, an evident
#: typo for -3 (all its modes are -2 to -3.5), and is taken as -3 here.
PLOVER_SCORES: dict[str, float] = {
    "AGREE": 2.5, "CONSULT": 2.5, "SUPPORT": 5.0, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10.0,
    "RETREAT": 6.5, "REQUEST": 0.0, "ACCUSE": -3.0, "REJECT": -2.0, "THREATEN": -3.5,
    "PROTEST": -5.0, "SANCTION": -6.0, "MOBILIZE": -5.5, "COERCE": -7.0, "ASSAULT": -9.0,
}


def default_directions() -> dict[str, int]:
    """+1 cooperative, -1 conflictual, 0 neutral for every PLOVER event type."""
    out = {t: 1 for t in COOPERATIVE_TYPES}
    out.update({t: -1 for t in CONFLICTUAL_TYPES})
    out.update({t: 0 for t in NEUTRAL_TYPES})
    return out


def default_status_weights() -> dict[str, float]:
    """How much an event counts by its factual status (see ``document.EVENT_STATUSES``).

    An asserted event is the article's own statement of fact; a reported one rests on
    someone else's word; hypothetical and future events have not happened; denied and
    negated events are statements that the event did *not* happen, so they never make a tie.
    """
    return {"asserted": 1.0, "reported": 0.5, "hypothetical": 0.25, "future": 0.25,
            "denied": 0.0, "negated": 0.0}


@dataclass
class NetworkConfig:
    """Every knob of the network stage, with defaults documented in ``docs/network.md``."""

    #: event type -> +1 (cooperative) / -1 (conflictual) / 0 (neutral); unknown types are neutral
    directions: dict[str, int] = field(default_factory=default_directions)
    #: status -> weight; unknown statuses get ``unknown_status_weight``
    status_weights: dict[str, float] = field(default_factory=default_status_weights)
    unknown_status_weight: float = 0.5
    #: scale each event by |PLOVER score| / 10 instead of counting it 1 (intensity weighting)
    plover_intensity: bool = False
    #: multiply by the coder's confidence in the event
    use_confidence: bool = False
    #: "country": collapse sector codes to their ISO3 state (USAMIL -> USA); "code": keep codes
    actor_level: str = "country"
    #: day | week | month | custom (custom: ``custom_days``-long windows from ``start``)
    window: str = "month"
    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None  # YYYY-MM-DD, inclusive
    custom_days: int | None = None  # None with window=custom: one window from start to end
    #: blocs: ties whose |net| is below this are ignored when partitioning
    bloc_min_weight: float = 0.0
    #: blocs: upper bound on local-search passes of the frustration minimiser
    bloc_max_passes: int = 50
    #: hubs: a cooperative tie needs this much cooperative weight (both directions summed)
    hub_min_weight: float = 1.0
    #: hubs: an actor needs at least this many cooperative partners to be listed as a hub
    hub_min_degree: int = 3
    #: hubs: how many hubs to list per window
    hub_top: int = 10
    #: realignments: each of the two compared windows needs this much signed weight on the dyad
    realign_min_weight: float = 1.0
    #: realignments: a sign change counts when both balances are at least this far from zero
    realign_min_balance: float = 0.2
    #: realignments: a same-sign move of the balance at least this large also counts
    realign_shift: float = 1.0
    #: realignments: minimum two-proportion z of the change in cooperative share (0: off).
    #: 3 asserted conflict events followed by 2 asserted cooperative ones give z = 2.2.
    realign_min_z: float = 1.0
    #: realignments listed in JSON outputs, strongest (highest z) first; stats count them all
    realign_top: int = 200
    #: cap on evidence items listed per edge in exports (None: all); counts stay exact
    max_evidence_per_edge: int | None = None
    #: actor codes that are never collapsed to a country even when they start with one
    keep_codes: tuple[str, ...] = ()

    def direction(self, event_type: str) -> int:
        return int(self.directions.get(event_type.upper(), 0))

    def status_weight(self, status: str) -> float:
        return float(self.status_weights.get(status, self.unknown_status_weight))

    def intensity(self, event_type: str) -> float:
        if not self.plover_intensity:
            return 1.0
        return abs(PLOVER_SCORES.get(event_type.upper(), 0.0)) / 10.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["keep_codes"] = list(self.keep_codes)
        return d
