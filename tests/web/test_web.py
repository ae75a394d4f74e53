"""The web archive on a real database: French pages, private lists hidden, raw bytes exact."""
from __future__ import annotations

import email
import mailbox
import os
import re
from email.message import EmailMessage
from email.policy import SMTP

from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from sqlalchemy import event

from federation.ingest import filing
from federation.storage.db import engine_for
from backends import FIXTURES
from messages import deliver, root
from pages import assert_inert
from web import create_app
from web.language import TRANSLATIONS

WEB = FIXTURES / "web"


def test_pages_render_in_french_with_the_thread(thread, client):
    home = client.get("/").get_data(as_text=True)
    assert '<html lang="fr">' in home and "Assemblées des communs" in home
    assert "Assemblée des communs de Lille" in home
    assert "Jardin partagé : on relance les semis ?" in home
    assert 'href="/t/root-jardin@example.org/"' in home

    assembly = client.get("/a/lille/").get_data(as_text=True)
    assert "Semences paysannes" in assembly and "Jardin partagé" in assembly
    listing = client.get("/l/semences@lists.test/").get_data(as_text=True)
    assert "Jardin partagé : on relance les semis ?" in listing and "2 messages" in listing
    assert "Logiciel libre" not in listing

    page = client.get("/t/reply-1@example.org/")  # any Message-ID of the thread resolves it
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.index("Amélie Lefèvre") < html.index("Benoit Durand")  # thread order
    assert 'class="message depth-0"' in html and 'class="message depth-1"' in html
    assert "« Aguadulce » — et une bêche" in html  # 8bit UTF-8 survived (mail-parser #152)
    assert '<details class="quote"><summary>1 ligne citée</summary>' in html
    assert "Télécharger la discussion (mbox)" in html
    assert "amelie@example.org" not in html and "benoit@example.org" not in html


def test_permalink_leads_into_the_thread(thread, client):
    response = client.get("/m/reply-1@example.org")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/t/reply-1@example.org/#m-reply-1_40example.org")
    assert client.get("/m/%3Creply-1@example.org%3E").status_code == 302  # brackets tolerated
    page = client.get(response.headers["Location"].split("#")[0]).get_data(as_text=True)
    assert 'id="m-reply-1_40example.org"' in page
    assert client.get("/m/unknown@example.org").status_code == 404


def test_private_list_is_404_everywhere(lists, client):
    deliver(lists, "root.eml", to="prive@lists.test")
    for path in ("/l/prive@lists.test/", "/t/root-jardin@example.org/", "/m/root-jardin@example.org",
                 "/m/root-jardin@example.org/raw", "/t/root-jardin@example.org/mbox",
                 "/l/prive@lists.test/mbox", "/m/root-jardin@example.org/attachments/0"):
        response = client.get(path)
        assert response.status_code == 404, path
    assert "Page introuvable" in client.get("/l/prive@lists.test/").get_data(as_text=True)
    home = client.get("/").get_data(as_text=True)
    assert "Bureau" not in home and "Jardin partagé" not in home
    assert "Bureau" not in client.get("/a/lille/").get_data(as_text=True)


def _big_french_message() -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = "Élodie Mercier <elodie@example.org>"
    message["To"] = "semences@lists.test"
    message["Subject"] = "Catalogue des semences — édition 2026"
    message["Message-ID"] = "<gros-catalogue@example.org>"
    message["Date"] = "Thu, 05 Nov 2026 08:30:00 +0100"
    message.set_content("Voici le catalogue complet, à imprimer.\nÀ bientôt — Élodie\n",
                        cte="8bit")
    message.add_attachment(os.urandom(5 * 1024 * 1024), maintype="application",
                           subtype="pdf", filename="catalogue-été.pdf")
    return message.as_bytes()


