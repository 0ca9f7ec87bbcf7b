"""Moving the end of a span by one word, as the ] and [ keys do in the window and the review."""

from __future__ import annotations

from annotator.arabic import is_word_char
from annotator.snapping import word_at


def nudged_end(text: str, start: int, end: int, direction: int) -> int | None:
    """The end of ``[start, end)`` moved one word on (``direction`` > 0) or back; None if it cannot move."""
    if direction > 0:
        index = end
        while index < len(text) and not is_word_char(text[index]):
            index += 1
        word = word_at(text, index) if index < len(text) else None
        new_end = word[1] if word is not None else end
    else:
        word = word_at(text, end - 1)
        new_end = word[0] if word is not None else end
        while new_end > start and not is_word_char(text[new_end - 1]):
            new_end -= 1
    if new_end <= start or new_end == end:
        return None
    return new_end
