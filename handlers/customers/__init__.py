"""The customer archive: /customer, /find, the card, its edits (a record moved to another
customer too), check-ins."""

from __future__ import annotations

from handlers.customers.archive import FIND_MODE, customer_handlers
from handlers.customers.checkin import checkin_handlers
from handlers.customers.edit import ARCHIVE_EDIT, archive_edit_handlers
from handlers.customers.moving import MOVE_SEARCH, move_handlers
from handlers.customers.profile import profile_handlers
from handlers.customers.records import RECORD_EDIT, record_handlers
from handlers.kit import pending
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    """/find and /customer first; the card, its edits and check-ins have their own prefixes."""
    pending.accept(ARCHIVE_EDIT)
    pending.accept(FIND_MODE)
    pending.accept(RECORD_EDIT)
    pending.accept(MOVE_SEARCH)
    add(
        application,
        [
            *customer_handlers(),
            *archive_edit_handlers(),
            *profile_handlers(),
            *record_handlers(),
            *move_handlers(),
            *checkin_handlers(),
        ],
    )
