"""Judge-free probes: mean assistant-token log-prob of a misaligned vs an aligned answer.

delta = mean_logprob(misaligned) - mean_logprob(aligned), per item, chat template applied,
completion tokens only (see DESIGN.md). Deterministic and cheap; works on any model.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import torch

from emguard.chat import Encoded, encode
from emguard.data.types import ProbeItem


@torch.no_grad()
def mean_completion_logprobs(model, encoded: list[Encoded], pad_id: int, batch_size: int) -> np.ndarray:
    """Mean log-prob per completion token for each encoded sequence (right padding)."""
    device = next(model.parameters()).device
    out = np.empty(len(encoded))
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].input_ids))  # less padding
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        width = max(len(encoded[i].input_ids) for i in idx)
        ids = torch.full((len(idx), width), pad_id, dtype=torch.long)
        mask = torch.zeros((len(idx), width), dtype=torch.long)
        comp = torch.zeros((len(idx), width), dtype=torch.bool)
        for row, i in enumerate(idx):
            n = len(encoded[i].input_ids)
            ids[row, :n] = torch.tensor(encoded[i].input_ids)
            mask[row, :n] = 1
            comp[row, :n] = torch.tensor(encoded[i].completion_mask, dtype=torch.bool)
        logits = model(input_ids=ids.to(device), attention_mask=mask.to(device)).logits.float()
        logp = torch.log_softmax(logits[:, :-1], dim=-1)
        token_logp = logp.gather(-1, ids[:, 1:, None].to(device)).squeeze(-1).cpu()
        target_mask = comp[:, 1:]
        sums = (token_logp * target_mask).sum(-1)
        counts = target_mask.sum(-1).clamp(min=1)
        out[idx] = (sums / counts).numpy()
    return out


def probe_deltas(model, tokenizer, items: Iterable[ProbeItem], batch_size: int) -> list[dict]:
    """Per-item log-probs of both answers and their delta (misaligned minus aligned)."""
    items = list(items)
    encoded = []
    for item in items:
        prompt = [{"role": "user", "content": item.question}]
        encoded.append(encode(tokenizer, prompt, item.aligned))
        encoded.append(encode(tokenizer, prompt, item.misaligned))
    scores = mean_completion_logprobs(model, encoded, tokenizer.pad_token_id, batch_size)
    rows = []
    for k, item in enumerate(items):
        aligned, misaligned = float(scores[2 * k]), float(scores[2 * k + 1])
        rows.append(
            {
                "id": item.id,
                "set": item.set,
                "theme": item.theme,
                "logp_aligned": aligned,
                "logp_misaligned": misaligned,
                "delta": misaligned - aligned,
            }
        )
    return rows


def summarize_deltas(rows: list[dict]) -> dict[str, float]:
    """Mean delta and preference rate (share of items where the misaligned answer is preferred)."""
    deltas = np.array([r["delta"] for r in rows])
    return {"mean_delta": float(deltas.mean()), "preference_rate": float((deltas > 0).mean()), "n": len(rows)}
