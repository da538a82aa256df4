"""What changed is said in words, not in column names (tryout of 2026-12-02, item 18): the save
echo and 🕘 修改记录 say a birthday whole, alike (生日:3月8日 → 农历八月十五), never
农历生日:0 → 1 or 生日(日).
Monday 23 November 2026, 10:00 in Shanghai."""

import pytest

from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

INTERNAL = ("农历生日", "生日(日)", "生日(月)", "birthday_next", "is_key_leader", "0 → 1")


async def test_a_birthday_change_is_said_whole_and_alike_wherever_it_is_read(
    bot: BotHarness,
) -> None:
    """A birthday changed is one row with the whole birthday, in the save echo as in 🕘 修改记录
    (the echo said 生日改为农历 and 生日:3月8日 → 8月15日 for a day that is 农历八月十五)."""
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长 生日3月8日")
    await wang.press("保存")
    await wang.send("华东电力设计院王局长 生日是农历八月十五")
    saved = await wang.press("保存")
    assert "✏️ 王局长生日:3月8日 → 农历八月十五(旧值已记入历史)" in saved.text
    assert saved.text.count("生日") == 1  # one row, not a flag beside a month and a day
    for word in (*INTERNAL, "生日改为农历", "→ 8月15日"):
        assert word not in saved.text
    await wang.send("华东电力设计院王局长 85年的")
    year = await wang.press("保存")
    assert "✏️ 王局长生日:农历八月十五 → 农历八月十五(1985年生)(旧值已记入历史)" in year.text

    await wang.send("/customer 华东电力设计院")
    await wang.press("编辑资料")
    await wang.press("王局长")
    await wang.press("生日")
    await wang.send("5月20日")  # 编辑资料 answers with the card; the history says the change

    await wang.press("完整档案")
    log = await wang.press("修改记录")
    assert "王建国 · 生日:3月8日 → 农历八月十五" in log.text
    assert "王建国 · 生日:农历八月十五 → 农历八月十五(1985年生)" in log.text
    assert "王建国 · 生日:农历八月十五(1985年生) → 5月20日" in log.text
    for word in (*INTERNAL, "生日改为农历", "出生年份", "生日月份"):
        assert word not in log.text


async def test_the_history_says_a_birthday_whole_and_a_familys_too(bot: BotHarness) -> None:
    """Tryout 8, item 18: 🕘 修改记录 showed 下次生日 2027-03-08 → 2027-04-14, split a birthday
    into 生日月份 and 生日日期, and left out the daughter's birthday the same note added."""
    wang = bot.user("王磊")
    await wang.send("华东电力设计院王建国局长 生日3月8日")
    await wang.press("保存")
    card = await wang.send("华东电力设计院王局长 生日是农历三月初八 他女儿12月7日生日")
    assert "👪 女儿 生日 12月7日" in card.text
    await wang.press("保存")

    await wang.send("/customer 华东电力设计院")
    await wang.press("完整档案")
    log = await wang.press("修改记录")
    assert "王建国 · 生日:3月8日 → 农历三月初八" in log.text
    assert "王建国 · 👪 女儿 生日 12月7日" in log.text
    for word in (*INTERNAL, "下次生日", "生日月份", "生日日期", "2027-", "生日改为农历"):
        assert word not in log.text
    assert log.text.count("生日") == 2  # one line each, nothing split


async def test_a_key_leader_flag_is_said_in_words(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    await wang.send("/customer 华东电力设计院")
    await wang.press("新建")
    await wang.send("/contact")
    await wang.press("华东电力设计院")
    await wang.send("王建国")
    await wang.press("跳过")
    await wang.press("跳过")
    await wang.send("华东电力设计院的王建国局长说下周二到周四在北京开会")
    saved = await wang.press("保存")
    assert "is_key_leader" not in saved.text


async def test_the_companys_number_is_its_line_wherever_it_changes(bot: BotHarness) -> None:
    """A customer's phone is the company's 总机 in the save echo as in 编辑资料 and 完整档案
    (the echo said 电话, as for a contact's own numbers)."""
    wang = bot.user("王磊")
    await wang.send("万科 电话 021-63210000")
    await wang.press("保存")
    await wang.send("万科 电话 13912345678")
    saved = await wang.press("保存")
    assert "✏️ 总机:021-6321 0000 → 139 1234 5678(旧值已记入历史)" in saved.text
    await wang.send("/customer 万科")
    profile = await wang.press("完整档案")
    assert "总机:139 1234 5678" in profile.text
