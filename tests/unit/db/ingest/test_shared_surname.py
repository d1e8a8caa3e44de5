"""A surname alone where the text names two people of it, or one who cannot be meant:
a title's gender, or a First Lady beside an office, says who speaks."""

from __future__ import annotations

from tests.unit.db.ingest.helpers import parse, quote_with


def test_a_gendered_title_picks_the_spouse_of_that_gender() -> None:
    """'Mrs Reyes' is the woman of the Reyes couple, 'Governor Reyes' the busiest one."""
    doc = parse(
        "Harbour visit\n\nGovernor Tomas Reyes and First Lady Ana Reyes arrived on Monday.\n\n"
        '"We are glad to be back at the harbour," Mrs Reyes said.\n\n'
        '"The quay will open in May next year," Governor Reyes said.\n'
    )
    assert quote_with(doc, "glad to be back").speaker == "Ana Reyes"
    assert quote_with(doc, "quay will open").speaker == "Tomas Reyes"


def test_an_office_beside_a_first_lady_is_her_husband() -> None:
    """'President Lund' beside 'First Lady Eva Lund' (whose husband the text names by no
    other form) is a person of his own, named by the surname."""
    doc = parse(
        "Harbour visit\n\nPresident Lund and First Lady Eva Lund opened the quay.\n\n"
        '"The quay will open in May next year," President Lund said.\n\n'
        '"We are glad to be back at the harbour," the First Lady said.\n'
    )
    assert quote_with(doc, "quay will open").speaker == "Lund"


def test_a_title_of_the_other_gender_is_someone_else() -> None:
    """'Mr Lund' after only 'Eva Lund' is not her."""
    doc = parse(
        "Harbour visit\n\nEva Lund opened the quay on Monday.\n\n"
        '"The quay will open in May next year," Mr Lund said.\n'
    )
    assert quote_with(doc, "quay will open").speaker == "Lund"
