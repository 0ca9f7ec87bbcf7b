"""Whether working out which texts tagged elsewhere a text's suggestions depend on is worth its cost.

``annotator.suggestion_elsewhere`` does that work by matching the tagged texts' keys over the text;
for a long text, which holds the first pieces of most tagged texts anyway, every tagged text is
matched instead.
"""

from __future__ import annotations

from collections.abc import Collection

#: Sifting the keys costs about what the text costs to scan; matching them, what the keys cost.
CHARACTERS_PER_KEY = 4


def worth_sifting(keys: Collection[str] | int, folded: str) -> bool:
    """Whether sifting the keys (``keys``, or how many) for ``folded`` costs less than matching every
    one of them there (a long text holds most of them anyway)."""
    count = keys if isinstance(keys, int) else len(keys)
    return count > 0 and len(folded) <= CHARACTERS_PER_KEY * count
