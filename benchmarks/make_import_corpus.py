"""Generate the import development corpus (issue 10) and its answer key.

Letters in Danish, written for this corpus (benchmarks/corpus_texts.py), laid out by four
producers so the importer meets layouts it was not written against:

- ``reportlab``: absolute positioning (sidebars, floated info tables, recipient windows,
  two-column letterheads, footnotes, ligature code points, e-mails printed to PDF, …);
- ``libreoffice``: DOCX and HTML exported to PDF by ``soffice --headless``;
- ``typst``: our own .typ layouts (not the project's renderer);
- ``docx``: Word files from python-docx with raw XML (custom heading styles with an outline
  level, automatic numbering, first-page headers, tracked changes, comments);
- ``eml``: e-mails saved as .eml with the letter (a reportlab PDF) attached.

Layouts added for issue 19 (corpus_real.py) imitate what real received documents have: an
archive stamp, a sidebar letterhead before the body in the content order, a date beside "Side N
af M" in the margin, a return address above the window, sender cues only in a sentence, no date
line, web-form answers and e-mail threads printed to PDF (feature ``added-issue-19``).

Every layout ("recipe") makes two letters with different senders and wording; one goes to the
tuning half and one to the held-out half, alternating per recipe, so the split is by letter,
stable, and balanced across producers and layouts. The held-out letters use other phrasings
(families 2-3 of corpus_texts) than the tuning letters (families 0-1). A third, small split,
"unseen" (corpus_unseen.py), has layouts that neither half has, worded like the held-out half.

Writes tests/fixtures/import/corpus/{files/*, key.json, hearing/hearing.yaml}. Needs, only to
*make* the corpus (the project and its tests need none of them): reportlab (dev extra), the
DejaVu and Liberation fonts (fonts-dejavu, fonts-liberation) and LibreOffice (soffice).
Deterministic: fixed dates and metadata, PDFs rewritten with pikepdf without timestamps and
with a content-derived /ID, DOCX zips with fixed timestamps.

Run:  python benchmarks/make_import_corpus.py [--only NAME …]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO / "src")]

from corpus_letters import Letter  # noqa: E402
from corpus_normalise import normalise  # noqa: E402

CORPUS = REPO / "tests" / "fixtures" / "import" / "corpus"
# The unseen letters' senders count from here: the number of layouts when they were added,
# fixed so that layouts added to the halves later do not change an unseen letter's sender.
UNSEEN_BASE = 40


def recipes():
    """(producer, layout, make) for every layout; make(name, split, index) -> [(Letter,
    bytes, convert)] where convert is None or the suffix LibreOffice converts from."""
    import corpus_office
    import corpus_real
    import corpus_recipes_rl
    import corpus_typst

    first = (
        corpus_recipes_rl.RECIPES
        + corpus_office.LIBREOFFICE
        + corpus_typst.RECIPES
        + corpus_office.DOCX
    )
    # Layouts added later go after all of the first ones, so no letter of the first version
    # changes its sender or half (a layout's position decides both).
    return (
        first
        + corpus_recipes_rl.EXTRA
        + corpus_typst.EXTRA
        + corpus_office.EXTRA_DOCX
        + corpus_recipes_rl.LATER
        + corpus_office.LATER
        + corpus_real.RECIPES
    )


def build(only: set[str] | None = None) -> list[Letter]:
    from corpus_office import convert_with_libreoffice

    files = CORPUS / "files"
    files.mkdir(parents=True, exist_ok=True)
    letters, pending = [], []
    for number, (producer, layout, make) in enumerate(recipes()):
        for k, split in enumerate(("tune", "test") if number % 2 == 0 else ("test", "tune")):
            name = f"{producer[:2]}-{layout}-{k + 1}"
            for letter, data, convert in make(name, split, 2 * number + k):
                letter.producer, letter.layout, letter.split = producer, layout, split
                letters.append(letter)
                if only and letter.name not in only:
                    continue
                if convert:
                    pending.append((letter, data, convert))
                else:
                    _write(files / letter.file, data)
    for letter, data in convert_with_libreoffice(pending):
        _write(files / letter.file, data)
    return letters + _unseen(files, only)


def _unseen(files: Path, only: set[str] | None) -> list[Letter]:
    """Two letters in each layout that neither half has (split "unseen")."""
    import corpus_real
    import corpus_unseen

    base = 2 * UNSEEN_BASE
    letters = []
    for number, (producer, layout, make) in enumerate(corpus_unseen.UNSEEN + corpus_real.UNSEEN):
        for k in range(2):
            name = f"{producer[:2]}-{layout}-{k + 1}"
            for letter, data, _ in make(name, "unseen", base + 2 * number + k + 5):
                letter.producer, letter.layout = producer, layout
                letters.append(letter)
                if not only or letter.name in only:
                    _write(files / letter.file, data)
    return letters


def _write(path: Path, data: bytes) -> None:
    data = normalise(data, path.suffix)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def write_key(letters: list[Letter]) -> None:
    names = [letter.file for letter in letters]
    assert len(set(names)) == len(names), "two letters with one file name"
    key = {
        "about": "Answer key of the import corpus; made by benchmarks/make_import_corpus.py",
        "letters": [letter.key() for letter in letters],
    }
    text = json.dumps(key, ensure_ascii=False, indent=1) + "\n"
    (CORPUS / "key.json").write_text(text, encoding="utf-8")
    stale = {p.name for p in (CORPUS / "files").iterdir()} - set(names)
    for name in stale:
        (CORPUS / "files" / name).unlink()


HEARING_HEAD = """\
# The hearing: what is sent out for consultation, by whom, to whom, and its topics.
id: import-corpus
title: Udkast til samarbejdsaftale om voksne med psykisk sygdom
authority: region-hovedstaden
department: Psykiatri og Social
draft:
  name: Samarbejdsaftale om indsatsen for voksne med psykisk sygdom (udkast, maj 2019)
