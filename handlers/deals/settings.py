"""💼 商机设置 (from /teamsettings): the team's stage names and chances of signing, and the
currency a deal is in when nothing says otherwise. Managers only; every press re-checks.

Callback data (dst:…): built and read by callbacks.py; typing a stage's name or chance is a
ValueEdit.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from telegram.ext import CallbackQueryHandler

from handlers.deals import callbacks
from handlers.deals.text import STAGE_LABELS, stage_name
from handlers.kit import doors, pending
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.routes import Action, exactly, follow, stale
from handlers.kit.turn import Turn, member_turn
from locales import N_
from parsing.values import CLEAR_WORDS
from storage.audit import record
from storage.models import DealStage
from storage.stages import (
    NAME_LIMIT,
    OPEN_STAGES,
    PROBABILITY,
    rename_stage,
    set_currency,
    set_stage_probability,
    stage_book,
)

CHANCES = (5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90)
CURRENCIES = {
    "CNY": N_("人民币"),
    "HKD": N_("港币"),
    "TWD": N_("新台币"),
    "SGD": N_("新加坡元"),
    "MYR": N_("马来西亚林吉特"),
    "USD": N_("美元"),
    "EUR": N_("欧元"),
}
Rows = list[list[tuple[str, str]]]
# the clear words every field takes, and 默认: back to the default stage names and chances
_BACK_TO_DEFAULT = CLEAR_WORDS | {"默认"}


async def _manager(turn: Turn) -> bool:
    if turn.member.is_manager and not (await turn.team()).personal:
        return True
    if turn.update.callback_query is not None:
        turn.answer(turn._("只有团队经理可以修改团队设置。"), alert=True)
    else:
        turn.say(turn._("只有团队经理可以修改团队设置。"))
    return False


async def _home(turn: Turn, *, edit: bool = True) -> None:
    _ = turn._
    book = await stage_book(turn.session, turn.actor.team_id)
    lines = [_("💼 商机设置"), _("阶段和赢单概率(⏩ 推进 按这个顺序):")]
    for n, stage in enumerate(OPEN_STAGES, 1):
        lines.append(f"{n}. {stage_name(_, stage, book.names)} · {book.chance(stage)}%")
    won, lost = (stage_name(_, s, book.names) for s in (DealStage.WON, DealStage.LOST))
    lines.append(_("结束:{won} 100% · {lost} 0%", won=won, lost=lost))
    currency = _(CURRENCIES[book.currency]) if book.currency in CURRENCIES else book.currency
    lines.append(_("默认币种:{name}({code})", name=currency, code=book.currency))
    stages = [
        (f"✏️ {stage_name(_, s, book.names)}", callbacks.stage_page(s.value)) for s in OPEN_STAGES
    ]
    rows: Rows = [stages[:2], stages[2:]]
    rows.append(
        [
            (f"✏️ {won}", callbacks.stage_page(DealStage.WON.value)),
            (f"✏️ {lost}", callbacks.stage_page(DealStage.LOST.value)),
        ]
    )
    rows.append(
        [(_("💱 默认币种"), callbacks.CURRENCY_MENU), (_("⬅️ 团队设置"), doors.TEAM_SETTINGS)]
    )
    if edit:
        turn.edit("\n".join(lines), inline(rows))
    else:
        turn.say("\n".join(lines), inline(rows))


async def _stage(turn: Turn, stage: DealStage, *, edit: bool = True) -> None:
    _ = turn._
    book = await stage_book(turn.session, turn.actor.team_id)
    name = stage_name(_, stage, book.names)
    lines = [_("💼 阶段「{name}」", name=name)]
    if stage in book.names:
        lines.append(_("默认名称:{name}", name=_(STAGE_LABELS[stage])))
    rows: Rows = [[(_("✏️ 改名称"), callbacks.rename_stage(stage.value))]]
    if stage in OPEN_STAGES:
        chance = book.chance(stage)
        lines.append(_("赢单概率:{n}%(默认 {d}%)", n=chance, d=PROBABILITY[stage]))
        lines.append(_("改了以后,这个阶段还按原概率的商机一起调整;单独改过概率的商机不变。"))
        offered = [
            (f"{'• ' if n == chance else ''}{n}%", callbacks.set_stage_chance(stage.value, n))
            for n in CHANCES
        ]
        rows += [offered[i : i + 4] for i in range(0, len(offered), 4)]
        rows.append([(_("✍️ 输入概率"), callbacks.type_stage_chance(stage.value))])
    rows.append(
        [
            (_("↩️ 恢复默认"), callbacks.reset_stage(stage.value)),
            (_("⬅️ 返回"), callbacks.SETTINGS_HOME),
        ]
    )
    text, markup = "\n".join(lines), inline(rows)
    if edit:
        turn.edit(text, markup)
    else:
        turn.say(text, markup)


def _stage_of(value: str) -> DealStage | None:
    return next((s for s in DealStage if s.value == value), None)


async def _home_button(turn: Turn, found: re.Match[str]) -> None:
    await _home(turn)


def _on_stage(
    action: Callable[[Turn, DealStage], Awaitable[None]], *, open_only: bool = False
) -> Action:
    """An action on the stage the button names (with `open_only`, one a deal may be in)."""

    async def act(turn: Turn, found: re.Match[str]) -> None:
        stage = _stage_of(found.group(1))
        if stage is None or (open_only and stage not in OPEN_STAGES):
            stale(turn)
        else:
            await action(turn, stage)

    return act


async def _set_chance(turn: Turn, found: re.Match[str]) -> None:
    _ = turn._
    stage, chance = _stage_of(found.group(1)), callback_id(found.group(2))
    if stage not in OPEN_STAGES or chance not in CHANCES:
        stale(turn)
        return
    assert stage is not None and chance is not None
    moved = await _chance(turn, stage, chance)
    turn.answer(
        _.plural("✅ 已保存,{n} 个商机一并调整。", "✅ 已保存,{n} 个商机一并调整。", moved)
        if moved
        else _("✅ 已保存")
    )
    await _stage(turn, stage)


async def _type_name(turn: Turn, stage: DealStage) -> None:
    waiting = {"stage": stage.value, "field": "name"}
    pending.ask(turn, STAGE_VALUE, waiting, N_("阶段名称"), N_("方案交流"))


async def _type_chance(turn: Turn, stage: DealStage) -> None:
    waiting = {"stage": stage.value, "field": "probability"}
    pending.ask(turn, STAGE_VALUE, waiting, N_("赢单概率"), "60%")


async def _reset(turn: Turn, stage: DealStage) -> None:
    _ = turn._
    await rename_stage(turn.session, turn.actor.team_id, stage, None)
    moved = await _chance(turn, stage, None) if stage in OPEN_STAGES else 0
    turn.answer(
        _.plural("✅ 已恢复默认,{n} 个商机一并调整。", "✅ 已恢复默认,{n} 个商机一并调整。", moved)
        if moved
        else _("✅ 已恢复默认")
    )
    await _stage(turn, stage)


async def _currencies(turn: Turn, found: re.Match[str]) -> None:
    _ = turn._
    rows = [
        [(f"{_(name)} {code}", callbacks.set_currency(code))] for code, name in CURRENCIES.items()
    ]
    rows.append([(_("⬅️ 返回"), callbacks.SETTINGS_HOME)])
    turn.edit(_("新商机没写币种时用哪种货币?已有的商机不变。"), inline(rows))


async def _set_currency(turn: Turn, found: re.Match[str]) -> None:
    code = found.group(1)
    if code not in CURRENCIES:
        stale(turn)
        return
    team_id = turn.actor.team_id
    await set_currency(turn.session, team_id, code)
    record(turn.session, turn.actor, "team.settings", "team", team_id, f"currency:{code}")
    turn.answer(turn._("✅ 已保存"))
    await _home(turn)


ROUTES = (
    (exactly(callbacks.SETTINGS_HOME), _home_button),
    (callbacks.STAGE_PAGE, _on_stage(_stage)),
    (callbacks.SET_STAGE_CHANCE, _set_chance),
    (callbacks.RENAME_STAGE, _on_stage(_type_name)),
    (callbacks.TYPE_STAGE_CHANCE, _on_stage(_type_chance, open_only=True)),
    (callbacks.RESET_STAGE, _on_stage(_reset)),
    (exactly(callbacks.CURRENCY_MENU), _currencies),
    (callbacks.SET_CURRENCY, _set_currency),
)


@member_turn
async def settings_button(turn: Turn) -> None:
    if await _manager(turn):
        await follow(turn, ROUTES)


async def _chance(turn: Turn, stage: DealStage, chance: int | None) -> int:
    moved = await set_stage_probability(turn.session, turn.actor.team_id, stage, chance)
    detail = f"stage:{stage.value}:{chance if chance is not None else 'default'}"
    record(turn.session, turn.actor, "team.settings", "team", turn.actor.team_id, detail)
    return moved


def _percent(text: str) -> int | None:
    digits = text.strip().removesuffix("%").removesuffix("%").strip()
    if not digits.isascii() or not digits.isdigit():
        return None
    value = int(digits)
    return value if 0 < value < 100 else None


async def apply_stage_value(turn: Turn, text: str) -> None:
    """A typed stage name or chance (STAGE_VALUE's value), echoed back as saved."""
    _ = turn._
    waiting = pending.state(turn, STAGE_VALUE) or {}
    stage = _stage_of(str(waiting.get("stage", "")))
    field = waiting.get("field")
    if stage is None or field not in ("name", "probability"):
        pending.finish(turn, STAGE_VALUE)
        turn.say(_("这个按钮已失效。"))
        return
    if not turn.member.is_manager:
        pending.finish(turn, STAGE_VALUE)
        turn.say(_("只有团队经理可以修改团队设置。"))
        return
    book = await stage_book(turn.session, turn.actor.team_id)
    old = stage_name(_, stage, book.names)
    if text.strip() in _BACK_TO_DEFAULT:  # "无" (the prompt offers it): back to the default
        pending.finish(turn, STAGE_VALUE)
        if field == "name":
            await rename_stage(turn.session, turn.actor.team_id, stage, None)
            turn.say(
                _("✅ 阶段「{old}」恢复为默认名称「{new}」。", old=old, new=_(STAGE_LABELS[stage]))
            )
        elif stage in OPEN_STAGES:
            await _chance(turn, stage, None)
            turn.say(_("✅ 「{name}」的赢单概率恢复为默认 {n}%。", name=old, n=PROBABILITY[stage]))
        await _stage(turn, stage, edit=False)
        return
    if field == "probability":
        chance = _percent(text)
        if chance is None or stage not in OPEN_STAGES:
            turn.say(_("赢单概率请写 1 到 99 之间的数,例如:60%(/cancel 放弃修改)"))
            return
        pending.finish(turn, STAGE_VALUE)
        moved = await _chance(turn, stage, chance)
        said = _("✅ 「{name}」的赢单概率改为 {n}%。", name=old, n=chance)
        if moved:
            said += _.plural("{n} 个商机一并调整。", "{n} 个商机一并调整。", moved)
        turn.say(said)
    else:
        name = " ".join(text.split())
        taken = {stage_name(_, s, book.names) for s in DealStage if s != stage}
        if not 2 <= len(name) <= NAME_LIMIT or name in taken:
            turn.say(
                _(
                    "阶段名称请写 2 到 {n} 个字,不能和别的阶段重名,例如:方案交流(/cancel 放弃修改)",
                    n=NAME_LIMIT,
                )
            )
            return
        pending.finish(turn, STAGE_VALUE)
        await rename_stage(turn.session, turn.actor.team_id, stage, name)
        record(
            turn.session,
            turn.actor,
            "team.settings",
            "team",
            turn.actor.team_id,
            f"stage:{stage.value}:name",
        )
        turn.say(_("✅ 阶段「{old}」改名为「{new}」。", old=old, new=name))
    await _stage(turn, stage, edit=False)


STAGE_VALUE = pending.ValueEdit(
    "deal_stage_value",
    apply_stage_value,
    title=N_("商机设置"),
    cancelled=N_("已放弃修改,商机设置没有变。"),
)


def settings_handlers() -> list[object]:
    return [CallbackQueryHandler(settings_button, pattern=callbacks.SETTINGS_PATTERN)]
