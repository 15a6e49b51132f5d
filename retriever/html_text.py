"""An HTML page -> its readable text: the story's blocks on their own lines, headings as markdown
heading lines, table cells joined by " | ", and the site's menus, sidebars and footer left out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Not the page's text: code, menus, forms, and the sidebar and footer a site repeats on every page
# ("Related news", "Subscribe", copyright and contact lines) that were quoted as answers.
_SKIP = frozenset({"script", "style", "nav", "head", "noscript", "template", "svg", "iframe"})
_SKIP |= {"form", "button", "select", "aside", "footer"}
_LINE = frozenset({"br", "li", "tr", "dt", "dd"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "aside", "header", "footer", "blockquote"})
_BLOCK |= {"pre", "table", "ul", "ol", "dl", "form", "figure", "figcaption", "address", "hr"}


class PageText(HTMLParser):
    """Readable text of a page: blocks on their own lines, headings as markdown heading lines."""

    def __init__(self, site_header: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        # On a page with a <main> or <article>, a <header> outside them is the site's masthead (logo,
        # tagline, search box), not the story's: "Coastal Thailand News" had been quoted as a sentence.
        self.site_header = site_header
        self.content = 0  # open <main> and <article> elements
        self.headers: list[bool] = []  # for each open <header>, whether it is skipped
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.skip = self.heading = 0
        self.in_title = False
        self.title = ""
        self.meta: dict[str, str] = {}

    def _block(self, tag: str) -> bool:
        """Close the current line if `tag` starts or ends a block; True if it did."""
        level = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else 0
        if not (level or tag in _BLOCK or tag in _LINE):
            return False
        text = " ".join("".join(self.line).split()).rstrip(" |")
        if text == "-":  # a list item with no text of its own (a menu's icon): no line, and no feed
            text = ""
        if text and self.heading:
            text = "#" * self.heading + " " + text
        self.blocks.append(text + ("\n" if tag in _LINE else "\n\n"))
        self.line = []
        return True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("content"):
            key = a.get("name") or a.get("property") or a.get("itemprop") or ""
            self.meta.setdefault(key.lower(), a["content"])
        elif tag == "html" and a.get("lang"):
            self.meta["language"] = a["lang"]
        self.in_title = self.in_title or tag == "title"
        self.skip += tag in _SKIP
        self.content += tag in ("main", "article")
        if tag == "header":
            self.headers.append(self.site_header and not self.content)
            self.skip += self.headers[-1]
        if self._block(tag):
            self.heading = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else 0
            self.line.append("- " if tag == "li" else "")

    def handle_endtag(self, tag: str) -> None:
        self.in_title = self.in_title and tag != "title"
        self.skip -= tag in _SKIP and self.skip > 0
        self.content -= tag in ("main", "article") and self.content > 0
        if tag == "header" and self.headers:
            self.skip -= self.headers.pop() and self.skip > 0
        if self._block(tag):
            self.heading = 0
        elif tag in ("td", "th"):
            self.line.append(" | ")  # a table row reads as the .docx reader's: "Levy | 10 cents per bag"

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.line.append(data)

    def text(self) -> str:
        self._block("p")
        return re.sub(r"\n\s*\n\s*", "\n\n", "".join(self.blocks)).strip()


PUBLISHED = (
    "article:published_time", "og:published_time", "datepublished", "dc.date", "dcterms.date", "pubdate"
)




def page_text(markup: str) -> tuple[str, dict[str, str], str]:
    """A page's text, its <meta> tags (and <html lang>) by lower-cased name, and its <title>."""
    # On a page with a <main> or <article>, a <header> outside them is the site's masthead.
    parser = PageText(site_header=re.search(r"<(?:main|article)\b", markup, re.IGNORECASE) is not None)
    parser.feed(markup)
    parser.close()
    return parser.text(), parser.meta, " ".join(parser.title.split())
