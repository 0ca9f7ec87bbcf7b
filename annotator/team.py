"""What the window needs to merge offline work with a team project, without knowing how it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from annotator.project import Project


@dataclass
class SyncReport:
    """What a push or a pull did, and the shared items left for a reviewer."""

    pushed_documents: list[str] = field(default_factory=list)
    pulled_layers: list[tuple[str, str]] = field(default_factory=list)
    added_documents: list[str] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)
    """Shared items (schema, registry, gold:DOC) the team changed and this pull took."""
    kept_local: list[str] = field(default_factory=list)
    """Shared items changed only here: a reviewer's push sends them."""
    conflicts: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Shared items changed on both sides, each with a few words on this copy and the team's: a reviewer decides."""


class TeamSync(Protocol):
    """A local project's link to team projects, by URL."""

    def push(self, url: str, keep_mine: tuple[str, ...] = ()) -> SyncReport:
        """Send this analyst's layer; a reviewer also sends shared items changed here (or named in ``keep_mine``)."""
        ...

    def pull(self, url: str, take_team: tuple[str, ...] = ()) -> SyncReport:
        """Bring teammates' layers and the team's changes to shared items (``take_team``: even if changed here)."""
        ...


def reload_shared(project: Project) -> None:
    """Read the schema and the registry again, after a pull took the team's."""
    from annotator.project import REGISTRY_RESOURCE, SCHEMA_RESOURCE
    from annotator.registry import Registry
    from annotator.schema import Schema

    schema = project.repository.resource(SCHEMA_RESOURCE)
    registry = project.repository.resource(REGISTRY_RESOURCE)
    if schema is not None:
        project.schema = Schema.from_json(schema)
    if registry is not None:
        project.registry = Registry.from_json(registry)
