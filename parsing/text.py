"""Length-preserving text normalization for the parsers.

Reps type on phones: full-width digits (３月５日), full-width punctuation, Traditional
characters (農曆, 下週三, 3點), stray capital letters. :func:`normalize` folds all of
these with one ``str.translate`` table that maps each character to exactly one character,
so an index into the normalized text is the same index into the original: spans found on
the normalized copy can be handed back to callers unchanged.

Only characters that matter to parsing (date/time words and the context words around
them) are folded; the table is not a general Traditional → Simplified converter.
"""

from __future__ import annotations

__all__ = ["has_cjk", "normalize"]

# Traditional → Simplified, one character to one character.
_TRAD = (
    "農曆陰舊閏臘號週禮後國慶節點鐘時間這個來見會議開過兩幾與從請約總談沒專於裡裏淩當"
    "對現們單訂購價錢話電業務樓線門廳館萬塊億臺長聖婦兒師陽勞動團圓歲無內該給還夠經費"
    "計劃雙晝聯係繫達屆則簽盤貨帳賬戶設備軟體網頁圖說參訪問題辦視頻層樣歡遲準"
    "歷誕頭黃碼場廣區學廠車機櫃庫倉噸級結"
)
_SIMP = (
    "农历阴旧闰腊号周礼后国庆节点钟时间这个来见会议开过两几与从请约总谈没专于里里凌当"
    "对现们单订购价钱话电业务楼线门厅馆万块亿台长圣妇儿师阳劳动团圆岁无内该给还够经费"
    "计划双昼联系系达届则签盘货帐账户设备软体网页图说参访问题办视频层样欢迟准"
    "历诞头黄码场广区学厂车机柜库仓吨级结"
)

_FULL_PUNCT = {
    "：": ":",
    "－": "-",
    "—": "-",
    "–": "-",
    "―": "-",
    "～": "~",
    "〜": "~",
    "∼": "~",
    "／": "/",
    "．": ".",
    "，": ",",
    "　": " ",
    "（": "(",
    "）": ")",
    "％": "%",
    "￥": "¥",
    "＄": "$",
    "＋": "+",
    "＊": "*",
    "\u00a0": " ",
    "\t": " ",
}


def _build_table() -> dict[int, int]:
    if len(_TRAD) != len(_SIMP):  # pragma: no cover - guarded at import
        raise RuntimeError("Traditional/Simplified tables differ in length")
    table: dict[int, int] = {}
    for trad, simp in zip(_TRAD, _SIMP, strict=True):
        if trad != simp:
            table[ord(trad)] = ord(simp)
    # Full-width ASCII block: ！ … ～ → ! … ~ ; letters folded to lower case.
    for code in range(0xFF01, 0xFF5F):
        table[code] = code - 0xFEE0
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = code + 32
    for code in range(0xFF21, 0xFF3B):  # Ａ … Ｚ
        table[code] = code - 0xFEE0 + 32
    for src, dst in _FULL_PUNCT.items():
        table[ord(src)] = ord(dst)
    return table


_TABLE = _build_table()


def normalize(text: str) -> str:
    """Fold Traditional characters, full-width forms and ASCII case; keeps ``len(text)``."""
    return text.translate(_TABLE)


def has_cjk(text: str) -> bool:
    """True when ``text`` holds at least one CJK ideograph (or a CJK date sign like 〇)."""
    for ch in text:
        code = ord(ch)
        if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or code == 0x3007:
            return True
        if 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FA1F:
            return True
    return False
