"""The document model, the pipeline runner, storage and the report, on real sentences."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest

from allegiance.config import Settings
from allegiance.document import Document, Event, Span, Technique
from allegiance.pipeline import Pipeline, build_pipeline
from allegiance.report.html import Annotation, highlight_segments, render_highlighted
from allegiance.runner import Analyzer
from allegiance.storage import SQLiteStore, open_store
from allegiance.storage.migrations import latest_version

TEXT = ("On November 19 the US held talks with France, Germany and the UK on Iran. "
        "The New York Times, citing US and Israeli officials, reported that the drone strike "
        "on the Al-Tanf base was launched by Iran. Iran did not accept responsibility.")


@pytest.fixture(scope="module")
def nlp_only() -> Analyzer:
    return Analyzer(Settings(stages=("nlp",)))


def test_spacy_stage_sentences_and_entities_carry_offsets(nlp_only: Analyzer) -> None:
    doc = nlp_only.analyze(Document(text=TEXT))
    assert [s.text for s in doc.sentences][-1] == "Iran did not accept responsibility."
    for s in doc.sentences:
        assert TEXT[s.start:s.end] == s.text
    labels = {(e["text"], e["label"]) for e in doc.entities}
    assert ("France", "GPE") in labels
    for e in doc.entities:
        assert TEXT[e["start"]:e["end"]] == e["text"]


def test_spacy_model_name_is_a_setting() -> None:
    with pytest.raises(RuntimeError, match="not installed"):
        build_pipeline(Settings(spacy_model="no_such_pipeline_xx", stages=("nlp",)))


def test_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown pipeline stage"):
        build_pipeline(Settings(stages=("nlp", "astrology")))


def test_failing_stage_is_recorded_not_fatal() -> None:
    class Broken:
        name = "broken"

        def __call__(self, doc: Document) -> Document:
            raise ZeroDivisionError("boom")

    doc = Pipeline([Broken()])(Document(text=TEXT))
    assert doc.warnings and "broken" in doc.warnings[0]


def test_document_roundtrip_keeps_every_annotation() -> None:
    doc = Document(text=TEXT, title="Talks", published="2023-11-20")
    doc.sentences = [doc.span(0, 73)]
    doc.events = [Event(type="CONSULT", source=None, target=None, status="asserted",
                        sentence=doc.span(0, 73), confidence=0.9, trigger=doc.span(26, 31))]
    doc.techniques = [Technique("Loaded_Language", 100, 111, TEXT[100:111], 0.7)]
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again.to_dict() == doc.to_dict()
    assert again.id == doc.id


def test_store_is_idempotent_and_versioned(tmp_path, nlp_only: Analyzer) -> None:
    db = tmp_path / "corpus.db"
    with open_store(str(db)) as store:
        assert store.schema_version() == latest_version()
        doc = nlp_only.analyze(Document(text=TEXT, outlet="Harbor Wire"))
        store.save_document(doc)
        store.save_document(doc)
        assert store.count_articles() == 1
        assert store.get_document(doc.id).sentences == doc.sentences
        assert store.search("drone") == [doc.id]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # Reopening applies no migration twice.
    with SQLiteStore(db) as store:
        assert store.schema_version() == latest_version()


def test_interrupted_run_resumes_and_loses_nothing(tmp_path, nlp_only: Analyzer) -> None:
    texts = [f"Talks number {i} between France and Germany ended on Monday in Paris."
             for i in range(4)]

    def interrupted() -> Iterator[Document]:
        yield Document(text=texts[0])
        yield Document(text=texts[1])
        raise KeyboardInterrupt

    store = SQLiteStore(tmp_path / "c.db")
    with pytest.raises(KeyboardInterrupt):
        for _ in nlp_only.run(interrupted(), store):
            pass
    assert store.count_articles() == 2
    stats = list(nlp_only.run((Document(text=t) for t in texts), store))[-1]
    assert (stats.analysed, stats.skipped) == (2, 2)
    assert store.count_articles() == 4


def test_highlight_segments_cover_overlaps_exactly() -> None:
    anns = [Annotation(4, 10, "actor", "a", "x1"), Annotation(0, 8, "technique", "t", "x2")]
    segs = highlight_segments("abcdefghijkl", anns)
    assert "".join(s.text for s in segs) == "abcdefghijkl"
    assert [(s.text, sorted(a.layer for a in s.annotations)) for s in segs] == [
        ("abcd", ["technique"]), ("efgh", ["actor", "technique"]), ("ij", ["actor"]),
        ("kl", [])]


def test_article_text_is_escaped_in_html() -> None:
    text = 'Officials said <script>alert("x")</script> was "fake".'
    html = render_highlighted(text, [Annotation(0, 9, "source", 'a "tip"', "s0")])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_event_sentence_offsets_survive_storage(tmp_path) -> None:
    doc = Document(text=TEXT)
    doc.events = [Event(type="ASSAULT", source=None, target=None, status="reported",
                        sentence=Span(74, 190, TEXT[74:190]), confidence=0.5)]
    with open_store(str(tmp_path / "e.db")) as store:
        store.save_document(doc)
        back = store.get_document(doc.id)
    assert back is not None and back.events[0].sentence.text == TEXT[74:190]


def test_an_article_that_hangs_fails_alone(tmp_path) -> None:
    """A stage stuck on one article is cut off by the article time limit; the run goes on."""
    import time

    class StuckOnOne:
        name = "stuck"

        def __call__(self, doc: Document) -> Document:
            if "hang" in doc.text:
                time.sleep(30)
            return doc

    analyzer = Analyzer(Settings(article_timeout=0.5), pipeline=Pipeline([StuckOnOne()]))
    texts = ["France and Germany met in Paris on Monday to discuss trade.",
             "This article would hang the pipeline forever if nothing stopped it.",
             "Japan and South Korea agreed to resume talks on Tuesday."]
    store = SQLiteStore(tmp_path / "t.db")
    stats = list(analyzer.run((Document(text=t) for t in texts), store))[-1]
    assert (stats.analysed, stats.failed) == (2, 1)
    assert "longer than 0.5 s" in stats.failures[0][1]
    assert store.count_articles() == 2


def test_line_breaks_end_headlines_and_signatures_but_not_wrapped_lines():
    from allegiance.nlp.spacy_stage import load_spacy

    nlp = load_spacy(Settings().spacy_model)
    text = ("EX-MI6 CHIEF SAYS DEAL HURTS US RELATIONSHIP\n"
            "Others who support Britain remaining\nin the E.U. have floated the idea.\n"
            "pic.twitter.com/x — Kay Burley (@KayBurley) January 12, 2019\n"
            "Goddard has defended his remarks.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "EX-MI6 CHIEF SAYS DEAL HURTS US RELATIONSHIP"
    assert "Others who support Britain remaining\nin the E.U. have floated the idea." in sents
    assert sents[-1] == "Goddard has defended his remarks."
