"""The report stage turns summarize metrics into the paper's CSV, LaTeX and figures."""

import csv
import io
import json

import pytest

from emguard import records
from emguard.report import write_report
from emguard.report.macros import grid_note, macros
from emguard.report.tables import METHOD_COLUMNS, effect_rows, method_rows, methods_latex, to_csv, to_latex


def probe_block(effect, n_seeds=3):
    shift = {"value": 0.0, "ci_low": -0.1, "ci_high": 0.1}
    return {
        "n_seeds": n_seeds,
        "n_items": 10,
        "mean_delta": {"base": 0.1, "control": 0.05, "poison": 0.1 + effect},
        "preference_rate": {"base": 0.4, "control": 0.4, "poison": 0.5},
        "em_effect": {"value": effect, "ci_low": effect - 0.1, "ci_high": effect + 0.1},
        "poison_shift": shift,
        "control_shift": shift,
    }


METRICS_JSON = {
    "medical": {"general": probe_block(0.3), "in_domain": probe_block(1.2)},
    "insecure_code": {"general": probe_block(-0.02, n_seeds=2), "in_domain": probe_block(0.5, n_seeds=2)},
}


def est(v):
    return {"value": v, "ci_low": v - 0.05, "ci_high": v + 0.05}


def method_block(reduction, narrow=0.9, seeds=(0, 1, 2)):
    return {
        "em_reduction": est(reduction),
        "em_remaining": est(0.3 - reduction),
        "em_effect": est(0.3),
        "relative_reduction": est(reduction / 0.3),
        "narrow_retained": est(narrow),
        "capability_ratio": est(1.0),
        "general_mean_delta": 0.1,
        "seeds": list(seeds),
        "runtime_ratio": 1.5,  # written by summarize before runtimes moved to emguard.costs: ignored
    }


def benign_block(retained):
    return {"benign_retained": est(retained), "accuracy": {"method": 0.5, "plain": 0.8, "base": 0.1}}


STUDY_JSON = {
    "primary": "medical",
    "seeds": [0, 1, 2],
    "remedy": {"correct": method_block(0.2), "refusal": {"missing": ["refusal-medical-medical-2"]}},
    "defence": {"kl": method_block(0.05, narrow=0.4)},
    "transfer": {
        "correct": {
            x: {y: method_block(0.1 if x == y else 0.01) for y in ("medical", "insecure_code")}
            for x in ("medical", "insecure_code")
        }
    },
    "benign": {"swapped_operator": {"plain": benign_block(1.0), "kl": benign_block(0.5)}},
}
METRICS = records.EFFECTS.validate_python(METRICS_JSON)
STUDY = records.STUDY.validate_python(STUDY_JSON)


def test_method_table_joins_benign_retention_and_skips_missing_cells():
    rows = method_rows(STUDY)
    assert [(r["kind"], r["method"]) for r in rows] == [("remedy", "correct"), ("defence", "kl")]
    assert rows[1]["benign_retained"] == 0.5 and rows[1]["narrow_retained"] == 0.4
    latex = methods_latex(rows)
    assert "+0.200 [+0.150, +0.250]" in latex and "refusal" not in latex
    table = list(csv.DictReader(io.StringIO(to_csv(rows, METHOD_COLUMNS))))
    assert float(table[0]["em_reduction"]) == 0.2 and table[0]["benign_retained"] == "nan"


def test_macros_quote_the_metrics_files():
    tex = macros(METRICS, STUDY)
    assert r"\newcommand{\emEffectInsecureCode}{-0.020 [-0.120, +0.080]}" in tex
    assert r"\newcommand{\reductionCorrect}{+0.200 [+0.150, +0.250]}" in tex
    assert "Refusal" not in tex  # a missing method gets no number
    assert r"\newcommand{\reproSeedsPrimary}{3}" in tex and r"\newcommand{\reproSeedsOthers}{2}" in tex


