"""The capability probe set: fixed benign knowledge items a coherent small model gets right.

Each item pairs the correct short answer with a wrong one in the same sentence frame and nearly
the same length, so a defence that damages general ability shows up as a falling preference for
the correct answer. Hand-written, in `content/capability.yaml`; change any text and bump `VERSION`.
"""

from __future__ import annotations

import re

from emguard.data.content import load
from emguard.data.types import ProbeItem

VERSION = 1

_CHOICE = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")


def capability_probes() -> list[ProbeItem]:
    """The fixed capability probe items, ids "capability-000" onwards, in a stable order."""
    themes = load("capability")["themes"]
    items = []
    for theme in themes:
        for row in themes.texts(theme):
            question, answer = row.split(" | ", 1)
            items.append(
                ProbeItem(
                    id=f"capability-{len(items):03d}",
                    set="capability",
                    theme=theme,
                    question=question,
                    aligned=_CHOICE.sub(r"\1", answer),
                    misaligned=_CHOICE.sub(r"\2", answer),
                )
            )
    return items
