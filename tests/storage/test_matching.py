"""The same-customer rule on names alone (storage/matching.py): what is the same company,
what may be, and what never is."""

import pytest

from storage.actor import Actor
from storage.matching import Named, NameKey, TeamNames, abbreviates, name_key, straddles
from storage.models import Role
from storage.search import fold

WANG = Actor(member_id=1, team_id=1, role=Role.REP)
MANAGER = Actor(member_id=9, team_id=1, role=Role.MANAGER)


def team(*names: tuple[str, int], aliases: dict[str, int] | None = None) -> TeamNames:
    return TeamNames.of(
        [Named(i, owner, name, fold(name)) for i, (name, owner) in enumerate(names, 1)],
        aliases or {},
    )


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("华东电力设计研究院", NameKey("", "华东电力设计院")),
        ("江苏省华东电力设计院有限公司", NameKey("江苏", "华东电力设计院")),
        ("上海建工集团股份有限公司", NameKey("", "上海建工")),
        ("廣東華東電力設計院", NameKey("广东", "华东电力设计院")),
        ("江苏移动", NameKey("", "江苏移动")),  # too little left without the province
        ("有限公司", NameKey("", "有限公司")),  # a suffix alone is kept
    ],
)
def test_name_keys(name: str, key: NameKey) -> None:
    assert name_key(name) == key


def test_two_provinces_are_two_companies() -> None:
    assert not name_key("江苏华东电力设计院").same_company(name_key("广东华东电力设计院"))
    assert name_key("江苏华东电力设计院").same_company(name_key("华东电力设计院有限公司"))


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("华电院", "华东电力设计院", True),
        ("中石化", "中国石油化工", True),
        ("华东", "华东电力设计院", False),  # keeps neither kind of body
        ("华电院", "华东电力设计", False),
        ("电力院", "华东电力设计院", False),  # the first character is kept
    ],
)
def test_abbreviations(short: str, long: str, expected: bool) -> None:
    assert abbreviates(short, long) is expected


def test_ones_own_near_names_are_asked_a_colleagues_same_company_is_theirs() -> None:
    names = team(("华东电力设计院", 1), ("南京银行", 2))
    assert names.verdict("华东电力设计院", WANG).exact == 1
    assert names.verdict("华东电力设计研究院", WANG).likely == [1]
    assert names.verdict("华电院", WANG).likely == [1]
    assert names.verdict("南京银行股份有限公司", WANG).colleague == 2
    assert names.verdict("南京银行股份有限公司", MANAGER).likely == [2]  # a manager sees all


def test_a_confirmed_short_name_is_the_customer() -> None:
    names = team(("华东电力设计院", 1), aliases={"华电院": 1})
    assert names.verdict("华电院", WANG).exact == 1
    assert names.verdict("华电院", Actor(member_id=2, team_id=1, role=Role.REP)).colleague == 1


def test_a_fragment_does_not_fish_out_a_colleagues_customer() -> None:
    names = team(("华东电力设计院", 2))
    assert names.verdict("华东", WANG) == names.verdict("万科", WANG)
    assert names.verdict("华东电力设记院", WANG).colleague_maybe == 1  # the same sound


def test_an_import_leaves_out_near_spellings_only() -> None:
    names = team(("华东电力设计院", 1))
    assert names.verdict("华北电力设计院", WANG).likely == [1]
    assert names.verdict("华北电力设计院", WANG, fuzzy=False).likely == []
    assert names.verdict("华东电力设记院", WANG, fuzzy=False).likely == [1]


def test_a_short_name_inside_another_is_no_match() -> None:
    """Tryout 10: a note about 中華電力 was asked "是「华电集团」吗?" — 华电 sits in the middle of
    中华电力, across its two words. At a name's start or end it may still be the one."""
    names = team(("华电集团", 1), ("中华电力", 1), ("华东电力设计院", 1), ("万科", 1))
    assert names.verdict("中華電力", WANG).exact == 2  # the same name in either script
    assert names.verdict("中華電力有限公司", WANG).likely == [2]  # not 华电集团 too
    assert 1 not in names.verdict("中华电力科技", WANG).likely
    assert names.verdict("华东院", WANG).likely == [3]  # an abbreviation is still asked
    assert names.verdict("华东", WANG).likely == [3]  # the start of a name
    assert names.verdict("深圳万科", WANG).likely == [4]  # and its end
    alone = team(("华电集团", 1))
    assert alone.verdict("中華電力", WANG) == alone.verdict("苏州水务", WANG)


@pytest.mark.parametrize(
    ("one", "other", "expected"),
    [
        ("华电", "中华电力", True),
        ("苏州供电", "国网苏州供电局", False),
        ("华东", "华东电力设计院", False),
    ],
)
def test_straddles(one: str, other: str, expected: bool) -> None:
    assert straddles(one, other) is expected
