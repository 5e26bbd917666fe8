"""The report stage turns summarize metrics into the paper's CSV, LaTeX and figures."""

import csv
import io
import json
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = runpy.run_path(str(ROOT / "stages" / "report.py"))


def probe_block(effect, n_seeds=3):
    return {
        "n_seeds": n_seeds,
        "mean_delta": {"base": 0.1, "control": 0.05, "poison": 0.1 + effect},
        "em_effect": {"value": effect, "ci_low": effect - 0.1, "ci_high": effect + 0.1},
    }


METRICS = {
    "medical": {"general": probe_block(0.3), "in_domain": probe_block(1.2)},
    "insecure_code": {"general": probe_block(-0.02, n_seeds=2), "in_domain": probe_block(0.5, n_seeds=2)},
}


def est(v):
    return {"value": v, "ci_low": v - 0.05, "ci_high": v + 0.05}


def method_block(reduction, narrow=0.9):
    return {
        "em_reduction": est(reduction),
        "em_remaining": est(0.3 - reduction),
        "relative_reduction": est(reduction / 0.3),
        "narrow_retained": est(narrow),
        "capability_ratio": est(1.0),
        "runtime_ratio": 1.5,
        "memory_ratio": 1.1,
    }


STUDY = {
    "primary": "medical",
    "seeds": [0, 1, 2],
    "remedy": {"correct": method_block(0.2), "refusal": {"missing": ["refusal-medical-medical-2"]}},
    "defence": {"kl": method_block(0.05, narrow=0.4)},
    "transfer": {
        "correct": {
            x: {y: {"em_reduction": est(0.1 if x == y else 0.01)} for y in ("medical", "insecure_code")}
            for x in ("medical", "insecure_code")
        }
    },
    "benign": {
        "swapped_operator": {"plain": {"benign_retained": est(1.0)}, "kl": {"benign_retained": est(0.5)}}
    },
}


def test_method_table_joins_benign_retention_and_skips_missing_cells():
    rows = REPORT["method_rows"](STUDY)
    assert [(r["kind"], r["method"]) for r in rows] == [("remedy", "correct"), ("defence", "kl")]
    assert rows[1]["benign_retained"] == 0.5 and rows[1]["narrow_retained"] == 0.4
    latex = REPORT["methods_latex"](rows)
    assert "+0.200 [+0.150, +0.250]" in latex and "refusal" not in latex
    table = list(csv.DictReader(io.StringIO(REPORT["to_csv"](rows, REPORT["METHOD_COLUMNS"]))))
    assert float(table[0]["em_reduction"]) == 0.2 and table[0]["benign_retained"] == "nan"


def test_macros_quote_the_metrics_files():
    tex = REPORT["macros"](METRICS, STUDY)
    assert r"\newcommand{\emEffectInsecureCode}{-0.020 [-0.120, +0.080]}" in tex
    assert r"\newcommand{\reductionCorrect}{+0.200 [+0.150, +0.250]}" in tex
    assert "Refusal" not in tex  # a missing method gets no number
    assert r"\newcommand{\reproSeedsPrimary}{3}" in tex and r"\newcommand{\reproSeedsOthers}{2}" in tex


def test_tables_carry_every_number():
    rows = REPORT["effect_rows"](METRICS)
    table = list(csv.DictReader(io.StringIO(REPORT["to_csv"](rows))))
    assert [(r["poison"], r["probe"]) for r in table][:2] == [
        ("medical", "general"),
        ("medical", "in_domain"),
    ]
    assert float(table[0]["em_effect"]) == 0.3 and float(table[0]["ci_low"]) == 0.2
    latex = REPORT["to_latex"](rows)
    assert r"insecure\_code" in latex and "+0.300 [+0.200, +0.400]" in latex
    assert latex.count(r"\\") == len(rows) + 1  # header and one line per row


def test_stage_writes_tables_and_figures(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("results/summarize").mkdir(parents=True)
    Path("results/summarize/metrics.json").write_text(json.dumps(METRICS))
    Path("results/summarize/study.json").write_text(json.dumps(STUDY))
    from emguard.config import load_params

    REPORT["main"](load_params(ROOT / "params.yaml"))
    out = Path("paper/generated")
    stems = ("em_effect", "em_by_method", "tax_vs_reduction", "transfer")
    figures = {f"{s}.{ext}" for s in stems for ext in ("png", "pdf")}
    tables = {"em_effect.csv", "em_effect.tex", "methods.csv", "methods.tex", "numbers.tex"}
    assert {p.name for p in out.iterdir()} == figures | tables
    assert (out / "em_effect.png").read_bytes()[:4] == b"\x89PNG"


def test_a_partial_grid_is_announced_in_the_paper():
    note = REPORT["grid_note"](METRICS, STUDY)  # refusal has no cell yet
    assert note.startswith(r"\textbf{Partial run.}") and "refusal" in note
    complete = {**STUDY, "remedy": {"correct": STUDY["remedy"]["correct"]}}
    assert REPORT["grid_note"](METRICS, complete) == ""
    fewer = {**complete, "defence": {"kl": {**method_block(0.05), "seeds": [0]}}}
    assert "1 of the methods below rest on fewer than 3 seeds" in REPORT["grid_note"](METRICS, fewer)
