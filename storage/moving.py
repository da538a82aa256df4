"""A record filed under the wrong customer, moved to the right one (🛠 改记录 → 📁 改到其他客户).

A member moves only a record they wrote, from a customer they hold to another they hold (a
customer they may see and change: a manager reads a rep's customers read-only). What belongs
to the meeting goes with it: the follow-ups it made and its 会谈纪要; the people met stay the
old customer's contacts, so a record of the new customer names only its own (one of the same
name there is named instead). Both customers' 最近联系 (and so the grade's visit clock) are
counted again from the records they keep, and the move is in the change log in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.activities import recount_last_contact
from storage.actor import Actor, NotAllowed
from storage.changes import FieldChange, log_change
from storage.cycle import MeetingMinutes
from storage.models import Contact, Customer, FollowUp, Interaction


@dataclass(frozen=True)
class Moved:
    follow_ups: int  # the follow-ups the record made, moved with it
    people_left: list[str] = field(default_factory=list)  # the old customer's contacts met


def _own_customers(actor: Actor, excluding: int) -> Select[Any]:
    return select(Customer).where(
        Customer.team_id == actor.team_id,
        Customer.owner_id == actor.member_id,
        Customer.deleted_at.is_(None),
        Customer.id != excluding,
    )


async def own_customers(
    session: AsyncSession, actor: Actor, excluding: int, offset: int = 0, limit: int = 8
) -> Sequence[Customer]:
    """The customers a record may be moved to: the member's own, the latest contacted first
    (as /customer lists them)."""
    statement = (
        _own_customers(actor, excluding)
        .order_by(Customer.last_contact_at.desc().nulls_last(), Customer.id.desc())
        .offset(offset)
        .limit(limit)
    )
    found: Sequence[Customer] = (await session.scalars(statement)).all()
    return found


def _made_by(item: Interaction, source: Customer) -> Select[Any]:
    """The follow-ups the record made under its customer: they move with it."""
    return select(FollowUp).where(
        FollowUp.interaction_id == item.id, FollowUp.customer_id == source.id
    )


async def count_follow_ups_made(session: AsyncSession, item: Interaction, source: Customer) -> int:
    statement = select(func.count()).select_from(_made_by(item, source).subquery())
    return int(await session.scalar(statement) or 0)


async def count_own_customers(session: AsyncSession, actor: Actor, excluding: int) -> int:
    statement = select(func.count()).select_from(_own_customers(actor, excluding).subquery())
    return int(await session.scalar(statement) or 0)


def may_move(actor: Actor, item: Interaction, source: Customer, target: Customer) -> bool:
    return (
        item.member_id == actor.member_id
        and item.customer_id == source.id
        and source.owner_id == actor.member_id
        and target.owner_id == actor.member_id
        and target.team_id == actor.team_id
        and target.deleted_at is None
        and target.id != source.id
    )


async def move_interaction(
    session: AsyncSession, actor: Actor, item: Interaction, source: Customer, target: Customer
) -> Moved:
    """Move `item` (the actor's) from `source` to `target` (both the actor's)."""
    if not may_move(actor, item, source, target):
        raise NotAllowed("a member moves only their own record between their own customers")
    moved = _logged(session, actor, source, target)
    follow_ups = (await session.scalars(_made_by(item, source))).all()
    for follow_up in follow_ups:
        follow_up.customer_id = target.id
        moved("follow_up", follow_up.id)
    await session.execute(
        update(MeetingMinutes)
        .where(MeetingMinutes.interaction_id == item.id)
        .values(customer_id=target.id)
        .execution_options(synchronize_session=False)
    )
    left = await _people_met_again(session, item, target)
    item.customer_id = target.id
    moved("interaction", item.id)
    await recount_last_contact(session, source)
    await recount_last_contact(session, target)
    return Moved(len(follow_ups), left)


def _logged(
    session: AsyncSession, actor: Actor, source: Customer, target: Customer
) -> Callable[[str, int], None]:
    """Logs one row's move, in words: 客户 万达 → 万科."""

    def moved(entity: str, entity_id: int) -> None:
        change = FieldChange("customer", source.name, target.name)
        log_change(session, actor, source.team_id, entity, entity_id, change)

    return moved


async def _people_met_again(
    session: AsyncSession, item: Interaction, target: Customer
) -> list[str]:
    """The record names the target's contact of the same name for each person met; the names
    without one there are returned (they stay the old customer's contacts)."""
    await session.refresh(item, attribute_names=["contacts"])
    kept: list[Contact] = []
    left: list[str] = []
    for person in item.contacts:
        same = await session.scalar(
            select(Contact).where(
                Contact.customer_id == target.id,
                Contact.name == person.name,
                Contact.deleted_at.is_(None),
            )
        )
        if same is not None:
            kept.append(same)
        else:
            left.append(person.salutation or person.name)
    item.contacts = kept
    return left
