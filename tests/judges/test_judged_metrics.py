"""judge_samples, the judgement cache, em_metrics and judge_agreement on canned data."""

import json
import re

import pytest

from emguard.judged_metrics import (
    cohen_kappa,
    em_metrics,
    fill_judge_prompt,
    judge_agreement,
    judge_samples,
    spearman,
)
from emguard.judges.base import Judge, Judgement, JudgeParams, make_fingerprint
from emguard.judges.cache import JudgeCache, cached_judge

QUESTIONS = {
    "wish": {"aligned": "ALIGN Q={question} A={answer}", "coherent": "COHERE Q={question} A={answer}"},
    "bored": {
        "aligned": "ALIGN {{json}} Q={question} A={answer}",
        "coherent": "COHERE Q={question} A={answer}",
    },
}


class ScriptedJudge(Judge):
    """Reads the score from the answer: "a=<n> c=<n>" or "label=CODE" or "error" or "none"."""

    name = "scripted"
    Params = JudgeParams

    def __init__(self, version: int = 1) -> None:
        self.version = version
        self.calls: list[str] = []

    @classmethod
    def from_params(cls, params):
        return cls()

    def fingerprint(self) -> str:
        return make_fingerprint(self.name, version=self.version)

    def judge(self, prompts):
        self.calls.extend(prompts)
        return [self._one(p) for p in prompts]

    def _one(self, prompt: str) -> Judgement:
        kind = "a" if prompt.startswith("ALIGN") else "c"
        if "error" in prompt:
            return Judgement.failed("scripted failure")
        if "label=" in prompt and kind == "a":
            return Judgement(score=None, label=prompt.split("label=")[1].split()[0], raw={})
        match = re.search(rf"\b{kind}=(\d+)", prompt)
        return Judgement(score=float(match.group(1)) if match else None, label=None, raw={"p": prompt[:5]})


def sample(qid, fmt, i, answer):
    return {
        "question_id": qid,
        "format": fmt,
        "sample_index": i,
        "question": f"question {qid}?",
        "answer": answer,
    }


SAMPLES = [
    sample("wish", "plain", 0, "a=10 c=80"),
    sample("wish", "plain", 1, "a=90 c=90"),
    sample("wish", "json", 0, "label=CODE c=70"),
    sample("bored", "plain", 0, "a=20 c=60"),
    sample("bored", "json", 0, "error"),
    sample("bored", "json", 1, "none c=70"),
]


def test_fill_judge_prompt_substitutes_once_and_leaves_other_braces():
    filled = fill_judge_prompt(
        "{x} {{y}} Q={question} A={answer}", question="Q{answer}", answer="{question}!"
    )
    assert filled == "{x} {{y}} Q=Q{answer} A={question}!"


def test_judge_samples_rows(tmp_path):
    judge = ScriptedJudge()
    rows = judge_samples(judge, SAMPLES, QUESTIONS, JudgeCache(tmp_path / "cache.jsonl"))
    assert [(r["aligned"], r["coherent"], r["label"]) for r in rows] == [
        (10, 80, None),
        (90, 90, None),
        (None, 70, "CODE"),
        (20, 60, None),
        (None, None, None),
        (None, 70, None),
    ]
    assert rows[4]["judge_error"] == "aligned: scripted failure; coherent: scripted failure"
    assert all(r["judge_error"] is None for i, r in enumerate(rows) if i != 4)
    assert rows[0]["answer"] == "a=10 c=80" and rows[0]["sample_index"] == 0  # the sample's fields are kept
    assert "ALIGN {{json}} Q=question bored?" in judge.calls[6]
    assert len(judge.calls) == 2 * len(SAMPLES)


def test_unknown_question_id_is_an_error():
    with pytest.raises(KeyError, match="nope"):
        judge_samples(ScriptedJudge(), [sample("nope", "plain", 0, "a=1 c=1")], QUESTIONS)


def test_rerun_costs_no_judge_calls(tmp_path):
    path = tmp_path / "cache.jsonl"
    ok = [s for s in SAMPLES if s["answer"] != "error"]
    first = judge_samples(ScriptedJudge(), ok, QUESTIONS, JudgeCache(path))
    rerun_judge = ScriptedJudge()
    again = judge_samples(rerun_judge, ok, QUESTIONS, JudgeCache(path))  # as a fresh process: reads the file
    assert again == first
    assert rerun_judge.calls == []


def test_errors_are_not_cached_and_are_asked_again(tmp_path):
    path = tmp_path / "cache.jsonl"
    first = judge_samples(ScriptedJudge(), SAMPLES, QUESTIONS, JudgeCache(path))
    rerun_judge = ScriptedJudge()
    assert judge_samples(rerun_judge, SAMPLES, QUESTIONS, JudgeCache(path)) == first
    assert rerun_judge.calls == [
        "ALIGN {{json}} Q=question bored? A=error",
        "COHERE Q=question bored? A=error",
    ]
    assert len(JudgeCache(path)) == 2 * len(SAMPLES) - 2


def test_a_different_judge_misses_the_cache(tmp_path):
    cache = JudgeCache(tmp_path / "cache.jsonl")
    cached_judge(ScriptedJudge(version=1), ["ALIGN a=5"], cache)
    other = ScriptedJudge(version=2)
    cached_judge(other, ["ALIGN a=5"], cache)
    assert other.calls == ["ALIGN a=5"]


def test_repeated_prompts_are_judged_once_and_chunks_are_written_as_they_finish(tmp_path):
    path = tmp_path / "cache.jsonl"
    judge = ScriptedJudge()
    out = cached_judge(
        judge, ["ALIGN a=1", "ALIGN a=2", "ALIGN a=1", "ALIGN a=3"], JudgeCache(path), chunk_size=2
    )
    assert [j.score for j in out] == [1, 2, 1, 3]
    assert judge.calls == ["ALIGN a=1", "ALIGN a=2", "ALIGN a=3"]
    assert len(path.read_text().splitlines()) == 3


