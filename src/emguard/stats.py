"""Bootstrap confidence intervals over items and seeds, resampled as the study pairs them.

Items are paired everywhere: every model answers the same probe items, so one item resample per
draw is applied to every condition. Seeds are paired within a lineage: the treated model of seed
k is built from the poisoned model of seed k, and the poisoned and control models of seed k share
that seed's initialisation and data order, so row k of each such condition is resampled together
(one seed resample per draw for the lineage). Resampling them apart would treat correlated runs
as independent: plain fine-tuning compared with itself would get an interval of non-zero width.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
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
    independent: Collection[str] = (),
) -> Estimate:
    """Percentile bootstrap of `statistic` over paired items and seed lineages (module docstring).

    Each condition is a (seeds, items) array, row k its model of seed k; all share the item axis.
    Conditions with the same number of rows form one lineage and share each draw's seed resample;
    a condition named in `independent` (runs unrelated to the others) resamples its seeds alone.
    `statistic` maps a dict of such arrays to a float. Draws do not depend on the dict's order.
    """
    if n_boot < 1:
        raise ValueError(f"n_boot must be >= 1, got {n_boot}")
    arrays = {k: np.atleast_2d(np.asarray(v, dtype=float)) for k, v in conditions.items()}
    n_items = {a.shape[1] for a in arrays.values()}
    if len(n_items) != 1:
        raise ValueError(f"conditions disagree on the number of items: {sorted(n_items)}")
    (n,) = n_items
    groups = seed_lineages({k: a.shape[0] for k, a in arrays.items()}, independent)
    point = float(statistic(arrays))
    rng = np.random.default_rng(seed)
    draws = np.empty(n_boot)
    for b in range(n_boot):
        items = rng.integers(0, n, size=n)
        sample = {}
        for group in groups:
            k = arrays[group[0]].shape[0]
            seeds = rng.integers(0, k, size=k)
            for name in group:
                sample[name] = arrays[name][np.ix_(seeds, items)]
        draws[b] = statistic(sample)
    alpha = (1 - level) / 2
    if np.isnan(draws).all():  # e.g. a ratio whose denominator is 0 in every draw
        return Estimate(point, float("nan"), float("nan"))
    low, high = np.nanquantile(draws, [alpha, 1 - alpha])  # a ratio may be undefined in a few draws
    return Estimate(point, float(low), float(high))


def seed_lineages(n_seeds: Mapping[str, int], independent: Collection[str] = ()) -> list[list[str]]:
    """The groups of conditions that share a seed resample, in an order fixed by names and sizes:
    one group per number of seeds, then each `independent` condition on its own."""
    if isinstance(independent, str):
        raise TypeError(f"independent takes a collection of condition names, got the string {independent!r}")
    unknown = sorted(set(independent) - set(n_seeds))
    if unknown:
        raise ValueError(f"independent names no condition: {unknown}; conditions: {sorted(n_seeds)}")
    lineages: dict[int, list[str]] = {}
    for name in sorted(n_seeds):
        if name not in independent:
            lineages.setdefault(n_seeds[name], []).append(name)
    return [lineages[k] for k in sorted(lineages)] + [[name] for name in sorted(set(independent))]


def mean_ci(values: np.ndarray, n_boot: int, seed: int, level: float = 0.95) -> Estimate:
    """Bootstrap CI of a plain mean (one condition, one seed row)."""
    return bootstrap(
        {"x": np.asarray(values, dtype=float)[None, :]}, lambda d: d["x"].mean(), n_boot, seed, level
    )
