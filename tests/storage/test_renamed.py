"""storage.naming.renamed: the form of address follows a new name or title when it was made
from the old ones, and stays when the rep typed it."""

import pytest

from storage.naming import Naming, renamed


@pytest.mark.parametrize(
    ("before", "name", "title", "after"),
    [
        (Naming(None, "张", "总", "张总"), "Linda", "总", Naming("Linda", None, None, None)),
        (Naming("张总", "张", "总", "张总"), "李明", "总", Naming("李明", "李", "总", "李总")),
        (Naming("王建国", "王", "局长", "王局长"), "王建国", "处长",
         Naming("王建国", "王", "处长", "王处长")),
        (Naming("王建国", "王", "局长", "老王"), "欧阳建华", "局长",
         Naming("欧阳建华", "欧阳", "局长", "老王")),
        (Naming(None, "刘", "经理", "刘经理"), None, "采购总监",
         Naming(None, "刘", "采购总监", "刘总")),
        (Naming("赵国栋", "赵", "主任", "赵主任"), "赵国栋", "营销部副主任",
         Naming("赵国栋", "赵", "营销部副主任", "赵主任")),
        (Naming("赵国栋", "赵", "主任", "赵主任"), "赵国栋", "CEO",
         Naming("赵国栋", "赵", "CEO", "赵CEO")),
    ],
)  # fmt: skip
def test_renamed(before: Naming, name: str | None, title: str | None, after: Naming) -> None:
    assert renamed(before, name, title) == after
