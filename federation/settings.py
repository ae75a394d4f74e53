"""The one frozen settings object, read from the environment once (DESIGN.md, Contracts)."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, replace
from pathlib import Path

from federation.storage.datadir import private_dir


@dataclass(frozen=True)
class Settings:
    """Every option Relais reads, with defaults that need no service running."""

    data_dir: Path = Path("./var")
    database_url: str = ""
    redis_url: str = ""
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    base_url: str = "http://127.0.0.1:8000"
    mail_domain: str = "lists.localhost"
    relay_url: str = ""
    secret_key: str = ""
    max_message_size: int = 25 * 1024 * 1024
    max_recipients: int = 50
    language: str = "fr"
    queue_name: str = "relais"
    # without Redis, run jobs on a background thread (serve/smtp) instead of inline (tests, CLI)
    background_jobs: bool = False
    dkim_selector: str = ""
    dkim_key_path: str = ""
    # the authserv-id of the MTA in front of us, whose Authentication-Results we trust
    # (RFC 8601 §5); unset: nobody's, since without such an MTA anyone can write that field
    authserv_id: str = ""
    # automatic answers (confirmations, help, held notices) per address and day (RFC 3834)
    max_notices_per_day: int = 5
    # the public web forms (subscriptions): Flask-Limiter rate strings and a body size bound
    form_rate_client: str = "20/hour;50/day"
    form_rate_address: str = "5/hour;10/day"
    max_form_size: int = 16 * 1024
    # console sign-in (password, link, password reset): attempts per client and per address
    sign_in_rate_client: str = "30/hour;100/day"
    sign_in_rate_address: str = "10/hour;30/day"
    # the forum's proof of work: the largest number a browser may have to try (ALTCHA);
    # 0 turns it off (the default: the mailed link and the limits already stand guard)
    forum_proof_of_work: int = 0
    # a copy refused with 4xx (or an unreachable relay): pauses, in seconds, of the quick
    # tries inside the fan-out job when there is no Redis (then ``relais cron`` takes over)
    delivery_backoff: tuple[float, ...] = (0.2, 1.0, 3.0)
    # the later attempts, in seconds after each failure: about two days in all, like an
    # MTA's queue lifetime (RFC 5321 4.5.4.1); then the copy is given up
    retry_delays: tuple[float, ...] = (60, 300, 1800, 7200, 21600, 43200, 86400)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", Path(self.data_dir))
        if not self.database_url:
            url = f"sqlite:///{self.data_dir.resolve() / 'relais.sqlite3'}"
            object.__setattr__(self, "database_url", url)
        elif self.database_url.startswith("postgres://"):
            # Heroku-style URLs; SQLAlchemy only knows "postgresql://".
            fixed = "postgresql+psycopg://" + self.database_url[len("postgres://"):]
            object.__setattr__(self, "database_url", fixed)
        elif self.database_url.startswith("postgresql://"):
            fixed = "postgresql+psycopg://" + self.database_url[len("postgresql://"):]
            object.__setattr__(self, "database_url", fixed)
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "Settings":
        """Read the RELAIS_* variables, DATABASE_URL and REDIS_URL."""
        env = os.environ if environ is None else environ
        values = dict(
            data_dir=Path(env.get("RELAIS_DATA_DIR", "./var")),
            database_url=env.get("DATABASE_URL", ""),
            redis_url=env.get("REDIS_URL", ""),
            smtp_host=env.get("RELAIS_SMTP_HOST", "127.0.0.1"),
            smtp_port=int(env.get("RELAIS_SMTP_PORT", "8025")),
            web_host=env.get("RELAIS_WEB_HOST", "127.0.0.1"),
            web_port=int(env.get("RELAIS_WEB_PORT", "8000")),
            base_url=env.get("RELAIS_BASE_URL", "http://127.0.0.1:8000"),
            mail_domain=env.get("RELAIS_MAIL_DOMAIN", "lists.localhost"),
            relay_url=env.get("RELAIS_RELAY_URL", ""),
            secret_key=env.get("RELAIS_SECRET_KEY", ""),
            max_message_size=int(env.get("RELAIS_MAX_MESSAGE_SIZE", str(25 * 1024 * 1024))),
            language=env.get("RELAIS_LANGUAGE", "fr"),
            dkim_selector=env.get("RELAIS_DKIM_SELECTOR", ""),
            dkim_key_path=env.get("RELAIS_DKIM_KEY", ""),
            authserv_id=env.get("RELAIS_AUTHSERV_ID", ""),
            max_notices_per_day=int(env.get("RELAIS_MAX_NOTICES_PER_DAY", "5")),
            form_rate_client=env.get("RELAIS_FORM_RATE_CLIENT", "20/hour;50/day"),
            form_rate_address=env.get("RELAIS_FORM_RATE_ADDRESS", "5/hour;10/day"),
            max_form_size=int(env.get("RELAIS_MAX_FORM_SIZE", str(16 * 1024))),
            sign_in_rate_client=env.get("RELAIS_SIGN_IN_RATE_CLIENT", "30/hour;100/day"),
            sign_in_rate_address=env.get("RELAIS_SIGN_IN_RATE_ADDRESS", "10/hour;30/day"),
            forum_proof_of_work=int(env.get("RELAIS_FORUM_PROOF_OF_WORK", "0")),
            queue_name=env.get("RELAIS_QUEUE", "relais"),
        )
        values.update(overrides)
        return cls(**values)

    def with_secret(self) -> "Settings":
        """Return settings whose secret key is set, generating one into the data dir once."""
        if self.secret_key:
            return self
        private_dir(self.data_dir)
        path = self.data_dir / "secret_key"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
        return replace(self, secret_key=path.read_text().strip())

    @property
    def outbox_dir(self) -> Path:
        """The Maildir that receives outgoing mail when no relay is configured."""
        return self.data_dir / "outbox"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
