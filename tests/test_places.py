"""Places named in text: as written in documents, in any case in questions."""

from __future__ import annotations

import pytest

from retriever.places import (
    CITIES,
    COUNTRIES,
    REGIONS,
    find_places,
    in_other_scripts,
    named_in,
    naming,
    scripts_of,
)


def test_documents_are_read_as_written_and_questions_in_any_case() -> None:
    assert find_places("how much plastic waste did korea generate?") == []
    found = find_places("how much plastic waste did korea generate?", any_case=True)
    assert [(p.name, p.kind) for p in found] == [("Republic of Korea", "country")]
    assert [p.name for p in find_places("a ban in taipei and the lao workshop", any_case=True)] == [
        "Taipei",
        "Lao PDR",
    ]


@pytest.mark.parametrize("text", ["Can us officials attend?", "fish in the indian ocean", "an uk-style tax"])
def test_acronyms_and_seas_are_no_places_in_any_case(text: str) -> None:
    assert find_places(text, any_case=True) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Berapa tan dikurangkan oleh Kempen Zero Plastic KL sejak 2016?", "Kuala Lumpur"),
        ("what did the PRC decide on plastics?", "China"),
        ("how many joined the ROK workshop?", "Republic of Korea"),
        ("VN epr packaging recycling start date", "Viet Nam"),
        ("what does the PH roadmap target?", "Philippines"),
        ("when did the SG consultation close?", "Singapore"),
        ("MY bag ban in parks", "Malaysia"),
    ],
)
def test_a_question_typed_in_any_case_still_names_a_place_by_its_acronym(text: str, name: str) -> None:
    assert [p.name for p in find_places(text, any_case=True)] == [name]
    assert find_places(text.lower(), any_case=True) == []  # lower-cased, "kl" or "prc" is no name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("北京对餐馆使用塑料餐具罚款多少？", "Beijing"),  # zh: no spaces, the name runs into the next word
        ("臺北市的杯子折扣", "Taipei"),  # zh traditional
        ("서울시의 2026년 목표는?", "Seoul"),  # ko: particles join the name
        ("부산에서 열린 INC-5", "Busan"),
        ("กทม. ติดตั้งจุดเติมน้ำกี่จุด", "Bangkok"),  # th abbreviation
        ("โครงการที่กรุงเทพฯ", "Bangkok"),
        ("ກອງປະຊຸມທີ່ນະຄອນຫຼວງວຽງຈັນ", "Vientiane"),  # lo
        ("ក្រុងភ្នំពេញហាមឃាត់ថង់ប្លាស្ទិក", "Phnom Penh"),  # km
        ("ရန်ကုန်မြို့တွင်", "Yangon"),  # my
        ("Hà Nội cấm túi nhựa khi nào?", "Hanoi"),  # vi, with and without accents
        ("Ha Noi cam tui nhua khi nao?", "Hanoi"),
        ("TP.HCM thu gom bao nhiêu tấn rác?", "Ho Chi Minh City"),
        ("Bao giờ Trung Quốc cấm ống hút nhựa?", "China"),
        ("Berapakah sasaran Jepun?", "Japan"),  # ms
        ("Apa target Tiongkok?", "China"),  # id
        ("Ano ang ipinagbawal ng Tsina?", "China"),  # fil
        ("Ilan ang plastik na ipinagbawal sa QC?", "Quezon City"),
        ("会议在Bangkok举行", "Bangkok"),  # a Latin name touching Chinese is still a word
        ("sa vanuatu, magkano multa sa isang indibidwal?", "Vanuatu"),  # the Pacific islands
        ("斐济什么时候禁止塑料袋？", "Fiji"),
        ("ปาปัวนิวกินีห้ามถุงพลาสติก", "Papua New Guinea"),
        ("Berapa peserta forum 3R di Jaipur?", "Jaipur"),
        ("인도르 3R 포럼은 언제였나요?", "Indore"),
    ],
)
def test_a_place_is_named_in_each_language_and_script(text: str, name: str) -> None:
    assert [p.name for p in find_places(text, any_case=True)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "发展中国家的塑料污染",  # developing countries: no China
        "印度洋的海洋垃圾",  # the Indian Ocean
        "提高雄心",  # raise ambition: no Kaohsiung
        "ใช้เวลาว่างที่ศาลาว่าการ",  # free time, city hall: no Laos
        "กางเกงจีนส์",  # jeans: no China
        "부산물 재활용",  # by-product: no Busan
        "인도적 지원",  # humanitarian: no India
        "세부 사항과 세부시행계획",  # details: no Cebu
        "Bộ Lao động và người lao động",  # labour: no Laos
        "rac thai va chat thai nhua",  # unaccented Vietnamese waste: no Thailand
        "xu ly nuoc thai va khi thai",  # waste water and exhaust gas
        "chinh sach cho phu nu mang thai",  # pregnant women
        "Ang pulong sa hapon",  # Filipino afternoon: no Japan
    ],
)
def test_local_words_that_hold_a_name_are_no_places(text: str) -> None:
    assert find_places(text, any_case=True) == []


