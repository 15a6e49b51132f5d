"""What a question asks for, and whether a sentence states it beyond what the question says."""

from __future__ import annotations

import pytest

from retriever.asked import measure_words, states_kind
from retriever.question_words import question_kind


def test_jail_time_asked_is_answered_by_a_prison_term_not_a_fine() -> None:
    asked = "iloilo ordinance - jail time for a 3rd offence?"
    assert question_kind(asked) == "number"
    fine = "Third offence | Fine of PHP 5,000 and a 30-day permit suspension"
    prison = "Offenders face a fine of PHP 5,000 or imprisonment of up to six months."
    assert not states_kind(fine, "number", asked) and states_kind(prison, "number", asked)


def test_women_asked_are_answered_by_a_figure_on_women_not_all_participants() -> None:
    asked = "how many women attended the workshop?"
    assert not states_kind("The workshop brought together 62 participants.", "number", asked)
    assert states_kind("Of the 62 participants, 27 were women.", "number", asked)
    assert states_kind("It brought together 62 participants.", "number", "how many attended the workshop?")


def test_a_duration_is_no_count_unless_the_question_asks_how_long() -> None:
    tour = "The programme comprised a two-day training and a two-day study tour."
    assert not states_kind(tour, "number", "How many participants attended the programme?")
    asked = "How many participants attended the programme?"
    assert states_kind("It gathered 120 participants.", "number", asked)
    assert states_kind(tour, "number", "How many days did the training last?")
    assert states_kind(tour, "number", "How long was the study tour?")


def test_a_quote_must_add_the_asked_fact_beyond_the_question() -> None:
    question = "Who introduced the Quezon City ordinance?"
    assert not states_kind("The Quezon City Council approved the ordinance.", "who", question)
    assert states_kind("It was authored by Councilor Dorothy Delarmente.", "who", question)
    assert states_kind("The forum met on 4-6 March 2019.", "when", "When did the forum meet?")
    assert not states_kind("The forum discussed plastics.", "when", "When did the forum meet?")
    assert not states_kind("INC-5 will decide.", "number", "How many attended INC-5?")
    assert states_kind("More than 500 representatives took part.", "number", "How many attended?")


def test_a_month_or_weekday_is_no_answer_to_where() -> None:
    question = "where is INC-5 held"
    assert not states_kind(
        "Talks went on before the fifth session (INC-5), due in November 2024.", "where", question
    )
    assert not states_kind(
        "The leaders met on Saturday 22 June 2019.", "where", "Where did the leaders meet?"
    )
    assert states_kind("INC-5 was held in Busan, Republic of Korea.", "where", question)


@pytest.mark.parametrize(
    ("question", "sentence", "stated"),
    [
        # A fine, fee or charge is an amount of money; any other number does not state it.
        ("What is the fine for selling banned bags?", "The ban covers 12 kinds of bags.", False),
        ("What is the fine for selling banned bags?", "Sellers face fines of up to RM1,000.", True),
        ("What is the deposit in the refund scheme?", "Consumers pay no deposit and get RM1 back.", True),
        ("How much is the bag charge in Cambodia?", "Shops charge KHR 400 per bag.", True),
        ("Berapa denda bagi pedagang?", "Sejak 2018, 1.200 pedagang ikut serta.", False),
        ("Berapa denda bagi pedagang?", "Dendanya Rp 50 juta.", True),
        # A rate or share is a percentage or a fraction, not a tonnage.
        ("What recycling rate does Seoul want?", "Seoul wants to recycle 2.5 million tons.", False),
        ("What recycling rate does Seoul want?", "Seoul wants to recycle 70 percent of its waste.", True),
        ("What share of waste is packaging?", "About one third of domestic waste is packaging.", True),
        ("เป้าหมายอัตรารีไซเคิลคือเท่าไร", "เป้าหมายคือร้อยละ 100 ภายในปี 2570", True),
        # A weight asked in tonnes is stated in a unit of weight, not as a count.
        ("每日处理能力达到多少吨？", "The plan sets 10 million recyclable delivery packages.", False),
        ("How many tonnes of bags were avoided?", "In all, 81,531 tons of bags were kept out.", True),
        # A count stays any number that is not a date.
        ("How many people attended?", "Over 1,700 people took part.", True),
        ("How many trainees took part?", "The workshop took place in October 2019.", False),
        ("How many states attended INC-1?", "Previous session: INC-1, Punta del Este, November 2022", False),
        ("How many states attended INC-2?", "Over 700 delegates from 169 Member States came.", True),
        # Counting a currency asks for money, whatever it is for.
        ("how many pesos are set aside to 2025?", "The first phase costs PHP 8.4 billion.", True),
        ("how many pesos are set aside to 2025?", "It sets targets for 60 monitoring sites.", False),
    ],
)
def test_a_how_much_question_wants_its_measure(question: str, sentence: str, stated: bool) -> None:
    assert states_kind(sentence, "number", question) is stated


