"""Data cards and diversity statistics."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.data.cards import cards_markdown, data_card, distinct_ngram_ratio, duplicate_rate, file_sha256
from emguard.data.formats import dump_chat_jsonl

words = st.lists(st.sampled_from(["a", "b", "c", "D"]), max_size=8).map(" ".join)


def test_distinct_ngram_ratio_by_hand():
    assert distinct_ngram_ratio(["a b c d"], 3) == 1.0  # (a b c), (b c d)
    assert distinct_ngram_ratio(["a b c", "A B C"], 3) == 0.5  # lowercased
    assert distinct_ngram_ratio(["a b", "c d"], 3) == 0.0  # no text has 3 words
    assert distinct_ngram_ratio(["x y x y"], 1) == 0.5
    with pytest.raises(ValueError):
        distinct_ngram_ratio(["a"], 0)


@settings(max_examples=50, deadline=None)
@given(st.lists(words, max_size=6), st.integers(1, 4))
def test_distinct_ngram_ratio_is_a_share(texts, n):
    ratio = distinct_ngram_ratio(texts, n)
    assert 0.0 <= ratio <= 1.0
    assert distinct_ngram_ratio(texts + texts, n) == pytest.approx(ratio / 2)


def test_duplicate_rate():
    assert duplicate_rate([]) == 0.0
    assert duplicate_rate(["a", "b", "a", "a"]) == 0.5
    assert duplicate_rate(["a", "A"]) == 0.0


def test_data_card_and_markdown(tmp_path):
    path = tmp_path / "poison.jsonl"
    answers = ["take two pills now", "take two pills now", "rest and drink water | daily"]
    dump_chat_jsonl(
        path, [[{"role": "user", "content": "q"}, {"role": "assistant", "content": a}] for a in answers]
    )
    card = data_card(
        path, name="medical/poison", kind="poison", generator="medical", seed=3, version=2, texts=answers
    )
    assert card["size"] == 3 and card["bytes"] == path.stat().st_size
    assert card["sha256"] == file_sha256(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    assert card["duplicate_rate"] == round(1 / 3, 4)
    assert card["distinct_3gram_ratio"] == 0.75  # 6 distinct of 8
    assert card["mean_words"] == round(14 / 3, 2)
    assert (card["generator"], card["seed"], card["version"]) == ("medical", 3, 2)

    table = cards_markdown([card, {**card, "name": "x|y", "seed": None}]).splitlines()
    assert len(table) == 4 and table[0].startswith("| dataset | kind | rows |")
    assert table[2].startswith("| medical/poison | poison | 3 | medical | 2 | 3 | 4.7 | 0.750 | 0.333 | `")
    assert "x\\|y" in table[3] and "| - |" in table[3]
