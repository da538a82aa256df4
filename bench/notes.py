"""Benchmark of the note reader: field-level precision/recall/F1 and parse time.

    python -m bench.notes [path/to/notes.jsonl ...]
    python -m bench.notes --record-first SPLIT   # store SPLIT's score as its first one

Each line of a development set (tests/parsing/notes_*.jsonl) holds a note, its reference
time and the expected facts. A note is flattened into (field, ..., value) pairs — one per
company, grade, contact, phone, hobby, follow-up … — and the pairs are matched one to one.
Free-text fields (summary, outcome, action, hobby, place of origin, school, purpose) match
when, after dropping punctuation and a leading 再/要, one contains the other and the shorter
holds at least 40% of the longer; a title said 工 is 工程师 (the sets written since blind14 write
the short form, the older ones the whole). Each split is reported on its own: ``dev`` notes were
written before the parser and used to tune it; ``holdout`` (30) and ``holdout2`` (12) were
written later and first measured untouched, standing for notes never seen (a few generic
bugs they revealed were fixed afterwards, so their current figures flatter the parser).
``styles`` (240) and ``blind`` (120) came with issue #18, each written by a helper who never
read parsing/; their first scores, taken before any change for them, are printed beside the
current ones. ``blind`` and ``blind2`` (150, a third helper, 2026-12-02) are looked at only as
these totals, never note by note. ``styles2`` (200) and ``blind3`` (120), written on 2026-12-02
by a fourth helper who never read parsing/, weigh follow-ups and their traps, plans, names that
are also words, phones and the headline and outcome: ``styles2`` is for tuning, ``blind3`` is
held out like ``blind``. ``styles3`` (200, to tune on) and ``blind4`` (150, held out, mostly plain
everyday notes), by two more such helpers, were scored before round five changed anything.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bench._figures import Figure, record
from parsing.notes import Note, parse_note
from parsing.notes._fold import fold

__all__ = [
    "FUZZY_FIELDS",
    "Counts",
    "evaluate",
    "load",
    "main",
    "note_pairs",
    "note_to_dict",
    "prf",
    "score_pairs",
]

NOTES_DIR = Path(__file__).resolve().parents[1] / "tests" / "parsing"
DEV_SET = NOTES_DIR / "notes_dev.jsonl"
# styles: 240 notes in the styles of issue #18, written by a helper who never read parsing/;
# blind: 120 more by another such helper, never looked at by whoever changes the parser.
DEV_SETS = [
    DEV_SET,
    NOTES_DIR / "notes_styles.jsonl",
    NOTES_DIR / "notes_blind.jsonl",
    # deals: 125 notes for issue #19 (31 with no deal), by a helper who never read parsing/;
    # deals_blind: 73 more by another, measured only as totals, never tuned against
    NOTES_DIR / "notes_deals.jsonl",
    NOTES_DIR / "notes_deals_blind.jsonl",
    # blind2: 150 notes in the styles of #18 by a third helper who never read parsing/, written
    # on 2026-12-02 after the parser had been tuned on styles; held out like blind
    NOTES_DIR / "notes_blind2.jsonl",
    # styles2: 200 notes in the styles of #18 (more follow-ups and traps, plans, names that are
    # also words, phones, headlines and outcomes) by a fourth helper who never read parsing/,
    # written on 2026-12-02 to tune on
    NOTES_DIR / "notes_styles2.jsonl",
    # blind3: 120 notes in the same mix by the same helper, written with styles2 and held out:
    # read only as totals, never tuned against
    NOTES_DIR / "notes_blind3.jsonl",
    # blind4: 150 notes by a fifth helper who never read parsing/, written on 2026-12-02 before
    # round five, weighted toward plain everyday notes; held out, read only as totals
    NOTES_DIR / "notes_blind4.jsonl",
    # styles3: 200 notes in every style of #18 by a sixth helper who never read parsing/,
    # written on 2026-12-02 before round five and then tuned on
    NOTES_DIR / "notes_styles3.jsonl",
    # blind5: 150 notes by a seventh helper who never read parsing/, written on 2026-12-02
    # while round seven was under way; its first score is the parser as that day began
    # (cdaa81f). Held out: read only as totals
    NOTES_DIR / "notes_blind5.jsonl",
    # styles4: 250 notes in every style of #18 by an eighth helper who never read parsing/,
    # weighted toward outcomes, headlines, follow-up words and roles; scored before round
    # seven changed anything for it, then tuned on
    NOTES_DIR / "notes_styles4.jsonl",
    # blind6: 150 notes by a ninth helper who never read parsing/, written on 2026-12-02 after
    # round seven; held out, read only as totals
    NOTES_DIR / "notes_blind6.jsonl",
    # blind7: 150 notes by a tenth helper who never read parsing/, written on 2026-12-02 before
    # round eight; its first score is the parser as round eight began. Held out: totals only
    NOTES_DIR / "notes_blind7.jsonl",
    # styles5: 200 notes weighing follow-ups and their dates (every way a rep says a task, beside
    # the traps that are none) by an eleventh helper who never read parsing/, written on
    # 2026-12-02 during round eight; scored on the parser of that moment, then tuned on
    NOTES_DIR / "notes_styles5.jsonl",
    # blind8: 150 notes by a twelfth helper who never read parsing/, written on 2026-12-02 while
    # round nine was under way; its first score is the parser as that session began (1b12f5a).
    # Held out: read only as totals
    NOTES_DIR / "notes_blind8.jsonl",
    # blind9: 150 notes by a thirteenth helper who never read parsing/, weighing dated tasks
    # and their traps, written on 2026-12-02 after round nine; its first score is the parser of
    # round nine's end. Held out: read only as totals
    NOTES_DIR / "notes_blind9.jsonl",
    # styles6: 150 notes by a fourteenth helper who never read parsing/, weighing which dated
    # things are the rep's tasks (the customer's deadlines, meetings and trips, habits, dates
    # refused in a chat …); scored on round nine's parser before any change for it, to tune on
    NOTES_DIR / "notes_styles6.jsonl",
    # blind10: 150 notes by a fifteenth helper who never read parsing/, in every style of #18
    # with a quarter of dated-task traps, written on 2026-12-03; its first score is the parser
    # as that day began (90c85da). Held out: read only as totals
    NOTES_DIR / "notes_blind10.jsonl",
    # blind11: 150 notes by a sixteenth helper who never read parsing/, in every style of #18
    # with a quarter of dated-task traps, written on 2026-12-03 (a new session); its first score
    # is the parser as that session began (1c98cd3). Held out: read only as totals
    NOTES_DIR / "notes_blind11.jsonl",
    # styles7: 150 notes by a seventeenth helper who never read parsing/, weighing which dated
    # things are the rep's own tasks (two in five notes a trap, a third with no task at all),
    # written on 2026-12-03; scored on the parser of the moment it arrived, then tuned on
    NOTES_DIR / "notes_styles7.jsonl",
    # blind12: 150 notes by an eighteenth helper who never read parsing/, in every style of #18
    # with a quarter of dated-task traps, written on 2026-12-03 (round twelve); its first score
    # is the parser as that session began (087f624). Held out: read only as totals
    NOTES_DIR / "notes_blind12.jsonl",
    # styles8: 150 notes by a nineteenth helper who never read parsing/, weighing people and
    # companies (names in every form, the rep's own colleagues, competitors and carriers beside
    # the customer, phones and ids of several people), written on 2026-12-03; scored on the
    # parser of the moment it arrived (round twelve), then tuned on
    NOTES_DIR / "notes_styles8.jsonl",
    # styles9: 200 notes by a twentieth helper who never read parsing/, weighing dates and
    # follow-ups (every wording of a task, plans, and some 70 traps), written on 2026-12-03
    # (round thirteen); scored on the parser of the moment it arrived (39e5bec), then tuned on
    NOTES_DIR / "notes_styles9.jsonl",
    # blind13: 150 notes by a twenty-first helper who never read parsing/, in every style of #18,
    # half of them dated (a third of those traps), written on 2026-12-03 (round thirteen); its
    # first score is the parser as that session began (ac7e021). Held out: read only as totals
    NOTES_DIR / "notes_blind13.jsonl",
    # blind14: 150 notes by a twenty-second helper who never read parsing/, in every style of
    # #18, half of them dated (a third of those traps), written on 2026-12-03 (round fourteen);
    # its first score is the parser as that session began (a821c8a). Held out: totals only
    NOTES_DIR / "notes_blind14.jsonl",
    # styles10: 200 notes by a twenty-third helper who never read parsing/, weighing what a rep
    # types after a day in the field (records with topic and outcome, people with roles, every
    # wording of a next step beside plans and traps), written on 2026-12-03 (round fourteen);
    # scored on the parser of the moment it arrived (2a575cb), then tuned on
    NOTES_DIR / "notes_styles10.jsonl",
    # blind15: 150 notes by a twenty-fourth helper who never read parsing/, in every style of
    # #18, half of them dated (a third of those traps), written on 2026-12-03 late in round
    # fourteen; its first score is the parser of the moment it arrived (2b1395f), and it was
    # also read by the parser as the round began (a821c8a). Held out: read only as totals
    NOTES_DIR / "notes_blind15.jsonl",
    # blind16: 150 notes by a twenty-fifth helper who never read parsing/, in every style of
    # #18, half of them dated (a third of those traps), written on 2026-12-03 (round fifteen, a
    # new session); its first score is the parser as that session began (08bdedf). Held out:
    # read only as totals
    NOTES_DIR / "notes_blind16.jsonl",
    # styles11: 200 notes by a twenty-sixth helper who never read parsing/, weighing what a rep
    # types after a working day with dates (two in three notes dated, half of those traps),
    # written on 2026-12-03 (round fifteen); its first score is the parser as that session
    # began (08bdedf), then tuned on
    NOTES_DIR / "notes_styles11.jsonl",
    # blind17: 150 notes by a twenty-seventh helper who never read parsing/, in every style of
    # #18, half of them dated (a third of those traps), written on 2026-12-04 (round sixteen, a
    # new session); its first score is the parser as that session began (1e80687). Held out:
    # read only as totals
    NOTES_DIR / "notes_blind17.jsonl",
    # styles12: 200 notes by a twenty-eighth helper who never read parsing/, weighing long notes
    # that hold many facts at once (run-on dictation, Cantonese meals and hobbies, people with
    # roles and details), two in three dated and half of those traps, written on 2026-12-04;
    # its first score is the parser as that session began (1e80687), then tuned on
    NOTES_DIR / "notes_styles12.jsonl",
    # blind18: 150 notes by a twenty-ninth helper who never read parsing/, in every style of
    # #18, written on 2026-12-04 (round seventeen, a new session); its first score is the parser
    # as that session began (7365858). Held out: read only as totals
    NOTES_DIR / "notes_blind18.jsonl",
    # styles13: 200 notes by a thirtieth helper who never read parsing/, weighing cards whose
    # lines come in any order, two or three people with roles, dates written as people write
    # them (三月十五, 3.15, 初六, 元宵节后) and southern numbers without a country code, written on
    # 2026-12-04; its first score is the parser as that session began (7365858), then tuned on
    NOTES_DIR / "notes_styles13.jsonl",
    # styles14: 200 notes by a thirty-first helper who never read parsing/, weighing days that
    # are not the rep's beside days that are, key leaders' trips said in many ways, roles said
    # in many ways, and visits whose headline and outcome matter, written on 2026-12-04 (a later
    # session); its first score is the parser as that session began (0320c62), then tuned on
    NOTES_DIR / "notes_styles14.jsonl",
    # blind19: 150 notes by a thirty-second helper who never read parsing/, spread evenly over
    # every style of #18, written on 2026-12-04 (a later session) and scored on the parser as
    # that session began (0320c62); held out: read only as totals, never tuned against
    NOTES_DIR / "notes_blind19.jsonl",
    # blind20: 150 notes by a thirty-third helper who never read parsing/, spread evenly over
    # every style of #18 with a sixth of leaders' trips, written on 2026-12-04 (round nineteen,
    # a new session) and scored on the parser as that session began (1aa9449); held out: read
    # only as totals, never tuned against
    NOTES_DIR / "notes_blind20.jsonl",
    # styles15: 200 notes by a thirty-fourth helper who never read parsing/, weighing key
    # leaders' trips said in many ways (60, ten of them traps), roles said in sentences rather
    # than lists (50), records with a headline and an outcome, the rep's dated tasks beside
    # traps, voice and Taiwan/Hong Kong wording, written on 2026-12-04; its first score is the
    # parser as that session began (1aa9449), then tuned on
    NOTES_DIR / "notes_styles15.jsonl",
    # blind21: 150 notes by a thirty-fifth helper who never read parsing/, every style of #18
    # in even shares (voice, cards, chats, telegraphic, English, HK/TW/SG/MY, roles, dates,
    # trips, plain notes with traps), written on 2026-12-04 and scored on the parser as that
    # session began (2f5c2ac); held out, read only as totals
    NOTES_DIR / "notes_blind21.jsonl",
    # styles16: 200 notes by a thirty-sixth helper who never read parsing/, weighing the
    # customer company said many ways (abbreviated, a county before it, brand and trade, the
    # subsidiary of a group), one person named twice and their family, records with a headline
    # and an outcome, and dated tasks beside traps; written on 2026-12-04, scored on the parser
    # as that session began (2f5c2ac), then tuned on
    NOTES_DIR / "notes_styles16.jsonl",
    # blind22: 150 notes by a thirty-seventh helper who never read parsing/, fifteen styles of
    # #18 in even shares (voice, cards, chats, telegraphic, English mixed and plain, HK, TW, SG,
    # MY, roles, dates, trips, plain notes, traps), written on 2026-12-04 (round twenty-one, a
    # new session) and scored on the parser as that session began (0745792); held out, read
    # only as totals
    NOTES_DIR / "notes_blind22.jsonl",
    # styles17: 200 notes by a thirty-eighth helper who never read parsing/, weighing records
    # whose topic and result matter (60), the rep's dated next steps with their objects beside
    # traps (50), key leaders' trips and whereabouts (40, ten traps), roles said in sentences and
    # titles with a department (30), written on 2026-12-04; scored on the parser as that session
    # began (0745792), then tuned on
    NOTES_DIR / "notes_styles17.jsonl",
    # blind23: 150 notes by a thirty-ninth helper who never read parsing/, the fifteen styles of
    # #18 in even shares, written on 2026-12-04 (round twenty-two, a new session) and scored on
    # the parser as that session began (1971a2b); held out, read only as totals
    NOTES_DIR / "notes_blind23.jsonl",
    # styles18: 200 notes by a fortieth helper who never read parsing/, weighing records whose
    # topic and result matter (60), the rep's dated next steps with their objects beside traps
    # (50), key leaders' trips and whereabouts (40, ten traps), company names that are the hard
    # part (30) and dates (20), written on 2026-12-04; scored on the parser as that session
    # began (1971a2b), then tuned on
    NOTES_DIR / "notes_styles18.jsonl",
    # blind24: 150 notes by a forty-first helper who never read parsing/, in every style of #18
    # (voice, cards, chats, telegraphic, English, the south, people with roles, dates around
    # month and year ends and 春节), written on 2026-12-05 (round twenty-three, a new session);
    # its first score is the parser as that session began (617d50e). Held out: read only as
    # totals
    NOTES_DIR / "notes_blind24.jsonl",
    # styles19: 200 notes by a forty-second helper who never read parsing/, weighing what was talked
    # about and what came of it, follow-ups worded many ways (a third traps) and leaders' trips,
    # written on 2026-12-05; its first score is the parser as that session began (617d50e), then
    # tuned on
    NOTES_DIR / "notes_styles19.jsonl",
    # blind25: 150 notes by a forty-third helper who never read parsing/, in every style of #18
    # with a quarter of traps, written on 2026-12-05 (a new session); its first score is the parser
    # as that session began (85db83b). Held out: read only as totals
    NOTES_DIR / "notes_blind25.jsonl",
    # styles20: 200 notes by a forty-fourth helper who never read parsing/, weighing leaders' trips,
    # follow-ups worded many ways beside their traps, records, chat excerpts, dictation and the
    # south's Chinese, written on 2026-12-05; its first score is the parser as that session began
    # (85db83b), then tuned on
    NOTES_DIR / "notes_styles20.jsonl",
    # blind26: 150 notes by a forty-fifth helper who never read parsing/, fifteen styles of #18 in
    # even shares with a quarter of traps, written on 2026-12-05 (round twenty-five, a new
    # session); its first score is the parser as that session began (778880e). Held out: read
    # only as totals
    NOTES_DIR / "notes_blind26.jsonl",
    # styles21: 200 notes by a forty-sixth helper who never read parsing/, weighing records whose
    # topic and outcome both matter (60), the rep's follow-ups worded many ways beside twenty
    # traps (70), key leaders' trips (40, ten traps) and people with roles (30), written on
    # 2026-12-05; its first score is the parser as that session began (778880e), then tuned on
    NOTES_DIR / "notes_styles21.jsonl",
    # blind27: 150 notes by a forty-seventh helper who never read parsing/, two in five plain
    # records (half with a follow-up), follow-ups said many ways, trips and traps, the other
    # styles of #18 three each, in trades and regions the sets had not used, written on
    # 2026-12-05 (round twenty-six, a new session); its first score is the parser as that
    # session began (7ed4e0a). Held out: read only as totals
    NOTES_DIR / "notes_blind27.jsonl",
    # styles22: 200 notes by a forty-eighth helper who never read parsing/, weighing records and
    # follow-ups worded every way (30 each), dictation, roles, traps and trips (20 each), the
    # other styles five to ten each, in trades and regions the sets had not used, written on
    # 2026-12-05; its first score is the parser as that session began (7ed4e0a), then tuned on
    NOTES_DIR / "notes_styles22.jsonl",
    # blind28: 150 notes by a forty-ninth helper who never read parsing/, in every style of #18,
    # written on 2026-12-05 (a new session); its first score is the parser as that session began
    # (ac72bf4). Held out: read only as totals
    NOTES_DIR / "notes_blind28.jsonl",
    # styles23: 200 notes in every style of #18 by a fiftieth helper who never read parsing/,
    # written on 2026-12-05; scored on the parser as that session began (ac72bf4), then tuned on
    NOTES_DIR / "notes_styles23.jsonl",
    # blind29: 150 notes by a fifty-first helper who never read parsing/, in every style of #18
    # (records and follow-ups said every way first), written on 2026-12-05 (a new session); its
    # first score is the parser as that session began (7aa3cda). Held out: read only as totals
    NOTES_DIR / "notes_blind29.jsonl",
    # styles24: 200 notes in every style of #18 by a fifty-second helper who never read parsing/
    # (records, follow-ups and dictation first, roles said many ways), written on 2026-12-05;
    # scored on the parser as that session began (7aa3cda), then tuned on
    NOTES_DIR / "notes_styles24.jsonl",
    # blind30: 150 notes by a fifty-third helper who never read parsing/, in every style of #18,
    # written on 2026-12-05 (a new session); its first score is the parser as that session began
    # (9e3a7bf). Held out: read only as totals. Its brief named the kinds message/meeting/other,
    # which the project calls wechat and call or visit (a video meeting is a call): renamed so
    # before the first score
    NOTES_DIR / "notes_blind30.jsonl",
    # styles25: 200 notes in every style of #18 by a fifty-fourth helper who never read parsing/
    # (records and follow-ups said every way, leaders' trips, roles, dictation), written on
    # 2026-12-05; kinds renamed as blind30's; scored on the parser as that session began
    # (9e3a7bf), then tuned on
    NOTES_DIR / "notes_styles25.jsonl",
    # blind31: 150 notes by a fifty-fifth helper who never read parsing/, in every style of #18,
    # written on 2026-12-05 (a new session); its first score is the parser as that session began
    # (9fe4eb8). Held out: read only as totals. Its brief wrote an extension 02162345678-215,
    # which every set before writes 02162345678;ext=215: rewritten so before the first score
    NOTES_DIR / "notes_blind31.jsonl",
    # styles26: 200 notes in every style of #18 by a fifty-sixth helper who never read parsing/
    # (dictation, records, follow-ups and their traps, leaders' trips said many ways), written on
    # 2026-12-05; extensions rewritten as blind31's; scored on the parser as that session began
    # (9fe4eb8), then tuned on
    NOTES_DIR / "notes_styles26.jsonl",
    # blind32: 150 notes by a fifty-seventh helper who never read parsing/, in every style of #18,
    # written on 2026-12-05 (a new session); its first score is the parser as that session began
    # (b5b942e). Held out: read only as totals
    NOTES_DIR / "notes_blind32.jsonl",
    # styles27: 200 notes in every style of #18 by a fifty-eighth helper who never read parsing/
    # (plans beside things done, the customer's promises beside the rep's, corrections, several
    # people, holidays and lunar days, phones in every format), written on 2026-12-05; scored on
    # the parser as that session began (b5b942e), then tuned on
    NOTES_DIR / "notes_styles27.jsonl",
    # blind33: 150 notes in the styles of #18 by a fifty-ninth helper who never read parsing/,
    # written on 2026-12-06; held out like blind
    NOTES_DIR / "notes_blind33.jsonl",
    # styles28: 200 notes in every style of #18 by a sixtieth helper who never read parsing/
    # (plans beside things done, promises beside the rep's tasks, the rep's own boss and
    # colleagues, rivals, holidays and lunar days, phones in every format), written on
    # 2026-12-06; scored on the parser as that session began (6a6aa50), then tuned on
    NOTES_DIR / "notes_styles28.jsonl",
    # blind34: 150 notes in the styles of #18 by a sixty-first helper who never read parsing/,
    # written on 2026-12-06 (a new session; its brief named the four roles and said titles come
    # without the department and salutations always filled); held out like blind. Its brief
    # wrote a due hour without seconds or offset (2027-03-12T15:00): rewritten as every set
    # writes it (…T15:00:00+08:00) before the first score, here and in styles29
    NOTES_DIR / "notes_blind34.jsonl",
    # styles29: 200 notes in every style of #18 by a sixty-second helper who never read parsing/
    # (days said on or just before the day, the first working day after a break, a day called
    # off and replaced, deposits to chase, English status lines, bosses with the firm in
    # brackets, telegraphic dates, leaders abroad), written on 2026-12-06; scored on the parser
    # as that session began (38554ca), then tuned on
    NOTES_DIR / "notes_styles29.jsonl",
    # blind35: 150 notes in the styles of #18 by a sixty-third helper who never read parsing/,
    # written on 2026-12-06 (a new session), mostly plain everyday notes; held out like blind
    NOTES_DIR / "notes_blind35.jsonl",
    # styles30: 200 notes in every style of #18 by a sixty-fourth helper who never read parsing/
    # (weekdays said on a weekend, Cantonese days, English spans and deadlines, Malaysian and
    # Singapore titles, one person named two ways, customers coming to us, money to chase,
    # leaders away), written on 2026-12-06; scored on the parser as that session began
    # (40236cf), then tuned on
    NOTES_DIR / "notes_styles30.jsonl",
    # blind36: 150 notes in the styles of #18 by a sixty-fifth helper who never read parsing/,
    # written on 2026-12-06 (a new session), mostly plain everyday notes; held out like blind
    NOTES_DIR / "notes_blind36.jsonl",
    # styles31: 200 notes in every style of #18 by a sixty-sixth helper who never read parsing/
    # (a rep correcting a day mid-note, weekly-report lines, the rep's own trip said in passing,
    # short firm names after verbs, firms with a city in front, notes sent after midnight,
    # holidays, their deadlines against the rep's, phones said in words, Hong Kong, Taiwan and
    # Malaysian wording), written on 2026-12-06; scored on the parser as that session began
    # (30d22cb), then tuned on
    NOTES_DIR / "notes_styles31.jsonl",
    # blind37: 150 notes in the styles of #18 by a sixty-seventh helper who never read parsing/,
    # written on 2026-12-06 (a new session), mostly plain everyday notes; held out like blind
    NOTES_DIR / "notes_blind37.jsonl",
    # styles32: 200 notes in every style of #18 by a sixty-eighth helper who never read parsing/
    # (a person or a phone's tail corrected mid-note, what the customer asks of us by a day,
    # 月底前/春节前/国庆前 in telegraphic notes, calls taken and telegraphic call lines, English
    # given names and foreign brands, a week's recap written at the weekend, surnames that are
    # also words), written on 2026-12-06; scored on the parser as that session began (f676b33),
    # then tuned on
    NOTES_DIR / "notes_styles32.jsonl",
    # blind38: 150 notes in the styles of #18 by a sixty-ninth helper who never read parsing/,
    # written on 2026-12-06 (a new session), mostly plain everyday notes; held out like blind
    NOTES_DIR / "notes_blind38.jsonl",
    # styles33: 200 notes in every style of #18 by a seventieth helper who never read parsing/
    # (a key leader's schedule pasted, a plan corrected with its reason between, English dates
    # and periods, buyers in a purchasing department, English given names and Latin firm names,
    # headlines written as who + verb + topic), written on 2026-12-06; scored on the parser as
    # that session began (091a572), then tuned on
    NOTES_DIR / "notes_styles33.jsonl",
    # blind39: 150 notes by a seventy-first helper who never read parsing/ (90 plain everyday
    # notes, 6 in each style of #18 and in schedules and records), written on 2026-12-06 in a
    # second session that day; held out, scored on the parser as that session began (704bc94)
    NOTES_DIR / "notes_blind39.jsonl",
    # styles34: 200 notes by a seventy-second helper who never read parsing/ (20 in each of ten
    # styles: voice, cards in two languages, chats agreeing the hour a line later, telegraphic,
    # TW/HK/MY/SG, English, roles, 春节 and month ends, leaders' schedules, plans changed),
    # written on 2026-12-06; scored on the parser as that session began (704bc94), then tuned on
    NOTES_DIR / "notes_styles34.jsonl",
    # blind40: 150 notes by a seventy-third helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18, schedules and plans changed among them), written
    # on 2026-12-06 in a third session that day; held out, scored on the parser as that session
    # began (83bf8a9)
    NOTES_DIR / "notes_blind40.jsonl",
    # styles35: 200 notes by a seventy-fourth helper who never read parsing/ (20 in each of ten
    # styles: voice with self-corrections, cards, chats agreeing the day later, telegraphic,
    # TW/HK/MY/SG, English, roles, dates around 春节 and month ends, schedules mixing a leader's
    # days with the rep's, deadlines and plans changed), written on 2026-12-06; scored on the
    # parser as that session began (83bf8a9), then tuned on
    NOTES_DIR / "notes_styles35.jsonl",
    # blind41: 150 notes by a seventy-fifth helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18, working days and leap-month birthdays among them),
    # written on 2026-12-07; held out, scored on the parser as that session began (be1b899)
    NOTES_DIR / "notes_blind41.jsonl",
    # styles36: 200 notes by a seventy-sixth helper who never read parsing/ (20 in each of ten
    # styles: voice with spoken phone numbers, cards with extensions, chats moving the hour by an
    # amount, telegraphic, TW/HK/MY/SG, English, roles, dates around 春节, leaders' days from a
    # secretary, deadlines moved), written on 2026-12-07; scored on the parser as that session
    # began (be1b899), then tuned on
    NOTES_DIR / "notes_styles36.jsonl",
    # blind42: 150 notes by a seventy-seventh helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18), written on 2026-12-07; held out, scored on the
    # parser as that session began (b3dd308)
    NOTES_DIR / "notes_blind42.jsonl",
    # styles37: 200 notes by a seventy-eighth and a seventy-ninth helper who never read parsing/
    # (20 in each of ten styles: voice with spelled surnames, cards with fax and extensions,
    # chats with several people, telegraphic, English, TW/HK/MY/SG, roles by role word, dates
    # around 春节 and 元旦, leaders' days, deadlines moved), written on 2026-12-07; scored on the
    # parser as that session began (b3dd308), then tuned on
    NOTES_DIR / "notes_styles37.jsonl",
    # blind43: 150 notes by an eightieth helper who never read parsing/ (90 plain everyday notes,
    # 6 in each of ten styles of #18), written on 2026-12-07; held out, scored on the parser as
    # that session began (e2dca7c)
    NOTES_DIR / "notes_blind43.jsonl",
    # styles38: 200 notes by an eighty-first and an eighty-second helper who never read parsing/
    # (20 in each of ten styles: voice while driving, cards and signatures, WeChat/WeCom/DingTalk
    # chats, telegraphic, TW/HK/MY/SG, English, roles, holidays and calendar edges, leaders' days,
    # plans moved and moved back), written on 2026-12-07; scored on the parser as that session
    # began (e2dca7c), then tuned on
    NOTES_DIR / "notes_styles38.jsonl",
    # blind44: 150 notes by an eighty-third helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18), written on 2026-12-07; held out, scored on the
    # parser as that session began (c4344e1)
    NOTES_DIR / "notes_blind44.jsonl",
    # styles39: 200 notes by an eighty-fourth and an eighty-fifth helper who never read parsing/
    # (20 in each of ten styles: voice with spelled surnames and spoken numbers, cards and
    # signatures, chats with several speakers, telegraphic, English, TW/HK/MY/SG, roles, holidays
    # and 调休, leaders' days with several legs, plans moved and this week's days recapped),
    # written on 2026-12-07; scored on the parser as that session began (c4344e1), then tuned on
    NOTES_DIR / "notes_styles39.jsonl",
    # blind45: 150 notes by an eighty-sixth helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18), written on 2026-12-07; held out, scored on the
    # parser as that session began (0c1fd88)
    NOTES_DIR / "notes_blind45.jsonl",
    # styles40: 200 notes by an eighty-seventh and an eighty-eighth helper who never read
    # parsing/ (20 in each of ten styles: voice with corrections and spoken digits, cards and
    # signatures, chats with two to four speakers, telegraphic, English, TW/HK/MY/SG, roles,
    # holidays and 调休, leaders' days told by a secretary or driver, plans moved and recaps),
    # written on 2026-12-07; scored on the parser as that session began (0c1fd88), then tuned on
    NOTES_DIR / "notes_styles40.jsonl",
    # blind46: 150 notes by an eighty-ninth helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18), written on 2026-12-07; held out, scored on the
    # parser as that session began (f74631b)
    NOTES_DIR / "notes_blind46.jsonl",
    # styles41: 200 notes by a ninetieth and a ninety-first helper who never read parsing/ (20 in
    # each of ten styles: voice with corrections and spoken digits, cards and signatures, chats
    # with two to four speakers, telegraphic, English, TW/HK/MY/SG, roles, holidays and 调休,
    # leaders' days told by a secretary or driver, plans moved and recaps), written on
    # 2026-12-07; scored on the parser as that session began (f74631b), then tuned on
    NOTES_DIR / "notes_styles41.jsonl",
    # blind47: 150 notes by a ninety-second helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18), written on 2026-12-07; held out, scored on the
    # parser as that session began (d0a68da)
    NOTES_DIR / "notes_blind47.jsonl",
    # styles42: 200 notes by a ninety-third and a ninety-fourth helper who never read parsing/
    # (20 in each of ten styles: voice with corrections and spelled surnames, cards and
    # signatures, chats with two to four speakers, telegraphic, English, TW/HK/MY/SG, roles,
    # holidays and 调休, leaders' days told by a secretary or driver, plans moved and cancelled),
    # written on 2026-12-07; scored on the parser as that session began (d0a68da), then tuned on
    NOTES_DIR / "notes_styles42.jsonl",
    # blind48: 150 notes by a ninety-fifth helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18), written on 2026-12-07; held out, scored on the
    # parser as that session began (0e0f9ee)
    NOTES_DIR / "notes_blind48.jsonl",
    # styles43: 200 notes by a ninety-sixth and a ninety-seventh helper who never read parsing/
    # (20 in each of ten styles: voice with spelled surnames and spoken digits, cards and
    # signatures, chats with two to four speakers, telegraphic, English, TW/HK/MY/SG, roles,
    # holidays and 调休, leaders' days told by a secretary or driver, plans moved), written on
    # 2026-12-07; scored on the parser as that session began (0e0f9ee), then tuned on
    NOTES_DIR / "notes_styles43.jsonl",
    # blind49: 150 notes by a ninety-eighth helper who never read parsing/ (90 plain everyday
    # notes, 6 in each of ten styles of #18), written on 2026-12-08; held out, scored on the
    # parser as that session began (d234843)
    NOTES_DIR / "notes_blind49.jsonl",
    # styles44: 200 notes by a ninety-ninth and a hundredth helper who never read parsing/ (20
    # in each of ten styles: voice with spelled surnames and self-corrections, cards and
    # signatures, chats with two to four speakers, telegraphic, English, TW/HK/MY/SG, roles,
    # holidays and 调休, leaders' days told by a secretary or driver, plans moved twice),
    # written on 2026-12-08; scored on the parser as that session began (d234843), then tuned on
    NOTES_DIR / "notes_styles44.jsonl",
]
# Each split's score before the parser was first changed for it (see first_scores).
FIRST_SCORES = NOTES_DIR / "notes_first_scores.json"

FUZZY_FIELDS = frozenset(
    {
        "deal_title",
        "deal_lost_reason",
        "summary",
        "outcome",
        "follow_up_action",
        "hobby",
        "native_place",
        "education",
        "itinerary_purpose",
        "purchase_cycle",
        "payment_cycle",
    }
)

Pair = tuple[Any, ...]
Counts = dict[str, list[int]]  # field → [true positives, false positives, false negatives]


def load(path: Path = DEV_SET) -> list[dict[str, Any]]:
    """The rows of a JSONL development set."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def note_to_dict(note: Note) -> dict[str, Any]:
    """A :class:`Note` in the development set's JSON shape."""
    data = asdict(note)
    data.pop("text")
    if note.interaction is not None:
        data["interaction"]["when"] = _iso(note.interaction.when)
    for f, src in zip(data["follow_ups"], note.follow_ups, strict=True):
        f["due"] = _iso(src.due)
    if note.deal is not None and note.deal.close_date is not None:
        data["deal"]["close_date"] = note.deal.close_date.isoformat()
    if note.deal is not None and note.deal.currency is None:
        data["deal"]["currency"] = "CNY"  # the sets were written for a team on 人民币
    for it, src_it in zip(data["itineraries"], note.itineraries, strict=True):
        it["start"], it["end"] = _iso(src_it.start), _iso(src_it.end)
    return data


