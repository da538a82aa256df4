"""Every command once: its name, its line in Telegram's command menu, its line in /help, and
who may use it.

The handlers register `Command.name`, the guided flows take their title from here, menus.py
publishes `listed(manager)` as each member's command menu, and /help prints `help_text`. Each
/help line is its own msgid, so editing one leaves the others translated. A rep's menu and
/help leave out the managers' commands (and a manager's the ones only a rep without a team
needs); the handlers still check the role themselves, since anyone can type any command.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from locales import N_, Translator


class Audience(enum.Enum):
    """Who sees a command in their menu and /help."""

    EVERYONE = "everyone"
    REP = "rep"  # /newteam, /join: a manager already leads a team
    MANAGER = "manager"

    def includes(self, manager: bool) -> bool:
        return self is Audience.EVERYONE or (self is Audience.MANAGER) == manager


@dataclass(frozen=True)
class Command:
    name: str
    title: str  # the menu's line, and a guided flow's title
    help: str | None = None  # the /help line, when it says more than "/name — title"
    in_help: bool = True
    audience: Audience = Audience.EVERYONE

    def help_line(self, _: Translator) -> str:
        return _(self.help) if self.help else f"/{self.name} — {_(self.title)}"


START = Command("start", N_("开始,显示主菜单"), in_help=False)
TODAY = Command("today", N_("今日要事"))
CUSTOMER = Command(
    "customer", N_("客户档案:查看或新建"), N_("/customer 客户名 — 查看或新建客户档案")
)
FIND = Command("find", N_("查找客户"), N_("/find 关键词 — 查找客户"))
VISIT = Command("visit", N_("记拜访"))
FOLLOWUP = Command("followup", N_("加跟进"))
CONTACT = Command("contact", N_("加联系人"))
TRIP = Command("trip", N_("记领导行程"))
BIRTHDAY = Command("birthday", N_("记生日"))
NEWCUSTOMER = Command("newcustomer", N_("新客户"))
DEAL = Command("deal", N_("新商机"))
DRAFTS = Command("drafts", N_("草稿:没保存的记录"))
PLAN = Command(
    "plan", N_("拜访计划(走访单)"), N_("/plan 明天上午10点拜访万科 目的是… — 提交拜访计划")
)
PLANS = Command("plans", N_("本周拜访计划"))
MINUTES = Command("minutes", N_("写会谈纪要"))
WORKDAYS = Command("workdays", N_("工作日历(经理)"), audience=Audience.MANAGER)
TEAM = Command("team", N_("团队与成员"), N_("/team — 团队与成员(经理可邀请、设经理、移除成员)"))
EXPORT = Command("export", N_("导出 Excel"))
ASSIGN = Command("assign", N_("分配客户(经理)"), audience=Audience.MANAGER)
AUDIT = Command("audit", N_("审计记录(经理)"), audience=Audience.MANAGER)
PIPELINE = Command("pipeline", N_("销售漏斗:团队商机(经理)"), audience=Audience.MANAGER)
TEAMSETTINGS = Command("teamsettings", N_("团队设置(经理)"), audience=Audience.MANAGER)
NEWTEAM = Command(
    "newteam", N_("创建团队"), N_("/newteam 团队名 — 创建团队"), audience=Audience.REP
)
JOIN = Command("join", N_("用邀请码加入团队"), N_("/join 邀请码 — 加入团队"), audience=Audience.REP)
SETTINGS = Command("settings", N_("设置"))
LANGUAGE = Command("language", N_("切换语言"))
CANCEL = Command("cancel", N_("取消当前操作"))
HELP = Command("help", N_("帮助"), in_help=False)

# The order of Telegram's command menu and of /help.
MENU = (
    START, TODAY, CUSTOMER, FIND, VISIT, FOLLOWUP, CONTACT, TRIP, BIRTHDAY, NEWCUSTOMER, DEAL,
    PLAN, PLANS, MINUTES, TEAM, DRAFTS, EXPORT, ASSIGN, PIPELINE, AUDIT, TEAMSETTINGS, WORKDAYS,
    NEWTEAM, JOIN, SETTINGS, LANGUAGE, CANCEL, HELP,
)  # fmt: skip


def listed(manager: bool) -> tuple[Command, ...]:
    """The commands a manager's (or a rep's) menu and /help show, in MENU's order."""
    return tuple(command for command in MENU if command.audience.includes(manager))


def help_text(_: Translator, manager: bool) -> str:
    return "\n".join(
        [
            _("我能做的事:"),
            _("直接发一句话 — 记下客户、联系人、拜访、跟进、行程、生日"),
            *(command.help_line(_) for command in listed(manager) if command.in_help),
            _("发位置 = 拜访签到;发 Excel/CSV/名片文件 = 导入客户"),
            _("不用记命令:下方按钮能到达所有功能。"),
        ]
    )
