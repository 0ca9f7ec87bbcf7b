"""A real PostgreSQL server for the team-project tests, from Debian's package, in a scratch folder.

The server listens only on a Unix socket in its own folder (no TCP port to collide with anything
else on the machine) and trusts local connections, so any role name can log in without a
password. PostgreSQL refuses to run as root: as root, it runs as the ``postgres`` system user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

SUPERUSER = "postgres"


def postgres_bin() -> Path:
    """The folder of Debian's PostgreSQL programs (the newest installed version)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise RuntimeError("PostgreSQL is not installed: run scripts/test.sh, which installs Debian's postgresql")
    return Path(initdb).parent


class TeamServer:
    def __init__(self, *, durable: bool = False) -> None:
        """``durable``: commits reach the disk as on a real server (the tests do without, for speed)."""
        self.durable = durable
        self.bin = postgres_bin()
        # Directly in /tmp: the postgres user must reach it (a private TMPDIR may not let it), and a
        # Unix socket's path must stay short.
        self.folder = Path(tempfile.mkdtemp(prefix="hashiya-pg-", dir="/tmp"))
        self.data = self.folder / "data"
        self.socket = self.folder
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(self.folder, owner.pw_uid, owner.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._databases = 0

    def _run(self, *command: str) -> None:
        subprocess.run([*self._as_user, *command], check=True, capture_output=True, cwd="/")

    def initialise(self) -> None:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )

    def start(self) -> None:
        fsync = "on" if self.durable else "off"
        options = f"-c listen_addresses='' -k {self.socket} -c fsync={fsync} -c max_connections=60"
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", "-l", str(self.folder / "log"), "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop()
        self.start()

    def url(self, database: str, user: str = SUPERUSER) -> str:
        return f"postgresql://{quote(user, safe='')}@/{database}?host={quote(str(self.socket), safe='')}"

    def new_database(self) -> str:
        """An empty database of its own for one test."""
        import psycopg

        self._databases += 1
        name = f"team{os.getpid()}x{self._databases}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def create_role(self, name: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone()
            if exists is None:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