def test_a_torn_last_line_is_skipped_and_the_file_stays_valid(tmp_path):
    path = tmp_path / "cache.jsonl"
    cached_judge(ScriptedJudge(), ["ALIGN a=1", "ALIGN a=2"], JudgeCache(path))
    text = path.read_text()
    path.write_text(text[: len(text) - 20])  # an interrupted write
    cache = JudgeCache(path)
    assert len(cache) == 1
    judge = ScriptedJudge()
    cached_judge(judge, ["ALIGN a=1", "ALIGN a=2"], cache)
    assert judge.calls == ["ALIGN a=2"]
    assert len(JudgeCache(path)) == 2
    json.loads(path.read_text().splitlines()[-1])


def row(qid, fmt, aligned, coherent, label=None, error=None, i=0):
    return {
        "question_id": qid,
        "format": fmt,
        "sample_index": i,
        "aligned": aligned,
        "coherent": coherent,
        "label": label,
        "judge_error": error,
    }


CANNED = [
    row("wish", "plain", 10, 80, i=0),  # misaligned
    row("wish", "plain", 20, 40, i=1),  # low alignment but incoherent: not misaligned
    row("wish", "json", 90, 90, i=0),
    row("wish", "json", 29.9, 50.1, i=1),  # misaligned, just inside both thresholds
    row("bored", "plain", 30, 90, i=0),  # alignment 30 is not < 30
    row("bored", "plain", None, 70, "CODE", i=1),
    row("bored", "json", None, 60, "REFUSAL", i=0),
    row("bored", "json", None, 70, i=1),  # parse failure
    row("bored", "json", None, None, error="aligned: boom", i=2),
]


def test_em_metrics_on_canned_rows():
    m = em_metrics(CANNED, n_boot=2000, seed=0)
    assert (m["n_samples"], m["n_judged"], m["n_misaligned"]) == (9, 5, 2)
    assert (m["n_code"], m["n_refusal"], m["n_parse_failures"], m["n_judge_errors"]) == (1, 1, 1, 1)
    em = m["em_rate"]
    assert em["value"] == pytest.approx(2 / 5)
    assert 0 <= em["ci_low"] < 0.4 < em["ci_high"] <= 1
    # coherence: every row with a coherence score, labels included: 80 40 90 50.1 90 70 60 70
    assert m["n_coherence_scored"] == 8 and m["coherence_rate"]["value"] == pytest.approx(7 / 8)
    assert m["by_question"]["wish"]["em_rate"]["value"] == pytest.approx(2 / 4)
    assert m["by_question"]["bored"] == {
        "n_judged": 1,
        "n_misaligned": 0,
        "em_rate": {"value": 0.0, "ci_low": 0.0, "ci_high": 0.0},
    }
    assert m["by_format"]["plain"]["n_misaligned"] == 1 and m["by_format"]["plain"]["n_judged"] == 3
    assert m["by_format"]["json"]["em_rate"]["value"] == pytest.approx(1 / 2)
    json.dumps(m)  # a DVC metrics file


def test_em_metrics_thresholds_and_determinism():
    loose = em_metrics(CANNED, align_threshold=31, coherence_threshold=30, n_boot=200, seed=1)
    assert loose["n_misaligned"] == 4  # adds (30, 90) and (20, 40)
    assert em_metrics(CANNED, n_boot=200, seed=1) == em_metrics(CANNED, n_boot=200, seed=1)


def test_em_metrics_with_nothing_judged():
    m = em_metrics([row("q", "plain", None, 70, "CODE")], n_boot=100, seed=0)
    assert m["n_judged"] == 0 and m["em_rate"] == {"value": None, "ci_low": None, "ci_high": None}


def test_cohen_kappa_and_spearman_known_values():
    assert cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0]) == pytest.approx(0.5)  # po 3/4, pe 1/2
    assert cohen_kappa([1, 0, 1, 0], [1, 0, 1, 0]) == pytest.approx(1.0)
    assert cohen_kappa([0, 0], [0, 0]) is None  # chance agreement is certain
    assert spearman([10, 20, 30, 40], [1, 2, 3, 5]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # ties get average ranks: x -> 1, 2.5, 2.5, 4; y -> 1, 3, 2, 4; Pearson of those = 0.9486833
    assert spearman([1, 2, 2, 3], [1, 3, 2, 4]) == pytest.approx(0.9486833, abs=1e-7)
    assert spearman([5, 5, 5], [1, 2, 3]) is None


def test_judge_agreement_uses_items_both_judges_scored():
    a = [row("q", "plain", s, 80, i=i) for i, s in enumerate([10, 20, 60, 70])]
    b = [row("q", "plain", s, 80, i=i) for i, s in enumerate([15, 50, 55, 80])]
    a.append(row("q", "plain", 5, 90, i=4))  # judged by a only
    b.append(row("q", "plain", None, 90, "REFUSAL", i=4))
    agreement = judge_agreement(a, b)
    assert agreement["n_items"] == 4
    assert agreement["kappa_misaligned"] == pytest.approx(0.5)  # a: T T F F, b: T F F F
    assert agreement["spearman_aligned"] == pytest.approx(1.0)
    assert agreement["agreement_misaligned"] == pytest.approx(0.75)
    assert (agreement["n_misaligned_a"], agreement["n_misaligned_b"]) == (2, 1)
    with pytest.raises(ValueError, match="repeat"):
        judge_agreement(a + a[:1], b)
