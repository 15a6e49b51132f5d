"""What administrators do: uploads, /reindex, /status, and what everyone else is not allowed to do.

The bot works on a private copy of documents/ and of the session's index (copied, so the module
starts without re-embedding the corpus); every upload below is really read, chunked and embedded.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_telegram import BotThread, FakeTelegram, ask_bot, bot_settings, reply_containing

import retriever
from retriever import Settings

# Telegram must accept every call the bot makes in these tests.
pytestmark = [pytest.mark.timeout(400), pytest.mark.usefixtures("rejections")]

DOCUMENTS = Path(__file__).resolve().parent.parent / "documents"
ADMIN = 42
OFFICIAL = 555
TESTLAND = b"""---
title: "Republic of Testland: ban on polystyrene food boxes (from 1 March 2027)"
source: "https://environment.testland.example/news/polystyrene-ban"
publisher: "Testland Ministry of Environment"
date: "2026-09"
language: "en"
---
# Republic of Testland bans polystyrene food boxes

The Republic of Testland bans polystyrene food boxes from 1 March 2027. Food vendors in Testland
who keep using expanded polystyrene containers after that date face a fine of 500 Testland
dollars for each offence. The Testland Ministry of Environment will publish a list of approved
reusable and paper-based alternatives before the ban takes effect.
"""
TESTLAND_QUESTION = "When does the Republic of Testland ban polystyrene food boxes?"
ANGLES = (
    b"""---
