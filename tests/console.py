"""Signing in to the admin console as a test would as a person: an account made by the real
``relais admin create … --password-stdin``, the real sign-in form with its CSRF token.

Plain functions shared by the console's tests (web and browser); no fixtures live here.
"""
from __future__ import annotations

from command_line import relais
from pages import csrf_token


def make_admin(settings, email: str, password: str, assemblies=(), site_admin: bool = False):
    """Create an admin account through the command line; the click result (checked)."""
    args = ["admin", "create", email, "--password-stdin"]
    for slug in assemblies:
        args += ["--assembly", slug]
    if site_admin:
        args.append("--site-admin")
    result = relais(settings, *args, input=password + "\n")
    assert result.exit_code == 0, result.output
    return result


def sign_in(client, email: str, password: str, next_path: str = ""):
    """Sign in through the console's password form; the response (a redirect on success)."""
    form = {"csrf_token": csrf_token(client, "/admin/sign-in"), "email": email,
            "password": password}
    if next_path:
        form["next"] = next_path
    return client.post("/admin/sign-in", data=form)
