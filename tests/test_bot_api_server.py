"""The bot talks to whatever Bot API server TELEGRAM_API_BASE_URL names, over real HTTP."""

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Update

from bot.app import build_application, start_in_process
from bot.local_api import LocalBotApi, LocalUser
from bot.settings import Settings
from tests.harness.http_api import HttpBotApi


async def test_start_and_reply_through_a_self_hosted_bot_api(engine: AsyncEngine) -> None:
    api = LocalBotApi(bot_username="team_sales_bot")
    server = HttpBotApi(api)
    server.start()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        telegram_bot_token="123456789:AAFakeTokenForTheLocalServer",
        telegram_api_base_url=server.base_url,
        telegram_api_file_url=f"http://127.0.0.1:{server.port}/file/bot",
    )
    application = build_application(settings, engine=engine)
    try:
        await start_in_process(application)
        assert application.bot.username == "team_sales_bot"
        user = LocalUser(id=42, first_name="王磊")
        message = {
            "message_id": 1,
            "date": 0,
            "chat": user.private_chat(),
            "from": user.as_json(),
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        }
        await application.process_update(
            Update.de_json({"update_id": 1, "message": message}, application.bot)
        )
    finally:
        await application.shutdown()
        await server.stop()
    methods = [call.method for call in api.calls]
    assert methods[:1] == ["getMe"] and "setMyCommands" in methods
    greeting = next(call for call in api.calls if call.method == "sendMessage")
    assert str(greeting.params["chat_id"]) == "42"
    assert greeting.text.startswith("你好,王磊!我是销售助手")
    assert greeting.params["reply_markup"]["keyboard"][0][0]["text"] == "📝 记一笔"
