"""A quote or a budget makes a deal only once it has happened (tryout report, item 5)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from parsing.notes import parse_note

NOW = datetime(2026, 12, 2, 12, 10, tzinfo=ZoneInfo("Asia/Shanghai"))  # Wednesday


def test_a_quote_to_send_is_a_follow_up_not_a_deal() -> None:
    for text in (
        "今天拜访了华东电力设计院的王建国局长,他下周二到周四在北京开会。下周五再跟进报价",
        "华东电力设计院 2月30日前发报价",
        "Met 张总 of 万科 today, looks good. send quote to Ms. 岑 before 月底",
        "琴日同九龍倉嘅黃生傾咗,佢話聽日下晝三點再傾報價",
        "他说方案不错,让我们下礼拜三之前把报价出了",
        "国网苏州刘处 下周报价",
    ):
        assert parse_note(text, NOW).deal is None, text


def test_a_budget_not_yet_there_is_no_deal() -> None:
    for text in (
        "拜访台湾电力公司的林处长,聊变电所监控系统,他说预算明年才会下来",
        "石科长说今年预算用完了,明年一季度再看",
        "苏州银行的马行长说春节前把预算批下来,节后我们再谈合同",
    ):
        assert parse_note(text, NOW).deal is None, text


def test_a_quote_that_happened_is_a_deal_at_quote() -> None:
    for text in (
        "中粮 仓储 报价发了",
        "华东电力设计院 报了价,等回复",
        "徐工蔡工通话 报价偏高",
        "萬科 方案報價已經發過去了",
    ):
        deal = parse_note(text, NOW).deal
        assert deal is not None and deal.stage == "quote", text


def test_an_amount_makes_a_quote_to_send_a_deal() -> None:
    deal = parse_note("华润置地 办公楼 下周一发报价 120万", NOW).deal
    assert deal is not None and (deal.stage, deal.amount) == ("quote", 1_200_000)


def test_a_confirmed_budget_is_a_deal_at_needs() -> None:
    deal = parse_note("開工第一天拜訪台達電的周正處長,他說預算已經核准了", NOW).deal
    assert deal is not None and deal.stage == "needs"


def test_no_deal_is_titled_with_a_function_word() -> None:
    deal = parse_note(
        "Signed with 远景能源 today, 1.8M RMB, 30% upfront / 70% on delivery.", NOW
    ).deal
    assert deal is not None and deal.stage == "won" and deal.title is None


def test_weeks_are_no_amount() -> None:
    deal = parse_note("Sent proposal to 招商局 的庞总 today. He'll review in 2 weeks.", NOW).deal
    assert deal is not None and deal.stage == "quote" and deal.amount is None


def test_a_signing_asked_for_later_is_no_deal_won() -> None:
    note = parse_note("年底前跟东方电气的贺经理把验收单签了", NOW)
    assert note.deal is None


def test_agreeing_to_a_visit_is_no_deal() -> None:
    assert parse_note("打电话给苗主任 约下周三上午拜访 他同意了", NOW).deal is None
    deal = parse_note("🔥喻总 同意了 周五签约!!", NOW).deal
    assert deal is not None and deal.stage == "negotiation"


def test_a_title_drops_the_words_before_it() -> None:
    deal = parse_note("周主任:你们的排班系统报价收到了,比预算高了不少", NOW).deal
    assert deal is not None and deal.title == "排班系统"


def test_a_contract_signed_on_a_day_still_ahead_is_an_open_deal() -> None:
    """Tryout 7, item 1: 春节前把合同签了 is when the contract is to be signed, not a deal won."""
    for text, close in (
        ("中建三局 王总说春节前把合同签了 月底前给他发一版合同草稿", date(2027, 2, 5)),
        ("张总说月底前把合同签了", date(2026, 12, 31)),
        ("王总说合同下周签了", None),
        ("12月5号签约了", date(2026, 12, 5)),
    ):
        deal = parse_note(text, NOW).deal
        assert deal is not None and deal.stage == "negotiation", text
        if close is not None:
            assert deal.close_date == close, text
    for text in ("合同上周签了", "昨天把合同签了", "南瑞 合同签了 85万"):
        deal = parse_note(text, NOW).deal
        assert deal is not None and deal.stage == "won", text
