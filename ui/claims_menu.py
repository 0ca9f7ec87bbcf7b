"""View > Claims Ledger… (Ctrl+Shift+L): the ledger window of a main window, made when first opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from ui.annotation_controller import AnnotationController
    from ui.claims_view import ClaimsLedgerWindow
    from ui.shell import Shell

REFRESH_DELAY_MS = 500


class ClaimsLedgerInstaller(QObject):
    def __init__(self, shell: Shell, annotations: AnnotationController) -> None:
        window = shell.frame()
        super().__init__(window)
        self.shell = shell
        self.annotations = annotations
        self.ledger: ClaimsLedgerWindow | None = None
        self.action = QAction(self.tr("Claims &Ledger…"), window)
        self.action.setObjectName("claims-ledger-action")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        # Edits in the main window show in an open ledger, read again once they pause.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.refresh)
        annotations.spans_changed.connect(self._refresh.start)

    def open(self) -> ClaimsLedgerWindow:
        if self.ledger is None:
            from ui.claims_view import ClaimsLedgerWindow

            project = self.annotations.project
            self.ledger = ClaimsLedgerWindow(project, project.annotator, self.shell.frame())
            self.ledger.claim_chosen.connect(self.show_claim)
        else:
            self.ledger.reload()
        self.ledger.show()
        self.ledger.raise_()
        self.ledger.activateWindow()
        self.ledger.tree.setFocus()
        return self.ledger

    def refresh(self) -> None:
        if self.ledger is not None and self.ledger.isVisible():
            self.ledger.reload()

    def show_claim(self, document_id: str, claim_id: str, layer: str) -> None:
        """Open the claim's document in the main window and select the claim (or its text, in another layer)."""
        annotations, view, window = self.annotations, self.annotations.view, self.shell.frame()
        self.shell.open_document(document_id)
        if layer == annotations.project.annotator and view.span_by_id(claim_id) is not None:
            annotations.select_span(claim_id)
        else:
            span = annotations.project.repository.span(claim_id)
            if span is not None:
                view.select_offsets(span.start, span.end)
                view.ensureCursorVisible()
        window.raise_()
        window.activateWindow()
        view.setFocus()


def install_claims_ledger(shell: Shell, annotations: AnnotationController) -> ClaimsLedgerInstaller:
    """Add View > Claims Ledger… to the window of ``shell``."""
    installer = ClaimsLedgerInstaller(shell, annotations)
    menu = shell.parts.view_menu
    actions = menu.actions()
    if len(actions) > 1:  # after the corpus overview
        menu.insertAction(actions[1], installer.action)
    else:
        menu.addAction(installer.action)
    return installer
