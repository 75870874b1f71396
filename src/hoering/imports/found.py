"""A value import found, with how sure it is and where it was found: what every guess of
import is (a sender, a date, a heading's topic), so that a person can check it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T", covariant=True)  # a Found[str] is a Found[object] (the writer's list)


@dataclass(frozen=True)
class Found(Generic[T]):
    value: T
    confidence: float
    found_in: str
    score: float | None = None  # the raw evidence score the confidence was measured for
