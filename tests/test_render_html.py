"""HTML renderer: a standalone, valid, accessible page; user text escaped; nothing dropped."""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import make_document
from hoering.errors import TemplateError
from hoering.model import nodes as n
from hoering.model import plain_text
from hoering.render import render
from hoering.render.templates import TemplateFinder
from htmltree import parse
from support import png


def html_of(document, templates=None) -> str:
    return render(document, "html", templates or TemplateFinder(None)).decode("utf-8")


@pytest.fixture
def page(every_construct):
    return parse(html_of(every_construct))


def test_page_head_and_language(page, every_construct):
    html = page.find("html")
    assert html.attrs["lang"] == "da"
    assert page.find("title").text() == every_construct.title
    metas = {m.attrs.get("name"): m.attrs.get("content") for m in page.find_all("meta")}
    assert metas["author"] == "Ishøj Kommune"
    assert metas["description"] == "Samarbejdsaftale om voksne med psykisk sygdom"
    assert metas["keywords"] == "høringssvar, psykiatri"
    assert page.find("meta", charset="utf-8")


def test_one_h1_and_body_headings_one_level_below(page):
    assert [h.text() for h in page.find_all("h1")] == [
        "Høring af udkast til samarbejdsaftale om voksne med psykisk sygdom"
    ]
    heading = page.find("h2", **{"data-topic": "mentor"})
    assert heading.text() == "Overskrift" and heading.attrs["data-stance"] == "concern"


def test_lists_tables_quotes_code(page):
    outer = page.find("main").find("ul")
    assert [li.children[0] for li in outer.find_all("li")][:1] == ["punkt"]
    assert outer.find_all("ul")[1].find("li").text() == "underpunkt"
    tasks = page.find_all("li", class_="task")
    assert [t.find("span").attrs["aria-label"] for t in tasks] == ["ikke udført", "udført"]
    assert [li.text() for li in page.find("ol").find_all("li")] == ["et", "to"]
    table = page.find("table")
    assert [th.attrs["scope"] for th in table.find("thead").find_all("th")] == ["col", "col"]
    assert [th.attrs["class"] for th in table.find_all("th")] == ["align-left", "align-right"]
    assert [td.text() for td in table.find("tbody").find_all("td")] == ["1", "2"]
    assert page.find("blockquote").text().strip() == "citat"
    assert page.find("code", class_="language-python").text() == "print(1)"
    assert page.find_all("hr")
    assert page.find("del").text() == "slet"
    assert page.find("ins").text() == "indsat"


def test_links_and_footnotes(page):
    link = page.find("a", href="https://x.dk")
    assert link.text() == "link" and link.attrs["title"] == "t"
    ref = page.find("sup", class_="footnote-ref").find("a")
    assert ref.attrs == {"href": "#fn-1", "id": "fnref-1"}
    notes = page.find("section", class_="footnotes")
    assert notes.attrs["aria-label"] == "Noter"
    assert notes.find("li", id="fn-1").text().startswith("Fodnoten.")
    assert notes.find("a", class_="footnote-back").attrs["href"] == "#fnref-1"


def test_raw_html_is_text_and_there_is_no_script(every_construct):
    html = html_of(every_construct)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" in parse(html).find("main").text()


def test_no_external_requests(every_construct):
    html = html_of(every_construct)
    for element in parse(html).iter():
        for attribute in ("src", "srcset"):
            value = element.attrs.get(attribute)
            assert value is None or value.startswith("data:"), (element.tag, value)
        if element.tag == "link":
            raise AssertionError("no <link> elements: everything is inline")
    assert not re.search(r"@import|url\(\s*['\"]?https?:", html)


def test_unsafe_link_is_not_clickable():
    html = html_of(make_document("[klik](javascript:alert(1)) og [mail](mailto:a@b.dk)"))
    page = parse(html)
    assert [a.attrs["href"] for a in page.find("main").find_all("a")] == ["mailto:a@b.dk"]
    assert "klik" in page.find("main").text()


