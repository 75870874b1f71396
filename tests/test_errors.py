"""Every error a user can see survives pickling (errors travel back from worker processes)
with its class, message, hint and location, and ``located`` keeps the class."""

from __future__ import annotations

import importlib
import inspect
import pickle
import pkgutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

import hoering
from hoering.errors import HoeringError, NotInProject, SourceError, SourceErrors
from hoering.imports.safety import ImportFileError


def _import_all() -> None:
    """Import every module of hoering, so each error class is defined before we look."""
    for module in pkgutil.walk_packages(hoering.__path__, "hoering."):
        if module.name != "hoering.__main__":  # that one runs the CLI
            importlib.import_module(module.name)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


_import_all()
ERROR_CLASSES = sorted({HoeringError, *_subclasses(HoeringError)}, key=lambda c: c.__qualname__)


def example(cls: type[HoeringError]) -> HoeringError:
    """An error of class ``cls`` with every field filled in that it has."""
    if issubclass(cls, SourceErrors):
        return cls([SourceError(None, "date missing", line=3, key="date", hint="add date:")])
    if issubclass(cls, NotInProject):
        return cls(Path("elsewhere"))
    if issubclass(cls, SourceError):
        return cls(None, "not a date", line=4, key="deadline", hint="write 2026-03-01")
    parameters = list(inspect.signature(cls.__init__).parameters)
    assert parameters[1:] == ["message", "hint"], (
        f"{cls.__qualname__} takes ({', '.join(parameters[1:])}): say in example() how to make one"
    )
    return cls("cannot write output", hint="close the file in Word")


def _fields(error: HoeringError) -> tuple:
    return (type(error), str(error), error.message, error.hint, error.path, error.line, error.key)


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__qualname__)
def test_error_round_trips_through_pickle(cls):
    error = example(cls)
    again = pickle.loads(pickle.dumps(error))
    assert _fields(again) == _fields(error)
    assert repr(again.args) == repr(error.args)


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__qualname__)
def test_located_error_keeps_its_class_and_location_through_pickle(cls):
    error = example(cls).located(Path("svar.md"))
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is cls
    assert str(again) == str(error)
    if isinstance(error, SourceErrors):
        assert str(again) == "svar.md:3: date: date missing (add date:)"
    elif isinstance(error, SourceError):
        assert str(again) == "svar.md:4: deadline: not a date (write 2026-03-01)"
        assert (again.path, again.line, again.key) == (Path("svar.md"), 4, "deadline")
    else:
        assert str(again).startswith("svar.md: ")


def test_located_keeps_the_file_an_error_already_names():
    error = SourceError("hoering.toml", "unknown key", line=2)
    assert error.located(Path("svar.md")) is error
    assert str(error) == "hoering.toml:2: unknown key"


def test_located_does_not_change_the_error_it_was_called_on():
    error = SourceError(None, "not a date", line=4)
    error.located(Path("svar.md"))
    assert error.path is None
    assert str(error) == "not a date"


def test_import_error_keeps_its_debug_detail_through_pickle():
    error = ImportFileError("brev.pdf", "cannot read brev.pdf", hint="save it again")
    error.detail = "Traceback (most recent call last): ..."
    again = pickle.loads(pickle.dumps(error))
    assert again.detail == error.detail
    assert str(again) == "brev.pdf: cannot read brev.pdf (save it again)"


def _fail_in_worker(path: str) -> None:
    raise SourceError(None, "not a date", line=4, key="deadline").located(Path(path))


def test_error_raised_in_a_worker_process_arrives_whole():
    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_fail_in_worker, "svar.md")
        with pytest.raises(SourceError) as caught:
            future.result()
    assert str(caught.value) == "svar.md:4: deadline: not a date"
    assert caught.value.line == 4
