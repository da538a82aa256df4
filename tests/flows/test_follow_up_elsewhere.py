"""/followup's 要跟进什么 answered with words about another of the rep's customers is asked
about before it is saved (tryout of 2026-12-03, item 4): a whole note about 顺丰 typed at
万科's step was saved as 万科's follow-up."""

import pytest
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import Customer, FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

ABOUT_SF = "今天拜访了顺丰吴总监 他说下周一签合同"


async def _two_customers(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    for note in ("万科王总 喜欢钓鱼", "顺丰吴总监 喜欢高尔夫"):
        await wang.send(note)
        await wang.press("保存")
    await wang.send("/followup")
    asked = await wang.press("万科")
    assert "要跟进什么?" in asked.text
    return wang


async def _follow_ups_of(bot: BotHarness, name: str) -> list[str]:
    return await bot.scalars(
        select(FollowUp.text).join(Customer).where(Customer.name == name).order_by(FollowUp.id)
    )


async def test_words_about_another_customer_are_asked_about_and_become_its_note(
    bot: BotHarness,
) -> None:
    wang = await _two_customers(bot)
    asked = await wang.send(ABOUT_SF)
    assert asked.text == "这段话说的是你的另一个客户「顺丰」。还记为「万科」的跟进吗?"
    assert asked.buttons == [
        "⏰ 是,记为「万科」的跟进",
        "📝 不是,当作一条新记录",
        "⬅️ 上一步",
        "❌ 取消",
    ]
    assert await bot.count(FollowUp) == 0  # nothing saved while asked
    card = await wang.press("不是,当作一条新记录")
    assert card.text.startswith("我记下了这些,确认保存吗?\n🏢 顺丰")
    assert "⏰ 跟进:11月30日(周一) 签合同" in card.text
    saved = await wang.press("保存")
    assert saved.text == "✅ 已保存到「顺丰」。"
    assert await _follow_ups_of(bot, "万科") == []
    assert await _follow_ups_of(bot, "顺丰") == ["签合同"]
    visit = await bot.scalar(select(Interaction).where(Interaction.kind == "visit"))
    assert visit.note == ABOUT_SF
    # the flow is over: its step takes no more text
    assert "什么时候" not in (await wang.send("明天")).text


async def test_kept_as_the_chosen_customers_follow_up_when_the_rep_says_so(
    bot: BotHarness,
) -> None:
    wang = await _two_customers(bot)
    await wang.send("顺丰那边的报价也抄送给王总")
    when = await wang.press("是,记为「万科」的跟进")
    assert "什么时候?" in when.text
    done = await wang.send("明天")
    assert done.text == "✅ 已加跟进:「万科」11月24日(周二) 顺丰那边的报价也抄送给王总"
    assert await _follow_ups_of(bot, "顺丰") == []


@pytest.mark.parametrize(
    "words",
    [
        "发报价单给王局长",  # no company
        "给万科王总发报价",  # the chosen one
        "问问华润置地的报价",  # no customer of the rep's
    ],
)
async def test_other_words_are_not_asked_about(bot: BotHarness, words: str) -> None:
    wang = await _two_customers(bot)
    assert "什么时候?" in (await wang.send(words)).text


async def test_the_question_is_left_by_going_back_or_cancelling(bot: BotHarness) -> None:
    wang = await _two_customers(bot)
    await wang.send(ABOUT_SF)
    back = await wang.press("上一步")
    assert "是哪个客户?" in back.text
    await wang.press("顺丰")
    assert "什么时候?" in (await wang.send(ABOUT_SF)).text  # 顺丰's own: nothing to ask
    await wang.send("/followup")
    await wang.press("万科")
    await wang.send(ABOUT_SF)
    assert (await wang.send("取消")).text == "已取消。有需要随时找我。"
    assert await bot.count(FollowUp) == 0
