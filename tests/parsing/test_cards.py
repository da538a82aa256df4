"""parsing.cards: a card's OCR lines into one contact's facts."""

from __future__ import annotations

from parsing.cards import CardFacts, CardLine, read_card


def card(*texts: str, name_at: int = 1) -> CardFacts:
    """Lines top to bottom; the line at ``name_at`` is printed biggest, as names are."""
    lines, top = [], 10.0
    for i, text in enumerate(texts):
        height = 56.0 if i == name_at else 26.0
        lines.append(CardLine(text, 30, top, 30 + 22 * len(text), top + height))
        top += height + 12
    return read_card(lines)


def test_a_chinese_card_with_labels() -> None:
    facts = card(
        "华东电力设计院有限公司",
        "王建国",
        "副局长",
        "手机:138 1234 5678",
        "电话:021-6234 5678 转 8012",
        "传真:021-6234 5679",
        "邮箱:WangJG@ecepdi.com",
        "微信:wang_jg88",
        "地址:上海市黄浦区中山南路100号",
        "www.ecepdi.com",
    )
    assert facts.company == "华东电力设计院有限公司"
    assert (facts.name, facts.surname, facts.title, facts.salutation) == (
        "王建国",
        "王",
        "副局长",
        "王局长",
    )
    assert facts.mobiles == ["13812345678"]
    assert facts.phones == ["02162345678;ext=8012"]
    assert facts.faxes == ["02162345679"]
    assert facts.email == "wangjg@ecepdi.com"
    assert facts.wechat == "wang_jg88"
    assert facts.address == "上海市黄浦区中山南路100号"
    assert facts.website == "www.ecepdi.com"
    assert facts.is_card()


def test_letter_labels_and_two_numbers_on_one_line() -> None:
    facts = card(
        "南京钢铁集团有限公司",
        "周建国 高级工程师",
        "T: 025-5290 9395  F: 025-6821 7254",
        "M 13856671880",
        "E: zhouj@njsteel.com",
    )
    assert (facts.name, facts.title, facts.salutation) == ("周建国", "高级工程师", "周工")
    assert facts.phones == ["02552909395"]
    assert facts.faxes == ["02568217254"]
    assert facts.mobiles == ["13856671880"]


def test_a_mobile_printed_under_电话_is_a_mobile_and_qq_or_postcode_are_no_phone() -> None:
    facts = card(
        "苏州市第一人民医院", "刘 海 燕", "电话:186 0844 7651", "QQ:12345678", "邮编:215006"
    )
    assert facts.name == "刘海燕"
    assert facts.mobiles == ["18608447651"]
    assert facts.phones == [] and facts.faxes == []


def test_the_title_of_a_bilingual_line_is_its_chinese() -> None:
    facts = card(
        "北京四方继保自动化股份有限公司",
        "赵静",
        "Jing Zhao",
        "采购部经理 Purchasing Manager",
        "M: 177-6216-2416",
        name_at=1,
    )
    assert (facts.company, facts.name, facts.title) == (
        "北京四方继保自动化股份有限公司",
        "赵静",
        "采购部经理",
    )
    assert facts.latin_name == "Jing Zhao"


def test_an_english_card() -> None:
    facts = card(
        "Ningbo Port Group Co., Ltd.",
        "Xiaoming Huang",
        "Purchasing Manager",
        "M: +86 139 4584 1014",
        "T: +86 574-7101 9420 ext. 8383",
        "F: +86 574-7253 1620",
        "E: huangx@nbport.com",
    )
    assert facts.company == "Ningbo Port Group Co., Ltd."
    assert facts.person() == "Xiaoming Huang" and facts.name is None
    assert facts.mobiles == ["13945841014"]
    assert facts.phones == ["057471019420;ext=8383"]
    assert facts.faxes == ["057472531620"]


def test_a_traditional_card_reads_in_simplified_with_its_regions_numbers() -> None:
    facts = card(
        "香港中華煤氣有限公司",
        "陳志明",
        "總經理",
        "手機:+852 9123 4567",
        "傳真:+852 2345 6789",
        "地址:香港北角渣華道363號",
    )
    assert (facts.company, facts.name, facts.title, facts.salutation) == (
        "香港中华煤气有限公司",
        "陈志明",
        "总经理",
        "陈总",
    )
    assert facts.mobiles == ["+85291234567"] and facts.faxes == ["+85223456789"]
    assert facts.address == "香港北角渣华道363号"


def test_an_unlabelled_address_and_a_logo_line() -> None:
    facts = card(
        "宁波",
        "宁波港集团有限公司",
        "朱建国",
        "销售总监",
        "186 9953 0252",
        "浙江省宁波市鄞州区宁东路269号",
        name_at=2,
    )
    assert (facts.company, facts.name, facts.title) == ("宁波港集团有限公司", "朱建国", "销售总监")
    assert facts.address == "浙江省宁波市鄞州区宁东路269号"


def test_what_is_no_card() -> None:
    assert not card("春节快乐", "万事如意").is_card()
    assert not card("全场五折", "欢迎光临 品质保证").is_card()
    assert not read_card([]).is_card()


def test_what_real_cards_carry_besides_the_facts() -> None:
    """A department, a hotline, a postcode, a slogan: none of them is taken for a fact."""
    facts = card(
        "江苏恒瑞医药股份有限公司",
        "总经理办公室",
        "刘志强",
        "采购部经理",
        "手机:135 8384 5867",
        "傅真:0518-5739 8059",
        "地址:江苏省连云港市经济技术开发区昆仑山路7号(邮编:222047)",
        "服务热线:400-820-8820",
        "专业 · 诚信 · 共赢",
        name_at=2,
    )
    assert (facts.name, facts.title) == ("刘志强", "采购部经理")
    assert facts.phones == ["4008208820"]
    assert facts.faxes == ["051857398059"]  # 傅真 is how OCR often reads 傳真
    assert facts.address == "江苏省连云港市经济技术开发区昆仑山路7号"


def test_an_english_name_glued_by_the_ocr_and_a_job_line_that_is_no_name() -> None:
    facts = card(
        "Accelink Technologies Co.,Ltd.",
        "JingWu",
        "Senior Engineer",
        "M: +86 139 1915 3709",
        "E: wuj@accelink.com",
    )
    assert facts.person() == "Jing Wu"
    assert facts.company == "Accelink Technologies Co., Ltd."


def test_a_screenshot_of_a_wechat_contact_card() -> None:
    """WeChat's 名片 screenshot: a name and a WeChat id among the app's own words."""
    facts = card(
        "11:42", "王建国", "微信号:wjg_1988", "地区:上海 浦东新区", "朋友圈", "发消息", "音视频通话"
    )
    assert (facts.name, facts.wechat, facts.company) == ("王建国", "wjg_1988", None)
    assert facts.mobiles == [] and facts.address is None
    assert facts.is_card()
