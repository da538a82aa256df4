"""The manager's pipeline (/pipeline, its drill-down, its charts, the weekly report's section),
counted in the database: a team of 200 reps has 100,000 deals, and loading them as objects
would take seconds. Open deals are summed per rep and stage in one grouped query; the lists
read only the few deals they show.

Scoped like every deal: the team's deals on live customers; a rep only their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from storage.actor import Actor
from storage.models import Customer, Deal, DealStage, Member
from storage.stages import OPEN_STAGES

LIST_LIMIT = 10
Q = TypeVar("Q", bound="Select[*tuple[Any, ...]]")


@dataclass(frozen=True)
class Span:
    """A period: its local days [first, after) for close dates, and the same as UTC moments
    [start, end) for when a deal was won or lost."""

    first: date
    after: date
    start: datetime
    end: datetime


@dataclass
class Tally:
    """Count, amount and weighted amount (amount × the deal's chance) of some deals."""

    count: int = 0
    amount: int = 0
    weighted: int = 0

    def add(self, count: int, amount: int, weighted: int) -> None:
        self.count += count
        self.amount += amount
        self.weighted += weighted


@dataclass(frozen=True)
class DealLine:
    id: int
    customer_id: int
    customer: str
    title: str
    owner_id: int
    owner: str
    amount: int | None
    won_amount: int | None
    currency: str
    stage: DealStage
    probability: int
    close_date: date | None
    lost_reason: str | None

    @property
    def name(self) -> str:
        """华润置地 办公楼项目, or just the customer when the deal is named after it."""
        return self.customer if self.title == self.customer else f"{self.customer} {self.title}"


@dataclass
class Pipeline:
    by_stage: dict[DealStage, Tally] = field(default_factory=dict)
    by_rep: dict[int, Tally] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)  # the team's members by id
    month: Tally = field(default_factory=Tally)  # open deals expected to sign this month
    quarter: Tally = field(default_factory=Tally)  # … this quarter
    month_deals: list[DealLine] = field(default_factory=list)
    quarter_deals: list[DealLine] = field(default_factory=list)
    won: Tally = field(default_factory=Tally)  # closed in the period asked for
    lost: Tally = field(default_factory=Tally)
    won_deals: list[DealLine] = field(default_factory=list)
    lost_deals: list[DealLine] = field(default_factory=list)
    lost_reasons: list[tuple[str | None, int]] = field(default_factory=list)

    @property
    def total(self) -> Tally:
        total = Tally()
        for tally in self.by_stage.values():
            total.add(tally.count, tally.amount, tally.weighted)
        return total


def _amount() -> ColumnElement[Any]:
    return func.coalesce(Deal.amount, 0)


def _weighted() -> ColumnElement[Any]:
    # Per deal, rounded down, as a rep's own card would show it.
    return func.coalesce(Deal.amount, 0) * Deal.probability // 100


def _sums(condition: ColumnElement[bool]) -> list[ColumnElement[Any]]:
    return [
        func.sum(case((condition, 1), else_=0)),
        func.sum(case((condition, _amount()), else_=0)),
        func.sum(case((condition, _weighted()), else_=0)),
    ]


def _between(day: Span) -> ColumnElement[bool]:
    return and_(Deal.close_date >= day.first, Deal.close_date < day.after)


def _scope(query: Q, actor: Actor, owner_id: int | None) -> Q:
    query = query.join(Customer, Customer.id == Deal.customer_id).where(
        Deal.team_id == actor.team_id, Customer.deleted_at.is_(None)
    )
    if not actor.is_manager:
        owner_id = actor.member_id
    return query if owner_id is None else query.where(Deal.owner_id == owner_id)


_LINE = (
    Deal.id, Deal.customer_id, Customer.name, Deal.title, Deal.owner_id, Member.name, Deal.amount,
    Deal.won_amount, Deal.currency, Deal.stage, Deal.probability, Deal.close_date,
    Deal.lost_reason,
)  # fmt: skip


async def _lines(
    session: AsyncSession, actor: Actor, owner_id: int | None, *where: Any, order: Any
) -> list[DealLine]:
    query = _scope(select(*_LINE), actor, owner_id).join(Member, Member.id == Deal.owner_id)
    rows = await session.execute(query.where(*where).order_by(*order, Deal.id).limit(LIST_LIMIT))
    return [DealLine(*tuple(row)) for row in rows]


