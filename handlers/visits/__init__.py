"""The visit cycle of the regulations (#15): visit plans (/plan, /plans) with the manager's
approval, 会谈纪要 written and reviewed (/minutes) and a copy for the customer (.docx), the team's working-day calendar
(/workdays)."""

from __future__ import annotations

from handlers.kit.groups import AnyApplication, add
from handlers.visits.archives import archive_handlers
from handlers.visits.awaited import accept_awaited
from handlers.visits.customer_copy import customer_copy_handlers
from handlers.visits.minutes import minutes_handlers
from handlers.visits.plans import plan_handlers
from handlers.visits.week import week_handlers
from handlers.visits.workdays import workdays_handlers


def register(application: AnyApplication) -> None:
    """A text awaited as a 纪要, 批注 or plan is a kit/pending ValueEdit (awaited.py): the
    fallback hands it over, as it does every typed value."""
    accept_awaited()
    add(
        application,
        [
            *customer_copy_handlers(),  # before minutes' own mins: buttons
            *minutes_handlers(),
            *plan_handlers(),
            *week_handlers(),
            *archive_handlers(),
            *workdays_handlers(),
        ],
    )
