"""A new customer's archive in the manager's daily review: ✅ 已审核 or 💬 意见 (which reaches
the rep who created it). Their callback data and patterns are storage/push_buttons.py's (the
review message is scheduler/'s)."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler

from handlers.kit.callback_data import callback_id
from handlers.kit.turn import Turn, member_turn
from handlers.visits.awaited import ACTIONS, awaiting
from handlers.visits.minutes import drop_review_row
from locales import translator
from storage import push_buttons
from storage.minutes import ArchiveReviews
from storage.models import Member


async def save_comment(turn: Turn, customer_id: int, text: str) -> None:
    _ = turn._
    customer = await ArchiveReviews(turn.session, turn.actor).comment(customer_id, text)
    if customer is None:
        turn.say(_("只有本团队的经理可以审核客户档案。"))
        return
    creator = await turn.session.get(Member, customer.created_by_id)
    if (
        creator is not None
        and creator.active
        and creator.id != turn.member.id
        and creator.team_id == turn.member.team_id  # one who left hears nothing of the team
    ):
        their = translator(creator.language)
        turn.tell(
            creator,
            their(
                "💬 {manager}对客户「{customer}」档案的意见:\n{text}",
                manager=turn.member.name,
                customer=customer.name,
                text=text,
            ),
        )
    turn.say(_("✅ 意见已记下,并已转给{member}。", member=creator.name if creator else ""))


@member_turn
async def archive_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    data = (query.data if query else None) or ""
    approve, comment = push_buttons.ARCHIVE_OK.match(data), push_buttons.ARCHIVE_NOTE.match(data)
    found = approve or comment
    customer_id = callback_id(found.group(1)) if found else None
    if customer_id is None:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    reviews = ArchiveReviews(turn.session, turn.actor)
    buttons = {push_buttons.archive_ok(customer_id), push_buttons.archive_note(customer_id)}
    if approve:
        if await reviews.approve(customer_id) is None:
            turn.answer(_("只有本团队的经理可以审核客户档案。"), alert=True)
            return
        turn.answer(_("✅ 已审核"))
        drop_review_row(turn, buttons)
        return
    if not turn.member.is_manager or await reviews.approve_target(customer_id) is None:
        turn.answer(_("只有本团队的经理可以审核客户档案。"), alert=True)
        return
    awaiting(turn, "archive_note", customer_id)
    turn.answer()
    drop_review_row(turn, buttons)
    turn.say(_("请发来对这个客户档案的意见,会转给建档的同事。(/cancel 放弃)"))


ACTIONS["archive_note"] = save_comment


def archive_handlers() -> list[object]:
    return [CallbackQueryHandler(archive_button, pattern=push_buttons.ARCHIVE_PATTERN)]
