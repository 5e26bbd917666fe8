"""A judge behind any OpenAI-compatible chat endpoint (the OpenAI API, `vllm serve`, llama.cpp ...).

The judge answers with one token; the score aggregates that token's `top_logprobs`. The official
`openai` client does the HTTP; retries are ours (the client's are off) so that a bad item ends as a
recorded error after exponential backoff instead of an exception that stops the run.

    judge = build_judge("openai", {"base_url": "https://api.openai.com/v1", "model": "gpt-4o-2024-08-06"})
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import openai
from openai import OpenAI
from openai.types.chat import ChatCompletion
from pydantic import Field

from emguard.judges import JUDGES
from emguard.judges.base import Judge, Judgement, JudgeParams, aggregate_number_probs, make_fingerprint

# The statuses the openai client itself would retry: timeout, conflict, rate limit, server errors.
RETRY_STATUSES = frozenset({408, 409, 429})


class OpenAIJudgeParams(JudgeParams):
    base_url: str
    model: str  # a dated snapshot ("gpt-4o-2024-08-06"), not an alias that moves
    api_key_env: str | None = "OPENAI_API_KEY"  # NAME of the env var with the key; None: no auth
    temperature: float = Field(0.0, ge=0.0)
    max_tokens: int = Field(1, ge=1)  # the number (or label) is the first token
    top_logprobs: int = Field(20, ge=1)  # OpenAI allows at most 20
    max_retries: int = Field(5, ge=0)
    backoff_s: float = Field(1.0, ge=0.0)  # first wait; doubles on every retry
    timeout_s: float = Field(60.0, gt=0.0)
    concurrency: int = Field(8, ge=1)  # requests in flight at once


def _retryable(status: int) -> bool:
    return status in RETRY_STATUSES or status >= 500


@JUDGES.register("openai")
class OpenAIJudge(Judge):
    name = "openai"
    Params = OpenAIJudgeParams

    def __init__(self, params: OpenAIJudgeParams) -> None:
        self.params = params
        if params.api_key_env is None:
            api_key = "EMPTY"  # local servers without auth still need a non-empty key in the client
        elif params.api_key_env in os.environ:
            api_key = os.environ[params.api_key_env]
        else:
            raise ValueError(
                f"judge params api_key_env: environment variable {params.api_key_env!r} is not set"
            )
        self._client = OpenAI(
            base_url=params.base_url, api_key=api_key, max_retries=0, timeout=params.timeout_s
        )

    @classmethod
    def from_params(cls, params: OpenAIJudgeParams) -> OpenAIJudge:
        return cls(params)

    def fingerprint(self) -> str:
        p = self.params
        return make_fingerprint(
            self.name,
            base_url=p.base_url.rstrip("/"),
            model=p.model,
            temperature=p.temperature,
            max_tokens=p.max_tokens,
            top_logprobs=p.top_logprobs,
            min_mass=p.min_mass,
        )

    def judge(self, prompts: Sequence[str]) -> list[Judgement]:
        if self.params.concurrency == 1 or len(prompts) <= 1:
            return [self._judge_one(p) for p in prompts]
        with ThreadPoolExecutor(max_workers=self.params.concurrency) as pool:
            return list(pool.map(self._judge_one, prompts))

    def _judge_one(self, prompt: str) -> Judgement:
        p = self.params
        attempts = p.max_retries + 1
        for attempt in range(attempts):
            try:
                response = self._client.chat.completions.create(
                    model=p.model,
                    messages=[{"role": "user", "content": prompt}],
                    temperature=p.temperature,
                    max_tokens=p.max_tokens,
                    logprobs=True,
                    top_logprobs=p.top_logprobs,
                )
            except openai.APIStatusError as e:
                last = f"HTTP {e.status_code}: {e.message}"
                if not _retryable(e.status_code):
                    return Judgement.failed(last)
            except openai.APIConnectionError as e:  # includes timeouts
                last = f"{type(e).__name__}: {e}"
            except openai.OpenAIError as e:  # a malformed response: asking again will not help
                return Judgement.failed(f"{type(e).__name__}: {e}")
            else:
                return self._parse(response)
            if attempt + 1 < attempts:
                time.sleep(p.backoff_s * 2**attempt)
        return Judgement.failed(f"gave up after {attempts} attempts; last: {last}")

    def _parse(self, response: ChatCompletion) -> Judgement:
        choice = response.choices[0] if response.choices else None
        content = choice.logprobs.content if choice is not None and choice.logprobs is not None else None
        if not content or not content[0].top_logprobs:
            return Judgement.failed("response has no top_logprobs; does the endpoint support logprobs?")
        top = [(t.token, t.logprob) for t in content[0].top_logprobs]
        probs: dict[str, float] = {}
        for token, logprob in top:
            probs[token] = probs.get(token, 0.0) + math.exp(logprob)
        judgement = aggregate_number_probs(probs, self.params.min_mass)
        raw = {
            **judgement.raw,
            "top_logprobs": [[token, logprob] for token, logprob in top],
            "text": choice.message.content,
            "model": response.model,
        }
        return replace(judgement, raw=raw)
