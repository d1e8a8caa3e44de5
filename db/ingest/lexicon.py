"""General word lists the extractor relies on; nothing here names a source's people."""

from __future__ import annotations

from typing import Final

MONTHS: Final[dict[str, int]] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# The days of a month in words ("the sixteenth of June"), each word to its number; the
# twenties and thirties with a hyphen or a space ("twenty-first", "twenty first").
_UNITS_ORDINAL: Final = "first second third fourth fifth sixth seventh eighth ninth".split()
DAY_ORDINALS: Final[dict[str, int]] = {
    **{word: number for number, word in enumerate(_UNITS_ORDINAL, start=1)},
    **{
        word: number
        for number, word in enumerate(
            """tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth
            seventeenth eighteenth nineteenth twentieth""".split(),
            start=10,
        )
    },
    **{f"twenty{join}{word}": 20 + n for n, word in enumerate(_UNITS_ORDINAL, 1) for join in "- "},
    "thirtieth": 30, "thirty-first": 31, "thirty first": 31,
}  # fmt: skip

# In calendar order: a weekday's index is its number (Monday 0), as date.weekday() counts.
WEEKDAYS: Final = tuple("monday tuesday wednesday thursday friday saturday sunday".split())
# A weekday's name, whole or shortened as a page's stamp writes it ("Sun Mar 21, 2010").
WEEKDAY_NAMES: Final = frozenset(
    (*WEEKDAYS, *"mon tue tues wed thu thur thurs fri sat sun".split())
)
# Words for a part of a year that may stand before it ("early 1901", "Spring 1901").
PARTS_OF_YEAR: Final = tuple("early late mid spring summer autumn fall winter".split())

NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip

SPEECH_VERBS: Final = frozenset(
    """say says said saying tell tells told ask asks asked reply replies replied answer
    answers answered respond responds responded note notes noted add adds added
    declare declares declared state states stated insist insists insisted claim claims
    claimed explain explains explained recall recalls recalled remark remarks remarked
    warn warns warned admit admits admitted acknowledge acknowledges acknowledged agree
    agrees agreed argue argues argued announce announces announced joke jokes joked
    write writes wrote call calls called talk talks talked speak speaks spoke
    complain complains complained promise promises promised predict predicts predicted
    continue continues continued conclude concludes concluded suggest suggests suggested
    exclaim exclaims exclaimed shout shouts shouted whisper whispers whispered quip
    quips quipped concede concedes conceded describe describes described put puts
    observe observes observed mention mentions mentioned stress stresses stressed
    emphasize emphasizes emphasized emphasise emphasises emphasised tweet tweets tweeted
    reported radioed reflected recounts recounted urges urged vowed pledged confirms
    confirmed denies denied reiterates reiterated countered boasts boasted cried yelled
    mused testifies testified appealed pleaded commented cautioned lamented wondered
    laughs laughed chuckles chuckled sighs sighed
    recount urge vow vows pledge pledges confirm deny reiterate boast testify plead pleads
    maintain maintains maintained contend contends contended assert asserts asserted
    affirm affirms affirmed retort retorts retorted reveal reveals revealed disclose
    discloses disclosed confess confesses confessed allege alleges alleged demanded beg
    begs begged inquire inquires inquired enquire enquires enquired queried reasoned
    posit posits posited speculate speculates speculated estimated reassure reassures
    reassured recite recites recited preach preaches preached
    muttered mutters murmured murmurs snapped thundered thunders gushed gushes enthused
    enthuses scoffed scoffs grumbled grumbles growled growls groaned groans sneered
    bellowed roared screamed barked hissed stammered stuttered sobbed fumed fumes raged
    ranted interjected interrupted chimed volunteered ventured marvelled marveled
    reminisced clarified elaborated proclaimed proclaims
    praised hailed slammed slams blasted criticised criticises criticized criticizes
    condemned condemns thanked apologised apologises apologized apologizes welcomed
    welcomes mocked ridiculed lambasted derided rebuked chided scolded taunted implored
    protested objected
    posted texted emailed e-mailed messaged blogged chanted
    adding noting insisting explaining stressing arguing declaring vowing pledging
    urging claiming asking replying recalling admitting acknowledging announcing joking
    quipping conceding observing remarking suggesting concluding complaining lamenting
    describing
    """.split()
)

# Words that may sit between a speaker and the speech verb ("Putin said later").
ADVERBS_BETWEEN: Final = frozenset(
    """also only then later once again simply just himself herself immediately
    would will had has have could might may did does do later quickly flatly bluntly
    repeatedly publicly privately famously firmly calmly curtly reportedly jokingly
    never often always still even now
    yesterday today tonight earlier afterwards afterward since first previously
    subsequently recently originally initially finally eventually ultimately further
    separately likewise similarly too personally apparently allegedly lately
    angrily quietly softly loudly sadly proudly tearfully emotionally defiantly
    confidently cheerfully happily wryly dryly drily candidly frankly honestly bitterly
    sharply furiously patiently gently warmly coolly solemnly earnestly nervously
    cautiously grimly ruefully modestly boldly forcefully emphatically plainly openly
    tersely briefly sarcastically playfully triumphantly excitedly enthusiastically
    passionately vehemently adamantly categorically unequivocally slowly hastily
    abruptly promptly swiftly readily reluctantly hesitantly tentatively
    on last night week weekend month""".split()
) | frozenset(WEEKDAYS)  # "Lee on Monday said", "Lee last week said"

# Offices a "the <nationality> <office>" phrase names ("the Russian president").
ROLE_WORDS: Final = (
    "president", "leader", "prime minister", "premier", "chancellor", "king", "queen",
    "head of state", "first minister", "emir", "sultan",
)  # fmt: skip
# Abbreviated titles whose full stop does not end a sentence ("Dr. Grant").
HONORIFICS: Final = frozenset(
    """Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Capt Lt Sgt Rev St Maj Brig Cpl Pte Adm Cmdr Cdr
    Insp Supt Det Cllr Coun Hon Rt Fr Msgr Amb Atty Pres Mme Mlle Pvt Pfc""".split()
)
# After these, a name is the one spoken to ("tells Reuters", "asked Smith"), not the speaker.
# So too after a speech verb whose object is the one spoken to or of ("thanked Reed",
# "urged Reed", "warned Reed").
TOLD_VERBS: Final = frozenset(
    """tell tells told ask asks asked thanked praised hailed slammed slams blasted
    criticised criticises criticized criticizes condemned condemns welcomed welcomes
    mocked ridiculed lambasted derided rebuked chided scolded taunted implored begged
    begs reassured reassures reassure urged urges urge warned warns warn""".split()
)

