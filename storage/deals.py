"""Deals (商机), scoped like customers: a rep reaches their own, a manager the team's.

Every change of stage, amount or close date is kept as a DealChange row with its moment,
so the pipeline's history (when did it reach 商务谈判, how often did the date slip) survives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.audit import record
from storage.changes import apply_changes, merged_text
from storage.customers import Scoped
from storage.models import (
    Contact,
    Customer,
    CustomerStatus,
    Deal,
    DealChange,
    DealContact,
    DealPayment,
    DealStage,
    DealStageSetting,
    FollowUp,
    FollowUpStatus,
)
from storage.search import script_fold
from storage.stages import CLOSED_STAGES as CLOSED_STAGES
from storage.stages import DEFAULT_BOOK, StageBook, stage_book
from storage.stages import OPEN_STAGES as OPEN_STAGES
from storage.stages import PROBABILITY as PROBABILITY

# A follow-up a won deal settles: 12月31日 签约, 签合同, 合同签字.
_TO_SIGN = re.compile(r"签约|签合同|签订合同|合同签")


def next_stage(stage: DealStage) -> DealStage | None:
    """The stage after `stage` (商务谈判 → 赢单), or None for a closed deal."""
    if stage in CLOSED_STAGES:
        return None
    position = OPEN_STAGES.index(stage)
    return OPEN_STAGES[position + 1] if position + 1 < len(OPEN_STAGES) else DealStage.WON


def moves_forward(old: DealStage, new: DealStage) -> bool:
    """Whether a note's stage moves a deal on: a closing stage always does, an open one only
    past where the deal stands (a later note that says 报价 does not take 商务谈判 back)."""
    if new in CLOSED_STAGES or old in CLOSED_STAGES:
        return new != old
    return OPEN_STAGES.index(new) > OPEN_STAGES.index(old)


def same_title(one: str, other: str) -> bool:
    """办公楼项目, 辦公樓項目 and 「办公楼 项目」 are one deal's title: script, width, case,
    spaces and punctuation aside."""
    return script_fold(one) == script_fold(other)


def _reach(manager: bool, team: Any, member: Any) -> Select[Any]:
    """The one scoping rule: the team's deals on live customers; a rep only their own."""
    query = (
        select(Deal)
        .join(Customer, Customer.id == Deal.customer_id)
        .where(Deal.team_id == team, Customer.deleted_at.is_(None))
    )
    if not manager:
        query = query.where(Deal.owner_id == member)
    return query


def visible_deals(actor: Actor) -> Select[Any]:
    """The actor's deals, the scope as values: for statements built per call."""
    return _reach(actor.is_manager, actor.team_id, actor.member_id)


def deals_visible_to(manager: bool) -> Select[Any]:
    """The same rule with the scope left as bound parameters, bound by `Scoped.of`: for the
    statements every opened card runs, built once."""
    return _reach(manager, bindparam("scope_team"), bindparam("scope_member"))


_OPEN_OF = Scoped.build(
    lambda manager: (
        deals_visible_to(manager)
        .where(Deal.customer_id == bindparam("customer_id"), Deal.stage.in_(OPEN_STAGES))
        .order_by(Deal.updated_at.desc(), Deal.id.desc())
    )
)


@dataclass(frozen=True)
class DealUpdate:
    """What a note or a button says about a deal; None leaves a field as it is."""

    title: str | None = None
    amount: int | None = None
    currency: str | None = None
    stage: DealStage | None = None
    close_date: date | None = None
    lost_reason: str | None = None


def changing(deal: Deal, update: DealUpdate) -> list[str]:
    """The fields `update` changes on `deal`, in the order apply() logs them: what the capture
    card shows before 保存 and what 保存 writes are one rule."""
    changed = []
    if update.amount is not None and update.amount != deal.amount:
        changed.append("amount")
    if update.close_date is not None and update.close_date != deal.close_date:
        changed.append("close_date")
    if update.stage is not None and update.stage != deal.stage:
        changed.append("stage")
    return changed


