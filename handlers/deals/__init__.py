"""Deals (商机): the buttons on a customer card's open deals and a deal's page, the manager's
/pipeline with its drill-down and charts, the team's stage settings; 回款 — a won deal's
payment plan, its due dates and the payments recorded."""

from __future__ import annotations

from handlers.deals.buttons import LOST_REASON, deal_handlers
from handlers.deals.payments import PAY_DUE, PAY_PAID, payment_handlers
from handlers.deals.pipeline import pipeline_handlers
from handlers.deals.settings import STAGE_VALUE, settings_handlers
from handlers.deals.winning import WON_AMOUNT
from handlers.kit import pending
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    pending.accept(LOST_REASON)
    pending.accept(WON_AMOUNT)
    pending.accept(STAGE_VALUE)
    pending.accept(PAY_DUE)
    pending.accept(PAY_PAID)
    add(
        application,
        [*pipeline_handlers(), *settings_handlers(), *deal_handlers(), *payment_handlers()],
    )
