"""The manager's pipeline (issue #19): /pipeline's figures for this month and this quarter
against a known set of deals, the drill-down to a rep and to a deal (audited), the charts, the
weekly report's section; the team's own stages and currency; /deal's guided flow; a deal's
chance set by hand; and what a rep or another team's manager reaches with forged buttons.

"Now" is Wednesday 2 December 2026 (tests/builders.py): this month is December, this quarter
October–December, last week (for Monday 7 December's report) 30 November–6 December.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient
from handlers.deals import callbacks
from handlers.kit.charts import covered_codepoints
from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.deals import DealRepo, DealUpdate
from storage.models import AuditLog, Deal, DealChange, DealStage, Member
from storage.payments import PaymentRepo
from tests.builders import NOW, Pushes, Team, at, local, make_team, member_of
from tests.conftest import BotHarness

Q, N, N2, W, L, C = (
    DealStage.QUOTE, DealStage.NEGOTIATION, DealStage.NEEDS, DealStage.WON, DealStage.LOST,
    DealStage.CONTACT,
)  # fmt: skip


async def deal(
    bot: BotHarness, owner: LocalClient, customer: str, title: str, amount: int,
    stage: DealStage, when: datetime, close: date | None = None, reason: str | None = None,
) -> int:  # fmt: skip
    """A deal written through storage at `when` (won or lost then, when so staged)."""
    actor = Actor.of(await member_of(bot, owner))
    with time_machine.travel(when, tick=False):
        async with bot.session() as session:
            repo = CustomerRepo(session, actor)
            found = await repo.by_name(customer) or await repo.create(customer)
            made = await DealRepo(session, actor).create(
                found,
                DealUpdate(title=title, amount=amount, stage=stage, close_date=close,
                           lost_reason=reason),
                when,
            )  # fmt: skip
            await session.commit()
            return made.id


async def known_deals(bot: BotHarness) -> Team:
    """Five open deals (two to sign this month, one more this quarter, one next quarter, one
    without a date); won in December and in November; two lost in December."""
    team = await make_team(bot)
    await deal(
        bot, team.wang, "华润置地", "办公楼项目", 1_200_000, Q, at(11, 2), date(2026, 12, 31)
    )
    await deal(bot, team.wang, "万科物业", "园区项目", 500_000, N2, at(11, 3), date(2027, 1, 15))
    await deal(bot, team.wang, "招商局", "港口项目", 800_000, N, at(10, 5), date(2026, 11, 20))
    await deal(bot, team.zhang, "中建三局", "总部项目", 2_000_000, N, at(11, 9), date(2026, 12, 11))
    await deal(bot, team.zhang, "苏州建工", "二期", 300_000, C, at(11, 10))
    await deal(bot, team.zhang, "华电集团", "华电集团", 600_000, W, at(12, 1))
    await deal(bot, team.wang, "国网上海", "配网项目", 1_000_000, W, at(11, 10))
    await deal(bot, team.wang, "南方电网", "调度项目", 400_000, L, at(12, 1), reason="输给竞争对手")
    await deal(bot, team.zhang, "中石化", "油库项目", 900_000, L, at(12, 2, 9), reason="预算取消")
    return team


async def test_pipeline_figures_for_the_month_and_the_quarter(bot: BotHarness) -> None:
    team = await known_deals(bot)
    with time_machine.travel(NOW, tick=False):
        reply = await team.manager.send("/pipeline")
        month = reply.text
        quarter = (await team.manager.press("本季度")).text
    assert month.startswith("📊 销售漏斗 · 12月\n")
    assert (
        "初步接触:1 个 · 30万 · 加权 3万\n"
        "需求确认:1 个 · 50万 · 加权 12.5万\n"
        "方案报价:1 个 · 120万 · 加权 60万\n"
        "商务谈判:2 个 · 280万 · 加权 210万\n"
        "合计:5 个 · 480万 · 加权 285.5万\n"
        "👤 按销售\n"
        "  · 张伟:2 个 · 230万 · 加权 153万\n"
        "  · 王磊:3 个 · 250万 · 加权 132.5万\n"
    ) in month
    assert (
        "📅 本月预计签约(2) · 320万 · 加权 210万\n"
        "  · 中建三局 总部项目 200万 · 12月11日 · 张伟\n"
        "  · 华润置地 办公楼项目 120万 · 12月31日 · 王磊\n"
        "📅 本季度预计签约(3) · 400万 · 加权 270万\n"
        "  · 中建三局 总部项目 200万 · 12月11日 · 张伟\n"
        "  · 华润置地 办公楼项目 120万 · 12月31日 · 王磊\n"
        "  · 招商局 港口项目 80万 · 11月20日 · 王磊\n"
    ) in month
    assert (
        "🏆 本月赢单(1) · 60万\n"
        "  · 华电集团 60万 · 张伟\n"
        "💔 本月输单(2) · 130万\n"
        "  · 中石化 油库项目 90万 · 预算取消 · 张伟\n"
        "  · 南方电网 调度项目 40万 · 输给竞争对手 · 王磊\n"
        "  原因:输给竞争对手 1 · 预算取消 1"
    ) in month
    assert "万科物业" not in month  # it should sign next quarter
    for label in ("• 本月", "本季度", "🔎 张伟", "🔎 王磊", "📈 漏斗图与预测"):
        assert label in reply.buttons, label

    assert quarter.startswith("📊 销售漏斗 · 2026年第4季度\n")
    assert "合计:5 个 · 480万 · 加权 285.5万" in quarter  # open deals are open whatever the period
    assert (
        "🏆 本季度赢单(2) · 160万\n"
        "  · 国网上海 配网项目 100万 · 王磊\n"
        "  · 华电集团 60万 · 张伟\n"
        "💔 本季度输单(2) · 130万"
    ) in quarter


async def test_drill_down_to_a_rep_and_a_deal_is_audited(bot: BotHarness) -> None:
    team = await known_deals(bot)
    with time_machine.travel(NOW, tick=False):
        await team.manager.send("/pipeline")
        rep = await team.manager.press("🔎 王磊")
        assert rep.text.startswith("👤 王磊 · 商机 · 12月\n")
        assert (
            "需求确认:1 个 · 50万 · 加权 12.5万\n"
            "方案报价:1 个 · 120万 · 加权 60万\n"
            "商务谈判:1 个 · 80万 · 加权 60万\n"
            "合计:3 个 · 250万 · 加权 132.5万\n"
            "📅 本月预计签约(1) · 120万 · 加权 60万\n"
            "  · 华润置地 办公楼项目 120万 · 12月31日\n"
        ) in rep.text
        assert "💔 本月输单(1) · 40万\n  · 南方电网 调度项目 40万 · 输给竞争对手" in rep.text
        assert "张伟" not in rep.text and "中建三局" not in rep.text
        # The most valuable (weighted) first: 60万 and 60万 by id, then 12.5万.
        assert rep.buttons == [
            "💼 华润置地 办公楼项目 120万",
            "💼 招商局 港口项目 80万",
            "💼 万科物业 园区项目 50万",
            "⬅️ 返回漏斗",
        ]
        page = await team.manager.press("💼 华润置地 办公楼项目 120万")
    assert page.text.startswith("💼 办公楼项目 · 华润置地\n负责人:王磊\n金额:120万\n")
    assert "阶段:方案报价 · 赢单概率 50%" in page.text
    assert "预计签约:12月31日(周四)" in page.text
    assert "  · 11月2日(周一) 阶段:— → 方案报价" in page.text
    assert "⏩ 推进" not in page.buttons and "🎯 改概率" not in page.buttons  # the manager reads
    assert page.buttons == ["⬅️ 王磊的商机", "🏢 查看客户"]
    wang = await member_of(bot, team.wang)
    audit = [
        (a.action, a.subject_type, a.subject_id, a.detail)
        for a in await bot.scalars(select(AuditLog).order_by(AuditLog.id))
    ]
    office = await bot.scalar(select(Deal.id).where(Deal.title == "办公楼项目"))
    assert ("member.view", "member", wang.id, "pipeline") in audit
    assert ("deal.view", "deal", office, None) in audit
    assert ("deal.pipeline", "team", wang.team_id, None) in audit
    listed = await team.manager.send("/audit")
    assert "查看了商机" in listed.text and "查看了销售漏斗" in listed.text


async def test_the_charts_are_two_photos_in_a_font_with_every_glyph(bot: BotHarness) -> None:
    team = await known_deals(bot)
    with time_machine.travel(NOW, tick=False):
        await team.manager.send("/pipeline")
        reply = await team.manager.press("📈 漏斗图与预测")
    photos = [c for c in reply.calls if c.method == "sendPhoto"]
    assert [p.params.get("caption") for p in photos] == [
        "销售漏斗(进行中的商机)",
        "按月预计签约",
    ]
    assert len(reply.documents) == 2
    assert all(doc.content.startswith(b"\x89PNG") for doc in reply.documents)
    from handlers.deals.pipeline import forecast_chart, funnel_chart

    manager = await bot.scalar(select(Member).where(Member.name == "李经理"))
    async with bot.session() as session:
        funnel = await funnel_chart(session, manager, NOW)
        forecast = await forecast_chart(session, manager, NOW)
    drawn = "".join(funnel.texts + forecast.texts)
    for words in (
        "销售漏斗 · 12月",
        "商务谈判",
        "2 个 · 280万 · 加权 210万",
        "已过期",
        "12月",
        "5月",
    ):
        assert words in drawn, words
    assert "未来 6 个月预计签约" in drawn and "加权金额" in drawn
    missing = {ch for ch in drawn if ord(ch) not in covered_codepoints() and not ch.isspace()}
    assert not missing


async def test_the_weekly_report_has_a_pipeline_section(bot: BotHarness) -> None:
    team = await known_deals(bot)
    sent = await Pushes.of(bot).at(at(12, 7, 9))
    report = next(c.text for c in sent if c.text.startswith("📅 上周周报"))
    assert (
        "💼 商机:进行中 5 个 · 480万 · 加权 285.5万\n"
        "  初步接触 1 · 需求确认 1 · 方案报价 1 · 商务谈判 2\n"
        "📅 本月预计签约(2) · 320万 · 加权 210万\n"
    ) in report
    assert "本季度预计签约" not in report
    assert "🏆 上周赢单(1) · 60万\n  · 华电集团 60万 · 张伟" in report
    assert "💔 上周输单(2) · 130万" in report and "原因:输给竞争对手 1 · 预算取消 1" in report
    assert team.manager  # the report went to the manager's chat
    assert all(c.chat_id == team.manager.chat_id for c in sent if c.text.startswith("📅"))


async def test_a_rep_and_another_teams_manager_reach_nothing(bot: BotHarness) -> None:
    team = await known_deals(bot)
    wang = await member_of(bot, team.wang)
    zhang_deal = await bot.scalar(select(Deal.id).where(Deal.title == "总部项目"))
    for data in (
        callbacks.pipeline_page("m"),
        callbacks.pipeline_page("q", 1),
        callbacks.pipeline_rep(wang.id, "m"),
        callbacks.pipeline_charts("m"),
    ):
        reply = await team.zhang.press_data(data)
        assert reply.callback_answers == ["销售漏斗只有经理可以查看。"], data
        assert reply.messages == [] or "王磊" not in reply.text
    assert (await team.wang.send("/pipeline")).text == (
        "销售漏斗只有经理可以查看。你的商机在各客户的卡片上。"
    )
    for data in (f"deal:v:{zhang_deal}", f"deal:p:{zhang_deal}", f"deal:p:{zhang_deal}:80"):
        reply = await team.wang.press_data(data)
        assert reply.callback_answers == ["这个按钮已失效。"], data
        assert "中建三局" not in reply.text
    for data in (
        callbacks.SETTINGS_HOME,
        callbacks.stage_page("quote"),
        callbacks.set_stage_chance("quote", 60),
        callbacks.set_currency("USD"),
    ):
        reply = await team.wang.press_data(data)
        assert reply.callback_answers == ["只有团队经理可以修改团队设置。"], data

    other = bot.user("陈经理")
    await other.send("/newteam 华南销售部")
    for data in (callbacks.pipeline_rep(wang.id, "m"), callbacks.page(zhang_deal)):
        reply = await other.press_data(data)
        assert reply.callback_answers == ["这个按钮已失效。"], data
    with time_machine.travel(NOW, tick=False):
        theirs = await other.send("/pipeline")
    assert "没有进行中的商机" in theirs.text and "中建三局" not in theirs.text
    deals = await bot.scalars(select(Deal.probability).where(Deal.title == "总部项目"))
    assert list(deals) == [75]
    spied = await bot.scalars(
        select(AuditLog.action).where(AuditLog.action.in_(("deal.view", "member.view")))
    )
    assert list(spied) == []


async def test_a_manager_renames_a_stage_and_changes_its_chance(bot: BotHarness) -> None:
    team = await known_deals(bot)
    settings = await team.manager.send("/teamsettings")
    assert "💼 商机阶段与币种" in settings.buttons
    home = await team.manager.press("💼 商机阶段与币种")
    assert (
        "1. 初步接触 · 10%\n2. 需求确认 · 25%\n3. 方案报价 · 50%\n4. 商务谈判 · 75%\n"
        "结束:赢单 100% · 输单 0%\n默认币种:人民币(CNY)"
    ) in home.text
    stage = await team.manager.press("✏️ 方案报价")
    assert "赢单概率:50%(默认 50%)" in stage.text
    saved = await team.manager.press("60%")
    assert saved.callback_answers == ["✅ 已保存,1 个商机一并调整。"]
    assert "赢单概率:60%(默认 50%)" in saved.text
    asked = await team.manager.press("改名称")
    assert "请输入新的阶段名称,例如:方案交流" in asked.text
    assert "阶段名称请写 2 到 20 个字" in (await team.manager.send("案")).text  # still waiting
    renamed = await team.manager.send("方案交流")
    assert "✅ 阶段「方案报价」改名为「方案交流」。" in renamed.text
    await team.manager.press("✍️ 输入概率")
    typed = await team.manager.send("65%")
    assert "✅ 「方案交流」的赢单概率改为 65%。1 个商机一并调整。" in typed.text
    office = await bot.scalar(select(Deal).where(Deal.title == "办公楼项目"))
    assert office.probability == 65

    with time_machine.travel(NOW, tick=False):
        pipeline = (await team.manager.send("/pipeline")).text
    assert "方案交流:1 个 · 120万 · 加权 78万" in pipeline and "方案报价" not in pipeline
    card = await team.wang.send("/customer 华润置地")
    assert "  · 办公楼项目 · 120万 · 方案交流 · 预计12月31日签约" in card.text
    # A deal reaching the stage takes the team's chance; the history keeps the stage's code.
    await team.wang.send("/customer 万科物业")
    moved = await team.wang.press("推进")
    assert "⏩ 已推进到「方案交流」。" in moved.text and "赢单概率 65%" in moved.text
    audit = await bot.scalars(select(AuditLog.detail).where(AuditLog.action == "team.settings"))
    assert {"stage:quote:60", "stage:quote:name", "stage:quote:65"} <= set(audit)


async def test_the_team_currency_and_a_guided_deal(bot: BotHarness) -> None:
    team = await make_team(bot)
    await team.manager.send("/teamsettings")
    await team.manager.press("💼 商机阶段与币种")
    await team.manager.press("💱 默认币种")
    chosen = await team.manager.press("美元 USD")
    assert chosen.callback_answers == ["✅ 已保存"] and "默认币种:美元(USD)" in chosen.text

    with time_machine.travel(NOW, tick=False):
        await team.wang.send("/newcustomer")
        await team.wang.send("华润置地")
        await team.wang.press("跳过")
        await team.wang.press("跳过")
        card = await team.wang.send("/customer 华润置地")
        assert "💼 新商机" in card.buttons
        first = await team.wang.press("💼 新商机")
        assert "新商机 · 2/6" in first.text and "商机叫什么?不填就用客户名。" in first.text
        await team.wang.send("办公楼二期")
        asked = await team.wang.send("一百多万")
        assert asked.text.startswith("没看懂这个金额,请写数字和单位。")
        assert "例如:120万 或 35万美元" in asked.text
        stage = await team.wang.send("35万")
        assert stage.buttons[:4] == ["初步接触 10%", "需求确认 25%", "方案报价 50%", "商务谈判 75%"]
        await team.wang.press("方案报价 50%")
        confirm = await team.wang.send("月底")
        assert "✅ 保存:办公楼二期 · 35万 USD · 方案报价 · 预计12月31日签约" in confirm.buttons
        assert await bot.scalar(select(Deal.id)) is None  # nothing saved before the press
        saved = await team.wang.press("✅ 保存")
    assert (
        "💼 已新建商机「办公楼二期」(方案报价 · 赢单概率 50%),在「华润置地」的卡片上。"
        in saved.text
    )
    made = await bot.scalar(select(Deal))
    assert (made.title, made.amount, made.currency, made.stage, made.probability) == (
        "办公楼二期", 350_000, "USD", DealStage.QUOTE, 50,
    )  # fmt: skip
    assert made.close_date == date(2026, 12, 31)
    assert "  · 办公楼二期 · 35万 USD · 方案报价 · 预计12月31日签约" in saved.text


async def test_deal_command_asks_for_the_customer_first(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华润置地的刘总手机13812345678")
    await wang.press("保存")
    with time_machine.travel(NOW, tick=False):
        first = await wang.send("/deal")
        assert "新商机 · 1/6" in first.text and "🏢 华润置地" in first.buttons
        await wang.press("🏢 华润置地")
        await wang.press("跳过")  # the title: the customer's name
        await wang.send("1.2亿")
        await wang.press("商务谈判 75%")
        confirm = await wang.press("跳过")  # no close date yet
        assert confirm.buttons[0] == "✅ 保存:华润置地 · 1.2亿 · 商务谈判"
        await wang.press("✅ 保存")
    made = await bot.scalar(select(Deal))
    assert (made.title, made.amount, made.currency, made.close_date) == (
        "华润置地", 120_000_000, "CNY", None,
    )  # fmt: skip


async def test_a_reps_own_chance_on_one_deal(bot: BotHarness) -> None:
    team = await known_deals(bot)
    card = await team.wang.send("/customer 华润置地")
    assert "🎯 50%" in card.buttons
    offered = await team.wang.press("🎯 50%")
    assert "🎯 「办公楼项目」赢单的把握有多大?现在是 50%。" in offered.text
    assert "↩️ 按阶段(方案报价 50%)" in offered.buttons
    done = await team.wang.press("80%")
    assert "🎯 赢单概率已改为 80%。" in done.text and "赢单概率 80%" in done.text
    office = await bot.scalar(select(Deal).where(Deal.title == "办公楼项目"))
    assert office.probability == 80
    async with bot.session() as session:
        changes = await session.execute(
            select(DealChange.old_value, DealChange.new_value)
            .where(DealChange.deal_id == office.id, DealChange.field == "probability")
        )  # fmt: skip
        assert [tuple(row) for row in changes] == [("50", "80")]
    # The team's new chance for the stage leaves a chance set by hand alone.
    await team.manager.send("/teamsettings")
    await team.manager.press("💼 商机阶段与币种")
    await team.manager.press("✏️ 方案报价")
    saved = await team.manager.press("60%")
    assert saved.callback_answers == ["✅ 已保存"]
    assert await bot.scalar(select(Deal.probability).where(Deal.id == office.id)) == 80


async def test_a_note_is_read_in_the_teams_currency_and_stage_names(bot: BotHarness) -> None:
    """A 港币 team: a note naming no currency is a deal in 港币, one saying 人民币 stays in 人民币;
    the capture card and the digest's stuck deal call 方案报价 by the team's name."""
    team = await make_team(bot)
    await team.manager.send("/teamsettings")
    await team.manager.press("💼 商机阶段与币种")
    await team.manager.press("💱 默认币种")
    await team.manager.press("港币 HKD")
    await team.manager.press("✏️ 方案报价")
    await team.manager.press("改名称")
    await team.manager.send("方案交流")

    with time_machine.travel(at(10, 31), tick=False):
        card = await team.wang.send("华润置地办公楼项目报价120万")
        assert "💼 商机:办公楼项目 · 120万 HKD · 方案交流(新建商机)" in card.text
        saved = await team.wang.press("保存")
        assert "💼 已新建商机「办公楼项目」(方案交流)" in saved.text
        card = await team.wang.send("万科物业园区项目报价人民币80万")
        assert "💼 商机:园区项目 · 80万 · 方案交流(新建商机)" in card.text
        await team.wang.press("保存")
    made = {d.title: d for d in await bot.scalars(select(Deal))}
    assert (made["办公楼项目"].amount, made["办公楼项目"].currency) == (1_200_000, "HKD")
    assert (made["园区项目"].amount, made["园区项目"].currency) == (800_000, "CNY")

    digest = (await Pushes.of(bot).at(local(2026, 12, 2, 8, 30)))[0].text
    assert (
        "💼 商机停滞 (2)\n"
        "1. 华润置地 办公楼项目 120万 HKD:在「方案交流」已停留 31 天,没有进展\n"
        "2. 万科物业 园区项目 80万:在「方案交流」已停留 31 天,没有进展"
    ) in digest
    assert "方案报价" not in digest

    with time_machine.travel(NOW, tick=False):
        # An update naming no currency keeps its deal's: the card says so before saving.
        card = await team.wang.send("华润置地办公楼项目谈到了110万,客户在压价")
        assert (
            "💼 更新商机「办公楼项目」:金额 120万 HKD → 110万 HKD · 阶段 方案交流 → 商务谈判"
            in card.text
        )
        saved = await team.wang.press("保存")
        assert (
            "💼 已更新商机「办公楼项目」:金额 120万 HKD → 110万 HKD · 阶段 方案交流 → 商务谈判"
            in saved.text
        )


async def plan_payments(
    bot: BotHarness, owner: LocalClient, deal_id: int, plan: list[tuple[str, int, date]],
    paid: tuple[int, date] | None = None,
) -> None:  # fmt: skip
    """A won deal's 回款 plan with its due dates; `paid` came in on its first installment."""
    actor = Actor.of(await member_of(bot, owner))
    async with bot.session() as session:
        found = await DealRepo(session, actor).get(deal_id)
        assert found is not None
        await DealRepo(session, actor).set_payments(found, [(label, p) for label, p, _d in plan])
        await session.flush()
        payments = PaymentRepo(session, actor)
        installments = await payments.plan(found)
        for installment, (_label, _p, due) in zip(installments, plan, strict=True):
            payments.set_due(found, installment, due, datetime.now(UTC))
        if paid is not None:
            payments.collect(found, installments[0], paid[0], paid[1], datetime.now(UTC))
        await session.commit()


