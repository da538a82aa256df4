"""The customers room's buttons: a builder for each and the pattern that reads it back, used by
the message that shows the button and the handler that answers it — the card and the list's
cust: and find:, 📋 完整档案's prof:, ✏️ 编辑资料's edit:, 🛠 改记录's rec: and its
📁 改到其他客户's mv:.

The card and the list (archive.py, card.py); 🔎 查看 (cust:v:) is storage/push_buttons.py's,
since pushes carry it too:
    cust:v:<customer> the card         cust:l:<offset> the list       cust:h:<customer>:<offset> 📜
    cust:g:<customer>[:<grade>] ⭐      cust:del:<customer> 🗑 (asks)  cust:dd:<customer> 🗑 确定删除
    cust:u:<customer> ↩️ 撤销删除        cust:p:<customer> 🗑 立即永久删除
    cust:n:<draft> ✅ 新建 the name typed   cust:is:<draft>:<customer> 是「…」   cust:x:<draft> ❌
    cust:ask:<draft> 📨 请经理处理 (a colleague's customer)
    find:<offset> 🔍 查找's next page
    find:again    🔍 再查一次: 查找 asks for the words again
📋 完整档案 (profile.py): prof:c:<customer> the profile, prof:log:<customer>:<offset> 🕘 修改记录
A shared location (checkin.py): chk:<check-in draft>:<customer> the visit's customer (0: none)

✏️ 编辑资料 (edit.py):
✏️ 编辑资料 (edit.py):
    edit:c:<customer> the menu            edit:cf:<customer>:<field> type a field's value
    edit:cs:<customer>[:<status>] 📌 状态  edit:k:<contact> a contact's menu
    edit:kf:<contact>:<field>             edit:kl:<contact> 🔑 关键人 on / off
    edit:kr:<contact>[:<role>] 🎯 决策角色  edit:kd:<contact>[:yes] 🗑 删除联系人 (asks first)
    edit:ku:<contact> ↩️ 撤销删除

Numbers are ASCII digits, each then read by kit/callback_data.callback_id; a field, status or
role is then looked up in its fixed set, so forged data reaches nothing.
"""

from __future__ import annotations

import re

_ID = r"([0-9]+)"
_WORD = r"([a-z_]{1,32})"

CUSTOMER_PATTERN = r"^cust:"
CARD = re.compile(rf"^cust:v:{_ID}$")
LIST = re.compile(rf"^cust:l:{_ID}$")
HISTORY = re.compile(rf"^cust:h:{_ID}:{_ID}$")
GRADES = re.compile(rf"^cust:g:{_ID}$")
GRADE = re.compile(rf"^cust:g:{_ID}:([A-Z])$")
DELETE = re.compile(rf"^cust:del:{_ID}$")
DELETE_CONFIRMED = re.compile(rf"^cust:dd:{_ID}$")
UNDO_DELETE = re.compile(rf"^cust:u:{_ID}$")
PURGE = re.compile(rf"^cust:p:{_ID}$")
NEW_FROM_DRAFT = re.compile(rf"^cust:n:{_ID}$")
SAME_AS = re.compile(rf"^cust:is:{_ID}:{_ID}$")
DROP_DRAFT = re.compile(rf"^cust:x:{_ID}$")
ASK_MANAGER = re.compile(rf"^cust:ask:{_ID}$")
FIND_PATTERN = r"^find:"
FIND_PAGE = re.compile(rf"^find:{_ID}$")
FIND_AGAIN_DATA = "find:again"
FIND_AGAIN = re.compile(r"^find:again$")
PROFILE_PATTERN = r"^prof:"
PROFILE = re.compile(rf"^prof:c:{_ID}$")
CHANGE_LOG = re.compile(rf"^prof:log:{_ID}:{_ID}$")


def customer_list(offset: int = 0) -> str:
    return f"cust:l:{offset}"


def history(customer_id: int, offset: int = 0) -> str:
    return f"cust:h:{customer_id}:{offset}"


def grades(customer_id: int) -> str:
    return f"cust:g:{customer_id}"


def grade(customer_id: int, grade: str) -> str:
    return f"cust:g:{customer_id}:{grade}"


