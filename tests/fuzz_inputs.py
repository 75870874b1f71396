"""Hypothesis strategies and checks shared by the fuzz tests and ``benchmarks/fuzz.py``:
Markdown sources built from Danish words and every construct we support (plus emoji, CJK
and control characters), and hostile bytes made from a real PDF or DOCX."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from pathlib import Path

from hypothesis import strategies as st

WORDS = (
    "kommune",
    "region",
    "borger",
    "aftale",
    "indsats",
    "udskrivning",
    "samarbejde",
    "psykiatri",
    "ansvar",
    "netværk",
    "tidlig",
    "koordinering",
    "høring",
    "svar",
    "bemærkning",
    "forslag",
    "plan",
    "sundhed",
    "ældre",
    "børn",
)
ODD = (
    "😀",
    "👍🏽",
    "漢字",
    "한국어",
    "العربية",
    "\u200b",
    "\u00ad",
    "\x07",
    "\x1b",
    "\t",
    "∑",
    "𝔘",
    "\ufeff",
)

word = st.sampled_from(WORDS)
odd = st.sampled_from(ODD)
URL = "https://eksempel.dk/side"


def _join(parts: list[str]) -> str:
    return " ".join(parts)


words = st.lists(word, min_size=1, max_size=6).map(_join)


@st.composite
def inline(draw) -> str:
    text = draw(words)
    kind = draw(
        st.sampled_from(
            [
                "plain",
                "em",
                "strong",
                "code",
                "link",
                "struck link",
                "inline note",
                "odd",
                "struck",
                "autolink",
            ]
        )
    )
    return {
        "plain": text,
        "em": f"*{text}*",
        "strong": f"**{text}**",
        "code": f"`{text}`",
        "link": f"[{text}]({URL})",
        "struck link": f"~~[{text}]({URL})~~",
        "inline note": f"{draw(word)}^[{text}]",
        "odd": f"{text} {draw(odd)}",
        "struck": f"~~{text}~~",
        "autolink": f"{text} <{URL}>",
    }[kind]


line = st.lists(inline(), min_size=1, max_size=5).map(_join)


@st.composite
def block(draw) -> str:
    kind = draw(
        st.sampled_from(
            [
                "para",
                "heading",
                "list",
                "ordered",
                "tasks",
                "quote",
                "code",
                "table",
                "deep quote",
                "deep list",
                "note",
                "rule",
            ]
        )
    )
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(words)
    if kind in ("list", "ordered", "tasks"):
        marker = {"list": "- ", "ordered": "1. ", "tasks": "- [ ] "}[kind]
        return "\n".join(marker + item for item in draw(st.lists(line, min_size=1, max_size=4)))
    if kind == "quote":
        return "> " + draw(line)
    if kind == "code":
        return "```\n" + draw(words) + "\n```"
    if kind == "table":
        columns = draw(st.integers(1, 4))
        rows = draw(
            st.lists(st.lists(words, min_size=columns, max_size=columns), min_size=1, max_size=4)
        )
        header = draw(st.lists(words, min_size=columns, max_size=columns))
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * columns]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    if kind == "deep quote":
        return "> " * draw(st.integers(5, 120)) + draw(words)
    if kind == "deep list":
        depth = draw(st.integers(3, 60))
        return "\n".join("  " * level + "- " + draw(word) for level in range(depth))
    if kind == "note":
        return draw(words) + "[^1]\n\n[^1]: " + draw(words)
    if kind == "rule":
        return "---"
    return draw(line)


body = st.lists(block(), min_size=1, max_size=6).map("\n\n".join)


@st.composite
def title(draw) -> str:
    kind = draw(st.sampled_from(["plain", "long", "odd"]))
    text = draw(words)
    if kind == "long":
        return " ".join([text] * 40)[:400]
    if kind == "odd":
        return f"{text} {draw(odd)}"
    return text


def source_text(title_text: str, body_text: str) -> str:
    quoted = title_text.replace("\\", "\\\\").replace('"', '\\"')
    quoted = "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in quoted)
    return (
        f'---\ntype: response\ntitle: "{quoted}"\nhearing: fuzz\norganisation: ishoj\n'
        f"date: 2019-06-19\n---\n\n{body_text}\n"
    )


def expected_words(*texts: str) -> set[str]:
    """The vocabulary words in ``texts``: each must appear in every output."""
    found: set[str] = set()
    for text in texts:
        found.update(w for w in re.findall(r"\w+", text) if w in WORDS)
    return found


def plain(text: str) -> str:
    """Text from an output for a word check: compatibility forms folded (ligatures),
    hyphenation at line ends undone, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[-\u00ad]\s*\n\s*", "", text)
    return " ".join(text.split())


def docx_text(data: bytes) -> str:
    """Every run of text in every part of a DOCX (body, footnotes, headers)."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = archive.read(name).decode("utf-8")
                parts += re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
    return " ".join(parts)


def pdf_text(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def html_text(data: bytes) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", " ", data.decode("utf-8")))


# --- hostile bytes -------------------------------------------------------------------------


@st.composite
def damaged(draw, original: bytes) -> bytes:
    """``original`` with a few of: bytes changed, a slice cut out, bytes inserted, the end
    cut off."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip" and data:  # a cut before may have left nothing to flip
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[max(8, at) :]
    return bytes(data)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


ODD_VALUES = ["", "-1", "0", "x", "999999999999", "rId999", "1e309", "../../a.xml"]
SWAP_TAGS = ["p", "r", "t", "tbl", "tr", "tc", "numPr", "ilvl", "pStyle", "hyperlink", "sectPr"]


@st.composite
def damaged_parts(draw, original: bytes) -> bytes:
    """``original`` (a zip of XML parts: DOCX, XLSX) with its XML changed but well formed, so
    that the zip and the parser accept it and the reader meets it: a part left out, an
    element removed, renamed or doubled, an attribute removed or given an odd value."""
    import io
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(original)) as packed:
        parts = {name: packed.read(name) for name in packed.namelist()}
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(n for n in parts if n.endswith((".xml", ".rels")))))
        change = draw(st.sampled_from(["drop", "remove", "rename", "double", "unset", "odd"]))
        if change == "drop":
            del parts[name]
            continue
        root = etree.fromstring(parts[name])
        element = draw(st.sampled_from(list(root.iter())))
        _change(draw, change, element)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    packed_again = io.BytesIO()
    with zipfile.ZipFile(packed_again, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return packed_again.getvalue()


def _change(draw, change: str, element) -> None:
    from lxml import etree

    parent = element.getparent()
    if change == "remove" and parent is not None:
        parent.remove(element)
    elif change == "double" and parent is not None:
        parent.append(etree.fromstring(etree.tostring(element)))
    elif change == "rename" and isinstance(element.tag, str):
        namespace = element.tag.rpartition("}")[0]
        element.tag = (namespace + "}" if namespace else "") + draw(st.sampled_from(SWAP_TAGS))
    elif change in ("unset", "odd") and element.attrib:
        key = draw(st.sampled_from(sorted(element.attrib)))
        if change == "unset":
            del element.attrib[key]
        else:
            element.attrib[key] = draw(st.sampled_from(ODD_VALUES))
