"""CSV cells a spreadsheet opens as text, never as a formula."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula: a leading = + - @ gets an apostrophe.

    Numbers (a negative kappa) are left as they are: they are not formulas.
    """
    if text.startswith(FORMULA_STARTS):
        try:
            float(text)
        except ValueError:
            return "'" + text
    return text
