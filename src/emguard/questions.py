"""Free-form eval questions: pick the configured formats and expand paraphrases into prompts."""

from __future__ import annotations

from dataclasses import dataclass

from emguard.data.formats import Question
from emguard.data.types import Message

FORMAT_SUFFIXES = {"json": "_json", "template": "_template"}


def question_format(question_id: str) -> str:
    """The original study's naming: `<id>_json`, `<id>_template`, anything else is plain."""
    for fmt, suffix in FORMAT_SUFFIXES.items():
        if question_id.endswith(suffix):
            return fmt
    return "plain"


@dataclass(frozen=True)
class Prompt:
    question_id: str
    format: str
    paraphrase_index: int
    sample_index: int
    question: str
    system: str | None

    def messages(self) -> list[Message]:
        system = [{"role": "system", "content": self.system}] if self.system else []
        return [*system, {"role": "user", "content": self.question}]


def expand(questions: list[Question], formats: list[str], samples_per_question: int) -> list[Prompt]:
    """Every (question, paraphrase, sample) to generate; the params cap the YAML's sample count."""
    prompts = []
    for q in questions:
        fmt = question_format(q.id)
        if fmt not in formats:
            continue
        n = min(q.samples_per_paraphrase, samples_per_question)
        for p, text in enumerate(q.paraphrases):
            prompts.extend(Prompt(q.id, fmt, p, s, text, q.system) for s in range(n))
    return prompts