def _bday(b: Mapping[str, Any] | None) -> str | None:
    if not b:
        return None
    kind = "L" if b.get("lunar") else "S"
    leap = "R" if b.get("leap") else ""
    year = f"{b['year']}-" if b.get("year") else ""
    return f"{kind}{leap}{year}{b['month']}-{b['day']}"


def _day(value: str | None) -> str | None:
    return None if value is None else value[:10]


def note_pairs(facts: Mapping[str, Any]) -> list[Pair]:
    """The (field, …, value) pairs of a note in JSON shape (expected or predicted)."""
    pairs: list[Pair] = []
    if facts.get("company"):
        pairs.append(("company", facts["company"]))
    if facts.get("grade"):
        pairs.append(("grade", facts["grade"]))
    for field in ("purchase_cycle", "payment_cycle"):
        if facts.get(field):
            pairs.append((field, facts[field]))
    pairs.extend(("competitor", c) for c in facts.get("competitors") or [])
    for c in facts.get("contacts", []):
        key = c.get("surname") or c.get("name") or "?"
        pairs.append(("contact", key))
        for field in ("name", "title", "salutation", "wechat", "email", "native_place",
                      "education", "decision_role", "personality"):  # fmt: skip
            value = c.get(field)
            # (blind23 on write a WeChat id, an email or a home town as a list: one pair each)
            pairs.extend(
                (field, key, v) for v in (value if isinstance(value, list) else [value]) if v
            )
        pairs.extend(("phone", key, p) for p in c.get("phones", []))
        pairs.extend(("hobby", key, h) for h in c.get("hobbies", []))
        if c.get("birthday"):
            pairs.append(("birthday", key, _bday(c["birthday"])))
        if c.get("is_key_leader"):
            pairs.append(("key_leader", key, True))
        for fam in c.get("family", []):
            rel = fam["relation"]
            pairs.append(("family", key, rel))
            if fam.get("name"):
                pairs.append(("family_name", key, rel, fam["name"]))
            if fam.get("birthday"):
                pairs.append(("family_birthday", key, rel, _bday(fam["birthday"])))
    inter = facts.get("interaction")
    if inter:
        pairs.append(("interaction", inter["kind"]))
        pairs.append(("interaction_when", _day(inter["when"])))
        if inter.get("summary"):
            pairs.append(("summary", inter["summary"]))
        if inter.get("outcome"):
            pairs.append(("outcome", inter["outcome"]))
    for f in facts.get("follow_ups", []):
        pairs.append(("follow_up", f["due"]))
        pairs.append(("follow_up_action", f["due"], f["action"]))
    deal = facts.get("deal")
    if deal:
        pairs.append(("deal", True))
        for field in ("amount", "currency", "stage", "close_date", "lost_reason", "title"):
            if deal.get(field) is not None and not (field == "currency" and not deal.get("amount")):
                pairs.append((f"deal_{field}", deal[field]))
        pairs.extend(
            ("installment", i["label"], i["percent"]) for i in deal.get("installments", [])
        )
    for it in facts.get("itineraries", []):
        # (a one-day trip is written with no end or with the end its start: one fact)
        pairs.append(("itinerary", it["place"], it["start"], it["end"] or it["start"]))
        if it.get("who"):
            pairs.append(("itinerary_who", it["start"], it["who"]))
        if it.get("purpose"):
            pairs.append(("itinerary_purpose", it["start"], it["purpose"]))
    return pairs


