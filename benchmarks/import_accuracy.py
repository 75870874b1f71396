"""Accuracy of ``hoering import`` on the import corpus (issue 10), per producer and overall.

The corpus (tests/fixtures/import/corpus, made by benchmarks/make_import_corpus.py) holds
letters from four producers (reportlab, libreoffice, typst, docx), e-mails saved as .eml with
the letter attached (eml), and an answer key. Each
letter is imported with ``hoering.import_files`` into a temporary copy of the corpus hearing
(the files of one sender sent together are imported in one call, as a user would), the written
source is read back with ``load_source``, and compared with the key:

files        letters of the split (``--split tune|test|unseen|all``; default test, the held-out
             half; unseen: a few letters in layouts that neither half has).
crashes      letters whose import raised or was reported failed. A crashed letter counts as
             wrong in every measure below (its expected items are all missed).
sender       meta.sender equals the key's sender (the consulted party's name).
date         meta.date equals the letter's date (not the deadline, not a stamp).
signatory    the first signatory's name equals the key's (letters that are signed).
recipient    meta.recipient's first line equals the key's (letters with a recipient block).
no remarks   meta.no_remarks is true exactly for the letters that only say they have none.
headings     recall: expected headings found among the imported headings; texts compared
             after dropping numbering ("1.", "2.1"), a leading "Vedr."/"Vedrørende" (import
             writes "Vedr. udskrivningsmentor:" as the heading "Udskrivningsmentor"), a
             trailing colon, case and spacing.
false head.  imported headings per letter that are neither expected, nor allowed (a topic's
             title or a list label where the letter has no heading), nor the letter's title.
topics P/R   over (letter, topic) pairs: expected = the topics of the key's sections; found =
             the topics set on any imported heading. P = |found & expected| / |found|,
             R = |found & expected| / |expected|. A "no remarks" letter expects none.
stances      over the expected (letter, topic, stance) triples: some imported heading has that
             topic and that stance.
body clean   letters whose Markdown body has none of the key's forbidden strings (letterhead,
             recipient block, info table, stamps, page numbers), no "Side N af M", no
             ligature code point U+FB00-FB06, no heading made only of bullet glyphs, and
             none of the quoted e-mail thread outside a final heading with no topic.
words kept   words of the respondent's sentences (the key's "required") found in the body,
             counted as a multiset, over all words.
sentences    required sentences found whole inside one block (not split across paragraphs).
footnotes    expected footnote texts (PDF footnotes, Word comments) found in a footnote.
tracked      letters with tracked changes whose authors are all named in the front matter
             and whose deletions are kept as ~~...~~.

``--own N`` adds the old measurement on letters made by our own renderer and python-docx
(tests/import_fixtures.py), whose truth is per heading, as a separate section.

Run:  python benchmarks/import_accuracy.py [--split tune|test|unseen|all] [--own N] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]
CORPUS = REPO / "tests" / "fixtures" / "import" / "corpus"
PRODUCERS = ["reportlab", "libreoffice", "typst", "docx", "eml"]

from hoering.model import nodes as n  # noqa: E402

NUMBERING = re.compile(r"^\s*(?:(?:\d+(\.\d+)*\.?|vedr\.?|vedrørende)\s+)+", re.IGNORECASE)
PAGE_OF = re.compile(r"\bSide \d+ af \d+\b")
LIGATURE = re.compile("[\ufb00-\ufb06]")
GLYPHS_ONLY = re.compile(r"^[\s•◦▪‣⁃–\-*·∙●○■□]*$")
WORD = re.compile(r"\w+")


FOOTNOTE_DEFINITION = re.compile(r"(?m)^\[\^[^\]]+\]:.*(?:\n(?: {4}|\t).*)*")


def norm_heading(text: str) -> str:
    return " ".join(NUMBERING.sub("", text).strip().rstrip(":").casefold().split())


def squeeze(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("++", "").split())


def inline_text(inlines) -> str:
    """Text of inline runs; footnote references and struck-through (deleted) text left out."""
    parts = []
    for node in inlines:
        if isinstance(node, n.Text | n.Code):
            parts.append(node.text)
        elif isinstance(node, n.SoftBreak | n.LineBreak):
            parts.append(" ")
        elif isinstance(node, n.Emphasis | n.Strong | n.Link | n.Insertion):
            parts.append(inline_text(node.children))
        elif isinstance(node, n.Image):
            parts.append(node.alt)
    return "".join(parts)


def leaf_texts(blocks) -> list[str]:
    """The text of every block that holds inline text, in order."""
    texts = []
    for block in blocks:
        if isinstance(block, n.Heading | n.Paragraph):
            texts.append(inline_text(block.children))
        elif isinstance(block, n.BulletList | n.OrderedList):
            for item in block.items:
                texts += leaf_texts(item.blocks)
        elif isinstance(block, n.BlockQuote | n.Callout):
            texts += leaf_texts(block.blocks)
        elif isinstance(block, n.Table):
            texts += [inline_text(c.children) for row in (block.header, *block.rows) for c in row]
        elif isinstance(block, n.CodeBlock):
            texts.append(block.text)
    return [squeeze(t) for t in texts]


def headings_of(blocks) -> list[n.Heading]:
    return [b for b in blocks if isinstance(b, n.Heading)]


def topics_of(heading: n.Heading) -> list[str]:
    return [t for t in re.split(r"[\s,]+", heading.topic or "") if t]


def markdown_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("\n---", 1)[1] if "\n---" in text[3:] else text
    return text


def unquoted_body(body: str) -> str:
    """The body without a final section whose heading has no topic (a quoted thread kept as
    an appendix is allowed there)."""
    parts = re.split(r"(?m)^(?=#{1,6} )", body)
    if len(parts) > 1 and "topic=" not in parts[-1].splitlines()[0]:
        return "".join(parts[:-1])
    return body


class Tally:
    """Counts per producer: tally[producer][measure] = [right, of]."""

    def __init__(self):
        self.counts: dict[str, Counter] = defaultdict(Counter)

    def add(self, producer: str, measure: str, right: float, of: float = 1) -> None:
        self.counts[producer][measure] += right
        self.counts[producer][measure + " of"] += of


def score(entry: dict, source, md_path: Path, tally: Tally) -> list[str]:
    """Compare one imported source with its key entry; return what was wrong (for -v)."""
    p, meta, wrong = entry["producer"], source.meta, []

    def check(measure: str, ok: bool, what: str) -> None:
        tally.add(p, measure, int(ok))
        if not ok:
            wrong.append(what)

    check("sender", meta.sender == entry["sender"], f"sender {meta.sender!r}")
    check("date", meta.date.isoformat() == entry["date"], f"date {meta.date}")
    if entry["signatory"]:
        signed = (
            meta.signature.signatories[0].name
            if meta.signature and meta.signature.signatories
            else None
        )
        check("signatory", signed == entry["signatory"], f"signatory {signed!r}")
    if entry["recipient"]:
        got = meta.recipient[0] if meta.recipient else None
        check("recipient", got == entry["recipient"][0], f"recipient {got!r}")
    got = bool(getattr(meta, "no_remarks", False))
    check("no remarks", got == entry["no_remarks"], f"no_remarks {got}")
    wrong += _score_structure(entry, source, tally)
    wrong += _score_text(entry, source, md_path, tally)
    return wrong


def _score_structure(entry, source, tally) -> list[str]:
    p, wrong = entry["producer"], []
    headings = headings_of(source.blocks)
    found = {norm_heading(inline_text(h.children)) for h in headings}
    expected = [norm_heading(h) for h in entry["headings"]]
    missed = [h for h in expected if h not in found]
    tally.add(p, "headings", len(expected) - len(missed), len(expected))
    allowed = (
        set(expected)
        | {norm_heading(h) for h in entry["allowed_headings"]}
        | {norm_heading(entry["title"])}
    )
    false = [
        inline_text(h.children)
        for h in headings  # an {appendix=true} heading
        if norm_heading(inline_text(h.children)) not in allowed  # marks kept, quoted
        and not getattr(h, "appendix", False)
    ]  # text: no false heading
    tally.add(p, "false headings", len(false), 1)
    want = {t for s in entry["sections"] for t in s["topics"]}
    got = {t for h in headings for t in topics_of(h)}
    tally.add(p, "topics P", len(want & got), len(got))
    tally.add(p, "topics R", len(want & got), len(want))
    triples = {(t, s["stance"]) for s in entry["sections"] for t in s["topics"] if s["stance"]}
    have = {(t, h.stance) for h in headings for t in topics_of(h)}
    tally.add(p, "stances", len(triples & have), len(triples))
    if missed:
        wrong.append(f"headings missed {missed}")
    if false:
        wrong.append(f"false headings {false}")
    if want != got:
        wrong.append(f"topics {sorted(got)} (want {sorted(want)})")
    if triples - have:
        wrong.append(f"stances missed {sorted(triples - have)}")
    return wrong


def _score_text(entry, source, md_path, tally) -> list[str]:
    p, wrong = entry["producer"], []
    body = markdown_body(md_path)
    # a footnote's text (a URL at the page foot) belongs in the footnote, not in the text
    flat = squeeze(FOOTNOTE_DEFINITION.sub("", body).replace("**", "").replace("\\", ""))
    outside = squeeze(unquoted_body(body).replace("**", "").replace("\\", ""))
    dirt = [f for f in entry["forbidden"] if squeeze(f) in flat]
    dirt += [f for f in entry["quoted"] if squeeze(f) in outside]
    dirt += PAGE_OF.findall(flat) + LIGATURE.findall(flat)
    dirt += [
        inline_text(h.children)
        for h in headings_of(source.blocks)
        if GLYPHS_ONLY.match(inline_text(h.children))
    ]
    tally.add(p, "body clean", int(not dirt))
    if dirt:
        wrong.append(f"debris {dirt[:4]}")
    leaves = leaf_texts(source.blocks)
    notes = [" ".join(leaf_texts(f.blocks)) for f in source.body.footnotes]
    words = Counter(WORD.findall(" ".join(leaves + notes).casefold()))
    need = Counter(WORD.findall(" ".join(entry["required"]).casefold()))
    kept = sum(min(c, words[w]) for w, c in need.items())
    tally.add(p, "words kept", kept, sum(need.values()))
    whole = [s for s in entry["required"] if any(squeeze(s) in leaf for leaf in leaves)]
    tally.add(p, "sentences", len(whole), len(entry["required"]))
    if len(whole) < len(entry["required"]):
        wrong.append(f"{len(entry['required']) - len(whole)} sentence(s) not whole")
    if entry["footnotes"]:
        ok = sum(any(squeeze(f) in note for note in notes) for f in entry["footnotes"])
        tally.add(p, "footnotes", ok, len(entry["footnotes"]))
    if entry["tracked_authors"]:
        front = md_path.read_text(encoding="utf-8")[: len(md_path.read_text()) - len(body)]
        struck = squeeze(body)
        ok = all(a in front for a in entry["tracked_authors"]) and all(
            f"~~{squeeze(d)}~~" in struck for d in entry["deleted"]
        )
        tally.add(p, "tracked", int(ok))
    return wrong


def crashed(entry: dict, tally: Tally) -> None:
    """A letter that did not import: every expected item is missed."""
    p = entry["producer"]
    tally.add(p, "crashes", 1, 0)
    for measure in ("sender", "date", "body clean", "no remarks"):
        tally.add(p, measure, 0)
    if entry["signatory"]:
        tally.add(p, "signatory", 0)
    if entry["recipient"]:
        tally.add(p, "recipient", 0)
    tally.add(p, "headings", 0, len(entry["headings"]))
    tally.add(p, "false headings", 0, 1)
    want = {t for s in entry["sections"] for t in s["topics"]}
    tally.add(p, "topics R", 0, len(want))
    tally.add(p, "stances", 0, sum(len(s["topics"]) for s in entry["sections"] if s["stance"]))
    words = len(WORD.findall(" ".join(entry["required"])))
    tally.add(p, "words kept", 0, words)
    tally.add(p, "sentences", 0, len(entry["required"]))
    if entry["footnotes"]:
        tally.add(p, "footnotes", 0, len(entry["footnotes"]))
    if entry["tracked_authors"]:
        tally.add(p, "tracked", 0)


def groups(entries: list[dict]) -> list[list[dict]]:
    """Letters imported together: the files one sender sent at once, else one by one."""
    together: dict[str, list[dict]] = {}
    for entry in entries:
        together.setdefault(entry["group"] or entry["file"], []).append(entry)
    return list(together.values())


def run_corpus(split: str, verbose: bool, corpus: Path = CORPUS) -> Tally:
    """Import the letters of ``split`` and score them; a letter whose import raises or fails
    is counted as a crash, and the run goes on."""
    import hoering
    from hoering.sources import load_source

    key = json.loads((corpus / "key.json").read_text(encoding="utf-8"))
    entries = [e for e in key["letters"] if split == "all" or e["split"] == split]
    tally = Tally()
    config = hoering.load_config(REPO)
    with tempfile.TemporaryDirectory() as folder:
        hearing = Path(folder) / "hearing"
        for batch in groups(entries):
            shutil.rmtree(hearing, ignore_errors=True)
            shutil.copytree(corpus / "hearing", hearing)
            for entry in batch:
                tally.add(entry["producer"], "files", 1, 0)
            paths = [corpus / "files" / e["file"] for e in batch]
            try:
                report = hoering.import_files(paths, hearing, config=config)
            except Exception as exc:  # a crash is what we count, not what stops us
                report, error = None, f"{type(exc).__name__}: {exc}"
            written = {i.original.name: i.path for i in report.imported} if report else {}
            for entry in batch:
                md = written.get(entry["file"])
                if md is None:
                    crashed(entry, tally)
                    why = (
                        error
                        if report is None
                        else next(
                            (str(e) for path, e in report.failed if path.name == entry["file"]),
                            "not imported",
                        )
                    )
                    if verbose:
                        print(f"{entry['file']}: CRASH {why.splitlines()[0][:150]}")
                    continue
                try:
                    wrong = score(entry, load_source(md), md, tally)
                except Exception as exc:
                    crashed(entry, tally)
                    wrong = [f"written source unreadable: {type(exc).__name__}: {exc}"]
                if verbose and wrong:
                    print(f"{entry['file']}: " + "; ".join(wrong))
    return tally


ROWS = [
    ("files", "count"),
    ("crashes", "count"),
    ("sender", "%"),
    ("date", "%"),
    ("signatory", "%"),
    ("recipient", "%"),
    ("no remarks", "%"),
    ("headings", "recall"),
    ("false headings", "per letter"),
    ("topics P", "ratio"),
    ("topics R", "ratio"),
    ("stances", "%"),
    ("body clean", "%"),
    ("words kept", "%"),
    ("sentences", "%"),
    ("footnotes", "%"),
    ("tracked", "%"),
]


def cell(counts: Counter, measure: str, kind: str) -> str:
    right, of = counts[measure], counts[measure + " of"]
    if kind == "count":
        return str(int(right))
    if kind == "per letter":
        return f"{right / of:.2f}" if of else "-"
    if not of:
        return "-"
    if kind == "ratio":
        return f"{right / of:.2f}"
    return f"{100 * right / of:.0f}%" + (f" {int(right)}/{int(of)}" if of < 1000 else "")


def print_table(tally: Tally, title: str) -> None:
    producers = [p for p in PRODUCERS if p in tally.counts]
    total = Counter()
    for p in producers:
        total.update(tally.counts[p])
    columns = producers + ["all"]
    print(title)
    print(f"{'':<15}" + "".join(f"{c:>15}" for c in columns))
    for measure, kind in ROWS:
        cells = [cell(tally.counts[p], measure, kind) for p in producers]
        cells.append(cell(total, measure, kind))
        print(f"{measure:<15}" + "".join(f"{c:>15}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=["tune", "test", "unseen", "all"],
        default="test",
        help="which part of the corpus (default: test, the held-out half; "
        "unseen: layouts neither half has)",
    )
    parser.add_argument(
        "--own",
        type=int,
        default=0,
        metavar="N",
        help="also measure N letters of our own renderer and python-docx",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="list what was wrong in each letter (do not read it for the test split while tuning)",
    )
    args = parser.parse_args()
    tally = run_corpus(args.split, args.verbose)
    print_table(tally, f"Import corpus, split {args.split} ({CORPUS.relative_to(REPO)}):")
    if args.own:
        from import_accuracy_own import own_renderer

        print()
        own_renderer(args.own)


if __name__ == "__main__":
    main()
