"""The `salesbot` command: run, chat, migrate, revision, dispatch, backup, restore."""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
from pathlib import Path

from bot.logs import setup_logging
from bot.settings import Settings, SettingsError, load_settings
from storage.engine import create_engine
from storage.migrate import revision, upgrade


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


def cmd_revision(args: argparse.Namespace) -> None:
    path = revision(args.message)
    print(f"salesbot: wrote {path}; read it, adjust it, and run the tests")


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
        if getattr(args, "webhook", None):
            print("salesbot: --webhook needs TELEGRAM_BOT_TOKEN.", file=sys.stderr)
            raise SystemExit(2)
        cmd_chat(args)
        return
    from bot.app import build_application

    setup_logging(settings.log_level_number)
    _prepare(settings)
    application = build_application(settings)
    if getattr(args, "webhook", None):
        from bot import webhook

        # Without a configured secret, a fresh one per start: Telegram gets it with setWebhook.
        secret = settings.webhook_secret or secrets.token_urlsafe(32)
        webhook.run(
            application,
            url=args.webhook,
            secret=secret,
            listen=settings.webhook_listen,
            port=args.port or settings.webhook_port,
            limits=webhook.Limits(
                max_body_bytes=settings.webhook_max_body_bytes,
                header_timeout=settings.webhook_header_timeout,
                body_timeout=settings.webhook_body_timeout,
                max_connections=settings.webhook_max_connections,
            ),
        )
        return
    application.run_polling(allowed_updates=["message", "callback_query", "my_chat_member"])


def cmd_dispatch(args: argparse.Namespace) -> None:
    from datetime import timedelta

    from bot import worker

    settings = _settings()
    if not settings.telegram_bot_token:
        print("salesbot: dispatch needs TELEGRAM_BOT_TOKEN.", file=sys.stderr)
        raise SystemExit(2)
    setup_logging(settings.log_level_number)
    _prepare(settings)
    worker.run(
        settings,
        seconds=args.seconds,
        worker=args.worker,
        batch=args.batch,
        lease=timedelta(seconds=args.lease),
    )


def cmd_backup(args: argparse.Namespace) -> None:
    from storage.backup import BackupError, backup

    settings = _settings()
    try:
        backup(settings.database_url, Path(args.path))
    except BackupError as exc:
        print(f"salesbot: backup failed: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    print(f"salesbot: backed up to {args.path}")


def cmd_restore(args: argparse.Namespace) -> None:
    from storage.backup import BackupError, restore

    settings = _settings()
    try:
        restore(settings.database_url, Path(args.path))
    except BackupError as exc:
        print(f"salesbot: restore failed: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    print(f"salesbot: restored from {args.path}; stop and start the bot to use it")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="salesbot", description="销售助手 — sales reps' bot")
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("run", help="Telegram with TELEGRAM_BOT_TOKEN, else the local chat")
    chat = commands.add_parser("chat", help="the local chat in this terminal")
    run.add_argument("--webhook", metavar="URL", help="public https URL; serves the webhook")
    run.add_argument("--port", type=int, help="webhook port (default WEBHOOK_PORT, 8443)")
    for sub in (run, chat):
        sub.add_argument("--name", default="本地用户", help="your name in the local chat")
        sub.add_argument("--language", default="zh-hans", help="Telegram language_code to play")
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser("revision", help="write the next migration from the models").add_argument(
        "message"
    )
    dispatch = commands.add_parser("dispatch", help="only send pushes (add as many as needed)")
    dispatch.add_argument("--seconds", type=float, help="stop after this long (default: never)")
    dispatch.add_argument("--worker", help="a name for this worker in the outbox")
    dispatch.add_argument("--batch", type=int, default=100, help="rows claimed at a time")
    dispatch.add_argument("--lease", type=float, default=60, help="seconds a claim is held")
    commands.add_parser("backup", help="copy the database to PATH").add_argument("path")
    commands.add_parser("restore", help="replace the database with PATH").add_argument("path")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] or ["run"])
    commands_by_name = {
        "run": cmd_run,
        "chat": cmd_chat,
        "migrate": cmd_migrate,
        "revision": cmd_revision,
        "dispatch": cmd_dispatch,
        "backup": cmd_backup,
        "restore": cmd_restore,
    }
    commands_by_name[args.command](args)


if __name__ == "__main__":
    main()
