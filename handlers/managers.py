"""The managers' features, registered ahead of everything else: the group-chat guard must see
group updates first; the rest have their own commands and callback prefixes."""

from __future__ import annotations

from handlers.assignment import assignment_handlers
from handlers.audit_view import audit_handlers
from handlers.exports import export_handlers
from handlers.groups import group_handlers
from handlers.team_reports import report_handlers
from handlers.team_settings import team_settings_handlers


def manager_handlers() -> list[object]:
    return [
        *group_handlers(),
        *report_handlers(),
        *assignment_handlers(),
        *export_handlers(),
        *team_settings_handlers(),
        *audit_handlers(),
    ]
