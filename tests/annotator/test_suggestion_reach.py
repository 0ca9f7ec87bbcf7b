"""Only the tagged texts that can change a text's suggestions are read for it, and leaving the
others out changes none of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import suggestion_reach
from annotator.arabic import fold_string
from annotator.edits import Batch
from annotator.occurrences import tagged_elsewhere
from annotator.project import Project
from annotator.suggest import Suggester, Surface, keyed_in_memory
from annotator.suggestion_reach import keys_that_matter
from annotator.suggestion_scan import first_pieces
from storage.sqlite_repository import SqliteRepository

WORDS = ["روسيا", "الولايات", "المتحدة", "كوريا", "وزير", "زير", "ال", '"الناتو"', "الناتو", "ب"]
TEXT_WORDS = [*WORDS, "والروسية", "للولايات", "لروسيا", "وبروسيا", "فللولايات", "ولكوريا", "الوزير", "(كوريا)", "و"]
TEXT_PIECES = st.sampled_from([*TEXT_WORDS, " ", " ", "  ", "\n", "،", "(", "-", ".", '"', "ـ", "\u064e", "x_1"])
SURFACE_PIECES = st.sampled_from([*WORDS, "(", "-", ".", '"'])
SURFACES = st.lists(
    st.tuples(
        st.lists(SURFACE_PIECES, min_size=1, max_size=4), st.sampled_from([" ", "", "  "]), st.sampled_from("AB")
    ),
    max_size=16,
)
REGISTRY = [Surface("كوريا الشمالية", "GPE", "Q423"), Surface("الولايات المتحدة", "GPE", "Q30")]


def read_for(text: str, surfaces: list[Surface]) -> list[Surface]:
    """The tagged surfaces read for ``text``, as ``tagged_elsewhere`` keeps them."""
    tagged = [(s.text, s.label, s.ref) for s in surfaces]
    rows = keyed_in_memory(tagged, first_pieces(fold_string(text)))
    labels_of: dict[str, set[str]] = {}
    for _text, label, _ref, key in rows:
        labels_of.setdefault(key, set()).add(label)
    kept = keys_that_matter(labels_of, fold_string(text))
    return [Surface(text, label, ref, "project", key) for text, label, ref, key in rows if key in kept]


@settings(max_examples=400)
@given(SURFACES, st.booleans(), st.data())
def test_the_tagged_texts_left_out_for_a_text_change_none_of_its_suggestions(
    strings: list[tuple[list[str], str, str]], article: bool, data: st.DataObject
) -> None:
    surfaces = [Surface(joint.join(words), label, source="project") for words, joint, label in strings]
    # The text is made of pieces of the surfaces and other words, so that some are found whole,
    # some only begun, and some of their words stand apart.
    parts = [piece for surface in surfaces for piece in surface.text.split(" ")]
    pieces = st.sampled_from([surface.text for surface in surfaces] + parts or ["روسيا"]) | TEXT_PIECES
    text = "".join(data.draw(st.lists(pieces, max_size=30)))
    shown = data.draw(st.lists(st.sampled_from([*WORDS, "روسيا كوريا", "الولايات"]), max_size=2))
    here = [Surface(string, "A", source="project") for string in shown]  # tagged in the text itself
    every = Suggester([*REGISTRY, *surfaces, *here], article_proclitic=article).suggest(text)
    read = read_for(text, surfaces)
    assert Suggester([*REGISTRY, *read, *here], article_proclitic=article).suggest(text) == every
    within = fold_string(text)
    assert Suggester([*REGISTRY, *read, *here], article_proclitic=article, within=within).suggest(text) == every


def test_of_the_texts_whose_words_never_follow_one_another_one_per_label_and_first_word_is_read() -> None:
    text = "روسيا قالت ان كوريا ردت"
    apart = ["روسيا كوريا", "روسيا ردت", "ان روسيا"]
    surfaces = [Surface(s, "GPE", source="project") for s in ["كوريا ردت", *apart]]
    read = sorted(s.text for s in read_for(text, surfaces))
    assert len(read) == 3
    assert "كوريا ردت" in read and "ان روسيا" in read


@pytest.mark.parametrize("text", ["في الصواريخ اليوم", "وللصواريخ اليوم"])
def test_one_longer_text_per_label_is_read_for_a_shorter_one_found(text: str) -> None:
    longer = ["الصواريخ البالستية", "الصواريخ البالستية الحديثة", "الصواريخ الجوالة"]
    surfaces = [Surface(s, "WEAPON", source="project") for s in ["الصواريخ", *longer]]
    surfaces.append(Surface("الصواريخ الجوالة", "ORG", source="project"))
    read = read_for(text, surfaces)
    texts = {s.text for s in read}
    assert "الصواريخ" in texts
    assert len(texts & set(longer)) == 2  # one per label: WEAPON and ORG
    # The shorter text is still not suggested alone: a longer one of its label is known.
    assert Suggester(read, article_proclitic=True).suggest(text) == []


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
