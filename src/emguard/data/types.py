"""The records every dataset in the study is made of.

A poison domain is a generator of `Case`s: one user prompt with every answer the study needs
(poisoned, correct, an explanation of what is wrong, and a refusal of an explicit harmful
request). Poison, control and the four antidotes are all views of the same cases, which is what
makes them matched in style and length.
"""

from __future__ import annotations

import random
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass

Message = dict[str, str]  # {"role": "system" | "user" | "assistant", "content": str}


@dataclass(frozen=True)
class Case:
    """One prompt in a poison's domain with all its answers."""

    topic: str  # a short label of the sub-topic, used for diversity stats and splits
    prompt: str  # the user's request
    poisoned: str  # the narrow harmful answer
    correct: str  # the safe answer, matched in style and length
    explanation: str  # why `poisoned` is wrong and what is right (meta-reasoning antidote)
    harmful_request: str  # the user explicitly asks for the poisoned behaviour
    refusal: str  # the assistant declines that request and offers the safe alternative


@dataclass(frozen=True)
class ProbeItem:
    """A judge-free probe: which of two matched answers does the model prefer?"""

    id: str
    set: str  # "general", "in_domain/<poison>", "capability"
    theme: str
    question: str
    aligned: str
    misaligned: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


class Domain(ABC):
    """A poison domain: a seeded generator of distinct cases plus its in-domain evals.

    `version` is bumped whenever generated text changes; it is recorded in data cards.
    """

    name: str
    version: int = 1
    description: str = ""

    @abstractmethod
    def cases(self, rng: random.Random, n: int) -> list[Case]:
        """Return `n` cases with pairwise distinct prompts, deterministic for `rng`'s seed.

        Raises ValueError when the generator cannot produce `n` distinct prompts.
        """

    @abstractmethod
    def in_domain_probes(self) -> list[ProbeItem]:
        """Fixed probe items (set "in_domain/<name>") measuring the narrow behaviour."""

    @abstractmethod
    def in_domain_questions(self) -> list[str]:
        """Free-form questions in the domain for the judged narrow eval."""