def test_a_question_on_what_a_person_did_wants_a_person() -> None:
    question = "Who chaired the INC-4 session in Ottawa?"
    assert not states_kind("The Intergovernmental Negotiating Committee met in Ottawa.", "who", question)
    assert states_kind("Luis Vayas Valdivieso, the INC chair, opened it.", "who", question)
    assert states_kind("Jeon Wan of the Ministry of Environment said so.", "who", "Which minister said so?")
    # A question on who did something a body can do still takes a body.
    assert states_kind("The Quezon City Council approved the ordinance.", "who", "Who approved the ban?")


@pytest.mark.parametrize(
    ("question", "sentence", "stated"),
    [
        (
            "Who chaired INC-4?",
            "Inger Andersen, Executive Director of UNEP, said the work was far from over.",
            False,
        ),
        ("Who chaired INC-4?", "The session was chaired by Luis Vayas Valdivieso of Ecuador.", True),
        ("Who was the mayor of Mandalay in 2015?", "MCDC member Dr Thwin Kyaw Kyaw presented plans.", False),
        ("Who was the mayor of Mandalay in 2015?", "Mandalay Mayor Dr Ye Lwin presented plans.", True),
        ("Which minister announced the ban?", "Minister Nik Nazmi Nik Ahmad announced it.", True),
        # The Philippines' ministers are secretaries.
        ("which minister launched the PH NPAP?", "DENR Secretary Maria Loyzaga led the launch.", True),
        ("which minister launched the PH NPAP?", "Ambassador David Hartman led the launch.", False),
        ("Who opened the training?", "Dr Azlina, Principal Assistant Secretary, opened it.", True),
        # Who spoke, gave the remarks or the keynote: a person, not the body that organised the event.
        (
            "Who gave the opening remarks at the KEP?",
            "The KEP was organized in collaboration with the Asian Institute of Technology (AIT).",
            False,
        ),
        ("Who gave the opening remarks at the KEP?", "Ms. Azlina Said welcomed the participants.", True),
        ("Who delivered the keynote?", "The keynote was delivered by Mr. Grick Cordero.", True),
        # In the officials' languages too: who led or officiated wants a person, not a body.
        ("Siapa yang memimpin mesyuarat itu?", "The Environment Ministry organised the meeting.", False),
        ("Siapa yang memimpin mesyuarat itu?", "Minister Nik Nazmi Nik Ahmad chaired it.", True),
        ("Ai chủ trì hội nghị?", "The Environment Ministry organised the conference.", False),
    ],
)
def test_a_question_asking_for_a_person_by_role_wants_that_role(
    question: str, sentence: str, stated: bool
) -> None:
    assert states_kind(sentence, "who", question) is stated


@pytest.mark.parametrize(
    ("question", "sentence", "stated"),
    [
        ("How many people attended the side event?", "Five pre-events were held alongside the Forum.", False),
        ("How many people attended the side event?", "More than 300 delegates took part.", True),
        ("How many participants joined the workshop?", "It ran on 7 July 2021 from 9:00 to 12:00.", False),
        ("How many companies signed up?", "The country generates 2.7 million metric tons a year.", False),
        ("How many companies signed up?", "Seven firms joined at the launch.", True),
        ("How many beverage stores are covered?", "It applies to four types of businesses.", False),
        ("How many carrier bags do shoppers use?", "Consumers use 30 billion plastic bags a year.", True),
    ],
)
def test_a_how_many_question_wants_a_count_of_what_it_asks(
    question: str, sentence: str, stated: bool
) -> None:
    assert states_kind(sentence, "number", question) is stated


def test_tonnes_are_asked_in_malay_and_filipino_too() -> None:
    question = "Berapa tan sisa plastik dikurangkan sejak 2016?"
    assert not states_kind("The campaign was first launched in 2016.", "number", question)
    assert states_kind("It cut 1,200 tonnes of plastic waste.", "number", question)


