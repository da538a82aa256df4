"""The account room's buttons: a builder for each and the pattern that reads it back.

lang:<code> that language (zh_Hans, zh_Hant, en)
settings:language 🌐 切换语言 on /settings (whose screen is reminders/settings.py)
"""

from __future__ import annotations

import re

LANGUAGE_PATTERN = r"^lang:"
LANGUAGE = re.compile(r"^lang:([A-Za-z_]{1,16})$")  # then looked up in SUPPORTED_LANGUAGES
LANGUAGES = "settings:language"
LANGUAGES_PATTERN = rf"^{LANGUAGES}$"


def language(code: str) -> str:
    return f"lang:{code}"
