"""Import accuracy on real documents: ``../shared/realdocs`` (issue 19).

Real, public Danish texts set in plain layouts, with ``key.yaml`` saying per file what import
should find. They are not ours: they are read where they lie and never copied into the
repository. Where the folder is: ``--realdocs PATH``, else ``<repo>/../shared/realdocs``
(the repository is /work/main or a worktree beside it), else ``/work/shared/realdocs``.

**The hearing.** Each file is imported alone into a fresh copy of one generic hearing written
here: no topics (the files answer different hearings), the authority Region Hovedstaden (the
project's one organisation profile; none of the files is addressed to it, so the recipient
block is found without the authority's help), a deadline none of the files carries (so a date
taken from the hearing is never right by chance), and a høringsliste of 50 parties as a
national hearing would consult: ministries, agencies, municipalities, regions and
organisations. The list includes the organisations among the key's senders (KL, DI, Danske
Regioner, Københavns Kommune, Danske Ældreråd, and the two ministries whose notater are here:
ministries consult each other) with their usual aliases, because a real høringsliste would
have them and import is meant to use it. It does not include the private persons and the
parents' group, who answered uninvited through a portal: their names must come from the text.

**Judging** (fields as in accuracy_fields):

sender      right when the written sender equals the key's name (the text before a
            parenthesis: "DI (Dansk Industri)" → "DI"), or the parenthesis when it is a name
            ("Dansk Industri"), after NFKC, case and spacing are folded; a person's name also
            matches with one more word inside it ("Morten Klöcker Grønbæk" for "Morten
            Grønbæk"; not "Morten Grønbæk skriver").
date        equal; a key date null is right only when import wrote no date.
signatory   the written signatories' names equal the key's list (as sets); an empty list is
            right only when import wrote none.
headings    recall of the key's headings among the imported headings and the title (compared
            as the corpus compares them: numbering, "Vedr.", colon, case and spacing dropped);
            false headings = imported headings that are not in the key, per document.
phrases     kept when found in the text of the body (blocks joined, whitespace collapsed,
            NFKC).
debris      removed when not found in the body or the title (NFKC, whitespace collapsed,
            case kept: "Offentligt" is the stamp, "offentligt" a word).

**Halves.** Measure where you did not tune: each file belongs to one half by a rule fixed before
anyone looked at its result (``half_of``: the first byte of the SHA-256 of its file name, even
→ "tune", odd → "test", the held-back half). Improve import by the tuning half's failures only
(``-v`` lists those, never the held-back half's) and report both halves apart.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import unicodedata
from pathlib import Path

from accuracy_fields import Judged, judge, ledger_count, normal, read_front_matter
from accuracy_report import Run
from accuracy_text import Tally, headings_of, inline_text, leaf_texts, markdown_body, norm_heading

GROUPS = ["ft-pages", "blivhoert", "docplayer", "web-pages"]
CONSULTED = [
    ("Digitaliseringsministeriet", []),
    ("Ældreministeriet", []),
    ("Indenrigs- og Sundhedsministeriet", []),
    ("Transportministeriet", []),
    ("Finansministeriet", []),
    ("Justitsministeriet", []),
    ("Beskæftigelsesministeriet", []),
    ("Social- og Boligministeriet", []),
    ("Miljøministeriet", []),
    ("Erhvervsministeriet", []),
    ("Skatteministeriet", []),
    ("Sundhedsstyrelsen", []),
    ("Styrelsen for Patientsikkerhed", []),
    ("Ankestyrelsen", []),
    ("Datatilsynet", []),
    ("Digitaliseringsstyrelsen", []),
    ("Miljøstyrelsen", []),
    ("Vejdirektoratet", []),
    ("KL", ["Kommunernes Landsforening"]),
    ("Danske Regioner", []),
    ("Region Midtjylland", []),
    ("Region Syddanmark", []),
    ("Region Nordjylland", []),
    ("Region Sjælland", []),
    ("Københavns Kommune", []),
    ("Aarhus Kommune", []),
    ("Odense Kommune", []),
    ("Aalborg Kommune", []),
    ("Frederiksberg Kommune", []),
    ("DI", ["Dansk Industri"]),
    ("Dansk Erhverv", []),
    ("Fagbevægelsens Hovedorganisation", ["FH"]),
    ("Akademikerne", []),
    ("Danske Ældreråd", []),
    ("Ældre Sagen", []),
    ("Danske Patienter", []),
    ("Lægeforeningen", []),
    ("Dansk Sygeplejeråd", []),
    ("FOA", []),
    ("Danske Handicaporganisationer", []),
    ("Rådet for Socialt Udsatte", []),
    ("Institut for Menneskerettigheder", []),
    ("Advokatrådet", []),
    ("Danmarks Naturfredningsforening", []),
    ("Forbrugerrådet Tænk", []),
    ("Landbrug & Fødevarer", []),
    ("Dansk Affaldsforening", []),
    ("Danske Havne", []),
    ("Dansk Arbejdsgiverforening", ["DA"]),
    ("Danmarks Statistik", []),
]


def hearing_yaml() -> str:
    lines = [
        "# Written by benchmarks/accuracy_realdocs.py: a generic hearing for real documents.",
        "id: realdocs",
        "title: Generisk høring til måling af import",
        "authority: region-hovedstaden",
        "draft:",
        "  name: Udkast (generisk)",
        "period:",
        "  start: 2026-01-05",
        "  end: 2026-02-02",
        "deadline: 2026-02-02",
        "consulted:",
    ]
    for name, aliases in CONSULTED:
        lines.append(f'  - name: "{name}"')
        if aliases:
            lines.append("    aliases: [" + ", ".join(f'"{a}"' for a in aliases) + "]")
    return "\n".join(lines) + "\n"


def find_realdocs(repo: Path, given: Path | None = None) -> Path | None:
    """The realdocs folder (with key.yaml), or None."""
    beside = repo.parent / "shared" / "realdocs"
    places = [given] if given else [beside, Path("/work/shared/realdocs")]
    return next((p for p in places if p and (p / "key.yaml").is_file()), None)


def sender_names(key_sender: str | None) -> list[str]:
    """The names the key's sender goes by: "DI (Dansk Industri)" → ["DI", "Dansk Industri"];
    "Børnehuset Bryggen (parents)" → ["Børnehuset Bryggen"]."""
    if not key_sender:
        return []
    name, _, rest = key_sender.partition(" (")
    names = [name.strip()]
    inner = rest.rstrip(")").strip()
    if inner[:1].isupper():
        names.append(inner)
    return names


def same_sender(key_sender: str, written: object) -> bool:
    got = normal(written).split()
    for name in sender_names(key_sender):
        want = normal(name).split()
        if got == want or _middle_name_more(want, got):
            return True
    return False


def _middle_name_more(want: list[str], got: list[str]) -> bool:
    """``got`` is ``want`` with one more word inside it: "Morten Klöcker Grønbæk"."""
    if len(got) != len(want) + 1 or len(want) < 2:
        return False
    return any(got[:i] + got[i + 1 :] == want for i in range(1, len(got) - 1))


def same_people(key_people: list[str], written: object) -> bool:
    names = written if isinstance(written, list) else [written]
    return {normal(p) for p in key_people} == {normal(p) for p in names}


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("\u00ad", "").split())


HALVES = ("tune", "test")


def half_of(file: str) -> str:
    """The half a real document belongs to: "tune" when the first byte of the SHA-256 of its
    file name (without folders) is even, else "test" (held back)."""
    digest = hashlib.sha256(Path(file).name.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "test"


def run_realdocs(folder: Path, verbose: bool = False, half: str = "all") -> Run:
    """Import every file of the key (of ``half``: tune, test or all) into the generic hearing
    and score it."""
    from ruamel.yaml import YAML

    import hoering

    key = YAML(typ="safe").load((folder / "key.yaml").read_text(encoding="utf-8"))
    run = Run()
    config = hoering.load_config(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory() as temp:
        for entry in key["files"]:
            if half != "all" and half_of(entry["file"]) != half:
                continue
            hearing = Path(temp) / "hearing"
            shutil.rmtree(hearing, ignore_errors=True)
            hearing.mkdir()
            (hearing / "hearing.yaml").write_text(hearing_yaml(), encoding="utf-8")
            wrong = _import_one(entry, folder, hearing, config, run)
            if verbose and wrong:
                print(f"{entry['file']}: " + "; ".join(wrong))
    return run


def _import_one(entry: dict, folder: Path, hearing: Path, config, run: Run) -> list[str]:
    import hoering
    from hoering.sources import load_source

    group = entry["file"].split("/")[0]
    run.tally.add(group, "files", 1, 0)
    try:
        report = hoering.import_files([folder / entry["file"]], hearing, config=config)
        imported = report.imported[0] if report.imported else None
        why = str(report.failed[0][1]) if report.failed else "not imported"
    except Exception as exc:  # a crash is what we count, not what stops us
        imported, why = None, f"{type(exc).__name__}: {exc}"
    if imported is None:
        _crashed(entry, group, run)
        return [f"CRASH {why.splitlines()[0][:150]}"]
    metadata = read_front_matter(imported.path)
    run.ledger.add(group, ledger_count(imported, metadata))
    wrong = _score_fields(entry, group, metadata, run.judged)
    try:
        source = load_source(imported.path)
    except Exception as exc:  # scored as text lost; fields were read from the front matter
        _score_text(entry, group, [], [], markdown_body(imported.path), "", run.tally)
        return [*wrong, f"written source unreadable: {type(exc).__name__}: {exc}"]
    headings = [inline_text(h.children) for h in headings_of(source.blocks)]
    title = str(metadata.get("title") or "")
    body = markdown_body(imported.path)
    wrong += _score_text(entry, group, headings, leaf_texts(source.blocks), body, title, run.tally)
    return wrong


def _score_fields(entry: dict, group: str, metadata, judged: Judged) -> list[str]:
    from accuracy_fields import written_fields

    written = written_fields(metadata)
    rules = {
        "sender": (entry.get("sender"), same_sender),
        "date": (_iso(entry.get("date")), lambda want, got: str(got) == want),
        "signatory": (entry.get("signatory") or [], same_people),
    }
    wrong = []
    for name, (expected, same) in rules.items():
        state = judge(expected, written[name], same)
        judged.add(name, group, state, written[name], expected)
        if state != "right":
            wrong.append(f"{name} {state}: {written[name].value!r} ({written[name].confidence})")
    return wrong


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _score_text(entry, group, headings, leaves, body, title, tally: Tally) -> list[str]:
    found = {norm_heading(h) for h in headings} | {norm_heading(title)}
    expected = [norm_heading(h) for h in entry.get("headings") or []]
    missed = [h for h in expected if h not in found]
    false = [h for h in headings if norm_heading(h) not in set(expected)]
    tally.add(group, "headings", len(expected) - len(missed), len(expected))
    tally.add(group, "false headings", len(false), 1)
    text = flat(" ".join(leaves)) if leaves else flat(body.replace("**", "").replace("\\", ""))
    phrases = entry.get("phrases") or []
    lost = [p for p in phrases if flat(p) not in text]
    tally.add(group, "phrases kept", len(phrases) - len(lost), len(phrases))
    shown = flat(body) + " " + flat(title)
    debris = entry.get("debris") or []
    kept = [d for d in debris if flat(d) in shown]
    tally.add(group, "debris removed", len(debris) - len(kept), len(debris))
    wrong = []
    if missed:
        wrong.append(f"headings missed {missed}")
    if false:
        wrong.append(f"false headings {[h[:60] for h in false]}")
    if lost:
        wrong.append(f"phrases lost {[p[:50] for p in lost]}")
    if kept:
        wrong.append(f"debris kept {kept}")
    return wrong


def _crashed(entry: dict, group: str, run: Run) -> None:
    from accuracy_fields import Written

    run.tally.add(group, "crashes", 1, 0)
    for name in ("sender", "date", "signatory"):
        run.judged.add(name, group, "wrong", Written(None, None))
    run.tally.add(group, "headings", 0, len(entry.get("headings") or []))
    run.tally.add(group, "false headings", 0, 1)
    run.tally.add(group, "phrases kept", 0, len(entry.get("phrases") or []))
    run.tally.add(group, "debris removed", 0, len(entry.get("debris") or []))


REAL_ROWS = [
    ("files", "count"),
    ("crashes", "count"),
    ("headings", "recall"),
    ("false headings", "per letter"),
    ("phrases kept", "%"),
    ("debris removed", "%"),
]