# A lowercase word before a name that leaves the name in subject position.
CLAUSE_OPENERS: Final = frozenset(
    """and but that when while as because so then after before if although though
    since where which who once until also whether or nor yet says said""".split()
)

TITLES: Final = frozenset(
    """president presidents prime minister premier chancellor secretary secretary-general
    chief executive king queen prince princess pope senator sen. rep. representative
    governor gov. general gen. colonel col. admiral mayor ambassador mr. mrs. ms. mr mrs
    ms dr. dr professor prof. judge justice sheikh emir sultan ayatollah archbishop
    bishop chairman chairwoman chair leader speaker commander lieutenant captain sir
    dame lord lady director ceo vice deputy acting former foreign defence defense
    interior finance state head envoy spokesman spokeswoman spokesperson minister
    officer founder analyst correspondent editor bureau pilot astronaut administrator
    coach manager inspector detective sergeant constable superintendent councillor
    councilor alderman principal reverend rev. rabbi imam pastor commissioner sheriff
    attorney solicitor barrister doctor nurse surgeon scientist researcher historian
    economist engineer architect astronomer curator treasurer clerk firefighter
    astronomer physicist chemist biologist archaeologist spokeswoman owner chef farmer
    captain skipper pitcher striker goalkeeper midfielder defender manager referee
    cllr cr supt insp det cmdr lt sgt capt adm prof sen rep gov gen col rev
    taoiseach tanaiste brigadier major corporal private marshal commodore cardinal
    monsignor archdeacon provost vice-chancellor vice-president director-general
    governor-general attorney-general solicitor-general lieutenant-general major-general
    lieutenant-colonel president-elect mayor-elect governor-elect senator-elect
    congressman congresswoman councilman councilwoman assemblyman assemblywoman
    baroness viscount viscountess marquess marchioness duchess countess headteacher headmaster
    headmistress chairperson trooper magistrate coroner comptroller ombudsman mufti
    patriarch lecturer columnist umpire miss mx madam mme mlle
    maj brig cpl pte pvt pfc cdr fr msgr amb atty pres coun mp mep msp mla cs cm""".split()
)
# Abbreviated titles and the office each names ("Cllr Ann Lee" is a councillor).
TITLE_OFFICES: Final[dict[str, str]] = {
    "cllr": "councillor",
    "cr": "councillor",
    "coun": "councillor",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "cmdr": "commander",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "capt": "captain",
    "adm": "admiral",
    "maj": "major",
    "brig": "brigadier",
    "cpl": "corporal",
    "pte": "private",
    "pvt": "private",
    "pfc": "private",
    "cdr": "commander",
    "msgr": "monsignor",
    "amb": "ambassador",
    "atty": "attorney",
    "pres": "president",
}
# Offices named by two words, or by another word, that a title or an apposition ties
# to a person besides its single office words: "Prime Minister Ann Lee ... the premier
# said", "Ann Lee, the chief executive, ... the chief executive said". Phrase -> (the
# office word or phrase used later, the title words that use then stands for).
OFFICE_PHRASES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "prime minister": (("premier", "premier"),),
    "premier": (("minister", "prime minister"),),
    "chief executive": (("chief executive", "chief executive"),),
}
# Titles that are nobody's surname: a capitalised run ending in one names an office ("the
# Police and Crime Commissioner", "Foreign Minister"), not a person (unlike "King").
OFFICE_ENDINGS: Final = frozenset(
    """commissioner minister secretary president spokesman spokeswoman spokesperson
    director officer administrator councillor councilor superintendent inspector
    correspondent editor chairman chairwoman ceo treasurer ambassador senator taoiseach
    provost comptroller ombudsman coroner magistrate headteacher headmistress chairperson
    congressman congresswoman councilman councilwoman assemblyman assemblywoman lecturer
    columnist vice-chancellor vice-president director-general governor-general
    attorney-general solicitor-general secretary-general""".split()
)
# Offices and occupations that "the ..." can refer back to once the text ties one to a
# person ("Administrator Lisa Grant ... the administrator said").
OFFICE_NOUNS: Final = TITLES - frozenset(
    """mr. mrs. ms. mr mrs ms dr. dr prof. sen. rep. gov. gen. col. rev. sir dame lord lady
    vice deputy acting former foreign defence defense interior finance state head chief
    executive prime bureau major private miss mx madam mme mlle fr pres""".split()
)

# Offices and callings that, opening a sentence and speaking, are someone unnamed
# ("The chairman said", "A witness told"): singular, as "he" or "she" may refer to them.
UNNAMED_SPEAKERS: Final = (OFFICE_NOUNS - frozenset(("king", "queen", "pope"))) | frozenset(
    """official source witness resident expert lawyer friend neighbour neighbor relative
    victim survivor passenger driver teacher student worker employee fisherman
    fisherwoman shopkeeper bystander onlooker eyewitness diplomat observer investigator
    prosecutor paramedic medic soldier policeman policewoman guard insider colleague
    parent mourner protester protestor demonstrator voter customer visitor tourist
    volunteer organiser organizer villager fan supporter pupil patient commuter motorist
    pedestrian shopper landlord tenant trader vendor staffer""".split()
)

# Lowercase nouns that describe the one single name right after them ("Welsh cleric
# Nennius", "museum curator Lind"): offices, and callings a text names people by.
DESCRIBING_NOUNS: Final = OFFICE_NOUNS | frozenset(
    """cleric monk priest poet writer author chronicler novelist playwright painter
    composer philosopher""".split()
)

