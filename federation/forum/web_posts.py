"""Web posts: submitted, confirmed by a link mailed to the address given, then filed as mail.

``submit`` builds the message at once (``composition``), keeps it as a ``WebPost`` and mails a
single-use, expiring link (within the address's daily quota of automatic mail, so the form
cannot flood a stranger's inbox); ``confirm`` redeems the link and files the message through
``filing.file_post`` with ``via=WEB``, exactly as SMTP mail is filed. ``post_confirmed`` files
at once for an author already known: a console user, a remembered browser. Nobody is ever
subscribed by posting.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from federation.archive.header_text import one_line
from federation.errors import Invalid
from federation.forum.composition import Draft, compose
from federation.ingest import filing
from federation.ingest.outcome import FAILED, HELD
from federation.ingest.posting import WEB
from federation.lists import directory, notices, quotas, tokens
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Held, MailingList, Message, WebPost, utcnow

PURPOSE = "web-post"
LINK_PATH = "/forum/publish/"  # not "/confirm/": a reply to the mail must not look like one
SUBJECT_QUOTED = 80  # characters of the post's subject the confirmation mail repeats


class TooMany(Exception):
    """The address had its share of automatic mail today: no link sent, nothing kept."""


@dataclass(frozen=True)
class Result:
    """What became of a confirmed web post: an ``Outcome`` status and where to see it."""

    status: str
    list_address: str
    message_id: str
    email: str
    reason: str = ""  # a refusal's text, or the key of the reason it is held


def open_to_web(session: Session, mailing_list: MailingList) -> bool:
    """Whether a list shows the forms and takes web posts: public, not archived, not an
    announce list (only its moderators post, and the web knows nobody), posting on."""
    return (mailing_list.public and mailing_list.archived_at is None
            and mailing_list.policy != "announce"
            and directory.option_on(session, mailing_list, "web_posting"))


def parent_of(session: Session, mailing_list: MailingList, message_id: str) -> Message | None:
    """The archived message of this list a reply answers (never a ghost or an erased one)."""
    return session.scalar(select(Message).where(
        Message.list_id == mailing_list.id, Message.message_id == message_id,
        Message.ghost.is_(False), Message.deleted.is_(False)))


def _built(session: Session, settings: Settings, written: Draft) -> WebPost:
    """The list checked, the message built and kept (pending) in the caller's transaction."""
    ml = directory.find_list(session, written.list_address)
    if ml is None or not open_to_web(session, ml):
        raise Invalid("Cette liste ne reçoit pas de messages du web / "
                      "this list takes no posts from the web")
    parent = None
    if written.parent_message_id:
        parent = parent_of(session, ml, written.parent_message_id)
        if parent is None:
            raise Invalid("Message inconnu / unknown message")
    raw, message_id = compose(settings.mail_domain, ml, written, parent)
    post = WebPost(list_id=ml.id, message_id=message_id, email=written.email,
                   parent_message_id=parent.message_id if parent is not None else "",
                   subject=written.subject, raw=raw, status="pending", created_at=utcnow())
    session.add(post)
    session.flush()
    return post


def submit(settings: Settings, written: Draft, language: str = "fr") -> None:
    """Keep the post and mail its link to the address given; ``TooMany`` past the quota,
    ``Invalid`` for a list closed to the web or an unknown parent."""
    with session_scope(settings) as session:
        post = _built(session, settings, written)
        # RFC 3834 §4 and backscatter: whoever typed the address is not authenticated
        if not quotas.spend(session, written.email, settings.max_notices_per_day):
            raise TooMany(written.email)
        secret = tokens.create(session, PURPOSE, post.mailing_list, written.email,
                               payload={"post": post.id, "language": language})
        # posts whose link expired unused can never be filed: they go, as quotas' old days do
        session.execute(delete(WebPost).where(
            WebPost.status == "pending",
            WebPost.created_at < utcnow() - tokens.LIFETIMES[PURPOSE]))
        notice = notices.build(
            settings, "confirm_web_post", language, written.email, post.mailing_list,
            subject=tokens.defang(one_line(written.subject)[:SUBJECT_QUOTED]),
            link=settings.base_url + LINK_PATH + secret)
    notices.send(settings, notice, [written.email])


def pending(settings: Settings, secret: str) -> WebPost:
    """The post a live link stands for, without using the link; raises ``BadToken``."""
    with session_scope(settings, write=False) as session:
        token = tokens.find(session, secret)
        post = session.get(WebPost, tokens.payload(token).get("post", 0)) \
            if token.purpose == PURPOSE else None
        if post is None:
            raise tokens.BadToken("forged")
        post.mailing_list  # loaded now: the page names the list
        session.expunge(post)
        return post


def confirm(settings: Settings, secret: str) -> Result:
    """Redeem a link and file its post; raises ``BadToken`` (forged, expired, used), or
    ``Invalid`` when the list closed to the web meanwhile.

    The token is spent after filing, which is idempotent (a second filing of the same
    Message-ID changes nothing): a failure to file leaves the link usable again."""
    post = pending(settings, secret)
    with session_scope(settings, write=False) as session:
        if not open_to_web(session, session.get(MailingList, post.list_id)):
            raise Invalid("Cette liste ne reçoit plus de messages du web / "
                          "this list no longer takes posts from the web")
    result = _file(settings, post.id)
    if result.status != FAILED:
        with session_scope(settings) as session:
            try:
                tokens.redeem(session, PURPOSE, secret)
            except tokens.BadToken:
                pass  # two clicks at once: both filed the one message, once
    return result


def post_confirmed(settings: Settings, written: Draft) -> Result:
    """Build and file a post at once, for an author already known (a console user, a
    remembered browser): the same message, the same rules, no link to wait for."""
    with session_scope(settings) as session:
        post_id = _built(session, settings, written).id
    return _file(settings, post_id)


def _file(settings: Settings, post_id: int) -> Result:
    """File a kept post as mail is filed, and note what became of it."""
    with session_scope(settings, write=False) as session:
        post = session.get(WebPost, post_id)
        raw, address, email = post.raw, post.mailing_list.address, post.email
        message_id = post.message_id
    [outcome] = filing.file_post(settings, raw, [address], sender=email, via=WEB)
    reason = outcome.reason
    with session_scope(settings) as session:
        post = session.get(WebPost, post_id)
        post.status, post.confirmed_at = outcome.status, utcnow()
        if outcome.status == HELD and outcome.held_pk is not None:
            reason = session.get(Held, outcome.held_pk).reason
    return Result(outcome.status, address, message_id, email, reason)


def web_message_ids(session: Session, thread_id: int) -> set[str]:
    """The Message-IDs of a thread's messages that came from the web form (archived ones)."""
    return set(session.scalars(select(WebPost.message_id).join(Message, and_(
        Message.list_id == WebPost.list_id, Message.message_id == WebPost.message_id))
        .where(Message.thread_id == thread_id)))