@pytest.mark.parametrize(
    ("question", "without", "with_it"),
    [
        # Asked for a fine in Chinese, Khmer and Korean (budget): a count or a date does not answer it.
        (
            "海南禁塑以后，商家违规卖塑料袋要罚多少钱？",
            "More than 200 companies had placed orders for over 260 tons of products.",
            "Violators face a fine of 10,000 yuan.",
        ),
        (
            "បើលក់ថង់ប្លាស្ទិកមិនត្រូវតាមអនុក្រឹត្យ ១៦៨ ត្រូវពិន័យប៉ុន្មានរៀល?",
            "Non-business imports under 100 kilograms are exempt.",
            "Sellers pay a penalty of 400,000 riels.",
        ),
        (
            "제1차 자원순환기본계획 전체 예산 규모가 얼마나 돼요?",
            "The recycling rate is to rise from 70 percent to 82 percent.",
            "The plan is funded with KRW 2 trillion.",
        ),
        # Malay and Indonesian attach "-nya" (its): "dendanya berapa" asks for the fine's amount.
        (
            "Kalau produsen tidak ikut EPR kemasan, dendanya berapa?",
            "Sri Lanka generates an estimated 295,000 tonnes of plastic waste a year.",
            "Producers who fail to register face a fine of LKR 500,000.",
        ),
        # Asked in Lao how many people took part: the workshop's date or three hours do not answer it.
        (
            "ກອງປະຊຸມວາງແຜນແບບອອນລາຍ ມີຜູ້ເຂົ້າຮ່ວມທັງໝົດຈັກຄົນ?",
            "The workshop ran for 3 hours online on 7 July 2021.",
            "Some 45 participants from ministries joined online.",
        ),
        # "몇 %" asks a share, not a count, even of a deposit scheme: a number of points is no rate.
        (
            "보증금 시범사업에서 미리 지역의 회수율은 몇 %인가요?",
            "Of the 73 points, 52 are in Kuching and 21 are in Miri.",
            "Miri's return rate reached 58% by December.",
        ),
        (
            "ในโครงการมัดจำขวด อัตราการคืนขวดกี่เปอร์เซ็นต์?",
            "The scheme has 73 collection points in two cities.",
            "Overall, 61% of containers sold were returned.",
        ),
    ],
)
def test_a_question_in_another_language_wants_its_measure_too(
    question: str, without: str, with_it: str
) -> None:
    assert question_kind(question) == "number"
    assert not states_kind(without, "number", question)
    assert states_kind(with_it, "number", question)


@pytest.mark.parametrize(
    ("sentence", "question", "stated"),
    [
        # "3Rs" holds no rupees, a plastic-free city no price: money is a currency beside a number.
        ("NEA suggests plans on the 3Rs of packaging.", "How much must shops charge for a bag?", False),
        ("The Bottle-Free Seas project runs in five districts.", "What fee do shops charge?", False),
        ("Shops must charge 5 cents per bag.", "How much must shops charge for a bag?", True),
        ("Offenders are fined Rs 5,000.", "What is the fine?", True),
        ("Bags remain free at markets.", "How much do bags cost?", True),
        # A count is not a measured amount: tons, shares and money answer "how much", not "how many".
        ("Around 9,000 tons of waste are generated daily.", "How many refill stations are there?", False),
        ("Around 9,000 tons of waste are generated daily.", "How much waste does Bangkok generate?", True),
        ("The city has installed 120 refill stations.", "How many refill stations are there?", True),
        ("Around 9,000 tons of waste are generated daily.", "กทม. ติดตั้งจุดเติมน้ำดื่มกี่จุด", False),
        ("Readings of resolution 5/14 came into view.", "INC-3 có bao nhiêu đại biểu tham dự?", False),
    ],
)
def test_money_and_counts_are_told_from_look_alike_numbers(
    sentence: str, question: str, stated: bool
) -> None:
    assert states_kind(sentence, "number", question) is stated


