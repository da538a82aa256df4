"""Teams and members: registration, creating and joining teams, roles, removal.

A user who has not created or joined a team works alone in a personal one-person team, so
every customer always belongs to a team and scoping has a single rule.
"""

from __future__ import annotations

import enum
import secrets
import string
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor, NotAllowed
from storage.audit import record
from storage.custody import leave_team
from storage.cycle import MeetingMinutes, VisitPlan
from storage.models import Customer, CustomerAlias, Member, Role, Team

# No 0/O or 1/l/I: codes are read aloud and typed on phones.
_CODE_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
INVITE_CODE_LENGTH = 12
# Guessing codes: this many wrong ones in a row lock /join for JOIN_LOCKOUT after the last.
JOIN_TRIES = 5
JOIN_LOCKOUT = timedelta(minutes=30)


def new_invite_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(INVITE_CODE_LENGTH))


# Every update starts with this lookup; building the statement once spares its construction.
_MEMBER_BY_TELEGRAM_ID = select(Member).where(Member.telegram_user_id == bindparam("user_id"))


async def member_by_telegram_id(session: AsyncSession, telegram_user_id: int) -> Member | None:
    return await session.scalar(_MEMBER_BY_TELEGRAM_ID, {"user_id": telegram_user_id})


async def register_member(
    session: AsyncSession,
    *,
    telegram_user_id: int,
    chat_id: int,
    name: str,
    username: str | None,
    language: str,
    timezone: str,
) -> Member:
    """Create a member working alone in a personal team."""
    team = Team(name=name[:100], personal=True, default_timezone=timezone)
    member = Member(
        telegram_user_id=telegram_user_id,
        chat_id=chat_id,
        name=name[:100],
        username=username,
        team=team,
        role=Role.REP,
        language=language,
        timezone=timezone,
    )
    session.add_all([team, member])
    await session.flush()
    return member


async def create_team(session: AsyncSession, member: Member, name: str) -> Team:
    """Turn the member's personal team into a real one, with the member as its manager."""
    team = await session.get_one(Team, member.team_id)
    if not team.personal:
        raise NotAllowed("already in a team")
    team.name = name
    team.personal = False
    team.invite_code = new_invite_code()
    member.role = Role.MANAGER
    await session.flush()
    record(session, Actor.of(member), "team.create", "team", team.id, name)
    return team


async def reset_invite_code(session: AsyncSession, actor: Actor) -> str:
    if not actor.is_manager:
        raise NotAllowed("managers only")
    team = await session.get_one(Team, actor.team_id)
    if team.personal:
        raise NotAllowed("personal team")
    team.invite_code = new_invite_code()
    record(session, actor, "team.reset_code", "team", team.id)
    return team.invite_code


class JoinOutcome(enum.Enum):
    JOINED = "joined"
    UNKNOWN_CODE = "unknown_code"
    ALREADY_MEMBER = "already_member"
    IN_OTHER_TEAM = "in_other_team"
    LOCKED = "locked"


@dataclass
class JoinResult:
    outcome: JoinOutcome
    team: Team | None = None
    renamed: list[tuple[str, str]] = field(default_factory=list)
    moved: int = 0
    # LOCKED, or UNKNOWN_CODE that was the last try: when /join takes a code again.
    locked_until: datetime | None = None


def join_locked_until(member: Member, now: datetime) -> datetime | None:
    """When the member may try an invite code again, if too many wrong ones lock him out."""
    if member.join_failed_at is None or member.join_failures < JOIN_TRIES:
        return None
    until = member.join_failed_at + JOIN_LOCKOUT
    return until if until > now else None


def _wrong_code(member: Member, now: datetime) -> datetime | None:
    """Count a wrong code (a run ends JOIN_LOCKOUT after its last try); the lockout it starts."""
    last = member.join_failed_at
    if last is None or now - last >= JOIN_LOCKOUT:
        member.join_failures = 0
    member.join_failures = min(member.join_failures + 1, 100)
    member.join_failed_at = now
    return join_locked_until(member, now)


