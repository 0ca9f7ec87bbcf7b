"""Hashiya's main window in a process of its own, driven line by line through stdin by the reliability tests.

It runs the real window offscreen on the project named by the first argument, from the folder the
test starts it in (so that every file dialog lists the project's own folder). Each command gets
one flushed line on stdout:

- ``DIALOG NAME``: open a file dialog the window offers (import-annotations, import-texts, export,
  agreement-png, agreement-csv, save-copy), wait until it has listed and painted the folder, cancel
  it, and answer ``LOCKS n``: how many POSIX locks this process still holds on the project file;
- ``EXPORT PATH``, ``IMPORT PATH``, ``IMPORT-TEXTS PATH``, ``COPY PATH``: the window's export (native),
  import, text import and save-a-copy on that file, answered with ``LOCKS n``;
- ``EDIT``: tag the next word of the open document from the keyboard, as an analyst does; answered
  with ``ACK <span id>`` when the window shows the span, or ``REFUSED <message>`` when it says why not.

``READY`` comes first; ``ERROR <text>`` if anything escapes.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QFileSystemModel, QMessageBox, QWidget

from annotator.exchange import ExportFormat
from annotator.project import Project
from storage.file_guard import Identity, held_locks
from storage.sqlite_repository import SqliteRepository
from ui.app import application
from ui.main_window import MainWindow

shown_messages: list[str] = []
NO = Qt.KeyboardModifier.NoModifier


def say(line: str) -> None:
    sys.stdout.write(line.replace("\n", " ") + "\n")
    sys.stdout.flush()


def record_message(box: QMessageBox) -> int:
    shown_messages.append(box.text())
    return 0


class Keyboard:
    """QTest key clicks with the two calls the analyst helper of the GUI tests makes."""

    def keyClick(
        self, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        QTest.keyClick(widget, key, modifier)

    def keyClicks(self, widget: QWidget, text: str) -> None:
        QTest.keyClicks(widget, text)


class DialogCloser:
    """Cancels the file dialog that is open once it has listed its folder and painted it."""

    def __init__(self) -> None:
        self.seen_at: float | None = None
        self.listed_by: QFileDialog | None = None
        self.shown_at = 0.0
        self.outer: QDialog | None = None
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(self._poll)

    def start(self) -> None:
        self.seen_at = None
        self.listed_by = None
        self.outer = None
        self.timer.start()

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()

        if isinstance(modal, QFileDialog):
            self._close_when_listed(modal)
        elif isinstance(modal, QDialog) and hasattr(modal, "_browse") and self.outer is None:
            self.outer = modal  # the export dialog: its Choose... button opens the file dialog
            QTimer.singleShot(0, modal._browse)
        elif isinstance(modal, QDialog) and modal is self.outer:
            self.timer.stop()
            modal.reject()

    def _close_when_listed(self, dialog: QFileDialog) -> None:
        model = dialog.findChild(QFileSystemModel)
        if model is None:
            return
        dialog.grab()  # paint it as a screen would, icons and all
        if self.listed_by is not dialog:
            # Every entry of the folder is gathered (name filters only hide some afterwards); once
            # the folder is loaded, each has had its icon and type asked for.
            # The folder may be loaded before this first look: then the time shown stands for it.
            self.listed_by = dialog
            self.seen_at = None
            self.shown_at = time.monotonic()
            folder = dialog.directory().absolutePath()
            model.directoryLoaded.connect(lambda loaded: self._loaded(loaded, folder))
            return
        now = time.monotonic()
        if (self.seen_at is not None and now - self.seen_at > 0.5) or now - self.shown_at > 1.5:
            if self.outer is None:
                self.timer.stop()
            dialog.reject()

    def _loaded(self, loaded: str, folder: str) -> None:
        if loaded == folder and self.seen_at is None:
            self.seen_at = time.monotonic()


class Driver:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.project = Project(SqliteRepository.open(path), "analyst")
        self.window = MainWindow(self.project)
        self.window.show()
        self.window.select_row(0)
        self.window.view.setFocus()
        self.closer = DialogCloser()
        self.next_word = 3
        self.identity = Identity.of(path)

    def locks(self) -> str:
        return f"LOCKS {len(held_locks(self.identity)) if self.identity else 0}"

    def dialog(self, name: str) -> None:
        self.closer.start()
        window = self.window
        if name == "import-annotations":
            window.exchange.import_annotations_dialog()
        elif name == "import-texts":
            window.exchange.import_texts_dialog()
        elif name == "export":
            window.exchange.export_dialog()
        elif name == "save-copy":
            window.copy_saver.ask()
        elif name in ("agreement-png", "agreement-csv"):
            dashboard = window.review.open().dashboard
            (dashboard._export_png_dialog if name == "agreement-png" else dashboard._export_csv_dialog)()
        else:
            raise ValueError(name)
        self.closer.timer.stop()
        say(self.locks())

    def edit(self) -> None:
        from tests.ui.analyst import Analyst

        self.window.select_row(0)
        analyst = Analyst(Keyboard(), self.window)  # type: ignore[arg-type]
        word = analyst.text.split()[self.next_word]
        self.next_word += 3
        before = {span.id for span in self.window.view.spans}
        messages = len(shown_messages)
        analyst.select(word)
        analyst.type("p", analyst.view)
        made = [span.id for span in self.window.view.spans if span.id not in before]
        if len(shown_messages) > messages:
            say("REFUSED " + " | ".join(shown_messages[messages:]))
        elif made:
            say(f"ACK {made[0]}")
        else:
            say("REFUSED nothing was made and nothing was said")

    def run(self, line: str) -> None:
        command, _, argument = line.partition(" ")
        window = self.window
        if command == "DIALOG":
            self.dialog(argument)
        elif command == "EDIT":
            self.edit()
        elif command == "EXPORT":
            from ui.exchange_dialogs import run_export

            run_export(window, self.project, ExportFormat.NATIVE, Path(argument), "analyst", None)
            say(self.locks())
        elif command == "IMPORT":
            window.exchange.import_annotations(Path(argument))
            say(self.locks())
        elif command == "IMPORT-TEXTS":
            window.exchange.import_paths([Path(argument)])
            say(self.locks())
        elif command == "COPY":
            window.copy_saver.save(Path(argument))
            say(self.locks())
        elif command == "MESSAGES":
            say("MESSAGES " + " | ".join(shown_messages))
        else:
            say(f"ERROR unknown command {line!r}")


def main(arguments: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    QMessageBox.exec = record_message  # type: ignore[method-assign,assignment]  # a modal box would wait for a click
    QDialog.exec = accept_import_choice(QDialog.exec)  # type: ignore[method-assign,assignment]
    driver = Driver(Path(arguments[0]))
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def read_command() -> None:
        line = sys.stdin.readline()
        if not line:
            app.quit()
            return
        notifier.setEnabled(False)  # a dialog's own event loop must not take the next command
        try:
            driver.run(line.strip())
        except Exception:
            say("ERROR " + traceback.format_exc())
        finally:
            notifier.setEnabled(True)

    notifier.activated.connect(read_command)
    say("READY")
    return app.exec()


def accept_import_choice(exec_: object) -> object:
    """The import dialog (format and layer) is accepted as it stands; any other dialog runs as usual."""

    def run(dialog: QDialog) -> int:
        if type(dialog).__name__ == "ImportDialog":
            return 1
        return exec_(dialog)  # type: ignore[operator,no-any-return]

    return run


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