class DealRepo:
    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        # The team's stage chances and currency, read once by the first async call.
        self.book: StageBook = DEFAULT_BOOK
        self._book_read = False

    async def stages(self) -> StageBook:
        if not self._book_read:
            self.book, self._book_read = await stage_book(self.session, self.actor.team_id), True
        return self.book

    async def get(self, deal_id: int) -> Deal | None:
        """The deal if the actor may see it, else None (never a hint that it exists)."""
        await self.stages()
        deal: Deal | None = await self.session.scalar(
            visible_deals(self.actor).where(Deal.id == deal_id)
        )
        if deal is not None and deal.owner_id != self.actor.member_id:
            record(self.session, self.actor, "deal.view", "deal", deal.id)
        return deal

    async def open_of(self, customer: Customer) -> Sequence[Deal]:
        """A customer's open deals, the latest first (and the team's stage book when there are
        any: a card without deals names no stage)."""
        query = _OPEN_OF.of(self.actor, customer_id=customer.id)
        found = (await self.session.scalars(*query)).all()
        if found:
            await self.stages()
        return found

    async def create(
        self, customer: Customer, update: DealUpdate, now: datetime, owner_id: int | None = None
    ) -> Deal:
        stage = update.stage or DealStage.CONTACT
        await self.stages()
        deal = Deal(
            team_id=customer.team_id,
            customer_id=customer.id,
            owner_id=owner_id or customer.owner_id,
            title=(update.title or customer.name)[:200],
            amount=update.amount,
            currency=update.currency or self.book.currency,
            stage=DealStage.CONTACT,
            probability=self.book.chance(DealStage.CONTACT),
            close_date=update.close_date,
            created_at=now,
            updated_at=now,
        )
        self.session.add(deal)
        await self.session.flush()
        self._log(deal, "stage", None, stage.value, now)
        if update.amount is not None:
            self._log(deal, "amount", None, str(update.amount), now)
        if update.close_date is not None:
            self._log(deal, "close_date", None, update.close_date.isoformat(), now)
        self._set_stage(deal, stage, now, update.lost_reason)
        return deal

    def apply(self, deal: Deal, update: DealUpdate, now: datetime) -> list[str]:
        """Change what `update` says; the changed fields, each kept in the deal's history."""
        changed = changing(deal, update)
        if update.title and not deal.title:
            deal.title = update.title[:200]
        if "amount" in changed:
            self._log(deal, "amount", _text(deal.amount), str(update.amount), now)
            deal.amount = update.amount
            if update.currency:
                deal.currency = update.currency
        if "close_date" in changed and update.close_date is not None:
            old = deal.close_date.isoformat() if deal.close_date else None
            self._log(deal, "close_date", old, update.close_date.isoformat(), now)
            deal.close_date = update.close_date
        if "stage" in changed and update.stage is not None:
            self._log(deal, "stage", deal.stage.value, update.stage.value, now)
            self._set_stage(deal, update.stage, now, update.lost_reason)
        elif update.lost_reason and deal.stage == DealStage.LOST:
            deal.lost_reason = update.lost_reason[:200]
        deal.updated_at = now
        return changed

    def advance(self, deal: Deal, now: datetime) -> DealStage | None:
        """推进: one stage on; None when the deal is closed already."""
        stage = next_stage(deal.stage)
        if stage is not None:
            self.apply(deal, DealUpdate(stage=stage), now)
        return stage

    def set_probability(self, deal: Deal, probability: int, now: datetime) -> None:
        """A chance of signing set by hand on one deal (until its stage changes)."""
        if probability != deal.probability:
            self._log(deal, "probability", str(deal.probability), str(probability), now)
            deal.probability = probability
            deal.updated_at = now

    def win(self, deal: Deal, now: datetime, amount: int | None = None) -> None:
        self.apply(deal, DealUpdate(stage=DealStage.WON, amount=amount), now)

    async def settle_win(self, deal: Deal, now: datetime) -> tuple[list[FollowUp], str | None]:
        """What a won deal settles: the customer's open follow-ups to sign (签约, 签合同) are
        done, and a customer still 潜在 or 跟进中 is 合作中 (the change logged). The follow-ups
        closed, and the customer's status before, when it changed."""
        customer = await self.session.get(Customer, deal.customer_id)
        if customer is None:
            return [], None
        signed = [
            f
            for f in await self.session.scalars(
                select(FollowUp).where(
                    FollowUp.customer_id == customer.id, FollowUp.status == FollowUpStatus.OPEN
                )
            )
            if _TO_SIGN.search(f.text)
        ]
        for follow_up in signed:
            follow_up.status = FollowUpStatus.DONE
            follow_up.done_at = now
        before = customer.status
        if before not in (CustomerStatus.POTENTIAL, CustomerStatus.FOLLOWING):
            return signed, None
        apply_changes(
            self.session,
            self.actor,
            customer.team_id,
            customer,
            "customer",
            {"status": CustomerStatus.COOPERATING},
        )
        return signed, before.value

    def unwin(
        self, deal: Deal, stage: DealStage, amount: int | None, probability: int, now: datetime
    ) -> None:
        """↩️ 撤销 a win: the deal back at the open `stage` and `amount` it had, and its chance
        (a hand-set one too); the way back is in its history like any change."""
        self.apply(deal, DealUpdate(stage=stage), now)
        if amount != deal.amount:
            self._log(deal, "amount", _text(deal.amount), _text(amount), now)
            deal.amount = amount
        deal.probability = probability

    async def unsettle_win(
        self, customer_id: int, follow_up_ids: Sequence[int], status: str | None, now: datetime
    ) -> tuple[list[FollowUp], str | None]:
        """Undo what settle_win did, where nothing since changed it: the follow-ups it closed
        open again, the customer's status back (logged). Those reopened, and the status undone."""
        reopened = list(
            await self.session.scalars(
                select(FollowUp).where(
                    FollowUp.id.in_(sorted(follow_up_ids)),
                    FollowUp.customer_id == customer_id,
                    FollowUp.status == FollowUpStatus.DONE,
                )
            )
        )
        for follow_up in reopened:
            follow_up.status = FollowUpStatus.OPEN
            follow_up.done_at = None
        customer = await self.session.get(Customer, customer_id)
        if status is None or customer is None or customer.status != CustomerStatus.COOPERATING:
            return reopened, None
        apply_changes(
            self.session,
            self.actor,
            customer.team_id,
            customer,
            "customer",
            {"status": CustomerStatus(status)},
        )
        return reopened, status

    def lose(self, deal: Deal, reason: str | None, now: datetime) -> None:
        self.apply(deal, DealUpdate(stage=DealStage.LOST, lost_reason=reason), now)

    async def history(self, deal: Deal) -> Sequence[DealChange]:
        found = await self.session.scalars(
            select(DealChange)
            .where(DealChange.deal_id == deal.id)
            .order_by(DealChange.changed_at, DealChange.id)
        )
        return found.all()

    async def involve(
        self, deal: Deal, competitors: Sequence[str], contacts: Sequence[int]
    ) -> None:
        """Add a note's competitors and contacts to `deal`; those it already has stay."""
        deal.competitors = merged_text(deal.competitors, list(competitors))
        have = set(
            await self.session.scalars(
                select(DealContact.contact_id).where(DealContact.deal_id == deal.id)
            )
        )
        for contact_id in dict.fromkeys(contacts):
            if contact_id not in have:
                self.session.add(DealContact(deal_id=deal.id, contact_id=contact_id))

    async def contacts(self, deal: Deal) -> Sequence[Contact]:
        found = await self.session.scalars(
            select(Contact)
            .join(DealContact, DealContact.contact_id == Contact.id)
            .where(DealContact.deal_id == deal.id)
            .order_by(Contact.id)
        )
        return found.all()

    async def set_payments(self, deal: Deal, plan: Sequence[tuple[str, int]]) -> None:
        """The payment plan (回款) of `deal`: its installments as (label, percent), replaced."""
        old = await self.session.scalars(select(DealPayment).where(DealPayment.deal_id == deal.id))
        for row in old:
            await self.session.delete(row)
        base = deal.won_amount or deal.amount
        for position, (label, percent) in enumerate(plan):
            self.session.add(
                DealPayment(
                    deal_id=deal.id,
                    position=position,
                    label=label[:50],
                    percent=percent,
                    amount=base * percent // 100 if base is not None else None,
                )
            )

    async def payments(self, deal: Deal) -> Sequence[DealPayment]:
        found = await self.session.scalars(
            select(DealPayment).where(DealPayment.deal_id == deal.id).order_by(DealPayment.position)
        )
        return found.all()

    def _set_stage(self, deal: Deal, stage: DealStage, now: datetime, reason: str | None) -> None:
        deal.stage = stage
        deal.probability = self.book.chance(stage)
        if stage in CLOSED_STAGES:
            deal.closed_at = now
            if stage == DealStage.WON:
                deal.won_amount = deal.amount
                deal.lost_reason = None
            else:
                deal.lost_reason = reason[:200] if reason else None
        else:
            deal.closed_at = None
            deal.won_amount = None
            deal.lost_reason = None

    def _log(self, deal: Deal, name: str, old: str | None, new: str | None, now: datetime) -> None:
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


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class OverdueDeal:
    """An open deal whose expected close date has passed: the digest asks about it."""

    id: int
    owner_id: int
    customer_id: int
    customer_name: str
    title: str
    amount: int | None
    currency: str
    close_date: date


