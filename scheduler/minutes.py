"""The planner's part of the visit cycle: 会谈纪要 due, late, and the manager's daily review.

- A rep with a meeting not written up finds it in the digest from the next working morning
  after it to its last day (📝 待写纪要: 华东电力设计院 12月1日的拜访还没写会谈纪要,还有 1 个工作日),
  with 📝 写纪要 — a line of the morning's one message, not a push of its own.
- A manager's digest lists the team's minutes past their last working day (纪要逾期), and the
  reps' visit plans waiting for the manager's ✅ 批准 (待批准的拜访计划), each with its buttons.
- A manager gets one review message a day with every 纪要 written since the last one, each
  with 👀 已阅 and 💬 批注, and the new customers' archives the reps created (✅ 已审核 / 💬);
  each is listed once.

Working days are the team's calendar (storage.minutes.team_calendars). Everything is read
for a batch of members at once, through the indexes of storage/cycle.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from parsing.workdays import MAINLAND, WorkCalendar
from scheduler import clock
from storage.minutes import (
    REVIEW_CAP,
    REVIEW_EXCERPT,
    ArchiveRow,
    OpenMinutes,
    ToReview,
    archives_in_teams,
    mark_archives_listed,
    mark_listed,
    overdue_in_teams,
    team_calendars,
    to_review_in_teams,
    unwritten_of,
)
from storage.models import Member, Role
from storage.outbox import NewPush
from storage.plans import PlanRow, plans_on, waiting_in_teams
from storage.push_items import (
    MinutesDueItem,
    MinutesLateItem,
    PlanItem,
    PlanPendingItem,
    ReviewItem,
    ReviewPayload,
)

REVIEW_KIND = "review"
KINDS = frozenset({REVIEW_KIND})


@dataclass
class CycleBatch:
    """What a batch of members needs from the visit cycle."""

    unwritten: dict[int, list[OpenMinutes]] = field(default_factory=lambda: defaultdict(list))
    overdue: dict[int, list[MinutesLateItem]] = field(default_factory=lambda: defaultdict(list))
    reviews: dict[int, list[ReviewItem]] = field(default_factory=dict)
    calendars: dict[int, WorkCalendar] = field(default_factory=dict)
    plans: dict[int, list[PlanRow]] = field(default_factory=lambda: defaultdict(list))
    waiting_plans: dict[int, list[PlanRow]] = field(default_factory=dict)  # by team
    # What the review messages list, by the managers' day: marked by mark_listed_reviews.
    minutes_listed: dict[date, list[int]] = field(default_factory=dict)
    archives_listed: list[tuple[int, int, date]] = field(default_factory=list)

    def calendar(self, team_id: int) -> WorkCalendar:
        return self.calendars.get(team_id, MAINLAND)


def _local_today(member: Member, now: datetime) -> date:
    return now.astimezone(clock.zone(member.timezone)).date()


async def read_cycle(session: Any, daily: Sequence[Member], now: datetime) -> CycleBatch:
    """The batch's unwritten minutes, the managers' late ones and their review lists (which
    mark_listed_reviews then marks as listed)."""
    data = CycleBatch()
    if not daily:
        return data
    data.calendars = await team_calendars(session, sorted({m.team_id for m in daily}))
    today_of = {m.id: _local_today(m, now) for m in daily}  # once per member, not per loop
    by_day: dict[date, list[int]] = defaultdict(list)
    for member_id, day in today_of.items():
        by_day[day].append(member_id)
    for day in sorted(by_day):
        for plan in await plans_on(session, by_day[day], day):
            data.plans[plan.member_id].append(plan)
    earliest, latest_day = min(by_day), max(by_day)
    for row in await unwritten_of(session, list(today_of), earliest, latest_day):
        data.unwritten[row.member_id].append(row)
    managers = [m for m in daily if m.role == Role.MANAGER]
    if not managers:
        return data
    latest = max(today_of[m.id] for m in managers)
    listed: set[int] = set()
    for late in await overdue_in_teams(session, sorted({m.team_id for m in managers}), latest):
        data.overdue[late.team_id].append(
            MinutesLateItem(
                type="minutes_late",
                id=late.id,
                customer_id=late.customer_id,
                customer=late.customer_name,
                member=late.member_name,
                kind=late.kind,
                met=late.met_on.isoformat(),
                due=late.due_on.isoformat(),
                late=0,  # counted from each manager's today in late_items
            )
        )
    team_ids = sorted({m.team_id for m in managers})
    earliest_manager = min(today_of[m.id] for m in managers)
    data.waiting_plans = await waiting_in_teams(session, team_ids, earliest_manager)
    written = await to_review_in_teams(session, team_ids)
    midnight = min(clock.local_midnight(today_of[m.id], m.timezone) for m in managers)
    archives = await archives_in_teams(session, team_ids, midnight)
    for manager in managers:
        today = today_of[manager.id]
        rows = written.get(manager.team_id, [])[:REVIEW_CAP]
        new = archives.get(manager.team_id, [])[:REVIEW_CAP]
        if not rows and not new:
            continue
        data.reviews[manager.id] = [_review_item(row) for row in rows] + [
            _archive_item(row) for row in new
        ]
        if manager.team_id in listed:
            continue  # a second manager of the team gets the same list
        listed.add(manager.team_id)
        data.minutes_listed.setdefault(today, []).extend(row.id for row in rows)
        data.archives_listed.extend((manager.team_id, a.customer_id, today) for a in new)
    return data


async def mark_listed_reviews(session: Any, data: CycleBatch) -> None:
    """Mark what the batch's review messages list, so the next day's do not list it again:
    in the planner's transaction, with the batch's other writes after all its reads, one
    statement for the batch, not one per manager."""
    for day, ids in data.minutes_listed.items():
        await mark_listed(session, ids, day)
    await mark_archives_listed(session, data.archives_listed)


def _archive_item(row: ArchiveRow) -> ReviewItem:
    return ReviewItem(
        type="archive",
        contacts=row.contacts,
        id=row.customer_id,
        customer_id=row.customer_id,
        customer=row.customer_name,
        member=row.creator_name,
        kind="",
        met="",
        text="",
        more=False,
        late=False,
    )


def _review_item(row: ToReview) -> ReviewItem:
    text = row.start or ""
    written = row.written_at
    written_on = written.astimezone(clock.zone(row.timezone)).date() if written else row.due_on
    return ReviewItem(
        type="minutes",
        contacts=0,
        id=row.id,
        customer_id=row.customer_id,
        customer=row.customer_name,
        member=row.member_name,
        kind=row.kind,
        met=row.met_on.isoformat(),
        text=text[:REVIEW_EXCERPT],
        more=len(text) > REVIEW_EXCERPT,
        late=written_on > row.due_on,
    )


def _hour(plan: PlanRow, member: Member) -> str | None:
    """The plan's hour on the member's clock (10:00), when one was said."""
    at = plan.planned_at
    return at.astimezone(clock.zone(member.timezone)).strftime("%H:%M") if at else None


def plan_items(member: Member, data: CycleBatch) -> list[PlanItem]:
    """The rep's visit plans for today (🗓 今日拜访计划)."""
    return [
        PlanItem(
            type="plan",
            id=plan.id,
            customer_id=plan.customer_id,
            customer=plan.customer_name,
            goal=plan.goal,
            who=plan.attendees,
            at=_hour(plan, member),
            status=plan.status,
        )
        for plan in data.plans.get(member.id, [])
    ]


