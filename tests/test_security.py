"""Hostile and careless input: no file from outside the project reaches a document, outputs
never land on what hoering reads, CSV cells never run as formulas, and a bug is one line."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from conftest import EXAMPLE_HEARING, snapshot
from support import commands_fail_cleanly, png

HEARING = Path("consultations") / EXAMPLE_HEARING
SOURCE = HEARING / "responses" / "ishoj.md"
GLOSTRUP = HEARING / "responses" / "glostrup-kommune.md"


def add_to_body(project: Path, markdown: str, path: Path = SOURCE) -> int:
    """Append ``markdown`` to the source's body; returns the line it starts on."""
    file = project / path
    text = file.read_text("utf-8").rstrip("\n") + "\n\n"
    file.write_text(text + markdown + "\n", "utf-8")
    return text.count("\n") + 1


def fails_cleanly(
    cli, project: Path, expected: list[str], *args: str, commands=("build", "check"), code: int = 1
) -> None:
    """Each command exits ``code`` with exactly ``expected`` errors and changes nothing."""
    runs = [
        [command, *(["-f", "html"] if command == "build" else []), *args] for command in commands
    ]
    commands_fail_cleanly(cli, project, expected, *runs, code=code)


# --- one place decides what may be read -------------------------------------------------


@pytest.mark.parametrize("reference", ["/etc/hostname.png", "../../../../secret.png", "link.png"])
def test_image_outside_the_project_is_refused(cli, project, tmp_path_factory, reference):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.png"
    outside.write_bytes(png(2, 2, colour=(0, 0, 0)))
    if reference == "link.png":  # a symlink beside the source that points outside
        (project / SOURCE).parent.joinpath("link.png").symlink_to(outside)
    line = add_to_body(project, f"![Hemmeligt]({reference})")
    fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:{line}: billedet '{reference}' ligger uden for projektmappen (.) "
            "(kopiér filen ind i projektmappen (.), og henvis til den der)"
        ],
        str(SOURCE),
    )
    english = cli("--lang", "en", "check", str(SOURCE))
    assert english.stderr.splitlines()[0] == (
        f"Error: {SOURCE}:{line}: image '{reference}' is outside the project folder (.) "
        "(copy the file into the project folder (.) and refer to it there)"
    )


def test_image_inside_the_project_is_embedded(cli, project):
    (project / HEARING / "kort.png").write_bytes(png(2, 2, colour=(0, 0, 0)))
    add_to_body(project, "![Kort over området](../kort.png)")
    result = cli("build", "-f", "html", str(SOURCE))
    assert result.exit_code == 0, result.output
    html = (project / "output" / EXAMPLE_HEARING / "responses" / "ishoj.html").read_text()
    assert 'alt="Kort over området"' in html and "data:image/png;base64," in html


def test_organisation_id_with_a_path_is_refused(cli, project):
    text = (project / SOURCE).read_text("utf-8")
    (project / SOURCE).write_text(
        text.replace("organisation: ishoj", "organisation: ../../../tmp/evil"), "utf-8"
    )
    fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:5: organisation: '../../../tmp/evil' er ikke et id (et id er et navn som "
            "'ishoj' eller 'region-hovedstaden', uden '/' og '..')"
        ],
        str(SOURCE),
    )


def test_profile_logo_outside_the_templates_is_refused(cli, project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "logo.png"
    outside.write_bytes(png(2, 2, colour=(0, 0, 0)))
    profile = project / "templates" / "organisations" / "ishoj.yaml"
    builtin = Path(__file__).parent.parent / "src/hoering/templates/organisations/ishoj.yaml"
    text = builtin.read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("logo:")]
    profile.write_text("\n".join([*lines, f"logo: {outside}"]) + "\n", "utf-8")
    line = len(lines) + 1
    fails_cleanly(
        cli,
        project,
        [
            f"templates/organisations/ishoj.yaml:{line}: logo: logoet '{outside}' ligger uden for "
            "skabelonmappen (templates) (kopiér filen ind i skabelonmappen (templates), og "
            "henvis til den der)"
        ],
        str(SOURCE),
    )


def _point_glostrup_at(project: Path, file: str, sha256: str | None = None) -> None:
    path = project / GLOSTRUP
    text = path.read_text("utf-8")
    text = text.replace('file: "received/hoeringssvar-glostrup.pdf"', f'file: "{file}"')
    if sha256:
        old = text.split("sha256: ")[1].split("\n")[0]
        text = text.replace(old, sha256)
    path.write_text(text, "utf-8")


