"""Buttons that open a room's page from a room that may not import it (the arrows of
tests/test_layout.py point down): the data lives here, below both, and the room that answers
it reads it from here too.

    ts:home  ⚙️ 团队设置 (team/settings.py), from 💼 商机设置's ⬅️ 团队设置 (deals/settings.py)
    exp:menu 📤 导出 (transfer/exports.py), from the team summary (team/reports.py)
    cap:s:<draft> ✅ 保存 a capture card (capture/notes.py), from a manager's decision about
        whose customer it is (team/assignment.py)
    card:p:<contact> 📇 a contact's business card photo (capture/photos.py), from the customer
        card (customers/card.py)
"""

from __future__ import annotations

TEAM_SETTINGS = "ts:home"
EXPORT_MENU = "exp:menu"


def save_capture(draft_id: int) -> str:
    return f"cap:s:{draft_id}"


def business_card(contact_id: int) -> str:
    return f"card:p:{contact_id}"
