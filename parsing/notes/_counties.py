"""County-level places (黄岩, 柯桥, 璧山) from GB/T 2260, the national list of divisions.

Reps name a customer by its county or district, a brand and the trade (黄岩顺达汽配, 柯桥锦润印染);
the cities in ``_lexicon`` cover the prefectures only. The list ships inside the GB2260 wheel
(no download); the short form drops 县/区/市/旗/自治州 and the peoples an autonomous one is
named for (西双版纳傣族自治州 → 西双版纳). Left out: names shared by several divisions
(新华, 城关, 鼓楼 — they place nothing), and short forms that are everyday words.
"""

from __future__ import annotations

import re
from collections import Counter

from gb2260.data import data as _DIVISIONS

from ._lexicon import CITIES_THAT_ARE_WORDS, PLACES_RUN, words

__all__ = ["ANY_PLACE", "COUNTIES", "COUNTY_RE"]

# The peoples an autonomous division is named for (西双版纳傣族自治州, 长白朝鲜族自治县).
_PEOPLES = "|".join(
    words(
        "傣 朝鲜 蒙古 回 藏 维吾尔 苗 彝 壮 布依 侗 瑶 白 土家 哈尼 哈萨克 黎 傈僳 佤 畲 拉祜"
        " 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克"
        " 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 满 各"
    )
)
# (西双版纳傣族自治州 → 西双版纳, 长白朝鲜族自治县 → 长白: the name before its peoples and kind)
_KIND = re.compile(
    rf"(?P<short>.{{2,}}?)(?:(?:{_PEOPLES})族)*(?:自治州|自治县|自治旗|县|区|市|旗|特区|林区|地区|盟)$"
)
_NOT_A_DIVISION = frozenset(("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"))
# Short forms that are words as often as places (开发, 高新, 城中…) — a company after them is
# no county's.
_WORDS = frozenset(
    words(
        "开发 高新 经济 城中 城东 城西 城南 城北 新区 新城 中心 平安 长安 永安 安全 和平 太平 东方"
        " 新兴 兴业 发展 建设 工农 红旗 胜利 光明 先锋 东风 前进 团结 民主 人民 文化 大方 通道 宁安"
        " 永和 金山 银川 安定 丰收 和顺 大同 兴国 富民 利民 吉利 万全 安远 永康 东阳"
        " 上海 北京 天津 重庆 香港 澳门 台湾 合作 比如 上街 新建 三元 南部 中原 平原 延长 小店 东城"
        " 西城 城关 市中 新市 河东 河西 江北 江南 海城 青山 白云 通州 宝山 普陀 长宁 西湖 鼓楼"
    )
)


def _short_names() -> frozenset[str]:
    current = _DIVISIONS[None]
    counted: Counter[str] = Counter()
    for name in current.values():
        if name in _NOT_A_DIVISION:
            continue
        kind = _KIND.match(name)
        short = kind["short"] if kind else name
        if len(short) >= 2:
            counted[short] += 1
    left_out = _WORDS | CITIES_THAT_ARE_WORDS
    return frozenset(n for n, c in counted.items() if c == 1 and n not in left_out)


COUNTIES = _short_names()
COUNTY_RE = re.compile("|".join(sorted(map(re.escape, COUNTIES), key=len, reverse=True)))
# Somewhere named: a run of cities and countries (印尼雅加达) or a county, as a pattern to build on.
ANY_PLACE = rf"(?:{PLACES_RUN.pattern}|{COUNTY_RE.pattern})"
