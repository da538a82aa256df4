"""Customer data is a company secret: a rep reaches only their own customers, a manager the
team's — through commands and through forged callback data alike."""

import re

import pytest
from sqlalchemy import func, select

from bot.local_api import LocalClient
from storage.models import AuditLog, ChangeLog, Customer
from tests.conftest import BotHarness


async def team_with_two_reps(bot: BotHarness) -> tuple[LocalClient, LocalClient, LocalClient]:
    manager = bot.user("李经理")
    code = re.search(r"/join (\S+)", (await manager.send("/newteam 华东销售一部")).text)
    assert code
    first, second = bot.user("王磊"), bot.user("赵敏")
    await first.send(f"/join {code.group(1)}")
    await second.send(f"/join {code.group(1)}")
    await first.send("/customer 华东电力设计院")
    created = await first.press("新建")
    assert "✅ 已新建客户。" in created.text
    return manager, first, second


async def customer_id(bot: BotHarness) -> int:
    return int(await bot.scalar(select(Customer.id).where(Customer.name == "华东电力设计院")))


async def test_the_owner_sees_and_grades_their_customer(bot: BotHarness) -> None:
    _, wang, _ = await team_with_two_reps(bot)
    card = await wang.send("/customer 华东电力设计院")
    assert card.text.startswith("🏢 华东电力设计院")
    assert "负责人:王磊" in card.text
    await wang.press("改等级")
    graded = await wang.press("A")
    assert graded.callback_answers == ["已改为 A 类"]
    assert "A类" in graded.text.splitlines()[1]
    change = await bot.scalar(select(ChangeLog).where(ChangeLog.field == "grade"))
    assert (change.old_value, change.new_value) == (None, "A")


async def test_another_rep_of_the_team_cannot_see_it_by_command(bot: BotHarness) -> None:
    _, _, zhao = await team_with_two_reps(bot)
    reply = await zhao.send("/customer 华东电力设计院")
    # who owns it may be said (first-recorded rule); nothing of the customer's file is shown
    assert reply.text == (
        "团队里已有客户「华东电力设计院」,由 王磊 负责,不能重复建档。要请经理决定归属吗?"
    )
    assert "🏢" not in reply.text and "负责人" not in reply.text
    assert "没找到" in (await zhao.send("/find 电力")).text
    listing = await zhao.send("/customer")
    assert "还没有客户" in listing.text


@pytest.mark.parametrize("forged", ["cust:v:{id}", "cust:g:{id}", "cust:g:{id}:C"])
async def test_another_rep_cannot_reach_it_with_forged_buttons(
    bot: BotHarness, forged: str
) -> None:
    _, _, zhao = await team_with_two_reps(bot)
    target = await customer_id(bot)
    reply = await zhao.press_data(forged.format(id=target))
    assert reply.callback_answers == ["找不到这个客户,或你没有权限查看。"]
    assert "华东电力设计院" not in reply.text
    assert await bot.scalar(select(Customer.grade).where(Customer.id == target)) is None


@pytest.mark.parametrize("forged", ["cust:v:{id}", "cust:g:{id}:A"])
async def test_a_manager_of_another_team_cannot_either(bot: BotHarness, forged: str) -> None:
    await team_with_two_reps(bot)
    outsider = bot.user("周经理")
    await outsider.send("/newteam 华北组")
    target = await customer_id(bot)
    assert "没找到" in (await outsider.send("/find 华东电力")).text
    reply = await outsider.press_data(forged.format(id=target))
    assert reply.callback_answers == ["找不到这个客户,或你没有权限查看。"]
    assert await bot.scalar(select(Customer.grade).where(Customer.id == target)) is None


async def test_the_teams_manager_sees_it_and_the_view_is_audited(bot: BotHarness) -> None:
    manager, _, _ = await team_with_two_reps(bot)
    reply = await manager.send("/find 电力")
    assert "找到 1 个客户" in reply.text
    card = await manager.press("华东电力设计院")
    assert "负责人:王磊" in card.text
    views = select(func.count()).select_from(AuditLog).where(AuditLog.action == "customer.view")
    assert await bot.scalar(views) == 1


async def test_a_forged_draft_of_another_member_creates_nothing(bot: BotHarness) -> None:
    _, wang, zhao = await team_with_two_reps(bot)
    await wang.send("/customer 上海建工")
    offer = wang.find_button("新建")[1]["callback_data"]
    reply = await zhao.press_data(offer)
    assert reply.callback_answers == ["这个按钮已失效,请重新发 /customer 客户名。"]
    assert await bot.scalar(select(Customer).where(Customer.name == "上海建工")) is None


@pytest.mark.parametrize("forged", ["cust:g:{id}:A", "cust:dd:{id}", "edit:cf:{id}:industry"])
async def test_the_teams_manager_reads_a_reps_customer_but_cannot_change_it(
    bot: BotHarness, forged: str
) -> None:
    manager, _, _ = await team_with_two_reps(bot)
    target = await customer_id(bot)
    reply = await manager.press_data(forged.format(id=target))
    assert reply.callback_answers == ["这是 王磊 的客户,只能查看;要修改请先「接手」或分配给自己。"]
    customer = await bot.scalar(select(Customer).where(Customer.id == target))
    assert customer.grade is None and customer.deleted_at is None
