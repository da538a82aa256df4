"""What goes with a customer when it changes hands, and what a member may still act on.

Assignment, handover and removal from the team move a customer to a new owner. With it go the
old owner's open follow-ups on it and the pushes still waiting about it: a timed follow-up's
push (or a 推迟-ed item) is handed to the new owner as it is — its dedupe key has no member in
it, so planning it again would be refused — while birthday and trip pushes are cancelled and
planned again for the new owner (their keys name the member). A digest waiting in the outbox
loses the moved customers' lines, and the follow-ups among them are pushed to their new holder
at once (he would otherwise hear of them only in tomorrow's digest). The customer's open deals
go along, and its won deals still waiting for 回款 (the new owner is asked about them and
collects the money). Done follow-ups, lost and fully paid deals stay where they were: they are
history, and history stays with the customer.

A member removed from the team takes nothing along: his open follow-ups and deals (as above)
on the team's customers go to their owners, and every other push still waiting for him is cancelled. The
buttons of pushes he got before check `item_still_theirs` before they act.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from storage.actor import Actor
from storage.customers import visible_customers
from storage.cycle import MeetingMinutes, PlanStatus, VisitPlan
from storage.models import (
    Customer,
    Deal,
    DealPayment,
    DealStage,
    FollowUp,
    FollowUpStatus,
    Member,
    OutboxStatus,
    ReminderOutbox,
)
from storage.outbox import NewPush, enqueue
from storage.payments import unsettled
from storage.planning import mark_replan
from storage.push_items import customer_of as _customer_of
from storage.push_items import follow_up_of as _follow_up_of
from storage.stages import OPEN_STAGES

# Single-item pushes handed over as they are (their dedupe keys name no member).
HANDED_OVER = frozenset({"followup", "again"})
_WAITING = (OutboxStatus.PENDING,)


async def carry_over(
    session: AsyncSession,
    customers: Mapping[int, int],
    old_owner_id: int,
) -> int:
    """Customers (id → new owner id) that left `old_owner_id`: their open follow-ups held by
    him and his waiting pushes about them go along. Returns how many follow-ups moved."""
    if not customers:
        return 0
    moved = 0
    by_owner: dict[int, list[int]] = {}
    for customer_id, owner_id in customers.items():
        by_owner.setdefault(owner_id, []).append(customer_id)
    moved_follow_ups: dict[int, int] = {}
    for owner_id, ids in by_owner.items():
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = await session.scalars(
                select(FollowUp.id).where(
                    FollowUp.member_id == old_owner_id,
                    FollowUp.status == FollowUpStatus.OPEN,
                    FollowUp.customer_id.in_(chunk),
                )
            )
            found = list(rows)
            if found:
                await session.execute(
                    update(FollowUp).where(FollowUp.id.in_(found)).values(member_id=owner_id)
                )
                moved_follow_ups.update(dict.fromkeys(found, owner_id))
                moved += len(found)
            await _carry_plans(session, old_owner_id, chunk, owner_id)
            # A 纪要 not written yet is still to be done: the new owner writes it, the former
            # one no longer reaches the customer (storage/minutes.py scopes it like /customer).
            await session.execute(
                update(MeetingMinutes)
                .where(
                    MeetingMinutes.member_id == old_owner_id,
                    MeetingMinutes.customer_id.in_(chunk),
                    MeetingMinutes.written_at.is_(None),
                )
                .values(member_id=owner_id)
            )
            await session.execute(
                update(Deal)
                .where(Deal.owner_id == old_owner_id, Deal.customer_id.in_(chunk), _following())
                .values(owner_id=owner_id)
                .execution_options(synchronize_session="fetch")
            )
    await _carry_pushes(session, customers, moved_follow_ups, old_owner_id)
    for owner_id in {old_owner_id, *by_owner}:
        await mark_replan(session, owner_id)
    return moved


def _following() -> ColumnElement[bool]:
    """The deals that go with their customer: the open ones, and the won ones still waiting
    for money (the new owner collects it). Lost and fully paid deals stay: they are history."""
    waiting = select(DealPayment.id).where(DealPayment.deal_id == Deal.id, unsettled()).exists()
    return or_(Deal.stage.in_(OPEN_STAGES), and_(Deal.stage == DealStage.WON, waiting))


# Plans not yet done or dropped go with the customer: the new owner visits in their place.
_LIVE_PLANS = (PlanStatus.DRAFT, PlanStatus.PENDING, PlanStatus.APPROVED, PlanStatus.COMMENTED,
               PlanStatus.FILED)  # fmt: skip


async def _carry_plans(
    session: AsyncSession, old_owner_id: int, customer_ids: Collection[int], owner_id: int
) -> None:
    today = datetime.now(UTC).date()
    await session.execute(
        update(VisitPlan)
        .where(
            VisitPlan.member_id == old_owner_id,
            VisitPlan.customer_id.in_(list(customer_ids)),
            VisitPlan.status.in_([s.value for s in _LIVE_PLANS]),
            VisitPlan.planned_for >= today,
        )
        .values(member_id=owner_id)
    )


async def _carry_pushes(
    session: AsyncSession,
    customers: Mapping[int, int],
    follow_ups: Mapping[int, int],
    old_owner_id: int,
) -> None:
    rows = await session.scalars(
        select(ReminderOutbox).where(
            ReminderOutbox.member_id == old_owner_id,
            ReminderOutbox.status.in_(_WAITING),
        )
    )
    carried: list[NewPush] = []
    for row in rows:
        if row.kind == "digest":
            stripped = _strip_digest(row, customers, follow_ups)
            if stripped:
                flag_modified(row, "payload")
            # Today's follow-ups that were about to be in his digest reach the new holder now.
            carried += _carried(row, stripped, follow_ups)
            if not any(section["items"] for section in row.payload.get("sections", [])):
                _cancel(row, "its customers changed hands")
            continue
        if row.kind == "festival":
            # One push names several customers' key contacts: only the moved ones leave it.
            contacts = row.payload.get("contacts", [])
            kept = [c for c in contacts if _customer_of(c) not in customers]
            if len(kept) != len(contacts):
                row.payload["contacts"] = kept
                flag_modified(row, "payload")
                if not kept:
                    _cancel(row, "its customers changed hands")
            continue
        single = row.payload.get("item")
        if not isinstance(single, dict):
            continue
        fid, cid = _follow_up_of(single), _customer_of(single)
        if fid is not None and fid in follow_ups:
            new_owner: int | None = follow_ups[fid]
        else:
            new_owner = customers.get(cid) if cid is not None else None
        if new_owner is None:
            continue
        if row.kind in HANDED_OVER:
            row.member_id = new_owner
        else:  # a birthday or a trip: planned again for the new owner under his own key
            _cancel(row, "its customer changed hands")
    await enqueue(session, carried)
    await session.flush()


def _carried(
    row: ReminderOutbox, items: list[dict[str, Any]], holders: Mapping[int, int]
) -> list[NewPush]:
    """Pushes now, to their new holders, of the follow-ups among a digest's dropped items."""
    pushes = []
    for item in items:
        fid = _follow_up_of(item)
        if fid is not None and fid in holders:
            pushes.append(
                NewPush(
                    holders[fid],
                    "again",
                    str(item.get("text", ""))[:200],
                    datetime.now(UTC),
                    f"carried:{row.id}:{fid}",
                    {"item": item},
                )
            )
    return pushes


