"""Giving customers to reps: assignment, handover of a leaving member, the one-week rule.

History stays with the customer: interactions, done follow-ups and the change log are
untouched; the old owner's open follow-ups and the pushes waiting about the customer go to the
new owner (storage.custody); the owner change itself goes to the change log and the audit log. An assigned
customer's clock (`assigned_at`) restarts, which is what the digest's 新分配客户 section and
the one-week rule read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor, NotAllowed
from storage.audit import record
from storage.custody import carry_over
from storage.models import ChangeLog, Customer, Grade, Interaction, InteractionKind, Member, Role
from storage.outbox import NewPush
from storage.push_items import HandoverLatePayload

# The rule: a rep given a customer contacts it within a week, or the manager may reassign it.
HANDOVER_DAYS = 7
# Late handovers older than this are no longer brought up.
HANDOVER_LOOKBACK = timedelta(days=30)
LATE_KIND = "handover_late"


async def teammate(session: AsyncSession, actor: Actor, member_id: int) -> Member:
    """An active member of the actor's team, for a manager; NotAllowed otherwise."""
    if not actor.is_manager:
        raise NotAllowed("managers only")
    member = await session.get(Member, member_id)
    if member is None or member.team_id != actor.team_id or not member.active:
        raise NotAllowed("not in team")
    return member


async def team_customer(session: AsyncSession, actor: Actor, customer_id: int) -> Customer:
    if not actor.is_manager:
        raise NotAllowed("managers only")
    customer = await session.get(Customer, customer_id)
    if customer is None or customer.team_id != actor.team_id or customer.deleted_at is not None:
        raise NotAllowed("not in team")
    return customer


def _move(
    session: AsyncSession,
    actor: Actor,
    customer: Customer,
    old: Member | None,
    new: Member,
    now: datetime,
    action: str,
) -> None:
    session.add(
        ChangeLog(
            team_id=customer.team_id,
            member_id=actor.member_id,
            entity="customer",
            entity_id=customer.id,
            field="owner",
            old_value=old.name if old else None,
            new_value=new.name,
        )
    )
    customer.owner_id = new.id
    customer.assigned_at = now
    record(
        session, actor, action, "customer", customer.id, f"{old.name if old else '—'} → {new.name}"
    )


async def assign(
    session: AsyncSession,
    actor: Actor,
    customer_id: int,
    member_id: int,
    now: datetime | None = None,
) -> tuple[Customer, Member | None, Member]:
    """Give one customer to a teammate: (customer, previous owner, new owner)."""
    customer = await team_customer(session, actor, customer_id)
    new = await teammate(session, actor, member_id)
    old = await session.get(Member, customer.owner_id)
    if old is not None and old.id == new.id:
        return customer, old, new
    _move(session, actor, customer, old, new, now or datetime.now(UTC), "customer.assign")
    await session.flush()
    if old is not None:
        await carry_over(session, {customer.id: new.id}, old.id)
    return customer, old, new


@dataclass(frozen=True)
class Handover:
    leaver: Member
    shares: dict[int, list[Customer]]  # receiver id → the customers they now own
    receivers: dict[int, Member]

    @property
    def count(self) -> int:
        return sum(len(customers) for customers in self.shares.values())


async def hand_over(
    session: AsyncSession,
    actor: Actor,
    leaver_id: int,
    receiver_ids: Sequence[int],
    now: datetime | None = None,
) -> Handover:
    """离职交接: every customer of `leaver` goes to the receivers in turn (A first, then B, C,
    ungraded, each by name), so each receiver gets a fair share of every grade."""
    leaver = await teammate(session, actor, leaver_id)
    receivers = [await teammate(session, actor, rid) for rid in dict.fromkeys(receiver_ids)]
    receivers = [r for r in receivers if r.id != leaver.id]
    if not receivers:
        raise NotAllowed("no receivers")
    customers = list(
        await session.scalars(
            select(Customer).where(
                Customer.team_id == actor.team_id,
                Customer.owner_id == leaver.id,
                Customer.deleted_at.is_(None),
            )
        )
    )
    order = {Grade.A: 0, Grade.B: 1, Grade.C: 2, None: 3}
    customers.sort(key=lambda c: (order[c.grade], c.normalized_name, c.id))
    moment = now or datetime.now(UTC)
    shares: dict[int, list[Customer]] = {r.id: [] for r in receivers}
    for index, customer in enumerate(customers):
        receiver = receivers[index % len(receivers)]
        _move(session, actor, customer, leaver, receiver, moment, "customer.handover")
        shares[receiver.id].append(customer)
    record(
        session,
        actor,
        "member.handover",
        "member",
        leaver.id,
        f"customers={len(customers)} to={','.join(str(r.id) for r in receivers)}",
    )
    await session.flush()
    await carry_over(
        session, {c.id: rid for rid, given in shares.items() for c in given}, leaver.id
    )
    return Handover(leaver, shares, {r.id: r for r in receivers})


# -- the one-week rule ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LateHandover:
    customer_id: int
    customer_name: str
    team_id: int
    owner_id: int
    owner_name: str
    assigned_at: datetime


def _contacted_since_assigned() -> object:
    return exists().where(
        Interaction.customer_id == Customer.id,
        Interaction.member_id == Customer.owner_id,
        Interaction.occurred_at >= Customer.assigned_at,
        Interaction.kind != InteractionKind.NOTE,
    )


async def late_handovers(
    session: AsyncSession, now: datetime, team_id: int | None = None
) -> list[LateHandover]:
    """Customers given to a rep by someone else 7+ days ago (within the lookback) on which the
    rep has logged no interaction since."""
    query = (
        select(
            Customer.id,
            Customer.name,
            Customer.team_id,
            Member.id,
            Member.name,
            Customer.assigned_at,
        )
        .join(Member, Member.id == Customer.owner_id)
        .where(
            Customer.assigned_at <= now - timedelta(days=HANDOVER_DAYS),
            Customer.assigned_at > now - HANDOVER_LOOKBACK,
            Customer.deleted_at.is_(None),
            Customer.created_by_id != Customer.owner_id,
            Member.role == Role.REP,
            Member.active.is_(True),
            ~_contacted_since_assigned(),  # type: ignore[operator]
        )
        .order_by(Customer.assigned_at, Customer.id)
    )
    if team_id is not None:
        query = query.where(Customer.team_id == team_id)
    return [LateHandover(*row) for row in (await session.execute(query)).all()]


async def handover_pushes(session: AsyncSession, now: datetime) -> list[NewPush]:
    """Day 8 of the one-week rule: tell each manager of the team, once per assignment, with
    what the button to reassign needs. The planner calls this on every run and enqueues it."""
    late = await late_handovers(session, now)
    if not late:
        return []
    team_ids = sorted({row.team_id for row in late})
    managers = (
        await session.scalars(
            select(Member).where(
                Member.team_id.in_(team_ids),
                Member.role == Role.MANAGER,
                Member.active.is_(True),
            )
        )
    ).all()
    pushes: list[NewPush] = []
    for row in late:
        stamp = int(row.assigned_at.timestamp())
        for manager in (m for m in managers if m.team_id == row.team_id):
            pushes.append(
                NewPush(
                    manager.id,
                    LATE_KIND,
                    row.customer_name,
                    now,
                    f"handover-late:{row.customer_id}:{stamp}:{manager.id}",
                    HandoverLatePayload(
                        customer_id=row.customer_id,
                        customer=row.customer_name,
                        rep=row.owner_name,
                        rep_id=row.owner_id,
                        days=(now - row.assigned_at).days,
                    ),
                )
            )
    return pushes
