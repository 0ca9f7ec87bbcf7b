"""Hashiya's composition root: parse the command line, open the project, run the window or a command."""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from annotator import identity, preferences
from annotator.project import Project
from annotator.repository import ProjectError
from annotator.resources import sample_corpus_files
from annotator.text_import import TextImportError
from cli.parser import PROJECT_COMMANDS, build_parser
from cli.team_command import TEAM_COMMANDS, local_path, run_team_command
from storage.team_location import ensure_team_support

APP_NAME = "hashiya"
DEFAULT_PROJECT_NAME = "project.hashiya"


def default_project_path() -> Path:
    return platformdirs.user_data_path(APP_NAME) / DEFAULT_PROJECT_NAME


def default_screenshot_path() -> Path:
    return platformdirs.user_cache_path(APP_NAME) / "main-window.png"


def window_annotator(option: str | None, *, interactive: bool, db: Path | None = None) -> str | None:
    """The layer the window works in: given, remembered, or asked once (None if the analyst cancels).

    ``db``: the project the window opens, None for the default one with the sample articles."""
    from ui.annotator_name import FirstProject, ask_annotator

    chosen = identity.resolve(option, preferences.default_path())
    if chosen is not None:
        return chosen.layer
    if not interactive:
        return identity.system_user()
    if db is None:
        project = FirstProject.SAMPLE_CORPUS
    else:
        project = FirstProject.OWN_DOCUMENTS if holds_documents(db) else FirstProject.EMPTY
    return ask_annotator(identity.system_user(), project=project)


def holds_documents(db: Path) -> bool:
    """Whether the project file ``db`` already holds documents; a missing or unreadable file holds none."""
    from storage.database import holds_documents as stored_documents

    return db.is_file() and stored_documents(db)


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return os.environ["QT_QPA_PLATFORM"] != "offscreen"
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


READ_ONLY_COMMANDS = frozenset({"stats", "search", "agreement", "export", "validate"})
"""Commands that only read the project: they do not wait for the full integrity check of a file."""

CHECKED_BESIDE_COMMANDS = frozenset({"stats", "agreement"})
"""Read-only commands that read while the file is checked and wait for the check before they show anything."""


def open_project(
    db: Path | str | None, annotator: str, *, read_only: bool = False, checked_beside: bool = False
) -> Project:
    """Open ``db``, or the default project, created with the sample corpus on first run.

    A team project (a PostgreSQL URL) is worked on as the layer of the role it is opened as.
    ``read_only`` says the caller never writes to it, so a file gets the quick check only;
    ``checked_beside`` that it calls ``wait_for_checks()`` of the repository before it shows what it read.
    """
    from storage.sqlite_repository import SqliteRepository

    if isinstance(db, str):
        ensure_team_support()
        from storage.postgres_repository import PostgresRepository

        team = PostgresRepository.open(db)
        return Project(team, team.user)

    path = db if db is not None else default_project_path()
    first_run = db is None and not path.exists()
    repository = SqliteRepository.open(path, full_check=not read_only, checked_beside=read_only and checked_beside)
    try:
        project = Project(repository, annotator)
    except ProjectError:
        repository.wait_for_checks()  # a damaged file is said to be damaged, not how a read of it failed
        raise
    if first_run:
        project.import_paths(sample_corpus_files())
    return project


def run_window(
    db: Path | str | None,
    annotator_option: str | None,
    *,
    screenshot: Path | None = None,
    doc: str | None = None,
    size: tuple[int, int] | None = None,
    view: str = "main",
    language: str | None = None,
) -> int:
    from ui.app import application, save_screenshot
    from ui.main_window import MainWindow

    app = application()
    install_language(app, language)
    # A team project's layer is the role it is opened as: nothing to ask.
    team = isinstance(db, str)
    annotator = "" if isinstance(db, str) else window_annotator(annotator_option, interactive=screenshot is None, db=db)
    if annotator is None:
        return 0
    project = open_project(db, annotator)
    try:
        window = MainWindow(project, first_document=doc)
        if not team:
            from storage.team_link import LocalTeamSync
            from ui.team_dialog import install_team_menu

            install_team_menu(window, project, LocalTeamSync(project.repository))
        if size is not None:
            window.resize(*size)
        if doc is not None:
            window.open_document(doc)
        if screenshot is not None:
            shown = window.screen_for_screenshot(view)
            path = save_screenshot(shown, screenshot)
            window.close()
            print(path)
            return 0
        window.show()
        return app.exec()
    finally:
        project.close()


