"""Attribution forms, enumerated from how English news writing, transcripts, speeches
and posts credit words (AP, Reuters, BBC and Guardian habits), not from any one text.
Every sentence here is invented.

A case names the speaker a careful reader would give, or None where the text names
nobody; `accept` widens that to other defensible readings (never a wrong person).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from db.records import ParsedDocument, QuoteRecord
from tests.unit.db.ingest.helpers import parse, quote_with, speaker_fits

HEAD = "Ferry service to resume after winter\n\n"
CALM = "The ferry to the islands stopped in November when the old pier was closed.\n\n"
W = "The boats will sail again by the first week of April"
X = "and every islander will have a seat on the first crossing"


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    words: str
    speaker: str | None
    accept: tuple[str | None, ...] = ()


def _article(body: str) -> str:
    return HEAD + CALM + body + "\n"


# (id, body, expected speaker, other accepted readings)
NEWS: list[tuple[str, str, str | None, tuple[str | None, ...]]] = [
    # The speech verb after the quote, the name before or after it.
    ("name-said", f'Priya Raman chairs the ferry board.\n\n"{W}," Raman said.', "Priya Raman", ()),
    ("said-name", f'"{W}," said Priya Raman.', "Priya Raman", ()),
    ("says-name", f'"{W}," says Priya Raman.', "Priya Raman", ()),
    ("name-age-said", f'"{W}," Priya Raman, 45, said.', "Priya Raman", ()),
    ("said-name-age", f'"{W}," said Priya Raman, 45.', "Priya Raman", ()),
    (
        "age-name-said",
        f'Priya Raman chairs the board.\n\n"{W}," 45-year-old Raman said.',
        "Priya Raman",
        (),
    ),
    ("said-age-name", f'"{W}," said 45-year-old Priya Raman.', "Priya Raman", ()),
    (
        "union-president-name-said",
        f'"{W}," National Union of Ferry Workers\' president Priya Raman said.',
        "Priya Raman",
        (),
    ),
    ("said-name-calling", f'"{W}," said Priya Raman, a farmer from Leeds.', "Priya Raman", ()),
    ("said-calling-name", f'"{W}," said ferry board chair Priya Raman.', "Priya Raman", ()),
    ("said-the-role-name", f'"{W}," said the board\'s chair, Priya Raman.', "Priya Raman", ()),
    ("said-on-day", f'"{W}," Priya Raman said on Tuesday.', "Priya Raman", ()),
    ("said-day-ap", f'"{W}," Priya Raman said Tuesday.', "Priya Raman", ()),
    ("said-in-statement", f'"{W}," Priya Raman said in a statement.', "Priya Raman", ()),
    ("told-reuters", f'"{W}," Priya Raman told Reuters by telephone.', "Priya Raman", ()),
    (
        "told-news-conference",
        f'"{W}," Priya Raman told a news conference in Leeds.',
        "Priya Raman",
        (),
    ),
    ("said-dash-then", f'"{W}," Raman said \u2014 and then she left the pier.', "Raman", ()),
    ("question-asked", '"Where has all the money gone?" Priya Raman asked.', "Priya Raman", ()),
    ("exclaimed", '"Get off the pier right now!" Priya Raman shouted.', "Priya Raman", ()),
    ("verb-explained", f'"{W}," Priya Raman explained.', "Priya Raman", ()),
    ("verb-insisted", f'"{W}," Priya Raman insisted.', "Priya Raman", ()),
    ("verb-warned", f'"{W}," warned Priya Raman.', "Priya Raman", ()),
    ("verb-recalled", f'"{W}," Priya Raman recalled.', "Priya Raman", ()),
    ("verb-admitted", f'"{W}," Priya Raman admitted.', "Priya Raman", ()),
    # The speaker before the quote.
    ("name-said-colon", f'Priya Raman said: "{W}."', "Priya Raman", ()),
    ("name-said-comma", f'Priya Raman said, "{W}."', "Priya Raman", ()),
    ("name-said-that", f'Priya Raman said that "{W.lower()}".', "Priya Raman", ()),
    ("name-says-colon", f'Priya Raman says: "{W}."', "Priya Raman", ()),
    ("name-added", f'Priya Raman opened the meeting. Raman added: "{W}."', "Priya Raman", ()),
    ("name-replied", f'Priya Raman replied: "{W}."', "Priya Raman", ()),
    ("name-responded", f'Priya Raman responded: "{W}."', "Priya Raman", ()),
    ("name-has-said", f'Priya Raman has said: "{W}."', "Priya Raman", ()),
    (
        "relative-before",
        f'Priya Raman, who runs a bakery in Leeds, said: "{W}."',
        "Priya Raman",
        (),
    ),
    ("age-calling-before", f'Priya Raman, 45, a nurse, said: "{W}."', "Priya Raman", ()),
    ("calling-before", f'Ferry board chair Priya Raman said: "{W}."', "Priya Raman", ()),
    ("told-reporters", f'Priya Raman told reporters: "{W}."', "Priya Raman", ()),
    ("told-bbc-that", f'Priya Raman told the BBC that "{W.lower()}".', "Priya Raman", ()),
    (
        "told-programme",
        f'Priya Raman told BBC Radio 4\'s Today programme: "{W}."',
        "Priya Raman",
        (),
    ),
    ("told-delegates", f'Priya Raman told delegates: "{W}."', "Priya Raman", ()),
    ("statement-lead", f'In a statement, Priya Raman said: "{W}."', "Priya Raman", ()),
    ("statement-middle", f'Priya Raman, in a statement, said: "{W}."', "Priya Raman", ()),
    (
        "interview-that",
        f'Priya Raman said in an interview that "{W.lower()}".',
        "Priya Raman",
        (),
    ),
    ("speech-lead", f'In her speech, Priya Raman said: "{W}."', "Priya Raman", ()),
    ("wrote-on-x", f'Priya Raman wrote on X: "{W}."', "Priya Raman", ()),
    ("posted-instagram", f'Priya Raman posted on Instagram: "{W}."', "Priya Raman", ()),
    ("in-a-tweet", f'In a tweet, Priya Raman said: "{W}."', "Priya Raman", ()),
    (
        "asked-whether",
        f'Asked whether she would resign, Priya Raman said: "{W}."',
        "Priya Raman",
        (),
    ),
    (
        "speaking-at",
        f'Priya Raman, speaking at a rally in Leeds, said "{W}."',
        "Priya Raman",
        (),
    ),
    ("inverted-said", f'Said Priya Raman: "{W}."', "Priya Raman", ()),
    ("but-lead", f'But Priya Raman said: "{W}."', "Priya Raman", ()),
    ("meanwhile", f'Priya Raman, meanwhile, said: "{W}."', "Priya Raman", ()),
    ("according-before", f'According to Priya Raman, "{W.lower()}."', "Priya Raman", ()),
    ("according-after", f'"{W}," according to Priya Raman.', "Priya Raman", ()),
    ("in-the-words-of", f'In the words of Priya Raman, "{W.lower()}."', "Priya Raman", ()),
    ("quoted-as-saying", f'Priya Raman was quoted as saying: "{W}."', "Priya Raman", ()),
    (
        "adding",
        f'Priya Raman said the pier was safe, adding: "{W}."',
        "Priya Raman",
        (),
    ),
    # Later references: surname, honorific, role, pronoun.
    ("mr-later", f'Tom Reed runs the ferry.\n\n"{W}," Mr Reed said.', "Tom Reed", ()),
    ("mr-dot-later", f'Tom Reed runs the ferry.\n\n"{W}," Mr. Reed said.', "Tom Reed", ()),
    ("ms-later", f'Priya Raman runs the ferry.\n\n"{W}," Ms Raman said.', "Priya Raman", ()),
    ("mrs-later", f'Priya Raman runs the ferry.\n\nMrs Raman said: "{W}."', "Priya Raman", ()),
    ("dr-later", f'Dr Priya Raman runs the ferry.\n\n"{W}," Dr Raman said.', "Priya Raman", ()),
    (
        "mayor-later",
        f'Mayor Ann Lee opened the pier on Monday.\n\n"{W}," the mayor said.',
        "Ann Lee",
        (),
    ),
    (
        "said-the-mayor-name",
        f'"{W}," said the mayor, Ann Lee.',
        "Ann Lee",
        (),
    ),
    (
        "she-after-woman-then-man",
        f'Priya Raman met Tom Reed on the pier.\n\n"{W}," she said.',
        "Priya Raman",
        (),
    ),
    (
        "he-after-woman-then-man",
        f'Priya Raman met Tom Reed on the pier.\n\n"{W}," he said.',
        "Tom Reed",
        (),
    ),
    (
        "she-said-lead",
        f'Priya Raman runs the ferry.\n\nShe said: "{W}."',
        "Priya Raman",
        (),
    ),
    (
        "he-added-before",
        f'Tom Reed runs the ferry.\n\n"{W}," he added, before leaving the hall.',
        "Tom Reed",
        (),
    ),
    (
        "she-told-bbc",
        f'Priya Raman runs the ferry.\n\n"{W}," she told the BBC.',
        "Priya Raman",
        (),
    ),
    # Continuations.
    (
        "second-sentence",
        f'"{X.capitalize()}," Priya Raman said. "{W}."',
        "Priya Raman",
        (),
    ),
    (
        "next-paragraph-bare",
        f'"{X.capitalize()}," Priya Raman said.\n\n"{W}."',
        "Priya Raman",
        (),
    ),
    (
        "next-paragraph-added",
        f'"{X.capitalize()}," Priya Raman said.\n\n"{W}," she added.',
        "Priya Raman",
        (),
    ),
    (
        "spanning-paragraphs",
        f'Priya Raman said: "{X.capitalize()}.\n\n"{W}."',
        "Priya Raman",
        (),
    ),
    # Nobody named, or somebody other than the one named.
    ("spokesperson-council", f'"{W}," a spokesperson for the council said.', None, ("council",)),
    (
        "possessive-spokesman",
        f'Priya Raman was abroad.\n\n"{W}," Raman\'s spokesman said.',
        None,
        (),
    ),
    ("one-resident", f'"{W}," one resident said.', None, ()),
    ("residents-said", f'"{W}," residents said.', None, ()),
    (
        "officer-told-name",
        f'Priya Raman was stopped on the pier.\n\n"{W}," an officer told Raman.',
        None,
        (),
    ),
    ("was-told", f'Priya Raman was told: "{W}."', None, ()),
    ("told-by-police", f'Priya Raman was told by police: "{W}."', None, ()),
    (
        "two-names-said",
        f'"{W}," Priya Raman and Tom Reed said.',
        None,
        (),
    ),
    (
        "name-told-other-after",
        f'"{W}," Priya Raman told Tom Reed.',
        "Priya Raman",
        (),
    ),
    (
        "statement-read",
        f'Priya Raman issued a statement. Her statement read: "{W}."',
        "Priya Raman",
        (None,),
    ),
    (
        "headline-quote-colon-name",
        "",  # built below: a headline of the form '"...": Name'
        "Priya Raman",
        (None,),
    ),
]


# The quote's words where they are not W's.
ODD_WORDS = {"question-asked": "Where has all the money gone", "exclaimed": "Get off the pier"}


def _news() -> list[Case]:
    cases: list[Case] = []
    for key, body, speaker, accept in NEWS:
        words = ODD_WORDS.get(key, "sail again by the first week")
        if key == "headline-quote-colon-name":
            text = f'"{W}": Priya Raman\n\n' + CALM + "Priya Raman chairs the ferry board.\n"
        else:
            text = _article(body)
        cases.append(Case(key, text, words, speaker, (speaker, *accept)))
    return cases


# (intro, as a label would name them, later mention, pronoun)
NAME_FORMS: list[tuple[str, str, str, str]] = [
    ("Maria de la Cruz", "Maria de la Cruz", "de la Cruz", "she"),
    ("Hendrik van der Berg", "Hendrik van der Berg", "van der Berg", "he"),
    ("Khalid Al-Sayed", "Khalid Al-Sayed", "Al-Sayed", "he"),
    ("Siobhan O'Neill", "Siobhan O'Neill", "O'Neill", "she"),
    ("Siobhan O\u2019Neill", "Siobhan O'Neill", "O'Neill", "she"),  # one apostrophe
    ("Ngũgĩ wa Thiong'o", "Ngũgĩ wa Thiong'o", "Ngũgĩ", "he"),
    ("Xi Jinping", "Xi Jinping", "Xi", "he"),
    ("Kim Jong Un", "Kim Jong Un", "Kim", "he"),
    ("A.J.P. Harrowgate", "A.J.P. Harrowgate", "Harrowgate", "he"),
    ("J. R. Pemberton", "J. R. Pemberton", "Pemberton", "he"),
    ("Dr Amara Okonkwo", "Amara Okonkwo", "Okonkwo", "she"),
    ("Prof Lars Eriksen", "Lars Eriksen", "Eriksen", "he"),
    ("Sir Alan Whitby", "Alan Whitby", "Whitby", "he"),
    ("Dame Fiona Hale", "Fiona Hale", "Hale", "she"),
    ("Rev Josiah Mbeki", "Josiah Mbeki", "Mbeki", "he"),
    ("Capt. Rhys Evans", "Rhys Evans", "Evans", "he"),
    ("Lt Col Sarah Booth", "Sarah Booth", "Booth", "she"),
    ("Archbishop Paolo Conti", "Paolo Conti", "Conti", "he"),
    ("David Russell Hume", "David Russell Hume", "Hume", "he"),
    ("Mary Ann Cotton", "Mary Ann Cotton", "Cotton", "she"),
    ("Martin Luther Jones Jr.", "Martin Luther Jones", "Jones", "he"),
]


def _names() -> list[Case]:
    cases: list[Case] = []
    for intro, full, short, pron in NAME_FORMS:
        bodies = {
            "said-full": f'"{W}," said {intro}.',
            "full-said": f'"{W}," {intro} said.',
            "full-colon": f'{intro} said: "{W}."',
            "later-short": f'{intro} visited the pier.\n\n"{W}," {short} said.',
            "later-pronoun": f'{intro} visited the pier.\n\n"{W}," {pron} said.',
        }
        for key, body in bodies.items():
            cases.append(Case(f"name-{key}|{intro}", _article(body), W, full, (full,)))
    return cases


TRANSCRIPTS: list[tuple[str, str, str, str | None]] = [
    (
        "mr-caps-turns",
        "Hearing on the ferry subsidy\n\n"
        "Present: Mr. Tom Reed, chairman; Ms. Priya Raman, ferry board.\n\n"
        "MR. REED: The committee will come to order. We are here to hear about the pier.\n\n"
        f"MS. RAMAN: Thank you, Mr. Chairman. {W}.\n\n"
        "MR. REED: Thank you. We will now take questions.\n",
        W,
        "Priya Raman",
    ),
    (
        "surname-caps-turns",
        "Ferry board meeting, 3 March\n\n"
        "Minutes of a meeting with Tom Reed and Priya Raman.\n\n"
        "REED: Where do things stand with the pier repairs this month?\n\n"
        f"RAMAN: {W}. The steel arrived last week.\n",
        W,
        "Priya Raman",
    ),
    (
        "party-in-brackets",
        "Ferry debate in the assembly\n\n"
        "Tom Reed (Labour): Will the minister say when the ferry will sail again?\n\n"
        f"Priya Raman (Conservative): {W}, and I thank him for asking.\n",
        W,
        "Priya Raman",
    ),
    (
        "the-president",
        "Remarks by the President on the island ferry\n\n"
        f"THE PRESIDENT: Thank you all for coming today. {W}.\n\n"
        "Q: Mr. President, how much will it cost?\n\n"
        "THE PRESIDENT: More than we hoped, less than we feared.\n",
        W,
        None,
    ),
    (
        "q-a-interview",
        "Island voices\n\n"
        "This is an interview with Priya Raman, recorded on the pier in 2019.\n\n"
        "Q: When will the ferry run again?\n\n"
        f"A: {W}.\n",
        W,
        "Priya Raman",
    ),
    (
        "name-colon-interview",
        "Island voices\n\n"
        "Tom Reed spoke to Priya Raman about the pier.\n\n"
        "Tom Reed: When will the ferry run again, do you think, and who decides?\n\n"
        f"Priya Raman: {W}. The board decided last night.\n\n"
        "Tom Reed: Thank you for your time today.\n",
        W,
        "Priya Raman",
    ),
    (
        "congress-period",
        "Hearing on the ferry subsidy\n\nThe CHAIRMAN. The committee will come to order.\n\n"
        f"Ms. RAMAN. Thank you, Mr. Chairman. {W}.\n\nThe CHAIRMAN. Thank you.\n",
        W,
        "Raman",
    ),
    (
        "caps-full-name",
        "Ferry board meeting\n\nTOM REED: Where do things stand with the pier this month?\n\n"
        f"PRIYA RAMAN: {W}. The steel arrived last week.\n",
        W,
        "Priya Raman",
    ),
    (
        "hansard-seat-party",
        "Ferry services\n\nTom Reed (Hull North) (Lab): Will the minister say when the ferry"
        f" will sail again?\n\nPriya Raman (Leeds) (Con): {W}, and I thank him for asking.\n\n"
        "Tom Reed (Hull North) (Lab): I doubt it.\n",
        W,
        "Priya Raman",
    ),
    (
        "hansard-office-name",
        "Ferry services\n\nTom Reed (Hull North) (Lab): Will the minister say when the ferry"
        f" will sail again?\n\nThe Minister for Transport (Priya Raman): {W}.\n\n"
        "Tom Reed (Hull North) (Lab): I doubt it.\n",
        W,
        "Priya Raman",
    ),
    (
        "timestamp-turns",
        "Ferry podcast, episode 4\n\n[00:00:05] Tom Reed: Welcome back to the show.\n\n"
        f"[00:00:09] Priya Raman: {W}, and I am glad to be here.\n\n[00:00:15] Tom Reed: Thanks.\n",
        W,
        "Priya Raman",
    ),
    (
        "time-after-name",
        "Ferry podcast, episode 4\n\nTom Reed (00:05): Welcome back to the show.\n\n"
        f"Priya Raman (00:09): {W}, and I am glad to be here.\n\nTom Reed (00:15): Thanks.\n",
        W,
        "Priya Raman",
    ),
    (
        "speaker-time-line",
        "Ferry podcast transcript\n\nTom Reed  00:00:05\nWelcome back to the show.\n\n"
        f"Priya Raman  00:00:09\n{W}, and I am glad to be here.\n\nTom Reed  00:00:15\nThanks.\n",
        W,
        "Priya Raman",
    ),
    (
        "markdown-bold",
        "Island voices\n\n**Tom Reed:** When will the ferry run again?\n\n"
        f"**Priya Raman:** {W}.\n\n**Tom Reed:** Thank you.\n",
        W,
        "Priya Raman",
    ),
    (
        "interviewer-caps",
        "Island voices\n\nAn interview with Priya Raman.\n\n"
        f"INTERVIEWER: When will the ferry run again?\n\nRAMAN: {W}.\n",
        W,
        "Priya Raman",
    ),
    (
        "question-answer",
        "Island voices\n\nAn interview with Priya Raman, chair of the ferry board.\n\n"
        f"Question: When will the ferry run again?\n\nAnswer: {W}.\n",
        W,
        "Priya Raman",
    ),
    (
        "q-dot-a-dot",
        "Island voices\n\nAn interview with Priya Raman, chair of the ferry board.\n\n"
        f"Q. When will the ferry run again?\n\nA. {W}.\n",
        W,
        "Priya Raman",
    ),
    (
        "initials-turns",
        "Island voices\n\nAn interview between Tom Reed (TR) and Priya Raman (PR).\n\n"
        f"TR: When will the ferry run again?\n\nPR: {W}.\n",
        W,
        "Priya Raman",
    ),
    (
        "president-named-in-heading",
        "Remarks by President Priya Raman on the island ferry\n\n"
        f"THE PRESIDENT: Thank you all for coming today. {W}.\n\n"
        "Q: Madam President, how much will it cost?\n\n"
        "THE PRESIDENT: More than we hoped, less than we feared.\n",
        W,
        "Priya Raman",
    ),
    (
        "block-then-dash-name",
        "What they said about the pier\n\n"
        f"\u201c{W}, whatever the weather does.\u201d\n\n\u2014 Priya Raman, ferry board chair\n",
        W,
        "Priya Raman",
    ),
]


def _transcripts() -> list[Case]:
    return [Case(k, t, w, s, (s,)) for k, t, w, s in TRANSCRIPTS]


# More forms: set-off descriptions, owners and the owned, features' ledes, Westminster
# and Washington styles. (id, body, speaker)
FORMS: list[tuple[str, str, str | None]] = [
    ("colon-par-end", f'Priya Raman said:\n\n"{W}."', "Priya Raman"),
    ("colon-par-end-told", f'Priya Raman told the BBC:\n\n"{W}."', "Priya Raman"),
    ("pictured", f'"{W}," Priya Raman (pictured) said.', "Priya Raman"),
    ("aside-party", f'Tom Reed chairs the board.\n\n"{W}," Reed (Labour) told MPs.', "Tom Reed"),
    ("of-town", f'"{W}," said Priya Raman, 45, of Leeds.', "Priya Raman"),
    ("of-town3", f'"{W}," Tom Reed, of Hull, said after the vote.', "Tom Reed"),
    ("of-town2", f'"{W}," Priya Raman, of Leeds, said.', "Priya Raman"),
    (
        "deputy-of",
        f'Priya Raman chairs the board.\n\nTom Reed, Raman\'s deputy, said: "{W}."',
        "Tom Reed",
    ),
    (
        "husband-name",
        f'Priya Raman chairs the board.\n\n"{W}," said Raman\'s husband, Tom Reed.',
        "Tom Reed",
    ),
    ("husband-bare", f'Priya Raman chairs the board.\n\n"{W}," said Raman\'s husband.', None),
    (
        "lawyer-name",
        f'Priya Raman was charged.\n\nRaman\'s lawyer, Tom Reed, said: "{W}."',
        "Tom Reed",
    ),
    ("mother-of", f'"{W}," said the mother of Priya Raman.', None),
    ("declined-named", f'"{W}," said one official, who declined to be named.', None),
    ("source-asked", f'"{W}," said a source, who asked not to be identified.', None),
    ("was-asked-she", f'Priya Raman was asked about Tom Reed. "{W}," she said.', "Priya Raman"),
    (
        "asked-about-she",
        f'Priya Raman chairs the board.\n\nAsked about Tom Reed, she said: "{W}."',
        "Priya Raman",
    ),
    ("name-asked-said", f'Tom Reed, asked about the pier, said: "{W}."', "Tom Reed"),
    ("addressing", f'Addressing the crowd, Priya Raman said: "{W}."', "Priya Raman"),
    ("writing-in", f'Writing in the Times, Priya Raman said: "{W}."', "Priya Raman"),
    ("wrote-in", f'Priya Raman wrote in the Guardian: "{W}."', "Priya Raman"),
    ("tweet-read", f'Priya Raman\'s tweet read: "{W}."', "Priya Raman"),
    ("handle", f'Priya Raman (@pri_raman) tweeted: "{W}."', "Priya Raman"),
    ("company-statement", f'"{W}," the ferry company said in a statement.', None),
    ("police-said", f'Police said: "{W}."', None),
    (
        "lede-bare-then-name",
        f'"{W}."\n\nThat was the message from Priya Raman on Monday.',
        "Priya Raman",
    ),
    (
        "lede-words-of",
        f'"{W}."\n\nThose were the words of Priya Raman, the ferry\'s owner.',
        "Priya Raman",
    ),
    ("lede-so-said", f'"{W}."\n\nSo said Priya Raman on Monday.', "Priya Raman"),
    (
        "lede-thats-what",
        f'"{W}."\n\nThat\'s what Priya Raman told the crowd on Monday.',
        "Priya Raman",
    ),
    ("lede-thats-how", f'"{W}."\n\nThat is how Priya Raman won the seat.', None),
    ("so-said", f'"{W}." So said Priya Raman on Monday.', "Priya Raman"),
    ("said-mr", f'Tom Reed runs the ferry.\n\n"{W}," said Mr Reed.', "Tom Reed"),
    ("reed-board-chair-said", f'"{W}," Reed, the board\'s chair, said.', "Reed"),
    ("reed-adding-that", f'"{W}," Priya Raman said, adding that the pier was safe.', "Priya Raman"),
    (
        "said-adding-colon",
        f'"Nobody will be left behind," said Priya Raman, adding: "{W}."',
        "Priya Raman",
    ),
    ("councillor-lower", f'"{W}," said councillor Priya Raman.', "Priya Raman"),
    ("first-name-later", f'Priya Raman, 34, runs the cafe.\n\n"{W}," Priya says.', "Priya Raman"),
    ("both-said", f'Priya Raman and Tom Reed both said: "{W}."', None),
    ("told-by-name", f'Ann Lee said she was told by Priya Raman: "{W}."', "Priya Raman"),
    ("i-asked", f'I asked Priya Raman when the boats would sail. "{W}," she said.', "Priya Raman"),
    ("quote-then-name-colon-body", f'Priya Raman chairs the board. Raman: "{W}."', "Priya Raman"),
    ("gov-state", f'"{W}," said Gov. Ann Lee, D-Maine.', "Ann Lee"),
    ("sen-party", f'"{W}," said Sen. Ann Lee (D-Maine).', "Ann Lee"),
    ("rep-party-r", f'Rep. Tom Reed, R-Ohio, said: "{W}."', "Tom Reed"),
    ("mp-constituency", f'"{W}," said Tom Reed, the Labour MP for Leeds North.', "Tom Reed"),
    ("qc-after", f'"{W}," said Tom Reed QC.', "Tom Reed"),
    ("obe-before", f'Priya Raman OBE, who chairs the board, said: "{W}."', "Priya Raman"),
    ("mp-brackets", f'Tom Reed MP said: "{W}."', "Tom Reed"),
    (
        "name-title-after",
        f'Tom Reed, chief executive of the ferry company, said: "{W}."',
        "Tom Reed",
    ),
    ("chief-exec-name", f'Ferry company chief executive Tom Reed said: "{W}."', "Tom Reed"),
    (
        "possessive-org-role",
        f'The ferry company\'s chief executive, Tom Reed, said: "{W}."',
        "Tom Reed",
    ),
    (
        "says-present-lead",
        f'Tom Reed, who has run the ferry for 20 years, says the pier is sound. "{W}," he says.',
        "Tom Reed",
    ),
    (
        "she-after-two-women",
        f'Priya Raman met Ann Lee on the pier. Lee said the pier was sound.\n\n"{W}," she said.',
        "Ann Lee",
    ),
    (
        "role-the-chair",
        f'The board\'s chair, Priya Raman, opened the meeting.\n\n"{W}," the chair said.',
        "Priya Raman",
    ),
    ("quote-without-comma", f'"{W}" Priya Raman said.', "Priya Raman"),
    (
        "single-quotes-brit",
        f"Priya Raman chairs the board.\n\n\u2018{W},\u2019 she said.",
        "Priya Raman",
    ),
    ("straight-single", f"Priya Raman chairs the board.\n\n'{W},' she said.", "Priya Raman"),
    ("colon-quote-no-verb", f'Priya Raman was blunt: "{W}."', "Priya Raman"),
    ("put-it", f'As Priya Raman put it: "{W}."', "Priya Raman"),
    ("priya-raman-told", f'"{W}," Priya Raman told The Island Times.', "Priya Raman"),
    ("name-told-sky", f'"{W}," Raman told Sky News.', "Raman"),
    ("name-says-of", f'"{W}," says Priya Raman of the board.', "Priya Raman"),
    ("speaking-to", f'Speaking to the BBC, Priya Raman said: "{W}."', "Priya Raman"),
    ("told-mp", f'Priya Raman told MPs: "{W}."', "Priya Raman"),
    ("said-to-have-said", f'Priya Raman is said to have told friends: "{W}."', "Priya Raman"),
    ("reportedly", f'Priya Raman reportedly said: "{W}."', "Priya Raman"),
    ("ex-president", f'Former president Tom Reed said: "{W}."', "Tom Reed"),
    ("lower-mayor", f'The mayor of Leeds, Tom Reed, said: "{W}."', "Tom Reed"),
    ("dash-said", f'Priya Raman \u2014 who chairs the board \u2014 said: "{W}."', "Priya Raman"),
    ("parenthetical", f'Priya Raman (who chairs the board) said: "{W}."', "Priya Raman"),
    ("he-said-two-men", f'Tom Reed spoke after Sam Webb.\n\n"{W}," he said.', "Sam Webb"),
    ("told-after-name-other", f'"{W}," Tom Reed told Priya Raman on Monday.', "Tom Reed"),
    ("raman-told-by", f'"{W}," Raman was told by the officer.', None),
    ("read-sign", f'A sign on the pier read: "{W}."', None),
    ("chanted", f'Protesters chanted: "{W}."', None),
]


# A speaker introduced with her age and home, as news writing does, for later forms.
INTRO = "Priya Raman, 45, chairs the ferry board and lives in Leeds.\n\n"
FORMS_LATER: list[tuple[str, str, str | None]] = [
    ("then-said", f'"{W}," Raman then said.', "Raman"),
    ("also-said", f'{INTRO}"{W}," Raman also said.', "Priya Raman"),
    ("later-told", f'{INTRO}"{W}," Raman later told the BBC.', "Priya Raman"),
    ("went-on", f'{INTRO}"{W}," Raman went on.', "Priya Raman"),
    ("went-on-holiday", f'{INTRO}"{W}," Tom Reed went on holiday.', None),
    ("continued", f'{INTRO}"{W}," she continued.', "Priya Raman"),
    ("went-on-to-say", f'{INTRO}Raman went on to say: "{W}."', "Priya Raman"),
    ("referring-to", f'{INTRO}"{W}," Raman said, referring to Tom Reed.', "Priya Raman"),
    ("says-of", f'{INTRO}Raman says of the pier: "{W}."', "Priya Raman"),
    ("response-colon", f'{INTRO}Raman\'s response: "{W}."', "Priya Raman"),
    ("for-her-part", f'{INTRO}Raman, for her part, said: "{W}."', "Priya Raman"),
    ("was-blunt-then", f'{INTRO}Raman was more blunt. "{W}," she said.', "Priya Raman"),
    ("put-bluntly", f'{INTRO}Raman put it bluntly: "{W}."', "Priya Raman"),
    ("in-her-words", f'{INTRO}In Raman\'s words: "{W}."', "Priya Raman"),
    ("told-me", f'{INTRO}Raman told me: "{W}."', "Priya Raman"),
    (
        "told-paper-she-was",
        f'{INTRO}Raman told the Island Times she was sure "{W.lower()}".',
        "Priya Raman",
    ),
    ("on-x-formerly", f'Priya Raman said on X, formerly Twitter: "{W}."', "Priya Raman"),
    ("video-saying", f'Priya Raman posted a video on Instagram saying: "{W}."', "Priya Raman"),
    ("bluesky-saying", f'Priya Raman posted a message on Bluesky saying "{W}."', "Priya Raman"),
    ("in-a-video", f'In a video posted on X, Priya Raman said: "{W}."', "Priya Raman"),
    ("whose-said", f'Priya Raman, whose daughter uses the ferry, said: "{W}."', "Priya Raman"),
    (
        "whose-told",
        f'Priya Raman, whose father founded the company, told Tom Reed: "{W}."',
        "Priya Raman",
    ),
    ("age-role", f'{INTRO}"{W}," the 45-year-old said.', "Priya Raman"),
    (
        "mp-role",
        f'Tom Reed, the Labour MP for Hull, spoke first.\n\n"{W}," the Labour MP said.',
        "Tom Reed",
    ),
    (
        "former-nurse",
        f'Priya Raman, a former nurse, chairs the board.\n\n"{W}," the former nurse said.',
        "Priya Raman",
    ),
    ("downing-source", f'"{W}," a Downing Street source said.', None),
    ("senior-official", f'"{W}," a senior government official told Reuters.', None),
    ("one-official", f'One official said: "{W}."', None),
    ("reuters-quoted", f'{INTRO}"{W}," Reuters quoted Raman as saying.', "Priya Raman"),
    ("quoted-by", f'{INTRO}Raman was quoted by Reuters as saying: "{W}."', "Priya Raman"),
    ("paper-quoted", f'"{W}," the Island Times quoted Priya Raman as saying.', "Priya Raman"),
    (
        "agency-quoted-described",
        f'"{W}," Isle news agency quoted ferry board chair Priya Raman as saying.',
        "Priya Raman",
    ),
    (
        "agency-quoted-place-described",
        f'"{W}," Isle news agency quoted Leeds\'s ferry board chair Priya Raman as saying.',
        "Priya Raman",
    ),
    ("agency-quoted-friend", f'"{W}," the agency quoted a friend of Priya Raman as saying.', None),
    (
        "description-naming-a-body-and-its-parts",
        f'Priya Raman, dean of the Faculty of Music and Drama, said: "{W}."',
        "Priya Raman",
    ),
    (
        "ward-member-for-places",
        f'Cllr Priya Raman, ward member for Kettle and Fen Ella, told the board it was a "{W}".',
        "Priya Raman",
    ),
    (
        "long-description-set-off",
        f'"{W}," Dr. Priya Raman, an astronomer at the University of Kettle in Kettleford and'
        " lead author on a paper about the harbour lights, said in a written statement.",
        "Priya Raman",
    ),
    (
        "two-descriptions-set-off",
        f'"{W}," Priya Raman, a resident of Kettle, the town by the pier, said on radio.',
        "Priya Raman",
    ),
    (
        "two-descriptions-naming-another",
        f'"{W}," Priya Raman, a friend of Tom Reed, the mayor, said.',
        None,
    ),
    (
        "one-of-unclosed",
        f'"{W}," Priya Raman, one of the harbour divers told the Island Times.',
        "Priya Raman",
    ),
    (
        "unnamed-then-apposed",
        f'"{W}," one of the divers, photographer Priya Raman, told the Island Times.',
        "Priya Raman",
    ),
    (
        "owned-words",
        f'{INTRO}We heard Raman\u2019s famous words, "{W}," on the radio.',
        "Priya Raman",
    ),
    ("owned-reply", f'{INTRO}Raman\'s short reply: "{W}."', "Priya Raman"),
    (
        "quoted-him-as-saying",
        f'{INTRO}She said a rival had spoken, and she quoted him as saying: "{W}."',
        None,
    ),
    ("gave-name-only", f'"{W}," said a woman who gave her name only as Priya.', None),
    ("dash-inline", f'{INTRO}"{W}" \u2014 Priya Raman, on Monday.', "Priya Raman"),
    ("said-then-new-name", f'"{W}," said Priya Raman. Tom Reed disagreed.', "Priya Raman"),
    ("writes", f'"{W}," writes Priya Raman in her new book.', "Priya Raman"),
    ("tells", f'"{W}," Priya Raman tells the Island Times.', "Priya Raman"),
    ("told-inverted", f'"{W}," Tom Reed told the crowd, with Priya Raman at his side.', "Tom Reed"),
    (
        "she-after-two-named-inner",
        f'Tom Reed introduced Priya Raman.\n\n"{W}," she said.',
        "Priya Raman",
    ),
    (
        "it-said-org",
        f'The Island Ferry Company issued a statement.\n\n"{W}," it said.',
        "Island Ferry Company",
    ),
    (
        "it-said-org-inside",
        f'The Island Ferry Company issued a statement on Monday. "{W}," it said.',
        "Island Ferry Company",
    ),
    (
        "it-said-person-between",
        f'The Island Ferry Company hired Priya Raman. "{W}," it said.',
        None,
    ),
    ("they-said", f'Priya Raman and Tom Reed spoke together.\n\n"{W}," they said.', None),
    ("we-statement", f'In a joint statement Priya Raman and Tom Reed said: "{W}."', None),
    ("said-she-comma", f'{INTRO}"{W}," said she.', "Priya Raman"),
    ("name-first-reply", f'Asked when the boats would sail, Raman replied: "{W}."', "Raman"),
    ("told-listener-colon", f'{INTRO}Tom Reed told Raman: "{W}."', "Tom Reed"),
    ("was-heard-saying", f'{INTRO}Raman was heard saying: "{W}."', "Priya Raman"),
    ("can-be-heard", f'{INTRO}In the video, Raman can be heard saying: "{W}."', "Priya Raman"),
    ("a-caption", f'{INTRO}Her post was captioned: "{W}."', None),
    ("headline-says", f'{INTRO}"{W}," reads the headline above Raman\'s column.', None),
    ("cried", f'{INTRO}"{W}!" cried Raman.', "Priya Raman"),
    (
        "told-press-conf",
        f'Speaking at a press conference on Monday, Priya Raman said: "{W}."',
        "Priya Raman",
    ),
    (
        "the-chair-she",
        f'The board\'s chair, Priya Raman, disagreed.\n\n"{W}," she said.',
        "Priya Raman",
    ),
]


def _forms() -> list[Case]:
    both = [*FORMS, *FORMS_LATER]
    return [Case(k, _article(b), "sail again", s, (s,)) for k, b, s in both]


CASES = [*_news(), *_names(), *_transcripts(), *_forms()]
# Cases the extractor does not yet read right: each is expected to fail (strictly, so
# that a fix must take its entry out).
# gaps:start
KNOWN_GAPS: frozenset[str] = frozenset(
    {
        "name-later-pronoun|Ngũgĩ wa Thiong'o",
    }
)
# gaps:end
# Gaps that wait for a word list in db/ingest/lexicon.py (owned elsewhere).
NEEDS_LEXICON: dict[str, str] = {}  # none now: "Kim Jong Un" is a name (names._NAME_SYLLABLES)


def _quote(doc: ParsedDocument, words: str) -> QuoteRecord | None:
    found = [q for q in doc.quotes if words in q.text]
    return found[0] if found else None


def _params() -> list[object]:
    params: list[object] = []
    for case in CASES:
        if case.id in KNOWN_GAPS:
            params.append(pytest.param(case, marks=pytest.mark.xfail(strict=True)))
        elif case.id in NEEDS_LEXICON:
            reason = NEEDS_LEXICON[case.id]
            params.append(pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=reason)))
        else:
            params.append(case)
    return params


@pytest.mark.parametrize("case", _params(), ids=[c.id for c in CASES])
def test_attribution_form(case: Case) -> None:
    doc = parse(case.text)
    quote = _quote(doc, case.words)
    assert quote is not None, [q.text for q in doc.quotes]
    assert any(speaker_fits(a, quote.speaker) for a in case.accept), (quote.speaker, case.speaker)


# Marks around words nobody says: a nickname, a work's title, a word as a word, scare
# quotes. Each is no quote, or a fragment (never served as somebody's words).
NOT_QUOTES: list[tuple[str, str, str]] = [
    ("nickname", 'Harold "Buzz" Keane skippered the ferry for thirty years.', "Buzz"),
    (
        "nickname-curly",
        "Harold \u201cBuzz\u201d Keane skippered the ferry for thirty years.",
        "Buzz",
    ),
    ("book-title", 'Priya Raman read from "The Long Road Home" at the festival.', "Long Road"),
    (
        "film-title",
        'The island cinema showed "A Boat Called Tomorrow" on Friday night.',
        "Boat Called",
    ),
    ("word-as-word", 'The word "resilience" appeared 40 times in the report.', "resilience"),
    ("so-called", 'Critics attacked the so-called "ferry dividend" in May.', "ferry dividend"),
    ("scare", 'Priya Raman called the plan "reckless" on Monday.', "reckless"),
    (
        "ship-name",
        'The new ferry, "Island Star", arrived from the yard on Monday.',
        "Island Star",
    ),
]


@pytest.mark.parametrize(("key", "body", "words"), NOT_QUOTES, ids=[n[0] for n in NOT_QUOTES])
def test_not_a_quote(key: str, body: str, words: str) -> None:
    doc = parse(_article(body))
    served = [q for q in doc.quotes if words in q.text and q.served]
    assert not served, [(q.speaker, q.text, q.fragment) for q in served]


# Name forms whose whole name the extractor does not yet keep (strict xfails).
WHOLE_NAME_GAPS: frozenset[str] = frozenset({"Ngũgĩ wa Thiong'o"})


def _whole_params() -> list[object]:
    params: list[object] = []
    for form in NAME_FORMS:
        lexicon = NEEDS_LEXICON.get(f"name-said-full|{form[0]}")
        if form[0] in WHOLE_NAME_GAPS:
            params.append(pytest.param(form, marks=pytest.mark.xfail(strict=True)))
        elif lexicon is not None:
            params.append(pytest.param(form, marks=pytest.mark.xfail(strict=True, reason=lexicon)))
        else:
            params.append(form)
    return params


@pytest.mark.parametrize("form", _whole_params(), ids=[f[0] for f in NAME_FORMS])
def test_a_name_form_keeps_the_whole_name(form: tuple[str, str, str, str]) -> None:
    """The speaker is the whole name, not a part that is someone else's too ("Russell
    Hume" of "David Russell Hume")."""
    intro, full, _, _ = form
    quote = _quote(parse(_article(f'"{W}," said {intro}.')), W)
    assert quote is not None
    assert quote.speaker == full


