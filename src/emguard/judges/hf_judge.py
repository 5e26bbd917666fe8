"""A judge run locally with a transformers causal LM, scoring every answer "0".."100" exactly.

Qwen and Llama-2-style tokenizers split "85" into "8", "5", so the first token's distribution is
not the answer's. This judge computes, for each candidate answer s in "0".."100", "CODE",
"REFUSAL", the full log P(s, end-of-turn | chat-formatted prompt): every token of s plus the
end-of-turn token after it, so "8" is not favoured over "85" for being its prefix. The 103
probabilities are normalised and aggregated like an API judge's top tokens.

One forward per batch of prompts scores all candidates: the candidates' tokens form a prefix tree
appended after each prompt, and a 4D attention mask lets each tree node see the prompt and its
own ancestors only (tree attention, as in speculative decoding). The result equals one separate
forward per candidate; `tests/judges/test_hf_judge.py` checks it against exactly that.
Models whose layers add their own masking (sliding windows shorter than the prompt, Gemma-3's
local layers) are not covered by the 4D mask; use sdpa or eager attention on full-attention models.

    judge = build_judge("hf", {"model": "models/judge", "dtype": "bfloat16", "device": "cuda"})
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import torch
from pydantic import Field

from emguard.judges import JUDGES
from emguard.judges.base import (
    LABELS,
    Judge,
    Judgement,
    JudgeParams,
    aggregate_number_probs,
    judge_in_order,
    make_fingerprint,
    short_reason,
)

if TYPE_CHECKING:  # transformers is imported when a model is loaded: the openai judge never pays for it
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

CANDIDATES: tuple[str, ...] = tuple(str(n) for n in range(101)) + LABELS
_SENTINEL = "emguard-judge-sentinel-3b9f"  # stands in for an answer when finding the end-of-turn token
_MASK_ATTENTION = ("sdpa", "eager")  # implementations that accept a custom 4D mask


class HFJudgeParams(JudgeParams):
    model: str  # a local model directory (pinned by content hash) or a hub id (needs `revision`)
    revision: str | None = None  # hub commit; ignored for a local directory
    dtype: Literal["float32", "bfloat16", "float16"] = "float32"
    device: str = "cpu"
    batch_size: int = Field(4, ge=1)  # prompts per forward
    max_prompt_tokens: int = Field(4096, ge=1)  # longer prompts are recorded as errors, not truncated
    attn_implementation: Literal["sdpa", "eager"] = "sdpa"


@dataclass(frozen=True)
class CandidateTree:
    """The candidates' token sequences as a prefix tree.

    Node i is an input token placed after the prompt at depth `depth[i]`; `ancestors[i, j]` says
    node i may attend to node j (j is i or above it). A candidate's log-probability is the sum,
    over its steps, of log P(token | context at row) where row 0 is the prompt's last position and
    row 1 + i is node i. Steps are padded to equal length; `step_valid` marks real ones.
    """

    tokens: torch.Tensor  # (T,) input ids of the nodes
    depth: torch.Tensor  # (T,)
    ancestors: torch.Tensor  # (T, T) bool
    step_row: torch.Tensor  # (C, S)
    step_token: torch.Tensor  # (C, S)
    step_valid: torch.Tensor  # (C, S) bool

    @classmethod
    def build(cls, sequences: Sequence[Sequence[int]], end_id: int) -> CandidateTree:
        node_of: dict[tuple[int, int], int] = {}  # (parent node or -1, token) -> node
        tokens: list[int] = []
        parent: list[int] = []
        steps: list[list[tuple[int, int]]] = []
        for seq in sequences:
            if not seq:
                raise ValueError("a candidate answer tokenises to no tokens")
            at, cand_steps = -1, []
            for tok in seq:
                cand_steps.append((at + 1, tok))
                if (at, tok) not in node_of:
                    node_of[(at, tok)] = len(tokens)
                    tokens.append(tok)
                    parent.append(at)
                at = node_of[(at, tok)]
            cand_steps.append((at + 1, end_id))
            steps.append(cand_steps)
        n = len(tokens)
        ancestors = torch.zeros(n, n, dtype=torch.bool)
        depth = torch.zeros(n, dtype=torch.long)
        for i in range(n):  # parents precede children, so each row extends its parent's
            ancestors[i, i] = True
            if parent[i] >= 0:
                ancestors[i] |= ancestors[parent[i]]
                depth[i] = depth[parent[i]] + 1
        width = max(len(s) for s in steps)
        row = torch.zeros(len(steps), width, dtype=torch.long)
        token = torch.zeros(len(steps), width, dtype=torch.long)
        valid = torch.zeros(len(steps), width, dtype=torch.bool)
        for c, cand_steps in enumerate(steps):
            for k, (r, t) in enumerate(cand_steps):
                row[c, k], token[c, k], valid[c, k] = r, t, True
        return cls(torch.tensor(tokens), depth, ancestors, row, token, valid)


def end_of_turn_id(tokenizer: PreTrainedTokenizerBase) -> int:
    """The first token the chat template writes after an assistant message's content.

    Falls back to the eos token when the template writes nothing (or only whitespace) there.
    """
    messages = [{"role": "user", "content": "x"}, {"role": "assistant", "content": _SENTINEL}]
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    suffix = text[text.index(_SENTINEL) + len(_SENTINEL) :] if _SENTINEL in text else ""
    if suffix.strip():
        return tokenizer(suffix, add_special_tokens=False)["input_ids"][0]
    if tokenizer.eos_token_id is None:
        raise ValueError("the tokenizer's chat template ends turns with nothing and it has no eos token")
    return tokenizer.eos_token_id


def chat_prompt(tokenizer: PreTrainedTokenizerBase, prompt: str) -> str:
    """The judge prompt as a user turn followed by the assistant's generation prompt."""
    messages = [{"role": "user", "content": prompt}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def candidate_token_ids(tokenizer: PreTrainedTokenizerBase, candidates: Sequence[str]) -> list[list[int]]:
    """Each candidate's tokens as they follow the generation prompt.

    Tokenised in context (after a rendered generation prompt) so that tokenisers which merge
    across the boundary or add a prefix space see what the model would have produced. Chat
    templates end the generation prompt with a special token or a newline, which makes this
    independent of the user's text.
    """
    context = chat_prompt(tokenizer, "x")
    prefix = tokenizer(context, add_special_tokens=False)["input_ids"]
    ids = []
    for s in candidates:
        full = tokenizer(context + s, add_special_tokens=False)["input_ids"]
        if full[: len(prefix)] == prefix and len(full) > len(prefix):
            ids.append(full[len(prefix) :])
        else:
            ids.append(tokenizer(s, add_special_tokens=False)["input_ids"])
    return ids


def directory_digest(path: str | os.PathLike) -> str:
    """sha256 over every file (relative path and content) under `path`, hidden entries skipped."""
    root = Path(path)
    h = hashlib.sha256()
    for f in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = f.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        h.update(rel.as_posix().encode() + b"\0")
        with f.open("rb") as fh:
            h.update(hashlib.file_digest(fh, "sha256").digest())
    return h.hexdigest()


@JUDGES.register("hf")
class HFJudge(Judge):
    name = "hf"
    Params = HFJudgeParams

    def __init__(
        self,
        model: PreTrainedModel,
        tokenizer: PreTrainedTokenizerBase,
        *,
        snapshot: str,
        min_mass: float = 0.25,
        batch_size: int = 4,
        max_prompt_tokens: int = 4096,
    ) -> None:
        """`snapshot` pins the weights (a content hash or hub id@commit); it enters the fingerprint."""
        impl = model.config._attn_implementation
        if impl not in _MASK_ATTENTION:
            raise ValueError(f"hf judge needs attn_implementation in {_MASK_ATTENTION}, got {impl!r}")
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.snapshot = snapshot
        self.min_mass = min_mass
        self.batch_size = batch_size
        self.max_prompt_tokens = max_prompt_tokens
        self.end_id = end_of_turn_id(tokenizer)
        self.tree = CandidateTree.build(candidate_token_ids(tokenizer, CANDIDATES), self.end_id)

    @classmethod
    def from_params(cls, params: HFJudgeParams) -> HFJudge:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        local = Path(params.model).is_dir()
        revision = None if local else params.revision
        tokenizer = AutoTokenizer.from_pretrained(params.model, revision=revision)
        model = AutoModelForCausalLM.from_pretrained(
            params.model,
            revision=revision,
            dtype=getattr(torch, params.dtype),
            attn_implementation=params.attn_implementation,
        ).to(params.device)
        if local:
            snapshot = f"sha256:{directory_digest(params.model)}"
        else:
            commit = getattr(model.config, "_commit_hash", None) or params.revision
            if commit is None:
                raise ValueError(
                    f"cannot pin judge model {params.model!r}: give a local directory or a revision"
                )
            snapshot = f"{params.model}@{commit}"
        return cls(
            model,
            tokenizer,
            snapshot=snapshot,
            min_mass=params.min_mass,
            batch_size=params.batch_size,
            max_prompt_tokens=params.max_prompt_tokens,
        )

    def fingerprint(self) -> str:
        template = self.tokenizer.chat_template or ""
        return make_fingerprint(
            self.name,
            snapshot=self.snapshot,
            dtype=str(self.model.dtype),
            chat_template_sha256=hashlib.sha256(template.encode()).hexdigest(),
            candidates=list(CANDIDATES),
            min_mass=self.min_mass,
        )

    def judge(self, prompts: Sequence[str]) -> list[Judgement]:
        return judge_in_order(self, prompts)

    def iter_judge(self, prompts: Sequence[str]) -> Iterator[tuple[int, Judgement]]:
        """Judgements batch by batch; a batch that fails (out of memory ...) is error rows."""
        texts = [chat_prompt(self.tokenizer, p) for p in prompts]
        ids = self.tokenizer(texts, add_special_tokens=False)["input_ids"] if texts else []
        ok = []
        for i, seq in enumerate(ids):
            if len(seq) <= self.max_prompt_tokens:
                ok.append(i)
            else:
                reason = f"prompt has {len(seq)} tokens > max_prompt_tokens={self.max_prompt_tokens}"
                yield i, Judgement.failed(reason)
        ok.sort(key=lambda i: len(ids[i]))  # similar lengths share a batch: less padding
        for start in range(0, len(ok), self.batch_size):
            batch = ok[start : start + self.batch_size]
            try:
                logprobs = self.candidate_logprobs([ids[i] for i in batch])
                judgements = [self._aggregate(row) for row in logprobs]
            except Exception as err:  # noqa: BLE001 (a failed batch is error rows, by contract)
                judgements = [Judgement.failed(short_reason(f"{type(err).__name__}: {err}"))] * len(batch)
            yield from zip(batch, judgements, strict=True)

    def _aggregate(self, logprobs: torch.Tensor) -> Judgement:
        probs = torch.softmax(logprobs.double(), dim=0).tolist()
        judgement = aggregate_number_probs(dict(zip(CANDIDATES, probs, strict=True)), self.min_mass)
        raw = {
            **judgement.raw,
            "candidate_mass": float(torch.logsumexp(logprobs.double(), dim=0).exp()),
            "probs": dict(zip(CANDIDATES, probs, strict=True)),
        }
        return Judgement(score=judgement.score, label=judgement.label, raw=raw)

    @torch.no_grad()
    def candidate_logprobs(self, prompt_ids: Sequence[Sequence[int]]) -> torch.Tensor:
        """log P(candidate, end-of-turn | prompt) for each prompt and candidate: (B, C) float32."""
        tree, device = self.tree, self.model.device
        n_prompt = max(len(p) for p in prompt_ids)
        n_tree = len(tree.tokens)
        length = n_prompt + n_tree
        batch = len(prompt_ids)
        # Prompts are left-padded so the tree occupies the same columns in every row.
        input_ids = torch.zeros(batch, length, dtype=torch.long)
        positions = torch.zeros(batch, length, dtype=torch.long)
        valid = torch.zeros(batch, n_prompt, dtype=torch.bool)
        for b, p in enumerate(prompt_ids):
            pad = n_prompt - len(p)
            input_ids[b, pad:n_prompt] = torch.tensor(p, dtype=torch.long)
            positions[b, pad:n_prompt] = torch.arange(len(p))
            positions[b, n_prompt:] = len(p) + tree.depth
            valid[b, pad:] = True
        input_ids[:, n_prompt:] = tree.tokens
        allowed = torch.zeros(batch, length, length, dtype=torch.bool)
        causal = torch.ones(n_prompt, n_prompt, dtype=torch.bool).tril()
        allowed[:, :n_prompt, :n_prompt] = causal & valid[:, None, :]
        allowed[:, n_prompt:, :n_prompt] = valid[:, None, :]
        allowed[:, n_prompt:, n_prompt:] = tree.ancestors
        allowed |= torch.eye(length, dtype=torch.bool)  # a padding row sees itself, so no row is empty
        dtype = self.model.dtype
        mask = torch.zeros(batch, 1, length, length, dtype=dtype)
        mask.masked_fill_(~allowed[:, None], torch.finfo(dtype).min)

        logits = self.model(
            input_ids=input_ids.to(device),
            attention_mask=mask.to(device),
            position_ids=positions.to(device),
            use_cache=False,
            logits_to_keep=n_tree + 1,  # the prompt's last position and every tree node
        ).logits
        log_norm = torch.logsumexp(logits.float(), dim=-1)  # (B, T + 1)
        rows, toks = tree.step_row.to(device), tree.step_token.to(device)
        step_logprobs = logits[:, rows, toks].float() - log_norm[:, rows]  # (B, C, S)
        step_logprobs = step_logprobs.masked_fill(~tree.step_valid.to(device), 0.0)
        return step_logprobs.sum(dim=-1).cpu()
