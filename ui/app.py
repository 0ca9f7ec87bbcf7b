"""The QApplication, set up once: names for QSettings, bundled fonts, interface font."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from ui.file_dialog_names import keep_file_names_in_order
from ui.fonts import interface_font, register_fonts
from ui.shortcut_text import ShortcutTextStyle

ORGANIZATION = "Hashiya"
APPLICATION = "Hashiya"


# Said by the offscreen platform for every top-level window; it means nothing to a user.
_IGNORED_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)


def _qt_message(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message in _IGNORED_QT_MESSAGES:
        return
    print(message, file=sys.stderr)


def application() -> QApplication:
    """The process's QApplication, created on first call."""
    existing = QCoreApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    qInstallMessageHandler(_qt_message)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    register_fonts()
    app.setFont(interface_font())
    keep_file_names_in_order(app)
    if not isinstance(app.style(), ShortcutTextStyle):
        app.setStyle(ShortcutTextStyle())
    return app


def save_screenshot(widget: QWidget, path: Path) -> Path:
    """Render ``widget`` (shown offscreen if need be) into a PNG at ``path``."""
    if not widget.isVisible():
        widget.show()
    QApplication.processEvents()
    path = path.expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write the screenshot to {path}")
    return path
