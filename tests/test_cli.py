"""End to end: the CLI over the bundled sample corpus and over bad inputs."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.cli import main
from conftest import SAMPLE


def test_sample_run_succeeds_and_writes_outputs(sample_run: tuple[int, Path]) -> None:
    code, out = sample_run
    assert code == 0
    for name in ("analysis.json", "report.html", "events.csv", "allegiance.db"):
        assert (out / name).stat().st_size > 0


def test_analysis_json_has_the_documented_shape(analysis: dict) -> None:
    arts = analysis["articles"]
    assert len(arts) == 20
    for art in arts:
        assert set(art) >= {"id", "source", "url", "title", "outlet", "published", "text",
                            "actors", "events", "attributions", "techniques", "scores"}
        text = art["text"]
        for actor in art["actors"]:
            for m in actor["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
        for ev in art["events"]:
            assert ev["status"] in {"asserted", "reported", "denied", "negated",
                                    "hypothetical", "future"}
            assert 0 <= ev["sentence"]["start"] < ev["sentence"]["end"] <= len(text)
            for role in ("source", "target"):
                if ev[role]:
                    assert text[ev[role]["start"]:ev[role]["end"]] == ev[role]["text"]
        for t in art["techniques"]:
            assert text[t["start"]:t["end"]] == t["text"]
        for att in art["attributions"]:
            c = att["content"]
            assert text[c["start"]:c["end"]] == c["text"]
    assert {"republications", "network"} <= set(analysis)


def test_republished_story_is_one_family_with_its_origin(analysis: dict) -> None:
    by_source = {Path(a["source"]).name: a["id"] for a in analysis["articles"]}
    origin = by_source["2024-03-05-harbor-wire-gulf-talks.txt"]
    copies = {by_source["2024-03-06-crescent-bay-post-china-hosts-saudi-iran.html"],
              by_source["2024-03-08-northwind-bulletin-saudi-iran-beijing.txt"]}
    families = analysis["republications"]
    assert len(families) == 1
    assert families[0]["origin"] == origin
    assert set(families[0]["copies"]) == copies


def test_report_is_self_contained(sample_run: tuple[int, Path], analysis: dict) -> None:
    html = (sample_run[1] / "report.html").read_text(encoding="utf-8")
    assert not re.search(r'<(script|link|img)[^>]+(src|href)="https?://', html)
    for art in analysis["articles"][:5]:
        assert f'id="article-{art["id"]}"' in html


def test_events_csv_has_polecat_like_columns(sample_run: tuple[int, Path], analysis: dict) -> None:
    with open(sample_run[1] / "events.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(a["events"]) for a in analysis["articles"])
    assert rows and {"event_date", "event_type", "article_id", "sentence"} <= set(rows[0])


def test_rerun_is_idempotent(sample_run: tuple[int, Path]) -> None:
    out = sample_run[1]
    result = CliRunner().invoke(main, ["analyze", str(SAMPLE), "--out", str(out),
                                       "--no-report"])
    assert result.exit_code == 0
    assert "0 analysed, 20 already stored" in result.output


def test_bad_inputs_are_named_and_the_rest_is_analysed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "bad.jsonl").write_text('[1, 2]\n{"text": "Germany pledged new humanitarian '
                                        'aid to Ukraine on Monday, its foreign minister said."}\n')
    (tmp_path / "good.txt").write_text(
        "France and Germany agreed on Tuesday to send more air-defence systems to Ukraine, "
        "officials in Paris said.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyze", str(tmp_path), "--out", str(out),
                                       "--no-report"])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "binary.txt" in result.output
    assert "bad.jsonl:1" in result.output
    assert "2 analysed" in result.output


def test_usage_error_exits_2() -> None:
    assert CliRunner().invoke(main, ["analyze"]).exit_code == 2
    assert CliRunner().invoke(main, ["analyze", "--jobs", "0", "x"]).exit_code == 2


def test_standard_input_is_read(tmp_path: Path) -> None:
    text = ("The United States imposed new sanctions on Iran on Tuesday, the Treasury "
            "Department said in a statement.")
    result = CliRunner().invoke(main, ["analyze", "-", "--out", str(tmp_path)], input=text)
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "analysis.json").read_text())
    assert data["articles"][0]["text"].startswith("The United States imposed")


@pytest.mark.parametrize("command", [
    ["--help"], ["analyze", "--help"], ["report", "--help"], ["eval", "--help"],
    ["train", "--help"], ["eval", "extraction", "--help"], ["eval", "events", "--help"],
    ["eval", "attribution", "--help"], ["eval", "techniques", "--help"],
    ["eval", "republication", "--help"], ["train", "techniques", "--help"],
    ["train", "narratives", "--help"], ["network", "--help"], ["serve", "--help"],
    ["batch", "--help"], ["load", "--help"],
])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    assert "unavailable" not in result.output


def test_copies_added_later_link_to_the_stored_origin(tmp_path: Path) -> None:
    """The republication index beside the store links a later run's copies to its origin."""
    origin = SAMPLE / "2024-03-05-harbor-wire-gulf-talks.txt"
    copy = SAMPLE / "2024-03-08-northwind-bulletin-saudi-iran-beijing.txt"
    db = tmp_path / "corpus.db"
    first = CliRunner().invoke(main, ["analyze", str(origin), "--db", str(db), "--out",
                                      str(tmp_path / "one"), "--stages", "nlp"])
    assert first.exit_code == 0, first.output
    assert (tmp_path / "corpus.db.republication.npz").is_file()
    second = CliRunner().invoke(main, ["analyze", str(copy), "--db", str(db), "--out",
                                       str(tmp_path / "two"), "--stages", "nlp"])
    assert second.exit_code == 0, second.output
    data = json.loads((tmp_path / "two" / "analysis.json").read_text())
    (family,) = data["republications"]
    assert family["copies"] == [data["articles"][0]["id"]]
    assert family["origin"] != data["articles"][0]["id"]


def test_verbatim_copy_on_another_site_stays_a_distinct_article(tmp_path: Path) -> None:
    text = ("Germany pledged 500 million euros in humanitarian aid to Ukraine on Monday, "
            "its foreign minister said after talks in Berlin with her Ukrainian counterpart.")
    rows = [{"text": text, "url": "https://a.example/story", "published": "2024-04-16"},
            {"text": text, "url": "https://b.example/copy", "published": "2024-04-18"}]
    src = tmp_path / "two.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(src), "--out", str(tmp_path / "o"),
                                       "--stages", "nlp"])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "o" / "analysis.json").read_text())
    ids = [a["id"] for a in sorted(data["articles"], key=lambda a: a["published"])]
    assert len(set(ids)) == 2
    assert data["republications"][0]["origin"] == ids[0]
    assert data["republications"][0]["copies"] == [ids[1]]


@pytest.mark.parametrize("name", ["extraction", "events", "attribution", "techniques",
                                  "republication"])
def test_eval_with_a_missing_data_folder_is_a_usage_error(name: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", name, "--data", str(tmp_path / "nowhere")])
    assert result.exit_code == 2, result.output


def test_report_command_rebuilds_outputs_from_the_store(sample_run: tuple[int, Path],
                                                        tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", "--db", str(sample_run[1] / "allegiance.db"),
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    again = json.loads((tmp_path / "analysis.json").read_text(encoding="utf-8"))
    first = json.loads((sample_run[1] / "analysis.json").read_text(encoding="utf-8"))
    assert [a["id"] for a in again["articles"]] == [a["id"] for a in first["articles"]]
    assert again["republications"] == first["republications"]
