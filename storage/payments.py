"""回款: a won deal's payment plan — installments with amounts and due dates, and what came in.

Scoped through the deal (storage/deals.py's visible_deals): a rep reaches their own deals'
installments, a manager the team's. Each due date set and each payment recorded is a
DealChange row of the deal ("due:2", "paid:2"), beside its stage and amount changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, bindparam, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from locales import N_
from storage.actor import Actor
from storage.customers import Scoped
from storage.deals import OPEN_STAGES, deals_visible_to, visible_deals
from storage.models import Customer, Deal, DealChange, DealPayment, DealStage, Member

# Plans a rep may pick with one tap for a won deal that has none: (label, percent) each.
PRESETS: tuple[tuple[tuple[str, int], ...], ...] = (
    ((N_("全款"), 100),),
    ((N_("签约"), 30), (N_("验收"), 60), (N_("质保"), 10)),
    ((N_("预付"), 50), (N_("验收"), 50)),
    ((N_("签约"), 30), (N_("到货"), 60), (N_("质保"), 10)),
)
# Won deals stay on the customer card for collecting this long after they closed, plan or not;
# after that only while an installment is still open.
RECENT_WIN = timedelta(days=180)


def installment_name(label: str) -> str:
    """验收 → 验收款; 首付款, 保证金 as they are (the card and the digest name it so)."""
    return label if label.endswith(("款", "金")) else f"{label}款"


def unsettled() -> ColumnElement[bool]:
    """An installment still waiting for money (one without an amount until anything came in)."""
    return or_(
        DealPayment.paid_amount.is_(None),
        and_(DealPayment.amount.is_not(None), DealPayment.paid_amount < DealPayment.amount),
    )


# A card's two lists of deals in one statement, since a statement's own cost is more than
# SQLite takes to run either: the open ones (DealRepo.open_of's, the latest first) and the won
# ones being collected (the latest closed first), each in its own order — the other list's
# key is NULL on every row of a list, so its rows keep the order their own read gave them.
_IS_OPEN = Deal.stage.in_(OPEN_STAGES)
_CARD_DEALS = Scoped.build(
    lambda manager: (
        deals_visible_to(manager)
        .add_columns(_IS_OPEN.label("is_open"))
        .where(
            Deal.customer_id == bindparam("customer_id"),
            or_(
                _IS_OPEN,
                and_(
                    Deal.stage == DealStage.WON,
                    or_(
                        Deal.closed_at >= bindparam("since"),
                        Deal.id.in_(select(DealPayment.deal_id).where(unsettled())),
                    ),
                ),
            ),
        )
        .order_by(
            case((_IS_OPEN, Deal.updated_at)).desc(),
            case((~_IS_OPEN, Deal.closed_at)).desc(),
            Deal.id.desc(),
        )
    )
)


async def card_deals(
    session: AsyncSession, actor: Actor, customer: Customer, now: datetime
) -> tuple[list[Deal], list[Deal]]:
    """(DealRepo.open_of's deals, the won ones still being collected: closed lately, or
    with an open installment) in one read, each list the latest first."""
    query = _CARD_DEALS.of(actor, customer_id=customer.id, since=now - RECENT_WIN)
    opened: list[Deal] = []
    collecting: list[Deal] = []
    for deal, is_open in (await session.execute(*query)).all():
        (opened if is_open else collecting).append(deal)
    return opened, collecting


class PaymentRepo:
    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor

    async def installment(self, payment_id: int) -> tuple[DealPayment, Deal] | None:
        """An installment of a won deal the actor may see, with its deal; else None."""
        row = (
            await self.session.execute(
                visible_deals(self.actor)
                .add_columns(DealPayment)
                .join(DealPayment, DealPayment.deal_id == Deal.id)
                .where(DealPayment.id == payment_id, Deal.stage == DealStage.WON)
            )
        ).first()
        return (row[1], row[0]) if row is not None else None

    async def plan(self, deal: Deal) -> Sequence[DealPayment]:
        found = await self.session.scalars(
            select(DealPayment).where(DealPayment.deal_id == deal.id).order_by(DealPayment.position)
        )
        return found.all()

    async def plans(self, deals: Sequence[Deal]) -> dict[int, list[DealPayment]]:
        """The plans of several deals at once (the customer card), by deal id."""
        found: dict[int, list[DealPayment]] = {deal.id: [] for deal in deals}
        if not found:
            return found
        rows = await self.session.scalars(
            select(DealPayment)
            .where(DealPayment.deal_id.in_(sorted(found)))
            .order_by(DealPayment.deal_id, DealPayment.position)
        )
        for row in rows:
            found[row.deal_id].append(row)
        return found

    def set_due(self, deal: Deal, payment: DealPayment, day: date, now: datetime) -> None:
        old = payment.due_date.isoformat() if payment.due_date else None
        self._log(deal, f"due:{payment.position + 1}", old, day.isoformat(), now)
        payment.due_date = day
        deal.updated_at = now

    def collect(
        self, deal: Deal, payment: DealPayment, amount: int, day: date, now: datetime
    ) -> None:
        """已回款: `amount` came in on `day` (added to what came in before)."""
        before = payment.paid_amount or 0
        self._log(deal, f"paid:{payment.position + 1}", str(before), str(before + amount), now)
        payment.paid_amount = before + amount
        payment.paid_on = max(day, payment.paid_on) if payment.paid_on else day
        deal.updated_at = now

    def _log(self, deal: Deal, name: str, old: str | None, new: str, now: datetime) -> None:
        self.session.add(
            DealChange(
                deal_id=deal.id,
                member_id=self.actor.member_id,
                field=name,
                old_value=old,
                new_value=new,
                changed_at=now,
            )
        )


# -- the digest and the team summary ---------------------------------------------------------


@dataclass(frozen=True)
class DueInstallment:
    """An installment waiting for money whose day has come (or is near)."""

    id: int
    deal_id: int
    owner_id: int
    owner_name: str
    team_id: int
    customer_id: int
    customer_name: str
    title: str
    label: str
    outstanding: int | None
    currency: str
    due_date: date


def _due_query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            DealPayment.id, Deal.id, Deal.owner_id, Member.name, Deal.team_id, Customer.id,
            Customer.name, Deal.title, DealPayment.label, DealPayment.amount,
            DealPayment.paid_amount, Deal.currency, DealPayment.due_date,
        )
        .join(Deal, Deal.id == DealPayment.deal_id)
        .join(Customer, Customer.id == Deal.customer_id)
        .join(Member, Member.id == Deal.owner_id)
        .where(Deal.stage == DealStage.WON, Customer.deleted_at.is_(None), unsettled())
    )  # fmt: skip


def _installments(rows: Iterable[Row[*tuple[Any, ...]]]) -> list[DueInstallment]:
    found = []
    for row in rows:
        amount, paid = row[9], row[10] or 0
        outstanding = None if amount is None else max(0, amount - paid)
        found.append(
            DueInstallment(
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                outstanding, row[11], row[12],
            )
        )  # fmt: skip
    return found


async def installments_due(
    session: AsyncSession, member_ids: Sequence[int], through: date
) -> list[DueInstallment]:
    """The members' open installments due on or before `through`, the earliest first."""
    rows = await session.execute(
        _due_query()
        .where(Deal.owner_id.in_(sorted(member_ids)), DealPayment.due_date <= through)
        .order_by(DealPayment.due_date, DealPayment.id)
    )
    return _installments(rows)


