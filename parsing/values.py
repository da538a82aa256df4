"""Typed values every form reads the same way: a phone number, and the words that clear a field.
(An amount typed alone is parsing/amounts.py.)"""

from __future__ import annotations

import re

# A mainland mobile, or a landline with its area code; not part of a longer number.
PHONE = re.compile(r"(?<!\d)(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?!\d)")
# Typed instead of a value: empty the field — the word each catalog's prompt offers (无, 無,
# none) and a few others a rep may type.
CLEAR_WORDS = frozenset(
    {
        "无",
        "無",
        "没有",
        "沒有",
        "删除",
        "刪除",
        "清空",
        "-",
        "none",
        "None",
        "NONE",
        "clear",
        "Clear",
    }
)
