"""回款: a won deal's payment plan on its card — the installments with their due dates and what
came in — and the buttons that set a due date and record a payment (partial allowed).

Callback data (pay:…) is built and read by callbacks.py; every id is looked up through the
scoped PaymentRepo, and only the deal's owner acts. A due day or an amount may also be typed
(PAY_DUE, PAY_PAID: ValueEdits). A digest's button (":p") is answered with a new message.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime, timedelta

from telegram.ext import CallbackQueryHandler

from handlers.deals import callbacks
from handlers.deals.buttons import date_choices
from handlers.kit import pending
from handlers.kit.callback_data import callback_day, callback_id
from handlers.kit.keyboards import inline
from handlers.kit.render import short_date
from handlers.kit.routes import Action, follow
from handlers.kit.turn import Turn, member_turn
from locales import N_, Translator
from locales.amounts import amount_text
from parsing.amounts import read_amount
from parsing.dates import day_of, parse_when, remainder
from storage.deals import DealRepo
from storage.models import Customer, Deal, DealPayment, DealStage
from storage.payments import PRESETS, PaymentRepo, installment_name
from storage.push_buttons import view_customer

Rows = list[list[tuple[str, str]]]
# Larger than any payment (a BIGINT holds it): a number a rep could not mean.
AMOUNT_LIMIT = 10**15
# A payment is recorded for today or a day within this long before it.
PAID_LOOKBACK = timedelta(days=400)
# Due dates are set within this long of today, either way.
DUE_SPAN = timedelta(days=800)
# Won deals whose 💰 button the customer card shows.
CARD_DEALS = 3


def money_text(amount: int | None, currency: str) -> str:
    return amount_text(amount, currency) if amount is not None else "—"


def installment_line(_: Translator, payment: DealPayment, currency: str, today: date) -> str:
    """1. 验收 60% · 69万 · 12月20日(周日)到期 · 已回 20万"""
    parts = [f"{payment.position + 1}. {payment.label} {payment.percent}%"]
    if payment.amount is not None:
        parts.append(amount_text(payment.amount, currency))
    if payment.settled:
        if payment.paid_on:
            parts.append(_("✅ {date}已回齐", date=short_date(_, payment.paid_on, today)))
        else:
            parts.append(_("✅ 已回齐"))
        return " · ".join(parts)
    if payment.due_date is None:
        parts.append(_("日期未定"))
    else:
        due = _("{date}到期", date=short_date(_, payment.due_date, today))
        late = (today - payment.due_date).days
        parts.append(
            due + (_.plural("(已逾期 {n} 天)", "(已逾期 {n} 天)", late) if late > 0 else "")
        )
    if payment.paid_amount:
        parts.append(_("已回 {amount}", amount=amount_text(payment.paid_amount, currency)))
    return " · ".join(parts)


def plan_text(
    _: Translator, deal: Deal, customer: str, plan: list[DealPayment], today: date
) -> str:
    base = deal.won_amount if deal.won_amount is not None else deal.amount
    name = customer if deal.title == customer else f"{customer} {deal.title}"
    lines = [
        _("💰 回款计划 · {deal} · {amount}", deal=name, amount=money_text(base, deal.currency))
    ]
    lines += [installment_line(_, p, deal.currency, today) for p in plan]
    planned = sum(p.amount or 0 for p in plan)
    paid = sum(p.paid_amount or 0 for p in plan)
    lines.append(
        _(
            "合计:计划 {planned} · 已回 {paid} · 待回 {left}",
            planned=amount_text(planned, deal.currency),
            paid=amount_text(paid, deal.currency),
            left=amount_text(max(0, planned - paid), deal.currency),
        )
    )
    return "\n".join(lines)


def plan_rows(_: Translator, deal: Deal, plan: list[DealPayment]) -> Rows:
    rows: Rows = [
        [
            (_("📅 第{n}期日期", n=p.position + 1), callbacks.payment_due(p.id)),
            (_("💰 第{n}期已回款", n=p.position + 1), callbacks.payment_collect(p.id)),
        ]
        for p in plan
        if not p.settled
    ][:6]
    rows.append([(_("🏢 查看客户"), view_customer(deal.customer_id))])
    return rows


async def _own(turn: Turn, deal: Deal) -> bool:
    if deal.owner_id != turn.member.id:
        turn.answer(turn._("这是同事的商机,只有负责人可以修改。"), alert=True)
        return False
    return True


async def _show_plan(turn: Turn, deal: Deal, head: str = "", *, anew: bool = False) -> None:
    _ = turn._
    customer = await turn.session.get_one(Customer, deal.customer_id)
    plan = list(await PaymentRepo(turn.session, turn.actor).plan(deal))
    if not plan:
        rows: Rows = [
            [
                (
                    " · ".join(f"{_(label)}{pct}%" for label, pct in preset),
                    callbacks.payment_preset(deal.id, i),
                )
            ]
            for i, preset in enumerate(PRESETS)
        ]
        rows.append([(_("🏢 查看客户"), view_customer(deal.customer_id))])
        text = _("💰「{title}」还没有回款计划。选一个:", title=deal.title)
        markup = inline(rows)
    else:
        text = plan_text(_, deal, customer.name, plan, turn.today())
        markup = inline(plan_rows(_, deal, plan))
    text = f"{head}\n{text}" if head else text
    if anew:
        turn.say(text, markup)
    else:
        turn.edit(text, markup)


async def _won_deal(turn: Turn, deal_id: int | None) -> Deal | None:
    deal = await DealRepo(turn.session, turn.actor).get(deal_id) if deal_id is not None else None
    if deal is None or deal.stage != DealStage.WON:
        turn.answer(turn._("这个按钮已失效。"), alert=True)
        return None
    return deal if await _own(turn, deal) else None


async def _installment(turn: Turn, payment_id: int | None) -> tuple[DealPayment, Deal] | None:
    repo = PaymentRepo(turn.session, turn.actor)
    found = await repo.installment(payment_id) if payment_id is not None else None
    if found is None:
        turn.answer(turn._("这个按钮已失效。"), alert=True)
        return None
    return found if await _own(turn, found[1]) else None


InstallmentAction = Callable[[Turn, Deal, DealPayment, re.Match[str]], Awaitable[None]]


def _on_installment(action: InstallmentAction, *, unsettled: bool = False) -> Action:
    """The action on the installment the button names, if it is the presser's own (and, with
    `unsettled`, not paid in full yet)."""

    async def act(turn: Turn, found: re.Match[str]) -> None:
        owned = await _installment(turn, callback_id(found.group(1)))
        if owned is None:
            return
        payment, deal = owned
        if unsettled and payment.settled:
            turn.answer(turn._("这一期已经回齐了。"), alert=True)
            return
        await action(turn, deal, payment, found)

    return act


async def _plan_button(turn: Turn, found: re.Match[str]) -> None:
    deal = await _won_deal(turn, callback_id(found.group(1)))
    if deal is not None:
        await _show_plan(turn, deal)


async def _preset_button(turn: Turn, found: re.Match[str]) -> None:
    await _pick_preset(turn, callback_id(found.group(1)), found.group(2))


async def _due_button(turn: Turn, deal: Deal, payment: DealPayment, found: re.Match[str]) -> None:
    _ask_due(turn, payment, anew=bool(found.group(2)))


async def _due_on_button(
    turn: Turn, deal: Deal, payment: DealPayment, found: re.Match[str]
) -> None:
    await _set_due(turn, deal, payment, callback_day(found.group(2)))


def _wait_for(turn: Turn, edit: pending.ValueEdit, payment: DealPayment, question: str) -> None:
    """The installment's due day or payment is typed next (PAY_DUE, PAY_PAID)."""
    pending.wait(turn, edit, {"payment": payment.id})
    turn.edit(question)


