"""Buttons that start a guided flow from elsewhere: the customer card's 📝 记拜访, ⏰ 加跟进,
👤 加联系人 and 💼 新商机, a check-in's 📝 写拜访纪要, the list's ➕ 新客户. customers/ builds them and
flows/ matches them, so the data and its pattern live here, below both."""

from __future__ import annotations

import re

# [0-9], not \d (which takes any script's digits); the flow reads each number through
# kit/callback_data.callback_id (`preset_customer`, `preset_visit`).
VISIT_PATTERN = re.compile(r"^visit:(?:c:([0-9]+)|i:([0-9]+):([0-9]+))$")
FOLLOW_UP_PATTERN = re.compile(r"^fu:c:([0-9]+)$")
CONTACT_PATTERN = re.compile(r"^ct:new:([0-9]+)$")
NEW_CUSTOMER_PATTERN = re.compile(r"^nc:start$")
NEW_DEAL_PATTERN = re.compile(r"^nd:c:([0-9]+)$")
NEW_CUSTOMER = "nc:start"


def visit(customer_id: int) -> str:
    return f"visit:c:{customer_id}"


def visit_summary(interaction_id: int, customer_id: int) -> str:
    """The summary of a visit a check-in recorded."""
    return f"visit:i:{interaction_id}:{customer_id}"


def follow_up(customer_id: int) -> str:
    return f"fu:c:{customer_id}"


def contact(customer_id: int) -> str:
    return f"ct:new:{customer_id}"


def new_deal(customer_id: int) -> str:
    return f"nd:c:{customer_id}"
