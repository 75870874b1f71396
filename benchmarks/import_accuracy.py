"""Accuracy of ``hoering import`` on the import corpus (issue 10), per producer and overall.

The corpus (tests/fixtures/import/corpus, made by benchmarks/make_import_corpus.py) holds
letters from four producers (reportlab, libreoffice, typst, docx), e-mails saved as .eml with
the letter attached (eml), and an answer key. Each
letter is imported with ``hoering.import_files`` into a temporary copy of the corpus hearing
(the files of one sender sent together are imported in one call, as a user would), the written
source is read back with ``load_source``, and compared with the key:

files        letters of the split (``--split tune|test|unseen|all``; default test, the held-out
             half; unseen: a few letters in layouts that neither half has); ``--feature NAME``
             keeps the letters whose key lists that feature (``added-issue-19``: the layouts
             of real documents added in issue 19).
crashes      letters whose import raised or was reported failed. A crashed letter counts as
             wrong in every measure below (its expected items are all missed).
sender, date, signatory, recipient
             the guessed fields, each judged right, wrong or abstained (accuracy_fields: an
             empty or missing value, or one marked unknown, is an abstention; where the key
             says there is none — no date line, an unsigned letter — only writing nothing is
             right). sender: the consulted party's name; date: the letter's date (not the
             deadline, not a stamp); signatory: the first signatory's name; recipient: the
             first line of the recipient block (an e-mail without a keyed recipient is not
             judged: its To header is not in the key). Printed as share right and
             right/wrong/abstained per producer, then a calibration table per field:
             confidence bucket → guesses and share right, and "wrong at >= 0.8: k of n".
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
debris rem.  the key's forbidden and quoted strings not found where they must not be, over
             all of them (body clean counts letters, this counts strings).
phrases kept the respondent's sentences (the key's "required") found in the body's text,
             blocks joined (a sentence split across two paragraphs still counts here).
words kept   words of the respondent's sentences (the key's "required") found in the body,
             counted as a multiset, over all words.
sentences    required sentences found whole inside one block (not split across paragraphs).
footnotes    expected footnote texts (PDF footnotes, Word comments) found in a footnote.
tracked      letters with tracked changes whose authors are all named in the front matter
             and whose deletions are kept as ~~...~~.
ledger       words import could not account for (issue 19), when the import exposes the
             count (on the report's entry or in the front matter); else "not available".

Real documents: when ``../shared/realdocs`` (beside the repository, else
/work/shared/realdocs, or ``--realdocs PATH``) has a key.yaml, its files are scored too, the
tuning half and the held-back half apart and then together (accuracy_realdocs.half_of: a rule
on the file name fixed before tuning; ``-v`` lists the tuning half's failures only), per
producer group (ft-pages, blivhoert, docplayer, web-pages): sender, date and signatory
right/wrong/abstained with calibration, headings recall, false headings per document, phrases
kept and debris removed (see accuracy_realdocs for the hearing they are imported into and how
each is judged). Otherwise one line says they were not found. ``--json`` prints every figure
as JSON.

``--own N`` adds the old measurement on letters made by our own renderer and python-docx
(tests/import_fixtures.py), whose truth is per heading, as a separate section.

Run:  python benchmarks/import_accuracy.py [--split tune|test|unseen|all] [--feature NAME]
      [--realdocs PATH] [--json] [--own N] [-v]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "src"), str(REPO / "tests")]
CORPUS = REPO / "tests" / "fixtures" / "import" / "corpus"
PRODUCERS = ["reportlab", "libreoffice", "typst", "docx", "eml"]

from accuracy_fields import (  # noqa: E402
    Written,
    judge,
    ledger_count,
    read_front_matter,
    written_fields,
)
from accuracy_report import Run, as_json, merged, print_run  # noqa: E402
from accuracy_text import (  # noqa: E402
    FOOTNOTE_DEFINITION,
    GLYPHS_ONLY,
    LIGATURE,
    PAGE_OF,
    WORD,
    headings_of,
    inline_text,
    leaf_texts,
    markdown_body,
    norm_heading,
    squeeze,
    topics_of,
    unquoted_body,
)


def _corpus_rules(entry: dict) -> dict:
    """field → (expected value or None, how a written value is compared with it). An e-mail
    without a keyed recipient is not judged on it: its To header is a recipient the key does
    not record."""
    recipient = entry["recipient"][0] if entry["recipient"] else None
    rules = {
        "sender": (entry["sender"], lambda want, got: got == want),
        "date": (entry["date"], lambda want, got: str(got) == want),
        "signatory": (entry["signatory"], lambda want, got: got[0] == want),
        "recipient": (recipient, lambda want, got: got == want),
    }
    if recipient is None and ("email-printed" in entry["features"] or "eml" in entry["features"]):
        del rules["recipient"]
    return rules


def score(entry: dict, source, md_path: Path, run: Run, metadata) -> list[str]:
    """Compare one imported source with its key entry; return what was wrong (for -v)."""
    p, wrong = entry["producer"], []
    written = written_fields(metadata)
    for name, (expected, same) in _corpus_rules(entry).items():
        state = judge(expected, written[name], same)
        run.judged.add(name, p, state, written[name], expected)
        run.tally.add(p, name, int(state == "right"))
        if state != "right":
            wrong.append(f"{name} {state}: {written[name].value!r} ({written[name].confidence})")
    got = bool(getattr(source.meta, "no_remarks", False))
    run.tally.add(p, "no remarks", int(got == entry["no_remarks"]))
    if got != entry["no_remarks"]:
        wrong.append(f"no_remarks {got}")
    wrong += _score_structure(entry, source, run.tally)
    wrong += _score_text(entry, source, md_path, run.tally)
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
    strings = len(entry["forbidden"]) + len(entry["quoted"])
    left = sum(squeeze(f) in flat for f in entry["forbidden"])
    left += sum(squeeze(f) in outside for f in entry["quoted"])
    tally.add(p, "debris removed", strings - left, strings)
    if dirt:
        wrong.append(f"debris {dirt[:4]}")
    leaves = leaf_texts(source.blocks)
    notes = [" ".join(leaf_texts(f.blocks)) for f in source.body.footnotes]
    words = Counter(WORD.findall(" ".join(leaves + notes).casefold()))
    need = Counter(WORD.findall(" ".join(entry["required"]).casefold()))
    kept = sum(min(c, words[w]) for w, c in need.items())
    tally.add(p, "words kept", kept, sum(need.values()))
    joined = " ".join(leaves)
    kept_phrases = sum(squeeze(s) in joined for s in entry["required"])
    tally.add(p, "phrases kept", kept_phrases, len(entry["required"]))
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


def crashed(entry: dict, run: Run) -> None:
    """A letter that did not import: every expected item is missed."""
    p, tally = entry["producer"], run.tally
    tally.add(p, "crashes", 1, 0)
    for name in _corpus_rules(entry):
        tally.add(p, name, 0)
        run.judged.add(name, p, "wrong", Written(None, None))
    for measure in ("body clean", "no remarks"):
        tally.add(p, measure, 0)
    tally.add(p, "headings", 0, len(entry["headings"]))
    tally.add(p, "false headings", 0, 1)
    want = {t for s in entry["sections"] for t in s["topics"]}
    tally.add(p, "topics R", 0, len(want))
    tally.add(p, "stances", 0, sum(len(s["topics"]) for s in entry["sections"] if s["stance"]))
    words = len(WORD.findall(" ".join(entry["required"])))
    tally.add(p, "words kept", 0, words)
    tally.add(p, "sentences", 0, len(entry["required"]))
    tally.add(p, "phrases kept", 0, len(entry["required"]))
    tally.add(p, "debris removed", 0, len(entry["forbidden"]) + len(entry["quoted"]))
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


def run_corpus(split: str, verbose: bool, corpus: Path = CORPUS, feature: str | None = None) -> Run:
    """Import the letters of ``split`` (with ``feature``, if given) and score them; a letter
    whose import raises or fails is counted as a crash, and the run goes on."""
    import hoering

    key = json.loads((corpus / "key.json").read_text(encoding="utf-8"))
    entries = [
        e
        for e in key["letters"]
        if (split == "all" or e["split"] == split) and (not feature or feature in e["features"])
    ]
    run = Run()
    config = hoering.load_config(REPO)
    with tempfile.TemporaryDirectory() as folder:
        hearing = Path(folder) / "hearing"
        for batch in groups(entries):
            shutil.rmtree(hearing, ignore_errors=True)
            shutil.copytree(corpus / "hearing", hearing)
            for entry in batch:
                run.tally.add(entry["producer"], "files", 1, 0)
            paths = [corpus / "files" / e["file"] for e in batch]
            try:
                report, error = hoering.import_files(paths, hearing, config=config), ""
            except Exception as exc:  # a crash is what we count, not what stops us
                report, error = None, f"{type(exc).__name__}: {exc}"
            for entry in batch:
                wrong = _score_imported(entry, report, error, run)
                if verbose and wrong:
                    print(f"{entry['file']}: " + "; ".join(wrong))
    return run


def _score_imported(entry: dict, report, error: str, run: Run) -> list[str]:
    """Score one letter of a batch from the batch's import report (None: the call raised)."""
    from hoering.sources import load_source

    imported = next(
        (i for i in (report.imported if report else []) if i.original.name == entry["file"]),
        None,
    )
    if imported is None:
        crashed(entry, run)
        why = error or next(
            (str(e) for path, e in report.failed if path.name == entry["file"]), "not imported"
        )
        return [f"CRASH {why.splitlines()[0][:150]}"]
    metadata = read_front_matter(imported.path)
    run.ledger.add(entry["producer"], ledger_count(imported, metadata))
    try:
        return score(entry, load_source(imported.path), imported.path, run, metadata)
    except Exception as exc:
        crashed(entry, run)
        return [f"written source unreadable: {type(exc).__name__}: {exc}"]


