"""Teams: a manager creates one, colleagues join by link or code, roles and removal."""

import json
import re

import pytest
from sqlalchemy import select

from bot.local_api import LocalClient
from storage.models import AuditLog, Customer, Member, Team
from tests.conftest import BotHarness


async def make_team(bot: BotHarness, name: str = "华东销售一部") -> tuple[LocalClient, str]:
    manager = bot.user("李经理")
    reply = await manager.send(f"/newteam {name}")
    code = re.search(r"/join (\S+)", reply.text)
    assert code, reply.text
    return manager, code.group(1)


async def test_newteam_makes_the_caller_manager_with_an_invite_link(bot: BotHarness) -> None:
    manager = bot.user("李经理")
    reply = await manager.send("/newteam 华东销售一部")
    assert "✅ 团队「华东销售一部」建好了,你是经理。" in reply.text
    link = re.search(r"https://t.me/salesbot_local_bot\?start=join-(\w+)", reply.text)
    assert link and len(link.group(1)) >= 10
    assert "👥 团队" in reply.messages[0].reply_keyboard  # managers get the team button
    team = await bot.scalar(select(Team).where(Team.name == "华东销售一部"))
    assert not team.personal and team.invite_code == link.group(1)


async def test_newteam_without_a_name_asks_for_one_and_checks_it(bot: BotHarness) -> None:
    manager = bot.user("李经理")
    assert "给团队起个名字吧" in (await manager.send("/newteam")).text
    too_long = await manager.send("名" * 51)
    assert "团队名要在 1–50 个字之间" in too_long.text
    reply = await manager.send("华南大客户组")
    assert "团队「华南大客户组」建好了" in reply.text


async def test_joining_by_deep_link(bot: BotHarness) -> None:
    manager, code = await make_team(bot)
    rep = bot.user("王磊")
    reply = await rep.send(f"/start join-{code}")
    assert "你好,王磊!" in reply.text
    assert "🎉 你已加入团队「华东销售一部」。经理:李经理。" in reply.text
    assert reply.to(manager).text == "👋 王磊 加入了团队「华东销售一部」。"
    assert "加入了团队" not in reply.text  # the newcomer's chat has only their welcome
    member = await bot.scalar(select(Member).where(Member.name == "王磊"))
    team = await bot.scalar(select(Team).where(Team.id == member.team_id))
    assert team.name == "华东销售一部" and member.role == "rep"


async def test_joining_by_code_in_two_steps(bot: BotHarness) -> None:
    _, code = await make_team(bot)
    rep = bot.user("王磊")
    assert "请输入经理给你的邀请码" in (await rep.send("/join")).text
    reply = await rep.send(code)
    assert "🎉 你已加入团队「华东销售一部」" in reply.text


async def test_a_wrong_code_changes_nothing_and_asks_again(bot: BotHarness) -> None:
    _, code = await make_team(bot)
    rep = bot.user("王磊")
    reply = await rep.send("/join WRONGCODE123")
    assert reply.text.startswith("邀请码不对或已失效")
    member = await bot.scalar(select(Member).where(Member.name == "王磊"))
    team = await bot.scalar(select(Team).where(Team.id == member.team_id))
    assert team.personal
    # still in the join step: the next message is taken as the code
    assert "🎉 你已加入团队" in (await rep.send(code)).text


async def test_customers_recorded_alone_come_along_when_joining(bot: BotHarness) -> None:
    _, code = await make_team(bot)
    rep = bot.user("王磊")
    await rep.send("/customer 华东电力设计院")
    await rep.press("新建")
    reply = await rep.send(f"/join {code}")
    assert "你之前记录的 1 个客户已一并带入团队" in reply.text
    customer = await bot.scalar(select(Customer).where(Customer.name == "华东电力设计院"))
    team = await bot.scalar(select(Team).where(Team.id == customer.team_id))
    assert team.name == "华东销售一部"


async def test_joining_twice_or_another_team_is_refused(bot: BotHarness) -> None:
    _, code = await make_team(bot)
    other_manager = bot.user("赵经理")
    other = re.search(r"/join (\S+)", (await other_manager.send("/newteam 华北组")).text)
    assert other
    rep = bot.user("王磊")
    await rep.send(f"/join {code}")
    assert "你已经是「华东销售一部」的成员了" in (await rep.send(f"/join {code}")).text
    refused = await rep.send(f"/join {other.group(1)}")
    assert "你已经在团队「华东销售一部」里了" in refused.text


