"""The layers of hoering, bottom to top: a module may import from its own layer and the
layers below it, never from one above, and no two packages may import each other
(``tests/test_layers.py`` checks every import, and that the README's architecture paragraph
lists the same layers in the same order).

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
            "hoering.languages",
            "hoering.messages",
            "hoering.errors",
            "hoering.log",
            "hoering.i18n",
            "hoering.dates",
            "hoering.text",
            "hoering.prose",
            "hoering.limits",
            "hoering.archives",
            "hoering.paths",
            "hoering.config",
            "hoering.output",
            "hoering.spreadsheet",
            "hoering.parallel",
            "hoering.layers",
        ),
    ),
    ("model", ("hoering.model",)),  # the document model
    ("sources", ("hoering.sources", "hoering.hearing", "hoering.response_in_hearing")),
    ("render", ("hoering.render",)),  # model → DOCX/PDF/HTML bytes, templates
    ("profiles", ("hoering.organisations",)),  # organisation profiles → letterheads
    # the domain: what hoering makes of sources, in four steps, each using those before it
    ("readers", ("hoering.imports", "hoering.forms", "hoering.minutes")),  # files → records
    ("documents", ("hoering.documents", "hoering.campaigns")),  # a source's document; campaigns
    ("mass", ("hoering.mass",)),  # web-form answers compared over partitions
    ("comparison", ("hoering.comparison",)),  # a hearing's responses → the notat and its files
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
