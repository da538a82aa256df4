"""The in-process Bot API answers like Telegram: messages, edits, files, errors, faults."""

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, RetryAfter

from bot.local_api import LOCAL_TOKEN, ApiCall, LocalBotApi, Reply, UploadedFile
from tests.conftest import BotHarness


@pytest.fixture
async def bot_and_api() -> tuple[Bot, LocalBotApi]:
    api = LocalBotApi()
    bot = Bot(LOCAL_TOKEN, request=api, get_updates_request=api)
    await bot.initialize()
    return bot, api


async def test_messages_are_stored_and_edited(bot_and_api: tuple[Bot, LocalBotApi]) -> None:
    bot, api = bot_and_api
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("保存", callback_data="s:1")]])
    sent = await bot.send_message(42, "确认保存吗?", reply_markup=keyboard)
    assert sent.message_id == 1 and sent.text == "确认保存吗?"
    await bot.edit_message_text("已保存", chat_id=42, message_id=sent.message_id)
    assert api.chats[42][1]["text"] == "已保存"
    assert "reply_markup" not in api.chats[42][1]
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("已保存", chat_id=42, message_id=1)
    with pytest.raises(BadRequest, match="not found"):
        await bot.edit_message_text("x", chat_id=42, message_id=99)


async def test_documents_are_recorded_with_their_bytes(
    bot_and_api: tuple[Bot, LocalBotApi],
) -> None:
    bot, api = bot_and_api
    await bot.send_document(42, b"a,b\n1,2\n", filename="客户.csv", caption="导出")
    call = api.calls[-1]
    upload = call.params["document"]
    assert isinstance(upload, UploadedFile)
    assert (upload.filename, upload.content, call.text) == ("客户.csv", b"a,b\n1,2\n", "导出")


async def test_faults_surface_as_telegram_errors(bot_and_api: tuple[Bot, LocalBotApi]) -> None:
    bot, api = bot_and_api
    api.fault_hook = lambda method, params: (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests",
            "parameters": {"retry_after": 3},
        },
    )
    with pytest.raises(RetryAfter):
        await bot.send_message(42, "hi")
    api.fault_hook = lambda method, params: (
        403,
        {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"},
    )
    with pytest.raises(Forbidden):
        await bot.send_message(42, "hi")


async def test_a_user_can_share_a_location_and_send_a_document(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    located = await wang.share_location(31.23, 121.47)
    assert located.text.startswith("📍 收到位置。还没有客户档案")
    sent = await wang.send_document("报价.pdf", b"%PDF-1.4", "application/pdf")
    assert sent.text == "我能导入 .xlsx、.csv 或 .vcf 格式的客户名单;其他文件暂时看不懂。"
    file = await bot.application.bot.get_file(next(iter(bot.api.files)))
    assert bytes(await file.download_as_bytearray()) == b"%PDF-1.4"
    # An image sent as a file is a business card photo (tests/flows/test_cards.py).
    image = await wang.send_document("名片.jpg", b"\xff\xd8", "image/jpeg")
    assert image.text == "这个文件我打不开,它不像一张图片。请直接拍名片发给我。"


def test_a_reply_reads_the_senders_chat_unless_told_otherwise() -> None:
    calls = [
        ApiCall("sendMessage", {"chat_id": 1, "text": "for the sender"}),
        ApiCall("sendMessage", {"chat_id": 2, "text": "for a colleague"}),
        ApiCall("answerCallbackQuery", {"callback_query_id": "9", "text": "toast"}),
    ]
    reply = Reply(calls, chat_id=1)
    assert reply.text == "for the sender"
    assert reply.to(2).text == "for a colleague"
    assert reply.callback_answers == ["toast"]
    assert Reply(calls).text == "for the sender\nfor a colleague"