# Adjective, country or seat-of-power word -> the country it stands for.
NATIONALITIES: Final[dict[str, str]] = {
    "russian": "Russia", "russia": "Russia", "kremlin": "Russia", "moscow": "Russia",
    "american": "United States", "us": "United States", "u.s.": "United States",
    "united states": "United States", "white house": "United States",
    "washington": "United States", "america": "United States",
    "chinese": "China", "china": "China", "beijing": "China",
    "french": "France", "france": "France", "elysée": "France", "elysee": "France",
    "paris": "France", "british": "United Kingdom", "uk": "United Kingdom",
    "u.k.": "United Kingdom", "britain": "United Kingdom", "downing street":
    "United Kingdom", "london": "United Kingdom", "german": "Germany",
    "germany": "Germany", "berlin": "Germany", "ukrainian": "Ukraine",
    "ukraine": "Ukraine", "kyiv": "Ukraine", "kiev": "Ukraine", "polish": "Poland",
    "poland": "Poland", "warsaw": "Poland", "japanese": "Japan", "japan": "Japan",
    "tokyo": "Japan", "italian": "Italy", "italy": "Italy", "rome": "Italy",
    "spanish": "Spain", "spain": "Spain", "madrid": "Spain", "canadian": "Canada",
    "canada": "Canada", "ottawa": "Canada", "indian": "India", "india": "India",
    "delhi": "India", "israeli": "Israel", "israel": "Israel", "iranian": "Iran",
    "iran": "Iran", "tehran": "Iran", "turkish": "Turkey", "turkey": "Turkey",
    "ankara": "Turkey", "georgian": "Georgia", "belarusian": "Belarus",
    "minsk": "Belarus", "korean": "Korea", "mexican": "Mexico", "mexico": "Mexico",
    "brazilian": "Brazil", "brazil": "Brazil", "australian": "Australia",
    "egyptian": "Egypt", "egypt": "Egypt", "cairo": "Egypt", "iraqi": "Iraq",
    "iraq": "Iraq", "baghdad": "Iraq", "syrian": "Syria", "syria": "Syria",
    "damascus": "Syria", "afghan": "Afghanistan", "pakistani": "Pakistan",
    "saudi": "Saudi Arabia", "swedish": "Sweden", "norwegian": "Norway",
    "finnish": "Finland", "danish": "Denmark", "dutch": "Netherlands",
    "belgian": "Belgium", "austrian": "Austria", "swiss": "Switzerland",
    "greek": "Greece", "hungarian": "Hungary", "czech": "Czech Republic",
    "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia",
    "croatian": "Croatia", "slovenian": "Slovenia", "irish": "Ireland",
    "portuguese": "Portugal", "hong kong": "Hong Kong", "taiwanese": "Taiwan",
    "vietnamese": "Vietnam", "thai": "Thailand", "indonesian": "Indonesia",
    "south african": "South Africa", "nigerian": "Nigeria", "kenyan": "Kenya",
    "argentine": "Argentina", "chilean": "Chile", "cuban": "Cuba", "soviet": "Soviet Union",
    "argentinian": "Argentina", "colombian": "Colombia", "venezuelan": "Venezuela",
    "peruvian": "Peru", "bolivian": "Bolivia", "ecuadorian": "Ecuador",
    "uruguayan": "Uruguay", "paraguayan": "Paraguay", "costa rican": "Costa Rica",
    "panamanian": "Panama", "guatemalan": "Guatemala", "honduran": "Honduras",
    "salvadoran": "El Salvador", "nicaraguan": "Nicaragua",
    "dominican": "Dominican Republic", "haitian": "Haiti", "jamaican": "Jamaica",
    "lithuanian": "Lithuania", "latvian": "Latvia", "estonian": "Estonia",
    "slovak": "Slovakia", "slovene": "Slovenia", "icelandic": "Iceland", "maltese": "Malta",
    "cypriot": "Cyprus", "moldovan": "Moldova", "armenian": "Armenia",
    "azerbaijani": "Azerbaijan", "albanian": "Albania", "bosnian": "Bosnia",
    "montenegrin": "Montenegro", "macedonian": "North Macedonia", "kosovar": "Kosovo",
    "scottish": "Scotland", "south korean": "South Korea", "north korean": "North Korea",
    "sri lankan": "Sri Lanka", "bangladeshi": "Bangladesh", "nepali": "Nepal",
    "nepalese": "Nepal", "malaysian": "Malaysia", "singaporean": "Singapore",
    "filipino": "Philippines", "philippine": "Philippines", "cambodian": "Cambodia",
    "laotian": "Laos", "burmese": "Myanmar", "mongolian": "Mongolia",
    "kazakh": "Kazakhstan", "uzbek": "Uzbekistan", "kyrgyz": "Kyrgyzstan",
    "tajik": "Tajikistan", "turkmen": "Turkmenistan", "emirati": "United Arab Emirates",
    "qatari": "Qatar", "kuwaiti": "Kuwait", "bahraini": "Bahrain", "omani": "Oman",
    "yemeni": "Yemen", "jordanian": "Jordan", "lebanese": "Lebanon",
    "palestinian": "Palestine", "libyan": "Libya", "tunisian": "Tunisia",
    "algerian": "Algeria", "moroccan": "Morocco", "sudanese": "Sudan",
    "ethiopian": "Ethiopia", "somali": "Somalia", "ugandan": "Uganda",
    "tanzanian": "Tanzania", "rwandan": "Rwanda", "zambian": "Zambia",
    "zimbabwean": "Zimbabwe", "senegalese": "Senegal", "malian": "Mali",
    "ghanaian": "Ghana", "angolan": "Angola", "mozambican": "Mozambique",
    "namibian": "Namibia", "congolese": "Congo", "ivorian": "Ivory Coast",
    "cameroonian": "Cameroon", "eritrean": "Eritrea", "liberian": "Liberia",
    "malawian": "Malawi", "new zealand": "New Zealand",
}  # fmt: skip

