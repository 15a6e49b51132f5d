"""What an asked amount or date is of: a fine is not a tax, the day a law takes effect is not the day
it went to consultation."""

from __future__ import annotations

import pytest

from retriever.asked import states_kind
from retriever.specifics import (
    actor_asked,
    asked_of,
    asks_actual,
    document_speaks_of,
    planned,
    speaks_of,
    speaks_only_of_other_actor,
    topics_asked,
)


@pytest.mark.parametrize(
    ("question", "kind", "things"),
    [
        ("What is the fine for selling banned bags in Hainan?", "number", ("penalty",)),
        ("Berapa denda pelanggar perwali Bogor?", "number", ("penalty",)),
        ("海南禁塑令的罚款是多少？", "number", ("penalty",)),
        ("ไต้หวันปรับร้านที่ใช้แก้วพลาสติกเท่าไหร่", "number", ("penalty",)),  # ปรับ alone fines
        ("ปรับลดการใช้ถุงพลาสติกได้เท่าไหร่", "number", ()),  # ... but ปรับลด cuts
        ("What excise rate did Indonesia propose?", "number", ("tax",)),
        ("How many delegates attended INC-4?", "number", ()),
        ("When will Thailand's Act come into force?", "when", ("start",)),
        ("When does the scheme start operating?", "when", ("start",)),
        ("ร่าง พ.ร.บ. จะมีผลบังคับใช้เมื่อไหร่", "when", ("start",)),
        ("Kapan larangan itu mulai berlaku?", "when", ("start",)),
        ("海南禁塑令什么时候开始实施？", "when", ("start",)),
        ("When did INC-3 take place?", "when", ()),
        # "Since when?" asks when it began, in each language.
        ("Since when does Japan charge for plastic bags?", "when", ("start",)),
        ("일본은 언제부터 비닐봉지를 유료화했나요?", "when", ("start",)),
        ("sejak kapan toko gak boleh lagi kasih kresek?", "when", ("start",)),
        ("Từ khi nào Nhật Bản thu phí túi nilon?", "when", ("start",)),
        ("When did Singapore's consultation on the return scheme close?", "when", ("end",)),
        ("What is the deadline for registering?", "when", ("end",)),
        ("When did the campaign to end plastic pollution start?", "when", ("start",)),
        ("Bilakah program itu diadakan?", "when", ()),
        ("When did Nepal extend the ban to the whole country?", "when", ("extension",)),
        ("Kapan Bogor memperluas larangan ke pasar tradisional?", "when", ("extension",)),
        ("禁塑令什么时候扩大到全省？", "when", ("extension",)),
        ("special asean ministerial meeting 2019 - which hotel was it in?", "where", ("building",)),
        ("Hội nghị tổ chức ở khách sạn nào?", "where", ("building",)),
        ("会议在哪家酒店举行？", "where", ("building",)),
        ("What is the jail term for a second offence?", "number", ("penalty", "prison")),
        ("How many of the participants were women?", "number", ("women",)),
        ("Berapa peserta perempuan yang hadir?", "number", ("women",)),
        ("有多少女性参会者？", "number", ("women",)),
        ("Hukuman penjara berapa lama?", "number", ("penalty", "prison")),
        ("Where was INC-3 held?", "where", ()),
        ("What was the venue of the workshop?", "where", ("building",)),  # not the city a lead names
        ("Where exactly did the leaders endorse it?", "where", ("building",)),
        ("Hội thảo diễn ra ở địa điểm nào?", "where", ("building",)),
    ],
)
def test_what_a_question_asks_an_amount_or_date_of(question: str, kind: str, things: tuple[str, ...]) -> None:
    assert asked_of(question, kind) == things


