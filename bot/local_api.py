"""An in-process Bot API server: a python-telegram-bot BaseRequest that answers like Telegram.

It serves two purposes with one implementation: the local chat (`make run` without a token)
and the flow tests. Every call the bot makes is recorded as an `ApiCall`; a validator (the
tests pass one built from the official Bot API description) can check each call. `LocalClient`
plays a Telegram user: it turns what the user does into Updates and feeds them to the real
Application.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import Application
from telegram.request import BaseRequest, RequestData

Json = dict[str, Any]
Validator = Callable[[str, dict[str, Any]], list[str]]
# A fault hook may answer a call instead of the server: (HTTP status, Bot API response body).
FaultHook = Callable[[str, dict[str, Any]], tuple[int, Json] | None]

LOCAL_TOKEN = "1000000000:local-chat-not-a-real-token"
BOT_ID = 1000000000


@dataclass(frozen=True)
class UploadedFile:
    """A file the bot uploaded (sendDocument, sendPhoto …)."""

    filename: str
    content: bytes
    mimetype: str | None


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]
    result: Any = None

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return (
            int(value)
            if isinstance(value, int | str) and str(value).lstrip("-").isdigit()
            else None
        )

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def inline_buttons(self) -> list[Json]:
        markup = self.params.get("reply_markup")
        if not isinstance(markup, dict):
            return []
        return [button for row in markup.get("inline_keyboard", []) for button in row]

    @property
    def reply_keyboard(self) -> list[str]:
        markup = self.params.get("reply_markup")
        if not isinstance(markup, dict):
            return []
        return [button["text"] for row in markup.get("keyboard", []) for button in row]


@dataclass
class LocalUser:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "zh-hans"

    def as_json(self) -> Json:
        data: Json = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data

    def private_chat(self) -> Json:
        return {"id": self.id, "type": "private", "first_name": self.first_name}


@dataclass
class _StoredFile:
    file_id: str
    content: bytes


class LocalBotApi(BaseRequest):
    """Answers Bot API methods in memory and records every call."""

    def __init__(
        self,
        *,
        bot_username: str = "salesbot_local_bot",
        validator: Validator | None = None,
    ) -> None:
        self.bot_user: Json = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "销售助手",
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.validator = validator
        self.fault_hook: FaultHook | None = None
        self.calls: list[ApiCall] = []
        self.violations: list[str] = []
        self.listeners: list[Callable[[ApiCall], None]] = []
        # Messages in each chat by id, in the order they were sent (for buttons and edits).
        self.chats: dict[int, dict[int, Json]] = {}
        self.commands: dict[str, list[Json]] = {}
        self.files: dict[str, _StoredFile] = {}
        self._last_message_ids: dict[int, int] = {}
        self._update_ids = itertools.count(1)
        self._last_file_id = 0
        self._pending_updates: asyncio.Queue[Json] | None = None

    # -- BaseRequest ----------------------------------------------------------------------

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if method == "GET":  # a file download through the file URL
            file_id = url.rsplit("/", 1)[-1]
            stored = self.files.get(file_id)
            return (200, stored.content) if stored else (404, b'{"ok":false}')
        api_method = url.rsplit("/", 1)[-1]
        status, body = await self.call(api_method, _decode(request_data))
        return status, json.dumps(body, ensure_ascii=False).encode()

    async def call(self, api_method: str, params: dict[str, Any]) -> tuple[int, Json]:
        """Answer one Bot API method: (HTTP status, response body). Also used over HTTP."""
        if self.validator is not None:
            self.violations.extend(
                f"{api_method}: {problem}" for problem in self.validator(api_method, params)
            )
        if self.fault_hook is not None:
            fault = self.fault_hook(api_method, params)
            if fault is not None:
                return fault
        handler = getattr(self, f"_api_{api_method.lower()}", None)
        result: Any = True
        if handler is not None:
            try:
                result = await handler(params)
            except _ApiError as exc:
                return exc.code, {
                    "ok": False,
                    "error_code": exc.code,
                    "description": exc.description,
                }
        call = ApiCall(api_method, params, result)
        self.calls.append(call)
        for listener in self.listeners:
            listener(call)
        return 200, {"ok": True, "result": result}

    # -- helpers for clients ----------------------------------------------------------------

    def next_update_id(self) -> int:
        return next(self._update_ids)

    def next_message_id(self, chat_id: int) -> int:
        self._last_message_ids[chat_id] = self._last_message_ids.get(chat_id, 0) + 1
        return self._last_message_ids[chat_id]

    def store_file(self, content: bytes) -> str:
        self._last_file_id += 1
        file_id = f"local-file-{self._last_file_id}"
        self.files[file_id] = _StoredFile(file_id, content)
        return file_id

    def saved_state(self, keep: int, also: dict[int, int]) -> Json:
        """The chats as JSON, for the local chat to pick up where it left off: the last `keep`
        messages of each chat (and the one `also` names there), and the id counters, so new
        messages don't reuse the ids of the kept ones. File contents are not kept."""
        chats: Json = {}
        for chat_id, messages in self.chats.items():
            ids = sorted(messages)[-keep:]
            if also.get(chat_id) in messages and also[chat_id] not in ids:
                ids.insert(0, also[chat_id])
            chats[str(chat_id)] = [messages[i] for i in ids]
        return {
            "chats": chats,
            "last_message_ids": {str(k): v for k, v in self._last_message_ids.items()},
            "last_file_id": self._last_file_id,
        }

    def restore(self, state: Json) -> None:
        """Take back what `saved_state` gave."""
        for chat_id, messages in state.get("chats", {}).items():
            self.chats[int(chat_id)] = {int(m["message_id"]): m for m in messages}
        for chat_id, last in state.get("last_message_ids", {}).items():
            self._last_message_ids[int(chat_id)] = int(last)
        self._last_file_id = int(state.get("last_file_id", 0))

    def _new_message(self, params: dict[str, Any], **content: Any) -> Json:
        chat_id = int(params["chat_id"])
        message: Json = {
            "message_id": self.next_message_id(chat_id),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "群"},
            "from": self.bot_user,
            **content,
        }
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self.chats.setdefault(chat_id, {})[message["message_id"]] = message
        return message

    def _stored(self, params: dict[str, Any]) -> Json:
        message = self.message(int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        if message is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        return message

    # -- the methods the bot uses -------------------------------------------------------------

    async def _api_getme(self, params: Json) -> Json:
        return self.bot_user

    async def _api_getupdates(self, params: Json) -> list[Json]:
        if self._pending_updates is None:
            self._pending_updates = asyncio.Queue()
        try:
            first = await asyncio.wait_for(
                self._pending_updates.get(), timeout=min(float(params.get("timeout", 0)), 1.0)
            )
        except TimeoutError:
            return []
        updates = [first]
        while not self._pending_updates.empty():
            updates.append(self._pending_updates.get_nowait())
        return updates

    def queue_update(self, update: Json) -> None:
        """Hand an update to a polling Application (the reliability suite uses polling)."""
        if self._pending_updates is None:
            self._pending_updates = asyncio.Queue()
        self._pending_updates.put_nowait(update)

    async def _api_sendmessage(self, params: Json) -> Json:
        return self._new_message(params, text=params.get("text", ""))

    async def _api_senddocument(self, params: Json) -> Json:
        upload = params.get("document")
        name = upload.filename if isinstance(upload, UploadedFile) else "file"
        content = upload.content if isinstance(upload, UploadedFile) else b""
        file_id = self.store_file(content)
        document = {"file_id": file_id, "file_unique_id": file_id, "file_name": name}
        return self._new_message(params, document=document, caption=params.get("caption"))

    async def _api_sendphoto(self, params: Json) -> Json:
        upload = params.get("photo")
        if isinstance(upload, str) and upload in self.files:
            file_id = upload  # a photo sent again by its file_id
        else:
            content = upload.content if isinstance(upload, UploadedFile) else b""
            file_id = self.store_file(content)
        size = {"file_id": file_id, "file_unique_id": file_id, "width": 800, "height": 600}
        return self._new_message(params, photo=[size], caption=params.get("caption"))

    async def _api_editmessagetext(self, params: Json) -> Json:
        message = self._stored(params)
        if message.get("text") == params.get("text") and message.get("reply_markup") == params.get(
            "reply_markup"
        ):
            raise _ApiError(400, "Bad Request: message is not modified")
        message["text"] = params.get("text", "")
        message.pop("reply_markup", None)
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        message["edit_date"] = int(time.time())
        return message

    async def _api_editmessagereplymarkup(self, params: Json) -> Json:
        message = self._stored(params)
        message.pop("reply_markup", None)
        if isinstance(params.get("reply_markup"), dict):
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _api_deletemessage(self, params: Json) -> bool:
        self.forget(int(params["chat_id"]), int(params["message_id"]))
        return True

    def forget(self, chat_id: int, message_id: int) -> None:
        """The message is gone from the chat (deleted by the bot, or by the user in the app)."""
        self.chats.get(chat_id, {}).pop(message_id, None)

    def message(self, chat_id: int, message_id: int) -> Json | None:
        return self.chats.get(chat_id, {}).get(message_id)

    def chat_messages(self, chat_id: int) -> list[Json]:
        return list(self.chats.get(chat_id, {}).values())

    async def _api_setmycommands(self, params: Json) -> bool:
        scope = params.get("scope") or {"type": "default"}
        key = f"{json.dumps(scope, sort_keys=True)}|{params.get('language_code', '')}"
        self.commands[key] = list(params.get("commands", []))
        return True

    async def _api_deletemycommands(self, params: Json) -> bool:
        scope = params.get("scope") or {"type": "default"}
        self.commands.pop(
            f"{json.dumps(scope, sort_keys=True)}|{params.get('language_code', '')}", None
        )
        return True

    async def _api_getfile(self, params: Json) -> Json:
        stored = self.files.get(str(params.get("file_id")))
        if stored is None:
            raise _ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_id,
            "file_size": len(stored.content),
            "file_path": stored.file_id,
        }


