"""Quick capture: a rep types one sentence; the bot echoes what it understood; 保存 files it."""

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from storage.models import (
    ChangeLog,
    Contact,
    Customer,
    FollowUp,
    Interaction,
    Itinerary,
)
from tests.conftest import BotHarness

EXAMPLE = (
    "今天拜访了华东电力设计院的王建国局长,他下周二到周四在北京开会,生日是农历三月初八,"
    "喜欢话剧。下周五再跟进报价"
)


pytestmark = pytest.mark.usefixtures("monday_morning")


async def count(bot: BotHarness, model: type) -> int:
    return int(await bot.scalar(select(func.count()).select_from(model)))


async def test_the_design_example_is_echoed_then_saved(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(EXAMPLE)
    text = card.text
    assert text.startswith("我记下了这些,确认保存吗?")
    assert "🏢 华东电力设计院(新客户)" in text
    assert "👤 王建国 局长(王局长)" in text
    assert "📝 拜访:今天" in text
    assert "🎂 生日:农历三月初八(下次:2027年4月14日 周三)" in text
    assert "🎭 爱好:话剧" in text
    assert "✈️ 行程:12月1日–3日 北京 · 开会" in text
    assert "⏰ 跟进:12月4日(周五) 跟进报价" in text
    assert card.buttons == ["✅ 保存", "✏️ 修改", "❌ 取消"]
    assert await count(bot, Customer) == 0  # nothing saved before confirmation

    saved = await wang.press("保存")
    assert "✅ 已保存到「华东电力设计院」。" in saved.text
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.title, contact.salutation) == ("王建国", "局长", "王局长")
    assert (contact.birthday_month, contact.birthday_day, contact.birthday_lunar) == (3, 8, True)
    assert contact.birthday_next == date(2027, 4, 14)
    assert contact.hobbies == "话剧"
    trip = await bot.scalar(select(Itinerary))
    assert (trip.place, trip.starts_on, trip.ends_on, trip.purpose) == (
        "北京",
        date(2026, 12, 1),
        date(2026, 12, 3),
        "开会",
    )
    follow_up = await bot.scalar(select(FollowUp))
    assert (follow_up.due_date, follow_up.text) == (date(2026, 12, 4), "跟进报价")
    visit = await bot.scalar(select(Interaction))
    assert visit.kind == "visit"
    customer = await bot.scalar(select(Customer))
    assert customer.last_contact_at is not None

    card = await wang.press("查看客户")
    assert "👤 联系人" in card.text and "王建国 局长(王局长) 🔑" in card.text
    assert "⏰ 待跟进" in card.text and "✈️ 行程" in card.text


