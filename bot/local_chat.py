"""The local chat: talk to the real Application in a terminal, no Telegram needed.

Lines are read from standard input, so it can be scripted (`printf '/start\\n' | make run`).
Inline buttons are shown as numbered choices; typing the number presses the button.
`@名字 文本` speaks as another user (to try joining a team without a second phone);
`/location 纬度 经度` shares a position and `/file 路径` sends a file, as Telegram's 📎 would.
A line of three double quotes opens a message of several lines, the next such line sends it: a
pasted WeChat chat or business card arrives as one message, as it would on Telegram.
The chat's messages are kept in data/local_chat.json, so the numbers still press the same
buttons after a restart; files the bot sends are saved in data/downloads.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import mimetypes
import re
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

DATA = Path("data")
DOWNLOADS = DATA / "downloads"
SAVED_CHATS = DATA / "local_chat.json"
KEEP_MESSAGES = 200  # per chat, for edits of older messages after a restart
PHOTOS = (".jpg", ".jpeg", ".png")  # sent as Telegram sends a photo (a business card is read)
LOCATION_USAGE = "⚠️ 用法:/location 纬度 经度,例如 /location 31.23 121.47"
# Magic bytes → the extension of a file the bot sent without a name (a chart is bare PNG bytes).
SNIFFED = ((b"\x89PNG", ".png"), (b"\xff\xd8", ".jpg"), (b"%PDF", ".pdf"), (b"PK", ".zip"))
MULTILINE = '"""'  # a line of its own around a message of several lines
UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def user_id_for(name: str) -> int:
    """A stable id per name, so the same local user finds their data next time."""
    return 10_000 + zlib.crc32(name.encode()) % 1_000_000


def download_name(upload: UploadedFile, caption: str) -> str:
    """The file's own name, or for bare bytes (PTB names them after their type, e.g.
    application.octet-stream) the caption with an extension read from the content."""
    name = UNSAFE_IN_NAME.sub("", Path(upload.filename).name).lstrip(".")
    bare = upload.filename == (upload.mimetype or "").replace("/", ".")
    if name and not bare and Path(name).suffix:
        return name
    stem = UNSAFE_IN_NAME.sub("", caption.split("\n", 1)[0])[:40] or "文件"
    suffix = next((ext for magic, ext in SNIFFED if upload.content.startswith(magic)), ".bin")
    return stem + suffix


def unused_path(folder: Path, name: str) -> Path:
    """`name` in `folder`, or name-2, name-3 … when taken: a second chart keeps the first."""
    path, n = folder / name, 2
    while path.exists():
        path = folder / f"{Path(name).stem}-{n}{Path(name).suffix}"
        n += 1
    return path


