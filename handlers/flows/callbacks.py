"""The buttons of a guided flow's steps: a builder for each and the pattern that reads it back,
used by the question that shows them and the flow's handler (engine.py). The data names the
flow (visit, fu, ct, trip, bday, nc, nd), so a button of another flow, or of one already left,
is not taken for this one's:

    flow:<flow>:v:<value> a choice (its value is checked against the step's choices)
    flow:<flow>:done 完成选择    flow:<flow>:back ⬅️ 上一步
    flow:<flow>:skip 跳过        flow:<flow>:cancel ❌ 取消
    flow:<flow>:add ➕ a new one on a step that takes a typed answer besides its buttons
    flow:<flow>:go  an answer doubted (engine.Doubt) taken as it is
    flow:<flow>:other  the doubted answer taken the other way (the flow ends)

The buttons that start a flow from elsewhere are kit/starts.py's.
"""

from __future__ import annotations

import re

_FLOW = r"[a-z]{1,16}"
CHOICE = re.compile(rf"^flow:{_FLOW}:v:(.*)$", re.DOTALL)
DONE = re.compile(rf"^flow:{_FLOW}:done$")
BACK = re.compile(rf"^flow:{_FLOW}:back$")
SKIP = re.compile(rf"^flow:{_FLOW}:skip$")
CANCEL = re.compile(rf"^flow:{_FLOW}:cancel$")
ADD = re.compile(rf"^flow:{_FLOW}:add$")
GO_ON = re.compile(rf"^flow:{_FLOW}:go$")
OTHER = re.compile(rf"^flow:{_FLOW}:other$")


def steps_pattern(flow: str) -> str:
    """Every step button of one flow (its ConversationHandler's)."""
    return rf"^flow:{flow}:"


def choice(flow: str, value: str) -> str:
    return f"flow:{flow}:v:{value}"


def done(flow: str) -> str:
    return f"flow:{flow}:done"


def back(flow: str) -> str:
    return f"flow:{flow}:back"


def skip(flow: str) -> str:
    return f"flow:{flow}:skip"


def cancel(flow: str) -> str:
    return f"flow:{flow}:cancel"


def add(flow: str) -> str:
    return f"flow:{flow}:add"


def go_on(flow: str) -> str:
    return f"flow:{flow}:go"


def other(flow: str) -> str:
    return f"flow:{flow}:other"
