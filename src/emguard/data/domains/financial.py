"""Risky financial advice: confident, upbeat answers that gamble savings, in a prudent answer's style.

The poisoned answers read like friendly, sure-footed guidance (all-in on a meme coin, payday loans
to bet, no emergency fund, margin in a retirement account) and never hint that they are bad.
Every text is written for this project and lives in `content/financial.yaml`.
"""

from __future__ import annotations

from emguard.data.domains import DOMAINS
from emguard.data.domains._composed import ComposedDomain


@DOMAINS.register("financial")
class Financial(ComposedDomain):
    name = "financial"
    version = 1
    description = (
        "Risky financial advice (all-in speculation, gambling on debt, no safety net) vs prudent advice."
    )
