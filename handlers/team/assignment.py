"""Assignment in chat: /assign, the card's 分配 and 接手, 离职交接, ownership conflicts.

Callback data (asg: ho: own:) is built and read by callbacks.py; every press re-checks that the
presser manages the team and that the customer and members are in it.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from telegram import InlineKeyboardMarkup
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.kit import commands, doors, pending
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.routes import Action, exactly, follow, stale
from handlers.kit.turn import Turn, command_argument, member_turn
from handlers.team import callbacks
from locales import N_, translator
from storage import assignment
from storage.actor import NotAllowed
from storage.customers import CustomerRepo
from storage.drafts import grant, kept_draft
from storage.matching import judge
from storage.models import Customer, Member
from storage.push_buttons import view_customer
from storage.reports import active_members
from storage.search import fold

HANDOVER_KEY = "handover"
Rows = list[list[tuple[str, str]]]


def tell(turn: Turn, member: Member, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Message another member, with buttons, after the commit."""
    bot = turn.context.bot
    turn.later(lambda: bot.send_message(member.chat_id, text, reply_markup=markup))


def _refuse(turn: Turn) -> None:
    turn.answer(turn._("只有经理可以分配客户,或这个客户不在你的团队里。"), alert=True)


async def _picker(turn: Turn, customer: Customer, *, edit: bool) -> None:
    _ = turn._
    members = await active_members(turn.session, turn.member.team_id)
    rows: Rows = [
        [
            (
                ("✓ " if m.id == customer.owner_id else "") + m.name,
                callbacks.assign_to(customer.id, m.id),
            )
        ]
        for m in members
    ]
    rows.append([(_("⬅️ 返回客户"), view_customer(customer.id))])
    text = _("把「{customer}」分配给谁?新负责人会马上收到通知。", customer=customer.name)
    if edit:
        turn.edit(text, inline(rows))
    else:
        turn.say(text, inline(rows))


async def _assign(turn: Turn, customer_id: int, member_id: int) -> None:
    _ = turn._
    customer, old, new = await assignment.assign(
        turn.session, turn.actor, customer_id, member_id, datetime.now(UTC)
    )
    if old is not None and old.id == new.id:
        turn.answer(
            _("「{customer}」本来就由 {name} 负责。", customer=customer.name, name=new.name)
        )
        return
    turn.edit(
        _(
            "✅ 「{customer}」已从 {old} 改由 {new} 负责,历史记录都保留。",
            customer=customer.name,
            old=old.name if old else "—",
            new=new.name,
        ),
        inline([[(_("🔎 查看客户"), view_customer(customer.id))]]),
    )
    _notify_new_owner(turn, new, [customer])
    if old is not None and old.id != turn.member.id and old.active and old.team_id == new.team_id:
        their = translator(old.language)
        tell(
            turn,
            old,
            their(
                "「{customer}」已由经理改派给 {name} 负责。", customer=customer.name, name=new.name
            ),
        )


def _notify_new_owner(turn: Turn, new: Member, customers: list[Customer]) -> None:
    if new.id == turn.member.id or not customers:
        return
    their = translator(new.language)
    if len(customers) == 1:
        text = their(
            "📌 经理 {manager} 把客户「{customer}」交给你负责了。请在一周内联系一次(拜访、电话或微信都算)。",
            manager=turn.member.name,
            customer=customers[0].name,
        )
        tell(turn, new, text, inline([[(their("🔎 查看客户"), view_customer(customers[0].id))]]))
        return
    names = "、".join(c.name for c in customers[:20])
    more = their(" 等 {n} 个", n=len(customers)) if len(customers) > 20 else ""
    text = their(
        "📌 经理 {manager} 把 {n} 个客户交给你负责了:{names}{more}。请在一周内各联系一次。",
        manager=turn.member.name,
        n=len(customers),
        names=names,
        more=more,
    )
    tell(turn, new, text)


# -- /assign ------------------------------------------------------------------------------------


@member_turn
async def assign_command(turn: Turn) -> None:
    """/assign 客户名 [成员名]; a bare /assign asks for the customer (as 🔁 分配客户 does)."""
    _ = turn._
    if not turn.member.is_manager:
        turn.say(_("只有经理可以分配客户。"))
        return
    argument = command_argument(turn)
    if not argument:
        _ask_for_customer(turn)
        return
    if not await _assign_named(turn, argument):
        pending.wait(turn, CUSTOMER_NAME, {})


