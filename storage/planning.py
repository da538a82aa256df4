"""The planner's queries: each reads through an index, so its cost follows what is due.

- birthdays: `contact.birthday_next` / `family_member.birthday_next` (rolled forward daily)
- follow-ups: `(member_id, status, due_date)` and `due_at`
- itineraries: `starts_on`
- customers going cold: `(owner_id, last_contact_at)`
- who to plan: `member.plan_due_at`

Batches of members are planned at once (a few queries per batch, not per member). A change to
a member's data marks them for planning again: `mark_replan`, also done automatically after a
flush that touched follow-ups, contacts, families, itineraries, interactions or customers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import bindparam, case, func, literal_column, null, or_, select, union_all, update
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.dates import next_lunar_occurrence, next_solar_birthday
from storage.activities import GENERIC_TASK, IN_DAY_ORDER, TASK_WORDS, task_words
from storage.models import (
    Contact,
    Customer,
    CustomerStatus,
    FamilyMember,
    FollowUp,
    FollowUpStatus,
    Grade,
    Itinerary,
    Member,
    Team,
)

DEFAULT_QUIET = (time(21, 0), time(8, 0))


def quiet_hours(member: Member, team: Team | None) -> tuple[time, time] | None:
    """The member's quiet hours (equal ends: none), else the team's, else 21:00–08:00."""
    if member.quiet_start is not None and member.quiet_end is not None:
        pair = (member.quiet_start, member.quiet_end)
    elif team is not None and team.quiet_start is not None and team.quiet_end is not None:
        pair = (team.quiet_start, team.quiet_end)
    else:
        pair = DEFAULT_QUIET
    return None if pair[0] == pair[1] else pair


def utcnow() -> datetime:
    return datetime.now(UTC)


# -- who to plan -----------------------------------------------------------------------------


async def members_to_plan(session: AsyncSession, now: datetime, limit: int) -> list[Member]:
    rows = await session.scalars(
        select(Member)
        .where(
            Member.active.is_(True),
            or_(Member.plan_due_at.is_(None), Member.plan_due_at <= now),
        )
        .order_by(Member.plan_due_at, Member.id)
        .limit(limit)
    )
    return list(rows.all())


async def teams_by_id(session: AsyncSession, team_ids: Iterable[int]) -> dict[int, Team]:
    ids = sorted(set(team_ids))
    found: dict[int, Team] = {}
    for start in range(0, len(ids), 500):
        rows = await session.scalars(select(Team).where(Team.id.in_(ids[start : start + 500])))
        found.update({team.id: team for team in rows})
    return found


async def save_plans(session: AsyncSession, plans: Sequence[dict[str, Any]]) -> None:
    """[{id, plan_due_at, digest_planned_on}] — bulk UPDATE by primary key."""
    if plans:
        await session.execute(update(Member), list(plans))


async def mark_replan(session: AsyncSession, member_id: int, now: datetime | None = None) -> None:
    """Ask the planner to look at this member again soon (their data changed)."""
    moment = now or utcnow()
    await session.execute(
        update(Member)
        .where(Member.id == member_id, Member.plan_due_at > moment)
        .values(plan_due_at=moment)
    )


# -- birthdays -------------------------------------------------------------------------------


def next_birthday(month: int, day: int, lunar: bool, leap: bool, today: date) -> date | None:
    try:
        if lunar:
            return next_lunar_occurrence(month, day, leap, today)
        return next_solar_birthday(month, day, today)
    except ValueError:
        return None


async def roll_birthdays(session: AsyncSession, before: date) -> int:
    """Move every `birthday_next` earlier than `before` to its next occurrence on or after it.

    Reads only the birthdays that have passed (an index range), so it costs what is due.
    """
    moved = 0
    for model in (Contact, FamilyMember):
        rows = (
            await session.execute(
                select(
                    model.id,
                    model.birthday_month,
                    model.birthday_day,
                    model.birthday_lunar,
                    model.birthday_leap,
                ).where(model.birthday_next < before)
            )
        ).all()
        changes = []
        for row_id, month, day, lunar, leap in rows:
            upcoming = (
                next_birthday(int(month), int(day), bool(lunar), bool(leap), before)
                if month and day
                else None
            )
            changes.append({"id": row_id, "birthday_next": upcoming})
        for start in range(0, len(changes), 500):
            await session.execute(update(model), changes[start : start + 500])
        moved += len(changes)
    return moved


@dataclass(frozen=True)
class BirthdayRow:
    """A contact's birthday, or a family member's (`relation` set) seen through the contact."""

    key: str  # "c42" or "f7"
    owner_id: int
    customer_id: int
    customer_name: str
    contact_id: int
    contact_name: str
    surname: str | None
    title: str | None
    salutation: str | None
    relation: str | None
    family_name: str | None
    month: int
    day: int
    lunar: bool
    leap: bool
    year: int | None
    on: date


def _owner_filter(query: Any, member_ids: Sequence[int] | None) -> Any:
    return query if member_ids is None else query.where(Customer.owner_id.in_(member_ids))


def _owners(make: Callable[[Any], Any]) -> tuple[Any, Any]:
    """A statement built once per form — every member's, or some members' (an expanding
    `owners` parameter) — since building a SELECT costs more than SQLite takes to run these:
    /today runs three of them for one member on every tap."""
    return make(None), make(bindparam("owners", expanding=True))


def _of_owners(
    statements: tuple[Any, Any], member_ids: Sequence[int] | None, **params: Any
) -> tuple[Any, dict[str, Any]]:
    if member_ids is None:
        return statements[0], params
    return statements[1], {"owners": list(member_ids), **params}


_LIVE = (Contact.deleted_at.is_(None), Customer.deleted_at.is_(None))
_CONTACT_COLS = (
    Customer.owner_id,
    Customer.id,
    Customer.name,
    Contact.id,
    Contact.name,
    Contact.surname,
    Contact.title,
    Contact.salutation,
)
_OWN_BIRTHDAYS = _owners(
    lambda owners: _owner_filter(
        select(
            *_CONTACT_COLS,
            Contact.id,
            Contact.birthday_month,
            Contact.birthday_day,
            Contact.birthday_lunar,
            Contact.birthday_leap,
            Contact.birthday_year,
            Contact.birthday_next,
        )
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.birthday_next.in_(bindparam("days", expanding=True)), *_LIVE),
        owners,
    )
)
_FAMILY_BIRTHDAYS = _owners(
    lambda owners: _owner_filter(
        select(
            *_CONTACT_COLS,
            FamilyMember.id,
            FamilyMember.birthday_month,
            FamilyMember.birthday_day,
            FamilyMember.birthday_lunar,
            FamilyMember.birthday_leap,
            FamilyMember.birthday_year,
            FamilyMember.birthday_next,
            FamilyMember.relation,
            FamilyMember.name,
        )
        .join(Contact, Contact.id == FamilyMember.contact_id)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(FamilyMember.birthday_next.in_(bindparam("days", expanding=True)), *_LIVE),
        owners,
    )
)


# Both in one statement (/today runs it on every tap, the planner once a batch): a
# statement's own cost is more than SQLite takes to run either. The last column says whose
# birthday a row is (0 a contact's, 1 a family member's); a contact's leaves the family's two
# columns (relation, name) empty.
def _with_family(own: Any, family: Any) -> Any:
    return union_all(
        own.add_columns(null(), null(), literal_column("0")),
        family.add_columns(literal_column("1")),
    )


_BIRTHDAYS = (
    _with_family(_OWN_BIRTHDAYS[0], _FAMILY_BIRTHDAYS[0]),
    _with_family(_OWN_BIRTHDAYS[1], _FAMILY_BIRTHDAYS[1]),
)


async def birthdays_on(
    session: AsyncSession, days: Sequence[date], member_ids: Sequence[int] | None
) -> list[BirthdayRow]:
    """Contacts' and their families' birthdays falling on `days` (customers of `member_ids`,
    or of everyone when None: a whole-day pass reads each date once for all members); the
    contacts' first, as when they were two reads."""
    own: list[BirthdayRow] = []
    family: list[BirthdayRow] = []
    query = _of_owners(_BIRTHDAYS, member_ids, days=list(days))
    for row in (await session.execute(*query)).all():
        if row[17]:
            family.append(_birthday(row[:15], family=(row[15], row[16])))
        else:
            own.append(_birthday(row[:15], family=None))
    return own + family