def delete(customer_id: int) -> str:
    return f"cust:del:{customer_id}"


def delete_confirmed(customer_id: int) -> str:
    return f"cust:dd:{customer_id}"


def undo_delete(customer_id: int) -> str:
    return f"cust:u:{customer_id}"


def purge(customer_id: int) -> str:
    return f"cust:p:{customer_id}"


def new_from_draft(draft_id: int) -> str:
    return f"cust:n:{draft_id}"


def same_as(draft_id: int, customer_id: int) -> str:
    return f"cust:is:{draft_id}:{customer_id}"


def drop_draft(draft_id: int) -> str:
    return f"cust:x:{draft_id}"


def ask_manager(draft_id: int) -> str:
    return f"cust:ask:{draft_id}"


def find_page(offset: int) -> str:
    return f"find:{offset}"


def profile(customer_id: int) -> str:
    return f"prof:c:{customer_id}"


def change_log(customer_id: int, offset: int = 0) -> str:
    return f"prof:log:{customer_id}:{offset}"


CHECKIN_PATTERN = r"^chk:"
CHECKIN = re.compile(rf"^chk:{_ID}:{_ID}$")


def checkin(draft_id: int, customer_id: int = 0) -> str:
    """`customer_id` 0: ❌ 取消."""
    return f"chk:{draft_id}:{customer_id}"


EDIT_PATTERN = r"^edit:"
EDIT_CUSTOMER = re.compile(rf"^edit:c:{_ID}$")
EDIT_CUSTOMER_FIELD = re.compile(rf"^edit:cf:{_ID}:{_WORD}$")
EDIT_STATUS = re.compile(rf"^edit:cs:{_ID}(?::{_WORD})?$")
EDIT_CONTACT = re.compile(rf"^edit:k:{_ID}$")
EDIT_CONTACT_FIELD = re.compile(rf"^edit:kf:{_ID}:{_WORD}$")
EDIT_KEY_LEADER = re.compile(rf"^edit:kl:{_ID}$")
EDIT_ROLE = re.compile(rf"^edit:kr:{_ID}(?::{_WORD})?$")
EDIT_DELETE_CONTACT = re.compile(rf"^edit:kd:{_ID}(?::(yes))?$")
EDIT_UNDO_CONTACT = re.compile(rf"^edit:ku:{_ID}$")


def edit_customer(customer_id: int) -> str:
    return f"edit:c:{customer_id}"


def edit_customer_field(customer_id: int, field: str) -> str:
    return f"edit:cf:{customer_id}:{field}"


def edit_status(customer_id: int, status: str | None = None) -> str:
    return f"edit:cs:{customer_id}" + (f":{status}" if status else "")


def edit_contact(contact_id: int) -> str:
    return f"edit:k:{contact_id}"


def edit_contact_field(contact_id: int, field: str) -> str:
    return f"edit:kf:{contact_id}:{field}"


def edit_key_leader(contact_id: int) -> str:
    return f"edit:kl:{contact_id}"


def edit_role(contact_id: int, role: str | None = None) -> str:
    return f"edit:kr:{contact_id}" + (f":{role}" if role else "")


def delete_contact(contact_id: int, *, confirmed: bool = False) -> str:
    return f"edit:kd:{contact_id}" + (":yes" if confirmed else "")


def undo_contact(contact_id: int) -> str:
    return f"edit:ku:{contact_id}"