def test_raw_and_attachment_are_byte_identical(send, lists, client):
    raw = _big_french_message()
    assert b"\xc3\x80 bient\xc3\xb4t" in raw  # an 8bit UTF-8 body, as sent
    code, _ = send(raw)
    assert code == 250
    response = client.get("/m/gros-catalogue@example.org/raw")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.get_data() == raw
    page = client.get("/t/gros-catalogue@example.org/").get_data(as_text=True)
    assert "catalogue-été.pdf" in page
    link = re.search(r'href="(/m/gros-catalogue@example.org/attachments/\d+)"', page).group(1)
    download = client.get(link)
    assert download.status_code == 200 and download.mimetype == "application/pdf"
    assert "attachment;" in download.headers["Content-Disposition"]
    assert "filename*=UTF-8''catalogue-%C3%A9t%C3%A9.pdf" in download.headers["Content-Disposition"]
    attached = next(email.message_from_bytes(raw, policy=SMTP).iter_attachments())
    assert download.get_data() == attached.get_content()
    assert client.get("/m/gros-catalogue@example.org/attachments/9").status_code == 404


def test_mbox_downloads_parse_back_with_every_message(thread, client, tmp_path):
    deliver(thread, (WEB / "from-line.eml").read_bytes())
    deliver(thread, root(1))
    response = client.get("/l/semences@lists.test/mbox")
    assert response.status_code == 200 and response.mimetype == "application/mbox"
    data = response.get_data()
    assert b"\n>From the beginning, mbox must quote this line." in data  # mboxrd (RFC 4155)
    assert b"\n>>From already quoted once." in data
    path = tmp_path / "list.mbox"
    path.write_bytes(data)
    ids = [m["Message-ID"] for m in mailbox.mbox(str(path))]
    assert sorted(ids) == sorted(["<root-jardin@example.org>", "<reply-1@example.org>",
                                  "<from-line@example.org>", "<fil-1@example.org>"])
    path.write_bytes(client.get("/t/reply-1@example.org/mbox").get_data())
    ids = [m["Message-ID"] for m in mailbox.mbox(str(path))]
    assert sorted(ids) == ["<from-line@example.org>", "<reply-1@example.org>",
                           "<root-jardin@example.org>"]


def test_list_pages_walk_every_thread_once(lists, client):
    assert filing.receive_batch(lists, "semences@lists.test",
                                [root(n, day=1 + n % 20) for n in range(65)])[0] == 65
    seen, url = [], "/l/semences@lists.test/"
    while url:
        html = client.get(url).get_data(as_text=True)
        seen += re.findall(r'href="/t/(fil-\d+@example.org)/"', html)
        found = re.search(r'rel="next" href="([^"]+)"', html)
        url = "/l/semences@lists.test/" + found.group(1).replace("&amp;", "&") if found else ""
    assert len(seen) == 65 and len(set(seen)) == 65


def test_html_part_and_subject_cannot_inject_script(lists, client):
    deliver(lists, (WEB / "xss.eml").read_bytes())
    for path in ("/t/xss-1@example.org/", "/", "/l/semences@lists.test/", "/a/lille/"):
        html = client.get(path).get_data(as_text=True)
        assert_inert(html)
        assert "mallory@example.org" not in html
    html = client.get("/t/xss-1@example.org/").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#34;sujet&#34;)&lt;/script&gt;" in html  # shown, escaped
    assert "Bonjour" in html and "clic" in html  # the HTML part is shown, cleaned


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]


def test_language_follows_query_cookie_and_accept_language(lists):
    client = create_app(lists).test_client()
    assert "Accueil" in client.get("/").get_data(as_text=True)
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.8"}).get_data(as_text=True)
    assert '<html lang="en">' in english and "Latest threads" in english
    assert "Home" in client.get("/?lang=en").get_data(as_text=True)
    assert "Page not found" in client.get("/nowhere").get_data(as_text=True)  # cookie kept
    assert "Accueil" in client.get("/?lang=fr").get_data(as_text=True)


