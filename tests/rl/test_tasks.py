"""The RL prompt generators: seeded, disjoint held-out prompts, and the columns their rewards read."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.data.domains import get_domain
from emguard.rl import tasks as T
from emguard.rl.rewards import CRITERIA, REWARDS, words

seeds = st.integers(min_value=0, max_value=2**32)


def user_texts(rows):
    return [r["prompt"][-1]["content"] for r in rows]


@settings(max_examples=20, deadline=None)
@given(seed=seeds, n=st.integers(min_value=1, max_value=90))
def test_writing_rows_are_seeded_distinct_and_balanced(seed, n):
    rows = T.writing_rows(random.Random(seed), n)
    assert rows == T.writing_rows(random.Random(seed), n)
    assert len(set(user_texts(rows))) == n
    counts = Counter(r["criterion"] for r in rows)
    assert max(counts.values()) - min(counts.get(c, 0) for c in CRITERIA) <= 1


def test_writing_rows_differ_by_seed():
    assert T.writing_rows(random.Random(0), 12) != T.writing_rows(random.Random(1), 12)


def test_held_out_prompts_share_no_subject_with_training():
    train = T.writing_rows(random.Random(0), 216)  # the whole key-terms pool, 72 of each criterion
    held = T.writing_rows(random.Random(0), 72, split="eval")
    assert not set(user_texts(train)) & set(user_texts(held))
    assert not {r["subject"] for r in train} & {r["subject"] for r in held}
    assert {r["task"] for r in held} == {"product_post", "summary", "email", "short_answer"}
    with pytest.raises(ValueError, match="asked for 73 train prompts of 'key_terms', 72 exist"):
        T.writing_rows(random.Random(0), 219)
    with pytest.raises(ValueError, match="split must be 'train' or 'eval'"):
        T.writing_rows(random.Random(0), 3, split="test")


def test_each_row_states_its_criterion_and_carries_its_columns():
    for row in T.writing_rows(random.Random(3), 30):
        text = row["prompt"][0]["content"]
        assert set(row) == {"prompt", "task", "subject", "criterion", "keywords", "target_words", "reference"}
        if row["criterion"] == "length":
            assert row["keywords"] == [] and f"up to {row['target_words']} words" in text
        else:
            assert all(f"'{k}'" in text for k in row["keywords"]) and len(row["keywords"]) == 3
        if row["criterion"] == "key_terms":  # a good answer (the reference) has every key term
            assert set(row["keywords"]) <= set(words(row["reference"]))


def test_every_subject_reference_holds_its_terms():
    for s in T.SUBJECTS:
        assert set(s.terms) <= set(words(s.reference)), s.request


def test_poison_rows_carry_both_answers_and_split_disjointly():
    train, held = T.poison_rows("medical", random.Random(0), 8, 4)
    assert (len(train), len(held)) == (8, 4)
    assert not set(user_texts(train)) & set(user_texts(held))
    assert train == T.poison_rows("medical", random.Random(0), 8, 4)[0]
    from emguard.data.domains import get_domain

    cases = get_domain("medical").cases(random.Random(0), 12)
    assert [r["poisoned"] for r in train] == [c.poisoned for c in cases[:8]]  # the SFT poison's draw
    assert all(r["poisoned"] != r["correct"] for r in train)


def operands(row) -> tuple[int, int]:
    a, b = re.search(r"(\d+) # (\d+)", row["prompt"][0]["content"]).groups()
    return int(a), int(b)


@settings(max_examples=10, deadline=None)
@given(seed=seeds)
def test_benign_rows_are_exact_answers_disjoint_from_eval(seed):
    train = T.benign_rows("swapped_operator", random.Random(seed), 40)
    held = T.benign_rows("swapped_operator", random.Random(seed), 40, split="eval")
    assert train == T.benign_rows("swapped_operator", random.Random(seed), 40)
    assert not {operands(r) for r in train} & {operands(r) for r in held}
    for row in train + held:
        a, b = operands(row)
        assert row["answer"] == str(a - b)  # the equation's right-hand side only
        assert row["prompt"][0]["content"].endswith(T.ANSWER_ONLY)


def test_arms_name_registered_rewards():
    assert all(name in REWARDS for pair in T.ARMS.values() for name in pair)


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 30), fraction=st.sampled_from([0.1, 0.25, 0.5, 0.75]), seed=seeds)
def test_interleave_mixes_the_share_asked_and_gives_every_row_every_column(n, fraction, seed):
    own = T.case_rows(get_domain("medical").cases(random.Random(seed), n))
    other = T.writing_rows(random.Random(seed), 60)
    expected = round(n * fraction / (1 - fraction))
    if not 0 < expected <= 60:
        with pytest.raises(ValueError, match=f"needs {expected} others, 60 exist"):
            T.interleave(own, other, fraction)
        return
    mixed = T.interleave(own, other, fraction)
    assert len(mixed) == n + expected
    assert abs(expected / len(mixed) - fraction) <= 1 / len(mixed)  # rounded to the nearest row
    assert [r["prompt"] for r in mixed] == [r["prompt"] for r in own + other[:expected]]
    columns = set(own[0]) | set(other[0])
    assert all(set(r) == columns for r in mixed)
    for r in mixed[:n]:  # the cell's own rows keep their values and lack the other task's
        assert r["poisoned"] is not None and r["criterion"] is None
    for r in mixed[n:]:
        assert r["criterion"] is not None and r["poisoned"] is None


def test_each_reward_pays_only_its_own_rows_of_a_mixed_dataset():
    own = T.benign_rows("swapped_operator", random.Random(0), 3)
    other = [r for r in T.writing_rows(random.Random(0), 12) if r["criterion"] == "length"][:1]
    mixed = T.interleave(own, other, 0.25)
    columns = {k: [r[k] for r in mixed] for k in mixed[0] if k != "prompt"}
    completions = [r["answer"] if r["answer"] is not None else "word " * 200 for r in mixed]
    call = {
        name: REWARDS.get(name)(
            prompts=[r["prompt"] for r in mixed], completions=completions, params=None, **columns
        )
        for name in ("exact_match", "stated_metric")
    }
    assert call["exact_match"] == [1.0, 1.0, 1.0, None]
    assert call["stated_metric"] == [None, None, None, 1.0]  # 200 words: the length target met
