"""A bare quote right after a sentence about one person: that person speaks it."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

ARTICLE = "Harbour town counts the cost\n\n{body}\n"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # the sentence's subject, by pronoun, in the quote's own paragraph
            "Maria Olsen has run the bakery on Dock Street for thirty years. She blames "
            "the new parking rules. \u2018Nobody can stop outside our shop any more.\u2019",
            "Maria Olsen",
        ),
        (  # by name
            "Tom Reyes was defiant on the steps of the court. \u201cWe will appeal "
            "this ruling as soon as we can.\u201d",
            "Tom Reyes",
        ),
        (  # the paragraph before a quote paragraph
            "Tom Reyes is now considering an appeal against the fine.\n\n"
            "\u201cWe are talking to the lawyers about it this week.\u201d",
            "Tom Reyes",
        ),
        (  # the person is the object, not the subject: unknown
            "Police arrested Tom Reyes on the quay at dawn. \u201cIt was a "
            "terrible mistake by everyone involved.\u201d",
            None,
        ),
        (  # two people in the sentence: unknown
            "Tom Reyes and Ann Berg left the court together. \u201cWe will appeal "
            "this ruling as soon as we can.\u201d",
            None,
        ),
        (  # a second person named after the subject: unknown
            "Tom Reyes drove to see his lawyer, Ann Berg, on Friday. \u201cWe will "
            "appeal this ruling as soon as we can.\u201d",
            None,
        ),
        (  # no person in the sentence: unknown
            "The council closed the quay road on Monday.\n\n\u201cIt is a scandal "
            "and everyone in town knows it.\u201d",
            None,
        ),
        (  # "She" after two women named: unknown
            "Ann Berg met Lisa Holm at the port. She blames the council. \u201cNobody "
            "listens to us harbour people.\u201d",
            None,
        ),
        (  # "She" after a paragraph that names two women: unknown
            "Ann Berg runs the cafe. Her sister, Lisa Holm, works at the port.\n\n"
            "She blames the council. \u201cNobody listens to us harbour people.\u201d",
            None,
        ),
        (  # a role word that fits two people: unknown
            "Mayor Ann Berg and mayor Lisa Holm opened the bridge. The mayor was delighted. "
            "\u201cThis is a great day for all of us.\u201d",
            None,
        ),
        (  # a role word the text tied to one person, in lower case before her name
            "Ann Berg and mayor Lisa Holm opened the bridge. The mayor was delighted. "
            "\u201cThis is a great day for all of us.\u201d",
            "Lisa Holm",
        ),
        (  # a role word that fits one person
            "The mayor, Ann Berg, opened the bridge. The mayor was delighted. "
            "\u201cThis is a great day for all of us.\u201d",
            "Ann Berg",
        ),
        (  # the subject is the person's house, not the person
            "Tom Reyes's house was damaged in the storm. \u201cWe will rebuild it as "
            "soon as we can.\u201d",
            None,
        ),
        (  # words read from a sign speak in no person: unknown
            "Tom Reyes found the sign on the door. \u201cClosed until further notice "
            "by order of the council.\u201d",
            None,
        ),
        (  # "For Name, ...": the sentence tells the person's view
            "For Tom Reyes, former harbour master, there was relief when the two "
            "boats came home. \u201cWe were lucky that the wind dropped.\u201d",
            "Tom Reyes",
        ),
        (  # "For the first time, Name ...": a time, not a view; the object is no subject
            "For the first time, police arrested Tom Reyes on the quay. \u201cIt "
            "was a terrible mistake by everyone involved.\u201d",
            None,
        ),
        (  # a question is not narration
            "Will Tom Reyes appeal the ruling? \u201cNobody in town believes "
            "that he will do it.\u201d",
            None,
        ),
    ],
)
def test_narrated_speaker(body: str, speaker: str | None) -> None:
    """The speaker is the subject that opens the narrative sentence before the quote,
    when that sentence names nobody else; unknown otherwise."""
    doc = parse(ARTICLE.format(body=body))
    found = [q for q in doc.quotes if len(q.text.split()) > 3]
    assert len(found) == 1, [q.text for q in doc.quotes]
    assert found[0].speaker == speaker


def test_unresolved_attribution_is_not_narration() -> None:
    """A quote whose own sentence has a speech verb names its speaker there, even when
    that attribution does not resolve ("the memo stated"): the person before it is not
    taken instead."""
    body = (
        "Tom Reyes is said to have ordered a review of the port.\n\n"
        "\u201cThe review will start on Monday and finish in May,\u201d the memo stated."
    )
    doc = parse(ARTICLE.format(body=body))
    assert quote_with(doc, "review will start").speaker is None


def test_a_she_is_not_the_next_he() -> None:
    """A person of unknown gender just called "she" is not who the next "he" is: that
    is the man named before it."""
    body = (
        "The police spokesperson, Sendi Mora, said the car was found on Monday. "
        "\u201cWe are testing what we recovered from it,\u201d she said.\n\n"
        "When contacted, the minister's aide, Mr. Joe Ward, confirmed the attack. "
        "He said the minister was safe as she was not in the car. He said, \u201cIt "
        "happened on Friday night at about ten.\u201d"
    )
    doc = parse(ARTICLE.format(body=body))
    assert quote_with(doc, "Friday night").speaker == "Joe Ward"
