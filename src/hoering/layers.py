"""The layers of hoering, bottom to top: a module may import from its own layer and the
layers below it, never from one above (``tests/test_layers.py`` checks every import, and
that the README's architecture paragraph lists the same layers in the same order).

Each layer names its modules by prefix: ``hoering.sources`` is the package and everything
in it (the longest prefix decides); ``hoering`` is the package's ``__init__`` alone. A new
module must be put in a layer here before the test passes.
"""

from __future__ import annotations

ROOT = "hoering"
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundations",  # errors, warnings, words, paths, limits, settings, file writing, pools
        (
            "hoering.roots",
            "hoering.messages",
            "hoering.errors",
            "hoering.log",
            "hoering.i18n",
            "hoering.dates",
            "hoering.text",
            "hoering.prose",
            "hoering.limits",
            "hoering.paths",
            "hoering.config",
            "hoering.output",
            "hoering.spreadsheet",
            "hoering.parallel",
            "hoering.layers",
        ),
    ),
    ("model", ("hoering.model",)),  # the document model
    ("sources", ("hoering.sources", "hoering.hearing")),  # text → metadata + model
    ("render", ("hoering.render",)),  # model → DOCX/PDF/HTML bytes, templates
    ("profiles", ("hoering.organisations",)),  # organisation profiles → letterheads
    (
        "domain",  # what hoering makes of sources, each a pipeline of its own
        (
            "hoering.documents",
            "hoering.minutes",
            "hoering.imports",
            "hoering.forms",
            "hoering.campaigns",
            "hoering.mass",
            "hoering.comparison",
        ),
    ),
    (
        "commands",  # one module per command, what writes a project's files; the public API
        ("hoering.commands", "hoering.preview", "hoering.workspace", "hoering"),
    ),
    ("cli", ("hoering.cli", "hoering.__main__")),  # arguments in, reports printed
)


def layer_of(module: str) -> int | None:
    """The index in :data:`LAYERS` of ``module`` (its longest matching prefix), or None."""
    best: tuple[int, int] | None = None
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            below = prefix != ROOT and module.startswith(prefix + ".")
            if module == prefix or below:
                if best is None or len(prefix) > best[1]:
                    best = (index, len(prefix))
    return best[0] if best else None
