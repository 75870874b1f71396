"""Layout analysis of received PDF letters, step by step on lines placed as real letters
place them: a sidebar, a floated info table, the recipient's window, running lines anywhere
on the page, bullets and ligatures from the wild, headings by type before wording."""

from __future__ import annotations

import pytest

from hoering.imports.characters import normalise_bullet, normalise_characters, only_bullets
from hoering.imports.cleanup import clean
from hoering.imports.layout import reading_order
from hoering.imports.lines import Extracted, Line
from hoering.imports.paragraphs import Para, _rows, join_text
from hoering.imports.structure import structure

BODY = (
    "Kommunen har læst udkastet til samarbejdsaftalen grundigt og har følgende "
    "bemærkninger til det."
)


def body_lines(
    count: int,
    *,
    page: int = 1,
    top: float = 300.0,
    x0: float = 70.0,
    x1: float = 400.0,
    size: float = 10.0,
) -> list[Line]:
    return [
        Line(
            f"{BODY[:-1]} nummer {page}.{i}.",
            page=page,
            top=top + i * 13,
            bottom=top + i * 13 + size,
            x0=x0,
            x1=x1,
            size=size,
        )
        for i in range(count)
    ]


def line(
    text: str,
    top: float,
    x0: float,
    *,
    page: int = 1,
    size: float = 10.0,
    bold: bool = False,
    x1: float | None = None,
) -> Line:
    return Line(
        text,
        page=page,
        top=top,
        bottom=top + size,
        x0=x0,
        x1=x1 if x1 is not None else x0 + len(text) * size * 0.5,
        size=size,
        bold=bold,
    )


def body_text(cleaned) -> str:
    return " ".join(para.text for para in cleaned.body)


def test_a_sidebar_beside_the_text_is_letterhead_material_not_body():
    sidebar = [
        line(text, 120 + i * 11, 430, size=8)
        for i, text in enumerate(
            [
                "Vallensbæk Kommune",
                "EAN-nr. 5798000000000",
                "Åbningstider: man-fre 10-14",
                "7998 Statsservice",
                "Dato: 3. marts 2025",
            ]
        )
    ]
    cleaned = clean(Extracted("pdf", sidebar + body_lines(12)))
    assert "EAN-nr." not in body_text(cleaned)
    assert "Statsservice" not in body_text(cleaned)
    assert [aside.text for aside in cleaned.aside] == [s.text for s in sidebar]
    assert "nummer 1.11." in body_text(cleaned)  # every word of the body is kept


def test_two_columns_of_running_text_are_both_kept():
    left = body_lines(10, x0=60, x1=280)
    right = body_lines(10, x0=310, x1=530)
    for item in right:
        item.text = item.text.replace("nummer", "kolonne")
    cleaned = clean(Extracted("pdf", left + right))
    assert cleaned.aside == []
    cells = " ".join(
        cell for para in cleaned.body for row in para.first.table or [] for cell in row
    )
    assert (body_text(cleaned) + cells).count("kolonne") == 10


def test_running_lines_are_found_wherever_they_sit_on_the_page():
    lines = []
    for page in (1, 2, 3):
        lines += body_lines(10, page=page, top=200)
        lines.append(line(f"Side {page} af 3", 420, 250, page=page, size=8))  # mid-page
        lines.append(line("Offentliggjort af arkivet 2025-04-02", 380, 70, page=page, size=6))
    cleaned = clean(Extracted("pdf", lines, pages=3))
    assert "Side" not in body_text(cleaned)
    assert "arkivet" not in body_text(cleaned)
    assert {r.text for r in cleaned.running} >= {
        "Side 2 af 3",
        "Offentliggjort af arkivet 2025-04-02",
    }


