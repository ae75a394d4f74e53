"""Console accounts: creating admins, their passwords (argon2id, the one module importing
argon2-cffi) and the single-use links that sign someone in or let them set a password.

A password is optional: Groups.io's way, a link mailed to the address signs in people who
will never remember one. Only the argon2 hash is stored; links are ``tokens`` (only their
sha256 is stored, single use, short-lived).
"""
from __future__ import annotations

from datetime import timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from federation.errors import Invalid
from federation.lists import membership, tokens
from federation.settings import Settings
from federation.storage.models import AdminAccount, AdminAssembly, Assembly, utcnow

HASHER = PasswordHasher()  # argon2id with the library's RFC 9106 "low memory" profile
MIN_PASSWORD = 10
MAX_PASSWORD = 1024  # argon2 takes any length; a bound keeps a form from making us hash megabytes
LINK_PURPOSES = {"sign_in": timedelta(minutes=30), "password": timedelta(hours=24)}
# checked against when no account exists, so a wrong address costs what a wrong password does
_DUMMY = HASHER.hash("relais-no-such-account")


def find(session: Session, email: str) -> AdminAccount | None:
    """The account of an address, if it has one."""
    return session.scalar(select(AdminAccount).where(
        AdminAccount.email == (email or "").strip().lower()))


def _checked(password: str) -> str:
    if not MIN_PASSWORD <= len(password or "") <= MAX_PASSWORD:
        raise Invalid(f"mot de passe de {MIN_PASSWORD} caractères au moins / a password of at "
                      f"least {MIN_PASSWORD} characters")
    return password


def create_admin(session: Session, email: str, assemblies: list[str] | tuple[str, ...] = (),
                 password: str | None = None, site_admin: bool = False) -> AdminAccount:
    """Create an admin account, or give an existing one these assemblies (idempotent);
    unknown assembly slugs are refused before anything changes."""
    email = membership.normalize_email(email)
    found = []
    for slug in assemblies:
        assembly = session.scalar(select(Assembly).where(Assembly.slug == slug.strip().lower()))
        if assembly is None:
            raise Invalid(f"aucune assemblée {slug!r} / no assembly {slug!r}")
        found.append(assembly)
    account = find(session, email)
    if account is None:
        account = AdminAccount(email=email, created_at=utcnow())
        session.add(account)
    account.site_admin = bool(account.site_admin or site_admin)
    if password is not None:
        account.password_hash = HASHER.hash(_checked(password))
        account.password_changed_at = utcnow()
    session.flush()
    have = set(session.scalars(select(AdminAssembly.assembly_id).where(
        AdminAssembly.account_id == account.id)))
    for assembly in found:
        if assembly.id not in have:
            session.add(AdminAssembly(account_id=account.id, assembly_id=assembly.id))
            have.add(assembly.id)
    session.flush()
    return account


def check_password(session: Session, email: str, password: str) -> AdminAccount | None:
    """The account if this is its password (then stamped as signed in), else None; the same
    work whether or not the address has an account or a password."""
    account = find(session, email)
    stored = account.password_hash if account is not None and account.password_hash else _DUMMY
    try:
        HASHER.verify(stored, (password or "")[:MAX_PASSWORD])
    except (VerificationError, InvalidHashError):
        return None
    if account is None or not account.password_hash:
        return None
    if HASHER.check_needs_rehash(account.password_hash):
        account.password_hash = HASHER.hash(password)
    account.last_sign_in_at = utcnow()
    session.flush()
    return account


def set_password(session: Session, email: str, password: str) -> AdminAccount:
    """Set an address's password, creating its account (a list owner's first password)."""
    account = find(session, email)
    if account is None:
        account = AdminAccount(email=membership.normalize_email(email), created_at=utcnow())
        session.add(account)
    account.password_hash = HASHER.hash(_checked(password))
    account.password_changed_at = utcnow()
    session.flush()
    return account


def stamp_sign_in(session: Session, email: str) -> None:
    """Stamp an account's last sign-in (a link sign-in has no password to check)."""
    account = find(session, email)
    if account is not None:
        account.last_sign_in_at = utcnow()
        session.flush()


def make_link(session: Session, purpose: str, email: str) -> str:
    """A single-use secret to sign in (``sign_in``) or set a password (``password``)."""
    return tokens.create(session, purpose, None, email.strip().lower(),
                         lifetime=LINK_PURPOSES[purpose])


def redeem_link(session: Session, purpose: str, secret: str) -> str:
    """Use a link once: the address it was made for; raises ``tokens.BadToken``."""
    if purpose not in LINK_PURPOSES:
        raise tokens.BadToken("forged")
    return tokens.redeem(session, purpose, secret).email


TEXTS = {
    "sign_in": {
        "fr": ("Votre lien de connexion à la console Relais",
               "Bonjour,\n\nPour vous connecter à la console d'administration de Relais, "
               "ouvrez ce lien dans les 30 minutes :\n\n  {link}\n\nIl ne sert qu'une fois. "
               "Si vous n'avez rien demandé, ignorez ce message : rien ne se passera."),
        "en": ("Your sign-in link to the Relais console",
               "Hello,\n\nTo sign in to the Relais admin console, open this link within 30 "
               "minutes:\n\n  {link}\n\nIt works once. If you did not ask for it, ignore "
               "this message: nothing will happen."),
    },
    "password": {
        "fr": ("Choisir votre mot de passe pour la console Relais",
               "Bonjour,\n\nPour choisir (ou changer) votre mot de passe de la console "
               "d'administration de Relais, ouvrez ce lien dans les 24 heures :\n\n  {link}"
               "\n\nIl ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : "
               "votre mot de passe ne change pas."),
        "en": ("Choose your password for the Relais console",
               "Hello,\n\nTo choose (or change) your password for the Relais admin console, "
               "open this link within 24 hours:\n\n  {link}\n\nIt works once. If you did not "
               "ask for it, ignore this message: your password stays as it is."),
    },
}


def link_mail(settings: Settings, purpose: str, to: str, link: str,
              language: str = "fr") -> EmailMessage:
    """The mail carrying a sign-in or password link; automatic (RFC 3834), so no responder
    answers it, and sent by the caller with a null reverse-path (``notices.answer``)."""
    subject, body = TEXTS[purpose][language if language in ("fr", "en") else "fr"]
    message = EmailMessage()
    message["From"] = formataddr(("Relais", f"relais@{settings.mail_domain}"))
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(utcnow().replace(tzinfo=timezone.utc))
    message["Message-ID"] = make_msgid("relais-console", domain=settings.mail_domain)
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(body.format(link=link), cte="quoted-printable")
    message["Content-Language"] = language
    return message