def waiting_plan_items(member: Member, today: date, data: CycleBatch) -> list[PlanPendingItem]:
    """The manager's 待批准的拜访计划: the team's plans from today on still waiting for him."""
    if member.role != Role.MANAGER:
        return []
    return [
        PlanPendingItem(
            type="plan_pending",
            id=plan.id,
            customer_id=plan.customer_id,
            customer=plan.customer_name,
            member=plan.member_name,
            goal=plan.goal,
            day=plan.planned_for.isoformat(),
            at=_hour(plan, member),
        )
        for plan in data.waiting_plans.get(member.team_id, [])
        if plan.planned_for >= today and plan.member_id != member.id
    ]


def late_items(member: Member, today: date, data: CycleBatch) -> list[MinutesLateItem]:
    """The manager's 纪要逾期 lines for today: how many working days each is late."""
    if member.role != Role.MANAGER:
        return []
    calendar = data.calendar(member.team_id)
    items: list[MinutesLateItem] = []
    for item in data.overdue.get(member.team_id, []):
        due = date.fromisoformat(item["due"])
        if due >= today:
            continue
        late = item.copy()
        late["late"] = max(1, calendar.between(due, today))
        items.append(late)
    return items


def due_items(member: Member, today: date, data: CycleBatch) -> list[MinutesDueItem]:
    """The rep's meetings still without a 纪要, on each working morning from the next working
    day after the meeting to the last day (📝 待写纪要 in the digest)."""
    calendar = data.calendar(member.team_id)
    if not calendar.is_workday(today):
        return []
    items: list[MinutesDueItem] = []
    for row in data.unwritten.get(member.id, []):
        if not calendar.next_workday(row.met_on) <= today <= row.due_on:
            continue
        items.append(
            MinutesDueItem(
                type="minutes_due",
                id=row.id,
                customer_id=row.customer_id,
                customer=row.customer_name,
                kind=row.kind,
                met=row.met_on.isoformat(),
                due=row.due_on.isoformat(),
                left=calendar.between(today, row.due_on),
            )
        )
    return items


def cycle_pushes(
    member: Member, today: date, data: CycleBatch, at_digest: datetime
) -> list[NewPush]:
    """The manager's review message (one a day, with every item to review)."""
    review = data.reviews.get(member.id)
    if not review:
        return []
    return [
        NewPush(
            member.id,
            REVIEW_KIND,
            today.isoformat(),
            at_digest,
            f"review:{member.id}:{today.isoformat()}",
            ReviewPayload(day=today.isoformat(), items=list(review)),
        )
    ]
