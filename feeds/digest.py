"""Rendering the cross-assembly digest: HTML and plain text of an issue, and its mail edition.

The same ``render_html`` fragment is the web page and the mail's HTML part; every link is
absolute (a mail has no base URL). Each thread links to its page and offers a ``mailto:``
reply carrying ``In-Reply-To`` (RFC 6068 hfields), so the answer threads on its list.
The mail is multipart/alternative (RFC 2046) with RFC 2369/8058 unsubscribe headers.
"""
from __future__ import annotations

import html
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from urllib.parse import quote

from federation.settings import Settings

from feeds import links

MONTHS = {"fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December")}
WORDS = {
    "fr": {"week": "Synthèse des assemblées, semaine du {start} au {last}",
           "day": "Synthèse des assemblées du {start}", "new": "Nouveaux fils",
           "active": "Les plus actifs", "reply": "Répondre par courriel", "read": "Lire le fil",
           "numbers": "{messages} message(s), {participants} participant(s)",
           "archive": "Toutes les synthèses", "unsubscribe": "Se désabonner en un clic",
           "intro": "{threads} fil(s) et {messages} message(s) dans les listes publiques.",
           "confirm_subject": "Confirmez votre abonnement à la synthèse Relais",
           "confirm_body": "Bonjour,\n\nQuelqu'un (vous, espérons-le) a demandé à recevoir la "
                           "synthèse des assemblées des communs à cette adresse.\nPour confirmer, "
                           "ouvrez ce lien :\n\n{url}\n\nSans confirmation, vous ne recevrez rien."
                           "\n"},
    "en": {"week": "Assemblies digest, week of {start} to {last}",
           "day": "Assemblies digest for {start}", "new": "New threads",
           "active": "Most active", "reply": "Reply by email", "read": "Read the thread",
           "numbers": "{messages} message(s), {participants} participant(s)",
           "archive": "All digests", "unsubscribe": "Unsubscribe in one click",
           "intro": "{threads} thread(s) and {messages} message(s) on the public lists.",
           "confirm_subject": "Confirm your subscription to the Relais digest",
           "confirm_body": "Hello,\n\nSomeone (you, we hope) asked for the digest of the "
                           "assemblies of the commons at this address.\nTo confirm, open this "
                           "link:\n\n{url}\n\nWithout confirmation you will receive nothing.\n"},
}


def _words(lang: str) -> dict:
    return WORDS.get(lang, WORDS["fr"])


def _day(when: datetime, lang: str) -> str:
    month = MONTHS.get(lang, MONTHS["fr"])[when.month - 1]
    return f"{when.day} {month} {when.year}" if lang == "fr" else f"{month} {when.day}, {when.year}"


def title(content: dict, lang: str = "fr") -> str:
    """The issue's title: its period in words."""
    start = datetime.fromisoformat(content["start"])
    last = datetime.fromisoformat(content["end"]) - timedelta(days=1)
    return _words(lang)[content["period"]].format(start=_day(start, lang), last=_day(last, lang))


def issue_url(base_url: str, slug: str) -> str:
    """The permalink of an issue."""
    return links.absolute(base_url, f"/digests/{quote(slug)}/")


def reply_mailto(item: dict) -> str:
    """A mailto: answering the thread's latest message on its list (RFC 6068)."""
    subject = item["subject"] if item["subject"].lower().startswith("re:") else \
        "Re: " + item["subject"]
    return (f"mailto:{item['list']}?subject={quote(subject, safe='')}"
            f"&In-Reply-To={quote('<' + item['latest'] + '>', safe='')}")


def _label(group: dict, lang: str) -> str:
    return group["label_en"] if lang == "en" else group["label_fr"]


def render_html(content: dict, base_url: str, lang: str = "fr") -> str:
    """The issue as an HTML fragment (escaped, absolute links)."""
    words, esc = _words(lang), html.escape
    out = [f'<p class="meta">{esc(words["intro"].format(**content))}</p>']
    for group in content["themes"]:
        out.append(f'<section class="digest-theme"><h2>{esc(_label(group, lang))}</h2>')
        for place in group["assemblies"]:
            out.append(f"<h3>{esc(place['name'])}</h3>")
            for kind in ("new", "active"):
                if not place[kind]:
                    continue
                out.append(f'<h4>{esc(words[kind])}</h4><ul class="digest-threads">')
                for item in place[kind]:
                    url = links.absolute(base_url, links.thread_path(item["root"]))
                    out.append(
                        f'<li><a class="subject" href="{esc(url)}">{esc(item["subject"])}</a> '
                        f'<span class="meta">{esc(item["list_name"] or item["list"])} · '
                        f'{esc(words["numbers"].format(**item))}</span>'
                        f'<p>{esc(item["excerpt"])}</p>'
                        f'<p class="actions"><a href="{esc(url)}">{esc(words["read"])}</a> '
                        f'<a href="{esc(reply_mailto(item))}">{esc(words["reply"])}</a></p></li>')
                out.append("</ul>")
        out.append("</section>")
    return "\n".join(out)


