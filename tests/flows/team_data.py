"""A small team with a known week, written straight through storage/ at fixed moments.

"Now" is Wednesday 2 December 2026, 15:00 in Shanghai; the week began Monday 30 November.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select, update

from bot.local_api import LocalClient
from storage.activities import add_follow_up, log_interaction
from storage.actor import Actor
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.models import Customer, FollowUp, FollowUpStatus, Grade, InteractionKind, Member
from tests.conftest import BotHarness

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 2, 15, 0, tzinfo=SHANGHAI)


def at(month: int, day: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=SHANGHAI)


@dataclass
class Team:
    manager: LocalClient
    wang: LocalClient
    zhang: LocalClient
    code: str


async def member(bot: BotHarness, client: LocalClient) -> Member:
    async with bot.session() as session:
        found = await session.scalar(
            select(Member).where(Member.telegram_user_id == client.user.id)
        )
        assert found is not None
        return found


async def make_team(bot: BotHarness) -> Team:
    manager = bot.user("李经理")
    reply = await manager.send("/newteam 华东销售一部")
    code = re.search(r"/join (\S+)", reply.text)
    assert code
    wang, zhang = bot.user("王磊"), bot.user("张伟")
    await wang.send(f"/join {code.group(1)}")
    await zhang.send(f"/join {code.group(1)}")
    return Team(manager, wang, zhang, code.group(1))


async def customer(
    bot: BotHarness, owner: LocalClient, name: str, created: datetime, **fields: Any
) -> int:
    actor = Actor.of(await member(bot, owner))
    with time_machine.travel(created, tick=False):
        async with bot.session() as session:
            found = await CustomerRepo(session, actor).create(name, **fields)
            await session.commit()
            return found.id


async def contact(
    bot: BotHarness,
    owner: LocalClient,
    customer_id: int,
    name: str,
    created: datetime,
    **fields: Any,
) -> int:
    actor = Actor.of(await member(bot, owner))
    with time_machine.travel(created, tick=False):
        async with bot.session() as session:
            found = await session.get_one(Customer, customer_id)
            made = await ContactRepo(session, actor).create(
                found, name=name, phones=fields.pop("phones", []), **fields
            )
            await session.commit()
            return made.id


async def interaction(
    bot: BotHarness, who: LocalClient, customer_id: int, kind: InteractionKind, when: datetime,
    summary: str | None = None,
) -> None:  # fmt: skip
    actor = Actor.of(await member(bot, who))
    async with bot.session() as session:
        found = await session.get_one(Customer, customer_id)
        await log_interaction(session, actor, found, kind, when, summary=summary)
        await session.commit()


async def follow_up(
    bot: BotHarness, who: LocalClient, customer_id: int, due: date, text: str,
    done_at: datetime | None = None,
) -> None:  # fmt: skip
    actor = Actor.of(await member(bot, who))
    async with bot.session() as session:
        found = await session.get_one(Customer, customer_id)
        made = await add_follow_up(session, actor, found, due, text)
        if done_at is not None:
            await session.execute(
                update(FollowUp)
                .where(FollowUp.id == made.id)
                .values(status=FollowUpStatus.DONE, done_at=done_at)
            )
        await session.commit()


async def known_week(bot: BotHarness) -> Team:
    """王磊 works; 张伟 has an A-grade customer nobody called since 1 November."""
    team = await make_team(bot)
    hd = await customer(bot, team.wang, "华东电力设计院", at(12, 1), grade=Grade.A)
    await contact(bot, team.wang, hd, "王建国", at(12, 1), title="局长", phones=["13812345678"])
    await interaction(bot, team.wang, hd, InteractionKind.VISIT, at(12, 2), "谈报价")
    await interaction(bot, team.wang, hd, InteractionKind.CALL, at(12, 1))
    await interaction(bot, team.wang, hd, InteractionKind.CALL, at(11, 30))
    await interaction(bot, team.wang, hd, InteractionKind.WECHAT, at(12, 1), "发送了生日祝福")
    await interaction(bot, team.wang, hd, InteractionKind.MEAL, at(11, 24))
    await interaction(bot, team.wang, hd, InteractionKind.WECHAT, at(11, 25))
    await interaction(bot, team.wang, hd, InteractionKind.NOTE, at(12, 2), "备注不算联系")
    await follow_up(bot, team.wang, hd, date(2026, 12, 2), "寄合同", done_at=at(12, 2, 11))
    await follow_up(bot, team.wang, hd, date(2026, 11, 28), "寄样品")
    await follow_up(bot, team.wang, hd, date(2026, 12, 5), "跟进报价")
    sz = await customer(bot, team.zhang, "苏州建工", at(10, 1), grade=Grade.A)
    await interaction(bot, team.zhang, sz, InteractionKind.VISIT, at(11, 1))
    return team


FIELDS = ("拜访", "电话", "微信", "新客户", "新联系人", "完成跟进", "逾期", "A类超期", "生日祝福")


def numbers(text: str, name: str) -> dict[str, int]:
    """The numbers on a member's line of the summary (or 合计)."""
    line = next(row for row in text.splitlines() if row.startswith((f"👤 {name}:", f"👥 {name}:")))
    return {label: int(n) for label, n in re.findall(r"([^\s·:0-9]+) (\d+)", line)}


def expect(*values: int) -> dict[str, int]:
    return dict(zip(FIELDS, values, strict=True))


__all__ = ["timedelta"]