def compare_fails_cleanly(cli, project: Path, expected: str) -> None:
    before = snapshot(project)
    result = cli("compare", str(HEARING), "-f", "html")
    assert result.exit_code == 1, result.output
    errors = [
        line for line in result.stderr.splitlines() if not line.startswith(("Laver ", "Advarsel: "))
    ]
    assert errors == [f"Fejl: {expected}"]
    assert snapshot(project) == before
    assert not (project / "output").exists()


def test_bundle_refuses_an_original_outside_received(cli, project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "private.pdf"
    original = project / HEARING / "received" / "hoeringssvar-glostrup.pdf"
    outside.write_bytes(original.read_bytes())
    _point_glostrup_at(project, str(outside))
    compare_fails_cleanly(
        cli,
        project,
        (
            f"{GLOSTRUP}:14: source.file: '{outside}' ligger uden for høringens mappe received/ "
            "(kopiér filen ind i høringens mappe received/, og henvis til den der)"
        ),
    )


def test_bundle_refuses_an_original_that_changed_since_import(cli, project):
    original = project / HEARING / "received" / "hoeringssvar-glostrup.pdf"
    original.write_bytes(original.read_bytes() + b"\n% changed\n")
    compare_fails_cleanly(
        cli,
        project,
        (
            f"{GLOSTRUP}:16: source.sha256: originalen 'received/hoeringssvar-glostrup.pdf' er "
            "ændret, siden den blev indlæst (dens SHA-256 er en anden) (læg den modtagne fil "
            "tilbage, eller indlæs den igen med 'hoering import --force')"
        ),
    )


@pytest.mark.parametrize(
    "folder, inside",
    [
        (HEARING / "received", "en hørings mappe received/, hvor originalerne gemmes"),
        (Path("templates") / "out", "skabelonmappen"),
        (HEARING / "out", "mappen med kilderne"),
    ],
)
def test_output_folder_inside_what_hoering_reads_is_refused(cli, project, folder, inside):
    message = (
        f"skriver ikke til {folder}: den ligger i {inside} (vælg en mappe til resultatet "
        "uden for den, fx -o output)"
    )
    fails_cleanly(cli, project, [message], "-o", str(folder), commands=["build"])
    before = snapshot(project)
    result = cli("compare", str(HEARING), "-o", str(folder))
    assert result.exit_code == 1
    # the example's remarks.md lacks answers: that warning comes first, then the error
    errors = [line for line in result.stderr.splitlines() if not line.startswith("Advarsel: ")]
    assert errors == [f"Fejl: {message}"]
    assert snapshot(project) == before


# --- CSV cells never run as formulas ---------------------------------------------------


def test_csv_cells_that_could_start_a_formula_get_an_apostrophe():
    from hoering.spreadsheet import csv_bytes, safe_cell

    assert [
        safe_cell(v)
        for v in ["=1+1", "+45 43", "-2", "@SUM(A1)", "\tx", "\rx", "ok", "a=b", None, 3]
    ] == ["'=1+1", "'+45 43", "'-2", "'@SUM(A1)", "'\tx", "'\rx", "ok", "a=b", "", "3"]
    assert csv_bytes([['=HYPERLINK("x")', "b"]]) == '\ufeff"\'=HYPERLINK(""x"")";b\r\n'.encode()


def test_actions_csv_escapes_an_owner_that_looks_like_a_formula(cli, project):
    minutes = next((project / HEARING / "minutes").glob("*.md"))
    text = minutes.read_text("utf-8")
    minutes.write_text(
        text.rstrip("\n") + "\n\n- [ ] @=cmd|' /C calc'!A0: Ring — 2019-09-01\n", "utf-8"
    )
    result = cli("actions", str(HEARING), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = result.stdout_bytes.decode("utf-8-sig").splitlines()
    owners = [row.split(";")[0] for row in rows]
    assert "\"'=cmd|' /C calc'!A0\"" in owners or "'=cmd|' /C calc'!A0" in owners
    assert not any(owner.startswith(("=", "+", "-", "@")) for owner in owners)


def test_matrix_stance_symbols_cannot_start_a_formula():
    from hoering.comparison.notat import SYMBOLS
    from hoering.spreadsheet import FORMULA_STARTS

    assert not any(symbol.startswith(FORMULA_STARTS) for symbol in SYMBOLS.values())


# --- every failure is a message -----------------------------------------------------------


def test_a_bug_is_one_line_saying_what_to_report(cli, project, monkeypatch):
    import hoering.commands.build

    def broken(*_args, **_kwargs):
        raise KeyError("no such node")

    monkeypatch.setattr(hoering.commands.build, "discover", broken)
    before = snapshot(project)
    result = cli("build")
    assert result.exit_code == 70
    assert result.stderr.splitlines() == [
        "Fejl: intern fejl i hoering 0.1.0 (KeyError: 'no such node'). Meld den gerne med den "
        "kommando, du kørte, og output fra samme kommando med --debug først "
        "(hoering --debug ...)"
    ]
    assert "Traceback" not in result.output
    assert snapshot(project) == before
    with pytest.raises(KeyError):
        cli("--debug", "build")


def test_a_reader_that_goes_away_is_not_a_bug(project):
    """``hoering actions | head -1``: the pipe closes while hoering still prints; that ends
    the command quietly (exit 1, as other tools), not as an internal error."""
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # the reader is gone before hoering prints its first line
    try:
        done = subprocess.run(
            [sys.executable, "-m", "hoering", "--project", str(project), "actions"],
            stdout=write,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write)
    assert done.returncode == 1
    assert "intern fejl" not in done.stderr
    assert "Traceback" not in done.stderr


def _stop_on_three(number: int) -> int:
    """Runs in a worker: item 3 kills its process, as the system does when memory runs out."""
    import os

    if number == 3:
        os._exit(9)
    return number * 10


ONE_CORE = pytest.mark.skipif(
    (os.cpu_count() or 1) == 1, reason="on one core nothing runs in a worker process"
)


@ONE_CORE
def test_a_worker_that_dies_costs_only_its_own_item():
    from hoering.parallel import map_in_processes

    results = list(
        map_in_processes(
            _stop_on_three,
            list(range(8)),
            serial_below=2,
            on_crash=lambda item, _exc: f"crashed on {item}",
        )
    )
    assert results == [0, 10, 20, "crashed on 3", 40, 50, 60, 70]


@ONE_CORE
def test_a_worker_that_dies_without_a_handler_is_an_error_not_a_traceback():
    from hoering.errors import HoeringError
    from hoering.parallel import map_in_processes

    with pytest.raises(HoeringError) as caught:
        list(map_in_processes(_stop_on_three, list(range(8)), serial_below=2))
    assert str(caught.value) == (
        "en arbejdsproces stoppede ved 3 (processen gik ned eller løb tør for hukommelse) "
        "(se efter et meget stort billede, en meget stor tabel eller fil i den)"
    )


# --- the bundle: no active content, described and tagged as far as it can be --------------


def test_bundle_strips_active_content_from_a_received_pdf(cli, project):
    import pikepdf

    import hostile_files

    original = project / HEARING / "received" / "hoeringssvar-glostrup.pdf"
    data = hostile_files.active_letter()
    original.write_bytes(data)
    _point_glostrup_at(
        project, "received/hoeringssvar-glostrup.pdf", hashlib.sha256(data).hexdigest()
    )
    result = cli("compare", str(HEARING), "-f", "html")
    assert result.exit_code == 0, result.output
    bundle = project / "output" / EXAMPLE_HEARING / "samlede-hoeringssvar.pdf"
    with pikepdf.open(bundle) as pdf:
        root = pdf.Root
        assert "/OpenAction" not in root and "/AA" not in root
        assert "/JavaScript" not in root.get("/Names", {})
        assert "/EmbeddedFiles" not in root.get("/Names", {})
        kinds = set()
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                kinds.update(str(obj.get(k)) for k in ("/S", "/Subtype", "/Type") if k in obj)
                assert "/AA" not in obj and "/JS" not in obj
        assert not kinds & {"/JavaScript", "/Launch", "/FileAttachment", "/EmbeddedFile"}
        uris = [
            str(a.A.URI)
            for page in pdf.pages
            for a in page.get("/Annots", [])
            if "/A" in a and a.A.get("/S") == "/URI"
        ]
        assert "https://www.ishoj.dk/" in uris and "https://x.dk/" not in uris
    with open(original, "rb") as kept:  # the kept original is untouched
        assert kept.read() == data


def test_bundle_has_language_title_metadata_and_a_bookmark_per_respondent(cli, project):
    import pikepdf

    result = cli("compare", str(HEARING), "-f", "html")
    assert result.exit_code == 0, result.output
    bundle = project / "output" / EXAMPLE_HEARING / "samlede-hoeringssvar.pdf"
    with pikepdf.open(bundle) as pdf:
        title = "Samlede høringssvar: " + str(pdf.docinfo["/Title"]).split(": ", 1)[1]
        assert str(pdf.Root.Lang) == "da-DK"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.docinfo["/Title"]) == title
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == title
            assert set(xmp["dc:language"]) == {"da-DK"}
        with pdf.open_outline() as outline:
            names = [item.title for item in outline.root]
    assert len(names) == len(list((project / HEARING / "responses").glob("*.md")))


# --- all or nothing ------------------------------------------------------------------------


def _compare_with_file_size_limit(limit: int):
    """hoering compare in a process that cannot write a file larger than ``limit`` bytes
    (as a full disk would stop it part of the way)."""
    import resource
    import signal
    import subprocess
    import sys

    def cap() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-c", "from hoering.cli import main; main()", "compare", str(HEARING)],
        preexec_fn=cap,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_compare_that_cannot_write_every_file_keeps_the_old_set(cli, project):
    assert cli("compare", str(HEARING)).exit_code == 0
    folder = project / "output" / EXAMPLE_HEARING
    old = snapshot(folder)
    sizes = sorted(len(data) for data in old.values())
    add_to_body(project, "Et nyt afsnit, der ændrer høringsnotatet.")
    result = _compare_with_file_size_limit(sizes[-1] - 1)  # the largest file cannot be written
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Fejl")]
    assert len(errors) == 1
    assert errors[0].startswith(f"Fejl: kan ikke skrive {folder.relative_to(project)}/")
    assert errors[0].endswith(
        f": filen er for stor; intet i {folder.relative_to(project)} "
        "blev ændret (frigør plads, eller vælg en anden outputmappe)"
    )
    assert snapshot(folder) == old
    assert [p.name for p in folder.parent.iterdir()] == [EXAMPLE_HEARING]  # no staging left


# --- valid text that used to fail -----------------------------------------------------------


def _set_metadata(project: Path, old: str, new: str) -> None:
    text = (project / SOURCE).read_text("utf-8")
    assert old in text
    (project / SOURCE).write_text(text.replace(old, new, 1), "utf-8")


def test_type_that_is_a_list_is_a_clean_error(cli, project):
    _set_metadata(project, "type: response", "type: []")
    fails_cleanly(
        cli,
        project,
        [f"{SOURCE}:2: type: '[]' er ikke en dokumenttype (brug et af disse: minutes, response)"],
        str(SOURCE),
    )


def test_image_name_too_long_for_the_file_system_is_a_clean_error(cli, project):
    name = "kort" * 80 + ".png"
    line = add_to_body(project, f"![Kort]({name})")
    fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:{line}: billedet '{name[:77]}...' har ikke et brugbart filnavn "
            "(giv billedet et kort navn)"
        ],
        str(SOURCE),
    )