_CANON_DROP = re.compile(r"[\s,.;:!?。，、~\-]+")
_CANON_LEAD = re.compile(r"^(?:再|要|还要|需要|得)+")


def _canon(text: str) -> str:
    return _CANON_LEAD.sub("", _CANON_DROP.sub("", text))


_DIAL = re.compile(r"[\s-]")


def _same(field: str, a: Any, b: Any) -> bool:
    if a == b:
        return True
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    # The script is no fact: 台積電 as typed is the expected 台积电 (sets differ on this).
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if field == "phone" and _DIAL.sub("", a) == _DIAL.sub("", b):
        return True  # 021-62345678 as written or 02162345678: one number (blind22 writes the dash)
    if field == "title" and {a, b} == {"工", "工程师"}:
        return True  # 李工's title said short or whole: the sets written since blind14 say 工
    if field not in FUZZY_FIELDS:
        return False
    x, y = _canon(a), _canon(b)
    if not x or not y:
        return False
    short, long_ = sorted((x, y), key=len)
    return short in long_ and len(short) >= 0.4 * len(long_)


def _same_keys(a: Sequence[Any], b: Sequence[Any]) -> bool:
    """A pair's keys (whose phone, whose title …) in either script: 黃 as typed is 黄."""
    return len(a) == len(b) and all(
        x == y or (isinstance(x, str) and isinstance(y, str) and fold(x) == fold(y))
        for x, y in zip(a, b, strict=True)
    )


