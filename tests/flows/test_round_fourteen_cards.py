"""A business card pasted as text keeps what only a card has — the address, the website, the
fax — as a photographed card does: shown on the confirmation and written on the customer."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer
from tests.conftest import BotHarness

CARD = (
    "【名片】\n青岛啤酒股份有限公司\n供应链管理部 采购经理\n王明\nM：186 6398 2217\n"
    "T：0532-8596 6688-2105\n地址：青岛市市北区登州路56号\n网址：www.tsingtao.com.cn"
)


async def test_a_pasted_cards_address_is_kept_for_the_customer(bot: BotHarness) -> None:
    li = bot.user("李明")
    card = await li.send(CARD)
    assert "🏢 青岛啤酒股份有限公司(新客户)" in card.text
    assert "📍 地址:青岛市市北区登州路56号" in card.text
    assert "🌐 网址:www.tsingtao.com.cn" in card.text
    assert "名片照片" not in card.text  # no photo was sent
    await li.press("保存")
    shown = await li.press("查看客户")
    assert "地址:青岛市市北区登州路56号" in shown.text
    saved = (await bot.scalars(select(Customer)))[0]
    assert (saved.address, saved.website) == ("青岛市市北区登州路56号", "www.tsingtao.com.cn")


async def test_a_chat_with_a_place_line_gets_no_address(bot: BotHarness) -> None:
    li = bot.user("李明")
    card = await li.send(
        "鲁总 14:32\n合同我们签了，原件今天快递给你\n我 14:40\n收到鲁总，谢谢！手机 13912345678\n"
        "（宁波舟山港 北仑第三集装箱码头）"
    )
    assert "📍 地址" not in card.text