def test_emoji_cjk_control_characters_inline_notes_and_struck_links_build(cli, project):
    import docx
    import pypdf

    long_title = "Høringssvar " + "om samarbejde " * 25
    _set_metadata(
        project,
        "title: Høringssvar om udkast til samarbejdsaftale om voksne med psykisk sygdom",
        f'title: "{long_title.strip()} \\u0000"',
    )
    line = add_to_body(
        project,
        "Vi er glade 😀 for 漢字 og \x07 ~~[den gamle side]"
        "(https://www.ishoj.dk)~~ med en note^[skrevet inline].",
    )
    result = cli("build", str(SOURCE))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:3] == [
        f"Advarsel: {SOURCE}:{line}: kontroltegnet U+0007 er erstattet af \ufffd",
        f"Advarsel: {SOURCE}:3: kontroltegnet U+0000 er erstattet af \ufffd",
        f"Advarsel: {SOURCE}:{line}: PDF'ens skrifttyper har ikke 字 漢 😀; vist som □",
    ]
    out = project / "output" / EXAMPLE_HEARING / "responses"
    pdf = " ".join(
        " ".join(p.extract_text() for p in pypdf.PdfReader(out / "ishoj.pdf").pages).split()
    )
    assert "Vi er glade □ for □□ og \ufffd den gamle side med en note" in pdf
    assert "skrevet inline" in pdf
    word = docx.Document(out / "ishoj.docx")
    assert len(word.core_properties.title) == 255 and word.core_properties.title.endswith("…")
    assert word.paragraphs[0].text.startswith(long_title.strip()[:100])
    body = "\n".join(p.text for p in word.paragraphs)
    assert "Vi er glade 😀 for 漢字 og \ufffd den gamle side med en note" in body


