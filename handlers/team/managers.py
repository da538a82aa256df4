"""The managers' features, registered ahead of everything else: the group-chat guard must see
group updates first; the rest have their own commands and callback prefixes."""

from __future__ import annotations

from handlers.team.assignment import assignment_handlers
from handlers.team.audit import audit_handlers
from handlers.team.groups import group_handlers
from handlers.team.reports import report_handlers
from handlers.team.settings import team_settings_handlers
from handlers.transfer.exports import export_handlers


def manager_handlers() -> list[object]:
    return [
        *group_handlers(),
        *report_handlers(),
        *assignment_handlers(),
        *export_handlers(),
        *team_settings_handlers(),
        *audit_handlers(),
    ]