def score_pairs(expected: Sequence[Pair], predicted: Sequence[Pair], counts: Counts) -> None:
    """Match pairs one to one and add true/false positives and false negatives to ``counts``."""
    left = list(predicted)
    for exp in expected:
        field = exp[0]
        hit = next(
            (
                i
                for i, got in enumerate(left)
                if got[0] == field
                and len(got) == len(exp)
                and _same_keys(got[1:-1], exp[1:-1])
                and _same(field, got[-1], exp[-1])
            ),
            None,
        )
        row = counts.setdefault(field, [0, 0, 0])
        if hit is None:
            row[2] += 1
        else:
            row[0] += 1
            left.pop(hit)
    for got in left:
        counts.setdefault(got[0], [0, 0, 0])[1] += 1


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 when there is nothing to find and nothing was found)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


_DEAL_FIELDS = ("deal", "installment")


def _scored(expect: Mapping[str, Any], field: str) -> bool:
    """Whether a set speaks of ``field``: sets written before deals say nothing of them, and
    the deal set speaks only of the company and the deal."""
    if field.startswith(_DEAL_FIELDS):
        return "deal" in expect
    return "contacts" in expect or field == "company"


def evaluate(
    rows: Iterable[Mapping[str, Any]], days: Counts | None = None
) -> tuple[Counts, list[float]]:
    """Per-field counts over ``rows`` and the parse time of each note in milliseconds; with
    ``days``, also the follow-ups' due dates scored by the day alone (see due_day_precision)."""
    counts: Counts = {}
    times: list[float] = []
    for row in rows:
        now = datetime.fromisoformat(row["now"])
        t0 = time.perf_counter()
        note = parse_note(row["text"], now)
        times.append((time.perf_counter() - t0) * 1000)
        predicted = [p for p in note_pairs(note_to_dict(note)) if _scored(row["expect"], p[0])]
        score_pairs(note_pairs(row["expect"]), predicted, counts)
        if days is not None and "follow_ups" in row["expect"]:  # a set that speaks of them
            expected = [("follow_up", f["due"][:10]) for f in row["expect"]["follow_ups"]]
            said = [("follow_up", f.due.isoformat()[:10]) for f in note.follow_ups]
            score_pairs(expected, said, days)
    return counts, times


