"""会谈纪要: what is due for whom, what the manager reviews, and the team's calendar setting.

Every query is scoped: a rep reads and writes their own minutes, a manager their team's. The
planner's reads go through the partial indexes of storage/cycle.py (the open minutes by
member or team, the written ones not yet listed by team), so their cost follows what is due,
not how many meetings were ever held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    String,
    bindparam,
    func,
    select,
    type_coerce,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.workdays import WorkCalendar, Workweek, work_calendar
from storage.actor import Actor, NotAllowed
from storage.audit import record
from storage.customers import records_in_reach
from storage.cycle import ArchiveReview, MeetingMinutes, PlanStatus, TeamCycle, VisitPlan
from storage.models import Contact, Customer, Interaction, InteractionKind, Member, Role, utcnow
from storage.naming import heading
from storage.once import insert_once

# How many minutes one review message lists; the rest wait for the next day's.
REVIEW_CAP = 10
# A review message shows this much of each 纪要; the whole text is a press away.
REVIEW_EXCERPT = 300


@dataclass(frozen=True, slots=True)
class MinutesRow:
    """One meeting's 纪要 with the names a message needs."""

    id: int
    member_id: int
    member_name: str
    team_id: int
    customer_id: int
    customer_name: str
    kind: InteractionKind
    met_on: date
    due_on: date
    written_at: datetime | None
    text: str | None
    timezone: str


def _rows_query() -> Any:  # a Select of MinutesRow's columns
    return (
        select(
            MeetingMinutes.id,
            MeetingMinutes.member_id,
            Member.name,
            MeetingMinutes.team_id,
            MeetingMinutes.customer_id,
            Customer.name,
            MeetingMinutes.kind,
            MeetingMinutes.met_on,
            MeetingMinutes.due_on,
            MeetingMinutes.written_at,
            MeetingMinutes.text,
            Member.timezone,
        )
        .join(Member, Member.id == MeetingMinutes.member_id)
        .join(Customer, Customer.id == MeetingMinutes.customer_id)
        .where(Customer.deleted_at.is_(None))
    )


def _in_reach(actor: Actor) -> list[ColumnElement[bool]]:
    """The minutes a member reaches (storage.customers.records_in_reach)."""
    return records_in_reach(actor, MeetingMinutes.team_id, MeetingMinutes.member_id)


async def _rows(session: AsyncSession, statement: Select[Any]) -> list[MinutesRow]:
    return [MinutesRow(*row) for row in (await session.execute(statement)).all()]


# -- the planner's reads ---------------------------------------------------------------------
# Built once with bound parameters (building a SELECT and its cache key for every batch cost
# more than running it), on the tables' columns rather than the ORM's (the rows need none of
# its loading), the kind as its stored text (what the items carry). Each reads a small
# partial index of storage/cycle.py; the open minutes' index covers every column the digest
# needs, so the table's own pages are not read for them.
_minutes = MeetingMinutes.__table__
_customers = Customer.__table__
_members = Member.__table__
_mm, _cu, _me = _minutes.c, _customers.c, _members.c
_KIND = type_coerce(_mm.kind, String)


@dataclass(frozen=True, slots=True)
class OpenMinutes:
    """A meeting still without its 纪要, as the rep's digest lists it."""

    id: int
    member_id: int
    customer_id: int
    customer_name: str
    kind: str  # an InteractionKind's value
    met_on: date
    due_on: date


@dataclass(frozen=True, slots=True)
class LateMinutes:
    """A team's 纪要 past its last day, as the manager's digest lists it."""

    id: int
    team_id: int
    member_name: str
    customer_id: int
    customer_name: str
    kind: str
    met_on: date
    due_on: date


@dataclass(frozen=True, slots=True)
class ToReview:
    """A written 纪要 for the manager's review message: the start of its text (a character
    past REVIEW_EXCERPT says there is more), and what tells whether it came late."""

    id: int
    team_id: int
    member_name: str
    customer_id: int
    customer_name: str
    kind: str
    met_on: date
    due_on: date
    written_at: datetime | None  # never None here: only written minutes are reviewed
    timezone: str
    start: str | None


_UNWRITTEN = (
    select(_mm.id, _mm.member_id, _mm.customer_id, _cu.name, _KIND, _mm.met_on, _mm.due_on)
    .select_from(
        _minutes.join(_members, _me.id == _mm.member_id).join(_customers, _cu.id == _mm.customer_id)
    )
    .where(
        _mm.member_id.in_(bindparam("members", expanding=True)),
        _me.team_id == _mm.team_id,  # not the minutes of a team the member left
        _mm.written_at.is_(None),
        _mm.due_on >= bindparam("due_from"),
        _mm.met_on < bindparam("met_before"),
        _cu.deleted_at.is_(None),
    )
    .order_by(_mm.due_on, _mm.id)
)

