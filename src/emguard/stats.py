"""Bootstrap confidence intervals over items and seeds.

Probe items are shared by every model (paired), so one item resample is applied to all
conditions; seeds are independent runs, so each condition resamples its own seeds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Estimate:
    """A point estimate with its bootstrap confidence interval."""

    value: float
    low: float
    high: float

    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0

    def __str__(self) -> str:
        return format_ci(self.value, self.low, self.high)

    def to_dict(self, prefix: str = "") -> dict[str, float]:
        return {f"{prefix}value": self.value, f"{prefix}ci_low": self.low, f"{prefix}ci_high": self.high}


def format_ci(value: float, low: float, high: float) -> str:
    """The one way tables, macros and notes print an estimate: `+0.031 [+0.020, +0.042]`."""
    return f"{value:+.3f} [{low:+.3f}, {high:+.3f}]"


def format_estimate(e: Mapping[str, float]) -> str:
    """format_ci of an Estimate.to_dict() as stored in the metrics JSON."""
    return format_ci(e["value"], e["ci_low"], e["ci_high"])


def bootstrap(
    conditions: Mapping[str, np.ndarray],
    statistic: Callable[[Mapping[str, np.ndarray]], float],
    n_boot: int,
    seed: int,
    level: float = 0.95,
) -> Estimate:
    """Percentile bootstrap of `statistic` over paired items and per-condition seeds.

    Each condition is a (seeds, items) array; all share the item axis. `statistic` maps a dict
    of such arrays to a float.
    """
    if n_boot < 1:
        raise ValueError(f"n_boot must be >= 1, got {n_boot}")
    arrays = {k: np.atleast_2d(np.asarray(v, dtype=float)) for k, v in conditions.items()}
    n_items = {a.shape[1] for a in arrays.values()}
    if len(n_items) != 1:
        raise ValueError(f"conditions disagree on the number of items: {sorted(n_items)}")
    (n,) = n_items
    point = float(statistic(arrays))
    rng = np.random.default_rng(seed)
    draws = np.empty(n_boot)
    for b in range(n_boot):
        items = rng.integers(0, n, size=n)
        sample = {}
        for name, a in arrays.items():
            seeds = rng.integers(0, a.shape[0], size=a.shape[0])
            sample[name] = a[np.ix_(seeds, items)]
        draws[b] = statistic(sample)
    alpha = (1 - level) / 2
    if np.isnan(draws).all():  # e.g. a ratio whose denominator is 0 in every draw
        return Estimate(point, float("nan"), float("nan"))
    low, high = np.nanquantile(draws, [alpha, 1 - alpha])  # a ratio may be undefined in a few draws
    return Estimate(point, float(low), float(high))


def mean_ci(values: np.ndarray, n_boot: int, seed: int, level: float = 0.95) -> Estimate:
    """Bootstrap CI of a plain mean (one condition, one seed row)."""
    return bootstrap(
        {"x": np.asarray(values, dtype=float)[None, :]}, lambda d: d["x"].mean(), n_boot, seed, level
    )
