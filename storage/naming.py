"""How a contact is named on every card, list, document and export: one rule, here.

A contact is known by a full name (王建国, 局长, spoken to as 王局长) or only by how the rep
speaks to them (张总, 刘处长: the name saved is that address). The title is said once:
王建国 局长(王局长), 张总 — never 张总 总 —, 赵经理(采购部经理) when the title says more than
the address.
"""

from __future__ import annotations

# Said after a surname, never a job: 张总 is a 总经理, a 董事长 or a 总监 — nobody says which.
_ADDRESS_ONLY = frozenset({"总"})


def spoken(surname: str | None, title: str | None, salutation: str | None, name: str) -> str:
    """How the rep speaks to the contact: 王局长 (the salutation, or surname and title)."""
    if salutation:
        return salutation
    if surname and title:
        return f"{surname}{title}"
    return name


def heading(
    name: str | None,
    surname: str | None,
    title: str | None,
    salutation: str | None,
    *,
    addressed: bool = True,
) -> str:
    """王建国 局长(王局长); 张总 (known by the address alone); 赵经理(采购部经理). Without
    `addressed` (a document for the customer) the address in brackets is left out."""
    known = name if name and name != salutation else None
    if known is None and salutation:
        if title and not salutation.endswith(title):
            return f"{salutation}({title})"
        return salutation
    who = known or surname or ""
    head = f"{who} {title}" if who and title and not who.endswith(title) else who or title or ""
    if addressed and salutation and salutation not in head.replace(" ", ""):
        head = f"{head}({salutation})" if head else salutation
    return head or "?"


def job_title(title: str | None) -> str | None:
    """The title as a job (the export's 职务): none for 总, which is only how one is spoken to."""
    return None if not title or title in _ADDRESS_ONLY else title
