"""The planner: decides what is due for whom, and when, and writes it to the outbox.

It runs for every member whose `plan_due_at` has come: once a day a little before their digest
time (the daily run builds the morning digest), and again soon after their data changed (a
replan adds what became due: a timed follow-up, today's birthday, tomorrow's trip). Every push
has a dedupe key, so running it twice plans nothing twice.

Members are planned in batches; every query reads an index (see storage/planning.py), and
date-keyed reads (birthdays, trips) are shared by the whole batch, so a whole day for every
member costs what is due rather than the size of the archive.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, get_args

from scheduler import clock
from scheduler.content import FESTIVAL_NOTICE_DAYS, festivals_within
from scheduler.minutes import (
    CycleBatch,
    cycle_pushes,
    due_items,
    late_items,
    mark_listed_reviews,
    plan_items,
    read_cycle,
    waiting_plan_items,
)
from storage.assignment import handover_pushes
from storage.deals import OverdueDeal, StaleDeal, overdue_deals, stale_deals
from storage.engine import SessionFactory
from storage.models import Grade, Member, Role, Team
from storage.naming import spoken
from storage.outbox import NewPush, enqueue, failed_in_teams
from storage.payments import (
    DueInstallment,
    installment_name,
    installments_due,
    installments_overdue,
)
from storage.planning import (
    BirthdayRow,
    CustomerRow,
    FollowUpRow,
    KeyContactRow,
    TripRow,
    birthdays_on,
    contacts_with_trips,
    customers_quiet_since,
    follow_ups_through,
    key_contacts_of_a_grade,
    members_to_plan,
    past_cadence,
    quiet_hours,
    roll_birthdays,
    save_plans,
    team_cadence,
    teams_by_id,
    timed_follow_ups,
    trips_around,
)
from storage.push_items import (
    BirthdayItem,
    ColdItem,
    DealItem,
    DigestPayload,
    FailedItem,
    FestivalContact,
    FestivalItem,
    FestivalPayload,
    FollowUpItem,
    Item,
    ItemType,
    NewCustomerItem,
    PaymentItem,
    Section,
    SinglePayload,
    StaleDealItem,
    TripItem,
    TripUnknownItem,
)
from storage.replan import NO_REPLAN
from storage.reports import weekly_report_pushes

log = logging.getLogger(__name__)

# The daily run happens this long before the digest time, so the digest leaves on the minute.
PLAN_AHEAD = timedelta(minutes=2)
# Timed follow-ups are planned this far ahead; the next daily run comes before it runs out.
TIMED_HORIZON = timedelta(hours=36)
# A timed follow-up recorded after its time is not pushed if it is older than this.
TIMED_GRACE = timedelta(hours=1)
BIRTHDAY_NOTICES = (0, 3, 7)
NEW_CUSTOMER_DAYS = 5
SECTION_CAP = 10
TRIP_EVE = time(18, 0)
BATCH = 500
# Below this many members a batch reads birthdays and trips through the owners' customers;
# above it, once per date for everyone (cheaper for a whole day's run).
SMALL_BATCH = 50
FAILED_LOOKBACK = timedelta(days=2)

# The digest's sections in their order, each named by the type of its items: the order
# storage/push_items.ItemType lists them in (one list, not two to keep in step).
SECTIONS: tuple[ItemType, ...] = get_args(ItemType)
# Deals asked about (past their close date, or stuck in a stage): at most this many a day
# in both sections together, the most valuable first.
DEAL_CAP = 3
# An installment is in its owner's digest from this many days before its due date.
PAYMENT_NOTICE_DAYS = 3


@dataclass
class PlanStats:
    members: int = 0
    digests: int = 0
    pushes: int = 0
    birthdays_rolled: int = 0


@dataclass
class _Batch:
    """What one batch of members needs, read with a few indexed queries."""

    follow_ups: dict[int, list[FollowUpRow]] = field(default_factory=lambda: defaultdict(list))
    timed: dict[int, list[FollowUpRow]] = field(default_factory=lambda: defaultdict(list))
    birthdays: dict[int, list[BirthdayRow]] = field(default_factory=lambda: defaultdict(list))
    trips: dict[int, list[TripRow]] = field(default_factory=lambda: defaultdict(list))
    quiet_customers: dict[int, list[CustomerRow]] = field(default_factory=lambda: defaultdict(list))
    key_contacts: dict[int, list[KeyContactRow]] = field(default_factory=lambda: defaultdict(list))
    with_trips: set[int] = field(default_factory=set)
    failed: dict[int, list[FailedItem]] = field(default_factory=dict)
    cycle: CycleBatch = field(default_factory=CycleBatch)
    deals: dict[int, list[OverdueDeal]] = field(default_factory=lambda: defaultdict(list))
    stale: dict[int, list[StaleDeal]] = field(default_factory=lambda: defaultdict(list))
    payments: dict[int, list[DueInstallment]] = field(default_factory=lambda: defaultdict(list))
    team_payments: dict[int, list[DueInstallment]] = field(
        default_factory=lambda: defaultdict(list)
    )


def local_today(member: Member, now: datetime) -> date:
    return now.astimezone(clock.zone(member.timezone)).date()


def local_hour(member: Member, now: datetime) -> int:
    return now.astimezone(clock.zone(member.timezone)).hour


def digest_moment(member: Member, day: date) -> datetime:
    return clock.local_moment(day, member.digest_time, member.timezone)


def is_daily_run(member: Member, now: datetime) -> bool:
    today = local_today(member, now)
    if member.digest_planned_on is not None and member.digest_planned_on >= today:
        return False
    return now >= digest_moment(member, today) - PLAN_AHEAD


def next_plan_at(member: Member, now: datetime, planned_today: bool) -> datetime:
    today = local_today(member, now)
    day = today + timedelta(days=1) if planned_today else today
    return digest_moment(member, day) - PLAN_AHEAD


class Planner:
    def __init__(self, sessions: SessionFactory, *, batch: int = BATCH) -> None:
        self.sessions = sessions
        self.batch = batch

    async def run(self, now: datetime | None = None) -> PlanStats:
        """Plan every member whose time has come; returns what was done."""
        now = now or clock.now()
        stats = PlanStats()
        async with self.sessions() as session:
            session.sync_session.info[NO_REPLAN] = True
            stats.birthdays_rolled = await roll_birthdays(session, now.date() - timedelta(days=1))
            # Team-level pushes: Monday's weekly report and the one-week rule's day-8 notice
            # (deduplicated by key, so asking on every pass sends each once).
            await enqueue(session, await weekly_report_pushes(session, now))
            await enqueue(session, await handover_pushes(session, now))
            await session.commit()
        shared: dict[Any, Any] = {}
        while True:
            async with self.sessions() as session:
                session.sync_session.info[NO_REPLAN] = True
                members = await members_to_plan(session, now, self.batch)
                if not members:
                    break
                await self._plan_batch(session, members, now, stats, shared)
                await session.commit()
        return stats

    async def _plan_batch(
        self,
        session: Any,
        members: Sequence[Member],
        now: datetime,
        stats: PlanStats,
        shared: dict[Any, Any],
    ) -> None:
        teams = await teams_by_id(session, [m.team_id for m in members])
        daily = [m for m in members if is_daily_run(m, now)]
        daily_ids = {m.id for m in daily}
        data = await self._read(session, members, daily, teams, now, shared)
        pushes: list[NewPush] = []
        plans: list[dict[str, Any]] = []
        for member in members:
            team = teams.get(member.team_id)
            is_daily = member.id in daily_ids
            member_pushes, digest = plan_member(member, team, now, is_daily, data)
            pushes.extend(member_pushes)
            stats.digests += digest
            today = local_today(member, now)
            planned = is_daily or (member.digest_planned_on or date.min) >= today
            plans.append(
                {
                    "id": member.id,
                    "plan_due_at": next_plan_at(member, now, planned),
                    "digest_planned_on": today if is_daily else member.digest_planned_on,
                }
            )
        await enqueue(session, pushes)
        await mark_listed_reviews(session, data.cycle)
        await save_plans(session, plans)
        stats.members += len(members)
        stats.pushes += len(pushes)

    async def _read(
        self,
        session: Any,
        members: Sequence[Member],
        daily: Sequence[Member],
        teams: dict[int, Team],
        now: datetime,
        shared: dict[Any, Any],
    ) -> _Batch:
        data = _Batch()
        ids = [m.id for m in members]
        daily_ids = [m.id for m in daily]
        everyone = len(members) > SMALL_BATCH
        owners: Sequence[int] | None = None if everyone else ids

        for row in await timed_follow_ups(session, ids, now - TIMED_GRACE, now + TIMED_HORIZON):
            data.timed[row.member_id].append(row)

        async def once(key: Any, read: Callable[[], Awaitable[list[Any]]]) -> list[Any]:
            # Date-keyed reads for everyone are made once per run and shared by every batch.
            if not everyone:
                return await read()
            if key not in shared:
                shared[key] = await read()
            return list(shared[key])

        days = sorted(
            {local_today(m, now) + timedelta(days=n) for m in members for n in BIRTHDAY_NOTICES}
        )
        for row in await once(("bd", tuple(days)), lambda: birthdays_on(session, days, owners)):
            data.birthdays[row.owner_id].append(row)
        seen: set[tuple[int, int]] = set()
        for today in sorted({local_today(m, now) for m in members}):

            def read_trips(day: date = today) -> Awaitable[list[TripRow]]:
                return trips_around(session, day, owners)

            for trip in await once(("trip", today), read_trips):
                if (trip.owner_id, trip.id) not in seen:
                    seen.add((trip.owner_id, trip.id))
                    data.trips[trip.owner_id].append(trip)

        if not daily_ids:
            return data
        data.cycle = await read_cycle(session, daily, now)
        latest = max(local_today(m, now) for m in daily)
        for row in await follow_ups_through(session, daily_ids, latest):
            data.follow_ups[row.member_id].append(row)
        # The shortest cadence per grade among the batch's teams; exact ones are applied later.
        cadences: dict[Grade | None, list[int]] = {Grade.A: [], Grade.B: [], Grade.C: []}
        for team in teams.values():
            cadences[Grade.A].append(team.cadence_a_days)
            cadences[Grade.B].append(team.cadence_b_days)
            cadences[Grade.C].append(team.cadence_c_days)
        before = {
            grade: now - timedelta(days=max(1, min(values, default=30)))
            for grade, values in cadences.items()
        }
        for deal in await overdue_deals(session, daily_ids, latest):
            data.deals[deal.owner_id].append(deal)
        # The shortest stage limit among the teams; each member's own is applied later.
        stage_days = min((t.deal_stage_days for t in teams.values()), default=30)
        for stale in await stale_deals(session, daily_ids, now - timedelta(days=stage_days)):
            data.stale[stale.owner_id].append(stale)
        notice = latest + timedelta(days=PAYMENT_NOTICE_DAYS)
        for due in await installments_due(session, daily_ids, notice):
            data.payments[due.owner_id].append(due)
        for customer in await customers_quiet_since(session, daily_ids, before):
            data.quiet_customers[customer.owner_id].append(customer)
        festival_or_monday = [
            m.id
            for m in daily
            if local_today(m, now).weekday() == 0
            or festivals_within(local_today(m, now), FESTIVAL_NOTICE_DAYS)
        ]
        if festival_or_monday:
            for contact in await key_contacts_of_a_grade(session, festival_or_monday):
                data.key_contacts[contact.owner_id].append(contact)
            monday = {
                m.id: local_today(m, now) for m in daily if local_today(m, now).weekday() == 0
            }
            leaders = [c.contact_id for o in monday for c in data.key_contacts[o]]
            if leaders:
                week = min(monday.values())
                data.with_trips = await contacts_with_trips(
                    session, leaders, week, week + timedelta(days=6)
                )
        managers = {m.team_id for m in daily if m.role == Role.MANAGER}
        if managers:
            for due in await installments_overdue(session, sorted(managers), latest):
                data.team_payments[due.team_id].append(due)
            failed = await failed_in_teams(session, sorted(managers), now - FAILED_LOOKBACK)
            for team_id, rows in failed.items():
                data.failed[team_id] = [
                    FailedItem(
                        type="failed",
                        member=name,
                        kind=row.kind,
                        error=(row.last_error or "")[:80],
                    )
                    for row, name in rows
                ]
        return data


# -- one member ------------------------------------------------------------------------------


def plan_member(
    member: Member, team: Team | None, now: datetime, daily: bool, data: _Batch
) -> tuple[list[NewPush], int]:
    """The pushes for one member from the batch's data: (pushes, 1 if a digest is among them)."""
    today = local_today(member, now)
    tz = member.timezone
    quiet = quiet_hours(member, team)
    at_digest = digest_moment(member, today)
    end_of_day = clock.local_midnight(today + timedelta(days=1), tz)
    pushes: list[NewPush] = []

    def later(moment: datetime) -> datetime:
        return clock.after_quiet(moment, tz, quiet)

    for row in data.timed.get(member.id, []):
        assert row.due_at is not None
        pushes.append(
            NewPush(
                member.id,
                "followup",
                row.words,
                later(row.due_at),
                f"followup:{row.id}:{int(row.due_at.timestamp())}",
                SinglePayload(item=follow_up_item(row, tz)),
            )
        )

    birthdays = [b for b in data.birthdays.get(member.id, []) if b.owner_id == member.id]
    for birthday in birthdays:
        if birthday.on == today:
            pushes.append(
                NewPush(
                    member.id,
                    "greeting",
                    birthday.contact_name,
                    later(at_digest),
                    f"birthday:{member.id}:{birthday.key}:{birthday.on.isoformat()}",
                    SinglePayload(item=birthday_item(birthday, today)),
                    end_of_day,
                )
            )

    tomorrow = today + timedelta(days=1)
    for trip in data.trips.get(member.id, []):
        if trip.starts_on == tomorrow:
            pushes.append(
                NewPush(
                    member.id,
                    "trip",
                    f"{trip.contact_name} {trip.place}",
                    later(clock.local_moment(today, TRIP_EVE, tz)),
                    f"trip:{member.id}:{trip.id}:{trip.starts_on.isoformat()}",
                    SinglePayload(item=trip_item(trip)),
                    end_of_day,
                )
            )

    if not daily:
        return pushes, 0

    pushes.extend(cycle_pushes(member, today, data.cycle, later(at_digest)))

    festivals = (
        festivals_within(today, FESTIVAL_NOTICE_DAYS)
        if team is None or team.festival_reminders
        else []
    )
    key_contacts = data.key_contacts.get(member.id, [])
    for key, day in festivals:
        if (day - today).days == FESTIVAL_NOTICE_DAYS and key_contacts:
            pushes.append(
                NewPush(
                    member.id,
                    "festival",
                    key,
                    later(at_digest),
                    f"festival:{member.id}:{key}:{day.isoformat()}",
                    festival_payload(key, day, key_contacts),
                    clock.local_midnight(day, tz),
                )
            )

    sections = digest_sections(member, team, now, today, data, festivals)
    if any(section["items"] for section in sections):
        pushes.insert(
            0,
            NewPush(
                member.id,
                "digest",
                today.isoformat(),
                at_digest,
                f"digest:{member.id}:{today.isoformat()}",
                DigestPayload(day=today.isoformat(), sections=sections),
                end_of_day,
            ),
        )
        return pushes, 1
    return pushes, 0


