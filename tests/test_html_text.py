"""HTML pages -> readable text: the story kept, the site's menus, sidebars, forms and masthead left out."""

from __future__ import annotations

from retriever.html_text import page_text


def test_table_cells_read_as_a_row_and_headings_as_markdown_lines() -> None:
    text, meta, title = page_text(
        '<html lang="ms"><head><title> Larangan   beg </title><meta name="Date" content="2024-05-01"></head>'
        "<body><h2>Denda</h2><table><tr><th>Kesalahan pertama</th><td>RM500</td></tr></table></body></html>"
    )
    assert "## Denda" in text.split("\n") and "Kesalahan pertama | RM500" in text
    assert (meta["language"], meta["date"], title) == ("ms", "2024-05-01", "Larangan beg")


def test_html_sidebar_footer_forms_and_empty_menu_items_are_not_text() -> None:
    page = """<html><body><ul class="icons"><li><a href="/"><img src="home.svg"></a></li></ul>
    <header>Green Policy Watch</header><form><input name="q"><button>Go</button></form>
    <article><h1>Hong Kong unveils Waste Blueprint</h1><p>The blueprint sets a zero landfill goal.</p>
    <table><tr><th>Levy raised</th><td>20 cents per bag</td></tr></table></article>
    <aside><h3>Related news</h3><ul><li>Electric ferries trial to start next year</li></ul></aside>
    <footer>© 2021 Green Policy Watch. Contact: desk@example.org</footer></body></html>"""
    text = page_text(page)[0]
    assert "The blueprint sets a zero landfill goal." in text
    assert "Levy raised | 20 cents per bag" in text
    for boilerplate in ("Go", "Related news", "Electric ferries", "©", "Contact"):
        assert boilerplate not in text.split(), boilerplate
    assert "ferries" not in text and "desk@" not in text
    assert "-" not in text.split("\n")  # an icon-only menu item leaves no "-" line (a feed marker)


def test_html_masthead_outside_the_story_is_not_text_but_the_storys_own_header_is() -> None:
    page = """<html><body><header class="site-header"><div class="logo">Coastal Thailand News</div></header>
    <main><article><header><h1>ASEAN meets in Phuket</h1><p>Phuket, 23 November 2017</p></header>
    <p>About 150 participants attended.</p></article></main></body></html>"""
    text = page_text(page)[0]
    assert "Coastal Thailand News" not in text
    assert "Phuket, 23 November 2017" in text and "About 150 participants attended." in text
    # A page with no <main> or <article> may keep its story in a <header>: nothing is dropped.
    bare_page = "<html><body><header><h1>Fiji bans bags</h1></header><p>Banned.</p></body></html>"
    bare = page_text(bare_page)[0]
    assert "Fiji bans bags" in bare
