"""Round nine of the note reader, the people (2026-12-02): sentence in, facts out — names said
in two scripts, English titles before Chinese names, titles of more than one word, and nobody
made up from an English word."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import ContactFact, parse_note

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=SH)  # a Wednesday


def people(text: str) -> list[ContactFact]:
    return parse_note(text, NOW).contacts


def who(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    """(surname, name, salutation, title) of each contact."""
    return [(c.surname, c.name, c.salutation, c.title) for c in people(text)]


# --- an English given name with a Chinese surname ------------------------------------------


def test_an_english_given_name_then_a_chinese_surname_is_one_person_called_by_the_given_name() -> (
    None
):
    assert who("Call 了 美的集团 的 procurement manager Jason 何, 他要 updated price list.") == [
        ("何", None, "Jason", "procurement manager")
    ]
    assert who("Remind me: next Monday 10am call 中海油 的 Peter 赵 re lighting.") == [
        ("赵", None, "Peter", None)
    ]
    assert who("TODO: 明天 send revised proposal to 中国平安 IT 部 Kevin 梁; 周五 follow up.") == [
        ("梁", None, "Kevin", None)
    ]


def test_a_purchasing_word_before_the_given_name_keeps_the_chinese_surname() -> None:
    c = people("跟 ST Engineering 的 采购 Ken 黄 开了会, 他们今年要换 300 台 UPS.")
    assert [(x.surname, x.salutation, x.decision_role) for x in c] == [("黄", "Ken", "purchaser")]


def test_a_given_name_before_a_chinese_full_title_is_still_read_from_the_title() -> None:
    # Jason 黄经理: the Chinese title's mention names him (no surname said alone)
    assert [(c.surname, c.title) for c in people("今天见了 Jason 黄经理, 他说下周定")] == [
        ("黄", "经理")
    ]


def test_department_initials_stay_in_the_title_and_the_salutation_reads_past_them() -> None:
    assert who("参会的有IE经理孙磊（影响者）") == [("孙", "孙磊", "孙经理", "IE经理")]
    assert who("Site visit 完 中石化镇海炼化, HSE 经理 Tony 陆 说 gas detector 要 demo.") == [
        ("陆", None, "Tony", "HSE 经理")
    ]


# --- an English title, then a Chinese full name ------------------------------------------


def test_an_english_title_before_a_chinese_full_name_makes_the_contact_and_takes_the_phone() -> (
    None
):
    c = people(
        "明天下午3点去胜科工业见procurement head 黄伟杰, 带上 proposal. 他手机 +65 9128 3345"
    )
    assert [(x.surname, x.name, x.title, x.salutation, x.phones) for x in c] == [
        ("黄", "黄伟杰", "procurement head", None, ["+6591283345"])
    ]
    assert who(
        "Lunch with 比亚迪 的 supply chain director 曾志刚, 对我们的 BMS 芯片 interested."
    ) == [("曾", "曾志刚", None, "supply chain director")]
    assert who("跟 Keppel 的 project manager 谢志豪 开完 meeting.") == [
        ("谢", "谢志豪", None, "project manager")
    ]


def test_english_words_and_product_names_make_nobody() -> None:
    assert people("下星期二早上去樟宜机场 Terminal 2 看 escalator, 带 POC 的 deck crane 资料") == []
    assert people("BMS 芯片 和 HSE 培训 下周安排, Grace period 30天") == []
    assert people("project manager 说了 Q4 再看, buyer 还没定") == []


# --- titles of more than one word --------------------------------------------------------


def test_an_assistant_or_a_secretary_keeps_whose_they_are_and_is_not_addressed_as_the_chief() -> (
    None
):
    c = people("约了苏州工业园区经发局的吴晓峰局长助理，下周三上午十点去汇报方案。")
    assert [(x.name, x.title, x.salutation, x.is_key_leader) for x in c] == [
        ("吴晓峰", "局长助理", None, False)
    ]
    assert who("元旦前给浙江传化集团的董事长秘书柴颖送台历") == [("柴", "柴颖", None, "董事长秘书")]
    # 汪总秘书小孙: two people, the secretary called 小孙
    assert who("汪总秘书小孙 电话13912345678") == [
        ("汪", None, "汪总", "总"),
        ("孙", None, "小孙", "秘书"),
    ]


def test_the_commercial_manager_and_the_purchasing_lead_keep_their_whole_title() -> None:
    assert who("今天去工地找了中建八局三公司的商务经理尤建，进度款年底付。") == [
        ("尤", "尤建", "尤经理", "商务经理")
    ]
    c = people("今天电话里山东重工的采购负责人闫明说他们下个月中旬开供应商大会。")
    assert [(x.name, x.title, x.salutation, x.decision_role) for x in c] == [
        ("闫明", "采购负责人", None, "purchaser")
    ]
    # 技术负责人 said of someone is no new person
    assert who("网络科的孔工是技术负责人") == [("孔", None, "孔工", "工程师")]
