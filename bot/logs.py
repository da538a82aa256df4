"""Logging that never carries a phone number, a WeChat id, a birthday or what a user typed.

Handlers do not log personal data on purpose; this filter is the second line of defence for
what libraries put into messages and tracebacks. What each level contains is in README.md
("Logs").

- A Telegram object handed to a log line (PTB's "Processing update %s" at DEBUG, "Dropping
  pending update", an error report) is written as its kind and ids only: never its text.
- The masks hide phone-shaped digit runs, dates, lunar dates and WeChat ids. Timestamps (a
  date with a time of day, or a bare 20:42:19) and labelled ids ("update 123456789",
  "job 'planner'", "member 42", "push 17", "user_id=…") are read first and kept as they are:
  a library's "next run at 2026-12-01 20:42:19" stays readable.
"""

from __future__ import annotations

import logging
import re
from typing import Any, TextIO

from telegram import TelegramObject, Update

_MASKS = [
    # 7+ digits, maybe with spaces/dashes: phones, ids.
    (re.compile(r"(?<!\d)\+?\d[\d\- ]{5,}\d(?!\d)"), "[数字已隐藏]"),
    # Dates: 1985-03-05, 1985/3/5, 3月5日, 农历三月初八.
    (re.compile(r"\b\d{2,4}[-/.]\d{1,2}[-/.]\d{1,2}\b"), "[日期已隐藏]"),
    (re.compile(r"\d{1,2}月\d{1,2}[日号]"), "[日期已隐藏]"),
    (re.compile(r"[农農阴陰]历\S{2,6}"), "[日期已隐藏]"),
    (
        re.compile(r"(?i)(wechat|微信|wxid)[^\s,,]*[:: ]?\s*[A-Za-z][-_A-Za-z0-9]{5,19}"),
        r"\1 [已隐藏]",
    ),
]


# At INFO SQLAlchemy writes every statement (its echo) and the pool every reconnect: several
# lines per query, each through the scrubber. Only their warnings and errors are wanted.
DATABASE_LOGGERS = ("aiosqlite", "asyncpg", "sqlalchemy.engine", "sqlalchemy.pool")
PAYLOAD_LOGGERS = (
    *DATABASE_LOGGERS,
    "httpcore",
    "telegram.Bot",
    "telegram.ext.ExtBot",
    "telegram.request",
    "telegram.ext.Updater",
)


# Spans kept as they are: timestamps (a date *with* a time of day, or a time alone) and ids
# that a word names. A birthday has no time of day; a phone number has no label of that kind.
_KEPT = re.compile(
    r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
    r"|(?<![\d:])\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?![\d:])"
    r"|(?i:\b(?:update|update_id|job|member|member_id|push|chat|chat_id|user|user_id|draft|application"
    r"|customer|contact|message_id|worker|pid|port)\b[ =:#]*)"
    r"(?![+(]?(?:86)?[ -]?1[3-9]\d)'?[-\w:.]*\d[-\w:.]*'?"  # never a mobile number
)
_HOLD = "\x00{}\x00"


def scrub(text: str) -> str:
    kept: list[str] = []

    def hold(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return _HOLD.format(len(kept) - 1)

    text = _KEPT.sub(hold, text.replace("\x00", ""))
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)


def summary(value: object) -> object:
    """A Telegram object as its kind and ids; anything else as it is."""
    if isinstance(value, Update):
        kinds = [name for name in Update.ALL_TYPES if getattr(value, name, None) is not None]
        user = value.effective_user.id if value.effective_user else None
        return f"Update(update_id={value.update_id}, {'/'.join(kinds) or 'empty'}, user {user})"
    if isinstance(value, TelegramObject):
        return f"{type(value).__name__}(…)"
    return value


def _summarised(args: Any) -> Any:
    if isinstance(args, tuple):
        return tuple(summary(a) for a in args)
    if isinstance(args, dict):
        return {k: summary(v) for k, v in args.items()}
    return summary(args)


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = summary(record.msg)
        if record.args:
            record.args = _summarised(record.args)
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg = scrub(message)
        record.args = None
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


def setup_logging(level: int, stream: TextIO | None = None) -> None:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # These log whole requests, SQL parameters or Bot API payloads at DEBUG (customer data,
    # and the bot token in URLs): never below INFO, whatever LOG_LEVEL says.
    for name in PAYLOAD_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.INFO))
    for name in DATABASE_LOGGERS:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # APScheduler writes two lines per job run at INFO ("Running job …", "… executed
    # successfully"): ~86,000 a day for an idle bot. Its warnings (a missed run) remain.
    logging.getLogger("apscheduler").setLevel(max(level, logging.WARNING))
    # tornado: a refused stranger or a malformed request is not news (the webhook logs
    # what matters itself).
    logging.getLogger("tornado.access").setLevel(max(level, logging.ERROR))
    logging.getLogger("tornado.general").setLevel(max(level, logging.WARNING))
