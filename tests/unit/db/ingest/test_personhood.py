"""Who is a person, on invented text: countries, number words and the heads of firms'
and places' names are nobody, and a quote goes to the person named after them."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("Sierra Leone midfielder Osman Kallon", "Osman Kallon"),
        ("Volta One spokeswoman Mara Quill", "Mara Quill"),
        ("Kestrel Airways pilot Dana Ruiz", "Dana Ruiz"),
        ("Equatorial Guinea coach Tomas Obiang", "Tomas Obiang"),
    ],
)
def test_a_place_or_firm_before_a_person_is_nobody(body: str, person: str) -> None:
    doc = parse(
        "Flood waters rise in the valley\n\n"
        f'"We have never seen the river this high," said {body}.\n'
    )
    assert quote_with(doc, "never seen the river").speaker == person
    qualifier = " ".join(body.split()[:2])
    assert qualifier not in {p.canonical for p in doc.people}


@pytest.mark.parametrize("calling", ["actor", "superstar", "spokeswoman", "coach"])
def test_a_run_before_a_calling_and_a_name_qualifies_that_person(calling: str) -> None:
    doc = parse(
        "Tributes paid to a composer\n\n"
        '"He gave us the songs of our lives," said Famous Marrowdale '
        f"{calling} Ivo Brandt.\n"
    )
    assert "Famous Marrowdale" not in {p.canonical for p in doc.people}
    assert quote_with(doc, "songs of our lives").speaker == "Ivo Brandt"


@pytest.mark.parametrize("adverb", ["Meanwhile", "Separately", "Yesterday"])
def test_a_sentence_adverb_leaves_the_name_after_it_the_subject(adverb: str) -> None:
    doc = parse(
        "Harbour levy splits the council\n\n"
        f"{adverb} Tomas Varga, head of research at the lobby group the Kettle Alliance "
        'said: "The levy will fall hardest on the fishing families."\n'
    )
    assert quote_with(doc, "fall hardest").speaker == "Tomas Varga"


@pytest.mark.parametrize(
    "set_off",
    [
        ", head of the Marsh Levels Drainage Board (MLDB),",
        " of the Marsh Levels Drainage Board,",
        ", who has farmed the levels since he was a boy,",
        ", 61,",
    ],
)
def test_words_set_off_between_name_and_verb_keep_the_speaker(set_off: str) -> None:
    doc = parse(
        "Drainage pumps fail on the levels\n\n"
        '"The pumps cannot keep up with this much rain," Osric Penhallow'
        f"{set_off} said.\n"
    )
    assert quote_with(doc, "cannot keep up").speaker == "Osric Penhallow"


def test_a_second_name_set_off_after_the_first_credits_nobody() -> None:
    doc = parse(
        "Drainage pumps fail on the levels\n\n"
        '"The pumps cannot keep up with this much rain," Osric Penhallow, Wenna Tregear'
        " and the board said.\n"
    )
    assert quote_with(doc, "cannot keep up").speaker is None


@pytest.mark.parametrize("description", ["another resident", "a local ferryman", "her sister"])
def test_a_name_apposed_to_the_description_after_the_verb_speaks(description: str) -> None:
    doc = parse(
        "Ferry service halted\n\n"
        f'"We waited on the quay for six hours," adds {description}, Wenna Tregear.\n'
    )
    assert quote_with(doc, "waited on the quay").speaker == "Wenna Tregear"


@pytest.mark.parametrize("noun", ["aides", "crews", "supporters", "spokesman"])
def test_a_name_that_modifies_the_speaking_noun_is_not_the_speaker(noun: str) -> None:
    doc = parse(
        "Minister faces calls to quit\n\n"
        "Ivo Brandt spent the weekend at his farm.\n\n"
        f'Ivo Brandt {noun} said: "The minister will not resign over this."\n'
    )
    assert quote_with(doc, "will not resign").speaker is None


@pytest.mark.parametrize(
    "affiliation",
    ["from Greenwatch", "of the Kettle Marsh Trust", "from Kettle district", "of Fen county"],
)
def test_a_name_and_its_affiliation_before_the_verb_speaks(affiliation: str) -> None:
    doc = parse(
        "Marsh drained for housing\n\n"
        f"Responding to the plans, marsh expert Wenna Tregear {affiliation} wrote on"
        ' Twitter, "Drain the marsh and you drain the river."\n'
    )
    assert quote_with(doc, "drain the river").speaker == "Wenna Tregear"


def test_a_friend_of_the_name_before_the_verb_is_not_the_name() -> None:
    doc = parse(
        "Marsh drained for housing\n\n"
        "A friend of Wenna Tregear from Greenwatch wrote on Twitter,"
        ' "Drain the marsh and you drain the river."\n'
    )
    assert quote_with(doc, "drain the river").speaker is None


def test_a_name_closing_a_clause_before_a_colon_is_no_label() -> None:
    doc = parse(
        "Post-game quotes\n\n"
        'Quoting Dana Ruiz after the 28-14 win over Marlow: "We found our legs late in'
        ' the game."\n'
    )
    assert "Marlow" not in {p.canonical for p in doc.people}
    assert quote_with(doc, "found our legs").speaker == "Dana Ruiz"


def test_a_bulleted_label_still_names_its_speaker() -> None:
    doc = parse(
        "Press digest\n\n"
        '- [4] Varga: "The talks will resume in the spring."\n\n'
        '- [5] Tregear: "We have heard that promise before."\n'
    )
    assert quote_with(doc, "talks will resume").speaker == "Varga"


def test_a_bodys_initials_written_as_a_word_may_be_a_syllable_of_a_name() -> None:
    """A body writes "UN"; "Un" beside other names is a syllable of a Korean name, and alone
    it is still nobody."""
    doc = parse(
        "Talks resume in the north\n\n"
        "Leader Pak Song Un met the UN envoy on Sunday.\n\n"
        '"We will keep talking while the envoy stays," Pak Song Un said.\n\n'
        'Un porte-parole a refusé. "No comment," a spokesman said.\n'
    )
    assert quote_with(doc, "keep talking").speaker == "Pak Song Un"
    people = {p.canonical for p in doc.people}
    assert "Pak Song Un" in people
    assert not people & {"Un", "UN"}


@pytest.mark.parametrize(
    "feast", ["Christmas Eve", "Christmas Day", "Easter Sunday", "Hanukkah", "Thanksgiving"]
)
def test_a_feast_is_nobody(feast: str) -> None:
    """A feast's name is no one's, though "Eve" is a given name and "Sunday" follows
    a name as its day ("Mayor Ann Lee Sunday")."""
    doc = parse(f"A year at the mill\n\n{feast} brought snow to the mill, Ivo Brandt said.\n")
    assert {p.canonical for p in doc.people} == {"Ivo Brandt"}


def test_an_event_named_for_a_feast_is_nobody() -> None:
    doc = parse(
        "The mill families\n\nBoth of his parents were in the town hall during the "
        "1916 Easter Rising, Ivo Brandt said.\n"
    )
    assert {p.canonical for p in doc.people} == {"Ivo Brandt"}


@pytest.mark.parametrize(
    ("introduced", "office"),
    [
        ("Labour MP Tom Reed", "MP"),
        ("Green MP Tom Reed", "MP"),
        ("Tom Reed, the MP for Hull North,", "MP"),
        ("Tom Reed, an MEP,", "MEP"),
        ("SNP MSP Tom Reed", "MSP"),
    ],
)
def test_a_member_of_a_parliament_is_an_office(introduced: str, office: str) -> None:
    """MP, MEP, MSP and MLA are offices: "Green MP Tom Reed" is Tom Reed, and "the
    MP said" refers to him."""
    doc = parse(
        f"Harbour vote\n\n{introduced} spoke first in the debate on the harbour.\n\n"
        f'"The harbour must stay open," the {office} said.\n'
    )
    assert {p.canonical for p in doc.people} == {"Tom Reed"}
    assert quote_with(doc, "harbour must stay open").speaker == "Tom Reed"


