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

from sqlalchemy import Select, and_, func, select
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


def _between(day: Span) -> ColumnElement[bool]:
    return and_(Deal.close_date >= day.first, Deal.close_date < day.after)


# More deleted customers than this are left out by a subquery rather than a list of ids.
DELETED_LIST = 500


@dataclass(frozen=True)
class Scope:
    """Whose deals: the team's (a rep's own), without those of the team's deleted customers."""

    actor: Actor
    owner_id: int | None
    deleted: ColumnElement[bool] | None  # the condition that leaves them out, None if none

    def __call__(self, query: Q) -> Q:
        query = query.where(Deal.team_id == self.actor.team_id)
        if self.deleted is not None:
            query = query.where(self.deleted)
        return query if self.owner_id is None else query.where(Deal.owner_id == self.owner_id)


async def _scope(session: AsyncSession, actor: Actor, owner_id: int | None) -> Scope:
    """The deleted customers are few and read once: each deal's customer is checked against
    their list instead of the customer row being read (a join reads one customer row per
    deal, 70,000 of them for a big team's pipeline)."""
    deleted = select(Customer.id).where(
        Customer.team_id == actor.team_id, Customer.deleted_at.is_not(None)
    )
    ids = list(await session.scalars(deleted.limit(DELETED_LIST + 1)))
    condition = None
    if len(ids) > DELETED_LIST:
        condition = Deal.customer_id.not_in(deleted)
    elif ids:
        condition = Deal.customer_id.not_in(ids)
    return Scope(actor, owner_id if actor.is_manager else actor.member_id, condition)


_LINE = (
    Deal.id, Deal.customer_id, Customer.name, Deal.title, Deal.owner_id, Member.name, Deal.amount,
    Deal.won_amount, Deal.currency, Deal.stage, Deal.probability, Deal.close_date,
    Deal.lost_reason,
)  # fmt: skip


async def _details(session: AsyncSession, ids: list[int]) -> list[DealLine]:
    """The deals of `ids`, in that order, with their customer's and owner's names."""
    if not ids:
        return []
    rows = await session.execute(
        select(*_LINE)
        .join(Customer, Customer.id == Deal.customer_id)
        .join(Member, Member.id == Deal.owner_id)
        .where(Deal.id.in_(ids))
    )
    found = {line.id: line for line in (DealLine(*tuple(row)) for row in rows)}
    return [found[i] for i in ids if i in found]


async def _lines(
    session: AsyncSession, scope: Scope, *where: Any, order: Any, limit: int = LIST_LIMIT
) -> list[DealLine]:
    """The first `limit` deals so ordered: chosen on the deal table alone, then named."""
    query = scope(select(Deal.id)).where(*where)
    ids = list(await session.scalars(query.order_by(*order, Deal.id).limit(limit)))
    return await _details(session, ids)