title: "Lowland City: bag labels must read <NO-PLASTIC> & be displayed"
source: "https://lowland.example/by-law-7?part=2&lang=en"
date: "2026-10"
language: "en"
---
"""
    # One line per sentence: the library takes a line break for the end of a sentence.
    b"Under Lowland City by-law 7, every shop in Lowland City must mark its paper bags with the label "
    b"<NO-PLASTIC> & display the label at the till.\n"
    b"Inspectors in Lowland City will remove any <script> or other notices that hide the label.\n"
)
ANGLES_QUESTION = "What label must shops in Lowland City put on their paper bags?"
CORPUS_QUESTION = "When did Hainan ban non-degradable disposable plastic bags and tableware?"


@pytest.fixture(scope="module")
def settings(
    fake: FakeTelegram, corpus_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    root = tmp_path_factory.mktemp("admin")
    shutil.copytree(DOCUMENTS, root / "documents")
    shutil.copytree(corpus_settings.index_dir, root / "index")
    settings = corpus_settings.with_(
        documents_dir=root / "documents", index_dir=root / "index", data_dir=root / "data", max_upload_mb=1.0
    )
    summary = retriever.index_documents(settings=settings)
    assert not (summary.added or summary.changed), "the copied index should already be current"
    return settings


@pytest.fixture(scope="module")
def running(fake: FakeTelegram, settings: Settings) -> Iterator[BotThread]:
    thread = BotThread(settings, bot_settings(fake, admin_user_ids=(ADMIN, 43))).start(fake)
    yield thread
    thread.stop()



def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }



def test_status_shows_the_live_index(fake: FakeTelegram, running: BotThread, settings: Settings) -> None:
    manifest = retriever.status(settings=settings)
    mark = fake.mark()
    fake.user_sends("/status", ADMIN)
    text = fake.wait_for_messages(ADMIN, 1, since=mark)[0].text
    assert f"Version: {manifest['version']}" in text
    assert f"Documents: {manifest['n_documents']}" in text and f"Chunks: {manifest['n_chunks']}" in text
    assert f"Model: {manifest['model']}" in text and f"Built at: {manifest['built_at']}" in text


def test_officials_cannot_reindex_see_status_or_upload(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    before = files(settings.documents_dir)
    version = retriever.status(settings=settings)["version"]
    mark = fake.mark()
    fake.user_sends("/reindex", OFFICIAL)
    fake.user_sends("/status", OFFICIAL)
    fake.user_sends_document(TESTLAND, "testland.md", OFFICIAL)
    replies = fake.wait_for_messages(OFFICIAL, 3, since=mark)
    assert sum("only the assistant's administrators" in m.text for m in replies) == 3
    assert not fake.calls("getFile", since=mark) and not fake.calls("download", since=mark)
    assert files(settings.documents_dir) == before
    assert retriever.status(settings=settings)["version"] == version


def test_unsupported_or_oversized_files_are_refused_before_download(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    before = files(settings.documents_dir)
    mark = fake.mark()
    fake.user_sends_document(b"MZ...", "tool.exe", ADMIN)
    refused = reply_containing(fake, ADMIN, mark, "tool.exe")
    assert ".pdf" in refused.text and ".docx" in refused.text and ".md" in refused.text
    mark2 = fake.mark()
    fake.user_sends_document(b"%PDF-1.4 small", "huge.pdf", ADMIN, file_size=5 * 1024 * 1024)
    assert "too large" in reply_containing(fake, ADMIN, mark2, "too large").text
    assert not fake.calls("getFile", since=mark)
    assert files(settings.documents_dir) == before


def test_an_uploaded_document_is_indexed_and_answers_the_next_question(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    refused = retriever.ask(TESTLAND_QUESTION, settings=settings)
    assert not any("Testland" in c.title for c in refused.citations)
    mark = fake.mark()
    fake.user_sends_document(TESTLAND, "../../Testland Polystyrene Ban.md", ADMIN)
    assert "Received Testland-Polystyrene-Ban.md" in reply_containing(fake, ADMIN, mark, "Received").text
    summary = reply_containing(fake, ADMIN, mark, "Index v").text
    assert (
        "Added Testland-Polystyrene-Ban.md" in summary and "Added (1): Testland-Polystyrene-Ban.md" in summary
    )
    assert (settings.documents_dir / "Testland-Polystyrene-Ban.md").read_bytes() == TESTLAND
    assert fake.calls("getFile", since=mark) and fake.calls("download", since=mark)
    answer = ask_bot(fake, TESTLAND_QUESTION, OFFICIAL)
    text = "\n".join(m.text for m in answer)
    assert "1 March 2027" in text and "[1]" in text
    assert "Republic of Testland: ban on polystyrene food boxes" in text
    # The source link opens the page at the quoted words.
    assert any(
        u.startswith("https://environment.testland.example/news/polystyrene-ban#:~:text=")
        for m in answer
        for u in m.links
    )


def test_same_file_again_is_recognised_and_a_namesake_is_replaced_only_when_confirmed(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    mark = fake.mark()
    fake.user_sends_document(TESTLAND, "Testland Polystyrene Ban.md", ADMIN)
    assert "already in the collection" in reply_containing(fake, ADMIN, mark, "already").text
    namesake = TESTLAND.replace(b"500 Testland", b"700 Testland")
    path = settings.documents_dir / "Testland-Polystyrene-Ban.md"
    mark = fake.mark()
    fake.user_sends_document(namesake, "Testland Polystyrene Ban.md", ADMIN)
    question = reply_containing(fake, ADMIN, mark, "Replace it")
    assert path.read_bytes() == TESTLAND, "nothing changes before the admin answers"
    fake.user_clicks(question, question.button("Keep")["callback_data"], OFFICIAL)  # not an admin
    mark = fake.mark()
    keep = fake.user_clicks(question, question.button("Keep")["callback_data"], ADMIN)
    fake.callback_answer(keep)
    assert "Kept the existing Testland-Polystyrene-Ban.md" in reply_containing(fake, ADMIN, mark, "Kept").text
    assert path.read_bytes() == TESTLAND
    mark = fake.mark()
    fake.user_sends_document(namesake, "Testland Polystyrene Ban.md", 43)
    question = reply_containing(fake, 43, mark, "Replace it")
    replace_data = question.button("Replace")["callback_data"]
    fake.user_clicks(question, replace_data, 43)
    done = reply_containing(fake, 43, mark, "Index v")
    assert not question.buttons, "the answered question loses its buttons"
    assert "Replaced Testland-Polystyrene-Ban.md" in done.text and "Changed (1)" in done.text
    assert path.read_bytes() == namesake
    assert not list(settings.documents_dir.glob("Testland-Polystyrene-Ban-*")), "no name-2 copies"
    question_text = "What fine do Testland food vendors face for using polystyrene containers?"
    text = " ".join(" ".join(m.text for m in ask_bot(fake, question_text, OFFICIAL)).split())
    assert "700 Testland dollars" in text and "500 Testland" not in text
    again = fake.user_clicks(question, replace_data, 43)  # an old client still showing the buttons
    assert "expired" in fake.callback_answer(again).params["text"], "a question is answered once"


def test_remove_takes_a_document_out_and_reindexes(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    (settings.documents_dir / "to-remove.md").write_bytes(TESTLAND.replace(b"Testland", b"Removeland"))
    mark = fake.mark()
    fake.user_sends("/reindex", ADMIN)
    reply_containing(fake, ADMIN, mark, "Index v")
    assert "to-remove.md" in retriever.status(settings=settings)["documents"]
    mark = fake.mark()
    fake.user_sends("/remove", OFFICIAL)
    assert "only the assistant's administrators" in fake.wait_for_messages(OFFICIAL, 1, since=mark)[0].text
    fake.user_sends("/remove", ADMIN)
    assert "/remove" in reply_containing(fake, ADMIN, mark, "for example").text
    mark = fake.mark()
    fake.user_sends("/remove no-such-file.pdf", ADMIN)
    assert "no document named no-such-file.pdf" in reply_containing(fake, ADMIN, mark, "no document").text
    mark = fake.mark()
    fake.user_sends("/remove TO-REMOVE.md", ADMIN)
    done = reply_containing(fake, ADMIN, mark, "Index v")
    assert "Removed to-remove.md" in done.text and "Removed (1): to-remove.md" in done.text
    assert not (settings.documents_dir / "to-remove.md").exists()
    assert "to-remove.md" not in retriever.status(settings=settings)["documents"]


def test_a_corrupt_pdf_is_reported_removed_and_the_index_keeps_answering(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    documents = retriever.status(settings=settings)["documents"]
    mark = fake.mark()
    fake.user_sends_document(
        b"%PDF-1.7\n% not really a PDF\n" + bytes(range(256)) * 4, "broken report.pdf", ADMIN
    )
    report = reply_containing(fake, ADMIN, mark, "couldn't add")
    assert "broken-report.pdf" in report.text
    reason = report.text.split("broken-report.pdf", 1)[1].split("\n", 1)[0]
    assert len(reason.strip(" :")) > 5, "the reason is given"
    assert not (settings.documents_dir / "broken-report.pdf").exists()
    assert retriever.status(settings=settings)["documents"].keys() == documents.keys()
    assert "[1]" in ask_bot(fake, CORPUS_QUESTION, OFFICIAL)[0].text


def test_document_text_with_markup_characters_is_quoted_escaped(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    mark = fake.mark()
    fake.user_sends_document(ANGLES, "lowland <by-law> & co.md", ADMIN)
    reply_containing(fake, ADMIN, mark, "Added")
    answer = ask_bot(fake, ANGLES_QUESTION, OFFICIAL)
    text = "\n".join(m.text for m in answer)
    assert "<NO-PLASTIC> & display" in text, "the user sees the characters themselves"
    assert "&lt;NO-PLASTIC&gt; &amp; display" in "\n".join(m.html for m in answer)
    assert "Lowland City: bag labels must read <NO-PLASTIC> & be displayed" in text
    assert any(
        u.startswith("https://lowland.example/by-law-7?part=2&lang=en#:~:text=")
        for m in answer
        for u in m.links
    )
    mark = fake.mark()
    fake.user_clicks(answer[-1], answer[-1].button("Sources")["callback_data"], OFFICIAL)
    passages = reply_containing(fake, OFFICIAL, mark, "<NO-PLASTIC>")
    assert "<script>" in passages.text or "<script>" in "\n".join(
        m.text for m in fake.sent_messages(OFFICIAL, since=mark)
    )


def test_questions_are_answered_while_a_reindex_runs(
    fake: FakeTelegram, running: BotThread, settings: Settings
) -> None:
    # Enough new text that the build takes a while; the bot must keep serving the old index.
    extra = settings.documents_dir / "extra"
    extra.mkdir()
    for path in sorted((settings.documents_dir / "factsheets").glob("*.md"))[:16]:
        (extra / path.name).write_bytes(path.read_bytes() + b"\n\nA copy kept for the reindexing test.\n")
    mark = fake.mark()
    fake.user_sends("/reindex", ADMIN)
    reply_containing(fake, ADMIN, mark, "Reindexing")
    fake.user_sends("/reindex", 43)
    queued = reply_containing(fake, 43, mark, "already running").text
    assert "another one" in queued, "the second /reindex is queued, not dropped"
    # A file that arrives after the running build read the folder goes into the queued build.
    (settings.documents_dir / "late.md").write_bytes(TESTLAND.replace(b"Testland", b"Lateland"))
    answer = ask_bot(fake, CORPUS_QUESTION, OFFICIAL)
    summary = reply_containing(fake, ADMIN, mark, "Index v", timeout=300)
    assert answer[-1].time < summary.time, "the answer did not wait for the reindex"
    assert "chunks" in summary.text and " s" in summary.text
    follow_up = reply_containing(fake, 43, mark, "Index v", timeout=300)
    # Whether the running build read the folder before late.md arrived depends on the machine's
    # load; either way nothing is lost: the running build or the queued one indexes it.
    if "Added (17)" in summary.text:
        assert "late.md" in summary.text
    else:
        assert "Added (16)" in summary.text and "Added (1): late.md" in follow_up.text
    assert "late.md" in retriever.status(settings=settings)["documents"]
    mark = fake.mark()
    fake.user_sends("/reindex", ADMIN)
    assert (
        "No documents were added, changed or removed" in reply_containing(fake, ADMIN, mark, "Index v").text
    )