def _birthday(row: Sequence[Any], family: tuple[str, str | None] | None) -> BirthdayRow:
    (owner, cid, cname, kid, kname, surname, title, salutation, rid, m, d, lunar, leap, y, on) = row
    return BirthdayRow(
        key=f"f{rid}" if family else f"c{rid}",
        owner_id=owner,
        customer_id=cid,
        customer_name=cname,
        contact_id=kid,
        contact_name=kname,
        surname=surname,
        title=title,
        salutation=salutation,
        relation=family[0] if family else None,
        family_name=family[1] if family else None,
        month=int(m or 0),
        day=int(d or 0),
        lunar=bool(lunar),
        leap=bool(leap),
        year=int(y) if y else None,
        on=on,
    )


# -- follow-ups ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    member_id: int
    customer_id: int | None
    customer_name: str | None
    due_date: date
    due_at: datetime | None
    text: str
    # The note's start, read only for a follow-up whose task is the generic 跟进
    # (storage.activities.task_words shows it instead).
    note: str | None = None

    @property
    def words(self) -> str:
        return task_words(self.text, self.note, self.customer_name)


def _follow_up_query() -> Any:
    generic_note = case(
        (FollowUp.text == GENERIC_TASK, func.substr(FollowUp.note, 1, 4 * TASK_WORDS))
    )
    return select(
        FollowUp.id,
        FollowUp.member_id,
        FollowUp.customer_id,
        Customer.name,
        FollowUp.due_date,
        FollowUp.due_at,
        FollowUp.text,
        generic_note,
    ).outerjoin(Customer, Customer.id == FollowUp.customer_id)


