"""Quick capture: a plain note (or a business card photo) becomes a draft card, corrected with
修改 and saved with 保存."""

from __future__ import annotations

from handlers.capture.asked import DRAFT_QUESTION
from handlers.capture.drafts import draft_handlers
from handlers.capture.edit import CAPTURE_EDIT
from handlers.capture.notes import capture_handlers
from handlers.capture.photos import photo_handlers
from handlers.capture.typed_save import typed_save_handlers
from handlers.kit import pending
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    pending.accept(CAPTURE_EDIT)
    pending.accept_question(DRAFT_QUESTION)
    add(application, [*capture_handlers(), *draft_handlers(), *typed_save_handlers()])
    add(application, photo_handlers())
