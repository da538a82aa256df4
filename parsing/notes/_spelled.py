"""Names spelled out in dictation: 叫做吴明华口天吴明天的明中华的华 → 叫做吴明华.

A rep dictating a new contact's name says each character again with a word it belongs to (明天的明,
杜甫的杜) or taken apart (口天吴, 弓长张). Those words are no facts of the note — 明天的明 is no
day to remind on — so they are taken out before the note is read, a comma in their place; the
name stays whole. Only a name after 叫做/名叫/名字是 whose every character is spelled counts
(叫做周丽，这周的周会上… spells nothing).

Characters are spelled beside other names too: a surname before the full name (谷总 谷雨的谷 谷志刚,
伏是伏天的伏 伏海涛) or a firm's characters before or after it (海上的海罗马的罗海罗建材, 东方宇鸿
宇宙的宇 鸿运的鸿). Such a run is taken out only when the characters it spells stand right beside
it (今天的天气, 明天的明天 spell nothing).
"""

from __future__ import annotations

import re

from ._doc import is_cjk
from ._lexicon import COMPOUND_SURNAMES, TITLE_AT_END

# The word that leads to a name said aloud (叫做, 名叫, 名字是), then the name.
_NAMED = re.compile(r"(?:叫做|名叫|名字叫|名字是)(?P<name>[\u4e00-\u9fff]{2,4})")
_FILLERS = "啊嗯呃"
# One character spelled: a filler or two, then 杜甫的 / 口天 and the character itself.
_PIECE = re.compile(
    r"(?:[啊嗯呃,，\s]|然后|就是|那个)*"
    r"(?:(?P<w>[\u4e00-\u9fff]{1,3})的|口天|弓长|耳东|木子|立早|古月|双木|言午|草头|三点水)"
    r"(?P<c>[\u4e00-\u9fff])"
)


def _spelling_end(text: str, name: str, pos: int) -> int:
    """Where the spelling of ``name`` that starts at ``pos`` ends (``pos`` when none does): all
    its characters, in order, each in the word said for it (明天的明 — 我们的方 spells nothing)."""
    k = 0
    end = pos
    while k < len(name):
        piece = _PIECE.match(text, end)
        if piece is None or piece["c"] != name[k] or name[k] not in (piece["w"] or name[k]):
            break
        end, k = piece.end(), k + 1
        word = piece["w"] or ""
        rest = word[1:]
        if (
            rest
            and word[0] == name[k - 1]
            and name.startswith(rest, k)
            and text.startswith(rest, end)
        ):
            end, k = end + len(rest), k + len(rest)  # 平安的平安: two characters at once
    if k < len(name):
        return pos
    while end < len(text) and text[end] in _FILLERS:  # (…平安的平安嗯他手机是: the pause too)
        end += 1
    return end


def _pieces(text: str) -> list[tuple[int, int, str]]:
    """谷雨的谷, 伏是伏天的伏, 上官婉儿的上官, 照耀的耀: each character said with a word that begins
    or ends with it — where the saying stands and the character it spells."""
    out: list[tuple[int, int, str]] = []
    for m in re.finditer("的", text):
        i = m.start()
        two = text[i + 1 : i + 3]
        c = two if two in COMPOUND_SURNAMES else text[i + 1 : i + 2]
        if not is_cjk(text[i + 1 : i + 2]):
            continue
        # the shortest word before 的 that begins with it (焦点的焦, not 焦总焦点)
        size = next(
            (
                n
                for n in range(len(c) + 1, len(c) + 4)
                if text[i - n : i].startswith(c) or text[i - n : i].endswith(c)  # (照耀的耀)
            ),
            None,
        )
        if size is None or i - size < 0:
            continue
        start = i - size
        if text[start - len(c) - 1 : start] == c + "是":
            start -= len(c) + 1  # (伏是伏天的伏: the character named first)
        out.append((start, i + 1 + len(c), c))
    return out


def _spellings(text: str) -> list[tuple[int, int]]:
    """Runs of spelled characters said right before or after the name they spell (谷雨的谷 谷志刚,
    东方宇鸿 宇宙的宇 鸿运的鸿, 海上的海罗马的罗海罗建材): where each run stands."""
    runs: list[tuple[int, int, str]] = []
    for a, b, c in _pieces(text):
        if runs and not text[runs[-1][1] : a].strip(_GAP_CHARS):
            runs[-1] = (runs[-1][0], b, runs[-1][2] + c)
        else:
            runs.append((a, b, c))
    out: list[tuple[int, int]] = []
    for a, b, spelled in runs:
        name_at = len(text) - len(text[b:].lstrip(_GAP_CHARS))
        rest = name_at + len(spelled)  # (where the name said after it goes on)
        before = text[:a].rstrip(_GAP_CHARS)
        if (
            (text.startswith(spelled, name_at) and is_cjk(text[rest : rest + 1]))
            or (len(spelled) >= 2 and spelled in before[-8:])  # (百耀农业 百花的百 照耀的耀)
            # (跟华能的詹总 詹天佑的詹 他说…: the surname of the one just greeted)
            or _greeted(before, spelled)
        ):
            out.append((a, name_at))
    return out


_GAP_CHARS = " ,，嗯"


def _greeted(before: str, spelled: str) -> bool:
    """Whether ``before`` ends with the surname spelled and a title (跟华能的詹总)."""
    title = TITLE_AT_END.search(before)
    return title is not None and before[: title.start()].endswith(spelled)


def unspelled(text: str) -> str:
    """``text`` without the spelling that follows a dictated name (叫做…), then without the
    characters spelled beside a name said otherwise."""
    out: list[str] = []
    done = 0
    for m in _NAMED.finditer(text):
        if m.start() < done:
            continue
        # (孙平安嗯孙悟空的孙: three characters, then two, a compound surname's four last)
        for size in [n for n in (3, 2, 4) if n <= len(m["name"])]:
            name_end = m.start("name") + size
            end = _spelling_end(text, text[m.start("name") : name_end], name_end)
            if end > name_end:
                out.append(text[done:name_end] + "，")  # (…中华的华明天下午去: the name ends)
                done = end
                break
    out.append(text[done:])
    text = "".join(out)
    for a, b in reversed(_spellings(text)):
        text = text[:a] + " " + text[b:]
    return text
