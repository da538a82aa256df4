"""Deals (商机): the buttons on a customer card's open deals and the manager's /pipeline."""

from __future__ import annotations

from handlers.deals.buttons import LOST_REASON, deal_handlers
from handlers.deals.pipeline import pipeline_handlers
from handlers.kit import pending
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    pending.accept(LOST_REASON)
    add(application, [*pipeline_handlers(), *deal_handlers()])
