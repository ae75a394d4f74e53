"""Assemblies and lists: creating them and finding them by slug or address."""
from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from .errors import Invalid
from .models import Assembly, MailingList

POLICIES = ("open", "members", "moderated", "announce")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_LOCAL = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")


def add_assembly(session: Session, slug: str, name: str, description: str = "") -> Assembly:
    """Create an assembly, or update the name of an existing one (idempotent)."""
    slug = slug.strip().lower()
    if not _SLUG.match(slug):
        raise Invalid(f"invalid assembly slug {slug!r}: lowercase letters, digits and '-'")
    assembly = session.scalar(select(Assembly).filter_by(slug=slug))
    if assembly is None:
        assembly = Assembly(slug=slug, name=name or slug, description=description)
        session.add(assembly)
    else:
        assembly.name = name or assembly.name
        assembly.description = description or assembly.description
    session.flush()
    return assembly


def normalize_address(address: str, default_domain: str) -> str:
    """Lowercase a list address and add the default domain when only a local part is given."""
    address = address.strip().strip("<>").lower()
    if "@" not in address:
        address = f"{address}@{default_domain}"
    local, _, domain = address.partition("@")
    if not _LOCAL.match(local) or not domain or " " in domain:
        raise Invalid(f"invalid list address {address!r}")
    # IDNA: keep list domains in their ASCII (punycode) form, as MTAs route them.
    domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain}"


def add_list(session: Session, address: str, assembly_slug: str, default_domain: str,
             name: str = "", policy: str = "open", public: bool = True,
             description: str = "") -> MailingList:
    """Create a list owned by an assembly, or update an existing one (idempotent)."""
    if policy not in POLICIES:
        raise Invalid(f"unknown policy {policy!r}; choose one of {', '.join(POLICIES)}")
    address = normalize_address(address, default_domain)
    assembly = session.scalar(select(Assembly).filter_by(slug=assembly_slug.strip().lower()))
    if assembly is None:
        raise Invalid(f"no assembly {assembly_slug!r}; create it with 'relais assembly add'")
    mailing_list = session.scalar(select(MailingList).filter_by(address=address))
    if mailing_list is None:
        mailing_list = MailingList(address=address, assembly=assembly,
                                   name=name or address.split("@")[0], policy=policy,
                                   public=public, description=description)
        session.add(mailing_list)
    else:
        mailing_list.name = name or mailing_list.name
        mailing_list.policy = policy
        mailing_list.public = public
        mailing_list.description = description or mailing_list.description
    session.flush()
    return mailing_list


def find_list(session: Session, address: str) -> MailingList | None:
    """The list whose posting address is ``address`` (case-insensitive), if any."""
    # addresses are stored lowercased (normalize_address), so the unique index serves this
    return session.scalar(select(MailingList).where(
        MailingList.address == address.strip().strip("<>").lower()))


def find_assembly(session: Session, slug: str) -> Assembly | None:
    """The assembly with this slug, if any."""
    return session.scalar(select(Assembly).filter_by(slug=slug))


def change_visibility(session: Session, address: str, public: bool) -> MailingList:
    """Make a list public or private; pages, feeds, search and digests follow at once."""
    mailing_list = find_list(session, address)
    if mailing_list is None:
        raise Invalid(f"no list {address!r}")
    mailing_list.public = public
    session.flush()
    return mailing_list