async def installments_overdue(
    session: AsyncSession, team_ids: Sequence[int], before: date
) -> list[DueInstallment]:
    """The teams' open installments due before `before` (the manager's digest), the most
    overdue first."""
    rows = await session.execute(
        _due_query()
        .where(Deal.team_id.in_(sorted(team_ids)), DealPayment.due_date < before)
        .order_by(DealPayment.due_date, DealPayment.id)
    )
    return _installments(rows)


@dataclass(frozen=True)
class Collection:
    """回款 over a period: what was due in it, what of that came in, and what is overdue now."""

    planned: int = 0
    collected: int = 0
    overdue: int = 0


async def team_collection(
    session: AsyncSession, actor: Actor, first: date, last: date, today: date
) -> Collection:
    """The actor's team's installments due from `first` to `last` (planned and collected),
    and those past due and unpaid as of `today` (a rep's own, a manager's team)."""
    deals = visible_deals(actor).where(Deal.stage == DealStage.WON).with_only_columns(Deal.id)
    paid = func.coalesce(DealPayment.paid_amount, 0)
    in_period = DealPayment.due_date.between(first, last)
    late = and_(DealPayment.due_date < today, DealPayment.amount > paid)
    row = (
        await session.execute(
            select(
                func.sum(DealPayment.amount).filter(in_period),
                func.sum(paid).filter(in_period),
                func.sum(DealPayment.amount - paid).filter(late),
            ).where(DealPayment.deal_id.in_(deals), DealPayment.amount.is_not(None))
        )
    ).one()
    return Collection(int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))
