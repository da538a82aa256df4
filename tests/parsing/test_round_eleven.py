"""Round eleven of the note reader (2026-12-03, a new session): sentence in, facts out."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import FollowUpFact, parse_note

SH = ZoneInfo("Asia/Shanghai")
SEPT_20 = datetime(2026, 9, 20, 10, 0, tzinfo=SH)  # a Sunday, ten days before 国庆


def tasks(text: str, now: datetime) -> list[FollowUpFact]:
    return parse_note(text, now).follow_ups


def dues(text: str, now: datetime) -> list[str]:
    return [t.due.isoformat() for t in tasks(text, now)]


def test_a_task_before_a_holiday_said_by_its_first_day_is_due_the_day_before() -> None:
    # 放假 had made the day someone's time away: the task was lost
    assert [(t.due.isoformat(), t.action) for t in tasks("10月1号放假前把合同签了", SEPT_20)] == [
        ("2026-09-30", "把合同签")
    ]
    assert dues("周五放假前把报价发给王总", SEPT_20) == ["2026-09-24"]


def test_their_own_holiday_and_trip_are_still_no_task() -> None:
    assert dues("他们10月1号放假前要把货备齐", SEPT_20) == []
    assert dues("王总10月1号放假前出差去北京", SEPT_20) == []
