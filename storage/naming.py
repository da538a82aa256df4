"""How a contact is named on every card, list, document and export: one rule, here.

A contact is known by a full name (王建国, 局长, spoken to as 王局长) or only by how the rep
speaks to them (张总, 刘处长: the name saved is that address). The title is said once:
王建国 局长(王局长), 张总 — never 张总 总 —, 赵经理(采购部经理) when the title says more than
the address.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsing.notes import salutation_for
from parsing.notes._lexicon import COMPOUND_SURNAMES, SURNAMES

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
    job = job_title(title)  # 李明(李总), never 李明 总(李总): 总 is how he is spoken to
    head = f"{who} {job}" if who and job and not who.endswith(job) else who or title or ""
    if addressed and salutation and salutation not in head.replace(" ", ""):
        head = f"{head}({salutation})" if head else salutation
    return head or "?"


def job_title(title: str | None) -> str | None:
    """The title as a job (the export's 职务): none for 总, which is only how one is spoken to."""
    return None if not title or title in _ADDRESS_ONLY else title


@dataclass(frozen=True)
class Naming:
    """The four things a contact is called by."""

    name: str | None
    surname: str | None
    title: str | None
    salutation: str | None


def surname_of(name: str) -> str | None:
    """The Chinese surname a name starts with (欧阳 before 欧), or None (Linda has none)."""
    if name[:2] in COMPOUND_SURNAMES and len(name) >= 3:
        return name[:2]
    return name[:1] if name[:1] in SURNAMES else None


def addressed_as(surname: str, title: str) -> str:
    """How one with this surname and title is spoken to: by the title's last part (赵 +
    营销部副主任 → 赵主任, 王 + 副总经理 → 王总), as a note is read; surname and title for a
    title the note reader does not know."""
    said = salutation_for("某", title)  # the address alone, whatever the surname's length
    return surname + said[1:] if said else f"{surname}{title}"


def renamed(before: Naming, name: str | None, title: str | None) -> Naming:
    """The naming after a new name or title: a form of address made from the old ones (张总 of
    张 and 总, or the address saved as the name) is made again from the new — 张总 renamed
    李明 is 李总, renamed Linda is Linda, with no 总 left that only went with 张 —; one the rep
    typed (老王) stays."""
    surname = surname_of(name) if name and name != before.name else before.surname
    made = before.salutation in (None, before.name) or (
        bool(before.surname)
        and bool(before.title)
        and before.salutation
        in (
            f"{before.surname}{before.title}",
            addressed_as(before.surname or "", before.title or ""),
        )
    )
    if not made:
        return Naming(name, surname, title, before.salutation)
    if surname and title:
        return Naming(name, surname, title, addressed_as(surname, title))
    return Naming(name, surname, job_title(title), None)
