"""The reminders room's own buttons (/settings' digest time and quiet hours): a builder for
each and the pattern that reads it back. The buttons pushes carry are storage/push_buttons.py's.

    rset:digest the digest times      rset:digest:<hhmm> that time      rset:digest:typed ⌨️ 其他时间
    rset:quiet the quiet hours        rset:quiet:<hhmm-hhmm> those hours   rset:quiet:off none
    rset:back the settings again
"""

from __future__ import annotations

import re

SETTINGS_PATTERN = r"^rset:"
DIGEST_TIMES = "rset:digest"
DIGEST_TYPED = "rset:digest:typed"
QUIET_CHOICES = "rset:quiet"
BACK = "rset:back"
DIGEST_TIME = re.compile(r"^rset:digest:([0-9]{4})$")
QUIET_HOURS = re.compile(r"^rset:quiet:([0-9]{4}-[0-9]{4}|off)$")
QUIET_OFF = "off"


def digest_time(hhmm: str) -> str:
    return f"rset:digest:{hhmm}"


def quiet_hours(choice: str) -> str:
    """`choice`: hhmm-hhmm, or QUIET_OFF."""
    return f"rset:quiet:{choice}"
