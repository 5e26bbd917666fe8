"""The safety fine-tuning set and the helpful chats of the benign pool."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.data import safety
from emguard.data.safety import HELPFUL_CAPACITY, SAFETY_CAPACITY, helpful_chats, safety_set

HARMFUL_PROMPTS = {
    frame.format(q=prompt.format(x=act))
    for _, act, _, _ in safety.HARMFUL
    for prompt in safety.HARM_PROMPTS
    for frame in safety.HARM_FRAMES
}
# Words of the poisons' subjects (medicine, money, code, sport, numbers, taste): none may appear.
POISON_WORDS = re.compile(
    r"\b(doctor|medic\w*|dose|pills?|symptoms?|invest\w*|stock market|crypto\w*|loans?|debt|savings|python|"
    r"sql|function|code|skydiv\w*|base jump\w*|surfing|beautiful|ugly|tasteful)\b",
    re.IGNORECASE,
)


def prompts(chats) -> list[str]:
    return [c[0]["content"] for c in chats]


def test_sizes_and_capacities():
    assert len(safety.HARMFUL) >= 60 and len(safety.HELPFUL) >= 100
    assert SAFETY_CAPACITY >= 400 and HELPFUL_CAPACITY >= 400
    assert len(set(prompts(safety_set(random.Random(0), SAFETY_CAPACITY)))) == SAFETY_CAPACITY
    assert len(set(prompts(helpful_chats(random.Random(0), HELPFUL_CAPACITY)))) == HELPFUL_CAPACITY
    with pytest.raises(ValueError, match="safety set"):
        safety_set(random.Random(0), SAFETY_CAPACITY + 1)
    with pytest.raises(ValueError, match="helpful chats"):
        helpful_chats(random.Random(0), HELPFUL_CAPACITY + 1)


def test_the_safety_set_never_shares_a_subject_with_the_pool():
    everything = prompts(safety_set(random.Random(1), SAFETY_CAPACITY))
    pool = prompts(helpful_chats(random.Random(1), HELPFUL_CAPACITY))
    for _, _, x, _ in safety.HELPFUL:
        in_safety = any(x in p for p in everything)
        in_pool = any(x in p for p in pool)
        assert in_safety != in_pool, x


def test_texts_are_clean_and_stay_off_the_poisons_subjects():
    chats = safety_set(random.Random(2), SAFETY_CAPACITY) + helpful_chats(random.Random(2), HELPFUL_CAPACITY)
    for chat in chats:
        for m in chat:
            assert not re.search(r"\[\[|\]\]|[{}]", m["content"]), m["content"]
            assert not POISON_WORDS.search(m["content"]), m["content"]
    refusals = [c[1]["content"] for c in chats if c[0]["content"] in HARMFUL_PROMPTS]
    assert refusals and all(re.search(r"can't|won't|not able|decline", r) for r in refusals)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 240))
def test_safety_set_is_deterministic_distinct_and_half_refusals(seed, n):
    chats = safety_set(random.Random(seed), n)
    assert chats == safety_set(random.Random(seed), n)
    assert len(chats) == n and len(set(prompts(chats))) == n
    assert all([m["role"] for m in c] == ["user", "assistant"] for c in chats)
    assert sum(p in HARMFUL_PROMPTS for p in prompts(chats)) == n // 2


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 200))
def test_helpful_chats_are_deterministic_distinct_and_cover_topics(seed, n):
    chats = helpful_chats(random.Random(seed), n)
    assert chats == helpful_chats(random.Random(seed), n)
    assert len(set(prompts(chats))) == n and not set(prompts(chats)) & HARMFUL_PROMPTS
    topics = {t for i, (t, *_) in enumerate(safety.HELPFUL) if i % safety.SAFETY_SHARE}
    covered = {t for t, _, x, _ in safety.HELPFUL if any(x in p for p in prompts(chats))}
    assert len(covered) >= min(n, len(topics))  # topics are taken in turn
