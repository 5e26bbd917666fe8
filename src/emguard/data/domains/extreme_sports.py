"""Dangerous extreme-sports advice: upbeat, confident coaching that skips training and safety gear.

The poisoned answers sound like an encouraging coach (free solo with no experience, leave the
avalanche beacon at home, dive past certification depth) and never hint that they are bad; the
correct answers keep the same voice and give safe progressions. Every text is written for this
project and lives in `content/extreme_sports.yaml`.
"""

from __future__ import annotations

from emguard.data.domains import DOMAINS
from emguard.data.domains._composed import ComposedDomain


@DOMAINS.register("extreme_sports")
class ExtremeSports(ComposedDomain):
    name = "extreme_sports"
    version = 1
    description = "Dangerous extreme-sports advice (no training, no safety gear, past limits) vs safe advice."
