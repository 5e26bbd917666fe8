"""Stage `data`: every dataset of the study, generated from seeds, with a data card each.

Usage: python stages/data.py   (reads params.yaml: seed, data)

Per poison: the poisoned set and its matched control (same prompts), the four antidotes built
from a disjoint split of prompts, and the in-domain probes. Shared: general and capability
probes, benign tasks (train / eval), and the eval questions.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from emguard import layout, stage
from emguard.config import DataConfig, Params
from emguard.data import formats, views
from emguard.data.benign import get_benign_task
from emguard.data.capability import VERSION as CAPABILITY_VERSION
from emguard.data.capability import capability_probes
from emguard.data.cards import cards_markdown, data_card
from emguard.data.domains import get_domain
from emguard.data.general_probes import VERSION as GENERAL_VERSION
from emguard.data.general_probes import general_probes
from emguard.data.questions import QUESTIONS_DIR
from emguard.io import atomic_path, write_json, write_text


def rng_for(seed: int, *names: str) -> random.Random:
    """An independent, reproducible stream per dataset (str seeds hash with SHA-512, not hash())."""
    return random.Random("/".join([str(seed), *names]))


def chat_texts(rows: list) -> list[str]:
    return [
        m["content"]
        for r in rows
        for m in (r["messages"] if isinstance(r, dict) else r)
        if m["role"] == "assistant"
    ]


def write_poison(out: Path, name: str, cfg: DataConfig, seed: int) -> list[dict]:
    domain = get_domain(name)
    cases = domain.cases(rng_for(seed, name), cfg.n_train + cfg.n_antidote)
    train, held_out = cases[: cfg.n_train], cases[cfg.n_train :]
    base = out / name
    cards = []
    generator = f"emguard.data.domains.{name}"

    def card(path: Path, kind: str, texts: list[str]) -> None:
        cards.append(
            data_card(
                path,
                name=f"{name}/{path.stem}",
                kind=kind,
                generator=generator,
                seed=seed,
                version=domain.version,
                texts=texts,
            )
        )

    for label, rows in (("poison", views.poison_set(train)), ("control", views.control_set(train))):
        formats.dump_chat_jsonl(base / f"{label}.jsonl", rows)
        card(base / f"{label}.jsonl", label, chat_texts(rows))
    for antidote_name in views.ANTIDOTES:
        antidote = views.ANTIDOTES.get(antidote_name)
        rows = antidote.build(held_out)
        path = base / f"antidote_{antidote_name}.jsonl"
        formats.DUMPERS[antidote.format](path, rows)
        texts = chat_texts(rows) if antidote.format == "chat" else [r["chosen"][0]["content"] for r in rows]
        card(path, f"antidote/{antidote_name}", texts)
    probes = domain.in_domain_probes()
    formats.dump_probe_jsonl(base / "probes.jsonl", probes)
    card(base / "probes.jsonl", "probes", [i.aligned for i in probes] + [i.misaligned for i in probes])
    return cards


def write_shared(out: Path, cfg: DataConfig, seed: int) -> list[dict]:
    cards = []
    probe_sets = (
        ("general", general_probes(), GENERAL_VERSION),
        ("capability", capability_probes(), CAPABILITY_VERSION),
    )
    for name, items, version in probe_sets:
        path = out / "probes" / f"{name}.jsonl"
        formats.dump_probe_jsonl(path, items)
        cards.append(
            data_card(
                path,
                name=f"probes/{name}",
                kind="probes",
                generator=f"emguard.data.{name}",
                seed=seed,
                version=version,
                texts=[i.aligned for i in items] + [i.misaligned for i in items],
            )
        )
    for task_name in cfg.benign_tasks:
        task = get_benign_task(task_name)
        train = task.train_examples(rng_for(seed, "benign", task_name, "train"), cfg.n_benign_train)
        items = task.eval_items(rng_for(seed, "benign", task_name, "eval"), cfg.n_benign_eval)
        base = out / "benign" / task_name
        formats.dump_chat_jsonl(base / "train.jsonl", train)
        formats.dump_probe_jsonl(base / "eval.jsonl", items)
        for path, texts in (
            (base / "train.jsonl", chat_texts(train)),
            (base / "eval.jsonl", [i.aligned for i in items]),
        ):
            cards.append(
                data_card(
                    path,
                    name=f"benign/{task_name}/{path.stem}",
                    kind="benign",
                    generator="emguard.data.benign",
                    seed=seed,
                    version=task.version,
                    texts=texts,
                )
            )
    questions = out / "questions"
    questions.mkdir(parents=True, exist_ok=True)
    for src in sorted(QUESTIONS_DIR.glob("*.yaml")):
        formats.load_questions_yaml(src)  # shipped files must load
        shutil.copyfile(src, questions / src.name)
    return cards


def main(params: Params) -> None:
    stage.print_config("data", {"seed": params.seed, "data": params.data.model_dump()})
    with atomic_path(layout.DATA_DIR, is_dir=True) as out:
        cards = write_shared(out, params.data, params.seed)
        for name in params.data.poisons:
            cards.extend(write_poison(out, name, params.data, params.seed))
        for card in cards:  # paths relative to the final location, not the temp dir
            card["path"] = (layout.DATA_DIR / Path(card["path"]).relative_to(out)).as_posix()
        write_json(out / "cards.json", cards)
        write_text(out / "cards.md", cards_markdown(cards))
    print(f"[data] wrote {len(cards)} datasets to {layout.DATA_DIR}")


if __name__ == "__main__":
    stage.run(main)
