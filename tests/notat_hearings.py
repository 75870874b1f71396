"""Hearings made up from a seed, for the property that the høringsnotat never contradicts
itself (tests/test_notat_consistency.py, and longer runs in benchmarks/notat_consistency.py).

A hearing has letters only, a web form only, or both; with or without remarks.md; parties
that answer twice, answer only that they have no remarks, or answer late; a general
paragraph before the first heading; a form row that cannot be read. Every text written
carries a code word of its own (``kode17x3``), so a check can find each in any rendered
format. What was written is kept in a :class:`Truth`: the numbers the notat must print."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

STANCES = ("positive", "concern", "proposal", "none")
TOPIC_WORDS = ("Trafik", "Parkering", "Skoler", "Boliger", "Natur", "Kultur")
PARTIES = ("Albertslund Kommune", "Brøndby Kommune", "Glostrup Kommune", "Rødovre Kommune")
OTHERS = ("Ældrerådet", "Cyklistforbundet", "Handelsstandsforeningen")
STATUSES = ("imoedekommet", "delvist", "ikke-imoedekommet", "noteret")
START, DEADLINE = dt.date(2019, 5, 1), dt.date(2019, 6, 21)
FORM_WORDS = ("Vi foreslår", "Vi støtter", "Vi er bekymrede for", "Bemærk")


@dataclass
class Truth:
    """What the generator wrote: the numbers and the texts the notat must show."""

    kind: str  # letters, form, both
    consulted: int = 0
    letters: set[str] = field(default_factory=set)  # respondents who wrote
    from_consulted: set[str] = field(default_factory=set)
    no_remarks: set[str] = field(default_factory=set)
    remarks: dict[str, list[str]] = field(default_factory=dict)  # topic id → stances
    remark_respondents: dict[str, set[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)  # stances of remarks on no topic
    form_answers: int = 0
    form_cells: dict[str, int] = field(default_factory=dict)  # topic id → non-empty cells
    bad_rows: int = 0
    campaigns: list[str] = field(default_factory=list)  # the campaigns' texts
    in_campaigns: dict[str, int] = field(default_factory=dict)  # topic id → answers in one
    texts: list[str] = field(default_factory=list)  # code words of the letters' remarks
    answers: list[str] = field(default_factory=list)  # code words of answers to respondents
    comments: list[str] = field(default_factory=list)  # code words of topic/general comments


class _Words:
    def __init__(self, seed: int) -> None:
        self.seed, self.count = seed, 0

    def code(self) -> str:
        self.count += 1
        return f"kode{self.seed}x{self.count}"


def make_hearing(root: Path, seed: int) -> tuple[Path, Truth]:
    """A hearing folder under ``root`` made from ``seed``, and what was written in it."""
    rng = random.Random(seed)
    words = _Words(seed)
    kind = ("letters", "form", "both")[seed % 3]
    truth = Truth(kind)
    topics = [f"t{i}" for i in range(1, rng.randint(2, 4) + 1)]
    titles = {t: TOPIC_WORDS[i] for i, t in enumerate(topics)}
    truth.remarks = {t: [] for t in topics}
    truth.remark_respondents = {t: set() for t in topics}
    truth.form_cells = {t: 0 for t in topics}
    consulted = rng.sample(PARTIES, rng.randint(0, len(PARTIES))) if kind != "form" else []
    truth.consulted = len(consulted)
    folder = root / f"hoering-{seed}"
    (folder / "responses").mkdir(parents=True)
    if kind != "form":
        _letters(folder, rng, words, truth, topics, consulted)
    if kind != "letters":
        _form(folder, rng, words, truth, topics)
    (folder / "hearing.yaml").write_text(
        _hearing_yaml(seed, topics, titles, consulted, kind != "letters"), encoding="utf-8"
    )
    if truth.letters and rng.random() < 0.7:
        _remarks(folder, rng, words, truth, topics)
    return folder, truth


def _hearing_yaml(
    seed: int, topics: list[str], titles: dict[str, str], consulted: list[str], form: bool
) -> str:
    lines = [
        f"id: hoering-{seed}",
        "title: Forslag til plan for bymidten",
        "authority: region-hovedstaden",
        "draft:",
        "  name: Plan for bymidten",
        f"period: {{start: {START}, end: {DEADLINE}}}",
        f"deadline: {DEADLINE}",
        "topics:",
        *(f"  - id: {t}\n    title: {titles[t]}" for t in topics),
    ]
    if consulted:
        lines += ["consulted:", *(f"  - name: {name}" for name in consulted)]
    if form:
        lines += ["form:", "  respondent: navn", "  organisation: organisation"]
        lines += ["  date: indsendt", "  topics:", *(f"    spm_{t}: {t}" for t in topics)]
    return "\n".join(lines) + "\n"


def _letters(
    folder: Path,
    rng: random.Random,
    words: _Words,
    truth: Truth,
    topics: list[str],
    consulted: list[str],
) -> None:
    senders = rng.sample([*consulted, *OTHERS], rng.randint(1, len(consulted) + 2))
    if rng.random() < 0.5:
        senders.append(senders[0])  # one party answers twice
    for number, sender in enumerate(senders):
        late = rng.random() < 0.2
        quiet = rng.random() < 0.15 and senders.count(sender) == 1
        date = DEADLINE + dt.timedelta(days=3) if late else DEADLINE - dt.timedelta(days=number)
        body = (
            _quiet_body(words, truth, sender) if quiet else _body(rng, words, truth, topics, sender)
        )
        head = [
            "---",
            "type: response",
            f"title: Høringssvar fra {sender}",
            f"hearing: {folder.name}",
            f"sender: {sender}",
            f"date: {date}",
            *(["no_remarks: true"] if quiet else []),
            "---",
            "",
        ]
        path = folder / "responses" / f"svar-{number}.md"
        path.write_text("\n".join(head) + body, encoding="utf-8")
        truth.letters.add(sender)
        if sender in consulted:
            truth.from_consulted.add(sender)


def _quiet_body(words: _Words, truth: Truth, sender: str) -> str:
    truth.no_remarks.add(sender)
    code = words.code()
    truth.general.append("none")
    truth.texts.append(code)
    return f"Vi har ingen bemærkninger til udkastet ({code}).\n"


def _body(rng: random.Random, words: _Words, truth: Truth, topics: list[str], sender: str) -> str:
    parts = []
    if rng.random() < 0.4:  # a paragraph before the first heading: a general remark
        code = words.code()
        parts.append(f"Vi har læst udkastet grundigt ({code}).\n")
        truth.general.append("none")
        truth.texts.append(code)
    for topic in rng.sample(topics, rng.randint(1, len(topics))):
        stance = rng.choice(STANCES)
        code = words.code()
        attributes = f"topic={topic}" + (f" stance={stance}" if stance != "none" else "")
        parts.append(f"## Om emnet {{{attributes}}}\n\nVores bemærkning er denne ({code}).\n")
        truth.remarks[topic].append(stance)
        truth.remark_respondents[topic].add(sender)
        truth.texts.append(code)
    return "\n".join(parts)


def _form(folder: Path, rng: random.Random, words: _Words, truth: Truth, topics: list[str]) -> None:
    header = ["navn", "organisation", "indsendt", *(f"spm_{t}" for t in topics)]
    rows = [";".join(header)]
    for number in range(rng.randint(1, 14)):
        date = DEADLINE + dt.timedelta(days=rng.choice((-9, -2, 0, 2)))
        cells = []
        for topic in topics:
            said = rng.random() < 0.6
            cells.append(f"{rng.choice(FORM_WORDS)} punkt {words.code()}" if said else "")
            truth.form_cells[topic] += said
        name = rng.choice(("", f"Borger {number}"))
        organisation = rng.choice(("", "", "Grundejerforeningen Nord"))
        rows.append(";".join([name, organisation, date.isoformat(), *cells]))
        truth.form_answers += 1
    if rng.random() < 0.5:  # a campaign: the same words from several answers
        rows += _campaign(rng, words, truth, topics)
    if rng.random() < 0.4:  # a row whose date is no date: not counted, reported
        rows.append(";".join(["Carl Berg", "", "i går", *("Vi er enige" for _ in topics)]))
        truth.bad_rows += 1
    (folder / "responses" / "formular.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def _campaign(rng: random.Random, words: _Words, truth: Truth, topics: list[str]) -> list[str]:
    topic = rng.choice(topics)
    text = "Vi protesterer mod at planen fjerner pladsen ved torvet og beder om en ny plan"
    text += f" {words.code()}"
    copies = rng.randint(5, 7)
    truth.campaigns.append(text)
    truth.in_campaigns[topic] = copies
    truth.form_cells[topic] += copies
    truth.form_answers += copies
    cells = [text if t == topic else "" for t in topics]
    return [";".join([f"Kampagne {i}", "", str(DEADLINE), *cells]) for i in range(copies)]


def _remarks(
    folder: Path, rng: random.Random, words: _Words, truth: Truth, topics: list[str]
) -> None:
    """remarks.md: a general comment, a comment on some topics, an answer to some of the
    respondents who remarked on them."""
    parts = []
    if rng.random() < 0.6:
        code = words.code()
        parts.append(f"## Generelle bemærkninger\n\nRegionen takker for svarene ({code}).\n")
        truth.comments.append(code)
    for topic in topics:
        who = sorted(truth.remark_respondents[topic])
        if not who or rng.random() < 0.3:
            continue
        code = words.code()
        parts.append(f"## {topic}\n\nRegionen har overvejet emnet ({code}).\n")
        truth.comments.append(code)
        for respondent in rng.sample(who, rng.randint(0, len(who))):
            code = words.code()
            status = rng.choice(STATUSES)
            parts.append(f"### {respondent} {{status={status}}}\n\nSvaret er dette ({code}).\n")
            truth.answers.append(code)
    if parts:  # an empty remarks.md is an error of its own
        (folder / "remarks.md").write_text("\n".join(parts), encoding="utf-8")


# --- rendering and reading back ----------------------------------------------------------

LAYOUTS = ("emner", "parter", "oversigt")
FORMATS = ("pdf", "docx", "html")
NUMBER_WORDS = {"ingen": 0, "en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4}
NUMBER_WORDS |= {"fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11}
NUMBER_WORDS |= {"tolv": 12}


@dataclass
class Rendered:
    """A comparison's files read back as text: per (layout, format) the notat's text, a
    table row a line (its cells joined by spaces); the matrix files' rows; the chart's data."""

    notat: dict[tuple[str, str], str]
    csv: list[list[str]]
    xlsx: list[list[object]]


def render_all(comparison: object, layouts: tuple[str, ...] = LAYOUTS) -> Rendered:
    from hoering.comparison.outputs import OutputOptions, make_outputs, notat_name

    notat: dict[tuple[str, str], str] = {}
    files: dict[str, bytes] = {}
    for layout in layouts:
        options = OutputOptions(formats=FORMATS, bundle=False, layout=layout)
        files = make_outputs(comparison, options)
        for fmt in FORMATS:
            notat[(layout, fmt)] = READERS[fmt](files[f"{notat_name(layout)}.{fmt}"])
    return Rendered(notat, _csv_rows(files["matrix.csv"]), _xlsx_rows(files["matrix.xlsx"]))


def _lines(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def pdf_text(data: bytes) -> str:
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return _lines("\n".join(page.extract_text() for page in reader.pages))


def docx_text(data: bytes) -> str:
    import io

    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += [" ".join(c.text for c in row.cells) for row in block.rows]
    return _lines("\n".join(lines))


def html_text(data: bytes) -> str:
    from htmltree import Element, parse

    lines: list[str] = []

    def walk(node: Element | str) -> None:
        if isinstance(node, str):
            lines.append(node)
        elif node.tag == "tr":
            lines.append(
                "\n" + " ".join(c.text() for c in node.children if isinstance(c, Element)) + "\n"
            )
        elif node.tag not in ("script", "style"):
            if node.tag in ("p", "li", "h1", "h2", "h3", "h4", "div", "blockquote", "caption"):
                lines.append("\n")
            for child in node.children:
                walk(child)
            if node.tag == "img" and node.attrs.get("alt"):
                lines.append("\n" + str(node.attrs["alt"]) + "\n")

    walk(parse(data.decode("utf-8")))
    return _lines("".join(lines))


READERS = {"pdf": pdf_text, "docx": docx_text, "html": html_text}


def _csv_rows(data: bytes) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def _xlsx_rows(data: bytes) -> list[list[object]]:
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    return [list(row) for row in book.active.iter_rows(values_only=True)]


def number(word: str) -> int:
    """A count as Danish prose writes it: "7", "1.515", "syv", "ingen"."""
    word = word.strip(".,:;()").casefold()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    return int(word.replace(".", ""))


# --- the property --------------------------------------------------------------------------


def model_problems(comparison: object, truth: Truth) -> list[str]:
    """Where the model's numbers differ from what was written."""
    from collections import Counter

    from hoering.comparison.tally import ORDER, tally_of

    tally = tally_of(comparison)
    found = {
        "consulted": (tally.consulted, truth.consulted),
        "letters": (tally.letters, len(truth.letters)),
        "from consulted": (tally.from_consulted, len(truth.from_consulted)),
        "no remarks": (tally.no_remarks, len(truth.no_remarks)),
        "form answers": (tally.form_answers, truth.form_answers),
        "bad rows": (tally.bad_rows, truth.bad_rows),
        "general": (tally.general, tuple(Counter(truth.general)[s] for s in ORDER)),
    }
    for t in tally.topics:
        written = Counter(truth.remarks[t.topic])
        found[f"{t.topic} letters"] = (t.letters, tuple(written[s] for s in ORDER))
        found[f"{t.topic} senders"] = (t.letter_respondents, len(truth.remark_respondents[t.topic]))
        found[f"{t.topic} form"] = (t.form_total, truth.form_cells[t.topic])
        found[f"{t.topic} form answers"] = (t.form_answers, truth.form_cells[t.topic])
        found[f"{t.topic} in campaigns"] = (t.in_campaigns, truth.in_campaigns.get(t.topic, 0))
    return [f"{what}: model {a}, written {b}" for what, (a, b) in found.items() if a != b]


