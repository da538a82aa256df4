"""A business card photo becomes a capture draft: read offline, confirmed like any note.

A photo (or an image sent as a file, or a screenshot of a WeChat 名片) is fetched, checked
(size, pixels, light), read by rapidocr on the OCR thread (handlers/capture/ocr.py) and
turned into fields by parsing/cards.py. The handler does not block PTB's update queue
(``block=False``) and the OCR does not block the event loop, so other members are answered
while a card is read. Only then is a member's turn opened (a session, the draft, the reply):
no database session waits on the OCR.

Nothing is saved from a photo that is not a card or cannot be read; the member is told why.
"""

from __future__ import annotations

import logging
import statistics

from telegram import Message, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from handlers.capture import callbacks
from handlers.capture.business_card import card_payload, prefill_match
from handlers.capture.ocr import MAX_BYTES, MAX_PIXELS, Problem, Reading, reader
from handlers.capture.reading import MAX_NOTE
from handlers.capture.show import show_capture
from handlers.kit.callback_data import callback_id
from handlers.kit.routes import pressed
from handlers.kit.turn import Ctx, Turn, member_turn
from parsing.cards import read_card
from parsing.notes import parse_note
from parsing.text import without_nul
from storage.contacts import ContactRepo
from storage.models import Draft

__all__ = ["photo_handlers"]

log = logging.getLogger(__name__)
BLURRED = 0.75  # median OCR confidence under which a photo that reads as no card is blurred


def _image_of(message: Message) -> tuple[str, int | None] | None:
    """(file id, size in bytes) of the biggest photo size, or of an image document."""
    if message.photo:
        biggest = message.photo[-1]
        return biggest.file_id, biggest.file_size
    if message.document is not None:
        return message.document.file_id, message.document.file_size
    return None


async def card_photo(update: Update, context: Ctx) -> None:
    message = update.effective_message
    if message is None or update.effective_user is None:
        return
    found = _image_of(message)
    if found is None:
        return
    file_id, size = found
    caption = without_nul(message.caption or "")[:MAX_NOTE]
    if size is not None and size > MAX_BYTES:
        await member_turn(_too_large)(update, context)
        return
    try:
        await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
        telegram_file = await context.bot.get_file(file_id)
        data = bytes(await telegram_file.download_as_bytearray())
    except TelegramError:
        log.warning("card photo: the file could not be fetched", exc_info=True)
        await member_turn(_not_fetched)(update, context)
        return
    try:
        reading = await reader().read(data)
    except Exception:  # the OCR library failing must not reach the member as a traceback
        log.exception("card photo: the OCR failed")
        reading = Reading(problem=Problem.NOT_IMAGE)

    async def answer(turn: Turn) -> None:
        await _answer(turn, reading, file_id, caption)

    await member_turn(answer)(update, context)


async def _too_large(turn: Turn) -> None:
    turn.say(_limits(turn))


async def _not_fetched(turn: Turn) -> None:
    turn.say(turn._("这张图片没能从 Telegram 取到,请再发一次。"))


def _limits(turn: Turn) -> str:
    return turn._(
        "这张图片太大了:我只读不超过 {mb} MB、{mp} 万像素的图片。直接拍照发给我就行,不用以文件形式发送。",
        mb=MAX_BYTES // (1024 * 1024),
        mp=MAX_PIXELS // 10_000,
    )


async def _answer(turn: Turn, reading: Reading, file_id: str, caption: str) -> None:
    _ = turn._
    if reading.problem is Problem.TOO_LARGE:
        turn.say(_limits(turn))
        return
    if reading.problem is Problem.NOT_IMAGE:
        turn.say(_("这个文件我打不开,它不像一张图片。请直接拍名片发给我。"))
        return
    if reading.problem is Problem.TOO_DARK:
        turn.say(_("照片太暗了,我看不清,什么都没有保存。请在亮一点的地方再拍一张。"))
        return
    card = read_card(reading.lines)
    if not card.is_card():
        scores = [line.score for line in reading.lines]
        if not scores:
            turn.say(
                _(
                    "这张图片上我没找到文字,看起来不是名片,什么都没有保存。"
                    "拍名片时让它占满画面、对好焦再发。"
                )
            )
        elif statistics.median(scores) < BLURRED:
            turn.say(_("照片有点模糊,我读不准,什么都没有保存。请拿稳、对好焦再拍一张。"))
        else:
            turn.say(
                _(
                    "这张图片看起来不是名片(没有找到姓名或公司和电话),什么都没有保存。"
                    "要记东西,直接发文字给我就行。"
                )
            )
        return
    note = parse_note(caption, turn.now()) if caption.strip() else None
    payload = card_payload(card, note, file_id)
    await prefill_match(ContactRepo(turn.session, turn.actor), payload)
    read = " / ".join(line.text for line in reading.lines)
    text = "\n".join(part for part in (caption, _("【名片】{text}", text=read)) if part)
    draft = Draft(member_id=turn.member.id, kind="capture", text=text[:MAX_NOTE], payload=payload)
    turn.session.add(draft)
    await turn.session.flush()
    await show_capture(turn, draft, edit=False)


@member_turn
async def card_button(turn: Turn) -> None:
    """📇 a contact's business card photo (callbacks.BUSINESS_CARD), sent again."""
    found = callbacks.BUSINESS_CARD.match(pressed(turn))
    contact_id = callback_id(found.group(1)) if found else None
    repo = ContactRepo(turn.session, turn.actor)
    contact = await repo.get(contact_id) if contact_id is not None else None
    if contact is None or not contact.card_file_id:
        turn.answer(turn._("找不到这张名片,或你没有权限查看。"), alert=True)
        return
    bot, chat_id, file_id = turn.context.bot, turn.member.chat_id, contact.card_file_id
    if turn.update.effective_chat is not None:
        chat_id = turn.update.effective_chat.id
    caption = turn._("📇 {name}的名片", name=contact.name)
    turn.later(lambda: bot.send_photo(chat_id, file_id, caption=caption))


def photo_handlers() -> list[object]:
    images = filters.PHOTO | filters.Document.IMAGE
    return [
        # block=False: the next updates (other members) are handled while a card is read.
        MessageHandler(filters.ChatType.PRIVATE & images, card_photo, block=False),
        CallbackQueryHandler(card_button, pattern=callbacks.BUSINESS_CARD_PATTERN),
    ]