def test_bidirectional_control_characters_are_removed_with_a_warning(cli, project):
    import docx

    _set_metadata(
        project,
        "title: Høringssvar om udkast til samarbejdsaftale om voksne med psykisk sygdom",
        'title: "Høringssvar om \\u202Eudkast\\u202C til samarbejdsaftale"',
    )
    line = add_to_body(
        project, "Beløbet er \u202e000.01\u202c kr., og \u2066نور\u2069 står i \u202bnoten."
    )
    source = (project / SOURCE).read_bytes()
    result = cli("build", "-f", "html", "-f", "docx", str(SOURCE))
    assert result.exit_code == 0, result.output
    removed = (
        "styretegn for skriveretning U+{} fjernet (det viser teksten i en anden rækkefølge, "
        "end den er skrevet)"
    )
    places = [(line, code) for code in ("202E", "202C", "2066", "2069", "202B")]
    places += [(3, "202E"), (3, "202C")]  # the title's, written as YAML escapes
    assert result.stderr.splitlines()[:7] == [
        f"Advarsel: {SOURCE}:{where}: {removed.format(code)}" for where, code in places
    ]
    out = project / "output" / EXAMPLE_HEARING / "responses"
    html = (out / "ishoj.html").read_text("utf-8")
    word = "\n".join(p.text for p in docx.Document(out / "ishoj.docx").paragraphs)
    for text in (html, word):
        assert "Beløbet er 000.01 kr., og نور står i noten." in text
        assert "Høringssvar om udkast til samarbejdsaftale" in text
        assert not set(text) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert (project / SOURCE).read_bytes() == source


