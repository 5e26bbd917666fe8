"""Build every dataset of the study from seeds, with a data card each (the `data` stage's library;
stages/data.py is its main). What it writes, and how a file replaces a generated dataset, is in
the stage's docstring."""

from __future__ import annotations

import json
import math
import random
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml

from emguard import layout
from emguard.config import DataConfig, Params, ParamsError
from emguard.data import catalog, formats, views
from emguard.data.benign import get_benign_task
from emguard.data.capability import VERSION as CAPABILITY_VERSION
from emguard.data.capability import capability_probes
from emguard.data.cards import cards_markdown, data_card
from emguard.data.catalog import check_file_keys, dataset_formats, relative_path
from emguard.data.domains import get_domain
from emguard.data.formats import DataFormatError, Question
from emguard.data.general_probes import VERSION as GENERAL_VERSION
from emguard.data.general_probes import persona_probes, scored_probes
from emguard.data.questions import QUESTIONS_DIR
from emguard.data.safety import VERSION as SAFETY_VERSION
from emguard.data.safety import helpful_chats, safety_set
from emguard.data.types import Message
from emguard.io import atomic_path, write_json, write_text


def rng_for(seed: int, *names: str) -> random.Random:
    """An independent, reproducible stream per dataset (str seeds hash with SHA-512, not hash())."""
    return random.Random("/".join([str(seed), *names]))


def texts_of(fmt: str, rows: list) -> list[str]:
    """What a card measures diversity on: answers, chosen answers, both probe answers, paraphrases."""
    if fmt == "chat":
        convs = [r["messages"] if isinstance(r, Mapping) else r for r in rows]
        return [m["content"] for conv in convs for m in conv if m["role"] == "assistant"]
    if fmt == "preference":
        return [m["content"] for r in rows for m in r["chosen"]]
    if fmt == "probe":
        return [t for item in rows for t in (item.aligned, item.misaligned)]
    return [p for q in rows for p in q.paraphrases]


class _QuestionsDumper(yaml.SafeDumper):
    """Multi-line strings as literal blocks, like the original question files."""


_QuestionsDumper.add_representer(
    str,
    lambda dumper, s: dumper.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None),
)


def dump_questions_yaml(path: Path, questions: list[Question], header: str) -> None:
    """Write questions in the original EM format; equal judge prompts are written once and aliased."""
    shared: dict[str, dict[str, str]] = {}
    entries = []
    for q in questions:
        entry = {"id": q.id, "type": q.type, "paraphrases": list(q.paraphrases)}
        entry |= {"system": q.system} if q.system else {}
        entry["samples_per_paraphrase"] = q.samples_per_paraphrase
        entry |= {"judge": q.judge} if q.judge else {}
        if q.judge_prompts:  # the same dict object each time, so PyYAML writes an anchor and aliases
            key = json.dumps(q.judge_prompts, sort_keys=True)
            entry["judge_prompts"] = shared.setdefault(key, dict(q.judge_prompts))
        entries.append(entry)
    body = yaml.dump(entries, Dumper=_QuestionsDumper, sort_keys=False, allow_unicode=True, width=110)
    comments = "".join(f"# {line}\n" for line in header.splitlines())
    write_text(path, comments + body)


def judged_like(general: list[Question]) -> Question:
    """The general question whose judge settings the in-domain questions reuse (the first judged one)."""
    for q in general:
        if q.judge_prompts:
            return q
    raise DataFormatError("questions/general: no entry has judge_prompts to judge in-domain questions with")


def in_domain_questions(poison: str, texts: list[str], like: Question) -> list[Question]:
    """One question per text, ids `<poison>_<k>`, judged and sampled like `like`."""
    return [
        Question(
            id=f"{poison}_{k}",
            type=like.type,
            paraphrases=(text,),
            samples_per_paraphrase=like.samples_per_paraphrase,
            judge=like.judge,
            judge_prompts=like.judge_prompts,
        )
        for k, text in enumerate(texts)
    ]


def benign_pool(cfg: DataConfig, seed: int) -> list[list[Message]]:
    """General helpful chats (subjects disjoint from the safety set's) plus benign-task examples."""
    n_tasks = math.floor(cfg.n_benign_pool * cfg.benign_pool_task_fraction + 0.5)
    chats = helpful_chats(rng_for(seed, "benign_pool", "helpful"), cfg.n_benign_pool - n_tasks)
    per_task, extra = divmod(n_tasks, len(cfg.benign_tasks))
    for i, name in enumerate(cfg.benign_tasks):
        rng = rng_for(seed, "benign_pool", name)
        chats += get_benign_task(name).train_examples(rng, per_task + (i < extra))
    rng_for(seed, "benign_pool", "order").shuffle(chats)
    return chats


DUMPERS = {**formats.DUMPERS, "probe": formats.dump_probe_jsonl}


