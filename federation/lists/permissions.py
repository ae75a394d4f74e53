"""Who may do what in the console: site admins (everything), assembly admins (every list of
their assemblies, nothing else), a list's owners (that list) and moderators (its queue).

A ``Principal`` is read afresh from the database for every request (``principal_for``), so a
role taken away takes effect at the next click; every check below is made on the server.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Select, false, or_, select
from sqlalchemy.orm import Session

from federation.storage.models import AdminAccount, AdminAssembly, MailingList, Member

LIST_ROLES = ("owner", "moderator")
NEEDS = ("moderate", "manage")


@dataclass(frozen=True)
class Principal:
    """The person signed in: their address and every right they hold, by kind."""

    email: str
    site_admin: bool = False
    assembly_ids: frozenset[int] = frozenset()
    list_roles: dict = field(default_factory=dict)  # list id → "owner" | "moderator"


def principal_for(session: Session, email: str) -> Principal | None:
    """The rights of an address (an admin account, owner or moderator memberships), or None
    when it holds none: no account needed to be an owner, and none is enough alone."""
    email = (email or "").strip().lower()
    if not email:
        return None
    account = session.scalar(select(AdminAccount).where(AdminAccount.email == email))
    assembly_ids: frozenset[int] = frozenset()
    if account is not None:
        assembly_ids = frozenset(session.scalars(select(AdminAssembly.assembly_id).where(
            AdminAssembly.account_id == account.id)))
    roles = dict(session.execute(select(Member.list_id, Member.role).where(
        Member.email == email, Member.role.in_(LIST_ROLES))).all())
    site_admin = bool(account is not None and account.site_admin)
    if not (site_admin or assembly_ids or roles):
        return None
    return Principal(email=email, site_admin=site_admin, assembly_ids=assembly_ids,
                     list_roles=roles)


def may_manage_assembly(principal: Principal | None, assembly_id: int | None) -> bool:
    """Site admins and the assembly's own admins."""
    return principal is not None and (principal.site_admin
                                      or assembly_id in principal.assembly_ids)


def may_manage_list(principal: Principal | None, mailing_list: MailingList) -> bool:
    """Change a list's settings and roster: its assembly's admins and the list's owners."""
    return principal is not None and (
        may_manage_assembly(principal, mailing_list.assembly_id)
        or principal.list_roles.get(mailing_list.id) == "owner")


def may_moderate(principal: Principal | None, mailing_list: MailingList) -> bool:
    """Decide on held messages: those who manage the list, and its moderators."""
    return principal is not None and (may_manage_list(principal, mailing_list)
                                      or mailing_list.id in principal.list_roles)


def may_see_assembly(session: Session, principal: Principal | None, assembly_id: int) -> bool:
    """Whether the assembly shows in the console at all: its admins, and whoever has a role
    on one of its lists (they see the lists they have, not the others)."""
    if may_manage_assembly(principal, assembly_id):
        return True
    if principal is None or not principal.list_roles:
        return False
    return session.scalar(select(MailingList.id).where(
        MailingList.assembly_id == assembly_id,
        MailingList.id.in_(list(principal.list_roles))).limit(1)) is not None


def visible_lists(session: Session, principal: Principal | None,
                  need: str = "moderate") -> Select:
    """A select of the lists the principal may moderate (or manage), by address."""
    if need not in NEEDS:
        raise ValueError(f"need is one of {NEEDS}, not {need!r}")
    query = select(MailingList).order_by(MailingList.address)
    if principal is None:
        return query.where(false())
    if principal.site_admin:
        return query
    roles = [list_id for list_id, role in principal.list_roles.items()
             if need == "moderate" or role == "owner"]
    return query.where(or_(MailingList.assembly_id.in_(sorted(principal.assembly_ids)),
                           MailingList.id.in_(roles)))
