"""Chinese surnames as Hong Kong, Macau, Singapore and Malaysia write them in Latin letters.

Mandarin pinyin (Chen, Wang) is worked out with pypinyin where it is needed; these are the
spellings pinyin cannot give: Cantonese (Chan, Wong, Cheung), Hokkien and Teochew (Tan, Lim,
Teo, Ong), as on the cards and in the notes of reps in those places. One spelling may stand
for several surnames (Wong: 黄 or 王), so a match is a question to the rep, never a certainty.
"""

from __future__ import annotations

from functools import cache
from itertools import product

from pypinyin import Style, pinyin

_SPELLINGS: dict[str, str] = {
    # Cantonese (Hong Kong, Macau, Guangdong, and many in Malaysia)
    "chan": "陈",
    "wong": "黄王",
    "ng": "吴伍",
    "lee": "李",
    "lau": "刘",
    "cheung": "张",
    "leung": "梁",
    "lam": "林",
    "ho": "何",
    "tsang": "曾",
    "tang": "邓",
    "yeung": "杨",
    "chow": "周",
    "chau": "周",
    "tse": "谢",
    "kwok": "郭",
    "lo": "罗卢",
    "law": "罗",
    "lui": "吕雷",
    "mak": "麦",
    "fung": "冯",
    "choi": "蔡",
    "tsui": "徐",
    "yip": "叶",
    "kwan": "关",
    "tam": "谭",
    "siu": "萧",
    "chu": "朱",
    "hui": "许",
    "poon": "潘",
    "cheng": "郑",
    "lai": "赖黎",
    "kong": "江",
    "tong": "唐",
    "chung": "钟",
    "shum": "沈",
    "lok": "骆",
    # Hokkien and Teochew (Singapore, Malaysia, Taiwan)
    "tan": "陈",
    "lim": "林",
    "teo": "张",
    "teoh": "张",
    "goh": "吴",
    "ong": "王",
    "koh": "许",
    "ang": "洪",
    "tay": "郑",
    "chua": "蔡",
    "low": "刘",
    "yeo": "杨",
    "sim": "沈",
    "toh": "卓",
    "chia": "谢",
    "quek": "郭",
    "foo": "符",
    "khoo": "邱",
    "ooi": "黄",
    "wee": "黄",
    "neo": "梁",
    "heng": "王",
    "yap": "叶",
    "liew": "刘",
    "soh": "苏",
    "loh": "罗",
    "lew": "刘",
}


def surnames_spelled(latin: str) -> str:
    """The surnames a Latin spelling may stand for (Chan → 陈, Wong → 黄王); '' if none known."""
    return _SPELLINGS.get(latin.strip().lower(), "")


@cache  # (a note asks the same few pairs; pypinyin's readings are worth keeping)
def may_spell(latin: str, surname: str) -> bool:
    """Whether a Latin surname may be the Chinese one written so: Wong 黄, Tan 陈, Zhou 周 (any
    reading pypinyin knows of the surname, as Mandarin spells it)."""
    if surname in surnames_spelled(latin):
        return True
    readings = pinyin(surname, style=Style.NORMAL, heteronym=True)
    return latin.strip().lower() in {"".join(r) for r in product(*readings)}