async def test_resetting_the_code_retires_the_old_one(bot: BotHarness) -> None:
    manager, old_code = await make_team(bot)
    reply = await manager.press("重置邀请码")
    assert reply.callback_answers == ["邀请码已重置,旧链接失效。"]
    new_code = re.search(r"/join (\S+)", reply.text)
    assert new_code and new_code.group(1) != old_code
    rep = bot.user("王磊")
    assert "邀请码不对或已失效" in (await rep.send(f"/join {old_code}")).text
    assert "🎉" in (await rep.send(new_code.group(1))).text


async def test_manager_promotes_a_rep(bot: BotHarness) -> None:
    manager, code = await make_team(bot)
    rep = bot.user("王磊")
    await rep.send(f"/join {code}")
    await manager.send("/team")
    await manager.press("成员管理")
    await manager.press("王磊 · 销售代表")
    reply = await manager.press("设为经理")
    assert "✅ 王磊 现在是经理了。" in reply.text
    assert "你已被设为团队经理" in reply.to(rep).text
    member = await bot.scalar(select(Member).where(Member.name == "王磊"))
    assert member.role == "manager"


async def test_manager_removes_a_rep_whose_customers_come_to_the_manager(bot: BotHarness) -> None:
    manager, code = await make_team(bot)
    rep = bot.user("王磊")
    await rep.send(f"/join {code}")
    await rep.send("/customer 华东电力设计院")
    await rep.press("新建")

    await manager.send("/team")
    await manager.press("成员管理")
    await manager.press("王磊 · 销售代表")
    ask = await manager.press("移出团队")
    assert "确定把 王磊 移出团队吗" in ask.text
    done = await manager.press("确定移出")
    assert "王磊 已移出团队,1 个客户已转到你名下。" in done.text
    assert any(c.chat_id == rep.chat_id and "你已被移出团队" in c.text for c in done.calls)

    boss = await bot.scalar(select(Member).where(Member.name == "李经理"))
    customer = await bot.scalar(select(Customer).where(Customer.name == "华东电力设计院"))
    assert customer.owner_id == boss.id
    # the removed rep loses access at once
    reply = await rep.send("/customer 华东电力设计院")
    assert "华东电力设计院" not in reply.text.split("\n")[0] or "没找到" in reply.text
    assert await bot.scalar(select(AuditLog.action).where(AuditLog.action == "member.remove"))


@pytest.mark.parametrize("forged", ["team:p:{id}", "team:rr:{id}", "team:code"])
async def test_a_rep_cannot_manage_the_team_with_forged_buttons(
    bot: BotHarness, forged: str
) -> None:
    _manager, code = await make_team(bot)
    rep = bot.user("王磊")
    await rep.send(f"/join {code}")
    boss = await bot.scalar(select(Member).where(Member.name == "李经理"))
    reply = await rep.press_data(forged.format(id=boss.id))
    assert reply.callback_answers == ["只有经理可以管理团队。"]
    team = await bot.scalar(select(Team).where(Team.id == boss.team_id))
    assert team.invite_code == code
    assert (await bot.scalar(select(Member).where(Member.name == "李经理"))).team_id == team.id


async def test_a_rep_sees_the_team_without_management_buttons(bot: BotHarness) -> None:
    _, code = await make_team(bot)
    rep = bot.user("王磊")
    await rep.send(f"/join {code}")
    reply = await rep.send("/team")
    assert "👥 团队「华东销售一部」 · 2 人" in reply.text
    assert reply.buttons == []


def _menu(bot: BotHarness, client: LocalClient) -> set[str]:
    """The commands Telegram shows in `client`'s chat: their own menu, else the default one."""
    own = bot.api.commands.get(json.dumps({"chat_id": client.chat_id, "type": "chat"}) + "|")
    default = bot.api.commands[json.dumps({"type": "default"}) + "|"]
    return {command["command"] for command in (own if own is not None else default)}


async def test_each_member_s_command_menu_follows_their_role(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    assert {"today", "visit", "join", "newteam"} <= _menu(bot, rep)
    assert not {"assign", "pipeline", "audit", "teamsettings", "workdays"} & _menu(bot, rep)

    manager, code = await make_team(bot)
    assert {"today", "visit", "assign", "pipeline", "audit", "teamsettings"} <= _menu(bot, manager)
    assert not {"join", "newteam"} & _menu(bot, manager)

    await rep.send(f"/join {code}")
    await manager.send("/team")
    await manager.press("成员管理")
    await manager.press("王磊 · 销售代表")
    await manager.press("设为经理")
    assert "assign" in _menu(bot, rep)

    await manager.send("/team")
    await manager.press("成员管理")
    await manager.press("王磊 · 经理")
    await manager.press("移出团队")
    await manager.press("确定移出")
    assert "assign" not in _menu(bot, rep) and "newteam" in _menu(bot, rep)