period:
  start: 2019-05-06
  end: 2019-06-21
deadline: 2019-06-21
"""
HEARING_TOPICS = """\
topics:
  - id: tvaerfagligt-samarbejde
    title: Tværfagligt samarbejde
    section: "2"
    keywords: [tværfaglig, tværsektoriel, samarbejde, praktiserende læge, almen praksis,
               ansvarsfordeling]
  - id: ledsagelse
    title: Ledsagelse til behandling
    section: "3.4"
    keywords: [ledsagelse, ledsage, transport, befordring, ambulant behandling]
  - id: ambulant-behandling
    title: Samarbejde under ambulant behandling
    section: "3.5"
    keywords: [ambulant, distriktspsykiatri, forventningsafstemning, visitation, bevilling]
  - id: indlaeggelse-udskrivning
    title: Indlæggelse og udskrivning
    section: "4.1"
    keywords: [indlæggelse, udskrivning, udskrivningsmøde, udskrivningsdato, sengeafsnit]
  - id: ventetid
    title: Orientering, varsling og færdigmelding
    section: "4.2"
    keywords: [varsling, færdigmelding, orientering, ventetid, akuttilbud]
  - id: udskrivningsmentor
    title: Udskrivningsmentor
    section: "4.3"
    keywords: [udskrivningsmentor, mentor]
  - id: netvaerksmoeder
    title: Netværksmøder under indlæggelse
    section: "4.4"
    keywords: [netværksmøde, netværksmøder, koordinerende indsatsplan]
  - id: hjemloese
    title: Borgere i hjemløshed
    section: "5"
    keywords: [hjemløs, hjemløshed, herberg, forsorgshjem, boligløs]
"""


def write_hearing() -> None:
    """The hearing the corpus answers: the example hearing's topics as they were when the
    corpus was made (fixed here, so a change to the example does not move the measure), and
    every sender consulted."""
    from corpus_letters import SENDERS

    consulted = "".join(f"  - name: {s.name}\n    aliases: [{_alias(s.name)}]\n" for s in SENDERS)
    folder = CORPUS / "hearing"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hearing.yaml").write_text(
        "# Made by benchmarks/make_import_corpus.py: the hearing the import corpus answers.\n"
        + HEARING_HEAD
        + "consulted:\n"
        + consulted
        + HEARING_TOPICS,
        encoding="utf-8",
    )


def _alias(name: str) -> str:
    short = name.replace(" Kommune", "")
    return short if short != name else name.replace("-", " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="regenerate only these letters (names)")
    args = parser.parse_args()
    letters = build(set(args.only) if args.only else None)
    write_key(letters)
    write_hearing()
    splits = {s: sum(1 for x in letters if x.split == s) for s in ("tune", "test", "unseen")}
    print(f"{len(letters)} files in {CORPUS.relative_to(REPO)}: {splits}")


if __name__ == "__main__":
    main()
