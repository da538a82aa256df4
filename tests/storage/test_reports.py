"""Periods in the manager's zone and the weekly report's outbox rows."""

from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Member, Role, Team
from storage.reports import period, weekly_report_pushes


def test_periods_start_on_monday_in_the_local_zone() -> None:
    wednesday = date(2026, 12, 2)
    week = period("week", wednesday, "Asia/Shanghai")
    assert (week.first, week.last) == (date(2026, 11, 30), wednesday)
    assert week.start == datetime(2026, 11, 29, 16, 0, tzinfo=UTC)
    assert week.end == datetime(2026, 12, 2, 16, 0, tzinfo=UTC)
    last = period("lastweek", wednesday, "Asia/Shanghai")
    assert (last.first, last.last) == (date(2026, 11, 23), date(2026, 11, 29))
    month = period("month", wednesday, "Asia/Shanghai")
    assert (month.first, month.last) == (date(2026, 12, 1), wednesday)
    assert period("today", wednesday, "Asia/Shanghai").first == wednesday


async def test_weekly_report_rows_on_monday_at_nine_local_once_per_week(
    session: AsyncSession,
) -> None:
    team = Team(name="华东销售一部", personal=False, group_chat_id=-100500)
    session.add(team)
    await session.flush()
    for n, zone in enumerate(("Asia/Shanghai", "Europe/London")):
        session.add(
            Member(telegram_user_id=n + 1, chat_id=n + 1, name=f"经理{n}", team_id=team.id,
                   role=Role.MANAGER, timezone=zone)
        )  # fmt: skip
    session.add(Team(name="一个人", personal=True))
    await session.flush()
    sunday = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)
    assert await weekly_report_pushes(session, sunday) == []
    shanghai_nine = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)  # Monday 09:00 in Shanghai
    pushes = await weekly_report_pushes(session, shanghai_nine)
    assert [(p.kind, p.dedupe_key.split(":")[0]) for p in pushes] == [
        ("weekly", "weekly"),
        ("weekly_group", "weekly-group"),
    ]
    assert pushes[0].payload == {"team_id": team.id, "week": "2026-11-30"}
    assert pushes[1].payload["chat_id"] == -100500
    london = await weekly_report_pushes(session, datetime(2026, 12, 7, 9, 30, tzinfo=UTC))
    assert {p.dedupe_key for p in london} >= {p.dedupe_key for p in pushes}  # same keys: once
    assert len(london) == 3
