"""Everything Telegram-facing, one package per domain. `register` adds their handlers.

The order of the packages is the order of precedence inside the MAIN group (see
handlers/kit/groups.py): a text awaited as a 会谈纪要 or 批注 first (visits), the guided flows' steps, then the other conversations
(/newteam, /join, /find), then commands, menu taps and buttons, whose filters do not overlap,
and the catch-alls last.
"""

from __future__ import annotations

from handlers import (
    account,
    capture,
    customers,
    deals,
    fallback,
    flows,
    kit,
    reminders,
    team,
    transfer,
    visits,
)
from handlers.kit.groups import AnyApplication


def register(application: AnyApplication) -> None:
    for package in (
        visits,
        flows,
        team,
        customers,
        deals,
        reminders,
        account,
        capture,
        transfer,
        kit,
    ):
        package.register(application)
    fallback.register(application)  # last: it takes whatever nothing else did
