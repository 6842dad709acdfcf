"""Techniques stage: SemEval-2020 Task 11 scorers, task file formats, and the shipped model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.config import Settings
from allegiance.document import Document
from allegiance.techniques import TECHNIQUE_INFO, TECHNIQUES
from allegiance.techniques.commands import eval_techniques
from allegiance.techniques.features import line_segments, trim, widen_to_words
from allegiance.techniques.model import TechniqueModel, default_model_dir
from allegiance.techniques.ptc import (
    load_articles,
    load_gold,
    read_labelled,
    read_spans,
    write_labelled,
    write_spans,
)
from allegiance.techniques.scorer import merge_spans, score_flc, score_si, score_tc
from allegiance.techniques.stage import TechniqueStage

HAS_MODEL = TechniqueModel.available(default_model_dir())
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="models/techniques not built")

LOADED = (
    "Senate debates new border bill\n\n"
    "The Senate began debating the new border bill on Monday afternoon.\n"
    "Senator Smith called the proposal a disgusting, shameful betrayal of working families.\n"
    "Critics say the radical left-wing extremists behind the bill want open borders.\n"
    "The vote is expected next week, a spokesman said.\n"
    "Opponents warned that the bill would unleash a flood of crime into our cities."
)
NEUTRAL = (
    "The city council met on Tuesday to discuss the budget for next year.\n"
    "Members reviewed proposals for road maintenance and library opening hours.\n"
    "A final vote is scheduled for the meeting in March."
)


# -- scorers against hand-computed SemEval examples ---------------------------------------

def test_si_partial_overlap_credit() -> None:
    # pred [0,10) vs gold [5,15): |overlap| = 5 -> P = 5/10, R = 5/10
    r = score_si([("a", 0, 10)], [("a", 5, 15)])
    assert r.precision == pytest.approx(0.5)
    assert r.recall == pytest.approx(0.5)
    assert r.f1 == pytest.approx(0.5)


def test_si_one_prediction_two_gold_spans() -> None:
    # pred [0,20) covers gold [0,5) and [10,15): P = (5+5)/20 / 1 pred = 0.5,
    # R = (5/5 + 5/5) / 2 gold = 1.0, F1 = 2*0.5*1/(1.5) = 2/3
    r = score_si([("a", 0, 20)], [("a", 0, 5), ("a", 10, 15)])
    assert r.precision == pytest.approx(0.5)
    assert r.recall == pytest.approx(1.0)
    assert r.f1 == pytest.approx(2 / 3)


def test_si_overlapping_gold_is_merged_and_articles_kept_apart() -> None:
    assert merge_spans([(5, 15), (0, 10), (20, 25), (25, 30)]) == [(0, 15), (20, 25), (25, 30)]
    # gold [0,10)+[5,15) merge to [0,15); the prediction in article b earns nothing
    r = score_si([("a", 0, 15), ("b", 0, 15)], [("a", 0, 10), ("a", 5, 15)])
    assert r.precision == pytest.approx(0.5)  # (1 + 0) / 2 predictions
    assert r.recall == pytest.approx(1.0)


def test_flc_needs_the_right_technique() -> None:
    gold = [("a", "Loaded_Language", 0, 10), ("a", "Doubt", 20, 30)]
    pred = [("a", "Loaded_Language", 0, 5), ("a", "Slogans", 20, 30)]
    r = score_flc(pred, gold, TECHNIQUES)
    # only the Loaded_Language prediction earns credit: P = (5/5 + 0)/2, R = (5/10 + 0)/2
    assert r.micro.precision == pytest.approx(0.5)
    assert r.micro.recall == pytest.approx(0.25)
    assert r.per_technique["Doubt"].recall == 0.0


def test_tc_matches_labels_of_a_span_in_any_order() -> None:
    gold = [("a", "Loaded_Language", 10, 20), ("a", "Repetition", 10, 20),
            ("a", "Doubt", 30, 40), ("b", "Slogans", 0, 5)]
    pred = [("a", "Repetition", 10, 20), ("a", "Loaded_Language", 10, 20),
            ("a", "Doubt", 30, 40), ("b", "Flag-Waving", 0, 5)]
    r = score_tc(pred, gold, TECHNIQUES)
    assert r.micro.f1 == pytest.approx(3 / 4)
    assert r.per_technique["Slogans"].f1 == 0.0
    assert r.per_technique["Flag-Waving"].precision == 0.0
    assert r.per_technique["Doubt"].f1 == pytest.approx(1.0)
    with pytest.raises(ValueError):
        score_tc([("a", "Doubt", 0, 3)], gold, TECHNIQUES)


# -- task formats ----------------------------------------------------------------------

def _mini_ptc(root: Path) -> tuple[str, list[tuple[str, str, int, int]]]:
    art = root / "dev" / "dev-articles"
    art.mkdir(parents=True)
    text = LOADED + "\n"
    (art / "article42.txt").write_text(text, encoding="utf-8")
    rows = []
    for word, tech in (("radical left-wing extremists", "Name_Calling,Labeling"),
                       ("disgusting, shameful betrayal", "Loaded_Language"),
                       ("a flood of crime", "Appeal_to_fear-prejudice")):
        s = text.index(word)
        rows.append(("42", tech, s, s + len(word)))
    write_labelled(root / "dev" / "dev-task-flc-tc.labels", rows)
    return text, rows


def test_format_round_trip(tmp_path: Path) -> None:
    text, rows = _mini_ptc(tmp_path)
    assert load_gold(tmp_path, "dev") == rows
    assert load_articles(tmp_path, "dev") == {"42": text}
    write_spans(tmp_path / "si.txt", [(a, s, e) for a, _t, s, e in rows])
    assert read_spans(tmp_path / "si.txt") == [(a, s, e) for a, _t, s, e in rows]
    assert read_labelled(tmp_path / "dev" / "dev-task-flc-tc.labels")[0][1] == rows[0][1]


def test_span_helpers() -> None:
    text = "Hello world.\n\nSecond line, here."
    assert [text[s:e] for s, e in line_segments(text)] == ["Hello world.", "Second line, here."]
    assert widen_to_words(text, 2, 8) == (0, 11)
    assert trim(text, 5, 12) == (6, 11)


def test_technique_info_covers_the_taxonomy() -> None:
    assert set(TECHNIQUE_INFO) == set(TECHNIQUES) and len(TECHNIQUES) == 14
    for info in TECHNIQUE_INFO.values():
        assert re.fullmatch(r"#[0-9a-f]{6}", info["colour"])
        assert info["explanation"].endswith(".")
    assert len({i["colour"] for i in TECHNIQUE_INFO.values()}) == 14


# -- the shipped model ----------------------------------------------------------------

def test_stage_without_model_warns(tmp_path: Path) -> None:
    stage = TechniqueStage(Settings(techniques_model=str(tmp_path)))
    doc = stage(Document(text=LOADED))
    assert doc.techniques == [] and any("techniques" in w for w in doc.warnings)


@needs_model
def test_stage_flags_loaded_language_and_name_calling() -> None:
    doc = TechniqueStage(Settings())(Document(text=LOADED))
    assert doc.techniques, "no technique found in an openly loaded text"
    for t in doc.techniques:
        assert doc.text[t.start:t.end] == t.text and t.text.strip() == t.text
        assert t.technique in TECHNIQUES
        assert 0.0 <= t.score <= 1.0
    found = {t.technique for t in doc.techniques}
    assert found & {"Loaded_Language", "Name_Calling,Labeling"}
    flagged = " ".join(t.text for t in doc.techniques).lower()
    assert any(w in flagged for w in ("disgusting", "shameful", "extremists", "radical"))
    assert "spokesman" not in flagged and "monday" not in flagged


@needs_model
def test_propaganda_score_orders_articles() -> None:
    stage = TechniqueStage(Settings())
    loaded = stage(Document(text=LOADED)).scores["propaganda"]
    neutral = stage(Document(text=NEUTRAL)).scores["propaganda"]
    assert loaded is not None and neutral is not None
    assert 0.0 <= neutral < loaded <= 1.0


@needs_model
def test_stage_uses_given_sentences() -> None:
    text = NEUTRAL + " " + LOADED.replace("\n", " ")
    doc = Document(text=text)
    cut = len(NEUTRAL) + 1
    doc.sentences = [doc.span(0, len(NEUTRAL)), doc.span(cut, len(text))]
    doc = TechniqueStage(Settings())(doc)
    assert doc.techniques and all(t.start >= cut for t in doc.techniques)


@needs_model
def test_eval_command_writes_task_files(tmp_path: Path) -> None:
    _mini_ptc(tmp_path / "ptc")
    out = tmp_path / "pred"
    res = CliRunner().invoke(eval_techniques, [
        "--data", str(tmp_path / "ptc"), "--split", "dev", "--write-predictions", str(out),
        "--json", str(tmp_path / "s.json")])
    assert res.exit_code == 0, res.output
    assert "SI" in res.output and "TC" in res.output
    tc = read_labelled(out / "dev-tc.txt")
    assert len(tc) == 3 and all(t in TECHNIQUES for _a, t, _s, _e in tc)
    scores = json.loads((tmp_path / "s.json").read_text())
    assert 0.0 <= scores["si"]["f1"] <= 1.0
    again = CliRunner().invoke(eval_techniques, ["--data", str(tmp_path / "ptc"),
                                                 "--score-file", str(out / "dev-tc.txt")])
    assert again.exit_code == 0 and "TC" in again.output


def test_eval_command_usage_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(eval_techniques, ["--data", str(tmp_path)])
    assert res.exit_code == 2
    res = CliRunner().invoke(eval_techniques, ["--data", str(tmp_path / "missing")])
    assert res.exit_code == 2
