"""A visit plan (《客户走访单》) in one sentence: 明天上午10点拜访万科 目的是谈二期方案 见张总.

Reads the day (and time), the goal (目的是 / 目的: / 目标是 / 为了 …) and who will be met
(见 / 拜见 / 约了 … / 和 … 见面); the customer is matched by the caller against the rep's own
customers, so ``company_hint`` is only the words after 拜访 / 拜见 / 登门 / 去 … when no known
name is in the text.
Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from parsing.dates import parse_when, remainder
from parsing.workdays import MAINLAND, WorkCalendar

__all__ = ["NotePlan", "PlanText", "plan_in_note", "read_plan"]

# The longer words first: 主要是为了谈续约 is the goal 谈续约.
_GOAL_WORDS = (
    "目的是为了|目的是|目的:|目的:|目的|目标是|目标:|目标:|主要是为了|主要为了|为了|主要是"
)
_GOAL = re.compile(
    rf"(?:{_GOAL_WORDS}|准备)\s*(?P<goal>[^。;;\n]+?)"
    r"\s*(?=[,,。;;\s]*(?:见|拜见|约了|约见|找|会见)|[。;;\n]|$)"
)
# A quick capture is a plan only when it says its goal outright (准备 is too common there).
_STATED_GOAL = re.compile(_GOAL.pattern.replace("|准备", ""))
_VISIT = re.compile(r"拜访|走访|拜见|拜会|上门|登门|见")
_WHO = re.compile(
    r"(?:拜见|约见|会见|约了|去见|见(?!面)|找)\s*(?P<who>[^\s,,。;;\n]{1,30}?)"
    r"\s*(?=[,,。;;\s]|目的|$)"
)
# 和王局长见面: the one met comes before the verb.
_MEETING = re.compile(r"(?:和|跟|与|同)\s*(?P<who>[^\s,,。;;\n]{1,30}?)\s*见面")
# The verbs of a visit whose object is the customer (拜见华东院王局长 reads like 拜访华东院王局长);
# the longer first, so 去见万科 is not 去 + 见万科.
_VISIT_VERBS = "登门拜访|上门拜访|去拜访|拜访|拜见|拜会|走访|登门|上门|去见|会见|约见|去|到"
_COMPANY = re.compile(
    rf"(?:{_VISIT_VERBS})\s*(?P<name>[^\s,,。;;\n]{{2,40}}?)\s*(?=[,,。;;\s]|目的|见|$)"
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
    meeting = _MEETING.search(rest)
    at = when.start if when is not None and isinstance(when.start, datetime) else None
    return PlanText(
        day=when.day if when is not None else None,
        at=at,
        goal=re.sub(r"^[,,\s]+|[,,\s]+$", "", goal["goal"]) if goal else None,
        who=who["who"] if who else meeting["who"] if meeting else None,
        company_hint=company["name"] if company else meeting["who"] if meeting else None,
    )


@dataclass(frozen=True, slots=True)
class NotePlan:
    """The plan in a quick capture: its goal and whom the rep will meet."""

    goal: str
    who: str | None


def plan_in_note(text: str, action: str, company: str | None) -> NotePlan | None:
    """A reminder of a visit that states its goal is a visit plan: 明天去拜访万科 目的是谈续约,
    下周三去华东院见王局 目标是确认需求. ``action`` is the reminder's words (去拜访万科), ``company``
    the note's customer; going to the customer (去万科) is a visit too."""
    goes = action.startswith("去") and company is not None and company in action
    if _VISIT.search(action) is None and not goes:
        return None
    goal = _STATED_GOAL.search(text)
    if goal is None:
        return None
    cleaned = re.sub(r"^[,,\s]+|[,,\s]+$", "", goal["goal"])
    if not cleaned:
        return None
    who = _WHO.search(text[: goal.start()] + " " + text[goal.end() :])
    return NotePlan(goal=cleaned, who=who["who"] if who else None)
