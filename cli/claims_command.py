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


def group_lines(group: ClaimGroup) -> list[str]:
    mark = "!" if group.contested else " "
    about = names(group.targets) or "-"
    lines = [f"{mark} {group.claim_type or '-'}\t{about}\t{len(group.claims)} claim(s)"]
    for stand in group.stands():
        lines.append(f"    {stand.date or '-'}\t{stand.position.value}\t{names([stand.party])}")
    for c in group.claims:
        lines.append(f"    {c.date or '-'}\t{c.stance}\t{c.document_id}\t{c.span.start}\t{c.span.end}\t{c.text}")
    return lines


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
        print(for_terminal("\n".join(group_lines(group)), visual), file=out)
    if out.isatty():
        contested = sum(1 for g in groups if g.contested)
        asserted = sum(len(g.parties(Position.ASSERTS)) for g in groups)
        print(f"{len(groups)} group(s), {contested} contested, {asserted} asserting part(ies)", file=out)
    return 0