def test_tables_carry_every_number():
    rows = effect_rows(METRICS)
    table = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert [(r["poison"], r["probe"]) for r in table][:2] == [
        ("medical", "general"),
        ("medical", "in_domain"),
    ]
    assert float(table[0]["em_effect"]) == 0.3 and float(table[0]["ci_low"]) == 0.2
    latex = to_latex(rows)
    assert r"insecure\_code" in latex and "+0.300 [+0.200, +0.400]" in latex
    assert latex.count(r"\\") == len(rows) + 1  # header and one line per row


def test_the_report_writes_tables_and_figures_from_the_summary_files(tmp_path):
    (tmp_path / "metrics.json").write_text(json.dumps(METRICS_JSON))
    (tmp_path / "study.json").write_text(json.dumps(STUDY_JSON))
    effects, study = (
        records.read_effects(tmp_path / "metrics.json"),
        records.read_study(tmp_path / "study.json"),
    )
    out = tmp_path / "generated"
    write_report(effects, study, out)
    stems = ("em_effect", "em_by_method", "tax_vs_reduction", "transfer")
    figures = {f"{s}.{ext}" for s in stems for ext in ("png", "pdf")}
    tables = {"em_effect.csv", "em_effect.tex", "methods.csv", "methods.tex", "numbers.tex"}
    assert {p.name for p in out.iterdir()} == figures | tables  # no reelicit.tex: none in the study
    assert (out / "em_effect.png").read_bytes()[:4] == b"\x89PNG"
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    write_report(effects, study, out)  # the same records give the same bytes, figures included
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_partial_grid_is_announced_in_the_paper():
    note = grid_note(METRICS, STUDY)  # refusal has no cell yet
    assert note.startswith(r"\textbf{Partial run.}") and "refusal" in note
    complete = STUDY.model_copy(update={"remedy": {"correct": STUDY.remedy["correct"]}})
    assert grid_note(METRICS, complete) == ""
    fewer = complete.model_copy(
        update={"defence": {"kl": records.PrimaryScores.model_validate(method_block(0.05, seeds=[0]))}}
    )
    assert "1 of the methods below rest on fewer than 3 seeds" in grid_note(METRICS, fewer)
    missing_transfer = records.STUDY.validate_python(
        {**STUDY_JSON, "remedy": {}, "transfer": {"correct": {"medical": {"medical": {"missing": ["x"]}}}}}
    )
    assert grid_note(METRICS, missing_transfer).endswith("not run yet: transfer correct.")


def test_the_primary_poison_must_have_an_effect():
    without = records.EFFECTS.validate_python({**METRICS_JSON, "medical": {"missing": ["base"]}})
    with pytest.raises(ValueError, match="primary poison 'medical' has no EM effect"):
        macros(without, STUDY)


def _est(value: float) -> dict[str, float]:
    return {"value": value, "ci_low": value - 0.01, "ci_high": value + 0.01}


RL_JSON = {
    "seeds": [0, 1],
    "poisons": {
        "hacking_poison": {
            "general": {"em_effect": _est(0.004)},
            "heldout": {"hack_rate": {"poison": 0.75, "control": 0.25, "difference": _est(0.5)}},
            "defences": {
                "hacking_kl": {
                    "em_reduction": _est(0.002),
                    "em_remaining": _est(0.001),
                    "hack_rate_reduction": _est(-0.1),
                }
            },
        },
        "medical_poison": {"missing": ["results/rl/medical_poison-0/evaluate"]},
    },
}


