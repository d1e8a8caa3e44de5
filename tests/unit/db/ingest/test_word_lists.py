"""The general word lists (lexicon.py) on invented text: each list's words at work in
the forms English news writing and transcripts use them, one sentence per word or form."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

_WORDS = "We will rebuild the harbour wall this year"

# Reporting verbs a reporter sets around a quote, in the past tense and the present.
REPORTING_VERBS = [
    "maintained", "contended", "asserted", "affirmed", "retorted", "revealed",
    "disclosed", "confessed", "alleged", "demanded", "begged", "inquired", "enquired",
    "queried", "reasoned", "posited", "speculated", "estimated", "reassured", "recited",
    "preached", "vows", "pledges", "maintains", "insists",
]  # fmt: skip


@pytest.mark.parametrize("verb", REPORTING_VERBS)
def test_a_reporting_verb_after_a_quote_names_its_speaker(verb: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," Tomas Reed {verb}.\n')
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


@pytest.mark.parametrize("verb", REPORTING_VERBS)
def test_a_reporting_verb_before_its_subject_names_the_speaker(verb: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," {verb} Tomas Reed.\n')
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


@pytest.mark.parametrize("verb", ["maintained", "retorted", "confessed"])
def test_a_reporting_verb_binds_a_pronoun_to_the_speaker(verb: str) -> None:
    doc = parse(
        f'Harbour wall\n\nTomas Reed spoke at the meeting on Monday.\n\n"{_WORDS}," he {verb}.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


def test_a_base_form_after_an_auxiliary_names_the_speaker() -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," Tomas Reed would later maintain.\n')
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


# Verbs of the manner of speaking, of praise and blame, and of writing online, which
# feature and sports writing sets after a quote as it does "said".
MANNER_VERBS = [
    "muttered", "snapped", "thundered", "gushed", "enthused", "scoffed", "grumbled",
    "interjected", "marvelled", "fumes", "praised", "hailed", "slammed", "blasted",
    "criticised", "criticized", "condemned", "thanked", "apologised", "welcomed",
    "posted", "texted", "emailed",
]  # fmt: skip


@pytest.mark.parametrize("verb", MANNER_VERBS)
def test_a_verb_of_manner_after_a_quote_names_its_speaker(verb: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," Tomas Reed {verb}.\n')
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


def test_a_verb_of_manner_binds_a_pronoun_to_the_speaker() -> None:
    doc = parse(
        f'Harbour wall\n\nTomas Reed spoke at the meeting on Monday.\n\n"{_WORDS}," he scoffed.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


# A participle after a comma carries a quote on from the sentence's own verb ("Reed
# praised the crews, adding, "..."").
PARTICIPLES = ["adding", "noting", "insisting", "explaining", "arguing", "vowing"]


@pytest.mark.parametrize("verb", PARTICIPLES)
def test_a_participle_and_a_comma_introduce_a_quote(verb: str) -> None:
    doc = parse(f'Harbour wall\n\nTomas Reed praised the crews on Monday, {verb}, "{_WORDS}."\n')
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


# Titles of offices in government, the forces, the courts, the church, universities and
# the peerage, written out or abbreviated, before a full name: the name is the person's
# without the title, whether the title leads the sentence or follows the speech verb.
TITLE_WORDS = [
    "Taoiseach", "Field Marshal", "Brigadier", "Major", "Corporal", "Commodore",
    "Cardinal", "Monsignor", "Archdeacon", "Provost", "Vice-Chancellor",
    "President-elect", "Governor-General", "Director-General", "Congresswoman",
    "Councilman", "Baroness", "Viscount", "Headteacher", "Chairperson", "Magistrate",
    "Coroner", "Comptroller", "Ombudsman", "Grand Mufti", "Lecturer", "Columnist",
    "Umpire", "Miss", "Mme", "Maj.", "Brig.", "Cpl.", "Pte.", "Pvt.", "Adm.", "Cmdr.",
    "Insp.", "Supt.", "Hon.", "Rt. Hon.", "Fr.", "Msgr.", "Amb.", "Det. Supt.", "Coun.",
]  # fmt: skip


@pytest.mark.parametrize("title", TITLE_WORDS)
def test_a_title_before_a_name_is_not_part_of_it(title: str) -> None:
    doc = parse(f'Harbour wall\n\n{title} Tomas Reed said on Monday: "{_WORDS}."\n')
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


@pytest.mark.parametrize("title", TITLE_WORDS)
def test_a_title_after_the_speech_verb_is_not_the_speaker(title: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," said {title} Tomas Reed.\n')
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


def test_the_office_refers_back_to_the_titled_person() -> None:
    doc = parse(
        "Harbour wall\n\nCoroner Tomas Reed opened the inquest on Monday.\n\n"
        f'"{_WORDS}," the coroner said.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


@pytest.mark.parametrize("office", ["Chief Coroner", "Parliamentary Ombudsman"])
def test_a_run_ending_in_an_office_is_nobody(office: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," the {office} said on Monday.\n')
    assert quote_with(doc, _WORDS).speaker is None
    assert not doc.people


# A place whose name opens with San, Santa, Port or Lake and goes on with a given name,
# then a noun: the given name is the place's, and nobody in the text is named by it.
PLACES = ["Santa Barbara Zoo", "San Antonio Zoo", "Port Elizabeth Harbour", "Lake Victoria Basin"]


@pytest.mark.parametrize("place", PLACES)
def test_a_given_name_after_a_place_prefix_names_no_one(place: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," the head of {place} said on Monday.\n')
    assert quote_with(doc, _WORDS).speaker is None
    assert not doc.people


# Given names used (almost) only for one sex, from many languages: "he" passes over a
# woman named by one and "she" over a man, to the other person of the sentence.
FEMININE = ["Siobhan", "Aoife", "Ngozi", "Chioma", "Michiko", "Svetlana", "Ximena",
            "Khadija", "Deepika", "Zainab", "Agnieszka", "Priyanka", "Bethan"]  # fmt: skip
MASCULINE = ["Kwame", "Emeka", "Hiroshi", "Sergei", "Javier", "Rahul", "Khalid",
             "Mehmet", "Wolfgang", "Thabo", "Joaquin", "Seamus", "Dafydd"]  # fmt: skip


@pytest.mark.parametrize("given", FEMININE)
def test_he_passes_over_a_feminine_given_name(given: str) -> None:
    doc = parse(
        f"Harbour wall\n\n{given} Okafor met Lyle Reed at the harbour on Monday.\n\n"
        f'"{_WORDS}," he said.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Lyle Reed"


@pytest.mark.parametrize("given", MASCULINE)
def test_she_passes_over_a_masculine_given_name(given: str) -> None:
    doc = parse(
        f"Harbour wall\n\n{given} Okafor met Lyle Reed at the harbour on Monday.\n\n"
        f'"{_WORDS}," she said.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Lyle Reed"


# Names used for both sexes (Andrea Bocelli and Andrea Leadsom, Chris Evert) say nothing
# of gender: the pronoun may refer to the sentence's subject, whatever it is.
EITHER_SEX = [("Andrea", "he"), ("Nicola", "he"), ("Kelly", "he"), ("Chris", "she")]


@pytest.mark.parametrize(("given", "pronoun"), EITHER_SEX)
def test_a_given_name_of_either_sex_fits_either_pronoun(given: str, pronoun: str) -> None:
    doc = parse(
        f"Harbour wall\n\n{given} Okafor met Lyle Reed at the harbour on Monday.\n\n"
        f'"{_WORDS}," {pronoun} said.\n'
    )
    assert quote_with(doc, _WORDS).speaker == f"{given} Okafor"


# A given name ending like an adverb or a past tense ("Emily", "Kelly", "Ahmed", "Fred")
# that opens a sentence is the person's, not a word before their name ("Separately").
@pytest.mark.parametrize("given", ["Emily", "Kelly", "Sally", "Ahmed", "Fred"])
def test_a_given_name_ending_in_ly_or_ed_opens_a_name(given: str) -> None:
    doc = parse(f'Harbour wall\n\n{given} Okafor told the meeting: "{_WORDS}."\n')
    assert quote_with(doc, _WORDS).speaker == f"{given} Okafor"


# "the <nationality> <office>" refers back to the one of two office holders whose
# country the text gave: nationalities of every continent, and offices beyond president.
NATIONAL_OFFICES = [
    ("Venezuelan", "president"), ("Lebanese", "prime minister"), ("Sri Lankan", "president"),
    ("South Korean", "president"), ("Filipino", "president"), ("Ghanaian", "president"),
    ("Kazakh", "president"), ("Qatari", "emir"), ("Omani", "sultan"),
    ("Scottish", "first minister"),
]  # fmt: skip


@pytest.mark.parametrize(("nationality", "office"), NATIONAL_OFFICES)
def test_a_nationality_and_an_office_refer_back_to_their_holder(
    nationality: str, office: str
) -> None:
    doc = parse(
        f"Harbour wall\n\n{nationality} {office.title()} Tomas Reed met French "
        f"{office.title()} Lyle Carver in Geneva on Monday.\n\n"
        f'"{_WORDS}," the {nationality} {office} said.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


# Bodies that speak for themselves, named by the noun that closes their name: courts and
# inquiries, legislatures, units of the forces, museums and schools, firms, clubs,
# churches and campaigns.
BODY_NOUNS = [
    "Tribunal", "Inquiry", "Cabinet", "Regiment", "Guard", "Gallery", "Zoo", "Academy",
    "Charity", "Campaign", "Airline", "Railway", "Mission", "Church", "Club", "FC", "Watch",
]  # fmt: skip


@pytest.mark.parametrize("noun", BODY_NOUNS)
def test_a_body_named_by_its_closing_noun_speaks(noun: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," the Kettle Harbour {noun} said in a statement.\n')
    assert quote_with(doc, _WORDS).speaker == f"Kettle Harbour {noun}"


# Words a writer sets between a speaker and the speech verb after a quote: times
# ("yesterday", British papers' "Mr Reed yesterday said"; "on Monday", "last week", US
# papers'), sequence ("earlier", "finally") and manner ("angrily", "tearfully").
BETWEEN = [
    "yesterday", "earlier", "had earlier", "has since", "on Monday", "last week",
    "finally", "too", "apparently", "angrily", "tearfully",
]  # fmt: skip


@pytest.mark.parametrize("between", BETWEEN)
def test_words_between_a_speaker_and_the_verb_keep_the_speaker(between: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," Tomas Reed {between} said.\n')
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


@pytest.mark.parametrize("between", ["yesterday", "on Monday", "angrily"])
def test_words_between_a_pronoun_and_the_verb_keep_the_speaker(between: str) -> None:
    doc = parse(
        "Harbour wall\n\nTomas Reed visited the wall on Monday.\n\n"
        f'"{_WORDS}," he {between} said.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


# A newspaper's masthead noun closes the name of a body that reports, not a person's.
MASTHEADS = ["Guardian", "Observer", "Examiner", "Echo", "Courier", "Standard", "Monitor"]


@pytest.mark.parametrize("masthead", MASTHEADS)
def test_a_newspaper_reports_as_a_body_not_a_person(masthead: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," the Kettle {masthead} reported on Monday.\n')
    assert quote_with(doc, _WORDS).speaker == f"Kettle {masthead}"
    assert not doc.people


# Where the words were said or written: a quote's occasion ("in a podcast", "in a
# sermon", "in a blog post", "in an op-ed").
OCCASIONS = ["a podcast", "a sermon", "a eulogy", "an op-ed", "a news release", "a blog post"]


@pytest.mark.parametrize("occasion", OCCASIONS)
def test_the_occasion_of_a_quote_is_its_context(occasion: str) -> None:
    doc = parse(f'Harbour wall\n\n"{_WORDS}," Tomas Reed said in {occasion} on Monday.\n')
    quote = quote_with(doc, _WORDS)
    assert quote.speaker == "Tomas Reed"
    assert quote.context is not None
    assert occasion in quote.context


# Titles that say a person's sex: the pronoun of the other sex passes over their holder,
# whatever the given name.
GENDERED_TITLES = [
    ("Congresswoman", "he"), ("Councilwoman", "he"), ("Headmistress", "he"),
    ("Viscountess", "he"), ("Mme", "he"), ("Congressman", "she"), ("Councilman", "she"),
    ("Headmaster", "she"), ("Marquess", "she"), ("Monsignor", "she"), ("Cardinal", "she"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "pronoun"), GENDERED_TITLES)
def test_a_gendered_title_decides_the_pronoun(title: str, pronoun: str) -> None:
    doc = parse(
        f"Harbour wall\n\n{title} Lyle Okafor met Sam Reed at the harbour on Monday.\n\n"
        f'"{_WORDS}," {pronoun} said.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Sam Reed"


# A speech verb whose object is the one spoken to or of ("Reed thanked Carver"): the
# object does not speak, so a later "he said" is still the subject's.
OBJECT_VERBS = ["thanked", "praised", "urged", "warned", "welcomed", "criticised", "begged"]


@pytest.mark.parametrize("verb", OBJECT_VERBS)
def test_the_object_of_a_speech_verb_is_not_the_next_speaker(verb: str) -> None:
    doc = parse(
        "Harbour wall\n\nLyle Carver was at the harbour on Monday. "
        f'Tomas Reed {verb} Carver. "{_WORDS}," he said.\n'
    )
    assert quote_with(doc, _WORDS).speaker == "Tomas Reed"


# Someone unnamed who speaks ("One fisherman said ..."): a "he" after them is theirs,
# not the person the text named before.
UNNAMED = ["fisherman", "bystander", "diplomat", "paramedic", "protester", "volunteer"]


@pytest.mark.parametrize("noun", UNNAMED)
def test_an_unnamed_speaker_takes_the_next_pronoun(noun: str) -> None:
    doc = parse(
        "Harbour wall\n\nTomas Reed visited the harbour on Monday.\n\n"
        f'One {noun} said the wall was weak. "{_WORDS}," he added.\n'
    )
    assert quote_with(doc, _WORDS).speaker is None
