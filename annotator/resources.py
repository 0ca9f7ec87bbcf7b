"""Plain data files shipped in resources/, found by path."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


class MissingResourceError(FileNotFoundError):
    pass


def resource_path(name: str) -> Path:
    path = RESOURCES / name
    if not path.exists():
        raise MissingResourceError(f"the resource {name!r} is missing (looked for {path})")
    return path


def sample_corpus_files() -> list[Path]:
    return sorted(resource_path("corpus").glob("*.txt"))