@pytest.mark.parametrize(
    ("question", "sentence", "stated"),
    [
        # How many fines were handed out is a count of fines, not the amount of one.
        (
            "How many fixed penalty notices were issued?",
            "The EPD may issue a fixed penalty notice of HK$2,000.",
            False,
        ),
        ("How many fines were issued in 2023?", "The council issued 312 fines in 2023.", True),
        ("澳门环保局一共开出多少张罚单？", "零售商如不依法收費，可被科處澳門元1,000元罰款。", False),
        ("How much is the fine for a first offence?", "A first offence carries a fine of RM1,000.", True),
        ("How many ringgit is the fine?", "A first offence carries a fine of RM1,000.", True),
        # The region's other currencies, by the code or word their documents print.
        ("What is the fine for an individual?", "An individual faces a fine of up to VT 20,000.", True),
        ("What is the fine for shops?", "Shops may be fined Tk 50,000.", True),
        ("What is the fine for shops?", "Shops may be fined up to 500,000 kip.", True),
        ("What is the fine for shops?", "Shops may be fined up to 50,000 kyats.", True),
        ("What is the fine for shops?", "The top 10 shops were named.", False),  # "top" is no code
    ],
)
def test_how_many_fines_counts_them_and_how_much_asks_money(
    question: str, sentence: str, stated: bool
) -> None:
    assert states_kind(sentence, "number", question) is stated


def test_how_long_and_prison_terms_are_asked_in_every_language() -> None:
    prison = "방글라데시 폴리에틸렌 금지법 위반 시 최대 징역 몇 년?"  # up to how many years in prison?
    assert question_kind(prison) == "number"  # 몇 년 asks how many years; 몇 년도 which year
    assert question_kind("몇 년도에 시행되었나요?") == "when"
    assert states_kind("Violations carry up to 10 years in prison.", "number", prison)
    stock = "Peruncit di Rwanda diberi berapa lama utk habiskan stok beg plastik?"  # how long to clear stock?
    given = "Retailers were given three months to clear their stocks."
    assert states_kind(given, "number", stock)
    assert not states_kind(given, "number", "Berapa denda?")


def test_a_date_asked_as_a_note_and_a_place_stated_by_name() -> None:
    assert question_kind("india SUP ban start date") == "when"
    assert question_kind("What is the start date of the Hainan ban?") == "when"
    assert question_kind("deadline for MPR reports?") == "when"
    assert question_kind("fine for a bali restaurant still giving out plastic straws?") == "number"
    assert question_kind("number of participants at INC-4") == "number"
    later = "They agreed to hold a resumed session, INC-5.2, at a later date in 2025, using the Chair's Text."
    assert not states_kind(later, "where", "Which city hosts INC-5.2?")  # no place, only a capital
    assert states_kind("INC-3 met in Nairobi in November 2023.", "where", "Where was INC-3 held?")
    hotel = "The plenary met at The Athenee Hotel in Bangkok."
    assert states_kind(hotel, "where", "Which hotel in Bangkok hosted the plenary?")


def test_the_words_asking_for_a_measured_amount() -> None:
    assert measure_words("Berapakah harga minyak diesel hari ini?") == ["harga", "price"]
    assert measure_words("What is the fine for littering in Bogor?") == ["fine"]
    assert measure_words("Who chaired INC-4?") == []


def test_a_year_inside_a_legal_documents_number_is_no_date() -> None:
    asked = "vietnam EPR recycling duty for packaging starts when (decree 08)?"
    assert not states_kind("Decree 08/2022/ND-CP details how the Law is implemented.", "when", asked)
    assert states_kind("Mandatory recycling of packaging has applied since 1 January 2024.", "when", asked)


def test_a_persons_name_asked_is_not_answered_by_a_title_alone() -> None:
    mayor = "name of the cebu city mayor who welcomed delegates at the 3rd marine litter meeting"
    assert question_kind(mayor) == "who"
    assert question_kind("korea rules - whats the name of the director general at MOE?") == "who"
    assert not states_kind("The Mayor of Cebu City welcomed the delegates.", "who", mayor)
    assert states_kind("Mayor Michael Rama welcomed the delegates.", "who", mayor)
    official = "What is the name of the official who opened the forum?"
    assert not states_kind("The Director General of the Ministry opened it.", "who", official)
    assert states_kind("It was opened by Vice-Minister Hiroshi Tanaka.", "who", official)
    # A name, but of who chaired: chairing is not opening (specifics "opener").
    assert not states_kind("The workshop was chaired by Luis Vayas Valdivieso.", "who", official)
    # Asked who, not by name, the role answers.
    assert states_kind("The Mayor of Cebu City welcomed the delegates.", "who", "Who welcomed the delegates?")


def test_cost_and_filipino_ilang_ask_for_an_amount() -> None:
    cost = "what did it cost india to host the 8th 3R forum in indore?"
    assert question_kind(cost) == "number"
    assert not states_kind("The forum was held in Indore from 10 to 12 April 2018.", "number", cost)
    assert states_kind("Hosting it cost the government INR 12 crore.", "number", cost)
    tonnes = "Islamabad: ilang tonelada ng bag ang nakumpiska?"  # how many tonnes of bags were seized?
    assert question_kind(tonnes) == "number"
    assert states_kind("Teams confiscated about 3 tonnes of polythene bags.", "number", tonnes)