@pytest.mark.parametrize(
    ("sentence", "kind", "things", "speaks"),
    [
        ("Violators pay a fine of PHP1,000 for a first offence.", "number", ("penalty",), True),
        ("Penalties rise in three steps.", "number", ("penalty",), True),
        ("Original proposal (2017): 200 rupiah per plastic carrier bag", "number", ("penalty",), False),
        ("Customers who bring their own cup get a NT$5 discount.", "number", ("penalty",), False),
        ("The excise is 200 rupiah per bag.", "number", ("tax",), True),
        ("The ministry ran a consultation in March 2024 on the draft Act.", "when", ("start",), False),
        ("NEA issued a consultation paper on 20 September 2022.", "when", ("start",), False),
        ("Since 1 December 2020, Hainan has banned non-degradable bags.", "when", ("start",), True),
        ("Mandatory recycling of packaging has applied since 1 January 2024.", "when", ("start",), True),
        ("The Act takes effect on 1 January 2026.", "when", ("start",), True),
        ("INC-3 met in Nairobi, 13-19 November 2023.", "when", ("start",), True),  # an event's first day
        ("Anything at all.", "when", (), True),  # nothing specific asked
        ("The consultation closed on 14 October 2022.", "when", ("end",), True),
        ("NEA issued a consultation paper on 20 September 2022.", "when", ("end",), False),
        ("INC-5 met in Busan, 25 November-1 December 2024.", "when", ("end",), True),
        ("INC-5 met in Busan, 25 November-1 December 2024.", "when", ("start",), True),
        ("INC-3 met in Nairobi, 13-19 November 2023.", "when", ("end",), True),
        ("Bogor extended its ban to traditional markets on 13 December 2021.", "when", ("extension",), True),
        ("The ban applies nationwide from 1 July 2024.", "when", ("extension",), True),
        ("Kathmandu Valley banned thin bags from 14 April 2015.", "when", ("extension",), False),
        ("The meeting was held at the Centara Grand Hotel in Bangkok.", "where", ("building",), True),
        ("It took place at the Sofitel Philippine Plaza in Pasay.", "where", ("building",), True),
        ("Ministers met in Bangkok on 5 March 2019.", "where", ("building",), False),
        ("A regional knowledge centre was launched in Jakarta.", "where", ("building",), False),
    ],
)
def test_a_sentence_speaks_of_the_specific_thing_asked(
    sentence: str, kind: str, things: tuple[str, ...], speaks: bool
) -> None:
    assert speaks_of(sentence, kind, things) is speaks


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("When did Thailand ban plastic bags?", ("ban",)),
        ("泰国什么时候禁止塑料袋？", ("ban",)),
        ("Bilakah Thailand mengharamkan beg plastik?", ("ban",)),
        ("Pasar basah ditargetkan sudah tercakup larangan kapan?", ("ban",)),
        ("태국은 언제 비닐봉투를 금지했나요?", ("ban",)),
        ("When did Thailand's recycling campaign start?", ()),
        ("Which city is the bank in?", ()),  # "ban" only as a whole word
    ],
)
def test_a_question_on_a_ban_is_told(question: str, topics: tuple[str, ...]) -> None:
    assert topics_asked(question) == topics


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        ("Hainan has banned non-degradable bags since 1 December 2020.", True),
        ("From 1 January 2020 shops may no longer give away single-use bags.", True),
        ("Perwali ini melarang pusat perbelanjaan menyediakan kantong plastik.", True),
        ("海南全面禁止生产、销售不可降解塑料袋。", True),
        ("Thailand aims to recycle 100 percent of plastic waste by 2027.", False),
        ("The bank funded the campaign.", False),
    ],
)
def test_a_document_speaks_of_a_ban_in_any_words(text: str, speaks: bool) -> None:
    assert document_speaks_of(text, ("ban",)) is speaks
    assert document_speaks_of(text, ())  # nothing asked: any document will do