async def _type_due(turn: Turn, deal: Deal, payment: DealPayment, found: re.Match[str]) -> None:
    name = installment_name(payment.label)
    question = turn._("请输入{name}的回款日期,例如:12月20日、下个月15号\n(/cancel 放弃)", name=name)
    _wait_for(turn, PAY_DUE, payment, question)


async def _collect_button(
    turn: Turn, deal: Deal, payment: DealPayment, found: re.Match[str]
) -> None:
    _ask_paid(turn, deal, payment, anew=bool(found.group(2)))


async def _type_paid(turn: Turn, deal: Deal, payment: DealPayment, found: re.Match[str]) -> None:
    question = turn._(
        "{name}收到了多少、哪天收到的?例如:20万 昨天(不写日期就是今天)\n(/cancel 放弃)",
        name=installment_name(payment.label),
    )
    _wait_for(turn, PAY_PAID, payment, question)


async def _record_button(
    turn: Turn, deal: Deal, payment: DealPayment, found: re.Match[str]
) -> None:
    await _record(turn, deal, payment, list(found.groups()[1:]))


ROUTES = (
    (callbacks.PAYMENT_PLAN, _plan_button),
    (callbacks.PAYMENT_PRESET, _preset_button),
    (callbacks.PAYMENT_DUE, _on_installment(_due_button)),
    (callbacks.PAYMENT_DUE_ON, _on_installment(_due_on_button)),
    (callbacks.PAYMENT_TYPE_DUE, _on_installment(_type_due)),
    (callbacks.PAYMENT_COLLECT, _on_installment(_collect_button, unsettled=True)),
    (callbacks.PAYMENT_TYPE_PAID, _on_installment(_type_paid, unsettled=True)),
    (callbacks.PAYMENT_RECORD, _on_installment(_record_button)),
)