async def pipeline(
    session: AsyncSession,
    actor: Actor,
    month: Span,
    quarter: Span,
    closed: Span,
    owner_id: int | None = None,
) -> Pipeline:
    """Open deals by stage and rep, with this month's and this quarter's expected closes;
    won and lost in `closed` (`month` lies in `quarter`). `owner_id`: one rep's (a manager's
    drill-down)."""
    found = Pipeline()
    found.names = {
        row[0]: row[1]
        for row in await session.execute(
            select(Member.id, Member.name).where(Member.team_id == actor.team_id)
        )
    }
    scope = await _scope(session, actor, owner_id)
    is_open = Deal.stage.in_(OPEN_STAGES)
    sums = (func.count(), func.sum(_amount()), func.sum(_weighted()))
    grouped = scope(select(Deal.owner_id, Deal.stage, *sums)).where(is_open)
    for owner, stage, *tally in await session.execute(grouped.group_by(Deal.owner_id, Deal.stage)):
        count, amount, weighted = map(int, tally)
        found.by_stage.setdefault(stage, Tally()).add(count, amount, weighted)
        found.by_rep.setdefault(owner, Tally()).add(count, amount, weighted)
    # The quarter's days (the month's among them), read from the index by date: a sum with a
    # condition per deal over all of them would cost four times as much.
    by_day = scope(select(Deal.close_date, *sums)).where(is_open, _between(quarter))
    for day, *tally in await session.execute(by_day.group_by(Deal.close_date)):
        found.quarter.add(*map(int, tally))
        if month.first <= day < month.after:
            found.month.add(*map(int, tally))
    if found.month.count:
        found.month_deals = await _lines(
            session, scope, is_open, _between(month),
            order=(Deal.close_date, Deal.amount.desc().nulls_last()),
        )  # fmt: skip
    if found.quarter.count:
        found.quarter_deals = await _lines(
            session, scope, is_open, _between(quarter),
            order=(Deal.amount.desc().nulls_last(), Deal.close_date),
        )  # fmt: skip
    in_period = and_(Deal.closed_at >= closed.start, Deal.closed_at < closed.end)
    signed = func.coalesce(Deal.won_amount, Deal.amount, 0)
    # Won and lost by their reason (none for a won deal): the tallies and the reasons at once.
    closing = (
        scope(select(Deal.stage, Deal.lost_reason, func.count(), func.sum(signed)))
        .where(Deal.stage.in_((DealStage.WON, DealStage.LOST)), in_period)
        .group_by(Deal.stage, Deal.lost_reason)
    )
    reasons: list[tuple[str | None, int]] = []
    for stage, reason, count, amount in await session.execute(closing):
        tally = found.won if stage == DealStage.WON else found.lost
        tally.add(int(count), int(amount or 0), 0)
        if stage == DealStage.LOST:
            reasons.append((reason, int(count)))
    found.lost_reasons = sorted(reasons, key=lambda item: (-item[1], item[0] or "\uffff"))
    if found.won.count:
        found.won_deals = await _lines(
            session, scope, Deal.stage == DealStage.WON, in_period,
            order=(signed.desc(),),
        )  # fmt: skip
    if found.lost.count:
        found.lost_deals = await _lines(
            session, scope, Deal.stage == DealStage.LOST, in_period,
            order=(signed.desc(),),
        )  # fmt: skip
    return found


async def stage_tallies(session: AsyncSession, actor: Actor) -> dict[DealStage, Tally]:
    """The team's open deals by stage only (the funnel chart)."""
    scope = await _scope(session, actor, None)
    query = scope(select(Deal.stage, func.count(), func.sum(_amount()), func.sum(_weighted())))
    rows = await session.execute(query.where(Deal.stage.in_(OPEN_STAGES)).group_by(Deal.stage))
    return {stage: Tally(int(n), int(amount), int(weighted)) for stage, n, amount, weighted in rows}


async def open_deals(
    session: AsyncSession, actor: Actor, owner_id: int, limit: int = 12
) -> list[DealLine]:
    """A rep's open deals, the most valuable (weighted) first: the drill-down's buttons."""
    return await _lines(
        session, await _scope(session, actor, owner_id), Deal.stage.in_(OPEN_STAGES),
        order=(_weighted().desc(),), limit=limit,
    )  # fmt: skip


async def forecast(
    session: AsyncSession, actor: Actor, first: date, months: int = 6
) -> tuple[Tally, list[tuple[date, Tally]]]:
    """Open deals by the month they should sign, from the month of `first` on: (those whose
    date has passed already, [(first day of month, tally)] for `months` months)."""
    starts = [first.replace(day=1)]
    for _ in range(months):
        last = starts[-1]
        starts.append(date(last.year + last.month // 12, last.month % 12 + 1, 1))
    scope = await _scope(session, actor, None)
    query = scope(
        select(Deal.close_date, func.count(), func.sum(_amount()), func.sum(_weighted()))
    ).where(Deal.stage.in_(OPEN_STAGES), Deal.close_date < starts[-1])
    overdue, buckets = Tally(), [Tally() for _ in range(months)]
    for day, count, amount, weighted in await session.execute(query.group_by(Deal.close_date)):
        if day < first:
            overdue.add(int(count), int(amount), int(weighted))
            continue
        index = (day.year - starts[0].year) * 12 + day.month - starts[0].month
        buckets[index].add(int(count), int(amount), int(weighted))
    return overdue, list(zip(starts[:-1], buckets, strict=True))
