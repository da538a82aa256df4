"""One rule for "is this the same customer?": quick capture, /customer and /newcustomer,
ownership conflicts and imports all ask `judge` (or, for a whole file, `TeamNames.verdict`).

A typed company name is compared with every live customer of the team:

- **exact** — the same name once width, case, spaces, punctuation and script (國網 = 国网) are
  folded, or a short
  name the team confirmed before (华电院 → 华东电力设计院, the `customer_alias` table);
- **same** — the same company written another way: legal suffixes (有限公司, 股份有限公司,
  有限责任公司, 集团), 设计研究院 for 设计院, a province in front (江苏省…, 广东…), Traditional
  script. Two names that differ only so are one customer;
- **maybe** — an abbreviation (华电院: its characters in order, first and last the same), the
  same sound (华东电力设记院), or a near spelling (rapidfuzz). A short name found inside a
  longer one is a near spelling only at its start or end (华东 → 华东电力设计院, 万科 → 深圳万科),
  never in its middle, where it straddles two words of another company (华电 in 中华电力).

Of the actor's own customers, exact is the customer; same and maybe are asked about. Of a
colleague's, exact and same are the first-recorded rule (the colleague keeps it); maybe is
asked too, and the rep can say it is another company. A rep is never shown what a colleague's
customer holds: the answers name the owner, never the file.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process
from sqlalchemy import Engine, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.text import normalize
from storage.actor import Actor
from storage.models import Customer, CustomerAlias, Member, Team
from storage.search import fold, pinyin_forms

# A near spelling of one's own customer scores this (WRatio) to be asked about.
LIKELY_MATCH = 82
# A colleague's customer must be closer (plain ratio, no partial match): a fragment typed
# (华东) must not fish out the names of a colleague's customers.
COLLEAGUE_MATCH = 85
ASKED = 3  # at most this many of one's own customers offered as "是「X」"
# A name this short (its core) is one word: found inside a longer name, it must be at its start
# or end to be asked about (华电 is not 中华电力).
FRAGMENT = 3

# Legal forms at the end of a name, longest first; stripped again and again
# (上海建工集团股份有限公司 → 上海建工).
_LEGAL_SUFFIXES = (
    "集团股份有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "股份公司",
    "集团公司",
    "总公司",
    "集团",
    "公司",
    "colimited",
    "coltd",
    "limited",
    "ltd",
    "inc",
    "corp",
    "group",
)
# The same institute written long or short: 华东电力设计研究院 = 华东电力设计院.
_VARIANTS = (("设计研究院", "设计院"), ("研究设计院", "设计院"))
_PROVINCES = (
    "黑龙江|内蒙古|北京|天津|上海|重庆|河北|山西|辽宁|吉林|江苏|浙江|安徽|福建|江西|山东|河南|"
    "湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|广西|西藏|宁夏|新疆|香港|澳门"
)
_PLACE = re.compile(
    r"^(?:中国)?(?P<place>"
    + _PROVINCES
    + r")(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)?"
)
# A city said with 市 before the name: 深圳市迈瑞达电子有限公司 is 迈瑞达电子 of 深圳, and a rep
# says 迈瑞达. Two or three characters and 市 (超市 and the like are kept by _MIN_REST).
_CITY = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,3})市")
# What must remain after a province is taken off: 江苏移动 and 广东移动 stay two companies.
_MIN_REST = 4
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class NameKey:
    """A company name reduced to what identifies it: 江苏省华东电力设计研究院有限公司 →
    place 江苏, core 华东电力设计院."""

    place: str
    core: str

    def same_company(self, other: NameKey) -> bool:
        """One company: the same core, and no two different provinces in front of it."""
        return self.core == other.core and (
            not self.place or not other.place or self.place == other.place
        )


@lru_cache(maxsize=65536)
def alias_key(name: str) -> str:
    """The key a short name is remembered under: folded, Traditional as Simplified."""
    return normalize(fold(name))


@lru_cache(maxsize=65536)  # every capture compares with the whole team: keys are kept
def name_key(name: str) -> NameKey:
    text = alias_key(name)
    while text.endswith(_LEGAL_SUFFIXES):  # one call for all of them: most names have none
        suffix = next(s for s in _LEGAL_SUFFIXES if text.endswith(s))
        if len(text) <= len(suffix) + 1:
            break
        text = text[: -len(suffix)]
    for long, short in _VARIANTS:
        text = text.replace(long, short)
    place = ""
    found = _PLACE.match(text) or _CITY.match(text)
    if found and len(text) - found.end() >= _MIN_REST:
        place, text = found["place"], text[found.end() :]
    return NameKey(place, text)


@lru_cache(maxsize=65536)
def sound_of(name: str) -> str:
    """The pinyin of the name's core: 华东电力设记院 sounds like 华东电力设计院有限公司."""
    return pinyin_forms(name_key(name).core)[0]


