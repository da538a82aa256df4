"""Driving the planner and dispatcher with a moved clock, and building an archive quickly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import select

from bot.app import TEAM_DELIVERERS
from bot.local_api import ApiCall, LocalClient
from parsing.dates import next_lunar_occurrence, next_solar_birthday
from scheduler.dispatcher import Dispatcher, DispatchStats
from scheduler.planner import Planner
from storage.activities import add_follow_up, add_itinerary, log_interaction
from storage.actor import Actor
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.engine import session_factory
from storage.models import Contact, Customer, FamilyMember, Grade, InteractionKind, Member
from tests.conftest import BotHarness

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(*args: int) -> datetime:
    """A moment in Shanghai: local(2026, 11, 30, 8, 30)."""
    return datetime(*args, tzinfo=SHANGHAI)  # type: ignore[misc,arg-type]


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
            fields.update(_birthday(birthday, lunar, leap, year, today))
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
                found, relation, None, **_birthday(birthday, False, False, None, today)
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
    birthday: tuple[int, int], lunar: bool, leap: bool, year: int | None, today: date
) -> dict[str, Any]:
    month, day = birthday
    upcoming = (
        next_lunar_occurrence(month, day, leap, today)
        if lunar
        else next_solar_birthday(month, day, today)
    )
    return {
        "birthday_month": month,
        "birthday_day": day,
        "birthday_lunar": lunar,
        "birthday_leap": leap,
        "birthday_year": year,
        "birthday_next": upcoming,
    }


def texts(calls: list[ApiCall]) -> str:
    return "\n---\n".join(call.text for call in calls)


__all__ = ["UTC", "time"]
