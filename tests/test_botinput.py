"""What users send, read and checked before any work (botinput): no Telegram, no model."""

from __future__ import annotations

import pytest

import retriever
from botinput import (
    command_argument,
    download_failure,
    for_this_bot,
    question_refusal,
    remove_refusal,
    upload_name,
    upload_refusal,
    without_spans,
)
from retriever.texts import t


@pytest.mark.parametrize(
    ("text", "argument"),
    [
        ("/ask What is EPR?", "What is EPR?"),
        ("/ask@PlasticPolicyBot  What is EPR? ", "What is EPR?"),
        ("/ask first line\nsecond line", "first line\nsecond line"),
        ("/remove", ""),
        ("", ""),
    ],
)
def test_command_argument_is_what_follows_the_command(text: str, argument: str) -> None:
    assert command_argument(text) == argument


def test_a_command_in_a_group_is_for_this_bot_only_when_it_names_it() -> None:
    assert for_this_bot("/foo@PlasticPolicyBot", "PlasticPolicyBot")
    assert for_this_bot("/foo@plasticpolicybot some words", "PlasticPolicyBot")  # any casing
    assert not for_this_bot("/foo", "PlasticPolicyBot")
    assert not for_this_bot("/foo@OtherBot", "PlasticPolicyBot")
    assert not for_this_bot("", "PlasticPolicyBot")


def test_mentions_are_cut_out_by_utf16_offsets() -> None:
    assert without_spans("@bot What is EPR?", [(0, 4)]) == "What is EPR?"
    assert without_spans("What is EPR, @bot?", [(13, 4)]) == "What is EPR, ?"
    # 🌍 is two UTF-16 code units: the mention after it starts at 3, not 2.
    text = "🌍 @bot  ban on bags —"
    assert without_spans(text, [(3, 4)]) == "🌍 ban on bags"
    # spans given out of order, and a question that is nothing but mentions
    assert without_spans("@a x @b", [(5, 2), (0, 2)]) == "x"
    assert without_spans("@bot", [(0, 4)]) == ""


def test_questions_without_letters_or_too_long_are_refused_in_the_chats_language() -> None:
    assert question_refusal("What is EPR?", 20, "en") is None
    assert question_refusal("EPR", 3, "en") is None
    empty = question_refusal("🙂 ?! \u200b", 500, "th")
    assert empty == t("empty_text", "th", example=t("example_1", "th"))
    too_long = question_refusal("x" * 21, 20, "en")
    assert too_long == t("too_long_text", "en", n=21, limit=20)


def test_uploads_are_refused_by_type_and_size_before_any_download() -> None:
    assert upload_name(None) == "document"
    assert "/" not in upload_name("../../etc/report.pdf")
    supported = retriever.supported_types()[0]
    assert upload_refusal(f"report{supported}", 1024, 1.0, "en") is None
    assert upload_refusal(f"report{supported}", None, 1.0, "en") is None  # size unknown: fetch and see
    assert upload_refusal(f"report{supported}", 1024 * 1024, 1.0, "en") is None  # exactly the limit
    too_big = upload_refusal(f"report{supported}", 1024 * 1024 + 1, 1.0, "ms")
    assert too_big == t("too_big_text", "ms", name=f"report{supported}", mb=1.0)
    unsupported = upload_refusal("photo.exe", 10, 1.0, "en")
    assert unsupported is not None and "photo.exe" in unsupported and supported in unsupported


def test_a_failed_download_says_why_in_the_admins_words() -> None:
    too_big = download_failure("a<b>.pdf", "Bad Request: file is too big", "en")
    assert "a&lt;b&gt;.pdf" in too_big and t("download_too_big", "en") in too_big
    other = download_failure("a.pdf", "Timed out", "en")
    assert t("download_unavailable", "en") in other and "Timed out" not in other


def test_remove_names_exactly_one_document() -> None:
    assert remove_refusal("report", ["report.pdf"], "en") is None
    assert remove_refusal("nothing", [], "en") == t("remove_none", "en", name="nothing")
    many = remove_refusal("re", ["report.pdf", "review.md"], "en")
    assert many == t("remove_many", "en", name="re", ids="report.pdf, review.md")