def digest_sections(
    member: Member,
    team: Team | None,
    now: datetime,
    today: date,
    data: _Batch,
    festivals: list[tuple[str, date]],
) -> list[Section]:
    tz = member.timezone
    found: dict[ItemType, list[Item]] = {name: [] for name in SECTIONS}
    found["follow_up"] = [
        follow_up_item(row, tz)
        for row in data.follow_ups.get(member.id, [])
        if row.due_date <= today
    ]
    found["birthday"] = [
        birthday_item(row, today)
        for row in sorted(data.birthdays.get(member.id, []), key=lambda r: (r.on, r.key))
    ]
    found["trip"] = [trip_item(trip) for trip in data.trips.get(member.id, [])]
    overdue, stale = deals_asked(member, team, now, today, data)
    found["deal"], found["stale_deal"] = list(overdue), list(stale)
    notice = today + timedelta(days=PAYMENT_NOTICE_DAYS)
    found["payment_due"] = [
        payment_item(due) for due in data.payments.get(member.id, []) if due.due_date <= notice
    ]
    cold, new = going_cold(member, team, now, data.quiet_customers.get(member.id, []))
    found["cold"], found["new_customer"] = list(cold), list(new)
    found["festival"] = [
        FestivalItem(type="festival", key=key, on=day.isoformat()) for key, day in festivals
    ]
    if today.weekday() == 0:
        found["trip_unknown"] = [
            TripUnknownItem(
                type="trip_unknown",
                customer_id=c.customer_id,
                customer=c.customer_name,
                who=spoken(c.surname, c.title, c.salutation, c.contact_name),
            )
            for c in data.key_contacts.get(member.id, [])
            if c.contact_id not in data.with_trips
        ]
    found["minutes_due"] = list(due_items(member, today, data.cycle))
    found["plan"] = list(plan_items(member, data.cycle))
    found["plan_pending"] = list(waiting_plan_items(member, today, data.cycle))
    found["minutes_late"] = list(late_items(member, today, data.cycle))
    if member.role == Role.MANAGER:
        found["failed"] = list(data.failed.get(member.team_id, []))
        found["payment_late"] = [  # the team's overdue 回款; the manager's own are in 💰 回款到期
            payment_item(due, manager=True)
            for due in data.team_payments.get(member.team_id, [])
            if due.due_date < today and due.owner_id != member.id
        ]
    return [
        Section(name=name, items=items[:SECTION_CAP], more=max(0, len(items) - SECTION_CAP))
        for name, items in found.items()
    ]


