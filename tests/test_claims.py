"""Claims stage: reported speech, sources, nesting and the link to events.

All sentences are written for these tests; PolNeAR is read only from ../shared/data.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.claims import ClaimStage, sourcing_summary
from allegiance.claims.polnear import Scorer, load_split, parse_ann
from allegiance.config import Settings
from allegiance.document import Actor, ActorRef, Document, Event, Span

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


@pytest.fixture(scope="module")
def analyse():
    pytest.importorskip("spacy")
    from allegiance.nlp.spacy_stage import SpacyStage

    settings = Settings()
    try:
        nlp = SpacyStage(settings)
    except RuntimeError as exc:
        pytest.skip(str(exc))
    claims = ClaimStage(settings)

    def run(text: str, actors: list[Actor] | None = None,
            events: list[Event] | None = None) -> Document:
        doc = nlp(Document(text=text))
        doc.actors = actors or []
        doc.events = events or []
        return claims(doc)

    return run


def _check_offsets(doc: Document) -> None:
    for att in doc.attributions:
        spans = [att.content] + ([att.cue] if att.cue else [])
        for sp in spans:
            assert doc.text[sp.start:sp.end] == sp.text
        if att.source is not None:
            assert doc.text[att.source.start:att.source.end] == att.source.text
        if att.parent is not None:
            assert 0 <= att.parent < len(doc.attributions)


def _find(doc: Document, cue: str):
    hits = [a for a in doc.attributions if a.cue and a.cue.text == cue]
    assert hits, [(a.cue.text if a.cue else None, a.content.text) for a in doc.attributions]
    return hits[0]


def _mention(text: str, word: str, start_at: int = 0) -> Span:
    i = text.index(word, start_at)
    return Span(i, i + len(word), word)


def _event(text: str, sentence: str, trigger: str, src: str, code: str | None) -> Event:
    s = text.index(sentence)
    t = _mention(text, trigger, s)
    m = _mention(text, src, s)
    return Event(type="ASSAULT", source=ActorRef(code, src, m.start, m.end), target=None,
                 status="asserted", sentence=Span(s, s + len(sentence), sentence),
                 confidence=0.9, trigger=t)


def test_indirect_speech_spans(analyse):
    doc = analyse("The foreign ministry said that the border crossing would reopen on Monday.")
    att = _find(doc, "said")
    assert att.source is not None and att.source.text == "The foreign ministry"
    assert att.source.kind == "organization"
    assert att.content.text == "that the border crossing would reopen on Monday"
    assert att.kind == "indirect"
    _check_offsets(doc)


def test_direct_quote_with_continuation_and_role(analyse):
    text = ('"We will answer at a time of our choosing," Defense Secretary Mark Hollis said '
            'on Sunday. "Nobody should doubt our resolve."')
    doc = analyse(text)
    att = _find(doc, "said")
    assert att.kind == "direct"
    assert att.source is not None and att.source.text == "Defense Secretary Mark Hollis"
    assert att.source.kind == "named_person"
    assert att.source.role == "Defense Secretary"
    assert att.content.text.startswith('"We will answer')
    assert att.content.text.endswith('resolve."')
    _check_offsets(doc)


def test_according_to_document_source(analyse):
    doc = analyse("According to an official release from the US Department of State, the talks "
                  "will resume in Geneva next week.")
    att = _find(doc, "According to")
    assert att.kind == "according_to"
    assert att.source is not None and att.source.kind == "document"
    assert att.content.text == "the talks will resume in Geneva next week"
    _check_offsets(doc)


def test_colon_quote(analyse):
    doc = analyse('The general told reporters: "Our troops will not leave the city before '
                  'the winter."')
    att = _find(doc, "told")
    assert att.source is not None and att.source.text == "The general"
    assert att.content.text.startswith('"Our troops') and att.content.text.endswith('."')
    _check_offsets(doc)


def test_media_and_anonymous_sources(analyse):
    doc = analyse("Reuters reported that the convoy was hit near the border. A senior diplomat "
                  "said the ceasefire was unlikely to hold.")
    assert _find(doc, "reported").source.kind == "media_outlet"  # type: ignore[union-attr]
    assert _find(doc, "said").source.kind == "anonymous"  # type: ignore[union-attr]


def test_nested_claims_keep_both_layers(analyse):
    doc = analyse("The Washington Post reported that intelligence officials told it Iran is "
                  "building a drone factory near Isfahan.")
    outer = _find(doc, "reported")
    inner = _find(doc, "told")
    assert inner.parent == doc.attributions.index(outer)
    assert outer.parent is None
    assert inner.source is not None and inner.source.kind == "anonymous"
    assert inner.content.text == "Iran is building a drone factory near Isfahan"
    _check_offsets(doc)


def test_pronoun_source_resolves_to_person(analyse):
    doc = analyse("Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in "
                  "Antalya. He said the new sanctions would fail.")
    att = _find(doc, "said")
    assert att.source is not None
    assert att.source.text == "Sergei Lavrov"
    assert att.source.kind == "named_person"
    assert att.source.role == "Russian Foreign Minister"
    _check_offsets(doc)


def test_event_in_claim_is_reported_with_innermost_source(analyse):
    text = ("The Washington Post reported that intelligence officials told it Iran attacked "
            "the tanker.")
    ev = _event(text, text, "attacked", "Iran", "IRN")
    doc = analyse(text, events=[ev])
    assert doc.events[0].status == "reported"
    assert doc.events[0].attributed_to is not None
    assert doc.events[0].attributed_to["text"] == "intelligence officials"
    assert doc.events[0].attributed_to["kind"] == "anonymous"


def test_event_asserted_in_own_voice_stays_asserted(analyse):
    text = ("Iran attacked the tanker on Tuesday. Officials said Iran attacked the tanker "
            "with drones.")
    first = "Iran attacked the tanker on Tuesday."
    second = "Officials said Iran attacked the tanker with drones."
    e1 = _event(text, first, "attacked", "Iran", "IRN")
    e2 = _event(text, second, "attacked", "Iran", "IRN")
    doc = analyse(text, events=[e1, e2])
    assert doc.events[0].status == "asserted" and doc.events[0].attributed_to is None
    assert doc.events[1].attributed_to is not None
    assert doc.events[1].status == "asserted"


def test_a_relative_clause_in_a_claim_is_the_writers_background(analyse):
    text = ("Critics charged that the hearing gave no new information about the attacks in "
            "Benghazi that killed four Americans. Officials said Iran attacked the tanker.")
    first, second = text.split(". ")
    e1 = _event(text, first + ".", "killed", "attacks", None)
    e2 = _event(text, second, "attacked", "Iran", "IRN")
    doc = analyse(text, events=[e1, e2])
    # what the writer tells of the attacks is no part of the critics' charge
    assert doc.events[0].status == "asserted"
    assert doc.events[1].status == "reported"


def test_denial_by_accused_marks_event_denied(analyse):
    text = ("The New York Times, citing two officials, reported that Iran launched the strike. "
            "Iran did not accept responsibility for the attack.")
    iran = Actor(code="IRN", name="Iran", kind="country",
                 mentions=[_mention(text, "Iran"), _mention(text, "Iran", 70)])
    ev = _event(text, text.split(". ")[0] + ".", "launched", "Iran", "IRN")
    doc = analyse(text, actors=[iran], events=[ev])
    assert doc.events[0].status == "denied"
    assert doc.events[0].attributed_to is not None
    # the Times relays two officials: they are the innermost source of the claim
    assert doc.events[0].attributed_to["text"] == "two officials"
    assert doc.events[0].attributed_to["kind"] == "anonymous"
    assert _find(doc, "reported").source.kind == "media_outlet"  # type: ignore[union-attr]


def test_outlet_report_without_citation_is_attributed_to_outlet(analyse):
    text = "Reuters reported that Iran launched the strike."
    ev = _event(text, text, "launched", "Iran", "IRN")
    doc = analyse(text, events=[ev])
    assert doc.events[0].status == "reported"
    assert doc.events[0].attributed_to is not None
    assert doc.events[0].attributed_to["text"] == "Reuters"
    assert doc.events[0].attributed_to["kind"] == "media_outlet"


def test_denial_verb_content_is_denied(analyse):
    text = "The Kremlin denied that its forces shelled the power plant."
    ev = _event(text, text, "shelled", "its forces", "RUSMIL")
    doc = analyse(text, events=[ev])
    assert doc.events[0].status == "denied"


def test_hedge_makes_event_reported_by_anonymous(analyse):
    text = "Militants allegedly fired rockets at the airport overnight."
    ev = _event(text, text, "fired", "Militants", "REB")
    doc = analyse(text, events=[ev])
    assert doc.events[0].status == "reported"
    assert doc.events[0].attributed_to == {"text": "allegedly", "code": None,
                                           "kind": "anonymous"}


def test_sourcing_summary_counts(analyse):
    text = ("Reuters reported that the convoy was hit. A senior diplomat said talks had "
            "stalled. Defense Secretary Mark Hollis said the army would stay. "
            "The army shelled the town.")
    ev = _event(text, "The army shelled the town.", "shelled", "The army", "XXXMIL")
    doc = analyse(text, events=[ev])
    doc.outlet = "Example Herald"
    summary = sourcing_summary([doc])
    art = summary["articles"][doc.id]
    assert art["media_outlet"] == 1
    assert art["anonymous"] == 1
    assert art["named_person"] == 1
    assert art["events_asserted_unsourced"] == 1
    assert summary["outlets"]["Example Herald"]["articles"] == 1
    assert summary["outlets"]["Example Herald"]["share_anonymous"] == pytest.approx(1 / 3, abs=1e-3)


def test_scorer_exact_and_overlap():
    text = "Officials said the bridge was destroyed. Kyiv denied it."
    gold = [{"source": [(0, 9)], "cue": [(10, 14)], "content": [(15, 39)]}]
    perfect = Scorer()
    perfect.add(text, gold, gold)
    assert perfect.result()["relation_exact"]["f1"] == 1.0
    partial = Scorer()
    partial.add(text, [{"source": [(0, 9)], "cue": [(10, 14)], "content": [(19, 39)]},
                       {"cue": [(46, 52)], "content": [(53, 55)]}], gold)
    res = partial.result()
    assert res["content_exact"]["f1"] == 0.0
    assert 0.0 < res["content_overlap"]["recall"] < 1.0
    assert res["relation_overlap"]["recall"] == 1.0
    assert res["relation_overlap"]["precision"] == 0.5


def test_parse_ann_fragments():
    text = '"We stay," he said. "We fight."'
    ann = ("T1\tSource 11 13\the\nT2\tCue 14 18\tsaid\nT3\tContent 0 9;20 31\t...\n"
           "T4\tAttribution 14 18\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    rels = parse_ann(ann, text)
    assert rels == [{"source": [(11, 13)], "cue": [(14, 18)], "content": [(0, 9), (20, 31)]}]


def test_polnear_dev_sample_scores(analyse):
    root = DATA / "polnear"
    if not (root / "data" / "dev").is_dir():
        pytest.skip("PolNeAR not available")
    from allegiance.claims.commands import _relations
    from allegiance.claims.extract import extract
    from allegiance.nlp.spacy_stage import load_spacy

    nlp = load_spacy(Settings().spacy_model)
    scorer = Scorer()
    for art in load_split(root, "dev", limit=3):
        pred = _relations(extract(nlp(art.text)))
        for gold in art.annotations:
            scorer.add(art.text, pred, gold)
    res = scorer.result()
    assert scorer.n_gold > 0
    assert res["cue_exact"]["precision"] > 0.5
    assert res["content_overlap"]["f1"] > 0.4


def test_agentless_report_is_anonymous_claim(analyse):
    text = "It has been suggested that Moscow is considering a new offensive in the east."
    ev = _event(text, text, "considering", "Moscow", "RUS")
    doc = analyse(text, events=[ev])
    att = _find(doc, "has been suggested")
    assert att.source is None
    assert doc.events[0].status == "reported"
    assert doc.events[0].attributed_to is not None
    assert doc.events[0].attributed_to["kind"] == "anonymous"


def test_rejected_accusation_marks_event_denied(analyse):
    text = "Kyiv accused Moscow of shelling the dam. Moscow rejected the accusation on Friday."
    moscow = Actor(code="RUS", name="Moscow", kind="country",
                   mentions=[_mention(text, "Moscow"), _mention(text, "Moscow", 20)])
    ev = _event(text, "Kyiv accused Moscow of shelling the dam.", "shelling", "Moscow", "RUS")
    doc = analyse(text, actors=[moscow], events=[ev])
    assert doc.events[0].status == "denied"
    assert doc.events[0].attributed_to is not None


def test_both_sides_denial(analyse):
    text = ("Witnesses said both armies shelled the village overnight. Both sides have denied "
            "the claims.")
    ev = _event(text, "Witnesses said both armies shelled the village overnight.", "shelled",
                "both armies", None)
    doc = analyse(text, events=[ev])
    assert doc.events[0].status == "denied"


def test_stage_parses_when_nlp_did_not_run():
    pytest.importorskip("spacy")
    settings = Settings()
    try:
        from allegiance.nlp.spacy_stage import load_spacy

        load_spacy(settings.spacy_model)
    except RuntimeError as exc:
        pytest.skip(str(exc))
    doc = ClaimStage(settings)(Document(text="A senior diplomat said the talks had collapsed."))
    att = _find(doc, "said")
    assert att.source is not None and att.source.kind == "anonymous"
    _check_offsets(doc)


def test_group_pronoun_and_spokesman_sources(analyse):
    doc = analyse("The Ukrainian army said the bridge was destroyed. They said repairs would "
                  "take months. A spokesman for the Russian Defence Ministry said the strike "
                  "hit only military targets.")
    they = [a for a in doc.attributions if a.cue and a.cue.text == "said"][1]
    assert they.source is not None and they.source.text == "The Ukrainian army"
    spokesman = [a for a in doc.attributions if a.cue and a.cue.text == "said"][2]
    assert spokesman.source is not None and spokesman.source.kind == "organization"
    _check_offsets(doc)


def test_event_without_trigger_uses_its_sentence(analyse):
    text = "Officials in Kyiv said that Russian missiles struck a power station near Lviv."
    ev = _event(text, text, "struck", "Russian missiles", "RUSMIL")
    ev.trigger = None
    doc = analyse(text, events=[ev])
    assert doc.events[0].status == "reported"
    assert doc.events[0].attributed_to is not None


def test_impression_verb_without_source(analyse):
    doc = analyse("The ceasefire appears to be holding in the northern provinces.")
    att = _find(doc, "appears")
    assert att.source is None
    assert att.content.text.startswith("The ceasefire")
    assert att.content.text.endswith("in the northern provinces")
    _check_offsets(doc)


def test_poll_finding_with_in(analyse):
    doc = analyse("In a harbour authority survey published in May, most fishermen opposed "
                  "the new quota.")
    att = _find(doc, "In")
    assert att.source is not None
    assert att.source.text == "a harbour authority survey published in May"
    assert att.content.text == "most fishermen opposed the new quota"
    # a standing "in the polls" is not a finding
    doc = analyse("The governor, who trails badly in the polls, visited three towns on Friday.")
    assert not [a for a in doc.attributions if a.cue and a.cue.text == "in"]


def test_quote_signed_with_dash_and_transcript_turn(analyse):
    text = ("Readers told us what they expect from the new council.\n"
            "“We will need every school rebuilt before winter comes.” ― Maria Lopez\n"
            '"MORALES: We have no plans to leave the coalition this year."\n')
    doc = analyse(text)
    att = _find(doc, "―")
    assert att.source is not None and att.source.text == "Maria Lopez"
    assert att.content.text.startswith("“We will need")
    turn = _find(doc, ":")
    assert turn.source is not None and turn.source.text == "MORALES"
    assert turn.content.text == "We have no plans to leave the coalition this year"
    _check_offsets(doc)


def test_cue_keeps_governing_verb_and_object_content(analyse):
    doc = analyse("The senator went on to say that the bill was dead. "
                  "The mayor sought to calm the protesters outside city hall.")
    att = _find(doc, "went on to say")
    assert att.content.text == "that the bill was dead"
    att = _find(doc, "sought")
    assert att.content.text == "to calm the protesters outside city hall"
    _check_offsets(doc)


def test_anonymity_formulas_make_the_source_anonymous_and_assert_nothing(analyse) -> None:
    text = ("US officials, speaking on condition of anonymity, said the drone had been launched "
            "from Iranian territory. A diplomat who asked not to be named said talks would "
            "resume.")
    doc = analyse(text)
    _check_offsets(doc)
    contents = [a.content.text for a in doc.attributions]
    assert not any("anonymity" in c or c.startswith("not to be named") for c in contents)
    said = [a for a in doc.attributions if a.cue and a.cue.text == "said"]
    assert [a.source.kind for a in said if a.source] == ["anonymous", "anonymous"]
    assert said[0].source is not None and said[0].source.text == "US officials"


def test_embedded_post_is_attributed_to_its_signer(analyse):
    text = ("The speaker answered within the hour.\n"
            "While I respect the investigators, this decision defies explanation. No one "
            "should be above the law. pic.twitter.com/AbCdEf123 — Jane Holt (@janeholt) "
            "July 5, 2016\nHer office declined to add more.")
    doc = analyse(text)
    att = _find(doc, "—")
    assert att.source is not None and att.source.text == "Jane Holt"
    assert att.content.text == ("While I respect the investigators, this decision defies "
                                "explanation. No one should be above the law")
    _check_offsets(doc)


def test_agreement_scores_annotators_against_each_other(tmp_path: Path):
    root = DATA / "polnear"
    if not (root / "data" / "dev").is_dir():
        pytest.skip("PolNeAR not available")
    import json

    from click.testing import CliRunner

    from allegiance.claims.commands import eval_attribution

    runner = CliRunner()
    bad = runner.invoke(eval_attribution, ["--data", str(root), "--split", "all"])
    assert bad.exit_code == 2 and "--agreement" in bad.output
    out_file = tmp_path / "a.json"
    res = runner.invoke(eval_attribution, ["--data", str(root), "--split", "dev",
                                           "--agreement", "--json", str(out_file)])
    assert res.exit_code == 0, res.output
    out = json.loads(out_file.read_text())
    assert out["articles"] >= 1
    human = out["human"]["cue_exact"]
    # each annotator is gold once and prediction once: precision and recall coincide
    assert human["precision"] == human["recall"] and 0 < human["f1"] <= 1
    assert 0 < out["system"]["content_overlap"]["f1"] <= 1


def test_gerund_after_by_takes_the_frame_subject(analyse):
    doc = analyse('When the judge returned, he began by saying, "I do not think it is '
                  'necessary to go further."')
    att = _find(doc, "saying")
    assert att.source is not None and att.source.text == "he"
    _check_offsets(doc)


def test_raised_subject_and_misparsed_signature_verb(analyse):
    doc = analyse("The New York Times is expected to endorse the Democratic candidate. "
                  "“Not us but can’t argue with it!” Murphy, the head of Right to Rise USA, "
                  "Tweeted on Friday.")
    att = _find(doc, "to endorse")
    assert att.source is not None and att.source.text == "The New York Times"
    tweet = _find(doc, "Tweeted")
    assert tweet.source is not None
    assert tweet.source.text == "Murphy, the head of Right to Rise USA,"
    _check_offsets(doc)


@pytest.fixture(scope="module")
def full_pipe():  # type: ignore[no-untyped-def]
    """The whole article pipeline up to claims, as `analyze` runs it."""
    from allegiance.pipeline import build_pipeline

    return build_pipeline(Settings(stages=("nlp", "actors", "events", "claims")))


def test_rejecting_remarks_is_no_denial_of_the_rejecters_other_acts(full_pipe):  # type: ignore[no-untyped-def]
    doc = full_pipe(Document("Israeli Prime Minister Benjamin Netanyahu will meet with Donald "
                             "Trump "
                             "later this month. Netanyahu rejects Trump's remarks about Muslims. "
                             "The New York Times reported that the drone strike was launched by "
                             "Iran. Iran rejected the accusation.", published="2015-12-10"))
    status = {(e.type, e.source.code if e.source else None): e.status for e in doc.events}
    assert status[("CONSULT", "ISRGOV")] == "future"
    assert status[("REJECT", "ISRGOV")] == "asserted"
    assert status[("ASSAULT", "IRN")] == "denied"
    assert status[("REJECT", "IRN")] == "asserted"


def test_a_denial_reaches_neither_the_next_sentence_nor_a_concession(full_pipe):  # type: ignore[no-untyped-def]
    doc = full_pipe(Document("While Francis later apologized, he persisted in defending Barros, "
                             "denying that he had received any testimony himself. Francis "
                             "later said he would send an investigator to Chile to investigate "
                             "the matter.",
                             published="2018-02-01"))
    status = {e.trigger.text if e.trigger else "": e.status for e in doc.events}
    assert status.get("apologized") == "asserted", status
    assert status.get("investigate") == "future", status


def test_a_call_to_act_claims_no_fact_about_what_it_names(full_pipe):  # type: ignore[no-untyped-def]
    doc = full_pipe(Document("President Donald Trump took to Twitter Wednesday to call on his "
                             "Attorney "
                             "General Jeff Sessions to shut down special counsel Robert Mueller's "
                             "investigation into Russian interference in the 2016 election.",
                             published="2018-08-01"))
    (probe,) = [e for e in doc.events if e.trigger and e.trigger.text == "investigation"]
    assert probe.status == "asserted"


def test_a_relative_clause_inside_a_denial_is_not_what_is_denied(full_pipe):  # type: ignore[no-untyped-def]
    doc = full_pipe(Document('The bishop has denied ever knowing about "the serious abuses" '
                             "committed by Karadima, who was never prosecuted in Chile because "
                             "so much time had passed but was convicted and sentenced by the "
                             'Vatican to a lifetime of "penance and prayer".',
                             published="2018-02-20"))
    (sentenced,) = [e for e in doc.events if e.trigger and e.trigger.text == "sentenced"]
    assert sentenced.status != "denied"


def test_denying_a_stance_does_not_deny_the_acts_before_it(full_pipe):  # type: ignore[no-untyped-def]
    doc = full_pipe(Document('In an October interview, Donald Trump said he believes '
                             'Afghanistan was '
                             '"a terrible mistake," although he supports keeping troops there now. '
                             "He later denied his opposition in a separate interview.",
                             published="2015-11-27"))
    supports = [e for e in doc.events if e.trigger and e.trigger.text == "supports"]
    assert supports and all(e.status != "denied" for e in supports)


def test_a_headline_naming_a_report_and_a_colon_attributes_to_the_report(analyse):
    doc = analyse("GOP report: Obama admin worked to allow Iran to exchange billions to bypass "
                  "sanctions\nSenate Republicans on Wednesday released the report.")
    att = _find(doc, ":")
    assert att.source is not None and att.source.text == "GOP report"
    assert att.content.text.startswith("Obama admin worked")
    _check_offsets(doc)
    # a credit line is no source
    doc = analyse("Note: the talks will resume in Geneva next week.")
    assert not [a for a in doc.attributions if a.cue and a.cue.text == ":"]


def test_an_offer_turned_down_was_still_made(full_pipe):  # type: ignore[no-untyped-def]
    # rejecting an offer is no denial that it was made, and the rejecter is not its source
    doc = full_pipe(Document("Israel rejected a temporary ceasefire offer by four militant "
                             "Palestinian groups to halt their attacks."))
    offer = next(e for e in doc.events if e.trigger is not None and e.trigger.text == "offer")
    assert offer.status == "asserted" and offer.attributed_to is None
    doc = full_pipe(Document("The Kremlin denied that its forces shelled the power plant."))
    assert [e.status for e in doc.events if e.type == "ASSAULT"] == ["denied"]


def test_an_accusation_the_accused_denies_was_still_made(full_pipe):  # type: ignore[no-untyped-def]
    doc = full_pipe(Document("India accuses Pakistan's military intelligence of masterminding "
                             "the assault, but Pakistan denies the allegation."))
    assert [e.status for e in doc.events if e.type == "ACCUSE"] != ["denied"]
