"""A deal whose close date passed without a result, or that sat in one stage longer than the
team's limit, is in the rep's morning digest (at most three in all, the most valuable first)
with ⏩ 推进 / 📅 改日期 / 💔 输单; the digest stays as it was."""

from datetime import date, datetime

import time_machine
from sqlalchemy import select

from storage.actor import Actor
from storage.deals import DealRepo, DealUpdate
from storage.models import Deal, DealStage, Member
from tests.builders import Archive, Pushes, local, make_team, member_of
from tests.conftest import BotHarness


async def test_overdue_deals_in_the_digest_most_valuable_first(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    member = await member_of(bot, wang)
    archive = Archive(bot, member)
    deals = (
        ("华润置地", 500_000, date(2026, 11, 30)),
        ("万科物业", 1_200_000, date(2026, 11, 20)),
        ("中建三局", 800_000, date(2026, 11, 28)),
        ("华电集团", 300_000, date(2026, 11, 25)),
        ("招商局", 9_000_000, date(2026, 12, 20)),  # not due yet
    )
    with time_machine.travel(local(2026, 11, 10, 10), tick=False):
        for name, amount, close in deals:
            customer = await archive.customer(name)
            async with bot.session() as session:
                await DealRepo(session, Actor.of(member)).create(
                    customer,
                    DealUpdate(
                        title=f"{name}项目", amount=amount, stage=DealStage.QUOTE, close_date=close
                    ),
                    local(2026, 11, 10, 10),
                )
                await session.commit()

    sent = await Pushes.of(bot).at(local(2026, 12, 2, 8, 30))
    digest = sent[0].text
    assert "💼 商机已过签约日期 (3)" in digest
    lines = [line for line in digest.splitlines() if "签约,已过" in line]
    assert lines == [
        "1. 万科物业 万科物业项目 120万:预计11月20日签约,已过 12 天还没有结果",
        "2. 中建三局 中建三局项目 80万:预计11月28日签约,已过 4 天还没有结果",
        "3. 华润置地 华润置地项目 50万:预计11月30日签约,已过 2 天还没有结果",
    ]
    assert "招商局" not in digest and "华电集团" not in digest

    with time_machine.travel(local(2026, 12, 2, 9), tick=False):
        asked = await wang.press("改日期 1")
        assert "📅 「万科物业项目」改到哪天签约?" in asked.text
        assert "月底 12月31日" in asked.buttons
        done = await wang.press("月底 12月31日")
        assert "📅 签约日期已改到12月31日。" in done.text
        moved = await wang.press("推进 2")
        assert "⏩ 已推进到「商务谈判」。" in moved.text
        asked = await wang.press("输单 3")
        assert "💔 「华润置地项目」为什么输了?" in asked.text
        await wang.press("客户没回应")
    found = {d.title: d for d in await bot.scalars(select(Deal))}
    assert found["万科物业项目"].close_date == date(2026, 12, 31)
    assert found["中建三局项目"].stage == DealStage.NEGOTIATION
    assert (found["华润置地项目"].stage, found["华润置地项目"].lost_reason) == (
        DealStage.LOST,
        "客户没回应",
    )
    # The digest itself was left as it was: the answers came as new messages.
    messages = bot.api.chat_messages(wang.chat_id)
    assert any("💼 商机已过签约日期 (3)" in str(m.get("text", "")) for m in messages)


async def make_deal(
    bot: BotHarness, member: Member, name: str, amount: int, stage: DealStage,
    close: date | None, created: datetime,
) -> None:  # fmt: skip
    """A deal on a new customer of `member`, last moved at `created`."""
    with time_machine.travel(created, tick=False):
        customer = await Archive(bot, member).customer(name)
        async with bot.session() as session:
            await DealRepo(session, Actor.of(member)).create(
                customer,
                DealUpdate(title=f"{name}项目", amount=amount, stage=stage, close_date=close),
                created,
            )
            await session.commit()


async def test_deals_stuck_in_a_stage_are_asked_about_beside_the_overdue_ones(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    with time_machine.travel(local(2026, 10, 31, 10), tick=False):
        card = await wang.send("万科物业园区项目报价80万")
        assert "💼 商机:园区项目 · 80万 · 方案报价(新建商机)" in card.text
        await wang.press("保存")
    member = await member_of(bot, wang)
    for name, amount, stage, close, created in (
        ("中建三局", 2_000_000, DealStage.NEEDS, None, local(2026, 10, 1, 10)),
        ("华润置地", 1_200_000, DealStage.QUOTE, date(2026, 11, 30), local(2026, 11, 20, 10)),
        ("华电集团", 100_000, DealStage.CONTACT, None, local(2026, 10, 15, 10)),
        # Moving along: neither past its date nor stuck.
        ("招商局", 5_000_000, DealStage.NEGOTIATION, date(2026, 12, 20), local(2026, 11, 25, 10)),
    ):
        await make_deal(bot, member, name, amount, stage, close, created)

    pushes = Pushes.of(bot)
    digest = (await pushes.at(local(2026, 12, 2, 8, 30)))[0].text
    # Three deals in all, the most valuable first: 华电集团 (10万) waits for another day.
    assert (
        "💼 商机已过签约日期 (1)\n"
        "1. 华润置地 华润置地项目 120万:预计11月30日签约,已过 2 天还没有结果\n\n"
        "💼 商机停滞 (2)\n"
        "2. 中建三局 中建三局项目 200万:在「需求确认」已停留 61 天,没有进展\n"
        "3. 万科物业 园区项目 80万:在「方案报价」已停留 31 天,没有进展"
    ) in digest
    assert "华电集团" not in digest and "招商局" not in digest

    with time_machine.travel(local(2026, 12, 2, 9), tick=False):
        moved = await wang.press("推进 3")
        assert "⏩ 已推进到「商务谈判」。" in moved.text
        assert "园区项目 · 80万 · 商务谈判" in moved.text
        asked = await wang.press("改日期 2")
        assert "📅 「中建三局项目」改到哪天签约?" in asked.text
        done = await wang.press("月底 12月31日")
        assert "📅 签约日期已改到12月31日。" in done.text
    found = {d.title: d for d in await bot.scalars(select(Deal))}
    assert found["园区项目"].stage == DealStage.NEGOTIATION
    assert found["中建三局项目"].close_date == date(2026, 12, 31)

    # Answered deals rest for another stretch; the next one in value comes in.
    digest = (await pushes.at(local(2026, 12, 3, 8, 30)))[0].text
    assert "💼 商机停滞 (1)\n2. 华电集团 华电集团项目 10万:在「初步接触」已停留 48 天,没有进展" in (
        digest
    )
    assert "中建三局" not in digest and "园区项目" not in digest
    asked = await wang.press("输单 2")
    assert "💔 「华电集团项目」为什么输了?" in asked.text
    await wang.press("项目暂停")
    assert found["华电集团项目"].id in {
        d.id for d in await bot.scalars(select(Deal).where(Deal.stage == DealStage.LOST))
    }


async def test_the_team_sets_how_long_a_deal_may_sit_in_one_stage(bot: BotHarness) -> None:
    team = await make_team(bot)
    settings = await team.manager.send("/teamsettings")
    assert "商机停滞提醒:同一阶段 30 天没有进展" in settings.text
    asked = await team.manager.press("商机停滞天数")
    assert "商机在同一阶段多少天没有进展" in asked.text
    saved = await team.manager.press("45")
    assert "商机停滞提醒:同一阶段 45 天没有进展" in saved.text
    member = await member_of(bot, team.wang)
    await make_deal(
        bot, member, "万科物业", 800_000, DealStage.QUOTE, None, local(2026, 10, 31, 10)
    )
    await make_deal(bot, member, "中建三局", 600_000, DealStage.NEEDS, None, local(2026, 10, 1, 10))
    sent = await Pushes.of(bot).at(local(2026, 12, 2, 8, 30))
    digest = "\n".join(c.text for c in sent if c.chat_id == team.wang.chat_id)
    assert "💼 商机停滞 (1)\n1. 中建三局 中建三局项目 60万:在「需求确认」已停留 61 天" in digest
    assert "万科物业" not in digest