_OVERDUE = (
    select(_mm.id, _mm.team_id, _me.name, _mm.customer_id, _cu.name, _KIND, _mm.met_on, _mm.due_on)
    .select_from(
        _minutes.join(_members, _me.id == _mm.member_id).join(_customers, _cu.id == _mm.customer_id)
    )
    .where(
        _mm.team_id.in_(bindparam("teams", expanding=True)),
        # a member who left cannot write it any more: not asked for every morning
        _me.team_id == _mm.team_id,
        _mm.written_at.is_(None),
        _mm.due_on < bindparam("today"),
        _cu.deleted_at.is_(None),
    )
    .order_by(_mm.due_on, _mm.id)
)

# At most REVIEW_CAP per team (the rest wait for the next day's message): a backlog is never
# read whole. A manager's own minutes need no review.
_RANKED = (
    select(
        _mm.id,
        func.row_number()
        .over(partition_by=_mm.team_id, order_by=(_mm.written_at, _mm.id))
        .label("n"),
    )
    .select_from(_minutes.join(_members, _me.id == _mm.member_id))
    .where(
        _mm.team_id.in_(bindparam("teams", expanding=True)),
        _mm.written_at.is_not(None),
        _mm.reviewed_at.is_(None),
        _mm.review_listed_on.is_(None),
        _me.role != Role.MANAGER,
    )
    .subquery()
)
_TO_REVIEW = (
    select(
        _mm.id,
        _mm.team_id,
        _me.name,
        _mm.customer_id,
        _cu.name,
        _KIND,
        _mm.met_on,
        _mm.due_on,
        _mm.written_at,
        _me.timezone,
        func.substr(_mm.text, 1, REVIEW_EXCERPT + 1),
    )
    .select_from(
        _minutes.join(_RANKED, _RANKED.c.id == _mm.id)
        .join(_members, _me.id == _mm.member_id)
        .join(_customers, _cu.id == _mm.customer_id)
    )
    .where(_RANKED.c.n <= REVIEW_CAP, _cu.deleted_at.is_(None))
    .order_by(_mm.written_at, _mm.id)
)

_MARK_LISTED = (
    update(MeetingMinutes)
    .where(MeetingMinutes.id.in_(bindparam("ids", expanding=True)))
    .values(review_listed_on=bindparam("on", type_=Date))
    .execution_options(synchronize_session=False)
)

_CALENDARS = select(TeamCycle.team_id, TeamCycle.workweek).where(
    TeamCycle.team_id.in_(bindparam("teams", expanding=True))
)


async def unwritten_of(
    session: AsyncSession, member_ids: Sequence[int], due_from: date, met_before: date
) -> list[OpenMinutes]:
    """The members' minutes not written yet, due on or after ``due_from``, of meetings before
    ``met_before`` (today's meetings are asked about from the next working day)."""
    if not member_ids:
        return []
    rows = await session.execute(
        _UNWRITTEN,
        {"members": sorted(member_ids), "due_from": due_from, "met_before": met_before},
    )
    return [OpenMinutes(*row) for row in rows.all()]


async def overdue_in_teams(
    session: AsyncSession, team_ids: Sequence[int], today: date
) -> list[LateMinutes]:
    """The teams' minutes still unwritten after their last day (oldest first)."""
    if not team_ids:
        return []
    rows = await session.execute(_OVERDUE, {"teams": sorted(team_ids), "today": today})
    return [LateMinutes(*row) for row in rows.all()]


async def to_review_in_teams(
    session: AsyncSession, team_ids: Sequence[int]
) -> dict[int, list[ToReview]]:
    """Per team: the first REVIEW_CAP written minutes not yet listed in a review, oldest
    first."""
    if not team_ids:
        return {}
    found: dict[int, list[ToReview]] = {}
    for row in (await session.execute(_TO_REVIEW, {"teams": sorted(team_ids)})).all():
        found.setdefault(row[1], []).append(ToReview(*row))
    return found


async def mark_listed(session: AsyncSession, ids: Sequence[int], on: date) -> None:
    if ids:
        await session.execute(_MARK_LISTED, {"ids": sorted(ids), "on": on})


