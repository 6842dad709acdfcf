"""Tests of the alliance network stage on hand-built event lists.

The scenario mirrors examples/sample/STRUCTURE.md: a Western bloc around a USA hub with
spokes (JPN, KOR, ARE, ISR, SAU) that are tied to no one else, an opposing bloc (IRN, RUS,
SYR, HEZ), and SAU moving from conflict with IRN (Jan-Feb 2024) to cooperation (May-Jun),
while cooling with USA. The sentences are written here, not copied from any data set.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from allegiance.document import ActorRef, Document, Event
from allegiance.network import NetworkConfig, analysis_network, network_payload
from allegiance.network.analysis import find_blocs, frustration
from allegiance.network.stage import payload_script_json, run_network
from allegiance.network.table import kept_documents, normalise_actor, table_from_documents

NAMES = {"USA": "Washington", "GBR": "London", "FRA": "Paris", "DEU": "Berlin",
         "ISR": "Israel", "SAU": "Riyadh", "JPN": "Tokyo", "KOR": "Seoul", "ARE": "Abu Dhabi",
         "IRN": "Tehran", "RUS": "Moscow", "SYR": "Damascus", "HEZ": "Hezbollah",
         "CHN": "Beijing", "UKR": "Kyiv"}

VERBS = {"AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "praised",
         "COOPERATE": "signed a trade pact with", "AID": "sent aid to", "ACCUSE": "accused",
         "THREATEN": "threatened", "REJECT": "rejected a demand by", "SANCTION": "sanctioned",
         "ASSAULT": "struck", "REQUEST": "asked", "COERCE": "seized ships of"}


def make_doc(published: str, events: list[tuple[str, str, str, str]], outlet: str = "Wire",
             tag: str = "") -> Document:
    """One article whose sentences each state one (source, type, target, status) event."""
    parts: list[str] = []
    spans: list[tuple[int, int, str, str, str, str]] = []
    pos = 0
    for src, etype, tgt, status in events:
        prefix = {"reported": "Officials said ", "denied": "Officials denied that ",
                  "hypothetical": "If talks fail, ", "future": "Next month, ",
                  "negated": "It is not true that "}.get(status, "")
        sent = f"{prefix}{NAMES.get(src, src)} {VERBS[etype]} {NAMES.get(tgt, tgt)}."
        spans.append((pos, pos + len(sent), src, tgt, etype, status))
        parts.append(sent)
        pos += len(sent) + 1
    text = " ".join(parts) + (f" {tag}" if tag else "")
    doc = Document(text=text, outlet=outlet, published=published, title=f"{outlet} {published}")
    for start, end, src, tgt, etype, status in spans:
        sent = doc.span(start, end)
        s_at = text.index(NAMES.get(src, src), start)
        t_at = text.rindex(NAMES.get(tgt, tgt), start, end)
        doc.sentences.append(sent)
        doc.events.append(Event(
            type=etype, status=status, sentence=sent, confidence=0.9,
            source=ActorRef(src, NAMES.get(src, src), s_at, s_at + len(NAMES.get(src, src))),
            target=ActorRef(tgt, NAMES.get(tgt, tgt), t_at, t_at + len(NAMES.get(tgt, tgt)))))
    return doc


def scenario() -> list[Document]:
    """Three periods (Jan, Mar, May 2024) shaped like examples/sample/STRUCTURE.md."""
    a = "asserted"
    docs = [
        # P1: January 2024
        make_doc("2024-01-10", [("USA", "SUPPORT", "SAU", a), ("USA", "AID", "SAU", a),
                                ("SAU", "ACCUSE", "IRN", a), ("SAU", "THREATEN", "IRN", a),
                                ("IRN", "REJECT", "SAU", a)]),
        make_doc("2024-01-15", [("USA", "AGREE", "JPN", a), ("USA", "CONSULT", "ISR", a),
                                ("USA", "AGREE", "GBR", a), ("FRA", "AGREE", "DEU", a)]),
        make_doc("2024-01-20", [("USA", "SANCTION", "IRN", a), ("GBR", "SANCTION", "IRN", a),
                                ("ISR", "ASSAULT", "HEZ", a), ("HEZ", "THREATEN", "ISR", a),
                                ("RUS", "COOPERATE", "IRN", a), ("SYR", "AGREE", "RUS", a),
                                ("IRN", "AID", "SYR", a), ("DEU", "ACCUSE", "RUS", a),
                                ("USA", "THREATEN", "RUS", a)]),
        # P2: March 2024
        make_doc("2024-03-05", [("SAU", "CONSULT", "IRN", a), ("SAU", "AGREE", "IRN", "future"),
                                ("CHN", "SUPPORT", "SAU", a)], outlet="Harbor"),
        make_doc("2024-03-12", [("USA", "CONSULT", "KOR", a), ("USA", "AGREE", "ARE", a),
                                ("USA", "AGREE", "FRA", a), ("USA", "COOPERATE", "DEU", a),
                                ("USA", "AGREE", "GBR", a), ("FRA", "AGREE", "DEU", a),
                                ("IRN", "SUPPORT", "HEZ", a), ("SYR", "CONSULT", "IRN", a),
                                ("USA", "ASSAULT", "HEZ", a), ("IRN", "ACCUSE", "ISR", a),
                                ("USA", "REQUEST", "SYR", a), ("SYR", "REJECT", "USA", a)]),
        # P3: May 2024
        make_doc("2024-05-20", [("SAU", "AGREE", "IRN", a), ("SAU", "COOPERATE", "IRN", a),
                                ("IRN", "CONSULT", "SAU", a), ("SAU", "REJECT", "USA", a),
                                ("SAU", "ACCUSE", "USA", "reported"),
                                ("USA", "REQUEST", "SAU", a)]),
        make_doc("2024-05-25", [("USA", "AGREE", "GBR", a), ("GBR", "AID", "FRA", a),
                                ("GBR", "AGREE", "DEU", a), ("FRA", "AGREE", "DEU", a),
                                ("USA", "SANCTION", "RUS", a), ("FRA", "ACCUSE", "RUS", a),
                                ("RUS", "COOPERATE", "IRN", a), ("IRN", "ACCUSE", "ISR", a),
                                ("GBR", "AID", "UKR", a), ("RUS", "ASSAULT", "UKR", a)]),
        # not firm: denied and hypothetical links never make an edge
        make_doc("2024-01-22", [("IRN", "ASSAULT", "SAU", "denied"),
                                ("IRN", "AID", "HEZ", "negated"),
                                ("JPN", "COOPERATE", "KOR", "denied")], outlet="Gulf"),
    ]
    return docs


def republished(docs: list[Document]) -> tuple[list[Document], list[dict[str, object]]]:
    """Two copies of the March SAU-IRN talks article, as a republication family."""
    origin = docs[3]
    copies = [make_doc(origin.published or "", [("SAU", "CONSULT", "IRN", "asserted"),
                                                ("SAU", "AGREE", "IRN", "future"),
                                                ("CHN", "SUPPORT", "SAU", "asserted")],
                       outlet=o, tag=o) for o in ("Crescent", "Northwind")]
    return docs + copies, [{"origin": origin.id, "copies": [c.id for c in copies]}]


def cfg(**kw: object) -> NetworkConfig:
    return NetworkConfig(window="month", hub_min_weight=0.5, **kw)  # type: ignore[arg-type]


def _window(net: dict, label: str) -> dict:
    return next(w for w in net["windows"] if w["label"] == label)


def _edge(win: dict, s: str, t: str) -> dict | None:
    return next((e for e in win["edges"] if e["source"] == s and e["target"] == t), None)


def _dyad_net(win: dict, a: str, b: str) -> float:
    return sum(e["weight"] for e in win["edges"] if {e["source"], e["target"]} == {a, b})


# ------------------------------------------------------------------ aggregation and weights


def test_signed_aggregation_and_status_weights() -> None:
    doc = make_doc("2024-02-01", [("USA", "AGREE", "JPN", "asserted"),
                                  ("USA", "COOPERATE", "JPN", "reported"),
                                  ("USA", "ACCUSE", "JPN", "future"),
                                  ("USA", "THREATEN", "JPN", "hypothetical"),
                                  ("USA", "SANCTION", "JPN", "denied"),
                                  ("USA", "AID", "JPN", "negated"),
                                  ("USA", "REQUEST", "JPN", "asserted"),
                                  ("JPN", "ASSAULT", "USA", "asserted")])
    net = analysis_network([doc], [], cfg())
    win = _window(net, "2024-02")
    fwd = _edge(win, "USA", "JPN")
    back = _edge(win, "JPN", "USA")
    assert fwd is not None and back is not None
    assert fwd["cooperation"] == pytest.approx(1.0 + 0.5)
    assert fwd["conflict"] == pytest.approx(0.25 + 0.25)
    assert fwd["neutral"] == pytest.approx(1.0)  # REQUEST is kept but neutral
    assert fwd["events"] == 5  # denied and negated events are not on the map at all
    assert fwd["weight"] == pytest.approx(1.0) and fwd["sign"] == 1
    assert fwd["balance"] == pytest.approx(1.0 / 2.0)
    assert back["conflict"] == pytest.approx(1.0) and back["sign"] == -1  # directed
    assert net["stats"]["skipped_zero_weight"] == 2


def test_status_weights_are_configurable() -> None:
    doc = make_doc("2024-02-01", [("USA", "AGREE", "JPN", "reported"),
                                  ("USA", "ACCUSE", "JPN", "denied")])
    config = cfg(status_weights={"reported": 0.8, "denied": 0.1})
    fwd = _edge(_window(analysis_network([doc], [], config), "2024-02"), "USA", "JPN")
    assert fwd is not None
    assert fwd["cooperation"] == pytest.approx(0.8)
    assert fwd["conflict"] == pytest.approx(0.1)
    loud = cfg(plover_intensity=True)
    fwd = _edge(_window(analysis_network([doc], [], loud), "2024-02"), "USA", "JPN")
    assert fwd is not None and fwd["cooperation"] == pytest.approx(0.5 * 0.25)


def test_missing_codes_dates_and_self_loops_are_skipped_and_counted() -> None:
    doc = make_doc("2024-02-01", [("USA", "AGREE", "JPN", "asserted"),
                                  ("USA", "AGREE", "KOR", "asserted"),
                                  ("USA", "AGREE", "GBR", "asserted")])
    assert doc.events[1].target is not None
    doc.events[1].target.code = None
    doc.events[2].target = ActorRef("USAGOV", "Washington", 0, 10, "GOV")  # USA -> USA
    nodate = make_doc("", [("FRA", "AGREE", "DEU", "asserted")])
    dated = make_doc("", [("FRA", "AGREE", "DEU", "asserted")], tag="dated")
    dated.events[0].date = "2024-02-03"
    net = analysis_network([doc, nodate, dated], [], cfg())
    assert net["stats"]["skipped_no_code"] == 1
    assert net["stats"]["skipped_self"] == 1
    assert net["stats"]["skipped_no_date"] == 1
    assert net["stats"]["events_used"] == 2
    assert _edge(_window(net, "2024-02"), "FRA", "DEU") is not None  # event date wins


def test_sector_codes_collapse_to_states_but_armed_groups_do_not() -> None:
    config = NetworkConfig()
    assert normalise_actor("USAMIL", "MIL", config) == "USA"
    assert normalise_actor("USA", None, config) == "USA"
    assert normalise_actor("IRQREB", "REB", config) == "IRQREB"
    assert normalise_actor("IGONAT", None, config) == "IGONAT"
    assert normalise_actor("USAMIL", "MIL", NetworkConfig(actor_level="code")) == "USAMIL"


def test_windows_day_week_month_custom() -> None:
    docs = [make_doc("2024-01-01", [("USA", "AGREE", "JPN", "asserted")]),  # Monday
            make_doc("2024-01-07", [("USA", "AGREE", "KOR", "asserted")]),  # Sunday
            make_doc("2024-01-08", [("USA", "AGREE", "ARE", "asserted")]),
            make_doc("2024-02-29", [("USA", "AGREE", "ISR", "asserted")])]
    week = analysis_network(docs, [], NetworkConfig(window="week"))
    assert week["windows"][0]["label"] == "2024-W01"
    assert week["windows"][0]["start"] == "2024-01-01" and week["windows"][0]["end"] == "2024-01-07"
    assert len(week["windows"][0]["edges"]) == 2 and len(week["windows"][1]["edges"]) == 1
    month = analysis_network(docs, [], NetworkConfig(window="month"))
    assert [w["label"] for w in month["windows"]] == ["2024-01", "2024-02"]
    assert month["windows"][1]["end"] == "2024-02-29"
    day = analysis_network(docs, [], NetworkConfig(window="day"))
    assert len(day["windows"]) == 60 and sum(bool(w["edges"]) for w in day["windows"]) == 4
    custom = analysis_network(docs, [], NetworkConfig(window="custom", start="2024-01-02",
                                                      end="2024-01-31"))
    assert len(custom["windows"]) == 1
    assert {e["target"] for e in custom["windows"][0]["edges"]} == {"KOR", "ARE"}
    chunks = analysis_network(docs, [], NetworkConfig(window="custom", custom_days=7))
    assert [len(w["edges"]) for w in chunks["windows"]][:2] == [2, 1]


# ------------------------------------------------------------------ republication


def test_republished_story_counts_once() -> None:
    docs, families = republished(scenario())
    once = analysis_network(docs, families, cfg())
    thrice = analysis_network(docs, [], cfg())
    e1 = _edge(_window(once, "2024-03"), "SAU", "IRN")
    e3 = _edge(_window(thrice, "2024-03"), "SAU", "IRN")
    assert e1 is not None and e3 is not None
    assert e1["events"] == 2 and e3["events"] == 6
    assert {ev["article"] for ev in e1["evidence"]} == {docs[3].id}
    assert once["stats"]["skipped_republished"] == 6


def test_earliest_copy_stands_in_for_a_missing_origin() -> None:
    docs, families = republished(scenario())
    late, early = docs[-2], docs[-1]
    early.published = "2024-03-04"
    without_origin = [d for d in docs if d.id != families[0]["origin"]]
    keep, dropped = kept_documents(without_origin, families)
    kept_ids = {d.id for d, k in zip(without_origin, keep, strict=True) if k}
    assert early.id in kept_ids and late.id not in kept_ids and dropped == 1


# ------------------------------------------------------------------ analyses


def test_blocs_separate_the_two_camps() -> None:
    net = analysis_network(scenario(), [], cfg())
    bloc_of = {n["id"]: n["bloc"] for n in net["overall"]["nodes"]}
    west = {"USA", "GBR", "FRA", "DEU", "ISR", "JPN", "KOR", "ARE"}
    east = {"IRN", "RUS", "SYR", "HEZ"}
    assert len({bloc_of[c] for c in west}) == 1
    assert len({bloc_of[c] for c in east}) == 1
    assert bloc_of["USA"] != bloc_of["IRN"]
    # in January SAU sits with the West; in May it has moved to IRN's side
    jan = {n["id"]: n["bloc"] for n in _window(net, "2024-01")["nodes"]}
    may = {n["id"]: n["bloc"] for n in _window(net, "2024-05")["nodes"]}
    assert jan["SAU"] == jan["USA"] != jan["IRN"]
    assert may["SAU"] == may["IRN"] != may["USA"]
    # colours are stable: the West keeps its id across windows
    assert jan["USA"] == may["USA"] == bloc_of["USA"]


def test_bloc_search_minimises_frustration() -> None:
    rng = np.random.default_rng(3)
    truth = np.repeat([0, 1, 2], 6)
    same = truth[:, None] == truth[None, :]
    s = np.where(same, 1.0, -1.0) * rng.uniform(0.5, 2.0, (18, 18))
    flip = rng.random((18, 18)) < 0.08  # noise: some ties against the grain
    s = np.where(flip, -s, s)
    s = np.triu(s, 1)
    s = s + s.T
    res = find_blocs(s, NetworkConfig())
    assert res.frustration <= frustration(s, truth) + 1e-9
    # every single move leaves frustration no lower (a local optimum)
    for i in range(18):
        for c in range(int(res.labels.max()) + 2):
            moved = res.labels.copy()
            moved[i] = c
            assert frustration(s, moved) >= res.frustration - 1e-9


def test_usa_is_the_hub_with_unconnected_spokes() -> None:
    net = analysis_network(scenario(), [], cfg())
    hubs = net["hubs"]
    assert hubs[0]["actor"] == "USA"
    usa = hubs[0]
    assert {"JPN", "KOR", "ARE", "ISR", "SAU", "GBR", "FRA", "DEU"} <= set(usa["spokes"])
    assert usa["cooperative_degree"] == max(n["cooperative_degree"]
                                            for n in net["overall"]["nodes"])
    # FRA's partners (USA, GBR, DEU) all cooperate with each other: a clique, not a hub
    fra = next(n for n in net["overall"]["nodes"] if n["id"] == "FRA")
    assert fra["hub_score"] < usa["score"] / 2
    # no edge of any kind between spokes (the denied JPN-KOR pact does not count)
    pairs = {frozenset((e["source"], e["target"])) for e in net["overall"]["edges"]}
    for x, y in (("JPN", "KOR"), ("JPN", "ARE"), ("KOR", "ARE")):
        assert frozenset((x, y)) not in pairs


def test_realignment_sau_iran_with_its_events() -> None:
    net = analysis_network(scenario(), [], cfg())
    jan, may = _window(net, "2024-01"), _window(net, "2024-05")
    assert _dyad_net(jan, "SAU", "IRN") < 0 < _dyad_net(may, "SAU", "IRN")
    assert _dyad_net(may, "SAU", "USA") < _dyad_net(jan, "SAU", "USA")
    found = [r for r in net["realignments"] if set(r["dyad"]) == {"SAU", "IRN"}
             and r["kind"] == "conflict_to_cooperation"]
    assert found, net["realignments"]
    r = found[0]
    assert r["from"] == "2024-01" and r["to"] in ("2024-03", "2024-05")
    assert r["drivers"] and all(ev["sign"] == 1 for ev in r["drivers"])
    assert r["before"] and all(ev["sign"] == -1 for ev in r["before"])
    assert all("SAU" in (ev["source"], ev["target"]) for ev in r["drivers"] + r["before"])
    cooling = [r for r in net["realignments"] if set(r["dyad"]) == {"SAU", "USA"}]
    assert cooling and cooling[0]["kind"] == "cooperation_to_conflict"


def test_every_edge_carries_its_evidence() -> None:
    docs = scenario()
    net = analysis_network(docs, [], cfg())
    by_id = {d.id: d for d in docs}
    n_edges = 0
    for win in net["windows"]:
        for edge in win["edges"]:
            n_edges += 1
            assert len(edge["evidence"]) == edge["events"] > 0
            for ev in edge["evidence"]:
                doc = by_id[ev["article"]]
                event = doc.events[ev["event"]]
                assert ev["type"] == event.type and ev["status"] == event.status
                s = ev["sentence"]
                assert s["text"] == doc.text[s["start"]:s["end"]]
                assert s["text"]
    assert n_edges > 20
    for edge in net["overall"]["edges"]:
        assert len(edge["evidence"]) == edge["events"] > 0


# ------------------------------------------------------------------ payload and exports


def test_payload_references_evidence_and_is_script_safe() -> None:
    docs = scenario()
    docs[0].text = docs[0].text  # sentences may hold markup-like text
    evil = make_doc("2024-01-11", [("USA", "AGREE", "JPN", "asserted")])
    evil.text = evil.text.replace("Washington", "</script><b>Washington")
    ev = evil.events[0]
    ev.sentence = evil.span(0, len(evil.text))
    payload = network_payload(docs + [evil], [], cfg())
    assert payload["windows"] and payload["overall"]
    n_ev = len(payload["evidence"])
    for win in payload["windows"] + [payload["overall"]]:
        for edge in win["edges"]:
            assert edge["evidence"] and all(0 <= i < n_ev for i in edge["evidence"])
    for r in payload["realignments"]:
        assert all(0 <= i < n_ev for i in r["drivers"] + r["before"])
    assert set(payload["actors"]) >= {"USA", "IRN"}
    assert all(isinstance(a["x"], float) for a in payload["actors"].values())
    text = payload_script_json(payload)
    assert "</script" not in text.lower() and "<b>" not in text
    assert json.loads(text)["evidence"] == json.loads(json.dumps(payload["evidence"]))


def test_exports_parse_back(tmp_path: Path) -> None:
    from allegiance.network.export import write_exports

    res = run_network(scenario(), [], cfg())
    paths = write_exports(res, tmp_path, formats=("graphml", "gexf", "csv", "json"))
    graphml = [p for p in paths if p.suffix == ".graphml"]
    gexf = [p for p in paths if p.suffix == ".gexf"]
    assert len(graphml) == len(res.windows) + 1 and len(gexf) == len(graphml) + 1
    g = nx.read_graphml(tmp_path / "network_2024-01.graphml")
    assert g.is_directed()
    assert g.edges["SAU", "IRN"]["conflict"] > 0
    assert json.loads(g.edges["SAU", "IRN"]["evidence"])[0]["sentence"]["text"]
    assert g.nodes["USA"]["bloc"] != g.nodes["IRN"]["bloc"]
    dyn = nx.read_gexf(tmp_path / "network_timeline.gexf")
    spells = dyn.edges["SAU", "IRN"]["spells"]
    assert [sp[0] for sp in spells] == ["2024-01-01", "2024-03-01", "2024-05-01"]
    nets = [v for v, _, _ in dyn.edges["SAU", "IRN"]["net"]]
    assert nets[0] < 0 < nets[-1]
    h = nx.read_gexf(tmp_path / "network_all.gexf")
    assert h.number_of_edges() == len(res.overall_agg.src)
    assert float(h.nodes["USA"]["hub_score"]) > 0
    with (tmp_path / "edges.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {"window", "source", "target", "cooperation", "conflict", "events"} <= set(rows[0])
    assert len(rows) == len(res.agg.src)
    data = json.loads((tmp_path / "network.json").read_text(encoding="utf-8"))
    assert len(data["windows"]) == len(res.windows)


def test_pictures_are_written(tmp_path: Path) -> None:
    from allegiance.network.plot import plot_dyad, plot_window

    res = run_network(scenario(), [], cfg())
    for ext in ("png", "svg"):
        p = plot_window(res, "all", tmp_path / f"net.{ext}")
        q = plot_dyad(res, "SAU", "IRN", tmp_path / f"dyad.{ext}")
        assert p.stat().st_size > 1000 and q.stat().st_size > 1000
    assert (tmp_path / "net.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / "dyad.svg").read_bytes()[:2000]


def test_command_exports_from_analysis_json(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from allegiance.network.commands import network_command

    docs, families = republished(scenario())
    analysis = {"articles": [d.to_dict() for d in docs], "republications": families}
    path = tmp_path / "analysis.json"
    path.write_text(json.dumps(analysis), encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    result = runner.invoke(network_command, ["--analysis", str(path), "--out", str(out),
                                             "--format", "graphml,csv,png,svg,json",
                                             "--dyad", "SAU:IRN",
                                             "--json", str(tmp_path / "n.json")])
    assert result.exit_code == 0, result.output
    assert "USA" in result.output and "SAU" in result.output
    assert (out / "dyad_SAU-IRN.png").stat().st_size > 1000
    assert (out / "network_all.svg").stat().st_size > 1000
    assert json.loads((tmp_path / "n.json").read_text())["stats"]["skipped_republished"] == 6
    bad = runner.invoke(network_command, ["--out", str(out)])
    assert bad.exit_code == 2 and "--analysis" in bad.output
    bad = runner.invoke(network_command, ["--analysis", str(path), "--dyad", "SAU"])
    assert bad.exit_code == 2


def test_empty_corpus_gives_an_empty_network(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from allegiance.network.commands import network_command

    bare = Document(text="No events here.", published="2024-01-01")
    for docs in ([], [bare]):
        net = analysis_network(docs, [], cfg())
        assert net["windows"] == [] and net["realignments"] == [] and net["hubs"] == []
        payload = network_payload(docs, [], cfg())
        assert payload["evidence"] == [] and payload["windows"] == []
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"articles": [bare.to_dict()]}), encoding="utf-8")
    result = CliRunner().invoke(network_command, ["--analysis", str(path),
                                                  "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output


def test_table_is_columnar() -> None:
    table = table_from_documents(scenario(), [], cfg())
    assert table.src.dtype == np.int32 and table.weight.dtype == np.float64
    assert len(table) == table.stats["events_used"]


# ------------------------------------------------------------------ sample corpus

def test_sample_corpus_structure(sample_analysis_path: Path) -> None:
    """examples/sample/STRUCTURE.md: USA hub, two blocs, SAU-IRN from conflict to cooperation."""
    from allegiance.network.commands import load_analysis

    docs, families = load_analysis(sample_analysis_path)
    net = analysis_network(docs, families, NetworkConfig(window="month"))
    assert net["hubs"] and net["hubs"][0]["actor"] == "USA"
    bloc_of = {n["id"]: n["bloc"] for n in net["overall"]["nodes"]}
    assert bloc_of.get("USA") is not None and bloc_of.get("USA") != bloc_of.get("IRN")
    assert bloc_of.get("GBR") == bloc_of.get("USA")
    assert bloc_of.get("RUS") == bloc_of.get("IRN")

    def period(months: tuple[str, ...], a: str, b: str) -> float:
        return sum(_dyad_net(w, a, b) for w in net["windows"] if w["label"] in months)

    p1, p3 = ("2024-01", "2024-02"), ("2024-05", "2024-06")
    assert period(p1, "SAU", "IRN") < 0 < period(p3, "SAU", "IRN")
    assert period(p3, "SAU", "USA") < period(p1, "SAU", "USA")
    assert any(set(r["dyad"]) == {"SAU", "IRN"} and r["kind"] == "conflict_to_cooperation"
               for r in net["realignments"])
    pairs = {frozenset((e["source"], e["target"])) for e in net["overall"]["edges"]}
    for x, y in (("JPN", "KOR"), ("JPN", "ARE"), ("KOR", "ARE")):
        assert frozenset((x, y)) not in pairs


# ------------------------------------------------------------------ store input and bundle


def test_command_reads_a_store(tmp_path: Path) -> None:
    storage = pytest.importorskip("allegiance.storage")
    from click.testing import CliRunner

    from allegiance.network.commands import network_command

    db = tmp_path / "corpus.db"
    store = storage.open_store(str(db))
    for doc in scenario():
        store.save_document(doc)
    store.close()
    result = CliRunner().invoke(network_command, ["--db", str(db), "--format", "csv",
                                                  "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "o" / "edges.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert any(r["source"] == "SAU" and r["target"] == "IRN" for r in rows)


BUNDLE = Path(__file__).resolve().parents[1] / "src" / "allegiance" / "report" / "static" / \
    "network.js"


def test_bundle_is_one_self_contained_file() -> None:
    text = BUNDLE.read_text(encoding="utf-8")
    assert "AllegianceNetwork" in text and "cytoscape" in text.lower()
    assert "</script" not in text.lower()
    assert not any(f"src=\"{p}" in text for p in ("http://", "https://"))  # no CDN
    pkg = json.loads((BUNDLE.parents[4] / "web" / "network" / "package.json").read_text())
    assert "build" in pkg["scripts"] and "cytoscape" in pkg["dependencies"]


@pytest.mark.slow
def test_bundle_mounts_and_opens_evidence_in_a_browser(tmp_path: Path) -> None:
    """Headless Chromium: mount, click the USA->JPN edge, read the evidence panel."""
    import shutil
    import subprocess

    browser = shutil.which("chromium") or shutil.which("chromium-browser") or \
        shutil.which("google-chrome")
    if browser is None:
        pytest.skip("no Chromium to run the bundle")
    evil = make_doc("2024-01-11", [("USA", "AGREE", "JPN", "asserted")])
    evil.text = evil.text.replace("Washington", "<img src=x onerror=alert(1)>Washington")
    evil.events[0].sentence = evil.span(0, len(evil.text))
    payload = network_payload(scenario() + [evil], [], cfg())
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><body><div id='net' style='height:500px;width:1000px'></div>"
        f"<script id='d' type='application/json'>{payload_script_json(payload)}</script>"
        f"<script>{BUNDLE.read_text(encoding='utf-8')}</script><script>"
        "var v = AllegianceNetwork.mount(document.getElementById('net'),"
        " JSON.parse(document.getElementById('d').textContent));"
        "v.show(0); v.cy.edges().filter(function (e) { var d = e.data('edge');"
        " return d.source === 'USA' && d.target === 'JPN'; }).emit('tap');"
        "document.title = 'nodes=' + v.cy.nodes().length + ' edges=' + v.cy.edges().length"
        " + ' items=' + document.querySelectorAll('.alg-net-ev').length"
        " + ' imgs=' + document.querySelectorAll('img').length;"
        "</script></body></html>", encoding="utf-8")
    try:
        out = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                              "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
                             capture_output=True, text=True, timeout=90).stdout
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"Chromium did not run: {exc}")
    jan = payload["windows"][0]
    assert f"nodes={len(jan['nodes'])} edges={len(jan['edges'])} items=2 imgs=0" in out
    assert "&lt;img src=x onerror=alert(1)&gt;Washington agreed with Tokyo." in out


def test_joint_cooperative_act_ties_the_co_actors() -> None:
    """PLOVER codes "Russia and Iran signed a pact" with no recipient; the map ties them."""
    text = ("Russia and Iran signed a defence cooperation pact on Tuesday. "
            "Russia and Iran threatened retaliation.")
    doc = Document(text=text, published="2024-02-06")
    split = text.index(" Russia and Iran threatened")
    s1, s2 = doc.span(0, split), doc.span(split + 1, len(text))
    signed = doc.span(text.index("signed"), text.index("signed") + 6)
    threatened = doc.span(text.index("threatened"), text.index("threatened") + 10)
    for sent, trig, etype in ((s1, signed, "SUPPORT"), (s2, threatened, "THREATEN")):
        for code, name in (("RUS", "Russia"), ("IRN", "Iran")):
            at = text.index(name, sent.start)
            doc.events.append(Event(type=etype, status="asserted", sentence=sent,
                                    confidence=0.9, trigger=trig, target=None,
                                    source=ActorRef(code, name, at, at + len(name))))
    table = table_from_documents([doc], None)
    pairs = {(table.actors[s], table.actors[t]) for s, t in zip(table.src, table.tgt,
                                                                 strict=True)}
    assert pairs == {("RUS", "IRN"), ("IRN", "RUS")}
    assert table.stats["events_total"] == 4
    net = analysis_network([doc], [])
    edges = [e for e in net["overall"]["edges"] if {e["source"], e["target"]} == {"RUS", "IRN"}]
    assert edges and all(e["cooperation"] > 0 and e["conflict"] == 0 for e in edges)
