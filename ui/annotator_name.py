"""The analyst's name: asked once (on the first-run welcome), remembered in the preferences."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLayout, QLineEdit, QVBoxLayout, QWidget

from annotator import identity, preferences
from ui.plain import plain_label

# The English source text; the dialog shows it in the interface language.
WELCOME = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "Welcome to Hashiya. You will annotate Arabic news articles: people, places and organisations, "
    "claims (who claims what, reported by whom, denied by whom) and treaty references.\n\n"
    "The five sample articles are open in your first project. Select words and press a label's key "
    "(p for a person, g for a country or city, c for a claim...); F1 lists every shortcut.\n\n"
    "Your name signs your annotations (your layer) and the edit log:",
)
# The same welcome for a project of its own (--db), which starts without documents.
WELCOME_EMPTY_PROJECT = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "Welcome to Hashiya. You will annotate Arabic news articles: people, places and organisations, "
    "claims (who claims what, reported by whom, denied by whom) and treaty references.\n\n"
    "This project has no documents yet: File > Import Texts (Ctrl+I) brings in .txt files or JSONL. "
    "Then select words and press a label's key (p for a person, g for a country or city, c for a claim...); "
    "F1 lists every shortcut.\n\n"
    "Your name signs your annotations (your layer) and the edit log:",
)
# The same welcome for a project of its own (--db) that already holds documents.
WELCOME_OWN_DOCUMENTS = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "Welcome to Hashiya. You will annotate Arabic news articles: people, places and organisations, "
    "claims (who claims what, reported by whom, denied by whom) and treaty references.\n\n"
    "This project's documents are listed beside the text: pick one, select words and press a label's key "
    "(p for a person, g for a country or city, c for a claim...); F1 lists every shortcut.\n\n"
    "Your name signs your annotations (your layer) and the edit log:",
)


class FirstProject(Enum):
    """What the project opened on the first run holds, for the welcome to say."""

    SAMPLE_CORPUS = "sample"
    EMPTY = "empty"
    OWN_DOCUMENTS = "documents"


WELCOMES = {
    FirstProject.SAMPLE_CORPUS: WELCOME,
    FirstProject.EMPTY: WELCOME_EMPTY_PROJECT,
    FirstProject.OWN_DOCUMENTS: WELCOME_OWN_DOCUMENTS,
}


def remembered_annotator() -> str | None:
    """The remembered layer of the analyst, if they have named themselves."""
    chosen = identity.stored_identity(preferences.load(preferences.default_path()))
    return chosen.layer if chosen is not None else None


class WelcomeDialog(QDialog):
    def __init__(
        self, suggestion: str, parent: QWidget | None = None, *, project: FirstProject = FirstProject.SAMPLE_CORPUS
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Hashiya"))
        welcome = WELCOMES[project]
        text = plain_label(QCoreApplication.translate("WelcomeDialog", str(welcome)))
        text.setWordWrap(True)
        self.name = QLineEdit(suggestion)
        self.name.selectAll()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(
            lambda value: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(value.strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        text.setMinimumWidth(500)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def _accept(self) -> None:
        if self.name.text().strip():
            self.accept()


def ask_annotator(
    suggestion: str, parent: QWidget | None = None, *, project: FirstProject = FirstProject.SAMPLE_CORPUS
) -> str | None:
    """Ask for the name once, on the first-run welcome; None if the analyst cancels."""
    dialog = WelcomeDialog(suggestion, parent, project=project)
    if not dialog.exec():
        return None
    return identity.remember(dialog.name.text(), preferences.default_path()).layer