def test_the_recipient_window_is_recognised_and_not_the_body():
    window = [
        line(text, 140 + i * 13, 70)
        for i, text in enumerate(
            ["Region Hovedstaden", "Psykiatri og Social", "Kongens Vænge 2", "3400 Hillerød"]
        )
    ]
    subject = line("Høringssvar vedr. samarbejdsaftalen", 230, 70, size=14, bold=True)
    cleaned = clean(
        Extracted(
            "pdf",
            [
                line("GLOSTRUP KOMMUNE", 50, 70, size=16, bold=True),
                *window,
                subject,
                *body_lines(8),
            ],
        )
    )
    assert [r.text for r in cleaned.recipient] == [w.text for w in window]
    assert [s.text for s in cleaned.subject] == [subject.text]
    assert "Hillerød" not in body_text(cleaned)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("cost-bene\ufb01t og \ufb02ere e\ufb00ekter", "cost-benefit og flere effekter"),
        ("to\u00a0uger\u200b", "to uger"),
        ("non\u2011stop", "non-stop"),
    ],
)
def test_compatibility_characters_are_normalised(raw, expected):
    assert normalise_characters(raw) == expected


@pytest.mark.parametrize("glyph", ["•", "◦", "▪", "‣", "⁃", "●", "\uf0b7", "➢"])
def test_every_bullet_glyph_opens_a_list_item(glyph):
    assert normalise_bullet(f"{glyph} at borgeren selv vælger") == "• at borgeren selv vælger"
    blocks = structure([Para(f"• punkt {i}", Line(f"• punkt {i}")) for i in range(2)], 10.0)
    assert [b.kind for b in blocks] == ["bullet", "bullet"]


def test_a_line_of_bare_bullet_glyphs_becomes_no_heading():
    assert only_bullets("⁃ ⁃ ⁃ ⁃")
    items = [line(f"at kommunen gør punkt {i}", 300 + i * 13, 85) for i in range(3)]
    marks = [line("⁃", 300 + i * 13, 72, x1=78) for i in range(3)]
    cleaned = clean(Extracted("pdf", body_lines(4, top=200) + marks + items))
    blocks = structure(cleaned.body, cleaned.body_size)
    assert [b.kind for b in blocks if "punkt" in b.text] == ["bullet"] * 3
    assert not any(b.kind == "heading" for b in blocks)


def test_type_outvotes_a_colon_labels_never_make_headings():
    paras = [
        Para("Udskrivningsmentor", Line("Udskrivningsmentor", size=16, bold=True)),
        Para(BODY, Line(BODY)),
        Para("Svar:", Line("Svar:")),
        Para(BODY, Line(BODY)),
        Para("Sagsbehandler:", Line("Sagsbehandler:")),
        Para(BODY, Line(BODY)),
        Para("Netværksmøder", Line("Netværksmøder", size=16, bold=True)),
        Para(BODY, Line(BODY)),
        Para("Svar:", Line("Svar:")),
        Para(BODY, Line(BODY)),
        Para("Et fjerde eksempel", Line("Et fjerde eksempel", bold=True)),
        Para(BODY, Line(BODY)),
    ]
    blocks = structure(paras, 11.0)
    assert [(b.text, b.level) for b in blocks if b.kind == "heading"] == [
        ("Udskrivningsmentor", 2),
        ("Netværksmøder", 2),
        ("Et fjerde eksempel", 3),
    ]
    assert [b.text for b in blocks].count("Svar:") == 2  # kept as text


def test_a_quotation_with_wider_line_spacing_stays_one_paragraph():
    quote = [
        line(text, 300 + i * 19, 100, x1=390)
        for i, text in enumerate(
            [
                "Borgerne oplever, at overgangen fra hospital til",
                "eget hjem sker uden varsel, og at kommunen ikke",
                "altid er orienteret om den planlagte udskrivning.",
            ]
        )
    ]
    cleaned = clean(Extracted("pdf", body_lines(4, top=200) + quote))
    assert any(
        para.text.startswith("Borgerne oplever") and para.text.endswith("planlagte udskrivning.")
        for para in cleaned.body
    )


@pytest.mark.parametrize(
    "before, after, joined",
    [
        (
            "https://www.giber.dk/giber-",
            "ringvejgruppen.pdf",
            "https://www.giber.dk/giber-ringvejgruppen.pdf",
        ),
        ("se bilag-", "oversigt.docx", "se bilag-oversigt.docx"),
        ("skriv til post-", "kassen@kommune.dk", "skriv til post-kassen@kommune.dk"),
    ],
)
def test_addresses_and_file_names_keep_their_line_end_hyphen(before, after, joined):
    assert join_text(before, after) == joined


