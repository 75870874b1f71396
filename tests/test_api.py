"""The Python API: every public name resolves to what it says, never to a submodule."""

from __future__ import annotations

import importlib
import pkgutil
import types

import hoering


def test_every_api_name_survives_importing_every_submodule():
    for module in pkgutil.walk_packages(hoering.__path__, "hoering."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in hoering.__all__:
        value = getattr(hoering, name)
        assert not isinstance(value, types.ModuleType), f"hoering.{name} is a module"


def test_unknown_name_is_an_attribute_error():
    try:
        hoering.frobnicate  # noqa: B018
    except AttributeError as exc:
        assert "frobnicate" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
