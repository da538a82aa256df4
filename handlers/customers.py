"""Customers in chat: /customer (list, open, create), /find, the card and its grade buttons.

Every button re-reads the customer through the scoped repository: callback data can be
forged, so an id a member may not see gets the same answer as one that does not exist.
"""

from __future__ import annotations

from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from handlers.cancel import cancel_fallbacks
from handlers.keyboards import CUSTOMERS, FIND, inline, label_pattern, text_input
from handlers.turn import Turn, command_argument, member_turn, message_text
from locales import N_
from storage.customers import CustomerRepo
from storage.models import Customer, CustomerStatus, Draft, Grade, Member

PAGE_SIZE = 8
MAX_NAME = 100
ASK_QUERY = 0

STATUS_LABELS = {
    CustomerStatus.POTENTIAL: N_("潜在"),
    CustomerStatus.FOLLOWING: N_("跟进中"),
    CustomerStatus.COOPERATING: N_("合作中"),
    CustomerStatus.LOST: N_("流失"),
}


def _repo(turn: Turn) -> CustomerRepo:
    return CustomerRepo(turn.session, turn.actor)


async def render_card(turn: Turn, customer: Customer) -> tuple[str, list[list[tuple[str, str]]]]:
    _ = turn._
    owner = await turn.session.get(Member, customer.owner_id)
    grade = customer.grade.value if customer.grade else _("未定")
    lines = [
        f"🏢 {customer.name}",
        _("等级:{grade} · 状态:{status}", grade=grade, status=_(STATUS_LABELS[customer.status])),
        _("负责人:{owner}", owner=owner.name if owner else "—"),
    ]
    if customer.last_contact_at is None:
        lines.append(_("最近联系:还没有记录"))
    else:
        lines.append(_("最近联系:{date}", date=customer.last_contact_at.date().isoformat()))
    rows = [[(_("⭐ 改等级"), f"cust:g:{customer.id}")], [(_("⬅️ 客户列表"), "cust:l:0")]]
    return "\n".join(lines), rows


def _not_found(turn: Turn) -> None:
    turn.answer(turn._("找不到这个客户,或你没有权限查看。"), alert=True)


async def _customer_list(turn: Turn, offset: int) -> tuple[str, list[list[tuple[str, str]]]]:
    _ = turn._
    repo = _repo(turn)
    total = await repo.count()
    customers = await repo.page(offset, PAGE_SIZE)
    rows = [[(f"🏢 {c.name}", f"cust:v:{c.id}")] for c in customers]
    pager: list[tuple[str, str]] = []
    if offset > 0:
        pager.append((_("⬅️ 上一页"), f"cust:l:{max(offset - PAGE_SIZE, 0)}"))
    if offset + PAGE_SIZE < total:
        pager.append((_("下一页 ➡️"), f"cust:l:{offset + PAGE_SIZE}"))
    if pager:
        rows.append(pager)
    if total == 0:
        text = _("还没有客户。发 /customer 客户名 建第一个客户档案,例如:/customer 华东电力设计院")
    else:
        text = _("你能查看的客户共 {n} 个:", n=total)
    return text, rows


async def _draft_new_customer(turn: Turn, name: str) -> Draft:
    """Keep the typed name in the database until the member confirms (survives restarts)."""
    draft = Draft(member_id=turn.member.id, kind="new_customer", text=name)
    turn.session.add(draft)
    await turn.session.flush()
    return draft


async def _offer_new(turn: Turn, name: str) -> None:
    _ = turn._
    if len(name) > MAX_NAME:
        turn.say(_("客户名太长了(最多 100 个字),请精简后再发。"))
        return
    if await _repo(turn).name_taken_in_team(name):
        turn.say(_("团队里已有客户「{name}」,由同事负责。如需接手,请联系经理。", name=name))
        return
    draft = await _draft_new_customer(turn, name)
    turn.say(
        _("没找到「{name}」。要新建这个客户吗?", name=name),
        inline([[(_("✅ 新建"), f"cust:n:{draft.id}"), (_("❌ 取消"), f"cust:x:{draft.id}")]]),
    )