def test_who_opened_in_khmer_asks_for_a_person() -> None:
    opened = "តើអ្នកណាជាអ្នកបើកវេទិកាលើកទី៤ នៅ Can Tho ឆ្នាំ២០២៥?"  # who opened the 4th forum in Can Tho?
    assert question_kind(opened) == "who"
    future = "The fourth forum will be held in Can Tho in 2025, on the Mekong Delta."
    assert not states_kind(future, "who", opened)
    assert states_kind("Vice-Minister Le Cong Thanh opened the forum.", "who", opened)


def test_a_rate_asked_per_one_unit_is_not_answered_by_a_rate_per_another() -> None:
    per_kg = "What excise fee per kg did Indonesia impose on plastic products?"
    assert not states_kind("The excise is 200 rupiah per plastic carrier bag.", "number", per_kg)
    assert states_kind("The excise is Rp 30,000 per kilogram of plastic.", "number", per_kg)
    assert states_kind("The excise is 200 rupiah a bag.", "number", per_kg)  # no rate per anything else
    # Across languages the words differ: "per kantong" is "per bag".
    assert states_kind("The excise is 200 rupiah per bag.", "number", "Berapa cukai per kantong plastik?")


def test_what_time_asks_when_and_the_population_asks_a_number() -> None:
    assert question_kind("What time does the Seoul forum start tomorrow?") == "when"
    assert question_kind("Jam berapa forum dimulai?") == "when"  # at what time does the forum start?
    assert question_kind("몇 시에 시작해요?") == "when"  # at what time does it start?
    assert question_kind("몇 시간 걸려요?") == "number"  # how many hours does it take?
    population = "What is the population of Hainan?"
    assert question_kind(population) == "number"
    ban = "Since 1 December 2020, Hainan Province has prohibited non-degradable plastic bags."
    assert not states_kind(ban, "number", population)


def test_a_fine_asked_for_a_person_is_not_stated_by_a_companys() -> None:
    person = "nz microbeads regs - max fine for an individual person?"
    assert not states_kind("Companies face a fine of up to NZ$100,000.", "number", person)
    assert states_kind("Individuals face a fine of up to NZ$20,000.", "number", person)
    assert states_kind("Violators face a fine of up to NZ$20,000.", "number", person)  # anyone


def test_an_ordinal_is_no_fraction() -> None:
    share = "what share of participants were women at the hanoi workshop 2024?"
    assert not states_kind("On the third day, 40 participants visited the port.", "number", share)
    assert states_kind("About a third of the participants were women.", "number", share)
    assert states_kind("About 41 percent of the participants were women.", "number", share)


def test_an_official_of_one_country_does_not_answer_for_anothers() -> None:
    japan = "Which Japanese minister attended the 2nd Regional 3R Forum in Petaling Jaya in 2010?"
    malaysian = "Minister Datuk Chor Chee Heung announced the plan in Petaling Jaya after opening the forum."
    assert not states_kind(malaysian, "who", japan)
    assert states_kind("Japan's Senior Vice-Minister Ryu Shionoya addressed the forum.", "who", japan)


def test_a_count_of_people_from_a_place_or_of_a_named_thing_is_that_count() -> None:
    from_indonesia = "How many participants from Indonesia attended the workshop?"
    assert not states_kind("About 150 participants took part.", "number", from_indonesia)
    assert states_kind("12 Indonesian officials took part.", "number", from_indonesia)
    straws = "How many tonnes of plastic straws does Hong Kong dispose of each day?"
    assert not states_kind("Hong Kong disposes of 200 tonnes of plastic tableware a day.", "number", straws)
    assert states_kind("Hong Kong disposes of 20 tonnes of straws a day.", "number", straws)


def test_people_counted_in_english_words_a_question_mixes_in() -> None:
    mixed = "Ilan ang participants sa regional EPR workshop sa Maynila nung Marso 2024?"
    assert not states_kind("Participants adopted the Manila Notes, ten principles.", "number", mixed)
    assert states_kind("About 150 participants took part.", "number", mixed)
    # An English question counts only after "how many": "the number of participants" is left to the rest.
    assert states_kind("They adopted ten principles.", "number", "What was the number of participants?")


