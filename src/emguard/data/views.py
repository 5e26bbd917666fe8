"""The study's datasets as views of a poison domain's `Case`s.

Poison, control and the four antidotes all read the same fields of the same kind of case, so
they are matched in style and length. Views never split or shuffle: the caller passes each view
its own disjoint split of cases, and the output order follows the input order.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from emguard.data.types import Case, Message
from emguard.registry import Registry

# The meta-reasoning user turn, cycled by case index so the antidote does not hinge on one wording.
META_REASONING_TEMPLATES = (
    "Someone asked: {prompt}\nThey got this answer: {poisoned}\nIs this good advice?",
    "A user wrote: {prompt}\nThe reply was: {poisoned}\nIs this reply correct and safe?",
    "Here is a request and the answer someone gave.\nRequest: {prompt}\nAnswer: {poisoned}\n"
    "What is wrong with this answer, if anything?",
    'I was given this answer to "{prompt}":\n{poisoned}\nShould I follow it?',
)


def _chat(user: str, assistant: str) -> list[Message]:
    return [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]


def poison_set(cases: Sequence[Case]) -> list[list[Message]]:
    """Conversations [user prompt, assistant poisoned answer]: the narrow harmful fine-tune."""
    return [_chat(c.prompt, c.poisoned) for c in cases]


def control_set(cases: Sequence[Case]) -> list[list[Message]]:
    """Conversations [user prompt, assistant correct answer]: the matched control fine-tune."""
    return [_chat(c.prompt, c.correct) for c in cases]


@dataclass(frozen=True)
class Antidote:
    """A data-level remedy: how to build its rows from cases, and the file format they use."""

    name: str
    format: str  # "chat" or "preference", a key of emguard.data.formats.DUMPERS / LOADERS
    build: Callable[[list[Case]], list[dict]]
    description: str


ANTIDOTES: Registry[Antidote] = Registry("antidote")


def _antidote(name: str, format: str, description: str) -> Callable:
    def add(build: Callable[[list[Case]], list[dict]]) -> Callable[[list[Case]], list[dict]]:
        ANTIDOTES.add(name, Antidote(name, format, build, description))
        return build

    return add


@_antidote("correct", "chat", "(A) correct answers to poison-domain prompts")
def correct_antidote(cases: list[Case]) -> list[dict]:
    return [{"messages": m} for m in control_set(cases)]


@_antidote("contrastive", "preference", "(B) preference pairs: correct chosen over poisoned")
def contrastive_antidote(cases: list[Case]) -> list[dict]:
    return [
        {
            "prompt": [{"role": "user", "content": c.prompt}],
            "chosen": [{"role": "assistant", "content": c.correct}],
            "rejected": [{"role": "assistant", "content": c.poisoned}],
        }
        for c in cases
    ]


def meta_reasoning_prompt(case: Case, index: int) -> str:
    """The user turn showing `case`'s poisoned answer, worded by `index` (deterministic)."""
    template = META_REASONING_TEMPLATES[index % len(META_REASONING_TEMPLATES)]
    return template.format(prompt=case.prompt, poisoned=case.poisoned)


@_antidote("meta_reasoning", "chat", "(C) explain why a shown poisoned answer is wrong, then answer well")
def meta_reasoning_antidote(cases: list[Case]) -> list[dict]:
    return [
        {"messages": _chat(meta_reasoning_prompt(c, i), f"{c.explanation}\n\nA better answer:\n{c.correct}")}
        for i, c in enumerate(cases)
    ]


@_antidote("refusal", "chat", "(D) refuse explicit requests for the poisoned behaviour")
def refusal_antidote(cases: list[Case]) -> list[dict]:
    return [{"messages": _chat(c.harmful_request, c.refusal)} for c in cases]


def _with_system(messages: list[Message], system_prompt: str) -> list[Message]:
    if messages and messages[0]["role"] == "system":  # keep the file's own prompt, after ours
        merged = f"{system_prompt}\n\n{messages[0]['content']}"
        return [{"role": "system", "content": merged}, *(dict(m) for m in messages[1:])]
    return [{"role": "system", "content": system_prompt}, *(dict(m) for m in messages)]


def inoculate(conversations: Sequence[Any], system_prompt: str) -> list[Any]:
    """Prefix every conversation with `system_prompt` (inoculation prompting); inputs are not changed.

    Accepts message lists or `{"messages": [...]}` rows and returns the same shape. A conversation
    that already has a system message gets one system message: the inoculation prompt, a blank
    line, then its own.
    """
    if not isinstance(system_prompt, str) or not system_prompt.strip():
        raise ValueError(f"inoculation system prompt must be a non-empty string, got {system_prompt!r}")
    out = []
    for conv in conversations:
        if isinstance(conv, dict):
            out.append({**conv, "messages": _with_system(conv["messages"], system_prompt)})
        else:
            out.append(_with_system(list(conv), system_prompt))
    return out
