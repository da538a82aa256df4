"""Meetings in a member's language, shared by the handlers and the scheduler:
"12月1日的拜访", "12月3日的宴请"."""

from __future__ import annotations

from datetime import date

from locales import N_, Translator
from locales.words import day_range

MEETING_WORDS = {"visit": N_("拜访"), "meal": N_("宴请")}


def meeting(_: Translator, kind: str, on: date) -> str:
    """12月1日的拜访."""
    return _(
        "{date}的{meeting}",
        date=day_range(_, on, on),
        meeting=_(MEETING_WORDS.get(kind, MEETING_WORDS["visit"])),
    )
