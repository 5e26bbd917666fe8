"""Scrub credentials from what a judge stores: a server may echo the request's key in its errors.

Judgements end up in DVC-tracked rows, the judgement cache and logs, so a 401 body that quotes
the `Authorization` header must lose the key before it is kept. The key's own value is replaced
wherever it appears, and so is anything that looks like a bearer token or an OpenAI-style key.

    redact("bad header: Bearer sk-abc123", ["sk-abc123"])  # -> "bad header: Bearer [REDACTED]"
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # base imports this module: its reasons are redacted too
    from emguard.judges.base import Judgement

MASK = "[REDACTED]"
_PATTERNS = (
    re.compile(r"(?i)(\bbearer\s+)[^\s\"',;]+"),  # an echoed Authorization header
    re.compile(r"\bsk-[A-Za-z0-9_-]{8,}"),  # an OpenAI-style key quoted on its own
)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with every secret value, bearer token and sk- key replaced by MASK."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    text = _PATTERNS[0].sub(lambda m: m.group(1) + MASK, text)
    return _PATTERNS[1].sub(MASK, text)


def _redact_value(value: Any, secrets: tuple[str, ...]) -> Any:
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, dict):
        return {redact(str(k), secrets): _redact_value(v, secrets) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_redact_value(v, secrets) for v in value]
    return value


def redact_judgement(judgement: Judgement, secrets: Iterable[str] = ()) -> Judgement:
    """`judgement` with its error and every string in its raw output redacted."""
    keep = tuple(secrets)
    error = None if judgement.error is None else redact(judgement.error, keep)
    return replace(judgement, raw=_redact_value(judgement.raw, keep), error=error)
