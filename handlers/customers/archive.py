"""Customers in chat: /customer (list, open, create), /find, the card, grade, history, delete.

Every button re-reads the customer through the scoped repository: callback data can be
forged, so an id a member may not see gets the same answer as one that does not exist.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Literal, TypedDict
from zoneinfo import ZoneInfo

from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.customers import callbacks
from handlers.customers.card import noted_line, render_card
from handlers.kit import commands, pending, starts
from handlers.kit.callback_data import callback_enum, callback_id
from handlers.kit.keyboards import (
    CUSTOMERS,
    FIND,
    inline,
    label_pattern,
)
from handlers.kit.labels import KIND_LABELS
from handlers.kit.ownership import refuse_unless_owner
from handlers.kit.render import happened, moment, record_lines
from handlers.kit.routes import Action, follow, on_id, pressed, stale
from handlers.kit.turn import Turn, command_argument, member_turn
from handlers.team.assignment import ask_managers_about
from locales import N_
from storage.activities import (
    count_interactions,
    notes_with,
    own_reminders_with,
    recent_records,
    record_time,
    task_words,
)
from storage.customers import CustomerRepo
from storage.matching import Judgement, judge, remember_alias
from storage.models import Customer, Draft, FollowUp, FollowUpStatus, Grade, Interaction
from storage.push_buttons import view_customer
from storage.search import fold, words_key

PAGE_SIZE = 8
HISTORY_PAGE = 10
# What one history page may fill, leaving room for the pager under Telegram's 4,096.
HISTORY_CHARS = 3800
MAX_NAME = 100
FIND_KEY = "find_query"

Rows = list[list[tuple[str, str]]]


def _repo(turn: Turn) -> CustomerRepo:
    return CustomerRepo(turn.session, turn.actor)


def _not_found(turn: Turn) -> None:
    turn.answer(turn._("找不到这个客户,或你没有权限查看。"), alert=True)


def _pager(
    turn: Turn, page: Callable[[int], str], offset: int, size: int, more: bool
) -> list[tuple[str, str]]:
    """⬅️ 上一页 / 下一页 ➡️, each the data `page` builds for its offset."""
    _ = turn._
    pager: list[tuple[str, str]] = []
    if offset > 0:
        pager.append((_("⬅️ 上一页"), page(max(offset - size, 0))))
    if more:
        pager.append((_("下一页 ➡️"), page(offset + size)))
    return pager


async def _customer_list(turn: Turn, offset: int) -> tuple[str, Rows]:
    _ = turn._
    repo = _repo(turn)
    total = await repo.count()
    customers = await repo.page(offset, PAGE_SIZE)
    rows: Rows = [[(f"🏢 {c.name}", view_customer(c.id))] for c in customers]
    pager = _pager(turn, callbacks.customer_list, offset, PAGE_SIZE, offset + PAGE_SIZE < total)
    if pager:
        rows.append(pager)
    rows.append([(_("➕ 新客户"), starts.NEW_CUSTOMER)])
    if total == 0:
        text = _("还没有客户。发 /customer 客户名 建第一个客户档案,例如:/customer 华东电力设计院")
    else:
        text = _.plural("你能查看的客户共 {n} 个:", "你能查看的客户共 {n} 个:", total)
    return text, rows


class NewCustomer(TypedDict, total=False):
    """What /newcustomer asked besides the name, kept on the draft while the rep is asked."""

    grade: str
    industry: str


async def _draft_new_customer(turn: Turn, name: str, fields: NewCustomer | None = None) -> Draft:
    """Keep the typed name in the database until the member confirms (survives restarts)."""
    draft = Draft(
        member_id=turn.member.id, kind="new_customer", text=name, payload=dict(fields or {})
    )
    turn.session.add(draft)
    await turn.session.flush()
    return draft


def _colleagues_text(turn: Turn, name: str, judged: Judgement, *, ask: bool) -> str:
    """First-recorded rule: whose it is, nothing of the file; `ask` offers the manager."""
    _ = turn._
    owner = judged.owner.name if judged.owner else "—"
    if judged.theirs is None or fold(judged.theirs.name) == fold(name):
        if ask:
            return _(
                "团队里已有客户「{name}」,由 {owner} 负责,不能重复建档。要请经理决定归属吗?",
                name=name,
                owner=owner,
            )
        return _("团队里已有客户「{name}」,由 {owner} 负责,不能重复建档。", name=name, owner=owner)
    if ask:
        return _(
            "「{name}」和同事 {owner} 负责的客户是同一家(只是写法不同),按先记录者负责的规则,不能重复建档。要请经理决定归属吗?",
            name=name,
            owner=owner,
        )
    return _(
        "「{name}」和同事 {owner} 负责的客户是同一家(只是写法不同),按先记录者负责的规则,不能重复建档。",
        name=name,
        owner=owner,
    )


async def offer_new(
    turn: Turn, name: str, fields: NewCustomer | None = None, *, confirmed: bool = False
) -> None:
    """Before a customer is created (/customer 名称, /newcustomer): the one rule of
    storage/matching.py. Maybe one of the rep's own asks "是「X」 / 不是,新建「Y」"; a
    colleague's is the first-recorded rule; nothing like it creates (`confirmed`) or offers to."""
    _ = turn._
    if len(name) > MAX_NAME:
        turn.say(_("客户名太长了(最多 100 个字),请精简后再发。"))
        return
    judged = await judge(turn.session, turn.actor, name)
    if judged.exact is not None:
        turn.say(_("「{name}」已经在你的客户里了。", name=judged.exact.name))
        await show_card(turn, judged.exact)
        return
    if not judged.anything and confirmed:
        await _create(turn, name, fields or {}, edit=False)
        return
    draft = await _draft_new_customer(turn, name, fields)
    new = (_("不是,新建「{name}」", name=name[:20]), callbacks.new_from_draft(draft.id))
    cancel = (_("❌ 取消"), callbacks.drop_draft(draft.id))
    if judged.likely:
        rows: Rows = [
            [(_("是「{name}」", name=c.name), callbacks.same_as(draft.id, c.id))]
            for c in judged.likely
        ]
        rows += [[new], [cancel]]
        turn.say(
            _(
                "「{name}」和已有客户「{existing}」很像,是同一家吗?",
                name=name,
                existing=judged.likely[0].name,
            ),
            inline(rows),
        )
    elif judged.owner is not None:
        turn.say(
            _colleagues_text(turn, name, judged, ask=True),
            inline(
                [
                    [
                        (_("📨 请经理处理"), callbacks.ask_manager(draft.id)),
                        (_("❌ 不用了"), callbacks.drop_draft(draft.id)),
                    ]
                ]
            ),
        )
    elif judged.maybe_owner is not None:
        turn.say(
            _(
                "「{name}」可能是同事 {owner} 负责的客户。按先记录者负责的规则,同一家客户不能重复建档。是同一家吗?",
                name=name,
                owner=judged.maybe_owner.name,
            ),
            inline([[(_("是,请经理处理"), callbacks.ask_manager(draft.id))], [new], [cancel]]),
        )
    else:
        turn.say(
            _("没找到「{name}」。要新建这个客户吗?", name=name),
            inline([[(_("✅ 新建"), callbacks.new_from_draft(draft.id)), cancel]]),
        )


