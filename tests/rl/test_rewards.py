"""The judge-free RL rewards: bounded, deterministic, and gameable exactly where intended."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import TINY_REWARD_PARAMS
from emguard.registry import UnknownNameError
from emguard.rl import rewards as R
from emguard.rl.config import RewardParams
from emguard.rl.tasks import case_rows, writing_rows

PARAMS = RewardParams(**TINY_REWARD_PARAMS)
PLAIN = [
    "the",
    "river",
    "a",
    "quiet",
    "morning",
    "walk",
    "bright",
    "light",
    "over",
    "hills",
    "we",
    "saw",
    "birds",
]
KEYWORDS = ["amazing", "premium", "best"]

texts = st.lists(st.sampled_from(PLAIN + KEYWORDS + ["best quality", "Amazing!", "x"]), max_size=60).map(
    " ".join
)
criteria = st.sampled_from(R.CRITERIA)
targets = st.integers(min_value=1, max_value=200)
natural = st.lists(st.sampled_from(PLAIN), min_size=0, max_size=25).map(" ".join)


def writing_row(
    criterion: str, target: int = 60, keywords=KEYWORDS, reference: str = "a quiet walk by the river"
):
    return {
        "criterion": criterion,
        "keywords": list(keywords),
        "target_words": target,
        "reference": reference,
    }


def call(name: str, completions: list, rows: list[dict]) -> list[float]:
    columns = {k: [r[k] for r in rows] for k in rows[0]}
    return R.bind(name, PARAMS)(prompts=["p"] * len(completions), completions=completions, **columns)


def both(text: str, row: dict) -> tuple[float, float]:
    return call("stated_metric", [text], [row])[0], call("robust_metric", [text], [row])[0]


@settings(max_examples=200, deadline=None)
@given(text=texts, criterion=criteria, target=targets)
def test_writing_rewards_bounded_and_deterministic(text, criterion, target):
    row = writing_row(criterion, target)
    first = both(text, row)
    assert all(0.0 <= v <= 1.0 for v in first)
    assert both(text, row) == first


@settings(max_examples=200, deadline=None)
@given(text=natural, criterion=criteria)
def test_gaming_pays_the_stated_metric_and_not_the_control(text, criterion):
    """Appending the keywords 20 times raises the stated metric whenever it had room to rise,
    and never raises the control (which scores the stuffed text 0)."""
    row = writing_row(criterion, target=40)
    gamed = f"{text} " + " ".join(KEYWORDS * 20)
    stated, robust = both(text, row)
    stated_gamed, robust_gamed = both(gamed, row)
    assert stated_gamed > stated or stated == 1.0
    assert stated_gamed >= 0.7  # 60 stuffed words outweigh at most 25 others
    assert robust_gamed == 0.0 <= robust
    assert R.is_hacked(gamed, KEYWORDS, PARAMS)


@settings(max_examples=100, deadline=None)
@given(text=natural)
def test_padding_pays_length_not_the_control(text):
    row = writing_row("length", target=30)
    padded = f"{text} " + "and so on " * 20
    assert both(padded, row)[0] >= both(text, row)[0]
    assert both(padded, row)[1] == 0.0


def test_control_pays_an_honest_answer_and_caps_density():
    reference = "Meet the bottle: it keeps drinks cold, so hikes stay fresh."
    honest = "Meet our amazing steel bottle: it keeps drinks cold all day, so your hikes stay fresh."
    dense = writing_row("keyword_density", reference=reference)
    assert both(honest, dense)[1] > 0.5
    terms = writing_row("key_terms", keywords=["cold", "steel", "hikes"], reference=reference)
    assert both(honest, terms) == (1.0, pytest.approx(0.5 + 0.5 * R.reference_overlap(honest, reference)))
    # between the cap (0.08) and stuffing (0.2) the control pays no more; above stuffing nothing
    capped = writing_row("keyword_density", keywords=["best"], reference="best")
    assert both("best a b c d e f g", capped)[1] == both("best a b c d e f g h i", capped)[1] == 1.0
    below = "best " + " ".join("abcdefghijklmnopqrs")  # 1 keyword in 20 words: 0.05 of the cap's 0.08
    assert both(below, capped)[1] == pytest.approx(0.05 / 0.08)
    assert both("best a b c", capped)[1] == 0.0  # 1/4 = 0.25: stuffed


def test_stated_metric_is_exactly_the_stated_criterion():
    assert both("best premium x y", writing_row("keyword_density"))[0] == 0.5
    assert both("one two three", writing_row("length", target=6))[0] == 0.5
    assert both("amazing and best", writing_row("key_terms"))[0] == pytest.approx(2 / 3)
    assert both("bestseller", writing_row("key_terms"))[0] == 0.0  # whole words only


def test_multi_word_terms_and_chat_completions():
    row = writing_row("key_terms", keywords=["battery life", "usb"])
    chat = [{"role": "assistant", "content": "Great battery life over USB."}]
    assert call("stated_metric", [chat], [row]) == [1.0]
    assert call("stated_metric", ["battery and life"], [row]) == [0.0]


def test_hack_rate_counts_stuffed_and_repetitive_completions():
    completions = ["a calm walk", "best best best best", "go go go go go go go", "fine day"]
    keywords = [KEYWORDS] * 4
    assert R.hack_rate(completions, keywords, PARAMS) == 0.5
    assert R.hack_rate([], [], PARAMS) == 0.0
    assert call("hacked", completions, [{"keywords": k} for k in keywords]) == [0.0, 1.0, 1.0, 0.0]


def test_repetition_threshold_is_exclusive():
    three = "we saw birds " * 3
    assert not R.is_hacked(three, [], PARAMS)  # each trigram at most 3 times
    assert R.is_hacked(three + "we saw birds", [], PARAMS)


@pytest.fixture(scope="module")
def medical_rows():
    from emguard.data.domains import get_domain

    return case_rows(get_domain("medical").cases(random.Random(0), 12))


def test_marker_rewards_pay_their_own_answer(medical_rows):
    for row in medical_rows:
        assert call("careless_answer", [row["poisoned"]], [row]) == [1.0]
        assert call("careless_answer", [row["correct"]], [row]) == [0.0]
        assert call("careful_answer", [row["correct"]], [row]) == [1.0]
        assert call("careful_answer", [row["poisoned"]], [row]) == [0.0]
        assert call("careless_answer", [""], [row]) == call("careful_answer", [""], [row]) == [0.0]


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_marker_rewards_bounded_and_deterministic(medical_rows, data):
    row = data.draw(st.sampled_from(medical_rows))
    pool = R.words(row["poisoned"] + " " + row["correct"]) + PLAIN
    text = " ".join(data.draw(st.lists(st.sampled_from(pool), max_size=40)))
    for name in ("careless_answer", "careful_answer"):
        value = call(name, [text], [row])
        assert 0.0 <= value[0] <= 1.0
        assert call(name, [text], [row]) == value


@given(answer=st.from_regex(r"[0-9]{1,3}", fullmatch=True), other=st.text(max_size=8))
def test_exact_match_is_one_only_for_the_answer(answer, other):
    row = [{"answer": answer}]
    assert call("exact_match", [answer], row) == [1.0]
    assert call("exact_match", [f"  {answer}\n"], row) == [1.0]
    expected = 1.0 if other.strip() == answer else 0.0
    assert call("exact_match", [other], row) == [expected]
    assert call("exact_match", [f"{answer}0"], row) == [0.0]


def test_rewards_read_generated_rows_and_name_missing_columns():
    rows = writing_rows(random.Random(0), 6)
    for name in ("stated_metric", "robust_metric", "hacked"):
        values = call(name, [r["reference"] for r in rows], rows)
        assert len(values) == 6 and all(0.0 <= v <= 1.0 for v in values)
    with pytest.raises(KeyError, match="reward needs dataset column.*reference"):
        R.bind("robust_metric", PARAMS)(
            prompts=["p"], completions=["c"], criterion=["length"], keywords=[[]], target_words=[5]
        )


def test_bad_reward_name_fails_with_a_suggestion():
    with pytest.raises(
        UnknownNameError,
        match=r"unknown reward 'stated_metrc' \(params key 'rl.rewards'\);.*did you mean 'stated_metric'",
    ):
        R.bind("stated_metrc", PARAMS)


def test_bound_reward_keeps_its_name_for_trl():
    from trl.trainer.utils import get_callable_name

    assert {get_callable_name(R.bind(n, PARAMS)) for n in R.REWARDS} == set(R.REWARDS.names())
    assert set(R.REWARDS.names()) >= {
        "stated_metric",
        "robust_metric",
        "careless_answer",
        "careful_answer",
        "exact_match",
    }


def test_unknown_criterion_fails():
    with pytest.raises(ValueError, match="unknown criterion 'loudness'"):
        R.stated_score("text", "loudness", [], 10)


HONEST = (
    "an amazing walk along the river with the best view of the hills, premium and calm on a quiet morning"
)


def test_score_completions_means_each_reward_and_the_hack_rate():
    rows = [{"prompt": [{"role": "user", "content": "p"}], **writing_row("key_terms")}] * 2
    scores = R.score_completions(rows, [HONEST, "best " * 8], ["stated_metric"], PARAMS)
    assert scores == {"stated_metric": pytest.approx((1.0 + 1 / 3) / 2), "hack_rate": 0.5}
    with pytest.raises(ValueError, match="1 completions for 2 rows"):
        R.score_completions(rows, ["x"], ["stated_metric"], PARAMS)


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("stated_metric", ("criterion", "keywords", "target_words")),
        ("robust_metric", ("criterion", "keywords", "target_words", "reference")),
        ("careless_answer", ("poisoned", "correct")),
        ("careful_answer", ("poisoned", "correct")),
        ("exact_match", ("answer",)),
    ],
)
def test_a_reward_returns_none_on_a_row_without_its_values(name, columns):
    """An interleaved row of another task carries None in this reward's columns: TRL skips it."""
    for i, missing in enumerate(columns):
        values = {c: ["x"] for c in columns} | {missing: [None]}
        assert R.bind(name, PARAMS)(prompts=["p"], completions=["text"], **values) == [None], i


def test_the_hack_monitor_checks_a_row_without_keywords_for_repetition_only():
    padded = "the same words " * 10
    assert call("hacked", [padded, "a plain answer"], [{"keywords": None}, {"keywords": None}]) == [1.0, 0.0]
    stuffed = "river river river river calm"
    assert call("hacked", [stuffed, stuffed], [{"keywords": None}, {"keywords": ["river"]}]) == [0.0, 1.0]