# Capitalised nouns that close (or open, before "of") the name of a body that speaks for
# itself: "the National Weather Service warned", "the Ministry of Defence said".
ORGANISATION_NOUNS: Final = frozenset(
    """Service Agency Authority Administration Department Ministry Office Council Committee
    Commission Board Bureau Institute University College Museum Library Foundation Trust
    Association Society Union Federation League Party Police Constabulary Court Government
    Company Corporation Corp Inc Ltd PLC Group Bank Fund Network Centre Center Hospital
    Organisation Organization Command Embassy Secretariat Parliament Directorate Coalition
    Alliance Institution Observatory Laboratory Tribunal Inquiry Panel Cabinet Assembly
    Senate Congress Regiment Brigade Battalion Division Squadron Fleet Army Navy Force
    Guard Patrol Unit Gallery Zoo School Academy Clinic Charity Campaign Movement Forum
    Partnership Consortium Cooperative Syndicate Guild Chamber Exchange Airport Airline
    Airways Railway Railways Utilities Insurance Holdings Ventures Partners Studios
    Publishing Media Archive Archives Registry Mission Delegation Consulate Rescue
    Services Diocese Church Mosque Synagogue Club FC Team Watch International
    Guardian Observer Independent Express Mirror Globe Examiner Inquirer Enquirer
    Bulletin Monitor Sentinel Dispatch Argus Echo Advertiser Courier Ledger Clarion
    Spectator Insider Standard Review Register Citizen Statesman Online Digest""".split()
)

# Capitalised words that are never part of a person's name.
NON_PERSON_WORDS: Final = frozenset(
    """january february march april may june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday
    christmas easter whitsun pentecost passover hanukkah diwali thanksgiving halloween
    god war cold world union states nations kingdom republic federation party center
    centre office house room summit council ministry university institute street square
    road island sea ocean river mountains peninsula bank company corp inc group agency
    department army navy force forces church court committee commission organization
    organisation treaty agreement act amendment amendments decree decrees ordinance statute
    charter directive protocol rights day week games cup league
    storm hurricane typhoon cyclone tornado
    airport station hotel palace park bridge hall residence cathedral times post
    journal news bay gulf strait canal valley desert province state county city region
    district parliament congress senate assembly duma kremlin pentagon capitol
    north south east west northern southern eastern western central
    america europe asia africa australia antarctica arctic atlantic pacific
    russia china france germany britain england ukraine poland japan italy spain
    canada india israel iran iraq syria turkey georgia belarus korea mexico brazil egypt
    afghanistan pakistan chechnya caucasus kazakhstan slovenia hungary romania
    serbia croatia greece sweden norway finland denmark netherlands belgium austria
    switzerland ireland portugal cuba vietnam taiwan tibet siberia crimea texas
    california washington moscow london paris berlin beijing tokyo rome madrid
    kyiv kiev warsaw shanghai sochi bucharest baghdad kabul tehran damascus cairo
    nato un eu usa ussr uk us apec opec cnn bbc fbi cia kgb g-8 g8 g-7 g7 g-20 g20 wto
    imf who qaeda al-qaeda taliban hamas hezbollah isis
    islam islamic muslim christian jewish catholic orthodox communist communism
    socialist democrat democrats republican republicans soviet internet web
    special report timeline terror fighting remembers skip main content top back
    prize award olympics election elections revolution crisis affair doctrine
    ii iii iv new san santa los las saint fort port mount lake cape kong
    daily weekly mail times herald telegraph gazette tribune chronicle journal newspaper
    magazine broadcasting network television radio agency
    """.split()
) | frozenset([*NATIONALITIES, *map(str.lower, ORGANISATION_NOUNS)])

# Capitalised words that open sentences but do not start names.
STOPWORDS: Final = frozenset(
    """a an the and but or nor so yet for in on at to of by with from as into onto upon
    after before during since until while when where why how what who whom whose which
    that this these those there here then than it its he she they we i you his her
    their our my your him them us me if though although because both either neither
    each every all some any many most much more few several no not none nobody
    nothing everyone everybody someone somebody anyone ever never also only even just
    still yet again once twice however meanwhile moreover furthermore nevertheless
    instead otherwise therefore thus hence indeed perhaps maybe certainly separately
    together later earlier today yesterday tomorrow tonight now soon already last next
    first second third finally initially eventually recently mr mrs ms dr
    within without across against among around behind below beneath beside between
    beyond despite except inside outside over through throughout toward towards under
    unlike via like near off out up down about above along amid per whether
    let yes oh please thank thanks dear hello
    """.split()
)

# Words after a bare year that show it counts things rather than dating them.
COUNTED_NOUNS: Final = frozenset(
    """people persons men women children troops soldiers cases deaths votes dollars
    euros pounds rubles roubles yuan meters metres miles kilometers kilometres km feet
    tons tonnes units copies pages words times years months days hours minutes members
    employees jobs homes houses cars planes ships tanks missiles warheads residents
    civilians refugees percent per cent""".split()
)

CONTEXT_NOUNS: Final = frozenset(
    """address speech interview statement conference summit meeting briefing session
    rally broadcast call hearing visit debate ceremony talks appearance remarks
    press-conference news-conference lecture toast dinner forum meeting podcast video
    livestream documentary programme program sermon homily eulogy testimony vigil
    funeral tweet post email e-mail letter message release op-ed column essay editorial
    book memoir""".split()
)

LINE_FURNITURE_PHRASES = (
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "back to the top",
    "back to top",
    "all rights reserved",
    "copyright ©",
    "terms of use",
    "privacy policy",
    "cookie policy",
    "sign up for",
    "subscribe to",
    "follow us on",
    "share this",
    "click here",
    "create a free",
    "create an account",
    "log in to",
    "sign in to",
    "read more",
    "home page",
    "advertisement",
    "related stories",
    "related articles",
    "most popular",
    "image source",
    "photo credit",
    "photograph:",
    "getty images",
    "(ap photo",
    "(reuters",
    "/afp",
    "the wayback machine",  # an archived copy's banner, its address after it
    "other available languages",
    "this page was last",  # "This page was last edited on ...": a wiki's footer
)

