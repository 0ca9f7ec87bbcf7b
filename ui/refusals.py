"""What the analyst is told when the project refuses something, in the interface language.

The storage layer keeps each sentence as an English template and its values (``annotator.said``):
the command line and the logs print it in English, and here the template is looked up in the
interface's catalogue and filled with the same values. A conflict with another window or program
(the span was changed or deleted there first) is said in words of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from annotator.repository import EditConflictError, ProjectError
from annotator.said import CONTEXT, Said, SaidError
from ui.rtl import isolated


def said_text(said: Said) -> str:
    """``said`` in the interface language; a template the catalogue lacks stays English.

    In a right-to-left interface each value (a path, a system error, a span's text) is set apart
    as a paragraph of its own direction, so that a path's leading slash stays at its start.
    """
    rtl = QGuiApplication.isRightToLeft()
    values = {
        name: said_text(value) if isinstance(value, Said) else isolated(value) if rtl else value
        for name, value in said.values
    }
    return QCoreApplication.translate(CONTEXT, said.template).format_map(values)


def error_text(error: BaseException) -> str:
    """What an error says, in the interface language when it was raised with a ``Said``."""
    if isinstance(error, SaidError) and error.said is not None:
        return said_text(error.said)
    return str(error)


def refusal_text(error: ProjectError) -> str:
    if isinstance(error, EditConflictError):
        return QCoreApplication.translate(
            "Refusals",
            "Not saved: another window or program changed or deleted this first. "
            "Its change is shown in a moment; then make your edit again if it is still needed.",
        )
    return error_text(error)
