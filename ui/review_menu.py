"""The Review menu of the main window; the review window itself is made when it is first opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.model import GOLD
from ui.annotation_controller import AnnotationController
from ui.shell import Shell

if TYPE_CHECKING:
    from ui.review_window import ReviewWindow


class ReviewInstaller(QObject):
    """The "Review…" entry of a main window and the review window it opens."""

    def __init__(self, shell: Shell, annotations: AnnotationController) -> None:
        window = shell.frame()
        super().__init__(window)
        self.main_window = window
        self.annotations = annotations
        self.project = annotations.project
        self.undo_stack = annotations.undo_stack
        self.review_window: ReviewWindow | None = None
        self._edited: tuple[str | None, str] | None = None  # the document and layer of the main window's last edit
        self.action = QAction(self.tr("&Review…"), window)
        self.action.setObjectName("review-action")
        self.action.setShortcut(QKeySequence("Ctrl+R"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        window.addAction(self.action)

    def open(self) -> ReviewWindow:
        if self.review_window is None:
            from ui.review_window import ReviewWindow  # its measures are imported when first needed

            self.review_window = ReviewWindow(self.project, self.undo_stack, self.main_window)
        document_id = self.annotations.document_id
        if document_id is None:
            summaries = self.project.documents()
            document_id = summaries[0].id if summaries else None
        if document_id is not None:
            self.review_window.open_document(document_id)
        self.review_window.show()
        self.review_window.raise_()
        self.review_window.activateWindow()
        self.review_window.compare.a.view.setFocus()
        return self.review_window

    def note_edit(self) -> None:
        self._edited = (self.annotations.document_id, self.annotations.session.annotator)

    def refresh(self) -> None:
        """Read the review again after the main window's layer changed, unless an edit there left
        every layer the review shows as it was (another document, or a layer not compared)."""
        edited, self._edited = self._edited, None
        window = self.review_window
        if window is None or not window.isVisible():
            return
        shown = {(window.document_id, layer) for layer in (window.layer_a, window.layer_b, GOLD) if layer}
        if edited is not None and edited not in shown:
            return
        window.reload()


def install_review(shell: Shell, annotations: AnnotationController) -> ReviewInstaller:
    """Add Review > Review… (Ctrl+R) to a Hashiya main window; it opens the current document for review."""
    installer = ReviewInstaller(shell, annotations)
    menu = shell.frame().menuBar().addMenu(QCoreApplication.translate("ReviewInstaller", "Re&view"))
    menu.setObjectName("review-menu")
    menu.addAction(installer.action)
    annotations.spans_replaced.connect(lambda _before, _after: installer.note_edit())
    annotations.spans_changed.connect(installer.refresh)
    return installer
