"""Dates in text that is not Chinese ("next Friday 3pm"), through dateparser.

dateparser takes a few hundred milliseconds to import, so it is imported on the first
non-Chinese question only, never with the package.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ._model import When

__all__ = ["parse_foreign"]

# Without one of these a "date" found by dateparser is usually a word (I *may* call).
_DATE_WORD = re.compile(
    r"\d|(?a:\b)(?:today|tonight|tomorrow|yesterday|next|last|this|noon|midnight|morning|afternoon|"
    r"evening|week|month|year|ago|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december)(?a:\b)",
    re.IGNORECASE,
)
_TIME_WORD = re.compile(
    r"\d\s*(?:am|pm|a\.m\.|p\.m\.)|\d:\d\d|(?a:\b)noon(?a:\b)|(?a:\b)midnight(?a:\b)|o'?clock|(?a:\b)tonight(?a:\b)",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[A-Za-z]{2,}")
# A month named with no day (delivery end Nov, in March, the end of August read from "of"):
# dateparser puts today's day-of-month on it, a day nobody said.
_MONTH_ONLY = re.compile(
    r"(?:(?:end|early|mid|late|in|by)\s+)?(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
    r"nov|dec)[a-z]*\.?",
    re.IGNORECASE,
)

_search: Any = None


def wants_foreign(text: str) -> bool:
    """True when ``text`` reads as a Latin-script sentence (checked only for non-CJK text)."""
    return bool(_LETTERS.search(text)) and bool(_DATE_WORD.search(text))


def parse_foreign(text: str, now: datetime) -> When | None:
    """The first date dateparser finds in ``text``, relative to ``now``; None if unsure."""
    global _search
    if _search is None:
        from dateparser.search import search_dates

        _search = search_dates
    settings = {
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        found = _search(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if not found:
        return None
    for piece, value in found:
        if not _DATE_WORD.search(piece) or len(piece.strip()) < 3:
            continue
        if _MONTH_ONLY.fullmatch(piece.strip()):
            continue
        if not isinstance(value, datetime):
            continue
        start_index = text.find(piece)
        span = (start_index, start_index + len(piece)) if start_index >= 0 else (0, len(text))
        start: date | datetime
        if _TIME_WORD.search(piece):
            start = value.replace(second=0, microsecond=0, tzinfo=now.tzinfo)
        else:
            start = value.date()
        return When(start=start, span=span)
    return None