async def pipeline(
    session: AsyncSession,
    actor: Actor,
    month: Span,
    quarter: Span,
    closed: Span,
    owner_id: int | None = None,
) -> Pipeline:
    """Open deals by stage and rep, with this month's and this quarter's expected closes;
    won and lost in `closed`. `owner_id`: one rep's (a manager's drill-down)."""
    found = Pipeline()
    found.names = {
        row[0]: row[1]
        for row in await session.execute(
            select(Member.id, Member.name).where(Member.team_id == actor.team_id)
        )
    }
    is_open = Deal.stage.in_(OPEN_STAGES)
    grouped = _scope(
        select(
            Deal.owner_id, Deal.stage, func.count(), func.sum(_amount()), func.sum(_weighted()),
            *_sums(_between(month)), *_sums(_between(quarter)),
        ),
        actor,
        owner_id,
    ).where(is_open).group_by(Deal.owner_id, Deal.stage)  # fmt: skip
    for row in await session.execute(grouped):
        owner, stage, count, amount, weighted = row[0], row[1], *map(int, row[2:5])
        found.by_stage.setdefault(stage, Tally()).add(count, amount, weighted)
        found.by_rep.setdefault(owner, Tally()).add(count, amount, weighted)
        found.month.add(*map(int, row[5:8]))
        found.quarter.add(*map(int, row[8:11]))
    if found.month.count:
        found.month_deals = await _lines(
            session, actor, owner_id, is_open, _between(month),
            order=(Deal.close_date, Deal.amount.desc().nulls_last()),
        )  # fmt: skip
    if found.quarter.count:
        found.quarter_deals = await _lines(
            session, actor, owner_id, is_open, _between(quarter),
            order=(Deal.amount.desc().nulls_last(), Deal.close_date),
        )  # fmt: skip
    in_period = and_(Deal.closed_at >= closed.start, Deal.closed_at < closed.end)
    signed = func.coalesce(Deal.won_amount, Deal.amount, 0)
    closing = (
        _scope(select(Deal.stage, func.count(), func.sum(signed)), actor, owner_id)
        .where(Deal.stage.in_((DealStage.WON, DealStage.LOST)), in_period)
        .group_by(Deal.stage)
    )
    for stage, count, amount in await session.execute(closing):
        tally = found.won if stage == DealStage.WON else found.lost
        tally.add(int(count), int(amount or 0), 0)
    if found.won.count:
        found.won_deals = await _lines(
            session, actor, owner_id, Deal.stage == DealStage.WON, in_period,
            order=(signed.desc(),),
        )  # fmt: skip
    if found.lost.count:
        found.lost_deals = await _lines(
            session, actor, owner_id, Deal.stage == DealStage.LOST, in_period,
            order=(signed.desc(),),
        )  # fmt: skip
        reasons = (
            _scope(select(Deal.lost_reason, func.count()), actor, owner_id)
            .where(Deal.stage == DealStage.LOST, in_period)
            .group_by(Deal.lost_reason)
        )
        found.lost_reasons = sorted(
            ((reason, int(n)) for reason, n in await session.execute(reasons)),
            key=lambda item: (-item[1], item[0] or "\uffff"),
        )
    return found


async def open_deals(
    session: AsyncSession, actor: Actor, owner_id: int, limit: int = 12
) -> list[DealLine]:
    """A rep's open deals, the most valuable (weighted) first: the drill-down's buttons."""
    query = _scope(select(*_LINE), actor, owner_id).join(Member, Member.id == Deal.owner_id)
    rows = await session.execute(
        query.where(Deal.stage.in_(OPEN_STAGES)).order_by(_weighted().desc(), Deal.id).limit(limit)
    )
    return [DealLine(*tuple(row)) for row in rows]


async def forecast(
    session: AsyncSession, actor: Actor, first: date, months: int = 6
) -> tuple[Tally, list[tuple[date, Tally]]]:
    """Open deals by the month they should sign, from the month of `first` on: (those whose
    date has passed already, [(first day of month, tally)] for `months` months)."""
    starts = [first.replace(day=1)]
    for _ in range(months):
        last = starts[-1]
        starts.append(date(last.year + last.month // 12, last.month % 12 + 1, 1))
    query = _scope(
        select(Deal.close_date, func.count(), func.sum(_amount()), func.sum(_weighted())),
        actor,
        None,
    ).where(Deal.stage.in_(OPEN_STAGES), Deal.close_date < starts[-1])
    overdue, buckets = Tally(), [Tally() for _ in range(months)]
    for day, count, amount, weighted in await session.execute(query.group_by(Deal.close_date)):
        if day < first:
            overdue.add(int(count), int(amount), int(weighted))
            continue
        index = (day.year - starts[0].year) * 12 + day.month - starts[0].month
        buckets[index].add(int(count), int(amount), int(weighted))
    return overdue, list(zip(starts[:-1], buckets, strict=True))
