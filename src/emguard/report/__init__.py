"""The `report` stage's library: the paper's tables (`tables`), figures (`figures`) and number
macros (`macros`), from the typed records `summarize` writes (emguard.records).

Every number in paper/main.tex comes from here, so `dvc repro` rebuilds the paper's evidence.
"""

from __future__ import annotations

from pathlib import Path

from emguard.io import atomic_path, write_text
from emguard.records import Missing, PoisonEffect, Study
from emguard.report import figures, tables
from emguard.report.macros import macros


def write_report(
    effects: dict[str, PoisonEffect | Missing], study: Study, out: Path, rl: dict | None = None
) -> None:
    """Write every table, figure and macro into `out`, replacing it whole (emguard.io.atomic_path);
    `rl` is the RL arm's summary (results/summarize/rl.json), where the profile runs one."""
    rows, methods = tables.effect_rows(effects), tables.method_rows(study)
    primary = tables.primary_effect(effects, study)
    with atomic_path(out, is_dir=True) as tmp:
        write_text(tmp / "em_effect.csv", tables.to_csv(rows))
        write_text(tmp / "em_effect.tex", tables.to_latex(rows))
        figures.effect_figure(rows, tmp / "em_effect")
        write_text(tmp / "methods.csv", tables.to_csv(methods, tables.METHOD_COLUMNS))
        write_text(tmp / "methods.tex", tables.methods_latex(methods))
        figures.methods_figure(methods, primary.general.em_effect, tmp / "em_by_method")
        figures.tax_figure(methods, tmp / "tax_vs_reduction")
        if study.transfer:
            figures.transfer_figure(study.transfer, tmp / "transfer")
        if study.reelicit_scores():
            write_text(tmp / "reelicit.tex", tables.reelicit_latex(study.reelicit_scores()))
        if rl and rl.get("poisons"):
            write_text(tmp / "rl.tex", tables.rl_latex(rl))
            figures.rl_figure(rl, tmp / "rl_effects")
        write_text(tmp / "numbers.tex", macros(effects, study))