@member_turn
async def payment_button(turn: Turn) -> None:
    await follow(turn, ROUTES)


async def _pick_preset(turn: Turn, deal_id: int | None, choice: str) -> None:
    index = callback_id(choice)
    if index is None or index >= len(PRESETS):
        turn.answer(turn._("这个按钮已失效。"), alert=True)
        return
    deal = await _won_deal(turn, deal_id)
    if deal is None:
        return
    if await PaymentRepo(turn.session, turn.actor).plan(deal):
        turn.answer(turn._("这个商机已经有回款计划了。"), alert=True)
        await _show_plan(turn, deal)
        return
    await DealRepo(turn.session, turn.actor).set_payments(deal, PRESETS[index])
    await turn.session.flush()
    await _show_plan(
        turn, deal, turn._("✅ 回款计划已定。请给每一期定个日期,到期那天早上会提醒你。")
    )


def _ask_due(turn: Turn, payment: DealPayment, *, anew: bool) -> None:
    _ = turn._
    today = turn.today()
    rows: Rows = [
        [(f"{_(label)} {day.month}月{day.day}日", callbacks.payment_due_on(payment.id, day))]
        for label, day in date_choices(today)
    ]
    rows.append([(_("✍️ 输入日期"), callbacks.payment_type_due(payment.id))])
    rows.append([(_("⬅️ 返回"), callbacks.payment_plan(payment.deal_id))])
    question = _("📅 {name}哪天到期?", name=installment_name(payment.label))
    if anew:
        turn.say(question, inline(rows))
    else:
        turn.edit(question, inline(rows))


async def _set_due(turn: Turn, deal: Deal, payment: DealPayment, day: date | None) -> None:
    today = turn.today()
    if day is None or abs(day - today) > DUE_SPAN:
        turn.answer(turn._("这个按钮已失效。"), alert=True)
        return
    PaymentRepo(turn.session, turn.actor).set_due(deal, payment, day, turn.now())
    head = turn._(
        "📅 {name}定在{date}到期。",
        name=installment_name(payment.label),
        date=short_date(turn._, day, today),
    )
    await _show_plan(turn, deal, head)


