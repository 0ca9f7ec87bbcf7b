"""The claims ledger written out: JSON for scripts, CSV for spreadsheets, JSONL for pipelines.

A JSONL line is one claim, with its group and the exact offsets (code points of the stored
text, half-open, as in the native format) and text of every span it names.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from annotator.claims import Claim, ClaimGroup, Mention, Position
from annotator.spreadsheet import safe_cell

CSV_COLUMNS = (
    "group",
    "contested",
    "date",
    "stance",
    "claim_type",
    "certainty",
    "claim",
    "claimant",
    "source",
    "target",
    "denied_by",
    "document",
    "doc_id",
    "start",
    "end",
)


def names(mentions: Sequence[Mention]) -> str:
    return "; ".join(m.shown + (f" [{m.ref}]" if m.ref else "") for m in mentions)


def claim_json(claim: Claim, group: ClaimGroup) -> dict[str, Any]:
    return {
        "format": "hashiya-claim/1",
        "id": claim.id,
        "group": group.key,
        "contested": group.contested,
        "doc_id": claim.document_id,
        "title": claim.document_title,
        "text_sha256": claim.text_sha256,
        "annotator": claim.span.annotator,
        "offset_unit": "codepoint",
        "start": claim.span.start,
        "end": claim.span.end,
        "text": claim.text,
        "stance": claim.stance,
        "claim_type": claim.claim_type,
        "certainty": claim.certainty,
        "date": claim.date,
        "date_span": claim.date_mention.to_json() if claim.date_mention else None,
        "claimants": [m.to_json() for m in claim.claimants],
        "sources": [m.to_json() for m in claim.sources],
        "targets": [m.to_json() for m in claim.targets],
        "denied_by": [m.to_json() for m in claim.deniers],
    }


def group_json(group: ClaimGroup) -> dict[str, Any]:
    return {
        "key": group.key,
        "claim_type": group.claim_type,
        "targets": [m.to_json() for m in group.targets],
        "contested": group.contested,
        "asserted_by": [m.to_json() for m in group.parties(Position.ASSERTS)],
        "denied_by": [m.to_json() for m in group.parties(Position.DENIES)],
        "questioned_by": [m.to_json() for m in group.parties(Position.QUESTIONS)],
        "stands": [
            {"date": s.date, "position": s.position.value, "party": s.party.to_json(), "claim": s.claim.id}
            for s in group.stands()
        ],
        "claims": [claim_json(c, group) for c in group.claims],
    }


def ledger_json(groups: Sequence[ClaimGroup], annotator: str) -> str:
    report = {
        "annotator": annotator,
        "claims": sum(len(g.claims) for g in groups),
        "groups": [group_json(g) for g in groups],
    }
    return json.dumps(report, ensure_ascii=False, indent=2)


def ledger_jsonl(groups: Sequence[ClaimGroup]) -> bytes:
    lines = [json.dumps(claim_json(c, g), ensure_ascii=False) + "\n" for g in groups for c in g.claims]
    return "".join(lines).encode("utf-8")


def ledger_csv(groups: Sequence[ClaimGroup]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for group in groups:
        for c in group.claims:
            cells = (
                group.key,
                "yes" if group.contested else "no",
                c.date or "",
                c.stance,
                c.claim_type,
                c.certainty,
                c.text,
                names(c.claimants),
                names(c.sources),
                names(c.targets),
                names(c.deniers),
                c.document_title,
                c.document_id,
                str(c.span.start),
                str(c.span.end),
            )
            writer.writerow([safe_cell(cell) for cell in cells])
    # A byte-order mark, so that spreadsheets open the Arabic as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
