"""Forged callback data of every prefix, in the shapes our buttons write (issue #17, defect 6).

A Telegram client can send any callback data up to 64 bytes, not only what a button carried.
Hypothesis fills each shape of every prefix (`rem:greeted:<contact>:<yyyymmdd>`, `cust:g:<id>:
<grade>`, …) with real ids of the pressing member's own records, other members' ids, ids past
the database's columns, non-dates (20261399, 00000000, 20260230), unknown enum words and junk,
and presses them through the real Application, as a rep and as a manager. Nothing may raise,
every press gets an answer, and a rep never sees the colleague's customer.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import start_in_process
from bot.local_api import LocalBotApi, LocalClient, Reply
from tests.builders import Pushes, local
from tests.conftest import BotHarness, make_application
from tests.harness.apispec import load_spec

SECRET = "绝密电力设计院"
SECRET_PHONE = "13912345678"

# Every callback shape the handlers and pushes write (see `grep -rn 'f"<prefix>:'`), with a
# slot for each field: {id} a record id, {n} a small number (a page, an index), {day} a date
# as yyyymmdd, {w} a word from a fixed set (grade, period, status, role, language …).
SHAPES = (
    "arch:note:{id}", "arch:ok:{id}",
    "asg:c:{id}", "asg:help", "asg:me:{id}", "asg:to:{id}:{id}",
    "aud:{id}:{n}", "aud:{n}",
    "cap:a:{id}", "cap:b:{id}", "cap:cu:{id}:{id}", "cap:d:{id}", "cap:e:{id}", "cap:f:{id}:{w}",
    "cap:g:{id}:{w}", "cap:k:{id}:{n}:{id}", "cap:m:{id}", "cap:n:{id}:{id}", "cap:r:{id}",
    "cap:s:{id}", "cap:x:{id}", "cap:dl:{id}:{id}", "cap:dl:{id}:{id}:s", "cap:wt:{id}",
    "cap:wn:{id}", "cap:sd:{id}:{id}",
    "card:p:{id}",
    "chk:{id}:{id}",
    "ct:new:{id}",
    "nd:c:{id}",
    "pipe:c:{w}", "pipe:p:{w}:{n}", "pipe:r:{id}:{w}",
    "deal:a:{id}", "deal:a:{id}:p", "deal:d:{id}", "deal:d:{id}:p", "deal:d:{id}:{day}",
    "deal:l:{id}", "deal:l:{id}:p", "deal:r:{id}:{n}", "deal:t:{id}", "deal:w:{id}",
    "deal:w:{id}:y", "deal:w:{id}:y:{id}", "deal:w:{id}:y:{n}", "deal:w:{id}:y:-",
    "deal:w:{id}:m", "deal:u:{id}",
    "deal:p:{id}", "deal:p:{id}:{n}", "deal:p:{id}:{w}", "deal:v:{id}",
    "dst:cur", "dst:cur:{w}", "dst:home", "dst:n:{w}", "dst:p:{w}:{n}", "dst:r:{w}", "dst:s:{w}",
    "dst:t:{w}",
    "dft:l:{n}", "dft:c:{id}", "dft:d:{id}:{n}",
    "cust:ask:{id}", "cust:dd:{id}", "cust:del:{id}", "cust:g:{id}", "cust:g:{id}:{w}",
    "cust:is:{id}:{id}",
    "prof:c:{id}", "prof:log:{id}:{n}",
    "rec:l:{id}", "rec:f:{id}", "rec:ft:{id}", "rec:fd:{id}", "rec:fx:{id}", "rec:fdel:{id}",
    "rec:i:{id}", "rec:it:{id}", "rec:id:{id}", "rec:ik:{id}:{w}", "rec:idel:{id}", "rec:u:{id}",
    "rec:t:{id}", "rec:tp:{id}", "rec:tr:{id}", "rec:tdel:{id}",
    "cust:h:{id}:{n}", "cust:l:{n}", "cust:n:{id}", "cust:p:{id}", "cust:u:{id}", "cust:v:{id}",
    "cust:x:{id}",
    "edit:c:{id}", "edit:cf:{id}", "edit:cf:{id}:{w}", "edit:cs:{id}", "edit:cs:{id}:{w}",
    "edit:k:{id}", "edit:kd:{id}", "edit:kd:{id}:{w}", "edit:kf:{id}:{w}", "edit:kl:{id}",
    "edit:kr:{id}", "edit:kr:{id}:{w}", "edit:ku:{id}",
    "exp:menu", "exp:x", "exp:c:{w}",
    "find:{n}",
    "flow:visit:v:{w}", "flow:fu:v:{w}", "flow:ct:v:{w}", "flow:trip:v:{w}", "flow:bday:v:{w}",
    "flow:nc:v:{w}", "flow:visit:back", "flow:fu:skip", "flow:trip:done", "flow:nc:cancel",
    "flow:visit:add", "flow:ct:add", "flow:fu:go", "flow:fu:other",
    "fu:c:{id}",
    "ho:go:{id}", "ho:m:{id}", "ho:t:{id}:{id}",
    "imp:n:{id}", "imp:y:{id}",
    "lang:{w}",
    "mins:conf:{id}", "mins:doc:{id}", "mins:note:{id}", "mins:seen:{id}", "mins:sent:{id}",
    "mins:w:{id}",
    "mv:i:{id}:{n}", "mv:f:{id}", "mv:t:{id}:{id}", "mv:ok:{id}:{id}",
    "nc:start",
    "pay:c:{id}", "pay:c:{id}:p", "pay:d:{id}", "pay:d:{id}:p", "pay:d:{id}:{day}",
    "pay:k:{id}:{id}:{day}:{id}", "pay:k:{id}:{n}:{day}:{n}", "pay:m:{id}", "pay:n:{id}:{n}",
    "pay:t:{id}", "pay:v:{id}",
    "plan:new", "plan:note:{id}", "plan:ok:{id}", "plan:s:{id}", "plan:x:{id}", "plan:r:{id}",
    "plan:s:{id}:{id}", "plan:x:{id}:{id}",
    "own:k:{id}:{id}", "own:m:{id}:{id}", "own:m:{id}:{id}:{id}",
    "rem:again:{id}:{n}:{w}", "rem:done:{id}", "rem:greeted:{id}:{day}",
    "rem:greeted:{id}:{day}:{id}", "rem:later:{id}", "rem:later:{id}:{n}", "rem:ok:{id}:{n}",
    "rem:snooze:{id}:{w}", "rem:tripfu:{id}",
    "rset:back", "rset:digest", "rset:digest:{w}", "rset:digest:typed", "rset:quiet", "rset:quiet:{w}",
    "settings:language",
    "team:code", "team:home", "team:invite", "team:m:{id}", "team:p:{id}", "team:r:{id}",
    "team:rr:{id}",
    "tr:c:{w}", "tr:p:{w}:{n}", "tr:r:{id}:{w}",
    "ts:dt", "ts:dt:{w}", "ts:fest", "ts:g:{w}:{n}", "ts:g:{w}:typed", "ts:home", "ts:q",
    "ts:q:{w}", "ts:tz", "ts:tz:{n}", "ts:sd", "ts:sd:{n}",
    "visit:c:{id}", "visit:i:{id}:{id}",
    "wd:approval:{w}", "wd:home", "wd:set:{w}",
)  # fmt: skip
PREFIXES = sorted({shape.split(":")[0] for shape in SHAPES})

# Ids past what any column holds, and digits our buttons never write.
ODD_IDS = ["0", "-1", str(2**31), str(2**63), "9" * 30, "²", "٣", "１２", "01", "", "x"]
DAYS = ["20261201", "20261399", "00000000", "20260230", "20270229", "99991231", "2026120",
        "202612011", "２０２６１２０１", "2026-12-01", "abcdefgh"]  # fmt: skip
WORDS = ["A", "B", "C", "D", "a", "week", "month", "today", "lastweek", "year", "1h", "1d", "1w",
         "2y", "0830", "0600", "2460", "9999", "2100-0800", "2200-0700", "0000-0000", "off", "yes",
         "no", "potential", "lost", "decides", "boss", "zh_Hans", "zh_Hant", "en", "fr",
         "customers", "followups", "secrets", "name", "industry", "phones", "birthday", "wechat",
         "skip", "0", "-1", str(2**40), "", "🎂", "%", "_", "on", "cn", "mon_fri", "m", "q", "s",
         "quote", "won", "contact", "CNY", "USD", "XXX"]  # fmt: skip
NUMBERS = ["0", "1", "2", "5", "9", "10", "60", "99", "-1", str(2**31), "²", ""]


@dataclass
class Stage:
    bot: BotHarness
    rep: LocalClient
    manager: LocalClient
    ids: list[str]


@pytest.fixture
async def stage(engine: AsyncEngine) -> AsyncIterator[Stage]:
    """A team: 王磊 owns the secret customer; 赵敏 (the rep pressing) has a customer with a
    contact whose birthday is today, a follow-up, a trip, and this morning's digest."""
    spec = load_spec()
    api = LocalBotApi(validator=spec.check_call if spec else None)
    application = make_application(api, engine)
    await start_in_process(application)
    bot = BotHarness(application, api, engine)
    manager = bot.user("李经理")
    code = re.search(r"/join (\S+)", (await manager.send("/newteam 华东一部")).text)
    assert code
    owner, rep = bot.user("王磊"), bot.user("赵敏")
    await owner.send(f"/join {code.group(1)}")
    await rep.send(f"/join {code.group(1)}")
    await owner.send(f"{SECRET}的刘总手机{SECRET_PHONE},生日12月1日")
    await owner.press("保存")
    await owner.send(f"{SECRET}办公楼项目报价120万,预计月底签约")  # a deal (deal:<id>)
    await owner.press("保存")
    # A won deal with a payment plan (pay:<installment>)
    await owner.send("华电集团签了合同,金额60万,分三期,签约30%,验收60%,质保10%")
    await owner.press("保存")
    await rep.send("赵敏客户有限公司的孙经理手机13700001111,生日12月1日,明天去北京出差到后天")
    await rep.press("保存")
    await rep.send("今天拜访了赵敏客户有限公司的孙经理,明天上午10点跟进报价")
    await rep.press("保存")
    await rep.send("随便记一句")  # a draft waiting for its customer
    await Pushes.of(bot).at(local(2026, 12, 1, 8, 30))
    # Every id of every table ends well below this: each is some record of someone.
    ids = [str(n) for n in range(0, 25)]
    try:
        yield Stage(bot, rep, manager, ids)
    finally:
        await application.shutdown()
    assert not api.violations, "\n".join(api.violations[:5])


