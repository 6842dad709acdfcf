"""Actors stage on real-style news sentences: codes, sectors, people, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.actors import lexicon as actor_lexicon
from allegiance.actors.lexicon import resolve_actor_text
from allegiance.config import Settings
from allegiance.document import Actor, Document
from allegiance.pipeline import build_pipeline

TEXT = (
    "On November 19 the US held talks with France, Germany, the UK and the Gulf states on "
    "Iran. The New York Times, citing US and Israeli officials, reported that the drone "
    "strike on the Al-Tanf base was launched by Iran. Iran did not accept responsibility. "
    "US Defense Secretary Lloyd Austin met Saeed Khatibzadeh, a spokesman for Iran's Foreign "
    "Ministry, and Israel's spy chief David Barnea. Khatibzadeh said he would not attend. "
    "Blinken spoke with the Pentagon, the IRGC and Mossad about Hezbollah and the Azov "
    "Battalion."
)


@pytest.fixture(scope="module")
def doc() -> Document:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    return pipe(Document(TEXT, published="2021-11-25"))


def _by_mention(doc: Document, text: str) -> Actor:
    for a in doc.actors:
        if any(m.text == text for m in a.mentions):
            return a
    raise AssertionError(f"no actor mention {text!r}: {[a.mentions for a in doc.actors]}")


def test_offsets_match_text(doc: Document) -> None:
    assert doc.actors
    for a in doc.actors:
        for m in a.mentions:
            assert doc.text[m.start:m.end] == m.text


@pytest.mark.parametrize("mention,code", [
    ("US", "USA"), ("France", "FRA"), ("Germany", "DEU"), ("UK", "GBR"),
    ("the Gulf states", "GRPGULF"), ("the Pentagon", "USAMIL"), ("IRGC", "IRNMIL"),
    ("Mossad", "ISRSPY"), ("Hezbollah", "LBNHEZ"), ("Israeli officials", "ISRGOV"),
    ("The New York Times", "USAMED"),
])
def test_codes(doc: Document, mention: str, code: str) -> None:
    assert _by_mention(doc, mention).code == code


def test_country_mentions_grouped(doc: Document) -> None:
    iran = next(a for a in doc.actors if a.code == "IRN")
    assert [m.text for m in iran.mentions].count("Iran") >= 2
    assert iran.kind == "country" and iran.country == "IRN"


def test_person_through_title(doc: Document) -> None:
    austin = _by_mention(doc, "US Defense Secretary Lloyd Austin")
    assert (austin.kind, austin.code, austin.country, austin.sector) == \
        ("person", "USAMIL", "USA", "MIL")
    assert austin.role == "Defense Secretary"
    barnea = _by_mention(doc, "Israel's spy chief David Barnea")
    assert barnea.code == "ISRSPY"


def test_person_through_apposition_and_later_mentions(doc: Document) -> None:
    k = _by_mention(doc, "Saeed Khatibzadeh")
    assert k.code == "IRNGOV" and k.kind == "person"
    texts = [m.text for m in k.mentions]
    assert texts[:3] == ["Saeed Khatibzadeh", "Khatibzadeh", "he"]
    ministry = _by_mention(doc, "Iran's Foreign Ministry")
    assert ministry.code == "IRNGOV" and ministry.kind == "institution"


def test_curated_office_holder(doc: Document) -> None:
    b = _by_mention(doc, "Blinken")
    assert (b.code, b.name, b.kind) == ("USAGOV", "Antony Blinken", "person")


def test_unknown_actor_kept(doc: Document) -> None:
    unknown = [a for a in doc.actors if a.code is None]
    assert any("Azov" in a.name for a in unknown)


@pytest.mark.parametrize("text,expected", [
    ("a spokesman for Iran's Foreign Ministry", ("IRNGOV", "IRN", "GOV", "person")),
    ("the Pentagon", ("USAMIL", "USA", "MIL", "institution")),
    ("NATO", ("IGONAT", None, None, "igo")),
    ("Iranian state media", ("IRNMED", "IRN", "MED", "institution")),
    ("Hezbollah", ("LBNHEZ", "LBN", "REB", "armed_group")),
    ("a senior Russian diplomat", ("RUSGOV", "RUS", "GOV", "person")),
    ("people familiar with the matter", (None, None, "CVL", "group")),
    ("the local bakery", (None, None, None, "unknown")),
    ("the Rapid Support Forces", ("SDNRSF", "SDN", "REB", "armed_group")),
    ("Lockheed Martin", ("USABUS", "USA", "BUS", "institution")),
    ("the Knesset", ("ISRLEG", "ISR", "LEG", "institution")),
    ("the People's Liberation Army", ("CHNMIL", "CHN", "MIL", "institution")),
    ("human rights groups", ("NGO", None, None, "ngo")),
    ("the International Labour Organization", ("IGOILO", None, None, "igo")),
    ("the Islamic Salvation Front", ("DZAOPP", "DZA", "OPP", "institution")),
    ("Jewish settlers", ("ISRCVL", "ISR", "CVL", "group")),  # settlers of Israel's state
    ("the Common Market", ("IGOEU", None, None, "igo")),  # the EU's old name
])
def test_resolve_actor_text(text: str, expected: tuple[str | None, ...]) -> None:
    assert resolve_actor_text(text) == expected


def test_user_extension_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text("code,kind,country,sector,names\n"
                     "YEMSTC,armed_group,YEM,REB,Southern Transitional Council|STC\n",
                     encoding="utf-8")
    monkeypatch.setenv(actor_lexicon.EXTRA_ENV, str(extra))
    try:
        assert resolve_actor_text("the Southern Transitional Council")[0] == "YEMSTC"
    finally:
        monkeypatch.delenv(actor_lexicon.EXTRA_ENV)
    assert resolve_actor_text("the Southern Transitional Council")[0] is None


def test_new_mexico_is_not_mexico() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Police in New Mexico arrested five men, Mexico said."))
    codes = {m.text: a.code for a in d.actors for m in a.mentions}
    assert codes.get("New Mexico") is None and codes.get("Mexico") == "MEX"


@pytest.mark.parametrize("text,date,code", [
    ("Syrian Foreign Minister Farouk al-Shara met Amr Moussa in Cairo.", "1996-07-14", "SYRGOV"),
    ("The junta freed Aung San Suu Kyi on Monday.", "1995-07-10", "MMROPP"),  # then in opposition
    ("Suu Kyi met the army chief.", "2017-03-01", "MMRGOV"),  # then State Counsellor
    ("Mubarak held talks with King Abdullah of Jordan in Aqaba.", "2001-02-05", "JORGOV"),
    ("A member of the Syrian parliament, Mohammed Mamoun, began a hunger strike.", "2003-03-01",
     "SYRLEG"),  # the role's body gives the sector
])
def test_dated_office_holder(text: str, date: str, code: str) -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document(text, published=date))
    assert code in {a.code for a in d.actors if a.kind == "person"}


@pytest.mark.parametrize("text,code", [
    ("Cairo's security chief warned the protesters.", "EGYCOP"),  # a seat as possessor
    ("Moscow's ambassador was summoned.", "RUSGOV"),
])
def test_seat_possessor_names_official(text: str, code: str) -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document(text, published="2005-01-01"))
    assert code in {a.code for a in d.actors}


@pytest.mark.parametrize("text,absent", [
    ("White House endorses court ruling | Bangkok Post: news", "THAGOV"),  # a newspaper
    ("ROME - Bernie Sanders met privately with Pope Francis on Saturday.", "ITAGOV"),  # dateline
    ("Similarly, William J. Bennett, a Reagan education secretary, said he could not support "
     "the movement.", "ISRGOV"),  # not Naftali Bennett
    ("The court lifted limits on the use of the Russian language in schools.", "RUS"),  # a tongue
    ("It was Iran Bush should have invaded after 9/11, not Iraq.", "IRNGOV"),  # not his title
    ("Trump has pledged to cancel the Paris climate agreement.", "FRAGOV"),  # a treaty's name
    ("Mr. English, an activist, worked with Mr. Vander Plaats on a recall.", "GBR"),  # surname
    ("The Northern Irish DUP will not support the deal.", "IRL"),  # Northern Ireland is British
])
def test_not_an_actor(text: str, absent: str) -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document(text, published="2018-06-01"))
    assert absent not in {a.code for a in d.actors}


@pytest.mark.parametrize("text,mention,code", [
    ("Marie Collins, an Irish abuse survivor, was appointed in 2014.", "Marie Collins",
     "IRLCVL"),  # a private person's role
    ("Trump urged the Attorney General of the United States to step in.",
     "Attorney General of the United States", "USAGOV"),  # not a general
    ("Russian military intelligence officers hacked the campaign.",
     "Russian military intelligence officers", "RUSSPY"),
    ("Natalia Veselnitskaya met Donald Trump Jr. in June 2016.", "Donald Trump Jr.",
     None),  # not his father
    ("The home of a 26-year-old Berlin man was raided by police.", "Berlin man", "DEUCVL"),
    ("Moscow officials said the talks would go on.", "Moscow", "RUSGOV"),
    ("Iranian women protested in Tehran.", "Iranian women", "IRNCVL"),
    ("Turkish Americans have provided suspicious gifts to U.S. political campaigns.",
     "Turkish Americans", "USA"),  # Americans of Turkish descent
])
def test_roles_decide_the_sector(text: str, mention: str, code: str | None) -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document(text, published="2018-06-01"))
    got = {m.text: a.code for a in d.actors for m in a.mentions}
    assert mention in got and got[mention] == code, got


def test_a_policy_name_is_no_unknown_actor() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Tusk said the Brexit deal agreed with Theresa May's government was not "
                      "open to renegotiation.", published="2019-01-10"))
    names = {a.name for a in d.actors}
    assert "Brexit" not in names and "Theresa May" in names, names


def test_name_tagged_as_place_is_a_person_by_its_role() -> None:
    # the tagger reads "Oshima" (also a town's name) as a place; the apposition gives a role
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded "
                      "access to Iraq.", published="2003-04-01"))
    oshima = _by_mention(d, "Oshima")
    assert (oshima.kind, oshima.code) == ("person", "IGOUNO")


@pytest.mark.parametrize("text,mention,code", [
    ("Ethnic Albanians in south Serbia demanded autonomy.", "Albanians", "SRBCVL"),
    ("The Albanians of southern Serbia demanded autonomy.", "Albanians", "SRBCVL"),
    ("Kurds in Turkey protested on Sunday.", "Kurds", "TURCVL"),
    ("Americans in Iraq were told to leave.", "Americans", "USA"),  # abroad, not a minority
    ("The UN will send aid to refugees fleeing the civil war in Liberia.", "refugees",
     "LBRREF"),
    ("Refugees from Syria crossed into Jordan.", "Refugees", "SYRREF"),
    ("Serbs demanded a truce with Moslem forces in east Bosnia.", "Moslem forces", "BIHMIL"),
    ("The army fought forces in Iraq.", "forces", None),  # unmarked forces may be foreign
])
def test_people_placed_in_a_state(text: str, mention: str, code: str | None) -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document(text, published="2001-01-01"))
    assert _by_mention(d, mention).code == code


def test_ethnic_insurgency_is_its_state_s_rebels() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Burmese troops captured a Karen guerrilla stronghold.",
                      published="1995-01-27"))
    assert _by_mention(d, "Karen guerrilla").code == "MMRARA"


@pytest.mark.parametrize("text,date,mention,code", [
    # an office holder named outside the office is of the state's elite, not its government
    ("Trump spoke at a rally in Ohio.", "2016-08-10", "Trump", "USAELI"),
    ("Trump spoke at a rally in Ohio.", "2018-08-10", "Trump", "USAGOV"),
    # a private person's role does not make them an official
    ("Police killed the gunman, Omar Mateen, a U.S. citizen.", "2016-06-12", "Omar Mateen",
     "USACVL"),
])
def test_people_coded_by_office_and_date(text: str, date: str, mention: str, code: str) -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document(text, published=date))
    assert _by_mention(d, mention).code == code


@pytest.mark.parametrize("text,mention,code", [
    # named with other US states, Georgia is the state throughout the text
    ("Clinton won Virginia, Georgia and Alabama. Trump posted “Thank you Georgia” later.",
     "Georgia", None),
    ("Russia invaded Georgia in 2008. Senators from Tennessee protested.", "Georgia", "GEO"),
    # the Georgian capital keeps the country even beside a US state
    ("Georgia and Texas signed a trade memo in Tbilisi.", "Georgia", "GEO"),
])
def test_a_country_named_like_a_us_state(text: str, mention: str, code: str | None) -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document(text, published="2016-03-01"))
    found = [a for a in d.actors if any(m.text == mention for m in a.mentions)]
    assert all(a.code == code for a in found), [(a.code, a.name) for a in found]


def test_a_bare_surname_is_the_namesake_the_text_names() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Millis blamed Barry Bennett, the campaign manager. Bennett denied it.",
                      published="2021-08-01"))
    assert all(a.code is None for a in d.actors if a.name and "Bennett" in a.name)
    d = pipe(Document("Israeli Prime Minister Bennett met Biden. Bennett said Israel would act.",
                      published="2021-08-01"))
    assert {a.code for a in d.actors if any(m.text == "Bennett" for m in a.mentions)} == {
        "ISRGOV"}
    d = pipe(Document("Police searched for Abdul-Ghani and met Bashar Al-Assad.",
                      published="2018-08-06"))
    assert {a.code for a in d.actors if a.kind == "person"} == {None, "SYRGOV"}


def test_a_place_or_a_slogan_beside_a_name_is_no_role() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Democrat’s Friend Louis Farrakhan In Iran: “Death to America!”",
                      published="2018-11-05"))
    assert _by_mention(d, "Louis Farrakhan").code is None
    d = pipe(Document("Gulen, the popular US-based preacher, denied it.", published="2016-08-29"))
    assert not [a for a in d.actors if a.code == "USA" and "preacher" in a.mentions[0].text]


def test_dictionary_files_have_one_value_per_column() -> None:
    # a stray comma ("Lebanon, Pennsylvania" unquoted) silently cuts a row's name list short
    import csv

    data = Path(actor_lexicon.__file__).parent / "data"
    for path in sorted(data.glob("*.csv")):
        rows = list(csv.reader(path.open(encoding="utf-8")))
        assert all(len(r) == len(rows[0]) for r in rows if r), path.name
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Oneida Indian Nation leader Ray Halbritter met voters in Lebanon, "
                      "Pennsylvania.", published="2016-06-28"))
    assert not [a for a in d.actors if a.code and a.code[:3] in ("IND", "LBN")]


def test_heritage_and_surnames_are_not_states() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("“We are here to welcome them,” said Hala Agha, a second-generation "
                      "Syrian-American resident. Mark Cuban is a billionaire. Cuban also said he "
                      "supports the law.", published="2016-05-22"))
    assert not [a for a in d.actors if a.country in ("SYR", "CUB")], [
        (a.code, a.name) for a in d.actors]
    assert _by_mention(d, "Hala Agha").country == "USA"


def test_one_national_and_a_family_are_people_not_the_state() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("The first American to carry out a suicide bombing in Syria, Moner "
                      "Mohammad Abusalha, blew himself up. Patricia Smith, the mother of an "
                      "American killed in Benghazi, sued.", published="2016-06-14"))
    assert _by_mention(d, "American").code == "USACVL"
    assert _by_mention(d, "Patricia Smith").code == "USACVL"


def test_a_longer_name_and_forces_based_abroad() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("The cleric Anwar al-Awlaki, who was killed in a 2011 U.S. drone strike, "
                      "preached. A special forces team, based in Tripoli, was deployed.",
                      published="2016-01-02"))
    assert _by_mention(d, "Anwar al-Awlaki").code is None  # not Anwar Ibrahim, not the US
    assert not [a for a in d.actors if a.code == "LBY"]


def test_envoys_datelines_laws_colonies_and_typographic_apostrophes() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("KABUL, Afghanistan (AP) \u2014 Kurt Volker, the former special envoy to "
                      "Ukraine, testified. US ambassador to Ukraine Marie Yovanovitch spoke. The "
                      "Hong Kong Human Rights and Democracy Act passed. Troops moved onto the "
                      "former British colony's streets. The People\u2019s Liberation Army "
                      "could be deployed.", published="2019-11-20"))
    assert _by_mention(d, "Kurt Volker").country is None  # sent to Ukraine, not its own
    assert _by_mention(d, "US ambassador to Ukraine Marie Yovanovitch").code == "USAGOV"
    assert _by_mention(d, "AP").sector == "MED"  # the agency stays; the filing place does not
    assert not [a for a in d.actors if a.country in ("AFG", "GBR")], [
        (a.code, [m.text for m in a.mentions]) for a in d.actors]
    assert not [a for a in d.actors if any("Act" in m.text for m in a.mentions)]
    assert _by_mention(d, "People\u2019s Liberation Army").code == "CHNMIL"


def test_two_nations_of_one_person_and_a_list_of_cities() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Gilbert Chagoury, a Lebanese-Nigerian real estate developer, donated. "
                      "Russian-Ukrainian talks failed. Orlando takes a place with Paris, "
                      "Brussels, Beirut and other cities struck by terrorism. Brussels and "
                      "Washington condemned the attack.", published="2016-06-15"))
    assert not [a for a in d.actors if a.country == "LBN" and  # one person, coded once
                any(m.text == "Lebanese" for m in a.mentions)]
    assert _by_mention(d, "Gilbert Chagoury").code == "NGACVL"
    assert {"RUS", "UKR"} <= {a.country for a in d.actors}  # two states at the table
    assert _by_mention(d, "Beirut").code == "LBN"
    codes = {a.code for a in d.actors if any(m.text == "Brussels" for m in a.mentions)}
    assert codes == {"BEL", "IGOEU"}  # the city in the list, the EU as the one condemning


def test_athletes_and_a_lone_hacker_are_people_not_their_state() -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document("Brazilian police charge the American swimmer with filing a false report. "
                      "The Romanian hacker was sentenced. A Chinese student was arrested.",
                      published="2016-08-25"))
    assert _by_mention(d, "American swimmer").code == "USACVL"
    assert _by_mention(d, "Romanian hacker").code == "ROUCVL"
    assert _by_mention(d, "Chinese student").code == "CHNEDU"


@pytest.mark.parametrize("text,date,mention,code", [
    # congressional leaders and officials of 2015-2025 the dated list now holds
    ("Speaker Paul Ryan met Pelosi on Tuesday.", "2016-05-10", "Paul Ryan", "USALEG"),
    ("Speaker Paul Ryan met Pelosi on Tuesday.", "2016-05-10", "Pelosi", "USALEG"),
    ("Mueller indicted 12 Russian intelligence officers.", "2018-07-13", "Mueller", "USAJUD"),
    ("Juncker spoke with Barnier in Brussels.", "2018-11-25", "Barnier", "IGOEU"),
    ("Bolsonaro flew to Washington.", "2019-03-17", "Bolsonaro", "BRAGOV"),
    # a party's leader is the opposition, unless the party rules
    ("France's far-right National Front party leader, Marine Le Pen, voiced support for "
     "Trump.", "2016-08-31", "Marine Le Pen", "FRAOPP"),
    ("Vietnam's Communist Party chief Nguyen Phu Trong met Xi Jinping.", "2022-10-31",
     "Vietnam's Communist Party chief Nguyen Phu Trong", "VNMGOV"),
    # a scholar at a US university named after a state that is also a country
    ("Shen Xincheng, a doctoral candidate at the Georgia Institute of Technology, wrote it.",
     "2016-03-04", "Shen Xincheng", None),
])
def test_more_office_holders_and_namesake_universities(text: str, date: str, mention: str,
                                                        code: str | None) -> None:
    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    d = pipe(Document(text, published=date))
    assert _by_mention(d, mention).code == code
    assert not [a for a in d.actors if a.code == "GEO"]


def test_a_national_named_with_no_office_is_a_private_person() -> None:
    from allegiance.config import Settings
    from allegiance.document import Document
    from allegiance.pipeline import build_pipeline

    pipe = build_pipeline(Settings(stages=("nlp", "actors")))
    doc = pipe(Document("He had more training than American John Walker Lindh. Britain's Boris "
                        "Johnson met Russian opposition leader Alexei Navalny.",
                        published="2019-10-01"))
    codes = {m.text: a.code for a in doc.actors if a.kind == "person" for m in a.mentions}
    assert codes["American John Walker Lindh"] == "USACVL"  # not an official
    assert codes["Boris Johnson"] == "GBRGOV"  # the list of office holders knows him
    assert codes["Russian opposition leader Alexei Navalny"] == "RUSOPP"
