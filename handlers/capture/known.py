"""The customer a note is about, as far as it is known without asking: the card says what
保存 will do with the note's deal from it (show.py), and 保存 starts from the same rules
(notes.py)."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.capture.payload import CapturePayload, note_to_payload
from handlers.kit.turn import Turn
from parsing.notes import parse_note
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.matching import Judgement, judge
from storage.models import Contact, Customer


async def customer_of_named_person(turn: Turn, payload: CapturePayload) -> Customer | None:
    """A note without a company that names exactly one of the rep's own contacts."""
    repo = ContactRepo(turn.session, turn.actor)
    found: dict[int, Contact] = {}
    for fact in payload.get("contacts") or []:
        matches = await repo.own_named(
            name=fact.get("name"), surname=fact.get("surname"), salutation=fact.get("salutation")
        )
        if len(matches) != 1:
            return None
        found[matches[0].customer_id] = matches[0]
    if len(found) != 1:
        return None
    return await CustomerRepo(turn.session, turn.actor).get(next(iter(found)))


@dataclass(frozen=True)
class Known:
    """`customer`: the one 保存 files the note under without asking. `likely`: the one existing
    customer the company may be — 保存 asks first."""

    customer: Customer | None = None
    likely: Customer | None = None


async def known_customer(turn: Turn, payload: CapturePayload, judged: Judgement | None) -> Known:
    """From the answer already given (Resolve's customer), the company as `judged`, or the one
    person the note names."""
    chosen = (payload.get("resolve") or {}).get("customer")
    if isinstance(chosen, int):
        return Known(await CustomerRepo(turn.session, turn.actor).get(chosen))
    if judged is not None:
        if judged.exact is not None:
            return Known(judged.exact)
        if len(judged.likely) == 1 and judged.owner is None and judged.maybe_owner is None:
            return Known(likely=judged.likely[0])
        return Known()
    if payload.get("company"):
        return Known()
    return Known(await customer_of_named_person(turn, payload))


async def customer_of(turn: Turn, payload: CapturePayload) -> Customer | None:
    """The rep's customer a note (as read) is about, as the card would say it: the one its
    company is, or is like, or the one person it names."""
    company = payload.get("company")
    judged = await judge(turn.session, turn.actor, company) if company else None
    known = await known_customer(turn, payload, judged)
    return known.customer or known.likely


async def customer_named(turn: Turn, text: str) -> Customer | None:
    """The rep's customer that words typed somewhere else (a follow-up's task, a whole note
    about 顺丰) name by their company, read as a quick capture reads a note."""
    payload = note_to_payload(parse_note(text, turn.now()))
    return await customer_of(turn, payload) if payload.get("company") else None
