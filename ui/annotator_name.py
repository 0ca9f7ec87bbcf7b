"""The analyst's name: asked once, remembered, and used as the name of their layer."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

SETTINGS_KEY = "annotator/name"


def remembered_annotator() -> str | None:
    value = QSettings().value(SETTINGS_KEY)
    return value.strip() if isinstance(value, str) and value.strip() else None


def remember_annotator(name: str) -> None:
    QSettings().setValue(SETTINGS_KEY, name)


def ask_annotator(suggestion: str, parent: QWidget | None = None) -> str | None:
    """Ask for the name once; None if the analyst cancels."""
    while True:
        name, accepted = QInputDialog.getText(
            parent,
            "Welcome to Hashiya",
            "Your name, as your annotations will be signed (your layer):",
            QLineEdit.EchoMode.Normal,
            suggestion,
        )
        if not accepted:
            return None
        if name.strip():
            remember_annotator(name.strip())
            return name.strip()