def test_table_rows_never_lose_or_crash_on_a_cell():
    # a table whose partner lines fell outside it (no row with two cells) used to raise
    # "min() arg is an empty sequence"; two lines nearest one column used to drop one
    assert _rows([line("Dato", 300, 70), line("Sagsnr.", 313, 70)]) == [["Dato Sagsnr."]]
    rows = _rows(
        [
            line("Dato", 300, 70),
            line("3. marts", 300, 200),
            line("2025", 300, 260),
            line("Sagsnr.", 313, 70),
            line("27.00", 313, 200),
        ]
    )
    assert " ".join(" ".join(row) for row in rows).split() == [
        "Dato",
        "3.",
        "marts",
        "2025",
        "Sagsnr.",
        "27.00",
    ]


def test_footnote_number_on_a_line_of_its_own_joins_its_note():
    text = body_lines(5, top=200)
    text[2].text = "Vi deler vurderingen af tidsplanen[^1] og bilaget[^2] med regionen"
    number = line("1", 700, 70, size=7, x1=74)
    note = line("Se kommunens tidsplan, side 4.", 701, 76, size=7)
    cleaned = clean(Extracted("pdf", text + [number, note]))
    assert cleaned.footnotes == {1: "Se kommunens tidsplan, side 4."}
    joined = body_text(cleaned)
    assert "tidsplanen[^1]" in joined
    assert "bilaget²" in joined  # no note 2 found: a raised digit, not a dangling reference
    assert not any(para.text.strip() == "1" for para in cleaned.body)


def test_an_info_box_floated_beside_the_subject_is_letterhead():
    subject = [
        line("Bemærkninger til", 100, 57, size=24, bold=True),
        line("samarbejdsaftalen", 128, 57, size=24, bold=True),
    ]
    floated = line("Direkte 72 22 74 00", 117, 425)
    cleaned = clean(Extracted("pdf", [*subject, floated, *body_lines(8, top=230, x1=550)]))
    assert [s.text for s in cleaned.subject] == ["Bemærkninger til", "samarbejdsaftalen"]
    assert floated in cleaned.letterhead
    assert "Direkte" not in body_text(cleaned)


@pytest.mark.parametrize(
    "intro, quote_x0",
    [
        ("Vi vil gerne citere aftalens formål:", 110.0),  # opens like a sentence
        ("Aftalens formål lyder:", 110.0),  # an indented quotation follows
    ],
)
def test_a_sentence_introducing_a_quotation_is_no_heading(intro, quote_x0):
    paras = [
        Para(BODY, Line(BODY, x0=70)),
        Para(intro, Line(intro, x0=70)),
        Para(
            "Borgeren skal opleve et sammenhængende forløb.",
            Line("Borgeren skal opleve et sammenhængende forløb.", x0=quote_x0),
        ),
        Para(BODY, Line(BODY, x0=70)),
    ]
    assert [b.kind for b in structure(paras, 11.0)] == ["paragraph"] * 4


def test_a_bullet_glyph_kept_beside_its_item_opens_a_list_item():
    marker = line("‣", 300, 200, x1=206)
    item = line("Vi foreslår, at regionen tilbyder befordring, når", 300, 214)
    more = line("behandlingen ligger langt fra borgerens bopæl.", 313, 214)
    cleaned = clean(Extracted("pdf", body_lines(4, top=200) + [marker, item, more]))
    blocks = structure(cleaned.body, cleaned.body_size)
    assert [b.text for b in blocks if b.kind == "bullet"] == [
        "Vi foreslår, at regionen tilbyder befordring, når behandlingen ligger langt fra "
        "borgerens bopæl."
    ]


def test_an_address_block_at_the_very_top_is_the_recipient_when_the_window_is_empty():
    top = [
        line(text, 28 + i * 13, 57)
        for i, text in enumerate(
            ["Region Hovedstaden", "Psykiatri og Social", "Kongens Vænge 2", "3400 Hillerød"]
        )
    ]
    subject = line("Høringssvar vedr. samarbejdsaftalen", 230, 57, size=14, bold=True)
    cleaned = clean(Extracted("pdf", [*top, subject, *body_lines(8, x0=57)]))
    assert [r.text for r in cleaned.recipient] == [t.text for t in top]


