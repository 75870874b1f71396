"""Model → Markdown → model: what import writes reads back as the model it wrote.

Each body is parsed with the project's reader, written with
:func:`hoering.sources.serialise.to_markdown` and parsed again; the two models must be equal
(source lines aside). Wrapped output must give the same model up to where the lines break.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PROJECT
from hoering.model import nodes as n
from hoering.sources.markdown import parse_body
from hoering.sources.serialise import UnwritableNode, escape, to_markdown

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "markdown").glob("*.md"))

BODIES = {
    "headings with attributes": """\
# Indledning

## Vedr. udskrivningsmentor {topic=mentor stance=concern}

### Økonomi {topic=oekonomi stance=proposal guess=0.62 matched="penge,budget"}

## Slutter med # og {2019}

### Albertslund Kommune {status=imoedekommet}

## Tidligere korrespondance {appendix=true}
""",
    "nested and ordered lists": """\
- et
  - under et
    - under under
  - andet under
- to

1. første
2. anden
   1. indrykket
   2. igen

      afsnit i punktet
   4. fire
3. tredje

Et afsnit imellem.

7. starter ved syv
8. otte

- [ ] opgave
- [x] færdig

- liste
- en gang til

* og en ny liste lige efter
""",
    "tables with pipes": """\
| Emne | Holdning | Note |
|:-----|:--------:|-----:|
| a \\| b | `x \\| y` | [link](https://x.dk/a) |
| **fed** | ~~slet~~ | ++ny++ |
| kort |
""",
    "footnotes": """\
En sætning med en note[^1] og en anden[^navn] og igen den første[^1].

[^1]: Første note med *kursiv*.

[^navn]: Anden note.

    Med et afsnit mere.
""",
    "tracked changes and links": """\
Regionen ~~skal~~ ++bør++ sikre, at ~~alle borgere~~ ++borgere med behov++ får tilbud.
Se [vejledningen](https://www.sst.dk/vejledning?a=1&b=2 "Sundhedsstyrelsen") og
[en fil](<https://x.dk/mit dokument.pdf>). Ændret af C++ og ++C++++.
""",
    "text that needs escaping": """\
Stjerner \\*ikke fed\\*, under\\_streger\\_, en \\# og \\[^2\\] som tekst, 3 \\< 4 \\> 2.

\\# ikke en overskrift

1\\. ikke en liste

\\- heller ikke

\\+ eller denne

\\> ikke et citat

<script>alert(1)</script> og &amp; og \\&copy; og ~tilde~ og \\`backtick\\`.

Linje med \\
hårdt linjeskift og `kode med `` i` og ![billede](logo.png).

\\=== ikke en understregning

a_b_c og *kursiv*midt i og **fed:** tekst og _a **b** c_.
""",
    "quotes, code and breaks": """\
> Citat med *kursiv*
>
> - og en liste

```python
print("**ikke fed**")
```

___

````
```
````
""",
}


def without_lines(value):
    """The model with every source line set to None (a rewritten body moves lines)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: without_lines(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if "line" in changes:
            changes["line"] = None
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple | list):
        return type(value)(without_lines(item) for item in value)
    return value


def model(text: str):
    body = parse_body(text)
    return without_lines((tuple(body.blocks), tuple(body.footnotes)))


def unwrapped(value):
    """Soft breaks as spaces and neighbouring texts joined: the model without its line
    breaks, to compare a wrapped rewrite with the original."""
    if isinstance(value, tuple) and value and all(isinstance(x, n.Inline) for x in value):
        joined: list = []
        for item in value:
            item = n.Text(" ") if isinstance(item, n.SoftBreak) else unwrapped(item)
            if isinstance(item, n.Text) and joined and isinstance(joined[-1], n.Text):
                joined[-1] = n.Text(joined[-1].text + item.text)
            else:
                joined.append(item)
        return tuple(joined)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(
            value, **{f.name: unwrapped(getattr(value, f.name)) for f in dataclasses.fields(value)}
        )
    if isinstance(value, tuple | list):
        return type(value)(unwrapped(item) for item in value)
    return value


def rewrite(text: str, width: int | None) -> str:
    body = parse_body(text)
    return to_markdown(body.blocks, body.footnotes, width=width)


def _body(path: Path) -> str:
    """A source's Markdown body (a file without metadata, such as remarks.md, is all body)."""
    from hoering.errors import SourceError
    from hoering.sources.frontmatter import read_source

    try:
        return read_source(path).body
    except SourceError:
        return path.read_text("utf-8")


EXAMPLES = sorted((PROJECT / "consultations").rglob("*.md"))
CASES = {
    **BODIES,
    **{f.stem: f.read_text("utf-8") for f in FIXTURES},
    **{f"example {f.parent.name}/{f.name}": _body(f) for f in EXAMPLES},
}


@pytest.mark.parametrize("name", list(CASES))
def test_rewritten_body_reads_back_as_the_same_model(name):
    original = model(CASES[name])
    assert original[0], "the fixture parsed to nothing"
    written = rewrite(CASES[name], width=None)
    assert model(written) == original, written


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("width", [24, 96])
def test_wrapped_body_reads_back_as_the_same_model(name, width):
    written = rewrite(CASES[name], width=width)
    assert unwrapped(model(written)) == unwrapped(model(CASES[name])), written
    assert rewrite(written, width=width) == written  # writing is stable


def test_written_markdown_looks_like_what_a_person_writes():
    written = rewrite(BODIES["headings with attributes"] + BODIES["footnotes"], width=96)
    assert (
        written
        == """\
# Indledning

## Vedr. udskrivningsmentor {topic=mentor stance=concern}

### Økonomi {topic=oekonomi stance=proposal guess=0.62 matched="penge,budget"}

## Slutter med \\# og {2019}

### Albertslund Kommune {status=imoedekommet}

## Tidligere korrespondance {appendix=true}

En sætning med en note[^1] og en anden[^navn] og igen den første[^1].

[^1]: Første note med _kursiv_.

[^navn]: Anden note.

    Med et afsnit mere.
"""
    )


def test_tracked_changes_are_written_as_marks():
    blocks = [
        n.Paragraph(
            (
                n.Text("Regionen "),
                n.Strikethrough((n.Text("skal"),)),
                n.Insertion((n.Text(" bør "),)),
                n.Text("sikre."),
            )
        ),
        n.Paragraph((n.Strong((n.Text("Netværksmøder: "),)), n.Text("Det er godt."))),
    ]
    written = to_markdown(blocks)
    assert written == "Regionen ~~skal~~ ++bør++ sikre.\n\n**Netværksmøder:** Det er godt.\n"


def test_long_paragraph_wraps_without_starting_a_line_with_markup():
    text = " ".join("Ordet - og 1. og # og > og + og = skal stå midt i en linje".split() * 4)
    starts = set()
    for width in range(30, 60):
        written = to_markdown([n.Paragraph((n.Text(text),))], width=width)
        lines = written.splitlines()
        assert max(len(line) for line in lines) <= width + 2  # one escape, one long word
        assert unwrapped(model(written)[0]) == (n.Paragraph((n.Text(text),)),), written
        starts |= {line[:2] for line in lines}
    assert {"\\-", "\\#", "\\>", "\\+", "\\=", "1\\"} <= starts


def test_a_node_markdown_cannot_express_fails_loudly():
    callout = n.Callout("decision", "Beslutning", (n.Paragraph((n.Text("Ja"),)),))
    with pytest.raises(UnwritableNode, match="no syntax for a 'callout' block"):
        to_markdown([callout])


def test_escape_leaves_plain_danish_text_alone():
    assert escape("Tlf. +45 43 57 75 75, 19. juni 2019 (kl. 10-12): æøå!") == (
        "Tlf. +45 43 57 75 75, 19. juni 2019 (kl. 10-12): æøå!"
    )


TEXT = st.text(
    alphabet=st.sampled_from(list("ab 1.#-+*_=>|<`~[]^!&;\\(){}:") + ["æ", "ø"]),
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_text_reads_back_as_itself(text):
    text = " ".join(text.split())
    if not text:
        return
    paragraph = (n.Paragraph((n.Text(text),)),)
    for width in (None, 12):
        written = to_markdown(paragraph, width=width)
        assert unwrapped(model(written)[0]) == paragraph, written


@pytest.mark.parametrize(
    "node, written",
    [
        (n.Emphasis((n.Emphasis((n.Text("a"),)),)), "*_a_*"),  # "__a__" would be strong
        (n.Emphasis((n.Strong((n.Text("b"),)),)), "_**b**_"),
        (n.Strong((n.Text("a "), n.Emphasis((n.Text("b"),)))), "**a _b_**"),
        (n.Emphasis((n.Text("midt"),)), "*midt*"),  # inside a word "_" is no emphasis
    ],
)
def test_nested_marks_read_back_as_written(node, written):
    word = isinstance(node.children[0], n.Text) and node.children[0].text == "midt"
    paragraph = n.Paragraph((n.Text("x " if not word else "x"), node, n.Text(" y")))
    text = to_markdown([paragraph])
    assert written in text
    assert model(text)[0] == (paragraph,)


def test_text_deleted_twice_is_written_once():
    twice = n.Strikethrough((n.Strikethrough((n.Text("a"),)),))
    assert to_markdown([n.Paragraph((twice,))]) == "~~a~~\n"  # "~~~~a~~~~" opens a code fence
