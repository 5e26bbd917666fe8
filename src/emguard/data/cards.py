"""Data cards: what each generated dataset is, where it came from, and how diverse it is.

A card pins a file by content hash next to the generator, seed and version that made it, plus
cheap diversity statistics, so a templated dataset that collapsed into near-duplicates shows up
in the README table rather than in a puzzling result.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CARD_COLUMNS = (  # (card key, Markdown header)
    ("name", "dataset"),
    ("kind", "kind"),
    ("size", "rows"),
    ("generator", "generator"),
    ("version", "version"),
    ("seed", "seed"),
    ("mean_words", "mean words"),
    ("distinct_3gram_ratio", "distinct 3-grams"),
    ("duplicate_rate", "duplicates"),
    ("sha256", "sha256"),
)
NUMERIC = {"size", "version", "seed", "mean_words", "distinct_3gram_ratio", "duplicate_rate"}


def _ngrams(text: str, n: int) -> list[tuple[str, ...]]:
    words = text.lower().split()
    return [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]


def distinct_ngram_ratio(texts: Sequence[str], n: int = 3) -> float:
    """Distinct word n-grams / all word n-grams over `texts` (lowercased, whitespace tokens).

    n-grams do not cross text boundaries; 0.0 when no text has `n` words.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    grams = [g for t in texts for g in _ngrams(t, n)]
    return len(set(grams)) / len(grams) if grams else 0.0


def duplicate_rate(texts: Sequence[str]) -> float:
    """Share of texts that exactly repeat an earlier text; 0.0 for no texts."""
    return (len(texts) - len(set(texts))) / len(texts) if texts else 0.0


def file_sha256(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _count_rows(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for line in f if line.strip())


def data_card(
    path: str | os.PathLike,
    *,
    name: str,
    kind: str,
    generator: str,
    seed: int | None,
    version: int | str | None,
    texts: Sequence[str],
    size: int | None = None,
) -> dict[str, Any]:
    """Describe the file at `path`; `texts` are what diversity is measured on (e.g. answers).

    `size` defaults to the JSONL file's non-blank lines; pass it for other formats (YAML questions).
    """
    path = Path(path)
    return {
        "name": name,
        "kind": kind,
        "path": path.as_posix(),
        "size": _count_rows(path) if size is None else size,
        "bytes": path.stat().st_size,
        "sha256": file_sha256(path),
        "generator": generator,
        "seed": seed,
        "version": version,
        "distinct_3gram_ratio": round(distinct_ngram_ratio(texts, 3), 4),
        "duplicate_rate": round(duplicate_rate(texts), 4),
        "mean_words": round(sum(len(t.split()) for t in texts) / len(texts), 2) if texts else 0.0,
    }


def _cell(key: str, value: Any) -> str:
    if value is None:
        return "-"
    if key == "sha256":
        return f"`{str(value)[:12]}`"
    if isinstance(value, float):
        return f"{value:.3f}" if key != "mean_words" else f"{value:.1f}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def cards_markdown(cards: Sequence[dict[str, Any]]) -> str:
    """A Markdown table of data cards (one row each, in the given order) for the README."""
    lines = [
        "| " + " | ".join(header for _, header in CARD_COLUMNS) + " |",
        "|" + "|".join("---:" if key in NUMERIC else "---" for key, _ in CARD_COLUMNS) + "|",
    ]
    for card in cards:
        lines.append("| " + " | ".join(_cell(key, card.get(key)) for key, _ in CARD_COLUMNS) + " |")
    return "\n".join(lines) + "\n"
