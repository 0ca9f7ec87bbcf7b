"""The repository's reads of what each layer tagged anywhere in the project, for suggestions."""

from __future__ import annotations

from collections.abc import Collection

from annotator.suggest import keyed_in_memory
from storage.project_file import ProjectFile, reading
from storage.surface_keys import has_surface_keys, keyed_elsewhere
from storage.tagged_surfaces import ELSEWHERE


class TaggedSurfaceReads(ProjectFile):
    @reading
    def tagged_elsewhere(self, annotator: str, document_id: str) -> list[tuple[str, str, str | None]]:
        rows = self.db.execute(
            "SELECT t.text, t.label, t.ref FROM tagged_surfaces t" + ELSEWHERE, [document_id, annotator, annotator]
        )
        return [(str(text), str(label), str(ref) or None) for text, label, ref in rows]

    @reading
    def tagged_elsewhere_keyed(
        self, annotator: str, document_id: str, first_pieces: Collection[str]
    ) -> list[tuple[str, str, str | None, str]]:
        if not has_surface_keys(self.db):  # a file no upgrade has reached
            return keyed_in_memory(self.tagged_elsewhere(annotator, document_id), first_pieces)
        return keyed_elsewhere(self.db, annotator, document_id, first_pieces)
