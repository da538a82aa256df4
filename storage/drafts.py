"""Drafts a member can come back to: what they typed that is not in the archive yet.

Three kinds are kept for the member: an unconfirmed quick-capture card (`capture`), a note
filed on no customer (`note`, 📝 先存为草稿) and input a failure hit (`failed_input`). Other
drafts (a new customer's name, an import preview, a check-in) are steps of a flow and are not
listed.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.models import Customer, Draft

KEPT_KINDS = ("capture", "note", "failed_input")


def _kept(member_id: int) -> ColumnElement[bool]:
    return and_(Draft.member_id == member_id, Draft.kind.in_(KEPT_KINDS))


async def kept_drafts(
    session: AsyncSession, member_id: int, offset: int = 0, limit: int = 8
) -> Sequence[Draft]:
    """The member's kept drafts, newest first."""
    rows = await session.scalars(
        select(Draft)
        .where(_kept(member_id))
        .order_by(Draft.updated_at.desc(), Draft.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return rows.all()


async def count_kept(session: AsyncSession, member_id: int) -> int:
    found = await session.scalar(select(func.count()).select_from(Draft).where(_kept(member_id)))
    return int(found or 0)


async def kept_draft(session: AsyncSession, member_id: int, draft_id: int) -> Draft | None:
    """One of the member's kept drafts (None for anyone else's, or one already used)."""
    draft = await session.get(Draft, draft_id)
    if draft is None or draft.member_id != member_id or draft.kind not in KEPT_KINDS:
        return None
    return draft


# A colleague's customer a manager's ✅ 仍归 let this note be written onto: the owner keeps the
# customer, the rep's visit, trips and contact details go into its file.
_GRANTED = "granted_customer"


def grant(draft: Draft, customer_id: int) -> None:
    draft.payload = {**(draft.payload or {}), _GRANTED: customer_id}


async def granted_customer(session: AsyncSession, actor: Actor, draft: Draft) -> Customer | None:
    """The customer the draft may be written onto by the manager's decision, while it is still
    in the actor's team."""
    customer_id = (draft.payload or {}).get(_GRANTED)
    if not isinstance(customer_id, int):
        return None
    customer = await session.get(Customer, customer_id)
    if customer is None or customer.team_id != actor.team_id or customer.deleted_at is not None:
        return None
    return customer
