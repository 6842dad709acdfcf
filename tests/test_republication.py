"""Republication: copies link to their origin, distinct articles on one event do not."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from allegiance.document import Actor, Document, Event
from allegiance.republication import (
    RepublicationIndex,
    find_republications,
    narrative_clusters,
    outlet_republication,
    render_family_diff_html,
)
from allegiance.republication.evalset import make_copy, sentences
from allegiance.republication.narratives import load_embedder
from allegiance.republication.shingles import containment_jaccard, shingle_hashes

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# Two different reports of the same (invented) event, and one on another story.
ORIGIN = """Port strike halts grain exports as talks collapse

Dockworkers at the port of Velmora walked off the job on Tuesday after wage talks with the
harbour authority broke down late on Monday night, halting grain shipments that feed much of
the region.

The union, which represents about 4,000 workers, said the authority had refused to discuss a
pay rise that would keep up with prices that have climbed sharply since the spring. "We have
been patient for eleven months and we have nothing to show for it," union leader Mara Ostrova
told a crowd of strikers outside the main gate.

The harbour authority said in a statement that the union's demands would cost more than the
port earns in a year and that it remained open to mediation. Officials warned that ships
waiting in the bay would be diverted to rival ports within days if the dispute dragged on.

Grain traders said about thirty vessels were queued outside the breakwater by Tuesday
afternoon. Prices for wheat delivered next month rose nearly four percent on the regional
exchange as buyers scrambled to secure cargoes from other suppliers.

The transport ministry called on both sides to return to the table and said it was preparing
an emergency plan to move the most urgent shipments by rail. Previous strikes at Velmora, in
2014 and 2019, each lasted more than two weeks and cost farmers heavily as storage silos
filled up inland.

Farm groups urged the government to intervene directly. A spokesman for the national
farmers' federation said growers had already lost money on a poor harvest and could not
afford to see their crop rot in warehouses while the two sides argued over percentages.

Talks are expected to resume on Thursday under a mediator appointed by the labour court,
the court said."""

SAME_EVENT = """Velmora dockers strike over pay, ships queue offshore

Thousands of port workers in Velmora stopped work on Tuesday, leaving dozens of grain ships
idle offshore after negotiations over wages failed.

Mara Ostrova, who heads the dockworkers' union, accused port managers of ignoring rising living
costs. "We have been patient for eleven months and we have nothing to show for it," she said,
standing on a truck near the container terminal.

Port managers say the union wants raises the port cannot pay. In a written response they
offered to accept a mediator but rejected the size of the increase, which they said would
wipe out the port's annual earnings.

Shipping agents estimated that some thirty vessels were waiting to load wheat and barley.
Traders in the capital reported that futures contracts jumped as importers looked for grain
elsewhere, and several buyers were reported to have switched orders to competing terminals.

Agriculture associations demanded action from ministers, warning that farmers who had
endured a weak harvest now risked seeing unsold grain spoil. The transport ministry said it
was studying rail alternatives for priority cargo.

This is the third major walkout at Velmora in a decade. A labour court mediator is due to
meet both parties on Thursday."""

OTHER = """Museum returns bronze statues to their home town

