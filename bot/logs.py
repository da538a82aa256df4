"""Logging that never carries a phone number, a WeChat id or a birthday.

Handlers do not log personal data on purpose; this filter is the second line of defence for
what libraries put into messages and tracebacks.
"""

from __future__ import annotations

import logging
import re
from typing import TextIO

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


def scrub(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


class PersonalDataFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
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
