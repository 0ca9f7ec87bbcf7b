"""Other clients' commits to a team project, heard through PostgreSQL's LISTEN/NOTIFY.

A thread keeps its own connection listening on the project's channel and counts the
announcements made by every connection but the repository's own. When the server goes away the
count stops, ``version`` says so with a ProjectError, and the thread connects again; once back, the
count moves on once more, since whatever was missed meanwhile has to be read again.
"""

from __future__ import annotations

import threading

import psycopg

from annotator.repository import ProjectError
from annotator.said import QT_TRANSLATE_NOOP, said
from storage.postgres_schema import CHANNEL

RETRY_SECONDS = 0.2
WAKE_SECONDS = 0.25


class ChangeListener:
    def __init__(self, url: str, own_pid: int) -> None:
        self.url = url
        self.own_pid = own_pid
        self._count = 0
        self.generation = 0
        """How many times the listener had to connect again: the server went away and came back."""
        self._lost: str | None = None
        self._stopping = threading.Event()
        self._listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hashiya-team-listener", daemon=True)
        self._thread.start()

    def wait_listening(self, timeout: float = 5.0) -> None:
        """Until the listening connection is made (or failed): changes after this are heard."""
        self._listening.wait(timeout=timeout)

    def version(self) -> int:
        if self._lost is not None:
            template = QT_TRANSLATE_NOOP(
                "Said",
                "the connection to the team server was lost ({error}); Hashiya is connecting again, "
                "and edits are not saved until it is back.",
            )
            raise ProjectError(said(template, error=self._lost))
        return self._count

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=2)

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if self._lost is not None:
                        self._lost = None
                        self.generation += 1
                        self._count += 1  # announcements may have been missed while away
                    self._listening.set()
                    while not self._stopping.is_set():
                        for notice in conn.notifies(timeout=WAKE_SECONDS):
                            if notice.pid != self.own_pid:
                                self._count += 1
            except psycopg.Error as error:
                self._lost = str(error).strip() or type(error).__name__
                self._listening.set()
                self._stopping.wait(RETRY_SECONDS)
