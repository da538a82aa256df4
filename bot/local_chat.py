"""The local chat: talk to the real Application in a terminal, no Telegram needed.

Lines are read from standard input, so it can be scripted (`printf '/start\\n' | make run`).
Inline buttons are shown as numbered choices; typing the number presses the button.
`@名字 文本` speaks as another user (to try joining a team without a second phone).
"""

from __future__ import annotations

import asyncio
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from bot.app import AnyApplication, build_application, start_in_process
from bot.local_api import LOCAL_TOKEN, ApiCall, LocalBotApi, LocalClient, LocalUser, UploadedFile
from bot.settings import Settings
from handlers.kit.keyboards import number
from storage.engine import create_engine
from storage.migrate import upgrade

DOWNLOADS = Path("data") / "downloads"


def user_id_for(name: str) -> int:
    """A stable id per name, so the same local user finds their data next time."""
    return 10_000 + zlib.crc32(name.encode()) % 1_000_000


@dataclass
class Printer:
    """Shows the bot's calls as a transcript and remembers the numbered choices."""

    out: TextIO
    api: LocalBotApi
    choices: dict[int, list[tuple[int, str]]] = field(default_factory=dict)

    def write(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def on_call(self, call: ApiCall) -> None:
        chat = call.chat_id
        if call.method == "sendMessage":
            self._message(chat, call, "🤖 ")
        elif call.method == "editMessageText":
            self._message(chat, call, "🤖 (更新) ")
        elif call.method == "answerCallbackQuery" and call.params.get("text"):
            self.write(f"🤖 💬 {call.params['text']}")
        elif call.method in ("sendDocument", "sendPhoto"):
            for value in call.params.values():
                if isinstance(value, UploadedFile):
                    DOWNLOADS.mkdir(parents=True, exist_ok=True)
                    path = DOWNLOADS / value.filename
                    path.write_bytes(value.content)
                    self.write(f"🤖 📎 {value.filename} → {path}")
            if call.text:
                self.write(f"   {call.text}")

    def _message(self, chat: int | None, call: ApiCall, prefix: str) -> None:
        target = "" if chat is None or chat == self._speaker_chat else f"[→ {chat}] "
        self.write(prefix + target + call.text.replace("\n", "\n   "))
        buttons = call.inline_buttons
        if buttons and chat is not None and isinstance(call.result, dict):
            message_id = int(call.result["message_id"])
            numbered = [(message_id, str(b.get("callback_data", ""))) for b in buttons]
            self.choices[chat] = numbered
            self.write("   " + "  ".join(f"[{i}] {b['text']}" for i, b in enumerate(buttons, 1)))
        keyboard = call.reply_keyboard
        if keyboard:
            self.write("   ⌨ " + " | ".join(keyboard))

    _speaker_chat: int | None = None


async def run_local_chat(
    settings: Settings,
    *,
    name: str = "本地用户",
    language_code: str = "zh-hans",
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> None:
    engine = create_engine(settings.database_url)
    await upgrade(engine)
    api = LocalBotApi()
    application = build_application(settings, token=LOCAL_TOKEN, request=api, engine=engine)
    await start_in_process(application)
    await application.start()
    printer = Printer(stdout, api)
    api.listeners.append(printer.on_call)
    clients: dict[str, LocalClient] = {}

    def client_for(speaker: str) -> LocalClient:
        if speaker not in clients:
            user = LocalUser(
                id=user_id_for(speaker), first_name=speaker, language_code=language_code
            )
            clients[speaker] = LocalClient(application, api, user)
        return clients[speaker]

    interactive = stdin.isatty()
    printer.write("销售助手 · 本地聊天(没有设置 TELEGRAM_BOT_TOKEN)。发 /start 开始,Ctrl-D 退出。")
    loop = asyncio.get_running_loop()
    try:
        while True:
            if interactive:
                stdout.write("> ")
                stdout.flush()
            line = await loop.run_in_executor(None, stdin.readline)
            if not line:
                break
            await _handle_line(line.strip(), name, client_for, printer, interactive)
    finally:
        await application.stop()
        await application.shutdown()


async def _handle_line(
    line: str,
    default_speaker: str,
    client_for: Any,
    printer: Printer,
    interactive: bool,
) -> None:
    if not line:
        return
    speaker = default_speaker
    if line.startswith("@") and " " in line:
        speaker, line = line[1:].split(" ", 1)
    client: LocalClient = client_for(speaker)
    printer._speaker_chat = client.chat_id
    if not interactive:
        printer.write(f"👤 {speaker}: {line}")
    choices = printer.choices.get(client.chat_id, [])
    choice = number(line, 0)  # "²" is text to send, not a choice
    if 1 <= choice <= len(choices):
        message_id, data = choices[choice - 1]
        await client.press_data(data, printer.api.message(client.chat_id, message_id))
    else:
        await client.send(line)


def run(settings: Settings, *, name: str, language_code: str) -> None:
    asyncio.run(run_local_chat(settings, name=name, language_code=language_code))


def application_for_tests(settings: Settings, api: LocalBotApi, engine: Any) -> AnyApplication:
    return build_application(settings, token=LOCAL_TOKEN, request=api, engine=engine)
