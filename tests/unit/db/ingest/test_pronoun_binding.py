"""Binding "he" and "she" on invented text: a name set off in brackets is an aside, and a
name that opens someone's reported words is what was said, not who said it. Neither is
what a later "he added" refers to; the person who spoke is."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

# One speaker, then an aside in brackets after their name, as publishers write them:
# a ward and a party (UK councils), a party and a state (US Congress), a photo caption.
ASIDES = [
    ("Councillor Tomas Reed (Harbour Ward, Green Party)", "Tomas Reed"),
    ("Senator Tomas Reed (Kettle County, Farm Union)", "Tomas Reed"),
    ("Tomas Reed (pictured with Lyle Carver)", "Tomas Reed"),
    ("Tomas Reed (Norra Strand, Coast Alliance), the group leader,", "Tomas Reed"),
]


@pytest.mark.parametrize(("lead", "speaker"), ASIDES)
def test_a_name_in_brackets_is_no_one_a_pronoun_refers_to(lead: str, speaker: str) -> None:
    doc = parse(
        "Harbour wall vote\n\n"
        f"{lead} said the wall had been left to crumble for years.\n\n"
        'He added: "We will not let the harbour fall into the sea."\n'
    )
    assert quote_with(doc, "fall into the sea").speaker == speaker


@pytest.mark.parametrize(("lead", "speaker"), ASIDES)
def test_a_name_in_brackets_is_not_the_subject_of_the_verb(lead: str, speaker: str) -> None:
    doc = parse(
        f'Harbour wall vote\n\n{lead} said the wall was an "old and fragile friend" of the town.\n'
    )
    assert quote_with(doc, "old and fragile friend").speaker in {speaker, None}


# Someone speaks about someone else, then "he said": the forms a reported clause takes.
REPORTED = [
    "Mayor Tomas Reed said Lyle Carver had served the town for forty years.",
    "Mayor Tomas Reed said that Cllr Carver was a loyal friend to the harbour.",
    "Mayor Tomas Reed told the meeting that Lyle Carver had never missed a vote.",
    "Mayor Tomas Reed says Mr Carver will be remembered at the harbour.",
]


@pytest.mark.parametrize("sentence", REPORTED)
def test_the_subject_of_reported_words_is_not_the_next_speaker(sentence: str) -> None:
    doc = parse(
        f'Tributes to a councillor\n\n{sentence}\n\nHe said: "The whole harbour will miss him."\n'
    )
    assert quote_with(doc, "whole harbour will miss").speaker == "Tomas Reed"


def test_a_reported_subject_still_speaks_when_named_in_a_later_sentence() -> None:
    doc = parse(
        "Tributes to a councillor\n\n"
        "Mayor Tomas Reed said the harbour would miss him.\n\n"
        "Lyle Carver was at the meeting too.\n\n"
        'He said: "It was a sad evening for us all."\n'
    )
    assert quote_with(doc, "sad evening").speaker == "Lyle Carver"


def test_a_name_after_said_and_before_a_comma_still_speaks() -> None:
    doc = parse(
        "Harbour wall vote\n\n"
        '"The wall must be rebuilt," said Tomas Reed, the harbour master.\n\n'
        'He added: "We start in the spring."\n'
    )
    assert quote_with(doc, "start in the spring").speaker == "Tomas Reed"


# ", he said." closing a sentence of reported words: whoever it reports is not the one
# who said them ("The plan was Reed's, he said" is not Reed's word about himself).
CLOSINGS = [
    "he said.",
    "he said on Monday.",
    "he told reporters.",
    "he said, adding that the port would stay shut.",
]


@pytest.mark.parametrize("closing", CLOSINGS)
def test_a_name_in_the_words_a_pronoun_reports_is_not_the_pronoun(closing: str) -> None:
    doc = parse(
        "Port closure\n\n"
        "Harbour master Dan Okoro spoke to reporters at the quay.\n\n"
        f"The closure had been forced on the port by Lyle Carver and the council, {closing}\n\n"
        '"We had no choice at all," he added.\n'
    )
    assert quote_with(doc, "no choice at all").speaker == "Dan Okoro"


def test_a_pronoun_after_a_quotation_still_binds_to_the_name_before_it() -> None:
    doc = parse(
        "Port closure\n\n"
        "Harbour master Dan Okoro spoke to reporters at the quay.\n\n"
        "The council then asked Lyle Carver to explain the closure.\n\n"
        'Lyle Carver was blunt. "We had no choice at all," he said.\n'
    )
    assert quote_with(doc, "no choice at all").speaker == "Lyle Carver"


# A full name of three words, then the same name without its last word, as Malay and
# Brazilian texts shorten names: one person, whose full name is a mention too.
SHORTENED = [
    ("Wan Azmi Rahman", "Wan Azmi"),
    ("Nik Farid Hassan", "Nik Farid"),
    ("Tunku Idris Salleh", "Tunku Idris"),
]


@pytest.mark.parametrize(("full", "short"), SHORTENED)
def test_a_name_shortened_to_its_first_words_is_still_a_person(full: str, short: str) -> None:
    doc = parse(
        "Port to reopen\n\n"
        f"KUALA LUMPUR: {full} has said the port will reopen next week.\n\n"
        "It was not his decision to close it after Lyle Carver ordered an inquiry, he said.\n\n"
        '"We are ready to open the gates," he said.\n\n'
        f"Later, {short} said the gates had been repaired.\n"
    )
    assert quote_with(doc, "ready to open the gates").speaker in {full, short}


# A second name inside a relative or adverbial clause of the sentence: its subject is
# not the sentence's own, and a later "she" means the one the sentence is about.
SUBORDINATE = [
    "Kemi Adeyemi, 39, who lives where Tunde Bello once farmed, said the field flooded.",
    "Kemi Adeyemi said the field flooded because Tunde Bello had blocked the drain.",
    "Kemi Adeyemi was at home when Tunde Bello called about the flood.",
    "Kemi Adeyemi, whose farm lies where Tunde Bello grazes sheep, saw the flood.",
]


@pytest.mark.parametrize("sentence", SUBORDINATE)
def test_a_name_in_a_clause_inside_the_sentence_is_not_its_subject(sentence: str) -> None:
    doc = parse(f'Field floods\n\n{sentence}\n\nShe said: "The water came up to the windows."\n')
    assert quote_with(doc, "up to the windows").speaker == "Kemi Adeyemi"


def test_a_clause_opening_its_sentence_still_gives_the_pronoun_its_subject() -> None:
    doc = parse(
        "Field floods\n\n"
        "Kemi Adeyemi farms the lower field.\n\n"
        'When Tunde Bello arrived, he said: "The drain is blocked."\n'
    )
    assert quote_with(doc, "drain is blocked").speaker == "Tunde Bello"


# Someone unnamed, an article and a noun, speaks: a "he" after it is that person, not
# the last person the text named.
UNNAMED = [
    "An appellant claimed in court",
    "The defendant insisted on Monday",
    "A bystander told reporters",
    "The caller said",
]


@pytest.mark.parametrize("opening", UNNAMED)
def test_an_unnamed_speaker_is_not_the_last_person_named(opening: str) -> None:
    doc = parse(
        "Sign dispute\n\n"
        "Tomas Reed runs the harbour cafe.\n\n"
        f"{opening} that the cafe had misled him.\n\n"
        '"The sign was far too small to read," he said.\n'
    )
    assert quote_with(doc, "far too small").speaker is None


# Someone unnamed speaks right after a quotation ("...," the official said.): a later
# "he" is that person too, not the person named before the unnamed one.
UNNAMED_AFTER = [
    "the official said",
    "a senior harbour official told reporters",
    "said another worried resident",
    "one witness added",
]


@pytest.mark.parametrize("attribution", UNNAMED_AFTER)
def test_an_unnamed_speaker_after_a_quote_is_the_one_he_refers_to(attribution: str) -> None:
    doc = parse(
        "Quay flood\n\n"
        '"The water rose very fast," harbour master Tomas Reed said.\n\n'
        f'"Several boats were lost in the night," {attribution}.\n\n'
        '"The whole market is under water," he added.\n'
    )
    assert quote_with(doc, "under water").speaker is None
    assert quote_with(doc, "rose very fast").speaker == "Tomas Reed"


def test_a_noun_the_next_words_name_is_the_named_speaker() -> None:
    """`"...," adds another resident, Ann Lee.`: the noun is the named person."""
    doc = parse(
        "Quay flood\n\n"
        '"The water rose very fast," harbour master Tomas Reed said.\n\n'
        '"We lost everything," adds another resident, Ann Lee. "She was terrified."\n\n'
        '"We will rebuild," she said.\n'
    )
    assert quote_with(doc, "rebuild").speaker == "Ann Lee"


# A name after its lowercase description (a "false title", as news style writes it) is the
# sentence's subject when the description opens the clause, and no subject when the
# description is an object's or an apposition that closes the sentence.
DESCRIBED_SUBJECTS = [
    "In a letter, Harbour mayor Tomas Reed thanked the crews, praising Lyle Carver",
    "On Monday, local farmer Tomas Reed warned the board, naming Lyle Carver",
    "Later, the former coach Tomas Reed (Kettle Rovers) wrote to Lyle Carver",
]


@pytest.mark.parametrize("sentence", DESCRIBED_SUBJECTS)
def test_a_described_name_opening_its_clause_is_the_next_speaker(sentence: str) -> None:
    doc = parse(
        "Harbour wall vote\n\n"
        f'{sentence} for "years of quiet work".\n\n'
        '"We owe the harbour wall to the whole town," he said.\n'
    )
    assert quote_with(doc, "whole town").speaker == "Tomas Reed"


def test_a_described_name_closing_its_sentence_is_not_the_subject() -> None:
    doc = parse(
        "Harbour wall vote\n\n"
        "Lyle Carver rang the harbour office on Monday to his father, Harbour chairman "
        "Tomas Reed.\n\n"
        '"It is the first call from the new line," he said.\n'
    )
    assert quote_with(doc, "first call").speaker == "Lyle Carver"


# A sentence whose subject is "She" lists other people after commas; the list's commas
# open no clause, so none of the names listed becomes the subject "she" goes on with.
LISTS = [
    "the board of Mary Stone, herself, Jane Wood, Lucy Hart, and Bill Cole met",
    "the board of Mary Stone, Jane Wood, Lucy Hart and Bill Cole met",
    "the board, made up of Tom Reed, Jane Wood or Lucy Hart, met",
]


@pytest.mark.parametrize("listed", LISTS)
def test_names_listed_after_commas_are_not_the_subject(listed: str) -> None:
    doc = parse(
        "Harbour board\n\n"
        "Harbour chair Ann Lee says the board was pressed hard over the wall.\n\n"
        f"She told the town that {listed} every week.\n\n"
        '"We agreed not to take any calls," she explained.\n'
    )
    assert quote_with(doc, "not to take any calls").speaker == "Ann Lee"


def test_a_name_described_after_a_comma_still_opens_its_clause() -> None:
    """'Following the vote, Ann Lee, Chair of the Board, said': a description after the
    name, capitalised or not, leaves the name the subject."""
    doc = parse(
        "Harbour board\n\n"
        "Following the vote, Ann Lee, Chair of the Harbour Board, said the wall would stay.\n\n"
        '"We will not let it fall," she said.\n'
    )
    assert quote_with(doc, "not let it fall").speaker == "Ann Lee"


@pytest.mark.parametrize(
    "head",
    ["Ann Lee", "Harbour chair Ann Lee", "The harbour chair, Ann Lee"],
)
def test_a_name_inside_a_relative_clause_does_not_say_the_quote(head: str) -> None:
    """`Ann Lee, who has held talks with her counterpart, Tom Reed, since May, said "..."`:
    the name inside the "who" clause is no subject of "said"; the clause's head is."""
    doc = parse(
        "Quay row\n\n"
        f"{head}, who has held talks with her counterpart, Tom Reed, since May, said "
        '"the quay must stay open for the boats".\n'
    )
    assert quote_with(doc, "stay open").speaker == "Ann Lee"


def test_a_name_set_off_by_commas_before_said_is_its_subject() -> None:
    """'The harbour chair, Ann Lee, said Reed "does not seem to get it"': the name set off
    by commas says the quote; the name after "said" is what she spoke of."""
    doc = parse('Quay row\n\nThe harbour chair, Ann Lee, said Reed "does not seem to get it".\n')
    assert quote_with(doc, "get it").speaker == "Ann Lee"
    inverted = parse('Quay row\n\n"The quay must stay open," said Tom Reed.\n')
    assert quote_with(inverted, "stay open").speaker == "Tom Reed"
