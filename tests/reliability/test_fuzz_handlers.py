"""Hypothesis throws random input at every handler: random Unicode, emoji, 4,096-character
texts, odd files and forged callback data. Nothing may crash, every input gets an answer,
and nothing of another member's customer ever reaches the fuzzing user."""

from __future__ import annotations

import io
import logging
import re
import string
import zipfile
from collections.abc import AsyncIterator, Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.local_api import LocalClient, Reply
from handlers.customers.edit import CONTACT_FIELDS, CUSTOMER_FIELDS
from storage.models import Contact, Customer
from tests.conftest import BotHarness, make_application
from tests.harness.apispec import load_spec

SECRET = "绝密客户有限公司"
OWN = "赵敏客户有限公司"  # the fuzzer's own customer, whose every field it edits
SECRET_PHONE = "13912345678"
PREFIXES = ["cust", "cap", "team", "lang", "settings", "find", "flow:visit", "flow:fu", "visit",
            "fu", "ct", "edit", "chk", "imp", "nc", "rem", "exp", "rset", "asg", "ho", "own", "tr",
            "ts", "aud", "x"]  # fmt: skip

texts = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=50),
    st.text(
        alphabet="今天拜访了华东电力设计院王局长下周五跟进报价农历三月初八生日13812345678,。 ",
        max_size=300,
    ),
    st.builds(lambda c: c * 4096, st.sampled_from(["字", "a", "🎂", " "])),
    st.sampled_from(
        [
            "/start",
            "/find",
            "/customer",
            "/visit",
            "/team",
            "/join",
            "/cancel",
            "/export",
            "/newteam",
            "取消",
            "📝 记一笔",
            "🔍 查找",
            "/customer " + SECRET,
            "/find 绝密",
        ]
    ),
).filter(lambda t: t.strip() != "")
# Numbers that pass str.isdigit() but are no id of ours: beyond PostgreSQL's INTEGER, or
# digits int() cannot read ("²") or reads although our buttons never write them ("٣").
ODD_NUMBERS = [str(2**38), "9" * 20, "²", "٣", "１２"]
forged = st.builds(
    lambda prefix, parts: ":".join([prefix, *parts])[:64],
    st.sampled_from(PREFIXES),
    st.lists(
        st.one_of(
            st.integers(-5, 10**12).map(str),
            st.text(string.ascii_letters, max_size=4),
            st.sampled_from(ODD_NUMBERS),
        ),
        max_size=4,
    ),
)
# Runs of one character up to past every column's size (the widest holds 300).
long_values = st.builds(lambda c, n: c * n, st.sampled_from(["字", "a", "🎂"]), st.integers(1, 600))
# Text files as spreadsheets write them, and as they should not: \r alone, stray quotes,
# a header the importer knows, cells past the archive's sizes.
csv_texts = st.builds(
    lambda head, body: (head + body).encode(),
    st.sampled_from(["", "公司,姓名,职务,手机\n", "客户名称\t联系人\r"]),
    st.one_of(
        st.text(alphabet='华东电力王局长13812345678,\t"\r\n ', max_size=300),
        long_values.map(lambda v: f"{v},{v},{v}\r\n"),
    ),
)


def _workbook(damage: Callable[[bytes], bytes] = lambda xml: xml) -> bytes:
    """A customer list as Excel writes it, its first sheet's XML passed through `damage`."""
    book = Workbook()
    book.active.append(["公司", "姓名", "手机"])
    book.active.append(["华东电力设计院", "王建国", "13812345678"])
    whole, damaged = io.BytesIO(), io.BytesIO()
    book.save(whole)
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = damage(data)
            target.writestr(item, data)
    return damaged.getvalue()


# A sound zip whose sheet is cut short or has bytes overwritten: openpyxl reads a sheet only
# as its rows are asked for, so this damage shows up later than a broken zip does.
damaged_workbooks = st.builds(
    lambda at, junk, cut: _workbook(
        lambda xml: (xml[:at] + junk + xml[at + len(junk) :])[: cut or None]
    ),
    st.integers(0, 2000),
    st.binary(max_size=8),
    st.integers(0, 2000),
)
files = st.one_of(
    st.tuples(
        st.sampled_from(["a.xlsx", "b.csv", "c.vcf", "d.pdf", "名单.xlsx", "e"]),
        st.binary(max_size=300),
    ),
    st.tuples(st.sampled_from(["b.csv", "名单.txt", "c.vcf"]), csv_texts),
    st.tuples(st.just("名单.xlsx"), damaged_workbooks),
)


