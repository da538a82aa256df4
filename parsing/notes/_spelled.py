"""Names spelled out in dictation: 叫做吴明华口天吴明天的明中华的华 → 叫做吴明华.

A rep dictating a new contact's name says each character again with a word it belongs to (明天的明,
杜甫的杜) or taken apart (口天吴, 弓长张). Those words are no facts of the note — 明天的明 is no
day to remind on — so they are taken out before the note is read, a comma in their place; the
name stays whole. Only a name after 叫做/名叫/名字是 whose every character is spelled counts
(叫做周丽，这周的周会上… spells nothing).
"""

from __future__ import annotations

import re

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


def unspelled(text: str) -> str:
    """``text`` without the spelling that follows a dictated name."""
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
    return "".join(out)
