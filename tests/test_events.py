"""Events stage on real-style news sentences: types, actors, status, dates, offsets."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.config import Settings
from allegiance.document import Document, Event
from allegiance.events.commands import eval_events
from allegiance.events.dates import normalize_date
from allegiance.events.evaluate import load_gold, plover_view, run_gold, score
from allegiance.events.export import write_events_csv
from allegiance.pipeline import build_pipeline

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GSR = DATA / "events" / "plover_gsr"

TEXT = (
    "On November 19 the US held talks with France, Germany, the UK and the Gulf states on "
    "Iran. The New York Times, citing US and Israeli officials, reported that the drone "
    "strike on the Al-Tanf base was launched by Iran. Iran did not accept responsibility. "
    "The US declined to publicly accuse Iran. Sanctions were imposed on Iran by the United "
    "States last month. Russia could send troops to Syria if the talks fail. Israel's spy "
    "chief David Barnea will visit Washington on Dec. 28. Iranian troops attacked Iraqi "
    "Kurdish positions on Monday, and Baghdad condemned the strikes."
)


@pytest.fixture(scope="module")
def doc() -> Document:
    pipe = build_pipeline(Settings(stages=("nlp", "actors", "events")))
    return pipe(Document(TEXT, published="2021-11-25"))


def _events(doc: Document, typ: str) -> list[Event]:
    return [e for e in doc.events if e.type == typ]


def test_offsets(doc: Document) -> None:
    assert doc.events
    for e in doc.events:
        assert e.trigger is not None
        assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text
        for ref in (e.source, e.target):
            if ref is not None:
                assert doc.text[ref.start:ref.end] == ref.text
        assert e.sentence.start <= e.trigger.start < e.sentence.end
        assert 0.0 < e.confidence <= 1.0


def test_consult_with_coordinated_targets(doc: Document) -> None:
    consult = [e for e in _events(doc, "CONSULT") if e.source and e.source.code == "USA"]
    targets = {e.target.code for e in consult if e.target}
    assert targets == {"FRA", "DEU", "GBR", "GRPGULF"}
    assert all(e.status == "asserted" and e.date == "2021-11-19" for e in consult)
    assert consult[0].trigger is not None and consult[0].trigger.text == "held"


def test_passive_assault_is_reported(doc: Document) -> None:
    a = [e for e in _events(doc, "ASSAULT") if e.source and e.source.code == "IRN"]
    assert a and a[0].status == "reported"
    assert a[0].source is not None and a[0].source.text == "Iran"


def test_negated_accusation(doc: Document) -> None:
    acc = [e for e in _events(doc, "ACCUSE") if e.target and e.target.code == "IRN"]
    assert acc and acc[0].status == "negated" and acc[0].source is not None
    assert acc[0].source.code == "USA"


def test_passive_sanction_with_relative_date(doc: Document) -> None:
    s = _events(doc, "SANCTION")
    assert len(s) == 1
    assert s[0].source is not None and s[0].target is not None
    assert (s[0].source.code, s[0].target.code, s[0].status) == ("USA", "IRN", "asserted")
    assert s[0].date == "2021-10"


def test_hypothetical_and_future(doc: Document) -> None:
    mob = _events(doc, "MOBILIZE")
    assert mob and mob[0].status == "hypothetical" and mob[0].source is not None
    assert mob[0].source.code == "RUS"
    visit = [e for e in _events(doc, "CONSULT") if e.source and e.source.code == "ISRSPY"]
    assert visit and visit[0].status == "future" and visit[0].date == "2021-12-28"
    assert plover_view(visit[0]) == "AGREE"  # PLOVER: an intent to meet is AGREE
    assert plover_view(mob[0]) is None


def test_sector_actors_and_nominal_event(doc: Document) -> None:
    att = [e for e in _events(doc, "ASSAULT") if e.source and e.source.code == "IRNMIL"]
    assert att and att[0].target is not None and att[0].target.code == "IRQ"
    assert att[0].date == "2021-11-22"  # the Monday before publication
    acc = [e for e in _events(doc, "ACCUSE") if e.source and e.source.code == "IRQGOV"]
    assert acc and acc[0].source is not None and acc[0].source.text == "Baghdad"


def test_no_event_without_event_language() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors", "events")))
    d = pipe(Document("Six million American jobs depend on exports to Mexico, one slide says. "
                      "Florida is nearly 3% Polish American."))
    assert d.events == []


@pytest.mark.parametrize("text,pub,future,expected", [
    ("November 19", "2021-11-25", False, "2021-11-19"),
    ("Dec. 28", "2022-01-05", False, "2021-12-28"),
    ("last month", "2022-01-05", False, "2021-12"),
    ("yesterday", "2022-03-01", False, "2022-02-28"),
    ("Monday", "2021-11-25", False, "2021-11-22"),
    ("next Monday", "2021-11-25", True, "2021-11-29"),
    ("March 3, 2019", None, False, "2019-03-03"),
    ("Dec. 28", None, False, None),
])
def test_dates(text: str, pub: str | None, future: bool, expected: str | None) -> None:
    assert normalize_date(text, pub, future) == expected


def test_export_csv(doc: Document, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    n = write_events_csv([doc], out)
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert n == len(rows) == len(doc.events)
    assert {"event_date", "source_country", "target_sector", "event_type", "status",
            "article_id", "sentence"} <= set(rows[0])
    sanction = next(r for r in rows if r["event_type"] == "SANCTION")
    assert (sanction["source_country"], sanction["target_country"]) == ("USA", "IRN")


def test_cli_usage_error() -> None:
    res = CliRunner().invoke(eval_events, ["--data", "/nonexistent/plover"])
    assert res.exit_code == 2 and "does not exist" in res.output


@pytest.mark.skipif(not GSR.exists(), reason="../shared/data/events/plover_gsr not present")
def test_gold_subset() -> None:
    recs = load_gold(GSR)[1::8]  # 41 held-out (even-position) records
    s = score(recs, run_gold(recs))
    res = s.to_dict()
    assert res["sentences"] == 41
    assert res["type_accuracy"] >= 0.5
    assert res["triple_all_events"]["f1"] >= 0.2