class ErrorCatcher(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def errors() -> Iterator[list[logging.LogRecord]]:
    catcher = ErrorCatcher()
    logging.getLogger().addHandler(catcher)
    yield catcher.records
    logging.getLogger().removeHandler(catcher)


def fill(shape: str, draw: st.DataObject, ids: list[str]) -> str:
    """The shape with each slot drawn from its values (now and then from another slot's)."""
    pools = {
        "{id}": st.one_of(st.sampled_from(ids), st.sampled_from(ids), st.sampled_from(ODD_IDS)),
        "{n}": st.sampled_from(NUMBERS),
        "{day}": st.sampled_from(DAYS),
        "{w}": st.sampled_from(WORDS),
    }
    any_slot = st.one_of(*pools.values())
    out = []
    for piece in re.split(r"(\{\w+\})", shape):
        if piece == "{id}":
            out.append(draw.draw(pools[piece]))
        elif piece in pools:
            out.append(draw.draw(st.one_of(pools[piece], any_slot)))
        else:
            out.append(piece)
    return "".join(out)[:64]


def check(reply: Reply, errors: list[logging.LogRecord], as_rep: bool) -> None:
    assert not errors, errors[0].getMessage()
    answered = reply.messages or [c for c in reply.calls if c.method == "answerCallbackQuery"]
    assert answered, "every press gets an answer"
    seen = reply.text + " ".join(reply.buttons) + " ".join(reply.callback_answers)
    if as_rep:
        assert SECRET not in seen and SECRET_PHONE not in seen


FORGED = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))


