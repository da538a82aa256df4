"""The customers room's buttons: a builder for each and the pattern that reads it back, used by
the message that shows the button and the handler that answers it.

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

EDIT_PATTERN = r"^edit:"
_ID = r"([0-9]+)"
_WORD = r"([a-z_]{1,32})"
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
