"""What tests build through storage/ rather than through chat, and the clock they move.

- `local`, `at`: moments in Shanghai; `member_of`: the Member behind a test client.
- `Pushes`: the planner and dispatcher of the bot under test, run at moments the test chooses.
- `Archive`: one rep's customers, contacts, family, follow-ups, trips and visits.
- `make_team`, `known_week` and the one-line writers (`customer`, `contact`, `interaction`,
  `follow_up`): a small team with a known week. "Now" is Wednesday 2 December 2026, 15:00 in
  Shanghai (NOW); the week began Monday 30 November.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select, update

from bot.app import TEAM_DELIVERERS
from bot.local_api import ApiCall, LocalClient
from scheduler.dispatcher import Dispatcher, DispatchStats
from scheduler.planner import Planner
from storage.activities import add_follow_up, add_itinerary, log_interaction
from storage.actor import Actor
from storage.birthdays import Birthday, birthday_columns
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.engine import session_factory
from storage.models import (
    Contact,
    Customer,
    FamilyMember,
    FollowUp,
    FollowUpStatus,
    Grade,
    InteractionKind,
    Member,
)
from tests.conftest import BotHarness

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 2, 15, 0, tzinfo=SHANGHAI)


def local(*args: int) -> datetime:
    """A moment in Shanghai: local(2026, 11, 30, 8, 30)."""
    return datetime(*args, tzinfo=SHANGHAI)  # type: ignore[misc,arg-type]


def at(month: int, day: int, hour: int = 10) -> datetime:
    """A moment of 2026 in Shanghai, on the hour: at(12, 2, 15) is NOW."""
    return local(2026, month, day, hour)


@dataclass
class Pushes:
    """The scheduler of the bot under test, run by hand at moments the test chooses."""

    bot: BotHarness
    planner: Planner
    dispatcher: Dispatcher

    @classmethod
    def of(cls, bot: BotHarness) -> Pushes:
        sessions = session_factory(bot.engine)
        dispatcher = Dispatcher(bot.application.bot, sessions, rate=0, deliverers=TEAM_DELIVERERS)
        return cls(bot, Planner(sessions), dispatcher)

    def restarted(self) -> Pushes:
        """A new planner and dispatcher, as a fresh process would have."""
        return Pushes.of(self.bot)

    async def at(self, moment: datetime) -> list[ApiCall]:
        """Travel to `moment`, plan, and deliver everything due, one second per pass."""
        first = len(self.bot.api.calls)
        with time_machine.travel(moment, tick=False) as traveller:
            await self.planner.run()
            for _ in range(30):
                stats: DispatchStats = await self.dispatcher.dispatch_once()
                if stats.claimed == 0:
                    break
                traveller.shift(timedelta(seconds=1))
        return [c for c in self.bot.api.calls[first:] if c.method == "sendMessage"]


async def member_of(bot: BotHarness, client: LocalClient) -> Member:
    async with bot.session() as session:
        member = await session.scalar(
            select(Member).where(Member.telegram_user_id == client.user.id)
        )
        assert member is not None
        return member


class Archive:
    """A rep's customers, contacts and follow-ups written straight through storage/."""

    def __init__(self, bot: BotHarness, member: Member) -> None:
        self.bot = bot
        self.actor = Actor.of(member)

    async def customer(self, name: str, grade: Grade | None = None, **fields: Any) -> Customer:
        async with self.bot.session() as session:
            customer = await CustomerRepo(session, self.actor).create(name, grade=grade, **fields)
            await session.commit()
            return customer

    async def contact(
        self,
        customer: Customer,
        name: str,
        *,
        salutation: str | None = None,
        birthday: tuple[int, int] | None = None,
        lunar: bool = False,
        leap: bool = False,
        year: int | None = None,
        today: date,
        key_leader: bool = False,
    ) -> Contact:
        fields: dict[str, Any] = {
            "salutation": salutation,
            "surname": name[0],
            "is_key_leader": key_leader,
            "phones": [],
        }
        if birthday:
            fields.update(_birthday(birthday, lunar=lunar, leap=leap, year=year, today=today))
        async with self.bot.session() as session:
            contact = await ContactRepo(session, self.actor).create(customer, name=name, **fields)
            await session.commit()
            return contact

    async def family(
        self, contact: Contact, relation: str, birthday: tuple[int, int], today: date
    ) -> FamilyMember:
        async with self.bot.session() as session:
            found = await session.get_one(Contact, contact.id)
            relative = await ContactRepo(session, self.actor).add_family(
                found, relation, None, **_birthday(birthday, today=today)
            )
            await session.commit()
            return relative

    async def follow_up(
        self, customer: Customer | None, due: date, text: str, at: datetime | None = None
    ) -> int:
        async with self.bot.session() as session:
            found = await session.get(Customer, customer.id) if customer else None
            follow_up = await add_follow_up(session, self.actor, found, due, text, due_at=at)
            await session.commit()
            return follow_up.id

    async def trip(
        self, contact: Contact, place: str, start: date, end: date, purpose: str | None = None
    ) -> int:
        async with self.bot.session() as session:
            found = await session.get_one(Contact, contact.id)
            trip = await add_itinerary(session, self.actor, found, place, start, end, purpose)
            await session.commit()
            return trip.id

    async def visit(self, customer: Customer, when: datetime) -> None:
        async with self.bot.session() as session:
            found = await session.get_one(Customer, customer.id)
            await log_interaction(session, self.actor, found, InteractionKind.VISIT, when)
            await session.commit()


def _birthday(
    birthday: tuple[int, int],
    *,
    lunar: bool = False,
    leap: bool = False,
    year: int | None = None,
    today: date,
) -> dict[str, Any]:
    month, day = birthday
    born = Birthday(month=month, day=day, year=year, lunar=lunar, leap=leap)
    return birthday_columns(born, today)


def texts(calls: list[ApiCall]) -> str:
    return "\n---\n".join(call.text for call in calls)


@dataclass
class Team:
    manager: LocalClient
    wang: LocalClient
    zhang: LocalClient
    code: str


async def make_team(bot: BotHarness) -> Team:
    manager = bot.user("李经理")
    reply = await manager.send("/newteam 华东销售一部")
    code = re.search(r"/join (\S+)", reply.text)
    assert code
    wang, zhang = bot.user("王磊"), bot.user("张伟")
    await wang.send(f"/join {code.group(1)}")
    await zhang.send(f"/join {code.group(1)}")
    # The team is older than every period the tests look at (a test's clock is moved back to
    # NOW after the real-time joins; one who joined after a period is not blamed for it).
    async with bot.session() as session:
        await session.execute(
            update(Member).values(joined_team_at=datetime(2026, 10, 1, tzinfo=UTC))
        )
        await session.commit()
    return Team(manager, wang, zhang, code.group(1))


async def customer(
    bot: BotHarness, owner: LocalClient, name: str, created: datetime, **fields: Any
) -> int:
    actor = Actor.of(await member_of(bot, owner))
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
    actor = Actor.of(await member_of(bot, owner))
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
    actor = Actor.of(await member_of(bot, who))
    async with bot.session() as session:
        found = await session.get_one(Customer, customer_id)
        await log_interaction(session, actor, found, kind, when, summary=summary)
        await session.commit()


async def follow_up(
    bot: BotHarness, who: LocalClient, customer_id: int, due: date, text: str,
    done_at: datetime | None = None,
) -> None:  # fmt: skip
    actor = Actor.of(await member_of(bot, who))
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


__all__ = ["UTC", "time", "timedelta"]