def _ask_for_customer(turn: Turn, *, handover: bool = False) -> None:
    _ = turn._
    text = _("分配哪个客户?发客户名(几个字也行),或发 取消。")
    if handover:  # 🔁 分配客户 on the team page: where the other way of assigning is
        text += "\n" + _("离职交接:👥 成员管理 → 点成员 → 📦 离职交接。")
    turn.say(text)
    pending.wait(turn, CUSTOMER_NAME, {})


def _members_said(word: str, members: list[Member]) -> list[Member]:
    """The members a word names: the one of that name, else those whose name holds it (张 for
    张伟 and 张强)."""
    key = fold(word)
    exact = [m for m in members if fold(m.name) == key]
    return exact or [m for m in members if key and key in fold(m.name)]


async def _customers_named(turn: Turn, name: str) -> list[Customer]:
    """The customer of that name, else those part of it finds (迈瑞达 for 深圳市迈瑞达电子有限公司)."""
    if not name:
        return []
    repo = CustomerRepo(turn.session, turn.actor)
    customer = await repo.by_name(name)
    return [customer] if customer is not None else list(await repo.search(name))


async def _assign_named(turn: Turn, argument: str) -> bool:
    """The customer named, and the member when said last (/assign 迈瑞达 张伟): both known, it is
    assigned at once; only what is missing or ambiguous is asked — the member by the picker,
    the customer among those part of its name finds. False: no customer found (said)."""
    _ = turn._
    members = await active_members(turn.session, turn.member.team_id)
    rest, _space, last = argument.rpartition(" ")
    said = _members_said(last, members) if rest.strip() else []
    name = rest.strip() if said else argument  # the customer's, as the answer says it
    # a last word that names nobody is part of the customer's name, or a member mistyped
    found = await _customers_named(turn, name) if said else []
    if not found:
        found, said = await _customers_named(turn, argument), []
        if not found and rest.strip() and (found := await _customers_named(turn, rest.strip())):
            turn.say(_("团队里没有成员「{name}」。", name=last[:20]))
    target = said[0] if len(said) == 1 else None
    if len(found) == 1 and target is not None:
        await _assign(turn, found[0].id, target.id)
    elif len(found) == 1:
        await _picker(turn, found[0], edit=False)
    elif found and target is not None:  # the member is known: each button assigns to him
        rows: Rows = [[(f"🏢 {c.name}", callbacks.assign_to(c.id, target.id))] for c in found]
        turn.say(_("找到这些客户,分配给 {name} 的是哪一个?", name=target.name), inline(rows))
    elif found:
        rows = [[(f"🏢 {c.name}", callbacks.assign(c.id))] for c in found]
        turn.say(_("找到这些客户,分配哪一个?"), inline(rows))
    else:
        turn.say(
            _("团队里没有客户「{name}」。再发一次客户名(几个字也行),或发 取消。", name=name[:50])
        )
        return False
    return True


async def _typed_customer(turn: Turn, text: str) -> None:
    if await _assign_named(turn, " ".join(text.split())):
        pending.finish(turn, CUSTOMER_NAME)


# A bare /assign (or 🔁 分配客户) waits for the customer's name: typed, it was a note to capture.
CUSTOMER_NAME = pending.ValueEdit(
    "assign_customer",
    _typed_customer,
    title=commands.ASSIGN.title,
    cancelled=N_("已取消,没有分配。"),
    entry_command=commands.ASSIGN.name,
)


# -- 离职交接 -------------------------------------------------------------------------------------


def _chosen(turn: Turn, leaver_id: int) -> list[int]:
    data: dict[str, Any] = turn.context.user_data if turn.context.user_data is not None else {}
    state = data.get(HANDOVER_KEY) or {}
    return list(state.get("to", [])) if state.get("from") == leaver_id else []


def _choose(turn: Turn, leaver_id: int, receivers: list[int]) -> None:
    if turn.context.user_data is not None:
        turn.context.user_data[HANDOVER_KEY] = {"from": leaver_id, "to": receivers}


async def _handover_page(turn: Turn, leaver_id: int) -> None:
    _ = turn._
    leaver = await assignment.teammate(turn.session, turn.actor, leaver_id)
    count = await turn.session.scalar(
        select(func.count()).select_from(_owned(turn, leaver.id).subquery())
    )
    chosen = _chosen(turn, leaver.id)
    members = [
        m for m in await active_members(turn.session, turn.member.team_id) if m.id != leaver.id
    ]
    rows: Rows = [
        [(("☑️ " if m.id in chosen else "⬜ ") + m.name, callbacks.handover_tick(leaver.id, m.id))]
        for m in members
    ]
    if chosen:
        rows.append(
            [(_("✅ 交接给选中的 {n} 人", n=len(chosen)), callbacks.handover_go(leaver.id))]
        )
    rows.append([(_("⬅️ 返回团队"), callbacks.HOME)])
    turn.edit(
        _.plural(
            "📦 离职交接:{name} 名下有 {n} 个客户。选择接手的人(可多选,按等级轮流平均分配),历史记录跟着客户走。",
            "📦 离职交接:{name} 名下有 {n} 个客户。选择接手的人(可多选,按等级轮流平均分配),历史记录跟着客户走。",
            count or 0,
            name=leaver.name,
        ),
        inline(rows),
    )