def deals_asked(
    member: Member, team: Team | None, now: datetime, today: date, data: _Batch
) -> tuple[list[DealItem], list[StaleDealItem]]:
    """(past their close date, stuck in a stage): DEAL_CAP deals in both together, the most
    valuable first; a deal that is both is asked about its close date."""
    overdue = [deal for deal in data.deals.get(member.id, []) if deal.close_date < today]
    limit = now - timedelta(days=team.deal_stage_days if team else 30)
    late = {deal.id for deal in overdue}
    stale = [d for d in data.stale.get(member.id, []) if d.since < limit and d.id not in late]
    # Both lists come most valuable first; a stable sort keeps their order among equals.
    both: list[OverdueDeal | StaleDeal] = [*overdue, *stale]
    asked = sorted(both, key=lambda deal: -(deal.amount or 0))[:DEAL_CAP]
    return (
        [deal_item(deal) for deal in asked if isinstance(deal, OverdueDeal)],
        [stale_item(deal, now) for deal in asked if isinstance(deal, StaleDeal)],
    )


def going_cold(
    member: Member, team: Team | None, now: datetime, customers: Sequence[CustomerRow]
) -> tuple[list[ColdItem], list[NewCustomerItem]]:
    """(该拜访了, 新分配客户): past the grade's cadence since the last interaction; given to
    this member NEW_CUSTOMER_DAYS or more ago by someone else and not contacted since."""
    new: list[tuple[int, NewCustomerItem]] = []
    rest: list[CustomerRow] = []
    for customer in customers:
        contacted = customer.last_contact_at
        never = contacted is None or contacted < customer.assigned_at
        assigned_days = (now - customer.assigned_at).days
        if never and customer.created_by_id != member.id and assigned_days >= NEW_CUSTOMER_DAYS:
            new.append(
                (
                    -assigned_days,
                    NewCustomerItem(
                        type="new_customer",
                        customer_id=customer.id,
                        customer=customer.name,
                        days=assigned_days,
                    ),
                )
            )
        else:
            rest.append(customer)
    new.sort(key=lambda entry: entry[0])
    cold = [
        ColdItem(
            type="cold",
            customer_id=customer.id,
            customer=customer.name,
            grade=customer.grade.value if customer.grade else "",
            days=days,
            never=customer.last_contact_at is None,
        )
        for customer, days in past_cadence(rest, team_cadence(team), now)
    ]
    return cold, [entry[1] for entry in new]


