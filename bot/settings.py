"""Settings from the environment or a .env file.

A bad value must stop the start with one line that names the variable and says what is
expected, so `load_settings` turns pydantic's report into a `SettingsError` with that line.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from locales import SUPPORTED_LANGUAGES
from storage.engine import DEFAULT_DATABASE_URL as DEFAULT_DATABASE_URL

# What each variable expects, in the words the one-line error uses.
EXPECTED = {
    "TELEGRAM_BOT_TOKEN": "a token from @BotFather, like 123456:ABC-DEF…",
    "DATABASE_URL": "an SQLAlchemy async URL: sqlite+aiosqlite:///path or postgresql+asyncpg://…",
    "TELEGRAM_API_BASE_URL": "an http(s) URL ending in /bot, like https://api.telegram.org/bot",
    "TELEGRAM_API_FILE_URL": "an http(s) URL ending in /file/bot",
    "DEFAULT_TIMEZONE": "an IANA time zone such as Asia/Shanghai",
    "DEFAULT_LANGUAGE": "one of " + ", ".join(SUPPORTED_LANGUAGES),
    "LOG_LEVEL": "one of DEBUG, INFO, WARNING, ERROR",
    "WEBHOOK_SECRET": "1-256 characters of A-Z, a-z, 0-9, _ and -",
    "WEBHOOK_PORT": "a port number",
    "CONCURRENT_UPDATES": "a whole number from 1 to 1000",
    "RATE_LIMIT_BURST": "a whole number from 1 to 1000",
    "RATE_LIMIT_PER_MINUTE": "a whole number from 1 to 6000",
    "WEBHOOK_MAX_BODY_BYTES": "a number of bytes from 1024 to 52428800",
    "WEBHOOK_HEADER_TIMEOUT": "seconds, from 1 to 300",
    "WEBHOOK_BODY_TIMEOUT": "seconds, from 1 to 300",
    "WEBHOOK_MAX_CONNECTIONS": "a whole number from 8 to 10000",
    "UPLOAD_MAX_BYTES": "a number of bytes from 1024 to 20971520 (Telegram's download limit)",
    "IMPORT_MAX_ROWS": "a whole number from 1 to 100000",
    "WORKER_MEMORY_MB": "megabytes, from 64 to 16384",
    "WORKER_SECONDS": "seconds, from 1 to 3600",
}


class SettingsError(Exception):
    """A one-line, user-readable reason why the settings cannot be used."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str | None = None
    database_url: str = DEFAULT_DATABASE_URL
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    telegram_api_file_url: str = "https://api.telegram.org/file/bot"
    default_timezone: str = "Asia/Shanghai"
    default_language: str = "zh_Hans"
    log_level: str = "INFO"
    webhook_secret: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    # Limits (README, "Limits"): what one user or one stranger may cost the others.
    concurrent_updates: int = Field(32, ge=1, le=1000)
    rate_limit_burst: int = Field(30, ge=1, le=1000)
    rate_limit_per_minute: int = Field(60, ge=1, le=6000)
    webhook_max_body_bytes: int = Field(1024 * 1024, ge=1024, le=50 * 1024 * 1024)
    webhook_header_timeout: float = Field(10.0, ge=1, le=300)
    webhook_body_timeout: float = Field(10.0, ge=1, le=300)
    webhook_max_connections: int = Field(256, ge=8, le=10_000)
    upload_max_bytes: int = Field(5 * 1024 * 1024, ge=1024, le=20 * 1024 * 1024)
    import_max_rows: int = Field(5000, ge=1, le=100_000)
    worker_memory_mb: int = Field(512, ge=64, le=16_384)
    worker_seconds: float = Field(60.0, ge=1, le=3600)

    @field_validator("telegram_bot_token")
    @classmethod
    def _token(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        head, sep, tail = value.strip().partition(":")
        if not sep or not head.isdigit() or len(tail) < 10:
            raise ValueError("malformed")
        return value.strip()

    @field_validator("webhook_secret")
    @classmethod
    def _secret(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value):
            raise ValueError("Telegram allows only A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("unsupported driver")
        return value

    @field_validator("telegram_api_base_url", "telegram_api_file_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("not an http(s) URL")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError("unknown time zone") from exc
        return value

    @field_validator("default_language")
    @classmethod
    def _language(cls, value: str) -> str:
        if value not in SUPPORTED_LANGUAGES:
            raise ValueError("unsupported language")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        level = value.upper()
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ValueError("unknown level")
        return level

    @property
    def sqlite_path(self) -> Path | None:
        """The database file for SQLite URLs, so the CLI can create its folder."""
        prefix = "sqlite+aiosqlite:///"
        if not self.database_url.startswith(prefix):
            return None
        rest = self.database_url[len(prefix) :].split("?", 1)[0]
        return None if rest in ("", ":memory:") else Path(rest)

    @property
    def log_level_number(self) -> int:
        return int(logging.getLevelName(self.log_level))


def load_settings(**overrides: object) -> Settings:
    """Read the settings; raise SettingsError naming the first bad variable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]).upper() if error["loc"] else "settings"
        expected = EXPECTED.get(name, "a valid value")
        raise SettingsError(f"{name} is not valid: expected {expected}.") from None
