"""Sentences for the analyst that the window says in its own language.

A sentence is kept as its English template and the values that fill it. The command line and the
logs read it in English (``str``); the window looks the template up in its catalogue (context
``"Said"``) and fills in the same values, so a path or a system error reads as it is in either
language. ``QT_TRANSLATE_NOOP`` marks a template for Qt's ``lupdate`` and returns it unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = "Said"


def QT_TRANSLATE_NOOP(context: str, template: str) -> str:
    """Qt's marker, by the name lupdate looks for: ``template`` unchanged, found in the catalogue under ``context``."""
    return template


@dataclass(frozen=True)
class Said:
    """An English template and the values that fill it; ``str`` is the English sentence."""

    template: str
    values: tuple[tuple[str, str | Said], ...] = ()

    def __str__(self) -> str:
        return self.template.format_map({name: str(value) for name, value in self.values})


class SaidError(Exception):
    """An error whose message may be given as a ``Said``: ``str`` is the English sentence, and
    ``said`` keeps the template and values for the window."""

    def __init__(self, message: str | Said) -> None:
        super().__init__(str(message))
        self.said = message if isinstance(message, Said) else None


def said(template: str, /, **values: object) -> Said:
    """``template`` with ``values``; a value that is itself a Said is translated with it."""
    return Said(
        template, tuple((name, value if isinstance(value, Said) else str(value)) for name, value in values.items())
    )
