"""TXT look-ups in the DNS (dnspython lives only here), for the domain's DMARC check."""
from __future__ import annotations

import dns.exception
import dns.resolver

from federation.delivery.dmarc import TIMEOUT, LookupFailed


def resolve_txt(name: str) -> list[str]:
    """TXT strings at ``name`` from the system's resolvers, within the DMARC time-out."""
    try:
        answer = dns.resolver.resolve(name, "TXT", lifetime=TIMEOUT)
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer):
        return []
    except dns.exception.DNSException as error:
        raise LookupFailed(str(error)) from error
    return [b"".join(record.strings).decode("utf-8", "replace") for record in answer]
