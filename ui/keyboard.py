"""One-key shortcuts that work whichever keyboard layout is active.

An Arabic analyst types with the Arabic layout on, where the key marked P gives ح. Hotkeys are
written as the Latin letter of the key, so a letter typed in the standard Arabic (101) layout is
read as the Latin letter printed on the same key.
"""

from __future__ import annotations

ARABIC_101_TO_LATIN = {
    "ض": "q", "ص": "w", "ث": "e", "ق": "r", "ف": "t", "غ": "y", "ع": "u", "ه": "i", "خ": "o", "ح": "p",
    "ج": "[", "د": "]", "ش": "a", "س": "s", "ي": "d", "ب": "f", "ل": "g", "ا": "h", "ت": "j", "ن": "k",
    "م": "l", "ك": ";", "ط": "'", "ئ": "z", "ء": "x", "ؤ": "c", "ر": "v", "ى": "n", "ة": "m", "و": ",",
    "ز": ".", "ظ": "/", "ذ": "`",
}  # fmt: skip


def hotkey_of(typed: str) -> str:
    """The Latin key a typed character comes from: itself, or its key on the Arabic layout."""
    return ARABIC_101_TO_LATIN.get(typed, typed)
