"""The date of a claim: read from a DATE span's text, or from a document's metadata.

A date is kept as ISO 8601 at the precision the text gives: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. Arabic month names of both calendars' naming (يونيو / حزيران), English month
names and Arabic-Indic digits are understood; "8 إلى 13 أكتوبر" takes the first day. A month
without a year takes the year of a fallback date (the document's), if there is one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ALEFS = str.maketrans("أإآٱ", "اااا")

MONTHS: dict[str, int] = {
    "كانون الثاني": 1, "يناير": 1, "كانون الاول": 12, "ديسمبر": 12,
    "شباط": 2, "فبراير": 2, "اذار": 3, "مارس": 3, "نيسان": 4, "ابريل": 4,
    "ايار": 5, "مايو": 5, "حزيران": 6, "يونيو": 6, "تموز": 7, "يوليو": 7,
    "اب": 8, "اغسطس": 8, "ايلول": 9, "سبتمبر": 9, "تشرين الاول": 10, "اكتوبر": 10,
    "تشرين الثاني": 11, "نوفمبر": 11,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
# Longest names first, so that تشرين الثاني is not read as تشرين, and whole words only (اب is a word).
_MONTH = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + r")(?![\w])")
_ISO = re.compile(r"(?<!\d)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_DAY = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
METADATA_KEYS = ("date", "published", "published_at", "publication_date")


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_iso(text: str) -> str | None:
    """``text`` if it starts with an ISO date (the date part of it), else None."""
    match = _ISO.match(text.strip().translate(_DIGITS))
    if match is None:
        return None
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        return None
    if day is not None and not 1 <= int(day) <= 31:
        return None
    return iso_date(int(year), int(month) if month else None, int(day) if day else None)


def parse_date(text: str, fallback: str | None = None) -> str | None:
    """The date a DATE span's text names, as ISO, or None if it names no year (and no fallback gives one)."""
    plain = text.translate(_DIGITS).translate(_ALEFS).lower()
    iso = _ISO.search(plain)
    if iso is not None and iso.group(2) is not None:
        return parse_iso(iso.group(0))
    month_match = _MONTH.search(plain)
    year_match = _YEAR.search(plain)
    year = int(year_match.group(1)) if year_match else None
    if year is None and fallback is not None:
        year = int(fallback[:4])
    if year is None:
        return None
    if month_match is None:
        return iso_date(year) if year_match else None
    month = MONTHS[month_match.group(1)]
    before = plain[: month_match.start()]
    if year_match is not None and year_match.start() < month_match.start():
        before = before[year_match.end() :]
    days = [int(d) for d in _DAY.findall(before) if 1 <= int(d) <= 31]
    return iso_date(year, month, days[0] if days else None)


def document_date(metadata: Mapping[str, Any]) -> str | None:
    """A document's date from its metadata (``date``, ``published``, ...), as ISO."""
    for key in METADATA_KEYS:
        value = metadata.get(key)
        if isinstance(value, str) and (found := parse_iso(value)) is not None:
            return found
    return None
