"""A client of the team server in a process of its own, for the reliability tests.

``edits URL DOCUMENT COUNT``: add COUNT spans to the connecting role's layer, one transaction
each, printing ``ACK <span id>`` after each commit. ``push URL LOCAL``: push the local project's
layer, printing ``PUSHED <document id>`` after each document's commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.project import Project
from storage.postgres_repository import PostgresRepository
from storage.sqlite_repository import SqliteRepository
from storage.team_sync import push


def add_spans(url: str, document_id: str, count: int) -> None:
    team = PostgresRepository.open(url)
    project = Project(team, team.user)
    length = len(project.document(document_id).text)
    for number in range(count):
        start = (number * 7) % (length - 10)
        edit = project.add_span(document_id, start, start + 1 + number % 9, "PER")
        project.apply(edit)
        print(f"ACK {edit.span.id}", flush=True)
    project.close()


def push_layer(url: str, local_path: str) -> None:
    team = PostgresRepository.open(url)
    local = SqliteRepository.open(Path(local_path))
    print("READY", flush=True)
    push(local, team, progress=lambda document_id: print(f"PUSHED {document_id}", flush=True))
    print("DONE", flush=True)


def main() -> None:
    mode, url, *rest = sys.argv[1:]
    if mode == "edits":
        add_spans(url, rest[0], int(rest[1]))
    else:
        push_layer(url, rest[0])


if __name__ == "__main__":
    main()
