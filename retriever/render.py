"""Plain-text rendering of an answer, shared by the CLI and the bot's console mode."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from . import texts
from .dates import MONTHS
from .links import citation_link
from .types import Answer, Citation

# A document's own footnote marks ("[3]", "[2, 5]", "[4-6]") inside a quote would pass for our numbered
# sources. Shown as "(3)" they stay readable and plain ASCII, here and in the bot (botanswer.py);
# look-alike brackets (fullwidth "［3］", "⟦3⟧") would still read as our marks and break a search
# for the quoted words.
_MARKER = re.compile(r"\[(\s*\d{1,4}(?:\s*[,;–-]\s*\d{1,4})*\s*)\]")


def neutral(text: str) -> str:
    """Text with bracketed numbers turned into parenthesised ones (see _MARKER)."""
    return _MARKER.sub(r"(\1)", text)


def answer_body(answer: Answer) -> str:
    """The answer text with each cited quote neutralised; our "[n]" after each quote and the text
    between quotes stay as they are. A quote not found in order is left alone."""
    text, cursor, pieces = answer.answer, 0, []
    for citation in answer.citations:
        start = text.find(citation.quote, cursor) if citation.quote else -1
        if start < 0:
            continue
        end = start + len(citation.quote)
        pieces += [text[cursor:start], neutral(text[start:end])]
        cursor = end
    return "".join(pieces) + text[cursor:]


# A title that ends with its own date, "… restaurants (2019)", "(June 2023)", "(from 1 December 2020)":
# Month names as dates.py reads them. `words` before the date ("from",
# "consultation,") say more than the date, so that part of a title is never cut.
_TITLE_DATE = re.compile(
    r"\s*[(\[](?P<words>[^()\[\]]*?[\s,])??\s*(?:(?P<day>\d{1,2})\s+)?"
    r"(?:(?P<month>[A-Za-z]{3,9})\.?\s+)?(?P<year>\d{4})\s*[)\]]\s*$"
)
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def title_and_date(title: str, date: str) -> tuple[str, str]:
    """The title and the date to show beside it, the date said once when the title ends with it.

    The more precise one stays: "Ordinance No. 2876 (2019)" dated 2019-12-01 shows as "Ordinance
    No. 2876" and 2019-12-01; "Ban (from 1 December 2020)" dated 2020-12-01 keeps its title and
    shows no date. A title's date that disagrees with the citation's, or that has words beside it and
    is less precise ("(consultation, 2024)" dated 2024-03), leaves both as they are.
    """
    found, iso = _TITLE_DATE.search(title), _ISO_DATE.match(date.strip())
    if not found or not iso:
        return title, date
    bare_date, day, month = not found["words"], found["day"], found["month"]
    # "(Decree 2019)", "(No. 5 2019)": words and numbers before the year, not a month and a day.
    if (month and month.lower() not in MONTHS) or (day and not month):
        bare_date, day, month = False, None, None
    stated = [int(found["year"])]
    if month:
        stated += [MONTHS[month.lower()]] + ([int(day)] if day else [])
    given = [int(part) for part in iso.groups() if part]
    if given[: len(stated)] != stated[: len(given)]:
        return title, date
    bare = title[: found.start()].rstrip()
    if bare_date and bare and len(given) >= len(stated):
        return bare, date
    if len(stated) >= len(given):
        return title, ""
    return title, date


def source_line(citation: Citation) -> str:
    """'Title — section, p. N (date)' for one citation (and any that share its source line)."""
    title, date = title_and_date(citation.title, citation.date)
    where = citation.section
    if citation.page is not None:
        where = f"{where}, p. {citation.page}" if where else f"p. {citation.page}"
    line = title
    if where and where != citation.title:
        line += f" — {where}"
    if date:
        line += f" ({date})"
    return neutral(line)


def source_groups(citations: Iterable[Citation]) -> list[list[Citation]]:
    """The citations that share a source line (document, section, page) together, in the order of
    their first number: three sentences quoted from one section are one source, not three."""
    groups: dict[tuple[object, ...], list[Citation]] = {}
    for c in citations:
        groups.setdefault((c.doc_id, c.title, c.section, c.page, c.date, c.source), []).append(c)
    return list(groups.values())


def numbers(group: Sequence[Citation]) -> str:
    """'[1][2][3]': every number of a group spelled out, so a search for any one of them finds it."""
    return "".join(f"[{c.n}]" for c in group)


def quote_links(group: Sequence[Citation]) -> list[tuple[int, str]]:
    """Each citation's number and the link that opens at its quote, or one (0, link) for the whole
    group when its quotes share a link (a PDF's page, a local file)."""
    links = [(c.n, citation_link(c.source, c.quote, c.page)) for c in group]
    if len({url for _, url in links}) == 1:
        return [(0, links[0][1])] if links[0][1] else []
    return links


def render_text(answer: Answer) -> str:
    """The answer, then its sources, one line per document and section with all its numbers, each
    quote's link beneath it (the link opens at the quoted words)."""
    lines = [answer_body(answer)]
    if answer.citations:
        lines += ["", texts.t("sources_label", answer.lang)]
        for group in source_groups(answer.citations):
            lines.append(f"{numbers(group)} {source_line(group[0])}")
            # A link carries the quote as the document writes it, so the browser finds those words.
            lines += [f"    [{n}] {url}" if n else f"    {url}" for n, url in quote_links(group)]
    return "\n".join(lines)
