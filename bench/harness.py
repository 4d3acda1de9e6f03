"""Timing and tables: medians and spread of many samples, and ratios to a baseline of the same run."""

from __future__ import annotations

import statistics
import timeit
from collections.abc import Callable, Sequence

from attrs import frozen


@frozen
class Stats:
    """Seconds per call: median and interquartile range of the samples."""

    median: float
    q1: float
    q3: float
    samples: int

    @classmethod
    def of(cls, times: Sequence[float]) -> Stats:
        q1, _, q3 = statistics.quantiles(times, n=4) if len(times) > 1 else (times[0], 0.0, times[0])
        return cls(statistics.median(times), q1, q3, len(times))

    @property
    def spread(self) -> float:
        """The interquartile range relative to the median."""
        return (self.q3 - self.q1) / self.median if self.median else 0.0


def measure(action: Callable[[], object], *, sample_seconds: float = 0.01, samples: int = 15) -> Stats:
    """Time ``action``: each sample runs it enough times to last about ``sample_seconds``."""
    return measure_together([action], sample_seconds=sample_seconds, samples=samples)[0]


def measure_together(
    actions: Sequence[Callable[[], object]], *, sample_seconds: float = 0.01, samples: int = 21
) -> list[Stats]:
    """Time several actions in interleaved rounds, so that a busy moment of the machine hits all of
    them alike and their ratios stay stable even when absolute times drift."""
    timers = [timeit.Timer(action) for action in actions]
    numbers = [max(1, int(timer.autorange()[0] * sample_seconds / 0.2)) for timer in timers]  # autorange aims at 0.2 s
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(samples):
        for timer, number, collected in zip(timers, numbers, times, strict=True):
            collected.append(timer.timeit(number) / number)
    return [Stats.of(collected) for collected in times]


def microseconds(seconds: float) -> str:
    return f"{seconds * 1e6:,.2f} µs" if seconds < 1e-3 else f"{seconds * 1e3:,.2f} ms"


@frozen
class Row:
    label: str
    stats: Stats | None  # None: the contender cannot do this
    note: str = ""


def table(title: str, rows: Sequence[Row], baseline: Stats, *, goal: float | None = None, goal_text: str = "") -> str:
    """A markdown table: median, spread and the ratio of each row to ``baseline``."""
    lines = [f"#### {title}", "", "| | median | spread (IQR) | × baseline |", "|---|---:|---:|---:|"]
    for row in rows:
        if row.stats is None:
            lines.append(f"| {row.label} | — | — | {row.note or 'not supported'} |")
            continue
        ratio = row.stats.median / baseline.median
        lines.append(
            f"| {row.label} | {microseconds(row.stats.median)} | ±{row.stats.spread:.0%} | {ratio:.2f}×"
            + (f" {row.note}" if row.note else "")
            + " |"
        )
    if goal is not None:
        lines += ["", goal_text]
    return "\n".join(lines) + "\n"


def verdict(met: bool) -> str:
    return "**met**" if met else "**not met**"
