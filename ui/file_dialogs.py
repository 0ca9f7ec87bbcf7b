"""File dialogs that never open the files they list (DESIGN.md section 5).

Qt's own file dialog asks its file model for each entry's icon and type name, which reads the
start of every file whose name says nothing (a ``.hashiya`` project, for one) to guess its type.
Opening and closing the project file by another descriptor drops every SQLite lock the process
holds on it, and another program then takes itself for the last user and deletes the log that
later edits go to. These dialogs are Qt's widget dialog (a platform dialog reads the files too)
with an icon provider that answers from the entry's name and kind alone.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NameOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from what a directory listing says (folder, link, file, name); no file is read."""

    def icon(self, what: QAbstractFileIconProvider.IconType | QFileInfo) -> QIcon:
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            folder = what.isDir()
        else:
            folder = what in (
                QAbstractFileIconProvider.IconType.Folder,
                QAbstractFileIconProvider.IconType.Drive,
                QAbstractFileIconProvider.IconType.Computer,
                QAbstractFileIconProvider.IconType.Network,
            )
        pixmap = QStyle.StandardPixmap.SP_DirIcon if folder else QStyle.StandardPixmap.SP_FileIcon
        return style.standardIcon(pixmap)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return QCoreApplication.translate("NameOnlyIconProvider", "Folder")
        suffix = info.suffix()
        if not suffix:
            return QCoreApplication.translate("NameOnlyIconProvider", "File")
        return QCoreApplication.translate("NameOnlyIconProvider", "%1 file").replace("%1", suffix.upper())


def _dialog(
    parent: QWidget | None, caption: str, directory: str, filter_text: str, mode: QFileDialog.FileMode
) -> QFileDialog:
    dialog = QFileDialog(parent, caption, directory, filter_text)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    dialog.setProperty("hashiya_icon_provider", provider)  # lives as long as the dialog
    dialog.setFileMode(mode)
    dialog.resize(max(dialog.width(), 820), max(dialog.height(), 500))  # room for size, type and date
    return dialog


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() else []
    finally:
        dialog.deleteLater()


def open_file_name(parent: QWidget | None, caption: str, directory: str = "", filter_text: str = "") -> str:
    """The chosen existing file, or "" when the analyst cancels."""
    chosen = _run(_dialog(parent, caption, directory, filter_text, QFileDialog.FileMode.ExistingFile))
    return chosen[0] if chosen else ""


def open_file_names(parent: QWidget | None, caption: str, directory: str = "", filter_text: str = "") -> list[str]:
    """The chosen existing files, or [] when the analyst cancels."""
    return _run(_dialog(parent, caption, directory, filter_text, QFileDialog.FileMode.ExistingFiles))


def save_file_name(parent: QWidget | None, caption: str, directory: str = "", filter_text: str = "") -> str:
    """The file name to write to (the dialog asks before naming an existing file), or "" when cancelled."""
    dialog = _dialog(parent, caption, directory, filter_text, QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    chosen = _run(dialog)
    return chosen[0] if chosen else ""
