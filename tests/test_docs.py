"""The documents point at files that exist: a renamed doc or benchmark result breaks a test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARKDOWN = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")  # [text](target#anchor)
NAMED = re.compile(r"\b((?:docs|bench/results)/[\w./-]+\.(?:md|json|csv))")  # a path named in prose
CITING = [ROOT / "params.yaml", ROOT / "Makefile", *sorted((ROOT / "src/emguard").rglob("*.py"))]


def relative_links(path: Path) -> list[str]:
    return [t for t in LINK.findall(path.read_text(encoding="utf-8")) if "://" not in t and ":" not in t]


@pytest.mark.parametrize("doc", MARKDOWN, ids=lambda p: p.name)
def test_every_relative_link_resolves(doc):
    broken = [t for t in relative_links(doc) if not (doc.parent / t).exists()]
    assert not broken, f"{doc.relative_to(ROOT)} links to missing files: {broken}"


def test_every_doc_or_benchmark_named_in_code_and_params_exists():
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in [*CITING, *MARKDOWN]
        for name in NAMED.findall(path.read_text(encoding="utf-8"))
        if not (ROOT / name.rstrip(".")).exists()
    ]
    assert not missing, missing


def test_the_link_pattern_finds_relative_links_only(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("[x](docs/a.md) [y](https://e.org/b.md) [z](../c.json#top) [m](mailto:a@b)\n")
    assert relative_links(doc) == ["docs/a.md", "../c.json"]
