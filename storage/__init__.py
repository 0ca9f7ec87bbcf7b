"""SQLite storage of a project, through sqlite-utils (DESIGN.md section 5)."""

from __future__ import annotations

import importlib
import sys

# sqlite-utils imports numpy and pandas whenever they are installed, only to map their scalar
# types to column types; Hashiya never stores such values, and with the test tools installed
# beside the application that import was a tenth of the start-up. It is imported here without
# them; they stay importable for anything else.
if "sqlite_utils" not in sys.modules:
    _hidden = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for _name in _hidden:
        sys.modules[_name] = None  # type: ignore[assignment]
    try:
        importlib.import_module("sqlite_utils")
    finally:
        for _name in _hidden:
            del sys.modules[_name]
