"""The agreement measures against published worked examples (shared/reference/AGREEMENT_EXAMPLES.md)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from annotator.agreement import (
    bennett_s_from_table,
    cohen_kappa,
    cohen_kappa_from_table,
    fleiss_kappa,
    krippendorff_alpha_nominal,
    scott_pi,
    scott_pi_from_table,
    unit_distance,
    unitizing_alpha,
)


def _table_to_pairs(table: list[list[int]]) -> tuple[list[int], list[int]]:
    a: list[int] = []
    b: list[int] = []
    for row, counts in enumerate(table):
        for column, count in enumerate(counts):
            a.extend([row] * count)
            b.extend([column] * count)
    return a, b


# Krippendorff's reliability data: 4 coders x 12 units, None where a coder gave no value.
KRIPPENDORFF_4X12 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, None],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


def test_krippendorff_alpha_nominal_four_coders() -> None:
    result = krippendorff_alpha_nominal(KRIPPENDORFF_4X12)
    assert result.value == pytest.approx(0.743421, abs=1e-6)
    # Unit 12 has a single value and is not pairable.
    assert result.pairable_values == 40


# Artstein and Poesio (2008): rows coder A, columns coder B.
AP_EXAMPLE_1 = [[20, 10], [20, 50]]  # STAT, IReq
AP_EXAMPLE_2 = [[46, 0, 0], [6, 32, 6], [0, 0, 10]]  # STAT, IReq, Chck


def test_artstein_poesio_example_1() -> None:
    kappa = cohen_kappa_from_table(AP_EXAMPLE_1)
    assert kappa.observed == pytest.approx(0.70)
    assert kappa.value == pytest.approx(0.348, abs=5e-4)
    pi = scott_pi_from_table(AP_EXAMPLE_1)
    assert pi.value == pytest.approx(0.341, abs=5e-4)
    assert bennett_s_from_table(AP_EXAMPLE_1).value == pytest.approx(0.40)


def test_artstein_poesio_example_2() -> None:
    kappa = cohen_kappa_from_table(AP_EXAMPLE_2)
    assert kappa.observed == pytest.approx(0.88)
    assert kappa.value == pytest.approx(0.8013, abs=5e-5)
    assert scott_pi_from_table(AP_EXAMPLE_2).value == pytest.approx(0.7995, abs=5e-5)
    assert bennett_s_from_table(AP_EXAMPLE_2).value == pytest.approx(0.82)
    a, b = _table_to_pairs(AP_EXAMPLE_2)
    alpha = krippendorff_alpha_nominal([a, b])
    assert alpha.value == pytest.approx(0.8005, abs=5e-5)
    # The same figures from item-level data.
    assert cohen_kappa(a, b).value == pytest.approx(0.8013, abs=5e-5)
    assert scott_pi(a, b).value == pytest.approx(0.7995, abs=5e-5)


def test_cohen_1960_example() -> None:
    kappa = cohen_kappa_from_table([[88, 14, 18], [10, 40, 10], [2, 6, 12]])
    assert kappa.observed == pytest.approx(0.70)
    assert kappa.expected == pytest.approx(0.41)
    assert kappa.value == pytest.approx(0.492, abs=5e-4)


# Fleiss (1971: 379): 30 patients, 6 psychiatrists' diagnoses each (categories 1-5).
FLEISS_1971 = [
    [4, 4, 4, 4, 4, 4],
    [2, 2, 2, 5, 5, 5],
    [2, 3, 3, 3, 3, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3],
    [3, 3, 3, 3, 5, 5],
    [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4],
    [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4],
    [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3],
    [1, 4, 4, 4, 4, 4],
    [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5],
    [1, 1, 1, 1, 1, 2],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 4, 4, 4, 4, 4],
    [2, 2, 4, 5, 5, 5],
    [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4],
    [1, 1, 1, 1, 5, 5],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3],
    [5, 5, 5, 5, 5, 5],
]


def test_fleiss_1971() -> None:
    # The transcription of the table: how often each category was chosen.
    assert [sum(row.count(c) for row in FLEISS_1971) for c in range(1, 6)] == [26, 26, 30, 55, 43]
    kappa = fleiss_kappa(FLEISS_1971)
    assert kappa.items == 30
    assert kappa.observed == pytest.approx(0.5556, abs=5e-5)
    # Fleiss squares proportions rounded to three places (0.144, 0.144, 0.167, 0.306, 0.239),
    # which gives 0.2201; unrounded it is 7126 / 32400 = 0.21994.
    assert kappa.expected == pytest.approx(0.2201, abs=1e-3)
    assert kappa.expected == pytest.approx(7126 / 32400)
    assert kappa.value == pytest.approx(0.4302445, abs=1e-7)


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    label: str


def _unit(start: int, length: int, label: str) -> Unit:
    return Unit(start, start + length, label)


# Krippendorff (2004: 254): continuum [150, 450), units as (start, length, category).
OBSERVER_0 = [_unit(225, 70, "c"), _unit(370, 30, "c"), _unit(180, 60, "k"), _unit(300, 50, "k")]
OBSERVER_1 = [_unit(220, 80, "c"), _unit(355, 20, "c"), _unit(400, 20, "c"), _unit(180, 60, "k"), _unit(300, 50, "k")]


def test_krippendorff_2004_unit_distances() -> None:
    assert unit_distance((225, 295, True), (220, 300, True)) == 50
    assert unit_distance((370, 400, True), (355, 375, True)) == 850
    # A unit inside the other observer's gap, and a gap overlapping a unit only in part.
    assert unit_distance((400, 450, False), (400, 420, True)) == 400
    assert unit_distance((375, 400, False), (370, 400, True)) == 0


def test_krippendorff_2004_unitizing_alpha() -> None:
    result = unitizing_alpha([OBSERVER_0, OBSERVER_1], 150, 450)
    c = result.categories["c"]
    assert c.observed_disagreement == pytest.approx(0.0144, abs=5e-5)
    assert c.expected_disagreement == pytest.approx(0.0532, abs=5e-5)
    assert c.value == pytest.approx(0.7286, abs=5e-5)
    k = result.categories["k"]
    assert k.observed_disagreement == 0
    assert k.expected_disagreement == pytest.approx(0.0490, abs=5e-5)
    assert k.value == pytest.approx(1.0)
    # 0.8591 is 1 - 0.0144 / (0.0532 + 0.0490), from the rounded disagreements; unrounded the
    # same formula gives 0.8587, within the tolerance DKPro Agreement also applies.
    assert result.value == pytest.approx(0.8591, abs=5e-4)
    rounded = 1 - round(c.observed_disagreement, 4) / (
        round(c.expected_disagreement, 4) + round(k.expected_disagreement, 4)
    )
    assert rounded == pytest.approx(0.8591, abs=5e-5)


def test_unitizing_alpha_is_independent_of_unit_order() -> None:
    forwards = unitizing_alpha([OBSERVER_0, OBSERVER_1], 150, 450)
    backwards = unitizing_alpha([OBSERVER_0[::-1], OBSERVER_1[::-1]], 150, 450)
    swapped = unitizing_alpha([OBSERVER_1, OBSERVER_0], 150, 450)
    assert forwards.value == backwards.value == pytest.approx(swapped.value or 0.0)
