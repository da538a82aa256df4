"""The customer's copy of a 会谈纪要 (#15): 📤 生成给客户的纪要 gives a formal text and a .docx
(read back with python-docx) without the lines marked 内部, then 已发给客户 / 客户已确认 are
recorded; only the rep who wrote it can do so."""

from __future__ import annotations

import io

import time_machine
from docx import Document
from sqlalchemy import select

from parsing.minutes import for_customer
from storage.activities import log_interaction
from storage.actor import Actor
from storage.contacts import ContactRepo
from storage.cycle import MeetingMinutes
from storage.models import AuditLog, Customer, InteractionKind
from tests.builders import local, make_team, member_of
from tests.conftest import BotHarness
from tests.flows.test_visit_cycle import customer_of

SUMMARY = """双方就变电站设计软件二期扩容交换了意见。
王局长希望明年一季度启动招标,刘处长负责技术评审。
内部:预算估计两百万左右,刘处长跟博超关系不错
王局长最近身体不太好(内部)
下一步:我方1月9日前提交报价,对方安排技术交流。"""


def test_internal_lines_never_reach_the_customer() -> None:
    found = for_customer(SUMMARY)
    assert found.topics == [
        "双方就变电站设计软件二期扩容交换了意见。",
        "王局长希望明年一季度启动招标,刘处长负责技术评审。",
    ]
    assert found.next_steps == ["我方1月9日前提交报价,对方安排技术交流。"]
    assert found.left_out == 2
    assert for_customer("【内部】别外传\n1. 演示顺利\n后续:寄样品").topics == ["演示顺利"]


async def test_the_customer_copy_as_text_and_docx(bot: BotHarness) -> None:
    team = await make_team(bot)
    hd = await customer_of(bot, team.wang, "华东电力设计院")
    when = local(2025, 12, 30, 15, 0)
    with time_machine.travel(when, tick=False):
        async with bot.session() as session:
            actor = Actor.of(await member_of(bot, team.wang))
            found = await session.get_one(Customer, hd.id)
            contacts = ContactRepo(session, actor)
            wang = await contacts.create(found, name="王建国", title="局长", phones=[])
            liu = await contacts.create(found, name="刘明", title="处长", phones=[])
            await log_interaction(
                session, actor, found, InteractionKind.VISIT, when,
                contacts=[wang, liu], location="华东电力设计院 3楼会议室",
            )  # fmt: skip
            await session.commit()
        await team.wang.send("/minutes")
        await team.wang.press("写纪要 1")
        reply = await team.wang.send(SUMMARY)
        assert "📤 生成给客户的纪要" in reply.buttons
        reply = await team.wang.press("生成给客户的纪要")
    text = reply.messages[0].text if reply.messages else ""
    assert text == (
        "会谈纪要\n\n日期:2025年12月30日(周二)\n地点:华东电力设计院 3楼会议室\n"
        "客户方:华东电力设计院:王建国 局长、刘明 处长\n我方:王磊\n\n一、会谈内容\n"
        "1. 双方就变电站设计软件二期扩容交换了意见。\n"
        "2. 王局长希望明年一季度启动招标,刘处长负责技术评审。\n\n二、后续事项\n"
        "1. 我方1月9日前提交报价,对方安排技术交流。\n\n以上纪要如有出入,请告知,谢谢!"
    )
    [document] = reply.documents
    assert document.filename == "会谈纪要_华东电力设计院_20251230.docx"
    docx = Document(io.BytesIO(document.content))
    paragraphs = [p.text for p in docx.paragraphs if p.text]
    assert paragraphs[0] == "会谈纪要"
    assert "1. 双方就变电站设计软件二期扩容交换了意见。" in paragraphs
    assert "1. 我方1月9日前提交报价,对方安排技术交流。" in paragraphs
    cells = [[c.text for c in row.cells] for row in docx.tables[0].rows]
    assert cells[0] == ["日期", "2025年12月30日(周二)"]
    assert cells[2] == ["客户方", "华东电力设计院:王建国 局长、刘明 处长"]
    whole = "\n".join(paragraphs + [c for row in cells for c in row])
    assert "预算" not in whole and "身体" not in whole and "博超" not in whole

    [task] = await bot.scalars(select(MeetingMinutes))
    reply = await team.zhang.press_data(f"mins:sent:{task.id}")
    assert "找不到这份纪要,或你没有权限。" in reply.callback_answers
    reply = await team.wang.press("已发给客户")
    assert "📨 已记录:已发给客户" in reply.callback_answers
    reply = await team.wang.press("客户已确认")
    assert "✅ 已记录:客户已确认收到" in reply.callback_answers
    [task] = await bot.scalars(select(MeetingMinutes))
    assert task.sent_to_customer_at is not None and task.customer_confirmed_at is not None
    actions = await bot.scalars(select(AuditLog.action))
    assert {"minutes.customer_copy", "minutes.sent", "minutes.confirmed"} <= set(actions)
