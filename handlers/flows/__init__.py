"""Guided commands: /visit, /followup, /contact, /trip, /birthday, /newcustomer, step by step."""

from __future__ import annotations

from handlers.flows.catalog import flow_handlers
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    """First in MAIN: while a flow waits for an answer, its step takes the text."""
    add(application, flow_handlers(application.user_data))