def abbreviates(short: str, long: str) -> bool:
    """华电院 for 华东电力设计院, 中石化 for 中国石油化工: Chinese shortened by keeping some
    characters in order, the first kept and the last from the last two (the kind of body)."""
    if not (2 <= len(short) <= 5 and len(long) >= len(short) + 2 and _CJK.match(short)):
        return False
    if short[0] != long[0] or short[-1] not in long[-2:]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


def straddles(one: str, other: str) -> bool:
    """The shorter of two cores is a short word found only in the middle of the longer: WRatio
    scores 华电 in 中华电力 (90) as high as a slip, yet 中华|电力 is another company. At the start
    or the end it may well be the same one (华东 → 华东电力设计院, 万科 → 深圳万科)."""
    short, long = sorted((one, other), key=len)
    if not short or len(short) > FRAGMENT or len(long) * 2 < len(short) * 3:
        return False  # a whole name, or two names about as long: WRatio's plain ratio
    found = fuzz.partial_ratio_alignment(short, long)
    return found is not None and found.dest_start > 0 and found.dest_end < len(long)


@dataclass(frozen=True)
class Named:
    """One live customer of the team, as the rule sees it."""

    id: int
    owner_id: int
    name: str
    normalized: str


@dataclass(frozen=True)
class Verdict:
    """Ids: the customer it is, or the ones it may be."""

    exact: int | None = None  # the actor's own (or, for a manager, the team's)
    likely: list[int] = field(default_factory=list)  # the actor's, to ask about
    colleague: int | None = None  # a colleague's, the same company: first-recorded rule
    colleague_maybe: int | None = None  # a colleague's that may be the same: ask


