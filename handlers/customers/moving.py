"""📁 改到其他客户: a record filed under the wrong customer moved to another of the rep's own,
from its 🛠 改记录 menu — pick the customer (buttons, a page at a time, 🔍 按名称找 when there are
more than a page), confirm, moved. ❌ 取消 (or 取消 typed) goes back to the record's menu.

What goes with the record, and who may move what, is storage/moving.py's. Every press reads the
record and both customers again through the scoped repository, so forged data reaches nothing.
"""

from __future__ import annotations

import re
from typing import Any

from telegram.ext import CallbackQueryHandler

from handlers.customers import callbacks
from handlers.customers.archive import show_card
from handlers.customers.records import customer_of, record_line
from handlers.kit import pending
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.routes import follow, stale
from handlers.kit.turn import Turn, member_turn
from locales import N_
from storage.customers import CustomerRepo
from storage.models import Customer, Interaction
from storage.moving import (
    count_follow_ups_made,
    count_own_customers,
    may_move,
    move_interaction,
    own_customers,
)

PAGE = 8  # customers a page; more than this and 🔍 按名称找 is offered
FOUND = 20  # customers a name search reads before keeping the member's own

Rows = list[list[tuple[str, str]]]


async def _own_record(turn: Turn, record_id: int) -> tuple[Interaction, Customer] | None:
    """The member's own record and its customer (else the press is answered)."""
    item = await turn.session.get(Interaction, record_id)
    source = await customer_of(turn, item)
    if item is None or source is None:
        return None
    if item.member_id != turn.member.id:
        turn.answer(turn._("只能改你自己记的记录。"), alert=True)
        return None
    return item, source


def _cancel_row(turn: Turn, item: Interaction) -> list[tuple[str, str]]:
    return [(turn._("❌ 取消"), callbacks.record_menu(item.id))]


