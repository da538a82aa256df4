"""The transfer room's buttons: a builder for each and the pattern that reads it back.

/export (exports.py): exp:menu the formats (also on the team summary: kit/doors.py),
    exp:x the Excel workbook, exp:c:<table> one table as CSV, exp:no ❌ 取消
An imported file (importing.py): imp:y:<draft> ✅ 导入, imp:n:<draft> ❌ 取消
"""

from __future__ import annotations

import re

from handlers.kit import doors

EXPORT_PATTERN = r"^exp:"
EXPORT_MENU = doors.EXPORT_MENU
EXPORT_WORKBOOK = "exp:x"
EXPORT_NONE = "exp:no"
EXPORT_TABLE = re.compile(r"^exp:c:([a-z_]{1,32})$")  # then looked up in the tables

IMPORT_PATTERN = r"^imp:"
IMPORT = re.compile(r"^imp:(y|n):([0-9]+)$")


def export_table(key: str) -> str:
    return f"exp:c:{key}"


def import_confirmed(draft_id: int) -> str:
    return f"imp:y:{draft_id}"


def import_cancelled(draft_id: int) -> str:
    return f"imp:n:{draft_id}"