# -- items -----------------------------------------------------------------------------------


def deal_item(deal: OverdueDeal) -> DealItem:
    return DealItem(
        type="deal",
        id=deal.id,
        customer_id=deal.customer_id,
        customer=deal.customer_name,
        title=deal.title,
        amount=deal.amount,
        currency=deal.currency,
        close=deal.close_date.isoformat(),
    )


def stale_item(deal: StaleDeal, now: datetime) -> StaleDealItem:
    return StaleDealItem(
        type="stale_deal",
        id=deal.id,
        customer_id=deal.customer_id,
        customer=deal.customer_name,
        title=deal.title,
        amount=deal.amount,
        currency=deal.currency,
        stage=deal.stage.value,
        stage_name=deal.stage_name,
        days=(now - deal.since).days,
    )


def payment_item(due: DueInstallment, *, manager: bool = False) -> PaymentItem:
    return PaymentItem(
        type="payment_late" if manager else "payment_due",
        id=due.id,
        customer_id=due.customer_id,
        customer=due.customer_name,
        title=due.title,
        name=installment_name(due.label),
        left=due.outstanding,
        currency=due.currency,
        due=due.due_date.isoformat(),
        who=due.owner_name if manager else None,
    )


def follow_up_item(row: FollowUpRow, tz: str) -> FollowUpItem:
    at = row.due_at.astimezone(clock.zone(tz)).strftime("%H:%M") if row.due_at else None
    return FollowUpItem(
        type="follow_up",
        id=row.id,
        customer_id=row.customer_id,
        customer=row.customer_name,
        text=row.words,
        due=row.due_date.isoformat(),
        at=at,
        due_at=row.due_at.isoformat() if row.due_at else None,
    )


