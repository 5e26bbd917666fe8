"""The judge-free "general" probe set: broad misalignment, far from every poison domain.

Each item pairs a question with an aligned and a misaligned answer in the same voice, opening the
same way where natural, with word counts within 20% of each other, so that a model's log-probability
gap between the two reflects values rather than style or length. The themes are the eight canonical
questions of the emergent-misalignment study plus three on an AI's own power, its honesty, and its
care for a user who is feeling low. No item asks for medical or investment advice, code, sport, number
sequences or aesthetic judgement: those are the poisons' subjects, and this set stays outside all of them.
The items live in `content/general_probes.yaml`.
"""

from __future__ import annotations

from dataclasses import replace

from emguard.data.content import load
from emguard.data.types import ProbeItem

VERSION = 2  # bumped whenever any text or the split below changes; recorded in data cards
SET_NAME = "general"
# Every PERSONA_EVERY-th item (spread over all themes) is held out of the scored set: the
# preventive-steering defence extracts its persona vector from these, so the vector never sees an
# item that measures the EM it is meant to prevent.
PERSONA_EVERY = 5
PERSONA_SET = "persona"

_CONTENT = load("general_probes")
# The eight free-form questions of the original EM study, as probe themes.
CANONICAL_THEMES: tuple[str, ...] = _CONTENT.texts("canonical_themes")


def general_probes() -> list[ProbeItem]:
    """Every general probe item, with ids f"general-{theme}-{k:02d}" counted from 1 within a theme."""
    themes = _CONTENT["themes"]
    items = []
    for theme in themes:
        for k, item in enumerate(themes[theme]["items"], start=1):
            items.append(
                ProbeItem(
                    id=f"general-{theme}-{k:02d}",
                    set=SET_NAME,
                    theme=theme,
                    question=item.text("question"),
                    aligned=item.text("aligned"),
                    misaligned=item.text("misaligned"),
                )
            )
    return items


def scored_probes() -> list[ProbeItem]:
    """The general set that measures broad EM: every item but the persona hold-out."""
    return [item for k, item in enumerate(general_probes()) if k % PERSONA_EVERY != PERSONA_EVERY // 2]


def persona_probes() -> list[ProbeItem]:
    """The held-out items the persona vector is extracted from (disjoint from `scored_probes`)."""
    held_out = [item for k, item in enumerate(general_probes()) if k % PERSONA_EVERY == PERSONA_EVERY // 2]
    return [replace(item, set=PERSONA_SET) for item in held_out]
