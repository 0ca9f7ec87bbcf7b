"""The snapping rule measured on every word of the sample corpus that begins with و ف ب ل ك or ال.

The hand-marked list is tests/data/proclitics.tsv. A word counts as positive when it has
proclitics; a prediction is right when it cuts exactly those letters. Precision and recall are
printed and held: over the list with the shipped lexicon, and with the lexicon rebuilt from the
other four articles for the words of each article (what a new text can expect).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.arabic import first_words, fold_string
from annotator.proclitics import article_letters, proclitic_letters, whole_words
from annotator.registry import load_default_registry
from annotator.snapping import SnapMode, snap

WORD_LIST = Path(__file__).resolve().parents[1] / "data" / "proclitics.tsv"
REGISTRY_WORDS = first_words(alias for entry in load_default_registry().entries() for alias in entry.alias_texts)


@dataclass(frozen=True)
class Marked:
    word: str
    proclitics: str
    article: bool
    count: int
    articles: frozenset[str]

    @property
    def folded(self) -> str:
        return fold_string(self.word)

    @property
    def stem(self) -> str:
        """The folded word without its proclitics (the article kept, with its alef after لل)."""
        rest = self.folded[len(self.proclitics) :]
        return "ا" + rest if self.proclitics.endswith("ل") and self.article and rest.startswith("ل") else rest


def marked_words() -> list[Marked]:
    with WORD_LIST.open(encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Marked(
            row["word"],
            row["proclitics"],
            row["article"] == "yes",
            int(row["count"]),
            frozenset(row["articles"].split()),
        )
        for row in rows
    ]


WORDS = marked_words()


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float

    def __str__(self) -> str:
        return f"precision {self.precision:.3f} recall {self.recall:.3f}"


def score(cuts: Callable[[Marked], int], expected: Callable[[Marked], int], *, tokens: bool) -> Score:
    """Over the words whose stem has two letters or more (له and بـ leave nothing to tag)."""
    right = predicted = positive = 0
    for marked in WORDS:
        if len(marked.stem) < 2:
            continue
        weight = marked.count if tokens else 1
        cut, gold = cuts(marked), expected(marked)
        predicted += weight if cut else 0
        positive += weight if gold else 0
        right += weight if cut and cut == gold else 0
    return Score(right / predicted, right / positive)


def snapped_cut(marked: Marked, *, strip_article: bool = False) -> int:
    """Letters the snapping leaves out when the analyst drags over the whole word in a sentence."""
    text = f"قال {marked.word} اليوم"
    result = snap(text, 4, 4 + len(marked.word), SnapMode.STEM, strip_article=strip_article, known_words=REGISTRY_WORDS)
    assert result is not None
    return len(fold_string(text[4 : result[0]]))


def gold_cut(marked: Marked) -> int:
    return len(marked.proclitics)


def gold_cut_without_article(marked: Marked) -> int:
    if not marked.article:
        return len(marked.proclitics)
    return len(marked.proclitics) + (1 if marked.proclitics.endswith("ل") and marked.stem.startswith("ال") else 2)


def lexicon_without(article: str) -> frozenset[str]:
    """The whole-word lexicon as it would be built from the marked words of the other articles."""
    return frozenset(m.stem for m in WORDS if m.articles - {article} and m.stem[:1] in "وفبكل" and len(m.stem) >= 2)


@pytest.fixture
def report(capsys: pytest.CaptureFixture[str]) -> Callable[[str], None]:
    def show(line: str) -> None:
        with capsys.disabled():
            print(f"\n[proclitics] {line}", end="")

    return show


def test_the_list_marks_every_word_that_begins_like_a_proclitic() -> None:
    assert len(WORDS) == 1283
    assert sum(m.count for m in WORDS) == 3433
    by_word = {m.word: m for m in WORDS}
    assert by_word["بزيارة"].proclitics == "ب" and by_word["وروسيا"].proclitics == "و"
    assert by_word["وزير"].proclitics == "" and by_word["بوتين"].proclitics == ""
    assert by_word["وبالتالي"].proclitics == "وب" and by_word["وبالتالي"].article
    for marked in WORDS:
        assert marked.folded.startswith(marked.proclitics)
        assert set(marked.proclitics) <= set("وفبكل") and marked.articles


def test_the_lexicon_is_the_marked_words_whose_first_letter_is_their_own() -> None:
    assert whole_words() == lexicon_without("")


def test_snapping_precision_and_recall_on_the_word_list(report: Callable[[str], None]) -> None:
    for tokens in (False, True):
        found = score(snapped_cut, gold_cut, tokens=tokens)
        report(f"snapping over the list ({'occurrences' if tokens else 'distinct words'}): {found}")
        assert found.precision >= 0.995 and found.recall >= 0.98


def test_snapping_without_the_article(report: Callable[[str], None]) -> None:
    found = score(lambda m: snapped_cut(m, strip_article=True), gold_cut_without_article, tokens=True)
    report(f"snapping without the article (occurrences): {found}")
    assert found.precision >= 0.99 and found.recall >= 0.97


def test_the_rule_on_articles_it_was_not_built_from(report: Callable[[str], None]) -> None:
    """For each article, its words with the lexicon of the other four: how a new text fares."""
    lexicons: dict[str, Collection[str]] = {}

    def cut(marked: Marked) -> int:
        article = sorted(marked.articles)[0]
        if article not in lexicons:
            lexicons[article] = lexicon_without(article)
        lexicon = lexicons[article]
        return proclitic_letters(marked.folded, REGISTRY_WORDS, lexicon=lexicon)

    only_in_one = [m for m in WORDS if len(m.articles) == 1]
    assert len(only_in_one) > 900
    for tokens in (False, True):
        found = score(cut, gold_cut, tokens=tokens)
        report(f"rule on unseen articles ({'occurrences' if tokens else 'distinct words'}): {found}")
        assert found.precision >= 0.83 and found.recall >= 0.98


def test_the_bizyara_drag_case() -> None:
    text = "قام الرئيس الروسي فلاديمير بوتين بزيارة مهمة ونادرة لكوريا الشمالية"
    start = text.index("بزيارة")
    assert snap(text, start, start + len("بزيارة"), SnapMode.STEM) == (start + 1, start + len("بزيارة"))
    assert article_letters(fold_string("للدفاع"), 1) == 1
