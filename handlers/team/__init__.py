"""Teams and managers: /team, /newteam, /join, reports, settings, groups, assignment, audit."""

from __future__ import annotations

from handlers.kit import pending
from handlers.kit.groups import GUARD, AnyApplication, add
from handlers.team.assignment import CUSTOMER_NAME, assignment_handlers
from handlers.team.audit import audit_handlers
from handlers.team.groups import group_handlers
from handlers.team.members import JOIN_CODE, TEAM_NAME, team_handlers
from handlers.team.reports import report_handlers
from handlers.team.settings import CADENCE_TYPED, team_settings_handlers


def register(application: AnyApplication) -> None:
    """The group-chat guard in GUARD, then the rest; /newteam's and /join's typed name and code
    /teamsettings' typed cadence and /assign's customer are ValueEdits (fallback.py hands them the text)."""
    pending.accept(TEAM_NAME)
    pending.accept(JOIN_CODE)
    pending.accept(CADENCE_TYPED)
    pending.accept(CUSTOMER_NAME)
    add(application, group_handlers(), GUARD)
    add(
        application,
        [
            *team_handlers(),
            *report_handlers(),
            *assignment_handlers(),
            *team_settings_handlers(),
            *audit_handlers(),
        ],
    )