class _ApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


def _decode(request_data: RequestData | None) -> dict[str, Any]:
    """The call's parameters as Telegram would read them: JSON values decoded, files read."""
    if request_data is None:
        return {}
    params: dict[str, Any] = dict(request_data.parameters)
    if request_data.contains_files:
        for name, field_tuple in request_data.multipart_data.items():
            filename, content, mimetype = ((*field_tuple, None))[:3]
            if hasattr(content, "read"):
                content = content.read()
            params[name] = UploadedFile(str(filename), bytes(content), mimetype)
    return params


@dataclass
class Reply:
    """What the bot did in answer to one action of a user.

    `text`, `messages`, `buttons` and `documents` hold what went to the sender's chat only, so
    an assertion cannot pass on a message that went to a colleague; `to(client)` reads another
    chat's part of the same reply, and `calls` holds every call.
    """

    calls: list[ApiCall] = field(default_factory=list)
    chat_id: int | None = None  # the chat read; None reads every chat

    def to(self, who: LocalClient | int) -> Reply:
        """The same calls, read in `who`'s chat."""
        return Reply(self.calls, who if isinstance(who, int) else who.chat_id)

    @property
    def messages(self) -> list[ApiCall]:
        """Messages sent or edited (texts, documents, photos) in the chat read."""
        return [
            call
            for call in self.calls
            if call.method in ("sendMessage", "editMessageText", "sendDocument", "sendPhoto")
            and (self.chat_id is None or call.chat_id == self.chat_id)
        ]

    @property
    def text(self) -> str:
        return "\n".join(call.text for call in self.messages)

    @property
    def buttons(self) -> list[str]:
        return [button["text"] for call in self.messages for button in call.inline_buttons]

    @property
    def callback_answers(self) -> list[str]:
        return [
            str(call.params.get("text", ""))
            for call in self.calls
            if call.method == "answerCallbackQuery"
        ]

    @property
    def documents(self) -> list[UploadedFile]:
        return [
            value
            for call in self.messages
            if call.method in ("sendDocument", "sendPhoto")
            for value in call.params.values()
            if isinstance(value, UploadedFile)
        ]


