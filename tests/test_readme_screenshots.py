"""The README's screenshots are what `hashiya screenshot` shows today: made again here and compared."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import ROOT

SHOTS = ROOT / "docs" / "screenshots"
# Antialiasing may differ by a few pixels between machines; a changed screen differs by thousands.
MAX_DIFFERENT_PIXELS = 0.002


def load_generator() -> object:
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "docs" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def different_fraction(first: QImage, second: QImage) -> float:
    a = first.convertToFormat(QImage.Format.Format_RGB32)
    b = second.convertToFormat(QImage.Format.Format_RGB32)
    if a.size() != b.size():
        return 1.0
    left = bytes(a.constBits())
    right = bytes(b.constBits())
    row = a.bytesPerLine()
    differing = 0
    for start in range(0, len(left), row):  # pixel by pixel only in the rows that differ
        if left[start : start + row] != right[start : start + row]:
            end = start + 4 * a.width()
            differing += sum(1 for i in range(start, end, 4) if left[i : i + 4] != right[i : i + 4])
    return differing / (a.width() * a.height())


@pytest.mark.slow
def test_the_readme_screenshots_are_current(tmp_path: Path) -> None:
    generator = load_generator()
    made = generator.make(tmp_path)  # type: ignore[attr-defined]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(made) == 11
    for fresh in made:
        committed = SHOTS / fresh.name
        assert committed.exists(), f"{committed} is missing: run python docs/screenshots.py"
        assert f"docs/screenshots/{fresh.name}" in readme
        fraction = different_fraction(QImage(str(committed)), QImage(str(fresh)))
        assert fraction <= MAX_DIFFERENT_PIXELS, (
            f"{fresh.name} differs from what the screenshot command shows now ({fraction:.1%} of pixels): "
            "run python docs/screenshots.py"
        )