def install_language(app: object, language: str | None) -> None:
    """The interface language: as asked, else the preference, else the system's."""
    from PySide6.QtWidgets import QApplication

    from annotator.preferences import Language
    from ui.i18n import TranslationError, install

    assert isinstance(app, QApplication)
    chosen = Language(language) if language else preferences.load(preferences.default_path()).language
    try:
        install(app, chosen)
    except TranslationError as error:
        print(f"hashiya: {error}; the interface stays in English", file=sys.stderr)


class _NothingImported(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def import_into_new_project(args: argparse.Namespace, path: Path, annotator: str) -> int:
    """``import`` into a project file that does not exist yet: the project is built beside its name
    and put there whole (storage.new_project), so a file that fails leaves no project behind."""
    from cli.run import run_import
    from storage.new_project import new_project_built
    from storage.sqlite_repository import repository_building

    printed = io.StringIO()  # said once the project is in place
    try:
        with new_project_built(path) as temporary:
            repository, build = repository_building(temporary)
            project = Project(repository, annotator)
            try:
                code = run_import(args, project, printed, checked_while_stored=True)
                if code != 0:
                    raise _NothingImported(code)
                build.complete()
            finally:
                project.close()
    except _NothingImported as failed:
        return failed.code
    sys.stdout.write(printed.getvalue())
    return 0


def _new_file(db: Path | str | None) -> Path | None:
    """The path ``--db`` names when nothing is there yet."""
    from storage.project_path import PathState, project_path_state

    if not isinstance(db, Path):
        return None
    path = db.expanduser()
    return path if project_path_state(path) is PathState.MISSING and path.parent.is_dir() else None


def run_command(args: argparse.Namespace) -> int:
    if args.command in PROJECT_COMMANDS:
        from cli.run import run_project_command

        annotator = identity.command_line_layer(args.annotator, preferences.default_path())
        new_file = _new_file(args.db) if args.command == "import" else None
        if new_file is not None:
            return import_into_new_project(args, new_file, annotator)
        project = open_project(
            args.db,
            annotator,
            read_only=args.command in READ_ONLY_COMMANDS,
            checked_beside=args.command in CHECKED_BESIDE_COMMANDS,
        )
        try:
            return run_project_command(args, project, annotator)
        finally:
            project.close()
    if args.command in TEAM_COMMANDS:
        local = open_project(
            local_path(args.db), identity.command_line_layer(args.annotator, preferences.default_path())
        )
        try:
            return run_team_command(args, local.repository, local.annotator, sys.stdout)
        finally:
            local.close()
    if args.command == "screenshot":
        return run_window(
            args.db,
            args.annotator,
            screenshot=args.output,
            doc=args.doc,
            size=(args.width, args.height),
            view=args.view,
            language=args.lang,
        )
    if not has_display():
        print("No display found: writing a screenshot of the main window instead.", file=sys.stderr)
        return run_window(args.db, args.annotator, screenshot=default_screenshot_path())
    return run_window(args.db, args.annotator)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "screenshot" or (args.command is None and not has_display()):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        return run_command(args)
    except KeyboardInterrupt:
        print("hashiya: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (| head): stop quietly, as command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ProjectError as error:
        print(f"hashiya: {error}", file=sys.stderr)
        return 2
    except TextImportError as error:
        print("hashiya: " + "\n".join(error.problems), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