async def follow_ups_through(
    session: AsyncSession, member_ids: Sequence[int], through: date
) -> list[FollowUpRow]:
    """Open follow-ups due on or before `through` (today's and overdue ones)."""
    query = _follow_up_query().where(
        FollowUp.member_id.in_(member_ids),
        FollowUp.status == FollowUpStatus.OPEN,
        FollowUp.due_date <= through,
    )
    rows = (await session.execute(query.order_by(*IN_DAY_ORDER))).all()
    return [FollowUpRow(*row) for row in rows]


async def timed_follow_ups(
    session: AsyncSession, member_ids: Sequence[int] | None, start: datetime, end: datetime
) -> list[FollowUpRow]:
    """Open follow-ups with a time of day in [start, end): each is pushed at that time."""
    query = _follow_up_query().where(
        FollowUp.due_at >= start,
        FollowUp.due_at < end,
        FollowUp.status == FollowUpStatus.OPEN,
    )
    if member_ids is not None:
        query = query.where(FollowUp.member_id.in_(member_ids))
    rows = (await session.execute(query.order_by(FollowUp.due_at, FollowUp.id))).all()
    return [FollowUpRow(*row) for row in rows]


async def open_follow_up(
    session: AsyncSession, follow_up_id: int, member_id: int
) -> FollowUp | None:
    follow_up = await session.get(FollowUp, follow_up_id)
    if follow_up is None or follow_up.member_id != member_id:
        return None
    return follow_up


# -- itineraries -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TripRow:
    id: int
    owner_id: int
    customer_id: int
    customer_name: str
    contact_id: int
    contact_name: str
    surname: str | None
    title: str | None
    salutation: str | None
    place: str
    starts_on: date
    ends_on: date
    purpose: str | None


# Trips longer than this are not looked for (the start index bounds the scan).
LONGEST_TRIP = timedelta(days=60)


_TRIPS_AROUND = _owners(
    lambda owners: _owner_filter(
        select(
            Itinerary.id,
            *_CONTACT_COLS,
            Itinerary.place,
            Itinerary.starts_on,
            Itinerary.ends_on,
            Itinerary.purpose,
        )
        .join(Contact, Contact.id == Itinerary.contact_id)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(
            Itinerary.starts_on <= bindparam("tomorrow"),
            Itinerary.starts_on >= bindparam("earliest"),
            Itinerary.ends_on >= bindparam("today"),
            *_LIVE,
        )
        .order_by(Itinerary.starts_on, Itinerary.id),
        owners,
    )
)


async def trips_around(
    session: AsyncSession, today: date, member_ids: Sequence[int] | None
) -> list[TripRow]:
    """Trips that start tomorrow, are on today, or end today."""
    query = _of_owners(
        _TRIPS_AROUND,
        member_ids,
        tomorrow=today + timedelta(days=1),
        earliest=today - LONGEST_TRIP,
        today=today,
    )
    rows = (await session.execute(*query)).all()
    return [TripRow(*row) for row in rows]


async def get_trip(session: AsyncSession, itinerary_id: int) -> Itinerary | None:
    return await session.get(Itinerary, itinerary_id)