A regional museum has returned three bronze statues to the town where they were cast two
centuries ago, ending a long campaign by local historians. The statues, which show a
shepherd, a weaver and a fisherman, were removed during a flood in the last century and
stored in the museum's basement for decades. Restorers spent a year cleaning the metal and
replacing missing fingers on the weaver's hand. The mayor said the figures would stand in
the market square from next month, and that a small exhibition in the old town hall would
explain how local craftsmen made them. Historians hope the return will bring visitors back
to a town whose population has fallen by half since the factory closed."""


def _body(text: str) -> str:
    return text.split("\n", 1)[1].strip()


def _excerpt(text: str, share: float) -> str:
    """A contiguous run of sentences from the middle covering ``share`` of the words."""
    sents = sentences(_body(text))
    total = sum(len(s.split()) for s in sents)
    out: list[str] = []
    start = len(sents) // 3
    for s in sents[start:]:
        if sum(len(x.split()) for x in out) >= share * total:
            break
        out.append(s)
    return "Read this: ports in trouble\n\n" + " ".join(out) + "\n\nShare this article"


def _truncated(text: str, share: float) -> str:
    words = text.split(" ")
    return "EXCLUSIVE: " + " ".join(words[: int(len(words) * share)])


def test_shingles_ignore_case_punctuation_and_paragraphs() -> None:
    a = shingle_hashes(ORIGIN)
    b = shingle_hashes(ORIGIN.upper().replace("\n\n", "\n").replace(",", " ,"))
    assert np.array_equal(a, b)
    assert len(shingle_hashes("")) == 0
    assert len(shingle_hashes("Two words")) == 1


def test_excerpt_of_30_percent_links_and_distinct_same_event_does_not() -> None:
    excerpt = _excerpt(ORIGIN, 0.3)
    cont, jac, _ = containment_jaccard(shingle_hashes(ORIGIN), shingle_hashes(excerpt))
    assert cont > 0.8 and jac < 0.45  # an excerpt: contained, not similar as a whole
    index = RepublicationIndex()
    index.add("origin", ORIGIN, "2024-03-05", "t1", "wire")
    index.add("same-event", SAME_EVENT, "2024-03-05", "t2", "daily")
    index.add("other", OTHER, "2024-03-04", "t3", "culture")
    linked = index.add("excerpt", excerpt, "2024-03-07", "t4", "blog")
    assert linked == ["origin"]
    fams = index.families()
    assert len(fams) == 1
    assert fams[0]["origin"] == "origin" and fams[0]["copies"] == ["excerpt"]
    member = fams[0]["members"][0]
    assert member["containment"] > 0.8 and member["jaccard"] < member["containment"]


def test_truncated_and_reparagraphed_copies_link() -> None:
    truncated = _truncated(ORIGIN, 0.5)
    reflowed = " ".join(ORIGIN.split())  # all paragraph breaks gone
    docs = [
        Document(text=ORIGIN, published="2024-03-05", outlet="wire"),
        Document(text=SAME_EVENT, published="2024-03-05", outlet="daily"),
        Document(text=truncated, published="2024-03-06", outlet="blog"),
        Document(text=reflowed, published="2024-03-08", outlet="aggregator"),
    ]
    fams = find_republications(docs)
    assert len(fams) == 1
    assert fams[0]["origin"] == docs[0].id
    assert sorted(fams[0]["copies"]) == sorted([docs[2].id, docs[3].id])
    assert docs[1].id not in fams[0]["copies"]


def test_origin_is_earliest_by_date_then_first_seen() -> None:
    copy = _truncated(ORIGIN, 0.8)
    index = RepublicationIndex()
    # The copy arrives first but was published later: the origin is still the article.
    index.add("copy", copy, "2024-03-09", "2024-03-01T10:00", "blog")
    index.add("article", ORIGIN, "2024-03-05", "2024-03-10T10:00", "wire")
    assert index.families()[0]["origin"] == "article"
    # Same publication date: the one seen first is the origin.
    index2 = RepublicationIndex()
    index2.add("late", ORIGIN, "2024-03-05", "2024-03-05T12:00", "wire")
    index2.add("early", copy, "2024-03-05", "2024-03-05T08:00", "blog")
    assert index2.families()[0]["origin"] == "early"
    # An undated article never becomes the origin over a dated one.
    index3 = RepublicationIndex()
    index3.add("undated", ORIGIN, None, "2024-01-01T00:00", None)
    index3.add("dated", copy, "2024-03-05", "2024-03-05T08:00", None)
    assert index3.families()[0]["origin"] == "dated"


def _corpus(seed: int = 3) -> list[tuple[str, str, str, str, str]]:
    from allegiance.republication.evalset import Article

    rng = random.Random(seed)
    base = [("origin", ORIGIN), ("same", SAME_EVENT), ("other", OTHER)]
    items = [(k, t, f"2024-03-0{i + 1}", f"t{i}", "outlet") for i, (k, t) in enumerate(base)]
    vocab = sorted({w for _, t in base for w in t.split() if w.isalpha()})
    for n in range(4):
        key, text = base[n % 2]
        art = Article(key=key, title=text.split("\n", 1)[0], body=_body(text))
        copy, _ = make_copy(art, rng, vocab, ["Unrelated headline about sport"])
        items.append((f"{key}-copy{n}", copy, "2024-03-09", f"u{n}", f"repost{n}"))
    return items


def test_incremental_equals_batch_and_roundtrip(tmp_path: Path) -> None:
    items = _corpus()
    batch = RepublicationIndex()
    batch.add_many(items)
    # Incremental: half now, saved and reloaded, the rest later in another order.
    inc = RepublicationIndex()
    inc.add_many(items[:4])
    path = tmp_path / "corpus.republication.npz"
    inc.save(path)
    inc = RepublicationIndex.load(path)
    inc.add_many(list(reversed(items[4:])))
    assert batch.families() == inc.families()
    assert len(batch.families()) >= 1
    # Round trip keeps everything, and re-adding an id is a no-op.
    inc.save(path)
    again = RepublicationIndex.load(path)
    assert again.families() == inc.families() and len(again) == len(items)
    assert again.add(items[0][0], items[0][1]) == []
    assert len(again) == len(items)


def test_outlet_republication_counts_who_copies_whom() -> None:
    docs = [
        Document(text=ORIGIN, published="2024-03-05", outlet="wire"),
        Document(text=_truncated(ORIGIN, 0.6), published="2024-03-06", outlet="blog"),
        Document(text=_excerpt(ORIGIN, 0.4), published="2024-03-07", outlet="blog"),
        Document(text=OTHER, published="2024-03-07", outlet="blog"),
    ]
    fams = find_republications(docs)
    stats = outlet_republication(fams, docs)
    assert stats["blog"]["articles"] == 3 and stats["blog"]["copies"] == 2
    assert stats["blog"]["copied_from"] == {"wire": 2}
    assert stats["wire"]["copied_by"] == {"blog": 2} and stats["wire"]["copies"] == 0
    assert stats["blog"]["copied_share"] == pytest.approx(2 / 3, abs=1e-3)


def test_diff_html_escapes_and_marks_changes() -> None:
    origin = 'The minister said <script>alert("x")</script> the port will reopen & talks go on.'
    copy = 'The minister said <script>alert("x")</script> the port may reopen & talks go on.'
    html_out = render_family_diff_html(origin, copy)
    assert "<script>" not in html_out
    assert "&lt;script&gt;" in html_out and "&amp;" in html_out
    assert "<del>will </del>" in html_out and "<ins>may </ins>" in html_out
    # Re-paragraphing alone is not a difference.
    assert "<ins>" not in render_family_diff_html("One two.\n\nThree four.", "One two. Three four.")


def test_narrative_clusters_group_the_story_not_the_unrelated() -> None:
    truncated = _truncated(ORIGIN, 0.7)
    docs = [Document(text=t, published=p, outlet=o) for t, p, o in [
        (ORIGIN, "2024-03-05", "wire"), (SAME_EVENT, "2024-03-05", "daily"),
        (truncated, "2024-03-06", "blog"), (OTHER, "2024-03-01", "culture")]]
    for doc in docs[:3]:
        start = doc.text.index("Velmora")
        doc.actors = [Actor("VELUNI", "dockworkers' union", "group",
                            [doc.span(start, start + 7)] * 2),
                      Actor(None, "Mara Ostrova", "person", [doc.span(start, start + 7)])]
        doc.events = [Event("PROTEST", None, None, "asserted", doc.span(0, 20), 0.9)]
    fams = find_republications(docs)
    clusters = narrative_clusters(docs, fams, min_size=1)
    by_doc = {a: c["id"] for c in clusters for a in c["articles"]}
    assert by_doc[docs[0].id] == by_doc[docs[2].id]  # a copy stays with its origin
    assert by_doc[docs[3].id] != by_doc[docs[0].id]
    story = next(c for c in clusters if docs[0].id in c["articles"])
    assert {"date": "2024-03-05", "count": 2} in story["timeline"]
    assert story["top_actors"][:2] == ["VELUNI", "Mara Ostrova"]
    assert story["top_event_types"] == ["PROTEST"] and "VELUNI" in story["label"]
    assert any(t.startswith(("velmora", "port", "grain", "strike")) for t in story["top_terms"])
    assert set(story) >= {"id", "label", "articles", "top_actors", "top_event_types",
                          "top_terms", "timeline"}


def test_static_model_loads_without_torch() -> None:
    embedder = load_embedder()
    if embedder is None:
        pytest.skip("models/narratives not present")
    vecs = embedder.encode([ORIGIN, SAME_EVENT, OTHER])
    assert vecs.shape == (3, embedder.dim)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]  # same event closer than another story


def test_eval_command_usage_error() -> None:
    from allegiance.republication.commands import eval_republication

    result = CliRunner().invoke(eval_republication, ["--data", "/nonexistent/data"])
    assert result.exit_code == 2
    assert "ptc" in result.output


@pytest.mark.skipif(not (DATA / "ptc").is_dir(), reason="shared data not present")
def test_real_ptc_excerpt_links_to_its_article_only() -> None:
    from allegiance.republication.evalset import load_articles

    arts = [a for a in load_articles(DATA) if a.key.startswith("ptc/")][:40]
    index = RepublicationIndex()
    for i, a in enumerate(arts):
        index.add(a.key, a.text, "2019-01-01", f"{i:04d}", "ptc")
    before = [{f["origin"], *f["copies"]} for f in index.families()]
    target = max(arts, key=lambda a: len(a.body))
    linked = index.add("excerpt", _excerpt(target.text, 0.3), "2019-01-02", "9999", "blog")
    assert target.key in linked
    fam = next(f for f in index.families() if "excerpt" in f["copies"])
    prior = next((g for g in before if target.key in g), {target.key})
    assert {fam["origin"], *fam["copies"]} == prior | {"excerpt"}
    assert fam["origin"] != "excerpt"


def test_diff_ignores_typographic_quote_changes() -> None:
    from allegiance.republication.diff import diff_ops

    origin = 'He said "we came to listen" and left \u2013 quietly.'
    copy = "He said \u201cwe came to listen\u201d and left - quietly."
    assert [op for op, _o, _c in diff_ops(origin, copy)] == ["equal"]
