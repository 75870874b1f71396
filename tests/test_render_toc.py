"""A table of contents and grouped blocks in every format: a TOC field in DOCX, an outline
and bookmarks in the PDF, a <nav> of links in HTML; a group prints its blocks (in HTML a
<div> with data- attributes)."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import zipfile

import docx
import pypdf
import pytest

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


def test_docx_lists_the_numbered_headings_with_links_and_page_references(templates):
    data = _rendered("docx", templates)
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[1:5] == [
        ("TOC Heading", "Indhold"),
        ("toc 1", "1. Høringen\t"),
        ("toc 2", "1.1 Hørte parter\t"),
        ("toc 1", "2. Ændringer\t"),
    ]
    assert ("Normal", "Et høringssvar.") in styled
    entries = document.paragraphs[2:5]
    links = [p.hyperlinks[0].fragment for p in entries]
    assert links == ["_Toc1", "_Toc2", "_Toc4"]  # "Ikke i indholdet" is _Toc3
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    for name in links:  # each entry's page number is the page of its heading's bookmark
        assert f'<w:instrText xml:space="preserve"> PAGEREF {name} \\h </w:instrText>' in body
        assert f'w:name="{name}"' in body
    # no TOC field and nothing marked for updating: Word would ask before showing the page
    # numbers (LibreOffice computes the PAGEREF fields itself)
    assert " TOC " not in body and "dirty" not in body
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode("utf-8")
    assert "updateFields" not in settings


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_libreoffice_shows_the_toc_page_numbers_unasked(templates, tmp_path):
    blocks = (
        n.TableOfContents("Indhold"),
        *(
            part
            for i in range(1, 4)
            for part in (
                n.Heading(1, (n.Text(f"Afsnit {i}"),), number=f"{i}."),
                *(n.Paragraph((n.Text("Tekst, der fylder en side. " * 12),)),) * (8 * i),
            )
        ),
    )
    data = render(dataclasses.replace(make_document("x"), blocks=blocks), "docx", templates)
    (tmp_path / "toc.docx").write_bytes(data)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), "toc.docx"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        timeout=120,
    )
    reader = pypdf.PdfReader(tmp_path / "toc.pdf")
    lines = [[x.strip() for x in page.extract_text().splitlines()] for page in reader.pages]
    starts = {
        f"{i}. Afsnit {i}": next(n for n, page in enumerate(lines, 1) if f"{i}. Afsnit {i}" in page)
        for i in range(1, 4)
    }
    listed = re.findall(r"(\d\. Afsnit \d)\.*\s*(\d+)", reader.pages[0].extract_text())
    assert {title: int(page) for title, page in listed} == starts
    assert len(set(starts.values())) == 3  # the sections start on different pages


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