def render_text(content: dict, base_url: str, lang: str = "fr") -> str:
    """The issue as plain text, for the text/plain part."""
    words = _words(lang)
    out = [title(content, lang), "=" * len(title(content, lang)), "",
           words["intro"].format(**content), ""]
    for group in content["themes"]:
        label = _label(group, lang)
        out += [label, "-" * len(label), ""]
        for place in group["assemblies"]:
            out.append(f"## {place['name']}")
            for kind in ("new", "active"):
                if place[kind]:
                    out.append(f"{words[kind]} :" if lang == "fr" else f"{words[kind]}:")
                for item in place[kind]:
                    out += [f"* {item['subject']} ({item['list_name'] or item['list']}; "
                            f"{words['numbers'].format(**item)})",
                            f"  {item['excerpt']}",
                            f"  {words['read']} : " + links.absolute(
                                base_url, links.thread_path(item["root"])),
                            f"  {words['reply']} : {reply_mailto(item)}", ""]
    return "\n".join(out) + "\n"


def sender(settings: Settings) -> str:
    """The digest's From address (and envelope sender)."""
    return f"digest@{settings.mail_domain}"


def _headers(mail: EmailMessage, settings: Settings, to: str, subject: str) -> None:
    mail["From"] = formataddr(("Relais", sender(settings)))
    mail["To"] = to
    mail["Subject"] = subject
    mail["Date"] = format_datetime(datetime.now().astimezone())
    mail["Message-ID"] = make_msgid("digest", domain=settings.mail_domain)
    mail["Auto-Submitted"] = "auto-generated"  # RFC 3834: never answer it automatically


def compose(settings: Settings, slug: str, content: dict, to: str, unsubscribe_url: str,
            lang: str = "fr") -> bytes:
    """The mail edition of an issue for one reader: text + HTML, one-click unsubscribe."""
    base, words = settings.base_url, _words(lang)
    heading = title(content, lang)
    permalink = issue_url(base, slug)
    footer_text = (f"\n-- \n{words['archive']} : {links.absolute(base, '/digests/')}\n"
                   f"{words['unsubscribe']} : {unsubscribe_url}\n")
    page = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(heading)}</title></head><body>"
            f'<h1><a href="{html.escape(permalink)}">{html.escape(heading)}</a></h1>'
            f"{render_html(content, base, lang)}<hr><p>"
            f'<a href="{html.escape(links.absolute(base, "/digests/"))}">'
            f"{html.escape(words['archive'])}</a> · "
            f'<a href="{html.escape(unsubscribe_url)}">{html.escape(words["unsubscribe"])}</a>'
            f"</p></body></html>")
    mail = EmailMessage()
    _headers(mail, settings, to, heading)
    mail["List-Id"] = f"Relais digest <digest.{settings.mail_domain}>"  # RFC 2919
    mail["List-Archive"] = f"<{links.absolute(base, '/digests/')}>"    # RFC 2369
    mail["Archived-At"] = f"<{permalink}>"                              # RFC 5064
    mail["List-Unsubscribe"] = f"<{unsubscribe_url}>"                   # RFC 2369
    mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"        # RFC 8058
    mail["Precedence"] = "list"
    mail.set_content(render_text(content, base, lang) + footer_text)
    mail.add_alternative(page, subtype="html")
    return mail.as_bytes()


def compose_confirmation(settings: Settings, to: str, confirm_url: str, lang: str = "fr") -> bytes:
    """The double opt-in mail: a link to confirm, nothing else."""
    words = _words(lang)
    mail = EmailMessage()
    _headers(mail, settings, to, words["confirm_subject"])
    mail.set_content(words["confirm_body"].format(url=confirm_url))
    return mail.as_bytes()
