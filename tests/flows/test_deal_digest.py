"""A deal whose close date passed without a result is in the rep's morning digest (at most
three, the most valuable first) with ⏩ 推进 / 📅 改日期 / 💔 输单; the digest stays as it was."""

from datetime import date

import time_machine
from sqlalchemy import select

from storage.actor import Actor
from storage.deals import DealRepo, DealUpdate
from storage.models import Deal, DealStage
from tests.builders import Archive, Pushes, local, member_of
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
