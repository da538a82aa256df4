"""Quick capture: a plain note (or a business card photo) becomes a draft card, corrected with
修改 and saved with 保存."""

from __future__ import annotations

from handlers.capture.notes import capture_handlers
from handlers.capture.photos import photo_handlers
from handlers.kit.groups import AnyApplication, add


def register(application: AnyApplication) -> None:
    add(application, capture_handlers())
    add(application, photo_handlers())