class ButtonNotFound(LookupError):
    pass


class LocalClient:
    """One Telegram user talking to the Application through the local Bot API."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        api: LocalBotApi,
        user: LocalUser,
        chat: Json | None = None,
    ) -> None:
        self.application = application
        self.api = api
        self.user = user
        self.chat = chat or user.private_chat()

    @property
    def chat_id(self) -> int:
        return int(self.chat["id"])

    def _message(self, **content: Any) -> Json:
        return {
            "message_id": self.api.next_message_id(self.chat_id),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user.as_json(),
            **content,
        }

    async def _process(self, update: Json) -> Reply:
        first = len(self.api.calls)
        before = asyncio.all_tasks()
        await self.application.process_update(Update.de_json(update, self.application.bot))
        # Handlers registered with block=False run as tasks: their answer is this action's too.
        started = asyncio.all_tasks() - before - {asyncio.current_task()}
        # A started Application (the local chat) saves its persistence with
        # wait_for(event.wait()), a new task each round: housekeeping, not this action's answer
        # (gathering it would raise CancelledError here when its round ends).
        started = {t for t in started if getattr(t.get_coro(), "__qualname__", "") != "Event.wait"}
        if started:
            await asyncio.gather(*started)
        return Reply(self.api.calls[first:], self.chat_id)

    async def send(self, text: str) -> Reply:
        """Type a message (a command when it starts with /)."""
        content: Json = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        update = {"update_id": self.api.next_update_id(), "message": self._message(**content)}
        return await self._process(update)

    async def share_location(self, latitude: float, longitude: float) -> Reply:
        location = {"latitude": latitude, "longitude": longitude}
        update = {
            "update_id": self.api.next_update_id(),
            "message": self._message(location=location),
        }
        return await self._process(update)

    async def send_document(
        self, filename: str, content: bytes, mime_type: str = "application/octet-stream"
    ) -> Reply:
        file_id = self.api.store_file(content)
        document = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_name": filename,
            "mime_type": mime_type,
            "file_size": len(content),
        }
        update = {
            "update_id": self.api.next_update_id(),
            "message": self._message(document=document),
        }
        return await self._process(update)

    async def send_photo(
        self, content: bytes, caption: str | None = None, *, as_file: str | None = None
    ) -> Reply:
        """Send a photo as Telegram delivers one (its sizes, the biggest last), or with
        ``as_file`` as an image document (sent uncompressed, with that file name)."""
        file_id = self.api.store_file(content)
        width, height = _image_size(content)
        if as_file is not None:
            media: Json = {
                "document": {
                    "file_id": file_id,
                    "file_unique_id": file_id,
                    "file_name": as_file,
                    "mime_type": "image/png" if as_file.endswith(".png") else "image/jpeg",
                    "file_size": len(content),
                }
            }
        else:
            thumb_id = self.api.store_file(content[:1024])
            scale = 90 / max(width, height, 1)
            media = {
                "photo": [
                    {
                        "file_id": thumb_id,
                        "file_unique_id": thumb_id,
                        "width": max(1, int(width * scale)),
                        "height": max(1, int(height * scale)),
                        "file_size": 1024,
                    },
                    {
                        "file_id": file_id,
                        "file_unique_id": file_id,
                        "width": width,
                        "height": height,
                        "file_size": len(content),
                    },
                ]
            }
        if caption is not None:
            media["caption"] = caption
        update = {"update_id": self.api.next_update_id(), "message": self._message(**media)}
        return await self._process(update)

    def find_button(self, label: str) -> tuple[Json, Json]:
        """The newest message in this chat with an inline button labelled `label`.

        An exact label wins; otherwise a unique button whose label contains it (so tests may
        write 保存 for "✅ 保存").
        """
        for message in reversed(self.api.chat_messages(self.chat_id)):
            buttons = [
                b for row in message.get("reply_markup", {}).get("inline_keyboard", []) for b in row
            ]
            exact = [b for b in buttons if b["text"] == label]
            loose = [b for b in buttons if label in b["text"]]
            if exact or len(loose) == 1:
                return message, (exact or loose)[0]
            if len(loose) > 1:
                raise ButtonNotFound(
                    f"'{label}' matches several buttons: {[b['text'] for b in loose]}"
                )
        raise ButtonNotFound(f"no button '{label}' in chat {self.chat_id}")

    async def press(self, label: str) -> Reply:
        """Press an inline button by its label."""
        message, button = self.find_button(label)
        return await self.press_data(str(button["callback_data"]), message)

    async def press_data(self, data: str, message: Json | None = None) -> Reply:
        """Send callback data as if a button carried it (also how forged data is tested)."""
        if message is None:
            in_chat = self.api.chats.get(self.chat_id)
            message = next(reversed(in_chat.values())) if in_chat else self._message(text="…")
        query = {
            "id": str(self.api.next_update_id()),
            "from": self.user.as_json(),
            "chat_instance": str(self.chat_id),
            "message": message,
            "data": data,
        }
        return await self._process(
            {"update_id": self.api.next_update_id(), "callback_query": query}
        )


def _image_size(content: bytes) -> tuple[int, int]:
    """Width and height of a PNG or JPEG from its header (0, 0 when it is neither)."""
    if content[:8] == b"\x89PNG\r\n\x1a\n" and len(content) >= 24:
        return int.from_bytes(content[16:20], "big"), int.from_bytes(content[20:24], "big")
    i = 2
    while content[:2] == b"\xff\xd8" and i + 9 < len(content):
        marker, length = content[i + 1], int.from_bytes(content[i + 2 : i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            height = int.from_bytes(content[i + 5 : i + 7], "big")
            return int.from_bytes(content[i + 7 : i + 9], "big"), height
        i += 2 + length
    return 0, 0
