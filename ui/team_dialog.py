"""File > Team: push one's layer to a team project, pull teammates' work, decide items changed on both sides."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.project import Project
from annotator.repository import ProjectError
from annotator.team import SyncReport, TeamSync, reload_shared
from ui.refusals import error_text
from ui.rtl import RtlTextDelegate, make_document_rtl
from ui.shell import Shell

URL_SETTING = "team/url"


class TeamDialog(QDialog):
    """Pushes and pulls through ``sync``; ``after_pull`` redraws the window with what came in."""

    def __init__(self, sync: TeamSync, after_pull: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.after_pull = after_pull
        self.setWindowTitle(self.tr("Team project"))
        self.url = QLineEdit(str(QSettings().value(URL_SETTING, "") or ""))
        self.url.setPlaceholderText("postgresql://name@server/project")
        self.pull_button = QPushButton(self.tr("&Pull teammates' work"))
        self.push_button = QPushButton(self.tr("P&ush my layer"))
        self.pull_button.clicked.connect(lambda: self._run(pull=True))
        self.push_button.clicked.connect(lambda: self._run(pull=False))
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.conflicts = QTableWidget(0, 5)
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Changed on both sides"), self.tr("Here"), self.tr("Team"), "", ""]
        )
        self.conflicts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflicts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.conflicts.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.conflicts.verticalHeader().hide()
        self.conflicts.setWordWrap(True)
        self.conflicts.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.conflicts.hide()
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:  # the Arabic interface
            make_document_rtl(self.log.document())
            self._delegate = RtlTextDelegate(self.conflicts)
            for column in (1, 2):
                self.conflicts.setItemDelegateForColumn(column, self._delegate)

        address = QHBoxLayout()
        address.addWidget(QLabel(self.tr("Team project:")))
        address.addWidget(self.url, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pull_button)
        buttons.addWidget(self.push_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(address)
        layout.addLayout(buttons)
        layout.addWidget(self.log, 1)
        layout.addWidget(self.conflicts, 1)
        self.resize(760, 420)

    def _run(self, *, pull: bool, take_team: tuple[str, ...] = (), keep_mine: tuple[str, ...] = ()) -> None:
        url = self.url.text().strip()
        if not url:
            self.log.appendPlainText(self.tr("Give the team project's address first."))
            return
        QSettings().setValue(URL_SETTING, url)
        try:
            report = self.sync.pull(url, take_team) if pull else self.sync.push(url, keep_mine)
        except ProjectError as error:
            self.log.appendPlainText(error_text(error))
            return
        if pull:
            self.after_pull()
        self._show(report, pull)

    def _show(self, report: SyncReport, pull: bool) -> None:
        lines = []
        if pull:
            pulled = self.tr("Pulled {layers} layer(s) of teammates; {documents} new document(s).")
            lines.append(pulled.format(layers=len(report.pulled_layers), documents=len(report.added_documents)))
            lines += [self.tr("Took the team's {item}.").format(item=item) for item in report.taken]
            here_only = self.tr("{item} is changed only here: a reviewer pushes it.")
            lines += [here_only.format(item=item) for item in report.kept_local]
        else:
            lines.append(self.tr("Pushed your layer of {n} document(s).").format(n=len(report.pushed_documents)))
            lines += [self.tr("Sent {item}, changed here.").format(item=item) for item in report.kept_local]
        if report.conflicts:
            waiting = self.tr("{n} item(s) changed on both sides wait for a reviewer's decision.")
            lines.append(waiting.format(n=len(report.conflicts)))
        self.log.appendPlainText("\n".join(lines))
        self._show_conflicts(report)

    def _show_conflicts(self, report: SyncReport) -> None:
        self.conflicts.setRowCount(len(report.conflicts))
        for row, (item, (here, there)) in enumerate(report.conflicts.items()):
            for column, text in enumerate((item, here, there)):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                cell.setToolTip(text)
                self.conflicts.setItem(row, column, cell)
            take = QPushButton(self.tr("Take the team's"))
            keep = QPushButton(self.tr("Keep mine"))
            take.clicked.connect(lambda _=False, item=item: self._run(pull=True, take_team=(item,)))
            keep.clicked.connect(lambda _=False, item=item: self._run(pull=False, keep_mine=(item,)))
            self.conflicts.setCellWidget(row, 3, take)
            self.conflicts.setCellWidget(row, 4, keep)
        # What differs is the reviewer's ground for choosing: shown whole, wrapped, never elided.
        self.conflicts.resizeRowsToContents()
        self.conflicts.setVisible(bool(report.conflicts))


def install_team_menu(shell: Shell, project: Project, sync: TeamSync) -> QAction:
    """Add File > Team… to the window of ``shell`` on a local project."""
    window = shell.frame()

    def after_pull() -> None:
        reload_shared(project)
        shell.shared_changed()

    action = QAction(QCoreApplication.translate("TeamDialog", "&Team…"), window)
    action.setObjectName("team-action")
    action.triggered.connect(lambda: TeamDialog(sync, after_pull, window).exec())
    file_menu = shell.parts.file_menu
    actions = file_menu.actions()
    if len(actions) >= 2:
        file_menu.insertAction(actions[-2], action)  # above the separator and Quit
    else:
        file_menu.addAction(action)
    return action
