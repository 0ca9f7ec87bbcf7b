"""The connection of a team project on a PostgreSQL server: made again when lost, refusals told plainly.

Other clients' commits reach an open project through LISTEN/NOTIFY: a listening connection counts
the announcements made by other connections, and ``data_version`` returns that count without asking
the server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar
from urllib.parse import urlsplit

import psycopg
from psycopg import errors

from annotator.repository import ProjectError
from annotator.said import QT_TRANSLATE_NOOP, said
from storage.postgres_listener import ChangeListener

T = TypeVar("T")
Connection = psycopg.Connection[tuple[Any, ...]]


def shown_url(url: str) -> str:
    """The URL without its password, for titles and messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", "@", 1)
    return parts._replace(netloc=netloc).geturl()


class RefusedError(ProjectError):
    """The team server refused a change this analyst's role may not make."""


def connect(url: str) -> Connection:
    """A connection in autocommit mode (each write opens its own transaction), or a ProjectError."""
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        text = str(error).strip()
        shown = shown_url(url)
        if "password authentication failed" in text or ("role" in text and "does not exist" in text):
            template = QT_TRANSLATE_NOOP("Said", "the team server at {url} does not let this user in ({error}).")
            raise RefusedError(said(template, url=shown, error=text)) from None
        if "permission denied for database" in text:
            template = QT_TRANSLATE_NOOP("Said", "the team project {url} was not given to this user ({error}).")
            raise RefusedError(said(template, url=shown, error=text)) from None
        template = QT_TRANSLATE_NOOP("Said", "the team server at {url} cannot be reached ({error}).")
        raise ProjectError(said(template, url=shown, error=text)) from None


class TeamConnection:
    """One analyst's connection to a team project: its listener, reconnection, refusals and transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        # The listening connection is made while this one is: a server starts a process for each.
        self.listener = ChangeListener(url, own_pid=0)
        try:
            self.conn = connect(url)
            self.listener.own_pid = self.conn.info.backend_pid
            self.user: str = self._scalar("SELECT current_user")
            self._check_project()
        except BaseException:
            self.listener.stop()
            raise
        self.listener.wait_listening()
        self._generation = self.listener.generation
        self._known_annotators: set[str] = set()
        """Names committed to the annotators table: an edit then spares a round trip to the server."""
        self._new_annotators: set[str] = set()

    def _check_project(self) -> None:
        try:
            self.conn.execute("SELECT value FROM project_meta WHERE key = 'team_schema_version'")
        except errors.UndefinedTable:
            self.conn.close()
            template = QT_TRANSLATE_NOOP(
                "Said", "{url} is not a Hashiya team project yet: create it with `hashiya init-team URL`."
            )
            raise ProjectError(said(template, url=shown_url(self.url))) from None
        except errors.InsufficientPrivilege:
            self.conn.close()
            template = QT_TRANSLATE_NOOP("Said", "the team project {url} was not given to {user}.")
            raise RefusedError(said(template, url=shown_url(self.url), user=self.user)) from None

    def is_reviewer(self) -> bool:
        return bool(self._read(lambda c: c.execute("SELECT hashiya_is_reviewer()").fetchone() or [False])[0])

    # -- connection handling -------------------------------------------------------------------

    def _connection(self) -> Connection:
        # When the listener had to connect again, the server went away: this connection is dead too,
        # though nothing has told it yet. A new one spares the next edit a failure.
        stale = self._generation != self.listener.generation
        if self.conn.closed or self.conn.broken or stale:
            self.conn.close()
            self._generation = self.listener.generation
            self.conn = connect(self.url)
            self.listener.own_pid = self.conn.info.backend_pid
        return self.conn

    def _refusal(self, error: psycopg.Error) -> RefusedError:
        template = QT_TRANSLATE_NOOP(
            "Said",
            "the team server refused this change for {user}: an annotator writes only their own layer, "
            "and gold, the schema, the registry and documents already there are written by reviewers ({error}).",
        )
        return RefusedError(said(template, user=self.user, error=error))

    def _lost(self, error: psycopg.Error, writing: bool) -> ProjectError:
        if writing:
            template = QT_TRANSLATE_NOOP(
                "Said",
                "the connection to the team server {url} was lost, so this change was not saved "
                "({error}). Hashiya connects again at the next step.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "Said",
                "the connection to the team server {url} was lost, so it could not be read "
                "({error}). Hashiya connects again at the next step.",
            )
        return ProjectError(said(template, url=shown_url(self.url), error=str(error).strip()))

    def _read(self, work: Callable[[Connection], T]) -> T:
        try:
            return work(self._connection())
        except psycopg.OperationalError as error:
            if not self.conn.broken:
                raise ProjectError(
                    said(QT_TRANSLATE_NOOP("Said", "the team server could not answer ({error})."), error=error)
                ) from None
            # Reading again after reconnecting is harmless.
            try:
                return work(self._connection())
            except psycopg.OperationalError as again:
                raise self._lost(again, writing=False) from None
        except errors.InsufficientPrivilege as error:
            template = QT_TRANSLATE_NOOP("Said", "{user} may not read this team project ({error}).")
            raise RefusedError(said(template, user=self.user, error=error)) from None

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One transaction on the server, committed at the end of the block; refusals and lost connections told."""
        conn = self._connection()
        self._new_annotators = set()
        try:
            with conn.transaction():
                yield conn
            self._known_annotators |= self._new_annotators
        except errors.InsufficientPrivilege as error:
            raise self._refusal(error) from None
        except psycopg.OperationalError as error:
            raise self._lost(error, writing=True) from None

    def _scalar(self, query: str, params: list[Any] | None = None) -> Any:
        row = self.conn.execute(query.encode(), params).fetchone()
        return None if row is None else row[0]

    @property
    def location(self) -> str:
        return shown_url(self.url)

    def close(self) -> None:
        self.listener.stop()
        self.conn.close()

    def wait_for_checks(self, timeout: float | None = None) -> bool:
        """Nothing to wait for: the team server keeps its own data sound."""
        return True

    def data_version(self) -> int:
        return self.listener.version()