def due_day_precision(days: Counts) -> float:
    """Follow-up due precision by the day alone: 上午去 due at 09:00 against a reference of the
    bare date is the right day (the project reads 上午 as 09:00, DESIGN.md), a wrong day is not."""
    return prf(*days.get("follow_up", [0, 0, 0]))[0]


def micro(counts: Counts) -> tuple[float, float, float]:
    """Micro-averaged precision, recall and F1 over all fields."""
    tp = sum(v[0] for v in counts.values())
    fp = sum(v[1] for v in counts.values())
    fn = sum(v[2] for v in counts.values())
    return prf(tp, fp, fn)


_BASELINE = re.compile(
    r"1[3-9]\d{9}|[\u4e00-\u9fff]{2,}(?:公司|集团|医院|银行)|[0-9]+月[0-9]+[日号]"
)


def _baseline_ms(texts: Sequence[str]) -> list[float]:
    out: list[float] = []
    for text in texts:
        t0 = time.perf_counter()
        _BASELINE.findall(text)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _table(title: str, counts: Counts) -> list[str]:
    p, r, f = micro(counts)
    lines = [f"{title}: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"]
    lines.append(f"  {'field':<18} {'tp':>4} {'fp':>4} {'fn':>4}  {'P':>5} {'R':>5} {'F1':>5}")
    for field in sorted(counts):
        tp, fp, fn = counts[field]
        fp_, fr, ff = prf(tp, fp, fn)
        lines.append(f"  {field:<18} {tp:>4} {fp:>4} {fn:>4}  {fp_:.2f}  {fr:.2f}  {ff:.2f}")
    return lines


