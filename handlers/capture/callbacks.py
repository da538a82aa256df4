"""The capture room's buttons: a builder for each and the pattern that reads it back, used by
the message that shows the button and the handler that answers it. Two open this room from
rooms below it, so their builders are kit/doors.py's (✅ 保存 and 📇 名片).

The capture card (show.py, notes.py), about the draft it shows:
    cap:s:<draft> ✅ 保存            cap:e:<draft> ✏️ 修改             cap:x:<draft> ❌ 取消
    cap:cu:<draft>:<customer> which customer (0: a new one)
    cap:k:<draft>:<index>:<contact> which contact the note's index-th person is (0: new)
    cap:m:<draft> 📨 请经理处理        cap:r:<draft> ⏰ 只存为我的提醒   cap:d:<draft> 📝 先存为草稿
    cap:a:<draft> ✅ 仍然保存 (the same note was saved already; ❌ 不保存 is cap:x)
    cap:pc:<draft> 🏢 选客户 (a note of follow-ups whose person no customer has: which one)
    cap:cl:<draft>:<offset> a page of 这条记录属于哪个客户?'s customers
    cap:n:<note draft>:<customer> the customer of a note nothing was read from (0: keep it)
    cap:np:<note draft>:<offset> a page of that question's customers
    cap:dl:<draft>:<deal>[:s] which open deal the note's deal is (0: 🆕 新建商机); ":s" when
    保存 asked it, so the answer saves
    cap:sd:<draft>:<interaction> 📝 补充到 today's record of the meeting (0: ➕ 另记一次拜访)
✏️ 修改 (edit.py):
    cap:f:<draft>:<field> type a field (company, c0n, f1d …)   cap:g:<draft>:<grade> ⭐ 等级
    cap:b:<draft> ⬅️ 返回 to the card             cap:nd:<draft> 💼 不是商机 (drop the note's deal)
    cap:kd:<draft>:<index> 🗑 删除 the note's index-th person (read by mistake)
    cap:dm:<draft> 💼 商机阶段 (its stages)       cap:ds:<draft>:<stage> one of them (a DealStage value)
    cap:wt:<draft> ⏰ 是,记为「万科」的跟进 / cap:wn:<draft> 📝 不是,当作一条新记录 — words typed
    for a follow-up that name another customer (doubt.py)
📇 名片 (photos.py): card:p:<contact>
/drafts (drafts.py): dft:l:<offset> a page   dft:c:<draft> ▶️ 继续   dft:d:<draft>:<offset> 🗑 删除

Numbers are ASCII digits, each read by kit/callback_data.callback_id; a field or a grade is then
looked up in its fixed set, so forged data reaches nothing.
"""

from __future__ import annotations

import re

from handlers.kit import doors

_ID = r"([0-9]+)"

CAPTURE_PATTERN = r"^cap:"
SAVE = re.compile(rf"^cap:s:{_ID}$")
EDIT = re.compile(rf"^cap:e:{_ID}$")
CANCEL = re.compile(rf"^cap:x:{_ID}$")
SAVE_AGAIN = re.compile(rf"^cap:a:{_ID}$")
CUSTOMER = re.compile(rf"^cap:cu:{_ID}:{_ID}$")
CONTACT = re.compile(rf"^cap:k:{_ID}:{_ID}:{_ID}$")
ASK_MANAGER = re.compile(rf"^cap:m:{_ID}$")
REMINDERS_ONLY = re.compile(rf"^cap:r:{_ID}$")
KEEP_DRAFT = re.compile(rf"^cap:d:{_ID}$")
PICK_CUSTOMER = re.compile(rf"^cap:pc:{_ID}$")
CUSTOMER_PAGE = re.compile(rf"^cap:cl:{_ID}:{_ID}$")
NOTE_CUSTOMER = re.compile(rf"^cap:n:{_ID}:{_ID}$")
NOTE_PAGE = re.compile(rf"^cap:np:{_ID}:{_ID}$")
DEAL_PICK = re.compile(rf"^cap:dl:{_ID}:{_ID}(:s)?$")
SAME_DAY = re.compile(rf"^cap:sd:{_ID}:{_ID}$")
FIELD = re.compile(rf"^cap:f:{_ID}:([a-z0-9]{{1,16}})$")
GRADE = re.compile(rf"^cap:g:{_ID}:([A-Z])$")
BACK = re.compile(rf"^cap:b:{_ID}$")
NO_DEAL = re.compile(rf"^cap:nd:{_ID}$")
DROP_CONTACT = re.compile(rf"^cap:kd:{_ID}:{_ID}$")
DEAL_STAGES = re.compile(rf"^cap:dm:{_ID}$")
DEAL_STAGE = re.compile(rf"^cap:ds:{_ID}:([a-z]{{1,16}})$")
WORDS_TAKEN = re.compile(rf"^cap:wt:{_ID}$")
WORDS_AS_NOTE = re.compile(rf"^cap:wn:{_ID}$")

