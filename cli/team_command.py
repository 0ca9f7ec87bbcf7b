"""The command line of team projects: ``init-team``, ``push --to`` and ``pull --from``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from annotator.repository import ProjectError, Repository
from annotator.team import SyncReport
from storage.team_location import ensure_team_support, is_team_url

TEAM_COMMANDS = ("init-team", "push", "pull")
UNDECIDED = 3
"""The exit code when shared items changed on both sides wait for a reviewer."""


def team_url(value: str) -> str:
    if not is_team_url(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a postgresql://... URL")
    return value


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def add_team_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    init = commands.add_parser(
        "init-team",
        parents=[common],
        help="make an empty PostgreSQL database a team project and import the local project (--db) into it",
    )
    init.add_argument("url", type=team_url, metavar="URL", help="postgresql://owner@host/database")
    init.add_argument("--annotators", type=_names, default=[], help="login roles who annotate: A,B (made if missing)")
    init.add_argument("--reviewers", type=_names, default=[], help="login roles who review: C,D (made if missing)")

    pusher = commands.add_parser(
        "push", parents=[common], help="send your layer from the local project (--db) to a team project"
    )
    pusher.add_argument("--to", type=team_url, required=True, metavar="URL", dest="url")
    pusher.add_argument(
        "--keep-mine",
        action="append",
        default=[],
        metavar="ITEM",
        help="reviewers: send this shared item (schema, registry, gold:DOC) although the team changed it too",
    )

    puller = commands.add_parser(
        "pull",
        parents=[common],
        help="bring teammates' layers, gold, the schema and the registry into the local project",
    )
    puller.add_argument("--from", type=team_url, required=True, metavar="URL", dest="url")
    puller.add_argument(
        "--take-team",
        action="append",
        default=[],
        metavar="ITEM",
        help="take the team's copy of this shared item (schema, registry, gold:DOC) although it changed here too",
    )


def _report(report: SyncReport, user: str, out: TextIO) -> int:
    for document_id in report.added_documents:
        print(f"document {document_id} added", file=out)
    for document_id, annotator in report.pulled_layers:
        print(f"pulled {annotator}'s layer of {document_id}", file=out)
    for document_id in report.pushed_documents:
        print(f"pushed {user}'s layer of {document_id}", file=out)
    for item in report.taken:
        print(f"took the team's {item}", file=out)
    for item in report.kept_local:
        print(f"kept {item} as changed here", file=out)
    for item, (here, there) in report.conflicts.items():
        print(f"changed on both sides, for a reviewer to decide: {item}", file=out)
        print(f"    here: {here}", file=out)
        print(f"    team: {there}", file=out)
    if report.conflicts:
        print(
            "Decide with `hashiya pull --from URL --take-team ITEM` (the team's copy wins) or, as a reviewer, "
            "`hashiya push --to URL --keep-mine ITEM` (this copy wins).",
            file=out,
        )
        return UNDECIDED
    return 0


def run_team_command(args: argparse.Namespace, local: Repository, annotator: str, out: TextIO) -> int:
    """Run ``args.command`` with the local project ``local``, whose own layer is ``annotator``'s."""
    ensure_team_support()
    from storage.postgres_connection import shown_url
    from storage.team_link import LocalTeamSync

    if args.command == "init-team":
        from storage.team_init import init_team

        imported = init_team(args.url, local, args.annotators, args.reviewers, by=annotator)
        print(
            f"{shown_url(args.url)} is a team project: {imported.documents} document(s), {imported.layers} layer(s) "
            f"and {imported.log_entries} edit-log entries imported from {local.location}",
            file=out,
        )
        return 0
    sync = LocalTeamSync(local)
    if args.command == "push":
        report = sync.push(args.url, tuple(args.keep_mine))
        if not report.pushed_documents:
            print(f"nothing of {annotator}'s layer to push", file=out)
    else:
        report = sync.pull(args.url, tuple(args.take_team))
    return _report(report, annotator, out)


def local_path(db: Path | str | None) -> Path | None:
    """The local project for a team command: a file (or the default one), never a team URL."""
    if isinstance(db, str):
        raise ProjectError("--db names the local project here; give the team project's URL after the command")
    return db
