"""Files in and out: importing customers, exporting the archive to Excel."""

from __future__ import annotations

from handlers.kit.groups import AnyApplication, add
from handlers.transfer.exports import export_handlers
from handlers.transfer.importing import import_handlers


def register(application: AnyApplication) -> None:
    add(application, [*export_handlers(), *import_handlers()])
