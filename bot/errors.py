"""The error handler: log the failure without personal data, keep what the user typed, and
tell them in one line of their language."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ContextTypes

from handlers.kit.deps import deps
from locales import language_from_telegram, translator
from storage.models import Draft
from storage.teams import member_by_telegram_id

log = logging.getLogger("salesbot.errors")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    if update is None and context.job is not None:  # a scheduled job, not a user's update
        log.error("job %r failed", context.job.name, exc_info=context.error)
        return
    kind = type(update).__name__
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s (%s) failed", update_id, kind, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_user is None:
        return
    user = update.effective_user
    language = language_from_telegram(user.language_code)
    # Only what the user typed is kept: a button press carries the bot's own message, not input.
    message = update.message or update.edited_message
    typed = (message.text or message.caption) if message is not None else None
    kept = False
    try:
        async with deps(context).sessions() as session:
            member = await member_by_telegram_id(session, user.id)
            if member is not None:
                language = member.language
                if typed:
                    session.add(Draft(member_id=member.id, kind="failed_input", text=typed))
                    await session.commit()
                    kept = True
    except Exception:  # the database may be what failed; the user still gets an answer
        log.exception("could not keep the failed input")
    _ = translator(language)
    if kept:
        text = _(
            "抱歉,刚才出了点问题,你输入的内容已存为草稿,发 /drafts 可以找回。"
            "请稍后再试,或发 /cancel 重新开始。"
        )
    else:
        text = _("抱歉,刚才出了点问题,没有做任何更改。请稍后再试,或发 /cancel 重新开始。")
    chat = update.effective_chat
    if chat is None:
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(text, show_alert=True)
        else:
            await context.bot.send_message(chat.id, text)
    except Exception:
        log.exception("could not tell the user about the failure")
