"""``hashiya claims``: the claims ledger of a layer over the corpus.

Plain output lists each group (contested ones marked ``!``) with who asserts and who denies it,
in order of date, then its claims; ``--json`` gives the groups and claims as one object, and
``-o FILE`` writes CSV (``.csv``) or JSONL (any other name) instead.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from annotator.claims import ClaimGroup, Position
from annotator.claims_export import ledger_csv, ledger_json, ledger_jsonl, names
from annotator.claims_ledger import ledger
from annotator.formats.atomic import atomic_write
from annotator.project import Project
from cli.terminal import BidiMode, for_terminal, wants_visual


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """``hashiya claims [--json] [--annotator NAME | --gold] [-o FILE]`` on the command line's subparsers."""
    parser = commands.add_parser(
        "claims", parents=[common], help="the claims ledger: who claims what, who denies it, grouped by proposition"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--gold", action="store_true", help="the adjudicated gold layer")
    parser.add_argument("-o", "--output", type=Path, help="write CSV (a .csv name) or JSONL (any other name)")
    parser.add_argument(
        "--bidi",
        choices=[m.value for m in BidiMode],
        default=BidiMode.AUTO.value,
        help="Arabic on a terminal: visual order on a TTY, logical when piped (auto)",
    )


def group_rows(group: ClaimGroup) -> list[list[str]]:
    """The group's line, then one per stand and one per claim, as cells (lines after the first are indented)."""
    mark = "!" if group.contested else " "
    about = names(group.targets) or "-"
    rows = [[f"{mark} {group.claim_type or '-'}", about, f"{len(group.claims)} claim(s)"]]
    for stand in group.stands():
        rows.append([f"    {stand.date or '-'}", stand.position.value, names([stand.party])])
    for c in group.claims:
        rows.append([f"    {c.date or '-'}", c.stance, c.document_id, str(c.span.start), str(c.span.end), c.text])
    return rows


def claims(project: Project, annotator: str, as_json: bool, output: Path | None, bidi: BidiMode, out: TextIO) -> int:
    groups = ledger(project, annotator)
    if output is not None:
        data = ledger_csv(groups) if output.suffix.lower() == ".csv" else ledger_jsonl(groups)
        atomic_write(output, data)
        print(f"{sum(len(g.claims) for g in groups)} claim(s) in {len(groups)} group(s) written to {output}", file=out)
        return 0
    if as_json:
        print(ledger_json(groups, annotator), file=out)
        return 0
    visual = wants_visual(bidi, out)
    for group in groups:
        for row in group_rows(group):
            # Each cell on its own: tabs stay columns, and Arabic is reordered within its cell.
            print("\t".join(for_terminal(cell, visual) for cell in row), file=out)
    if out.isatty():
        contested = sum(1 for g in groups if g.contested)
        asserted = sum(len(g.parties(Position.ASSERTS)) for g in groups)
        print(f"{len(groups)} group(s), {contested} contested, {asserted} asserting part(ies)", file=out)
    return 0
