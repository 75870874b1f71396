"""Markdown → model: each fixture's model dump must match its .expected file.

To review a change of the parser: delete the .expected file, run the tests once (it is
written anew and the test fails), read the diff, commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hoering.errors import SourceErrors
from hoering.model import nodes as n
from hoering.sources.markdown import parse_body, task_list_items

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "markdown").glob("*.md"))


def dump(blocks, indent: int = 0) -> list[str]:
    """One line per block: kind, line, attributes and plain text; children indented."""
    lines = []
    pad = "  " * indent
    for block in blocks:
        lines.append(pad + describe(block))
        for child in children(block):
            lines.extend(dump([child], indent + 1))
    return lines


def describe(block) -> str:
    parts = [block.kind, f"@{block.line}"]
    if isinstance(block, n.Heading):
        parts += [f"h{block.level}", f"topic={block.topic}", f"stance={block.stance}"]
        if block.guess is not None:
            parts += [f"guess={block.guess}", f"matched={block.matched}"]
    if isinstance(block, n.OrderedList):
        parts.append(f"start={block.start}")
    if isinstance(block, n.ListItem):
        parts.append(f"checked={block.checked}")
    if isinstance(block, n.CodeBlock):
        parts += [f"lang={block.language}", repr(block.text)]
    if isinstance(block, n.Table):
        parts += [
            f"align={block.align}",
            repr([n.plain_text(c.children) for c in block.header]),
            repr([[n.plain_text(c.children) for c in row] for row in block.rows]),
        ]
    if hasattr(block, "children"):
        parts.append(repr(n.plain_text(block.children)))
    return " ".join(parts)


def children(block):
    if isinstance(block, n.BulletList | n.OrderedList):
        return block.items
    if isinstance(block, n.ListItem | n.BlockQuote):
        return block.blocks
    return ()


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_fixture(fixture: Path):
    body = parse_body(fixture.read_text("utf-8"))
    lines = dump(body.blocks)
    for note in body.footnotes:
        lines.append(f"footnote {note.number} [{note.label}]")
        lines.extend(dump(note.blocks, 1))
    expected = fixture.with_suffix(".expected")
    actual = "\n".join(lines) + "\n"
    if not expected.exists():
        expected.write_text(actual, "utf-8")
        pytest.fail(f"wrote {expected.name}: review it and run again")
    assert actual == expected.read_text("utf-8")


def test_inline_formatting_is_kept():
    [paragraph] = parse_body("*a* **b** ~~c~~ `d` [e](https://x.dk)").blocks
    kinds = [child.kind for child in paragraph.children if child.kind != "text"]
    assert kinds == ["emphasis", "strong", "strikethrough", "code", "link"]
    assert paragraph.children[-1].target == "https://x.dk"


def test_footnotes_are_numbered_in_order_of_reference():
    body = parse_body("B[^b] og A[^a].\n\n[^a]: Note a.\n[^b]: Note b.\n")
    assert [(f.number, f.label) for f in body.footnotes] == [(1, "b"), (2, "a")]
    assert n.plain_text(body.footnotes[0].blocks[0].children) == "Note b."


def test_lines_count_from_the_body_start_in_the_file():
    body = parse_body("Første\n\n## Anden {topic=x}\n", first_line=12)
    assert [block.line for block in body.blocks] == [12, 14]


def test_bad_heading_attributes_are_all_reported():
    with pytest.raises(SourceErrors) as caught:
        parse_body("## A {topik=x}\n\n## B {stance=maybe}\n\n## C {topic=y guess=2}\n")
    assert [str(e) for e in caught.value.errors] == [
        "topik: ukendt overskriftsegenskab 'topik' (en overskrift kan have topic, stance, "
        "guess, matched, appendix, status)",
        "stance: 'maybe' er ikke en holdning (brug positiv, bekymring eller forslag (eller "
        "positive, concern eller proposal))",
        "guess: '2' er ikke en sandsynlighed (brug et tal fra 0 til 1)",
    ]
    assert [e.line for e in caught.value.errors] == [1, 3, 5]


def test_footnote_ending_in_a_list():
    body = parse_body("Tekst[^1].\n\n[^1]: Note\n\n    - punkt\n")
    [note] = body.footnotes
    assert [block.kind for block in note.blocks] == ["paragraph", "bullet_list"]


TASKS = """Indledning med et [link](https://example.dk){note}.

- [ ] @Ishøj Kommune: sender *oversigten* over `borgere` — 1/9-2019
- [x] @PC Glostrup: er færdig — september 2019
- almindeligt punkt
  - [ ] @Region Hovedstaden: en indlejret opgave,
    der fortsætter på næste linje — uge 38
- [ ] @A & B: rydder op &amp; arkiverer — 2019-12-01

> - [ ] @Distriktspsykiatrien: en opgave i et citat — 1. oktober 2019

```
- [ ] @Ingen: kode, ikke en opgave
```

1. [ ] @Alle parter: læser udkastet{note} — inden næste møde
{notes}"""


@pytest.mark.parametrize(
    "note, notes",
    [
        ("", ""),
        ("[^a]", "\n[^a]: Bilag 1.\n\n[^b]: - [ ] @Fodnote: ikke med — 1/10-2019\n"),
    ],
)
def test_task_list_items_are_the_items_parse_body_finds(note, notes):
    """The quick path of 'hoering actions' (no inline conversion of the rest) finds the same
    items, with the same checked state, lines and first paragraph, as the full conversion."""
    text = TASKS.format(note=note, notes=notes)
    full = list(n.task_items(parse_body(text, first_line=7).blocks))
    quick = task_list_items(text, first_line=7)
    assert len(quick) == 6
    assert [(i.checked, i.line, i.blocks[0]) for i in quick] == [
        (i.checked, i.line, i.blocks[0]) for i in full
    ]


def test_stances_in_danish_and_english_mean_the_same():
    body = parse_body(
        "## A {topic=a stance=positiv}\n\n## B {topic=b stance=Bekymring}\n\n"
        "## C {topic=c stance=forslag}\n\n## D {topic=d stance=concern}\n"
    )
    assert [b.stance for b in body.blocks] == ["positive", "concern", "proposal", "concern"]


def test_opening_brackets_with_nothing_to_close_them_are_kept_as_text():
    """Issue 21, item 11: each "[" scanned to the end of its paragraph for a "]", so a
    megabyte of them took minutes. They are plain text, every one kept, and the scan for a
    link label is never started where no "]" follows; links, images and notes still work."""
    from markdown_it.helpers import parseLinkLabel

    from hoering.sources.markdown.parser import new_parser

    md = new_parser()
    scans = []

    def counted(state, start, disable_nested=False):
        scans.append(start)
        return parseLinkLabel(state, start, disable_nested)

    md.helpers.parseLinkLabel = counted
    md.parse("[" * 5000 + "\n\n" + "![ ^[ [^ " * 1000)
    assert scans == []
    body = parse_body("Se [loven](https://x.dk)[^1] og [[[ [ ![ ^[ [^\n\n[^1]: Note.\n")
    assert body.blocks[0].children == (
        n.Text("Se "),
        n.Link("https://x.dk", (n.Text("loven"),)),
        n.FootnoteRef(1),
        n.Text(" og [[[ [ ![ ^[ [^"),
    )
    assert dump(parse_body("[" * 20_000).blocks) == ["paragraph @1 '" + "[" * 20_000 + "'"]
