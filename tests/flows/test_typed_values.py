"""What a rep types as a phone, a day or an hour: one reader everywhere, and a value that cannot
be kept is said so, quoted, never dropped without a word (tryout of 2026-12-02, items 10 and
14). Monday 23 November 2026, 10:00 in Shanghai."""

from datetime import date

import pytest
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import Contact, Customer, Draft, FollowUp
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

# As reps write a mainland mobile: every one of these is 139 1234 5678.
WRITTEN = ["+86 139-1234-5678", "+86 139 1234 5678", "139 1234 5678", "139-1234-5678"]


# -- item 10: an impossible birthday or phone is said on the card --------------------------


async def test_an_impossible_birthday_and_a_short_phone_are_said_and_not_kept(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华东电力设计院王局长生日2月30日 手机1381234567")
    assert "⚠️ 生日没有记下:「2月30日」没有这一天。请用 ✏️ 修改 → 🎂 生日 改正。" in card.text
    assert (
        "⚠️ 电话没有记下:「1381234567」手机号是 11 位,这里是 10 位。请用 ✏️ 修改 → 📞 电话 改正。"
    ) in card.text

    await wang.press("修改")
    await wang.press("📞 电话")
    fixed = await wang.send("+86 138-1234-5678")
    assert "📞 138 1234 5678" in fixed.text
    assert "⚠️ 电话没有记下" not in fixed.text  # put right: no longer said
    assert "⚠️ 生日没有记下" in fixed.text  # still missing: still said

    await wang.press("保存")
    wang_ju = await bot.scalar(select(Contact))
    assert wang_ju.phones == ["13812345678"]
    assert wang_ju.birthday_month is None  # nothing invalid stored


async def test_a_long_phone_and_a_thirteenth_month_are_said(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华东电力设计院王局长 手机138123456789 生日13月5日")
    assert "「138123456789」手机号是 11 位,这里是 12 位" in card.text
    assert "⚠️ 生日没有记下:「13月5日」没有这一天。" in card.text
    await wang.press("保存")
    wang_ju = await bot.scalar(select(Contact))
    assert (wang_ju.phones, wang_ju.birthday_month) == ([], None)


async def test_a_follow_up_at_an_hour_no_clock_has_is_refused_by_name(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/followup")
    await wang.press("华东电力设计院")
    await wang.send("给王局长打电话")
    refused = await wang.send("后天下午25点")
    assert refused.messages[0].text == "「25点」不是有效的时间,请再说一次。"
    assert "什么时候?" in refused.text
    assert await bot.count(FollowUp) == 0  # not an all-day follow-up on 后天
    done = await wang.send("后天下午3点")
    assert "✅ 已加跟进:「华东电力设计院」11月25日(周三) 15:00 给王局长打电话" in done.text


# -- item 14: one phone reader for every place a phone is typed --------------------------------


async def _with_contact(bot: BotHarness) -> LocalClient:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长")
    await wang.press("保存")
    return wang


@pytest.mark.parametrize("written", WRITTEN)
async def test_the_capture_cards_phone_takes_what_a_note_takes(
    bot: BotHarness, written: str
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长")
    await wang.press("修改")
    await wang.press("📞 电话")
    card = await wang.send(written)
    assert "📞 139 1234 5678" in card.text


@pytest.mark.parametrize("written", WRITTEN)
async def test_the_archives_phone_takes_what_a_note_takes(bot: BotHarness, written: str) -> None:
    wang = await _with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("电话")
    await wang.send(written)
    assert (await bot.scalar(select(Contact))).phones == ["13912345678"]


@pytest.mark.parametrize("written", WRITTEN)
async def test_contacts_phone_step_takes_what_a_note_takes(bot: BotHarness, written: str) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("华东电力设计院")
    await wang.send("王建国 局长")
    await wang.send(written)
    await wang.press("跳过")
    assert (await bot.scalar(select(Contact))).phones == ["13912345678"]


async def test_an_imported_sheets_phones_are_read_as_a_notes(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    rows = "".join(f"客户{i},联系人{i},{written}\n" for i, written in enumerate(WRITTEN))
    preview = await wang.send_document("list.csv", ("公司,姓名,手机\n" + rows).encode())
    assert f"📥 读到 {len(WRITTEN)} 行可用的记录" in preview.text
    await wang.press("导入")
    assert list(await bot.scalars(select(Contact.phones))) == [["13912345678"]] * len(WRITTEN)


async def test_a_phone_no_plan_has_is_refused_in_the_archive(bot: BotHarness) -> None:
    wang = await _with_contact(bot)
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("电话")
    await wang.send("1381234567")
    assert (await bot.scalar(select(Contact))).phones == []


# -- a title is a title: not a phone, an e-mail, digits or a sentence (tryout6, item 4) -----

NOT_A_TITLE = "职务像 “处长”“采购经理” 这样,请重新输入,或发 取消。"


@pytest.mark.parametrize(
    "typed",
    ["13812345678", "wang@example.com", "8012", "负责华东区所有变电站设计软件采购的副总经理"],
)
async def test_a_phone_or_a_sentence_is_no_title_on_the_capture_card(
    bot: BotHarness, typed: str
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 下周五跟进报价")
    await wang.press("修改")
    await wang.press("职务")
    refused = await wang.send(typed)
    assert refused.text == NOT_A_TITLE
    card = await wang.send("副局长")  # still waiting for the title: the next one is taken
    assert "副局长" in card.text and typed not in card.text
    await wang.press("保存")
    assert (await bot.scalar(select(Contact.title))) == "副局长"


async def test_a_title_typed_as_a_phone_is_refused_and_cancel_changes_nothing(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 下周五跟进报价")
    await wang.press("修改")
    await wang.press("职务")
    assert (await wang.send("139 1234 5678")).text == NOT_A_TITLE
    gave_up = await wang.send("取消")  # back to the card, as it was
    assert gave_up.text.startswith("已取消,没有修改。\n我记下了这些")
    assert "👤 王局长" in gave_up.text and "王取消" not in gave_up.text
    draft = await bot.scalar(select(Draft))
    assert draft.payload["contacts"][0]["title"] == "局长"  # as read, not the phone


async def test_the_archive_and_contact_refuse_a_phone_as_the_title(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("华东电力设计院")
    refused = await wang.send("王建国 13812345678")
    assert refused.text.startswith(NOT_A_TITLE + "\n加联系人 · 2/4")
    await wang.send("王建国 局长")
    await wang.press("跳过")
    await wang.press("跳过")

    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("职务")
    assert (await wang.send("wang@example.com")).text == NOT_A_TITLE
    assert (await wang.send("取消")).text.startswith("已取消,没有修改。\n🏢 华东电力设计院")
    assert (await bot.scalar(select(Contact.title))) == "局长"
    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("职务")
    await wang.send("副局长")
    assert (await bot.scalar(select(Contact.title))) == "副局长"


# -- item 15: 无 where the prompt offers it -----------------------------------------------------


async def test_none_typed_for_a_follow_ups_date_on_the_card_drops_the_follow_up(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王局长 下周五跟进报价")
    await wang.press("修改")
    prompt = await wang.press("⏰ 跟进日期")
    assert "发“无”清空" in prompt.text
    card = await wang.send("无")
    assert "没看懂" not in card.text and "⏰ 跟进" not in card.text
    await wang.press("保存")
    assert await bot.count(FollowUp) == 0


async def test_a_saved_follow_ups_date_prompt_offers_no_clearing(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("华东电力设计院 下周五跟进报价")
    await wang.press("保存")
    await wang.send("/customer 华东电力设计院")
    await wang.press("🛠 改记录")
    await wang.press("跟进报价")
    prompt = await wang.press("📅 改日期")
    assert "请输入新的跟进日期" in prompt.text and "无" not in prompt.text
    asked = await wang.send("下周三")
    assert "✅ 已改好。" in asked.text


# -- tryout 8, item 15: the card's ✏️ 修改 says why a value is refused, and keeps the card ----


async def test_the_cards_prompts_say_why_a_date_or_a_phone_is_refused(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("华东电力设计院王局长 手机13812345678 下周五跟进报价")
    assert "⏰ 跟进:12月4日(周五) 跟进报价" in card.text
    await wang.press("修改")
    await wang.press("跟进日期")
    refused = await wang.send("2月30日")
    assert refused.text == "「2月30日」没有这一天,请再说一次。"
    refused = await wang.send("昨天")
    assert refused.text == "这个日期已经过去了,请输入今天或以后的日期。"
    card = await wang.send("取消")
    assert "⏰ 跟进:12月4日(周五) 跟进报价" in card.text  # nothing changed

    await wang.press("修改")
    await wang.press("📞 电话")
    refused = await wang.send("138 1234 567")
    assert refused.text == "「138 1234 567」手机号是 11 位,这里是 10 位,请再输入一次。"
    card = await wang.send("取消")
    assert "📞 138 1234 5678" in card.text
    await wang.press("保存")
    assert await bot.scalar(select(FollowUp.due_date)) == date(2026, 12, 4)
    assert (await bot.scalar(select(Contact))).phones == ["13812345678"]


# -- tryout 8, item 20: 我方份额 is a share, read to a percent, and said when kept -------------


async def test_our_share_is_read_to_a_percent_or_refused_with_a_reason(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.press("编辑资料")
    await wang.press("我方份额")
    kept = await wang.send("一半吧")
    assert "✅ 我方份额:50%" in kept.text
    assert (await bot.scalar(select(Customer.our_share))) == "50%"

    for typed, shown in (("五成", "50%"), ("30%", "30%"), ("百分之二十", "20%")):
        await wang.press("编辑资料")
        await wang.press("我方份额")
        kept = await wang.send(typed)
        assert f"✅ 我方份额:{shown}" in kept.text

    await wang.press("编辑资料")
    await wang.press("我方份额")
    refused = await wang.send("挺多的")
    assert refused.text == "我方份额请写成百分比,例如:30%、一半、五成。"
    assert (await bot.scalar(select(Customer.our_share))) == "20%"  # nothing changed
    kept = await wang.send("三成半")  # still asked: the next answer is the share
    assert "✅ 我方份额:35%" in kept.text
    profile = await wang.press("完整档案")
    assert "我方份额:35%" in profile.text
