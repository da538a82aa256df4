"""Building the python-telegram-bot Application: one builder, clients kept in bot_data."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder
from telegram.request import BaseRequest

import handlers
from bot.concurrency import PerUserUpdateProcessor
from bot.errors import on_error
from bot.persistence import DatabasePersistence
from bot.ratelimit import install_rate_limit
from bot.settings import Settings
from handlers.kit.deps import DEPS_KEY, Deps
from handlers.kit.menus import publish_command_menus
from handlers.kit.offload import Offload
from handlers.team.reports import deliver_team_push
from scheduler.jobs import start_scheduler, stop_scheduler
from storage.assignment import LATE_KIND
from storage.bot_state import BotStateStore
from storage.engine import create_engine, session_factory
from storage.reports import WEEKLY_GROUP_KIND, WEEKLY_KIND

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
# Pushes whose messages the handlers build (team reports); the scheduler only sends them.
TEAM_DELIVERERS = dict.fromkeys((WEEKLY_KIND, WEEKLY_GROUP_KIND, LATE_KIND), deliver_team_push)
ENGINE_KEY = "engine"


def build_application(
    settings: Settings,
    *,
    token: str | None = None,
    request: BaseRequest | None = None,
    engine: AsyncEngine | None = None,
    rate_limiter: bool = True,
) -> AnyApplication:
    """The Application for Telegram or, with `request`, for an in-process Bot API.

    Creating the engine connects nothing: drivers bind connections to the loop that first
    uses them, which is the loop the Application runs on.
    """
    builder = (
        ApplicationBuilder()
        .token(token or settings.telegram_bot_token or "")
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_file_url)
        .persistence(DatabasePersistence())
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        # Users at the same time, each user's updates in order (bot/concurrency.py).
        .concurrent_updates(PerUserUpdateProcessor(settings.concurrent_updates))
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    if rate_limiter:
        # Retries after RetryAfter; the outbox dispatcher adds per-chat pacing on top.
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))  # type: ignore[arg-type]
    application = builder.build()
    application.bot_data["settings"] = settings
    install_database(application, engine or create_engine(settings.database_url))
    handlers.register(application)
    install_rate_limit(application, settings.rate_limit_burst, settings.rate_limit_per_minute)
    application.add_error_handler(on_error)
    return application


def install_database(application: AnyApplication, engine: AsyncEngine) -> None:
    settings: Settings = application.bot_data["settings"]
    application.bot_data[ENGINE_KEY] = engine
    sessions = session_factory(engine)
    persistence = application.persistence
    if isinstance(persistence, DatabasePersistence):
        persistence.store = BotStateStore(sessions)
    application.bot_data[DEPS_KEY] = Deps(
        sessions=sessions,
        default_timezone=settings.default_timezone,
        default_language=settings.default_language,
        upload_max_bytes=settings.upload_max_bytes,
        import_max_rows=settings.import_max_rows,
        offload=Offload(memory_mb=settings.worker_memory_mb, seconds=settings.worker_seconds),
    )


async def _post_init(application: AnyApplication) -> None:
    await publish_command_menus(application.bot)
    sessions = application.bot_data[DEPS_KEY].sessions
    start_scheduler(application, sessions, TEAM_DELIVERERS)  # pushes (scheduler/)


async def _post_shutdown(application: AnyApplication) -> None:
    await stop_scheduler(application)
    application.bot_data[DEPS_KEY].offload.close()
    engine: AsyncEngine | None = application.bot_data.get(ENGINE_KEY)
    if engine is not None:
        await engine.dispose()


async def start_in_process(application: AnyApplication) -> None:
    """initialize() plus what run_polling would do first; for the local chat and tests."""
    await application.initialize()
    await _post_init(application)
