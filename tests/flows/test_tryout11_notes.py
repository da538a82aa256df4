"""What a new rep met in tryout 11 (2026-12-02): the rep named in a pasted chat is no contact, a
person right after a customer's short name is no part of its name, a visit said done in English,
and the reception the rep arranges for a customer's own visit. Monday 23 November 2026, 10:00."""

from __future__ import annotations

import pytest

from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")


async def test_the_rep_named_in_a_pasted_chat_is_not_a_contact(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    chat = (
        "中建三局 李总微信聊的\n李明 10:32\n王经理,上次说的那个报价单能不能再便宜点\n"
        "王磊 10:33\n李总,我回去跟领导申请一下,争取周一给您答复\n李明 10:35\n好的没问题"
    )
    card = await wang.send(chat)
    assert "李明" in card.text
    assert "王磊" not in card.text  # the rep himself, a speaker of the chat


async def test_a_person_after_a_short_name_is_not_part_of_the_company(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send("提醒我明天8点给华润刘婷报价")
    assert "华润刘婷" not in card.text.split("⏰")[0]  # 华润, then 刘婷 — no 🏢 华润刘婷报价
    assert "11月24日" in card.text


async def test_a_meeting_said_done_in_english_is_a_visit(bot: BotHarness) -> None:
    wang = bot.user("王磊")
    card = await wang.send(
        "刚跟万科张总meeting完,他们对我们的solution挺感兴趣,要一份proposal,下周一之前发email给他"
    )
    assert "📝 拜访" in card.text
    assert "11月30日" in card.text


async def test_a_customers_own_visit_gives_the_rep_the_reception_to_arrange(
    bot: BotHarness,
) -> None:
    wang = bot.user("王磊")
    card = await wang.send("国网南京供电 赵主任 12月15号 带人来工厂参观 提前一天安排好接待")
    assert "⏰ 跟进:12月14日(周一) 安排好接待" in card.text
