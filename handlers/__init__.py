"""Everything Telegram-facing, one package per domain. `register` adds their handlers.

The order of the packages is the order of precedence inside the MAIN group (see
handlers/kit/groups.py): the guided flows' steps (while the flow is what the member is in the
middle of), then the other conversations (/newteam, /join), then commands, menu taps and
buttons, whose filters do not overlap, and the catch-alls last — where a typed value waiting
(kit/pending.py: capture's 修改, 编辑资料, /find, a 会谈纪要, 批注 or plan) takes the text.
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
