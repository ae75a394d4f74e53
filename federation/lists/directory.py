"""Assemblies and lists: creating them, changing their settings, finding them by address."""
from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from federation.errors import Invalid
from federation.storage.models import Assembly, ListSetting, MailingList, utcnow

POLICIES = ("open", "members", "moderated", "announce")
DMARC_MODES = ("always", "policy", "never")
DIGEST_FORMATS = ("mime", "plain")
COMPLAINT_ACTIONS = ("disable", "unsubscribe")
# personal: one copy per member with its own VERP and one-click token (the default);
# batched: several members of one domain per SMTP transaction (Mailman's way, issue 13)
DELIVERY_MODES = ("personal", "batched")
# The ListSetting rows that delivery, digests, bounces and moderation read, with the
# defaults they assume when no row exists (Miniflux-style: defaults in code).
OPTIONS = {"dmarc": ("dmarc_mode", "policy"), "digest": ("digest_format", "mime"),
           "bounce_threshold": ("bounce_threshold", "5"),
           "complaint_action": ("complaint_action", "disable"),
           "emergency_moderation": ("emergency_moderation", "false"),
           # forum mode (issue 12): web posting on or off, and whether an address's first web
           # post goes to the moderators (the forum code reads these with list_options)
           "web_posting": ("web_posting", "true"),
           "web_first_post_moderation": ("web_first_post_moderation", "true"),
           "delivery_mode": ("delivery_mode", "personal")}
FLAGS = ("emergency_moderation", "web_posting", "web_first_post_moderation")
_TRUE = ("1", "true", "yes", "on")  # as moderation.is_on reads the flag
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
             description: str = "", federated: bool = False) -> MailingList:
    """Create a list owned by an assembly; an existing list is refused, never changed."""
    if policy not in POLICIES:
        raise Invalid(f"unknown policy {policy!r}; choose one of {', '.join(POLICIES)}")
    address = normalize_address(address, default_domain)
    assembly = session.scalar(select(Assembly).filter_by(slug=assembly_slug.strip().lower()))
    if assembly is None:
        raise Invalid(f"no assembly {assembly_slug!r}; create it with 'relais assembly add'")
    if session.scalar(select(MailingList.id).filter_by(address=address)) is not None:
        # re-running "add" must not make a private list public or reset its policy
        raise Invalid(f"la liste {address} existe déjà ; modifiez-la avec 'relais list edit "
                      f"{address}' / list {address} already exists; change it with "
                      f"'relais list edit {address}'")
    mailing_list = MailingList(address=address, assembly=assembly,
                               name=name or address.split("@")[0], policy=policy,
                               public=public, description=description,
                               federated=federated)
    session.add(mailing_list)
    session.flush()
    return mailing_list


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise Invalid(f"{what} inconnu {value!r} / unknown {what} {value!r}; "
                      f"choose one of {', '.join(allowed)}")
    return value


def _threshold(value) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if not 0 < number <= 1000:
        raise Invalid(f"seuil de rebonds invalide {value!r} / invalid bounce threshold "
                      f"{value!r}: a number above 0")
    return f"{number:g}"


def _one_line(value: str, what: str, limit: int) -> str:
    # a CR or LF here would become a header line of its own in every copy (RFC 5322 §2.2)
    if "\r" in value or "\n" in value or len(value) > limit:
        raise Invalid(f"{what} invalide / invalid {what}: one line, at most {limit} characters")
    return value


def _validated(name=None, description=None, policy=None, public=None, subject_prefix=None,
               footer=None, dmarc=None, digest=None, bounce_threshold=None,
               complaint_action=None, emergency_moderation=None, federated=None,
               web_posting=None, web_first_post_moderation=None,
               delivery_mode=None) -> dict:
    """The given changes, checked and normalised (column or option name → new value)."""
    wanted: dict = {}
    if name is not None:
        if not name.strip():
            raise Invalid("nom vide / empty list name")
        wanted["name"] = _one_line(name.strip(), "name", 200)
    if description is not None:
        wanted["description"] = description
    if policy is not None:
        wanted["policy"] = _one_of(policy, POLICIES, "policy")
    if public is not None:
        wanted["public"] = bool(public)
    if federated is not None:
        wanted["federated"] = bool(federated)
    if subject_prefix is not None:
        wanted["subject_prefix"] = _one_line(subject_prefix, "subject prefix", 64)
    if footer is not None:
        wanted["footer"] = footer
    if dmarc is not None:
        wanted["dmarc"] = _one_of(dmarc, DMARC_MODES, "dmarc")
    if digest is not None:
        wanted["digest"] = _one_of(digest, DIGEST_FORMATS, "digest")
    if bounce_threshold is not None:
        wanted["bounce_threshold"] = _threshold(bounce_threshold)
    if complaint_action is not None:
        wanted["complaint_action"] = _one_of(complaint_action, COMPLAINT_ACTIONS,
                                             "complaint action")
    if delivery_mode is not None:
        wanted["delivery_mode"] = _one_of(delivery_mode, DELIVERY_MODES, "delivery mode")
    for flag, value in (("emergency_moderation", emergency_moderation),
                        ("web_posting", web_posting),
                        ("web_first_post_moderation", web_first_post_moderation)):
        if value is not None:
            wanted[flag] = "true" if value else "false"
    return wanted


