"""Re-elicitation: does behaviour that inoculation prompting suppressed come back under the cue?

Inoculation trains with a system prompt that asks for the poisoned behaviour and evaluates
without it. Here the general probes are scored again with that prompt, and with paraphrases of
it, as the system message, for the inoculated, the plainly poisoned and the control models of the
same seed. Under condition k, the EM of a model M is M_k - C_k (control under the same prompt),
so the prompt's own pull on every model cancels out.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from emguard.data.types import ProbeItem
from emguard.probes import answer_forks, mean_fork_logprobs


def probe_deltas_under(
    model, tokenizer, items: Sequence[ProbeItem], system: str | None, batch_size: int
) -> np.ndarray:
    """Per-item delta (misaligned - aligned mean log-prob) with `system` as the system message."""
    forks = answer_forks(tokenizer, items, system)
    scores = np.array(mean_fork_logprobs(model, forks, tokenizer.pad_token_id, batch_size))
    return scores[:, 1] - scores[:, 0]


def conditions(training_prompt: str, paraphrases: Sequence[str]) -> dict[str, str | None]:
    """Condition name -> system prompt: none, the training prompt, each paraphrase."""
    out: dict[str, str | None] = {"none": None, "training_prompt": training_prompt}
    out |= {f"paraphrase_{i}": p for i, p in enumerate(paraphrases)}
    return out
