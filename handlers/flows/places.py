"""/trip's 去哪里? answered with a sentence (他下周一到周三去上海参加金融峰会, tryout 13: kept whole
as the place, on the card and in the export): the place is read from it as a note's trip is,
and the days and the purpose it says are offered as buttons at the next two steps. A sentence
no trip is read from is refused, and the place asked again."""

from __future__ import annotations

from datetime import date

from handlers.flows.engine import Answers, Choice, Invalid
from handlers.flows.steps import parse_text
from handlers.kit.render import date_range
from handlers.kit.turn import Turn
from parsing.dates import find_all_when
from parsing.notes import parse_note

READ = "trip_read"  # the answers' key: the days and purpose read with the place
PLACE_WORDS = 20  # a place is shorter; a longer answer is a sentence
PURPOSE_BUTTON = 15  # characters a purpose may have to ride on a button (64 bytes of data)


def _sentence(text: str, turn: Turn) -> bool:
    return len(text) > PLACE_WORDS or bool(find_all_when(text, turn.now()))


async def parse_place(turn: Turn, text: str, answers: Answers) -> str:
    place = await parse_text(turn, text, answers)
    answers.pop(READ, None)
    if not _sentence(place, turn):
        return place
    trips = parse_note(place, turn.now()).itineraries
    if not trips:
        raise Invalid(turn._("这一步只写地点,例如:北京。日期和事由后面再问。"))
    trip = trips[0]
    answers[READ] = {
        "dates": [trip.start.isoformat(), trip.end.isoformat()],
        "purpose": trip.purpose,
    }
    return trip.place


async def read_dates(turn: Turn, answers: Answers) -> list[Choice]:
    """哪几天?: the days the sentence said, as a button (typing others still works)."""
    read = answers.get(READ)
    if not isinstance(read, dict):
        return []
    start, end = (date.fromisoformat(day) for day in read["dates"])
    label = "📅 " + date_range(turn._, start, end, turn.today())
    return [(label, f"{start:%Y%m%d}-{end:%Y%m%d}")]


def dates_of(value: str) -> list[str]:
    """The button's 20261207-20261209 as the step's answer (ISO days)."""
    start, end = value.split("-", 1)
    return [date(int(d[:4]), int(d[4:6]), int(d[6:])).isoformat() for d in (start, end)]


async def read_purpose(turn: Turn, answers: Answers) -> list[Choice]:
    """去做什么?: the purpose the sentence said, as a button."""
    read = answers.get(READ)
    purpose = read.get("purpose") if isinstance(read, dict) else None
    if not purpose or len(purpose) > PURPOSE_BUTTON:
        return []
    return [(purpose, purpose)]
