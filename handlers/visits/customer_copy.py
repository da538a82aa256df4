"""📤 生成给客户的纪要: the formal copy of a 会谈纪要 for the customer — date, place, both sides,
topics, agreed next steps, never a line marked 内部 — as text to copy and as a .docx, then
📨 已发给客户 / ✅ 客户已确认 to record when it was sent and confirmed (audited).

Their callback data and patterns are callbacks.py's (the rep's own minutes only).
"""

from __future__ import annotations

import io
from zoneinfo import ZoneInfo

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from telegram import InlineKeyboardMarkup
from telegram.ext import CallbackQueryHandler

from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.turn import Turn, member_turn
from handlers.visits import callbacks
from locales import Translator
from locales.words import day_with_weekday
from parsing.minutes import for_customer
from storage.minutes import CustomerCopies, MinutesSheet

FONT = "宋体"


def copy_button(_: Translator, minutes_id: int) -> tuple[str, str]:
    return (_("📤 生成给客户的纪要"), callbacks.copy_document(minutes_id))


def _fields(_: Translator, sheet: MinutesSheet) -> list[tuple[str, str]]:
    local = sheet.occurred_at.astimezone(ZoneInfo(sheet.timezone))
    date = _("{year}年", year=local.year) + day_with_weekday(_, local.date())
    place = sheet.location or sheet.customer_address or sheet.customer_name
    their = "、".join(sheet.their_side) if sheet.their_side else sheet.customer_name
    return [
        (_("日期"), date),
        (_("地点"), place),
        (_("客户方"), f"{sheet.customer_name}:{their}" if sheet.their_side else their),
        (_("我方"), "、".join(sheet.our_side)),
    ]


def copy_text(_: Translator, sheet: MinutesSheet) -> str:
    """The customer's copy as plain text, ready to paste into WeChat or an e-mail."""
    found = for_customer(sheet.text)
    lines = [_("会谈纪要"), ""]
    lines += [f"{label}:{value}" for label, value in _fields(_, sheet)]
    lines += ["", _("一、会谈内容")]
    lines += [f"{n}. {topic}" for n, topic in enumerate(found.topics, 1)]
    if found.next_steps:
        lines += ["", _("二、后续事项")]
        lines += [f"{n}. {step}" for n, step in enumerate(found.next_steps, 1)]
    lines += ["", _("以上纪要如有出入,请告知,谢谢!")]
    return "\n".join(lines)


def copy_docx(_: Translator, sheet: MinutesSheet) -> bytes:
    """The same copy as a Word document (Chinese in 宋体)."""
    found = for_customer(sheet.text)
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT  # type: ignore[attr-defined]
    normal.font.size = Pt(11)  # type: ignore[attr-defined]
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)  # type: ignore[attr-defined]
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(_("会谈纪要"))
    run.bold = True
    run.font.size = Pt(16)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in _fields(_, sheet):
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    document.add_paragraph()
    document.add_paragraph().add_run(_("一、会谈内容")).bold = True
    for n, topic in enumerate(found.topics, 1):
        document.add_paragraph(f"{n}. {topic}")
    if found.next_steps:
        document.add_paragraph().add_run(_("二、后续事项")).bold = True
        for n, step in enumerate(found.next_steps, 1):
            document.add_paragraph(f"{n}. {step}")
    document.add_paragraph()
    document.add_paragraph(_("以上纪要如有出入,请告知,谢谢!"))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _status_buttons(_: Translator, minutes_id: int) -> InlineKeyboardMarkup:
    return inline(
        [
            [
                (_("📨 已发给客户"), callbacks.copy_sent(minutes_id)),
                (_("✅ 客户已确认"), callbacks.copy_confirmed(minutes_id)),
            ]
        ]
    )


@member_turn
async def copy_button_pressed(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    data = (query.data if query else None) or ""
    document = callbacks.COPY_DOCUMENT.match(data)
    sent = callbacks.COPY_SENT.match(data)
    found = document or sent or callbacks.COPY_CONFIRMED.match(data)
    minutes_id = callback_id(found.group(1)) if found else None
    copies = CustomerCopies(turn.session, turn.actor)
    if minutes_id is None:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    if document:
        sheet = await copies.sheet(minutes_id)
        if sheet is None:
            turn.answer(_("找不到这份纪要,或你没有权限。"), alert=True)
            return
        text, content = copy_text(_, sheet), copy_docx(_, sheet)
        local = sheet.occurred_at.astimezone(ZoneInfo(sheet.timezone)).date()
        filename = f"{_('会谈纪要')}_{sheet.customer_name}_{local:%Y%m%d}.docx"[:120]
        turn.answer()
        turn.say(text)
        bot, chat_id = turn.context.bot, turn.member.chat_id
        caption = _("给客户的会谈纪要(已去掉标「内部」的内容)。发出后点「已发给客户」。")
        markup = _status_buttons(_, minutes_id)
        turn.later(
            lambda: bot.send_document(
                chat_id, content, filename=filename, caption=caption, reply_markup=markup
            )
        )
        return
    if sent:
        done = await copies.mark_sent(minutes_id)
        answer = _("📨 已记录:已发给客户")
    else:
        done = await copies.mark_confirmed(minutes_id)
        answer = _("✅ 已记录:客户已确认收到")
    if done is None:
        turn.answer(_("找不到这份纪要,或你没有权限。"), alert=True)
        return
    turn.answer(answer)


def customer_copy_handlers() -> list[object]:
    return [CallbackQueryHandler(copy_button_pressed, pattern=callbacks.COPY_PATTERN)]
