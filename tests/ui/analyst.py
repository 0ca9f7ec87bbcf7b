"""Drives the main window from the keyboard, as an analyst would, for the GUI tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow

NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Analyst:
    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.view = window.view

    @property
    def text(self) -> str:
        return self.view.stored_text

    def offsets_of(self, phrase: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(phrase, start + 1)
        return start, start + len(phrase)

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO, widget: QWidget | None = None) -> None:
        target = widget or QApplication.focusWidget() or self.view
        self.qtbot.keyClick(target, key, modifiers)

    def type(self, text: str, widget: QWidget | None = None) -> None:
        """Type ``text`` as a keyboard would, Arabic letters included (QTest only knows ASCII keys)."""
        self.type_into(self.qtbot, widget or QApplication.focusWidget() or self.view, text)

    @staticmethod
    def type_into(qtbot: QtBot, target: QWidget, text: str) -> None:
        for char in text:
            if char.isascii():
                qtbot.keyClicks(target, char)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, ord(char), Qt.KeyboardModifier.NoModifier, char))

    def caret(self) -> int:
        return self.view.offsets.to_offset(self.view.textCursor().position())

    def caret_to(self, offset: int) -> None:
        """Move the caret with the arrow keys only: in right-to-left text, Left goes forwards."""
        self.view.setFocus()
        self.press(Qt.Key.Key_Home, CTRL, self.view)
        while self.caret() < offset:
            before = self.caret()
            if offset - before > 12:
                self.press(Qt.Key.Key_Left, CTRL, self.view)
            else:
                self.press(Qt.Key.Key_Left, NO, self.view)
            if self.caret() == before:
                raise AssertionError(f"the caret is stuck at {before}")
        while self.caret() > offset:
            self.press(Qt.Key.Key_Right, NO, self.view)

    def select(self, phrase: str, nth: int = 0) -> tuple[int, int]:
        """Select ``phrase`` with the caret and Shift+Left, character by character."""
        start, end = self.offsets_of(phrase, nth)
        self.caret_to(start)
        while self.view.selected_offsets()[1] < end:
            self.press(Qt.Key.Key_Left, SHIFT, self.view)
        assert self.view.selected_offsets() == (start, end)
        return start, end

    def tag(self, phrase: str, key: str, nth: int = 0) -> str:
        """Select ``phrase``, press the label's key, and return the id of the span made."""
        self.select(phrase, nth)
        self.type(key, self.view)
        selected = self.window.annotations.selected
        assert selected is not None, f"no span was made for {phrase!r}"
        return selected.id

    def choose_span(self, span_id: str) -> None:
        """Tab through the spans until ``span_id`` is selected."""
        for _ in range(len(self.view.spans) + 1):
            selected = self.window.annotations.selected
            if selected is not None and selected.id == span_id:
                return
            self.press(Qt.Key.Key_Tab, NO, self.view)
        raise AssertionError(f"Tab never reached span {span_id}")

    def relate(self, key: str, tail_id: str) -> None:
        """With the head selected: press the relation key, Tab to the tail, Enter."""
        self.type(key, self.view)
        pick = self.window.annotations.pick
        assert pick is not None, "the relation key did not start picking"
        for _ in range(len(pick.candidates) + 1):
            if pick.current is not None and pick.current.id == tail_id:
                self.press(Qt.Key.Key_Return, NO, self.view)
                return
            self.press(Qt.Key.Key_Tab, NO, self.view)
        raise AssertionError(f"Tab never reached span {tail_id}")