@member_turn
async def customer_command(turn: Turn) -> None:
    name = " ".join(command_argument(turn).split())
    if not name:
        text, rows = await _customer_list(turn, 0)
        turn.say(text, inline(rows) if rows else None)
        return
    repo = _repo(turn)
    exact = await repo.by_name(name)
    if exact is not None:
        text, rows = await render_card(turn, exact)
        turn.say(text, inline(rows))
        return
    matches = await repo.search(name)
    if matches:
        rows = [[(f"🏢 {c.name}", f"cust:v:{c.id}")] for c in matches]
        draft = await _draft_new_customer(turn, name)
        rows.append([(turn._("➕ 新建「{name}」", name=name[:20]), f"cust:n:{draft.id}")])
        turn.say(turn._("找到这些客户,是哪一个?"), inline(rows))
        return
    await _offer_new(turn, name)


@member_turn
async def customer_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    assert query is not None
    parts = (query.data or "").split(":")
    action = parts[1] if len(parts) > 1 else ""
    number = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else -1
    repo = _repo(turn)
    if action == "l" and number >= 0:
        text, rows = await _customer_list(turn, number)
        turn.edit(text, inline(rows) if rows else None)
    elif action in ("n", "x"):
        await _resolve_draft(turn, action, number)
    elif action in ("v", "g"):
        customer = await repo.get(number)
        if customer is None:
            _not_found(turn)
            return
        if action == "v" or len(parts) < 4:
            text, rows = await render_card(turn, customer)
            if action == "g":
                rows = [[(g.value, f"cust:g:{customer.id}:{g.value}") for g in Grade]]
                text += "\n" + _("选择新的等级:A 大且急 · B 一般 · C 潜在")
            turn.edit(text, inline(rows))
            return
        if parts[3] not in Grade.__members__:
            _not_found(turn)
            return
        await repo.set_grade(customer, Grade(parts[3]))
        text, rows = await render_card(turn, customer)
        turn.answer(_("已改为 {grade} 类", grade=parts[3]))
        turn.edit(text, inline(rows))
    else:
        turn.answer(_("这个按钮已失效。"), alert=True)


async def _resolve_draft(turn: Turn, action: str, draft_id: int) -> None:
    _ = turn._
    draft = await turn.session.get(Draft, draft_id)
    if draft is None or draft.member_id != turn.member.id or draft.kind != "new_customer":
        turn.answer(_("这个按钮已失效,请重新发 /customer 客户名。"), alert=True)
        return
    name = draft.text or ""
    await turn.session.delete(draft)
    if action == "x":
        turn.edit(_("好的,没有新建。"))
        return
    repo = _repo(turn)
    if await repo.name_taken_in_team(name):
        turn.edit(_("团队里已有客户「{name}」,由同事负责。如需接手,请联系经理。", name=name))
        return
    customer = await repo.create(name)
    text, rows = await render_card(turn, customer)
    turn.edit(_("✅ 已新建客户。") + "\n" + text, inline(rows))


async def _search(turn: Turn, text: str) -> int:
    _ = turn._
    text = " ".join(text.split())
    matches = await _repo(turn).search(text) if text else []
    if not matches:
        turn.say(
            _("没找到和「{text}」相关的客户。换个关键词再试,或 /cancel 取消。", text=text[:30])
        )
        return ASK_QUERY
    rows = [[(f"🏢 {c.name}", f"cust:v:{c.id}")] for c in matches]
    turn.say(_("找到 {n} 个客户:", n=len(matches)), inline(rows))
    return ConversationHandler.END


@member_turn
async def find_command(turn: Turn) -> int:
    text = command_argument(turn)
    if text:
        return await _search(turn, text)
    turn.say(turn._("要找哪个客户?输入名称的一部分,例如:电力"))
    return ASK_QUERY


@member_turn
async def find_query(turn: Turn) -> int:
    return await _search(turn, message_text(turn))


def customer_handlers() -> list[object]:
    find_conversation = ConversationHandler(
        entry_points=[
            CommandHandler("find", find_command),
            MessageHandler(filters.Regex(label_pattern(FIND)), find_command),
        ],
        states={ASK_QUERY: [MessageHandler(text_input(), find_query)]},
        fallbacks=cancel_fallbacks(),
        persistent=True,
        name="find",
    )
    return [
        find_conversation,
        CommandHandler("customer", customer_command),
        MessageHandler(filters.Regex(label_pattern(CUSTOMERS)), customer_command),
        CallbackQueryHandler(customer_button, pattern=r"^cust:"),
    ]
