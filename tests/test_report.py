"""The report stage turns summarize metrics into the paper's CSV, LaTeX and figures."""

import csv
import io
import json
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = runpy.run_path(str(ROOT / "stages" / "report.py"))


def probe_block(effect):
    return {
        "mean_delta": {"base": 0.1, "control": 0.05, "poison": 0.1 + effect},
        "em_effect": {"value": effect, "ci_low": effect - 0.1, "ci_high": effect + 0.1},
    }


METRICS = {
    "medical": {"general": probe_block(0.3), "in_domain": probe_block(1.2)},
    "insecure_code": {"general": probe_block(-0.02), "in_domain": probe_block(0.5)},
}


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
    from emguard.config import load_params

    REPORT["main"](load_params(ROOT / "params.yaml"))
    out = Path("paper/generated")
    assert sorted(p.name for p in out.iterdir()) == [
        "em_effect.csv",
        "em_effect.pdf",
        "em_effect.png",
        "em_effect.tex",
    ]
    assert (out / "em_effect.png").read_bytes()[:4] == b"\x89PNG"