def count_problems(comparison: object, rendered: Rendered) -> tuple[list[str], int]:
    """Every count printed that is not the model's, and how many counts were checked."""
    from hoering.comparison.chart import chart_data
    from hoering.comparison.tally import ORDER, tally_of

    tally = tally_of(comparison)
    checks: list[tuple[str, object, object]] = []
    data = chart_data(comparison)
    for stance in ORDER:
        checks.append((f"chart {stance}", data[stance], [t.count(stance) for t in tally.topics]))
    checks += _matrix_checks(tally, rendered)
    for (layout, fmt), text in rendered.notat.items():
        checks += [(f"{layout}/{fmt}: {w}", a, b) for w, a, b in _notat_checks(tally, text, layout)]
    problems = [f"{what}: printed {a}, model {b}" for what, a, b in checks if a != b]
    return problems, len(checks)


def _matrix_checks(tally: object, rendered: Rendered) -> list[tuple[str, object, object]]:
    t = tally
    total = ["I alt", str(t.respondents), *(str(x.respondents) for x in t.topics)]
    checks: list[tuple[str, object, object]] = [
        ("matrix.csv total", rendered.csv[-1], total),
        ("matrix.xlsx total", [str(v) for v in rendered.xlsx[-1]], total),
        ("matrix.csv letter rows", len(rendered.csv) - 2 - t.has_form, t.letters),
        ("matrix.csv heads", [h for h in rendered.csv[0] if "None" in h], []),
    ]
    if t.has_form:
        form = [str(x.form_answers) for x in t.topics]
        checks.append(("matrix.csv form row", rendered.csv[-2][2:], form))
        checks.append(("matrix.xlsx form row", [str(v) for v in rendered.xlsx[-2][2:]], form))
    return checks