def test_letterhead_info_and_footer(page):
    header = page.find("header", class_="letterhead")
    assert header.find("p", class_="organisation").text() == "Ishøj Kommune"
    assert header.find("p", class_="department").text() == "Center for Socialservice"
    assert header.find("img").attrs["alt"] == "Ishøj Kommune"
    assert header.find("img").attrs["src"].startswith("data:image/svg+xml;base64,")
    labels = [dt.text() for dt in header.find_all("dt")]
    assert labels == ["Dato", "Sagsnr.", "Kontaktperson", "E-mail", "Telefon"]
    assert header.find("a", href="mailto:tp@ishoj.dk").text() == "tp@ishoj.dk"
    assert page.find("address", class_="recipient").text() == "Region HovedstadenCenter for Sundhed"
    footer = [p.text() for p in page.find("footer").find_all("p")]
    assert footer[0].startswith("Ishøj Rådhus") and len(footer) == 2


def test_print_css_numbers_pages_in_the_document_language(every_construct):
    assert 'content: "Side " counter(page) " af " counter(pages)' in html_of(every_construct)
    english = dataclasses.replace(every_construct, lang="en")
    html = html_of(english)
    assert 'content: "Page " counter(page) " of " counter(pages)' in html
    assert parse(html).find("html").attrs["lang"] == "en"


def test_callout_and_figure(every_construct):
    document = dataclasses.replace(
        every_construct,
        blocks=(
            n.Callout("decision", "Beslutning", (n.Paragraph((n.Text("Vi holder to møder."),)),)),
            n.Figure(
                png(1, 1, colour=(0xFF, 0, 0)),
                "image/png",
                "Søjlediagram: 3 positive",
                caption="Figur 1",
            ),
        ),
    )
    page = parse(html_of(document))
    aside = page.find("aside", class_="callout-decision")
    assert aside.attrs["aria-label"] == "Beslutning"
    assert aside.find("strong").text() == "Beslutning"
    assert "Vi holder to møder." in aside.text()
    figure = page.find("figure")
    assert figure.find("img").attrs["alt"] == "Søjlediagram: 3 positive"
    assert figure.find("img").attrs["src"].startswith("data:image/png;base64,")
    assert figure.find("figcaption").text() == "Figur 1"


def test_same_document_same_bytes(every_construct, templates):
    assert render(every_construct, "html", templates) == render(every_construct, "html", templates)


def test_every_block_text_appears(every_construct):
    text = " ".join(parse(html_of(every_construct)).find("main").text().split())
    for block in every_construct.blocks:
        for words in _texts(block):
            assert " ".join(words.split()) in text, words


def _texts(node):
    if hasattr(node, "children") and not isinstance(node, n.Heading | n.Paragraph):
        return []
    if isinstance(node, n.Heading | n.Paragraph):
        return [t for t in plain_text(node.children).split("[1]") if t.strip()]
    found = []
    for name in ("items", "blocks"):
        for child in getattr(node, name, ()):
            found += _texts(child)
    return found


def test_project_template_overrides_the_built_in(tmp_path, every_construct):
    (tmp_path / "document.html.j2").write_text("<p>{{ document.title }} – egen skabelon</p>")
    html = html_of(every_construct, TemplateFinder(tmp_path))
    assert html == f"<p>{every_construct.title} – egen skabelon</p>"


def test_template_syntax_error_names_file_and_line(tmp_path, every_construct):
    (tmp_path / "document.html.j2").write_text("<p>\n{% if %}\n")
    with pytest.raises(TemplateError) as caught:
        html_of(every_construct, TemplateFinder(tmp_path))
    assert str(caught.value) == (
        f"{tmp_path / 'document.html.j2'}:2: syntaksfejl i skabelonen: Expected an expression, "
        "got 'end of statement block'"
    )


def test_runaway_template_is_stopped(tmp_path, every_construct):
    (tmp_path / "document.html.j2").write_text("{{ 'x' * 100000000 }}")
    with pytest.raises(TemplateError) as caught:
        html_of(every_construct, TemplateFinder(tmp_path))
    assert str(caught.value).endswith("fejl i skabelonen: for lang gentaget tekst i skabelonen")
