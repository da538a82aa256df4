"""One turn of a conversation: the acting member, a database session, and the replies.

Replies are queued and sent after the session commits, so the bot never confirms a change
that did not reach the database, and no write lock is held while talking to Telegram.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from handlers.kit.deps import deps
from handlers.kit.phones import region_of
from handlers.kit.render import MESSAGE_LIMIT, clip
from locales import Translator, language_from_telegram, translator
from parsing.text import without_nul
from storage.actor import Actor
from storage.engine import interactive
from storage.models import Member, Team
from storage.teams import member_by_telegram_id, register_member

Ctx = ContextTypes.DEFAULT_TYPE
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup
R = TypeVar("R")
Send = Callable[[], Awaitable[Any]]
# The id of a button press the member typed (取消 at a question: kit/questions.py presses its
# ❌): no Telegram query to answer, and its answer is said below, not edited in above.
TYPED_PRESS = "typed"


@dataclass(frozen=True)
class Shown:
    """A message with buttons a turn left in the chat (kit/questions.py reads the last)."""

    chat_id: int
    message_id: int
    markup: InlineKeyboardMarkup | None  # None: its buttons were taken away


async def unread(bot: Bot, method: str, **params: object) -> Any:
    """Call a Bot API method as PTB's own method for it does (`bot.send_message` …), without
    turning Telegram's answer into PTB objects: a turn keeps at most a sent message's ids
    (Turn._show reads them off the answer as it came), and making the message again, each of
    a card's buttons, was about 6% of the mix (bench/fullstack.py). `_post` is the one door
    of PTB's methods — the rate limiter, errors such as BadRequest; PTB is pinned
    (requirements.lock), and tests/test_unread_replies.py checks that the calls are the ones
    its methods make. Only the parameters given are sent: the Application sets no
    telegram.ext.Defaults, which these calls would not take. Returns Telegram's answer as it
    came (the message as a dict, or True)."""
    return await bot._post(
        method, {name: value for name, value in params.items() if value is not None}
    )


@dataclass
class Turn:
    update: Update
    context: Ctx
    session: AsyncSession
    member: Member
    _: Translator
    new_member: bool = False
    _outbox: list[Send] = field(default_factory=list)
    _answered: bool = False
    shown: list[Shown] = field(default_factory=list)  # in the order they reached the chat
    # The question the member's last answer asked (a capture card, 这条记录属于哪个客户?),
    # which this turn leaves unanswered (kit/pending.forget_question): a text may answer it.
    left: dict[str, Any] | None = None

    @property
    def actor(self) -> Actor:
        return Actor.of(self.member)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.member.timezone)

    @property
    def region(self) -> str:
        """Where the team is (its time zone's region): phones from there need no country code."""
        return region_of(self.member.timezone)

    def now(self) -> datetime:
        """The member's wall clock: dates they type and see are in their timezone."""
        return datetime.now(self.zone)

    def today(self) -> date:
        return self.now().date()

    def local(self, moment: datetime) -> datetime:
        """A stored (UTC) moment on the member's wall clock."""
        return moment.astimezone(self.zone)

    async def team(self) -> Team:
        return await self.session.get_one(Team, self.member.team_id)

    @property
    def typed_press(self) -> bool:
        """This turn is a button pressed by typing (取消 at its question), not by a tap."""
        query = self.update.callback_query
        return query is not None and query.id == TYPED_PRESS

    def _show(self, message: Any, markup: Markup | None) -> None:
        inline = markup if isinstance(markup, InlineKeyboardMarkup) else None
        if isinstance(message, Message):
            self.shown.append(Shown(message.chat.id, message.message_id, inline))
        elif isinstance(message, dict):  # Telegram's answer left unread (`unread`)
            self.shown.append(Shown(message["chat"]["id"], message["message_id"], inline))

    def switch_language(self, language: str) -> None:
        self.member.language = language
        self._ = translator(language)

    def say(self, text: str, markup: Markup | None = None) -> None:
        """Send a new message to the member's chat after the commit."""
        text = clip(text, MESSAGE_LIMIT)  # a longer one would not be sent at all
        chat_id = self.member.chat_id
        if self.update.effective_chat is not None:
            chat_id = self.update.effective_chat.id
        bot = self.context.bot

        async def send() -> None:
            sent = await unread(bot, "sendMessage", chat_id=chat_id, text=text, reply_markup=markup)
            if isinstance(markup, InlineKeyboardMarkup):
                self._show(sent, markup)

        self._outbox.append(send)

    def edit(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        """Replace the message whose button was pressed (or say it anew if there is none).
        A press typed (取消) is answered below the question, whose buttons go."""
        query = self.update.callback_query
        if query is None or query.message is None or self.typed_press:
            if self.typed_press:
                self.edit_markup(None)
            self.say(text, markup)  # which clips it
            return
        text = clip(text, MESSAGE_LIMIT)

        bot, message, chat_id = self.context.bot, query.message, query.message.chat.id

        async def edit() -> None:
            try:
                if isinstance(message, Message) and not query.inline_message_id:
                    # query.edit_message_text(text, reply_markup=markup), its answer unread
                    await unread(
                        bot,
                        "editMessageText",
                        chat_id=chat_id,
                        message_id=message.message_id,
                        text=text,
                        reply_markup=markup,
                        business_connection_id=message.business_connection_id,
                    )
                else:
                    await query.edit_message_text(text, reply_markup=markup)
            except BadRequest as exc:
                reason = str(exc).lower()
                if "not modified" in reason:
                    self._show(query.message, markup)  # the same question, still asked
                    return  # the same text again: nothing to change
                if "not found" in reason or "can't be edited" in reason:
                    # The message is gone (deleted, or too old to edit): say it anew.
                    anew = await unread(
                        bot, "sendMessage", chat_id=chat_id, text=text, reply_markup=markup
                    )
                    self._show(anew, markup)
                    return
                raise
            self._show(query.message, markup)

        self._outbox.append(edit)

    def edit_markup(self, markup: InlineKeyboardMarkup | None) -> None:
        """Change only the buttons of the pressed message; a vanished or unchanged message is
        not an error (the text the buttons acted on is still in the chat)."""
        query = self.update.callback_query
        if query is None or query.message is None:
            return

        bot, message = self.context.bot, query.message

        async def edit() -> None:
            try:
                if isinstance(message, Message) and not query.inline_message_id:
                    # query.edit_message_reply_markup(reply_markup=markup), its answer unread
                    await unread(
                        bot,
                        "editMessageReplyMarkup",
                        chat_id=message.chat.id,
                        message_id=message.message_id,
                        reply_markup=markup,
                        business_connection_id=message.business_connection_id,
                    )
                else:
                    await query.edit_message_reply_markup(reply_markup=markup)
            except BadRequest as exc:
                reason = str(exc).lower()
                if not (
                    "not modified" in reason or "not found" in reason or "can't be edited" in reason
                ):
                    raise
            self._show(query.message, markup)

        self._outbox.append(edit)

    def answer(self, text: str | None = None, alert: bool = False) -> None:
        """Answer the pressed button (a short toast, or an alert the member must close)."""
        query = self.update.callback_query
        if query is None or self._answered:
            return
        self._answered = True
        if self.typed_press:  # no toast for a typed press: its words are said
            if text:
                self.say(text)
            return
        self._outbox.insert(0, lambda: query.answer(text, show_alert=alert))

    def later(self, send: Send) -> None:
        """Run `send` after the commit, in order with the replies."""
        self._outbox.append(send)

    def tell(self, member: Member, text: str) -> None:
        """Message another member (a manager told of a join, a member told of a removal)."""
        bot, text = self.context.bot, clip(text, MESSAGE_LIMIT)
        self._outbox.append(lambda: unread(bot, "sendMessage", chat_id=member.chat_id, text=text))

    async def flush(self) -> None:
        if self.update.callback_query is not None and not self._answered and not self.typed_press:
            self.answer()
        outbox, self._outbox = self._outbox, []
        for send in outbox:
            await send()


async def resolve_member(
    session: AsyncSession, update: Update, context: Ctx
) -> tuple[Member, bool]:
    """The member behind the update, registering a first-time user in a personal team."""
    user = update.effective_user
    assert user is not None
    member = await member_by_telegram_id(session, user.id)
    hint = language_from_telegram(user.language_code) if user.language_code else None
    chat = update.effective_chat
    if member is None:
        settings = deps(context)
        member = await register_member(
            session,
            telegram_user_id=user.id,
            chat_id=chat.id if chat and chat.type == "private" else user.id,
            name=user.full_name,
            username=user.username,
            language=hint or settings.default_language,
            timezone=settings.default_timezone,
        )
        return member, True
    if hint and not member.language_chosen and member.language != hint:
        member.language = hint
    if chat is not None and chat.type == "private" and member.chat_id != chat.id:
        member.chat_id = chat.id
    if not member.active:
        # A member who writes again after blocking the bot has unblocked it.
        member.active = True
    return member, False


_BEFORE: list[Callable[[Turn], Awaitable[None]]] = []
_AFTER: list[Callable[[Turn], None]] = []


def before_every_turn(hook: Callable[[Turn], Awaitable[None]]) -> None:
    """Run `hook` at the start of every member turn (kit/pending.py ends a mode with it)."""
    if hook not in _BEFORE:
        _BEFORE.append(hook)


def after_every_turn(hook: Callable[[Turn], None]) -> None:
    """Run `hook` once a turn's replies are in the chat (kit/questions.py notes the question
    they ask)."""
    if hook not in _AFTER:
        _AFTER.append(hook)


def member_turn(
    handler: Callable[[Turn], Awaitable[R]],
) -> Callable[[Update, Ctx], Coroutine[Any, Any, R | None]]:
    """Wrap `handler(turn)` as a PTB callback: session, member, commit, then replies."""

    @functools.wraps(handler)
    async def callback(update: Update, context: Ctx) -> R | None:
        if update.effective_user is None:
            return None
        # A member waits for this: short statements, run inline on SQLite (storage.engine).
        with interactive():
            async with deps(context).sessions() as session:
                member, new = await resolve_member(session, update, context)
                turn = Turn(update, context, session, member, translator(member.language), new)
                for hook in _BEFORE:
                    await hook(turn)
                result = await handler(turn)
                await session.commit()
        await turn.flush()
        for after in _AFTER:
            after(turn)
        return result

    return callback


def message_text(turn: Turn) -> str:
    message = turn.update.effective_message
    return without_nul(message.text or "") if message is not None else ""


def command_argument(turn: Turn) -> str:
    """The text after the command: /join abc → "abc"."""
    return without_nul(" ".join(turn.context.args or [])).strip()
