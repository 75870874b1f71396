"""A table of contents and grouped blocks in every format: a TOC field in DOCX, an outline
and bookmarks in the PDF, a <nav> of links in HTML; a group prints its blocks (in HTML a
<div> with data- attributes)."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import docx
import pypdf

from conftest import make_document
from hoering.model import nodes as n
from hoering.render import render
from htmltree import parse

BLOCKS = (
    n.TableOfContents("Indhold"),
    n.Heading(1, (n.Text("Høringen"),), number="1."),
    n.Heading(2, (n.Text("Hørte parter"),), number="1.1"),
    n.Heading(3, (n.Text("Ikke i indholdet"),)),
    n.Group(
        "remark",
        (n.Paragraph((n.Text("Et høringssvar."),)),),
        (("topic", "ledsagelse"), ("respondent", "Ishøj Kommune")),
    ),
    n.Heading(1, (n.Text("Ændringer"),), number="2."),
)


def _rendered(fmt: str, templates) -> bytes:
    return render(dataclasses.replace(make_document("x"), blocks=BLOCKS), fmt, templates)


def test_docx_has_a_toc_field_showing_the_numbered_headings(templates):
    data = _rendered("docx", templates)
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[1:5] == [
        ("TOC Heading", "Indhold"),
        ("toc 1", "1. Høringen"),
        ("toc 2", "1.1 Hørte parter"),
        ("toc 1", "2. Ændringer"),
    ]
    assert ("Normal", "Et høringssvar.") in styled
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert '<w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText>' in body
    assert body.count('w:fldCharType="begin" w:dirty="true"') == 1


def test_pdf_prints_an_outline_and_has_bookmarks(templates):
    reader = pypdf.PdfReader(io.BytesIO(_rendered("pdf", templates)))
    first, children, last = reader.outline[:3]
    assert [first.title, children[0].title, last.title] == [
        "1. Høringen",
        "1.1 Hørte parter",
        "2. Ændringer",
    ]
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Indhold 1. Høringen" in text and "Et høringssvar." in text


def test_html_has_a_nav_of_links_to_the_headings(templates):
    page = parse(_rendered("html", templates).decode("utf-8"))
    nav = page.find("nav")
    assert nav.attrs["aria-label"] == "Indhold"
    links = [(a.attrs["href"], a.text()) for a in nav.find_all("a")]
    assert links == [
        ("#afsnit-1", "1. Høringen"),
        ("#afsnit-1-1", "1.1 Hørte parter"),
        ("#afsnit-2", "2. Ændringer"),
    ]
    assert page.find("h3", id="afsnit-1-1").text() == "1.1 Hørte parter"
    group = page.find("div", class_="remark")
    assert (group.attrs["data-topic"], group.attrs["data-respondent"]) == (
        "ledsagelse",
        "Ishøj Kommune",
    )
    assert group.text().strip() == "Et høringssvar."
