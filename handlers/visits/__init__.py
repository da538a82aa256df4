"""The visit cycle of the regulations (#15): 会谈纪要 written and reviewed, the team's
working-day calendar (/workdays)."""

from __future__ import annotations

from handlers.kit.groups import AnyApplication, add
from handlers.visits.minutes import minutes_handlers
from handlers.visits.workdays import workdays_handlers


def register(application: AnyApplication) -> None:
    """First of the packages: a text awaited as a 纪要 or a 批注 is taken before any flow or
    capture would read it as a note."""
    add(application, [*minutes_handlers(application), *workdays_handlers()])