def test_every_name_names_one_place_and_none_is_a_lone_letter() -> None:
    tables = [*REGIONS.items(), *COUNTRIES.items(), *((c, others) for c, (_, others) in CITIES.items())]
    names = [n for canonical, others in tables for n in [canonical, *filter(None, others.split("|"))]]
    duplicates = {n for n in names if names.count(n) > 1}
    assert not duplicates
    # 泰, 韩, 中 and the like are pieces of countless words; ថៃ and ໄທ too short to tell.
    assert {"泰", "韩", "韓", "中", "日", "越", "ថៃ", "ໄທ", "타이"}.isdisjoint(names)
    assert min(len(n) for n in names) >= 2


def test_a_thai_name_is_found_in_a_document_as_written_and_english_as_before() -> None:
    text = "สปป.ลาว and the Bangkok Metropolitan Administration (BMA) met in Korea; the Indian Ocean."
    assert [p.name for p in find_places(text)] == ["Lao PDR", "Bangkok", "Bangkok", "Republic of Korea"]


def test_the_places_a_text_names_as_written_and_in_english() -> None:
    assert set(named_in("พรุ่งนี้ฝนจะตกที่กรุงเทพไหม")) == {"กรุงเทพ", "Bangkok"}
    assert named_in("How much is diesel today?") == []


def test_thai_typed_in_lower_case_is_thailand_outside_vietnamese() -> None:
    question = "who opened the 2nd batch of the thai japan marine litter training"
    assert [p.name for p in find_places(question, any_case=True)] == ["Thailand", "Japan"]
    assert [p.name for p in find_places("thai plastic bag ban 2020?", any_case=True)] == ["Thailand"]


def test_a_places_names_in_other_scripts_are_given_for_the_keyword_side() -> None:
    names = in_other_scripts("chiang mai market campaign - how many vendors joined?")
    assert "เชียงใหม่" in names and "清迈" in names
    assert all(not n.isascii() for n in names)
    assert in_other_scripts("What is EPR?") == []
    assert "เชียงใหม่" not in in_other_scripts("ตลาดในเชียงใหม่")  # already written so


@pytest.mark.parametrize(
    ("text", "any_case", "found"),
    [
        ("Semarang limits plastic bags", False, ["Semarang"]),
        ("杭州市快递包装", False, ["Hangzhou"]),
        ("대전광역시 축제", False, ["Daejeon"]),
        ("ขอนแก่นห้ามโฟม", False, ["Khon Kaen"]),
        ("Kota Medan", False, ["Medan"]),
        ("세계 대전 이후", False, []),  # a world war, not Daejeon
        ("medan perang", True, []),  # a battlefield, not Medan
        ("makati ang balat ko", True, []),  # itchy, in Filipino: the city only as written
        ("Makati City ordinance", False, ["Makati"]),
    ],
)
def test_the_regions_larger_cities_are_known_and_not_read_into_words(
    text: str, any_case: bool, found: list[str]
) -> None:
    assert [p.name for p in find_places(text, any_case=any_case)] == found


def test_other_scripts_are_kept_only_in_the_scripts_asked() -> None:
    every = in_other_scripts("Ho Chi Minh City workshop")
    assert "ဟိုချီမင်း" in every and "胡志明市" in every
    assert in_other_scripts("Ho Chi Minh City workshop", {"han"}) == [n for n in every if n[0] in "胡西"]
    assert scripts_of("ตลาดเชียงใหม่ market") == {"thai"} and scripts_of("Chiang Mai") == frozenset()


def test_a_pattern_of_some_places_finds_what_find_places_finds_of_them() -> None:
    japan = naming(frozenset(), frozenset({"Japan"}))
    assert japan is not None
    assert japan.search("Kamikatsu Town Hall in Tokushima decided") is not None  # a town of Japan
    assert japan.search("日本の取り組み") is not None
    assert japan.search("Seoul and Busan") is None
    seoul = naming(frozenset({"Seoul"}))
    assert seoul is not None and seoul.search("the Seoul forum") and not seoul.search("in Busan")
    assert naming(frozenset({"Atlantis"})) is None
