"""When something breaks: one line in the user's language, their input kept, a clean log."""

import io
import logging
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.logs import PersonalDataFilter
from storage.customers import CustomerRepo
from storage.models import Draft
from tests.conftest import BotHarness


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield stream
    root.removeHandler(handler)


@pytest.fixture
def broken_search(monkeypatch: pytest.MonkeyPatch) -> None:
    async def explode(
        self: CustomerRepo, text: str, limit: int = 8, offset: int = 0
    ) -> list[object]:
        raise RuntimeError(f"search failed for 王局长 13812345678, born 1975-03-08 ({text})")

    monkeypatch.setattr(CustomerRepo, "search", explode)
    monkeypatch.setattr(CustomerRepo, "search_names", explode)  # /find's form of it


@pytest.mark.usefixtures("broken_search")
async def test_a_failure_answers_in_one_line_and_keeps_the_input(
    bot: BotHarness, log_output: io.StringIO
) -> None:
    wang = bot.user("王磊")
    await wang.send("/start")
    reply = await wang.send("/find 王局长 13812345678")
    assert (
        reply.text
        == "抱歉,刚才出了点问题,你输入的内容已存为草稿,发 /drafts 可以找回。请稍后再试,或发 /cancel 重新开始。"
    )
    kept = await bot.scalar(select(Draft.text).where(Draft.kind == "failed_input"))
    assert kept == "/find 王局长 13812345678"
    log = log_output.getvalue()
    assert "Traceback" in log and "RuntimeError" in log
    assert "13812345678" not in log and "1975-03-08" not in log


@pytest.mark.usefixtures("broken_search")
async def test_the_failure_line_is_in_the_users_language(bot: BotHarness) -> None:
    tom = bot.user("Tom", language_code="en")
    await tom.send("/start")
    reply = await tom.send("/find power")
    assert reply.text.startswith("Sorry, something went wrong; what you typed is kept.")