def _ask_paid(turn: Turn, deal: Deal, payment: DealPayment, *, anew: bool) -> None:
    _ = turn._
    today = turn.today()
    left = payment.outstanding
    rows: Rows = []
    if left:
        data = callbacks.payment_record(payment.id, left, today, payment.paid_amount or 0)
        rows.append(
            [(_("✅ 全部 {amount} · 今天收到", amount=amount_text(left, deal.currency)), data)]
        )
    rows.append([(_("✍️ 部分或其他日期"), callbacks.payment_type_paid(payment.id))])
    rows.append([(_("⬅️ 返回"), callbacks.payment_plan(deal.id))])
    name = installment_name(payment.label)
    if left:
        question = _(
            "💰 {name}还有 {amount} 待回,收到了多少?",
            name=name,
            amount=amount_text(left, deal.currency),
        )
    else:
        question = _("💰 {name}收到了多少?", name=name)
    if anew:
        turn.say(question, inline(rows))
    else:
        turn.edit(question, inline(rows))


async def _record(turn: Turn, deal: Deal, payment: DealPayment, values: list[str]) -> None:
    _ = turn._
    amount, day, before = callback_id(values[0]), callback_day(values[1]), callback_id(values[2])
    today = turn.today()
    if amount is None or day is None or before is None or not today - PAID_LOOKBACK <= day <= today:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    if before != (payment.paid_amount or 0):
        turn.answer(_("这笔回款已经记过了。"), alert=True)
        return
    left = payment.outstanding
    if amount <= 0 or (left is not None and amount > left):
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    PaymentRepo(turn.session, turn.actor).collect(deal, payment, amount, day, turn.now())
    head = _(
        "✅ 已记回款:{name} {amount},{date}收到。",
        name=installment_name(payment.label),
        amount=amount_text(amount, deal.currency),
        date=short_date(_, day, today),
    )
    await _show_plan(turn, deal, head)


# -- typed values ----------------------------------------------------------------------------


async def _waiting_installment(
    turn: Turn, edit: pending.ValueEdit
) -> tuple[DealPayment, Deal] | None:
    waiting = pending.state(turn, edit) or {}
    payment_id = waiting.get("payment")
    found = (
        await PaymentRepo(turn.session, turn.actor).installment(payment_id)
        if isinstance(payment_id, int)
        else None
    )
    if found is None or found[1].owner_id != turn.member.id:
        pending.finish(turn, edit)
        turn.say(turn._("这个商机已经不在你名下了。"))
        return None
    return found


async def apply_due(turn: Turn, text: str) -> None:
    """A typed due date: echoed with its weekday, saved by ✅ 确认."""
    found = await _waiting_installment(turn, PAY_DUE)
    if found is None:
        return
    payment, _deal = found
    _ = turn._
    when = parse_when(text, turn.now())
    today = turn.today()
    day = day_of(when.start) if when is not None else None
    if day is None or abs(day - today) > DUE_SPAN:
        pending.again(turn, N_("回款日期"), N_("12月20日"))
        return
    pending.finish(turn, PAY_DUE)
    rows = [
        [
            (_("✅ 确认"), callbacks.payment_due_on(payment.id, day)),
            (_("✏️ 重新输入"), callbacks.payment_type_due(payment.id)),
        ]
    ]
    turn.say(
        _(
            "📅 {name}定在{date}到期?",
            name=installment_name(payment.label),
            date=short_date(_, day, today),
        ),
        inline(rows),
    )


def _paid_day(text: str, now: datetime, today: date) -> tuple[str, date | None]:
    """The amount's text and the day said with it (today when none); None for a future day."""
    when = parse_when(text, now)
    if when is None:
        return text, today
    day: date | None = day_of(when.start)
    if day is not None and when.yearless and day > today:
        # 12月1日 said of a payment is the last one, not the next (Feb 29 has none last year).
        day = _year_before(day)
    return remainder(text, when), day if day is not None and day <= today else None