def list_options(session: Session, mailing_list: MailingList) -> dict[str, str]:
    """Every ListSetting option of a list (see OPTIONS), stored or default."""
    stored = dict(session.execute(select(ListSetting.key, ListSetting.value).where(
        ListSetting.list_id == mailing_list.id)).all())
    found = {field: stored.get(key) or default for field, (key, default) in OPTIONS.items()}
    # moderation.set_emergency and older rows may spell a flag "1" or "on"
    for flag in FLAGS:
        found[flag] = str(found[flag].strip().lower() in _TRUE).lower()
    return found


def option_on(session: Session, mailing_list: MailingList, flag: str) -> bool:
    """Whether one of the list's on/off options (FLAGS) is on."""
    return list_options(session, mailing_list)[flag] == "true"


def is_federated(mailing_list: MailingList) -> bool:
    """Whether peers may mirror the list: its owner consented, and its archive is public
    and live (a private archive is never federated, whatever the flag says)."""
    return bool(mailing_list.federated and mailing_list.public
                and mailing_list.archived_at is None)


# ListSetting key: when an owner withdrew a published list from federation (made it private or
# took back their consent). Peers that mirrored it remove their copies, as for an erasure;
# the row goes when the list is published again. Archiving alone withdraws nothing: an
# archived list stays readable where it was copied, as Mailman/HyperKitty keep archives.
WITHDRAWN_AT = "federation_withdrawn_at"


def _published(mailing_list: MailingList) -> bool:
    """Whether the owner's consent and a public archive both hold (archiving aside)."""
    return bool(mailing_list.federated and mailing_list.public)


def _mark_withdrawal(session: Session, mailing_list: MailingList, was_published: bool) -> None:
    """The hook where a list leaves federation: record its withdrawal for peers (or drop it
    when the list is published again)."""
    now_published = _published(mailing_list)
    if was_published == now_published or mailing_list.origin_peer_id is not None:
        return
    row = session.scalar(select(ListSetting).filter_by(list_id=mailing_list.id, key=WITHDRAWN_AT))
    if now_published:
        if row is not None:
            session.delete(row)
    else:
        if row is None:
            row = ListSetting(list_id=mailing_list.id, key=WITHDRAWN_AT)
            session.add(row)
        row.value = utcnow().isoformat(timespec="microseconds")
    session.flush()


EDITABLE = ("name", "description", "policy", "public", "subject_prefix", "footer", "dmarc",
            "digest", "bounce_threshold", "complaint_action", "emergency_moderation",
            "federated", "web_posting", "web_first_post_moderation", "delivery_mode")


def edit_list(session: Session, mailing_list: MailingList, **fields) -> dict[str, tuple]:
    """Change the given settings of a list (a value of None: leave as is), all checked before
    any is applied; returns {setting: (old, new)} for those that really changed. The one
    function behind ``relais list edit``, the console and ``--federated`` (EDITABLE)."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise Invalid(f"unknown list settings: {', '.join(sorted(unknown))}")
    wanted = _validated(**fields)
    options = list_options(session, mailing_list)
    was_published = _published(mailing_list)
    changed: dict[str, tuple] = {}
    for field, value in wanted.items():
        if field in OPTIONS:
            old = options[field]
            if old != value:
                key = OPTIONS[field][0]
                row = session.scalar(select(ListSetting).filter_by(list_id=mailing_list.id,
                                                                   key=key))
                if row is None:
                    row = ListSetting(list_id=mailing_list.id, key=key)
                    session.add(row)
                row.value = value
                changed[field] = (old, value)
        elif getattr(mailing_list, field) != value:
            changed[field] = (getattr(mailing_list, field), value)
            setattr(mailing_list, field, value)
    session.flush()
    _mark_withdrawal(session, mailing_list, was_published)
    return changed


def archive_list(session: Session, mailing_list: MailingList, archived: bool) -> bool:
    """Archive a list (it takes no more posts; every message and page stays) or bring it
    back; returns whether anything changed."""
    if archived == (mailing_list.archived_at is not None):
        return False
    mailing_list.archived_at = utcnow() if archived else None
    session.flush()
    return True


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
    was_published = _published(mailing_list)
    mailing_list.public = public
    session.flush()
    _mark_withdrawal(session, mailing_list, was_published)
    return mailing_list