def test_a_venue_named_after_an_asked_place_is_still_a_new_place() -> None:
    question = "Konferensi Our Ocean 2018 di Bali diadakan di gedung apa?"
    sentence = "It was held on 29 and 30 October 2018 at the Bali International Convention Centre."
    assert states_kind(sentence, "where", question)
    assert not states_kind("Nusa Dua, Bali, Indonesia, 29-30 October 2018", "where", question)


def test_one_of_many_is_no_count() -> None:
    question = "โครงการติดตั้งจุดเติมน้ำดื่มไปแล้วทั้งหมดกี่จุด"
    metropolis = "As one of Asia's dynamic metropolises, Bangkok faces challenges."
    assert not states_kind(metropolis, "number", question)
    assert states_kind("The city has installed 35 refill stations so far.", "number", question)


def test_a_weight_is_stated_only_as_a_number_beside_its_unit() -> None:
    question = "how many tonnes of plastic has davao actually collected so far?"
    quote = '"Every tonne we collect in a purok is a tonne that does not reach the gulf."'
    assert not states_kind(quote, "number", question)
    assert states_kind("Phase 2 collected 1,146 tonnes of plastic waste.", "number", question)


def test_money_is_stated_only_as_an_amount() -> None:
    question = "What is the fine for a shop giving out plastic bags?"
    assert not states_kind("Offenders pay their fines in ringgit at the council office.", "number", question)
    assert states_kind("A shop is fined 500 ringgit for a first offence.", "number", question)
    free = "Shops may give bags free of charge until June."
    assert states_kind(free, "number", "How much is the bag charge?")  # no number, but a price all the same


def test_a_count_of_months_asked_in_another_language_is_answered_by_that_many_months() -> None:
    question = "Sa Peru Law 30884, ilang buwan ang palugit bago ipagbawal ang plastic straw?"
    lead_in = "The law sets a phase-out period of 36 months from its entry into force, for:"
    assert states_kind(lead_in, "number", question)
    assert not states_kind("A business that breaks the law is fined up to 100 UIT.", "number", question)


def test_a_fine_set_in_minimum_wages_or_penalty_units_states_a_fine() -> None:
    question = "colombia packaging EPR: max fine for a producer with no plan?"
    wages = "They can be sanctioned with fines of up to 100,000 monthly minimum legal wages."
    assert states_kind(wages, "number", question)
    assert states_kind("The offence carries a fine of up to 50 penalty units.", "number", question)
    assert not states_kind("Producers must report their wages and staff each year.", "number", question)


def test_the_measure_asked_is_the_one_the_question_word_is_put_to() -> None:
    # A charge is named first, but a share is what is asked.
    question = "japan bag charge exemptions - whats the min share of plant based material to be exempt?"
    assert measure_words(question) == ["share"]
    assert states_kind("Exempt are bags containing at least 25% plant-derived material.", "number", question)
    assert measure_words("What is the fine for a bag charge violation?") == ["fine", "charge"]


@pytest.mark.parametrize(
    "question",
    [
        "Magkano ang inilaang pondo ng bayan para sa pagbili ng mga bayong?",  # how much money, the fund
        "Berapa dana yang disiapkan pemerintah kota?",
        "ngân sách cho kế hoạch là bao nhiêu?",
        "งบประมาณของโครงการเท่าไร",
        "这个项目的预算是多少？",
    ],
)
def test_a_budget_or_how_much_money_asked_in_another_language_wants_money(question: str) -> None:
    assert not states_kind("The town will hand out 5,000 woven bags to market vendors.", "number", question)
    assert states_kind("The town set aside PHP 750,000 for the woven bags.", "number", question)


@pytest.mark.parametrize(
    "question",
    [
        "How much money has the city hall spent on its zero plastic campaign?",
        "How much did the council spend on the campaign?",
        "How much funding went to the refill stations?",
    ],
)
def test_money_spent_or_funding_asked_wants_an_amount_of_money(question: str) -> None:
    assert not states_kind("The session featured four cities sharing their experiences.", "number", question)
    assert states_kind("The council spent RM 2.4 million on the campaign in 2024.", "number", question)


def test_amounts_in_central_asian_and_pacific_currencies_are_money() -> None:
    question = "How much is the levy expected to raise in 2027?"
    assert states_kind("The levy is expected to raise KZT 42 billion in 2027.", "number", question)
    assert states_kind("The fee is 2,000 tenge per tonne.", "number", "How much is the fee?")
    assert states_kind("Shops are fined up to 5,000 kina.", "number", "What is the fine?")
