"""A visit plan (《客户走访单》) in one sentence: 明天上午10点拜访万科 目的是谈二期方案 见张总.

Reads the day (and time), the goal (目的是 / 目的: / 目标是 / 为了 …) and who will be met
(见 / 拜见 / 约了 …); the customer is matched by the caller against the rep's own customers,
so ``company_hint`` is only the words after 拜访 / 去 when no known name is in the text.
Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from parsing.dates import parse_when, remainder
from parsing.workdays import MAINLAND, WorkCalendar

__all__ = ["PlanText", "read_plan"]

_GOAL = re.compile(
    r"(?:目的是|目的:|目的:|目的|目标是|目标:|目标:|为了|主要是|准备)\s*(?P<goal>[^。;;\n]+?)"
    r"\s*(?=[,,。;;\s]*(?:见|拜见|约了|约见|找|会见)|[。;;\n]|$)"
)
_WHO = re.compile(
    r"(?:拜见|约见|会见|约了|去见|见|找)\s*(?P<who>[^\s,,。;;\n]{1,30}?)"
    r"\s*(?=[,,。;;\s]|目的|$)"
)
_COMPANY = re.compile(
    r"(?:去拜访|拜访|去|到)\s*(?P<name>[^\s,,。;;\n]{2,40}?)\s*(?=[,,。;;\s]|目的|见|$)"
)


@dataclass(frozen=True, slots=True)
class PlanText:
    """What a plan sentence says; None where it says nothing."""

    day: date | None
    at: datetime | None
    goal: str | None
    who: str | None
    company_hint: str | None


def read_plan(text: str, now: datetime, workdays: WorkCalendar = MAINLAND) -> PlanText:
    when = parse_when(text, now, workdays)
    rest = remainder(text, when) if when is not None else text
    goal = _GOAL.search(rest)
    who = _WHO.search(rest)
    company = _COMPANY.search(rest)
    at = when.start if when is not None and isinstance(when.start, datetime) else None
    return PlanText(
        day=when.day if when is not None else None,
        at=at,
        goal=re.sub(r"^[,,\s]+|[,,\s]+$", "", goal["goal"]) if goal else None,
        who=who["who"] if who else None,
        company_hint=company["name"] if company else None,
    )
