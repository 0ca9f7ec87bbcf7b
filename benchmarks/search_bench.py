"""Timings of folded search and suggestions on generated corpora built from the sample articles.

Run: python benchmarks/search_bench.py [--docs N] [--seed S]
Prints the best of several runs for each figure (DESIGN.md section 10: benchmarks, not tests).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable

from annotator.arabic import fold
from annotator.resources import sample_corpus_files
from annotator.search import SearchIndex, SearchResult
from annotator.suggest import Suggester, Surface
from annotator.text import decode_document

QUERIES = [
    ("روسيا", True),
    ("بيونغ يانغ", False),
    ("كيم جونج أون", False),
    ("الأمريكية", True),
    ("اتفاقية الشراكة الاستراتيجية", False),
    ("غير موجود إطلاقا", False),
]
ALIASES = [["الأمريكية", "الأميركية"], ["بيونغ يانغ", "بيونج يانج", "بيونج يانغ"]]


def best_of(runs: int, action: Callable[[], object]) -> tuple[float, object]:
    best = float("inf")
    result: object = None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - started)
    return best * 1000, result


def paragraphs() -> list[str]:
    found: list[str] = []
    for path in sample_corpus_files():
        text = decode_document(path.read_bytes())
        found.extend(part for part in text.split("\n") if part.strip())
    return found


def make_document(rng: random.Random, pool: list[str], target: int) -> str:
    parts: list[str] = []
    size = 0
    while size < target:
        part = rng.choice(pool)
        parts.append(part)
        size += len(part) + 2
    return "\n\n".join(parts)


def surfaces(pool: list[str], count: int) -> list[Surface]:
    """Multi-word phrases of the corpus (two or three words) standing in for registry aliases."""
    rng = random.Random(7)
    chosen: set[str] = {"روسيا", "كوريا الشمالية", "بيونغ يانغ", "فلاديمير بوتين", "الولايات المتحدة", "لافروف"}
    while len(chosen) < count:
        words = re.findall(r"\w+", rng.choice(pool))
        if len(words) >= 3:
            at = rng.randrange(len(words) - 2)
            chosen.add(" ".join(words[at : at + rng.choice((1, 2, 3))]))
    return [Surface(text, "ENT", None, "registry") for text in sorted(chosen)]


def registry_like(found: list[Surface], count: int) -> list[Surface]:
    """A few surfaces that occur in the corpus and many invented two-word names that do not."""
    rng = random.Random(11)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    invented = {
        " ".join("".join(rng.choice(letters) for _ in range(rng.randint(3, 7))) for _ in range(2))
        for _ in range(count - len(found))
    }
    return found + [Surface(text, "PER") for text in sorted(invented)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--surfaces", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = paragraphs()

    documents = {f"doc{i:05d}": make_document(rng, pool, rng.randint(5_000, 20_000)) for i in range(args.docs)}
    total_chars = sum(len(text) for text in documents.values())
    print(f"corpus: {len(documents)} documents, {total_chars / 1e6:.1f} M characters")

    index = SearchIndex()
    started = time.perf_counter()
    for doc_id, text in documents.items():
        index.add(doc_id, text)
    print(f"indexing: {(time.perf_counter() - started) * 1000:.0f} ms")
    _, _ = best_of(1, lambda: index.add("extra", make_document(rng, pool, 12_000)))
    elapsed, _ = best_of(3, lambda: index.add("extra", make_document(random.Random(3), pool, 12_000)))
    print(f"adding one 12k document: {elapsed:.1f} ms")

    for query, whole_word in QUERIES:
        for limit in (None, 1000):

            def run(q: str = query, w: bool = whole_word, n: int | None = limit) -> SearchResult:
                return index.search(q, whole_word=w, alias_groups=ALIASES, limit=n)

            elapsed, result = best_of(5, run)
            assert isinstance(result, SearchResult)
            print(
                f"search {query!r} whole_word={whole_word} limit={limit}: {elapsed:.1f} ms,"
                f" {result.total} hits in {len(result.counts)} documents, {len(result.hits)} built"
            )

    big = make_document(rng, pool, 1_000_000)[:1_000_000]
    listed = surfaces(pool, args.surfaces)
    compile_ms, suggester = best_of(3, lambda: Suggester(listed))
    assert isinstance(suggester, Suggester)
    fold_ms, _ = best_of(5, lambda: fold(big))
    suggest_ms, found = best_of(5, lambda: suggester.suggest(big))
    count = len(found) if isinstance(found, list) else 0
    print(f"fold 1 MB: {fold_ms:.1f} ms")
    print(f"suggestions on 1 MB with {len(listed)} surfaces: {suggest_ms:.1f} ms (fold included), {count} suggestions")
    print(f"compiling {len(listed)} surfaces: {compile_ms:.1f} ms")

    registry = registry_like(listed[:6], args.surfaces)
    sparse = Suggester(registry)
    suggest_ms, found = best_of(5, lambda: sparse.suggest(big))
    count = len(found) if isinstance(found, list) else 0
    print(f"suggestions on 1 MB with {len(registry)} registry-like names: {suggest_ms:.1f} ms, {count} suggestions")


if __name__ == "__main__":
    main()
