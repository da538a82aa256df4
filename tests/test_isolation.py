"""One user can't slow the others (issue #17, Must-have 2 and defect 6's import preview).

Per-user ordering with updates of different users at the same time, the rate limit that keeps
a flood as drafts, and file limits: the row cap applied while a workbook is read, a size check
that does not trust Telegram's file_size, a cap on .vcf cards.
"""

from __future__ import annotations

import asyncio
import io
import time
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bench.isolation import row_bomb
from bot.concurrency import PerUserUpdateProcessor
from bot.local_api import LocalClient
from bot.ratelimit import RateLimit
from handlers.kit.offload import Offload, OffloadFailed
from parsing.tables import read_table
from parsing.workbook import read_first_sheet
from storage.models import Draft
from tests.conftest import BotHarness


def _update(update_id: int, user_id: int) -> Update:
    user = {"id": user_id, "is_bot": False, "first_name": "x"}
    message = {"message_id": update_id, "date": 0, "chat": {"id": user_id, "type": "private"},
               "from": user, "text": "hi"}  # fmt: skip
    return Update.de_json({"update_id": update_id, "message": message}, None)  # type: ignore[arg-type]


async def test_each_users_updates_stay_in_order_while_another_user_is_served() -> None:
    processor = PerUserUpdateProcessor(running=2)
    log: list[str] = []
    release = asyncio.Event()

    async def work(name: str, wait: bool = False) -> None:
        log.append(f"{name} start")
        if wait:
            await release.wait()
        log.append(f"{name} end")

    # User 1 sends five updates; the first is slow. User 2 sends one after all of them.
    tasks = [asyncio.create_task(processor.process_update(_update(1, 1), work("a1", wait=True)))]
    tasks += [
        asyncio.create_task(processor.process_update(_update(n, 1), work(f"a{n}")))
        for n in range(2, 6)
    ]
    tasks.append(asyncio.create_task(processor.process_update(_update(9, 2), work("b"))))
    for _ in range(20):
        await asyncio.sleep(0)
    # User 2 was served although user 1's queue holds more updates than there are slots,
    # and none of user 1's later updates started before the first finished.
    assert log == ["a1 start", "b start", "b end"]
    release.set()
    await asyncio.gather(*tasks)
    assert [e for e in log if e.startswith("a")] == ["a1 start", "a1 end"] + [
        f"a{n} {what}" for n in range(2, 6) for what in ("start", "end")
    ]
    assert processor.waiting_users == 0  # nothing kept for users who are done


async def test_the_bot_handles_users_concurrently(bot: BotHarness) -> None:
    processor = bot.application.update_processor
    assert isinstance(processor, PerUserUpdateProcessor)
    assert bot.application.concurrent_updates > 1


# -- the rate limit --------------------------------------------------------------------------


class Clock:
    # Starts where the real clock stands: a bucket stamped before the swap (the /start in a
    # flow test) must not look hours old or hours ahead, whatever the machine's uptime.
    def __init__(self) -> None:
        self.now = time.monotonic()

    def __call__(self) -> float:
        return self.now


def _limit(bot: BotHarness, burst: int, per_minute: int) -> Clock:
    limit = bot.application.bot_data["rate_limit"]
    assert isinstance(limit, RateLimit)
    clock = Clock()
    limit.burst, limit.per_second, limit.clock = burst, per_minute / 60, clock
    return clock