def test_headings_in_capitals_and_a_numbered_heading_after_a_list():
    texts = [
        "UDSKRIVNING FRA SENGEAFSNIT",
        BODY,
        "1) den første ting",
        "2) den anden ting",
        "3) den tredje ting",
        "2. Ledsagelse og transport",
        BODY,
    ]
    blocks = structure([Para(t, Line(t)) for t in texts], 11.0)
    assert [(b.kind, b.text) for b in blocks if b.kind != "paragraph"] == [
        ("heading", "UDSKRIVNING FRA SENGEAFSNIT"),
        ("number", "den første ting"),
        ("number", "den anden ting"),
        ("number", "den tredje ting"),
        ("heading", "2. Ledsagelse og transport"),
    ]


def test_two_columns_of_running_text_are_read_column_by_column():
    left = [
        line(f"venstre spalte linje nummer {i} med en del tekst", 200 + i * 13, 60, x1=270)
        for i in range(8)
    ]
    right = [
        line(f"højre spalte linje nummer {i} med en del tekst", 205 + i * 13, 312, x1=530)
        for i in range(8)
    ]
    mixed = [item for pair in zip(right, left, strict=True) for item in pair]
    order = [item.text for item in reading_order(mixed)]
    assert order == [item.text for item in left + right]


def test_body_lines_that_differ_only_in_digits_are_not_running_lines():
    lines = []
    for page in (1, 2):
        lines += body_lines(6, page=page, top=200)
        lines += [
            line(f"Afsnit {page}.{i}: Ingen bemærkninger.", 400 + i * 13, 70, page=page)
            for i in range(3)
        ]
    cleaned = clean(Extracted("pdf", lines, pages=2))
    assert body_text(cleaned).count("Ingen bemærkninger.") == 6


def test_the_other_columns_of_a_table_stay_in_the_body():
    rows = []
    for i in range(6):
        top = 300 + i * 26
        rows += [
            line(f"{i + 2}.1", top, 57, x1=75),
            line(
                f"Bemærkning nummer {i} om ansvaret mellem region og kommune her", top, 150, x1=400
            ),
            line(f"Forslag {i}: præcisér", top, 410, x1=520),
        ]
    cleaned = clean(Extracted("pdf", rows))
    cells = " ".join(
        cell for para in cleaned.body for row in para.first.table or [] for cell in row
    )
    assert cleaned.aside == []
    assert all(f"Forslag {i}: præcisér" in cells for i in range(6))


def test_a_word_numbered_title_over_its_section_is_a_heading():
    def numbered(text):
        return Para(text, Line(text, list_kind="number", paragraph=True), list_kind="number")

    paras = [
        numbered("1. Udskrivning fra sengeafsnit"),
        Para(BODY, Line(BODY)),
        numbered("2. Ledsagelse og transport"),
        Para(BODY, Line(BODY)),
        numbered("1. den første ting"),
        numbered("2. den anden ting"),
    ]
    blocks = structure(paras, 11.0)
    assert [(b.kind, b.text) for b in blocks if b.kind != "paragraph"] == [
        ("heading", "1. Udskrivning fra sengeafsnit"),
        ("heading", "2. Ledsagelse og transport"),
        ("number", "den første ting"),
        ("number", "den anden ting"),
    ]


def test_headings_in_a_margin_column_stand_over_their_text():
    lines = []
    top = 200.0
    for heading in ("Udskrivning", "Ledsagelse", "Hjemløshed"):
        lines.append(line(heading, top + 3, 57, bold=True, x1=130))
        lines += [
            line(
                f"Om {heading.lower()} skriver vi her i linje {i} en hel del ord.",
                top + i * 13,
                160,
                x1=520,
            )
            for i in range(4)
        ]
        top += 70
    cleaned = clean(Extracted("pdf", lines))
    assert cleaned.aside == []
    blocks = structure(cleaned.body, cleaned.body_size)
    assert [(b.kind, b.text.split()[0]) for b in blocks] == [
        ("heading", "Udskrivning"),
        ("paragraph", "Om"),
        ("heading", "Ledsagelse"),
        ("paragraph", "Om"),
        ("heading", "Hjemløshed"),
        ("paragraph", "Om"),
    ]
