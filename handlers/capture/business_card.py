"""A read business card as a capture draft: the same card, buttons and saving as a note.

The card's person becomes the draft's first contact and its company the draft's company, so
"is this the same customer / the same person?" is answered by the one rule quick capture
uses. What only a card has (fax, address, website, the photo itself) rides along under
``payload["card"]`` and is written beside the contact when 保存 is pressed. A caption typed
with the photo is read as a note and merged in: its grade, visit, follow-ups, and what it says
about the card's person.
"""

from __future__ import annotations

import re
from typing import Literal

from handlers.capture.payload import CardExtras, ContactData, Payload, note_to_payload
from handlers.kit.phones import shown_phone
from locales import Translator
from parsing.cards import CardFacts, CardLine, read_card
from parsing.notes import Note
from parsing.text import simplified
from storage.changes import FieldChange
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.models import Contact, Customer

__all__ = ["apply_card", "card_lines", "card_payload", "typed_card_extras"]


def _person(card: CardFacts) -> ContactData:
    return {
        "name": card.person(),
        "surname": card.surname,
        "title": card.title,
        "salutation": card.salutation,
        "phones": [*card.mobiles, *card.phones],
        "wechat": card.wechat,
        "email": card.email,
        "birthday": None,
        "hobbies": [],
        "native_place": None,
        "education": None,
        "decision_role": None,
        "personality": None,
        "is_key_leader": card.is_key_leader(),
        "family": [],
    }


def _same_person(card: ContactData, said: ContactData) -> bool:
    """The caption's person is the card's: the same name in either script (陳生 is 陈生)."""

    def same(key: Literal["name", "surname", "salutation"]) -> bool:
        return simplified(said.get(key) or "") == simplified(card.get(key) or "")

    if said.get("name"):
        return same("name")
    if said.get("salutation") and same("salutation"):
        return True
    return bool(said.get("surname")) and same("surname")


def card_payload(card: CardFacts, caption: Note | None, file_id: str) -> Payload:
    """The draft of a card (and the note typed with it)."""
    payload: Payload = (
        note_to_payload(caption) if caption is not None else note_to_payload(Note(text=""))
    )
    person = _person(card)
    others = []
    for said in payload.get("contacts") or []:
        if _same_person(person, said):
            for key, value in said.items():
                if value and not person.get(key):
                    person[key] = value  # type: ignore[literal-required]  # same keys, both ContactData
        else:
            others.append(said)
    payload["contacts"] = [person, *others] if person["name"] else others
    if card.company:
        payload["company"] = card.company
    extras: CardExtras = {"file_id": file_id}
    if card.faxes:
        extras["fax"] = card.faxes[0]
    if card.address:
        extras["address"] = card.address
    if card.website:
        extras["website"] = card.website
    if card.latin_name and card.name:
        extras["latin_name"] = card.latin_name
    payload["card"] = extras
    return payload


def typed_card_extras(text: str) -> CardExtras | None:
    """A card pasted as text (名片, signature lines): its address, website and fax, which the
    note reader leaves out — read by the same card reader a photo goes through, one line a
    row. Only for a card: three lines or more, a person or company, and a way to reach them."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < _CARD_LINES:
        return None
    card = read_card([CardLine(line, top=10.0 * i) for i, line in enumerate(lines)])
    if not card.is_card():
        return None
    extras: CardExtras = {}
    if card.address and _ADDRESS_SAID.search(text):  # (a chat's 北仑第三集装箱码头 is no address)
        extras["address"] = card.address
    if card.website:
        extras["website"] = card.website
    if card.faxes:
        extras["fax"] = card.faxes[0]
    return extras or None


_CARD_LINES = 3
_ADDRESS_SAID = re.compile(r"地址|地點|地点|(?i:\baddr(?:ess)?\b)")


def card_lines(_: Translator, payload: Payload, region: str) -> list[str]:
    """What the confirmation shows of a card beyond a note's facts."""
    extras = payload.get("card") or {}
    lines = []
    if extras.get("fax"):
        lines.append(_("📠 传真:{fax}", fax=shown_phone(_, extras["fax"], region)))
    if extras.get("address"):
        lines.append(_("📍 地址:{address}", address=extras["address"]))
    if extras.get("website"):
        lines.append(_("🌐 网址:{website}", website=extras["website"]))
    if extras.get("file_id") and payload.get("contacts"):
        lines.append(_("📇 名片照片会存在联系人资料里"))
    return lines


async def prefill_match(repo: ContactRepo, payload: Payload) -> None:
    """A card of someone the rep already has (same mobile or email): that contact, that
    customer, whatever name or company this side of the card prints."""
    contacts = payload.get("contacts") or []
    if not contacts:
        return
    first = contacts[0]
    known = await repo.own_reachable(list(first.get("phones") or []), first.get("email"))
    if known is None:
        return
    payload["resolve"] = {"customer": known.customer_id, "contacts": {"0": known.id}}


async def apply_card(
    customers: CustomerRepo,
    contacts: ContactRepo,
    payload: Payload,
    customer: Customer,
    contact: Contact | None,
) -> list[FieldChange]:
    """Write the card's own facts: the photo and fax on the contact, address and website on
    the customer where the archive has none (a different value goes through the change log)."""
    extras = payload.get("card") or {}
    changes: list[FieldChange] = []
    if contact is not None:
        fields = {"card_file_id": extras.get("file_id"), "fax": extras.get("fax")}
        fields = {k: v for k, v in fields.items() if v and v != getattr(contact, k)}
        if fields:
            applied = contacts.update(contact, customer.team_id, fields)
            changes += [c for c in applied if c.field != "card_file_id"]
    wanted = {"address": extras.get("address"), "website": extras.get("website")}
    wanted = {k: v for k, v in wanted.items() if v and v != getattr(customer, k)}
    if wanted:
        changes += customers.update(customer, wanted)
    return changes