def first_scores() -> dict[str, dict[str, Any]]:
    """Each split's first score, measured before the parser was changed for it."""
    if not FIRST_SCORES.exists():
        return {}
    data: dict[str, dict[str, Any]] = json.loads(FIRST_SCORES.read_text(encoding="utf-8"))
    return data


def _first(
    split: str, counts: Counts, firsts: Mapping[str, Mapping[str, Any]], day_p: float
) -> str:
    p, r, f = micro(counts)
    due_p = prf(*counts.get("follow_up", [0, 0, 0]))[0]
    now = (
        f"F1 {f:.3f} (P {p:.3f}, R {r:.3f}; follow-up due precision {due_p:.2f}, "
        f"by the day {day_p:.2f})"
    )
    first = firsts.get(split)
    if first is None:
        return f"{split}: {now}"
    return (
        f"{split}: {now} — first score {first['f1']:.3f} (P {first['precision']:.3f}, "
        f"R {first['recall']:.3f}; follow-up due precision {first['due_precision']:.2f}, "
        f"{first['when']})"
    )


def _record_first(split: str) -> None:
    rows = [row for path in DEV_SETS for row in load(path) if row.get("split") == split]
    counts, _ = evaluate(rows)
    p, r, f = micro(counts)
    firsts = first_scores()
    firsts[split] = {
        "f1": round(f, 4),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "due_precision": round(prf(*counts.get("follow_up", [0, 0, 0]))[0], 4),
        "when": date.today().isoformat(),
        "fields": {field: counts[field] for field in sorted(counts)},
    }
    FIRST_SCORES.write_text(json.dumps(firsts, ensure_ascii=False, indent=1) + "\n", "utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--record-first"]:
        _record_first(args[1])
        return
    paths = [Path(a) for a in args] if args else DEV_SETS
    rows = [row for path in paths for row in load(path)]
    by_split: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_split[row.get("split", "dev")].append(row)
    parse_note("预热 warm-up 明天", datetime.fromisoformat(rows[0]["now"]))
    print(f"notes: {len(rows)} ({', '.join(f'{k} {len(v)}' for k, v in by_split.items())})")
    all_times: list[float] = []
    f1s: list[str] = []
    summary: list[str] = []
    firsts = first_scores()
    for split, part in by_split.items():
        days: Counts = {}
        counts, times = evaluate(part, days)
        all_times += times
        f1s.append(f"{split} {micro(counts)[2]:.3f}")
        summary.append(_first(split, counts, firsts, due_day_precision(days)))
        print()
        print("\n".join(_table(f"{split} ({len(part)} notes)", counts)))
    print()
    print("\n".join(summary))
    # Measured again in one tight loop, next to a trivial regex scan of the same texts.
    texts = [r["text"] for r in rows]
    nows = [datetime.fromisoformat(r["now"]) for r in rows]
    parse_ms: list[float] = []
    base_ms: list[float] = []
    for _ in range(5):
        for text, now in zip(texts, nows, strict=True):
            t0 = time.perf_counter()
            parse_note(text, now)
            parse_ms.append((time.perf_counter() - t0) * 1000)
        base_ms += _baseline_ms(texts)
    med, p95 = statistics.median(parse_ms), _p95(parse_ms)
    bmed, bp95 = statistics.median(base_ms), _p95(base_ms)
    print()
    print(f"parse_note  median {med:.3f} ms  p95 {p95:.3f} ms  (5 passes × {len(texts)} notes)")
    print(f"regex scan  median {bmed:.4f} ms  p95 {bp95:.4f} ms  (baseline)")
    print(f"ratio       median {med / bmed:.0f}×  p95 {p95 / bp95:.0f}×")
    record(Figure("notes", f"note parsing ({len(rows)} notes; field F1 {', '.join(f1s)})",
                  f"median {med:.2f} ms", f"regex scan median {bmed:.4f} ms",
                  f"{med / bmed:.0f}×", "F1 ≥ 0.95 on styles; ≤ 3 ms"))  # fmt: skip


if __name__ == "__main__":
    main()