@pytest.mark.parametrize("title", ["CS", "CM"])
def test_a_cabinet_or_chief_ministers_initials_are_a_title(title: str) -> None:
    """Kenyan and Indian papers title a Cabinet Secretary "CS" and a Chief Minister
    "CM": "CS Tom Reed", then "CS Reed said", is Tom Reed speaking."""
    doc = parse(
        f"Flood update\n\nDevolution {title} Tom Reed visited the flooded towns on Monday.\n\n"
        f'"The water is still rising," {title} Reed said.\n'
    )
    assert {p.canonical for p in doc.people} == {"Tom Reed"}
    assert quote_with(doc, "water is still rising").speaker == "Tom Reed"


@pytest.mark.parametrize("label", ["Note", "Update", "Correction", "Warning"])
def test_a_notes_label_before_a_quote_is_nobody(label: str) -> None:
    """`Note: "Closed until further notice."`: the word before the colon labels a note,
    as it would a transcript's paragraph; it is no one's name and speaks nothing."""
    doc = parse(f'Quay shop\n\n{label}: "Closed until further notice for repairs."\n')
    assert [p.canonical for p in doc.people] == []
    assert quote_with(doc, "Closed until further notice").speaker is None


@pytest.mark.parametrize(
    ("heading", "kept"),
    [
        ("Disease Surveillance", None),  # both words written in lower case too: nobody
        ("Bill Gates", "Bill Gates"),  # a given name first: a person
        ("Grete Holm", "Grete Holm"),  # words the text never writes in lower case
    ],
)
def test_two_common_words_in_capitals_are_nobody(heading: str, kept: str | None) -> None:
    """A heading's two capitalised words that the text also writes in lower case name
    no one; a given name first, or words never written so, still may."""
    doc = parse(
        f"Harbour report\n\n{heading} said the harbour was safe.\n\n"
        "The team kept surveillance for any disease, and the bill said gates were shut.\n"
    )
    assert [p.canonical for p in doc.people] == ([kept] if kept else [])


