"""Who is annotating: one answer for the window and the command line.

The analyst's name and the layer their work is stored under live in the preferences file
(``annotator.preferences``). The layer is fixed when the name is first chosen; renaming the
analyst changes the name shown and keeps the layer, so that their earlier spans stay theirs.
``--annotator`` or ``HASHIYA_ANNOTATOR`` name a layer for one run and override the stored one.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, replace
from pathlib import Path

from annotator import preferences
from annotator.preferences import Preferences

ENVIRONMENT_VARIABLE = "HASHIYA_ANNOTATOR"


@dataclass(frozen=True)
class Identity:
    """The layer the analyst's work goes to, and the name the window shows for them."""

    layer: str
    name: str


def system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def given_layer(option: str | None) -> str | None:
    """The layer from --annotator or the HASHIYA_ANNOTATOR variable, if either is set."""
    name = (option or os.environ.get(ENVIRONMENT_VARIABLE, "")).strip()
    return name or None


def stored_identity(chosen: Preferences) -> Identity | None:
    """The identity the preferences hold, or None before the analyst has named themselves."""
    if not chosen.annotator:
        return None
    return Identity(layer=chosen.layer or chosen.annotator, name=chosen.annotator)


def shown_name(chosen: Preferences, layer: str) -> str:
    """The name shown for the analyst working in ``layer``: their stored name, or the layer's own."""
    stored = stored_identity(chosen)
    return stored.name if stored is not None and stored.layer == layer else layer


def resolve(option: str | None, path: Path) -> Identity | None:
    """The identity a run works as: the layer given for this run, else the stored one (None if neither)."""
    stored = stored_identity(preferences.load(path))
    given = given_layer(option)
    if given is None:
        return stored
    if stored is not None and stored.layer == given:
        return stored
    return Identity(layer=given, name=given)


def command_line_layer(option: str | None, path: Path) -> str:
    """The layer a command that names none works in: the window's, else the system user's."""
    identity = resolve(option, path)
    return identity.layer if identity is not None else system_user()


def named(chosen: Preferences, name: str, layer: str) -> Preferences:
    """``chosen`` with the analyst called ``name``, their work staying in ``layer``."""
    name = name.strip() or chosen.annotator
    kept = "" if layer == name else layer
    return replace(chosen, annotator=name, layer=kept)


def remember(name: str, path: Path) -> Identity:
    """Store ``name`` as the analyst's; a first name is also their layer, a later one keeps the layer."""
    chosen = preferences.load(path)
    current = stored_identity(chosen)
    layer = current.layer if current is not None else name.strip()
    updated = named(chosen, name, layer)
    preferences.save(updated, path)
    identity = stored_identity(updated)
    assert identity is not None
    return identity