def test_a_footnote_label_defined_twice_is_refused(cli, project):
    first = add_to_body(project, "Et udsagn[^n].\n\n[^n]: Første note.")
    second = add_to_body(project, "Et andet[^n].\n\n[^n]: Anden note, som ellers forsvandt.")
    fails_cleanly(
        cli,
        project,
        [
            f"{SOURCE}:{second + 2}: fodnoten [^n] er skrevet to gange (første gang "
            f"på linje {first + 2}) (giv hver note sit eget mærke)"
        ],
        str(SOURCE),
    )


def test_bundle_refuses_a_missing_original_in_the_language_of_messages(cli, project):
    (project / HEARING / "received" / "hoeringssvar-glostrup.pdf").unlink()
    compare_fails_cleanly(
        cli,
        project,
        (
            f"{GLOSTRUP}:14: source.file: originalen 'received/hoeringssvar-glostrup.pdf' mangler "
            "(læg den modtagne fil tilbage, eller fjern blokken 'source:' for at samle "
            "høringssvaret, som det er skrevet)"
        ),
    )


def test_control_characters_in_a_file_name_are_escaped_on_the_terminal(cli, project):
    """Issue 21 (low): a name with ESC, CR or LF could clear the screen, recolour it or forge
    a line of its own ("Skrev …") when hoering echoed it."""
    before = snapshot(project)
    name = "svar\x1b[2J\rSkrev alt\n.pdf"
    result = cli("import", name, "--hearing", str(HEARING))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Fejl: svar\\x1b[2J\\rSkrev alt\\n.pdf: filen findes ikke",
        "0 indlæst, 1 fejlede: svar\\x1b[2J\\rSkrev alt\\n.pdf",
    ]
    assert snapshot(project) == before


def test_terminal_lines_keep_letters_and_escape_controls():
    from hoering.messages import terminal_line

    assert terminal_line("Blåbærgrød\tæøå") == "Blåbærgrød\\tæøå"
    assert terminal_line("a\x9bb\x7fc\u202ed") == "a\\x9bb\\x7fc\\u202ed"
    assert terminal_line("linje 1\nlinje 2", lines=True) == "linje 1\nlinje 2"
    assert terminal_line("linje 1\nlinje 2") == "linje 1\\nlinje 2"
    assert terminal_line("fx\n  Ishøj Kommune:") == "fx\n  Ishøj Kommune:"  # an example below
