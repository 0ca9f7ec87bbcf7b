"""The fault suite's two figures, summed over every case and printed at the end of the run.

- edits acknowledged and then lost (must be 0; a refused edit is fine when the program says so);
- files changed that should have been left alone, by SHA-256 (must be 0).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    acknowledged: int = 0
    refused: int = 0
    lost: int = 0
    files_checked: int = 0
    files_changed: int = 0


CASES: list[Case] = []


def record(case: Case) -> Case:
    CASES.append(case)
    return case


def summary_lines() -> list[str]:
    if not CASES:
        return []
    lines = [f"{'case':58} {'acked':>6} {'refused':>7} {'lost':>5} {'files':>5} {'changed':>7}"]
    for case in CASES:
        lines.append(
            f"{case.name[:58]:58} {case.acknowledged:>6} {case.refused:>7} {case.lost:>5} "
            f"{case.files_checked:>5} {case.files_changed:>7}"
        )
    lost = sum(case.lost for case in CASES)
    changed = sum(case.files_changed for case in CASES)
    lines.append(f"acknowledged-then-lost edits: {lost}; files changed that should not be: {changed}")
    return lines
