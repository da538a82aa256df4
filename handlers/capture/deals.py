"""A captured note's deal: which of the customer's open deals it is about, and what 保存
writes — a new deal, or that deal updated.

The card (show.py) and 保存 (notes.py) read the deal through one rule, `deal_target`: the open
deal with the note's title (办公楼项目, 辦公樓項目 …), or, when the note names no title, the
customer's only open deal. When several could match, the rep picks one or 新建 by button
(Resolve's "deal"); a note whose title is none of them makes a new deal. The card shows only
what changes, and the saved message says it again: never a silent overwrite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from handlers.capture.payload import CapturePayload, DealData, Resolve
from handlers.deals.text import amount_text, close_text, stage_name
from handlers.kit.turn import Turn
from locales import Translator
from storage.deals import DealRepo, DealUpdate, changing, moves_forward, same_title
from storage.models import Contact, Customer, Deal, DealStage
from storage.stages import StageBook

# Larger than any deal: a number a note could not mean (and a BIGINT could not hold).
AMOUNT_LIMIT = 10**15


def deal_update(data: DealData) -> DealUpdate:
    amount = data.get("amount")
    return DealUpdate(
        title=data.get("title"),
        amount=amount if amount is not None and 0 <= amount < AMOUNT_LIMIT else None,
        currency=currency[:3] if (currency := data.get("currency")) else None,  # None: the team's
        stage=DealStage(stage) if (stage := data.get("stage")) else None,
        close_date=date.fromisoformat(day) if (day := data.get("close_date")) else None,
        lost_reason=data.get("lost_reason"),
    )


def note_update(deal: Deal, data: DealData) -> DealUpdate:
    """What the note changes on an open deal: its stage only forward (moves_forward)."""
    update = deal_update(data)
    if update.stage is not None and not moves_forward(deal.stage, update.stage):
        return replace(update, stage=None)
    return update


@dataclass(frozen=True)
class Target:
    """Which deal the note's deal is. `deal`: the open deal 保存 updates (None: a new one, or
    not decided yet). `choices`: the open deals that could all be it — the rep picks one or
    新建; `decided` says whether they have (or needed to)."""

    deal: Deal | None = None
    choices: tuple[Deal, ...] = ()
    decided: bool = True


async def deal_target(
    repo: DealRepo, customer: Customer, data: DealData, resolve: Resolve
) -> Target:
    open_deals = list(await repo.open_of(customer))
    title = data.get("title")
    matches = [d for d in open_deals if same_title(d.title, title)] if title else open_deals
    choices = tuple(matches) if len(matches) > 1 else ()
    picked = resolve.get("deal")
    if picked == "new":
        return Target(None, choices)
    chosen = next((d for d in open_deals if d.id == picked), None)  # gone or closed: ask again
    if chosen is not None:
        return Target(chosen, choices)
    if len(matches) == 1:
        return Target(matches[0])
    return Target(None, choices, decided=not choices)


def changes_text(
    _: Translator,
    deal: Deal,
    update: DealUpdate,
    book: StageBook,
    today: date,
    competitors: Sequence[str] = (),
    people: Sequence[str] = (),
) -> str:
    """金额 120万 → 110万 · 阶段 方案报价 → 商务谈判 · 预计11月30日签约 · 对手:广联达 · 联系人:张总
    — only what `update` changes on `deal`, and the competitors and people new to it; "" for
    nothing."""
    parts = []
    changed = changing(deal, update)
    for field in sorted(changed, key=("amount", "stage", "close_date").index):
        if field == "amount" and update.amount is not None:
            currency = update.currency or deal.currency
            old = amount_text(deal.amount, deal.currency) if deal.amount is not None else "—"
            new = amount_text(update.amount, currency)
            parts.append(_("金额 {old} → {new}", old=old, new=new))
        elif field == "stage" and update.stage is not None:
            old, new = (stage_name(_, s, book.names) for s in (deal.stage, update.stage))
            parts.append(_("阶段 {old} → {new}", old=old, new=new))
        elif field == "close_date" and update.close_date is not None:
            parts.append(close_text(_, update.close_date, today))
    kept = set((deal.competitors or "").split("、"))
    if new_rivals := [name for name in competitors if name not in kept]:
        parts.append(_("对手:{names}", names="、".join(new_rivals)))
    if people:
        parts.append(_("联系人:{names}", names="、".join(people)))
    return " · ".join(parts)


def _label(contact: Contact) -> str:
    return contact.salutation or contact.name


async def save_deal(
    turn: Turn, payload: CapturePayload, customer: Customer, contacts: list[Contact]
) -> str | None:
    """Write the note's deal on `customer`, with the competitors and `contacts` the note
    named; the line the saved message shows, or None. notes.py has asked which deal when
    several could be it (`deal_target` decided)."""
    data = payload.get("deal")
    if not data:
        return None
    _ = turn._
    repo = DealRepo(turn.session, turn.actor)
    now = turn.now()
    competitors = payload.get("competitors") or []
    target = await deal_target(repo, customer, data, payload.get("resolve") or {})
    deal = target.deal
    if deal is None:
        deal = await repo.create(customer, deal_update(data), now, owner_id=customer.owner_id)
        if data.get("installments"):
            plan = [(i["label"], i["percent"]) for i in data["installments"]]
            await repo.set_payments(deal, plan)
        await repo.involve(deal, competitors, [c.id for c in contacts])
        stage = stage_name(_, deal.stage, repo.book.names)
        return _("💼 已新建商机「{title}」({stage})", title=deal.title, stage=stage)
    update = note_update(deal, data)
    involved = {c.id for c in await repo.contacts(deal)}
    people = [_label(c) for c in dict.fromkeys(contacts) if c.id not in involved]
    details = changes_text(_, deal, update, repo.book, turn.today(), competitors, people)
    repo.apply(deal, update, now)
    await repo.involve(deal, competitors, [c.id for c in contacts])
    if data.get("installments"):
        await repo.set_payments(deal, [(i["label"], i["percent"]) for i in data["installments"]])
    if not details:
        return _("💼 商机「{title}」没有变化", title=deal.title)
    return _("💼 已更新商机「{title}」:{changes}", title=deal.title, changes=details)