@pytest.mark.parametrize(
    ("set_off", "speaker"),
    [
        (", the board's chair,", "Tom Reed"),  # the office the named one holds
        (", who chairs the board,", "Tom Reed"),
        (", the mayor's deputy,", "Tom Reed"),  # an office named by no one in the text
        (", a deputy to Mayor Ann Lee,", None),  # another person named in between
    ],
)
def test_words_set_off_after_a_quote_keep_its_speaker(set_off: str, speaker: str | None) -> None:
    """`"...," Reed, the board's chair, said.`: an office between the name and the verb
    is the named one's, unless it names someone else."""
    doc = parse(
        "Ferry news\n\nTom Reed opened the new pier on Monday.\n\n"
        f'"The boats sail again in May," Reed{set_off} said.\n'
    )
    found = _quote(doc, "sail again")
    assert found is not None
    assert found.speaker == speaker


@pytest.mark.parametrize(
    ("above", "speaker"),
    [
        ("The Island Ferry Company issued a statement.", "Island Ferry Company"),
        ("The Island Ferry Company and its chair Priya Raman spoke.", None),  # a person too
        ("The report of the Island Ferry Company came out.", None),  # the report's words
    ],
)
def test_it_said_names_the_body_the_paragraph_above_opens_with(
    above: str, speaker: str | None
) -> None:
    """`"...," it said.` under a paragraph that opens with a body's name, and names
    no person, is that body's."""
    doc = parse(f'{HEAD}{above}\n\n"{W}," it said.\n')
    found = _quote(doc, "sail again")
    assert found is not None
    assert found.speaker == speaker


