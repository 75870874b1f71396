"""The matrix of a mass consultation, one partition at a time: a row per answer (file, row,
respondent, organisation, date), the stance per topic, and the campaigns the answer joined.
Made where the partition is; the client only writes the pieces in order (:mod:`.outputs`)."""

from __future__ import annotations

from typing import Any

from ..i18n import label
from .grouping import Verified
from .partition import PartitionData

COLUMNS = {"da": ("Fil", "Række", "Respondent", "Organisation", "Dato", "Kampagne"),
           "en": ("File", "Row", "Respondent", "Organisation", "Date", "Campaign")}


def matrix_columns(titles: tuple[str, ...], lang: str) -> list[str]:
    file, row, who, organisation, date, campaign = COLUMNS.get(lang, COLUMNS["da"])
    return [file, row, who, organisation, date, *titles, campaign]


def matrix_table(data: PartitionData, verified: Verified, numbers: dict[int, int],
                 titles: tuple[str, ...], lang: str) -> Any:
    """This partition's rows of the matrix, as a pyarrow table."""
    import pyarrow as pa

    from ..comparison.model import main_stance

    answers = data.answers
    count = len(answers.row)
    stances: list[list[list[str]]] = [[[] for _ in range(count)] for _ in titles]
    joined: list[set[int]] = [set() for _ in range(count)]
    remarks = data.remarks
    for index, (topic, row) in enumerate(zip(remarks.topic, remarks.row, strict=True)):
        stances[topic][row].append(remarks.stance[index])
        number = numbers.get(int(verified.labels[index]))
        if number is not None:
            joined[row].add(number)
    words = {s: label(s, lang) for s in ("positive", "concern", "proposal", "none")}
    names = matrix_columns(titles, lang)
    columns = [
        pa.array([data.job.part.path.name] * count, pa.string()),
        pa.array(answers.row, pa.int64()),
        pa.array(answers.respondent, pa.string()),
        pa.array(answers.organisation, pa.string()),
        pa.array(answers.date, pa.date32()),
        *(pa.array([words[main_stance(s)] if s else "" for s in topic], pa.string())
          for topic in stances),
        pa.array([", ".join(map(str, sorted(j))) for j in joined], pa.string()),
    ]
    return pa.Table.from_arrays(columns, names=names)