# Short lines opening with these are publication stamps, not prose.
STAMP_PREFIXES = (
    "published", "updated", "last updated", "posted", "first published", "last modified",
    "page last modified", "page last updated",
)  # fmt: skip

# Grammatical gender, for binding "he" and "she" to the nearest person who fits.
# Titles that say it outright:
FEMININE_TITLES: Final = frozenset(
    "mrs mrs. ms ms. miss queen princess dame lady chairwoman spokeswoman duchess"
    " empress countess baroness sister mother madam madame congresswoman councilwoman"
    " assemblywoman headmistress viscountess marchioness mme mlle".split()
)
MASCULINE_TITLES: Final = frozenset(
    "mr mr. king prince sir lord chairman spokesman duke emperor count baron brother"
    " father pope sheikh emir sultan congressman councilman assemblyman headmaster"
    " viscount marquess fr msgr monsignor cardinal".split()
)
# Common given names that are used (almost) only for one sex, lowercase. A name in
# neither list leaves the person's gender unknown, which fits either pronoun.
FEMININE_NAMES: Final = frozenset(
    """abigail ada adriana agnes aisha alexandra alice alicia alison amanda amelia amy
    ana anastasia angela angelina anita ann anna anne annie antonia barbara beatrice
    betty beverly brenda bridget camilla carla carmen carol caroline catherine cecilia
    charlotte cheryl christina christine claire clara claudia cynthia daisy deborah denise
    diana diane donna doris dorothy edith eleanor elena elisabeth elizabeth ella ellen
    emily emma erin esther eva evelyn fatima fiona florence frances gabriela gemma
    georgia gillian gloria grace hannah harriet heather helen helena hillary ingrid irene
    isabel isabella jacqueline jane janet janice jennifer jessica jill joan joanna
    josephine joyce judith judy julia julie karen katherine kathleen kathryn kate katie
    kimberly laura lauren linda lisa louise lucy lydia margaret maria marie marilyn
    martha mary megan melanie melissa michelle mildred miriam molly monica nancy natalie
    natasha nicole nina olga olivia pamela patricia paula pauline penelope priya
    rachel rebecca rose ruth sally samantha sandra sara sarah sharon shirley sofia sophia
    sophie stephanie susan suzanne sylvia tanya teresa theresa tina valentina valerie
    vanessa victoria virginia wendy yvonne zoe beth jenny liz maggie meg peggy
    adele agatha audrey bernadette beatrix bethany bianca caitlin candice carolyn
    cassandra catriona celia charlene chloe colleen constance cora daphne darlene
    deirdre delia dolores edna eileen elaine eliza ellie eloise elsie emilia erica erika
    estelle ethel eugenia eunice gail geraldine gertrude gina gladys glenda gwen
    gwendolyn heidi henrietta hilda imogen irma janine jeanette jeanne jemima jenna
    joanne jocelyn josie juliet justine kara karin katrina kirsty kristen kristin lara
    leah lillian lily lorna lorraine lois louisa lucille lucinda mabel madeleine madeline
    mandy marcia margot marian marianne marjorie marlene maureen maxine melinda mia
    millie miranda moira muriel myra nadia naomi nell nora norma octavia patsy phoebe
    phyllis polly priscilla rachael rhiannon rita roberta rosalind rosemary rosie
    roxanne sabrina sadie selina serena sheila sonia sonya stella susanna susannah
    tamara tara tessa thelma tracey trudy ursula vera veronica winifred yolanda yvette
    zara siobhan aoife niamh sinead orla roisin grainne mairead aisling caoimhe eimear
    clodagh saoirse bethan sian rhian cerys ffion morag mhairi eilidh ailsa
    agnieszka anja anke annika astrid birgit brigitte carmela chiara dagmar elke elsa
    francesca francoise françoise giovanna giulia greta gudrun helga hildegard ilse
    inga irina isabelle jolanta karolina katarzyna katja kerstin lucia ludmila
    lyudmila magdalena marina marta mathilde monika natalia nathalie nadezhda oksana
    paola petra renata rosa sabine sandrine silvia sigrid svetlana tatiana tatyana
    ulrike valeria veronika yulia yelena zofia ewa beata dorota anneliese ingeborg
    hannelore gisela renate katrin elisa ilaria federica alessandra giorgia chantal
    sylvie veronique véronique amelie amélie elodie élodie celine céline aurelie
    aurélie delphine segolene ségolène beatriz catalina consuelo esperanza guadalupe
    ines inés josefina juana leticia lucía luisa manuela marisol pilar raquel soledad
    ximena alejandra daniela fernanda mariana lorena marcela luciana joana luiza dilma
    abena adaeze adanna adwoa akosua chiamaka chidinma chioma efua folasade funmilayo
    ifeoma ngozi nkechi nneka nomvula nokuthula thandiwe thandeka wanjiru wambui
    wanjiku yetunde zanele zodwa fatoumata aminata mariama
    amina dalia farah fatma hanan hiba huda iman khadija layla leila lina maryam mona
    rania rasha reem salma samira yasmin yasmine zainab zahra zeinab ghada suha nawal
    lubna asma
    aishwarya ananya anjali aparna bhavna deepika divya gita geeta indira kalpana
    kavita lakshmi madhuri meena meera nandini neha nirmala padma parvati pooja preeti
    priyanka radha rekha sanjana sarita savita shabana shilpa shreya smita sunita
    sushma swati usha vandana vidya benazir mamata malala ayesha bushra nusrat rubina
    saima shazia
    akiko ayako emiko fumiko haruko hiroko junko kazuko keiko kyoko mariko masako
    michiko naoko noriko reiko sachiko sayaka setsuko tomoko yoko yoshiko yuko yukiko
    aiko haruka corazon imelda""".split()
)
MASCULINE_NAMES: Final = frozenset(
    """aaron adam ahmed alan albert alexander alfred ali andrew angus anthony antonio
    arthur barry ben benjamin bernard bill billy bob boris brian bruce carl carlos charles
    christopher colin craig dan daniel david dennis derek donald douglas duncan
    edward eric ernest frank fred frederick gary george gerald giuseppe gordon graham
    gregory harold harry henry howard hugh ian isaac ivan jack jacob james jason jeffrey
    jeremy jim jimmy joe john jonathan jorge jose joseph juan justin keith kenneth kevin
    larry lawrence leonard louis luis luke malcolm marco mark martin matthew michael
    mohammed muhammad neil nicholas nigel oliver omar oscar patrick paul pedro peter
    philip pierre ralph raymond richard robert roger ronald roy russell ryan samuel scott
    sean simon stanley stephen steve steven stuart thomas timothy tom tony victor vincent
    walter wayne william cliff dave doug eddie greg jeff ken mike phil reg ron stan ted
    tim
    abraham adrian alastair alasdair alistair alfie allan allen alvin ambrose andy
    archibald archie arnold barnaby bartholomew benedict bertie bertram bradley brendan
    brett bryan byron calvin cecil cedric clarence clement clifford clive cornelius
    curtis cyril damian damien darren darryl declan desmond dominic donovan dougal
    dustin dwight edgar edmund edwin elijah elliot elliott emmanuel ethan eugene evan
    ezra felix fergus floyd francis franklin gareth garry gavin geoffrey gerard gilbert
    glen glenn godfrey hamish harvey hector herbert horace humphrey hugo ivor jake
    jared jerome joel jonah jonas josh joshua julian julius karl kenny kieran kirk kurt
    leo leon leroy lionel lloyd lucas luther marcus mario marvin matt maurice melvin
    milton mitchell monty murray nathan nathaniel ned neville nick oswald owen percy
    quentin randolph randy reginald rhys ricky robbie rodney rory rudolph rufus rupert
    sebastian seth silas spencer stewart stefan terence terrence theodore toby travis
    trevor vernon wallace warren wesley wilfred willie winston zachary seamus padraig
    eoin ciaran cian oisin diarmuid donal fintan colm liam conor cormac shane enda
    dafydd gethin huw iwan iain ewan callum
    aleksandr aleksander alessandro alexei alexey andrei andrey andrzej angelo anton
    antoine arnaud benoit bernd bruno carlo christoph christophe claudio cristiano
    dariusz dieter dmitri dmitry egon emil emilio enrico enrique ernesto fabio federico
    fernando filippo florian francesco franco francois françois franz friedrich gaston
    georg gerhard giacomo gianluca giorgio giovanni gunther günter gunter gustav hans
    heinrich heinz helmut horst igor ignacio jacques jakob janusz jens jerzy joachim
    johann johannes josef jürgen jurgen klaus krzysztof lars laurent leonid lorenzo
    ludwig lukas manfred marcel marek massimo matteo maximilian michel miguel mikhail
    nikolai nikolay olaf oleg otto pascal paolo pavel piotr rainer raul raúl reinhard
    roberto rolf rudolf salvatore sergei sergey stanislaw stefano sven thierry tomasz
    ulrich umberto uwe vladimir vladislav wojciech wolfgang xavier yves yuri zbigniew
    viktor vasily gabriel rafael raphael sergio vicente alejandro alberto alfonso
    alfredo alvaro álvaro andres andrés armando arturo diego eduardo emiliano esteban
    felipe francisco gonzalo guillermo gustavo hernan hernán jaime javier joaquin
    joaquín leonardo manuel marcelo mariano mateo mauricio nicolas nicolás pablo
    patricio ramon ramón ricardo rodrigo ruben rubén sebastián tomas tomás luiz joao
    joão paulo rui thiago tiago gilberto
    abubakar adebayo adewale babatunde chinedu chukwuma emeka kwame kwabena kofi kojo
    kwaku kwesi olusegun tunde obinna ikenna jomo thabo sipho themba mandla bongani
    sibusiso yoweri muhammadu mamadou moussa ousmane ibrahima amadou abdoulaye seydou
    abdullah abdul ahmad amir anwar ayman bashar bilal fahd faisal farouk hamid hamza
    hassan hussein husain ibrahim ismail jamal kareem karim khaled khalid mahmoud
    mahmud majid mansour marwan mohamed mohammad mustafa nabil nasser osama rashid
    saad saeed salim sami samir tariq walid yasser yasir youssef yousef yusuf ziad
    khalil hosni gamal hisham adel ashraf tarek emad waleed mehmet recep ahmet kemal
    murat emre burak hakan
    abhishek ajay akshay amit anand anil arjun arun arvind ashok deepak gaurav harish
    imran jawaharlal kapil karan mahesh manish manoj mohan mukesh narendra nitin pankaj
    prakash pranab rahul rajesh rajiv rakesh ramesh ravi rohit sachin sanjay sandeep
    sanjeev sunil suresh vijay vikram vinod virat yogesh nawaz shahid asif zulfikar
    bilawal shehbaz shahbaz salman aamir irfan javed junaid kamran sohail waqar zafar
    akira daisuke hideki hiroshi ichiro kenji koji makoto masahiro shinzo shigeru
    takashi takeshi taro tetsuya yoshihiko yoshihide fumio junichiro naoto yukio
    kazuo hiroyuki""".split()
)