async def team_calendars(session: AsyncSession, team_ids: Sequence[int]) -> dict[int, WorkCalendar]:
    """Each team's working-day calendar (mainland unless the team chose Monday–Friday)."""
    found = {team_id: work_calendar(None) for team_id in team_ids}
    if team_ids:
        rows = await session.execute(_CALENDARS, {"teams": sorted(set(team_ids))})
        for team_id, workweek in rows.all():
            found[team_id] = work_calendar(workweek)
    return found


# -- the team's setting ----------------------------------------------------------------------


async def team_cycle(session: AsyncSession, team_id: int) -> TeamCycle:
    """The team's row, with the defaults when it has none yet (not added to the session)."""
    row = await session.get(TeamCycle, team_id)
    if row is None:
        return TeamCycle(
            team_id=team_id, workweek=Workweek.MAINLAND.value, plans_need_approval=True
        )
    return row


async def set_workweek(session: AsyncSession, actor: Actor, workweek: Workweek) -> None:
    """The manager picks the team's calendar; recorded in the audit log."""
    if not actor.is_manager:
        raise NotAllowed
    row = await session.get(TeamCycle, actor.team_id)
    if row is None:
        row = TeamCycle(team_id=actor.team_id, plans_need_approval=True)
        session.add(row)
    row.workweek = workweek.value
    record(session, actor, "team.workweek", "team", actor.team_id, workweek.value)


# -- a rep's minutes and a manager's review --------------------------------------------------


class MinutesRepo:
    """Minutes as the acting member may see them."""

    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor

    async def own_unwritten(self) -> list[MinutesRow]:
        return await _rows(
            self.session,
            _rows_query()
            .where(
                *_in_reach(self.actor),
                MeetingMinutes.member_id == self.actor.member_id,
                MeetingMinutes.written_at.is_(None),
            )
            .order_by(MeetingMinutes.due_on, MeetingMinutes.id),
        )

    async def row(self, minutes_id: int) -> MinutesRow | None:
        """One of the actor's own minutes, or (for a manager) of the team."""
        statement = _rows_query().where(MeetingMinutes.id == minutes_id, *_in_reach(self.actor))
        found = await _rows(self.session, statement)
        return found[0] if found else None

    async def write(self, minutes_id: int, text: str) -> MeetingMinutes | None:
        """The member's summary of their own meeting; a rewrite keeps the first written time."""
        row = await self.row(minutes_id)
        if row is None or row.member_id != self.actor.member_id:
            return None
        minutes = await self.session.get_one(MeetingMinutes, minutes_id)
        minutes.text = text
        if minutes.written_at is None:
            minutes.written_at = utcnow()
        return minutes

    async def _reviewable(self, minutes_id: int) -> MeetingMinutes | None:
        if not self.actor.is_manager or await self.row(minutes_id) is None:
            return None
        return await self.session.get_one(MeetingMinutes, minutes_id)

    async def mark_seen(self, minutes_id: int) -> MeetingMinutes | None:
        minutes = await self._reviewable(minutes_id)
        if minutes is None:
            return None
        if minutes.reviewed_at is None:
            minutes.reviewed_at = utcnow()
            minutes.reviewed_by_id = self.actor.member_id
            record(self.session, self.actor, "minutes.seen", "meeting_minutes", minutes.id)
        return minutes

    async def comment(self, minutes_id: int, text: str) -> MeetingMinutes | None:
        """A manager's 批注: kept on the record, counts as reviewed, audited."""
        minutes = await self._reviewable(minutes_id)
        if minutes is None:
            return None
        now = utcnow()
        minutes.comment = f"{minutes.comment}\n{text}" if minutes.comment else text
        minutes.commented_at = now
        if minutes.reviewed_at is None:
            minutes.reviewed_at = now
            minutes.reviewed_by_id = self.actor.member_id
        record(self.session, self.actor, "minutes.comment", "meeting_minutes", minutes.id)
        return minutes


# -- the customer's copy ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MinutesSheet:
    """What the customer's copy of a 纪要 shows (the rep's own meeting only)."""

    id: int
    customer_name: str
    customer_address: str | None
    location: str | None
    occurred_at: datetime
    timezone: str
    kind: InteractionKind
    our_side: list[str]
    their_side: list[str]
    text: str


