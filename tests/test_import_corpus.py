"""The import corpus (tests/fixtures/import/corpus) agrees with its answer key.

Not a test of import accuracy (benchmarks/import_accuracy.py measures that): these check that
every file has one key entry, that the split is by letter and balanced, that the held-out half
is worded differently from the tuning half, that the key is consistent with the hearing and
with itself, and that each file holds the letter its key describes.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import json
import re
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from hoering.hearing import load_hearing

CORPUS = Path(__file__).parent / "fixtures" / "import" / "corpus"
KEY = json.loads((CORPUS / "key.json").read_text(encoding="utf-8"))["letters"]
FIELDS = {
    "file",
    "producer",
    "layout",
    "features",
    "split",
    "group",
    "sender",
    "recipient",
    "date",
    "signatory",
    "title",
    "case_number",
    "headings",
    "allowed_headings",
    "sections",
    "no_remarks",
    "required",
    "forbidden",
    "quoted",
    "footnotes",
    "tracked_authors",
    "deleted",
}


def test_every_file_has_one_key_entry_and_every_entry_a_file():
    files = sorted(p.name for p in (CORPUS / "files").iterdir())
    keyed = [entry["file"] for entry in KEY]
    assert sorted(keyed) == files
    assert len(set(keyed)) == len(keyed)
    assert all(set(entry) == FIELDS for entry in KEY)


def test_corpus_has_four_producers_and_dozens_of_letters():
    producers = Counter(entry["producer"] for entry in KEY)
    assert set(producers) == {"reportlab", "libreoffice", "typst", "docx", "eml"}
    assert min(n for p, n in producers.items() if p != "eml") >= 10
    assert len(KEY) >= 60


def test_split_is_by_letter_and_balanced_per_producer_and_layout():
    assert {entry["split"] for entry in KEY} == {"tune", "test", "unseen"}
    halves = Counter(entry["split"] for entry in KEY)
    assert halves["tune"] == halves["test"]
    for producer in {entry["producer"] for entry in KEY}:
        own = Counter(e["split"] for e in KEY if e["producer"] == producer)
        assert abs(own["tune"] - own["test"]) <= 1, producer
    letters_per_layout = Counter(
        (e["layout"], e["split"]) for e in KEY if not e["group"] and e["split"] != "unseen"
    )
    unseen = {(e["producer"], e["layout"]) for e in KEY if e["split"] == "unseen"}
    assert unseen and not unseen & {
        (e["producer"], e["layout"]) for e in KEY if e["split"] != "unseen"
    }
    for (layout, split), count in letters_per_layout.items():
        other = "test" if split == "tune" else "tune"
        assert letters_per_layout[layout, other] == count, layout
    for group in {e["group"] for e in KEY if e["group"]}:  # files sent together stay together
        assert len({e["split"] for e in KEY if e["group"] == group}) == 1


def test_held_out_half_is_worded_differently():
    def sentences(split):
        return {
            s
            for e in KEY
            if e["split"] == split
            for text in e["required"]
            for s in re.split(r"(?<=[.:])\s+", text)
        }

    assert not sentences("tune") & (sentences("test") | sentences("unseen"))


def test_key_agrees_with_the_corpus_hearing():
    hearing = load_hearing(CORPUS / "hearing").meta
    consulted = {party.name for party in hearing.consulted}
    topics = {topic.id for topic in hearing.topics}
    assert hearing.authority == "region-hovedstaden"
    for entry in KEY:  # null: nothing in the letter says who sent it; a citizen is not consulted
        known = entry["sender"] is None or "citizen" in entry["features"]
        assert known or entry["sender"] in consulted, entry["file"]
        assert entry["sender"] != "Region Hovedstaden"
        for section in entry["sections"]:
            assert set(section["topics"]) <= topics, entry["file"]
            assert section["stance"] in (None, "positive", "concern", "proposal")
        if entry["no_remarks"]:
            assert not entry["sections"] and not entry["headings"], entry["file"]


def test_layouts_of_real_documents_are_in_both_halves():
    """The layouts added for issue 19 (what real documents have): each in the tuning and the
    held-out half, and the truths they test (no date, no knowable sender) in the key."""
    new = [e for e in KEY if "added-issue-19" in e["features"]]
    for feature in (
        "ft-archive-stamp",
        "sidebar-before-body",
        "date-in-right-margin-every-page",
        "recipient-window-authority",
        "sender-only-in-takker-for",
        "sender-only-in-har-bemaerkninger",
        "no-date-line",
        "web-form-printout",
        "danish-header-english-thread",
        "sender-in-capitals",
        "numbered-headings-3-levels",
    ):
        assert {e["split"] for e in new if feature in e["features"]} >= {"tune", "test"}, feature
    undated = [e for e in new if "no-date-line" in e["features"]]
    assert undated and all(e["date"] is None for e in undated)
    assert [e["sender"] for e in new if "no-sender" in e["features"]] == [None, None]
    assert {e["split"] for e in new} == {"tune", "test", "unseen"}


def test_forbidden_strings_are_not_the_respondents_words():
    for entry in KEY:
        said = " ".join(entry["required"] + entry["headings"])
        for text in entry["forbidden"] + entry["quoted"]:
            assert text not in said, (entry["file"], text)


MARGIN_FURNITURE = {"date-in-right-margin-every-page", "date-beside-page-n-of-m"}


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).casefold()


def _text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".eml":  # the letter is the attachment
        message = email.message_from_bytes(data, policy=email.policy.default)
        data = next(message.iter_attachments()).get_content()
    if data.startswith(b"%PDF"):
        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
    return " ".join(re.findall(r"<w:(?:t|delText)(?: [^>]*)?>([^<]*)<", xml))


@pytest.mark.parametrize("entry", KEY, ids=[e["file"] for e in KEY])
def test_each_file_holds_the_letter_of_its_key(entry):
    path = CORPUS / "files" / entry["file"]
    assert path.stat().st_size < 120_000
    squash = _squash
    if entry["footnotes"]:  # the text has the footnote markers (digits) in the sentence

        def squash(text):
            return re.sub(r"\d", "", _squash(text))

    text = squash(_text(path))
    if MARGIN_FURNITURE & set(entry["features"]):
        # the date beside "Side N af M" in the margin comes between two pages and splits a
        # sentence in the file's text; taking it out is the importer's job, so here it goes
        from babel.dates import format_date

        printed = format_date(dt.date.fromisoformat(entry["date"]), "long", locale="da_DK")
        text = re.sub(r"side\d+af\d+", "", text.replace(squash(printed), ""))
    for sentence in entry["required"] + entry["headings"]:
        assert squash(sentence) in text, sentence


def test_corpus_stays_small():
    assert sum(p.stat().st_size for p in (CORPUS / "files").iterdir()) < 4_000_000


def test_accuracy_script_counts_a_letter_that_does_not_import_and_goes_on(tmp_path):
    """benchmarks/import_accuracy.py must survive a file import refuses: it is a crash."""
    import shutil
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    import import_accuracy

    good = next(e for e in KEY if e["file"] == "do-no-remarks-1.docx")
    broken = dict(good, file="broken.docx", producer="docx")
    shutil.copytree(CORPUS / "hearing", tmp_path / "hearing")
    (tmp_path / "files").mkdir()
    shutil.copy(CORPUS / "files" / good["file"], tmp_path / "files" / good["file"])
    (tmp_path / "files" / "broken.docx").write_bytes(b"PK\x03\x04 not a zip at all")
    (tmp_path / "key.json").write_text(json.dumps({"letters": [good, broken]}), encoding="utf-8")

    run = import_accuracy.run_corpus("all", verbose=False, corpus=tmp_path)

    counts = run.tally.counts["docx"]
    assert (counts["files of"], counts["crashes"]) == (0, 1)
    assert (counts["files"], counts["sender of"]) == (2, 2)  # both letters are scored
    assert run.judged.counts("sender")["docx"] == {"right": 1, "wrong": 1}
    assert import_accuracy.norm_heading("6. Vedr. udskrivningsmentor:") == "udskrivningsmentor"


def _benchmark_module(name):
    import importlib
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    return importlib.import_module(name)


def test_accuracy_reads_an_empty_field_as_an_abstention_and_judges_a_date_null_key():
    fields = _benchmark_module("accuracy_fields")
    written = fields.written_fields(
        {
            "sender": "",
            "date": "2019-06-11",
            "signature": {"signatories": [{"name": "Hanne Krogh"}]},
            "guessed": {
                "sender": {"confidence": 0.1, "unknown": True},
                "date": {"confidence": 0.85},
                "signatory": {"confidence": 0.75},
            },
        }
    )
    assert written["sender"].value is None and written["recipient"].value is None
    assert (written["date"].value, written["date"].confidence) == ("2019-06-11", 0.85)

    def equal(want, got):
        return want == got

    assert fields.judge("Glostrup Kommune", written["sender"], equal) == "abstained"
    assert fields.judge(None, written["date"], equal) == "wrong"  # a date invented
    assert fields.judge(None, written["sender"], equal) == "right"  # nothing to know, none said
    judged = fields.Judged()
    judged.add("date", "typst", "wrong", written["date"])
    judged.add("date", "typst", "abstained", fields.Written(None, None))
    assert judged.sure_wrong("date") == (1, 1)  # an abstention is not a guess
    assert ("0.8-0.9", 1, 0) in judged.calibration("date")


def test_accuracy_matches_a_real_sender_by_its_name_or_alias():
    real = _benchmark_module("accuracy_realdocs")
    assert real.sender_names("DI (Dansk Industri)") == ["DI", "Dansk Industri"]
    assert real.sender_names("Børnehuset Bryggen (parents)") == ["Børnehuset Bryggen"]
    assert real.same_sender("DI (Dansk Industri)", "Dansk  Industri")
    assert real.same_sender("Jens Holm (citizen)", "Jens Peter Holm")  # a middle name
    assert not real.same_sender("Jens Holm (citizen)", "Offentligt")
    assert not real.same_sender("Glostrup Kommune", "Glostrup Kommune takker")
    assert real.same_people(["Jens Holm", "Anna Berg"], ["anna berg", "Jens Holm"])


def test_accuracy_splits_real_documents_by_a_fixed_rule_on_the_file_name():
    """Each real document is in one half by the SHA-256 of its file name (folders ignored), so
    the held-back half is the same in every run and for every helper."""
    real = _benchmark_module("accuracy_realdocs")
    assert real.half_of("ft-pages/brev.pdf") == real.half_of("brev.pdf")
    halves = {real.half_of(f"brev-{n}.pdf") for n in range(20)}
    assert halves == {"tune", "test"}
    assert real.half_of("a.pdf") == "test" and real.half_of("b.pdf") == "tune"


def test_accuracy_imports_real_documents_into_a_hearing_that_loads(tmp_path):
    """The generic hearing the real documents are imported into is a valid hearing.yaml with a
    høringsliste and no topics; without a key.yaml the folder is not used."""
    real = _benchmark_module("accuracy_realdocs")
    (tmp_path / "hearing.yaml").write_text(real.hearing_yaml(), encoding="utf-8")
    meta = load_hearing(tmp_path).meta
    names = {party.name for party in meta.consulted}
    assert meta.topics == [] and len(names) == len(real.CONSULTED) >= 40
    assert {"KL", "DI", "Danske Regioner"} <= names and meta.authority == "region-hovedstaden"
    assert real.find_realdocs(tmp_path, tmp_path) is None  # no key.yaml there
    (tmp_path / "key.yaml").write_text("files: []\n", encoding="utf-8")
    assert real.find_realdocs(tmp_path.parent, tmp_path) == tmp_path


def test_accuracy_scores_a_folder_of_documents_with_a_key(tmp_path):
    """run_realdocs on a folder laid out like ../shared/realdocs, made of one corpus letter."""
    real = _benchmark_module("accuracy_realdocs")
    entry = next(e for e in KEY if e["file"] == "do-no-remarks-1.docx")
    (tmp_path / "web-pages").mkdir()
    (tmp_path / "web-pages" / "letter.docx").write_bytes(
        (CORPUS / "files" / entry["file"]).read_bytes()
    )
    key = {
        "files": [
            {
                "file": "web-pages/letter.docx",
                "sender": f"{entry['sender']} (a municipality)",
                "date": None,  # the letter has a date: writing it is wrong here
                "signatory": [entry["signatory"]],
                "headings": [],
                "phrases": entry["required"],
                "debris": ["Tekst der ikke findes i brevet"],
            }
        ]
    }
    (tmp_path / "key.yaml").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")

    run = real.run_realdocs(tmp_path)

    counts = run.tally.counts["web-pages"]
    assert (counts["files"], counts["crashes"], counts["phrases kept of"]) == (1, 0, 1)
    assert (counts["phrases kept"], counts["debris removed"]) == (1, 1)
    assert run.judged.counts("sender")["web-pages"] == {"right": 1}
    assert run.judged.counts("date")["web-pages"] == {"wrong": 1}
    assert run.judged.invented("date") == 1