# Words before a colon at the start of a paragraph that label no speaker.
TURN_LABEL_WORDS: Final = frozenset(
    """note notes update updates editor's note editors note photo photos source sources
    related read more watch listen correction corrections disclaimer advertisement
    share tags topics caption breaking warning summary background context analysis
    timeline see also contact email phone location date time where when what who why
    how question answer""".split()
) - {"question", "answer"}
# The last word of a label that lists who attended, not who speaks: "Present:", "Also
# present:", "In attendance:", "Members absent:".
ROLL_CALL_WORDS: Final = frozenset(
    "present absent attending attendance attendees participants apologies".split()
)

# Lines that are page furniture when they stand alone (lowercase, outer punctuation off):
# section names, buttons and teasers that a saved page carries around its article.
WHOLE_LINE_FURNITURE: Final = frozenset(
    w.strip()
    for w in """latest|latest news|latest stories|have your say|most read|most viewed|most shared
    |more on this story|more from|top stories|trending|trending now|live|watch|listen
    |watch live|menu|home|news|search|share|share this|tweet|email|print|comments
    |advertisement|advert|sponsored|sponsored content|related|related topics|related content
    |ad|ads|hide ad|skip ad|close ad|report this ad|report ad|remove ads
    |sign in|log in|subscribe|newsletter|skip advert|breaking|breaking news|editor's picks
    |you may also like|recommended|recommended for you|popular|features|opinion|sport
    |business|world|politics|video|audio|photos|topics|tags|close|next|previous|back
    |next article|previous article|continue reading|show more|load more|accept cookies
    |accept all cookies|manage cookies|cookie settings|follow|follow us|contact us|about us
    |in pictures|explainer|analysis|podcast|podcasts|more stories|also in the news
    |more by this author|more from this author|more by the author|more from the author
    |don't miss|must read|read next|up next|story continues below advertisement
    |article continues below|jump to|table of contents|contents|navigation
    |login|member login|members login|register|email this|e-mail this|email this story
    |view comments|post a comment|leave a comment|add a comment|read comments|show comments
    |see comments|hide comments|load comments|loading|previous page|next page|back to top
    |return to top|return to home|return to homepage|go back|feeds|posts""".split("|")
)
FURNITURE_PREFIXES: Final = ("breaking:", "breaking news:", "live:", "watch:", "listen:", "read:")
# Common given names used for both sexes (Andrea Bocelli and Andrea Leadsom, Chris
# Evert): a person's given name for sure, which says nothing of their gender.
EITHER_SEX_NAMES: Final = frozenset(
    """andrea nicola chris kelly alex alexis sam jean robin leslie jamie jackie jo ashley casey
    dana sasha nikita kiran noor nour yuki tracy lynn marion hilary dominique simone
    gabriele ariel jody terry frankie charlie stevie rowan""".split()
)
GIVEN_NAMES: Final = FEMININE_NAMES | MASCULINE_NAMES | EITHER_SEX_NAMES
# Given names that are as often a place ("Virginia's governor", "Victoria Station"): alone,
# they are nobody for sure.
PLACE_GIVEN_NAMES: Final = frozenset(
    """virginia victoria florence charlotte sofia helena georgia adelaide marina lorraine
    lucia lynn marion""".split()
)

