"""A content-addressed cache of judgements, so a rerun of the judged eval costs nothing.

The key is sha256 of (judge fingerprint, prompt text): changing the judge's model, settings or
aggregation rule, or the prompt (question version, answer), misses the cache by construction.
The file is JSONL. Each judgement is appended as it arrives, in one O_APPEND write of one whole
line, and fsynced before the next is asked for: a crash, kill or power cut keeps every judgement
already paid for, and a torn last line is skipped on load. Errors are not cached: they are retried.

    cache = JudgeCache("results/judge_cache.jsonl")
    judgements = cached_judge(judge, prompts, cache)
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

from emguard.io import read_jsonl
from emguard.judges.base import Judge, Judgement, judge_each, judge_in_order


def cache_key(fingerprint: str, prompt: str) -> str:
    return hashlib.sha256(json.dumps([fingerprint, prompt], ensure_ascii=False).encode()).hexdigest()


class JudgeCache:
    """JSONL file of `{"key": ..., "judgement": {...}}` lines; the last line for a key wins."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        self._entries: dict[str, Judgement] = {}
        self._torn_tail = ends_mid_line(self.path)  # the next write starts a new line
        # a line torn by an interrupted write is skipped, as is an entry without its fields
        for entry in read_jsonl(self.path, skip_invalid=True) if self.path.exists() else []:
            try:
                self._entries[entry["key"]] = Judgement.from_dict(entry["judgement"])
            except (KeyError, TypeError):
                continue

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Judgement | None:
        return self._entries.get(key)

    def put(self, key: str, judgement: Judgement) -> None:
        """Store `judgement` (never one with an error) and append it to the file at once."""
        if judgement.error is not None:
            return
        self._entries[key] = judgement
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # ASCII JSON: a write torn by an interrupt cannot split a multi-byte character.
        line = json.dumps({"key": key, "judgement": judgement.to_dict()}, sort_keys=True)
        append_line(self.path, ("\n" if self._torn_tail else "") + line + "\n")
        self._torn_tail = False


def ends_mid_line(path: Path) -> bool:
    """Whether a non-empty file's last byte is not a newline (a write was cut short)."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1) != b"\n"


def append_line(path: Path, line: str) -> None:
    """Append `line` in one write(2) on an O_APPEND descriptor, then fsync it to the disk."""
    data = line.encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    try:
        while data:  # a regular file takes it whole; a short write is finished, never interleaved
            data = data[os.write(fd, data) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def cached_judge(
    judge: Judge, prompts: Sequence[str], cache: JudgeCache | None, chunk_size: int | None = None
) -> list[Judgement]:
    """`judge.judge(prompts)`, asking the judge only for prompts the cache lacks; never raises.

    Each judgement is stored the moment the judge gives it (`Judge.iter_judge`), so an exception
    or a kill mid-batch loses none that were paid for. `chunk_size` bounds the prompts handed to
    the judge at once (None: all); a prompt repeated in `prompts` is judged once.
    """
    if cache is None:
        return judge_in_order(judge, prompts)
    fingerprint = judge.fingerprint()
    keys = [cache_key(fingerprint, p) for p in prompts]
    missing: dict[str, str] = {}
    for key, prompt in zip(keys, prompts, strict=True):
        if cache.get(key) is None:
            missing.setdefault(key, prompt)
    fresh: dict[str, Judgement] = {}
    todo = list(missing.items())
    step = chunk_size or max(len(todo), 1)
    for start in range(0, len(todo), step):
        chunk = todo[start : start + step]
        for i, judgement in judge_each(judge, [p for _, p in chunk]):
            key = chunk[i][0]
            fresh[key] = judgement
            cache.put(key, judgement)
    return [fresh[key] if key in fresh else cache.get(key) for key in keys]  # type: ignore[misc]
