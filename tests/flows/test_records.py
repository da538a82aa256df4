"""Every record can be corrected (#14, must-have 2): a follow-up's text, due date and
done/undone, a visit record's text, kind and time; deleted with 24 hours to undo; every change
in the change log."""

from datetime import date

import pytest
from sqlalchemy import func, select

from bot.local_api import LocalClient
from storage.models import ChangeLog, FollowUp, Interaction, Itinerary
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def rep_with_a_wrong_follow_up(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/followup")
    await wang.press("华东电力设计院")
    await wang.send("跟进报架")
    await wang.send("下周五")
    return wang


async def test_a_wrong_follow_up_is_corrected_from_the_card(bot: BotHarness) -> None:
    wang = await rep_with_a_wrong_follow_up(bot)
    await wang.send("/customer 华东电力设计院")
    listed = await wang.press("🛠 改记录")
    assert "「华东电力设计院」要改哪一条?" in listed.text
    menu = await wang.press("跟进报架")
    assert "⏰ 12月4日(周五) 跟进报架 · ⏳ 待办" in menu.text or "跟进报架 · ⏳ 待办" in menu.text
    ask = await wang.press("✏️ 改内容")
    assert "请输入新的跟进内容" in ask.text
    fixed = await wang.send("跟进报价")
    assert "✅ 已改好。" in fixed.text and "跟进报价" in fixed.text
    await wang.press("🛠 改记录")
    await wang.press("跟进报价")
    await wang.press("📅 改日期")
    await wang.send("下周三")
    follow_up = await bot.scalar(select(FollowUp))
    assert (follow_up.text, follow_up.due_date) == ("跟进报价", date(2026, 12, 2))
    await wang.press("🛠 改记录")
    await wang.press("跟进报价")
    done = await wang.press("✅ 标为完成")
    assert "✅ 已完成" in done.text
    undone = await wang.press("↩️ 改回待办")
    assert "⏳ 待办" in undone.text
    assert (await bot.scalar(select(FollowUp.status))) == "open"
    changes = await bot.scalars(select(ChangeLog.field).where(ChangeLog.entity == "follow_up"))
    assert {"text", "due_date", "status"} <= set(changes)
    gone = await wang.press("🗑 删除")
    assert "🗑 已删除" in gone.text and "24 小时内可以撤销" in gone.text
    assert await bot.scalar(select(func.count()).select_from(FollowUp)) == 0
    back = await wang.press("↩️ 撤销删除")
    assert back.callback_answers == ["已撤销删除。"]
    assert "跟进报价" in back.text
    assert await bot.scalar(select(FollowUp.text)) == "跟进报价"


async def test_a_visit_record_is_corrected_and_deleted(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/visit")
    await wang.press("华东电力设计院")
    await wang.press("完成选择")
    await wang.send("聊了报架")
    await wang.press("跳过")
    await wang.press("跳过")
    await wang.send("/customer 华东电力设计院")
    await wang.press("🛠 改记录")
    await wang.press("聊了报架")
    await wang.press("✏️ 改内容")
    await wang.send("聊了报价")
    await wang.press("🛠 改记录")
    await wang.press("聊了报价")
    kind = await wang.press("电话")
    assert "电话:聊了报价" in kind.text
    await wang.press("📅 改时间")
    await wang.send("上周五下午3点")
    visit = await bot.scalar(select(Interaction))
    assert (visit.summary, visit.kind) == ("聊了报价", "call")
    assert visit.occurred_at.date() == date(2026, 11, 20)
    await wang.press("🛠 改记录")
    await wang.press("聊了报价")
    await wang.press("🗑 删除")
    assert await bot.scalar(select(func.count()).select_from(Interaction)) == 0
    await wang.press("↩️ 撤销删除")
    assert await bot.scalar(select(Interaction.summary)) == "聊了报价"


async def test_a_record_is_corrected_from_the_full_history(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    for summary in ("聊了报架", "送了样品"):
        await wang.send("/visit")
        asked = await wang.press("华东电力设计院")
        if "➕ 另记一次拜访" in asked.buttons:  # met today already (tryout 17)
            await wang.press("另记一次拜访")
        await wang.press("完成选择")
        await wang.send(summary)
        await wang.press("跳过")
        await wang.press("跳过")
    await wang.send("/customer 华东电力设计院")
    history = await wang.press("全部记录")
    # Each record is numbered, and its number opens it for correcting.
    assert "1. 11月23日(周一) 10:00 拜访:送了样品" in history.text
    assert "2. 11月23日(周一) 10:00 拜访:聊了报架" in history.text
    assert history.buttons[:2] == ["✏️ 1", "✏️ 2"]
    menu = await wang.press("✏️ 2")
    assert "拜访:聊了报架" in menu.text
    await wang.press("✏️ 改内容")
    fixed = await wang.send("聊了报价")
    assert "✅ 已改好。" in fixed.text
    assert set(await bot.scalars(select(Interaction.summary))) == {"聊了报价", "送了样品"}


async def test_a_manager_reading_a_reps_history_gets_no_edit_buttons(bot: BotHarness) -> None:
    manager = bot.user("李经理")
    invite = (await manager.send("/newteam 华东一部")).text
    wang = bot.user("王磊")
    await wang.send("/join " + invite.split("/join ")[1].split()[0])
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/visit")
    await wang.press("华东电力设计院")
    await wang.press("完成选择")
    await wang.send("聊了报价")
    await wang.press("跳过")
    await wang.press("跳过")
    await manager.send("/customer 华东电力设计院")
    history = await manager.press("全部记录")
    assert "1. 11月23日(周一) 10:00 拜访:聊了报价" in history.text
    assert not [b for b in history.buttons if b.startswith("✏️")]


# -- trips (tryout #6) ------------------------------------------------------------------------


async def rep_with_a_trip(bot: BotHarness) -> LocalClient:
    """王磊's 华东电力设计院 with 王局长, who is in 北京 next Tuesday to Thursday."""
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("华东电力设计院")
    await wang.send("王建国 局长")
    await wang.send("跳过")
    await wang.send("跳过")
    await record_the_trip(wang)
    return wang


async def record_the_trip(wang: LocalClient) -> str:
    await wang.send("/trip")
    await wang.press("华东电力设计院")
    await wang.press("王局长")
    await wang.send("北京")
    await wang.send("下周二到周四")
    return (await wang.send("开会")).text


async def test_the_same_trip_twice_is_kept_once(bot: BotHarness) -> None:
    wang = await rep_with_a_trip(bot)
    again = await record_the_trip(wang)
    assert again == "ℹ️ 已有这条行程:王局长 12月1日–3日 北京,没有重复记下。"
    assert await bot.scalar(select(func.count()).select_from(Itinerary)) == 1
    card = await wang.send("/customer 华东电力设计院")
    assert card.text.count("王局长 12月1日–3日 北京 · 开会") == 1


async def test_a_trip_is_corrected_and_deleted_from_the_card(bot: BotHarness) -> None:
    wang = await rep_with_a_trip(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("🛠 改记录")
    menu = await wang.press("✈️ 王局长")
    assert menu.text == "✈️ 王局长 12月1日–3日 北京 · 开会"
    await wang.press("✏️ 改地点")
    fixed = await wang.send("天津")
    assert "✅ 已改好。" in fixed.text and "王局长 12月1日–3日 天津 · 开会" in fixed.text
    await wang.press("🛠 改记录")
    await wang.press("✈️ 王局长")
    await wang.press("📅 改日期")
    refused = await wang.send("上周一")  # over already: asked again, nothing changes
    assert "✅ 已改好。" not in refused.text
    fixed = await wang.send("下周三到周五")
    assert "王局长 12月2日–4日 天津 · 开会" in fixed.text
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on, trip.ends_on) == (
        "天津",
        date(2026, 12, 2),
        date(2026, 12, 4),
    )
    changes = await bot.scalars(select(ChangeLog.field).where(ChangeLog.entity == "itinerary"))
    assert {"place", "starts_on", "ends_on"} <= set(changes)

    await wang.press("🛠 改记录")
    await wang.press("✈️ 王局长")
    gone = await wang.press("🗑 删除")
    assert "🗑 已删除:✈️ 王局长 12月2日–4日 天津 · 开会" in gone.text
    assert await bot.scalar(select(func.count()).select_from(Itinerary)) == 0
    back = await wang.press("↩️ 撤销删除")
    assert back.callback_answers == ["已撤销删除。"]
    assert "王局长 12月2日–4日 天津 · 开会" in back.text


async def test_a_colleague_cannot_touch_a_trip_with_forged_buttons(bot: BotHarness) -> None:
    await rep_with_a_trip(bot)
    trip = await bot.scalar(select(Itinerary))
    zhang = bot.user("张伟")
    for data in (f"rec:t:{trip.id}", f"rec:tp:{trip.id}", f"rec:tdel:{trip.id}"):
        reply = await zhang.press_data(data)
        assert "王局长" not in reply.text
    assert await bot.scalar(select(func.count()).select_from(Itinerary)) == 1


async def test_a_note_saved_twice_keeps_one_trip(bot: BotHarness) -> None:
    wang = await rep_with_a_trip(bot)
    for _ in range(2):
        card = await wang.send("华东电力设计院的王局长说下周二到周四在北京开会")
        assert "北京" in card.text
        await wang.press("保存")
    await wang.press("仍然保存")  # the same note again: said, and saved when the rep says so
    assert await bot.count(Interaction) == 2
    assert await bot.scalar(select(func.count()).select_from(Itinerary)) == 1
    # Deleting the note a trip was read from leaves the trip (README: 🛠 改记录 deletes it).
    await wang.send("/customer 华东电力设计院")
    listed = await wang.press("🛠 改记录")
    assert listed.buttons.count("✈️ 王局长 12月1日–3日 北京 · 开会") == 1
    for note in await bot.scalars(select(Interaction.id)):
        await wang.press_data(f"rec:i:{note}")
        await wang.press("🗑 删除")
    assert await bot.scalar(select(func.count()).select_from(Interaction)) == 0
    assert await bot.scalar(select(func.count()).select_from(Itinerary)) == 1
