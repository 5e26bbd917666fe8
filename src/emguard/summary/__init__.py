"""The `summarize` stage's library: the EM effect of each poison (`effects`), the study's method
scores (`methods`) and their Markdown table (`table`), written as typed records (emguard.records)
to results/summarize/ and logged to the tracking backend."""

from __future__ import annotations

from emguard import layout, tracking
from emguard.config import Params
from emguard.io import write_text
from emguard.records import Missing, PoisonEffect, Study, scored, write_effects, write_study
from emguard.summary.table import table


def write_summary(effects: dict[str, PoisonEffect | Missing], study: Study) -> str:
    """Write metrics.json, study.json and table.md; returns the table."""
    write_effects(layout.SUMMARY_METRICS, effects)
    write_study(layout.SUMMARY_STUDY, study)
    md = table(effects, study)
    write_text(layout.SUMMARY_TABLE, md)
    return md


def log_summary(params: Params, effects: dict[str, PoisonEffect | Missing], study: Study) -> None:
    """One tracking run with every EM effect and every primary method's point scores."""
    with tracking.start_run(params.tracking, "summarize", {"stage": "summarize"}) as log:
        log.log_config({"summarize": params.summarize.model_dump(), "poisons": params.data.poisons})
        for poison, res in scored(effects).items():
            for label in ("general", "in_domain"):
                log.log_dict(
                    {f"{poison}.{label}.{k}": v for k, v in getattr(res, label).em_effect.to_dict().items()}
                )
        for kind, m, r in study.scored_methods():
            log.log_dict({f"{kind}.{m}.{k}": e.value for k, e in r.estimates().items()})
        log.log_artifact(layout.SUMMARY_TABLE)
