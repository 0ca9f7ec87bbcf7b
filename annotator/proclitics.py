"""Whether the first letters of an Arabic word are proclitics (و ف, then ب ك ل), by a rule and a lexicon.

The rule was chosen on a hand-marked list of every word of the sample corpus that begins with
و ف ب ل ك or ال (tests/data/proclitics.tsv; figures in the README). For a folded word:

1. a word of the whole-word lexicon or a known word (a registry name, a tagged text) keeps
   all its letters: وزير, بين, كان, بوتين, وونسان;
2. و or ف before at least two more letters is a conjunction (وروسيا, فإن, وهو), except before
   an article followed by fewer than three letters (والد, والدة; وإلى is cut); what follows is then looked at
   again by rules 1 and 3 (وكانت keeps كانت, وبالتالي loses وب);
3. ب ك ل is a preposition before at least three more letters (بزيارة, لروسيا, للدفاع), or
   before two that make a pronoun or particle (بها, كما, لقد, بأن, بكل). Other two-letter
   stems are left alone (بحق, برد): too many short words begin with these letters (بل, لم).

The lexicon (resources/arabic/whole_words.txt) holds the words of the sample corpus whose first
letter is not a proclitic. A word outside it is cut by the rule alone, so a name or a noun that
the lexicon lacks (بلغراد, وسام) is cut wrongly until it is tagged or put in the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import cache

from annotator.arabic import ARTICLE, CONJUNCTIONS, LAM, PREPOSITIONS, fold_string
from annotator.resources import resource_path

WHOLE_WORDS_RESOURCE = "arabic/whole_words.txt"
MIN_LETTERS_AFTER_CONJUNCTION = 2
MIN_LETTERS_AFTER_PREPOSITION = 3
MIN_LETTERS_AFTER_ARTICLE = 3
SHORT_STEMS = frozenset({"ما", "من", "هو", "هي", "هم", "ها", "قد", "ذا", "لا", "ان", "كل"})
"""Two-letter words that take a preposition (بما, لمن, بها, لقد, لذا, كما, فلا, بأن, لأن, بكل)."""
PARTICLES = frozenset({"الي", "الا"})
"""إلى and إلا, which fold like an article and one letter (وإلى, فإلا)."""


@cache
def whole_words() -> frozenset[str]:
    """The folded words of the lexicon: they begin with و ف ب ل ك and keep that letter."""
    lines = resource_path(WHOLE_WORDS_RESOURCE).read_text(encoding="utf-8").splitlines()
    return frozenset(fold_string(line.strip()) for line in lines if line.strip() and not line.startswith("#"))


def _preposition(word: str, whole: Callable[[str], bool], known: Collection[str]) -> bool:
    if not word or word[0] not in PREPOSITIONS or whole(word):
        return False
    stem = word[1:]
    return len(stem) >= MIN_LETTERS_AFTER_PREPOSITION or stem in SHORT_STEMS or stem in known


def proclitic_letters(
    folded: str, known: Collection[str] = frozenset(), *, lexicon: Collection[str] | None = None
) -> int:
    """How many letters at the start of the folded word are proclitics: 0, 1 or 2 (the article
    not counted). ``known`` are folded words never to cut (module docstring); ``lexicon``
    replaces the whole-word lexicon (to measure the rule with another one)."""
    words = whole_words() if lexicon is None else lexicon

    def whole(word: str) -> bool:
        return word in known or word in words

    if whole(folded):
        return 0
    count = 0
    word = folded
    if word[:1] in tuple(CONJUNCTIONS) and len(word) > MIN_LETTERS_AFTER_CONJUNCTION:
        rest = word[1:]
        if rest.startswith(ARTICLE) and len(rest) - len(ARTICLE) < MIN_LETTERS_AFTER_ARTICLE and rest not in PARTICLES:
            return 0
        count, word = 1, rest
        if whole(word):
            return count
    if _preposition(word, whole, known):
        count += 1
    return count


def article_letters(folded: str, after: int) -> int:
    """Letters of the article right after the first ``after`` letters of the folded word: 2 for
    ال, 1 for the ل left of it after the preposition ل (للدفاع), 0 when there is none or fewer
    than three letters follow it."""
    rest = folded[after:]
    if after and folded[after - 1] == LAM and rest.startswith(LAM) and not rest.startswith(ARTICLE):
        length = 1
    elif rest.startswith(ARTICLE):
        length = len(ARTICLE)
    else:
        return 0
    return length if len(rest) - length >= MIN_LETTERS_AFTER_ARTICLE else 0
