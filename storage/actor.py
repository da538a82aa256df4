"""Who is acting: every repository query is scoped by this."""

from __future__ import annotations

from dataclasses import dataclass

from storage.models import Member, Role


@dataclass(frozen=True)
class Actor:
    member_id: int
    team_id: int
    role: Role

    @property
    def is_manager(self) -> bool:
        return self.role == Role.MANAGER

    @classmethod
    def of(cls, member: Member) -> Actor:
        return cls(member_id=member.id, team_id=member.team_id, role=member.role)


class NotAllowed(Exception):
    """The actor may not do this; handlers answer with a one-line refusal."""
