"""A local project's TeamSync: push and pull by URL, the driver loaded only when used."""

from __future__ import annotations

from annotator.repository import ProjectError, Repository
from annotator.said import QT_TRANSLATE_NOOP, said
from annotator.team import SyncReport
from storage.team_location import ensure_team_support


class LocalTeamSync:
    """The TeamSync of a local project whose own layer is the connecting role's."""

    def __init__(self, local: Repository) -> None:
        self.local = local

    def push(self, url: str, keep_mine: tuple[str, ...] = ()) -> SyncReport:
        ensure_team_support()
        from storage.postgres_repository import PostgresRepository
        from storage.team_sync import push, push_shared

        team = PostgresRepository.open(url)
        try:
            report = push(self.local, team)
            if team.is_reviewer():
                shared = push_shared(self.local, team, keep_mine)
                report.kept_local, report.conflicts = shared.kept_local, shared.conflicts
            elif keep_mine:
                raise ProjectError(
                    said(
                        QT_TRANSLATE_NOOP("Said", "only a reviewer may push shared items, and {user} is not one"),
                        user=team.user,
                    )
                )
            return report
        finally:
            team.close()

    def pull(self, url: str, take_team: tuple[str, ...] = ()) -> SyncReport:
        ensure_team_support()
        from storage.postgres_repository import PostgresRepository
        from storage.team_sync import pull

        team = PostgresRepository.open(url)
        try:
            return pull(self.local, team, team.user, take_team)
        finally:
            team.close()
