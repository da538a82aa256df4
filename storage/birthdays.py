"""A birthday as the member gave it (month and day, solar or lunar, maybe the year) and as a
contact's columns with its next occurrence, which the planner indexes."""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from parsing.dates import When, next_lunar_occurrence, next_solar_birthday
from storage.contacts import birthday_fields


class Birthday(TypedDict):
    """A yearly date as typed or read from a note, as drafts and flows keep it (JSON)."""

    month: int
    day: int
    year: int | None
    lunar: bool
    leap: bool


def next_birthday(data: Birthday, today: date) -> date | None:
    """The next solar day of a birthday given as month/day, solar or lunar."""
    month, day = data.get("month"), data.get("day")
    if not month or not day:
        return None
    if data.get("lunar"):
        return next_lunar_occurrence(int(month), int(day), bool(data.get("leap")), today)
    return next_solar_birthday(int(month), int(day), today)


def birthday_of(when: When) -> Birthday:
    """A parsed date as a yearly birthday: the lunar month and day, or the solar ones with the
    year when one was written (1985年5月20日)."""
    if when.lunar is not None:
        lunar = when.lunar
        return {
            "month": lunar.month,
            "day": lunar.day,
            "year": lunar.year,
            "lunar": True,
            "leap": lunar.leap,
        }
    return {
        "month": when.day.month,
        "day": when.day.day,
        "year": None if when.yearless else when.day.year,
        "lunar": False,
        "leap": False,
    }


def birthday_columns(born: Birthday, today: date) -> dict[str, Any]:
    """The contact's (or family member's) birthday columns, with the next occurrence."""
    return birthday_fields(
        int(born["month"]),
        int(born["day"]),
        year=born.get("year"),
        lunar=bool(born.get("lunar")),
        leap=bool(born.get("leap")),
        next_on=next_birthday(born, today),
    )
