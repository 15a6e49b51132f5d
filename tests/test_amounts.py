"""Whether an amount a sentence gives is the one asked: of what, a total or a rate, over which period."""

from __future__ import annotations

from retriever.amounts import measures_other, other_period, rate_for_total


def test_an_amount_measured_of_another_thing_is_not_the_one_asked() -> None:
    asked = "How many tonnes of plastic straws does Hong Kong dispose of each day?"
    assert measures_other(asked, "Hong Kong disposes of 200 tonnes of disposable plastic tableware a day.")
    assert not measures_other(asked, "Hong Kong disposes of 20 tonnes of straws a day.")
    assert not measures_other(asked, "It disposes of 200 tonnes a day.")  # of nothing named: may be it
    waste = "how many tonnes of plastic waste does Vientiane generate per day?"
    assert not measures_other(waste, "Vientiane generates about 300 tonnes of waste a day.")


def test_a_rate_does_not_say_what_a_levy_raised() -> None:
    raised = "Fiji: how much did the plastic bag levy collect in 2019?"
    assert rate_for_total(raised, "The levy was raised to 20 cents per bag on 1 January 2019.")
    assert rate_for_total("Berapa hasil kutipan levi pada tahun 2019?", "The levy was 20 cents per bag.")
    assert rate_for_total(raised, "Reusable bags may still be sold, and the 20-cent levy applies to them.")
    assert not rate_for_total(raised, "The levy raised FJ$1.2 million in 2019, at 10 cents per bag.")
    assert not rate_for_total("What is the levy per bag?", "The levy was 20 cents per bag.")


def test_an_amount_over_another_opening_period_is_not_the_one_asked() -> None:
    year = "how many tonnes of bags were confiscated in the whole first year?"
    assert other_period(year, "In the first two weeks of enforcement, teams confiscated 3 tonnes.")
    assert not other_period(year, "In its first year, teams confiscated 40 tonnes.")
    assert not other_period(year, "Teams confiscated 40 tonnes.")  # no period told: may be it
    assert not other_period("how many in the first half year?", "In the first six months, 3 tonnes.")
    assert not other_period("in the first few weeks?", "In the first two weeks, 3 tonnes.")


def test_the_first_year_asked_in_the_officials_languages() -> None:
    weeks = "In the first two weeks of enforcement, teams confiscated about 3 tonnes of bags."
    for asked in (
        "ilang tonelada ang nakumpiska sa buong unang taon?",
        "berapa tan disita pada tahun pertama?",
        "năm đầu tiên tịch thu bao nhiêu tấn?",
        "第一年没收了多少吨？",
        "ปีแรกยึดได้กี่ตัน",
        "첫해에 몇 톤?",
    ):
        assert other_period(asked, weeks), asked
    assert not other_period("berapa tan disita pada tahun pertama?", "In its first year, 40 tonnes.")