class CustomerCopies:
    """The rep renders, sends and has confirmed the customer's copy of their own 纪要."""

    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor

    async def _own_written(self, minutes_id: int) -> MeetingMinutes | None:
        row = await MinutesRepo(self.session, self.actor).row(minutes_id)
        if row is None or row.member_id != self.actor.member_id or not row.text:
            return None
        return await self.session.get_one(MeetingMinutes, minutes_id)

    async def sheet(self, minutes_id: int) -> MinutesSheet | None:
        minutes = await self._own_written(minutes_id)
        if minutes is None:
            return None
        interaction = await self.session.get(Interaction, minutes.interaction_id)
        customer = await self.session.get(Customer, minutes.customer_id)
        member = await self.session.get(Member, minutes.member_id)
        if interaction is None or customer is None or member is None or customer.deleted_at:
            return None
        await self.session.refresh(interaction, attribute_names=["contacts"])
        their_side = [
            heading(c.name, c.surname, c.title, c.salutation, addressed=False)
            for c in interaction.contacts
            if c.deleted_at is None
        ]
        record(self.session, self.actor, "minutes.customer_copy", "meeting_minutes", minutes.id)
        return MinutesSheet(
            id=minutes.id,
            customer_name=customer.name,
            customer_address=customer.address,
            location=interaction.location,
            occurred_at=interaction.occurred_at,
            timezone=member.timezone,
            kind=interaction.kind,
            our_side=[member.name],
            their_side=their_side,
            text=minutes.text or "",
        )

    async def mark_sent(self, minutes_id: int) -> MeetingMinutes | None:
        minutes = await self._own_written(minutes_id)
        if minutes is not None and minutes.sent_to_customer_at is None:
            minutes.sent_to_customer_at = utcnow()
            record(self.session, self.actor, "minutes.sent", "meeting_minutes", minutes.id)
        return minutes

    async def mark_confirmed(self, minutes_id: int) -> MeetingMinutes | None:
        minutes = await self._own_written(minutes_id)
        if minutes is not None and minutes.customer_confirmed_at is None:
            now = utcnow()
            minutes.customer_confirmed_at = now
            if minutes.sent_to_customer_at is None:
                minutes.sent_to_customer_at = now
            record(self.session, self.actor, "minutes.confirmed", "meeting_minutes", minutes.id)
        return minutes


# -- the team summary's columns --------------------------------------------------------------


