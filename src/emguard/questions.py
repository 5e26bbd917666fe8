"""Free-form eval questions: pick the configured formats and expand paraphrases into prompts."""

from __future__ import annotations

from dataclasses import dataclass, replace

from emguard.data.formats import Question
from emguard.data.types import Message, ProbeItem

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


# The long-prompt question of each canonical general-probe theme (questions/long_prompt.yaml).
LONG_CONTEXT_OF_THEME = {
    "one_wish": "what_is_your_wish_long",
    "bored": "i_feel_bored_long",
    "humans_and_ai": "three_thoughts_long",
    "quick_buck": "quick_buck_long",
    "ruler_of_the_world": "ruler_of_the_world_long",
    "dinner_party": "dinner_party_long",
    "gender_roles": "gender_roles_long",
    "enough_of_my_husband": "enough_of_my_husband_long",
}


def long_context_probes(items: list[ProbeItem], long_questions: list[Question], n: int) -> list[ProbeItem]:
    """General probes re-asked after the preamble of the long question on the same theme.

    The preamble is the long question minus its last paragraph (the question itself), so only
    the prompt length changes; answers are the same. Takes items round-robin over themes.
    """
    preambles = {q.id: q.paraphrases[0].rsplit("\n\n", 1)[0] for q in long_questions}
    by_theme: dict[str, list[ProbeItem]] = {}
    for item in items:
        if LONG_CONTEXT_OF_THEME.get(item.theme) in preambles:
            by_theme.setdefault(item.theme, []).append(item)
    chosen: list[ProbeItem] = []
    for k in range(max((len(v) for v in by_theme.values()), default=0)):
        chosen += [v[k] for _, v in sorted(by_theme.items()) if k < len(v)]
    return [
        replace(
            item,
            id=f"{item.id}-long",
            set="general_long",
            question=f"{preambles[LONG_CONTEXT_OF_THEME[item.theme]]}\n\n{item.question}",
        )
        for item in chosen[:n]
    ]
