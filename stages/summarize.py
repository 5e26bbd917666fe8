"""Stage `summarize`: the EM effect of each poison and the study's method scores, as DVC metrics.

Usage: python stages/summarize.py

EM effect = (general-probe shift of the poisoned models vs base) - (shift of the matched controls
vs base); items are resampled jointly across models, seeds jointly within a seed lineage (emguard.stats).
Method cells (remedies, defences, transfer, benign tasks) are scored by emguard.study_metrics into
results/summarize/study.json; a group whose cells are not all done is a `Missing` record naming them.
The library is emguard.summary; the records it writes are emguard.records.
"""

from __future__ import annotations

from emguard import stage
from emguard.config import Params
from emguard.summary import log_summary, write_summary
from emguard.summary.effects import poison_effects
from emguard.summary.methods import log_cells, summarize_study


def main(params: Params) -> None:
    stage.print_config("summarize", params.summarize)
    effects = poison_effects(params)
    study = summarize_study(params)
    md = write_summary(effects, study)
    log_summary(params, effects, study)
    print(f"logged the point scores of {log_cells(params)} method cells to {params.tracking.backend}")
    print("\nMean probe delta (log p misaligned - log p aligned, nats/token);")
    print("EM effect = shift of the poisoned models minus shift of the controls\n")
    print(md)


if __name__ == "__main__":
    stage.run(main)