async def test_a_flood_gets_one_polite_notice_and_every_note_is_kept(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    clock = _limit(bot, burst=3, per_minute=6)
    notes = [f"第{n}条:拜访了华东电力设计院的王局长" for n in range(1, 9)]
    replies = [await rep.send(note) for note in notes]
    # The first three are handled as usual; the fourth is told once; the rest say nothing.
    assert all("确认保存" in r.text or "客户" in r.text for r in replies[:3])
    assert "你发得有点快" in replies[3].text and "草稿" in replies[3].text
    assert all(r.text == "" for r in replies[4:])
    kept = await bot.scalars(select(Draft.text).where(Draft.kind == "note").order_by(Draft.id))
    assert kept == notes[3:]
    # A minute later the rep is heard again, and a new flood is told again.
    clock.now += 60
    assert "确认保存" in (await rep.send("明天下午三点跟进华东电力设计院的报价")).text


async def test_a_button_press_over_the_limit_is_answered_not_dropped_silently(
    bot: BotHarness,
) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    _limit(bot, burst=1, per_minute=1)
    await rep.send("/today")
    reply = await rep.press_data("rem:done:1")
    assert any("太快" in text for text in reply.callback_answers)


def test_the_limit_refills_and_forgets_calm_users() -> None:
    clock = Clock()
    limit = RateLimit(burst=2, per_minute=60, clock=clock)
    assert [limit.allow(7) for _ in range(3)] == [True, True, False]
    assert limit.first_refusal(7) and not limit.first_refusal(7)
    clock.now += 1
    assert limit.allow(7) and not limit.allow(7)
    clock.now += 10
    assert limit.allow(7) and limit.first_refusal(7)  # calm again: a new flood is told


def test_a_clock_that_reads_earlier_neither_fills_nor_drains_a_bucket() -> None:
    clock = Clock()
    limit = RateLimit(burst=2, per_minute=60, clock=clock)
    assert limit.allow(7)
    clock.now -= 5_000  # e.g. a clock swapped for one that started later
    assert limit.allow(7) and not limit.allow(7)


# -- files ------------------------------------------------------------------------------------


def _xlsx(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_row_bomb_is_read_only_up_to_the_cap_and_the_rest_counted() -> None:
    sheet = read_first_sheet(row_bomb(200_000), limit=10)
    assert len(sheet.rows) == 11  # the header and ten rows: nothing after them was parsed
    assert sheet.unread == 200_000 - 10 and not sheet.unread_at_least


def test_a_small_workbook_is_read_whole() -> None:
    table = read_table("a.xlsx", _xlsx([["客户名称", "联系人"], ["华东电力", "王建国"]]))
    assert table is not None and len(table.rows) == 1 and table.unread == 0


async def test_the_import_preview_says_how_many_rows_were_left_out_and_why(
    bot: BotHarness,
) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    lines = ["客户名称,联系人"] + [f"公司{n},张{n}" for n in range(5120)]
    reply = await rep.send_document("客户.csv", "\n".join(lines).encode(), "text/csv")
    assert "读到 5000 行可用的记录" in reply.text
    assert "另有 120 行超过上限未读(每次最多 5000 行)" in reply.text


async def test_a_million_row_workbook_is_refused_with_the_count(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    reply = await rep.send_document("客户.xlsx", row_bomb(1_000_000))
    assert "读到 5000 行可用的记录" in reply.text
    assert "另有 995000 行超过上限未读" in reply.text


async def test_a_vcf_has_a_cap_too(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    card = "BEGIN:VCARD\nFN:张{n}\nORG:公司{n}\nEND:VCARD\n"
    content = "".join(card.format(n=n) for n in range(5003)).encode()
    reply = await rep.send_document("名片.vcf", content, "text/vcard")
    assert "读到 5000 行可用的记录" in reply.text and "另有 3 行超过上限未读" in reply.text


async def test_a_document_without_file_size_still_gets_the_size_check(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    big = ("客户名称\n" + "华东电力设计院\n" * 500_000).encode()  # 11 MB
    bot.api.files.clear()
    file_id = bot.api.store_file(big)
    # Telegram left file_size out of the message, and getFile does not say it either.
    stored = bot.api._api_getfile

    async def without_size(params: dict[str, Any]) -> dict[str, Any]:
        answer = await stored(params)
        answer.pop("file_size")
        return answer

    bot.api._api_getfile = without_size  # type: ignore[method-assign]
    document = {"file_id": file_id, "file_unique_id": file_id, "file_name": "客户.csv"}
    update = {"update_id": bot.api.next_update_id(), "message": rep._message(document=document)}
    reply = await LocalClient._process(rep, update)
    assert "文件太大了(最多 5 MB)" in reply.text
    assert await bot.count(Draft, Draft.kind == "import") == 0


def _eat_memory() -> int:
    hog = bytearray(1024 * 1024 * 1024)  # 1 GB: over the worker's limit
    return len(hog)


def _spin() -> int:
    while True:
        pass


async def test_a_worker_that_runs_out_of_memory_or_time_is_stopped_and_replaced() -> None:
    offload = Offload(memory_mb=256, seconds=5)  # generous: a busy machine starts it slowly
    try:
        with pytest.raises(OffloadFailed):
            await offload.run(_eat_memory)
        with pytest.raises(OffloadFailed):
            await offload.run(_spin)
        # The recovery is what is checked here, not its speed: a fresh forkserver and child on
        # a machine under load can take longer than the spin's five seconds to start.
        offload.seconds = 60
        assert await offload.run(len, "还在") == 2  # the next job gets a fresh process
    finally:
        offload.close()


def test_stop_is_what_the_limit_raises() -> None:
    assert issubclass(ApplicationHandlerStop, Exception)
