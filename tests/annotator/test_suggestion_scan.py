"""Looking surfaces up word by word finds exactly what the compiled pattern finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import annotator.suggest as suggest_module
from annotator.arabic import fold, fold_string
from annotator.occurrences import registry_surfaces
from annotator.registry import load_default_registry
from annotator.resources import sample_corpus_files
from annotator.schema import load_default_schema
from annotator.suggest import Suggester, Suggestion, Surface, _drop_project_prefixes, keyed_in_memory
from annotator.suggestion_scan import first_pieces
from annotator.text import decode_document

WORDS = ["روسيا", "الولايات", "المتحدة", "كوريا", "وزير", "زير", "ال", '"الناتو"', "الناتو", "ب"]
# The same words with proclitics, the article written لل, and ل that is a word's own first letter.
TEXT_WORDS = [*WORDS, "والروسية", "للولايات", "لروسيا", "وبروسيا", "فللولايات", "ولكوريا", "الوزير", "(كوريا)", "و"]
TEXT_PIECES = st.sampled_from([*TEXT_WORDS, " ", " ", "  ", "\n", "،", "(", "-", ".", '"', "ـ", "\u064e", "x_1"])
SURFACE_PIECES = st.sampled_from([*WORDS, "(", "-", ".", '"'])


def scanned(surfaces: list[Surface], text: str, *, article: bool, monkeypatch: pytest.MonkeyPatch) -> list[Suggestion]:
    """The suggestions of a Suggester kept for ``text`` that looks its surfaces up."""
    folded = fold(text)
    with monkeypatch.context() as patched:
        patched.setattr(suggest_module, "SCAN_CHARACTERS_PER_SURFACE", 10**9)
        return Suggester(surfaces, article_proclitic=article, within=folded.folded).suggest(folded)


SURFACES = st.lists(
    st.tuples(
        st.lists(SURFACE_PIECES, min_size=1, max_size=3), st.sampled_from([" ", "", "  "]), st.sampled_from("AB")
    ),
    max_size=14,
)


@settings(max_examples=400)
@given(SURFACES, st.booleans(), st.data())
def test_looking_surfaces_up_finds_what_the_compiled_pattern_finds(
    strings: list[tuple[list[str], str, str]], article: bool, data: st.DataObject
) -> None:
    surfaces = [Surface(joint.join(words), label, source="project") for words, joint, label in strings]
    surfaces.append(Surface("الولايات المتحدة", "GPE", "Q30"))
    # The text is made of the surfaces themselves, with proclitics and other words around them.
    pieces = st.sampled_from([surface.text for surface in surfaces]) | TEXT_PIECES
    text = "".join(data.draw(st.lists(pieces, max_size=30)))
    compiled = Suggester(surfaces, article_proclitic=article).suggest(fold(text))
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert scanned(surfaces, text, article=article, monkeypatch=monkeypatch) == compiled


@pytest.mark.parametrize(
    ("strings", "text"),
    [
        # A word whose first letter is its own is tried whole before after a proclitic.
        ([("وزير", "A"), ("زير", "B")], "قال وزير ولزير"),
        # The longest surface that ends a word wins, whatever its label.
        ([("روسيا", "A"), ("روسيا كوريا", "B"), ("روسيا كو", "B")], "روسيا  كوريا روسيا كو روسيا كوريان"),
        # The article written لل after ل and و, and a surface that begins with punctuation.
        ([("الولايات المتحدة", "A"), ('"الناتو', "B")], 'وللولايات المتحدة للولايات  المتحدة و"الناتو" ("الناتو'),
    ],
)
def test_words_looked_up_in_the_order_the_pattern_tries_them(
    strings: list[tuple[str, str]], text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    surfaces = [Surface(string, label, source="project") for string, label in strings]
    compiled = Suggester(surfaces, article_proclitic=True).suggest(fold(text))
    assert compiled
    assert scanned(surfaces, text, article=True, monkeypatch=monkeypatch) == compiled


def test_the_sample_corpus_gets_the_same_suggestions_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = [decode_document(path.read_bytes()) for path in sample_corpus_files()]
    registry = registry_surfaces(load_default_registry(), load_default_schema())
    for number, text in enumerate(documents):
        others = " ".join(documents[:number] + documents[number + 1 :]).split()
        tagged = [
            Surface(" ".join(others[at : at + 1 + at % 3]), "X", source="project") for at in range(0, len(others), 5)
        ]
        surfaces = [*registry, *tagged]
        compiled = Suggester(surfaces).suggest(fold(text))
        assert len(compiled) > 50
        assert scanned(surfaces, text, article=False, monkeypatch=monkeypatch) == compiled


def kept_for(text: str, surfaces: list[Surface]) -> list[Surface]:
    """The tagged surfaces read for ``text``: those whose key begins with one of its first pieces."""
    tagged = [(s.text, s.label, s.ref) for s in surfaces]
    pieces = first_pieces(fold_string(text))
    return [Surface(text, label, ref, "project", key) for text, label, ref, key in keyed_in_memory(tagged, pieces)]


@settings(max_examples=300)
@given(SURFACES, st.booleans(), st.data())
def test_the_tagged_texts_left_out_for_a_text_change_nothing_in_it(
    strings: list[tuple[list[str], str, str]], article: bool, data: st.DataObject
) -> None:
    surfaces = [Surface(joint.join(words), label, source="project") for words, joint, label in strings]
    pieces = st.sampled_from([surface.text for surface in surfaces] or ["روسيا"]) | TEXT_PIECES
    text = "".join(data.draw(st.lists(pieces, max_size=30)))
    registry = [Surface("كوريا الشمالية", "GPE", "Q423")]
    every = Suggester([*registry, *surfaces], article_proclitic=article).suggest(text)
    assert Suggester([*registry, *kept_for(text, surfaces)], article_proclitic=article).suggest(text) == every


@pytest.mark.parametrize("text", ["وللولايات المتحدة", "فبالولايات المتحدة", 'و"الناتو" ولزير', "(الناتو)", "وكالناتو"])
def test_the_tagged_texts_read_for_a_text_include_those_after_proclitics(text: str) -> None:
    surfaces = [
        Surface(string, "A", source="project") for string in ("الولايات المتحدة", '"الناتو', "زير", "(الناتو", "ناتو")
    ]
    every = Suggester(surfaces, article_proclitic=True).suggest(text)
    assert every
    assert Suggester(kept_for(text, surfaces), article_proclitic=True).suggest(text) == every


def every_start(chosen: dict[str, dict[str, Surface]]) -> dict[str, dict[str, Surface]]:
    """What leaving out the tagged texts that begin a longer surface of their label leaves, found
    by listing every word-prefix of every key."""
    starts: dict[str, set[str]] = {}
    for key, by_label in chosen.items():
        words = key.split(" ")
        for cut in range(1, len(words)):
            starts.setdefault(" ".join(words[:cut]), set()).update(by_label)
    kept = {}
    for key, by_label in chosen.items():
        left = {
            label: s for label, s in by_label.items() if label not in starts.get(key, set()) or s.source == "registry"
        }
        if left:
            kept[key] = left
    return kept


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(["ا", "اب", "ب", "!", "ا!"]), min_size=1, max_size=4),
            st.sampled_from("AB"),
            st.sampled_from(["registry", "project"]),
        ),
        max_size=20,
    )
)
def test_a_tagged_text_is_left_out_where_it_begins_a_longer_surface_of_its_label(
    strings: list[tuple[list[str], str, str]],
) -> None:
    chosen: dict[str, dict[str, Surface]] = {}
    for words, label, source in strings:
        chosen.setdefault(" ".join(words), {})[label] = Surface(" ".join(words), label, source=source)
    expected = every_start({key: dict(by_label) for key, by_label in chosen.items()})
    _drop_project_prefixes(chosen)
    assert chosen == expected
