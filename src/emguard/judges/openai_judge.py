"""A judge behind any OpenAI-compatible chat endpoint (the OpenAI API, `vllm serve`, llama.cpp ...).

The judge answers with one token; the score aggregates that token's `top_logprobs`. The official
`openai` client does the HTTP and the retries: timeouts, connection errors, 408/409/429 and 5xx
are retried `max_retries` times with its jittered exponential backoff, and a `Retry-After`
(seconds, HTTP date or `retry-after-ms`) is honoured up to the client's two-minute bound (a
longer one is not retried). Whatever still fails, and any response that is not the expected
shape (not JSON, no choices, no logprobs, a NaN or positive logprob), becomes an error row with
a short reason: nothing raises out of `judge`. Reasons and raw outputs are scrubbed of the key.

    judge = build_judge("openai", {"base_url": "https://api.openai.com/v1", "model": "gpt-4o-2024-08-06"})
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import replace
from typing import Any

import openai
from openai import OpenAI
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from emguard.config import require_env
from emguard.judges import JUDGES
from emguard.judges.base import (
    Judge,
    Judgement,
    JudgeParams,
    aggregate_number_probs,
    judge_in_order,
    make_fingerprint,
    short_reason,
)
from emguard.judges.redact import redact_judgement


class OpenAIJudgeParams(JudgeParams):
    base_url: str
    model: str  # a dated snapshot ("gpt-4o-2024-08-06"), not an alias that moves
    api_key_env: str | None = "OPENAI_API_KEY"  # NAME of the env var with the key; None: no auth
    temperature: float = Field(0.0, ge=0.0)
    max_tokens: int = Field(1, ge=1)  # the number (or label) is the first token
    top_logprobs: int = Field(20, ge=1)  # OpenAI allows at most 20
    max_retries: int = Field(5, ge=0)  # the openai client's own retries, with its backoff
    timeout_s: float = Field(60.0, gt=0.0)  # per attempt
    concurrency: int = Field(8, ge=1)  # requests in flight at once


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", from_attributes=True)


class _TopLogprob(_Model):
    token: str
    logprob: float = Field(le=0.0, allow_inf_nan=False)  # a probability, finite and at most 1


class _TokenLogprob(_Model):
    top_logprobs: list[_TopLogprob] = Field(min_length=1)


class _Logprobs(_Model):
    content: list[_TokenLogprob] = Field(min_length=1)


class _Message(_Model):
    content: str | None = None


class _Choice(_Model):
    logprobs: _Logprobs
    message: _Message | None = None


class Answer(_Model):
    """The part of a chat completion the judge reads, validated: the client itself does not."""

    model: str | None = None
    choices: list[_Choice] = Field(min_length=1)


def _validation_reason(err: ValidationError) -> str:
    """The first problem's location and message, without the (untrusted) input value."""
    first = err.errors()[0]
    loc = [str(part) for part in first["loc"]]
    if {"logprobs", "content", "top_logprobs"} & set(loc) and first.get("input") in (None, []):
        return "response has no top_logprobs; does the endpoint support logprobs?"
    return f"malformed response: {'.'.join(loc) or 'body'}: {first['msg']}"


def failure_reason(err: Exception) -> str:
    """A short reason for a failed request; says how many attempts the client made."""
    if isinstance(err, openai.APIStatusError):
        reason = f"HTTP {err.status_code}: {err.message}"
    elif isinstance(err, ValidationError):
        reason = _validation_reason(err)
    elif isinstance(err, json.JSONDecodeError):  # raised by the client on a body that is not JSON
        reason = f"response body is not JSON: {err}"
    else:
        reason = f"{type(err).__name__}: {err}"
    request = getattr(err, "request", None)
    retries = request.headers.get("x-stainless-retry-count", "0") if request is not None else "0"
    if retries.isdigit() and int(retries) > 0:
        reason = f"gave up after {int(retries) + 1} attempts; last: {reason}"
    return short_reason(reason)


@JUDGES.register("openai")
class OpenAIJudge(Judge):
    name = "openai"
    Params = OpenAIJudgeParams

    def __init__(self, params: OpenAIJudgeParams) -> None:
        self.params = params
        if params.api_key_env is None:
            self._api_key = "EMPTY"  # local servers without auth still need a non-empty key
            self._secrets: tuple[str, ...] = ()
        else:  # an unset or empty variable is a one-line params error
            self._api_key = require_env(params.api_key_env, "judge.openai.api_key_env")
            self._secrets = (self._api_key,)
        self._client = self._new_client()

    def _new_client(self) -> OpenAI:
        p = self.params
        return OpenAI(
            base_url=p.base_url, api_key=self._api_key, max_retries=p.max_retries, timeout=p.timeout_s
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
        return judge_in_order(self, prompts)

    def iter_judge(self, prompts: Sequence[str]) -> Iterator[tuple[int, Judgement]]:
        """Each judgement as its request ends; the next request waits until the caller took it
        when `concurrency` is 1."""
        if self.params.concurrency == 1 or len(prompts) <= 1:
            for i, prompt in enumerate(prompts):
                yield i, self._judge_one(prompt)
            return
        yield from self._iter_concurrent(prompts)

    def _iter_concurrent(self, prompts: Sequence[str]) -> Iterator[tuple[int, Judgement]]:
        pool = ThreadPoolExecutor(max_workers=self.params.concurrency)
        pending: dict[Future[Judgement], int] = {
            pool.submit(self._judge_one, prompt): i for i, prompt in enumerate(prompts)
        }
        finished = False
        try:
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield pending.pop(future), future.result()
            finished = True
        finally:
            pool.shutdown(wait=finished, cancel_futures=True)
            if not finished:  # interrupted: requests in flight end within one attempt, no retries
                self._client.close()
                self._client = self._new_client()

    def _judge_one(self, prompt: str) -> Judgement:
        """One prompt's Judgement; every failure is an error row, never an exception."""
        p = self.params
        try:
            response = self._client.chat.completions.create(
                model=p.model,
                messages=[{"role": "user", "content": prompt}],
                temperature=p.temperature,
                max_tokens=p.max_tokens,
                logprobs=True,
                top_logprobs=p.top_logprobs,
            )
            judgement = self._parse(Answer.model_validate(response))
        except Exception as err:  # noqa: BLE001 (a failed item is an error row, by contract)
            judgement = Judgement.failed(failure_reason(err))
        return redact_judgement(judgement, self._secrets)

    def _parse(self, answer: Answer) -> Judgement:
        choice = answer.choices[0]
        top = [(t.token, t.logprob) for t in choice.logprobs.content[0].top_logprobs]
        probs: dict[str, float] = {}
        for token, logprob in top:
            probs[token] = probs.get(token, 0.0) + math.exp(logprob)
        judgement = aggregate_number_probs(probs, self.params.min_mass)
        raw: dict[str, Any] = {
            **judgement.raw,
            "top_logprobs": [[token, logprob] for token, logprob in top],
            "text": choice.message.content if choice.message is not None else None,
            "model": answer.model,
        }
        return replace(judgement, raw=raw)
