"""What a feature (search, suggestions, review) may ask of the window it is installed on.

A feature gets the annotation controller, which holds the open document's session, and this
shell; it never sees the main window's own members, so no feature module imports it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from annotator.preferences import PreferencesStore
from ui.document_list import DocumentListModel


@dataclass(frozen=True)
class WindowParts:
    """The parts of the window that features add their actions and docks to."""

    file_menu: QMenu
    view_menu: QMenu
    annotations_dock: QDockWidget


class Shell(Protocol):
    @property
    def parts(self) -> WindowParts:
        """The window's File and View menus and its annotations dock."""
        ...

    @property
    def documents(self) -> DocumentListModel:
        """The project's documents as the window lists them."""
        ...

    @property
    def settings(self) -> PreferencesStore:
        """The analyst's preferences, shared with the command line."""
        ...

    def reload_documents(self) -> None:
        """Read the project's list of documents again, keeping the shown one shown."""
        ...

    def open_document(self, document_id: str) -> None:
        """Show ``document_id`` in the window (raises ProjectError if it cannot be read)."""
        ...

    def frame(self) -> QMainWindow:
        """The window's frame: its menus, docks, actions and status bar, and the parent of dialogs."""
        ...

    def shared_changed(self) -> None:
        """The schema or the registry changed under the window (a pull): show labels, keys and layer anew."""
        ...