def _strip_digest(
    row: ReminderOutbox, customers: Collection[int], follow_ups: Collection[int]
) -> list[dict[str, Any]]:
    """Drop the digest's lines about customers (and follow-ups) that left its member; returns
    the dropped items."""
    dropped: list[dict[str, Any]] = []
    for section in row.payload.get("sections", []):
        kept: list[dict[str, Any]] = []
        for item in section["items"]:
            gone = _customer_of(item) in customers or _follow_up_of(item) in follow_ups
            (dropped if gone else kept).append(item)
        section["items"] = kept
    return dropped


def _cancel(row: ReminderOutbox, reason: str) -> None:
    row.status = OutboxStatus.CANCELLED
    row.last_error = reason
    row.lease_until = None


async def leave_team(session: AsyncSession, member: Member, team_id: int) -> int:
    """`member` leaves team `team_id` (whose customers have new owners already): his open
    follow-ups on them go to their owners, and every push waiting for him is cancelled.
    Returns how many follow-ups moved."""
    rows = await session.execute(
        select(FollowUp.id, Customer.owner_id)
        .join(Customer, Customer.id == FollowUp.customer_id)
        .where(
            FollowUp.member_id == member.id,
            FollowUp.status == FollowUpStatus.OPEN,
            Customer.team_id == team_id,
        )
    )
    owners: dict[int, int] = {follow_up_id: owner_id for follow_up_id, owner_id in rows.all()}
    by_owner: dict[int, list[int]] = {}
    for follow_up_id, owner_id in owners.items():
        by_owner.setdefault(owner_id, []).append(follow_up_id)
    for owner_id, ids in by_owner.items():
        await session.execute(
            update(FollowUp).where(FollowUp.id.in_(ids)).values(member_id=owner_id)
        )
    plans = await session.execute(
        select(VisitPlan.customer_id, Customer.owner_id)
        .join(Customer, Customer.id == VisitPlan.customer_id)
        .where(VisitPlan.member_id == member.id, Customer.team_id == team_id)
    )
    for customer_id, owner_id in set(plans.all()):
        if owner_id != member.id:
            await _carry_plans(session, member.id, [customer_id], owner_id)
    owner_of = select(Customer.owner_id).where(Customer.id == Deal.customer_id)
    await session.execute(
        update(Deal)
        .where(Deal.owner_id == member.id, Deal.team_id == team_id, _following())
        .values(owner_id=owner_of.scalar_subquery())
        .execution_options(synchronize_session="fetch")
    )
    # Timed follow-ups' pushes go with them, today's follow-ups in his waiting digest are pushed
    # to their new holders; everything else waiting for him is cancelled.
    carried: list[NewPush] = []
    waiting = await session.scalars(
        select(ReminderOutbox).where(
            ReminderOutbox.member_id == member.id, ReminderOutbox.status.in_(_WAITING)
        )
    )
    for row in waiting:
        item = row.payload.get("item")
        fid = _follow_up_of(item) if isinstance(item, dict) else None
        if row.kind in HANDED_OVER and fid is not None and fid in owners:
            row.member_id = owners[fid]
            continue
        if row.kind == "digest":
            carried += _carried(row, _strip_digest(row, (), owners), owners)
        _cancel(row, "member left the team")
    await enqueue(session, carried)
    for owner_id in by_owner:
        await mark_replan(session, owner_id)
    await session.flush()
    return len(owners)


async def item_still_theirs(session: AsyncSession, actor: Actor, item: Mapping[str, Any]) -> bool:
    """Whether a push's item is still the actor's to act on: a follow-up he holds, a customer
    he may see. (Buttons of old pushes must not reach what changed hands since.)"""
    fid = _follow_up_of(item)
    if fid is not None:
        holder = await session.scalar(select(FollowUp.member_id).where(FollowUp.id == fid))
        if holder != actor.member_id:
            return False
    cid = _customer_of(item)
    if cid is not None:
        visible = await session.scalar(
            visible_customers(actor).with_only_columns(Customer.id).where(Customer.id == cid)
        )
        return visible is not None
    return True