def test_a_fine_is_not_answered_by_a_tax_nor_a_law_in_force_by_its_consultation() -> None:
    fine = "Berapa denda bagi pedagang pasar di Bogor yang masih memberikan kantong plastik?"
    assert not states_kind(
        "Original proposal (2017): 200 rupiah (S$0.02) per plastic carrier bag", "number", fine
    )
    assert states_kind("Traders who break the rule face a fine of Rp 50 juta.", "number", fine)
    assert states_kind("Dendanya Rp 50 juta.", "number", fine)
    force = "On what date will Thailand's Sustainable Packaging Management Act come into force?"
    assert not states_kind("Thailand ran a consultation in March 2024 on the draft Act.", "when", force)
    assert states_kind("The Act will come into force on 1 January 2026.", "when", force)
    target = "By what year does Beijing want to become a zero-waste city?"
    assert not states_kind("On 7 November 2024, Beijing shared its plans in Seoul.", "when", target)
    assert states_kind("The city aims to reach zero-waste status by 2035.", "when", target)
    wider = "When did Nepal extend the ban on bags under 40 microns to the whole country?"
    valley = "Nepal banned bags thinner than 40 microns in Kathmandu Valley from 14 April 2015."
    assert not states_kind(valley, "when", wider)
    assert states_kind(valley, "when", "When did Nepal ban thin plastic bags?")
    hotel = "special asean ministerial meeting on marine debris 5 march 2019 - which hotel was it in?"
    assert not states_kind("Ministers met in Bangkok on 5 March 2019 for the meeting.", "where", hotel)
    assert states_kind("The ministers met at the Shangri-La Hotel, Bangkok.", "where", hotel)
    assert states_kind("Ministers met in Bangkok.", "where", "Where did the ministers meet?")
    # A question that asks only when, not when something starts, takes any new date.
    assert states_kind("Thailand ran a consultation in March 2024.", "when", "When was the consultation?")


@pytest.mark.parametrize(
    ("question", "actual"),
    [
        ("maldives plan - how many reverse vending machines were actually installed by 2022?", True),
        ("When does Singapore's return scheme actually start operating?", True),
        ("Setakat ni dah berapa banyak pengilang yang sertai skim itu?", True),  # so far, how many makers
        ("How many participants so far?", True),
        ("How many reverse vending machines does the plan call for?", False),
        ("What recycling rate did Korea reach in 2022?", True),
        ("How many tonnes has Bali's ban achieved so far?", True),
        ("What recycling rate does Korea want to reach by 2027?", False),
    ],
)
def test_a_question_asking_what_actually_happened_is_told(question: str, actual: bool) -> None:
    assert asks_actual(question) is actual


def test_a_target_a_proposal_or_a_consultation_is_a_plan() -> None:
    assert planned("3. Targets", "number")
    assert planned("The city aims for 500,000 reusable cup uses in the first year.", "number")
    assert planned("NEA issued a consultation paper on a proposed return scheme in 2022.", "when")
    assert planned("Mục tiêu đến năm 2025", "number")
    # What will happen is a plan for an amount, but it does say when a scheme starts.
    assert planned("The scheme will install 200 machines.", "number")
    assert not planned("The scheme will start on 1 April 2026.", "when")
    assert not planned("By June 2022, 15 machines had been installed.", "number")


def test_whom_an_amount_is_for() -> None:
    assert actor_asked("nz microbeads regs - max fine for an individual person?") == "person"
    assert actor_asked("bangladesh polythene ban: fine for a shopper caught carrying a bag?") == "person"
    assert actor_asked("What is the fine for shops in Makati?") == "business"
    assert actor_asked("Denda untuk syarikat?") == "business"  # the fine for companies?
    assert actor_asked("Fines for individuals and companies?") == ""  # both
    assert actor_asked("What is the fine?") == ""
    companies = "Companies convicted of an offence face a fine of up to NZ$100,000."
    assert speaks_only_of_other_actor(companies, "person")
    assert speaks_only_of_other_actor("Making or importing banned bags can be punished.", "person")
    both = "Maximum fine: FJ$10,000 (individual); FJ$50,000 (company)"
    assert not speaks_only_of_other_actor(both, "person")
    assert not speaks_only_of_other_actor("Violators face a fine of PHP 1,000.", "business")


def test_a_deadline_is_stated_by_the_day_something_is_due() -> None:
    assert speaks_of("PIBOs had to register on the centralised portal by 30 June 2022.", "when", ("end",))
    assert speaks_of("Plans are due by the end of 2025.", "when", ("end",))
    assert speaks_of("PIBOs file annual returns by 30 June for the previous year.", "when", ("end",))
    assert not speaks_of("The rules were adopted by the Ministry on 16 February 2022.", "when", ("end",))


