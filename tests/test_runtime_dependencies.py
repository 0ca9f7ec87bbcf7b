"""What an analyst installs: numpy and pandas come only with the test tools, never with the application."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent


def installed_with(requirements: list[str]) -> set[str]:
    """The distributions ``requirements`` bring, with what they require in turn (no extras)."""
    seen: set[str] = set()
    todo = [Requirement(text) for text in requirements]
    while todo:
        requirement = todo.pop()
        name = requirement.name.lower().replace("_", "-")
        if name in seen:
            continue
        seen.add(name)
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # not for this platform
        for text in distribution.requires or []:
            needed = Requirement(text)
            if needed.marker is None or needed.marker.evaluate({"extra": ""}):
                todo.append(needed)
    return seen


def test_the_application_installs_no_numpy_or_pandas() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = installed_with(project["dependencies"])
    assert "sqlite-utils" in runtime and "pyside6-essentials" in runtime
    assert not runtime & {"numpy", "pandas"}, sorted(runtime)
    assert "numpy" in installed_with(project["optional-dependencies"]["test"]), "spaCy brings it to the tests"
