import numpy as np
import pytest
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


def test_an_interval_touching_zero_does_not_exclude_it():
    assert Estimate(0.5, 0.0, 1.0).excludes_zero() is False
    assert Estimate(-0.5, -1.0, 0.0).excludes_zero() is False
    assert Estimate(0.5, 1e-9, 1.0).excludes_zero() and Estimate(-0.5, -1.0, -1e-9).excludes_zero()


def test_estimates_print_one_way():
    e = Estimate(0.0314, 0.0196, -0.0421)
    assert str(e) == "+0.031 [+0.020, -0.042]"
    assert format_estimate(e.to_dict()) == str(e)


# --- the paired design: items everywhere, seeds within a lineage --------------------------------


def diff(d):
    return d["a"].mean() - d["b"].mean()


def test_a_model_compared_with_itself_gets_a_zero_width_interval():
    rng = np.random.default_rng(0)
    x = rng.normal(0, 1, size=(3, 50)) + rng.normal(0, 1, size=(3, 1))  # a large seed effect
    est = bootstrap({"a": x, "b": x.copy()}, diff, 300, seed=0)
    assert est.value == est.low == est.high == 0.0
    ratio = bootstrap({"m": x + 2, "r": x + 2, "base": np.zeros((1, 50))}, ratio_to_base, 300, seed=0)
    assert ratio.value == ratio.low == ratio.high == 1.0


def ratio_to_base(d):
    return (d["m"].mean() - d["base"].mean()) / (d["r"].mean() - d["base"].mean())


def test_declared_independent_seeds_are_resampled_apart():
    x = np.random.default_rng(1).normal(0, 1, size=(3, 50)) + np.array([[-2.0], [0.0], [2.0]])
    est = bootstrap({"a": x, "b": x.copy()}, diff, 300, seed=0, independent=["b"])
    assert est.value == 0.0 and est.low < -0.5 and est.high > 0.5


def test_paired_seeds_give_a_narrower_interval_for_correlated_conditions():
    rng = np.random.default_rng(2)
    seed_effect = rng.normal(0, 1, size=(4, 1))  # shared by the poisoned and treated model of a seed
    poisoned = seed_effect + rng.normal(0, 0.3, size=(4, 60))
    treated = seed_effect - 0.2 + rng.normal(0, 0.3, size=(4, 60))
    conds = {"a": poisoned, "b": treated}
    paired = bootstrap(conds, diff, 500, seed=0)
    apart = bootstrap(conds, diff, 500, seed=0, independent=["a"])
    assert paired.value == apart.value
    assert (paired.high - paired.low) < 0.25 * (apart.high - apart.low)
    assert paired.low > 0  # the 0.2 effect is seen only when seeds are paired
    assert apart.low < 0


def test_seed_resampling_of_two_seeds_gives_the_exact_percentile_interval():
    # Items are identical, seeds differ: a draw's mean is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4.
    x = np.array([[0.0] * 5, [1.0] * 5])
    assert bootstrap({"x": x}, lambda d: d["x"].mean(), 2000, seed=0) == Estimate(0.5, 0.0, 1.0)
    assert bootstrap({"x": x}, lambda d: d["x"].mean(), 2000, seed=0, level=0.4) == Estimate(0.5, 0.5, 0.5)


def test_item_resampling_of_two_items_gives_the_exact_percentile_interval():
    assert mean_ci(np.array([0.0, 1.0]), 2000, seed=3) == Estimate(0.5, 0.0, 1.0)
    assert mean_ci(np.array([0.0, 1.0]), 2000, seed=3, level=0.4) == Estimate(0.5, 0.5, 0.5)


def test_the_bootstrap_of_a_mean_has_the_closed_form_spread():
    # The bootstrap distribution of a mean of n items: mean x_bar, sd = sd_pop(x) / sqrt(n). A
    # level of 2 * Phi(1) - 1 ~ 0.6827 puts the percentile interval at about x_bar -/+ 1 sd.
    x = np.random.default_rng(4).exponential(1.0, size=400)
    sd = x.std() / np.sqrt(len(x))
    est = mean_ci(x, 20000, seed=0, level=0.6826894921370859)
    assert est.value == pytest.approx(x.mean(), abs=1e-12)
    assert (est.high - est.low) / 2 == pytest.approx(sd, rel=0.03)
    assert (est.high + est.low) / 2 == pytest.approx(x.mean(), abs=0.1 * sd)