async def _create(turn: Turn, name: str, fields: NewCustomer, *, edit: bool) -> None:
    grade = Grade(fields["grade"]) if fields.get("grade") in set(Grade) else None
    customer = await _repo(turn).create(name, grade=grade, industry=fields.get("industry") or None)
    text, markup = await render_card(turn, customer)
    if edit:
        turn.edit(turn._("✅ 已新建客户。") + "\n" + text, markup)
    else:
        turn.say(turn._("✅ 已新建客户。"))
        turn.say(text, markup)


async def show_card(turn: Turn, customer: Customer, *, edit: bool = False) -> None:
    text, markup = await render_card(turn, customer)
    if edit:
        turn.edit(text, markup)
    else:
        turn.say(text, markup)


@member_turn
async def customer_command(turn: Turn) -> None:
    name = " ".join(command_argument(turn).split())
    if not name:
        text, listing = await _customer_list(turn, 0)
        turn.say(text, inline(listing) if listing else None)
        return
    repo = _repo(turn)
    exact = await repo.by_name(name)
    if exact is not None:
        await show_card(turn, exact)
        return
    matches = await repo.search(name)
    if matches:
        rows: Rows = [[(f"🏢 {c.name}", view_customer(c.id))] for c in matches]
        draft = await _draft_new_customer(turn, name)
        rows.append(
            [(turn._("➕ 新建「{name}」", name=name[:20]), callbacks.new_from_draft(draft.id))]
        )
        rows.append([(turn._("❌ 取消"), callbacks.drop_draft(draft.id))])  # the draft goes too
        turn.say(turn._("找到这些客户,是哪一个?"), inline(rows))
        return
    await offer_new(turn, name)