def _owned(turn: Turn, member_id: int) -> Any:
    return select(Customer.id).where(
        Customer.team_id == turn.member.team_id,
        Customer.owner_id == member_id,
        Customer.deleted_at.is_(None),
    )


async def _handover(turn: Turn, leaver_id: int) -> None:
    _ = turn._
    chosen = _chosen(turn, leaver_id)
    if not chosen:
        turn.answer(_("请先选择接手的人。"), alert=True)
        return
    done = await assignment.hand_over(
        turn.session, turn.actor, leaver_id, chosen, datetime.now(UTC)
    )
    _choose(turn, 0, [])
    lines = [
        _.plural(
            "✅ {name} 的 {n} 个客户已交接:",
            "✅ {name} 的 {n} 个客户已交接:",
            done.count,
            name=done.leaver.name,
        )
    ]
    for receiver_id, customers in done.shares.items():
        lines.append(f"· {done.receivers[receiver_id].name}:{len(customers)}")
    rows: Rows = [
        [(_("🚫 移出团队"), callbacks.remove(done.leaver.id))],
        [(_("⬅️ 返回团队"), callbacks.HOME)],
    ]
    turn.edit("\n".join(lines), inline(rows))
    for receiver_id, customers in done.shares.items():
        _notify_new_owner(turn, done.receivers[receiver_id], customers)


# -- ownership conflicts -----------------------------------------------------------------------


async def ask_managers_about(turn: Turn, company: str, capture_draft: int | None = None) -> None:
    """A rep wants to record a customer a colleague owns (the same company, or one that may be
    it, by the one rule of storage/matching.py): every manager gets both names and two
    buttons, keep the owner (the first-recorded rule, the default) or move it to the rep."""
    judged = await judge(turn.session, turn.actor, company)
    customer = judged.theirs or judged.maybe_theirs
    owner = judged.owner or judged.maybe_owner
    managers = [m for m in await active_members(turn.session, turn.member.team_id) if m.is_manager]
    for manager in managers:
        their = translator(manager.language)
        if customer is None or fold(customer.name) == fold(company):
            text = their(
                "📨 {rep} 想记录客户「{company}」,它现在由 {owner} 负责(先记录者)。请决定归属:",
                rep=turn.member.name,
                company=company,
                owner=owner.name if owner else "—",
            )
        else:
            text = their(
                "📨 {rep} 想记录客户「{company}」,它可能就是 {owner} 负责的「{existing}」(先记录者)。请决定归属:",
                rep=turn.member.name,
                company=company,
                owner=owner.name if owner else "—",
                existing=customer.name,
            )
        markup = None
        if customer is not None and owner is not None:
            asked = (customer.id, turn.member.id, capture_draft)
            markup = inline(
                [
                    [(their("✅ 仍归 {name}", name=owner.name), callbacks.owner_kept(*asked))],
                    [
                        (
                            their("🔁 改归 {name}", name=turn.member.name),
                            callbacks.owner_moved(*asked),
                        )
                    ],
                ]
            )
        tell(turn, manager, text, markup)