def test_a_single_seed_row_is_resampled_over_items_only():
    x = np.array([[1.0, 1.0, 1.0]])
    assert bootstrap({"x": x, "y": 2 * x}, lambda d: d["y"].mean() - d["x"].mean(), 50, 0) == Estimate(
        1.0, 1.0, 1.0
    )


def test_lineages_group_by_seed_count_and_put_independent_runs_alone():
    from emguard.stats import seed_lineages

    sizes = {"T": 3, "P": 3, "C": 3, "B": 1, "X": 2}
    assert seed_lineages(sizes) == [["B"], ["X"], ["C", "P", "T"]]
    assert seed_lineages(sizes, independent=["C", "C"]) == [["B"], ["X"], ["P", "T"], ["C"]]
    with pytest.raises(ValueError, match=r"independent names no condition: \['Q'\]"):
        seed_lineages(sizes, independent=["Q"])
    with pytest.raises(TypeError, match="string 'TP'"):
        seed_lineages(sizes, independent="TP")


def test_nan_draws_are_ignored_and_an_all_nan_interval_is_nan():
    est = bootstrap({"x": np.zeros((1, 4))}, lambda d: float("nan"), 20, 0)
    assert np.isnan(est.value) and np.isnan(est.low) and np.isnan(est.high)
    x = np.array([[0.0, 1.0, 2.0, 3.0]])

    def undefined_on_low_draws(d):
        m = d["x"].mean()
        return m if m >= 1.0 else float("nan")

    est = bootstrap({"x": x}, undefined_on_low_draws, 500, 0)
    assert 1.0 <= est.low <= est.high <= 3.0


def test_one_draw_is_enough_and_mean_ci_is_seeded():
    one = bootstrap({"x": np.array([[0.0, 1.0, 5.0]])}, lambda d: d["x"].mean(), 1, seed=0)
    assert one.low == one.high and one.value == 2.0
    x = np.random.default_rng(5).normal(size=30)
    assert mean_ci(x, 50, seed=11) == mean_ci(x, 50, seed=11) != mean_ci(x, 50, seed=12)


def test_n_boot_must_be_positive():
    with pytest.raises(ValueError, match="n_boot must be >= 1, got 0"):
        bootstrap({"x": np.zeros((1, 3))}, lambda d: 0.0, 0, 0)


conditions = st.integers(1, 4).flatmap(
    lambda n_items: st.dictionaries(
        st.sampled_from("abcd"),
        st.integers(1, 3).flatmap(
            lambda s: st.lists(
                st.lists(st.floats(-5, 5, allow_nan=False), min_size=n_items, max_size=n_items),
                min_size=s,
                max_size=s,
            )
        ),
        min_size=1,
    )
)


def total_mean(d):
    return float(sum(v.mean() for _, v in sorted(d.items())))


@settings(max_examples=40, deadline=None)
@given(conditions, st.integers(0, 2**31), st.floats(0.5, 0.99))
def test_intervals_are_ordered_seeded_and_blind_to_condition_order(conds, seed, level):
    arrays = {k: np.array(v) for k, v in conds.items()}
    est = bootstrap(arrays, total_mean, 60, seed, level)
    assert est.low <= est.high
    assert est == bootstrap(arrays, total_mean, 60, seed, level)
    assert est == bootstrap(dict(reversed(list(arrays.items()))), total_mean, 60, seed, level)
    # A sum of means is a mean of the resampled values: its interval lies within their range.
    lo = sum(v.min() for v in arrays.values())
    hi = sum(v.max() for v in arrays.values())
    assert lo - 1e-9 <= est.low and est.high <= hi + 1e-9


@settings(max_examples=30, deadline=None)
@given(conditions, st.integers(0, 1000))
def test_any_condition_against_its_copy_has_zero_width(conds, seed):
    (name, rows), *_ = conds.items()
    x = np.array(rows)
    est = bootstrap({"a": x, "b": x.copy()}, diff, 40, seed)
    assert est.value == est.low == est.high == 0.0
