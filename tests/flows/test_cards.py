"""A business card photo becomes a contact: read offline, echoed, saved with 保存.

A few tests read generated card photos with the real OCR (slow: a couple of seconds each);
the others give the handler OCR lines directly, so they test what the bot does with them.
"""

from __future__ import annotations

import asyncio
import io
import re
import socket
from collections.abc import Iterator

import pytest
from PIL import Image
from sqlalchemy import select

from bench._card_images import card_photo, not_a_card_photo
from handlers.capture import ocr, photos
from handlers.capture.ocr import OcrReader, Problem, Reading
from handlers.kit.phones import shown_phone
from locales import translator
from parsing.cards import CardLine
from storage.models import Contact, Customer, Draft, FollowUp, Interaction
from tests.conftest import BotHarness

pytestmark = pytest.mark.usefixtures("monday_morning")

CLASSIC, BILINGUAL, TRADITIONAL = 0, 3, 5  # bench/_card_images.py: n % 8 picks the layout


class FakeReader:
    """Gives back fixed lines (and can hold a card 'being read' until released)."""

    def __init__(self, lines: list[CardLine]) -> None:
        self.lines = lines
        self.release: asyncio.Event | None = None

    async def read(self, data: bytes) -> Reading:
        if self.release is not None:
            await self.release.wait()
        return Reading(lines=self.lines)


def shown(number: str) -> str:
    """A number kept from a card as a Mainland rep reads it (handlers/kit/phones.py)."""
    return shown_phone(translator("zh_Hans"), number, "CN")


def lines(*texts: str) -> list[CardLine]:
    """Lines top to bottom; the second is drawn biggest (the name)."""
    out, top = [], 20.0
    for i, text in enumerate(texts):
        height = 60.0 if i == 1 else 28.0
        out.append(CardLine(text, 40, top, 40 + 20 * len(text), top + height, 0.98))
        top += height + 14
    return out


@pytest.fixture
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeReader]:
    fake = FakeReader([])
    monkeypatch.setattr(photos, "reader", lambda: fake)
    yield fake