def _notat_checks(tally: object, text: str, layout: str) -> list[tuple[str, object, object]]:
    import re

    from hoering.comparison.tally import ORDER

    t = tally
    checks: list[tuple[str, object, object]] = []
    titles = dict(zip((x.topic for x in t.topics), TOPIC_WORDS, strict=False))
    for x in t.topics:
        row = [str(x.count(s)) for s in ORDER] + [str(x.total)]
        printed = re.findall(rf"^{titles[x.topic]} ((?:\d+ ){{4}}\d+)(?: (\d+))?$", text, re.M)
        bilag = [p for p, extra in printed if not extra]
        checks.append((f"Bilag 1 row {x.topic}", bilag, [" ".join(row)]))
        if t.has_form:
            form = " ".join(str(c) for c in (*x.form, x.form_total, x.in_campaigns))
            checks.append((f"4.1 row {x.topic}", [f"{p} {e}" for p, e in printed if e], [form]))
    general = " ".join(str(t.general_count(s)) for s in ORDER) + f" {t.general_total}"
    found = re.findall(r"^Generelle bemærkninger ((?:\d+ ){4}\d+)$", text, re.M)
    checks.append(("Bilag 1 general row", found, [general]))
    if t.has_form:  # Bilag 1's matrix: the web form's row (one table: at most 4 topics)
        rows = re.findall(r"^Webformular \((\S+) svar\) ?(.*)$", text, re.M)
        printed = [
            [number(total), *(number(c) if c else 0 for c in re.findall(r"(\S+) svar|–", rest))]
            for total, rest in rows
        ]
        expected = [t.form_answers, *(x.form_answers for x in t.topics)]
        checks.append(("Bilag 1 form row", printed, [expected]))
    checks += _prose_checks(t, text, layout)
    return checks