async def join_team(
    session: AsyncSession, member: Member, code: str, now: datetime | None = None
) -> JoinResult:
    """Join by invite code, bringing the customers recorded while working alone.

    Codes resist guessing: after JOIN_TRIES wrong ones no code is even looked up until
    JOIN_LOCKOUT has passed since the last (12 characters of 55 make guessing hopeless then).
    """
    now = now or datetime.now(UTC)
    locked = join_locked_until(member, now)
    if locked is not None:
        return JoinResult(JoinOutcome.LOCKED, locked_until=locked)
    team = await session.scalar(select(Team).where(Team.invite_code == code.strip()))
    if team is None:
        return JoinResult(JoinOutcome.UNKNOWN_CODE, locked_until=_wrong_code(member, now))
    member.join_failures = 0
    member.join_failed_at = None
    if team.id == member.team_id:
        return JoinResult(JoinOutcome.ALREADY_MEMBER, team)
    current = await session.get_one(Team, member.team_id)
    if not current.personal:
        return JoinResult(JoinOutcome.IN_OTHER_TEAM, current)

    taken = set(
        await session.scalars(select(Customer.normalized_name).where(Customer.team_id == team.id))
    )
    result = JoinResult(JoinOutcome.JOINED, team)
    customers = (
        await session.scalars(select(Customer).where(Customer.team_id == current.id))
    ).all()
    for customer in customers:
        if customer.normalized_name in taken:
            # Both exist: keep ours under a visibly different name; the manager decides.
            old = customer.name
            customer.name = f"{old}({member.name})"[:200]
            customer.normalized_name = f"{customer.normalized_name}#{member.id}"
            result.renamed.append((old, customer.name))
        customer.team_id = team.id
        result.moved += 1
    # The short names confirmed alone come along, unless the team uses one for its own.
    used = set(
        await session.scalars(
            select(CustomerAlias.alias_key).where(CustomerAlias.team_id == team.id)
        )
    )
    for alias in (
        await session.scalars(select(CustomerAlias).where(CustomerAlias.team_id == current.id))
    ).all():
        if alias.alias_key in used:
            await session.delete(alias)
        else:
            alias.team_id = team.id
    # His meetings' 纪要 and his plans come along with their customers: they are scoped by
    # team (storage/minutes.py, storage/plans.py), and would otherwise stay behind unreachable.
    for model in (MeetingMinutes, VisitPlan):
        await session.execute(
            update(model)
            .where(model.team_id == current.id, model.member_id == member.id)
            .values(team_id=team.id)
        )
    member.team_id = team.id
    member.role = Role.REP
    member.joined_team_at = datetime.now(UTC)
    await session.flush()
    record(session, Actor.of(member), "team.join", "team", team.id)
    return result


async def team_members(session: AsyncSession, actor: Actor) -> list[Member]:
    rows = await session.scalars(
        select(Member)
        .where(Member.team_id == actor.team_id, Member.active.is_(True))
        .order_by(Member.role, Member.id)
    )
    return list(rows)


async def _teammate(session: AsyncSession, actor: Actor, member_id: int) -> Member:
    if not actor.is_manager:
        raise NotAllowed("managers only")
    member = await session.get(Member, member_id)
    if member is None or member.team_id != actor.team_id or not member.active:
        raise NotAllowed("not a member of this team")
    return member


async def promote(session: AsyncSession, actor: Actor, member_id: int) -> Member:
    member = await _teammate(session, actor, member_id)
    member.role = Role.MANAGER
    record(session, actor, "member.promote", "member", member.id)
    return member


async def remove_member(session: AsyncSession, actor: Actor, member_id: int) -> tuple[Member, int]:
    """Remove a teammate: their customers go to the acting manager until reassigned, with
    their open follow-ups and waiting pushes (storage.custody); the invite code changes, so
    the old link cannot bring them back.

    The removed user keeps using the bot alone, in a fresh personal team with no data.
    """
    member = await _teammate(session, actor, member_id)
    if member.id == actor.member_id:
        raise NotAllowed("cannot remove yourself")
    now = datetime.now(UTC)
    moved = await session.execute(
        update(Customer)
        .where(Customer.team_id == actor.team_id, Customer.owner_id == member.id)
        .values(owner_id=actor.member_id, assigned_at=now)
    )
    count = int(getattr(moved, "rowcount", 0) or 0)
    await leave_team(session, member, actor.team_id)
    team = await session.get_one(Team, actor.team_id)
    team.invite_code = new_invite_code()
    personal = Team(name=member.name, personal=True, default_timezone=member.timezone)
    session.add(personal)
    await session.flush()
    member.team_id = personal.id
    member.role = Role.REP
    member.joined_team_at = now
    record(session, actor, "member.remove", "member", member.id, f"customers={count}")
    return member, count


async def group_taken(session: AsyncSession, team: Team, chat_id: int) -> bool:
    """Whether the group chat is bound to another team already (one team per group)."""
    other = await session.scalar(
        select(Team.id).where(Team.group_chat_id == chat_id, Team.id != team.id)
    )
    return other is not None


async def unbind_group(session: AsyncSession, team_id: int) -> None:
    """Forget the team's group chat (the bot was removed from it)."""
    await session.execute(update(Team).where(Team.id == team_id).values(group_chat_id=None))
