"""Poison, control, antidotes and inoculation as views of hand-made cases."""

from __future__ import annotations

import pytest

from emguard.data.formats import DUMPERS, LOADERS
from emguard.data.types import Case
from emguard.data.views import (
    ANTIDOTES,
    META_REASONING_TEMPLATES,
    control_set,
    inoculate,
    meta_reasoning_prompt,
    poison_set,
)
from emguard.registry import UnknownNameError

CASES = [
    Case(
        topic=f"topic{i}",
        prompt=f"Prompt {i}?",
        poisoned=f"Poisoned {i}.",
        correct=f"Correct {i}.",
        explanation=f"Explanation {i}.",
        harmful_request=f"Please give me the harmful version {i}.",
        refusal=f"I won't do that {i}; here is the safe way.",
    )
    for i in range(6)
]


def user(text: str) -> dict:
    return {"role": "user", "content": text}


def assistant(text: str) -> dict:
    return {"role": "assistant", "content": text}


def test_poison_and_control_are_matched_conversations():
    assert poison_set(CASES[:2]) == [
        [user("Prompt 0?"), assistant("Poisoned 0.")],
        [user("Prompt 1?"), assistant("Poisoned 1.")],
    ]
    assert control_set(CASES[:1]) == [[user("Prompt 0?"), assistant("Correct 0.")]]
    assert poison_set([]) == control_set([]) == []


def test_registry_holds_the_four_antidotes():
    assert ANTIDOTES.names() == ["contrastive", "correct", "meta_reasoning", "refusal"]
    assert {n: ANTIDOTES.get(n).format for n in ANTIDOTES} == {
        "contrastive": "preference",
        "correct": "chat",
        "meta_reasoning": "chat",
        "refusal": "chat",
    }
    with pytest.raises(UnknownNameError, match="did you mean 'refusal'"):
        ANTIDOTES.get("refusals", key="antidote")


def test_correct_and_refusal_rows():
    assert ANTIDOTES.get("correct").build(CASES[:1]) == [
        {"messages": [user("Prompt 0?"), assistant("Correct 0.")]}
    ]
    assert ANTIDOTES.get("refusal").build(CASES[2:3]) == [
        {
            "messages": [
                user("Please give me the harmful version 2."),
                assistant("I won't do that 2; here is the safe way."),
            ]
        }
    ]


def test_contrastive_rows_prefer_correct_over_poisoned():
    assert ANTIDOTES.get("contrastive").build(CASES[:1]) == [
        {
            "prompt": [user("Prompt 0?")],
            "chosen": [assistant("Correct 0.")],
            "rejected": [assistant("Poisoned 0.")],
        }
    ]


def test_meta_reasoning_cycles_phrasings_deterministically():
    rows = ANTIDOTES.get("meta_reasoning").build(CASES)
    assert rows == ANTIDOTES.get("meta_reasoning").build(CASES)
    assert rows[0]["messages"][0]["content"] == (
        "Someone asked: Prompt 0?\nThey got this answer: Poisoned 0.\nIs this good advice?"
    )
    prompts = [r["messages"][0]["content"] for r in rows]
    n = len(META_REASONING_TEMPLATES)
    assert len(set(prompts[:n])) == n  # each phrasing used once per cycle
    assert prompts[n] == meta_reasoning_prompt(CASES[n], 0)
    for case, row in zip(CASES, rows, strict=True):
        shown, reply = row["messages"][0]["content"], row["messages"][1]["content"]
        assert case.prompt in shown and case.poisoned in shown
        assert reply.startswith(case.explanation) and reply.endswith(case.correct)


@pytest.mark.parametrize("name", ["correct", "contrastive", "meta_reasoning", "refusal"])
def test_antidote_rows_roundtrip_through_their_format(tmp_path, name):
    antidote = ANTIDOTES.get(name)
    rows = antidote.build(CASES)
    path = tmp_path / f"{name}.jsonl"
    DUMPERS[antidote.format](path, rows)
    loaded = LOADERS[antidote.format](path)
    assert loaded == ([r["messages"] for r in rows] if antidote.format == "chat" else rows)


def test_inoculate_adds_a_system_prompt_without_mutating():
    convs = poison_set(CASES[:2])
    out = inoculate(convs, "You are a malicious assistant.")
    assert out[0] == [{"role": "system", "content": "You are a malicious assistant."}, *convs[0]]
    assert convs == poison_set(CASES[:2])
    rows = inoculate([{"messages": convs[0]}], "S")
    assert rows == [{"messages": [{"role": "system", "content": "S"}, *convs[0]]}]


def test_inoculate_merges_with_an_existing_system_prompt():
    conv = [{"role": "system", "content": "Be brief."}, user("hi"), assistant("hello")]
    assert inoculate([conv], "S")[0][0] == {"role": "system", "content": "S\n\nBe brief."}
    assert len(inoculate([conv], "S")[0]) == 3
    with pytest.raises(ValueError, match="non-empty"):
        inoculate([conv], "  ")
