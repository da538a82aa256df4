"""回款 (issue #19): a deal won with a three-part payment plan; the rep sets the due dates by
button and by typing; a due installment in the rep's digest, an overdue one in the manager's;
💰 已回款 recorded in part and in full (a second press records nothing); the team summary's
collected vs planned; the export's 回款 sheet; forged payment buttons reaching nothing."""

import io
from datetime import date

import openpyxl
import time_machine
from sqlalchemy import select

from bot.local_api import ApiCall, LocalClient
from handlers.deals import callbacks as deals
from storage import push_buttons
from storage.models import DealChange, DealPayment
from tests.builders import Pushes, local, make_team
from tests.conftest import BotHarness

SIGNED = "华润置地签了合同,金额115万,分三期,签约30%,验收60%,质保10%"


async def plan_of(bot: BotHarness) -> list[tuple[str, int | None, date | None, int | None]]:
    rows = await bot.scalars(select(DealPayment).order_by(DealPayment.position))
    return [(p.label, p.amount, p.due_date, p.paid_amount) for p in rows]


def digest_of(sent: list[ApiCall], client: LocalClient) -> str:
    return "\n".join(call.text for call in sent if call.chat_id == client.chat_id)


async def test_a_won_deal_is_collected_installment_by_installment(bot: BotHarness) -> None:
    with time_machine.travel(local(2026, 11, 23, 10), tick=False):
        team = await make_team(bot)
        wang = team.wang
        card = await wang.send(SIGNED)
        assert "💰 回款计划:签约30% · 验收60% · 质保10%" in card.text
        await wang.press("保存")
        card = await wang.press("查看客户")
        assert "💰 回款\n  · 华润置地:已回 0元 / 115万 · 下一期 签约款 日期未定" in card.text

        plan = await wang.press("💰 回款")
        assert plan.text == "\n".join(
            [
                "💰 回款计划 · 华润置地 · 115万",
                "1. 签约 30% · 34.5万 · 日期未定",
                "2. 验收 60% · 69万 · 日期未定",
                "3. 质保 10% · 11.5万 · 日期未定",
                "合计:计划 115万 · 已回 0元 · 待回 115万",
            ]
        )
        # A due date by button …
        asked = await wang.press("📅 第1期日期")
        assert asked.text == "📅 签约款哪天到期?"
        assert asked.buttons[:3] == ["下周五 12月4日", "月底 11月30日", "下月底 12月31日"]
        done = await wang.press("月底 11月30日")
        assert "📅 签约款定在11月30日(周一)到期。" in done.text
        assert "1. 签约 30% · 34.5万 · 11月30日(周一)到期" in done.text
        # … and one typed, echoed before it is saved.
        await wang.press("📅 第2期日期")
        asked = await wang.press("输入日期")
        assert "请输入验收款的回款日期" in asked.text
        echoed = await wang.send("12月1号")
        assert echoed.text == "📅 验收款定在12月1日(周二)到期?"
        assert (await plan_of(bot))[1][2] is None
        done = await wang.press("确认")
        assert "2. 验收 60% · 69万 · 12月1日(周二)到期" in done.text
    assert await plan_of(bot) == [
        ("签约", 345_000, date(2026, 11, 30), None),
        ("验收", 690_000, date(2026, 12, 1), None),
        ("质保", 115_000, None, None),
    ]

    pushes = Pushes.of(bot)
    # Three days before, the rep is told; the manager is not (nothing is late yet).
    sent = await pushes.at(local(2026, 11, 27, 8, 30))
    assert "💰 回款到期 (1)\n1. 华润置地 · 签约款 34.5万:11月30日到期(3 天后)" in digest_of(
        sent, wang
    )
    assert "回款" not in digest_of(sent, team.manager)
    sent = await pushes.at(local(2026, 11, 30, 8, 30))
    assert "1. 华润置地 · 签约款 34.5万:今天到期" in digest_of(sent, wang)
    assert "回款" not in digest_of(sent, team.manager)

    # Two days late: the manager hears of it, with whose deal it is.
    sent = await pushes.at(local(2026, 12, 2, 8, 30))
    manager = digest_of(sent, team.manager)
    assert "💰 团队回款逾期 (2)" in manager
    assert "· 王磊 · 华润置地 · 签约款 34.5万:11月30日到期,已逾期 2 天" in manager
    assert "· 王磊 · 华润置地 · 验收款 69万:12月1日到期,已逾期 1 天" in manager
    rep = digest_of(sent, wang)
    assert "1. 华润置地 · 签约款 34.5万:11月30日到期,已逾期 2 天" in rep
    assert "2. 华润置地 · 验收款 69万:12月1日到期,已逾期 1 天" in rep

    with time_machine.travel(local(2026, 12, 2, 9), tick=False):
        # 💰 已回款 from the digest: part of it, typed with its day, echoed first.
        asked = await wang.press("💰 已回款 1")
        assert asked.text == "💰 签约款还有 34.5万 待回,收到了多少?"
        await wang.press("部分或其他日期")
        echoed = await wang.send("20万 昨天")
        assert echoed.text == "💰 记为已回款:签约款 20万,12月1日(周二)收到?"
        _message, button = wang.find_button("确认")
        done = await wang.press("确认")
        assert "✅ 已记回款:签约款 20万,12月1日(周二)收到。" in done.text
        assert "1. 签约 30% · 34.5万 · 11月30日(周一)到期(已逾期 2 天) · 已回 20万" in done.text
        # A second tap on the same button (the first answer not yet shown): recorded once.
        again = await wang.press_data(str(button["callback_data"]))
        assert again.callback_answers == ["这笔回款已经记过了。"]
        # The rest of it, today, with one tap.
        await wang.press("💰 已回款 1")
        done = await wang.press("全部 14.5万 · 今天收到")
        assert "1. 签约 30% · 34.5万 · ✅ 12月2日(周三)已回齐" in done.text
        assert "合计:计划 115万 · 已回 34.5万 · 待回 80.5万" in done.text
        assert "💰 第1期已回款" not in done.buttons  # settled: nothing more to press
        late = await wang.press("💰 已回款 1")  # the morning's button, pressed once more
        assert late.callback_answers == ["这一期已经回齐了。"]
        card = await wang.press("查看客户")
        assert "  · 华润置地:已回 34.5万 / 115万 · 下一期 验收款 12月1日(周二)" in card.text

        summary = await team.manager.send("/team")
        assert "💰 回款:本期应回 103.5万 · 已回 34.5万(33%) · 逾期未回 69万" in summary.text
        month = await team.manager.press("本月")
        assert "💰 回款:本期应回 69万 · 已回 0元(0%) · 逾期未回 69万" in month.text
    assert await plan_of(bot) == [
        ("签约", 345_000, date(2026, 11, 30), 345_000),
        ("验收", 690_000, date(2026, 12, 1), None),
        ("质保", 115_000, None, None),
    ]
    log = [(c.field, c.old_value, c.new_value) for c in await bot.scalars(select(DealChange))]
    assert ("paid:1", "0", "200000") in log and ("paid:1", "200000", "345000") in log
    assert ("due:2", None, "2026-12-01") in log

    # Paid in full, the installment leaves the manager's digest the next morning.
    sent = await pushes.at(local(2026, 12, 3, 8, 30))
    manager = digest_of(sent, team.manager)
    assert "💰 团队回款逾期 (1)" in manager and "签约款" not in manager