async def _undo_delete(turn: Turn, customer_id: int) -> None:
    _ = turn._
    restored = await _repo(turn).restore(customer_id)
    if restored is None and await _repo(turn).get(customer_id) is not None:
        turn.answer(_("已经撤销过了"))  # a second tap: the customer is back already
        return
    if restored is None:
        turn.answer(_("无法撤销:已超过 24 小时,或同名客户已重新建档。"), alert=True)
        return
    turn.answer(_("已撤销删除。"))
    await show_card(turn, restored, edit=True)


async def _list_page(turn: Turn, offset: int) -> None:
    text, rows = await _customer_list(turn, offset)
    turn.edit(text, inline(rows) if rows else None)


async def _purge_button(turn: Turn, found: re.Match[str]) -> None:
    customer_id = callback_id(found.group(1))
    if customer_id is not None and await _repo(turn).purge(customer_id):
        turn.edit(turn._("已永久删除,无法恢复。"))
    else:
        stale(turn)


CustomerAction = Callable[[Turn, Customer, re.Match[str]], Awaitable[None]]


def _on_customer(action: CustomerAction, *, owner_only: bool = False) -> Action:
    """The action on the customer the button names, if the presser may see it (and, with
    `owner_only`, change it)."""

    async def act(turn: Turn, found: re.Match[str]) -> None:
        customer_id = callback_id(found.group(1))
        customer = await _repo(turn).get(customer_id) if customer_id is not None else None
        if customer is None:
            _not_found(turn)
        elif not (owner_only and await refuse_unless_owner(turn, customer)):
            await action(turn, customer, found)

    return act


async def _card(turn: Turn, customer: Customer, found: re.Match[str]) -> None:
    await show_card(turn, customer, edit=True)


async def _grades(turn: Turn, customer: Customer, found: re.Match[str]) -> None:
    _ = turn._
    rows = [[(g.value, callbacks.grade(customer.id, g.value)) for g in Grade]]
    rows.append([(_("⬅️ 返回"), view_customer(customer.id))])
    turn.edit(
        _("「{name}」选择新的等级:A 大且急 · B 一般 · C 潜在", name=customer.name), inline(rows)
    )


async def _grade(turn: Turn, customer: Customer, found: re.Match[str]) -> None:
    grade = callback_enum(found.group(2), Grade)
    if grade is None:
        stale(turn)
        return
    await _repo(turn).set_grade(customer, grade)
    turn.answer(turn._("已改为 {grade} 类", grade=grade.value))
    await show_card(turn, customer, edit=True)


async def _history_button(turn: Turn, customer: Customer, found: re.Match[str]) -> None:
    offset = callback_id(found.group(2))
    if offset is None:
        stale(turn)
        return
    await _history(turn, customer, offset)


async def _ask_delete(turn: Turn, customer: Customer, found: re.Match[str]) -> None:
    _ = turn._
    turn.edit(
        _(
            "确定删除「{name}」吗?联系人和记录会一起删除,24 小时内可以撤销。",
            name=customer.name,
        ),
        inline(
            [
                [
                    (_("🗑 确定删除"), callbacks.delete_confirmed(customer.id)),
                    (_("❌ 取消"), view_customer(customer.id)),
                ]
            ]
        ),
    )


