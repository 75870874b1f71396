"""The matrix of a mass consultation, one partition at a time: a row per answer (file, row,
respondent, organisation, date), the stance per topic, and the campaigns the answer joined.
Made where the partition is; the client only writes the pieces in order
(:func:`hoering.commands.compare.write_matrix`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..i18n import label
from ..messages import tr_in
from ..model.stances import main_stance
from .partition import PartitionData


def matrix_columns(titles: tuple[str, ...], lang: str) -> list[str]:
    """The matrix's column headers in the hearing's language: the answer, a column per
    topic (``titles``) and the campaigns it joined."""
    return [
        tr_in(lang, "File"),
        tr_in(lang, "Row"),
        tr_in(lang, "Respondent"),
        label("organisation", lang),
        label("date", lang),
        *titles,
        tr_in(lang, "Campaign"),
    ]


@dataclass(frozen=True)
class MatrixPart:
    """A partition's rows of the matrix, all but the campaign column (which needs the
    campaigns' numbers): a pyarrow table, and (answer, group label) for each remark in a
    group."""

    table: Any
    rows: np.ndarray
    labels: np.ndarray


def matrix_part(data: PartitionData, labels: np.ndarray) -> MatrixPart:
    """This partition's rows of the matrix; made once the remarks' groups are known, so the
    remarks themselves can be let go."""
    import pyarrow as pa

    job, answers, remarks = data.job, data.answers, data.remarks
    count = len(answers.row)
    stances: list[list[list[str]]] = [[[] for _ in range(count)] for _ in job.titles]
    for topic, row, stance in zip(remarks.topic, remarks.row, remarks.stance, strict=True):
        stances[topic][row].append(stance)
    words = {s: label(s, job.lang) for s in ("positive", "concern", "proposal", "none")}
    names = matrix_columns(job.titles, job.lang)[:-1]
    columns: list[pa.Array[Any]] = [
        pa.array([job.part.path.name] * count, pa.string()),
        pa.array(answers.row, pa.int64()),
        pa.array(answers.respondent, pa.string()),
        pa.array(answers.organisation, pa.string()),
        pa.array(answers.date, pa.date32()),
        *(
            pa.array([words[main_stance(s)] if s else "" for s in topic], pa.string())
            for topic in stances
        ),
    ]
    grouped = np.nonzero(labels >= 0)[0]
    rows = np.array(remarks.row, dtype=np.int64)[grouped]
    return MatrixPart(pa.Table.from_arrays(columns, names=names), rows, labels[grouped])


def matrix_table(part: MatrixPart, numbers: dict[int, int], lang: str) -> Any:
    """The partition's rows of the matrix with the campaigns each answer joined."""
    import pyarrow as pa

    joined: list[set[int]] = [set() for _ in range(part.table.num_rows)]
    for row, group in zip(part.rows, part.labels, strict=True):
        number = numbers.get(int(group))
        if number is not None:
            joined[row].add(number)
    column = pa.array([", ".join(map(str, sorted(j))) for j in joined], pa.string())
    return part.table.append_column(tr_in(lang, "Campaign"), column)