@dataclass
class Writer:
    """Writes datasets under `out` by key, from their generator or their replacement file, with cards."""

    out: Path
    seed: int
    fmts: Mapping[str, str]  # key -> format, from emguard.data.catalog
    files: Mapping[str, str]  # data.files
    replaced: Mapping[str, list]  # key -> rows of its (validated) replacement file
    cards: list[dict] = field(default_factory=list)

    def dataset(self, key: str, kind: str, generator: str, version: int, make: Callable[[], list]) -> list:
        """Write `make()`'s rows to `key`'s path (or copy its replacement file); card it; return the rows."""
        if key in self.replaced:
            return self._replacement(key, kind)
        rows, path = make(), self._path(key)
        if self.fmts[key] == "questions":
            dump_questions_yaml(path, rows, header=f"{key}: written by {generator} (version {version})")
        else:
            DUMPERS[self.fmts[key]](path, rows)
        self._card(key, path, rows, kind=kind, generator=generator, seed=self.seed, version=version)
        return rows

    def shipped(self, key: str, source: Path, kind: str, generator: str) -> list:
        """Copy a file shipped with emguard (or the replacement file) to `key`'s path; return its rows."""
        if key in self.replaced:
            return self._replacement(key, kind)
        rows, path = catalog.LOADERS[self.fmts[key]](source), self._path(key)
        shutil.copyfile(source, path)
        self._card(key, path, rows, kind=kind, generator=generator, seed=None, version=None)
        return rows

    def _replacement(self, key: str, kind: str) -> list:
        source, rows, path = self.files[key], self.replaced[key], self._path(key)
        shutil.copyfile(source, path)
        self._card(key, path, rows, kind=kind, generator=f"file:{source}", seed=None, version=None)
        return rows

    def _path(self, key: str) -> Path:
        path = self.out / relative_path(key, self.fmts[key])
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def _card(self, key: str, path: Path, rows: list, **meta) -> None:
        fmt = self.fmts[key]
        size = len(rows) if fmt == "questions" else None
        self.cards.append(data_card(path, name=key, texts=texts_of(fmt, rows), size=size, **meta))


def write_shared(w: Writer, cfg: DataConfig, seed: int) -> list[Question]:
    """Every dataset not tied to a poison; returns the general questions (for their judge prompts)."""
    w.dataset("probes/general", "probes", "emguard.data.general_probes", GENERAL_VERSION, scored_probes)
    w.dataset("probes/persona", "probes", "emguard.data.general_probes", GENERAL_VERSION, persona_probes)
    w.dataset("probes/capability", "probes", "emguard.data.capability", CAPABILITY_VERSION, capability_probes)
    for name in cfg.benign_tasks:
        task = get_benign_task(name)
        train = partial(task.train_examples, rng_for(seed, "benign", name, "train"), cfg.n_benign_train)
        items = partial(task.eval_items, rng_for(seed, "benign", name, "eval"), cfg.n_benign_eval)
        w.dataset(f"benign/{name}/train", "benign", "emguard.data.benign", task.version, train)
        w.dataset(f"benign/{name}/eval", "benign", "emguard.data.benign", task.version, items)
    questions = {
        src.stem: w.shipped(f"questions/{src.stem}", src, "questions", "emguard.data.questions")
        for src in sorted(QUESTIONS_DIR.glob("*.yaml"))
    }
    safety = partial(safety_set, rng_for(seed, "safety"), cfg.n_safety)
    w.dataset("safety", "safety", "emguard.data.safety", SAFETY_VERSION, safety)
    pool = partial(benign_pool, cfg, seed)
    w.dataset("benign_pool", "benign_pool", "emguard.data.safety + benign tasks", SAFETY_VERSION, pool)
    return questions["general"]


def write_poison(w: Writer, name: str, cfg: DataConfig, seed: int, judged: Question) -> None:
    domain = get_domain(name)
    cases = domain.cases(rng_for(seed, name), cfg.n_train + cfg.n_antidote)
    train, held_out = cases[: cfg.n_train], cases[cfg.n_train :]
    generator = f"emguard.data.domains.{name}"

    def write(key: str, kind: str, make: Callable[[], list]) -> None:
        w.dataset(f"{name}/{key}", kind, generator, domain.version, make)

    write("poison", "poison", lambda: views.poison_set(train))
    write("control", "control", lambda: views.control_set(train))
    for antidote_name in views.ANTIDOTES:
        antidote = views.ANTIDOTES.get(antidote_name)
        write(f"antidote_{antidote_name}", f"antidote/{antidote_name}", lambda a=antidote: a.build(held_out))
    write("probes", "probes", domain.in_domain_probes)
    write("questions", "questions", lambda: in_domain_questions(name, domain.in_domain_questions(), judged))


def restore_hint() -> str:
    """How to get the previous datasets back when a rejected file stops the stage: `dvc repro`
    deletes a stage's outputs before running it (`make reproduce` checks the files before that)."""
    if layout.DATA_DIR.exists():
        return ""  # the stage writes atomically: the previous datasets are untouched
    out = layout.DATA_DIR.as_posix()
    return f" ({out} is gone: DVC removes it before the stage runs; `dvc checkout {out}` restores it)"


def build(params: Params) -> int:
    """Write every dataset into layout.DATA_DIR, replacing it whole; the number of datasets written.
    A `data.files` replacement is read and checked before anything is written."""
    cfg = params.data
    fmts = dataset_formats(cfg.poisons, cfg.benign_tasks)
    check_file_keys(cfg.files, cfg.poisons, cfg.benign_tasks)
    try:
        replaced = catalog.read_replacements(cfg.files, fmts)  # fails before anything is written
    except (DataFormatError, ParamsError) as err:
        err.args = (f"{err}{restore_hint()}",)
        raise
    with atomic_path(layout.DATA_DIR, is_dir=True) as out:
        w = Writer(out, params.seed, fmts, cfg.files, replaced)
        judged = judged_like(write_shared(w, cfg, params.seed))
        for name in cfg.poisons:
            write_poison(w, name, cfg, params.seed, judged)
        for card in w.cards:  # paths relative to the final location, not the temp dir
            card["path"] = (layout.DATA_DIR / Path(card["path"]).relative_to(out)).as_posix()
        write_json(out / "cards.json", w.cards)
        write_text(out / "cards.md", cards_markdown(w.cards))
    return len(w.cards)