@pytest.mark.parametrize("name", ["Łukasz Żmuda", "Şahin Öztürk", "Čedomir Šarić"])
def test_a_name_that_opens_with_a_capital_of_latin_extended_a(name: str) -> None:
    """'said Łukasz Żmuda', 'Şahin Öztürk said': capitals beyond Latin-1 open names."""
    doc = parse(f'{HEAD}{CALM}"{W}," said {name}, the harbour master.\n')
    assert [q.speaker for q in doc.quotes] == [name]


@pytest.mark.parametrize(
    ("attribution", "speaker"),
    [
        ("the Department of Mineral Resources said.", "Department of Mineral Resources"),
        ("said the Kellby Harbour Council.", "Kellby Harbour Council"),
        ("the Coast Guard Service said in a statement.", "Coast Guard Service"),
        ("police said.", None),  # no body's name
        ("CIP Tom Reed said.", "Tom Reed"),  # a rank's initials open no body's name
    ],
)
def test_a_body_named_after_the_quote_is_its_speaker(attribution: str, speaker: str | None) -> None:
    """A quote a named body says ("the Department of ... said") is the body's: the text
    names who issued the words, as the labelling rules count an organisation's."""
    doc = parse(
        "Mine collapse traps workers\n\nEight miners were trapped in the shaft on Friday.\n\n"
        f'"The main pillar collapsed into the stopes," {attribution}\n'
    )
    assert quote_with(doc, "main pillar collapsed").speaker == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        'Historian Ann Lee, who called Tom Reed "a builder of his generation," was born in 1950.',
        'Historian Ann Lee described Tom Reed as "a builder of his generation."',
        'Ann Lee, who described Tom Reed as "a builder of his generation," spoke first.',
    ],
)
def test_the_one_a_naming_verb_names_is_not_the_speaker(sentence: str) -> None:
    """'who called Tom Reed "..."': the name after a verb that names or describes
    someone is whom the words are about; they are the verb's subject's."""
    doc = parse(f"Harbour history\n\nTom Reed built the old quay.\n\n{sentence}\n")
    assert quote_with(doc, "a builder of his generation").speaker == "Ann Lee"