@dataclass
class Printer:
    """Shows the bot's calls as a transcript and numbers the buttons of the newest message
    that got some; the numbers are read from that message as the chat holds it now."""

    out: TextIO
    api: LocalBotApi
    choices: dict[int, int] = field(default_factory=dict)  # chat → message with numbered buttons

    def write(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def buttons(self, chat: int) -> list[tuple[int, str]]:
        """(message id, callback data) of each numbered choice in `chat`."""
        message_id = self.choices.get(chat, 0)
        message = self.api.message(chat, message_id)
        if message is None:
            return []
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        return [(message_id, str(b.get("callback_data", ""))) for row in rows for b in row]

    def on_call(self, call: ApiCall) -> None:
        if call.method == "sendMessage":
            self._message(call, "🤖 ")
        elif call.method == "editMessageText":
            self._message(call, "🤖 (更新) ")
        elif call.method == "editMessageReplyMarkup":
            gone = "" if call.inline_buttons else " 按钮已收起"
            self.write(f"🤖 (按钮更新){gone} {self._target(call)}".rstrip())
            self._numbered(call)
        elif call.method == "answerCallbackQuery" and call.params.get("text"):
            self.write(f"🤖 💬 {call.params['text']}")
        elif call.method in ("sendDocument", "sendPhoto"):
            self._upload(call)

    def _target(self, call: ApiCall) -> str:
        chat = call.chat_id
        return "" if chat is None or chat == self._speaker_chat else f"[→ {chat}] "

    def _message(self, call: ApiCall, prefix: str) -> None:
        self.write(prefix + self._target(call) + call.text.replace("\n", "\n   "))
        self._numbered(call)
        keyboard = call.reply_keyboard
        if keyboard:
            self.write("   ⌨ " + " | ".join(keyboard))

    def _upload(self, call: ApiCall) -> None:
        uploads = [value for value in call.params.values() if isinstance(value, UploadedFile)]
        for upload in uploads:
            DOWNLOADS.mkdir(parents=True, exist_ok=True)
            path = unused_path(DOWNLOADS, download_name(upload, call.text))
            path.write_bytes(upload.content)
            self.write(f"🤖 {self._target(call)}📎 {path.name} → {path}")
        if not uploads:  # a photo sent again by its file_id (the card the rep sent)
            self.write(f"🤖 {self._target(call)}🖼 (图片)")
        if call.text:
            self.write("   " + call.text.replace("\n", "\n   "))
        self._numbered(call)

    def _numbered(self, call: ApiCall) -> None:
        buttons, chat = call.inline_buttons, call.chat_id
        if buttons and chat is not None and isinstance(call.result, dict):
            self.choices[chat] = int(call.result["message_id"])
            self.write("   " + "  ".join(f"[{i}] {b['text']}" for i, b in enumerate(buttons, 1)))

    _speaker_chat: int | None = None


def load_chats(printer: Printer, database_url: str) -> None:
    """Pick up the chats of the last run on the same database (a missing or unreadable file
    only means a fresh start: the numbers then refer to what is shown from now on)."""
    try:
        saved = json.loads(SAVED_CHATS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(saved, dict) or saved.get("database") != _fingerprint(database_url):
        return
    printer.api.restore(saved["api"])
    printer.choices = {int(chat): int(message) for chat, message in saved["choices"].items()}


def _fingerprint(database_url: str) -> str:
    """Which database the saved chats belong to, without writing its URL (and password)."""
    return hashlib.sha256(database_url.encode()).hexdigest()[:16]


def save_chats(printer: Printer, database_url: str) -> None:
    state = {
        "database": _fingerprint(database_url),
        "api": printer.api.saved_state(KEEP_MESSAGES, printer.choices),
        "choices": {str(chat): message for chat, message in printer.choices.items()},
    }
    DATA.mkdir(parents=True, exist_ok=True)
    partial = SAVED_CHATS.with_suffix(".tmp")
    partial.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    partial.replace(SAVED_CHATS)  # whole or not at all, even if the terminal is killed


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
    load_chats(printer, settings.database_url)
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
    if interactive:
        printer.write(
            "输入数字按按钮;/location 纬度 经度 发位置;/file 路径 发文件;@名字 文本 换人说话;"
            '一行 """ 开始、再一行 """ 结束,中间几行作为一条消息发出(粘贴聊天记录、名片)。'
        )
    loop = asyncio.get_running_loop()
    try:
        while True:
            if interactive:
                stdout.write("> ")
                stdout.flush()
            line = await loop.run_in_executor(None, stdin.readline)
            if not line:
                break
            if line.strip() == MULTILINE:
                block: list[str] = []
                while True:
                    more = await loop.run_in_executor(None, stdin.readline)
                    if not more or more.strip() == MULTILINE:
                        break
                    block.append(more.rstrip("\n"))
                line = "\n".join(block)
            await _handle_line(line.strip(), name, client_for, printer, interactive)
            save_chats(printer, settings.database_url)
    finally:
        await application.stop()
        await application.shutdown()
        # a push that came after the last line typed is the message the numbers press next time
        save_chats(printer, settings.database_url)


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
    command, _space, rest = line.partition(" ")
    choices = printer.buttons(client.chat_id)
    choice = number(line, 0)  # "²" is text to send, not a choice
    if 1 <= choice <= len(choices):
        message_id, data = choices[choice - 1]
        await client.press_data(data, printer.api.message(client.chat_id, message_id))
    elif line.isascii() and line.isdigit() and len(line) <= 2:
        # On Telegram a button is tapped; here its number is typed: a number with no button
        # is a slip, not a note to keep.
        count = len(choices)
        shown = (
            f"现在可以按 1–{count}" if count > 1 else "现在只能按 1" if count else "现在没有按钮"
        )
        printer.write(f"⚠️ 没有编号 {line} 的按钮:数字是按钮的编号,{shown}。")
    elif command == "/location":
        point = _point(rest)
        if point is None:
            printer.write(LOCATION_USAGE)
            return
        await client.share_location(*point)
    elif command == "/file":
        await _send_file(client, printer, rest.strip().strip("'\""))
    else:
        await client.send(line)


def _point(text: str) -> tuple[float, float] | None:
    """Latitude and longitude from "31.23 121.47" (or "31.23,121.47")."""
    parts = text.replace(",", " ").replace(",", " ").split()
    try:
        lat, lon = (float(part) for part in parts)
    except ValueError:  # not two numbers
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None


async def _send_file(client: LocalClient, printer: Printer, typed: str) -> None:
    """An image goes as a photo (as a phone sends a snapshot), anything else as a document."""
    path = Path(typed).expanduser()
    if not typed or not path.is_file():
        printer.write(f"⚠️ 找不到文件 {typed},请给出文件的路径,例如 /file ~/名片.jpg")
        return
    content = path.read_bytes()
    if path.suffix.lower() in PHOTOS:
        await client.send_photo(content)
        return
    mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    await client.send_document(path.name, content, mime_type)


def run(settings: Settings, *, name: str, language_code: str) -> None:
    asyncio.run(run_local_chat(settings, name=name, language_code=language_code))


def application_for_tests(settings: Settings, api: LocalBotApi, engine: Any) -> AnyApplication:
    return build_application(settings, token=LOCAL_TOKEN, request=api, engine=engine)