async def overdue_deals(
    session: AsyncSession, member_ids: Sequence[int], before: date
) -> list[OverdueDeal]:
    """The members' open deals expected to close before `before`, the most valuable first."""
    rows = await session.execute(
        select(
            Deal.id, Deal.owner_id, Deal.customer_id, Customer.name, Deal.title, Deal.amount,
            Deal.currency, Deal.close_date,
        )
        .join(Customer, Customer.id == Deal.customer_id)
        .where(
            Deal.owner_id.in_(sorted(member_ids)),
            Deal.stage.in_(OPEN_STAGES),
            Deal.close_date < before,
            Customer.deleted_at.is_(None),
        )
        .order_by(Deal.amount.desc().nulls_last(), Deal.close_date, Deal.id)
    )  # fmt: skip
    return [
        OverdueDeal(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7])
        for row in rows
        if row[7] is not None
    ]


@dataclass(frozen=True)
class StaleDeal:
    """An open deal nobody has moved for a while: the digest asks about it."""

    id: int
    owner_id: int
    customer_id: int
    customer_name: str
    title: str
    amount: int | None
    currency: str
    stage: DealStage
    since: datetime  # its last change of stage, amount or close date
    stage_name: str | None = None  # the team's own name for the stage, if it renamed it


async def stale_deals(
    session: AsyncSession, member_ids: Sequence[int], before: datetime
) -> list[StaleDeal]:
    """The members' open deals whose last change (stage, amount or close date, from the change
    log) is older than `before`, the most valuable first. A new close date from 改日期 counts
    as a change: the rep answered, and is asked again only after another stretch."""
    owned = select(Deal.id).where(
        Deal.owner_id.in_(sorted(member_ids)), Deal.stage.in_(OPEN_STAGES)
    )
    last = (
        select(DealChange.deal_id, func.max(DealChange.changed_at).label("since"))
        .where(DealChange.deal_id.in_(owned), DealChange.field.in_(DEAL_FIELDS))
        .group_by(DealChange.deal_id)
        .subquery()
    )
    rows = await session.execute(
        select(
            Deal.id, Deal.owner_id, Deal.customer_id, Customer.name, Deal.title, Deal.amount,
            Deal.currency, Deal.stage, last.c.since, DealStageSetting.name,
        )
        .join(last, last.c.deal_id == Deal.id)
        .join(Customer, Customer.id == Deal.customer_id)
        .outerjoin(
            DealStageSetting,
            and_(DealStageSetting.team_id == Deal.team_id, DealStageSetting.stage == Deal.stage),
        )
        .where(
            Deal.stage.in_(OPEN_STAGES), last.c.since < before, Customer.deleted_at.is_(None)
        )
        .order_by(Deal.amount.desc().nulls_last(), last.c.since, Deal.id)
    )  # fmt: skip
    return [StaleDeal(*row) for row in rows]


# The change log's fields that are the deal's own (payments log "due:n" and "paid:n").
DEAL_FIELDS = ("stage", "amount", "close_date")
