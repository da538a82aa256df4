"""What a note typed that the card could not keep, said on the card: nothing is dropped
without a word. A birthday in a leap month the year did not have, a day no calendar has
(2月30日, 13月5日), an hour no clock shows (25点), a phone number no plan has (1381234567).
Nothing of it is stored; ✏️ 修改 puts the right value in."""

from __future__ import annotations

import re

from handlers.capture.payload import CapturePayload
from handlers.kit.render import no_such_leap_month_said, phone_why
from locales import Translator
from parsing.dates import impossible_days, impossible_hours
from parsing.values import read_phones, unread_phones

_BIRTHDAY_BEFORE = re.compile(r"生日\s*(?:是|在)?\s*$")


def unread_lines(_: Translator, text: str, payload: CapturePayload) -> list[str]:
    """The card's ⚠️ lines for `text` (the note as typed) and its payload as it is now."""
    lines = []
    contacts = payload.get("contacts") or []
    has_birthday = any(contact.get("birthday") for contact in contacts)
    # 1985年农历闰四月十五: 1985 had no 闰四月, so no birthday was read; say so until one is set.
    refused = no_such_leap_month_said(_, text)
    if refused and not has_birthday:
        lines.append(_("⚠️ 生日没有记下:{why}", why=refused))
    for day in impossible_days(text):
        before = text[: text.find(day)]
        if _BIRTHDAY_BEFORE.search(before[-8:]):
            if not has_birthday:
                lines.append(
                    _(
                        "⚠️ 生日没有记下:「{typed}」没有这一天。请用 ✏️ 修改 → 🎂 生日 改正。",
                        typed=day,
                    )
                )
        else:
            lines.append(_("⚠️ 日期没有记下:「{typed}」没有这一天。", typed=day))
    for hour in impossible_hours(text):
        lines.append(_("⚠️ 时间没有记下:「{typed}」不是有效的时间。", typed=hour))
    # Until a phone is put in by ✏️ 修改 (one the note did not give), say which was not kept.
    # The typed phones (about 40 µs to read) are read only when a number was not kept: most
    # notes have none to report.
    unread = unread_phones(text)
    if unread:
        typed = set(read_phones(text))
        if not any(set(contact.get("phones") or []) - typed for contact in contacts):
            lines += [_phone_line(_, number, bool(contacts)) for number in unread]
    return lines


def _phone_line(_: Translator, number: str, fixable: bool) -> str:
    why = phone_why(_, number)
    if fixable:
        return _(
            "⚠️ 电话没有记下:「{typed}」{why}。请用 ✏️ 修改 → 📞 电话 改正。",
            typed=number,
            why=why,
        )
    return _("⚠️ 电话没有记下:「{typed}」{why}。", typed=number, why=why)