@dataclass(frozen=True)
class KeyContactRow:
    owner_id: int
    customer_id: int
    customer_name: str
    contact_id: int
    contact_name: str
    surname: str | None
    title: str | None
    salutation: str | None


async def key_contacts_of_a_grade(
    session: AsyncSession, member_ids: Sequence[int]
) -> list[KeyContactRow]:
    """Key leaders of the members' A-grade customers (festival greetings, Monday trips)."""
    query = (
        select(
            Customer.owner_id,
            Customer.id,
            Customer.name,
            Contact.id,
            Contact.name,
            Contact.surname,
            Contact.title,
            Contact.salutation,
        )
        .join(Contact, Contact.customer_id == Customer.id)
        .where(
            Customer.owner_id.in_(member_ids),
            Customer.grade == Grade.A,
            Customer.deleted_at.is_(None),
            Contact.deleted_at.is_(None),
            Contact.is_key_leader.is_(True),
        )
        .order_by(Customer.name, Contact.id)
    )
    return [KeyContactRow(*row) for row in (await session.execute(query)).all()]


async def contacts_with_trips(
    session: AsyncSession, contact_ids: Sequence[int], first: date, last: date
) -> set[int]:
    """Which of these contacts have a recorded trip overlapping [first, last]."""
    found: set[int] = set()
    ids = list(contact_ids)
    for start in range(0, len(ids), 500):
        rows = await session.scalars(
            select(Itinerary.contact_id).where(
                Itinerary.contact_id.in_(ids[start : start + 500]),
                Itinerary.starts_on <= last,
                Itinerary.ends_on >= first,
            )
        )
        found.update(rows)
    return found


# -- customers going cold, new assignments ----------------------------------------------------


@dataclass(frozen=True)
class CustomerRow:
    id: int
    owner_id: int
    created_by_id: int
    team_id: int
    name: str
    grade: Grade | None
    last_contact_at: datetime | None
    assigned_at: datetime


# Before any contact: the bound for a grade the caller gave no cadence for.
_NEVER = datetime(1900, 1, 1, tzinfo=UTC)
_QUIET_SINCE = select(
    Customer.id,
    Customer.owner_id,
    Customer.created_by_id,
    Customer.team_id,
    Customer.name,
    Customer.grade,
    Customer.last_contact_at,
    Customer.assigned_at,
).where(
    Customer.owner_id.in_(bindparam("owners", expanding=True)),
    or_(
        *(
            (Customer.grade == grade)
            & (Customer.last_contact_at < bindparam(f"before_{grade.name}"))
            for grade in Grade
        ),
        Customer.last_contact_at.is_(None),
        Customer.last_contact_at < Customer.assigned_at,
    ),
    Customer.deleted_at.is_(None),
    Customer.status != CustomerStatus.LOST,
)


async def customers_quiet_since(
    session: AsyncSession, member_ids: Sequence[int], before: dict[Grade | None, datetime]
) -> list[CustomerRow]:
    """The members' customers past their grade's cadence (`before[grade]`: contacted before
    it), never contacted, or not contacted since they were assigned: candidates for 该拜访了
    and 新分配客户. The (owner_id, last_contact_at) index bounds the read."""
    params = {f"before_{grade.name}": before.get(grade, _NEVER) for grade in Grade}
    rows = await session.execute(_QUIET_SINCE, {"owners": list(member_ids), **params})
    return [CustomerRow(*row) for row in rows.all()]


def team_cadence(team: Team | None) -> dict[Grade, int]:
    """How many days a customer of each grade may go without contact (7/14/30 with no team)."""
    return {
        Grade.A: team.cadence_a_days if team else 7,
        Grade.B: team.cadence_b_days if team else 14,
        Grade.C: team.cadence_c_days if team else 30,
    }


def past_cadence(
    customers: Iterable[CustomerRow], cadence: dict[Grade, int], now: datetime
) -> list[tuple[CustomerRow, int]]:
    """该拜访了: graded customers not contacted within their grade's cadence (counted from the
    assignment when never contacted), with the days since; grade A first, longest first."""
    found = []
    for customer in customers:
        if customer.grade is None:
            continue
        since = customer.last_contact_at or customer.assigned_at
        days = (now - since).days
        if days >= cadence[customer.grade]:
            found.append((customer, days))
    found.sort(key=lambda pair: (pair[0].grade.value if pair[0].grade else "", -pair[1]))
    return found
