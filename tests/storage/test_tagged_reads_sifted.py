"""Opening a document reads from the project file only the texts tagged elsewhere that can change
its suggestions, and they are the suggestions that every tagged text gives."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import suggestion_reach
from annotator.edits import Batch
from annotator.occurrences import registry_surfaces, tagged_elsewhere
from annotator.project import Project
from annotator.suggest import Suggester
from annotator.text_import import IncomingText
from storage.sqlite_repository import SqliteRepository

WORDS = ["روسيا", "الولايات", "المتحدة", "كوريا", "وزير", "زير", "الناتو", "ب", "الصواريخ", "البالستية"]
# Diacritics and tatweel, so that the stored text and its fold differ.
SPELLINGS = {"روسيا": "روسـيا", "كوريا": "كُوريا", "الناتو": "النَّاتو"}
TEXT_WORDS = [*WORDS, *SPELLINGS.values(), "والروسية", "للولايات", "لروسيا", "ولكوريا", "الوزير", "(كوريا)", "و"]
TEXT_PIECES = st.sampled_from([*TEXT_WORDS, " ", " ", "  ", "\n", "،", "(", "-", "."])
TAGGED = st.lists(
    st.tuples(
        st.lists(st.sampled_from([*WORDS, *SPELLINGS.values()]), min_size=1, max_size=3),
        st.sampled_from(["GPE", "ORG"]),
    ),
    min_size=1,
    max_size=10,
)


def tagged_project(path: Path, tagged: list[tuple[str, str]], shown: str) -> tuple[Project, str]:
    """A project whose first document holds the ``tagged`` texts, each tagged with its label, and
    whose second is ``shown``; with the second's id."""
    project = Project(SqliteRepository.open(path), "tester")
    joint = "، "
    body = joint.join(text for text, _label in tagged)
    project.import_texts([IncomingText("عنوان", "a", "عنوان\n" + body), IncomingText("اخر", "b", shown)])
    first, second = (summary.id for summary in project.documents())
    stored = project.document(first).text
    at = stored.index("\n") + 1
    edits = []
    for text, label in tagged:
        assert stored[at : at + len(text)] == text
        edits.append(project.add_span(first, at, at + len(text), label))
        at += len(text) + len(joint)
    project.apply(Batch("tag", tuple(edits)))
    return project, second


@pytest.mark.parametrize("article", [True, False])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tagged=TAGGED, data=st.data())
def test_the_texts_read_for_a_document_give_the_suggestions_of_every_tagged_text(
    monkeypatch: pytest.MonkeyPatch, article: bool, tagged: list[tuple[list[str], str]], data: st.DataObject
) -> None:
    monkeypatch.setattr(suggestion_reach, "CHARACTERS_PER_KEY", 1000)  # a short project: sift anyway
    texts = [(" ".join(words), label) for words, label in tagged]
    pieces = st.sampled_from([text for text, _label in texts] + [w for ws, _l in tagged for w in ws]) | TEXT_PIECES
    shown = "عنوان اخر\n" + "".join(data.draw(st.lists(pieces, min_size=1, max_size=30)))
    with tempfile.TemporaryDirectory() as folder:
        project, document_id = tagged_project(Path(folder) / "p.hashiya", texts, shown)
        try:
            text = project.document(document_id).text
            # What is read is chosen with the registry's aliases, which the window always suggests too.
            registry = registry_surfaces(project.registry, project.schema)
            every_tagged = list(tagged_elsewhere(project, document_id))
            every = Suggester([*registry, *every_tagged], article_proclitic=article).suggest(text)
            # Read twice: texts tagged by hand are folded at the first reading, and kept for the next.
            for _reading in range(2):
                read = tagged_elsewhere(project, document_id, text, article_proclitic=article)
                assert Suggester([*registry, *read], article_proclitic=article).suggest(text) == every
        finally:
            project.close()
