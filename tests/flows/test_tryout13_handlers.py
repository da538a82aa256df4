"""The handler-side items of tryout 13 (Thursday 3 December 2026, 13:55): a change is said in
the words the cards use; a key leader is shown before saving makes one; a follow-up whose hour
has gone says no reminder will come; 最近联系 follows the records kept; a note typed while 🔍
查找 waits is a note; a company typed at 这条记录属于哪个客户? answers it, and a card left unsaved
is said to be in /drafts; a time typed at ⏰ 推迟 moves that item; a nameless person's facts are
never shown as kept; a task on the card that names another customer is asked about; /trip reads
a sentence's place; /newcustomer asks about a note typed as a name; a customer can be renamed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import Contact, Customer, Draft, FollowUp, Interaction, Itinerary
from tests.builders import SHANGHAI, Pushes
from tests.conftest import BotHarness

NOW = datetime(2026, 12, 3, 13, 55, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def thursday_afternoon() -> Iterator[time_machine.Traveller]:
    """Thursday 3 December 2026, 13:55 in Shanghai (下周二 is 12月8日)."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


async def test_a_changed_role_is_said_by_its_name(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("江苏省气象局王建国局长 他是拍板的 电话13851234567")
    await wang.press("保存")
    await wang.send("江苏省气象局的王局长现在只是技术把关 拍板的是李书记")
    saved = await wang.press("保存")
    assert "✏️ 王局长决策角色:拍板人 → 影响者(旧值已记入历史)" in saved.text
    assert "decision_maker" not in saved.text and "influencer" not in saved.text
    await wang.press("查看客户")
    await wang.press("📋 完整档案")
    log = await wang.press("🕘 修改记录")
    assert "决策角色 拍板人 → 影响者" in log.text


async def test_a_status_change_is_said_by_its_name(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 万科集团")
    await wang.press("新建")
    await wang.press("✏️ 编辑资料")
    await wang.press("状态")
    await wang.press("跟进中")
    await wang.press("📋 完整档案")
    log = await wang.press("🕘 修改记录")
    assert "状态 潜在 → 跟进中" in log.text and "potential" not in log.text


async def test_a_key_leader_is_shown_on_the_card_before_saving_makes_one(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send("江苏省气象局王建国局长 他是拍板的 电话13851234567")
    assert "👤 王建国 局长(王局长) 🔑" in card.text
    await wang.press("保存")
    assert await bot.scalar(select(Contact.is_key_leader)) is True


async def test_a_reminder_naming_a_person_does_not_make_them_a_key_leader(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send("拜访了顺丰吴总监 谈了仓储系统 他挺满意 下周二报价")
    assert "🔑" not in card.text
    await wang.press("保存")
    card = await wang.send("提醒我5分钟后给吴总回个电话")
    assert "👤 吴总" in card.text and "🔑" not in card.text
    saved = await wang.press("保存")
    assert "已保存到「顺丰」" in saved.text and "关键人" not in saved.text
    assert await bot.scalar(select(Contact.is_key_leader)) is False
    customer = await wang.press("查看客户")
    assert "🔑" not in customer.text


async def test_a_customers_follow_up_whose_hour_is_gone_says_no_push_will_come(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了江苏省气象局信息处的赵处长 聊了新系统")
    await wang.press("保存")
    card = await wang.send("记得今天上午10点给赵处长打电话")
    assert "今天 10:00(已过)" in card.text
    saved = await wang.press("保存")
    assert saved.text.startswith("✅ 已保存到「江苏省气象局」。")
    assert "⚠️ 12月3日(周四) 10:00 已经过了,到时不会再提醒。" in saved.text
    assert saved.buttons == ["⏰ 改时间", "🏢 查看客户"]
    await wang.press("⏰ 改时间")  # 1小时后 / 明天 / 下周, as on a push
    moved = await wang.press("1小时后")
    assert moved.callback_answers == ["⏰ 已推迟到 12月3日 14:55"]


async def test_a_follow_up_later_today_is_saved_without_a_warning(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了江苏省气象局信息处的赵处长 聊了新系统")
    await wang.press("保存")
    await wang.send("记得今天下午4点给赵处长打电话")
    saved = await wang.press("保存")
    assert "⚠️" not in saved.text and saved.buttons == ["🏢 查看客户"]


async def test_deleting_the_only_visit_clears_the_last_contact(
    bot: BotHarness, thursday_afternoon: time_machine.Traveller
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 中华电力")
    await wang.press("新建")
    thursday_afternoon.move_to(datetime(2026, 11, 30, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    await wang.send("今天拜访了中华电力陈经理 聊了报价")
    await wang.press("保存")
    thursday_afternoon.move_to(NOW)
    await wang.send("今天去中华电力见了陈经理 聊了新系统")
    await wang.press("保存")
    card = await wang.send("/customer 中华电力")
    assert "最近联系:今天" in card.text
    await wang.press("🛠 改记录")
    await wang.press("拜访:新系统")
    await wang.press("🗑 删除")
    card = await wang.press("⬅️ 返回客户")
    assert "最近联系:3 天前" in card.text  # the visit before it
    await wang.press("🛠 改记录")
    await wang.press("📝")
    await wang.press("🗑 删除")
    assert await bot.scalar(select(Customer.last_contact_at)) is None
    restored = await wang.press("↩️ 撤销删除")
    assert "最近联系:3 天前" in restored.text
    await wang.press("🛠 改记录")
    await wang.press("📝")
    await wang.press("🗑 删除")
    card = await wang.press("⬅️ 返回客户")
    assert "最近联系:还没有记录" in card.text


async def test_a_note_typed_while_find_waits_is_a_note_not_a_search(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("🔍 查找")
    note = "拜访了顺丰吴总监 谈了仓储系统 他挺满意 下周二报价"
    replies = await wang.send(note)
    said = [call.text for call in replies.messages]
    assert "已退出查找" in said[0] and "没找到" not in replies.text
    assert said[-1].startswith("我记下了这些") and "📝 拜访:今天" in said[-1]
    saved = await wang.press("保存")
    assert "已保存到「顺丰」" in saved.text
    assert await bot.scalar(select(Interaction.note)) == note
    # the search mode is over: the next words are a note again, and a search still searches
    await wang.send("🔍 查找")
    found = await wang.send("顺丰")
    assert "🏢 顺丰" in found.buttons


@pytest.mark.parametrize("words", ["王建国", "wjg", "13851234567", "两点多", "华东电力设计院"])
async def test_a_name_a_number_or_a_keyword_is_still_searched_for(
    bot: BotHarness, words: str
) -> None:
    wang = bot.user("王磊")
    await wang.send("🔍 查找")
    reply = await wang.send(words)
    assert "没找到" in reply.text and "我记下了这些" not in reply.text


CHAT = (
    "谈总 16:02\n小王，上次说的报价单发我一下\n我 16:05\n好的谈总，明天上午发您\n"
    "谈总 16:06\n行，下周二你过来一趟当面聊"
)


async def test_a_company_typed_at_which_customer_files_the_note_there(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    for name in ("万科集团", "顺丰"):
        await wang.send(f"/customer {name}")
        await wang.press("新建")
    card = await wang.send(CHAT)
    assert "🏢" not in card.text and "⏰" in card.text
    asked = await wang.press("保存")
    assert "这条记录属于哪个客户" in asked.text and "直接发公司名" in asked.text
    saved = await wang.send("万科集团")
    assert saved.text.startswith("✅ 已保存到「万科集团」。")
    assert await bot.count(Draft) == 0
    assert await bot.count(Customer) == 2
    assert await bot.count(FollowUp, FollowUp.customer_id.is_not(None)) >= 1
    notes = await bot.scalars(select(Interaction.note))
    assert notes == [CHAT]  # the chat, and no note 万科集团 of its own


async def test_a_new_company_typed_at_which_customer_is_offered_on_the_card(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 顺丰")
    await wang.press("新建")
    await wang.send(CHAT)
    await wang.press("保存")
    card = await wang.send("苏州工业园区管委会")
    assert "🏢 苏州工业园区管委会(新客户)" in card.text and "⏰" in card.text
    assert await bot.count(Customer) == 1  # nothing made before 保存
    saved = await wang.press("保存")
    assert "已保存到「苏州工业园区管委会」" in saved.text
    assert await bot.count(Customer) == 2 and await bot.count(Draft) == 0


async def test_a_note_typed_at_which_customer_is_a_new_note_and_the_first_is_kept(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 顺丰")
    await wang.press("新建")
    await wang.send(CHAT)
    await wang.press("保存")
    reply = await wang.send("今天拜访了顺丰吴总监 谈了仓储系统")
    said = [call.text for call in reply.messages]
    assert said[0] == "📝 上一条还没保存,已放进草稿(/drafts)。"
    assert "🏢 顺丰" in said[-1] and "📝 拜访:今天" in said[-1]
    drafts = await wang.send("/drafts")
    assert "谈总 16:02" in drafts.text


async def test_a_new_note_says_the_card_it_leaves_unsaved_is_in_drafts(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("南京银行 周总 手机13912345678")
    reply = await wang.send("南京银行周总喜欢打高尔夫 老家扬州")
    said = [call.text for call in reply.messages]
    assert said[0] == "📝 上一条还没保存,已放进草稿(/drafts)。"
    assert said[-1].startswith("我记下了这些")
    saved = await wang.press("保存")
    assert "上一条" not in saved.text
    reply = await wang.send("周总下周一到周三去上海开会")
    assert "上一条" not in reply.text  # the card before was saved: nothing left behind


@pytest.mark.parametrize("typed", ["改到明天下午4点", "明天下午4点", "推迟到明天下午四点吧"])
async def test_a_time_typed_after_postpone_moves_that_follow_up(
    bot: BotHarness, typed: str
) -> None:
    wang = bot.user("王磊")
    await wang.send("今天下午3点和顺丰吴总开会")
    await wang.press("保存")
    await wang.send("/today")
    await wang.press("⏰ 推迟 1")
    moved = await wang.send(typed)
    assert moved.text == "⏰ 已改到 12月4日(周五) 16:00:顺丰 · 和吴总开会"
    assert await bot.count(FollowUp) == 1  # no new reminder 改到明天下午4点
    [follow_up] = await bot.scalars(select(FollowUp))
    assert follow_up.due_at == datetime(2026, 12, 4, 16, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert await bot.count(Draft) == 0
    today = await wang.send("/today")
    assert "和吴总开会" not in today.text


async def test_a_time_gone_by_typed_after_postpone_is_asked_again(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天下午3点和顺丰吴总开会")
    await wang.press("保存")
    await wang.send("/today")
    await wang.press("⏰ 推迟 1")
    again = await wang.send("今天上午9点")
    assert again.text == "这个时间已经过了,请说一个以后的时间,例如:明天下午4点。"
    moved = await wang.send("明天")
    assert moved.text == "⏰ 已改到 12月4日(周五) 15:00:顺丰 · 和吴总开会"


async def test_a_note_typed_after_postpone_is_still_a_note(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天下午3点和顺丰吴总开会")
    await wang.press("保存")
    await wang.send("/today")
    await wang.press("⏰ 推迟 1")
    card = await wang.send("明天下午4点给万科张总打电话")
    assert card.text.startswith("我记下了这些") and "给张总打电话" in card.text
    [follow_up] = await bot.scalars(select(FollowUp))
    assert follow_up.due_at == datetime(2026, 12, 3, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


async def test_a_time_typed_after_postpone_on_a_push_moves_it(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天下午3点和顺丰吴总开会")
    await wang.press("保存")
    pushed = await Pushes.of(bot).at(datetime(2026, 12, 3, 15, 0, tzinfo=SHANGHAI))
    assert pushed[-1].text == "⏰ 跟进提醒\n15:00 顺丰 · 和吴总开会"
    await wang.press("⏰ 推迟")
    moved = await wang.send("改到明天上午10点")
    assert moved.text == "⏰ 已改到 12月4日(周五) 10:00:顺丰 · 和吴总开会"
    assert await bot.count(FollowUp) == 1


async def test_a_person_not_named_on_the_card_has_no_facts_shown_as_kept(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 万科集团")
    await wang.press("新建")
    card = await wang.send("万科集团的那位领导喜欢钓鱼 老家扬州")
    assert "👤 ?" in card.text  # 那位领导 names no one: the person is shown unnamed
    assert "🎭" not in card.text  # not echoed as if it will be kept
    assert "⚠️ 爱好「钓鱼」、籍贯「扬州」没有记下:没说是谁。" in card.text
    await wang.press("修改")
    await wang.press("👤 ? 姓名")
    card = await wang.send("谈总")
    assert "👤 谈总" in card.text and "🎭 爱好:钓鱼" in card.text and "⚠️" not in card.text
    await wang.press("保存")
    [contact] = await bot.scalars(select(Contact))
    assert (contact.hobbies, contact.native_place) == ("钓鱼", "扬州")


SHUNFENG = "顺丰吴总刚来电话 说合同下周一签 让我准备两份原件"


async def _vanke_card_at_its_task(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    for name in ("万科集团", "顺丰"):
        await wang.send(f"/customer {name}")
        await wang.press("新建")
    await wang.send("万科集团 张总 下周二上午9点跟进报价")
    await wang.press("修改")
    await wang.press("⏰ 跟进事项")
    return wang


async def test_a_task_typed_on_the_card_that_names_another_customer_is_asked_about(
    bot: BotHarness,
) -> None:
    wang = await _vanke_card_at_its_task(bot)
    asked = await wang.send(SHUNFENG)
    assert asked.text == "这段话说的是你的另一个客户「顺丰」。还记为「万科集团」的跟进吗?"
    said = await wang.press("📝 不是,当作一条新记录")
    assert said.text.startswith("📝 上一条还没保存,已放进草稿(/drafts)。")
    assert "🏢 顺丰" in said.text and "跟进报价" not in said.text
    saved = await wang.press("保存")
    assert "已保存到「顺丰」" in saved.text
    drafts = await wang.send("/drafts")
    assert "万科集团 张总 下周二上午9点跟进报价" in drafts.text  # 万科's card, as it was


async def test_the_task_named_so_can_still_be_taken_as_typed(bot: BotHarness) -> None:
    wang = await _vanke_card_at_its_task(bot)
    await wang.send(SHUNFENG)
    card = await wang.press("⏰ 是,记为「万科集团」的跟进")
    assert f"⏰ 跟进:12月8日(周二) 09:00 {SHUNFENG}" in card.text and "🏢 万科集团" in card.text


async def test_a_task_about_the_cards_own_customer_is_taken_at_once(bot: BotHarness) -> None:
    wang = await _vanke_card_at_its_task(bot)
    card = await wang.send("把万科的报价单发给张总")
    assert "⏰ 跟进:12月8日(周二) 09:00 把万科的报价单发给张总" in card.text


async def _trip_to_the_place(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("南京银行 周总 手机13912345678")
    await wang.press("保存")
    await wang.send("/trip")
    await wang.press("南京银行")
    await wang.press("周总")
    return wang


async def test_a_sentence_at_where_is_read_for_the_place_and_its_days_offered(
    bot: BotHarness,
) -> None:
    wang = await _trip_to_the_place(bot)
    asked = await wang.send("他下周一到周三去上海参加金融峰会")
    assert "哪几天?" in asked.text and "📅 12月7日–9日" in asked.buttons
    asked = await wang.press("📅 12月7日–9日")
    assert "去做什么?" in asked.text and "参加金融峰会" in asked.buttons
    done = await wang.press("参加金融峰会")
    assert done.text == "✅ 已记下 周总 的行程:12月7日–9日 上海"
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.purpose) == ("上海", "参加金融峰会")


async def test_a_sentence_at_where_with_no_trip_in_it_is_refused(bot: BotHarness) -> None:
    wang = await _trip_to_the_place(bot)
    refused = await wang.send("下周一他说要去看看再定吧反正我也不清楚具体情况")
    assert "这一步只写地点,例如:北京。" in refused.text
    asked = await wang.send("北京")
    assert "哪几天?" in asked.text and not any("📅" in b for b in asked.buttons)


VISIT_NOTE = "今天拜访了苏州工业园区管委会的钱主任 聊了智慧园区"


async def test_a_note_typed_as_a_new_customers_name_is_asked_about(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/newcustomer")
    asked = await wang.send(VISIT_NOTE)
    assert asked.text.startswith("「今天拜访了苏州工业园区管委会的钱主任")
    assert "看起来是一条记录,不像客户名称" in asked.text
    card = await wang.press("📝 当作一条新记录")
    assert "🏢 苏州工业园区管委会" in card.text and "📝 拜访:今天" in card.text
    await wang.press("保存")
    assert await bot.scalars(select(Customer.name)) == ["苏州工业园区管委会"]
    assert await bot.count(Interaction) == 1


async def test_a_companys_name_at_new_customer_is_not_doubted(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/newcustomer")
    asked = await wang.send("江苏省电力设计院有限公司")
    assert "客户等级?" in asked.text


async def test_a_customer_is_renamed_in_edit(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("今天拜访了华东电力设记院的王局长 聊了报价")
    await wang.press("保存")
    await wang.send("/customer 顺丰")
    await wang.press("新建")
    await wang.send("/customer 华东电力设记院")
    await wang.press("✏️ 编辑资料")
    asked = await wang.press("客户名称")
    assert "客户名称现在是:华东电力设记院" in asked.text and "无" not in asked.text
    refused = await wang.send("顺丰")
    assert refused.text == (
        "团队里已有客户「顺丰」(由 王磊 负责),不能改成同一个名称。请输入别的名称,或发“跳过”不改。"
    )
    refused = await wang.send("今天拜访了华东电力设计院的王局长,聊了报价")
    assert refused.text.startswith("这看起来是一条记录,不像客户名称。")
    card = await wang.send("华东电力设计院")
    assert card.text.startswith("✅ 客户名称:华东电力设记院 → 华东电力设计院")
    assert "🏢 华东电力设计院" in card.text
    assert await bot.scalars(select(Customer.name).order_by(Customer.id)) == [
        "华东电力设计院",
        "顺丰",
    ]
    found = await wang.send("/customer 华东电力设计院")
    assert "王局长" in found.text
    await wang.press("📋 完整档案")
    log = await wang.press("🕘 修改记录")
    assert "客户名称 华东电力设记院 → 华东电力设计院" in log.text