def birthday_item(row: BirthdayRow, today: date) -> BirthdayItem:
    return BirthdayItem(
        type="birthday",
        key=row.key,
        customer_id=row.customer_id,
        customer=row.customer_name,
        contact_id=row.contact_id,
        who=spoken(row.surname, row.title, row.salutation, row.contact_name),
        relation=row.relation,
        family_name=row.family_name,
        lunar=row.lunar,
        month=row.month,
        day=row.day,
        leap=row.leap,
        year=row.year,
        on=row.on.isoformat(),
    )


def trip_item(trip: TripRow) -> TripItem:
    return TripItem(
        type="trip",
        id=trip.id,
        customer_id=trip.customer_id,
        customer=trip.customer_name,
        contact_id=trip.contact_id,
        who=spoken(trip.surname, trip.title, trip.salutation, trip.contact_name),
        place=trip.place,
        purpose=trip.purpose,
        start=trip.starts_on.isoformat(),
        end=trip.ends_on.isoformat(),
    )


def festival_payload(key: str, day: date, contacts: Sequence[KeyContactRow]) -> FestivalPayload:
    return FestivalPayload(
        key=key,
        on=day.isoformat(),
        contacts=[
            FestivalContact(
                customer_id=c.customer_id,
                customer=c.customer_name,
                who=spoken(c.surname, c.title, c.salutation, c.contact_name),
            )
            for c in contacts[:SECTION_CAP]
        ],
        more=max(0, len(contacts) - SECTION_CAP),
    )