async def _pick(turn: Turn, item: Interaction, source: Customer, offset: int) -> None:
    _ = turn._
    total = await count_own_customers(turn.session, turn.actor, source.id)
    if total == 0:
        turn.answer(_("你还没有别的客户。先用 /customer 客户名称 建好,再来改。"), alert=True)
        return
    offset = max(0, min(offset, (total - 1) // PAGE * PAGE))
    customers = await own_customers(turn.session, turn.actor, source.id, offset, PAGE)
    rows: Rows = [[(f"🏢 {c.name}", callbacks.move_to(item.id, c.id))] for c in customers]
    pager = []
    if offset > 0:
        pager.append((_("⬅️ 上一页"), callbacks.move_page(item.id, offset - PAGE)))
    if offset + PAGE < total:
        pager.append((_("下一页 ➡️"), callbacks.move_page(item.id, offset + PAGE)))
    if pager:
        rows.append(pager)
    if total > PAGE:
        rows.append([(_("🔍 按名称找"), callbacks.move_find(item.id))])
    rows.append(_cancel_row(turn, item))
    text = _("这条记录改到哪个客户?\n{record}", record=record_line(turn, item))
    turn.edit(text, inline(rows))


async def _page_button(turn: Turn, found: re.Match[str]) -> None:
    record_id, offset = callback_id(found.group(1)), callback_id(found.group(2))
    if record_id is None or offset is None:
        stale(turn)
        return
    owned = await _own_record(turn, record_id)
    if owned is not None:
        await _pick(turn, *owned, offset)


async def _find_button(turn: Turn, found: re.Match[str]) -> None:
    record_id = callback_id(found.group(1))
    if record_id is None:
        stale(turn)
        return
    owned = await _own_record(turn, record_id)
    if owned is None:
        return
    pending.wait(turn, MOVE_SEARCH, {"id": owned[0].id})
    turn.edit(turn._("请输入要改到的客户名称,例如:万科\n(/cancel 放弃)"))


async def _found(turn: Turn, text: str) -> None:
    """The name typed after 🔍 按名称找: the member's own customers it finds, as buttons."""
    _ = turn._
    what = pending.state(turn, MOVE_SEARCH) or {}
    item = await turn.session.get(Interaction, int(what.get("id", -1)))
    if item is None or item.member_id != turn.member.id:
        pending.finish(turn, MOVE_SEARCH)
        turn.say(_("这条记录已不存在。"))
        return
    found = [
        c
        for c in await CustomerRepo(turn.session, turn.actor).search(text, limit=FOUND)
        if c.owner_id == turn.member.id and c.id != item.customer_id
    ][:PAGE]
    if not found:  # still waiting: another name may find it
        turn.say(_("你的客户里没找到「{text}」。请换个名称再试,或发“取消”。", text=text.strip()))
        return
    pending.finish(turn, MOVE_SEARCH)
    rows: Rows = [[(f"🏢 {c.name}", callbacks.move_to(item.id, c.id))] for c in found]
    rows.append(_cancel_row(turn, item))
    turn.say(_("改到哪个客户?"), inline(rows))


async def _menu_again(turn: Turn, what: dict[str, Any]) -> None:
    """取消 while the name is asked: the card of the customer the record stays with."""
    item = await turn.session.get(Interaction, int(what.get("id", -1)))
    source = await CustomerRepo(turn.session, turn.actor).get(item.customer_id) if item else None
    if item is not None and source is not None and source.owner_id == turn.member.id:
        await show_card(turn, source)


MOVE_SEARCH = pending.ValueEdit(
    "record_move",
    _found,
    title=N_("改到其他客户"),
    cancelled=N_("好的,这条记录没有改。"),
    back=_menu_again,
)


async def _target(
    turn: Turn, found: re.Match[str]
) -> tuple[Interaction, Customer, Customer] | None:
    """The member's record, its customer and the one chosen (else the press is answered)."""
    record_id, customer_id = callback_id(found.group(1)), callback_id(found.group(2))
    if record_id is None or customer_id is None:
        stale(turn)
        return None
    owned = await _own_record(turn, record_id)
    if owned is None:
        return None
    item, source = owned
    target = await CustomerRepo(turn.session, turn.actor).get(customer_id)
    if target is not None and target.id == source.id:
        turn.answer(turn._("这条记录已经在「{name}」了。", name=source.name), alert=True)
        return None
    if target is None or not may_move(turn.actor, item, source, target):
        turn.answer(turn._("只能改到你自己的客户。"), alert=True)
        return None
    return item, source, target


async def _confirm_button(turn: Turn, found: re.Match[str]) -> None:
    chosen = await _target(turn, found)
    if chosen is None:
        return
    item, source, target = chosen
    _ = turn._
    lines = [
        _("把这条记录从「{source}」改到「{target}」吗?", source=source.name, target=target.name),
        record_line(turn, item),
    ]
    made = await count_follow_ups_made(turn.session, item, source)
    if made:
        lines.append(
            _.plural("它带出的 {n} 条跟进也一起改过去。", "它带出的 {n} 条跟进也一起改过去。", made)
        )
    rows: Rows = [
        [
            (
                _("✅ 确定改到「{target}」", target=target.name),
                callbacks.move_confirmed(item.id, target.id),
            )
        ],
        [(_("⬅️ 重新选"), callbacks.move_page(item.id)), *_cancel_row(turn, item)],
    ]
    turn.edit("\n".join(lines), inline(rows))


async def _move_button(turn: Turn, found: re.Match[str]) -> None:
    chosen = await _target(turn, found)
    if chosen is None:
        return
    item, source, target = chosen
    _ = turn._
    moved = await move_interaction(turn.session, turn.actor, item, source, target)
    lines = [
        _("✅ 已把这条记录从「{source}」改到「{target}」。", source=source.name, target=target.name)
    ]
    if moved.follow_ups:
        lines.append(
            _.plural(
                "⏰ 它带出的 {n} 条跟进也改过去了。",
                "⏰ 它带出的 {n} 条跟进也改过去了。",
                moved.follow_ups,
            )
        )
    if moved.people_left:
        lines.append(
            _(
                "👤 {people} 还是「{source}」的联系人,需要时在「{target}」里再加。",
                people="、".join(moved.people_left),
                source=source.name,
                target=target.name,
            )
        )
    turn.answer()
    turn.edit("\n".join(lines))
    await show_card(turn, target)


ROUTES = (
    (callbacks.MOVE_PAGE, _page_button),
    (callbacks.MOVE_FIND, _find_button),
    (callbacks.MOVE_TO, _confirm_button),
    (callbacks.MOVE_CONFIRMED, _move_button),
)


@member_turn
async def move_button(turn: Turn) -> None:
    await follow(turn, ROUTES)


def move_handlers() -> list[object]:
    return [CallbackQueryHandler(move_button, pattern=callbacks.MOVE_PATTERN)]
