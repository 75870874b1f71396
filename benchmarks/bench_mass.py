"""Benchmark: a mass consultation of 10,000 to 10,000,000 web-form answers.

For each size a hearing is generated (once; kept in --data) with one Parquet export of N
answers to four questions: remarks in Danish made from a vocabulary, 30 % of the answers in
60 campaigns (sizes falling off like a power law, from a few thousand down to ~10 copies
per million) whose copies carry small edits (a word changed, left out, put in, a typo, a
sentence of one's own added), a few hundred organisations, anonymous and late answers. The
generator's truth (which answer copies which campaign) is written beside the hearing.

Each size runs in a fresh process that compares the hearing (``compare_tables``: counts,
campaigns, organisations, samples) and writes the matrix (Parquet + CSV, streamed), and
reports in one table:

* seconds for the whole run (the cluster's start-up not counted);
* peak memory (maximum resident set) of the client process, and of each Dask worker;
* campaign precision and recall over pairs of answers: of the pairs the run put in one
  campaign, the share that the generator put in one; and the other way round;
* with ``--check-local N`` (default 10,000): whether the single-process path gives the same
  counts and campaigns as the cluster.

Run:  python benchmarks/bench_mass.py [--sizes 10000,100000] [--workers 2]
      nice python benchmarks/bench_mass.py --sizes 1000000,3000000 --check-local 0
      nice python benchmarks/bench_mass.py --sizes 10000000 --check-local 0   # long: optional
The client's peak includes the scheduler, which a local cluster (``compare --workers``) runs
in the client's process. Each line ends with the load average over the run (1 minute,
sampled at its start and end): the timings are only as quiet as the machine was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

TOPICS = ("trafik", "parkering", "cykelstier", "groenne-omraader")
COLUMNS = ("spm_1", "spm_2", "spm_3", "spm_4")
CAMPAIGNS = 60
CAMPAIGN_SHARE = 0.30
ORGANISATIONS = 300
CHUNK = 50_000  # rows per Parquet row group (= one partition)

NOUNS = (
    "trafik bil bus cykel cykelsti vej gade torv plads skole børnehave børn ældre borger "
    "butik forretning havn bro station tog perron parkering p-plads fortov lys lygte "
    "støj luft træ træer park have legeplads bænk hastighed fartbump kryds rundkørsel "
    "lyskryds fodgænger overgang byrum bymidte kvarter boligområde erhverv værksted "
    "marked kirke bibliotek hal idrætsanlæg sti skov strand vand regnvand kloak "
    "sommer vinter morgen aften weekend sikkerhed tryghed ulykke sammenhæng plan "
    "forslag kommune politiker høring beboer nabo familie pendler turist"
).split()
VERBS = (
    "skal bør kan vil må ønsker mangler savner foreslår støtter frygter forventer "
    "mener håber undrer oplever ser bruger kører cykler går parkerer venter "
    "prioriterer fjerner bevarer forbedrer udvider lukker åbner flytter"
).split()
ADJECTIVES = (
    "farlig sikker tryg smal bred mørk lys grøn stille larmende travl tom fuld "
    "god dårlig vigtig nødvendig urimelig fornuftig dyr billig ny gammel lang kort "
    "hurtig langsom bedre værre hellere"
).split()
SMALL = "og at for til med på i af om ved men som der det en et den de".split()
CUES = (
    "Vi foreslår at",
    "Jeg er bekymret for at",
    "Jeg støtter at",
    "Det er et problem at",
    "Jeg er glad for at",
    "Vi savner at",
    "Jeg ønsker at",
    "Vi anbefaler at",
    "",
    "",
)
FIRST = (
    "Anna Mette Hanne Lene Camilla Sofie Ida Emma Karen Louise Peter Jens Lars Henrik "
    "Søren Niels Mads Rasmus Anders Jakob Mikkel Thomas Martin Ole Bo"
).split()
LAST = (
    "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen "
    "Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen Johansen Møller Mortensen "
    "Holm Dam Berg Lund Ravn Juhl"
).split()
KINDS = (
    "Grundejerforeningen",
    "Beboerforeningen",
    "Cyklistforbundet",
    "Handelsforeningen",
    "Skolebestyrelsen",
    "Idrætsforeningen",
    "Ældrerådet",
    "Lokalrådet",
    "Naturfredningsforeningen",
    "Erhvervsforeningen",
)
PLACES = (
    "Nord",
    "Syd",
    "Øst",
    "Vest",
    "Midtby",
    "Havnen",
    "Søndermarken",
    "Skovhøj",
    "Bakken",
    "Enghaven",
    "Kirkebakken",
    "Strandparken",
    "Åparken",
    "Vænget",
    "Toftegården",
    "Møllevangen",
    "Rosenhøj",
    "Lindegården",
    "Egeskov",
    "Birkely",
    "Solbakken",
    "Nørrevang",
    "Sønderbro",
    "Vesterled",
    "Østerled",
    "Kløvermarken",
    "Hyldegården",
    "Stationsbyen",
    "Gl. Landsby",
    "Bymidten",
)
WORDS = NOUNS + VERBS + ADJECTIVES


def sentence(pick: random.Random, words: int) -> str:
    """Words from the vocabulary, nouns and small words mixed roughly as Danish runs."""
    parts = []
    for index in range(words):
        pool = (
            SMALL
            if index % 3 == 1
            else NOUNS
            if index % 3 == 0
            else VERBS
            if index % 2
            else ADJECTIVES
        )
        parts.append(pick.choice(pool))
    return " ".join(parts)


def own_remark(pick: random.Random) -> str:
    cue = pick.choice(CUES)
    if pick.random() < 0.4:
        return f"{cue} {sentence(pick, pick.randint(2, 6))}".strip().capitalize()
    return f"{cue} {sentence(pick, pick.randint(10, 32))}.".strip().capitalize()


def campaign_texts(seed: int) -> list[tuple[int, str]]:
    pick = random.Random(seed)
    return [
        (
            pick.randrange(len(TOPICS)),
            f"{pick.choice(CUES[:8])} {sentence(pick, pick.randint(20, 40))}.".capitalize(),
        )
        for _ in range(CAMPAIGNS)
    ]


def edited(pick: random.Random, text: str) -> str:
    """A campaign copy: as sent half of the time, else one or two small edits."""
    if pick.random() < 0.5:
        return text
    words = text.split()
    for _ in range(pick.randint(1, 2)):
        where = pick.randrange(1, len(words) - 1)
        edit = pick.random()
        if edit < 0.25:
            words[where] = pick.choice(WORDS)
        elif edit < 0.45:
            del words[where]
        elif edit < 0.65:
            words.insert(where, pick.choice(WORDS))
        elif edit < 0.85 and len(words[where]) > 3:
            w = words[where]
            words[where] = w[0] + w[2] + w[1] + w[3:]
        else:  # a short sentence of one's own at the end
            words.append(f"{pick.choice(CUES)} {sentence(pick, pick.randint(2, 6))}.".strip())
    return " ".join(words)


def campaign_sizes(n: int) -> list[int]:
    weights = [1 / (k + 1) ** 0.8 for k in range(CAMPAIGNS)]
    total = sum(weights)
    return [max(10, round(n * CAMPAIGN_SHARE * w / total)) for w in weights]


HEARING = """\
id: trafikplan-{n}
title: Forslag til trafikplan, borgerhøring
authority: region-hovedstaden
draft:
  name: Trafikplan for kommunen, forslag