async def _delete(turn: Turn, customer: Customer, found: re.Match[str]) -> None:
    _ = turn._
    await _repo(turn).delete(customer)
    turn.edit(
        _("已删除「{name}」,24 小时后永久删除。", name=customer.name),
        inline(
            [
                [
                    (_("↩️ 撤销删除"), callbacks.undo_delete(customer.id)),
                    (_("🗑 立即永久删除"), callbacks.purge(customer.id)),
                ]
            ]
        ),
    )


def _on_draft(choice: DraftChoice) -> Action:
    """A choice about the name typed for a new customer (the draft the button names)."""

    async def act(turn: Turn, found: re.Match[str]) -> None:
        draft_id = callback_id(found.group(1))
        customer_id = callback_id(found.group(2)) if found.re.groups > 1 else None
        await _resolve_draft(turn, choice, draft_id, customer_id)

    return act


ROUTES = (
    (callbacks.LIST, on_id(_list_page)),
    (callbacks.NEW_FROM_DRAFT, _on_draft("new")),
    (callbacks.SAME_AS, _on_draft("same")),
    (callbacks.DROP_DRAFT, _on_draft("drop")),
    (callbacks.ASK_MANAGER, _on_draft("ask")),
    (callbacks.UNDO_DELETE, on_id(_undo_delete)),
    (callbacks.PURGE, _purge_button),
    (callbacks.CARD, _on_customer(_card)),
    (callbacks.GRADES, _on_customer(_grades, owner_only=True)),
    (callbacks.GRADE, _on_customer(_grade, owner_only=True)),
    (callbacks.HISTORY, _on_customer(_history_button)),
    (callbacks.DELETE, _on_customer(_ask_delete, owner_only=True)),
    (callbacks.DELETE_CONFIRMED, _on_customer(_delete, owner_only=True)),
)


@member_turn
async def customer_button(turn: Turn) -> None:
    await follow(turn, ROUTES)


async def _history(turn: Turn, customer: Customer, offset: int) -> None:
    _ = turn._
    timezone = turn.member.timezone
    today = datetime.now(ZoneInfo(timezone)).date()
    total = await count_interactions(turn.session, customer)
    items = await recent_records(turn.session, customer, limit=HISTORY_PAGE, offset=offset)
    lines = [_("📜 「{name}」的全部记录({n} 条)", name=customer.name, n=total)]
    shown, size = 0, len(lines[0])
    # The owner corrects a record from here: its number opens it in 🛠 改记录 (records.py).
    editable = customer.owner_id == turn.member.id
    edits: list[tuple[str, str]] = []
    for item in items:
        timed = item.timed if isinstance(item, Interaction) else True
        when = happened(_, record_time(item), timed, timezone, today)
        n = offset + shown + 1
        if isinstance(item, FollowUp):  # a note that made only this follow-up
            head, words = record_lines(noted_line(turn, item), item.note, whole=True)
            entry, opens = f"{n}. {when} {head}", callbacks.follow_up_menu(item.id)
        else:
            head, words = record_lines(item.summary, item.note, whole=True)
            text = " · ".join(x for x in (head, item.outcome, item.location) if x)
            entry = f"{n}. {when} {_(KIND_LABELS[item.kind])}{':' + text if text else ''}"
            opens = callbacks.record_menu(item.id)
        entry = entry.replace("\n", "\n   ")  # a pasted chat's lines, each under the one before
        if words:
            entry += "\n  「" + words.replace("\n", "\n   ") + "」"
        # Whole notes are long: a page holds the records that fit in one message.
        if shown and size + len(entry) > HISTORY_CHARS:
            break
        lines.append(entry)
        edits.append((f"✏️ {n}", opens))
        shown, size = shown + 1, size + len(entry) + 1
    if not items:
        lines.append(_("还没有记录。"))
    rows: Rows = [edits[i : i + 5] for i in range(0, len(edits), 5)] if editable else []
    pager = _pager(
        turn,
        lambda at: callbacks.history(customer.id, at),
        offset,
        max(shown, 1),
        offset + shown < total,
    )
    if pager:
        rows.append(pager)
    rows.append([(_("⬅️ 返回客户"), view_customer(customer.id))])
    turn.edit("\n".join(lines), inline(rows))


