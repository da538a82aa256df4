"""The handler groups, and how a package adds its handlers to one.

PTB offers each update to the groups in ascending order and runs at most one handler per
group, the first that matches. So everything a member does in a private chat shares one
group, MAIN, where the order of registration is the order of precedence (handlers/__init__.py
fixes the order of the packages); a second group would answer the same update twice. The
group-chat guard has a group of its own, GUARD, ahead of MAIN, and ends every group update
there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from telegram.ext import Application, BaseHandler

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

GUARD = -1
MAIN = 0


def add(application: AnyApplication, handlers: Iterable[object], group: int = MAIN) -> None:
    for handler in handlers:
        assert isinstance(handler, BaseHandler)
        application.add_handler(handler, group)
