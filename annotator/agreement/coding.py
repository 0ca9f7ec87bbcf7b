"""Chance-corrected agreement on coded items: Cohen's kappa, Scott's pi, Bennett's S,
Fleiss' kappa and Krippendorff's alpha (nominal, with missing values).

Conventions: ``agreement = (observed - expected) / (1 - expected)`` and
``alpha = 1 - observed_disagreement / expected_disagreement``; a value is None where its
denominator is zero (for example every coder used one and the same category).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

Units = Mapping[tuple[Hashable | None, ...], int]
"""Coded units: each distinct tuple of values (one per coder) and how many units carry it,
in the order the tuples were first seen (``Counter(zip(*values_by_coder))``). Units of several
sets (documents, say) pool by adding their mappings in order (``Counter.update``)."""


class CodingAgreement(NamedTuple):
    observed: float
    expected: float
    value: float | None
    items: int


class AlphaAgreement(NamedTuple):
    observed_disagreement: float
    expected_disagreement: float
    value: float | None
    pairable_values: int
    """Values in units coded by at least two coders, the ``n`` of Krippendorff's formula."""


def _chance_corrected(observed: float, expected: float, items: int) -> CodingAgreement:
    value = None if expected >= 1.0 else (observed - expected) / (1.0 - expected)
    return CodingAgreement(observed, expected, value, items)


def _check_table(table: Sequence[Sequence[int]]) -> int:
    size = len(table)
    if any(len(row) != size for row in table):
        raise ValueError("a contingency table must be square, one row and one column per category")
    total = sum(map(sum, table))
    if total <= 0:
        raise ValueError("a contingency table needs at least one item")
    return total


def _table(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[list[int]]:
    if len(a) != len(b):
        raise ValueError(f"the two coders rated {len(a)} and {len(b)} items")
    categories = {value: index for index, value in enumerate(dict.fromkeys([*a, *b]))}
    table = [[0] * len(categories) for _ in categories]
    for x, y in zip(a, b, strict=True):
        table[categories[x]][categories[y]] += 1
    return table


def cohen_kappa_from_table(table: Sequence[Sequence[int]]) -> CodingAgreement:
    """Cohen's kappa from a square table: rows coder A's categories, columns coder B's."""
    total = _check_table(table)
    observed = sum(table[i][i] for i in range(len(table))) / total
    rows = [sum(row) for row in table]
    columns = [sum(column) for column in zip(*table, strict=True)]
    expected = sum(r * c for r, c in zip(rows, columns, strict=True)) / (total * total)
    return _chance_corrected(observed, expected, total)


def scott_pi_from_table(table: Sequence[Sequence[int]]) -> CodingAgreement:
    """Scott's pi (one category distribution pooled over both coders) from a square table."""
    total = _check_table(table)
    observed = sum(table[i][i] for i in range(len(table))) / total
    pooled = [sum(row) + sum(column) for row, column in zip(table, zip(*table, strict=True), strict=True)]
    expected = sum(p * p for p in pooled) / (4 * total * total)
    return _chance_corrected(observed, expected, total)


def bennett_s_from_table(table: Sequence[Sequence[int]]) -> CodingAgreement:
    """Bennett, Alpert and Goldstein's S (uniform chance over the table's categories)."""
    total = _check_table(table)
    observed = sum(table[i][i] for i in range(len(table))) / total
    return _chance_corrected(observed, 1.0 / len(table), total)


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> CodingAgreement:
    """Cohen's kappa of two coders; ``a[i]`` and ``b[i]`` are their categories for item i."""
    return cohen_kappa_from_table(_table(a, b))


def scott_pi(a: Sequence[Hashable], b: Sequence[Hashable]) -> CodingAgreement:
    """Scott's pi of two coders; ``a[i]`` and ``b[i]`` are their categories for item i."""
    return scott_pi_from_table(_table(a, b))


def fleiss_kappa_from_counts(counts: Sequence[Sequence[int]]) -> CodingAgreement:
    """Fleiss' kappa from ``counts[item][category]``: how many raters chose the category.

    Every item must have the same number (at least two) of ratings.
    """
    if not counts:
        raise ValueError("Fleiss' kappa needs at least one item")
    raters = sum(counts[0])
    if raters < 2 or any(sum(row) != raters for row in counts):
        raise ValueError("Fleiss' kappa needs the same number (at least two) of ratings for every item")
    items = len(counts)
    observed = sum(sum(n * n for n in row) - raters for row in counts) / (items * raters * (raters - 1))
    totals = [sum(column) for column in zip(*counts, strict=True)]
    expected = sum(t * t for t in totals) / (items * raters) ** 2
    return _chance_corrected(observed, expected, items)


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]]) -> CodingAgreement:
    """Fleiss' kappa from ``ratings[item]``: the categories the item's raters chose."""
    return fleiss_kappa_from_units(Counter(tuple(row) for row in ratings))