def _prose_checks(t: object, text: str, layout: str) -> list[tuple[str, object, object]]:
    import re

    flat = " ".join(text.split())
    found = lambda pattern: [number(m) for m in re.findall(pattern, flat)]  # noqa: E731
    checks: list[tuple[str, object, object]] = [
        ("no false zero", re.findall(r"\b0 (?:parter|part|høringssvar)\b", flat), []),
        ("sent to", found(r"i høring hos (\S+) parte?r?"), [t.consulted] if t.consulted else []),
        ("letters", found(r"modtaget (\S+) høringssvar"), [t.letters] if t.letters else []),
        ("form answers", found(r"modtaget (\S+) svar\b"), [t.form_answers] if t.has_form else []),
        (
            "form section",
            found(r"(\S+) svar i formular\.csv"),
            [t.form_answers] if t.has_form else [],
        ),
        ("form late", found(r"(\S+) efter fristen\."), [t.form_late] if t.has_form else []),
        (
            "form organisations",
            found(r"\((\S+) organisation(?:er)?\)")
            + found(r"(\S+) organisation(?:er)? har svaret"),
            [t.form_organisations] * (1 + bool(t.form_organisations)) if t.has_form else [],
        ),
    ]
    if layout == "emner":
        letters = re.findall(r"(\S+) bemærkning(?:er)? fra (\S+) høringssvar", flat)
        expected = [(x.letter_total, x.letter_respondents) for x in t.topics if x.letter_total]
        checks.append(("topic intros", [(number(a), number(b)) for a, b in letters], expected))
        form = re.findall(r"Fra webformularen: (\S+) bemærkning(?:er)? i (\S+) svar", flat)
        expected = [(x.form_total, x.form_answers) for x in t.topics if x.form_total]
        checks.append(("topic form intros", [(number(a), number(b)) for a, b in form], expected))
        campaigns = found(r"Heraf hører (\S+) til kampagne")
        expected = [x.in_campaigns for x in t.topics if x.in_campaigns]
        checks.append(("topic campaigns", campaigns, expected))
    return checks


def missing_texts(
    comparison: object, truth: Truth, rendered: Rendered, codes: list[str]
) -> list[str]:
    """(layout/format: code) for each of ``codes`` a rendered notat does not show."""
    return [
        f"{layout}/{fmt}: {code}"
        for (layout, fmt), text in rendered.notat.items()
        for code in codes
        if code not in text
    ]


def form_samples(comparison: object) -> list[str]:
    """The texts of the web form's answers the notat quotes (its sample per topic)."""
    mass = getattr(comparison, "mass", None)
    if mass is None:
        return []
    return [s.text for samples in mass.samples.values() for s in samples]