# Words that open a place's name before a given name ("San Diego", "Santa Monica", "Port
# Elizabeth", "Lake Victoria"): the given name after one is the place's, not a person's.
PLACE_PREFIXES: Final = frozenset(
    """san santa santo são sao saint st ste fort port porto puerto mount mont monte lake
    cape los las rio""".split()
)

# The US states' two-letter postal codes: "Chicago, IL" places a text in the US, whose
# numeric dates put the month first ("1/10/2017" is January 10).
US_STATE_CODES: Final = frozenset(
    """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
    NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split()
)

# -- ext-events: words of dated events ----------------------------------------------------

# Round counts of years that anniversaries count back ("Fifty years ago today").
ROUND_NUMBER_WORDS: Final[dict[str, int]] = {
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip

# --- Titles (ext-titles) ---
# Abbreviations that may close a headline with their full stop, which is then no end of
# a sentence: "Timeline 18th c.", "Harbour Boats Inc.", "Letters of Tom Rusk Jr.".
TITLE_END_ABBREVIATIONS: Final = frozenset(
    "c ca cent jr sr inc co corp ltd bros st vol no etc esq".split()
)
# The words of a bar of share and follow buttons ("Share on Facebook", "Facebook Twitter
# WhatsApp Email", "Copy link"), and of a reading-time note ("5 min read"): a line made
# of these alone is furniture, never a page's name.
SHARE_BAR_WORDS: Final = frozenset(
    """share shares sharing on via to this article story page with us follow copy link
    facebook twitter x linkedin whatsapp telegram pinterest reddit tumblr messenger
    email e-mail mail print tweet flipboard bluesky threads instagram youtube tiktok
    min mins minute minutes read listen reading time""".split()
)

# --- Who is a person (people.py, names.py) ---------------------------------------------
# Capitalised words that make a run a place, a body or a thing wherever they stand in it,
# beyond NON_PERSON_WORDS: countries (and the word that closes a country of two words:
# "Ivory Coast", "Sierra Leone"), number words ("Hydro One", "Channel Four"), and the
# heads of names of firms, teams and features of a map. None is anyone's given name or
# surname (names such as Chad, Jordan, Kenya or Salvador are left out on purpose).
NOT_A_NAME_WORDS: Final = frozenset(
    """nigeria ghana senegal cameroon ethiopia somalia sudan uganda tanzania zambia
    zimbabwe angola mozambique botswana namibia mali niger congo gabon benin togo
    liberia rwanda burundi malawi madagascar morocco algeria tunisia libya eritrea
    bangladesh nepal myanmar burma cambodia laos malaysia singapore philippines
    mongolia argentina colombia venezuela ecuador bolivia paraguay uruguay panama
    honduras guatemala nicaragua haiti jamaica lebanon qatar kuwait bahrain oman yemen
    estonia latvia lithuania moldova armenia azerbaijan uzbekistan albania bosnia
    kosovo montenegro macedonia slovakia luxembourg iceland cyprus scotland wales
    coast guinea leone lanka faso nadu
    one two three four five six seven eight nine ten eleven twelve
    stores store brands pharma airlines airways motors holdings images photo photos
    press releases stars warriors rovers wanderers united communications
    avenue creek inlet channel passage stockade""".split()
)
# Words of places and bodies in NON_PERSON_WORDS that are also common surnames: a
# person's after "Mr" or "Mrs" ("Mr Hall said"), never alone.
SURNAME_PLACE_WORDS: Final = frozenset(
    "hall park church bank house court post street bridge".split()
)
# Sentence adverbs that may open a sentence before its subject ("Meanwhile Ann Lee said").
SENTENCE_ADVERBS: Final = frozenset(
    """meanwhile however moreover furthermore nevertheless instead separately later
    earlier today yesterday tonight now still finally initially eventually recently
    previously subsequently additionally elsewhere""".split()
)
# Callings a lowercase noun gives a person named right after it ("Bollywood superstar
# Ann Lee", "Acme spokeswoman Ann Lee") that DESCRIBING_NOUNS and UNNAMED_SPEAKERS do
# not hold already: a capitalised run right before "<calling> <Name>" qualifies that
# person (people._CALLINGS joins the three).
CALLING_NOUNS: Final = frozenset(
    """actor actress singer star superstar player legend icon veteran musician producer
    filmmaker activist campaigner boss chief forward winger executive journalist
    reporter presenter host broadcaster politician legislator lawmaker aide adviser
    advisor strategist organiser organizer candidate mp mla mep""".split()
)
# Places and bodies written as joined initials ("U.S.", "D.C."), folded as names.py folds
# a token (lowercase, last full stop dropped): never a person's initials ("T.C. Lee").
PLACE_INITIALS: Final = frozenset("u.s u.k u.n e.u d.c u.s.a u.a.e u.s.s.r n.y l.a".split())

# --- Layout quotes (turns, speaker lines) ---
# Fields of a transcript's page that a colon ends like a turn's label and that name no
# speaker: "Subject: storms", "Interview: Ann Lee", "Release date: 3 May 2015".
TRANSCRIPT_FIELDS: Final = frozenset(
    (
        *"subject subjects topic topics interview transcript venue programme program".split(),
        *("release date", "release type", "transcript id", "media outlet", "broadcast date"),
    )
)
# Labels of someone who asks a programme's questions and whom the label does not name:
# their words are no one's quote, as a question from the floor's (turns._QUESTION_LABELS).
UNNAMED_ASKERS: Final = frozenset(
    "host presenter journalist moderator anchor interviewer caller compere".split()
)

# --- Site furniture (titles and clean-up) ---
# The kinds of page a site's section holds: a line of these alone, joined by "and", "&",
# "/" or commas, names a section ("Media Releases & Transcripts", "News and Events").
SECTION_NAME_WORDS: Final = frozenset(
    """releases transcripts speeches statements news events media press publications
    resources archive archives home newsroom announcements updates stories blog blogs
    articles videos photos multimedia podcasts timeline timelines reports documents
    downloads gallery galleries briefings notices""".split()
)
SECTION_NAME_JOINERS: Final = frozenset(("and", "&", "/", "+", "-"))
# A search box's label, opening a short line: "Search This Transcript", "Search our site".
SEARCH_BOX_OPENINGS: Final = (
    "search this ", "search our ", "search the site", "search the archive", "search site",
    "search all ", "search for:", "search within", "search in this",
)  # fmt: skip
# The last word of an image's alt text that a saved page keeps where the image stood:
# "Article image", "Site logo", "pdf icon".
ALT_TEXT_NOUNS: Final = frozenset(
    "image images photo photograph picture icon logo thumbnail avatar banner".split()
)

# --- Records flattened from a PDF (turns: Hansard, minutes, court transcripts) ---
# Titles that open a record's speaker label ("Hon. Ann Lee:", "Cllr. Tom Reed:", "The
# Clerk:"): a label must open with one, so no capitalised phrase before a colon is one.
RECORD_TITLES: Final = (
    "Rt. Hon",
    "Rt Hon",
    *"""Hon Mr Mrs Ms Miss Mx Dr Prof Cllr Councillor Senator Sen Rep Madam Mister Judge
    Justice Sir Dame Lord Lady Baroness Bishop Rev The""".split(),
)
# Courtesy words a record puts before a name or an office, dropped to find the person:
# "Hon. Ann Lee" is Ann Lee, "Madam Speaker" the speaker.
RECORD_COURTESIES: Final = frozenset("rt right hon honourable honorable madam mister".split())
# Who speaks in a court's or a meeting's record, besides the offices of TITLES: after
# "The" a label names one of these ("The Court:", "The Witness:", "The Chairperson:").
RECORD_ROLES: Final = frozenset(
    """court witness chairperson defendant accused prosecutor registrar interpreter
    presiding coroner magistrate convener convenor""".split()
)
# A record's labels for several people at once ("Hon. Members: Aye"): nobody's quote.
RECORD_CROWDS: Final = frozenset("members member all several some voices crowd".split())
# Labels that say only that someone unnamed speaks, as broadcast, press-conference and
# conference-call transcripts write them ("UNIDENTIFIED MALE:", "Interpreter:", "Unknown
# Speaker:", "Operator:", "ANNOUNCER:"): the words are a quote whose speaker the text does
# not name.
UNNAMED_VOICES: Final = frozenset(
    """unidentified unknown unnamed interpreter translator voice voices male female man
    woman person operator announcer narrator""".split()
)

# --- Names of works and events in quotation marks (quotemarks.names_a_work) ---
# Words title case leaves in lower case ("Night Over the Harbour", "All the News That
# Fits" keeps "the"; "There's a Land that is Fairer than This").
TITLE_CASE_SMALL_WORDS: Final = frozenset(
    """a an the and or nor but of to in on at by for with as vs from into onto over
    upon than that is are was be per via de la le du van von""".split()
)
# Nouns of a work whose title follows in marks, and verbs that name it ("the novel
# "...", "a film called "..."): never nouns of a text that quotes words (report, letter).
WORK_NOUNS: Final = frozenset(
    """novel novels book books film films movie movies song songs album albums single
    singles poem poems play plays opera operas musical musicals documentary series show
    shows painting paintings sculpture hymn hymns anthem motto slogan exhibition
    programme program track tracks ballad ballads memoir memoirs biography titled
    entitled called named dubbed""".split()
)

# --- Dated facts (events: a header line of a life's or a body's dated facts) ---
# Words that open each fact of a summary line ("Died 31 October 2008, elected to
# Fellowship 1965", "b. 3 May 1910, Leeds; d. 1 June 1988"): its clauses are events.
FACT_LINE_WORDS: Final = frozenset(
    """born died elected appointed married retired founded established opened closed
    awarded graduated knighted ordained baptised baptized buried joined succeeded
    inducted enlisted commissioned consecrated dedicated built completed launched
    b. d. m. fl.""".split()
)