@dataclass
class CycleStats:
    """One member's visit cycle over a period: plans by the day they were written (the rep's
    work of the period, as 新客户 counts by creation: a plan for next week written today is
    today's, and the manager's ✅ 批准 does not move it), 纪要 by the meeting's day."""

    plans: int = 0
    plans_approved: int = 0
    plans_asked: int = 0  # plans that went to the manager (pending, approved or commented)
    plans_pending: int = 0  # …of which still wait for the manager's answer now
    minutes_on_time: int = 0
    minutes_late: int = 0
    minutes_missing: int = 0  # past the last day and still not written
    minutes_reviewed: int = 0
    minutes_written: int = 0

    def add(self, other: CycleStats) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def any(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


async def cycle_stats(
    session: AsyncSession, actor: Actor, first: date, last: date, today: date
) -> dict[int, CycleStats]:
    """Per member of the manager's team: plans and 纪要 from ``first`` to ``last`` (local days)."""
    if not actor.is_manager:
        raise NotAllowed("managers only")
    stats: dict[int, CycleStats] = {}

    def of(member_id: int) -> CycleStats:
        return stats.setdefault(member_id, CycleStats())

    asked = (PlanStatus.PENDING.value, PlanStatus.APPROVED.value, PlanStatus.COMMENTED.value)
    # Written on a local day of the period: a day either side in UTC, then each rep's own day.
    plans = await session.execute(
        select(VisitPlan.member_id, VisitPlan.status, VisitPlan.created_at, Member.timezone)
        .join(Member, Member.id == VisitPlan.member_id)
        .join(Customer, Customer.id == VisitPlan.customer_id)
        .where(
            VisitPlan.team_id == actor.team_id,
            VisitPlan.created_at >= datetime.combine(first - timedelta(days=1), time(), UTC),
            VisitPlan.created_at < datetime.combine(last + timedelta(days=2), time(), UTC),
            VisitPlan.status.in_([*asked, PlanStatus.FILED.value]),
            Customer.deleted_at.is_(None),
        )
    )
    for member_id, status, made, timezone in plans.all():
        if not first <= made.astimezone(ZoneInfo(timezone)).date() <= last:
            continue
        line = of(member_id)
        line.plans += 1
        line.plans_asked += status in asked
        line.plans_approved += status == PlanStatus.APPROVED.value
        line.plans_pending += status == PlanStatus.PENDING.value
    minutes = await session.execute(
        select(
            MeetingMinutes.member_id,
            MeetingMinutes.due_on,
            MeetingMinutes.written_at,
            MeetingMinutes.reviewed_at,
            Member.timezone,
        )
        .join(Member, Member.id == MeetingMinutes.member_id)
        .join(Customer, Customer.id == MeetingMinutes.customer_id)
        .where(
            MeetingMinutes.team_id == actor.team_id,
            MeetingMinutes.met_on >= first,
            MeetingMinutes.met_on <= last,
            Customer.deleted_at.is_(None),
        )
    )
    for member_id, due, written, reviewed, timezone in minutes.all():
        line = of(member_id)
        if written is None:
            line.minutes_missing += due < today
            continue
        line.minutes_written += 1
        line.minutes_reviewed += reviewed is not None
        if written.astimezone(ZoneInfo(timezone)).date() <= due:
            line.minutes_on_time += 1
        else:
            line.minutes_late += 1
    return stats


# -- new customers' archives in the review ---------------------------------------------------

# A new customer is listed for review from the day after it was created, for this long.
ARCHIVE_WINDOW_DAYS = 14


@dataclass(frozen=True, slots=True)
class ArchiveRow:
    customer_id: int
    customer_name: str
    creator_id: int
    creator_name: str
    contacts: int


# Customers created in the window: a range of ix_customer_created_at, then their teams.
_ARCHIVES = (
    select(
        Customer.team_id,
        Customer.id,
        Customer.name,
        Member.id,
        Member.name,
        select(func.count())
        .select_from(Contact)
        .where(Contact.customer_id == Customer.id, Contact.deleted_at.is_(None))
        .scalar_subquery(),
    )
    .join(Member, Member.id == Customer.created_by_id)
    .outerjoin(ArchiveReview, ArchiveReview.customer_id == Customer.id)
    .where(
        Customer.team_id.in_(bindparam("teams", expanding=True)),
        Customer.deleted_at.is_(None),
        Customer.created_at >= bindparam("since"),
        Customer.created_at < bindparam("before"),
        Member.role != Role.MANAGER,
        ArchiveReview.customer_id.is_(None),
    )
    .order_by(Customer.created_at, Customer.id)
)


async def archives_in_teams(
    session: AsyncSession, team_ids: Sequence[int], before: datetime
) -> dict[int, list[ArchiveRow]]:
    """Per team: customers a rep created in the window before ``before`` (the managers' local
    midnight), not yet listed in a review, oldest first."""
    if not team_ids:
        return {}
    since = before - timedelta(days=ARCHIVE_WINDOW_DAYS)
    rows = await session.execute(
        _ARCHIVES, {"teams": sorted(team_ids), "since": since, "before": before}
    )
    found: dict[int, list[ArchiveRow]] = {}
    for team_id, *rest in rows.all():
        found.setdefault(team_id, []).append(ArchiveRow(*rest))
    return found


async def mark_archives_listed(
    session: AsyncSession, listed: Sequence[tuple[int, int, date]]
) -> None:
    """(team id, customer id, day) of the archives a review message listed. A row already
    there (another planner listed it at the same moment) is left as it is."""
    if listed:
        now = utcnow()
        await session.execute(
            insert_once(session, ArchiveReview, ["customer_id"]),
            [
                {"team_id": team, "customer_id": customer, "listed_on": day, "created_at": now}
                for team, customer, day in listed
            ],
        )


class ArchiveReviews:
    """The manager's ✅ 已审核 and 💬 on a new customer's archive (the team's only; audited)."""

    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor

    async def _reviewable(self, customer_id: int) -> tuple[ArchiveReview, Customer] | None:
        if not self.actor.is_manager:
            return None
        review = await self.session.get(ArchiveReview, customer_id)
        customer = await self.session.get(Customer, customer_id)
        if review is None or customer is None or review.team_id != self.actor.team_id:
            return None
        return review, customer

    async def approve_target(self, customer_id: int) -> Customer | None:
        """The customer if the actor may review its archive (nothing is changed)."""
        found = await self._reviewable(customer_id)
        return found[1] if found else None

    async def approve(self, customer_id: int) -> Customer | None:
        found = await self._reviewable(customer_id)
        if found is None:
            return None
        review, customer = found
        if review.reviewed_at is None:
            review.reviewed_at = utcnow()
            review.reviewed_by_id = self.actor.member_id
            record(self.session, self.actor, "archive.reviewed", "customer", customer_id)
        return customer

    async def comment(self, customer_id: int, text: str) -> Customer | None:
        found = await self._reviewable(customer_id)
        if found is None:
            return None
        review, customer = found
        review.comment = f"{review.comment}\n{text}" if review.comment else text
        if review.reviewed_at is None:
            review.reviewed_at = utcnow()
            review.reviewed_by_id = self.actor.member_id
        record(self.session, self.actor, "archive.comment", "customer", customer_id)
        return customer
