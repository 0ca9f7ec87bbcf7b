"""The keyboard focus belongs to the text: a label's key must tag, not type into a side panel.

At start-up the text view has the focus (not the first field of the docks, "Filter annotations"),
and Esc anywhere in a side panel that did not use the key itself returns to the text, as the
README promises: after F2 and a few Tabs through the attributes, the next key tags again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


class EscapeToText(QObject):
    """Watches the window's docks for an Esc their widgets left unused, and gives the text the focus."""

    def __init__(self, window: QMainWindow, text: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.text = text
        for dock in window.findChildren(QDockWidget):
            self.watch(dock)

    def watch(self, dock: QDockWidget) -> None:
        dock.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return super().eventFilter(watched, event)


def give_text_the_focus(window: QMainWindow, text: QWidget) -> EscapeToText:
    """Call once the docks are built: the text has the focus when the window is first shown."""
    text.setFocus(Qt.FocusReason.OtherFocusReason)
    return EscapeToText(window, text)


def back_to_text(window: QMainWindow, text: QWidget) -> None:
    """After a dialog or message closes: the main window active again, the focus in its text."""
    window.activateWindow()
    window.raise_()
    text.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