def _year_before(day: date) -> date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return None


async def apply_paid(turn: Turn, text: str) -> None:
    """A typed payment (20万 昨天): echoed, recorded by ✅ 确认."""
    found = await _waiting_installment(turn, PAY_PAID)
    if found is None:
        return
    payment, deal = found
    _ = turn._
    today = turn.today()
    rest, day = _paid_day(text, turn.now(), today)
    typed = read_amount(rest)
    amount = typed.value if typed is not None else None
    if amount is None or amount >= AMOUNT_LIMIT:
        pending.again(turn, N_("回款金额"), N_("20万 昨天"))
        return
    if day is None or day < today - PAID_LOOKBACK:
        turn.say(_("回款日期要在今天或以前。请再输入一次,例如:20万 昨天"))
        return
    left = payment.outstanding
    if left is not None and amount > left:
        turn.say(
            _(
                "{name}只剩 {amount} 待回,请输入不超过它的金额。",
                name=installment_name(payment.label),
                amount=amount_text(left, deal.currency),
            )
        )
        return
    pending.finish(turn, PAY_PAID)
    data = callbacks.payment_record(payment.id, amount, day, payment.paid_amount or 0)
    rows = [[(_("✅ 确认"), data), (_("✏️ 重新输入"), callbacks.payment_type_paid(payment.id))]]
    turn.say(
        _(
            "💰 记为已回款:{name} {amount},{date}收到?",
            name=installment_name(payment.label),
            amount=amount_text(amount, deal.currency),
            date=short_date(_, day, today),
        ),
        inline(rows),
    )


PAY_DUE = pending.ValueEdit(
    "deal_pay_due", apply_due, title=N_("回款日期"), cancelled=N_("已放弃修改回款日期。")
)
PAY_PAID = pending.ValueEdit(
    "deal_pay_paid", apply_paid, title=N_("记回款"), cancelled=N_("已放弃记回款。")
)


# -- the customer card -----------------------------------------------------------------------


async def card_section(turn: Turn, deals: Sequence[Deal]) -> tuple[list[str], Rows]:
    """The customer card's 💰 回款 lines for `deals` (won deals still being paid, which
    storage.payments.card_deals reads with the open ones) and, for their
    owner, a 💰 button per deal."""
    _ = turn._
    repo = PaymentRepo(turn.session, turn.actor)
    if not deals:
        return [], []
    plans = await repo.plans(deals)
    today = turn.today()
    lines = [_("💰 回款")]
    for deal in deals:
        plan = plans[deal.id]
        if not plan:
            lines.append("  · " + _("{title}:还没有回款计划", title=deal.title))
            continue
        planned = sum(p.amount or 0 for p in plan)
        paid = sum(p.paid_amount or 0 for p in plan)
        line = _(
            "{title}:已回 {paid} / {planned}",
            title=deal.title,
            paid=amount_text(paid, deal.currency),
            planned=amount_text(planned, deal.currency),
        )
        upcoming = next((p for p in plan if not p.settled), None)
        if upcoming is not None and upcoming.due_date is not None:
            line += " · " + _(
                "下一期 {name} {date}",
                name=installment_name(upcoming.label),
                date=short_date(_, upcoming.due_date, today),
            )
        elif upcoming is not None:
            line += " · " + _("下一期 {name} 日期未定", name=installment_name(upcoming.label))
        lines.append("  · " + line)
    own = [d for d in deals if d.owner_id == turn.member.id][:CARD_DEALS]
    label = len(own) > 1
    rows = [
        [(_("💰 回款") + (f" {d.title[:8]}" if label else ""), callbacks.payment_plan(d.id))]
        for d in own
    ]
    return lines, rows


def payment_handlers() -> list[object]:
    return [CallbackQueryHandler(payment_button, pattern=callbacks.PAYMENT_PATTERN)]