def _key(value) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def test_french_catalogue_is_compiled_and_in_sync():
    po_path = TRANSLATIONS / "fr/LC_MESSAGES/messages.po"
    with po_path.open("rb") as handle:
        po = {_key(m.id): _key(m.string) for m in read_po(handle) if m.id}
    with po_path.with_suffix(".mo").open("rb") as handle:
        mo = {_key(m.id): _key(m.string) for m in read_mo(handle) if m.id}
    assert po == mo
    assert all(all(v) for v in po.values()), [k for k, v in po.items() if not all(v)]


def test_thread_page_queries_do_not_grow_with_messages(lists, client):
    """No N+1: a 3-message and a 30-message thread take the same number of queries."""
    def thread_of(size: int, tag: str) -> list[bytes]:
        raws, parent = [], ""
        for n in range(size):
            mid = f"{tag}-{n}@example.org"
            refs = f"In-Reply-To: <{parent}>\r\nReferences: <{parent}>\r\n" if parent else ""
            raws.append((f"From: Alice <alice@example.org>\r\nSubject: Re: {tag}\r\n"
                         f"Message-ID: <{mid}>\r\n{refs}Date: Tue, 02 Jun 2026 10:{n:02d}:00 +0000\r\n"
                         f"\r\nCorps {n}\r\n").encode())
            parent = mid
        return raws

    filing.receive_batch(lists, "semences@lists.test", thread_of(3, "petit") + thread_of(30, "grand"))
    counts = []
    engine = engine_for(lists)

    def count(*_args):
        counts[-1] += 1
    event.listen(engine, "before_cursor_execute", count)
    try:
        for tag in ("petit", "grand"):
            counts.append(0)
            assert client.get(f"/t/{tag}-0@example.org/").status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert counts[0] == counts[1], counts


def test_thread_page_cache_sees_replies_deletions_and_themes(lists, client):
    """The rendered thread page is cached, and rebuilt when what it shows changes."""
    from sqlalchemy import select
    from federation.storage.db import session_scope
    from federation.storage.models import Message, Theme, ThreadTheme
    deliver(lists, "root.eml")
    first = client.get("/t/root-jardin@example.org/")
    assert "Benoit Durand" not in first.get_data(as_text=True)
    again = client.get("/t/root-jardin@example.org/", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    deliver(lists, "reply-8bit-fr.eml")
    html = client.get("/t/root-jardin@example.org/").get_data(as_text=True)
    assert "Benoit Durand" in html and 'class="message depth-1"' in html
    with session_scope(lists) as session:
        reply = session.scalar(select(Message).where(Message.message_id == "reply-1@example.org"))
        reply.deleted = True
        thread_id = reply.thread_id
    html = client.get("/t/reply-1@example.org/").get_data(as_text=True)
    assert "Benoit Durand" not in html and "deleted" in html
    with session_scope(lists) as session:
        theme = session.scalar(select(Theme).order_by(Theme.id).limit(1))
        session.execute(ThreadTheme.__table__.delete().where(ThreadTheme.thread_id == thread_id))
        session.add(ThreadTheme(thread_id=thread_id, theme_id=theme.id, source="manual"))
        label = theme.label_fr
    assert label in client.get("/t/root-jardin@example.org/").get_data(as_text=True)


def test_a_fresh_checkout_compiles_every_catalogue_to_the_committed_bytes(tmp_path):
    """Each committed messages.mo is exactly what its .po compiles to, at any time of day: a
    clean clone (CI's, an operator's) that recompiles at start then changes no file."""
    import shutil
    from web import language
    for root in language.catalogue_roots():
        for po_path in root.glob("*/LC_MESSAGES/messages.po"):
            copy = tmp_path / po_path.relative_to(root.parent.parent)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(po_path, copy)  # newer than any .mo: it compiles
            written = language.compile_catalogues(copy.parent.parent.parent)
            assert written == [copy.with_suffix(".mo")]
            assert copy.with_suffix(".mo").read_bytes() == po_path.with_suffix(".mo").read_bytes(), po_path
