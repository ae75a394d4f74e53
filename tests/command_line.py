"""The ``relais`` command run in-process against a test's database (it reads the env)."""
from __future__ import annotations

from click.testing import CliRunner

from relais.cli import main


def relais(settings, *args: str, input: str | None = None):
    """Run ``relais ARGS…`` with this test's settings as its environment (and ``input`` as
    its standard input); the click result."""
    env = {"RELAIS_DATA_DIR": str(settings.data_dir), "DATABASE_URL": settings.database_url,
           "RELAIS_SECRET_KEY": settings.secret_key, "RELAIS_MAIL_DOMAIN": settings.mail_domain,
           "RELAIS_BASE_URL": settings.base_url}
    return CliRunner().invoke(main, list(args), env=env, input=input)
