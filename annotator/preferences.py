"""The analyst's own settings: a typed, versioned value saved as JSON, migrated when it was older.

Window geometry and dock layout stay in QSettings; everything the analyst chooses lives here.
Label colours and hotkeys belong to the project's schema, which the preferences dialog edits.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs

from annotator.formats.atomic import ordinary_file_mode

PREFERENCES_VERSION = 1
MIN_FONT_SIZE = 8.0
MAX_FONT_SIZE = 48.0


class Language(StrEnum):
    SYSTEM = "system"
    ARABIC = "ar"
    ENGLISH = "en"


class SnappingChoice(StrEnum):
    WORDS = "words"
    WITHOUT_PROCLITICS = "without_proclitics"
    WITHOUT_ARTICLE = "without_article"
    EXACT = "exact"


@dataclass(frozen=True)
class Preferences:
    version: int = PREFERENCES_VERSION
    annotator: str = ""
    # The layer the analyst's work is stored under: empty while it is the name itself. A rename
    # keeps the layer (see annotator.identity), so that earlier work stays the analyst's own.
    layer: str = ""
    language: Language = Language.SYSTEM
    font_size: float = 14.0
    snapping: SnappingChoice = SnappingChoice.WITHOUT_PROCLITICS
    show_suggestions: bool = True

    def checked(self) -> Preferences:
        """The same preferences with out-of-range values brought back in range."""
        size = min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, float(self.font_size)))
        return replace(self, font_size=size, annotator=self.annotator.strip(), layer=self.layer.strip())

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True)


def from_json(text: str) -> Preferences:
    """Read stored preferences; unknown keys are ignored and bad values fall back to defaults.

    A file written by a newer version is read for the keys this version knows.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return Preferences()
    if not isinstance(data, dict):
        return Preferences()
    defaults = Preferences()
    values: dict[str, Any] = {}
    for key, kind in (("language", Language), ("snapping", SnappingChoice)):
        try:
            values[key] = kind(data.get(key, getattr(defaults, key)))
        except ValueError:
            values[key] = getattr(defaults, key)
    for key in ("annotator", "layer"):
        name = data.get(key, "")
        values[key] = name if isinstance(name, str) else ""
    size = data.get("font_size", defaults.font_size)
    values["font_size"] = float(size) if isinstance(size, int | float) and not isinstance(size, bool) else 14.0
    show = data.get("show_suggestions", True)
    values["show_suggestions"] = show if isinstance(show, bool) else True
    return Preferences(version=PREFERENCES_VERSION, **values).checked()


def default_path() -> Path:
    return platformdirs.user_config_path("hashiya") / "preferences.json"


def load(path: Path) -> Preferences:
    try:
        return from_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return Preferences()


def save(preferences: Preferences, path: Path) -> None:
    """Write atomically: a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".preferences-", suffix=".json")
    try:
        os.fchmod(handle, ordinary_file_mode(path))
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(preferences.checked().to_json())
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class PreferencesStore:
    """The preferences file as the window and the command line share it: read once, saved on each change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.current = load(path)

    def replace_with(self, chosen: Preferences) -> Preferences:
        self.current = chosen.checked()
        save(self.current, self.path)
        return self.current

    def set_show_suggestions(self, shown: bool) -> Preferences:
        return self.replace_with(replace(self.current, show_suggestions=shown))
