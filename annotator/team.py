"""What the window needs to merge offline work with a team project, without knowing how it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


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
