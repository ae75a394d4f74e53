"""Members of a list: adding, removing and finding them, with their role and delivery mode.

Addresses are compared lowercased: RFC 5321 lets the local part be case-sensitive, but no
provider we deliver to uses that, and Mailman and Sympa fold case too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import func, insert as sa_insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from federation.errors import Invalid
from federation.storage.models import MailingList, Member, utcnow
from federation.storage.models.lists import MemberWord, word_rows

ROLES = ("member", "moderator", "owner")
DELIVERIES = ("each", "digest", "none")
LANGUAGES = ("fr", "en")
# one test of a plausible member address, for mail, forms and the console alike: a local part
# of at most 64 octets and a dotted domain, at most 254 in all (RFC 5321 §4.5.3.1), nothing
# that separates addresses in a header or a pasted list (RFC 5322 specials , ; < > ")
_EMAIL = re.compile(r'^[^@\s<>,;"]{1,64}@[^@\s<>,;"]+\.[^@\s<>,;"]+$')


def is_email(value: str) -> bool:
    """Whether ``value`` (already stripped) is a plausible member address."""
    return len(value) <= 254 and bool(_EMAIL.match(value))


def normalize_email(email: str) -> str:
    """Lowercase and strip an address; raise ``Invalid`` if it does not look like one."""
    email = (email or "").strip().strip("<>").strip().lower()
    if not is_email(email):
        raise Invalid(f"invalid email address {email!r}")
    return email


def find(session: Session, mailing_list: MailingList, email: str) -> Member | None:
    """The membership of ``email`` in this list, if any."""
    return session.scalar(select(Member).where(
        Member.list_id == mailing_list.id,
        func.lower(Member.email) == (email or "").strip().strip("<>").lower()))


def _check(role: str | None, delivery: str | None) -> None:
    if role is not None and role not in ROLES:
        raise Invalid(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    if delivery is not None and delivery not in DELIVERIES:
        raise Invalid(f"unknown delivery {delivery!r}; choose one of {', '.join(DELIVERIES)}")


def add(session: Session, mailing_list: MailingList, email: str, role: str | None = None,
        delivery: str | None = None, language: str | None = None, name: str = "",
        consent: str = "") -> Member:
    """Subscribe an address, or update the given fields of an existing member (idempotent);
    ``consent`` says how a new member got here ("confirmed by mail", "added by admin")."""
    _check(role, delivery)
    email = normalize_email(email)
    member = find(session, mailing_list, email)
    if member is None:
        member = Member(list_id=mailing_list.id, email=email, name=name or "",
                        role=role or "member", delivery=delivery or "each",
                        language=language if language in LANGUAGES else "fr",
                        consent=consent[:500])
        session.add(member)
    else:
        member.role = role or member.role
        member.delivery = delivery or member.delivery
        member.language = language if language in LANGUAGES else member.language
        member.name = name or member.name
    session.flush()
    return member


@dataclass
class Added:
    """What a bulk add did: the addresses added, and (what, why) for each one skipped."""

    added: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


_BATCH = 1000  # rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits


def add_many(session: Session, mailing_list: MailingList, people: Iterable[tuple[str, str, str]],
             consent: str, role: str | None = None, delivery: str | None = None,
             language: str | None = None) -> Added:
    """Subscribe many (label, email, name) at once, in the caller's transaction, with bulk
    inserts; existing members, invalid and repeated addresses are skipped with the reason
    (``label`` names the entry in those reasons: the address, or "line 12")."""
    _check(role, delivery)
    known = set(session.scalars(select(func.lower(Member.email)).where(
        Member.list_id == mailing_list.id)))
    outcome, rows, seen = Added(), [], set()
    now = utcnow()
    for label, raw_email, name in people:
        try:
            email = normalize_email(raw_email)
        except Invalid:
            outcome.skipped.append((label, f"adresse invalide / invalid address {raw_email!r}"))
            continue
        duplicate, _ = email in seen, seen.add(email)
        if duplicate:
            outcome.skipped.append((label, f"en double dans la liste donnée / duplicate: {email}"))
        elif email in known:
            outcome.skipped.append((label, f"déjà membre / already a member: {email}"))
        else:
            outcome.added.append(email)
            rows.append(dict(list_id=mailing_list.id, email=email, name=(name or "")[:500],
                             role=role or "member", delivery=delivery or "each",
                             language=language if language in LANGUAGES else "fr",
                             consent=consent[:500], created_at=now))
    # someone confirming by mail meanwhile is a member already: skip, never fail the import
    dialect = session.get_bind().dialect.name
    insert = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(Member)
    insert = insert.on_conflict_do_nothing().returning(Member.id, Member.name, Member.email)
    for start in range(0, len(rows), _BATCH):
        added = session.execute(insert, rows[start:start + _BATCH]).all()
        # the roster search's words (the ORM's insert hook does not see a bulk insert)
        words = [row for pk, name, email in added
                 for row in word_rows(pk, mailing_list.id, name, email)]
        if words:
            session.execute(sa_insert(MemberWord), words)
    return outcome


def remove(session: Session, mailing_list: MailingList, email: str) -> bool:
    """Unsubscribe an address; returns False when it was not a member."""
    member = find(session, mailing_list, email)
    if member is None:
        return False
    session.delete(member)
    session.flush()
    return True


def members(session: Session, mailing_list: MailingList, role: str | None = None) -> list[Member]:
    """Every member of the list (optionally of one role), by address."""
    query = select(Member).where(Member.list_id == mailing_list.id).order_by(Member.email)
    if role is not None:
        query = query.where(Member.role == role)
    return list(session.scalars(query))


def moderators(session: Session, mailing_list: MailingList) -> list[Member]:
    """Those who decide on held messages: moderators and owners."""
    return list(session.scalars(select(Member).where(
        Member.list_id == mailing_list.id, Member.role.in_(("moderator", "owner")))
        .order_by(Member.email)))


def owners(session: Session, mailing_list: MailingList) -> list[Member]:
    """The list's owners (who receive mail sent to ``<list>-owner``)."""
    return members(session, mailing_list, role="owner")


def role_of(session: Session, mailing_list: MailingList, *emails: str) -> str | None:
    """The highest role held by any of these addresses on the list, or None."""
    found = [member.role for member in (find(session, mailing_list, e) for e in emails if e)
             if member is not None]
    for role in reversed(ROLES):
        if role in found:
            return role
    return None