DraftChoice = Literal["new", "same", "drop", "ask"]


async def _resolve_draft(
    turn: Turn, choice: DraftChoice, draft_id: int | None, customer_id: int | None
) -> None:
    _ = turn._
    draft = await turn.session.get(Draft, draft_id) if draft_id is not None else None
    if draft is None or draft.member_id != turn.member.id or draft.kind != "new_customer":
        turn.answer(_("这个按钮已失效,请重新发 /customer 客户名。"), alert=True)
        return
    name = draft.text or ""
    fields = NewCustomer(
        grade=str(draft.payload.get("grade") or ""),
        industry=str(draft.payload.get("industry") or ""),
    )
    if choice == "same":
        # "是「华东电力设计院」": the team remembers the name typed for it (华电院)
        customer = await _repo(turn).get(customer_id) if customer_id is not None else None
        if customer is None:
            _not_found(turn)
            return
        await turn.session.delete(draft)
        await remember_alias(turn.session, turn.actor, name, customer)
        text, markup = await render_card(turn, customer)
        turn.edit(
            _("好的,「{name}」就是「{customer}」,以后我会记得。", name=name, customer=customer.name)
            + "\n"
            + text,
            markup,
        )
        return
    await turn.session.delete(draft)
    if choice == "drop":
        turn.edit(_("好的,没有新建。"))
        return
    if choice == "ask":
        await ask_managers_about(turn, name)
        turn.edit(_("已告诉经理,请等经理决定。"))
        return
    # "新建" / "不是,新建": none of those asked about; the same company still may not be
    # recorded twice (a colleague's: the first-recorded rule).
    judged = await judge(turn.session, turn.actor, name)
    if judged.exact is not None:
        await show_card(turn, judged.exact, edit=True)
        return
    if judged.owner is not None:
        turn.edit(_colleagues_text(turn, name, judged, ask=False))
        return
    await _create(turn, name, fields, edit=True)


# -- /find ------------------------------------------------------------------------------------


_AROUND_WORDS = " ,，.。、;；:：!！?？…~～\"'“”‘’「」『』《》()()"


async def _search(turn: Turn, text: str, offset: int = 0, *, ended: bool = False) -> bool:
    """Show what matches `text`; whether anything did. `ended`: typed in 查找's mode, which
    the answer closes (the answer says so)."""
    _ = turn._
    text = " ".join(text.split())
    # 中交二航局。 typed as a sentence ends: the words, not the full stop (tryout 16)
    text = text.strip(_AROUND_WORDS) or text
    matches = await _repo(turn).search_names(text, PAGE_SIZE + 1, offset) if text else []
    # The rep's own reminders, which name no customer, under the first page.
    reminders = await own_reminders_with(turn.session, turn.actor, text) if not offset else []
    if not matches and not reminders and offset == 0:
        turn.say(
            _("没找到和「{text}」相关的客户。换个关键词再试,或 /cancel 取消。", text=text[:30])
        )
        return False
    if turn.context.user_data is not None:
        turn.context.user_data[FIND_KEY] = text
    shown = matches[:PAGE_SIZE]
    rows: Rows = [[(f"🏢 {c.name}", view_customer(c.id))] for c in shown]
    pager = _pager(turn, callbacks.find_page, offset, PAGE_SIZE, len(matches) > PAGE_SIZE)
    if pager:
        rows.append(pager)
    if not matches:
        message = ""
    elif offset or len(matches) > PAGE_SIZE:
        message = _("找到这些客户:")
    else:
        message = _.plural("找到 {n} 个客户:", "找到 {n} 个客户:", len(matches))
    # Where the words were found in a rep's note, that note is the answer: show the place.
    notes = await notes_with(turn.session, [c.id for c in shown], text)
    for customer in shown:
        if customer.id in notes:
            message += f"\n🏢 {customer.name}:「{_snippet(notes[customer.id], text)}」"
    if reminders:
        message = "\n".join(filter(None, (message, _reminder_lines(turn, reminders, text))))
    if ended:  # as any typed value: one search, then the next words are a note again
        message += "\n" + _("🔍 查找结束了,接下来发的文字会当作新记录。要再查,点 🔍 再查一次。")
        rows.append([(_("🔍 再查一次"), callbacks.FIND_AGAIN_DATA)])
    markup = inline(rows) if rows else None
    if offset:
        turn.edit(message, markup)
    else:
        turn.say(message, markup)
    return True


