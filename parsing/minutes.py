"""A 会谈纪要 as the customer may read it: internal remarks out, next steps apart.

Reps mark what stays in the company — budget guesses, personal remarks — with 内部 (a line
that starts 内部: / 【内部】 / (内部), or ends with (内部)); those lines never reach the
customer's copy. Lines that start with 下一步 / 下步 / 后续 / 约定 / 待办 / next step are the
agreed next steps; the rest are the topics, line by line as written. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MIN_LETTERS", "CustomerMinutes", "for_customer", "says_something"]

_INTERNAL = re.compile(
    r"^\s*(?:[【\[((]\s*内部\s*[】\])):]?|内部\s*[::])|[((]\s*内部\s*[))]\s*$", re.IGNORECASE
)
_NEXT = re.compile(r"^\s*(?:下一步|下步|后续|约定|待办|next steps?)\s*[::,,]?\s*", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[0-9]{1,2}[.、)]|[-·•*])\s*")


# A 纪要 says something when it has this many letters (汉字 or Latin), not all the same one:
# 😀, "。。。" or 哈哈哈哈哈哈 is no summary of a meeting.
MIN_LETTERS = 6


def says_something(text: str) -> bool:
    """Whether ``text`` can stand as a meeting's summary: enough real letters in it."""
    letters = [char for char in text if char.isalpha()]  # 汉字 and letters, not digits or emoji
    return len(letters) >= MIN_LETTERS and len(set(letters)) >= 3


@dataclass(frozen=True, slots=True)
class CustomerMinutes:
    topics: list[str]
    next_steps: list[str]
    left_out: int  # internal lines removed


def for_customer(text: str) -> CustomerMinutes:
    """The customer's copy of ``text``: topics, next steps, and how many lines were internal."""
    topics: list[str] = []
    steps: list[str] = []
    left_out = 0
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if _INTERNAL.search(line):
            left_out += 1
            continue
        line = _BULLET.sub("", line)
        step = _NEXT.match(line)
        if step:
            rest = line[step.end() :].strip()
            if rest:
                steps.append(rest)
        else:
            topics.append(line)
    return CustomerMinutes(topics, steps, left_out)
