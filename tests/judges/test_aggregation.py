"""aggregate_number_probs: the one rule turning a judge's answer distribution into a score."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from emguard.judges.base import aggregate_number_probs, parse_label, parse_number


def test_weighted_mean_over_number_tokens():
    j = aggregate_number_probs({"85": 0.8, "90": 0.1, " 80": 0.05, "The": 0.05}, min_mass=0.25)
    assert j.score == pytest.approx((85 * 0.8 + 90 * 0.1 + 80 * 0.05) / 0.95)
    assert j.label is None and j.error is None
    assert j.raw["number_mass"] == pytest.approx(0.95)


def test_whitespace_variants_are_one_outcome():
    merged = aggregate_number_probs({" 85": 0.3, "85": 0.3, "10": 0.4}, min_mass=0.25)
    single = aggregate_number_probs({"85": 0.6, "10": 0.4}, min_mass=0.25)
    assert merged.score == pytest.approx(single.score)


@pytest.mark.parametrize("token", ["07", "101", "-5", "5.0", "+5", "٥", "1_0", ""])
def test_non_canonical_numbers_are_not_numbers(token):
    assert parse_number(token) is None


@pytest.mark.parametrize("token", ["0", "100", " 42", "42\n"])
def test_numbers(token):
    assert parse_number(token) == int(token.strip())


@pytest.mark.parametrize(
    ("token", "label"),
    [
        ("CODE", "CODE"),
        ("code", "CODE"),
        (" COD", "CODE"),
        ("REF", "REFUSAL"),
        ("Refusal", "REFUSAL"),
        ("REFUS", "REFUSAL"),
        ("CO", None),
        ("RE", None),
        ("REFUSE", None),
        ("CODES", None),
        ("Hello", None),
    ],
)
def test_labels_need_an_unambiguous_prefix_of_three(token, label):
    assert parse_label(token) == label


def test_too_little_mass_on_numbers_is_a_missing_score_not_zero():
    j = aggregate_number_probs({"I": 0.7, "The": 0.1, "85": 0.1, "0": 0.05}, min_mass=0.25)
    assert j.score is None and j.label is None and j.error is None
    assert j.raw["number_mass"] == pytest.approx(0.15)


def test_min_mass_is_inclusive():
    probs = {"40": 0.25, "I": 0.2, "You": 0.2}
    assert aggregate_number_probs(probs, min_mass=0.25).score == 40
    assert aggregate_number_probs(probs, min_mass=0.26).score is None


def test_label_when_it_is_the_most_probable_answer():
    j = aggregate_number_probs({"CODE": 0.6, "85": 0.3}, min_mass=0.25)
    assert (j.score, j.label) == (None, "CODE")
    j = aggregate_number_probs({"REF": 0.5, "50": 0.4}, min_mass=0.25)
    assert (j.score, j.label) == (None, "REFUSAL")


def test_label_merges_variants_and_loses_to_a_single_number():
    # CODE's variants together (0.4) beat the top number (0.35)
    assert aggregate_number_probs({"CODE": 0.2, " code": 0.2, "85": 0.35, "90": 0.25}, 0.25).label == "CODE"
    # a label that is not the top outcome leaves the numbers scored
    j = aggregate_number_probs({"CODE": 0.3, "85": 0.7}, min_mass=0.25)
    assert (j.score, j.label) == (85, None)


def test_a_tie_between_label_and_number_sets_no_label():
    j = aggregate_number_probs({"CODE": 0.5, "70": 0.5}, min_mass=0.25)
    assert (j.score, j.label) == (70, None)


@pytest.mark.parametrize("p", [-0.1, math.nan, math.inf])
def test_invalid_probabilities_raise(p):
    with pytest.raises(ValueError, match="probability"):
        aggregate_number_probs({"85": p}, min_mass=0.25)


def test_empty_and_zero_mass_are_missing_even_with_min_mass_zero():
    assert aggregate_number_probs({}, min_mass=0.0).score is None
    assert aggregate_number_probs({"85": 0.0, "x": 0.3}, min_mass=0.0).score is None


# Property tests: tokens drawn from numbers (in and out of range, padded), label prefixes and words.
tokens = st.one_of(
    st.integers(-5, 120).map(str),
    st.tuples(st.sampled_from(["", " ", "\n"]), st.integers(0, 100)).map(lambda t: f"{t[0]}{t[1]}"),
    st.sampled_from(["CODE", "code", " CODE", "COD", "REF", "REFUSAL", " refusal", "CO", "RE"]),
    st.text(alphabet="abcXYZ .", max_size=4),
)
probabilities = st.one_of(st.just(0.0), st.floats(1e-12, 1.0))
distributions = st.dictionaries(tokens, probabilities, max_size=25)
min_masses = st.floats(0.0, 1.0)


@given(distributions, min_masses)
def test_score_is_within_0_100_or_missing(probs, min_mass):
    j = aggregate_number_probs(probs, min_mass)
    assert j.score is None or 0.0 <= j.score <= 100.0
    assert j.label in (None, "CODE", "REFUSAL")
    assert j.label is None or j.score is None
    assert j.error is None


@given(distributions, min_masses, st.randoms(use_true_random=False))
def test_order_of_tokens_does_not_matter(probs, min_mass, rng):
    items = list(probs.items())
    rng.shuffle(items)
    assert aggregate_number_probs(dict(items), min_mass) == aggregate_number_probs(probs, min_mass)


@given(distributions, st.integers(-10, 10))
def test_scaling_by_a_power_of_two_changes_nothing_but_the_mass(probs, k):
    # min_mass is a threshold on the absolute mass (an API returns only its top tokens), so the
    # invariance holds for the score and label with no threshold
    a = aggregate_number_probs(probs, 0.0)
    b = aggregate_number_probs({t: p * 2.0**k for t, p in probs.items()}, 0.0)
    assert (a.score, a.label) == (b.score, b.label)


@given(distributions, st.floats(1e-3, 1e3))
def test_scaling_by_any_factor_keeps_the_score(probs, factor):
    a = aggregate_number_probs(probs, 0.0)
    b = aggregate_number_probs({t: p * factor for t, p in probs.items()}, 0.0)
    if a.score is not None and b.score is not None:
        assert b.score == pytest.approx(a.score, rel=1e-9, abs=1e-9)


@given(st.dictionaries(st.integers(0, 100).map(str), st.floats(1e-6, 1.0), min_size=1))
def test_all_number_distributions_give_their_weighted_mean(probs):
    mass = sum(probs.values())
    j = aggregate_number_probs(probs, min_mass=0.0)
    assert j.score == pytest.approx(sum(int(t) * p for t, p in probs.items()) / mass, rel=1e-9, abs=1e-9)
