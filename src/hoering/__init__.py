"""hoering: høringssvar, referater and høringsnotater from Markdown to letterhead documents.

The Python API does everything the CLI does::

    import hoering
    report = hoering.build(["consultations"])          # DOCX, PDF, HTML into output/
    report = hoering.check()                           # validate, write nothing
    skeleton = hoering.NewResponse(hearing="x", organisation="ishoj")
    path = hoering.new_response(hoering.load_config(), skeleton)

Each command of the CLI is a module of :mod:`hoering.commands` with an options record and a
``run(config, options)`` that returns the report the CLI prints.

Names are imported lazily so ``import hoering`` stays cheap. No submodule may carry the
name of an API function (importing ``hoering.x`` would replace the function ``hoering.x``).
"""

from __future__ import annotations

from typing import Any

from .errors import ConfigError, HoeringError, OutputError, SourceError, SourceErrors, TemplateError

__version__ = "0.1.0"

_LAZY = {
    "build": "hoering.commands.build:build",
    "check": "hoering.commands.check:check",
    "BuildReport": "hoering.commands.build:BuildReport",
    "load_config": "hoering.config:load_config",
    "Config": "hoering.config:Config",
    "new_response": "hoering.commands.new:new_response",
    "new_minutes": "hoering.commands.new:new_minutes",
    "open_actions": "hoering.minutes.overview:open_actions",
    "new_hearing": "hoering.commands.new:new_hearing",
    "new_organisation": "hoering.commands.new:new_organisation",
    "NewResponse": "hoering.commands.new:NewResponse",
    "NewMinutes": "hoering.commands.new:NewMinutes",
    "NewHearing": "hoering.commands.new:NewHearing",
    "NewOrganisation": "hoering.commands.new:NewOrganisation",
    "compare": "hoering.comparison.collect:compare",
    "write_comparison": "hoering.commands.compare:write_comparison",
    "CompareOptions": "hoering.commands.compare:CompareOptions",
    "OutputOptions": "hoering.comparison.outputs:OutputOptions",
    "write_remarks": "hoering.commands.remarks:write_remarks",
    "Comparison": "hoering.comparison.model:Comparison",
    "load_source": "hoering.sources:load_source",
    "compose": "hoering.documents:compose",
    "Document": "hoering.model:Document",
    "import_file": "hoering.imports.run:import_file",
    "import_files": "hoering.imports.run:import_files",
    "review": "hoering.imports.review:review",
}

__all__ = [
    "ConfigError",
    "HoeringError",
    "OutputError",
    "SourceError",
    "SourceErrors",
    "TemplateError",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'hoering' has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name].split(":")
    return getattr(importlib.import_module(module), attribute)
