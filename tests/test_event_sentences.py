"""The project's own event-coding sentence sets: the loader and `allegiance eval events`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from allegiance.events.sentences import load_sentences, sentence_gold

DATA = Path(__file__).parent / "data"
HEADER = "id\tcode\ttext\tgold\n"


def test_bundled_sets_load_with_gold_for_every_event_row() -> None:
    names = sorted(p.name for p in DATA.glob("wire_events*.tsv"))
    assert len(names) >= 9
    for name in names:
        recs = load_sentences(DATA / name)
        assert len(recs) >= 30
        assert len({r["id"] for r in recs}) == len(recs)
        for r in recs:
            types, triples, sectors = sentence_gold(r)
            assert sectors == set()
            if r["code"] in ("NONE", "NEG", "HYPO"):
                assert not triples, r["id"]
            else:
                assert triples and types <= {
                    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                    "MOBILIZE", "COERCE", "ASSAULT"}, r["id"]


def test_gold_dashes_are_missing_actors_and_rows_carry_their_date(tmp_path: Path) -> None:
    f = tmp_path / "s.tsv"
    f.write_text("id\tcode\ttext\tgold\tdate\n"
                 "a\t0871\tArmenia and Azerbaijan declared a ceasefire.\t"
                 "ARM RETREAT -; AZE RETREAT -\t2023-05-01\n", encoding="utf-8")
    (rec,) = load_sentences(f)
    assert rec["triples"] == {("ARM", "RETREAT", None), ("AZE", "RETREAT", None)}
    assert rec["date"] == "2023-05-01"


def test_a_malformed_gold_cell_names_the_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.tsv"
    f.write_text(HEADER + "a\t163\tThe US imposed sanctions on Iran.\tUSA SANCTION\n",
                 encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:2"):
        load_sentences(f)
    result = CliRunner().invoke(main, ["eval", "events", "--data", str(f)])
    assert result.exit_code == 2 and "SOURCE TYPE TARGET" in result.output


def test_eval_events_scores_a_sentence_set(tmp_path: Path) -> None:
    f = tmp_path / "s.tsv"
    f.write_text(HEADER +
                 "a\t129\tRussia vetoed a UN Security Council resolution on Ukraine.\t"
                 "RUS REJECT IGO\n"
                 "b\t1612\tColombia broke off diplomatic relations with Israel.\tCOL SANCTION ISR\n"
                 "c\tNONE\tBrazil is the largest country in South America.\t\n",
                 encoding="utf-8")
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(main, ["eval", "events", "--data", str(f), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "Sentence set s.tsv: 3 sentences" in result.output
    assert "with sectors" not in result.output  # the sets code countries only
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["sentences"] == 3 and "triple_with_sectors" not in scores
    trip = scores["triple_all_events"]
    assert (trip["tp"], trip["fp"], trip["fn"]) == (2, 0, 0)


def test_the_content_of_an_accusation_is_kept_but_not_scored() -> None:
    from allegiance.config import Settings
    from allegiance.document import Document
    from allegiance.events.evaluate import coded_events
    from allegiance.pipeline import build_pipeline

    pipe = build_pipeline(Settings(stages=("nlp", "actors", "events")))
    doc = pipe(Document("Armenia accused Azerbaijan of shelling its border villages.",
                        published="2024-09-01"))
    kept = {(e.type, e.status) for e in doc.events}
    assert ("ACCUSE", "asserted") in kept and ("ASSAULT", "reported") in kept
    assert [(e.type, e.source and e.source.code) for e in coded_events(doc)] == [
        ("ACCUSE", "ARM")]
