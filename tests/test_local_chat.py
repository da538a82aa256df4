"""The local chat: the same handlers in a terminal, buttons as numbered choices, scriptable."""

import io
from pathlib import Path

import pytest

from bot.local_chat import run_local_chat
from bot.settings import Settings


async def chat(script: str, tmp_path: Path) -> str:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, database_url=f"sqlite+aiosqlite:///{tmp_path / 'chat.db'}"
    )
    out = io.StringIO()
    await run_local_chat(settings, name="李经理", stdin=io.StringIO(script), stdout=out)
    return out.getvalue()


async def test_a_scripted_session_creates_a_team_and_a_colleague_joins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    first = await chat("/start\n/newteam 华东销售一部\n", tmp_path)
    assert "👤 李经理: /start" in first
    assert "🤖 你好,李经理!我是销售助手" in first
    assert "⌨ 📝 记一笔 | 📅 今日 | 🏢 客户" in first
    assert "[1] 🔄 重置邀请码" in first
    code = first.split("/join ")[-1].split()[0]

    # the database persists between runs, like `make run` twice
    second = await chat(f"@王磊 /join {code}\n/team\n12\n1\n", tmp_path)  # 12: 👥 成员管理
    assert "🤖 🎉 你已加入团队「华东销售一部」" in second
    assert "[1] 李经理 · 经理  [2] 王磊 · 销售代表" in second
    assert "🤖 (更新) 李经理(经理)" in second  # typing 1 pressed the first button

    # A digit that is not a choice number ("²") is a message like any other, not a crash.
    third = await chat("²\n", tmp_path)
    assert "👤 李经理: ²" in third
    assert "🤖" in third.split("👤 李经理: ²")[1]  # answered