@dataclass
class TeamNames:
    """The team's live customer names and remembered short names, loaded once and then
    compared with any number of typed names (an import asks for each of its companies).
    Kept between turns and shared by them (`team_names`): read it, never change it."""

    rows: list[Named]
    aliases: dict[str, int]
    by_normalized: dict[str, int]
    by_core: dict[str, list[int]]
    by_length: dict[int, list[int]]  # by the core's length: one syllable a character
    by_first: dict[str, list[int]]  # by the first character, written whole or cored
    index: dict[int, Named]
    cores: list[str]  # in the order of `rows`, for rapidfuzz

    @classmethod
    def of(cls, rows: Iterable[Named], aliases: dict[str, int]) -> TeamNames:
        listed = list(rows)
        by_core: dict[str, list[int]] = {}
        by_length: dict[int, list[int]] = {}
        by_first: dict[str, list[int]] = {}
        cores = [name_key(row.name).core for row in listed]
        for row, core in zip(listed, cores, strict=True):
            by_core.setdefault(core, []).append(row.id)
            by_length.setdefault(len(core), []).append(row.id)
            for first in {core[:1], alias_key(row.name)[:1]}:
                by_first.setdefault(first, []).append(row.id)
        return cls(
            rows=listed,
            aliases=aliases,
            # keyed again here, not by the stored column: a name saved before keys were
            # folded across scripts is the same name in either script too
            by_normalized={alias_key(row.name): row.id for row in listed},
            by_core=by_core,
            by_length=by_length,
            by_first=by_first,
            index={row.id: row for row in listed},
            cores=cores,
        )

    @cached_property
    def forms(self) -> list[tuple[int, int, str]]:
        """(customer, owner, a form it may be named by in a note): its whole name, its core and
        its short names — Chinese ones only, as folding drops the spaces a Latin name is
        bounded by."""
        out: list[tuple[int, int, str]] = []
        for row, core in zip(self.rows, self.cores, strict=True):
            for form in {alias_key(row.name), core}:
                out.append((row.id, row.owner_id, form))
        for alias, cid in self.aliases.items():
            if cid in self.index:
                out.append((cid, self.index[cid].owner_id, alias))
        return [(c, o, f) for c, o, f in out if len(f) >= 2 and _HAN.search(f)]

    def verdict(self, name: str, actor: Actor, *, fuzzy: bool = True) -> Verdict:
        """`fuzzy=False` leaves out near spellings, the one comparison with every name: an
        import asks for thousands of names, and a slip that sounds the same is still found."""

        def mine(cid: int) -> bool:
            return actor.is_manager or self.index[cid].owner_id == actor.member_id

        found = self.by_normalized.get(alias_key(name))
        if found is None:
            aliased = self.aliases.get(alias_key(name))
            found = aliased if aliased in self.index else None
        if found is not None and mine(found):
            return Verdict(exact=found)
        key = name_key(name)
        same = [
            cid
            for cid in self.by_core.get(key.core, [])
            if name_key(self.index[cid].name).same_company(key)
        ]
        likely = [cid for cid in same if mine(cid)]
        # A colleague's of this very name (or short name) first, then one written otherwise.
        colleague = found if found is not None else next((c for c in same if not mine(c)), None)
        maybe = self._maybe(name, key, exclude=set(same), fuzzy=fuzzy)
        for cid in maybe:
            if mine(cid) and cid not in likely:
                likely.append(cid)
        colleague_maybe = None
        if colleague is None:
            colleague_maybe = next(
                (cid for cid in maybe if not mine(cid) and self._close(name, key, cid)), None
            )
        return Verdict(likely=likely[:ASKED], colleague=colleague, colleague_maybe=colleague_maybe)

    def named_in(self, text: str, actor: Actor) -> int | None:
        """The one of the actor's customers a note names by its name, its core or a short name
        the team confirmed (万达过两天回话 → 万达集团): the reader finds no company in a bare
        name, yet the rep's own customer list knows it. The longest name found wins where it
        holds the others (深圳万科 over 万科); two customers named apart are left to ask."""
        folded = alias_key(text)
        found: dict[int, str] = {}
        for cid, owner, form in self.forms:
            mine = actor.is_manager or owner == actor.member_id
            if mine and form in folded and len(form) > len(found.get(cid, "")):
                found[cid] = form
        if not found:
            return None
        best, form = max(found.items(), key=lambda item: len(item[1]))
        return best if all(f in form for cid, f in found.items() if cid != best) else None

    def _maybe(self, name: str, key: NameKey, exclude: set[int], *, fuzzy: bool) -> list[int]:
        """Abbreviation, same sound, near spelling: best first."""
        found: list[int] = []
        typed = key.place + key.core
        if len(typed) <= 5 or len(key.core) <= 5:  # only short names are abbreviations
            firsts = {typed[:1], key.core[:1]}
            found += [
                cid
                for first in firsts
                for cid in self.by_first.get(first, [])
                if cid not in exclude
                and (
                    abbreviates(typed, alias_key(self.index[cid].name))
                    or abbreviates(key.core, name_key(self.index[cid].name).core)
                )
            ]
        sound = sound_of(name)
        if sound:  # pinyin is slow to make: only for names as long, once each (cached)
            found += [
                cid
                for cid in self.by_length.get(len(key.core), [])
                if cid not in exclude and sound_of(self.index[cid].name) == sound
            ]
        if not fuzzy:
            return list(dict.fromkeys(found))
        scored = process.extract(
            key.core,
            self.cores,  # a list: rapidfuzz skips a dict's lookups
            scorer=fuzz.WRatio,
            limit=ASKED + 1,
            score_cutoff=LIKELY_MATCH,
        )
        found += [
            self.rows[i].id
            for _, _, i in scored
            if self.rows[i].id not in exclude and not straddles(key.core, self.cores[i])
        ]
        return list(dict.fromkeys(found))

    def _close(self, name: str, key: NameKey, cid: int) -> bool:
        """A colleague's customer is asked about only on a whole-name likeness, never on a
        fragment: an abbreviation of at least three characters, the same sound, or a ratio."""
        other = name_key(self.index[cid].name)
        if len(key.core) >= 3 and abbreviates(key.core, other.core):
            return True
        if len(key.core) < _MIN_REST:
            return False
        sound = sound_of(name)
        same_sound = bool(sound) and sound == sound_of(self.index[cid].name)
        return same_sound or fuzz.ratio(key.core, other.core) >= COLLEAGUE_MATCH


# A team's names, kept between turns and read again only when they changed. Triggers set
# team.names_mark to a new random number in any transaction that adds, renames, deletes,
# reassigns or moves a customer, or changes a short name (migration 0028), whichever session or
# process writes, so one read by primary key tells whether what is kept is still the database's.
# The mark is read before the names: what is kept is never older than its mark. Random, not a
# counter: a counter's value rolled back with its transaction would come back with other names.
# Kept per engine (a database), the teams used last first, up to about KEPT_NAMES names in all.
KEPT_NAMES = 50_000
_kept: WeakKeyDictionary[Engine, OrderedDict[int, tuple[int, TeamNames]]] = WeakKeyDictionary()
_MARK = select(Team.names_mark).where(Team.id == bindparam("team"))
_NAMES = select(Customer.id, Customer.owner_id, Customer.name, Customer.normalized_name).where(
    Customer.team_id == bindparam("team"), Customer.deleted_at.is_(None)
)
_ALIASES = select(CustomerAlias.alias_key, CustomerAlias.customer_id).where(
    CustomerAlias.team_id == bindparam("team")
)


