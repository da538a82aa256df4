"""Members each with one push already due, for the dispatcher's reliability tests."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Member
from storage.outbox import NewPush, enqueue
from storage.push_items import ColdItem, SinglePayload
from storage.teams import register_member


async def members_with_due_pushes(
    session: AsyncSession, count: int, first_chat: int
) -> list[Member]:
    """`count` members (chat ids from `first_chat`), no quiet hours, one due push each; the
    planner is kept out of it. The caller commits."""
    now = datetime.now(UTC)
    members = []
    for n in range(count):
        member = await register_member(
            session,
            telegram_user_id=first_chat + n,
            chat_id=first_chat + n,
            name=f"代表{n}",
            username=None,
            language="zh_Hans",
            timezone="Asia/Shanghai",
        )
        member.quiet_start = member.quiet_end = time(0, 0)
        member.plan_due_at = now + timedelta(days=1)
        await session.flush()
        item = ColdItem(
            type="cold", customer_id=0, customer=f"客户{n}", grade="A", days=9, never=False
        )
        due = now - timedelta(minutes=1)
        push = NewPush(
            member.id, "nudge", f"客户{n}", due, f"due:{first_chat + n}", SinglePayload(item=item)
        )
        await enqueue(session, [push])
        members.append(member)
    return members
