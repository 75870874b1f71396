"""Remake tests/fixtures/import/svar-vallensbaek.odt: our own letter written as DOCX with
python-docx, saved as ODT by LibreOffice (soffice --headless --convert-to odt)."""

import subprocess
import sys
import tempfile
from pathlib import Path

import docx

PARAGRAPHS = [
    ("Vallensbæk Kommune\nVallensbæk Stationstorv 100\n2665 Vallensbæk Strand", None),
    ("Vallensbæk, den 14. juni 2019", None),
    ("Høringssvar vedr. udkast til samarbejdsaftale om voksne med psykisk sygdom", "Title"),
    (
        "Vallensbæk Kommune takker for muligheden for at give sit syn på udkastet til den nye "
        "samarbejdsaftale. Vi har læst udkastet med interesse og har enkelte bemærkninger.",
        None,
    ),
    ("Udskrivningsmentor", "Heading 1"),
    (
        "Kommunen er bekymret for, at ordningen med udskrivningsmentorer ikke kan lade sig "
        "gøre med det antal medarbejdere, der er afsat. Vi savner en plan for opstarten.",
        None,
    ),
    ("Vi foreslår derfor:", None),
    ("at opstarten sker i to trin,", "List Bullet"),
    ("at kommunerne inddrages i planlægningen, og", "List Bullet"),
    ("at ordningen evalueres efter et år.", "List Bullet"),
    ("Ledsagelse til behandling", "Heading 1"),
    ("Tabellen viser, hvor mange borgere kommunen forventer at ledsage:", None),
    (None, None),  # the table
    (
        "Vi ser frem til det videre samarbejde og hilser aftalen om ledsagelse velkommen.",
        None,
    ),
    ("Med venlig hilsen", None),
    ("Hanne Holm\nSundhedschef", None),
]
ROWS = [("År", "Borgere"), ("2020", "40"), ("2021", "55")]


def letter_docx(path: Path) -> None:
    document = docx.Document()
    for text, style in PARAGRAPHS:
        if text is None:
            table = document.add_table(rows=len(ROWS), cols=2)
            for r, row in enumerate(ROWS):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(text, style=style)
    document.save(path)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / (target.stem + ".docx")
        letter_docx(source)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "odt", "--outdir", folder, str(source)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        target.write_bytes(source.with_suffix(".odt").read_bytes())