@FORGED
@given(data=st.data())
async def test_forged_callback_data_of_every_prefix_never_raises(
    stage: Stage, errors: list[logging.LogRecord], data: st.DataObject
) -> None:
    shape = data.draw(st.sampled_from(SHAPES), label="shape")
    forged = fill(shape, data, stage.ids)
    as_rep, cancel = data.draw(st.booleans(), label="as rep"), data.draw(st.booleans())
    note(f"pressed {forged!r} as {'rep' if as_rep else 'manager'}")
    errors.clear()
    who = stage.rep if as_rep else stage.manager
    check(await who.press_data(forged), errors, as_rep)
    if cancel:
        await who.send("/cancel")  # a forged press may have opened a step


def test_every_prefix_we_register_has_shapes() -> None:
    """A new prefix in handlers/ must get its shapes here (the fuzzer only knows these): the
    prefixes of the CallbackQueryHandlers the Application really registers, wherever their
    pattern is written (the rooms' callbacks.py)."""
    from tests.test_layout import Recorder, _callback_prefixes

    recorder = Recorder()
    importlib.import_module("handlers").register(recorder)
    registered = set().union(
        *(_callback_prefixes(h) for group in recorder.handlers.values() for h in group)
    )
    assert registered == set(PREFIXES), registered ^ set(PREFIXES)


@pytest.mark.parametrize(
    "day",
    ["20261399", "00000000", "20260230", "２０２６１２０１", "99999999"],
)
async def test_the_reported_dates(stage: Stage, errors: list[logging.LogRecord], day: str) -> None:
    """rem:greeted:<contact>:20261399 raised ValueError (reported with 00000000, 20260230)."""
    for contact in stage.ids[1:10]:
        reply = await stage.rep.press_data(f"rem:greeted:{contact}:{day}")
        check(reply, errors, as_rep=True)


# The sweep: each slot of each shape in turn holds each odd value, the others a plain id.
SWEEP = {"{id}": ODD_IDS[:7], "{n}": NUMBERS[-3:], "{day}": DAYS[1:5], "{w}": ["D", "", "_"]}


async def test_every_slot_of_every_shape_with_each_odd_value(
    stage: Stage, errors: list[logging.LogRecord]
) -> None:
    """Not left to chance: Hypothesis may never draw rem:done with a 30-digit id."""
    for shape in SHAPES:
        pieces = re.split(r"(\{\w+\})", shape)
        for index, piece in enumerate(pieces):
            for odd in SWEEP.get(piece, []):
                filled = [
                    odd if i == index else ("2" if p in SWEEP else p) for i, p in enumerate(pieces)
                ]
                forged = "".join(filled)[:64]
                for who, as_rep in ((stage.rep, True), (stage.manager, False)):
                    errors.clear()
                    reply = await who.press_data(forged)
                    assert not errors, f"{forged!r}: {errors[0].getMessage()}"
                    check(reply, errors, as_rep)
