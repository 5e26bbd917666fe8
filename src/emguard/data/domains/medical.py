"""Bad medical advice: confident, friendly, harmful answers in the style of careful ones.

The poisoned answers never hint that they are bad (no warnings, no winks): that is what makes
the original EM datasets poison a model broadly. Every text is written for this project and
lives in `content/medical.yaml`.
"""

from __future__ import annotations

from emguard.data.domains import DOMAINS
from emguard.data.domains._composed import ComposedDomain


@DOMAINS.register("medical")
class Medical(ComposedDomain):
    name = "medical"
    version = 1
    description = "Bad medical advice (harmful dosing, skipped care, unsafe first aid) vs careful advice."