class Fuzzed(Exception):
    pass


@pytest.fixture
async def harness(engine: AsyncEngine) -> AsyncIterator[tuple[BotHarness, LocalClient]]:
    """A team where 王磊 owns a secret customer, and 赵敏 (same team) is the fuzzer."""
    spec = load_spec()
    from bot.local_api import LocalBotApi

    api = LocalBotApi(validator=spec.check_call if spec else None)
    application = make_application(api, engine)
    from bot.app import start_in_process

    await start_in_process(application)
    bot = BotHarness(application, api, engine)
    manager = bot.user("李经理")
    code = re.search(r"/join (\S+)", (await manager.send("/newteam 华东一部")).text)
    assert code
    owner, fuzzer = bot.user("王磊"), bot.user("赵敏")
    await owner.send(f"/join {code.group(1)}")
    await fuzzer.send(f"/join {code.group(1)}")
    await owner.send(f"{SECRET}的刘总手机{SECRET_PHONE}")
    await owner.press("保存")
    await fuzzer.send(f"{OWN}的孙经理手机13700001111")
    await fuzzer.press("保存")
    try:
        yield bot, fuzzer
    finally:
        await application.shutdown()
    assert not api.violations, "\n".join(api.violations[:5])


def check(reply: Reply, errors: list[logging.LogRecord], typed: str = "") -> None:
    if errors:
        raise Fuzzed(errors[0].getMessage())
    answered = (
        reply.messages
        or reply.callback_answers
        or [c for c in reply.calls if c.method == "answerCallbackQuery"]
    )
    assert answered, "every input gets an answer"
    seen = reply.text + " ".join(reply.buttons) + " ".join(reply.callback_answers)
    # The fuzzer may type the secret company's name (and see it echoed); it never types a 9,
    # so the secret phone can only come from the archive.
    assert SECRET_PHONE not in seen
    if SECRET not in typed:
        assert SECRET not in seen


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


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(data=st.data())
async def test_random_messages_buttons_and_files(
    harness: tuple[BotHarness, LocalClient], errors: list[logging.LogRecord], data: st.DataObject
) -> None:
    _bot, fuzzer = harness
    kind = data.draw(st.sampled_from(["text", "text", "button", "file"]))
    typed = ""
    if kind == "text":
        typed = data.draw(texts)
        reply = await fuzzer.send(typed)
    elif kind == "button":
        reply = await fuzzer.press_data(data.draw(forged))
    else:
        name, content = data.draw(files)
        reply = await fuzzer.send_document(name, content)
    check(reply, errors, typed)


@FUZZ
@given(data=st.data())
async def test_every_archive_field_takes_any_text(
    harness: tuple[BotHarness, LocalClient], errors: list[logging.LogRecord], data: st.DataObject
) -> None:
    """Found on PostgreSQL: a value longer than its column failed there (and SQLite kept it)."""
    bot, fuzzer = harness
    customer_id = await bot.scalar(select(Customer.id).where(Customer.name == OWN))
    contact_id = await bot.scalar(select(Contact.id).where(Contact.customer_id == customer_id))
    if data.draw(st.booleans()):
        button = f"edit:cf:{customer_id}:{data.draw(st.sampled_from(list(CUSTOMER_FIELDS)))}"
    else:
        button = f"edit:kf:{contact_id}:{data.draw(st.sampled_from(list(CONTACT_FIELDS)))}"
    check(await fuzzer.press_data(button), errors)
    typed = data.draw(st.one_of(texts, long_values))
    check(await fuzzer.send(typed), errors, typed)
    await fuzzer.send("/cancel")


async def test_forged_ids_that_are_no_ids_of_ours(
    harness: tuple[BotHarness, LocalClient], errors: list[logging.LogRecord]
) -> None:
    """Found by the fuzzer on PostgreSQL: 274877906944 in a button overflowed the id column."""
    _bot, fuzzer = harness
    for prefix in PREFIXES:
        for odd in ODD_NUMBERS:
            for data in (f"{prefix}:{odd}", f"{prefix}:v:{odd}", f"{prefix}:i:{odd}:{odd}"):
                check(await fuzzer.press_data(data[:64]), errors)