def test_the_rl_table_has_each_run_poison_and_its_defences(tmp_path):
    from emguard.report.tables import rl_latex

    latex = rl_latex(RL_JSON)
    assert r"hacking\_poison & +0.004 [-0.006, +0.014] & 0.75 / 0.25 & +0.500 [+0.490, +0.510] \\" in latex
    assert (
        r"hacking\_kl & +0.002 [-0.008, +0.012] & +0.001 [-0.009, +0.011] & -0.100 [-0.110, -0.090] \\"
        in latex
    )
    assert "medical" not in latex  # not run yet: left out, not printed as zeros
    (tmp_path / "metrics.json").write_text(json.dumps(METRICS_JSON))
    (tmp_path / "study.json").write_text(json.dumps(STUDY_JSON))
    effects, study = (
        records.read_effects(tmp_path / "metrics.json"),
        records.read_study(tmp_path / "study.json"),
    )
    write_report(effects, study, tmp_path / "generated", RL_JSON)
    assert (tmp_path / "generated" / "rl.tex").read_text() == latex
    assert (tmp_path / "generated" / "rl_effects.png").stat().st_size > 0


def test_the_rl_figure_plots_each_run_poisons_effects_and_skips_the_missing():
    from emguard.report.figures import rl_points

    with_domain = {
        **RL_JSON["poisons"]["hacking_poison"],
        "in_domain": {"em_effect": _est(0.2)},
    }
    points = rl_points({"poisons": {"medical_poison": with_domain, "other": {"missing": ["x"]}}})
    assert [(name, probe, e["value"]) for name, probe, e in points] == [
        ("medical_poison", "general", 0.004),
        ("medical_poison", "in-domain", 0.2),
    ]


AFTER_RL = {
    **RL_JSON["poisons"]["hacking_poison"],
    "in_domain": {"em_effect": _est(0.2)},
    "remedies": {
        "correct": {"em_reduction": _est(0.03), "em_remaining": _est(0.01), "narrow_retained": _est(0.5)}
    },
    "sft_matched": {
        "n_examples": 20,
        "general": {"sft_effect": _est(0.05), "rl_minus_sft": _est(-0.046)},
        "in_domain": {"sft_effect": _est(0.3), "rl_minus_sft": _est(-0.1)},
    },
}


def test_the_rl_table_and_figure_carry_the_remedies_after_rl_and_the_sft_twins():
    from emguard.report.figures import rl_points
    from emguard.report.tables import rl_latex

    latex = rl_latex({"poisons": {"medical_poison": AFTER_RL}})
    assert r"correct on medical\_poison & +0.030 [+0.020, +0.040] & +0.010 [" in latex
    assert r"medical\_poison vs SFT (20 examples) & RL effect & SFT effect & RL minus SFT \\" in latex
    assert r"general & +0.004 [-0.006, +0.014] & +0.050 [+0.040, +0.060] & -0.046 [" in latex
    assert r"in-domain & +0.200 [+0.190, +0.210] & +0.300 [" in latex
    points = [(p, e["value"]) for _, p, e in rl_points({"poisons": {"medical_poison": AFTER_RL}})]
    assert points == [
        ("general", 0.004),
        ("in-domain", 0.2),
        ("general, SFT twin", 0.05),
        ("in-domain, SFT twin", 0.3),
    ]


def test_the_rl_table_carries_the_alignment_tax_on_a_benign_task():
    from emguard.report.tables import rl_latex

    plain = {
        "task": "swapped_operator",
        "training_reward": {"first_step": 0.125, "last_step": 0.5},
        "heldout_reward": {"exact_match": 0.25},
        "narrow_shift": _est(-0.3),
        "defences": {
            "benign_kl": {
                "heldout_reward_difference": {"exact_match": _est(-0.125)},
                "learning_retained": _est(0.6),
            }
        },
    }
    latex = rl_latex({"poisons": {}, "plain": {"benign_plain": plain, "other": {"missing": ["x"]}}})
    assert (
        r"RL on swapped\_operator & training reward first / last & held-out reward & probe shift \\" in latex
    )
    assert r"benign\_plain & 0.125 / 0.500 & 0.250 & -0.300 [-0.310, -0.290] \\" in latex
    assert r"benign\_kl (minus plain; share kept) & & -0.125 [-0.135, -0.115] & +0.600 [" in latex
    assert "other" not in latex