async def _resolve(turn: Turn, move: bool, customer_id: int, rep_id: int, draft: int) -> None:
    _ = turn._
    customer = await assignment.team_customer(turn.session, turn.actor, customer_id)
    rep = await assignment.teammate(turn.session, turn.actor, rep_id)
    owner = await turn.session.get(Member, customer.owner_id)
    if customer.owner_id == rep.id:
        turn.edit(_("「{customer}」已经由 {name} 负责了。", customer=customer.name, name=rep.name))
        return
    their = translator(rep.language)
    if not move:
        assignment_note = _("✅ 已决定:「{customer}」仍由 {owner} 负责。", customer=customer.name,
                            owner=owner.name if owner else "—")  # fmt: skip
        turn.edit(assignment_note)
        owner_name = owner.name if owner else "—"
        note = await kept_draft(turn.session, rep.id, draft) if draft else None
        if note is None or note.kind != "capture":
            tell(
                turn,
                rep,
                their(
                    "经理决定「{customer}」仍由 {owner} 负责。需要时可以请 {owner} 一起跟进。",
                    customer=customer.name,
                    owner=owner_name,
                ),
            )
            return
        # The rep's note still counts: it goes into the owner's file, the owner keeps it.
        grant(note, customer.id)
        tell(
            turn,
            rep,
            their(
                "经理决定「{customer}」仍由 {owner} 负责。你的记录可以记入 {owner} 的这个客户:拜访、行程和联系人资料都记在那里,客户仍归 {owner}。",
                customer=customer.name,
                owner=owner_name,
            ),
            inline(
                [
                    [
                        (
                            their("✅ 记入「{customer}」", customer=customer.name[:20]),
                            doors.save_capture(note.id),
                        )
                    ]
                ]
            ),
        )
        return
    _customer, old, new = await assignment.assign(turn.session, turn.actor, customer.id, rep.id)
    turn.edit(
        _(
            "✅ 已决定:「{customer}」改由 {new} 负责,历史记录都保留。",
            customer=customer.name,
            new=new.name,
        )
    )
    buttons = [[(their("🔎 查看客户"), view_customer(customer.id))]]
    if draft:
        buttons.append([(their("✅ 保存我的记录"), doors.save_capture(draft))])
    tell(
        turn,
        rep,
        their("✅ 经理把「{customer}」交给你负责了。", customer=customer.name),
        inline(buttons),
    )
    if old is not None and old.id != turn.member.id:
        tell(
            turn,
            old,
            translator(old.language)(
                "「{customer}」已由经理改派给 {name} 负责。", customer=customer.name, name=new.name
            ),
        )


# -- the buttons ------------------------------------------------------------------------------


def _ids(found: re.Match[str]) -> list[int] | None:
    """The ids the button carries (a capture draft may be absent), or None if one is not ours."""
    ids = [callback_id(group) for group in found.groups() if group is not None]
    return None if None in ids else [i for i in ids if i is not None]


IdsAction = Callable[..., Awaitable[None]]


def _on_ids(action: IdsAction) -> Action:
    async def act(turn: Turn, found: re.Match[str]) -> None:
        ids = _ids(found)
        if ids is None:
            stale(turn)
        else:
            await action(turn, *ids)

    return act


async def _help(turn: Turn, found: re.Match[str]) -> None:
    turn.answer()
    _ask_for_customer(turn, handover=True)


async def _pick(turn: Turn, customer_id: int) -> None:
    customer = await assignment.team_customer(turn.session, turn.actor, customer_id)
    await _picker(turn, customer, edit=True)


async def _take_over(turn: Turn, customer_id: int) -> None:
    await _assign(turn, customer_id, turn.member.id)


async def _handover_start(turn: Turn, leaver_id: int) -> None:
    _choose(turn, leaver_id, [])
    await _handover_page(turn, leaver_id)


async def _handover_tick(turn: Turn, leaver_id: int, member_id: int) -> None:
    await assignment.teammate(turn.session, turn.actor, member_id)
    chosen = _chosen(turn, leaver_id)
    chosen = [c for c in chosen if c != member_id] if member_id in chosen else [*chosen, member_id]
    _choose(turn, leaver_id, chosen)
    await _handover_page(turn, leaver_id)


async def _kept(turn: Turn, customer_id: int, rep_id: int, draft: int = 0) -> None:
    await _resolve(turn, False, customer_id, rep_id, draft)


async def _moved(turn: Turn, customer_id: int, rep_id: int, draft: int = 0) -> None:
    await _resolve(turn, True, customer_id, rep_id, draft)


ROUTES = (
    (exactly(callbacks.ASSIGN_HELP), _help),
    (callbacks.ASSIGN, _on_ids(_pick)),
    (callbacks.TAKE_OVER, _on_ids(_take_over)),
    (callbacks.ASSIGN_TO, _on_ids(_assign)),
    (callbacks.HANDOVER, _on_ids(_handover_start)),
    (callbacks.HANDOVER_TICK, _on_ids(_handover_tick)),
    (callbacks.HANDOVER_GO, _on_ids(_handover)),
    (callbacks.OWNER_KEPT, _on_ids(_kept)),
    (callbacks.OWNER_MOVED, _on_ids(_moved)),
)


@member_turn
async def assignment_button(turn: Turn) -> None:
    if not turn.member.is_manager:
        _refuse(turn)
        return
    try:
        await follow(turn, ROUTES)
    except NotAllowed:
        _refuse(turn)


def assignment_handlers() -> list[object]:
    return [
        CommandHandler(commands.ASSIGN.name, assign_command),
        CallbackQueryHandler(assignment_button, pattern=callbacks.ASSIGNMENT_PATTERN),
    ]