@lru_cache(maxsize=4096)
def _categories(unit: tuple[Hashable | None, ...]) -> tuple[tuple[tuple[Hashable | None, int], ...], int]:
    """How many raters of ``unit`` chose each category, and the sum of those counts squared (per distinct unit)."""
    found = Counter(unit)
    return tuple(found.items()), sum(n * n for n in found.values())


def fleiss_kappa_from_units(units: Units) -> CodingAgreement:
    """Fleiss' kappa of coded units, each tuple holding the categories its raters chose.

    The same as ``fleiss_kappa_from_counts`` over one row per unit, computed once per distinct unit.
    """
    coded = [(unit, repeats) for unit, repeats in units.items() if repeats > 0]
    if not coded:
        raise ValueError("Fleiss' kappa needs at least one item")
    raters = len(coded[0][0])
    if raters < 2 or any(len(unit) != raters for unit, _repeats in coded):
        raise ValueError("Fleiss' kappa needs the same number (at least two) of ratings for every item")
    items = agreeing = 0
    totals: Counter[Hashable | None] = Counter()
    for unit, repeats in coded:
        found, squares = _categories(unit)
        items += repeats
        agreeing += repeats * (squares - raters)
        for category, n in found:
            totals[category] += repeats * n
    observed = agreeing / (items * raters * (raters - 1))
    expected = sum(t * t for t in totals.values()) / (items * raters) ** 2
    return _chance_corrected(observed, expected, items)


def cohen_kappa_from_units(units: Units) -> CodingAgreement:
    """Cohen's kappa of coded units of two coders, each tuple holding (coder A's, coder B's) category."""
    if any(len(unit) != 2 for unit in units):
        raise ValueError("Cohen's kappa needs exactly two coders")
    categories = {value: index for index, value in enumerate(dict.fromkeys(value for unit in units for value in unit))}
    table = [[0] * len(categories) for _ in categories]
    for (a, b), repeats in units.items():
        table[categories[a]][categories[b]] += repeats
    return cohen_kappa_from_table(table)


def krippendorff_alpha_nominal(values_by_coder: Sequence[Sequence[Hashable | None]]) -> AlphaAgreement:
    """Krippendorff's alpha for nominal data; ``values_by_coder[c][u]`` is coder c's value
    for unit u, None where the coder gave none. Units with fewer than two values are dropped.
    """
    if not values_by_coder:
        raise ValueError("alpha needs at least one coder")
    width = len(values_by_coder[0])
    if any(len(row) != width for row in values_by_coder):
        raise ValueError("every coder needs one entry (or None) per unit")
    return krippendorff_alpha_from_units(Counter(zip(*values_by_coder, strict=True)))


@lru_cache(maxsize=4096)
def _pairable(unit: tuple[Hashable | None, ...]) -> tuple[tuple[tuple[Hashable, int], ...], int, int]:
    """How often each value occurs in ``unit``, how many values it has, and its pairs of differing values.

    Kept per distinct unit: the documents of a corpus repeat the same few tuples of labels."""
    found = Counter(value for value in unit if value is not None)
    size = sum(found.values())
    return tuple(found.items()), size, sum(n * (size - n) for n in found.values())


def krippendorff_alpha_from_units(units: Units) -> AlphaAgreement:
    """Krippendorff's alpha for nominal data from coded units (None where a coder gave no value)."""
    totals: Counter[Hashable] = Counter()
    disagreeing = 0.0
    # Units with the same values disagree alike: handle each distinct unit once.
    for unit, repeats in units.items():
        found, size, pairs = _pairable(unit)
        if size < 2:
            continue
        for value, count in found:
            totals[value] += count * repeats
        disagreeing += repeats * pairs / (size - 1)
    n = sum(totals.values())
    if n == 0:
        return AlphaAgreement(0.0, 0.0, None, 0)
    observed = disagreeing / n
    expected = (n * n - sum(c * c for c in totals.values())) / (n * (n - 1))
    value = None if expected == 0 else 1.0 - observed / expected
    return AlphaAgreement(observed, expected, value, n)
