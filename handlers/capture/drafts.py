"""/drafts (and 📝 草稿 under 📝 记一笔): the drafts a member kept, each with 继续 / 删除.

继续 picks up where the draft stopped: an unconfirmed card is shown again with 保存; a note is
read again (a card when there is something to save, else the choice of customer it goes
under); a command that failed is shown so it can be sent again. Callback data (dft:…: a page, 继续,
删除 and the list again) is built and read by callbacks.py.
"""

from __future__ import annotations

import re

from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.capture import callbacks
from handlers.capture.payload import has_content, note_to_payload
from handlers.capture.reading import MAX_NOTE, ask_note_customer
from handlers.capture.show import show_capture
from handlers.kit import commands
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.render import clip, moment
from handlers.kit.routes import follow
from handlers.kit.turn import Turn, member_turn
from locales import N_
from parsing.notes import parse_note
from storage.customers import CustomerRepo
from storage.drafts import count_kept, kept_draft, kept_drafts
from storage.models import Draft

PAGE = 6
PREVIEW = 40
KIND_LABELS = {
    "capture": N_("未确认的记录"),
    "note": N_("没归到客户的记录"),
    "failed_input": N_("出错时的输入"),
}
Rows = list[list[tuple[str, str]]]


async def drafts_entry(turn: Turn) -> tuple[str, str] | None:
    """The 📝 草稿 (n) button for a menu, when the member has kept drafts."""
    count = await count_kept(turn.session, turn.member.id)
    return (turn._("📝 草稿 ({n})", n=count), callbacks.drafts_page()) if count else None


async def _list(turn: Turn, offset: int, *, edit: bool) -> None:
    _ = turn._
    total = await count_kept(turn.session, turn.member.id)
    offset = max(0, min(offset, (max(total, 1) - 1) // PAGE * PAGE))
    drafts = await kept_drafts(turn.session, turn.member.id, offset, PAGE)
    if not drafts:
        text = _("📝 没有草稿。没保存的记录、出错时你输入的内容都会存在这里,不会丢。")
        turn.edit(text) if edit else turn.say(text)
        return
    today = turn.today()
    lines = [_("📝 草稿 ({n}),最新的在前:", n=total)]
    rows: Rows = []
    for number, draft in enumerate(drafts, start=offset + 1):
        when = moment(_, draft.updated_at, turn.member.timezone, today)
        words = clip(" ".join((draft.text or "").split()), PREVIEW)
        lines.append(f"{number}. {when} · {_(KIND_LABELS[draft.kind])}\n   {words}")
        rows.append(
            [
                (_("▶️ 继续 {n}", n=number), callbacks.draft_continue(draft.id)),
                (_("🗑 删除 {n}", n=number), callbacks.draft_delete(draft.id, offset)),
            ]
        )
    pages: list[tuple[str, str]] = []
    if offset > 0:
        pages.append((_("⬅️ 上一页"), callbacks.drafts_page(max(0, offset - PAGE))))
    if offset + PAGE < total:
        pages.append((_("下一页 ➡️"), callbacks.drafts_page(offset + PAGE)))
    if pages:
        rows.append(pages)
    text = "\n".join(lines)
    turn.edit(text, inline(rows)) if edit else turn.say(text, inline(rows))


async def _continue(turn: Turn, draft: Draft) -> None:
    _ = turn._
    text = (draft.text or "")[:MAX_NOTE]
    if draft.kind == "capture" and draft.payload:
        await show_capture(turn, draft, edit=False)
        return
    if text.startswith("/"):
        turn.say(
            _("这是出错时你发的命令,现在可以再发一次(长按复制):\n{text}", text=text),
            inline([[(_("🗑 删除这条草稿"), callbacks.draft_delete(draft.id))]]),
        )
        return
    payload = note_to_payload(parse_note(text, turn.now()))
    if has_content(payload):
        draft.kind, draft.payload = "capture", dict(payload)
        await turn.session.flush()
        await show_capture(turn, draft, edit=False)
        return
    draft.kind = "note"
    customers = await CustomerRepo(turn.session, turn.actor).page(0, 1)
    if not customers:
        turn.say(
            _(
                "📝 这条记录还没有客户可以归:\n{text}\n用 /customer 客户名 建档后,再点 ▶️ 继续。",
                text=clip(text, 200),
            )
        )
        return
    await ask_note_customer(
        turn, draft, _("📝 这条记录记在哪个客户名下?\n{text}", text=clip(text, 200))
    )


@member_turn
async def drafts_command(turn: Turn) -> None:
    await _list(turn, 0, edit=False)


async def _page(turn: Turn, found: re.Match[str]) -> None:
    offset = callback_id(found.group(1))
    if offset is None:
        _gone(turn)
        return
    await _list(turn, offset, edit=True)


async def _kept(turn: Turn, found: re.Match[str]) -> Draft | None:
    draft_id = callback_id(found.group(1))
    draft = (
        await kept_draft(turn.session, turn.member.id, draft_id) if draft_id is not None else None
    )
    if draft is None:
        _gone(turn)
    return draft


async def _continue_button(turn: Turn, found: re.Match[str]) -> None:
    draft = await _kept(turn, found)
    if draft is not None:
        turn.answer()
        await _continue(turn, draft)


async def _delete_button(turn: Turn, found: re.Match[str]) -> None:
    draft = await _kept(turn, found)
    if draft is None:
        return
    offset = callback_id(found.group(2)) or 0
    await turn.session.delete(draft)
    await turn.session.flush()
    turn.answer(turn._("🗑 已删除这条草稿。"))
    await _list(turn, offset, edit=True)


def _gone(turn: Turn) -> None:
    turn.answer(turn._("这条草稿已经用过或删除了。"), alert=True)


ROUTES = (
    (callbacks.DRAFTS_PAGE, _page),
    (callbacks.DRAFT_CONTINUE, _continue_button),
    (callbacks.DRAFT_DELETE, _delete_button),
)


@member_turn
async def drafts_button(turn: Turn) -> None:
    await follow(turn, ROUTES, otherwise=_gone)


def draft_handlers() -> list[object]:
    return [
        CommandHandler(commands.DRAFTS.name, drafts_command),
        CallbackQueryHandler(drafts_button, pattern=callbacks.DRAFTS_PATTERN),
    ]
