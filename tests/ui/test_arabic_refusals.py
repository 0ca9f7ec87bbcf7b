"""In the Arabic interface, what the project file refuses is said in Arabic, with its path as it is."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import InvalidEditError, Project
from annotator.repository import ProjectError
from annotator.resource_merge import MergeConflict, merge_schemas
from annotator.schema import load_default_schema
from storage.database import ProjectFilesChanged
from storage.file_guard import ProjectFiles, Trouble
from storage.project_path import project_path_state
from storage.sqlite_repository import SqliteRepository
from tests.conftest import CORPUS
from tests.ui.analyst import Analyst
from tests.ui.test_annotating import LAVROV, document_row, open_window
from ui.refusals import error_text
from ui.rtl import isolated

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def latin_words_beside(text: str, *kept: object) -> list[str]:
    for value in kept:
        text = text.replace(str(value), "")
    return LATIN_WORD.findall(text)


def test_an_edit_refused_because_the_folder_went_is_said_in_arabic(
    arabic: None, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "work" / "p.hashiya"
    path.parent.mkdir()
    project = Project(SqliteRepository.open(path), "tester")
    project.import_paths([CORPUS / f"{LAVROV}.txt"])
    shown: list[tuple[str, str]] = []

    def record(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    window = open_window(qtbot, project)
    window.select_row(document_row(window, LAVROV))
    window.view.setFocus()
    analyst = Analyst(qtbot, window)
    analyst.tag("سيرغي لافروف", "p")
    assert shown == []
    shutil.rmtree(path.parent)
    analyst.select("روسيا")
    analyst.type("g", window.view)

    [(title, text)] = shown
    assert title == "لم يُنفَّذ"
    # The path is set apart as a left-to-right run: its leading slash stays at its start.
    assert text.startswith(f"حُذف المجلد الذي يحوي {isolated(str(path.absolute()))} أو نُقل أو استُبدل والمشروع مفتوح")
    assert "(ملف > حفظ نسخة)" in text
    assert latin_words_beside(text, path.absolute()) == []
    project.close()


def test_a_sentence_made_of_sentences_is_said_in_arabic_and_in_english_for_the_command_line(
    arabic: None, tmp_path: Path
) -> None:
    fifo = tmp_path / "p.hashiya"
    os.mkfifo(fifo)
    with pytest.raises(ProjectError) as refused:
        project_path_state(fifo)
    assert str(refused.value) == f"{fifo} is a named pipe (FIFO), not a project file; it was left alone."
    assert error_text(refused.value) == f"{isolated(str(fifo))} أنبوب مسمّى (FIFO)، وليس ملف مشروع؛ تُرك كما هو."

    lost = tmp_path / "gone.hashiya"
    lost.write_bytes(b"")
    files = ProjectFiles(lost)
    lost.unlink()
    problem = files.problem()
    assert problem is not None and problem.trouble is Trouble.FILE_GONE
    changed = ProjectFilesChanged(problem, reopened=True)
    assert str(changed).endswith("The project was opened again from its file: make the change once more.")
    said = error_text(changed)
    assert said.startswith(f"حذف برنامج آخر {isolated(str(lost.absolute()))} أو نقله أو استبدله وهو مفتوح هنا")
    assert said.endswith("أُعيد فتح المشروع من ملفه: أجرِ التغيير مرة أخرى.")
    assert latin_words_beside(said, lost.absolute()) == []


def test_an_error_without_a_said_sentence_is_shown_as_it_is(arabic: None) -> None:
    assert error_text(ProjectError("a sentence {with} braces")) == "a sentence {with} braces"
    assert error_text(ValueError("not a project error")) == "not a project error"


def test_the_english_interface_shows_the_sentence_the_command_line_prints(tmp_path: Path) -> None:
    fifo = tmp_path / "p.hashiya"
    os.mkfifo(fifo)
    with pytest.raises(ProjectError) as refused:
        project_path_state(fifo)
    assert error_text(refused.value) == str(refused.value)


def test_edits_the_schema_or_the_text_refuses_are_said_in_arabic(arabic: None, tmp_path: Path) -> None:
    project = Project(SqliteRepository.open(tmp_path / "p.hashiya"), "tester")
    project.import_paths([CORPUS / f"{LAVROV}.txt"])
    [document] = project.documents()
    with pytest.raises(InvalidEditError) as refused:
        project.add_span(document.id, 0, 4, "NOPE")
    assert str(refused.value) == "the schema has no label 'NOPE'"
    assert error_text(refused.value) == f"لا وسم {isolated(repr('NOPE'))} في مخطط التوسيم"
    added = project.add_span(document.id, 0, 4, "PER")
    project.apply(added)
    span = added.span
    with pytest.raises(InvalidEditError) as itself:
        project.add_relation("CLAIMANT", span, span)
    assert error_text(itself.value) == "لا يمكن ربط مقطع بنفسه"
    project.close()


def test_a_change_another_window_made_first_is_said_in_arabic_with_what_it_changed(arabic: None) -> None:
    base = load_default_schema()
    label = base.labels[0]
    mine = replace(base, labels=(replace(label, colour="#111111"), *base.labels[1:]))
    theirs = replace(base, labels=(replace(label, colour="#222222"), *base.labels[1:]))
    with pytest.raises(MergeConflict) as conflict:
        merge_schemas(base, mine, theirs)
    assert str(conflict.value).startswith(f"another window changed the label(s) {label.name!r} at the same time")
    names = isolated(repr(label.name))
    assert error_text(conflict.value) == (
        f"غيّرت نافذة أخرى الوسوم {names} في الوقت نفسه؛ فلم يُحفظ شيء. افتح المشروع من جديد لترى تغييرها، ثم أجرِ تغييرك."
    )