async def test_a_won_deal_without_a_plan_gets_one_with_a_tap(bot: BotHarness) -> None:
    with time_machine.travel(local(2026, 11, 23, 10), tick=False):
        wang = bot.user("王磊")
        await wang.send("招商局签了合同,金额60万")
        await wang.press("保存")
        card = await wang.press("查看客户")
        assert "  · 招商局:还没有回款计划" in card.text
        asked = await wang.press("💰 回款")
        assert asked.text == "💰「招商局」还没有回款计划。选一个:"
        done = await wang.press("预付50% · 验收50%")
        assert "✅ 回款计划已定。" in done.text
        assert "1. 预付 50% · 30万 · 日期未定" in done.text
        assert "2. 验收 50% · 30万 · 日期未定" in done.text
    assert [(label, amount) for label, amount, _d, _p in await plan_of(bot)] == [
        ("预付", 300_000),
        ("验收", 300_000),
    ]


async def test_typed_payments_that_cannot_be_right_are_asked_again(bot: BotHarness) -> None:
    with time_machine.travel(local(2026, 11, 23, 10), tick=False):
        wang = bot.user("王磊")
        await wang.send(SIGNED)
        await wang.press("保存")
        await wang.press("查看客户")
        await wang.press("💰 回款")
        await wang.press("💰 第3期已回款")
        await wang.press("部分或其他日期")
        too_much = await wang.send("20万")
        assert too_much.text == "质保款只剩 11.5万 待回,请输入不超过它的金额。"
        future = await wang.send("5万 明天")
        assert future.text == "回款日期要在今天或以前。请再输入一次,例如:20万 昨天"
        unclear = await wang.send("收到一部分")
        assert "没看懂这个回款金额" in unclear.text
        left = await wang.send("/cancel")
        assert "已放弃记回款。" in left.text
    assert [paid for _l, _a, _d, paid in await plan_of(bot)] == [None, None, None]


