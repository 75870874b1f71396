"""A horizontal stacked bar chart: responses per topic, split by stance (PNG, made with
matplotlib; imported only here because it is slow to import). Same data, same bytes."""

from __future__ import annotations

import io

from ..i18n import label
from ..model.stances import NO_STANCE, ORDER
from .model import Comparison
from .tally import tally_of

# Colour-blind safe (Okabe-Ito), with hatching so print in black and white still tells apart.
COLOURS = {"positive": "#009E73", "concern": "#D55E00", "proposal": "#0072B2", NO_STANCE: "#999999"}
HATCHES = {"positive": "", "concern": "//", "proposal": "..", NO_STANCE: "xx"}


def chart_data(comparison: Comparison) -> dict[str, list[int]]:
    """What the chart draws: per stance, the remarks on each topic (letters and web form),
    in the hearing's order of topics."""
    return {s: [t.count(s) for t in tally_of(comparison).topics] for s in ORDER}


def chart_png(comparison: Comparison, lang: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    titles = {t.topic.id: t.topic.title for t in comparison.topics}
    topics = list(reversed(tally_of(comparison).topics))
    names = [titles[t.topic] for t in topics]
    plt.rcParams["svg.hashsalt"] = "hoering"
    figure, axes = plt.subplots(figsize=(8, 0.45 * len(topics) + 1.4), dpi=150)
    left = [0] * len(topics)
    drawn = False
    for stance, counts in chart_data(comparison).items():
        counts = counts[::-1]
        if not any(counts):
            continue
        axes.barh(
            names,
            counts,
            left=left,
            color=COLOURS[stance],
            hatch=HATCHES[stance],
            edgecolor="white",
            label=label(stance, lang),
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
        drawn = True
    axes.set_xlabel(label("remarks_axis", lang))
    locator = axes.xaxis.get_major_locator()
    if isinstance(locator, MaxNLocator):  # the default AutoLocator is one: whole numbers
        locator.set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    if drawn:  # no remark on any topic (only form answers, say): no legend to show
        axes.legend(
            loc="upper center",
            bbox_to_anchor=(0.4, -0.12 - 0.6 / len(topics)),
            ncol=4,
            frameon=False,
        )
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()
