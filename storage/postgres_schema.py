"""A team project's tables, roles and row-level security on a PostgreSQL database (DESIGN.md section 12).

One project is one database. Two group roles are made for it, named after the database:
``<db>_annotators`` may read everything and write only the rows of their own layer (the layer
named like their login role); ``<db>_reviewers`` (members of the annotators' group too) also
write gold, the schema, the registry, documents and review decisions. Nobody else may connect to
the database or read its tables. The database, not the client, enforces this.
"""

from __future__ import annotations

from dataclasses import dataclass

from psycopg import Connection, sql

TEAM_SCHEMA_VERSION = 1
CHANNEL = "hashiya_changes"
"""The LISTEN/NOTIFY channel every committed change to the project is announced on."""

TABLES = """
CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL CHECK (length(text) > 0),
    length INTEGER NOT NULL,
    text_sha256 TEXT NOT NULL UNIQUE,
    metadata TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE annotators (name TEXT PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE spans (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    kind TEXT NOT NULL CHECK (kind IN ('entity', 'claim', 'treaty_ref')),
    label TEXT NOT NULL,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    attributes TEXT NOT NULL DEFAULT '{}',
    ref TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start < "end")
);
CREATE INDEX spans_in_reading_order ON spans (document_id, annotator, start, "end" DESC, id COLLATE "C");
CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    label TEXT NOT NULL,
    head TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    tail TEXT NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    attributes TEXT NOT NULL DEFAULT '{}',
    CHECK (head <> tail)
);
CREATE INDEX relations_by_layer ON relations (document_id, annotator);
CREATE INDEX relations_by_head ON relations (head);
CREATE INDEX relations_by_tail ON relations (tail);
CREATE TABLE document_status (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    annotator TEXT NOT NULL REFERENCES annotators(name),
    status TEXT NOT NULL CHECK (status IN ('new', 'in_progress', 'done', 'reviewed')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (document_id, annotator)
);
CREATE TABLE edit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    annotator TEXT NOT NULL,
    document_id TEXT,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX edit_log_by_document ON edit_log (document_id, id);
CREATE TABLE project_resources (name TEXT PRIMARY KEY, content TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE review_decisions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    layer_a TEXT NOT NULL,
    layer_b TEXT NOT NULL,
    unit TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('accept_a', 'accept_b', 'reject', 'edit')),
    source_span TEXT,
    gold_span TEXT,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (document_id, layer_a, layer_b, unit)
);
CREATE TABLE push_marks (
    source TEXT NOT NULL,
    annotator TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    log_position INTEGER NOT NULL,
    PRIMARY KEY (source, annotator, document_id)
);
"""

LAYER_TABLES = ("spans", "relations", "document_status")
ANNOUNCED_TABLES = ("documents", "spans", "relations", "document_status", "project_resources", "review_decisions")
SHARED_RESOURCES = ("schema", "registry")


@dataclass(frozen=True)
class TeamRoles:
    annotators: str
    reviewers: str

    @classmethod
    def of(cls, database: str) -> TeamRoles:
        return cls(annotators=f"{database}_annotators", reviewers=f"{database}_reviewers")


def _policies(roles: TeamRoles) -> str:
    reviewer = sql.Literal(roles.reviewers).as_string(None)
    statements = [
        f"""
        CREATE FUNCTION hashiya_is_reviewer() RETURNS boolean LANGUAGE sql STABLE
            AS $$ SELECT pg_has_role(current_user, {reviewer}, 'MEMBER') $$;
        CREATE FUNCTION hashiya_may_write(layer text) RETURNS boolean LANGUAGE sql STABLE
            AS $$ SELECT layer = current_user OR (layer = 'gold' AND hashiya_is_reviewer()) $$;
        CREATE FUNCTION hashiya_announce() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$;
        """
    ]
    for table in ANNOUNCED_TABLES:
        statements.append(
            f"CREATE TRIGGER {table}_announced AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION hashiya_announce();"
        )
    rules = {
        **{table: ("true", "hashiya_may_write(annotator)") for table in LAYER_TABLES},
        "annotators": ("true", "name = current_user OR hashiya_is_reviewer()"),
        "edit_log": ("true", "annotator = current_user OR hashiya_is_reviewer()"),
        "project_resources": (
            "true",
            f"hashiya_is_reviewer() OR name NOT IN ({', '.join(repr(n) for n in SHARED_RESOURCES)})",
        ),
        "review_decisions": ("true", "hashiya_is_reviewer()"),
        "push_marks": ("annotator = current_user", "annotator = current_user"),
        "project_meta": ("true", "hashiya_is_reviewer()"),
    }
    for table, (read, write) in rules.items():
        statements.append(
            f"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            CREATE POLICY {table}_read ON {table} FOR SELECT USING ({read});
            CREATE POLICY {table}_insert ON {table} FOR INSERT WITH CHECK ({write});
            CREATE POLICY {table}_update ON {table} FOR UPDATE USING ({write}) WITH CHECK ({write});
            CREATE POLICY {table}_delete ON {table} FOR DELETE USING ({write});
            """
        )
    # Documents: any member adds texts (an analyst who imported some offline pushes them);
    # only reviewers change or remove them.
    statements.append(
        """
        ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
        CREATE POLICY documents_read ON documents FOR SELECT USING (true);
        CREATE POLICY documents_insert ON documents FOR INSERT WITH CHECK (true);
        CREATE POLICY documents_update ON documents FOR UPDATE USING (hashiya_is_reviewer());
        CREATE POLICY documents_delete ON documents FOR DELETE USING (hashiya_is_reviewer());
        """
    )
    return "\n".join(statements)


def _role_exists(conn: Connection[tuple[object, ...]], name: str) -> bool:
    return conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone() is not None


def create_team_schema(conn: Connection[tuple[object, ...]], database: str) -> TeamRoles:
    """Create the tables, the two group roles, the grants and the policies, in the caller's transaction."""
    roles = TeamRoles.of(database)
    annotators, reviewers = sql.Identifier(roles.annotators), sql.Identifier(roles.reviewers)
    for name in (roles.annotators, roles.reviewers):
        if not _role_exists(conn, name):
            conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
    conn.execute(sql.SQL("GRANT {} TO {}").format(annotators, reviewers))
    conn.execute(TABLES.encode())
    conn.execute(_policies(roles).encode())
    db = sql.Identifier(database)
    conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(db))
    conn.execute(sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(db, annotators))
    conn.execute(sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC"))
    conn.execute(
        sql.SQL("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {}").format(annotators)
    )
    conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}").format(annotators))
    conn.execute("INSERT INTO project_meta (key, value) VALUES ('team_schema_version', %s)", [str(TEAM_SCHEMA_VERSION)])
    return roles


def add_members(
    conn: Connection[tuple[object, ...]], database: str, annotators: list[str], reviewers: list[str]
) -> None:
    """Give the project to these login roles (created without a password when missing)."""
    roles = TeamRoles.of(database)
    for group, names in ((roles.annotators, annotators), (roles.reviewers, reviewers)):
        for name in names:
            if not _role_exists(conn, name):
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(group), sql.Identifier(name)))


def is_empty(conn: Connection[tuple[object, ...]]) -> bool:
    """Whether the database has no tables of its own yet."""
    row = conn.execute(
        "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
    ).fetchone()
    return row is not None and row[0] == 0
