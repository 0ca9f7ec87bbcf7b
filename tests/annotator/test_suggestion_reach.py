"""Opening a document reads only the texts tagged elsewhere that can change its suggestions."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import suggestion_reach
from annotator.edits import Batch
from annotator.occurrences import tagged_elsewhere
from annotator.project import Project
from storage.sqlite_repository import SqliteRepository


@pytest.mark.parametrize("sifted", [True, False])
def test_opening_a_document_reads_only_the_texts_tagged_elsewhere_that_matter_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sifted: bool
) -> None:
    # A text this short is not worth sifting for three tagged texts, unless sifting is made cheaper.
    monkeypatch.setattr(suggestion_reach, "CHARACTERS_PER_KEY", 1000 if sifted else 1)
    tagged = ["روسيا كوريا", "روسيا ايران", "كوريا ردت", "روسيا"]
    (tmp_path / "a.txt").write_text("عنوان\n" + "، ".join(tagged), encoding="utf-8")
    (tmp_path / "b.txt").write_text("عنوان اخر\nروسيا قالت ان كوريا ردت", encoding="utf-8")
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "tester")
    try:
        project.import_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
        first, second = (summary.id for summary in project.documents())
        text = project.document(first).text
        edits = [project.add_span(first, text.find(t), text.find(t) + len(t), "ORG") for t in tagged]
        project.apply(Batch("tag", tuple(edits)))
        read = {surface.text for surface in tagged_elsewhere(project, second, project.document(second).text)}
    finally:
        project.close()
    # The two texts that begin with روسيا, never followed there by كوريا nor ايران, keep روسيا
    # from being suggested alone as an ORG just as well as one of them.
    assert {"كوريا ردت", "روسيا"} <= read
    assert len(read) == (3 if sifted else 4)