def main() -> None:
    from accuracy_realdocs import find_realdocs

    args = _arguments()
    run = run_corpus(args.split, args.verbose and not args.json, feature=args.feature)
    realdocs = find_realdocs(REPO, args.realdocs)
    halves = _real_halves(realdocs, args.verbose and not args.json) if realdocs else None
    if args.json:
        report = {"corpus": {"split": args.split, **as_json(run)}}
        report["realdocs"] = (
            {"folder": str(realdocs), **{h: as_json(r) for h, r in halves.items()}}
            if halves
            else None
        )
        print(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True))
        return
    which = f"split {args.split}" + (f", letters with {args.feature}" if args.feature else "")
    if run.tally.counts:
        print_run(run, f"Import corpus, {which} ({CORPUS.relative_to(REPO)}):", PRODUCERS)
    else:
        print(f"Import corpus, {which}: no letters (features are listed in the key's entries)")
    print()
    if halves is None:
        where = args.realdocs or "../shared/realdocs, /work/shared/realdocs"
        print(f"Real documents: not scored, no key.yaml found in {where}")
    else:
        _print_real(realdocs, halves)
    if args.own:
        from import_accuracy_own import own_renderer

        print()
        own_renderer(args.own)


def _real_halves(realdocs: Path, verbose: bool) -> dict:
    """The real documents scored per half (tune, test) and both together; -v lists the tuning
    half's failures only: the held-back half is measured, never looked into."""
    from accuracy_realdocs import run_realdocs

    tune = run_realdocs(realdocs, verbose, "tune")
    test = run_realdocs(realdocs, False, "test")
    return {"tune": tune, "test": test, "all": merged([tune, test])}


def _print_real(realdocs: Path, halves: dict) -> None:
    from accuracy_realdocs import GROUPS, REAL_ROWS

    titles = {
        "tune": "tuning half",
        "test": "held-back half (never tuned on)",
        "all": "both halves",
    }
    for half, real in halves.items():
        print_run(real, f"Real documents, {titles[half]} ({realdocs}):", GROUPS, REAL_ROWS)
        print()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=["tune", "test", "unseen", "all"],
        default="test",
        help="which part of the corpus (default: test, the held-out half; "
        "unseen: layouts neither half has)",
    )
    parser.add_argument(
        "--realdocs",
        type=Path,
        metavar="PATH",
        help="folder of real documents with key.yaml (default: ../shared/realdocs beside "
        "the repository, else /work/shared/realdocs)",
    )
    parser.add_argument(
        "--feature",
        metavar="NAME",
        help="only the corpus letters with this feature in the key, e.g. added-issue-19 "
        "(the layouts of real documents added in issue 19)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
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
    return parser.parse_args()


if __name__ == "__main__":
    main()
