"""Several people typed at once at /visit's 见了谁 (王局长和李处长, 见了张总、刘工): each part is
read as the note reader reads a person met, and kept only if the whole part is that person."""

from __future__ import annotations

import re
from datetime import datetime

from parsing.notes import parse_note
from parsing.text import simplified

# 见了 / 见到 / 拜见了 … said before the people: the answer to 见了谁 without the question.
_MET = re.compile(r"^(?:今天|刚才)?(?:拜见|会见|见到|见过|见)了?\s*")
# Between people; a space is not one (李娜 采购主管 is one person with a title).
_BETWEEN = re.compile(r"\s*(?:[、,,;;/]|以及|还有|和|跟|与|及)\s*")
# A department said before the person (物资部的钱科长, 采购部 孙经理): where they work, kept
# with their title; never the person's name.
_DEPARTMENT = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:部门|中心|办公室|部|处|科|室|办))的?\s*")


def department(part: str, *said: str | None) -> str | None:
    """The department said before the person (物资部的钱科长 → 物资部), who is `said` (their
    name, salutation or title as read); None when the person's words come first (王明处长)."""
    folded = simplified(part)
    at = min((i for word in said if word and (i := folded.find(simplified(word))) >= 0), default=0)
    found = _DEPARTMENT.fullmatch(folded[:at].strip()) if at else None
    return part[found.start(1) : found.end(1)] if found else None


def _is_one_person(part: str, now: datetime) -> bool:
    """The part is one person and nothing else: 王明处长, 张总, 刘工, 李明 — not 李总聊了价格."""
    # After 见了 the reader takes a bare name (李明) for a person, as a note would.
    people = parse_note(f"见了{part}", now).contacts
    if len(people) != 1 or not (people[0].name or people[0].salutation):
        return False
    person = people[0]
    words = (person.name, person.salutation, person.title)
    where = department(part, *words)  # 物资部的钱科长: said where he works, then who he is
    rest = simplified("".join(part.split()))
    if where:
        rest = rest.removeprefix(simplified("".join(where.split()))).lstrip("的")
    for said in sorted(filter(None, words), key=len)[::-1]:
        rest = rest.replace(said, "", 1)
    return not rest


def people_said(text: str, now: datetime) -> list[str] | None:
    """The people named, as typed, when `text` is two or more people (or one after 见了);
    None when it is not a list of people (then it is read as one answer)."""
    folded = simplified(text)  # one character for one: its spans are the typed text's
    met = _MET.match(folded)
    start = met.end() if met else 0
    parts: list[str] = []
    for between in _BETWEEN.finditer(folded, start):
        parts.append(text[start : between.start()])
        start = between.end()
    parts = [part for part in (*parts, text[start:]) if part]
    if not parts or (len(parts) == 1 and not met):
        return None
    if not all(_is_one_person(part, now) for part in parts):
        return None
    return parts