def _reminder_lines(turn: Turn, reminders: Sequence[FollowUp], text: str) -> str:
    """⏰ 你的提醒: each with its day, its words, and the note's place where they are."""
    _ = turn._
    lines = [_("⏰ 你的提醒")]
    for reminder in reminders:
        when = moment(_, reminder.due_at or reminder.due_date, turn.member.timezone, turn.today())
        done = _("(已完成)") if reminder.status == FollowUpStatus.DONE else ""
        words = task_words(reminder.text, reminder.note)
        line = f"· {when} {words}{done}"
        if reminder.note and words_key(text) not in words_key(words):
            line += f"\n  「{_snippet(reminder.note, text)}」"
        lines.append(line)
    return "\n".join(lines)


def _snippet(note: str, words: str, around: int = 20) -> str:
    """The part of ``note`` around ``words``, with … where it was cut."""
    note = " ".join(note.split())
    at = max(words_key(note).find(words_key(words)), 0)  # either script: 報價 for 报价
    start, end = max(at - around, 0), min(at + len(words) + around, len(note))
    return ("…" if start else "") + note[start:end] + ("…" if end < len(note) else "")


@member_turn
async def find_command(turn: Turn) -> None:
    text = command_argument(turn)
    if text:
        await _search(turn, text)
        return
    _ask_find(turn)


def _ask_find(turn: Turn) -> None:
    # Search mode: the next text is the query, until something is found, /cancel, or another
    # command or menu tap (kit/pending.py ends the mode and says so).
    pending.wait(turn, FIND_MODE, {"asked": True})
    turn.say(turn._("要找哪个客户?可以输入公司名、联系人、电话、微信或拼音首字母,例如:电力、wjg"))


@member_turn
async def find_again(turn: Turn) -> None:
    """🔍 再查一次 under a search's answer: 查找 again, the answer left as it was."""
    _ask_find(turn)


async def find_query(turn: Turn, text: str) -> None:
    if await _search(turn, text, ended=True):
        pending.finish(turn, FIND_MODE)


FIND_MODE = pending.ValueEdit(
    "find_ask",
    find_query,
    title=N_("查找"),
    cancelled=N_("已取消。有需要随时找我。"),
    entry_command=commands.FIND.name,
    entry_label=FIND,
    notes_first=True,
)


@member_turn
async def find_page(turn: Turn) -> None:
    found = callbacks.FIND_PAGE.match(pressed(turn))
    offset = callback_id(found.group(1)) if found else None
    text = str((turn.context.user_data or {}).get(FIND_KEY, ""))
    if offset is None or not text:
        stale(turn)
        return
    await _search(turn, text, offset)


def customer_handlers() -> list[object]:
    return [
        CommandHandler(commands.FIND.name, find_command),
        MessageHandler(filters.Regex(label_pattern(FIND)), find_command),
        CommandHandler(commands.CUSTOMER.name, customer_command),
        MessageHandler(filters.Regex(label_pattern(CUSTOMERS)), customer_command),
        CallbackQueryHandler(customer_button, pattern=callbacks.CUSTOMER_PATTERN),
        CallbackQueryHandler(find_page, pattern=callbacks.FIND_PAGE),
        CallbackQueryHandler(find_again, pattern=callbacks.FIND_AGAIN),
    ]
