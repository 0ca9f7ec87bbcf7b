"""The interface language: Arabic or English, from the preferences or else the system locale.

English is the source language; its own catalogue only gives the singular and plural of the
messages that count things (``%n``), so that English reads "1 hit", "34 hits". The catalogues
are kept as Qt ``.ts`` files in resources/translations and compiled to ``.qm`` files in the user
cache folder by the ``lrelease`` that ships with PySide6, whenever the compiled file is missing
or older than its source.
In Arabic the whole application is laid out right to left (menus, docks, dialogs are mirrored);
Qt's own strings (OK, Cancel, the text fields' context menus) are translated from the catalogue
Qt ships, when it is there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Protocol

import platformdirs
import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication

from annotator.model import SpanKind
from annotator.preferences import Language
from annotator.resources import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
CATALOGUE_NAME = "hashiya_{code}"
QT_CATALOGUE_NAME = "qtbase_{code}"
# Qt's own strings that Qt's shipped catalogue lacks for this Qt version (the file dialog's labels).
QT_EXTRA_CATALOGUE_NAME = "qtbase_extra_{code}"
COMPILE_TIMEOUT_S = 60


class TranslationError(Exception):
    """The chosen language's catalogue is missing or could not be compiled."""


class Displayed(Protocol):
    """Anything the schema names in both languages (labels, relations, attributes, choices)."""

    @property
    def display_en(self) -> str: ...

    @property
    def display_ar(self) -> str: ...


_installed: list[QTranslator] = []
_active = Language.ENGLISH


def resolve(language: Language, system: QLocale | None = None) -> Language:
    """The language to show: the chosen one, or for ``system`` Arabic if the system locale is Arabic."""
    if language is not Language.SYSTEM:
        return language
    locale = system if system is not None else QLocale.system()
    return Language.ARABIC if locale.language() == QLocale.Language.Arabic else Language.ENGLISH


def catalogue_source(language: Language) -> Path:
    return TRANSLATIONS / f"{CATALOGUE_NAME.format(code=language.value)}.ts"


def compiled_folder() -> Path:
    return platformdirs.user_cache_path("hashiya") / "translations"


def find_lrelease() -> Path:
    """Qt's ``lrelease``: the one inside the PySide6 package, else PySide6's wrapper, else on PATH."""
    executable = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    package = Path(PySide6.__file__).resolve().parent
    candidates = [
        package / executable,
        package / "Qt" / "libexec" / executable,
        package / "Qt" / "bin" / executable,
        Path(sys.executable).parent / ("pyside6-lrelease.exe" if sys.platform == "win32" else "pyside6-lrelease"),
    ]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise TranslationError(
        "cannot compile the interface translations: Qt's lrelease was not found in the PySide6 package "
        f"({package}) nor on the PATH; reinstall PySide6"
    )


def compile_catalogue(source: Path, folder: Path) -> Path:
    """``source`` (.ts) compiled into ``folder``, again only when the .qm is missing or older."""
    if not source.is_file():
        raise TranslationError(f"the interface translations are missing: {source}")
    target = folder / f"{source.stem}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{source.stem}-", suffix=".qm")
    os.close(handle)
    try:
        result = subprocess.run(
            [str(find_lrelease()), "-silent", str(source), "-qm", temporary],
            capture_output=True,
            text=True,
            timeout=COMPILE_TIMEOUT_S,
            check=False,
        )
        if result.returncode != 0 or Path(temporary).stat().st_size == 0:
            said = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
            raise TranslationError(f"could not compile the interface translations {source}: {said}")
        os.replace(temporary, target)
    except (OSError, subprocess.SubprocessError) as error:
        raise TranslationError(f"could not compile the interface translations {source}: {error}") from error
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target


def install(app: QCoreApplication, language: Language) -> Language:
    """Show the interface in ``language`` (resolved against the system locale); returns the language shown.

    Call it before the windows are built. Calling it again replaces the previous catalogues.
    Raises TranslationError (and leaves the interface in English) if the catalogue cannot be compiled.
    """
    global _active
    chosen = resolve(language)
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    _active = Language.ENGLISH
    _set_direction(app, Qt.LayoutDirection.LeftToRight)
    own = QTranslator(app)
    catalogue = compile_catalogue(catalogue_source(chosen), compiled_folder())
    if not own.load(str(catalogue)):
        raise TranslationError(f"Qt could not read the compiled interface translations {catalogue}")
    if chosen is Language.ENGLISH:  # the source language: its catalogue only has the plurals
        app.installTranslator(own)
        _installed.append(own)
        return chosen
    standard = QTranslator(app)
    if standard.load(
        QT_CATALOGUE_NAME.format(code=chosen.value), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(standard)
        _installed.append(standard)
    extra_source = TRANSLATIONS / f"{QT_EXTRA_CATALOGUE_NAME.format(code=chosen.value)}.ts"
    if extra_source.is_file():
        extra = QTranslator(app)
        if not extra.load(str(compile_catalogue(extra_source, compiled_folder()))):
            raise TranslationError(f"Qt could not read the compiled translations {extra_source}")
        app.installTranslator(extra)
        _installed.append(extra)
    app.installTranslator(own)
    _installed.append(own)
    _active = chosen
    _set_direction(app, Qt.LayoutDirection.RightToLeft if chosen is Language.ARABIC else Qt.LayoutDirection.LeftToRight)
    return chosen


def _set_direction(app: QCoreApplication, direction: Qt.LayoutDirection) -> None:
    if isinstance(app, QGuiApplication):
        app.setLayoutDirection(direction)


def current() -> Language:
    """The language the interface is shown in (English until ``install`` chose another)."""
    return _active


def display_name(item: Displayed) -> str:
    """The schema's own name for ``item`` in the interface language."""
    return item.display_ar if _active is Language.ARABIC else item.display_en


_KIND_NAMES = {
    SpanKind.ENTITY: str(QT_TRANSLATE_NOOP("SpanKind", "entity")),
    SpanKind.CLAIM: str(QT_TRANSLATE_NOOP("SpanKind", "claim")),
    SpanKind.TREATY_REF: str(QT_TRANSLATE_NOOP("SpanKind", "treaty reference")),
}


def kind_name(kind: SpanKind) -> str:
    """A span kind's name in the interface language."""
    return QCoreApplication.translate("SpanKind", _KIND_NAMES[kind])