def png(width: int, height: int, color: tuple[int, int, int] = (240, 240, 240)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


# -- with the real OCR -----------------------------------------------------------------------


async def test_a_card_photo_is_read_echoed_and_saved_as_a_contact(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    data, truth = card_photo(CLASSIC)
    card = await rep.send_photo(data)
    text = card.text
    assert text.startswith("我记下了这些,确认保存吗?")
    assert f"🏢 {truth.company}(新客户)" in text
    assert f"👤 {truth.name} {truth.title}" in text
    assert shown(truth.mobiles[0]) in text and shown(truth.phones[0]) in text
    assert f"📠 传真:{shown(truth.faxes[0])}" in text
    assert f"📧 {truth.email}" in text
    assert f"📍 地址:{truth.address}" in text
    assert card.buttons == ["✅ 保存", "✏️ 修改", "❌ 取消"]
    assert await bot.count(Contact) == 0  # nothing is saved before 保存

    saved = await rep.press("保存")
    assert f"✅ 已保存到「{truth.company}」。" in saved.text
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.title) == (truth.name, truth.title)
    assert contact.phones == [*truth.mobiles, *truth.phones]
    assert (contact.fax, contact.email) == (truth.faxes[0], truth.email)
    customer = await bot.scalar(select(Customer))
    assert customer.address == truth.address

    # The photo stays with the contact and comes back from the customer's profile.
    profile = await rep.send(f"/customer {truth.company}")
    photo = await rep.press(f"📇 {truth.name}的名片")
    assert photo.calls[-1].method == "sendPhoto"
    assert photo.calls[-1].params["photo"] == contact.card_file_id
    assert "📇" in profile.text


async def test_a_traditional_card_is_read_in_simplified(bot: BotHarness) -> None:
    rep = bot.user("陈芳")
    data, truth = card_photo(TRADITIONAL)
    card = await rep.send_photo(data)
    assert f"🏢 {truth.company}(新客户)" in card.text  # 香港中华煤气… from 香港中華煤氣…
    assert f"👤 {truth.name} {truth.title}" in card.text
    assert shown(truth.mobiles[0]) in card.text  # +852… / +886…: the region's number in full
    await rep.press("保存")
    contact = await bot.scalar(select(Contact))
    assert contact.name == truth.name and truth.mobiles[0] in contact.phones


async def test_a_bilingual_card_keeps_the_chinese_and_a_caption_is_merged(
    bot: BotHarness,
) -> None:
    rep = bot.user("王磊")
    data, truth = card_photo(BILINGUAL)
    card = await rep.send_photo(data, caption="今天展会上认识的 B类,下周三发资料")
    text = card.text
    assert f"🏢 {truth.company}(新客户)" in text  # not the English name under it
    assert f"👤 {truth.name} {truth.title}" in text
    assert "⭐ 等级:B类" in text
    assert "⏰ 跟进:12月2日(周三) 发资料" in text
    await rep.press("保存")
    customer = await bot.scalar(select(Customer))
    assert customer.grade is not None and customer.grade.value == "B"
    # met at the fair today: a contact made, the rep's words kept with it
    met = await bot.scalar(select(Interaction))
    assert met is not None and met.kind.value == "visit"
    assert met.note is not None and met.note.startswith("今天展会上认识的 B类")
    assert await bot.scalar(select(FollowUp.due_date)) is not None  # 下周三发资料


async def test_a_photo_that_is_no_card_saves_nothing(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    reply = await rep.send_photo(not_a_card_photo())
    assert "不是名片" in reply.text and "什么都没有保存" in reply.text
    assert await bot.count(Draft) == 0 and await bot.count(Contact) == 0


def test_the_models_load_with_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    reading = OcrReader().read_bytes(card_photo(CLASSIC)[0])
    assert any("@" in line.text for line in reading.lines)


# -- what the bot does with what the OCR found ---------------------------------------------


async def test_an_oversized_image_is_refused_with_the_limit(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    huge = png(8000, 6000)  # 48 megapixels, a small PNG file
    reply = await rep.send_photo(huge, as_file="scan.png")
    assert "太大" in reply.text and "10 MB" in reply.text and "4000 万像素" in reply.text
    assert await bot.count(Draft) == 0


async def test_a_photo_over_the_size_limit_is_not_even_fetched(
    bot: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(photos, "MAX_BYTES", 1000)
    rep = bot.user("王磊")
    reply = await rep.send_photo(png(900, 540, (10, 200, 10)) + b"\0" * 2000)
    assert "太大" in reply.text
    assert not [c for c in reply.calls if c.method == "getFile"]


async def test_a_dark_photo_is_answered_and_nothing_saved(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    reply = await rep.send_photo(png(900, 540, (8, 8, 12)))
    assert "太暗" in reply.text and "什么都没有保存" in reply.text
    assert await bot.count(Draft) == 0


async def test_a_file_that_is_no_image_is_answered(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    reply = await rep.send_photo(b"not an image at all", as_file="card.jpg")
    assert "不像一张图片" in reply.text


async def test_the_english_back_of_a_known_card_merges_into_the_same_contact(
    bot: BotHarness, fake_reader: FakeReader
) -> None:
    rep = bot.user("王磊")
    fake_reader.lines = lines(
        "华东电力设计院有限公司", "王建国", "副局长", "手机:138 1234 5678", "传真:021-6234 5679"
    )
    await rep.send_photo(png(900, 540))
    await rep.press("保存")
    fake_reader.lines = lines(
        "East China Electric Power Design Institute Co., Ltd.",
        "Jianguo Wang",
        "M: +86 138 1234 5678",
        "E: wangjg@ecepdi.com",
        "www.ecepdi.com",
    )
    await rep.send_photo(png(900, 540))
    saved = await rep.press("保存")
    assert "✅ 已保存到「华东电力设计院有限公司」。" in saved.text
    assert await bot.count(Contact) == 1 and await bot.count(Customer) == 1
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.email) == ("王建国", "wangjg@ecepdi.com")
    customer = await bot.scalar(select(Customer))
    assert customer.website == "www.ecepdi.com"


async def test_other_reps_are_answered_while_a_card_is_read(
    bot: BotHarness, fake_reader: FakeReader
) -> None:
    fake_reader.lines = lines("华东电力设计院有限公司", "王建国", "副局长", "手机:13812345678")
    fake_reader.release = asyncio.Event()
    reading = asyncio.create_task(bot.user("王磊").send_photo(png(900, 540)))
    await asyncio.sleep(0)
    other = await bot.user("李娜").send("/help")
    assert other.text  # answered while 王磊's card is still being read
    assert not reading.done()
    fake_reader.release.set()
    card = await reading
    assert "👤 王建国 副局长(王局长)" in card.text


async def test_an_ocr_failure_is_no_traceback(
    bot: BotHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken:
        async def read(self, data: bytes) -> Reading:
            raise RuntimeError("onnxruntime exploded")

    monkeypatch.setattr(photos, "reader", lambda: Broken())
    reply = await bot.user("王磊").send_photo(png(900, 540))
    assert "不像一张图片" in reply.text and "Traceback" not in reply.text


def test_prepare_checks_before_decoding() -> None:
    assert ocr.prepare(b"x" * (ocr.MAX_BYTES + 1)) is Problem.TOO_LARGE
    assert ocr.prepare(png(8000, 6000)) is Problem.TOO_LARGE
    assert ocr.prepare(png(900, 540, (5, 5, 5))) is Problem.TOO_DARK
    image = ocr.prepare(png(3200, 1800))
    assert not isinstance(image, Problem) and max(image.size) == ocr.WORK_SIDE


async def test_a_misread_name_is_corrected_with_modify_before_saving(
    bot: BotHarness, fake_reader: FakeReader
) -> None:
    rep = bot.user("王磊")
    fake_reader.lines = lines(
        "华东电力设计院有限公司", "王建囯", "副局长", "手机:13812345678", "传真:021-6234 5679"
    )
    card = await rep.send_photo(png(900, 540))
    assert "👤 王建囯 副局长(王局长)" in card.text
    await rep.press("修改")
    ask = await rep.press("王局长 姓名")
    assert ask.text.startswith("请输入新的姓名")
    fixed = await rep.send("王建国")
    assert "👤 王建国 副局长(王局长)" in fixed.text
    assert "📠 传真:021-6234 5679" in fixed.text  # the card's own facts are still there
    await rep.press("保存")
    contact = await bot.scalar(select(Contact))
    assert (contact.name, contact.fax) == ("王建国", "02162345679")
    assert contact.card_file_id is not None


async def test_a_card_of_a_colleagues_customer_is_not_filed_twice(
    bot: BotHarness, fake_reader: FakeReader
) -> None:
    manager, rep = bot.user("李经理"), bot.user("王磊")
    team = await manager.send("/newteam 华东销售一部")
    code = re.search(r"/join (\S+)", team.text)
    assert code is not None
    await rep.send(f"/join {code.group(1)}")
    fake_reader.lines = lines("华东电力设计院有限公司", "王建国", "副局长", "手机:13812345678")
    await manager.send_photo(png(900, 540))
    await manager.press("保存")
    card = await rep.send_photo(png(900, 540))
    assert "(已由 李经理 负责)" in card.text  # the one rule of quick capture
    asked = await rep.press("保存")
    assert "已由 李经理 负责,不能重复建档" in asked.text
    assert await bot.count(Customer) == 1 and await bot.count(Contact) == 1


async def test_a_card_of_a_deputy_head_is_saved_as_a_key_leader_like_the_same_card_typed(
    bot: BotHarness, fake_reader: FakeReader
) -> None:
    rep = bot.user("王磊")
    fake_reader.lines = lines("江苏恒通电缆有限公司", "张立平", "副总经理", "手机:139 1234 8765")
    await rep.send_photo(png(900, 540))
    await rep.press("保存")
    fake_reader.lines = lines("江苏恒通电缆有限公司", "李明", "采购部 经理", "手机:139 1234 8766")
    await rep.send_photo(png(900, 540))
    await rep.press("保存")
    leaders = {c.name: c.is_key_leader for c in (await bot.scalars(select(Contact)))}
    assert leaders == {"张立平": True, "李明": False}