async def test_the_export_has_a_payments_sheet(bot: BotHarness) -> None:
    with time_machine.travel(local(2026, 11, 23, 10), tick=False):
        wang = bot.user("王磊")
        await wang.send(SIGNED)
        await wang.press("保存")
        await wang.press("查看客户")
        await wang.press("💰 回款")
        await wang.press("📅 第1期日期")
        await wang.press("月底 11月30日")
        await wang.press("💰 第1期已回款")
        await wang.press("全部 34.5万 · 今天收到")
        await wang.send("/export")
        [document] = (await wang.press("Excel")).documents
    book = openpyxl.load_workbook(io.BytesIO(document.content))
    rows = list(book["回款"].iter_rows(values_only=True))
    assert rows[0] == (
        "客户名称", "商机", "负责人", "期次", "名称", "比例", "金额", "币种", "到期日",
        "已回金额", "回款日期", "待回金额",
    )  # fmt: skip
    assert rows[1][:8] == ("华润置地", "华润置地", "王磊", 1, "签约", "30%", 345_000, "CNY")
    assert rows[1][9:] == (345_000, rows[1][10], 0) and rows[1][10] is not None
    assert rows[2][3:7] == (2, "验收", "60%", 690_000) and rows[2][11] == 690_000
    assert len(rows) == 4


async def test_forged_payment_buttons_reach_nothing(bot: BotHarness) -> None:
    with time_machine.travel(local(2026, 11, 23, 10), tick=False):
        team = await make_team(bot)
        await team.wang.send(SIGNED)
        await team.wang.press("保存")
        first = await bot.scalar(select(DealPayment).order_by(DealPayment.position))
        assert first is not None
        pid, deal = first.id, first.deal_id
        forged = (
            deals.payment_plan(deal), deals.payment_collect(pid), push_buttons.payment_collect(pid),
            deals.payment_due(pid), deals.payment_due_on(pid, date(2026, 12, 1)),
            deals.payment_type_due(pid), deals.payment_type_paid(pid), deals.payment_preset(deal, 0),
            deals.payment_record(pid, 345000, date(2026, 11, 23), 0),
        )  # fmt: skip
        for data in forged:
            reply = await team.zhang.press_data(data)
            assert reply.callback_answers == ["这个按钮已失效。"], data
        reply = await team.manager.press_data(
            deals.payment_record(pid, 345000, date(2026, 11, 23), 0)
        )
        assert reply.callback_answers == ["这是同事的商机,只有负责人可以修改。"]
        for data in (
            deals.payment_record(pid, 999999999, date(2026, 11, 23), 0),  # more than is owed
            deals.payment_record(pid, 1000, date(2026, 11, 24), 0),  # a day still to come
            deals.payment_record(pid, 1000, date(2026, 11, 23), 5),  # not what was paid before
            deals.payment_due_on(pid, date(2030, 12, 31)),  # too far out
            deals.payment_preset(deal, 9),
            deals.payment_plan(99999),
            "pay:zz:1",
            "pay:",
            f"pay:c:{pid}x",
        ):
            reply = await team.wang.press_data(data)
            assert reply.callback_answers in (["这个按钮已失效。"], ["这笔回款已经记过了。"]), data
    assert [(due, paid) for _l, _a, due, paid in await plan_of(bot)] == [(None, None)] * 3
