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

from federation.errors import Invalid

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
