"""results/summarize/table.md: the EM effects and the study's scores as Markdown, for the terminal
and the README."""

from __future__ import annotations

from emguard.grid import PRIMARY_KINDS
from emguard.records import Missing, PoisonEffect, Study, scored

STUDY_HEADER = [
    "EM reduction = general-probe delta of the poisoned models minus the treated ones (> 0: less",
    "misaligned); narrow retained = in-domain shift vs base relative to plain poisoning (1 = the",
    "narrow behaviour is fully there). Runtime and memory: results/cost/table.md.",
    "",
    "| kind | method | seeds | EM reduction [95% CI] | EM remaining [95% CI] | narrow retained "
    "| capability ratio |",
    "|---|---|---|---|---|---:|---:|",
]


def effects_table(effects: dict[str, PoisonEffect | Missing]) -> str:
    lines = [
        "| poison | probe | base | control | poisoned | EM effect [95% CI] |",
        "|---|---|---:|---:|---:|---|",
    ]
    for poison, res in effects.items():
        if isinstance(res, Missing):
            lines.append(f"| {poison} | not run: {', '.join(res.cells)} | | | | |")
            continue
        for label in ("general", "in_domain"):
            r = getattr(res, label)
            sig = "" if r.em_effect.excludes_zero() else " (CI includes 0)"
            md = r.mean_delta
            lines.append(
                f"| {poison} | {label} | {md.base:+.3f} | {md.control:+.3f} | {md.poison:+.3f} "
                f"| {r.em_effect}{sig} |"
            )
    for poison, res in scored(effects).items():
        if res.prompt_length:
            lines += ["", f"Prompt length ({poison}): mean delta short -> long context"]
            lines += [f"- {k}: {v.short:+.3f} -> {v.long:+.3f}" for k, v in res.prompt_length.items()]
        for judge, sets in res.judged_em_rate.items():
            for set_name, rates in sets.items():
                shown = ", ".join(f"{k} {v:.1%}" if v is not None else f"{k} n/a" for k, v in rates.items())
                lines.append(f"Judged EM rate ({poison}, {judge}, {set_name}): {shown}")
    return "\n".join(lines) + "\n"


def methods_lines(study: Study) -> list[str]:
    lines = [f"## Methods on the primary poison ({study.primary}, seeds {study.seeds})", "", *STUDY_HEADER]
    for kind in PRIMARY_KINDS:
        for m, r in getattr(study, kind).items():
            if isinstance(r, Missing):
                lines.append(f"| {kind} | {m} | none | missing: {', '.join(r.cells)} | | | |")
                continue
            lines.append(
                f"| {kind} | {m} | {len(r.seeds)} | {r.em_reduction} | {r.em_remaining} "
                f"| {r.narrow_retained.value:.2f} | {r.capability_ratio.value:.2f} |"
            )
    return lines


def transfer_lines(study: Study) -> list[str]:
    lines = []
    for m, by_x in study.transfer.items():
        lines += [
            "",
            f"## Transfer of `{m}`: EM reduction, antidote of X (rows) on the model poisoned with Y",
            "",
        ]
        ys = list(by_x)
        lines += ["| X \\ Y | " + " | ".join(ys) + " |", "|---|" + "---|" * len(ys)]
        for x, by_y in by_x.items():
            cells = [str(r.em_reduction) if not isinstance(r, Missing) else "missing" for r in by_y.values()]
            lines.append(f"| {x} | " + " | ".join(cells) + " |")
    return lines


def reelicit_lines(study: Study) -> list[str]:
    if not study.reelicit_scores():
        return []
    lines = ["", "## Re-elicitation: EM vs control under each system prompt (inoculated / poisoned)", ""]
    lines += ["| system prompt | inoculated EM [95% CI] | poisoned EM [95% CI] |", "|---|---|---|"]
    for cond, r in study.reelicit_scores().items():
        lines.append(f"| {cond} | {r.inoculated_em} | {r.poisoned_em} |")
    return lines


def benign_lines(study: Study) -> list[str]:
    lines = []
    for task, by_m in study.benign.items():
        lines += ["", f"## Benign task `{task}`: learning retained under each defence (1 = as plain)", ""]
        lines += ["| method | benign retained [95% CI] | accuracy |", "|---|---|---:|"]
        for m, r in by_m.items():
            if isinstance(r, Missing):
                lines.append(f"| {m} | missing | |")
                continue
            lines.append(f"| {m} | {r.benign_retained} | {r.accuracy.method:.2f} |")
    return lines


def study_table(study: Study) -> str:
    lines = methods_lines(study) + transfer_lines(study) + reelicit_lines(study) + benign_lines(study)
    return "\n".join(lines) + "\n"


def table(effects: dict[str, PoisonEffect | Missing], study: Study) -> str:
    """The whole of table.md."""
    return effects_table(effects) + "\n" + study_table(study)
