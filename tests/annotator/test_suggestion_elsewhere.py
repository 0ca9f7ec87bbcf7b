"""Of the texts tagged in other documents, those kept for a text give it the suggestions that every
one of them gives, with any registry aliases and any texts tagged in it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import suggestion_reach
from annotator.arabic import fold_string
from annotator.suggest import REGISTRY_SOURCE, Suggester, Surface, surface_key
from annotator.suggestion_elsewhere import PROJECT_SOURCE, TaggedElsewhere

WORDS = ["روسيا", "الولايات", "المتحدة", "كوريا", "وزير", "زير", "ال", '"الناتو"', "النَّاتو", "ب", "روسـيا"]
TEXT_WORDS = [*WORDS, "والروسية", "للولايات", "لروسيا", "وبروسيا", "فللولايات", "ولكوريا", "الوزير", "(كوريا)", "و"]
TEXT_PIECES = st.sampled_from([*TEXT_WORDS, " ", " ", "  ", "\n", "،", "(", "-", ".", '"', "ـ", "\u064e"])
PROCLITICS = ["و", "ال", "وال", "لل", "فب", "ل"]
PHRASES = st.lists(st.lists(st.sampled_from([*WORDS, "(", "-", "."]), min_size=1, max_size=4), min_size=1, max_size=4)
Drawn = list[tuple[list[str], str, str, str | None]]


def surface_lists(phrases: list[list[str]]) -> st.SearchStrategy[Drawn]:
    """Surfaces that are the first words of a few phrases, so that many begin others."""
    beginnings = [phrase[:count] for phrase in phrases for count in range(1, len(phrase) + 1)]
    return st.lists(
        st.tuples(
            st.sampled_from(beginnings),
            st.sampled_from([" ", "", "  "]),
            st.sampled_from("AB"),
            st.sampled_from([None, None, "q1", "q2"]),
        ),
        max_size=10,
    )


def surfaces_of(drawn: Drawn, source: str) -> list[Surface]:
    return [Surface(joint.join(words), label, ref, source) for words, joint, label, ref in drawn]


@pytest.fixture(autouse=True)
def _sift_short_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(suggestion_reach, "CHARACTERS_PER_KEY", 1000)  # a short text is sifted anyway


@settings(max_examples=500, deadline=None)
@given(PHRASES, st.booleans(), st.data())
def test_the_texts_kept_give_the_suggestions_of_every_text_tagged_elsewhere(
    phrases: list[list[str]], article: bool, data: st.DataObject
) -> None:
    elsewhere, registry, shown = (data.draw(surface_lists(phrases)) for _source in range(3))
    tagged = surfaces_of(elsewhere, PROJECT_SOURCE)
    aliases = surfaces_of(registry, REGISTRY_SOURCE)
    here = surfaces_of(shown, PROJECT_SOURCE)
    # The text is made of the tagged texts, their words and other words, so that some are found
    # whole, some only begun, and some of their words stand apart.
    parts = [surface.text for surface in [*tagged, *aliases, *here]]
    words = [word for part in parts for word in part.split(" ")]
    after_proclitics = [proclitic + part for part in parts for proclitic in PROCLITICS]
    pieces = st.sampled_from(parts + words or ["روسيا"]) | st.sampled_from(after_proclitics or ["و"]) | TEXT_PIECES
    text = "".join(data.draw(st.lists(pieces, max_size=30)))
    folded = fold_string(text)
    rows = [(s.text, s.label, s.ref, surface_key(s.text)) for s in tagged]
    kept = TaggedElsewhere(rows, folded).surfaces(aliases, here, article_proclitic=article)
    every = Suggester([*aliases, *tagged, *here], article_proclitic=article).suggest(text)
    assert Suggester([*aliases, *kept, *here], article_proclitic=article).suggest(text) == every
    scanned = Suggester([*aliases, *kept, *here], article_proclitic=article, within=folded).suggest(text)
    assert scanned == every


def test_only_the_texts_found_and_one_longer_text_per_label_lost_are_kept() -> None:
    text = "قالت روسيا ان كوريا الشمالية ردت"
    tagged = [
        Surface("كوريا الشمالية", "GPE", source=PROJECT_SOURCE),  # found
        Surface("روسيا اليوم", "ORG", source=PROJECT_SOURCE),  # begun only: each keeps روسيا from being
        Surface("روسيا البيضاء", "ORG", source=PROJECT_SOURCE),  # suggested alone as an ORG
        Surface("ايران", "GPE", source=PROJECT_SOURCE),  # not in the text
        Surface("كوريا الجنوبية", "GPE", source=PROJECT_SOURCE),  # begun only
    ]
    rows = [(s.text, s.label, s.ref, surface_key(s.text)) for s in tagged]
    elsewhere = TaggedElsewhere(rows, fold_string(text))
    assert {s.text for s in elsewhere.surfaces([], [])} == {"كوريا الشمالية"}
    # Once the shown document has روسيا as an ORG, one of the longer texts keeps it from being suggested.
    here = [Surface("روسيا", "ORG", source=PROJECT_SOURCE)]
    kept = elsewhere.surfaces([], here)
    texts = {s.text for s in kept}
    assert "كوريا الشمالية" in texts
    assert len(texts & {"روسيا اليوم", "روسيا البيضاء"}) == 1
    assert len(texts) == 2
    assert [s.text for s in Suggester([*kept, *here]).suggest(text)] == ["كوريا الشمالية"]


@pytest.mark.parametrize(
    ("text", "tagged", "article"),
    [
        # A longer text that every label of is left out does not hide a shorter one at its place.
        ("قال روسيا كوريا امس", [("روسيا", "B"), ("روسيا كوريا", "A"), ("روسيا كوريا ب", "A")], False),
        # Found only after the article taken as a proclitic.
        ("قال الوزير", [("وزير", "PER")], True),
    ],
)
def test_the_texts_kept_give_the_suggestions_of_every_text_in_these_cases(
    text: str, tagged: list[tuple[str, str]], article: bool
) -> None:
    surfaces = [Surface(string, label, source=PROJECT_SOURCE) for string, label in tagged]
    rows = [(s.text, s.label, s.ref, surface_key(s.text)) for s in surfaces]
    kept = TaggedElsewhere(rows, fold_string(text)).surfaces([], [], article_proclitic=article)
    every = Suggester(surfaces, article_proclitic=article).suggest(text)
    assert every
    assert Suggester(list(kept), article_proclitic=article).suggest(text) == every