async def test_pressing_save_twice_saves_once(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    message, button = wang.find_button("保存")
    await wang.press_data(button["callback_data"], message)
    again = await wang.press_data(button["callback_data"], message)
    assert again.callback_answers == ["这条记录已经处理过了。"]
    assert await count(bot, Contact) == 1 and await count(bot, FollowUp) == 1


async def test_a_nul_character_in_a_note_is_dropped_not_an_error(bot: BotHarness) -> None:
    """Found by the fuzzer on PostgreSQL, whose text columns refuse U+0000."""
    wang = bot.user("王磊")
    card = await wang.send("今天拜访了华东电力\x00设计院的王局长")
    assert "🏢 华东电力设计院(新客户)" in card.text
    assert (await wang.press("保存")).text == "✅ 已保存到「华东电力设计院」。"
    assert await bot.scalars(select(Customer.name)) == ["华东电力设计院"]


async def test_cancel_saves_nothing(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    reply = await wang.press("取消")
    assert reply.text == "好的,这条没有保存。"
    assert await count(bot, Customer) == 0


async def test_two_follow_ups_each_say_which_on_modify(bot: BotHarness) -> None:
    """Tryout 11: two follow-ups gave ⏰ 跟进日期 | ⏰ 跟进事项 twice; each pair now says whose."""
    wang = bot.user("王磊")
    await wang.send("拜访华东电力设计院王局长,周三前寄样品,周五跟进报价")
    menu = await wang.press("修改")
    assert "⏰ 跟进日期" not in menu.buttons
    assert {"⏰ 寄样品 日期", "⏰ 寄样品 事项", "⏰ 跟进报价 日期", "⏰ 跟进报价 事项"} <= set(
        menu.buttons
    )
    await wang.press("⏰ 跟进报价 日期")
    card = await wang.send("12月7日")
    assert "⏰ 跟进:12月7日(周一) 跟进报价" in card.text
    assert "⏰ 跟进:11月25日(周三) 寄样品" in card.text


async def test_correcting_a_misunderstood_date_with_modify(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 下周五跟进报价")
    menu = await wang.press("修改")
    assert menu.text == "要改哪一项?"
    ask = await wang.press("跟进日期")
    assert ask.text.startswith("请输入新的跟进日期")
    wrong = await wang.send("随便")
    assert wrong.text.startswith("没看懂这个跟进日期")
    card = await wang.send("12月7日")
    assert "⏰ 跟进:12月7日(周一) 跟进报价" in card.text
    await wang.press("保存")
    follow_up = await bot.scalar(select(FollowUp))
    assert follow_up.due_date == date(2026, 12, 7)


async def test_an_unconfirmed_draft_survives_a_restart(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    await bot.restart()
    saved = await wang.press("保存")
    assert "✅ 已保存到「华东电力设计院」。" in saved.text


async def test_an_existing_customer_and_contact_are_matched_not_duplicated(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    await wang.press("保存")
    card = await wang.send("华东电力设计院王建国局长手机13812345678,他是山东人")
    assert "(新客户)" not in card.text
    await wang.press("保存")
    assert await count(bot, Customer) == 1 and await count(bot, Contact) == 1
    contact = await bot.scalar(select(Contact))
    assert contact.phones == ["13812345678"] and contact.native_place == "山东"


async def test_a_changed_value_goes_to_the_change_log(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长 微信 wjg_1975")
    await wang.press("保存")
    await wang.send("华东电力设计院王建国局长 微信 wangjg_sh")
    saved = await wang.press("保存")
    assert "✏️ 王局长微信:wjg_1975 → wangjg_sh(旧值已记入历史)" in saved.text
    change = await bot.scalar(select(ChangeLog).where(ChangeLog.field == "wechat"))
    assert (change.old_value, change.new_value) == ("wjg_1975", "wangjg_sh")


async def test_a_second_contact_at_the_same_company(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    await wang.press("保存")
    await wang.send("华东电力设计院采购部的刘芳经理,电话13900001111,负责采购")
    await wang.press("保存")
    names = set(await bot.scalars(select(Contact.name)))
    assert names == {"王建国", "刘芳"}
    assert await count(bot, Customer) == 1


async def test_unsure_contact_match_asks_first(bot: BotHarness) -> None:
    """Two 王局长 at one customer: 王局长 alone is a real ambiguity, so the bot asks."""
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    await wang.press("保存")
    await wang.send("华东电力设计院的王海局长 手机13900001111")
    await wang.press("保存")
    await wang.send("华东电力设计院王局长喜欢钓鱼")
    ask = await wang.press("保存")
    assert "是 华东电力设计院 的 王建国 局长 吗?" in ask.text
    assert ask.buttons == ["是 王建国 局长", "是 王海 局长", "不是,新建联系人", "❌ 取消"]
    await wang.press("是 王建国 局长")
    contact = await bot.scalar(select(Contact).where(Contact.name == "王建国"))
    assert contact.hobbies == "话剧、钓鱼"
    assert await count(bot, Contact) == 2


async def test_a_traditional_chinese_note(bot: BotHarness) -> None:
    chen = bot.user("陳志明", language_code="zh-hk")
    card = await chen.send("今天拜訪了華東電力設計院的王建國局長,下週五跟進報價")
    assert "🏢 華東電力設計院" in card.text  # kept as typed (tryout6, item 1)
    assert "12月4日" in card.text
    await chen.press("保存")
    assert await bot.scalar(select(Customer.name)) == "華東電力設計院"


async def test_a_note_without_facts_is_kept_on_a_chosen_customer(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    await wang.press("保存")
    ask = await wang.send("感觉对方态度不错")
    assert "这条记录记在哪个客户名下" in ask.text
    done = await wang.press("华东电力设计院")
    assert done.text == "✅ 已记在「华东电力设计院」名下。"
    note = await bot.scalar(select(Interaction).where(Interaction.kind == "note"))
    assert note.note == "感觉对方态度不错"  # the words, where every note keeps them (原话)


async def test_a_customer_owned_by_a_colleague_is_not_duplicated(bot: BotHarness) -> None:
    manager = bot.user("李经理")
    code = re.search(r"/join (\S+)", (await manager.send("/newteam 华东一部")).text)
    assert code
    wang, zhao = bot.user("王磊"), bot.user("赵敏")
    await wang.send(f"/join {code.group(1)}")
    await zhao.send(f"/join {code.group(1)}")
    await wang.send(EXAMPLE)
    await wang.press("保存")
    await zhao.send("今天拜访了华东电力设计院的张总")
    reply = await zhao.press("保存")
    assert "「华东电力设计院」已由 王磊 负责,不能重复建档" in reply.text
    asked = await zhao.press("请经理处理")
    assert "赵敏 想记录客户「华东电力设计院」" in asked.to(manager).text
    assert await count(bot, Customer) == 1
    assert "张总" not in "".join(await bot.scalars(select(Contact.name)))


async def test_a_homophone_typo_of_a_known_customer_is_asked_about(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send(EXAMPLE)
    await wang.press("保存")
    await wang.send("华东电力设记院的王剑国局长喜欢钓鱼")
    ask = await wang.press("保存")
    assert "「华东电力设记院」是下面这个已有客户吗?" in ask.text
    contact_question = await wang.press("是「华东电力设计院」")
    assert "是 华东电力设计院 的 王建国 局长 吗?" in contact_question.text
    await wang.press("是 王建国 局长")
    assert await count(bot, Customer) == 1 and await count(bot, Contact) == 1


async def test_a_leap_month_the_year_did_not_have_is_refused_in_a_note(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    card = await rep.send("华东电力设计院王建国局长生日是1985年农历闰四月十五")
    assert "👤 王建国 局长(王局长)" in card.text
    assert (
        "⚠️ 生日没有记下:农历1985年没有闰四月,这个日期不存在。请再确认一下,例如:1985年农历四月十五"
    ) in card.text
    # Corrected with ✏️ 修改 before saving, the warning goes and the birthday is saved.
    await rep.press("修改")
    await rep.press("🎂 生日")
    again = await rep.send("1985年农历闰四月十五")
    assert again.text.startswith("农历1985年没有闰四月,这个日期不存在。")
    fixed = await rep.send("1985年农历四月十五")
    assert "生日没有记下" not in fixed.text
    assert "🎂 生日:农历四月十五(1985年生)" in fixed.text
    await rep.press("保存")
    contact = await bot.scalar(select(Contact))
    assert (contact.birthday_year, contact.birthday_month, contact.birthday_leap) == (
        1985,
        4,
        False,
    )


async def test_a_surname_written_in_latin_letters_is_asked_about_not_filed_twice(
    bot: BotHarness,
) -> None:
    tan = bot.user("Kevin Lim")
    await tan.send("今天拜访了华润置地的陈总")
    await tan.press("保存")
    await tan.send("Met Mr. Chan at 华润置地 today, quote by Friday")
    asked = await tan.press("保存")
    assert "是 华润置地 的 陈总 吗?" in asked.text  # Chan may be 陈: one question, no twin
    await tan.press("是 陈总")
    assert await count(bot, Contact) == 1