save = doors.save_capture


def edit(draft_id: int) -> str:
    return f"cap:e:{draft_id}"


def cancel(draft_id: int) -> str:
    return f"cap:x:{draft_id}"


def save_again(draft_id: int) -> str:
    return f"cap:a:{draft_id}"


def customer(draft_id: int, customer_id: int) -> str:
    """`customer_id` 0: a new customer."""
    return f"cap:cu:{draft_id}:{customer_id}"


def contact(draft_id: int, index: int, contact_id: int) -> str:
    """`contact_id` 0: a new contact."""
    return f"cap:k:{draft_id}:{index}:{contact_id}"


def ask_manager(draft_id: int) -> str:
    return f"cap:m:{draft_id}"


def reminders_only(draft_id: int) -> str:
    return f"cap:r:{draft_id}"


def keep_draft(draft_id: int) -> str:
    return f"cap:d:{draft_id}"


def pick_customer(draft_id: int) -> str:
    return f"cap:pc:{draft_id}"


def customer_page(draft_id: int, offset: int) -> str:
    return f"cap:cl:{draft_id}:{offset}"


def note_customer(draft_id: int, customer_id: int) -> str:
    """`customer_id` 0: keep the note as a draft."""
    return f"cap:n:{draft_id}:{customer_id}"


def note_page(draft_id: int, offset: int) -> str:
    return f"cap:np:{draft_id}:{offset}"


def deal_pick(draft_id: int, deal_id: int, *, saving: bool = False) -> str:
    """`deal_id` 0: a new deal; `saving`: 保存 asked, the answer saves."""
    return f"cap:dl:{draft_id}:{deal_id}" + (":s" if saving else "")


def same_day(draft_id: int, interaction_id: int) -> str:
    """`interaction_id` 0: ➕ 另记一次拜访."""
    return f"cap:sd:{draft_id}:{interaction_id}"


def field(draft_id: int, code: str) -> str:
    return f"cap:f:{draft_id}:{code}"


def grade(draft_id: int, grade: str) -> str:
    return f"cap:g:{draft_id}:{grade}"


def back(draft_id: int) -> str:
    return f"cap:b:{draft_id}"


def no_deal(draft_id: int) -> str:
    return f"cap:nd:{draft_id}"


def drop_contact(draft_id: int, index: int) -> str:
    return f"cap:kd:{draft_id}:{index}"


def deal_stages(draft_id: int) -> str:
    return f"cap:dm:{draft_id}"


def deal_stage(draft_id: int, stage: str) -> str:
    return f"cap:ds:{draft_id}:{stage}"


def words_taken(draft_id: int) -> str:
    return f"cap:wt:{draft_id}"


def words_as_note(draft_id: int) -> str:
    return f"cap:wn:{draft_id}"


BUSINESS_CARD_PATTERN = r"^card:"
BUSINESS_CARD = re.compile(rf"^card:p:{_ID}$")

DRAFTS_PATTERN = r"^dft:"
DRAFTS_PAGE = re.compile(rf"^dft:l:{_ID}$")
DRAFT_CONTINUE = re.compile(rf"^dft:c:{_ID}$")
DRAFT_DELETE = re.compile(rf"^dft:d:{_ID}:{_ID}$")


def drafts_page(offset: int = 0) -> str:
    return f"dft:l:{offset}"


def draft_continue(draft_id: int) -> str:
    return f"dft:c:{draft_id}"


def draft_delete(draft_id: int, offset: int = 0) -> str:
    return f"dft:d:{draft_id}:{offset}"
