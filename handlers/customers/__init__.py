"""The customer archive: /customer, /find, the card, its edits, check-ins."""

from __future__ import annotations

from handlers.customers.archive import customer_handlers
from handlers.customers.checkin import checkin_handlers
from handlers.customers.edit import ARCHIVE_EDIT, archive_edit_handlers
from handlers.kit import pending
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    """/find's conversation first; the card, its edits and check-ins have their own prefixes."""
    pending.accept(ARCHIVE_EDIT)
    add(application, [*customer_handlers(), *archive_edit_handlers(), *checkin_handlers()])
