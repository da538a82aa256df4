"""Deals (商机): the buttons on a customer card's open deals and a deal's page, the manager's
/pipeline with its drill-down and charts, and the team's stage settings."""

from __future__ import annotations

from handlers.deals.buttons import LOST_REASON, deal_handlers
from handlers.deals.pipeline import pipeline_handlers
from handlers.deals.settings import STAGE_VALUE, settings_handlers
from handlers.kit import pending
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    pending.accept(LOST_REASON)
    pending.accept(STAGE_VALUE)
    add(application, [*pipeline_handlers(), *settings_handlers(), *deal_handlers()])