async def test_the_weekly_report_has_the_collection_line(bot: BotHarness) -> None:
    """Last week (30 November–6 December) 18万 fell due and 10万 of it came in; 8万 of it and
    国网上海's 50万 (due 25 November) are overdue on Monday 7 December."""
    team = await known_deals(bot)
    huadian = await bot.scalar(select(Deal.id).where(Deal.title == "华电集团"))
    await plan_payments(
        bot, team.zhang, huadian, [("签约", 30, date(2026, 12, 1)), ("验收", 70, date(2026, 12, 20))],
        paid=(100_000, date(2026, 12, 3)),
    )  # fmt: skip
    grid = await bot.scalar(select(Deal.id).where(Deal.title == "配网项目"))
    await plan_payments(bot, team.wang, grid, [("预付", 50, date(2026, 11, 25))])
    sent = await Pushes.of(bot).at(at(12, 7, 9))
    report = next(c.text for c in sent if c.text.startswith("📅 上周周报"))
    assert "💰 回款:本期应回 18万 · 已回 10万(55%) · 逾期未回 58万" in report
    # The same line as the team summary's for last week.
    with time_machine.travel(at(12, 7, 9), tick=False):
        await team.manager.send("/team")
        summary = await team.manager.press("上周")
    assert "💰 回款:本期应回 18万 · 已回 10万(55%) · 逾期未回 58万" in summary.text
