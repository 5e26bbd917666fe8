"""Stage `report`: the paper's tables (CSV and LaTeX) and figures (PNG and PDF) from DVC metrics.

Usage: python stages/report.py
       (reads results/summarize/{metrics,study,rl}.json; writes paper/generated/)

Every number in paper/main.tex comes from here (tables, figures and `numbers.tex` macros), so
`dvc repro` rebuilds the paper's evidence. The library is emguard.report.
"""

from __future__ import annotations

from emguard import layout, stage
from emguard.config import Params
from emguard.io import read_json
from emguard.records import read_effects, read_study
from emguard.report import write_report


def main(params: Params) -> None:
    stage.print_config("report", {"poisons": params.data.poisons})
    effects, study = read_effects(layout.SUMMARY_METRICS), read_study(layout.SUMMARY_STUDY)
    write_report(effects, study, layout.PAPER_GENERATED, read_json(layout.SUMMARY_RL))
    print(f"[report] wrote {layout.PAPER_GENERATED}")


if __name__ == "__main__":
    stage.run(main)
