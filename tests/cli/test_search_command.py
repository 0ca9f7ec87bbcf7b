"""``hashiya search``: every spelling found by one query, offsets that slice the stored text."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.project import Project
from cli.search_command import search
from cli.terminal import BidiMode
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS, ROOT

PYONGYANG = ("بيونغ يانغ", "بيونج يانج", "بيونج يانغ")
KIM = ("كيم جونغ أون", "كيم جونج أون")
LAVROV = ("سيرغي لافروف", "سيرجي لافروف")
AMERICAN = ("الأمريكية", "الأمريكي", "الأميركي", "أمريكية", "أميركي")  # the whole words the corpus uses


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    opened = Project(SqliteRepository.open(tmp_path_factory.mktemp("db") / "p.hashiya"), "tester")
    opened.import_paths(sorted(CORPUS.glob("*.txt")))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def texts(project: Project) -> dict[str, str]:
    return {summary.id: project.document(summary.id).text for summary in project.documents()}


def run_json(project: Project, query: str, *, whole_word: bool = False, short_aliases: bool = False) -> dict[str, Any]:
    out = io.StringIO()
    assert search(project, query, True, whole_word, BidiMode.AUTO, out, short_aliases=short_aliases) == 0
    report: dict[str, Any] = json.loads(out.getvalue())
    return report


def corpus_count(texts: dict[str, str], phrase: str) -> int:
    return sum(text.count(phrase) for text in texts.values())


def assert_exact_slices(texts: dict[str, str], report: dict[str, Any]) -> None:
    assert report["hits"], "no hits"
    for hit in report["hits"]:
        text = texts[hit["doc_id"]]
        assert text[hit["start"] : hit["end"]] == hit["text"]
        assert text[hit["start"] - len(hit["left"]) : hit["start"]] == hit["left"]
        assert text[hit["end"] : hit["end"] + len(hit["right"])] == hit["right"]


@pytest.mark.parametrize("query", PYONGYANG)
def test_every_pyongyang_spelling_from_any_one(project: Project, texts: dict[str, str], query: str) -> None:
    report = run_json(project, query)
    expected = sum(corpus_count(texts, spelling) for spelling in PYONGYANG)
    assert expected == 34
    assert report["total"] == expected
    assert {hit["text"] for hit in report["hits"]} == set(PYONGYANG)
    assert sum(report["counts"].values()) == expected
    assert_exact_slices(texts, report)


def other_kims(texts: dict[str, str]) -> set[tuple[str, int]]:
    """Where the names of Kim Il Sung, Kim Jong Il and the researcher Kim Sung-bae begin."""
    starts = set()
    for doc_id, text in texts.items():
        for name in ("كيم إيل سونغ", "كيم جونغ إيل", "كيم سونغ-باي"):
            starts |= {(doc_id, match.start()) for match in re.finditer(name, text)}
    return starts


@pytest.mark.parametrize("query", LAVROV)
def test_every_lavrov_spelling_from_any_one(project: Project, texts: dict[str, str], query: str) -> None:
    report = run_json(project, query)
    found = [hit["text"] for hit in report["hits"]]
    for spelling in LAVROV:
        assert corpus_count(texts, spelling) > 0
        assert found.count(spelling) == corpus_count(texts, spelling)
    assert report["total"] == sum(corpus_count(texts, spelling) for spelling in LAVROV) == 3
    assert report["short_aliases"] is False
    assert_exact_slices(texts, report)


@pytest.mark.parametrize("query", LAVROV)
def test_the_bare_surname_lavrov_only_when_asked(project: Project, texts: dict[str, str], query: str) -> None:
    report = run_json(project, query, short_aliases=True)
    assert report["total"] == corpus_count(texts, "لافروف") == 7
    assert {hit["text"] for hit in report["hits"]} == {*LAVROV, "لافروف"}
    assert_exact_slices(texts, report)


@pytest.mark.parametrize("query", KIM)
def test_every_kim_jong_un_spelling_from_any_one(project: Project, texts: dict[str, str], query: str) -> None:
    report = run_json(project, query)
    found = [hit["text"] for hit in report["hits"]]
    for spelling in KIM:
        assert corpus_count(texts, spelling) > 0
        assert found.count(spelling) == corpus_count(texts, spelling)
    assert report["total"] == 8
    assert not {(hit["doc_id"], hit["start"]) for hit in report["hits"]} & other_kims(texts)
    assert_exact_slices(texts, report)


@pytest.mark.parametrize("query", KIM)
def test_kim_alone_is_found_only_when_asked_and_never_in_other_kims_names(
    project: Project, texts: dict[str, str], query: str
) -> None:
    report = run_json(project, query, short_aliases=True)
    starts = {(hit["doc_id"], hit["start"]) for hit in report["hits"]}
    kim_starts = {(doc_id, m.start()) for doc_id, text in texts.items() for m in re.finditer("كيم", text)}
    assert len(kim_starts) == 24 and len(other_kims(texts)) == 6
    assert starts == kim_starts - other_kims(texts)
    assert [hit["text"] for hit in report["hits"]].count("كيم") == 10
    assert_exact_slices(texts, report)


@pytest.mark.parametrize("query", ["الأمريكية", "الأميركي", "أمريكي"])
def test_every_american_spelling_from_any_one(project: Project, texts: dict[str, str], query: str) -> None:
    report = run_json(project, query, whole_word=True)
    found = {hit["text"] for hit in report["hits"]}
    for spelling in AMERICAN:
        assert corpus_count(texts, spelling) > 0, spelling
        assert spelling in found
    assert_exact_slices(texts, report)
    for hit in report["hits"]:
        after = texts[hit["doc_id"]][hit["end"] : hit["end"] + 1]
        assert not re.match(r"\w", after), "a whole-word hit ends inside a word"


def test_piped_output_is_logical_tab_separated_lines(project: Project, texts: dict[str, str]) -> None:
    out = io.StringIO()
    assert search(project, "بيونج يانج", False, False, BidiMode.AUTO, out) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 34
    for line in lines:
        doc_id, start, end, context = line.split("\t")
        hit = texts[doc_id][int(start) : int(end)]
        assert hit in PYONGYANG
        assert f"«{hit}»" in context


def test_a_terminal_gets_shaped_arabic_and_a_summary(project: Project) -> None:
    out = Terminal()
    assert search(project, "بيونج يانج", False, False, BidiMode.AUTO, out) == 0
    lines = out.getvalue().splitlines()
    assert lines[-1] == "34 hit(s) in 5 document(s)"
    shaped = "".join(lines[:-1])
    assert any("\ufe70" <= char <= "\ufeff" for char in shaped), "Arabic was not shaped for the terminal"
    logical = io.StringIO()
    search(project, "بيونج يانج", False, False, BidiMode.LOGICAL, logical)
    assert not any("\ufe70" <= char <= "\ufeff" for char in logical.getvalue())


def test_whole_word_leaves_proclitics_outside(project: Project, texts: dict[str, str]) -> None:
    report = run_json(project, "روسيا", whole_word=True)
    assert {hit["text"] for hit in report["hits"]} == {"روسيا", "روسيا الاتحادية"}
    after_lam = [hit for hit in report["hits"] if texts[hit["doc_id"]][hit["start"] - 1] == "ل"]
    assert after_lam, "no hit after the proclitic ل"


def test_empty_query_is_an_error(project: Project) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert search(project, "  ", False, False, BidiMode.AUTO, out, err) == 2
    assert "empty" in err.getvalue()
    assert out.getvalue() == ""


def test_no_hits_is_not_an_error(project: Project) -> None:
    report = run_json(project, "غير موجود إطلاقا")
    assert report["total"] == 0 and report["hits"] == [] and report["counts"] == {}


def test_an_empty_project_prints_nothing(tmp_path: Path) -> None:
    empty = Project(SqliteRepository.open(tmp_path / "empty.hashiya"), "tester")
    try:
        out = io.StringIO()
        assert search(empty, "روسيا", False, False, BidiMode.LOGICAL, out) == 0
        assert out.getvalue() == ""
    finally:
        empty.close()


def test_the_command_line_finds_kim_jong_un_and_no_other_kim(tmp_path: Path, texts: dict[str, str]) -> None:
    db = str(tmp_path / "p.hashiya")
    main = [sys.executable, str(ROOT / "main.py"), "--db", db]
    subprocess.run([*main, "import-texts", str(CORPUS)], check=True, capture_output=True, cwd=ROOT, timeout=120)
    result = subprocess.run(
        [*main, "search", "كيم جونج أون", "--json"], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["total"] == 8
    assert {hit["text"] for hit in report["hits"]} == set(KIM)
    assert_exact_slices(texts, report)
