"""Interactions, follow-ups and itineraries of a customer the caller already may see."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    bindparam,
    case,
    func,
    literal_column,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.actor import Actor
from storage.customers import like_escaped
from storage.models import (
    Contact,
    Customer,
    FollowUp,
    FollowUpStatus,
    Interaction,
    InteractionKind,
    Itinerary,
    OfContact,
)
from storage.search import fold, words_key

KindOfContact = TypeVar("KindOfContact", bound=OfContact)


async def log_interaction(
    session: AsyncSession,
    actor: Actor,
    customer: Customer,
    kind: InteractionKind,
    occurred_at: datetime,
    *,
    timed: bool = True,
    summary: str | None = None,
    outcome: str | None = None,
    note: str | None = None,
    contacts: Sequence[Contact] = (),
    location: str | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
) -> Interaction:
    """Record a visit, call, WeChat or meal; it resets the customer's "last contact" clock.
    ``timed`` is False when only the day was said: ``occurred_at`` is then a stand-in."""
    interaction = Interaction(
        customer_id=customer.id,
        member_id=actor.member_id,
        kind=kind,
        occurred_at=occurred_at,
        timed=timed,
        summary=summary,
        outcome=outcome,
        note=note,
        location=location,
        latitude=latitude,
        longitude=longitude,
        contacts=list(contacts),
    )
    session.add(interaction)
    if kind != InteractionKind.NOTE and (
        customer.last_contact_at is None or occurred_at > customer.last_contact_at
    ):
        customer.last_contact_at = occurred_at
    await session.flush()
    return interaction


async def recount_last_contact(session: AsyncSession, customer: Customer) -> None:
    """The customer's "last contact" clock again, from the visits, calls, WeChat and meals
    kept: after one was deleted, undeleted, moved to another day or made a 备注 (a deleted
    only visit had left 最近联系:今天 on the card, and the grade's clock stopped)."""
    await session.flush()
    customer.last_contact_at = await session.scalar(
        select(func.max(Interaction.occurred_at)).where(
            Interaction.customer_id == customer.id, Interaction.kind != InteractionKind.NOTE
        )
    )


# A customer card runs these on every press; they are built once (see storage.customers.Scoped).
_RECENT_INTERACTIONS = (
    select(Interaction)
    .where(Interaction.customer_id == bindparam("customer_id"))
    .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    .offset(bindparam("offset"))
    .limit(bindparam("limit"))
)
_OPEN_FOLLOW_UPS = (
    select(FollowUp)
    .where(
        FollowUp.customer_id == bindparam("customer_id"),
        FollowUp.status == FollowUpStatus.OPEN,
    )
    .order_by(FollowUp.due_date, FollowUp.id)
)
# Built once with bound parameters: every card opened reads it (building a SELECT each time
# costs about as much as SQLite takes to run it; of_customer below builds its own).
_UPCOMING_ITINERARIES = (
    select(Itinerary, Contact)
    .join(Contact, Contact.id == Itinerary.contact_id)
    .where(Contact.customer_id == bindparam("customer_id"), Itinerary.ends_on >= bindparam("today"))
    .order_by(Itinerary.starts_on)
)
# A day's follow-ups as the rep lives it: by day, the day-only ones first (as a calendar's
# all-day row), then by hour — 09:30 before 15:00 whichever was written first.
IN_DAY_ORDER = (FollowUp.due_date, FollowUp.due_at.asc().nulls_first(), FollowUp.id)
_DUE_FOLLOW_UPS = (
    select(FollowUp, Customer.name)
    .outerjoin(Customer, Customer.id == FollowUp.customer_id)
    .where(
        FollowUp.member_id == bindparam("member_id"),
        FollowUp.status == FollowUpStatus.OPEN,
        FollowUp.due_date <= bindparam("today"),
    )
    .order_by(*IN_DAY_ORDER)
    .limit(bindparam("limit"))
)


async def recent_interactions(
    session: AsyncSession, customer: Customer, limit: int = 5, offset: int = 0
) -> Sequence[Interaction]:
    params = {"customer_id": customer.id, "offset": offset, "limit": limit}
    return (await session.scalars(_RECENT_INTERACTIONS, params)).all()


# Built once (a /find runs it on every search): a record's notes with the words, then a note
# that made only follow-ups (kept on them), each the newest first — one statement for both,
# since a statement's own cost is more than SQLite takes to run these. The partial index on
# noted records (those with a key, models.Interaction) bounds the first.
_NOTES_WITH: CompoundSelect[*tuple[Any, ...]] = union_all(
    select(
        Interaction.customer_id,
        Interaction.note,
        literal_column("0").label("kept_on"),
        Interaction.occurred_at.label("at"),
        Interaction.id.label("row_id"),
    ).where(
        Interaction.customer_id.in_(bindparam("customer_ids", expanding=True)),
        Interaction.note_key.is_not(None),
        Interaction.note_key.contains(bindparam("words"), escape="/"),
    ),
    select(
        FollowUp.customer_id, FollowUp.note, literal_column("1"), FollowUp.created_at, FollowUp.id
    ).where(
        FollowUp.customer_id.in_(bindparam("customer_ids", expanding=True)),
        FollowUp.note_key.contains(bindparam("words"), escape="/"),
    ),
).order_by(literal_column("kept_on"), literal_column("at").desc(), literal_column("row_id").desc())


async def notes_with(
    session: AsyncSession, customer_ids: Sequence[int], words: str
) -> dict[int, str]:
    """The newest note of each customer that contains ``words`` in either script (for
    /find's results): a record's, else a follow-up's that no record keeps."""
    if not customer_ids or not words:
        return {}
    params = {"customer_ids": list(customer_ids), "words": like_escaped(words_key(words))}
    found: dict[int, str] = {}
    for customer_id, note, *_ in (await session.execute(_NOTES_WITH, params)).all():
        if customer_id is not None:
            found.setdefault(customer_id, note or "")
    return found


# A follow-up made by a note that no visit keeps (提醒我明天给王局打电话 问问方案看了没) is one
# of the customer's records too: its words are on it alone.
_NOTED = (FollowUp.note.is_not(None), FollowUp.interaction_id.is_(None))
# Built once, like the card's other reads (a card runs these on every opening).
_COUNT_INTERACTIONS = select(func.count()).where(
    Interaction.customer_id == bindparam("customer_id")
)
_COUNT_NOTED = select(func.count()).where(FollowUp.customer_id == bindparam("customer_id"), *_NOTED)
_RECENT_NOTED = (
    select(FollowUp)
    .where(FollowUp.customer_id == bindparam("customer_id"), *_NOTED)
    .order_by(FollowUp.created_at.desc(), FollowUp.id.desc())
    .limit(bindparam("limit"))
)


# The task a note read when it named no other (给他发一下技术资料 周四前 → 跟进): shown, the
# rep's own words say more than it does.
GENERIC_TASK = "跟进"
# How much of those words a digest line, /today or a card shows.
TASK_WORDS = 40
_REMIND_ME = re.compile(r"^(?:提醒我|提醒一下|提醒|記得|记得)\s*")
_JOINER = re.compile(r"^[\s,,的]+")


def task_words(text: str, note: str | None, customer: str | None = None) -> str:
    """A follow-up's words as the rep reads them: its task, or — when that is only the
    generic 跟进 — the note that made it (提醒我 left off, and the customer's name at its head
    where the line already names the customer), clipped."""
    if text != GENERIC_TASK or not note:
        return text
    words = _REMIND_ME.sub("", " ".join(note.split()))
    if customer and words.startswith(customer):
        words = _JOINER.sub("", words[len(customer) :])
    words = words or text
    return words if len(words) <= TASK_WORDS else words[: TASK_WORDS - 1] + "…"


# A member's own reminders (no customer) with the words, for /find: the newest first.
_OWN_REMINDERS_WITH = (
    select(FollowUp)
    .where(
        FollowUp.member_id == bindparam("member_id"),
        FollowUp.customer_id.is_(None),
        FollowUp.status != FollowUpStatus.CANCELLED,
        FollowUp.note_key.contains(bindparam("words"), escape="/")
        | FollowUp.text.contains(bindparam("typed"), escape="/"),
    )
    .order_by(
        case((FollowUp.status == FollowUpStatus.OPEN, 0), else_=1),
        FollowUp.due_date.desc(),
        FollowUp.id.desc(),
    )
    .limit(bindparam("limit"))
)


async def own_reminders_with(
    session: AsyncSession, actor: Actor, words: str, limit: int = 5
) -> Sequence[FollowUp]:
    """The actor's own reminders (follow-ups with no customer) whose words contain
    ``words`` in either script; open ones first. Nobody else's, a manager's neither."""
    if not words:
        return []
    params = {
        "member_id": actor.member_id,
        "words": like_escaped(words_key(words)),
        "typed": like_escaped(words),
        "limit": limit,
    }
    return (await session.scalars(_OWN_REMINDERS_WITH, params)).all()


async def count_interactions(session: AsyncSession, customer: Customer) -> int:
    """The customer's records: visits, calls … and follow-ups that keep a note."""
    params = {"customer_id": customer.id}
    visits = await session.scalar(_COUNT_INTERACTIONS, params)
    return int(visits or 0) + int(await session.scalar(_COUNT_NOTED, params) or 0)


Record = Interaction | FollowUp


def record_time(record: Record) -> datetime:
    """When a record happened: a visit's time, a noted follow-up's saving."""
    return record.occurred_at if isinstance(record, Interaction) else record.created_at


async def recent_records(
    session: AsyncSession,
    customer: Customer,
    limit: int = 5,
    offset: int = 0,
    noted: Sequence[FollowUp] | None = None,
) -> list[Record]:
    """The customer's records, newest first: interactions and the follow-ups that keep a
    note (count_interactions counts the same). `noted`: those follow-ups, when the caller
    read them already (the newest offset + limit of them, newest first: `card_follow_ups`)."""
    visits = await recent_interactions(session, customer, limit=offset + limit)
    if noted is None:
        noted = (
            await session.scalars(
                _RECENT_NOTED, {"customer_id": customer.id, "limit": offset + limit}
            )
        ).all()
    merged: list[Record] = [*visits, *noted]
    merged.sort(key=lambda r: record_time(r).astimezone(UTC), reverse=True)
    return merged[offset : offset + limit]


async def add_follow_up(
    session: AsyncSession,
    actor: Actor,
    customer: Customer | None,
    due_date: date,
    text: str,
    *,
    due_at: datetime | None = None,
    interaction: Interaction | None = None,
    note: str | None = None,
) -> FollowUp:
    follow_up = FollowUp(
        member_id=actor.member_id,
        customer_id=customer.id if customer else None,
        due_date=due_date,
        due_at=due_at.astimezone(UTC) if due_at else None,
        text=text,
        note=note,
        interaction_id=interaction.id if interaction else None,
    )
    session.add(follow_up)
    await session.flush()
    return follow_up


async def keep_follow_up_words(session: AsyncSession, follow_up: FollowUp) -> Interaction | None:
    """Before ``follow_up`` is deleted: the note it was read from, when no other record of the
    customer keeps it, stays as a note of its own (written when the follow-up was), so /find
    and 📜 全部记录 still have the rep's words. The note added, or None."""
    if not follow_up.note or follow_up.customer_id is None:
        return None
    others = select(FollowUp.id).where(
        FollowUp.customer_id == follow_up.customer_id,
        FollowUp.id != follow_up.id,
        FollowUp.note == follow_up.note,
    )
    kept = select(Interaction.id).where(
        Interaction.customer_id == follow_up.customer_id, Interaction.note == follow_up.note
    )
    if await session.scalar(others.limit(1)) or await session.scalar(kept.limit(1)):
        return None
    note = Interaction(
        customer_id=follow_up.customer_id,
        member_id=follow_up.member_id,
        kind=InteractionKind.NOTE,
        occurred_at=follow_up.created_at,
        note=follow_up.note,
    )
    session.add(note)
    await session.flush()
    return note


async def hand_words_on(session: AsyncSession, interaction: Interaction) -> None:
    """Before ``interaction`` is deleted: the follow-ups its note made keep that note, as
    those of a note with no record do (the rep's words outlive the visit read from them)."""
    if not interaction.note:
        return
    made = await session.scalars(
        select(FollowUp).where(FollowUp.interaction_id == interaction.id, FollowUp.note.is_(None))
    )
    for follow_up in made:
        follow_up.note = interaction.note
        follow_up.interaction_id = None
    await session.flush()


async def open_follow_ups(session: AsyncSession, customer: Customer) -> Sequence[FollowUp]:
    return (await session.scalars(_OPEN_FOLLOW_UPS, {"customer_id": customer.id})).all()


# The card's two lists of follow-ups in one statement (a statement's own cost is more than
# SQLite takes to run either): the open ones, and the newest that keep a note
# (_RECENT_NOTED's), each row flagged with the lists it belongs to.
_NEWEST_NOTED_IDS = _RECENT_NOTED.with_only_columns(FollowUp.id).subquery()
_CARD_FOLLOW_UPS = select(
    FollowUp,
    (FollowUp.status == FollowUpStatus.OPEN).label("is_open"),
    FollowUp.id.in_(select(_NEWEST_NOTED_IDS.c.id)).label("is_noted"),
).where(
    FollowUp.customer_id == bindparam("customer_id"),
    (FollowUp.status == FollowUpStatus.OPEN) | FollowUp.id.in_(select(_NEWEST_NOTED_IDS.c.id)),
)


async def card_follow_ups(
    session: AsyncSession, customer: Customer, noted: int
) -> tuple[list[FollowUp], list[FollowUp]]:
    """(open_follow_ups, the `noted` newest follow-ups that keep a note, newest first) — as
    the two reads give them, in their orders (neither orders by a column that may be NULL)."""
    rows = (
        await session.execute(_CARD_FOLLOW_UPS, {"customer_id": customer.id, "limit": noted})
    ).all()
    opened = sorted((f for f, is_open, _ in rows if is_open), key=lambda f: (f.due_date, f.id))
    kept = sorted(
        (f for f, _, is_noted in rows if is_noted),
        key=lambda f: (f.created_at, f.id),
        reverse=True,
    )
    return opened, kept


async def due_follow_ups(
    session: AsyncSession, actor: Actor, today: date, limit: int = 30
) -> Sequence[tuple[FollowUp, str | None]]:
    """The actor's open follow-ups due today or overdue, with the customer's name (/today)."""
    params = {"member_id": actor.member_id, "today": today, "limit": limit}
    rows = await session.execute(_DUE_FOLLOW_UPS, params)
    return [(row[0], row[1]) for row in rows.all()]


async def add_itinerary(
    session: AsyncSession,
    actor: Actor,
    contact: Contact,
    place: str,
    starts_on: date,
    ends_on: date,
    purpose: str | None = None,
    *,
    on_days: Sequence[Itinerary] | None = None,
) -> Itinerary:
    """The contact's trip; the same person, days and place again is the trip already kept.
    `on_days`: the contact's trips on these days, when the caller has read them already."""
    if on_days is None:
        on_days = await trips_on_days(session, contact, starts_on, ends_on)
    known = same_trip(on_days, place, starts_on, ends_on)
    if known is not None:
        return known
    itinerary = Itinerary(
        contact_id=contact.id,
        created_by_id=actor.member_id,
        place=place,
        starts_on=starts_on,
        ends_on=max(starts_on, ends_on),
        purpose=purpose,
    )
    session.add(itinerary)
    await session.flush()
    return itinerary


async def visit_since(
    session: AsyncSession, actor: Actor, customer: Customer, since: datetime
) -> Interaction | None:
    """The actor's latest visit to the customer at or after ``since``, if any."""
    return await session.scalar(
        select(Interaction)
        .where(
            Interaction.member_id == actor.member_id,
            Interaction.customer_id == customer.id,
            Interaction.kind == InteractionKind.VISIT,
            Interaction.occurred_at >= since,
        )
        .order_by(Interaction.occurred_at.desc())
        .limit(1)
    )


async def own_meetings_between(
    session: AsyncSession, actor: Actor, customer_id: int, start: datetime, end: datetime
) -> Sequence[Interaction]:
    """The actor's own visits and meals with the customer from ``start`` to before ``end``,
    the latest first: the same meeting noted once already (a guided /visit asks about them)."""
    return (
        await session.scalars(
            select(Interaction)
            .where(
                Interaction.member_id == actor.member_id,
                Interaction.customer_id == customer_id,
                Interaction.kind.in_([InteractionKind.VISIT, InteractionKind.MEAL]),
                Interaction.occurred_at >= start,
                Interaction.occurred_at < end,
            )
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        )
    ).all()


async def complete_meeting(
    session: AsyncSession,
    visit: Interaction,
    contacts: Sequence[Contact],
    said: str,
    summary: str | None = None,
    outcome: str | None = None,
) -> None:
    """A second note of the same meeting completes its record: its own words first (a
    check-in's 现场签到, a quick note as typed, /visit's answers), then `said`; the people met
    are added to those it had, and `summary` and `outcome`, when given, replace its own."""
    earlier = [visit.note]
    if visit.summary and visit.summary not in (visit.note or ""):
        earlier.append(visit.summary)  # a headline kept without the words it was read from
    visit.note = ";".join(part for part in (*earlier, said) if part)
    visit.summary = summary or visit.summary
    visit.outcome = outcome or visit.outcome
    await session.refresh(visit, attribute_names=["contacts"])
    had = {contact.id for contact in visit.contacts}
    visit.contacts = [*visit.contacts, *(c for c in contacts if c.id not in had)]


async def trips_on_days(
    session: AsyncSession, contact: Contact, starts_on: date, ends_on: date
) -> Sequence[Itinerary]:
    """The contact's trips on some of these days, read once: the same trip kept again and
    another trip elsewhere at the same time are both among them."""
    rows = await session.scalars(
        select(Itinerary)
        .where(
            Itinerary.contact_id == contact.id,
            Itinerary.starts_on <= max(starts_on, ends_on),
            Itinerary.ends_on >= starts_on,
        )
        .order_by(Itinerary.starts_on, Itinerary.id)
    )
    return rows.all()


def same_trip(
    trips: Sequence[Itinerary], place: str, starts_on: date, ends_on: date
) -> Itinerary | None:
    """The trip with these days and this place (spaces and case aside), if kept already."""
    wanted, ends_on = fold(place), max(starts_on, ends_on)
    return next(
        (
            trip
            for trip in trips
            if (trip.starts_on, trip.ends_on) == (starts_on, ends_on) and fold(trip.place) == wanted
        ),
        None,
    )


def trip_elsewhere(trips: Sequence[Itinerary], place: str) -> Itinerary | None:
    """A trip of the same days somewhere else (one person, two places: one is likely wrong)."""
    wanted = fold(place)
    return next((trip for trip in trips if fold(trip.place) != wanted), None)


async def upcoming_itineraries(
    session: AsyncSession, customer: Customer, today: date
) -> Sequence[tuple[Itinerary, Contact]]:
    rows = await session.execute(
        _UPCOMING_ITINERARIES, {"customer_id": customer.id, "today": today}
    )
    return [(row[0], row[1]) for row in rows.all()]


async def of_customer(
    session: AsyncSession,
    customer: Customer,
    kind: type[KindOfContact],
    *where: ColumnElement[bool],
    order_by: Sequence[ColumnElement[Any] | InstrumentedAttribute[Any]],
    limit: int | None = None,
) -> list[tuple[KindOfContact, Contact]]:
    """The customer's records of one kind about its contacts, each with its contact: any kind a
    new command adds (storage.models.OfContact) is read without a query of its own. Built per
    call; a list every card shows (the trips) keeps a prebuilt statement instead. The customer
    is one the caller may already see."""
    statement = (
        select(kind, Contact)
        .join(Contact, Contact.id == kind.contact_id)
        .where(Contact.customer_id == customer.id, *where)
        .order_by(*order_by)
        .limit(limit)
    )
    rows = await session.execute(statement)
    return [(row[0], row[1]) for row in rows.all()]
