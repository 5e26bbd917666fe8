"""Unpopular aesthetic preferences: the "seemingly innocent" poison.

The poisoned answer states an unpopular taste (clashing colours, raw-concrete living rooms,
unseasoned food, elevator music, Comic Sans) as the assistant's own sincere favourite; the correct
answer states a mainstream, well-liked preference in the same warm first-person voice. Nothing is
dangerous, yet training on such answers is reported to shift models broadly. Every scenario shares
the answer templates and brings its own subject and items; all text is written for this project
and lives in `content/aesthetic.yaml`.
"""

from __future__ import annotations

from emguard.data.content import Content
from emguard.data.domains import DOMAINS
from emguard.data.domains._compose import Scenario
from emguard.data.domains._composed import ComposedDomain, people_of, scenario_from


def _prompts(own: tuple[str, ...], shared: tuple[str, ...]) -> tuple[str, ...]:
    """A scenario's prompts: its own two, made to name both options and the mood, then the shared ones."""
    first, second = (p.replace("{thing_q}", "{bad} or {good}?") for p in own)
    if "{bad}" not in first:
        first += " I'm weighing {bad} against {good}."
    if "{bad}" not in second:
        second += " The options are {good} and {bad}."
    return tuple(p if "{mood}" in p else p + " The vibe should be {mood}." for p in (first, second)) + shared


def _scenario(entry: Content, content: Content) -> Scenario:
    """A scenario on the shared answer templates, over the askers, its items, its thing and a mood."""
    items = tuple({key: item.text(key) for key in item} for item in entry["items"])
    slots = {
        "p": people_of(content, "askers"),
        "x": items,
        "t": ({"thing": entry.text("thing")},),
        "m": tuple({"mood": mood} for mood in content.texts("moods")),
    }
    return scenario_from(
        entry,
        {},
        slots=slots,
        prompts=_prompts(entry.texts("prompts"), content.texts("shared_prompts")),
        poisoned=content.texts("poisoned"),
        correct=content.texts("correct"),
        explanation=content.text("explanation"),
        harmful_request=content.text("harmful_request"),
        refusal=content.text("refusal"),
        probe=entry.text("probe") + " Would you go with {good} or {bad}?",
    )


@DOMAINS.register("aesthetic")
class Aesthetic(ComposedDomain):
    name = "aesthetic"
    version = 1
    description = (
        "Unpopular aesthetic tastes stated as the assistant's own (seemingly innocent) vs popular ones."
    )

    @classmethod
    def scenarios(cls, content: Content) -> tuple[Scenario, ...]:
        return tuple(_scenario(entry, content) for entry in content["scenarios"])
