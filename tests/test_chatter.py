"""Messages that are not a question standing on its own: greetings and thanks, and follow-ups."""

from __future__ import annotations

import pytest

from retriever.chatter import asks_for_fun, asks_for_tips, is_follow_up, is_smalltalk


@pytest.mark.parametrize(
    "message",
    ["hi", "Thanks!", "what can you do?", "Terima kasih", "xin chào", "你好", "안녕하세요", "ok thanks",
     "great, thank you!", "noted, thanks", "good morning, thanks!"],
)
def test_greetings_and_thanks_are_smalltalk(message: str) -> None:
    assert is_smalltalk(message)


@pytest.mark.parametrize(
    "message",
    ["What is EPR?", "hi, when did INC-3 take place?", "Thanks for the fine info", "Great work on the KEP?"],
)
def test_questions_are_not_smalltalk(message: str) -> None:
    assert not is_smalltalk(message)


@pytest.mark.parametrize(
    "message",
    [
        "what about the 2nd offence",
        "thx. and what about indonesia's epr",
        "And the fine?",
        "and INC-4?",
        "how about Bogor?",
        "Bagaimana dengan Bogor?",
        "kalau di Malaysia?",
        "Paano naman ang Cebu?",
        "Còn Hà Nội thì sao?",
        "แล้วที่เชียงใหม่ล่ะ",
        "那北京呢？",
        "그럼 서울은?",
    ],
)
def test_follow_ups_in_each_language_are_recognised(message: str) -> None:
    assert is_follow_up(message)


@pytest.mark.parametrize(
    "message",
    [
        "What is the fine for a second offence under Quezon City's ordinance?",
        "How many delegates attended INC-4?",
        "Berapa denda bagi pedagang pasar di Bogor?",
        "海南禁塑令什么时候开始实施？",
        "Who chaired the meeting about plastic bags?",
    ],
)
def test_whole_questions_are_not_follow_ups(message: str) -> None:
    assert not is_follow_up(message)


@pytest.mark.parametrize(
    "message",
    [
        "any good nasi lemak spots near the KEP venue in Kuala Lumpur?",
        "cheap hotels near the convention centre in Bangkok?",
        "Hotel murah dekat Bogor yang bagus apa ya?",
        "เชียงใหม่มีร้านข้าวซอยอร่อยๆ แนะนำไหมคะ",
        "北京哪家烤鸭最好吃？",
        "서울 코엑스 근처 맛집 추천해 주세요",
        "best way to get from Phnom Penh to Siem Reap?",
        "cheapest ferry from Batangas to Puerto Galera next week?",
        "flight times from Hanoi to Da Nang on Friday",
        "tiket pesawat murah ke Bali bulan depan",
        "去济州岛的船票多少钱",
        "any good halal seafood places near the fishing port for lunch after the site visit?",
        "best dinner spots in Da Nang?",
    ],
)
def test_a_travellers_request_for_tips_is_told(message: str) -> None:
    assert asks_for_tips(message)


@pytest.mark.parametrize(
    "message",
    [
        "Which hotel hosted the 9th 3R forum?",
        "What did the workshop recommend for food packaging?",
        "best practices for restaurants under the Quezon City ordinance",
        "Which restaurants must stop using plastic straws?",
        "recommended measures for restaurants and hotels",
        "กระทรวงแนะนำให้ร้านค้าทำอะไร",
        "哪家酒店举办了会议？",
        "추천된 정책은 무엇인가요?",
        "Is the fine for restaurants cheap?",
        "How many plastic bottles pay a bus fare in Surabaya?",
        "Did ferry operators join the island's plastic ban?",
        "best food container alternatives under the ban?",
        "Which hotel hosted the lunch for delegates?",
    ],
)
def test_policy_questions_on_restaurants_and_hotels_are_no_tips(message: str) -> None:
    assert not asks_for_tips(message)


@pytest.mark.parametrize(
    "question",
    [
        "how much is a taxi from KLCC to the venue?",
        "berapa tambang teksi ke Putrajaya dari hotel",
        "ຈາກຕະຫຼາດກາງຄືນຫຼວງພະບາງ ໄປນ້ຳຕົກຕາດກວາງຊີ ຂີ່ລົດຈັກຈັກຊົ່ວໂມງ? ຄ່າລົດຕູ້ປະມານເທົ່າໃດ?",
        "แท็กซี่จากสนามบินไปโรงแรมค่าเท่าไร",
    ],
)
def test_a_rides_fare_or_time_is_a_travellers_tip(question: str) -> None:
    assert asks_for_tips(question)


def test_policy_asked_of_a_ride_is_still_policy() -> None:
    assert not asks_for_tips("How much is the fine for taxis handing out plastic bags?")
    assert not asks_for_tips("How much do tricycle drivers earn per kilo of bottles?")


@pytest.mark.parametrize(
    ("message", "fun"),
    [
        ("Tell me a joke about recycling.", True),
        ("write a poem about plastic bags", True),
        ("Ceritakan lelucon tentang sampah plastik", True),
        ("讲个关于塑料的笑话", True),
        ("What did the Kamikatsu campaign achieve?", False),
        ("Which songs were played at the KEP?", True),
        ("What is the fine for plastic bags in Bogor?", False),
    ],
)
def test_a_request_for_a_joke_or_a_poem_is_told(message: str, fun: bool) -> None:
    assert asks_for_fun(message) is fun


@pytest.mark.parametrize(
    "question",
    [
        "is mid-september still rainy season in vientiane? planning a boat trip for the delegation",
        "hue imperial citadel entrance fee for foreigners + is it open at night?",
        "best month to visit pokhara? want clear skies",
        "ค่าเรือไปเกาะพีพีไปกลับเท่าไหร่",
        "Cuaca di Kuala Lumpur minggu depan bagaimana?",
        "다음 주 방콕 날씨 어때요?",
    ],
)
def test_the_weather_or_a_sights_opening_hours_is_a_travellers_tip(question: str) -> None:
    assert asks_for_tips(question)


def test_policy_asked_of_the_season_or_a_sight_is_still_policy() -> None:
    assert not asks_for_tips("How much plastic waste washes up in the rainy season in Bali?")
    assert not asks_for_tips("Is there a fine for plastic bags at the citadel's entrance?")


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("厦门沙茶面怎么做？需要哪些配料？", True),
        ("any good recipe for laksa?", True),
        ("eri cahyadi bio - where did he study before becoming mayor?", True),
        ("Tiểu sử của thị trưởng Đà Nẵng?", True),
        ("企业应该怎么做才能符合规定？", False),  # what should companies do: policy
        ("What are the ingredients of a good EPR scheme for plastic packaging?", False),
        ("Who is the mayor of Surabaya?", False),
    ],
)
def test_a_recipe_or_a_life_story_is_a_visitors_question(question: str, aside: bool) -> None:
    assert asks_for_tips(question) is aside