period: {{start: 2019-05-01, end: 2019-06-21}}
deadline: 2019-06-21
topics:
  - id: trafik
    title: Trafik
  - id: parkering
    title: Parkering
  - id: cykelstier
    title: Cykelstier
  - id: groenne-omraader
    title: Grønne områder
form:
  respondent: navn
  organisation: organisation
  date: indsendt
  topics: {{spm_1: trafik, spm_2: parkering, spm_3: cykelstier, spm_4: groenne-omraader}}
"""


def generate(n: int, folder: Path, seed: int = 2019) -> None:
    """The hearing of n answers, written in row groups of CHUNK (never all in memory)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    (folder / "responses").mkdir(parents=True, exist_ok=True)
    (folder / "hearing.yaml").write_text(HEARING.format(n=n), encoding="utf-8")
    pick = random.Random(seed)
    texts = campaign_texts(seed)
    sizes = campaign_sizes(n)
    members = [c for c, size in enumerate(sizes) for _ in range(size)][:n]
    members += [-1] * (n - len(members))
    pick.shuffle(members)
    organisations = [
        f"{pick.choice(KINDS)} {place}"
        for place in PLACES
        for _ in range(ORGANISATIONS // len(PLACES))
    ]
    names = ("navn", "organisation", "indsendt", *COLUMNS)
    schema = pa.schema([(c, pa.string()) for c in names])
    start = dt.date(2019, 5, 1)
    writer = pq.ParquetWriter(folder / "responses" / "svar.parquet", schema)
    part = folder / "truth.parquet.part"  # named truth.parquet once whole: then it is reused
    truth = pq.ParquetWriter(part, pa.schema([("campaign", pa.int32())]))
    for first in range(0, n, CHUNK):
        rows: dict[str, list] = {c: [] for c in names}
        for campaign in members[first : first + CHUNK]:
            _row(pick, rows, campaign, texts, organisations, start)
        writer.write_table(pa.table(rows, schema=schema))
        truth.write_table(
            pa.table({"campaign": pa.array(members[first : first + CHUNK], pa.int32())})
        )
    writer.close()
    truth.close()
    part.rename(folder / "truth.parquet")


def _row(pick, rows, campaign, texts, organisations, start) -> None:
    rows["navn"].append("" if pick.random() < 0.1 else f"{pick.choice(FIRST)} {pick.choice(LAST)}")
    rows["organisation"].append(pick.choice(organisations) if pick.random() < 0.05 else "")
    late = pick.random() < 0.02
    day = start + dt.timedelta(days=pick.randint(52, 60) if late else pick.randint(0, 51))
    clock = f"{pick.randint(7, 22):02d}:{pick.randint(0, 59):02d}"
    rows["indsendt"].append(f"{day.isoformat()} {clock}")
    for index, column in enumerate(COLUMNS):
        if campaign >= 0 and texts[campaign][0] == index:
            rows[column].append(edited(pick, texts[campaign][1]))
        else:
            rows[column].append(own_remark(pick) if pick.random() < 0.55 else "")


def pair_scores(folder: Path, matrix: Path) -> tuple[float, float]:
    """Pairwise precision and recall of the campaigns found against the generator's truth."""
    import pyarrow.parquet as pq

    cells: Counter = Counter()
    found_sizes: Counter = Counter()
    true_sizes: Counter = Counter()
    truth_batches = pq.ParquetFile(folder / "truth.parquet").iter_batches(50_000)
    found_batches = pq.ParquetFile(matrix).iter_batches(50_000, columns=["Kampagne"])
    truth_values: list[int] = []
    for batch in found_batches:
        while len(truth_values) < batch.num_rows:
            truth_values += next(truth_batches).column(0).to_pylist()
        mine, truth_values = truth_values[: batch.num_rows], truth_values[batch.num_rows :]
        for true, found in zip(mine, batch.column(0).to_pylist(), strict=True):
            label = int(found.split(",")[0]) if found else -1
            if label >= 0:
                found_sizes[label] += 1
            if true >= 0:
                true_sizes[true] += 1
            if label >= 0 and true >= 0:
                cells[(true, label)] += 1

    def pairs(counts):
        return sum(c * (c - 1) // 2 for c in counts.values())

    both = pairs(cells)
    return both / max(1, pairs(found_sizes)), both / max(1, pairs(true_sizes))


def child(folder: Path, workers: int, out: Path) -> dict:
    """One run, in its own process: compare, write the matrix, measure."""
    from hoering.commands.compare import write_matrix
    from hoering.hearing import load_hearing
    from hoering.mass.engine import compare_tables
    from hoering.mass.runners import LocalRunner

    hearing = load_hearing(folder)
    client = None
    if workers:
        from hoering.mass.runners import DaskRunner, dask_client

        client = dask_client(workers=workers)
        runner = DaskRunner(client)
    else:
        runner = LocalRunner()
    started = time.perf_counter()
    result = compare_tables(hearing, runner)
    write_matrix(result.matrix_chunks(), out)
    seconds = time.perf_counter() - started
    client_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_mb = sorted(v / 2**20 for v in runner.worker_memory().values())
    if client is not None:
        client.close()
    precision, recall = pair_scores(folder, out / "formularsvar.parquet")
    summary = result.summary
    return {
        "seconds": seconds,
        "client_mb": client_mb,
        "workers_mb": workers_mb,
        "precision": precision,
        "recall": recall,
        "partitions": result.partitions,
        "campaigns": len(result.campaigns),
        "in_campaigns": result.campaign_remarks,
        "counts": {t: dict(sorted(c.items())) for t, c in summary.counts.items()},
        "answers": summary.answers,
        "organisations": len(summary.organisations),
        "campaign_sizes": [c.respondents for c in result.campaigns],
        "matrix_mb": sum(p.stat().st_size for p in out.iterdir()) / 2**20,
    }


def run(folder: Path, workers: int, out: Path) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        str(folder),
        "--workers",
        str(workers),
        "--out",
        str(out),
    ]
    load = os.getloadavg()[0]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"run failed:\n{done.stderr[-3000:]}")
    result: dict = json.loads(done.stdout.strip().splitlines()[-1])
    result["load"] = f"{load:.0f}-{os.getloadavg()[0]:.0f}"
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers (0: one process)")
    parser.add_argument(
        "--check-local",
        type=int,
        default=10_000,
        help="size at which the single-process path is compared (0: none)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=Path.home() / ".cache" / "hoering-bench-mass",  # the user's: not a shared /tmp
        help="where generated hearings are kept between runs",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.workers, args.out)))
        return
    print(f"load before: {os.getloadavg()[0]:.2f} (1-minute average), {os.cpu_count()} cores")
    print(
        f"\n{'answers':>10} {'workers':>7} {'parts':>5} {'s':>7} {'client MB':>9} "
        f"{'worker MB':>15} {'P':>6} {'R':>6} {'campaigns':>9} {'matrix MB':>9} {'load':>7}  same"
    )
    for n in (int(s) for s in args.sizes.split(",")):
        folder = args.data / str(n)
        if not (folder / "truth.parquet").exists():
            started = time.perf_counter()
            generate(n, folder)
            print(f"(generated {n:,} answers in {time.perf_counter() - started:.0f} s)")
        result = run(folder, args.workers, args.data / f"out-{n}-{args.workers}")
        same = ""
        if n == args.check_local and args.workers:
            local = run(folder, 0, args.data / f"out-{n}-0")
            same = (
                "yes"
                if all(local[k] == result[k] for k in ("counts", "answers", "campaign_sizes"))
                else "NO"
            )
            _line(n, 0, local, "")
        _line(n, args.workers, result, same)
    print(
        f"\nload after: {os.getloadavg()[0]:.2f}. P/R: pairs of answers in one campaign, "
        f"found vs generated. worker MB: peak resident set of each worker."
    )


def _line(n: int, workers: int, r: dict, same: str) -> None:
    workers_mb = "/".join(f"{w:.0f}" for w in r["workers_mb"]) or "-"
    print(
        f"{n:>10,} {workers:>7} {r['partitions']:>5} {r['seconds']:>7.1f} "
        f"{r['client_mb']:>9.0f} {workers_mb:>15} {r['precision']:>6.3f} "
        f"{r['recall']:>6.3f} {r['campaigns']:>9} {r['matrix_mb']:>9.1f} {r['load']:>7}  {same}",
        flush=True,
    )


if __name__ == "__main__":
    main()
