"""Events stage on real-style news sentences: types, actors, status, dates, offsets."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from allegiance.config import Settings
from allegiance.document import Document, Event
from allegiance.events.commands import eval_events
from allegiance.events.dates import normalize_date
from allegiance.events.evaluate import load_gold, plover_view, run_gold, score
from allegiance.events.export import write_events_csv
from allegiance.pipeline import Pipeline, build_pipeline

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
def pipe() -> Pipeline:
    return build_pipeline(Settings(stages=("nlp", "actors", "events")))


@pytest.fixture(scope="module")
def doc(pipe: Pipeline) -> Document:
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


def test_no_event_without_event_language(pipe: Pipeline) -> None:
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


def test_events_csv_places_the_location_in_its_country(place_doc: Document, tmp_path) -> None:
    out = tmp_path / "events.csv"
    write_events_csv([place_doc], out)
    with out.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    located = {r["location"]: r["location_country"] for r in rows if r["location"]}
    assert located.get("Montenegro") == "MNE"
    assert located.get("Cizre") == "TUR"


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


# -- false positives found by hand-judging real news (docs/event-precision.md) ---------------
@pytest.fixture(scope="module")
def pipe3():  # type: ignore[no-untyped-def]
    return build_pipeline(Settings(stages=("nlp", "actors", "events")))


def _run(pipe3, text: str, pub: str | None = "2018-06-01") -> Document:  # type: ignore[no-untyped-def]
    return pipe3(Document(text, published=pub))


@pytest.mark.parametrize("text,typ", [
    # opinion, not a deal
    ("The Secretary of State agrees with Israel that the Palestinians must give up Gaza.",
     "AGREE"),
    # a danger, nobody threatens
    ("Critics say the deal threatens national security.", "THREATEN"),
    ("North Korean missiles now threaten the 80,000 US troops based in Japan.", "THREATEN"),
    # idiom: "seize on" a remark
    ("Democrats seized upon the senator's RT interview, in which he praised Russia.", "COERCE"),
    # admission into a country, not support
    ("The preacher was banned in Pakistan, but the Home Office welcomed him into Britain.",
     "SUPPORT"),
    # "demonstrate that" means show
    ("The United States will take measures to demonstrate to North Korea that there are "
     "consequences.", "PROTEST"),
    # a travel alert to one's own citizens is not a threat
    ("The State Department is warning U.S. citizens in China that a diplomat fell ill.",
     "THREATEN"),
    # a question is not a statement of fact
    ("Why is the British government allowing ISIS fighters to return from Syria and attack "
     "us?", "ASSAULT"),
    # "discussed Iran's breaches": a topic, no meeting with Iran
    ("Before Trump discussed Iran's breaches of the deal, he spoke about the economy.",
     "CONSULT"),
    # natural causes and verbal attacks
    ("An Ebola-like virus kills two people in Uganda.", "ASSAULT"),
    ("He has attacked her over an email chain with a Lebanese developer.", "ASSAULT"),
    ("The pope visited a refugee camp on the Greek island of Lesbos.", "CONSULT"),
    ("The health alert said U.S. citizens in China should consult a medical professional.",
     "CONSULT"),
    ("A former congressman pleaded guilty in 2010 to illegal lobbying for a charity in Sudan.",
     "REQUEST"),
    ("Trump vowed punishment if proof emerges that Saudi rulers sanctioned the journalist's "
     "murder in Turkey.", "SANCTION"),
    ("Many Chinese vehicles fail to meet tough Russian certification standards.", "CONSULT"),
    # after sample 22: a vow to keep an accord threatens nobody; an interviewer's questions
    ("While Hillary Clinton has vowed to honor the Paris agreement, Donald Trump has pledged "
     "to cancel the accord.", "THREATEN"),
    ("Earlier in the interview, Ruhle pressed Flynn on Russia issues, citing reports about "
     "Manafort.", "REQUEST"),
    # after sample 23: a quantity is no deal; a question about someone is no request
    ("My own feeling is that there is a great deal of collusion between the Australian, the "
     "British and the US governments.", "AGREE"),
    ("The second journalist to ask Francis about Barros on the flight was a Chilean woman.",
     "REQUEST"),
    # after sample 24: a name called, a danger, a private trip
    ('Trump called McCain "horrible" for his vote against the measure.', "REQUEST"),
    ("This brutal attack by Donald Trump's top man in London threatens to seriously "
     "destabilise Theresa May.", "THREATEN"),
    ("Monique Dalle, a member of a Parisian congregation, was traveling to Cairo to visit her "
     "daughter Esther.", "CONSULT"),
    ("Democrats cover for their own, ignoring the obvious hypocrisy they demonstrate.",
     "PROTEST"),
    # after sample 26: the idiom of treason, a retort, a verbal attack with no object
    ("There is no telling when the worst consequences of Obama's aid and comfort to the "
     "Islamic Republic of Iran will be felt.", "AID"),
    ("Former Mexican presidents Vicente Fox and Felipe Calderon promptly fired back at Trump "
     "over the proposal.", "ASSAULT"),
    ("However when Biden tried to attack Trump, Japan's sensitivities became collateral "
     "damage.", "ASSAULT"),
    # after sample 29: delegates captured, an aggression targeted by a strategy
    ("Clinton was expected to capture a large majority of them.", "ASSAULT"),
    ("A wider strategy would target Iran's regional aggression by weakening its proxies.",
     "ASSAULT"),
    # after sample 28: a sea that froze, an idea praised
    ("The Baltic froze to such an extent that troops could cross it.", "SANCTION"),
    ("In the name of the transparency so hailed by the Pope, the report must be made public.",
     "SUPPORT"),
    # after sample 25: an attack made of words; a participle after a possessive
    ("Trump has consistently targeted the United States' southern neighbor, calling Mexican "
     "border-crossers \"rapists\" and criminals.", "ASSAULT"),
])

def test_no_false_event(pipe3, text: str, typ: str) -> None:  # type: ignore[no-untyped-def]
    d = _run(pipe3, text)
    assert not [e for e in d.events if e.type == typ], [(e.type, e.trigger) for e in d.events]


def test_deal_name_is_not_a_target(pipe3) -> None:  # type: ignore[no-untyped-def]
    d = _run(pipe3, "Senators like Chuck Schumer, who opposed Obama's Iran deal, may now "
                    "oppose any change.")
    assert not [e for e in d.events if e.target and e.target.code == "IRN"]


def test_object_control_subject_is_the_object(pipe3) -> None:  # type: ignore[no-untyped-def]
    d = _run(pipe3, "Suu Kyi, freed in 2010, personally invited him to visit Burma in 2012.")
    assert not [e for e in d.events if e.source and e.source.text == "Suu Kyi"]


@pytest.mark.parametrize("text,typ,status", [
    # "can't travel ... to meet": no meeting
    ("The CIA director probably can't travel to Brussels to meet other spy chiefs.", "CONSULT",
     "negated"),
    # a relative clause keeps its own tense under a future main clause
    ("Two hosts would blithely sign up with a network that Russia has financed for years.",
     "AID", "asserted"),
    # a temporal clause is a fact even when the main clause is modal
    ("The administration may be reluctant to act while John Kerry negotiates with Russia.",
     "CONSULT", "asserted"),
    # the cost of an invasion is not an invasion
    ("Estimates of the cost of a US invasion of North Korea run to 250,000 casualties.",
     "ASSAULT", "hypothetical"),
    # a supposition
    ("Say Mexico demanded that the United States prove the migrant was Mexican.", "REQUEST",
     "hypothetical"),
    # a capability
    ("North Korea is building missiles so that it is able to hit Japan.", "ASSAULT",
     "hypothetical"),
    # an indictment's charge, with "of" parsed under the accused
    ("The special counsel brought a sweeping indictment accusing Russian military "
     "intelligence officers of hacking Hillary Clinton's campaign.", "COERCE", "reported"),
    # "Neither X nor any other Y had ever ...": no act, in either conjunct
    ("Neither Arbenz nor any other Guatemalan official had ever attacked the United States or "
     "even threatened to do so.", "THREATEN", "negated"),
    ("Neither Arbenz nor any other Guatemalan official had ever attacked the United States.",
     "ASSAULT", "negated"),
    # what is prepared is yet to come ("prepared a list of officials to be assassinated",
    # parsed as a clause)
    ("The CIA prepared a list of Guatemalan officials to be assassinated.\n", "ASSAULT",
     "future"),
    # a purpose; what a call asks for
    ("The Trump administration is taking real actions designed to weaken Russia and force "
     "Putin to change his aggressive behavior.", "COERCE", "hypothetical"),
    ("Some candidates have called for the United States and allies to organize ground forces "
     "to fight the Islamic State in Syria and Iraq.", "ASSAULT", "hypothetical"),
    # after sample 27: a "when" clause is a fact; a promise's bare conjuncts are promised
    ("When Prime Minister Benjamin Netanyahu arrived at the White House on Monday, he and "
     "President Obama had reasons to put the past behind them.", "CONSULT", "asserted"),
    ("Donald Trump is promising to bomb the hell out of Islamic State terrorists, bring back "
     "waterboarding interrogations and deport Syrian refugees.", "COERCE", "future"),
    # after sample 30: a clause of its own keeps its status; what is not allowed is not done;
    # what a report argues is reported
    ("We cannot at this time connect it with what happened in Havana but we are "
     "investigating all possibilities, a US embassy official said.", "ACCUSE", "reported"),
    ("It did not allow Iran to send funds to the US or receive funds from the US.", "AID",
     "negated"),
    ("The Republican report argues that Obama officials were violating sanctions imposed on "
     "Iran.", "REJECT", "reported"),
    # after sample 29: a rescue ordered away is not made; what the blamed did is alleged
    ("It is a scene in which the highest-ranking CIA operative at a secret agency compound "
     "orders his security team to \"stand down\" rather than rush off to rescue U.S. "
     "diplomats under siege.", "AID", "negated"),
    ("For decades, the United States government has blamed the MEK for killing three U.S. "
     "Army colonels, bombing the facilities of numerous U.S. companies and killing innocent "
     "Iranians.", "ASSAULT", "reported"),
    # after sample 28: "were able to" in the past is done; an order to deport is not yet
    ("The Baltic froze so hard that Swedish troops were able to invade Denmark in 1658.",
     "ASSAULT", "asserted"),
    ("A judge ordered the release of an immigrant challenging the Trump administration's "
     "order to deport them.", "COERCE", "hypothetical"),
    # a prediction the writer calls wrong (the act did not happen), a failure to act
    ("Howard Dean wrongly predicted special counsel Robert Mueller would indict Jared "
     "Kushner for money laundering.", "ACCUSE", "negated"),
    ("Howard Dean predicted special counsel Robert Mueller would indict Jared Kushner for "
     "money laundering.", "ACCUSE", "hypothetical"),
    ("The report described Labour's failure to oppose the Iraq war as damaging.", "REJECT",
     "negated"),
    # an open question ("questioned how ... would"), not a plan
    ("Trump questioned how Clinton would negotiate with Russian President Vladimir Putin "
     "after demonizing him.", "CONSULT", "hypothetical"),
    ("The criticism raised questions about how Clinton is going to go back and negotiate with "
     "Putin.", "CONSULT", "hypothetical"),
    # a sentence opened by a channel's account is the channel's, all of it
    ("In RT's coverage, Russia seems to brim with tolerance; and the toll in Syria represents "
     "the many who are caught in the crossfire as the Syrian government battles terrorists.",
     "ASSAULT", "reported"),
])
def test_status_of_embedded_events(pipe3, text: str, typ: str,  # type: ignore[no-untyped-def]
                                   status: str) -> None:
    d = _run(pipe3, text)
    evs = [e for e in d.events if e.type == typ]
    assert evs and all(e.status == status for e in evs), [(e.type, e.status) for e in d.events]


def test_the_accused_hacks_and_a_proposal_is_its_owner_s(pipe3) -> None:  # type: ignore[no-untyped-def]
    d = _run(pipe3, "The special counsel brought a sweeping indictment accusing Russian "
                    "military intelligence officers of hacking Hillary Clinton's campaign.")
    assert [e.source.code for e in d.events if e.type == "COERCE" and e.source] == ["RUSSPY"]
    d = _run(pipe3, "GOP clubs declined to endorse Trump, citing his proposal to ban Muslims "
                    "from entering the United States.")
    assert not [e for e in d.events if e.type == "SANCTION" and e.source
                and "GOP" in e.source.text], [(e.type, e.source) for e in d.events]


def test_a_pronoun_under_a_denial_is_the_denier(pipe3) -> None:  # type: ignore[no-untyped-def]
    d = _run(pipe3, "The Cuban government continues to deny they attacked U.S. diplomats with "
                    "a sonic weapon.")
    (ev,) = [e for e in d.events if e.type == "ASSAULT"]
    assert ev.source is not None and ev.source.code == "CUBGOV" and ev.status == "denied"


def test_missile_test_is_mobilize(pipe3) -> None:  # type: ignore[no-untyped-def]
    d = _run(pipe3, "Pyongyang fired three missiles into the sea on Monday. Last week North "
                    "Korea test fired a new missile.")
    assert [e.type for e in d.events] == ["MOBILIZE", "MOBILIZE"]


def test_domestic_target_coded(pipe3) -> None:  # type: ignore[no-untyped-def]
    d = _run(pipe3, "Ugandan police arrested opposition leader Kizza Besigye on Monday.")
    ev = [e for e in d.events if e.type == "COERCE"]
    assert ev and ev[0].target is not None and ev[0].target.code == "UGAOPP"
    # a named foreigner in a sentence naming two states keeps no guessed nationality
    d = _run(pipe3, "Russian police arrested journalist Evan Smith, a US citizen, in Moscow.")
    assert all(e.target is None or e.target.code != "RUSJRN" for e in d.events)


def test_office_holders_of_past_decades(pipe3) -> None:  # type: ignore[no-untyped-def]
    d = _run(pipe3, "President Omar Hassan al-Bashir shortened the curfew on Thursday.",
             pub="1989-07-14")
    assert any(a.code == "SDNGOV" for a in d.actors)
    d = _run(pipe3, "Opposition groups in Zimbabwe demanded that President Mugabe abandon "
                    "land seizures.", pub="2001-05-01")
    ev = [e for e in d.events if e.type == "REQUEST"]
    assert ev and ev[0].target is not None and ev[0].target.code == "ZWEGOV"


def test_weapons_sent_to_a_state_are_aid(pipe: Pipeline) -> None:
    doc = pipe(Document(text="The United States will send additional air-defence batteries to "
                             "Saudi Arabia. Russia sent troops to the border.",
                        published="2024-01-24"))
    aid = _events(doc, "AID")
    assert [(e.source.code if e.source else None, e.target.code if e.target else None,
             e.status) for e in aid] == [("USA", "SAU", "future")]
    assert not _events(doc, "AID")[0].sentence.text.startswith("Russia")
    assert [e.source.code for e in _events(doc, "MOBILIZE") if e.source] == ["RUS"]


PLACE_TEXT = (
    "Serbia lifted a night curfew in Montenegro on Sunday. "
    "Turkish authorities have imposed a curfew in the town of Cizre after a demonstration. "
    "Young Algerians blocked roads leading to the city centre on Sunday. "
    "A man was arrested in Ohio on Friday. "
    "Syrian troops shelled positions in Tripoli, the north Lebanese port."
)


@pytest.fixture(scope="module")
def place_doc(pipe: Pipeline) -> Document:
    return pipe(Document(PLACE_TEXT, published="2021-11-25"))


def _in_sentence(doc: Document, words: str) -> list[Event]:
    return [e for e in doc.events if words in doc.text[e.sentence.start:e.sentence.end]]


def test_place_of_a_targetless_act_is_its_target(place_doc: Document) -> None:
    (lifted,) = _in_sentence(place_doc, "night curfew")
    assert (lifted.source and lifted.source.code, lifted.type) == ("SRB", "CONCEDE")
    assert lifted.target is not None and lifted.target.code == "MNE"
    assert lifted.target.text == "Montenegro"


def test_domestic_act_in_a_city_the_gazetteer_knows(place_doc: Document) -> None:
    curfew = [e for e in _in_sentence(place_doc, "Cizre") if e.type == "COERCE"]
    assert curfew and curfew[0].source is not None and curfew[0].source.code == "TURGOV"
    assert curfew[0].target is not None and curfew[0].target.code == "TUR"
    assert curfew[0].target.text == "Cizre"


def test_protest_without_addressee_is_domestic(place_doc: Document) -> None:
    (protest,) = [e for e in _in_sentence(place_doc, "Young Algerians") if e.type == "PROTEST"]
    assert protest.source is not None and protest.source.code == "DZA"
    assert protest.target is not None and protest.target.code == "DZA"


def test_passive_without_doer_is_not_coded_by_its_place(place_doc: Document) -> None:
    assert not [e for e in _in_sentence(place_doc, "arrested in Ohio")
                if e.source is not None and e.source.code]


def test_ambiguous_city_goes_to_the_country_the_sentence_names(place_doc: Document) -> None:
    from allegiance.actors.places import country_of_place

    assert country_of_place("Tripoli") == "LBY"  # the most populous of that name
    assert country_of_place("Tripoli", {"LBN"}) == "LBN"
    assert country_of_place("Goražde") == country_of_place("Gorazde") == "BIH"
    assert country_of_place("the Reading") is None  # a common word, not a place
    assert country_of_place("Washington", {"GBR"}, min_share=0.15) == "USA"
    ended = [e for e in _in_sentence(place_doc, "Tripoli") if e.source and e.source.code]
    assert ended and all(e.target is not None and e.target.code == "LBN" for e in ended)


def test_orders_coerce_others_and_move_own_forces(pipe: Pipeline) -> None:
    doc = pipe(Document("Nicaragua's government ordered the opposition newspaper La Prensa to "
                        "suspend publication. Putin ordered troops to withdraw from the "
                        "Ukrainian border.", published="2021-11-25"))
    (coerce,) = [e for e in doc.events if e.type == "COERCE"]
    assert coerce.source is not None and coerce.source.code == "NICGOV"
    assert coerce.target is not None and coerce.target.text.endswith("La Prensa")
    assert coerce.target.code is not None and coerce.target.code.startswith("NIC")
    (retreat,) = [e for e in doc.events if e.type == "RETREAT"]
    assert retreat.source is not None and retreat.source.code == "RUSGOV"
    assert retreat.status == "future"  # ordered, not yet done


def test_blamed_party_is_the_doer_and_figures_of_speech_are_not_attacks(pipe: Pipeline) -> None:
    doc = pipe(Document(
        "Mr. Putin lashed out at Turkey for having shot down a Russian bomber. "
        "The indictment accused Russian military intelligence officers of hacking Hillary "
        "Clinton's campaign. The U.S. bankrupts itself fighting against the rise of Russia "
        "and China. Trump renewed his attacks on McCain. Ukraine fought Russia for three "
        "days. All told, Mueller charged 34 people.", published="2019-03-25"))
    (shot,) = [e for e in doc.events if e.trigger and e.trigger.text == "shot"]
    assert shot.source is not None and shot.source.code == "TUR"
    (hack,) = [e for e in doc.events if e.trigger and e.trigger.text == "hacking"]
    assert hack.source is not None and hack.source.code == "RUSSPY"
    assert hack.status == "reported"  # an accusation, not a fact
    assert not [e for e in doc.events if e.trigger and e.trigger.text in ("fighting", "renewed")]
    (fought,) = [e for e in doc.events if e.trigger and e.trigger.text == "fought"]
    assert (fought.source and fought.source.code, fought.target and fought.target.code) == (
        "UKR", "RUS")
    (charged,) = [e for e in doc.events if e.trigger and e.trigger.text == "charged"]
    assert charged.status == "asserted"  # "All told" reports nothing


def test_a_protest_and_its_demand_are_one_event(pipe: Pipeline) -> None:
    doc = pipe(Document("Tens of thousands of students throughout Indonesia staged mass "
                        "demonstrations to demand reforms by President Suharto's government.",
                        published="1998-05-20"))
    assert [e.type for e in doc.events] == ["PROTEST"]
    assert doc.events[0].source is not None and doc.events[0].source.code.startswith("IDN")


def test_target_named_down_the_object_phrase(pipe: Pipeline) -> None:
    doc = pipe(Document("Italy announced a suspension of air links with Serbia on Wednesday. "
                        "Britain mobilized army reservists for a possible war against Iraq. "
                        "The five adults, including a Haitian woman, were arrested by the FBI. "
                        "He pulled out of a hat some phony indictments of some Russians.",
                        published="2003-01-07"))
    pairs = {(e.source.code if e.source else None, e.type, e.target.code if e.target else None)
             for e in doc.events}
    assert ("ITA", "SANCTION", "SRB") in pairs
    assert ("GBR", "MOBILIZE", "IRQ") in pairs
    assert not any(t == "HTI" for _, _, t in pairs)  # one Haitian woman is not Haiti
    assert not any(typ == "RETREAT" for _, typ, _ in pairs)  # an idiom


def test_led_coalitions_act_for_their_leader_backed_forces_do_not(pipe: Pipeline) -> None:
    doc = pipe(Document("The Saudi-led coalition bombed Sanaa. Vietnamese-led forces retook a "
                        "village in Western Cambodia. US-backed forces captured Raqqa.",
                        published="2017-10-20"))
    codes = {a.name: a.code for a in doc.actors}
    assert any(m.text == "Saudi-led coalition" for a in doc.actors for m in a.mentions
               if a.code == "SAU")
    assert "VNMMIL" in codes.values()
    (bombed,) = [e for e in doc.events if e.trigger and e.trigger.text == "bombed"]
    assert bombed.source is not None and bombed.source.code == "SAU"
    assert bombed.target is not None and bombed.target.code == "YEMGOV"
    captured = [e for e in doc.events if e.trigger and e.trigger.text == "captured"]
    assert all(e.source is None or e.source.code != "USA" for e in captured)


def test_permission_target_and_participle_subject(pipe: Pipeline) -> None:
    doc = pipe(Document("The Ivory Coast's Supreme Court decided to allow candidate Alassane "
                        "Ouattara to participate in the elections. The Red Cross operating in "
                        "Iraq said US and British forces must ensure security.",
                        published="2010-10-01"))
    (allow,) = [e for e in doc.events if e.type == "CONCEDE"]
    assert allow.source is not None and allow.source.code == "CIVJUD"
    assert allow.target is not None and allow.target.text.endswith("Ouattara")
    requests = [e for e in doc.events if e.type == "REQUEST"]
    assert {e.target.code for e in requests if e.target} == {"USAMIL", "GBRMIL"}
    assert all(e.source is not None and e.source.text == "Red Cross" for e in requests)


def test_targeting_elaborates_the_main_act(pipe: Pipeline) -> None:
    doc = pipe(Document("The United States imposed new sanctions on Iran on Tuesday, targeting "
                        "six companies. Israel launched strikes targeting Hamas positions.",
                        published="2024-01-09"))
    assert [e.type for e in doc.events if e.source and e.source.code == "USA"] == ["SANCTION"]
    (strike,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert strike.source is not None and strike.source.code == "ISR"
    assert strike.target is not None and strike.target.code == "PSEHAM"


def test_definite_event_nouns_are_presupposed_possible_ones_are_not(pipe: Pipeline) -> None:
    doc = pipe(Document("Trump called on Jeff Sessions to shut down Robert Mueller's "
                        "investigation into Russian interference. Analysts fear a possible "
                        "Chinese invasion of Taiwan.", published="2018-08-01"))
    (probe,) = [e for e in doc.events if e.trigger and e.trigger.text == "investigation"]
    assert probe.status == "asserted"
    (invasion,) = [e for e in doc.events if e.trigger and e.trigger.text == "invasion"]
    assert invasion.status == "hypothetical"


def test_warning_against_an_idea_threatens_nobody(pipe: Pipeline) -> None:
    doc = pipe(Document("Turkey warned against an independent Kurdistan. Russia warned the "
                        "United States that any strike on Syria would have consequences.",
                        published="2017-09-20"))
    threats = [e for e in doc.events if e.type == "THREATEN"]
    assert [(e.source.code if e.source else None, e.target.code if e.target else None)
            for e in threats] == [("RUS", "USA")]


def test_words_retorts_alerts_and_datelines_are_not_acts(pipe: Pipeline) -> None:
    doc = pipe(Document(
        "Mexico City (AFP) - A billionaire clashed with a famous TV journalist. "
        "Donald Trump attacked a federal judge on Monday. Trump shot back that the journalist "
        "had not been called on. The US has warned its citizens in China to be vigilant. "
        "Israeli jets struck back at Hamas positions.", published="2016-04-12"))
    kinds = [(e.type, e.source.code if e.source else None) for e in doc.events]
    assert kinds == [("ASSAULT", "ISRMIL")]


PETR = DATA / "events" / "universalpetrarch_validation"


def test_petrarch_validation_records_map_cameo_to_plover() -> None:
    if not (PETR / "PETR2_GSR_validation.xml").is_file() or not GSR.is_dir():
        pytest.skip("UniversalPetrarch validation data not available")
    from allegiance.events.petrarch import gold_sets, load_cameo_map, load_validation

    cameo = load_cameo_map(GSR / "CAMEO2PLOVER-2021.txt")
    assert cameo["042"] == "CONSULT" and cameo["19"] == "ASSAULT"
    recs = load_validation(PETR, cameo)
    assert len(recs) == 78
    first = recs[0]
    assert first["date"] == "2008-08-04" and first["text"].startswith("The stopover came")
    assert gold_sets(first)[1] == {("USA", "CONSULT", "CHN")}
    # a statement (CAMEO 01x) is no PLOVER event: such records count as stating none
    assert any(not r["codings"] for r in recs)


def test_new_triggers_ratify_fire_at_engage_release(pipe: Pipeline) -> None:
    doc = pipe(Document("Ukraine ratified an agreement with the European Union. The United "
                        "States fired anti-aircraft batteries at Russia. Syrian rebels engaged "
                        "Filipino peacekeepers in a firefight. Israel released the mayor of "
                        "Nablus. Iraq's national security adviser met Syrian President Bashar "
                        "Assad.", published="2014-09-16"))
    got = {(e.source.code if e.source else None, e.type, e.target.code if e.target else None)
           for e in doc.events}
    assert {("UKR", "SUPPORT", "IGOEU"), ("USA", "ASSAULT", "RUS"),
            ("SYRREB", "ASSAULT", "PHL"), ("IRQGOV", "CONSULT", "SYRGOV")} <= got
    assert any(s == "ISR" and t == "RETREAT" for s, t, _ in got)


def test_exercises_alone_mobilize_together_cooperate(pipe: Pipeline) -> None:
    doc = pipe(Document("Russia is conducting military exercises in Alaska. Russia held "
                        "military exercises with Belarus.", published="2021-09-10"))
    got = [(e.type, e.target.code if e.target else None) for e in doc.events]
    assert ("MOBILIZE", "USA") in got and ("COOPERATE", "BLR") in got


def test_raising_verb_lends_its_subject(pipe: Pipeline) -> None:
    doc = pipe(Document("Obama is scheduled to attend a summit in Switzerland.",
                        published="2015-03-01"))
    (summit,) = [e for e in doc.events if e.type == "CONSULT"]
    assert summit.source is not None and summit.source.code == "USAGOV"
    assert summit.status == "future"


def test_speakers_own_forces_and_their_victims_place(pipe: Pipeline) -> None:
    doc = pipe(Document("Iran said its forces attacked Kurdish positions in Iraq. Cruz "
                        "attacked her position on trade.", published="2018-09-08"))
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert attack.source is not None and attack.source.code == "IRNMIL"
    assert attack.target is not None and attack.target.code == "IRQ"
    assert attack.status == "reported"


def test_cities_as_targets_stand_for_their_state(pipe: Pipeline) -> None:
    doc = pipe(Document("Syrian jets bombed Aleppo. Russian missiles hit Kharkiv overnight. "
                        "Activist Angela Davis talks to DuVernay about mass incarceration.",
                        published="2022-05-01"))
    got = {(e.type, e.target.code if e.target else None, e.target.text if e.target else None)
           for e in doc.events}
    assert ("ASSAULT", "SYR", "Aleppo") in got and ("ASSAULT", "UKR", "Kharkiv") in got
    assert not any(t == "DuVernay" and code for _, code, t in got)  # a person, not a town


def test_languages_consequences_requests_and_travellers(pipe: Pipeline) -> None:
    doc = pipe(Document(
        "Russia's English-language satellite network complained on Monday. French President "
        "Emmanuel Macron has warned that if MPs vote the deal down, the UK will leave without "
        "a deal. More than 40,000 Iranians visited Serbia. Russia warned Saudi rulers could "
        "face punishment.", published="2019-01-10"))
    got = [(e.source.code if e.source else None, e.type, e.target.code if e.target else None,
            e.status) for e in doc.events]
    assert ("RUS", "THREATEN", "SAUGOV", "asserted") in got  # "Saudi rulers"
    assert not any(s == "GBR" for s, *_ in got)  # "English-language" is no Britain
    assert not any(t == "THREATEN" and s == "FRAGOV" for s, t, *_ in got)
    assert not any(t == "CONSULT" for _, t, *_ in got)


def test_annexation_interception_training_and_prisoner_swaps(pipe: Pipeline) -> None:
    doc = pipe(Document("Russia annexed Crimea in 2014. Iran intercepted a British tanker in "
                        "the Gulf. The US trained Ukrainian soldiers. Israel and Hamas "
                        "exchanged prisoners. He returned home on Friday.",
                        published="2019-07-20"))
    got = {(e.source.code if e.source else None, e.type) for e in doc.events}
    assert {("RUS", "COERCE"), ("IRN", "COERCE"), ("USA", "AID"), ("ISR", "RETREAT"),
            ("PSEHAM", "RETREAT")} <= got
    assert len([e for e in doc.events if e.trigger and e.trigger.text == "returned"]) == 0


def _triples(pipe: Pipeline, text: str, date: str) -> set[tuple[str | None, str, str | None]]:
    from allegiance.events.evaluate import _country, plover_view

    doc = pipe(Document(text, published=date))
    return {(_country(e.source.code) if e.source else None, t,
             _country(e.target.code) if e.target else None)
            for e in doc.events if (t := plover_view(e))}


@pytest.mark.parametrize("text,date,want,unwanted", [
    # a bloc one leaves is no retreat from a place
    ("Mali, Burkina Faso and Niger announced their withdrawal from the ECOWAS regional bloc.",
     "2024-01-29", ("MLI", "SANCTION", "IGO"), ("MLI", "RETREAT", "IGO")),
    # an expulsion by order
    ("Mali ordered the UN peacekeeping mission to leave the country.", "2023-06-16",
     ("MLI", "SANCTION", "IGO"), ("MLI", "REQUEST", "IGO")),
    # a threat answers the doer of its condition
    ("Trump threatened to impose tariffs on all Mexican imports unless Mexico stopped the flow "
     "of migrants.", "2019-05-31", ("USA", "THREATEN", "MEX"), ("MEX", "REJECT", None)),
    # pro- adjectives name no state; the protest is where it happens
    ("Pro-Palestinian demonstrators rallied outside the Israeli embassy in London on Sunday.",
     "2024-01-14", ("GBR", "PROTEST", "ISR"), ("PSE", "PROTEST", "ISR")),
    # a body is placed by its base
    ("A Pakistan-based militant group attacked Indian troops in Kashmir.", "2019-02-14",
     ("PAK", "ASSAULT", "IND"), (None, "ASSAULT", "IND")),
    # "the West Bank" is no "the West"
    ("Israeli troops withdrew from the West Bank town of Jenin on Monday.", "1995-11-13",
     ("ISR", "RETREAT", "PSE"), ("ISR", "RETREAT", "GRP")),
    # forces preparing an attack mobilise (PLOVER), they do not threaten
    ("The Macedonian army prepared to resume shelling Albanian rebel-held territory.",
     "2001-06-20", ("MKD", "MOBILIZE", "ALB"), ("MKD", "THREATEN", "ALB")),
    # violence by protesters is a violent protest
    ("South Korean students clashed with riot police in Seoul during a protest against the "
     "government.", "1996-08-15", ("KOR", "PROTEST", "KOR"), ("KOR", "ASSAULT", None)),
    # the doer's own people: a domestic act
    ("Uganda lifted its ban on opposition rallies.", "2024-01-01",
     ("UGA", "CONCEDE", "UGA"), ("UGA", "CONCEDE", None)),
    # not expected to sign: no refusal
    ("Saudi Arabia and Israel are not expected to sign a normalisation deal this year.",
     "2023-09-20", None, ("SAU", "REJECT", None)),
    # an infinitive set off by "on Monday" still completes "urged": a request, not an act
    ("The United States urged North Korea on Monday to allow international inspectors to "
     "visit two suspected nuclear waste sites.", "1993-03-01",
     ("USA", "REQUEST", "PRK"), ("USA", "RETREAT", "IGO")),
    # a threat to stop cooperating is aimed at the partner
    ("Iraq threatened on Tuesday to stop cooperating with United Nations arms inspectors.",
     "1997-10-28", ("IRQ", "THREATEN", "IGO"), ("IRQ", "REJECT", "IGO")),
    # "the guerrillas" are the armed group just named
    ("Israeli warplanes bombed Hezbollah positions in southern Lebanon on Thursday, a day "
     "after the guerrillas killed two Israeli soldiers.", "1997-09-04",
     ("LBN", "ASSAULT", "ISR"), (None, "ASSAULT", "ISR")),
    # a ban on flights or imports from abroad is a sanction, not domestic coercion
    ("The European Union banned flights by Yugoslav airlines to its member states.",
     "1999-08-16", ("IGO", "SANCTION", "SRB"), ("IGO", "COERCE", "SRB")),
    # every envoy of a list
    ("Envoys from Britain, France and Germany held talks with Iranian officials in Tehran.",
     "2003-10-21", ("DEU", "CONSULT", "IRN"), ("DEU", "CONSULT", None)),
    # the beneficiary of support named after an adjunct, not the party inside its aim
    ("The Arab League expressed support on Sunday for Syria's demand for a full Israeli "
     "withdrawal from the Golan Heights.", "1996-06-23",
     ("IGO", "SUPPORT", "SYR"), ("IGO", "SUPPORT", "ISR")),
    # addressees placed by their state
    ("The Organization of African Unity appealed to the warring factions in Liberia on Friday "
     "to respect a ceasefire.", "1996-04-19", ("IGO", "REQUEST", "LBR"), ("IGO", "REQUEST", None)),
    # readiness answers the foreign doer of what prompted it
    ("Greece put its armed forces on alert on Tuesday after Turkish commandos landed on a "
     "disputed islet in the Aegean.", "1996-01-30",
     ("GRC", "MOBILIZE", "TUR"), ("GRC", "MOBILIZE", None)),
    # one protest, aimed where the first verb says, not a second one at home
    ("Iraqi protesters stormed the Swedish embassy in Baghdad and set it on fire.", "2023-07-20",
     ("IRQ", "PROTEST", "SWE"), ("IRQ", "PROTEST", "IRQ")),
    # a sentence the parser reads as a noun phrase still has its protesters
    ("Several hundred students protested outside the U.S. embassy in Beijing on Sunday.",
     "1999-05-09", ("CHN", "PROTEST", "USA"), (None, "PROTEST", "USA")),
    # a host meets a visitor (a participle parsed as a complement)
    ("Japanese Prime Minister Ryutaro Hashimoto warmly welcomed visiting Chinese Premier Li "
     "Peng in Tokyo on Monday.", "1997-11-11",
     ("JPN", "CONSULT", "CHN"), ("JPN", "SUPPORT", "JPN")),
    # forces pulled out of a place: the place is the target
    ("Vietnam began pulling its troops out of Cambodia on Tuesday.", "1989-09-19",
     ("VNM", "RETREAT", "KHM"), ("VNM", "RETREAT", None)),
    # a demand told to someone, the pronoun subject is the one told
    ("The British foreign secretary told Indonesian President Suharto that he must allow "
     "observers into East Timor.", "1997-01-20",
     ("GBR", "REQUEST", "IDN"), ("GBR", "REQUEST", None)),
    # a subjunctive that-clause after "insisted" is a demand
    ("The Colombian government insisted that the FARC rebels release all their hostages.",
     "2001-06-10", ("COL", "REQUEST", "COL"), ("COL", "REQUEST", None)),
    # reduced aid is a sanction
    ("The World Food Programme reduced food aid to Ethiopia on Friday.", "2000-06-02",
     ("IGO", "SANCTION", "ETH"), ("IGO", "AID", "ETH")),
    # arson by people is coercion; by an attack, an assault
    ("Israeli settlers set fire to Palestinian cars near Hebron.", "2002-10-20",
     ("ISR", "COERCE", "PSE"), ("ISR", "ASSAULT", "PSE")),
    # the accuser named in a passive is a rights group (NGO, scored as IGO)
    ("Indonesian troops were accused by human rights groups of burning villages in East Timor.",
     "1999-09-10", ("IGO", "ACCUSE", "IDN"), ("IDN", "ACCUSE", "IGO")),
    # inspectors sent are an investigation, not aid
    ("The IAEA sent a team of inspectors to North Korea on Sunday.", "1994-03-01",
     ("IGO", "ACCUSE", "PRK"), ("IGO", "AID", "PRK")),
    # "the government" of a one-state story is that state's
    ("The Zambian opposition threatened to boycott the elections if the government did not "
     "revise the constitution.", "1996-07-10",
     ("ZMB", "THREATEN", "ZMB"), ("ZMB", "THREATEN", None)),
    # talks named in an adjunct belong to the clause's subject
    ("Germany voiced support for Poland's bid during talks with Polish Prime Minister Jerzy "
     "Buzek in Bonn.", "1998-03-05", ("DEU", "CONSULT", "POL"), (None, "CONSULT", "POL")),
    # "is opposed to" is a rejection
    ("Russia is opposed to NATO expansion, the Russian foreign minister said.", "1997-02-10",
     ("RUS", "REJECT", "IGO"), ("IGO", "REJECT", "RUS")),
    # a refused reply rejects whoever made the demand
    ("Jordan refused to respond to a demand from the United States to expel Iraqi diplomats.",
     "2003-03-20", ("JOR", "REJECT", "USA"), ("JOR", "SANCTION", "IRQ")),
    # the purpose of a sit-in places the crowd where the sit-in is
    ("Hundreds of students staged a sit-in outside the British embassy in Nairobi to protest "
     "against British arms sales.", "1998-03-12",
     ("KEN", "PROTEST", "GBR"), (None, "PROTEST", "GBR")),
    # a language is not its state
    ("Latvia lifted restrictions on the use of the Russian language on television.", "2003-05-10",
     None, ("LVA", "CONCEDE", "RUS")),
    # "him" is the one the first verb acted on
    ("The EU froze the assets of Belarusian President Alexander Lukashenko and banned him from "
     "entering its territory.", "2006-04-10", ("IGO", "SANCTION", "BLR"), ("IGO", "COERCE", None)),
    # detained members of an uncoded movement in a one-state story: that state's people
    ("Uzbek police detained more than 40 members of Hizb ut-Tahrir in Tashkent.",
     "1999-03-01", ("UZB", "COERCE", "UZB"), ("UZB", "COERCE", None)),
    # a complaint heard by the UN is about the state it names
    ("Iran complained to the Security Council about Iraq's use of chemical weapons.",
     "1986-03-01", ("IRN", "ACCUSE", "IRQ"), ("IRN", "ACCUSE", "IGO")),
    # arms seized from a group are taken from it; Darfur is in Sudan
    ("Sudanese police confiscated weapons from Darfur rebels on Monday.", "2005-04-11",
     ("SDN", "COERCE", "SDN"), ("SDN", "COERCE", None)),
    # an object misparsed as the subject of a reduced relative ("fishermen detained ...")
    ("Iran freed 11 Kuwaiti fishermen detained last month for entering its waters.",
     "1999-08-10", ("IRN", "RETREAT", "KWT"), ("KWT", "COERCE", None)),
    # "North and South Korea": both states act
    ("North and South Korea agreed on Friday to reopen a liaison office.", "2000-07-31",
     ("PRK", "AGREE", None), ("KOR", "AGREE", "PRK")),
    # a helper named with "with ... help" is a partner, not a target
    ("NATO said it would tighten the naval blockade of Serbia with Albania's help.",
     "1999-05-01", ("IGO", "THREATEN", "SRB"), ("IGO", "THREATEN", "ALB")),
    # a state's own bodies placed by it; Northern Ireland is in the United Kingdom
    ("Authorities in Croatia cracked down on Serbian nationalists.", "1990-05-01",
     ("HRV", "COERCE", "SRB"), (None, "COERCE", "SRB")),
    ("The British government banned a Protestant paramilitary group in Northern Ireland.",
     "1992-08-10", None, ("GBR", "COERCE", "IRL")),
    # a judge's investigation of a state's officials is domestic
    ("Judge Alejandro Rivera opened fraud investigations against 28 Chilean officials.",
     "1999-05-01", ("CHL", "ACCUSE", "CHL"), (None, "ACCUSE", "CHL")),
    # an effort named by its act, carried by a light verb
    ("Egypt's foreign minister undertook a mediation mission between Syria and Jordan.",
     "1990-05-01", ("EGY", "CONSULT", "SYR"), ("EGY", "CONSULT", None)),
    # "were engaged in": a passive form, an active doer
    ("Iraqi troops were engaged in heavy fighting with Kurdish rebels.", "1991-03-20",
     ("IRQ", "ASSAULT", "IRQ"), (None, "ASSAULT", "IRQ")),
    # withdrawn inspectors reduce cooperation (a future one is a threat)
    ("Annan announced that he will withdraw weapons inspectors from Iraq.", "1998-12-16",
     ("IGO", "THREATEN", "IRQ"), ("IGO", "AGREE", "IRQ")),
    # peacekeepers sent are aid; refusing them is a rejection
    ("Pakistan has refused to deploy peacekeepers in Iraq.", "2003-07-14",
     ("PAK", "REJECT", "IRQ"), ("PAK", "MOBILIZE", "IRQ")),
    # "in protest at" is a motive, not a second act
    ("Egypt recalled its ambassador from Israel in protest at the Israeli offensive.",
     "2000-11-21", ("EGY", "SANCTION", "ISR"), ("EGY", "ACCUSE", "ISR")),
    # an unnamed crowd is placed where it protests; "in defiance of" names whom it defies
    ("Thousands of people blocked streets in Seoul in defiance of the South Korean government.",
     "1987-06-20", ("KOR", "PROTEST", "KOR"), (None, "PROTEST", "KOR")),
    # demonstrators placed by their own words; the aim they show
    ("Demonstrators in Cairo blocked a road to show their anger at Israel's policies.",
     "2002-04-05", ("EGY", "PROTEST", "ISR"), (None, "PROTEST", "ISR")),
    # "legislative attacks" are words, not force
    ("Republicans in Congress will continue their legislative attacks.", "2016-09-08",
     None, ("USA", "THREATEN", "USA")),
    # readiness to impose martial law threatens the state's own people
    ("Thailand's government said it is prepared to impose martial law in Bangkok.",
     "2010-04-08", ("THA", "THREATEN", "THA"), ("THA", "THREATEN", None)),
    # a state of emergency is coercion; denied entry is a rejection
    ("Pakistan declared a state of emergency on Saturday.", "2007-11-03",
     ("PAK", "COERCE", "PAK"), ("PAK", "COERCE", None)),
    ("Israel denied entry to a UN fact-finding team.", "2002-04-30",
     ("ISR", "REJECT", "IGO"), ("ISR", "REJECT", None)),
    # a demanded meeting of a body addresses that body; its purpose is no refusal
    ("Pakistan demanded a meeting of the UN Security Council to discuss Kashmir.",
     "1999-06-01", ("PAK", "REQUEST", "IGO"), ("PAK", "REQUEST", None)),
    # what an admission would admit is not stated as fact
    ("Poland demanded an admission by Moscow that Soviet forces murdered Polish officers.",
     "1990-03-01", ("POL", "REQUEST", "RUS"), ("RUS", "ASSAULT", "POL")),
    # killed by a bomb: the unnamed bomber is coded by the place of the attack
    ("Three US servicemen were killed by a roadside bomb outside of the Iraqi city of Basra.",
     "2006-05-01", ("IRQ", "ASSAULT", "USA"), (None, "ASSAULT", "USA")),
    # a place of a state that split off later belongs to the older state at the time
    ("Sudanese rebels shelled the southern regional capital Juba on Sunday.", "1988-03-01",
     ("SDN", "ASSAULT", "SDN"), ("SDN", "ASSAULT", "SSD")),
    # the act closes a list of objects; "Kampuchean" is Cambodia's old demonym
    ("Vietnamese forces launched artillery, mortar and rocket fire against Kampuchean "
     "guerrilla camps.", "1985-01-01", ("VNM", "ASSAULT", "KHM"), ("VNM", "ASSAULT", None)),
    # the people counted in "thousands of ..." hold the rally its infinitive names
    ("Thousands of Kenyans were converging on Nairobi for a rally to protest the election.",
     "2008-01-03", ("KEN", "PROTEST", "KEN"), (None, "PROTEST", "KEN")),
    # restrictions on another state's goods are a sanction; a planned one a threat
    ("The United States imposed restrictions on Chinese chip exports.", "2022-10-07",
     ("USA", "SANCTION", "CHN"), ("USA", "SANCTION", None)),
    ("Greece plans to impose restrictions on Albanian imports.", "2004-04-01",
     ("GRC", "THREATEN", "ALB"), ("GRC", "SANCTION", "ALB")),
    # a state training its own hackers readies a force; training another's troops is aid
    ("North Korea has trained more than 500 computer hackers.", "2004-10-04",
     ("PRK", "MOBILIZE", None), ("PRK", "AID", None)),
    # a warned military operation threatens its target
    ("Turkey warned that it would launch a military operation against Kurdish fighters in "
     "northern Syria.", "2019-10-06", ("TUR", "THREATEN", "SYR"), ("TUR", "ASSAULT", "SYR")),
    # "its embassy" in a clause after the main one is the main subject's
    ("Saudi Arabia cut ties with Iran after protesters stormed its embassy in Tehran.",
     "2016-01-03", ("IRN", "PROTEST", "SAU"), ("IRN", "PROTEST", "IRN")),
    # an investigation into crimes committed by a force is aimed at that force
    ("Serbian military police launched an investigation into alleged crimes committed by "
     "Croat forces.", "2005-01-01", ("SRB", "ACCUSE", "HRV"), ("SRB", "ACCUSE", None)),
    # the clause of an insisted demand names whom it is made of
    ("The rebels insisted on their demands that Burundi's government free all political prisoners.",
     "2000-01-01", ("BDI", "REQUEST", "BDI"), ("BDI", "RETREAT", None)),
    # "will not tolerate" attacks is a threat to their doers
    ("Egypt warned that it would not tolerate Israeli attacks on Gaza.", "2008-12-28",
     ("EGY", "THREATEN", "ISR"), ("ISR", "ASSAULT", "PSE")),
    # a movement's wing is the movement; what it refused to allow is not a separate refusal
    ("The UNITA militarist wing refused to allow United Nations planes to land and evacuate "
     "its observers.", "1998-12-30", ("AGO", "REJECT", "IGO"), ("IGO", "REJECT", None)),
    # while Kinshasa's state was called Zaire, a bare "Congo" was Brazzaville's
    ("Pakistan threatened to break off diplomatic relations with Congo.", "1988-06-01",
     ("PAK", "THREATEN", "COG"), ("PAK", "THREATEN", "COD")),
    ("Rwanda sent troops into Congo.", "2005-01-01", ("RWA", "MOBILIZE", "COD"),
     ("RWA", "MOBILIZE", "COG")),
    # peacekeepers arriving are aid, not a deployment against the host
    ("The first contingent of Indian peacekeeping troops arrived in South Sudan on Tuesday.",
     "2016-08-02", ("IND", "AID", "SSD"), ("IND", "MOBILIZE", "SSD")),
    # a force serves the place it is in
    ("Nigeria is ready to contribute 1,000 troops to an international peacekeeping force in "
     "Mali.", "2013-05-01", ("NGA", "AGREE", "MLI"), ("NGA", "AGREE", None)),
    # a purpose is carried out where its doers are sent
    ("The European Union sent a team to Libya to investigate the shooting.", "2021-01-01",
     ("IGO", "ACCUSE", "LBY"), ("IGO", "ACCUSE", None)),
    # where a when-clause places an attack
    ("Taliban suicide bombers killed 12 people when they blew themselves up in Kabul.",
     "2010-01-01", ("AFG", "ASSAULT", "AFG"), ("AFG", "ASSAULT", None)),
    # "the capital Mogadishu": the place noun's name
    ("Islamist militants exploded a car bomb in the capital Mogadishu.", "2009-01-01",
     ("SOM", "ASSAULT", "SOM"), ("SOM", "ASSAULT", None)),
    # mobilising supporters calls up no force
    ("Iran mobilized its supporters in Iraq to oppose the election.", "2019-01-01",
     None, ("IRN", "MOBILIZE", "IRQ")),
    # troops sent to help defend a state are military aid; an offer of it is no threat
    ("Turkey is willing to send troops to help defend Qatar.", "2017-06-10",
     ("TUR", "AGREE", "QAT"), ("TUR", "THREATEN", None)),
    ("The United States sent 300 soldiers to help the Iraqi army fight the Islamic State.",
     "2014-09-01", ("USA", "AID", "IRQ"), ("USA", "MOBILIZE", None)),
    # the one indicted, not the court, will resign
    ("Kosovo's president was indicted by a UN tribunal and will resign.", "2020-01-01",
     ("XKX", "AGREE", None), ("IGO", "AGREE", None)),
    # a host's readiness commits the guests to nothing
    ("Egypt is ready to host talks between Israel and Hamas.", "2023-11-01",
     ("EGY", "AGREE", "ISR"), ("ISR", "CONSULT", "PSE")),
    # the protesters protest, not the police that disperse them
    ("Turkish police dispersed Syrian refugees protesting outside the Russian consulate in "
     "Istanbul.", "2019-01-01", ("SYR", "PROTEST", "RUS"), ("TUR", "PROTEST", "RUS")),
    # warning of an outcome is an alert; warning of retaliation is a threat
    ("President Eisenhower warned the American people about this likely outcome in 1961.",
     "1961-01-17", None, (None, "THREATEN", "USA")),
    ("Russia warned Finland of retaliation if it joins NATO.", "2022-05-12",
     ("RUS", "THREATEN", "FIN"), ("RUS", "THREATEN", "IGO")),
    # forcing an agency out is an expulsion (SANCTION), forcing people out a deportation
    ("Eritrea forced the UN mission out of the country.", "2018-01-01",
     ("ERI", "SANCTION", "IGO"), ("ERI", "COERCE", "IGO")),
    # a suspended constitution restricts the state's own people; a state of siege is martial law
    ("Fiji's military commander suspended the constitution and dissolved parliament.",
     "2006-12-06", ("FJI", "COERCE", "FJI"), ("FJI", "SANCTION", None)),
    ("Haiti's military government declared a state of siege in the capital.", "1989-01-01",
     ("HTI", "COERCE", "HTI"), ("HTI", "ASSAULT", "HTI")),
    # demands met are a concession to whoever made them, not a meeting
    ("Iran met the IAEA's demands for access to the Parchin site.", "2015-07-01",
     ("IRN", "CONCEDE", "IGO"), ("IRN", "CONSULT", "IGO")),
    # a charge after the clause it makes: the clause's subject is accused
    ("Indian troops killed three civilians in Kashmir, Pakistan alleged on Monday.",
     "2000-01-01", ("PAK", "ACCUSE", "IND"), ("PAK", "ACCUSE", None)),
    ("Greek police are mistreating Albanian migrants, a human rights group protested on "
     "Wednesday.", "2000-01-01", ("IGO", "ACCUSE", "GRC"), ("GRC", "PROTEST", None)),
    # a cabinet sitting consults no one; a ceasefire watched over is not agreed again
    ("Israel's Cabinet met on Sunday and approved the budget.", "2019-01-01",
     None, ("ISR", "CONSULT", None)),
    ("UN peacekeepers were deployed to monitor the ceasefire between Israel and Lebanon.",
     "2019-01-01", None, ("ISR", "RETREAT", "LBN")),
    # a border closed with a neighbour restricts the neighbour
    ("Russia closed its southern borders with Iran and Turkey because of fighting between "
     "Azerbaijanis and Armenians.", "1992-01-01", ("RUS", "COERCE", "IRN"),
     ("RUS", "COERCE", "ARM")),
    # the object set after its description ("denounced as a provocation Turkey's ...")
    ("Greece denounced as a provocation Turkey's violation of its airspace.", "2000-01-01",
     ("GRC", "ACCUSE", "TUR"), ("GRC", "ACCUSE", None)),
    # the parties to a conflict are placed by it
    ("The Red Cross urged all parties to the conflict in Yemen to protect civilians.",
     "2016-01-01", ("IGO", "REQUEST", "YEM"), ("IGO", "REQUEST", None)),
    # a vow not to act: a refusal, a pledge of restraint, or nothing at all
    ("Sharon has vowed not to return the Golan Heights to Syria.", "2001-01-20",
     ("ISR", "REJECT", "SYR"), ("ISR", "THREATEN", "SYR")),
    ("Israel promised not to attack Lebanon.", "2001-01-20",
     ("ISR", "AGREE", "LBN"), ("ISR", "THREATEN", "LBN")),
    ("Bush vowed not to rest until the killers were found.", "2001-09-20",
     None, ("USA", "THREATEN", None)),
    # a concession after talks is made to the other side of the talks
    ("Nigerian teachers called off their strike after talks with the Nigerian government.",
     "2000-01-01", ("NGA", "CONCEDE", "NGA"), ("NGA", "CONCEDE", None)),
    # a side yielding in its own state yields to no one there; withdrawing from a town does
    ("Five hundred Ugandan rebels surrendered in the town of Soroti.", "1990-01-01",
     ("UGA", "RETREAT", None), ("UGA", "RETREAT", "UGA")),
    ("Israel declared a ceasefire in Gaza.", "2009-01-17", ("ISR", "RETREAT", "PSE"),
     ("ISR", "RETREAT", None)),
    ("The Iraqi army withdrew from Kirkuk.", "2017-10-17", ("IRQ", "RETREAT", "IRQ"),
     ("IRQ", "RETREAT", None)),
    # "pressed for X to ...": a request of X; what X is asked to do has not happened
    ("France pressed for Germany to accept the proposal.", "2005-06-01",
     ("FRA", "REQUEST", "DEU"), ("DEU", "AGREE", None)),
    # a weapons test "after" another state's is readied against no one
    ("Pakistan test-fired a ballistic missile on Monday, days after India tested its own.",
     "1999-04-14", ("PAK", "MOBILIZE", None), ("PAK", "MOBILIZE", "IND")),
    # a disease is not fought with arms
    ("The United States will send 3,000 troops to Liberia to help fight the Ebola outbreak.",
     "2014-09-16", ("USA", "AGREE", "LBR"), ("USA", "THREATEN", None)),
    # a bomb's toll names the victims of the attack, coded by its place
    ("A car bomb exploded outside a police station in the Turkish city of Diyarbakir, "
     "killing six officers.", "2016-11-04", ("TUR", "ASSAULT", "TUR"), ("TUR", "ASSAULT", None)),
    # conditional main clauses: a demand not yet made, a refusal held over someone
    ("Ireland will demand aid from the EU if Britain leaves without a deal.", "2019-01-10",
     None, ("IRL", "REQUEST", "IGO")),
    ("Britain's request for a delay will be turned down by the EU if May cannot provide "
     "guarantees.", "2019-03-20", ("IGO", "THREATEN", "GBR"), ("IGO", "REJECT", "GBR")),
    # what a call, a bill or a debate is about has not happened
    ("A Philippine lawmaker is calling for Donald Trump to be banned from the country.",
     "2016-08-10", ("PHL", "REQUEST", None), (None, "COERCE", "USA")),
    ("He filed legislation to ban Trump from the Philippines.", "2016-08-10",
     None, (None, "COERCE", "USA")),
    ("Britain's parliament called a debate on whether to ban Trump.", "2016-06-01",
     None, ("GBR", "REQUEST", None)),
    # the one who would be banned does not ban
    ("A Philippine lawmaker wants Trump banned from the country.", "2016-08-10",
     None, ("USA", "COERCE", None)),
    # hostages are held, not holders
    ("Iran helped the United States win the release of Americans held hostage in Lebanon.",
     "1987-01-01", (None, "COERCE", "USA"), ("USA", "COERCE", "LBN")),
    # a briefing of reporters is no consultation; a campaign's name is not its chief
    ("The French minister spoke during a meeting with reporters at the United Nations.",
     "2016-04-23", None, ("FRA", "CONSULT", None)),
    ("Trump campaign chief Paul Manafort worked with Philippine President Ferdinand Marcos "
     "in the 1980s.", "2016-08-10", (None, "COOPERATE", "PHL"), ("USA", "COOPERATE", "PHL")),
    # a policy backed in a place is not support for the place
    ("Hillary Clinton has backed a no-fly zone in Syria.", "2015-12-14",
     ("USA", "SUPPORT", None), ("USA", "SUPPORT", "SYR")),
    # after sample 20: a meeting is the setting of what was proposed during it
    ("President Donald Trump proposed an immigration plan during a meeting with King Abdullah of "
     "Jordan at the White House.", "2018-04-02", ("USA", "CONSULT", "JOR"), None),
    # a channel's telling is reported, and its name is no place
    ("In RT's coverage, the Syrian government battles terrorists.", "2016-10-17",
     None, ("SYR", "ASSAULT", "RUS")),
    # ills fought with policy, words offered, an act's backer
    ("Saunders is forming his own campaign group to fight clerical abuse.", "2018-02-01",
     None, ("GBR", "ASSAULT", None)),
    ("Bernie Sanders offered some pointed advice to Hillary Clinton on Friday.", "2016-09-23",
     None, (None, "AGREE", "USA")),
    ("The American-backed offensive to retake Mosul from the Islamic State began on Monday.",
     "2016-10-17", None, ("USA", "ASSAULT", "IRQ")),
    # after sample 21: a row with journalists is no fight; "according to" covers the sentence
    ("This was the Trump who fights with Mexican American journalists.", "2016-09-01",
     None, ("MEX", "ASSAULT", "USA")),
    ("Syrian troops fought with Turkish forces near the border.", "2016-09-01",
     ("SYR", "ASSAULT", "TUR"), None),
    # after sample 24: migrants caught are arrested; a pledge to confront threatens; a topic
    # is no partner; a kin's possessor is not the one indicted; troops at home aid no one
    ("A British patrol boat captured the migrants in British waters.", "2019-01-04",
     ("GBR", "COERCE", None), ("GBR", "ASSAULT", None)),
    ('Trump pledged to confront murders at the hands of "knife-wielding Palestinians."',
     "2016-03-22", ("USA", "THREATEN", "PSE"), ("USA", "AGREE", "PSE")),
    ("Manafort occasionally consulted with the firms on Ukrainian politics.", "2016-08-17",
     None, (None, "CONSULT", "UKR")),
    ("Mueller would indict President Donald Trump's son-in-law Jared Kushner.", "2019-03-01",
     None, (None, "ACCUSE", "USA")),
    ("The British government drew up plans to deploy the British Army to help control "
     "traffic in the south of England.", "2019-01-04", None, ("GBR", "AID", "GBR")),
    # a relative clause's object is the noun it describes; "it" there is the clause's doer
    ("Japan urged North Korea on Monday to return all the Japanese citizens it abducted.",
     "2002-09-16", ("PRK", "COERCE", "JPN"), (None, "COERCE", "JPN")),
    # after sample 25: pressed into acting, the one pressed acts; "it" under a vow is the
    # vower; "Libya's murdered Col. Khadaffi" names no murderer
    ("Hezbollah has vowed that once ISIS is defeated it will start killing Americans.",
     "2017-12-15", None, (None, "ASSAULT", "USA")),
    ("In case Kim did not remember the fate of Libya, John Bolton cheerfully recalled the doom "
     "of Libya's murdered Col. Khadaffi.", "2018-06-14", None, (None, "ASSAULT", None)),
    # after sample 26: expelled officers and a closed consulate are sanctions; the foe one
    # sides "against" is no one supported
    ("President Trump joined our allies and expelled 60 Russian intelligence officers from the "
     "United States.", "2018-03-26", ("USA", "SANCTION", "RUS"), ("USA", "COERCE", "RUS")),
    ("When the Russians retaliated, the Trump administration closed the Russian consulate in "
     "Seattle.", "2018-04-01", ("USA", "SANCTION", "RUS"), ("USA", "COERCE", "RUS")),
    ("President Trump seemed to be publicly siding with the Russian dictator against the "
     "American intelligence agencies.", "2018-07-17", None, ("USA", "SUPPORT", "USA")),
    # after sample 27: a passive the parser left active; ending harassment is a ceasefire;
    # a sentence without prison is a conviction
    ("Though ISIS has been all but evicted from Syria, the U.S. intends to stay.",
     "2018-02-20", None, ("IMG", "COERCE", None)),
    ("Iran suspended patrol boat harassment of U.S. warships.", "2018-02-20",
     ("IRN", "RETREAT", "USA"), ("IRN", "SANCTION", "USA")),
    ("Karadima was convicted and sentenced by the Vatican to a lifetime of penance and prayer.",
     "2018-02-20", ("VAT", "SANCTION", None), ("VAT", "COERCE", None)),
    # after sample 30: "protested that ..." is a complaint; a modal asks nothing of an
    # actor that is not the clause's subject; ICE deports
    ("Cardinal Eijk, the Archbishop of Utrecht, Netherlands, protested that the nod to "
     "intercommunion means the bishops fail.", "2018-08-30", ("NLD", "ACCUSE", None),
     ("NLD", "PROTEST", None)),
    ("Hillary Clinton spoke out about the death of Terence Crutcher, arguing that the epidemic "
     "of police officers killing unarmed black people should be recognized as intolerable.",
     "2016-09-20", None, ("USA", "REQUEST", "USA")),
    ("ICE officials deported some of the Indonesians.", "2017-10-20", ("USA", "COERCE", "IDN"),
     None),
    # after sample 29: the blamed party does every act it is blamed for; a promise that the
    # US would overthrow Iran is a threat; a reproach for what was done is no threat; a base
    # evacuated is a withdrawal
    ("For decades, the United States government has blamed the MEK for killing three U.S. "
     "Army colonels, bombing the facilities of numerous U.S. companies.", "2018-07-01",
     None, ("USA", "ASSAULT", "USA")),
    ("Bolton promised the exiles that the US would overthrow Iran by 2019.", "2018-07-01",
     ("USA", "THREATEN", "IRN"), ("USA", "AGREE", None)),
    ("Weinandy warned Pope Francis that he has caused chronic confusion among the faithful.",
     "2017-11-01", None, (None, "THREATEN", "VAT")),
    ("The Americans finally evacuated the CIA base at dawn.", "2016-01-16", None,
     ("USA", "AID", "USA")),
    # after sample 28: a place captured is seized; rebels marching on a capital move troops;
    # "countries like Turkey" are Turkey
    ("Palestinians want East Jerusalem, captured by Israel in the 1967 Middle East war, for "
     "their future state.", "2015-12-20", ("ISR", "COERCE", "PSE"), ("ISR", "ASSAULT", "PSE")),
    ("In 1991 three rebel groups defeated the Derg and marched into Addis Ababa.", "2016-09-03",
     None, (None, "PROTEST", "ETH")),
    ("The letter contrasts the stance of Islamic countries like Turkey and Saudi Arabia, which "
     "expelled Iranian diplomats.", "2018-01-01", ("TUR", "SANCTION", "IRN"), None),
    # a site named by its place: "the Zaporizhzhia plant in Ukraine" falls to Ukraine
    ("The IAEA dispatched inspectors to the nuclear plant in Ukraine.", "2022-09-01",
     ("IGO", "ACCUSE", "UKR"), ("IGO", "ACCUSE", None)),
])
def test_plover_conventions_on_wire_sentences(
        pipe: Pipeline, text: str, date: str,
        want: tuple[str | None, str, str | None] | None,
        unwanted: tuple[str | None, str, str | None] | None) -> None:
    got = _triples(pipe, text, date)
    assert want is None or want in got, got
    assert unwanted is None or unwanted not in got, got


def test_according_to_at_the_end_reports_the_whole_sentence(pipe: Pipeline) -> None:
    # "according to" hangs on the last conjunct; the first conjunct's act is reported too
    doc = pipe(Document("The Chinese government hacked computers at the agency in 2010 and "
                        "employees covered up the intrusions, according to a congressional "
                        "report on Wednesday.", published="2016-07-14"))
    hacks = [e for e in doc.events if e.type == "COERCE"]
    assert hacks and all(e.status == "reported" for e in hacks)


@pytest.mark.parametrize("text", [
    "Haley's essential claim was that Saudi Arabia is under attack by missiles supplied to "
    "Yemen by the Iranian government.",
    "The paper has promoted the idea that Assange, aided by Russia, was determined to promote "
    "Trump.",
])
def test_a_modifier_inside_a_claim_is_claimed(pipe: Pipeline, text: str) -> None:
    aid = [e for e in pipe(Document(text, published="2018-01-01")).events if e.type == "AID"]
    assert aid and all(e.status == "reported" for e in aid)


def test_a_modifier_in_the_author_s_own_sentence_is_asserted(pipe: Pipeline) -> None:
    doc = pipe(Document("Iran supplied missiles to the Houthis, who fired them at Saudi Arabia.",
                        published="2018-01-01"))
    assert {(e.type, e.status) for e in doc.events} >= {("AID", "asserted"),
                                                        ("ASSAULT", "asserted")}


def test_the_one_a_video_shows_is_the_doer(pipe: Pipeline) -> None:
    doc = pipe(Document("In 2015 the Italian newspaper Il Fatto Quotidiano published a video of "
                        "him scolding two women.", published="2018-02-01"))
    assert not [e for e in doc.events if e.source and "newspaper" in e.source.text]


def test_the_object_of_a_relative_clause_is_the_noun_it_describes(pipe: Pipeline) -> None:
    doc = pipe(Document("Jeb Bush married a Mexican woman he met on a trip to Mexico.",
                        published="2016-01-19"))
    met = [e for e in doc.events if e.trigger and e.trigger.text == "met"]
    assert met and all(e.target is not None and e.target.code == "MEXCVL" for e in met)


def test_the_one_pressed_into_acting_acts(pipe: Pipeline) -> None:
    doc = pipe(Document("Sanders called upon the U.S. to press China into forcing North Korea "
                        "to abide by international norms.", published="2016-01-06"))
    forcing = [e for e in doc.events if e.trigger and e.trigger.text == "forcing"]
    assert forcing and all(e.source is not None and e.source.code == "CHN" and
                           e.status == "hypothetical" for e in forcing)


def test_casualties_offered_defence_sent_forces_and_investigated_deaths(pipe: Pipeline) -> None:
    doc = pipe(Document("Hizbollah, which has lost over 6,000 dead and wounded in Syria, seems "
                        "unlikely to want to take on Israel again.", published="2016-06-02"))
    assert not _events(doc, "ASSAULT")  # its own losses, not an attack on Syria
    doc = pipe(Document("Pompeo offers defense for Saudi rulers as Trump administration strategy "
                        "shifts in Khashoggi case", published="2018-10-17"))
    assert [(e.source and e.source.code, e.type, e.target and e.target.code)
            for e in doc.events] == [("USAGOV", "SUPPORT", "SAUGOV")]
    doc = pipe(Document("The US will send U.S. forces to Syria to fight ISIS.",
                        published="2018-01-01"))
    sent = _events(doc, "MOBILIZE")
    assert sent and all(e.target is not None and e.target.code == "SYR" for e in sent)
    doc = pipe(Document("Turkey is investigating the killing of a Saudi journalist. The UN "
                        "opened an inquiry into Israel's attack on the convoy.",
                        published="2018-10-17"))
    probes = _events(doc, "ACCUSE")
    assert [e.target and e.target.code for e in probes] == [None, "ISR"]


def test_states_won_in_a_primary_and_arrests_at_a_shared_border(pipe: Pipeline) -> None:
    doc = pipe(Document("Donald Trump has captured Georgia, Alabama, Massachusetts, and "
                        "Tennessee. His rival, Hillary Clinton, captured Virginia, Georgia, "
                        "Arkansas, Alabama, Texas and Tennessee.", published="2016-03-01"))
    assert not _events(doc, "ASSAULT")  # votes won, no attack
    doc = pipe(Document("Rebels captured Idlib and Aleppo.", published="2015-04-01"))
    assert {e.target.code for e in _events(doc, "ASSAULT") if e.target} == {"SYR"}
    doc = pipe(Document("Illegal alien wanted for attempted murder in NC arrested at US-Mexico "
                        "border", published="2018-07-01"))
    assert not [e for e in _events(doc, "COERCE") if e.target and e.target.code == "MEX"]


def test_aims_false_reports_hackers_and_what_a_claim_says(pipe: Pipeline) -> None:
    doc = pipe(Document("Opponents cite concerns that the region is rife with terrorists bent on "
                        "attacking the United States. Syrian hackers hijacked the AP's Twitter "
                        "account, tweeting out falsified reports of two explosions at the White "
                        "House that had injured Obama.", published="2016-08-17"))
    assert [e.status for e in _events(doc, "ASSAULT")] == ["hypothetical", "negated"]
    doc = pipe(Document("The suspected Russian hackers who struck the DNC could salt the files. "
                        "The KGB planted newspaper articles alleging that the U.S. had invented "
                        "HIV.", published="2016-08-17"))
    assert not _events(doc, "ASSAULT") and [e.mode for e in _events(doc, "COERCE")] == ["cyber"]
    assert [e.target.code for e in _events(doc, "ACCUSE") if e.target] == ["USA"]
    doc = pipe(Document("A staffer filmed a fake war report near the front line in eastern "
                        "Ukraine, where Moscow has seized territory. The Kremlin manipulated "
                        "images to produce proof that Ukraine had shot down the flight.",
                        published="2016-08-17"))
    assert [(e.target.code if e.target else None) for e in _events(doc, "COERCE")] == ["UKR"]
    assert [e.status for e in _events(doc, "ASSAULT")] == ["reported"]


def test_resolutions_oppositions_to_attacks_and_relative_objects(pipe: Pipeline) -> None:
    doc = pipe(Document("Erdogan resolved to fight ISIS, its newfound enemy.",
                        published="2016-08-29"))
    assert [e.status for e in _events(doc, "ASSAULT")] == ["future"]
    doc = pipe(Document("A knife-wielding French Islamist killed a police officer.",
                        published="2016-06-17"))  # an Islamist is no state
    assert [e.source.code for e in _events(doc, "ASSAULT") if e.source] == ["FRAREB"]
    doc = pipe(Document("The US built a system to shoot down Soviet missiles.",
                        published="1985-11-19"))
    assert [e.status for e in _events(doc, "ASSAULT")] == ["hypothetical"]
    doc = pipe(Document("Trump cited problems in China that Trump blamed on the policies of "
                        "President Obama.", published="2016-09-08"))
    assert [e.target.code for e in _events(doc, "ACCUSE") if e.target] == ["USAGOV"]
    doc = pipe(Document("He monitored the road map for the final status accord between Israel "
                        "and the Palestinians.", published="2016-05-09"))
    assert [e.status for e in _events(doc, "AGREE")] == ["hypothetical"]
    doc = pipe(Document("China rejects the claims, which Beijing has vowed to ignore. Obama said "
                        "that he opposed the Iraq war.", published="2016-06-04"))
    assert [(e.status, e.target) for e in _events(doc, "REJECT") if e.trigger and
            e.trigger.text in ("vowed", "opposed")] == [("future", None), ("reported", None)]
    doc = pipe(Document("Germany opposed the invasion of Iraq. Russia could defy any punitive "
                        "measures against Assad. Iran rejected the proposal of the US.",
                        published="2003-03-01"))
    assert [e.target.code if e.target else None for e in _events(doc, "REJECT")] == [
        None, None, "USA"]
    doc = pipe(Document("The Russians were compromising American contractors with kickbacks.",
                        published="2017-10-19"))
    assert not doc.events
    doc = pipe(Document("Turkey wants the extradition of Gulen, the cleric whom Erdogan accuses "
                        "of masterminding the coup. Security forces tortured Liberian "
                        "refugees, whom authorities blame for a border conflict.",
                        published="2016-08-29"))
    assert not [e for e in _events(doc, "ACCUSE") if e.target and e.target.code]


@pytest.mark.parametrize("text,date,want,unwanted", [
    # an admission, a film released, a duty, advertising, travellers: no act between states
    ("Hillary Clinton conceded the situation in Libya is “deeply regrettable.”", "2016-03-10",
     None, "CONCEDE"),
    ("Peter Schweizer first released his feature documentary Clinton Cash last year.",
     "2016-05-01", None, "RETREAT"),
    ("The State Department and other parts of his administration charged with facilitating "
     "Libya's transition have not succeeded.", "2016-03-10", None, "ACCUSE"),
    ("A pro-Rubio super PAC unleashed a tough attack ad campaign against Cruz this week.",
     "2016-01-24", None, "ASSAULT"),
    ("The U.S. government has issued an alert warning Americans traveling to China to seek "
     "medical attention.", "2018-06-08", None, "CONSULT"),
    # a person supported, and the warplane shot down
    ("Marine Le Pen voiced support for U.S. Republican presidential candidate Donald Trump.",
     "2016-08-31", ("SUPPORT", "USAELI"), None),
    ("Putin lashed out at Turkey for having shot down a Russian bomber.", "2015-12-19",
     ("ASSAULT", "RUSMIL"), None),
    # a campaign promise is made to nobody: not where it is made, not where the wall would
    # stand ("Trump has vowed to bring back lost mining jobs")
    ("Trump was in Bangor, Maine, promising to build a wall at the Mexican border.",
     "2016-06-30", None, "AGREE"),
    ("Donald J. Trump has vowed to bring back lost mining jobs.", "2016-05-03", None,
     "THREATEN"),
    ("While Hillary Clinton has vowed to honor the Paris agreement, Donald Trump has pledged "
     "to cancel the accord.", "2016-11-05", ("REJECT", None), None),
    ("The 1918 Spanish flu that claimed 50 million lives killed three times as many people as "
     "World War I.", "2018-10-01", None, "ASSAULT"),
    # after sample 37: a committee hearing on a question, a law abused, a space launch
    ("Senator Charles E. Grassley will hold a hearing on the bankruptcy question.",
     "2015-12-01", None, "ACCUSE"),
    ("The report did not address whether the FBI abused the Foreign Intelligence Surveillance "
     "Act to obtain a surveillance order.", "2018-06-14", None, "ASSAULT"),
    ("North Korea has conducted a fourth nuclear bomb test and launched a long-range rocket "
     "into space.", "2016-04-01", ("MOBILIZE", None), "ASSAULT"),
    ("Trump pledged to quickly and decisively bomb the hell out of ISIS.", "2015-11-19",
     ("THREATEN", "IMGISI"), None),
    ("Israel lobbied Germany to block the deal.", "2016-06-04", ("REQUEST", "DEU"), "SUPPORT"),
    # after sample 38: interview questions, a private dinner, a state's adversaries
    ("Pressed by Mr. Stephanopoulos, Mr. Trump said there was no direct evidence of Mr. "
     "Putin's involvement.", "2015-12-22", None, "REQUEST"),
    ("Iran was pressed by Russia to accept the deal.", "2015-12-22", ("REQUEST", "IRN"), None),
    ("Clinton had a conversation during a dinner party hosted by former Secretary of State "
     "Madeleine Albright.", "2016-08-19", None, "CONSULT"),
    ("Trump was asked about it, given that Mr. Putin backs American adversaries around the "
     "world.", "2015-12-22", ("SUPPORT", None), None),
    # after sample 39: a view agreed on
    ("The three Democratic candidates broadly agreed on a moral responsibility for U.S. "
     "leadership to confront the al-Qaeda offshoot.", "2015-11-15", None, "AGREE"),
    ("Russia and Turkey agreed on a ceasefire.", "2016-12-29", ("AGREE", None), None),
    # after sample 40: a politician's attacks are words; a cause forces no one; an
    # invitation to act asks; a road map's accord is not yet reached
    ("She was uncomfortable with Mr. Trump's attacks on immigrants, particularly Mexicans.",
     "2016-03-21", ("ACCUSE", "MEX"), "ASSAULT"),
    ("At the same time, it has forced his rival, Hillary Clinton, to distance herself from "
     "trade agreements.", "2016-03-21", None, "COERCE"),
    ("Trump last week invited Russia to dig up tens of thousands of missing emails.",
     "2016-07-31", ("REQUEST", "RUS"), "AGREE"),
    ("Obama makes no apologies for accusing China of militarizing the sea.", "2016-05-09",
     ("ACCUSE", "CHN"), "SUPPORT"),
    # after sample 41: a political fight
    ("Tenney previously helped fight Oneida Indian Nation leader Ray Halbritter.", "2016-06-28",
     None, "ASSAULT"),
    # after samples 43 and 44: voters' preferences, offered messages, policies backed, an
    # enemy to be defeated, a protest at the own government
    ("Spanish-dominant Hispanic voters are more likely to support her over Trump.",
     "2016-09-04", None, "SUPPORT"),
    ("Mrs. Clinton offers messages about stability.", "2016-06-27", None, "AGREE"),
    ("Kagan supports a larger U.S. military role in Iraq and Syria.", "2016-06-13", None,
     "SUPPORT"),
    ("\"ISIS must be defeated in Iraq and Syria,\" Obama told POLITICO.", "2016-06-13", None,
     "REQUEST"),
    ("Obama said that Assad must be removed.", "2016-06-13", ("REQUEST", "SYRGOV"), None),
    ("Just recently the Armenians of Israel protested the government for selling arms to "
     "Azerbaijan.", "2016-04-27", ("PROTEST", "ISRGOV"), None),
    # after samples 45 and 46: efforts against a foe; a strike's victims are not its state's
    ("Retired Gen. John Allen later coordinated international efforts against the Islamic "
     "State.", "2016-08-01", ("COOPERATE", None), None),
    ("Three soldiers were killed in an Israeli air strike.", "2016-08-01", ("ASSAULT", None),
     None),
    ("Clinton urged the administration to join a NATO-led coalition to oust Col. Muammar "
     "el-Qaddafi in Libya.", "2015-11-18", ("REQUEST", "USAGOV"), None),
    # after sample 48: the one a problem is blamed on, a middle initial, support received
    ("Secretary of State John F. Kerry said the United States would work with other Security "
     "Council members, and he urged North Korea to resume talks.", "2016-09-10",
     ("REQUEST", "PRK"), None),
    ("Obama's decision to jump-start relations with Burma received critical support from "
     "Republican leaders.", "2016-09-16", None, "CONSULT"),
    ("Yet Clinton didn't limit her attacks to Israel policy, also calling on attendees to oppose "
     "bigotry.", "2016-03-22", ("REQUEST", None), None),
])
def test_statements_works_duties_and_the_ones_acted_on(
        pipe: Pipeline, text: str, date: str, want: tuple[str, str | None] | None,
        unwanted: str | None) -> None:
    doc = pipe(Document(text, published=date))
    got = [(e.type, e.target.code if e.target else None) for e in doc.events]
    if want is not None:
        assert want in got, got
    if unwanted is not None:
        assert not [g for g in got if g[0] == unwanted], got


@pytest.mark.parametrize("text,want,unwanted", [
    # after sample 50 (news pages of November 2019): a dateline files, an index falls, a
    # crash kills, a source stays anonymous, a law names a place, a craft is shot down
    ("HANOI, Vietnam (AP) \u2014 U.S. Defense Secretary Mark Esper on Wednesday accused China "
     "of using coercion against smaller Asian nations.", ("ACCUSE", "USAMIL", "CHN", "asserted"),
     None),
    ("Japan's Nikkei 225 (N225) declined 0.3%, while South Korea's Kospi Index fell 0.5%.",
     None, "REJECT"),
    ("Two United States service members have been killed in a helicopter crash in "
     "Afghanistan, the US military said.", None, "ASSAULT"),
    ("Three Afghan soldiers were killed in a US airstrike.", ("ASSAULT", "USA", "AFGMIL",
                                                              "asserted"), None),
    ("A Syrian refugee, who asked not to be identified, said the claim is false.", None,
     "REQUEST"),
    ("The Hong Kong Human Rights and Democracy Act would impose economic sanctions.", None,
     "SANCTION"),
    ("\"US Chinook helicopter shot down and completely destroyed last night,\" Taliban "
     "spokesman Zabihullah Mujahid said.", ("ASSAULT", None, "USA", "reported"), None),
    ("With Hong Kong protests exploding to new levels, Xi is likely to deploy forces.", None,
     "ASSAULT"),
    ("The Chinese Center for Disease Control said it had conducted epidemiological "
     "investigations on people who might have been exposed.", None, "ACCUSE"),
    ("Even though McKinley visited the southern U.S. border, the totals include the Mexican "
     "border.", None, "CONSULT"),
    # status: an aim, a counterfactual, a wish, a condition, a future clause, an announcement
    ("Washington and the Taliban had been holding talks pursuing an agreement for US troops "
     "to begin leaving Afghanistan.", ("RETREAT", "USAMIL", "AFG", "hypothetical"), None),
    ("He paired ambitious goals with bigger threats should China not accede to his terms.",
     ("CONCEDE", "CHN", None, "hypothetical"), None),
    ("Some White House advisers would like to see China agree to large agricultural purchases.",
     ("AGREE", "CHN", None, "hypothetical"), None),
    ("The U.S. will keep its base in al-Tanf after American troops leave Syria.",
     ("RETREAT", "USAMIL", "SYR", "future"), None),
    ("Volker said he would have objected to Ukraine opening an investigation into Biden.",
     ("ACCUSE", "UKR", "USAELI", "hypothetical"), None),  # (Biden, out of office in 2019)
    ("Despite Mr. Trump's announcement that the United States and China had reached a trade "
     "agreement, signing a deal has proved elusive.", ("AGREE", "CHN", None, "reported"), None),
    # doers and types: the trained fight, aid withheld, a request approved, guidance offered
    ("The U.S. military has been training Syrian opposition forces to fight against Islamic "
     "State.", ("ASSAULT", "SYROPP", "IMGISI", "hypothetical"), None),
    ("Democrats ask whether Trump withheld US military aid to Ukraine.",
     ("SANCTION", "USAGOV", "UKR", "hypothetical"), "AID"),
    ("The UK Home Secretary, Sajid Javid, formally approved an extradition request from the US.",
     ("AGREE", "GBRGOV", "USA", "asserted"), "REQUEST"),
    ("The trip was about Beijing offering new guidance to end the violence.", None, "AGREE"),
    ("The British royal denied having sex with underage girls supplied to him by Epstein.",
     None, "AID"),
    # after sentence set 17: whom restrictions fall on, a motive is no target, money "in
    # loans", a border's neighbour, an outlook
    ("Israel eased restrictions on the entry of goods into the Gaza Strip.",
     ("CONCEDE", "ISR", "PSE", "asserted"), None),
    ("The US sanctioned Russia over its invasion of Ukraine.",
     ("SANCTION", "USA", "RUS", "asserted"), None),
    ("The European Union approved 1.2 billion euros in emergency loans for Ukraine.",
     ("AID", "IGOEU", "UKR", "asserted"), None),
    ("Russia moved tanks and artillery closer to its border with Ukraine.",
     ("MOBILIZE", "RUS", "UKR", "asserted"), None),
    ("Colombian and Ecuadorean troops carried out joint patrols along their border.",
     ("COOPERATE", "ECUMIL", None, "asserted"), None),
    # what "is said to" have happened is reported; an attempt is an act (PLOVER)
    ("Mexico is said to have deployed 500 federal police to its border with Guatemala.",
     ("MOBILIZE", "MEX", "GTM", "reported"), None),
    ("Gunmen tried to assassinate the Ecuadorian presidential candidate in Quito.",
     ("ASSAULT", "ECUREB", "ECU", "asserted"), None),
])
def test_sample_50_acts_doers_and_status(pipe: Pipeline, text: str,
                                         want: tuple[str, str | None, str | None, str] | None,
                                         unwanted: str | None) -> None:
    doc = pipe(Document(text, published="2019-11-20"))
    got = [(e.type, e.source.code if e.source else None, e.target.code if e.target else None,
            e.status) for e in doc.events]
    if want is not None:
        assert want in got, got
    if unwanted is not None:
        assert not [g for g in got if g[0] == unwanted], got


JUDGED_ARTICLE = ("Iran expelled two British diplomats on Monday. "
                  "Obama's aid and comfort to the Islamic Republic of Iran will be felt. "
                  "The weather was mild.")


def _verdicts(tmp_path: Path, rows: list[str]) -> Path:
    art = tmp_path / "news" / "a1.txt"
    art.parent.mkdir()
    art.write_text(JUDGED_ARTICLE, encoding="utf-8")
    head = "sample\tcommit\tfile\tstart\tend\ttype\tmode\tstatus\tsource\ttarget\ttrigger\tverdict"
    path = tmp_path / "verdicts.tsv"
    path.write_text("# test verdicts\n" + head + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_hand_verdicts_are_rescored_against_the_current_coder(tmp_path: Path) -> None:
    from allegiance.events.judged import is_judgement_file, load_judgements, rescore

    second = JUDGED_ARTICLE.index("Obama")
    third = JUDGED_ARTICLE.index("The weather")
    path = _verdicts(tmp_path, [
        # still emitted exactly as judged: the verdict holds
        f"1\tabc\tnews/a1.txt\t0\t{second}\tSANCTION\texpel\tasserted\tIRN\tGBRGOV\texpelled\tok",
        # judged wrong once and no longer emitted: gone
        f"1\tabc\tnews/a1.txt\t{second}\t{third}\tAID\t\tasserted\tUSAGOV\tIRN\taid\twrong:noact",
        # a judged sentence with no event
        f"1\tabc\tnews/a1.txt\t{third}\t{len(JUDGED_ARTICLE)}\t-\t\t\t\t\t\t",
    ])
    assert is_judgement_file(path)
    assert not is_judgement_file(Path(__file__).parent / "data" / "wire_events.tsv")
    pipe = build_pipeline(Settings(stages=("nlp", "actors", "events", "claims")))
    res = rescore(load_judgements(path), tmp_path,
                  lambda t, day: pipe(Document(text=t, published=day)))
    assert res.sentences == 3
    assert res.kept == {"ok": 1, "wrong": 0} and res.gone == {"ok": 0, "wrong": 1}
    assert res.precision_kept == 1.0 and res.unjudged == 0


def test_verdicts_can_name_one_record_of_a_keyed_json_corpus(tmp_path: Path) -> None:
    from allegiance.events.judged import load_judgements, rescore

    second = JUDGED_ARTICLE.index("Obama")
    (tmp_path / "bench").mkdir()
    (tmp_path / "bench" / "truth.json").write_text(json.dumps({
        "k1": {"articleBody": JUDGED_ARTICLE, "url": "https://news.example/2019/11/20/x"}}),
        encoding="utf-8")
    path = _verdicts(tmp_path, [
        f"1\tabc\tbench/truth.json#k1\t0\t{second}\tSANCTION\texpel\tasserted\tIRN\tGBRGOV"
        "\texpelled\tok",
        f"1\tabc\tbench/truth.json#k2\t0\t{second}\t-\t\t\t\t\t\t"])
    days: list[str | None] = []

    def analyse(text: str, day: str | None) -> Document:
        days.append(day)
        return pipe(Document(text=text, published=day))

    pipe = build_pipeline(Settings(stages=("nlp", "actors", "events", "claims")))
    (tmp_path / "elsewhere").mkdir()  # folders are tried in turn: the first lacks the file
    res = rescore(load_judgements(path), [tmp_path / "elsewhere", tmp_path], analyse)
    assert res.kept == {"ok": 1, "wrong": 0} and days == ["2019-11-20"]
    assert res.missing_files == ["bench/truth.json#k2"]


def test_eval_events_reports_verdicts_and_refuses_a_bad_file(tmp_path: Path) -> None:
    from allegiance.events.commands import eval_events

    second = JUDGED_ARTICLE.index("Obama")
    path = _verdicts(tmp_path, [
        f"1\tabc\tnews/a1.txt\t0\t{second}\tSANCTION\texpel\tasserted\tIRN\tGBR\texpelled\tok"])
    res = CliRunner().invoke(eval_events, ["--data", str(path), "--articles", str(tmp_path)])
    assert res.exit_code == 0, res.output
    # the coder now names the diplomats' government: the event changed and awaits a verdict
    assert "1 events changed or new await a verdict" in res.output
    bad = tmp_path / "bad.tsv"
    bad.write_text("sample\tfile\tverdict\n1\tx\tmaybe\n", encoding="utf-8")
    res = CliRunner().invoke(eval_events, ["--data", str(bad), "--articles", str(tmp_path)])
    assert res.exit_code != 0 and "expected the columns" in res.output


def test_the_shipped_verdict_file_is_well_formed() -> None:
    from allegiance.events.judged import load_judgements

    rows = load_judgements(Path(__file__).parent / "data" / "real_news_judgements.tsv")
    events = [j for j in rows if j.type != "-"]
    corpora = ("ptc/", "polnear/", "article-extraction/", "checkthat2023-subjectivity-en/",
               "gensim/test/test_data/")
    assert len(events) > 150 and all(j.file.startswith(corpora) for j in rows)
    assert {j.verdict.split(":")[0] for j in events} == {"ok", "wrong"}


def test_a_reason_given_with_over_is_no_second_target(pipe: Pipeline) -> None:
    doc = pipe(Document("Germany expelled two Russian diplomats over the killing of a Georgian "
                        "man in Berlin. The US sanctioned Russia over its invasion of Ukraine.",
                        published="2022-03-01"))
    targets = {e.target.code[:3] for e in doc.events
               if e.type == "SANCTION" and e.target and e.target.code}
    assert targets == {"RUS"}, [(e.type, e.target) for e in doc.events]


@pytest.mark.parametrize("text,date,want,unwanted", [
    # a wish the lemmatizer had clipped ("hopes" -> "hop"); the forces withdrawn are no target
    ("Trump also said he hopes to eventually withdraw US forces from South Korea.",
     "2019-11-20", ("RETREAT", "USAGOV", "KOR", "hypothetical"),
     ("RETREAT", "USAGOV", "USAMIL", "hypothetical")),
    ("Russia is hoping to sign a trade deal with Kazakhstan.", "2019-11-20",
     ("SUPPORT", "RUS", "KAZ", "hypothetical"), ("SUPPORT", "RUS", "KAZ", "asserted")),
    ("Russia withdrew all of its forces.", "2019-11-20", ("RETREAT", "RUS", None, "asserted"),
     None),
    # a participle beside "looks set to" tells of the act to come
    ("Germany looks set to take command of a brigade in Lithuania, joining Britain and the "
     "United States.", "2016-06-07", ("COOPERATE", "DEU", "GBR", "future"),
     ("COOPERATE", "DEU", "GBR", "asserted")),
    # "and to force" is coordinated with "to bar", not with the gerund it was parsed under
    ("Some Republican voters have been attracted to Mr. Trump's plan to bar Muslims from "
     "entering the country and to force Mexico to pay for a wall at the border.", "2016-04-12",
     ("COERCE", "USAELI", "MEX", "hypothetical"), ("COERCE", None, "MEX", "hypothetical")),
    # deaths told in passing inside a claim are the writer's background; a doer only
    # suspected makes the act alleged
    ("Hicks said the four Americans killed in the attack might have been saved.",
     "2015-12-09", ("ASSAULT", None, "USA", "asserted"), ("ASSAULT", None, "USA", "reported")),
    ("Trump said Clinton's actions in Libya are not confined to the Benghazi scandal, in "
     "which four Americans were killed.", "2015-12-12", ("ASSAULT", None, "USA", "asserted"),
     None),
    ("Suspected Russian hackers struck the Democratic National Committee.", "2016-08-17",
     ("COERCE", "RUS", None, "reported"), ("COERCE", "RUS", None, "asserted")),
    # who gave the order did it; a base abroad does not change a Saudi's nation
    ("The journalist was killed on the orders of the Saudi crown prince.", "2018-10-16",
     ("ASSAULT", "SAUGOV", "SAUJRN", "asserted"), None),
    ("Pompeo held talks amid growing suspicions that a Virginia-based Saudi columnist was "
     "killed.", "2018-10-16", ("ASSAULT", None, "SAU", "hypothetical"),
     ("ASSAULT", None, "USA", "hypothetical")),
    # a weapon threatens nobody by an act; the ones "with" whom one has problems act
    ("North Korea threatened Japan with missiles.", "2017-09-01",
     ("THREATEN", "PRK", "JPN", "asserted"), None),
    ("Israel has had problems with Hamas using tunnels to stage attacks.", "2016-09-03",
     ("ASSAULT", "PSEHAM", None, "hypothetical"), ("ASSAULT", "ISR", None, "hypothetical")),
    # a doctoral candidate is a scholar, not an official
    ("In an article posted online, Shen Xincheng, a doctoral candidate at the Georgia "
     "Institute of Technology, urged Chinese people not to rush to judgment.", "2016-03-04",
     ("REQUEST", "CHNEDU", "CHNCVL", "asserted"), ("REQUEST", "GEOGOV", "CHNCVL", "asserted")),
    # after sentence set 18: a game is no meeting; protesters against "the government's
    # deal" protest their own government, not the other party to the deal
    ("Thousands of Armenians protested in Yerevan against the government's deal with "
     "Azerbaijan.", "2020-11-11", ("PROTEST", "ARM", "ARMGOV", "asserted"),
     ("PROTEST", "ARM", "AZE", "asserted")),
    ("Putin will meet Xi in Beijing next month.", "2023-09-01",
     ("CONSULT", "RUSGOV", "CHNGOV", "future"), None),
    # what the writer says was "wrongly predicted" did not happen
    ("Howard Dean wrongly predicted special counsel Robert Mueller would indict Jared Kushner "
     "for money laundering.", "2019-03-25", ("ACCUSE", "USAJUD", "USAGOV", "negated"),
     ("ACCUSE", "USAJUD", "USAGOV", "hypothetical")),
    # a headline's passive without its auxiliary: the one named first is the victim
    ("American in China injured in 'sonic attack' similar to Cuba", "2018-05-23",
     ("ASSAULT", None, "USA", "asserted"), ("ASSAULT", "USA", None, "asserted")),
    ("Canadian detained in China", "2018-12-11", ("COERCE", None, "CAN", "asserted"),
     ("COERCE", "CAN", "CHN", "asserted")),
    # what is blocked or averted has not happened
    ("Arab Israeli lawmakers called on the government to block Trump's visit to Israel.",
     "2015-12-10", ("CONSULT", "USAELI", "ISR", "hypothetical"),
     ("CONSULT", "USAELI", "ISR", "asserted")),
    ("The deal averted an American strike on Iran.", "2019-06-21",
     ("ASSAULT", "USA", "IRN", "hypothetical"), ("ASSAULT", "USA", "IRN", "asserted")),
    # a passive arrest of known people: the state where it happens arrests
    ("Two Canadians were detained in China.", "2018-12-13", ("COERCE", "CHN", "CAN", "asserted"),
     None),
    # congressional leaders are in the dated list of office holders
    ("House Speaker Nancy Pelosi visited Taiwan.", "2022-08-03",
     ("CONSULT", "USALEG", "TWN", "asserted"), None),
    ("Ryan said he would not meet Putin.", "2016-06-01",
     ("CONSULT", "USALEG", "RUSGOV", "negated"), None),
])
def test_round_nine_wishes_participles_background_and_orders(
        pipe: Pipeline, text: str, date: str, want: tuple[str, str | None, str | None, str],
        unwanted: tuple[str, str | None, str | None, str] | None) -> None:
    _assert_coded(pipe, text, date, want, unwanted)


def _assert_coded(pipe: Pipeline, text: str, date: str,
                  want: tuple[str, str | None, str | None, str],
                  unwanted: tuple[str, str | None, str | None, str] | None) -> None:
    """``want`` is among the (type, source, target, status) the coder emits; ``unwanted`` not."""
    doc = pipe(Document(text, published=date))
    got = [(e.type, e.source.code if e.source else None, e.target.code if e.target else None,
            e.status) for e in doc.events]
    assert want in got, got
    if unwanted is not None:
        assert unwanted not in got, got


@pytest.mark.parametrize("text,want,unwanted", [
    # sample 52 (2001-2002 news): a mob's killing is an assault; air raids are aerial attacks
    ("The police station was bombed after a Palestinian mob lynched two Israeli soldiers there.",
     ("ASSAULT", "PSECVL", "ISRMIL", "asserted"), ("PROTEST", "PSECVL", "ISRMIL", "asserted")),
    ("Suicide bombers blew themselves up in Haifa, provoking the heaviest Israeli air raids "
     "against Mr Arafat's administration to date.", ("ASSAULT", "ISR", "PSEGOV", "asserted"),
     ("COERCE", "ISR", "PSEGOV", "asserted")),
    # attacks planned are attacks to come; a capture claimed by its doer is their claim
    ("They say Afroz had claimed Al Qaeda was planning terrorist attacks in Australia and "
     "Britain.", ("ASSAULT", "IMGAQ", "GBR", "future"), ("ASSAULT", "IMGAQ", "GBR", "reported")),
    ("Opposition forces claimed to have captured half of Kandahar airport after fierce "
     "fighting.", ("COERCE", None, "AFG", "reported"), ("COERCE", None, "AFG", "asserted")),
    # "anti-Taliban forces" are not the Taliban, nor French for the agency that quotes them
    ("Amin told the AFP news agency that anti-Taliban forces had captured a number of "
     "strategic heights from Al Qaeda fighters.", ("ASSAULT", None, None, "reported"),
     ("ASSAULT", "AFGTAL", None, "reported")),
    # who ordered an attack is not its victim; each group has its own code
    ("India has accused Lashkar-e-Taiba and Jaish-e-Mohammad of carrying out the attack at the "
     "behest of Pakistani military intelligence.", ("ACCUSE", "IND", "PAKLET", "asserted"),
     ("ASSAULT", "PAKLET", "PAKSPY", "reported")),
    # the means ("by killing") has the doer of the act it serves
    ("Yasser Arafat has accused Israel of escalating violence by killing three Palestinians.",
     ("ASSAULT", "ISR", "PSE", "reported"), ("ASSAULT", "PSEGOV", None, "reported")),
    ("The militant group, Hezbollah, fired rockets into northern Israel.",
     ("ASSAULT", "LBNHEZ", "ISR", "asserted"), None),
    # whatever becomes of the stopping, what is to stop is going on
    ("Russia refused to stop bombing Aleppo.", ("ASSAULT", "RUS", "SYR", "asserted"),
     ("ASSAULT", "RUS", "SYR", "negated")),
    # the wronged state is not the one complained of; the one "to blame" is the one blamed
    ("The United States deplores the violation of Georgia's sovereignty.",
     ("ACCUSE", "USA", None, "asserted"), ("ACCUSE", "USA", "GEO", "asserted")),
    ("The Bush administration says the Palestinians are more to blame than the Israelis.",
     ("ACCUSE", "USAGOV", "PSE", "asserted"), ("ACCUSE", "PSE", None, "asserted")),
    ("Israel blamed the attack on Hezbollah.", ("ACCUSE", "ISR", "LBNHEZ", "asserted"), None),
    # defying "his call for a cease-fire with Israel" rejects him, not Israel
    ("Hamas defied his call for a cease-fire with Israel.", ("REJECT", "PSEHAM", None, "asserted"),
     ("REJECT", "PSEHAM", "ISR", "asserted")),
    # one man fighting "with the Taliban" fights beside them
    ("Police interviewed the family of an Australian man who has been fighting with the "
     "Taliban in Afghanistan.", ("ASSAULT", "AUSCVL", None, "asserted"),
     ("ASSAULT", "AUSCVL", "AFGTAL", "asserted")),
    # a town bears its name before a city that once had it: Salisbury is English, not Harare
    ("Russian agents tried to kill Sergei Skripal in Salisbury.",
     ("ASSAULT", "RUS", "GBR", "asserted"), ("ASSAULT", "RUS", "ZWE", "asserted")),
    # sample 53: soldiers abroad are the state's the sentence names beside the place's
    ("An Israeli military source said the soldiers shot four Palestinians near Jenin.",
     ("ASSAULT", "ISRMIL", "PSE", "reported"), ("ASSAULT", "PSEMIL", "PSE", "reported")),
    # the one pressed to act would act; the owner of a decision acts on it
    ("Mr Sharon sent in his warplanes to pile pressure on Mr Arafat to arrest and sentence "
     "Islamic extremists.", ("COERCE", "PSEGOV", None, "hypothetical"),
     ("COERCE", "ISRGOV", None, "asserted")),
    ("Pakistan regrets the Indian decision to downgrade embassy representation.",
     ("SANCTION", "IND", None, "asserted"), ("SANCTION", "PAK", None, "asserted")),
    # a participle with a subject and no auxiliary is a reduced relative: its subject the
    # one arrested; "saying it would" is said by who announced
    ("It is thought the Australian arrested in Afghanistan for fighting alongside the Taliban "
     "is from Adelaide.", ("COERCE", None, "AUSCVL", "reported"),
     ("COERCE", "AUSCVL", "AFG", "reported")),
    ("Pakistan's Foreign Ministry has announced retaliatory sanctions against India, saying it "
     "would also ban Indian planes from its airspace.", ("COERCE", "PAKGOV", "INDMIL", "future"),
     ("COERCE", None, "INDMIL", "future")),
    # a gerund after "vowing to continue ..." goes with "vowing": done, not vowed
    ("Hamas issued a statement vowing to continue its holy war and slamming his peace call.",
     ("ACCUSE", "PSEHAM", None, "asserted"), ("ACCUSE", "PSEHAM", None, "future")),
    # approval offered is support, not an agreement
    ("The United States offered full and direct approval to Indonesia's 1975 invasion of East "
     "Timor.", ("SUPPORT", "USA", "IDN", "asserted"), ("AGREE", "USA", "IDN", "asserted")),
])
def test_round_ten_doers_targets_and_statuses(
        pipe: Pipeline, text: str, want: tuple[str, str | None, str | None, str],
        unwanted: tuple[str, str | None, str | None, str] | None) -> None:
    _assert_coded(pipe, text, "2001-12-20", want, unwanted)


@pytest.mark.parametrize("text,kind", [
    ("Meanwhile, the Australian cricket team has arrived in Adelaide to prepare for the first "
     "Test against South Africa.", "CONSULT"),  # a trip at home
    ("Australian cricket captain Steve Waugh has supported fast bowler Brett Lee after "
     "criticism of his bowling to the South African tailenders.", "SUPPORT"),  # sport
    ("Israeli Prime Minister Ariel Sharon has opened an emergency security Cabinet meeting.",
     "CONSULT"),  # a government's own council
    ("The Palestinian leader said Israel was using suicide attacks as a pretext for waging war.",
     "ASSAULT"),  # a reason given
    ("When Mr Ford and Mr Kissinger called in to Jakarta on their way back from a summit in "
     "Beijing, Suharto claimed he had to bring stability to East Timor.", "REQUEST"),  # a stop
    ("Public radio said Mr Peres had called all the ministers from his Labour Party for a "
     "special meeting to discuss the fallout of the Israeli strikes on the Palestinians.",
     "REQUEST"),  # a convening
    ("A Palestinian man has been shot dead as Israeli forces charged into the West Bank in hot "
     "pursuit of gunmen.", "ACCUSE"),  # a movement
    ("America's Cup winner Sir Peter Blake was killed in a shooting in Brazil.", "ASSAULT"),
    ("The Russian defense minister said residents shouldn't feel threatened by the number of "
     "Chinese workers seeking employment in the Far East.", "THREATEN"),  # a feeling
])
def test_round_ten_sentences_that_state_no_event_between_states(
        pipe: Pipeline, text: str, kind: str) -> None:
    doc = pipe(Document(text, published="2001-12-20"))
    assert not [e for e in doc.events if e.type == kind], doc.events


def test_weapons_that_threaten_are_a_danger_not_a_threat(pipe: Pipeline) -> None:
    doc = pipe(Document("North Korean missiles threaten the 80,000 US military personnel based "
                        "in Japan.", published="2018-06-01"))
    assert not [e for e in doc.events if e.type == "THREATEN"], doc.events


def test_teams_meeting_in_a_game_hold_no_talks(pipe: Pipeline) -> None:
    doc = pipe(Document("Brazil and Argentina will meet in a World Cup qualifier in Rio de "
                        "Janeiro on Tuesday.", published="2023-11-20"))
    assert doc.events == [], doc.events


@pytest.mark.parametrize("text", [
    "Oswald traveled to Mexico City.",
    "Patel traveled to China in July 2016 to teach English.",
])
def test_private_journeys_are_no_consultations(pipe: Pipeline, text: str) -> None:
    doc = pipe(Document(text, published="2016-09-03"))
    assert not [e for e in doc.events if e.type == "CONSULT"], doc.events
