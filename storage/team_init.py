"""``hashiya init-team URL``: make an empty PostgreSQL database a team project, and import a local one into it."""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import errors

from annotator.model import GOLD, Layer
from annotator.project import REGISTRY_RESOURCE, SCHEMA_RESOURCE, now_iso
from annotator.repository import ProjectError, Repository
from annotator.said import QT_TRANSLATE_NOOP, said
from storage.postgres_connection import connect, shown_url
from storage.postgres_repository import PostgresRepository
from storage.postgres_schema import add_members, create_team_schema, is_empty


@dataclass(frozen=True)
class TeamImport:
    documents: int
    layers: int
    log_entries: int


def init_team(
    url: str,
    local: Repository | None,
    annotators: list[str] = [],  # noqa: B006 - never changed
    reviewers: list[str] = [],  # noqa: B006
    by: str = "init-team",
) -> TeamImport:
    """Create the schema and roles on the empty database at ``url``, then copy ``local`` into it, in one transaction.

    The connecting role must own the database and be allowed to create roles. Nothing is left
    behind if any step fails.
    """
    conn = connect(url)
    try:
        if not is_empty(conn):
            template = QT_TRANSLATE_NOOP("Said", "{url} already holds tables: init-team needs an empty database.")
            raise ProjectError(said(template, url=shown_url(url)))
        database = conn.info.dbname
        try:
            with conn.transaction():
                create_team_schema(conn, database)
                add_members(conn, database, annotators, reviewers)
        except errors.InsufficientPrivilege as error:
            template = QT_TRANSLATE_NOOP("Said", "{user} may not create the team project's roles on {url} ({error}).")
            raise ProjectError(said(template, user=conn.info.user, url=shown_url(url), error=error)) from None
    finally:
        conn.close()
    if local is None:
        return TeamImport(0, 0, 0)
    team = PostgresRepository.open(url)
    try:
        return copy_project(local, team, by)
    finally:
        team.close()


def copy_project(local: Repository, team: PostgresRepository, by: str) -> TeamImport:
    """Every document, layer, status, the schema, the registry and the edit log of ``local``, in one transaction."""
    at = now_iso()
    summaries = local.list_documents(GOLD)
    documents = [local.get_document(summary.id) for summary in summaries]
    layers = [
        Layer(
            document_id=document.id,
            annotator=name,
            spans=tuple(local.spans(document.id, name)),
            relations=tuple(local.relations(document.id, name)),
            status=local.status(document.id, name),
        )
        for document in documents
        for name in local.annotators()
    ]
    layers = [layer for layer in layers if layer.spans or layer.relations or layer.status.value != "new"]
    log = local.edit_log()
    try:
        with team.writing() as conn:
            team.replace_layers_in(conn, documents, layers, by, at)
            for name in (SCHEMA_RESOURCE, REGISTRY_RESOURCE):
                text = local.resource(name)
                if text is not None:
                    conn.execute(
                        "INSERT INTO project_resources (name, content, updated_at) VALUES (%s, %s, %s)",
                        [name, text, at],
                    )
            with conn.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO edit_log (at, annotator, document_id, action, before, after) "
                    "VALUES (%(at)s, %(annotator)s, %(document_id)s, %(action)s, %(before)s, %(after)s)",
                    log,
                )
    except psycopg.IntegrityError as error:
        raise ProjectError(
            said(
                QT_TRANSLATE_NOOP(
                    "Said", "the local project does not fit the team project ({error}); nothing was imported"
                ),
                error=error,
            )
        ) from None
    return TeamImport(len(documents), len(layers), len(log))