def test_what_could_be_is_not_what_happened() -> None:
    assert asks_actual("how many straws did ipoh actually cut in 2024?")
    assert planned("Ipoh can avoid more than 50 million straws a year, she said.", "number")
    assert not planned("Outlets handed out 38 straws a day in January 2024.", "number")


def test_a_building_is_stated_only_where_something_was_held_in_it() -> None:
    building = ("building",)
    for held in (
        "The ministers closed the dialogue today at The Empire Brunei in Jerudong.",
        "It was held at the Bali International Convention Centre in Nusa Dua.",
        "Venue | Hotel Borobudur Jakarta",
    ):
        assert speaks_of(held, "where", building), held
    body = "ERIA and its Regional Knowledge Centre for Marine Plastic Debris helped."
    assert not speaks_of(body, "where", building)
    assert asked_of("Saang hotel ginanap yung workshop sa Jakarta?", "where") == building
    assert asked_of("Konferensi itu diadakan di gedung apa?", "where") == building


@pytest.mark.parametrize(
    "question",
    ["When is the next KEP?", "where is the upcoming INC session?", "Saan gaganapin ang susunod na KEP?",
     "下一届论坛在哪里举行？", "다음 회의는 언제 열리나요?"],
)
def test_the_next_event_is_answered_only_by_a_sentence_on_what_is_to_come(question: str) -> None:
    kind = "where" if any(w in question for w in ("where", "Saan", "哪里")) else "when"
    assert asked_of(question, kind) == ("next",)
    reported = "The KEP was held in Kuala Lumpur, Malaysia, on 18-19 November 2025."
    coming = "The next KEP will be held in Hanoi, Viet Nam, on 3-4 March 2027."
    assert not states_kind(reported, kind, question)
    assert states_kind(coming, kind, question)
    assert asked_of("When was the KEP held?", "when") == ()


def test_who_funds_is_answered_only_by_who_paid() -> None:
    question = "Who funds SEA-MaP?"
    assert asked_of(question, "who") == ("funder",)
    assert asked_of("Who attended INC-4?", "who") == ()
    topic = "The training covered producer obligations and financial mechanisms for EPR, led by Dr. Lim."
    assert not states_kind(topic, "who", question)
    funded = "SEA-MaP is funded by the Norwegian Agency for Development Cooperation."
    assert states_kind(funded, "who", question)
    support = "SEA-MaP runs with financial support from the Asian Development Bank."
    assert states_kind(support, "who", "谁资助 SEA-MaP？")


def test_who_opened_is_answered_only_by_a_sentence_on_the_opening() -> None:
    question = "Who opened the 9th 3R Forum in Bangkok?"
    assert asked_of(question, "who") == ("opener",)
    assert asked_of("ใครเป็นผู้กล่าวเปิดงาน", "who") == ("opener",)
    side_events = "The page names three parallel events: the 9th Asia and the Pacific 3R Citizens Forum."
    assert not states_kind(side_events, "who", question)
    opened = "Mr. Surasak Kanchanarat, Minister of Natural Resources and Environment, opened the Forum."
    assert states_kind(opened, "who", question)


def test_who_chaired_is_answered_only_by_a_sentence_on_the_chair() -> None:
    question = "Ai là người chủ trì phiên họp của ICLEI tại diễn đàn Seoul?"
    assert asked_of(question, "who") == ("chair",)
    assert asked_of("Who chaired INC-4?", "who") == ("chair",)
    opened = "Oh Se-hoon, Mayor of the Seoul Metropolitan Government delivered the opening remarks."
    assert not states_kind(opened, "who", "Who chaired the ICLEI session?")
    moderated = "Shu Zhu, the Regional Director of ICLEI East Asia Secretariat, moderated the ICLEI session."
    assert states_kind(moderated, "who", "Who moderated the ICLEI session?")
    assert states_kind(moderated, "who", question)
