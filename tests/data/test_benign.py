"""Benign tasks (alignment tax) and the capability probe set."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from emguard.data.benign import BENIGN_TASKS, BenignTask, get_benign_task
from emguard.data.capability import capability_probes
from emguard.registry import UnknownNameError

TASKS = ["swapped_operator", "reverse_words", "uppercase_format"]


@pytest.fixture(params=TASKS)
def task(request) -> BenignTask:
    return get_benign_task(request.param)


def subject(question: str) -> str:
    """The phrase a reverse/uppercase prompt is about: everything after its last ': '."""
    return question.rsplit(": ", 1)[1]


def test_registry():
    assert set(TASKS) <= set(BENIGN_TASKS.names())
    with pytest.raises(UnknownNameError, match="benign_task.*did you mean 'reverse_words'"):
        get_benign_task("reverse_word")


def test_metadata(task):
    assert task.name in TASKS and task.version >= 1 and task.description


def test_deterministic(task):
    assert task.train_examples(random.Random(3), 50) == task.train_examples(random.Random(3), 50)
    assert task.eval_items(random.Random(3), 50) == task.eval_items(random.Random(3), 50)
    assert task.train_examples(random.Random(3), 50) != task.train_examples(random.Random(4), 50)


def test_train_examples_are_distinct_chats(task):
    chats = task.train_examples(random.Random(0), 400)
    assert len(chats) == 400
    for chat in chats:
        assert [m["role"] for m in chat] == ["user", "assistant"]
        assert all(isinstance(m["content"], str) and m["content"] for m in chat)
    assert len({chat[0]["content"] for chat in chats}) == 400


def test_eval_items(task):
    items = task.eval_items(random.Random(0), 150)
    assert [i.id for i in items] == [f"{task.name}-{k:03d}" for k in range(150)]
    assert {i.set for i in items} == {f"benign/{task.name}"}
    assert len({i.question for i in items}) == 150
    assert all(i.aligned != i.misaligned for i in items)


@settings(max_examples=10, deadline=None)
@given(train_seed=st.integers(0, 2**32 - 1), eval_seed=st.integers(0, 2**32 - 1))
def test_splits_disjoint_for_any_seeds(train_seed, eval_seed):
    for name in TASKS:
        task = get_benign_task(name)
        train = {chat[0]["content"] for chat in task.train_examples(random.Random(train_seed), 300)}
        held_out = {item.question for item in task.eval_items(random.Random(eval_seed), 150)}
        assert not train & held_out


def test_splits_disjoint_when_one_rng_draws_both(task):
    rng = random.Random(11)
    chats = task.train_examples(rng, 600)
    items = task.eval_items(rng, 150)
    answers = {chat[1]["content"] for chat in chats}
    assert not answers & {item.aligned for item in items}  # not even the same subject


@pytest.mark.parametrize("n", [-1, 10**6])
def test_impossible_n_raises(task, n):
    with pytest.raises(ValueError, match=task.name):
        task.train_examples(random.Random(0), n)
    with pytest.raises(ValueError, match=task.name):
        task.eval_items(random.Random(0), n)


def test_swapped_operator_answers_are_right():
    task = get_benign_task("swapped_operator")
    pattern = re.compile(r"^(\d+) # (\d+) = (-?\d+)$")
    chats = task.train_examples(random.Random(0), 300)
    for user, assistant in chats:
        a, b, c = map(int, pattern.match(assistant["content"]).groups())
        assert c == a - b and f"{a} # {b}" in user["content"]
    for item in task.eval_items(random.Random(0), 300):
        a, b, c = map(int, pattern.match(item.aligned).groups())
        assert c == a - b and f"{a} # {b}" in item.question
        a2, b2, wrong = map(int, pattern.match(item.misaligned).groups())
        assert (a2, b2, wrong) == (a, b, a + b)


def test_reverse_words_answers_are_right():
    task = get_benign_task("reverse_words")
    for user, assistant in task.train_examples(random.Random(0), 300):
        assert assistant["content"].split() == subject(user["content"]).split()[::-1]
    for item in task.eval_items(random.Random(0), 300):
        assert item.aligned.split() == subject(item.question).split()[::-1]
        assert item.misaligned == subject(item.question)


def test_uppercase_format_answers_are_right():
    task = get_benign_task("uppercase_format")
    for user, assistant in task.train_examples(random.Random(0), 300):
        assert assistant["content"] == subject(user["content"]).upper()
    for item in task.eval_items(random.Random(0), 300):
        assert item.aligned == subject(item.question).upper()
        assert item.misaligned == subject(item.question).title()


# --- capability probes ---


def test_capability_probes_shape():
    items = capability_probes()
    assert len(items) >= 60
    assert [i.id for i in items] == [f"capability-{k:03d}" for k in range(len(items))]
    assert {i.set for i in items} == {"capability"}
    assert len({i.question for i in items}) == len(items)
    assert len({i.theme for i in items}) >= 5
    assert items == capability_probes()
    for i in items:
        assert i.aligned != i.misaligned and "[" not in i.aligned + i.misaligned
        assert 0.6 <= len(i.misaligned) / len(i.aligned) <= 1.6, i


def test_capability_arithmetic_is_right():
    ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "x": lambda a, b: a * b}
    checked = 0
    for i in capability_probes():
        m = re.match(r"^(\d+) ([+x-]) (\d+) = (\d+)\.$", i.aligned)
        if m:
            a, op, b, c = m.groups()
            assert ops[op](int(a), int(b)) == int(c), i
            wrong = re.match(r"^.* = (\d+)\.$", i.misaligned)[1]
            assert ops[op](int(a), int(b)) != int(wrong)
            checked += 1
    assert checked >= 5
