"""The callback data on pushes: scheduler/render.py puts it on the buttons, handlers/reminders
answers it, and 🔎 查看 opens handlers/customers' card. Both sides import this module, which
sits in storage/ because that is the lowest layer both may import (they may not import each
other). Each builder has its pattern beside it; data stays within Telegram's 64 bytes.

    rem:done:<follow-up>               rem:later:<follow-up>        rem:snooze:<follow-up>:<span>
    rem:ok:<row>:<item>                rem:later:<row>:<item>       rem:again:<row>:<item>:<span>
    rem:greeted:<contact>:<yyyymmdd>[:<family member>]
    rem:tripfu:<itinerary>             cust:v:<customer>
    rem:back:<follow-up>[#<n>]         rem:back:<row>:<item>[#<n>]   (⬅️ 返回 from 推迟's choices)
    mins:w:<minutes> 写纪要 · mins:seen:<minutes> 已阅 · mins:note:<minutes> 批注
    arch:ok:<customer> 已审核 · arch:note:<customer> 意见
    plan:ok:<plan> ✅ 批准 · plan:note:<plan> 💬 意见 (a rep's visit plan, also in the manager's digest)
    deal:a:<deal>:p 推进 · deal:d:<deal>:p 改日期 · deal:l:<deal>:p 输单 (":p": from a push, so
    handlers/deals answers with a new message and leaves the digest as it is)
    pay:c:<installment>:p 💰 已回款 · pay:d:<installment>:p 📅 改日期 (回款, handlers/deals/payments.py)
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from locales import N_

Span = Literal["1h", "1d", "1w"]

REMINDER_PATTERN = r"^rem:"
# [0-9], not \d (which takes any script's digits); each number is then read by callback_id.
DONE = re.compile(r"^rem:done:([0-9]+)$")
OK = re.compile(r"^rem:ok:([0-9]+):([0-9]+)$")
LATER = re.compile(r"^rem:later:([0-9]+)(?::([0-9]+))?$")
SNOOZE = re.compile(r"^rem:snooze:([0-9]+):(1h|1d|1w)$")
AGAIN = re.compile(r"^rem:again:([0-9]+):([0-9]+):(1h|1d|1w)$")
GREETED = re.compile(r"^rem:greeted:([0-9]+):([0-9]{8})(?::([0-9]+))?$")
TRIP_FOLLOW_UP = re.compile(r"^rem:tripfu:([0-9]+)$")
BACK = re.compile(r"^rem:back:([0-9]+)(?::([0-9]+))?(?:#([0-9]{1,3}))?$")
DONE_LABEL, LATER_LABEL, VIEW_LABEL = N_("✅ 完成"), N_("⏰ 推迟"), N_("🔎 查看")


def item_row(first: int, item: int | None, customer: int | None) -> list[tuple[str, str]]:
    """✅ 完成 / ⏰ 推迟 / 🔎 查看 of a follow-up (`first` its id, `item` None) or of another
    digest item (`first` the push's row, `item` its index), as msgids and data: laid out by
    scheduler/render.py, put back by handlers/reminders after ⬅️ 返回 from 推迟's choices."""
    row = [
        (DONE_LABEL, done(first) if item is None else ok(first, item)),
        (LATER_LABEL, later(first, item)),
    ]
    if customer:
        row.append((VIEW_LABEL, view_customer(customer)))
    return row


def back(first: int, item: int | None, number: str) -> str:
    """⬅️ 返回 from 推迟's choices: the item's buttons again (`number`: their label's)."""
    data = f"rem:back:{first}" if item is None else f"rem:back:{first}:{item}"
    return f"{data}#{number}" if number else data


def done(follow_up_id: int) -> str:
    return f"rem:done:{follow_up_id}"


def ok(row_id: int, item: int) -> str:
    return f"rem:ok:{row_id}:{item}"


def later(first: int, item: int | None = None) -> str:
    """推迟 of a follow-up (its id), or of a digest item (the row and the item's index)."""
    return f"rem:later:{first}" if item is None else f"rem:later:{first}:{item}"


def snooze(follow_up_id: int, span: Span) -> str:
    return f"rem:snooze:{follow_up_id}:{span}"


def again(row_id: int, item: int, span: Span) -> str:
    return f"rem:again:{row_id}:{item}:{span}"


def greeted(contact_id: int, on: date, family_member_id: int | None = None) -> str:
    data = f"rem:greeted:{contact_id}:{on:%Y%m%d}"
    return data if family_member_id is None else f"{data}:{family_member_id}"


def trip_follow_up(itinerary_id: int) -> str:
    return f"rem:tripfu:{itinerary_id}"


def view_customer(customer_id: int) -> str:
    """🔎 查看: the customer card (handlers/customers answers every cust: datum)."""
    return f"cust:v:{customer_id}"


def deal_advance(deal_id: int) -> str:
    return f"deal:a:{deal_id}:p"


def deal_redate(deal_id: int) -> str:
    return f"deal:d:{deal_id}:p"


def deal_lose(deal_id: int) -> str:
    return f"deal:l:{deal_id}:p"


def payment_collect(installment_id: int) -> str:
    return f"pay:c:{installment_id}:p"


def payment_redate(installment_id: int) -> str:
    return f"pay:d:{installment_id}:p"


# The visit cycle's buttons on pushes: 📝 写纪要 on the digest's 待写纪要 lines, the manager's
# review (👀 已阅 / 💬 批注 a 纪要, ✅ 已审核 / 💬 意见 a new customer's archive); handlers/visits
# answers them, and its own messages carry the same.
MINUTES_PATTERN = r"^mins:"
ARCHIVE_PATTERN = r"^arch:"
MINUTES_WRITE = re.compile(r"^mins:w:([0-9]{1,10})$")
MINUTES_SEEN = re.compile(r"^mins:seen:([0-9]{1,10})$")
MINUTES_NOTE = re.compile(r"^mins:note:([0-9]{1,10})$")
ARCHIVE_OK = re.compile(r"^arch:ok:([0-9]{1,10})$")
ARCHIVE_NOTE = re.compile(r"^arch:note:([0-9]{1,10})$")
PLAN_APPROVE = re.compile(r"^plan:ok:([0-9]{1,10})$")
PLAN_COMMENT = re.compile(r"^plan:note:([0-9]{1,10})$")
APPROVE_LABEL, COMMENT_LABEL = N_("✅ 批准"), N_("💬 意见")


def write_minutes(minutes_id: int) -> str:
    return f"mins:w:{minutes_id}"


def minutes_seen(minutes_id: int) -> str:
    return f"mins:seen:{minutes_id}"


def minutes_note(minutes_id: int) -> str:
    return f"mins:note:{minutes_id}"


def archive_ok(customer_id: int) -> str:
    return f"arch:ok:{customer_id}"


def archive_note(customer_id: int) -> str:
    return f"arch:note:{customer_id}"


def plan_approve(plan_id: int) -> str:
    return f"plan:ok:{plan_id}"


def plan_comment(plan_id: int) -> str:
    return f"plan:note:{plan_id}"