@pytest.mark.parametrize("surname", ["Hall", "Park", "Church"])
def test_a_surname_that_names_places_too_after_mr_or_mrs(surname: str) -> None:
    """'Mr Hall said:' is a person, as no hall takes "Mr"; 'the Albert Hall' stays a
    place."""
    doc = parse(
        "Flood at the village\n\n"
        f"The water reached the Albert {surname} by noon.\n\n"
        f'Mr {surname} said: "It happened so quickly."\n'
    )
    assert quote_with(doc, "It happened so quickly").speaker == surname
    assert [p.canonical for p in doc.people] == [surname]


@pytest.mark.parametrize(
    ("written", "also"),
    [
        ("Al Varga", None),  # "Al" is a given name as well as a particle
        ("Van Holt", None),
        ("Del Moro", None),
        ("Ibn Farid", "Yusuf ibn Farid"),  # the particle as each mention writes it
    ],
)
def test_a_name_opening_with_a_particle_keeps_its_capital(written: str, also: str | None) -> None:
    """A name is stored and credited as the text writes it: "Al Varga said" is Al Varga,
    never "al Varga", though "al" is a particle in "Omar al-Varga"."""
    lead = f"{also} wrote a book in the valley. " if also else ""
    doc = parse(
        f"Flood waters rise in the valley\n\n{lead}"
        f'"We have never seen the river this high," said {written}.\n'
    )
    assert quote_with(doc, "never seen the river").speaker in {written, also}
    assert written in {alias for p in doc.people for alias in p.aliases}


@pytest.mark.parametrize(
    "storm", ["Storm Ciara", "Hurricane Fiona", "Typhoon Haiyan", "Cyclone Pam"]
)
def test_a_named_storm_is_nobody(storm: str) -> None:
    """A weather system's name is a person's in form only: it never speaks, not even as
    a headline's kicker over a quote ('Storm Ciara: "We have never seen ..."')."""
    doc = parse(
        f'{storm}: "We have never seen anything like it"\n\n'
        f"{storm} flattened the sea wall and tore roofs from the harbour houses.\n\n"
        '"We have never seen anything like it," said Jean Pike, who runs the cafe.\n'
    )
    assert storm not in {p.canonical for p in doc.people}
    assert storm not in {q.speaker for q in doc.quotes}
