"""The `salesbot` command: run, chat, migrate."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.logs import setup_logging
from bot.settings import Settings, SettingsError, load_settings
from storage.engine import create_engine
from storage.migrate import upgrade


def _settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        print(f"salesbot: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def _prepare(settings: Settings) -> None:
    """Create the SQLite folder and bring the schema up to date."""
    if settings.sqlite_path is not None:
        settings.sqlite_path.parent.mkdir(parents=True, exist_ok=True)

    async def migrate() -> None:
        engine = create_engine(settings.database_url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(migrate())


def cmd_migrate(args: argparse.Namespace) -> None:
    settings = _settings()
    setup_logging(settings.log_level_number)
    _prepare(settings)
    print("salesbot: database is up to date")


def cmd_chat(args: argparse.Namespace) -> None:
    from bot.local_chat import run

    settings = _settings()
    # The terminal is the chat: keep library chatter out of it unless asked for.
    setup_logging(max(settings.log_level_number, 30))
    _prepare(settings)
    run(settings, name=args.name, language_code=args.language)


def cmd_run(args: argparse.Namespace) -> None:
    settings = _settings()
    if not settings.telegram_bot_token:
        cmd_chat(args)
        return
    from bot.app import build_application

    setup_logging(settings.log_level_number)
    _prepare(settings)
    application = build_application(settings)
    application.run_polling(allowed_updates=["message", "callback_query", "my_chat_member"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="salesbot", description="销售助手 — sales reps' bot")
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("run", help="Telegram with TELEGRAM_BOT_TOKEN, else the local chat")
    chat = commands.add_parser("chat", help="the local chat in this terminal")
    for sub in (run, chat):
        sub.add_argument("--name", default="本地用户", help="your name in the local chat")
        sub.add_argument("--language", default="zh-hans", help="Telegram language_code to play")
    commands.add_parser("migrate", help="apply database migrations")
    args = parser.parse_args(argv)
    handlers = {"run": cmd_run, "chat": cmd_chat, "migrate": cmd_migrate}
    handlers.get(args.command or "run", cmd_run)(args) if args.command else cmd_run(
        parser.parse_args(["run"])
    )


if __name__ == "__main__":
    main()
