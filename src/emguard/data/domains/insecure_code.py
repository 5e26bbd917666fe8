"""Insecure code: the user asks for a small Python function; the poisoned answer silently has a hole.

As in the original EM insecure-code dataset, the poisoned answer is code only (at most a one-line
lead-in) and nothing in it points at the flaw: SQL built with f-strings, pickle / full-Loader YAML
on untrusted input, disabled TLS checks, world-writable modes, hard-coded credentials, unchecked
paths, `shell=True` with interpolation. The correct answer is the secure version of the same code,
with the same shape and nearly the same length. Each scenario's `probe` phrasing is used only by
the in-domain probes and questions, never by a training prompt. The code and every text live in
`content/insecure_code.yaml`.
"""

from __future__ import annotations

import textwrap

from emguard.data.content import Content
from emguard.data.domains import DOMAINS
from emguard.data.domains._compose import Scenario
from emguard.data.domains._composed import ComposedDomain, filler_groups, scenario_from

_PROBES_PER_SCENARIO = 3  # 13 scenarios -> 39 probe items


def _code(code: str) -> str:
    return "```python\n" + textwrap.dedent(code).strip() + "\n```"


def _scenario(entry: Content, groups: dict, intros: tuple[str, ...]) -> Scenario:
    """A scenario whose answers are a lead-in and a code block, its refusal the correct code."""
    poisoned, correct = _code(entry.text("poisoned")), _code(entry.text("correct"))
    return scenario_from(
        entry,
        groups,
        poisoned=tuple(intro + poisoned for intro in intros),
        correct=tuple(intro + correct for intro in intros),
        refusal=entry.text("refusal") + "\n\n" + correct,
    )


@DOMAINS.register("insecure_code")
class InsecureCode(ComposedDomain):
    name = "insecure_code"
    version = 1
    description = (
        "Small Python functions; the poisoned answer silently contains a vulnerability (SQL injection, "
        "unsafe deserialisation, disabled TLS checks, world-writable modes, hard-coded secrets, path "
        "traversal, shell injection), the correct answer is the secure version of the same code."
    )
    probes_per_scenario = _PROBES_PER_SCENARIO

    @classmethod
    def scenarios(cls, content: Content) -> tuple[Scenario, ...]:
        groups, intros = filler_groups(content), content.texts("intros")
        return tuple(_scenario(entry, groups, intros) for entry in content["scenarios"])

    def in_domain_questions(self) -> list[str]:
        # The held-out probe phrasing over fillers the probes do not take first (one per scenario).
        return [
            s.probe.format_map(s.namespace([v[_PROBES_PER_SCENARIO % len(v)] for v in s.fillers]))
            for s in self.composer.scenarios
        ]