async def team_names(session: AsyncSession, team_id: int) -> TeamNames:
    """The team's live customer names and short names, as this session sees them."""
    mark = await session.scalar(_MARK, {"team": team_id})  # flushes this session's changes first
    kept = _kept.setdefault(session.sync_session.get_bind().engine, OrderedDict())
    found = kept.get(team_id)
    if found is not None and found[0] == mark:
        kept.move_to_end(team_id)
        return found[1]
    # Plain columns, not ORM objects: this reads every customer of the team.
    rows = await session.execute(_NAMES, {"team": team_id})
    aliases = await session.execute(_ALIASES, {"team": team_id})
    names = TeamNames.of(
        (Named(cid, owner, name, normalized) for cid, owner, name, normalized in rows),
        {key: cid for key, cid in aliases},
    )
    if mark is not None:
        kept[team_id] = (mark, names)
        kept.move_to_end(team_id)
        while len(kept) > 1 and sum(len(n.rows) for _, n in kept.values()) > KEPT_NAMES:
            kept.popitem(last=False)
    return names


@dataclass(frozen=True)
class Judgement:
    """How a typed company name relates to the team's customers, as objects."""

    exact: Customer | None
    likely: list[Customer]
    # A colleague owns the same company: the first-recorded rule. `theirs` is for the
    # manager's message only; a rep is told the owner, never the file.
    owner: Member | None = None
    theirs: Customer | None = None
    # A colleague owns one that may be the same: ask before creating.
    maybe_owner: Member | None = None
    maybe_theirs: Customer | None = None

    @property
    def anything(self) -> bool:
        return bool(self.exact or self.likely or self.owner or self.maybe_owner)


async def judge(session: AsyncSession, actor: Actor, name: str) -> Judgement:
    """The one rule, for one typed name."""
    verdict = (await team_names(session, actor.team_id)).verdict(name, actor)
    return await judgement_of(session, verdict)


async def customer_named_in(session: AsyncSession, actor: Actor, text: str) -> str | None:
    """The name of the actor's one customer that ``text`` names (TeamNames.named_in)."""
    names = await team_names(session, actor.team_id)
    cid = names.named_in(text, actor)
    return None if cid is None else names.index[cid].name


async def judgement_of(session: AsyncSession, verdict: Verdict) -> Judgement:
    ids = [
        cid
        for cid in (verdict.exact, *verdict.likely, verdict.colleague, verdict.colleague_maybe)
        if cid is not None
    ]
    if not ids:
        return Judgement(None, [])
    found = {c.id: c for c in await session.scalars(select(Customer).where(Customer.id.in_(ids)))}
    owners = {
        m.id: m
        for m in await session.scalars(
            select(Member).where(Member.id.in_({c.owner_id for c in found.values()}))
        )
    }

    def customer(cid: int | None) -> Customer | None:
        return found.get(cid) if cid is not None else None

    def owner(c: Customer | None) -> Member | None:
        return owners.get(c.owner_id) if c is not None else None

    theirs, maybe_theirs = customer(verdict.colleague), customer(verdict.colleague_maybe)
    return Judgement(
        exact=customer(verdict.exact),
        likely=[found[i] for i in verdict.likely if i in found],
        owner=owner(theirs),
        theirs=theirs,
        maybe_owner=owner(maybe_theirs),
        maybe_theirs=maybe_theirs,
    )


async def remember_alias(
    session: AsyncSession, actor: Actor, typed: str, customer: Customer
) -> None:
    """A rep said `typed` is `customer`: the team knows the short name from now on."""
    key = alias_key(typed)
    if not key or key == alias_key(customer.name) or len(typed) > 200:
        return
    existing = await session.scalar(
        select(CustomerAlias).where(
            CustomerAlias.team_id == customer.team_id, CustomerAlias.alias_key == key
        )
    )
    if existing is None:
        session.add(
            CustomerAlias(
                team_id=customer.team_id,
                customer_id=customer.id,
                alias=" ".join(typed.split()),
                alias_key=key,
                created_by_id=actor.member_id,
            )
        )
    else:  # the latest confirmation wins: the name now means this customer
        existing.customer_id = customer.id
        existing.created_by_id = actor.member_id
    await session.flush()


async def aliases_of(session: AsyncSession, customer: Customer) -> Sequence[str]:
    rows = await session.scalars(
        select(CustomerAlias.alias)
        .where(CustomerAlias.customer_id == customer.id)
        .order_by(CustomerAlias.id)
    )
    return rows.all()
