"""Helpers shared by the benchmarks: timing runs and printing a ratio against a baseline."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of `repeat` runs in seconds (least disturbed by the rest of the machine)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def median(values: list[float]) -> float:
    return statistics.median(values)


def report(title: str, ours: float, baseline: float, target: float, unit: str = "s") -> bool:
    ratio = ours / baseline if baseline > 0 else float("inf")
    verdict = "OK" if ratio <= target else "DI ATAS TARGET"
    print(f"{title}: ukom {ours:.3f} {unit}, baseline {baseline:.3f} {unit}, rasio {ratio:.2f}x "
          f"(target <= {target}x) {verdict}")
    return ratio <= target
