import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.stats import Estimate, bootstrap, format_estimate, mean_ci


def test_ci_covers_a_clear_effect_and_excludes_zero():
    rng = np.random.default_rng(0)
    poison = 0.5 + rng.normal(0, 0.3, size=(3, 100))
    control = rng.normal(0, 0.3, size=(3, 100))
    est = bootstrap({"p": poison, "c": control}, lambda d: d["p"].mean() - d["c"].mean(), 500, seed=1)
    assert est.low < 0.5 < est.high
    assert est.excludes_zero()


def test_no_effect_ci_includes_zero():
    rng = np.random.default_rng(3)
    a = rng.normal(0, 1, size=(3, 80))
    b = rng.normal(0, 1, size=(3, 80))
    est = bootstrap({"a": a, "b": b}, lambda d: d["a"].mean() - d["b"].mean(), 500, seed=0)
    assert not est.excludes_zero()


def test_mismatched_items_rejected():
    import pytest

    with pytest.raises(ValueError, match="number of items"):
        bootstrap({"a": np.zeros((2, 3)), "b": np.zeros((2, 4))}, lambda d: 0.0, 10, 0)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-10, 10, allow_nan=False), min_size=2, max_size=40), st.integers(0, 1000))
def test_ci_of_a_mean_is_ordered_and_within_the_data(values, seed):
    est = mean_ci(np.array(values), n_boot=200, seed=seed)
    assert est.low <= est.high
    assert min(values) - 1e-9 <= est.low and est.high <= max(values) + 1e-9
    assert abs(est.value - np.mean(values)) < 1e-9


def test_estimates_print_one_way():
    e = Estimate(0.0314, 0.0196, -0.0421)
    assert str(e) == "+0.031 [+0.020, -0.042]"
    assert format_estimate(e.to_dict()) == str(e)