# 🛠 改记录 (records.py): a customer's open follow-ups and recent records, each corrected or
# deleted (with ↩️ 撤销 within a day).
#     rec:l:<customer> the list    rec:u:<snapshot draft> ↩️ 撤销删除
#     rec:f:<follow-up> its menu   rec:ft: 改内容   rec:fd: 改日期   rec:fx: 完成 / 待办   rec:fdel: 删除
#     rec:i:<record> its menu      rec:it: 改内容   rec:id: 改时间   rec:ik:<record>:<kind>   rec:idel:
#     rec:t:<trip> its menu        rec:tp: 改地点   rec:tr: 改日期   rec:tdel: 删除
RECORDS_PATTERN = r"^rec:"
RECORD_LIST = re.compile(rf"^rec:l:{_ID}$")
RECORD_UNDO = re.compile(rf"^rec:u:{_ID}$")
FOLLOW_UP_MENU = re.compile(rf"^rec:f:{_ID}$")
FOLLOW_UP_TEXT = re.compile(rf"^rec:ft:{_ID}$")
FOLLOW_UP_DATE = re.compile(rf"^rec:fd:{_ID}$")
FOLLOW_UP_DONE = re.compile(rf"^rec:fx:{_ID}$")
FOLLOW_UP_DELETE = re.compile(rf"^rec:fdel:{_ID}$")
RECORD_MENU = re.compile(rf"^rec:i:{_ID}$")
RECORD_TEXT = re.compile(rf"^rec:it:{_ID}$")
RECORD_TIME = re.compile(rf"^rec:id:{_ID}$")
RECORD_KIND = re.compile(rf"^rec:ik:{_ID}:{_WORD}$")
RECORD_DELETE = re.compile(rf"^rec:idel:{_ID}$")
TRIP_MENU = re.compile(rf"^rec:t:{_ID}$")
TRIP_PLACE = re.compile(rf"^rec:tp:{_ID}$")
TRIP_DATES = re.compile(rf"^rec:tr:{_ID}$")
TRIP_DELETE = re.compile(rf"^rec:tdel:{_ID}$")


def record_list(customer_id: int) -> str:
    return f"rec:l:{customer_id}"


def record_undo(draft_id: int) -> str:
    return f"rec:u:{draft_id}"


def follow_up_menu(follow_up_id: int) -> str:
    return f"rec:f:{follow_up_id}"


def follow_up_text(follow_up_id: int) -> str:
    return f"rec:ft:{follow_up_id}"


def follow_up_date(follow_up_id: int) -> str:
    return f"rec:fd:{follow_up_id}"


def follow_up_done(follow_up_id: int) -> str:
    return f"rec:fx:{follow_up_id}"


def follow_up_delete(follow_up_id: int) -> str:
    return f"rec:fdel:{follow_up_id}"


def record_menu(interaction_id: int) -> str:
    return f"rec:i:{interaction_id}"


def record_text(interaction_id: int) -> str:
    return f"rec:it:{interaction_id}"


def record_time(interaction_id: int) -> str:
    return f"rec:id:{interaction_id}"


def record_kind(interaction_id: int, kind: str) -> str:
    return f"rec:ik:{interaction_id}:{kind}"


def record_delete(interaction_id: int) -> str:
    return f"rec:idel:{interaction_id}"


def trip_menu(itinerary_id: int) -> str:
    return f"rec:t:{itinerary_id}"


def trip_place(itinerary_id: int) -> str:
    return f"rec:tp:{itinerary_id}"


def trip_dates(itinerary_id: int) -> str:
    return f"rec:tr:{itinerary_id}"


def trip_delete(itinerary_id: int) -> str:
    return f"rec:tdel:{itinerary_id}"


# 📁 改到其他客户 (moving.py), from a record's 🛠 改记录 menu:
#     mv:i:<record>:<offset> the rep's other customers, a page    mv:f:<record> 🔍 按名称找
#     mv:t:<record>:<customer> 确定改到「…」吗?                      mv:ok:<record>:<customer> ✅
MOVE_PATTERN = r"^mv:"
MOVE_PAGE = re.compile(rf"^mv:i:{_ID}:{_ID}$")
MOVE_FIND = re.compile(rf"^mv:f:{_ID}$")
MOVE_TO = re.compile(rf"^mv:t:{_ID}:{_ID}$")
MOVE_CONFIRMED = re.compile(rf"^mv:ok:{_ID}:{_ID}$")


def move_page(interaction_id: int, offset: int = 0) -> str:
    return f"mv:i:{interaction_id}:{offset}"


def move_find(interaction_id: int) -> str:
    return f"mv:f:{interaction_id}"


def move_to(interaction_id: int, customer_id: int) -> str:
    return f"mv:t:{interaction_id}:{customer_id}"


def move_confirmed(interaction_id: int, customer_id: int) -> str:
    return f"mv:ok:{interaction_id}:{customer_id}"
