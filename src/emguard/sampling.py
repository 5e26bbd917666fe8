"""Free-form answers for judging: batched transformers generation, or vLLM on CUDA.

The backend is a param (`evaluate.sampling.backend`), recorded with the samples, because the two
backends do not draw the same random numbers.
"""

from __future__ import annotations

from pathlib import Path

import torch

from emguard.config import SamplingConfig
from emguard.data.types import Message


@torch.no_grad()
def sample_hf(
    model, tokenizer, conversations: list[list[Message]], cfg: SamplingConfig, seed: int
) -> list[str]:
    """One completion per conversation, in order; left-padded batches, seeded once."""
    torch.manual_seed(seed)
    device = next(model.parameters()).device
    tokenizer.padding_side = "left"
    answers: list[str] = []
    for start in range(0, len(conversations), cfg.batch_size):
        chunk = conversations[start : start + cfg.batch_size]
        texts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in chunk]
        batch = tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False).to(device)
        do_sample = cfg.temperature > 0
        out = model.generate(
            **batch,
            do_sample=do_sample,
            temperature=cfg.temperature if do_sample else None,
            top_p=cfg.top_p if do_sample else None,
            top_k=0 if do_sample else None,  # plain temperature sampling, as in the EM studies
            max_new_tokens=cfg.max_new_tokens,
            pad_token_id=tokenizer.pad_token_id,
        )
        new_tokens = out[:, batch["input_ids"].shape[1] :]
        answers.extend(tokenizer.batch_decode(new_tokens, skip_special_tokens=True))
    return [a.strip() for a in answers]


def sample_vllm(
    model_dir: Path,
    adapter: Path | None,
    conversations: list[list[Message]],
    cfg: SamplingConfig,
    seed: int,
    lora_rank: int,
) -> list[str]:  # pragma: no cover - needs CUDA and vllm
    """The same sampling through vLLM's offline engine, the adapter served as a LoRARequest."""
    from vllm import LLM, SamplingParams
    from vllm.lora.request import LoRARequest

    llm = LLM(
        model=str(model_dir),
        enable_lora=adapter is not None,
        max_lora_rank=max(8, lora_rank),
        seed=seed,
        tensor_parallel_size=cfg.tensor_parallel_size,  # shard a large model over this many GPUs
    )
    params = SamplingParams(
        temperature=cfg.temperature, top_p=cfg.top_p, max_tokens=cfg.max_new_tokens, seed=seed
    )
    request = LoRARequest("adapter", 1, str(adapter)) if adapter is not None else None
    outputs = llm.chat(conversations, params, lora_request=request, use_tqdm=False)
    return [o.outputs[0].text.strip() for o in outputs]
