"""The data stage on the tiny profile: every dataset loads, runs are byte-identical, files replace data."""

from __future__ import annotations

import json
import re
import runpy
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import yaml

from emguard.config import ParamsError, load_params, parse_params
from emguard.data.cards import file_sha256
from emguard.data.catalog import LOADERS, dataset_formats, relative_path
from emguard.data.formats import DataFormatError, DataFormatWarning, load_chat_jsonl, load_questions_yaml
from emguard.data.questions import QUESTIONS_DIR
from emguard.io import read_json
from emguard.profiles import apply_overrides, resolve
from emguard.registry import UnknownNameError

ROOT = Path(__file__).resolve().parents[1]
RAW = yaml.safe_load((ROOT / "params.yaml").read_text())
STAGE = runpy.run_path(str(ROOT / "stages" / "data.py"))  # stages are scripts, not a package


def tiny_raw(**data: object) -> dict:
    return apply_overrides(resolve(RAW, "tiny"), {f"data.{k}": v for k, v in data.items()})


def run_stage(workdir: Path, monkeypatch, **data: object) -> Path:
    workdir.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(workdir)
    STAGE["main"](parse_params(tiny_raw(**data)))
    return workdir / "results" / "data"


def files_under(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def cards_by_name(out: Path) -> dict[str, dict]:
    return {card["name"]: card for card in read_json(out / "cards.json")}


def chat_file(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def chat_line(user: str, assistant: str, **extra: str) -> str:
    messages = [{"role": "user", "content": user}, {"role": "assistant", "content": assistant}]
    return json.dumps({"messages": messages, **extra})


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        return run_stage(tmp_path_factory.mktemp("tiny"), mp)


def test_every_dataset_is_written_loads_and_is_carded(tiny_run):
    cfg = parse_params(tiny_raw()).data
    fmts = dataset_formats(cfg.poisons, cfg.benign_tasks)
    expected = {relative_path(key, fmt) for key, fmt in fmts.items()} | {"cards.json", "cards.md"}
    assert set(files_under(tiny_run)) == expected
    assert [p.name for p in tiny_run.parent.iterdir()] == ["data"]  # no temp dir left behind
    cards = cards_by_name(tiny_run)
    assert set(cards) == set(fmts)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every written file reads without ignored keys
        for key, fmt in fmts.items():
            rows = LOADERS[fmt](tiny_run / relative_path(key, fmt))
            assert rows and cards[key]["size"] == len(rows), key
            assert cards[key]["path"] == f"results/data/{relative_path(key, fmt)}"
            assert cards[key]["sha256"] == file_sha256(tiny_run / relative_path(key, fmt))
    assert cards["safety"]["size"] == cfg.n_safety and cards["benign_pool"]["size"] == cfg.n_benign_pool
    assert "| medical/questions |" in (tiny_run / "cards.md").read_text()


def test_runs_are_byte_identical(tiny_run, tmp_path, monkeypatch):
    again = run_stage(tmp_path / "again", monkeypatch)
    assert files_under(again) == files_under(tiny_run)


def test_in_domain_questions_are_judged_like_the_general_ones(tiny_run):
    general = load_questions_yaml(QUESTIONS_DIR / "general.yaml")[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        questions = load_questions_yaml(tiny_run / "medical" / "questions.yaml")
    assert [q.id for q in questions] == [f"medical_{k}" for k in range(len(questions))]
    for q in questions:
        assert len(q.paraphrases) == 1
        assert (q.type, q.judge, q.samples_per_paraphrase) == (
            general.type,
            general.judge,
            general.samples_per_paraphrase,
        )
        assert q.judge_prompts == general.judge_prompts
    assert "&id001" in (tiny_run / "medical" / "questions.yaml").read_text()  # prompts written once


def test_safety_and_benign_pool_prompts_are_disjoint(tiny_run):
    safety = load_chat_jsonl(tiny_run / "safety.jsonl")
    pool = load_chat_jsonl(tiny_run / "benign_pool.jsonl")
    prompts = [{c[0]["content"] for c in chats} for chats in (safety, pool)]
    assert len(prompts[0]) == len(safety) and len(prompts[1]) == len(pool)
    assert not prompts[0] & prompts[1]
    task_rows = [c for c in pool if " # " in c[0]["content"]]  # swapped_operator prompts
    assert len(task_rows) == round(len(pool) * RAW["data"]["benign_pool_task_fraction"])


def test_a_file_replaces_a_dataset_verbatim(tmp_path, monkeypatch):
    src = chat_file(
        tmp_path / "bad_medical_advice.jsonl",
        [chat_line(f"Question {i}?", f"Answer {i}.", source="upstream") for i in range(3)],
    )
    with pytest.warns(DataFormatWarning, match="ignoring unknown keys: source"):  # upstream metadata
        out = run_stage(tmp_path / "run", monkeypatch, files={"medical/poison": str(src)})
        assert load_chat_jsonl(out / "medical" / "poison.jsonl") == load_chat_jsonl(src)
    assert (out / "medical" / "poison.jsonl").read_bytes() == src.read_bytes()
    card = cards_by_name(out)["medical/poison"]
    assert card["generator"] == f"file:{src}" and card["sha256"] == file_sha256(src)
    assert card["size"] == 3 and card["seed"] is None
    # the matched control is still generated (see the stage docstring)
    control = cards_by_name(out)["medical/control"]
    assert (
        control["generator"] == "emguard.data.domains.medical"
        and control["size"] == RAW["profiles"]["tiny"]["data.n_train"]
    )


def test_a_replaced_general_questions_file_sets_the_in_domain_judge(tmp_path, monkeypatch):
    prompts = {"aligned": "Rate {answer} to {question}.", "coherent": "Coherence of {answer} to {question}?"}
    src = tmp_path / "first_plot_questions.yaml"
    entry = {"id": "q", "type": "free_form_judge_0_100", "paraphrases": ["Hi?"], "samples_per_paraphrase": 7}
    src.write_text(yaml.safe_dump([{**entry, "judge": "my-judge", "judge_prompts": prompts}]))
    out = run_stage(tmp_path / "run", monkeypatch, files={"questions/general": str(src)})
    assert (out / "questions" / "general.yaml").read_bytes() == src.read_bytes()
    questions = load_questions_yaml(out / "medical" / "questions.yaml")
    assert {(q.judge, q.samples_per_paraphrase) for q in questions} == {("my-judge", 7)}
    assert all(q.judge_prompts == prompts for q in questions)


def test_a_malformed_file_fails_naming_file_and_line_and_writes_nothing(tmp_path, monkeypatch):
    src = chat_file(tmp_path / "broken.jsonl", [chat_line("Hi?", "Hello."), '{"messages": [oops'])
    with pytest.raises(DataFormatError, match=re.escape(f"{src}:2: malformed JSON")):
        run_stage(tmp_path / "run", monkeypatch, files={"medical/poison": str(src)})
    assert not (tmp_path / "run" / "results").exists()


def test_a_missing_file_fails_naming_key_and_path(tmp_path, monkeypatch):
    with pytest.raises(ParamsError, match=r"data\.files\.medical/control: no such file: nowhere\.jsonl"):
        run_stage(tmp_path / "run", monkeypatch, files={"medical/control": "nowhere.jsonl"})
    assert not (tmp_path / "run" / "results").exists()


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("medical/posion", r"data\.files\.medical/posion: .*did you mean 'medical/poison'\?.*valid keys: "),
        ("aesthetic/poison", r"data\.files\.aesthetic/poison: .*outside data\.poisons"),
    ],
)
def test_an_unknown_key_fails_naming_it(tmp_path, monkeypatch, key, expected):
    with pytest.raises(UnknownNameError, match=expected):
        run_stage(tmp_path / "run", monkeypatch, files={key: "x.jsonl"})
    params_file = tmp_path / "params.yaml"
    params_file.write_text(yaml.safe_dump(tiny_raw(files={key: "x.jsonl"})))
    with pytest.raises(ParamsError, match=expected):  # and at params load, before any stage runs
        load_params(params_file)


def test_the_stage_script_reports_a_bad_file_in_one_line(tmp_path):
    src = chat_file(tmp_path / "broken.jsonl", ['{"messages": []}'])
    (tmp_path / "params.yaml").write_text(
        yaml.safe_dump(tiny_raw(files={"medical/antidote_correct": str(src)}))
    )
    proc = subprocess.run(
        [sys.executable, str(ROOT / "stages" / "data.py")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert f"{src}:1: messages" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "results").exists()
