"""What ``--db`` names: a project file, or a team project on a PostgreSQL server by its URL."""

from __future__ import annotations

from pathlib import Path

TEAM_URL_SCHEMES = ("postgresql://", "postgres://")


def is_team_url(location: str) -> bool:
    return location.startswith(TEAM_URL_SCHEMES)


def project_location(value: str) -> Path | str:
    """A URL stays text (a path would fold its ``//``); anything else is a file path."""
    return value if is_team_url(value) else Path(value)


def ensure_team_support() -> None:
    """A clear message when psycopg (the optional ``team`` extra) is not installed."""
    import importlib.util

    from annotator.repository import ProjectError

    if importlib.util.find_spec("psycopg") is None:
        raise ProjectError(
            "team projects need the PostgreSQL driver: install Hashiya with its team extra "
            "(pip install 'hashiya[team]')."
        )
