"""What the analyst is told when the project refuses an edit, in the interface language.

The storage layer explains a refusal in English for logs and the command line; a conflict with
another window or program (the span was changed or deleted there first) is said here in words the
analyst reads, Arabic included.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.repository import EditConflictError, ProjectError


def refusal_text(error: ProjectError) -> str:
    if isinstance(error, EditConflictError):
        return QCoreApplication.translate(
            "Refusals",
            "Not saved: another window or program changed or deleted this first. "
            "Its change is shown in a moment; then make your edit again if it is still needed.",
        )
    return str(error)
