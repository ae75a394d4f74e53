"""Member lists from a file: one address per line, or a CSV with an email column.

What the console and ``relais member import`` read: plain lines ("alice@example.org" or
"Alice Martin <alice@example.org>", RFC 5322 name-addr), blank lines and ``#`` comments
skipped; or a spreadsheet export whose header names an email column (and optionally a
name column), comma, semicolon or tab separated, as LibreOffice and Excel write them.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from email.utils import parseaddr

from sqlalchemy import select
from sqlalchemy.orm import Session

from federation.errors import Invalid
from federation.lists import membership
from federation.storage.models import MailingList, Member

EMAIL_HEADERS = ("email", "e-mail", "mail", "courriel", "adresse", "address")
NAME_HEADERS = ("name", "nom", "full name", "nom complet", "display name")


@dataclass(frozen=True)
class Line:
    """One person found in the file: where, the address as written, and the name."""

    number: int
    email: str
    name: str = ""


def _header(first: str) -> tuple[str, int, int | None] | None:
    """(delimiter, email column, name column) when this first line is a CSV header."""
    for delimiter in (",", ";", "\t"):
        cells = [c.strip().strip('"').lower() for c in next(csv.reader([first],
                                                                      delimiter=delimiter))]
        found = next((i for i, c in enumerate(cells) if c in EMAIL_HEADERS), None)
        if found is not None:
            name = next((i for i, c in enumerate(cells) if c in NAME_HEADERS), None)
            return delimiter, found, name
    return None


def decode(data: bytes) -> str:
    """The file's text: UTF-8 (with or without a BOM), else Windows-1252, which French
    Excel writes for "CSV (séparateur : point-virgule)"."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _plain(number: int, line: str) -> Line:
    """A bare address, or a name-addr "Alice Martin <alice@example.org>"."""
    name, address = parseaddr(line)
    return Line(number, address, name) if "<" in line and address else Line(number, line)


def read(text: str) -> list[Line]:
    """Every person named in the file, in order (validation is the caller's)."""
    text = text.lstrip("\ufeff")  # the BOM spreadsheets put first
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()
                  and not line.lstrip().startswith("#")), None)
    if first is None:
        return []
    header = _header(lines[first])
    if header is None:
        if any(sep in lines[first] for sep in (",", ";", "\t")) and "@" not in lines[first]:
            raise Invalid("en-tête CSV sans colonne email / CSV header without an email "
                          f"column (one of {', '.join(EMAIL_HEADERS)})")
        return [_plain(n, line.strip()) for n, line in enumerate(lines, 1)
                if line.strip() and not line.lstrip().startswith("#")]
    delimiter, email_at, name_at = header
    found = []
    rows = csv.reader(io.StringIO("\n".join(lines[first + 1:])), delimiter=delimiter)
    for number, row in enumerate(rows, first + 2):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        address = cells[email_at] if email_at < len(cells) else ""
        name = cells[name_at] if name_at is not None and name_at < len(cells) else ""
        found.append(Line(number, address, name))
    return found


@dataclass
class Preview:
    """What adding these people would do, before anything is done: who is added, whose name
    changes (an existing member, a new name given), who is skipped and why."""

    add: list[tuple[str, str]]          # (email, name)
    change: list[tuple[str, str, str]]  # (email, old name, new name)
    skip: list[tuple[str, str]]         # (what was written, why)


def preview(session: Session, mailing_list: MailingList, people: list[Line]) -> Preview:
    """Sort the people of a pasted text or file into added, changed and skipped; the
    roster's addresses are read once (one query), whatever its size."""
    known = dict(session.execute(select(Member.email, Member.name).where(
        Member.list_id == mailing_list.id)).all())
    found, seen = Preview([], [], []), set()
    for line in people:
        try:
            email = membership.normalize_email(line.email)
        except Invalid:
            found.skip.append((line.email or f"#{line.number}", "invalid"))
            continue
        if email in seen:
            found.skip.append((email, "duplicate"))
        elif email in known:
            name = line.name.strip()
            if name and name != known[email]:
                found.change.append((email, known[email], name))
            else:
                found.skip.append((email, "member"))
        else:
            found.add.append((email, line.name.strip()[:500]))
        seen.add(email)
    return found


def apply(session: Session, mailing_list: MailingList, planned: Preview, consent: str,
          role: str | None = None, delivery: str | None = None) -> membership.Added:
    """Do what a preview said: add the new people (bulk insert) and change the names."""
    added = membership.add_many(session, mailing_list,
                                ((email, email, name) for email, name in planned.add),
                                consent, role=role, delivery=delivery)
    for email, _old, name in planned.change:
        member = membership.find(session, mailing_list, email)
        if member is not None:
            member.name = name
    session.flush()
    return added
