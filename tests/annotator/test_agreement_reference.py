"""Cross-checks of the coding measures against nltk and krippendorff on random data."""

from __future__ import annotations

import math
import warnings

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotator.agreement import cohen_kappa, fleiss_kappa, krippendorff_alpha_nominal, scott_pi

agreement = pytest.importorskip("nltk.metrics.agreement")
krippendorff = pytest.importorskip("krippendorff")

codes = st.sampled_from(["p", "q", "r", "s"])

pairs_of_codings = st.integers(min_value=2, max_value=40).flatmap(
    lambda n: st.tuples(st.lists(codes, min_size=n, max_size=n), st.lists(codes, min_size=n, max_size=n))
)


@settings(max_examples=200, deadline=None)
@given(pairs_of_codings)
def test_two_coders_against_nltk(pair: tuple[list[str], list[str]]) -> None:
    a, b = pair
    task = agreement.AnnotationTask(
        data=[("A", i, x) for i, x in enumerate(a)] + [("B", i, y) for i, y in enumerate(b)]
    )
    ours = cohen_kappa(a, b)
    assert cohen_kappa(b, a).value == ours.value
    assume(ours.value is not None)
    assert ours.value == pytest.approx(task.kappa())
    assert scott_pi(a, b).value == pytest.approx(task.pi())
    assert krippendorff_alpha_nominal([a, b]).value == pytest.approx(task.alpha())


rater_tables = st.integers(min_value=3, max_value=5).flatmap(
    lambda raters: st.lists(st.lists(codes, min_size=raters, max_size=raters), min_size=2, max_size=30)
)


@settings(max_examples=200, deadline=None)
@given(rater_tables)
def test_fleiss_against_nltk_multi_pi_and_alpha(table: list[list[str]]) -> None:
    task = agreement.AnnotationTask(
        data=[(f"c{coder}", item, value) for item, row in enumerate(table) for coder, value in enumerate(row)]
    )
    ours = fleiss_kappa(table)
    assume(ours.value is not None)
    # Fleiss' kappa is Scott's pi generalised to many raters, nltk's (multi-)pi.
    assert ours.value == pytest.approx(task.pi())
    by_coder = [list(column) for column in zip(*table, strict=True)]
    assert krippendorff_alpha_nominal(by_coder).value == pytest.approx(task.alpha())


missing_tables = st.integers(min_value=2, max_value=5).flatmap(
    lambda coders: st.integers(min_value=2, max_value=25).flatmap(
        lambda units: st.lists(
            st.lists(st.one_of(st.none(), st.integers(min_value=1, max_value=4)), min_size=units, max_size=units),
            min_size=coders,
            max_size=coders,
        )
    )
)


@settings(max_examples=300, deadline=None)
@given(missing_tables)
def test_alpha_with_missing_values_against_krippendorff(table: list[list[int | None]]) -> None:
    ours = krippendorff_alpha_nominal(table)
    assume(ours.value is not None)
    data = [[math.nan if v is None else float(v) for v in row] for row in table]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert ours.value == pytest.approx(theirs)
