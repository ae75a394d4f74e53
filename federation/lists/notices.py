"""The mails Relais itself writes: confirmations, welcome, goodbye, help, moderation notices.

Texts are data (``TEXTS``), in French and English. Every notice is marked
``Auto-Submitted`` (RFC 3834) and carries ``X-Loop`` and the list's ``List-Id`` so that no
responder, and no Relais, answers it; it is sent with a null reverse-path (``MAIL FROM:<>``)
so that a failure to deliver it never bounces back into a loop. An automatic answer to
someone nothing authenticates goes through ``answer``, within a daily quota per address.
"""
from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from datetime import timezone
from email.utils import format_datetime, formataddr, make_msgid
import re

from federation import queue
from federation.lists import quotas, tokens
from federation.storage.db import session_scope
from federation.archive.enclosure import enclose
from federation.archive.header_text import one_line
from federation.archive.message import header_value
from federation.storage.models import MailingList, utcnow
from federation.settings import Settings

SEND_JOB = "send"  # a job role (federation/queue.py): the composition root gives it the sender

TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "confirm_subscribe": {
        "fr": ("[{name}] Confirmez votre abonnement : confirm {secret}",
               "Bonjour,\n\nQuelqu'un (sans doute vous) a demandé l'abonnement de {email} à la "
               "liste « {name} » ({address}).\n\nPour confirmer, répondez simplement à ce "
               "message sans changer le sujet, ou ouvrez ce lien :\n\n  {link}\n\n"
               "Sans réponse de votre part d'ici trois jours, rien ne se passera."),
        "en": ("[{name}] Confirm your subscription: confirm {secret}",
               "Hello,\n\nSomeone (probably you) asked to subscribe {email} to the list "
               "\"{name}\" ({address}).\n\nTo confirm, just reply to this message without "
               "changing the subject, or open this link:\n\n  {link}\n\n"
               "If you do nothing within three days, nothing will happen."),
    },
    "confirm_unsubscribe": {
        "fr": ("[{name}] Confirmez votre désabonnement : confirm {secret}",
               "Bonjour,\n\nQuelqu'un (sans doute vous) a demandé le désabonnement de {email} "
               "de la liste « {name} » ({address}).\n\nPour confirmer, répondez simplement à "
               "ce message sans changer le sujet, ou ouvrez ce lien :\n\n  {link}\n\n"
               "Sans réponse de votre part d'ici trois jours, vous resterez abonné·e."),
        "en": ("[{name}] Confirm your unsubscription: confirm {secret}",
               "Hello,\n\nSomeone (probably you) asked to unsubscribe {email} from the list "
               "\"{name}\" ({address}).\n\nTo confirm, just reply to this message without "
               "changing the subject, or open this link:\n\n  {link}\n\n"
               "If you do nothing within three days, you stay subscribed."),
    },
    "welcome": {
        "fr": ("Bienvenue sur la liste « {name} »",
               "Bienvenue ! {email} est maintenant abonné·e à la liste « {name} ».\n\n"
               "Pour écrire à la liste : {address}\nLes archives : {archive}\n"
               "Pour vous désabonner : écrivez à {leave}\nAide : écrivez « aide » à {request}"),
        "en": ("Welcome to the list \"{name}\"",
               "Welcome! {email} is now subscribed to the list \"{name}\".\n\n"
               "To post to the list: {address}\nArchives: {archive}\n"
               "To unsubscribe: write to {leave}\nHelp: write \"help\" to {request}"),
    },
    "goodbye": {
        "fr": ("Désabonnement de la liste « {name} »",
               "{email} n'est plus abonné·e à la liste « {name} ».\n\n"
               "Pour revenir : écrivez à {join}"),
        "en": ("Unsubscribed from the list \"{name}\"",
               "{email} is no longer subscribed to the list \"{name}\".\n\n"
               "To come back: write to {join}"),
    },
    "help": {
        "fr": ("Aide de la liste « {name} »",
               "Commandes de la liste « {name} », à écrire dans le sujet ou le corps d'un "
               "message envoyé à {request} :\n\n"
               "  abonner       demander l'abonnement (ou écrivez à {join})\n"
               "  désabonner    demander le désabonnement (ou écrivez à {leave})\n"
               "  aide          recevoir ce message\n\n"
               "Chaque demande est confirmée par un message auquel il suffit de répondre.\n"
               "Pour écrire à la liste : {address}\nLes archives : {archive}"),
        "en": ("Help for the list \"{name}\"",
               "Commands of the list \"{name}\", in the subject or body of a message sent "
               "to {request}:\n\n"
               "  subscribe     ask to subscribe (or write to {join})\n"
               "  unsubscribe   ask to unsubscribe (or write to {leave})\n"
               "  help          get this message\n\n"
               "Each request is confirmed by a message you only need to reply to.\n"
               "To post to the list: {address}\nArchives: {archive}"),
    },
    "bad_token": {
        "fr": ("[{name}] Confirmation impossible",
               "Votre réponse n'a pas pu être prise en compte : {problem}.\n\n"
               "Rien n'a été changé. Pour recommencer, écrivez « abonner » ou « désabonner » "
               "à {request}."),
        "en": ("[{name}] Confirmation failed",
               "Your reply could not be used: {problem}.\n\nNothing was changed. To start "
               "again, write \"subscribe\" or \"unsubscribe\" to {request}."),
    },
    "held": {
        "fr": ("[{name}] Message retenu pour modération : {subject}",
               "Votre message « {subject} » à la liste « {name} » est retenu pour "
               "modération : {reason}.\n\nIl n'est pas perdu : un·e modérateur·rice va "
               "l'accepter ou le refuser, et vous serez prévenu·e en cas de refus."),
        "en": ("[{name}] Message held for moderation: {subject}",
               "Your message \"{subject}\" to the list \"{name}\" is held for moderation: "
               "{reason}.\n\nIt is not lost: a moderator will approve or reject it, and you "
               "will be told if it is rejected."),
    },
    "moderate": {
        "fr": ("[{name}] À modérer, confirm {secret} : {subject}",
               "Un message à la liste « {name} » attend votre décision.\n\n"
               "  De : {author}\n  Enveloppe (MAIL FROM) : {sender}\n  Sujet : {subject}\n"
               "  Raison : {reason}\n\n"
               "Pour l'ACCEPTER, répondez à ce message sans changer le sujet.\n"
               "Pour le REFUSER, répondez en écrivant « rejeter » sur la première ligne.\n\n"
               "Le message est joint."),
        "en": ("[{name}] To moderate, confirm {secret}: {subject}",
               "A message to the list \"{name}\" awaits your decision.\n\n"
               "  From: {author}\n  Envelope (MAIL FROM): {sender}\n  Subject: {subject}\n"
               "  Reason: {reason}\n\n"
               "To APPROVE it, reply to this message without changing the subject.\n"
               "To REJECT it, reply with \"reject\" on the first line.\n\n"
               "The message is attached."),
    },
    "admit": {
        "fr": ("[{name}] Demande d'abonnement, confirm {secret} : {subscriber}",
               "{subscriber} demande à s'abonner à la liste privée « {name} » et a confirmé "
               "son adresse.\n\nPour ACCEPTER, répondez à ce message sans changer le sujet.\n"
               "Pour REFUSER, répondez en écrivant « rejeter » sur la première ligne.\n\n"
               "Sans décision d'ici quatorze jours, la demande expire."),
        "en": ("[{name}] Subscription request, confirm {secret}: {subscriber}",
               "{subscriber} asks to join the private list \"{name}\" and has confirmed "
               "their address.\n\nTo APPROVE, reply to this message without changing the "
               "subject.\nTo REFUSE, reply with \"reject\" on the first line.\n\n"
               "Without a decision within fourteen days, the request expires."),
    },
    "pending": {
        "fr": ("[{name}] Demande d'abonnement en attente",
               "Merci, votre adresse {email} est confirmée.\n\nLa liste « {name} » est "
               "privée : votre demande attend maintenant l'accord d'un·e modérateur·rice. "
               "Vous recevrez un message de bienvenue quand elle sera acceptée."),
        "en": ("[{name}] Subscription request pending",
               "Thank you, your address {email} is confirmed.\n\nThe list \"{name}\" is "
               "private: your request now waits for a moderator's approval. You will get a "
               "welcome message once it is approved."),
    },
    "refused": {
        "fr": ("[{name}] Demande d'abonnement refusée",
               "Votre demande d'abonnement de {email} à la liste « {name} » a été refusée par "
               "la modération.\n\nPour toute question : {owner}"),
        "en": ("[{name}] Subscription request refused",
               "Your request to subscribe {email} to the list \"{name}\" was refused by the "
               "moderators.\n\nQuestions: {owner}"),
    },
    "admitted": {
        "fr": ("[{name}] Décision enregistrée : abonnement de {subscriber}",
               "La demande d'abonnement de {subscriber} est {decision}."),
        "en": ("[{name}] Decision recorded: subscription of {subscriber}",
               "The subscription request of {subscriber} is {decision}."),
    },
    "rejected": {
        "fr": ("[{name}] Message refusé : {subject}",
               "Votre message « {subject} » à la liste « {name} » a été refusé par la "
               "modération.{why}\n\nPour toute question : {owner}"),
        "en": ("[{name}] Message rejected: {subject}",
               "Your message \"{subject}\" to the list \"{name}\" was rejected by the "
               "moderators.{why}\n\nQuestions: {owner}"),
    },
    "confirm_web_post": {  # the link only: never the typed text, to a stranger's inbox
        "fr": ("[{name}] Confirmez votre message : {subject}",
               "Bonjour,\n\nQuelqu'un (sans doute vous) a écrit depuis le web un message à la "
               "liste « {name} » ({address}) avec l'adresse {email}, sujet « {subject} ».\n\n"
               "Pour le publier, ouvrez ce lien :\n\n  {link}\n\nSans cela d'ici deux "
               "jours, le message ne sera jamais envoyé. Ce message ne vous abonne à rien."),
        "en": ("[{name}] Confirm your message: {subject}",
               "Hello,\n\nSomeone (probably you) wrote a message on the web to the list "
               "\"{name}\" ({address}) with the address {email}, subject \"{subject}\".\n\n"
               "To publish it, open this link:\n\n  {link}\n\nIf you do not within two "
               "days, the message will never be sent. This does not subscribe you to anything."),
    },
    "moderated": {
        "fr": ("[{name}] Décision enregistrée : {subject}",
               "Le message « {subject} » de {sender} est {decision}."),
        "en": ("[{name}] Decision recorded: {subject}",
               "The message \"{subject}\" from {sender} is {decision}."),
    },
}

WORDS = {
    "non-member": {"fr": "l'expéditeur n'est pas abonné à cette liste",
                   "en": "the sender is not a member of this list"},
    "moderated": {"fr": "tous les messages de cette liste sont modérés",
                  "en": "every message to this list is moderated"},
    "announce": {"fr": "seuls les modérateurs et propriétaires écrivent sur cette liste "
                       "d'annonces", "en": "only moderators and owners post to this "
                                           "announcement list"},
    "first-web-post": {"fr": "premier message de cette adresse, écrit depuis le web",
                       "en": "first message from this address, written on the web"},
    "emergency": {"fr": "la liste est en modération d'urgence",
                  "en": "the list is under emergency moderation"},
    "forged": {"fr": "ce jeton est inconnu", "en": "this token is unknown"},
    "expired": {"fr": "ce jeton a expiré", "en": "this token has expired"},
    "used": {"fr": "ce jeton a déjà été utilisé", "en": "this token was already used"},
    "approved": {"fr": "accepté et diffusé", "en": "approved and delivered"},
    "rejected": {"fr": "refusé", "en": "rejected"},
    "subscribed": {"fr": "acceptée", "en": "approved"},
    "refused": {"fr": "refusée", "en": "refused"},
}


def word(key: str, language: str) -> str:
    """A reason or status in one language (the key itself when unknown)."""
    return WORDS.get(key, {}).get(language if language in ("fr", "en") else "fr", key)


def addresses(settings: Settings, mailing_list: MailingList) -> dict[str, str]:
    """The list's addresses and archive link, as text values for the notices."""
    return dict(name=mailing_list.name, address=mailing_list.address,
                **{role: mailing_list.role_address(role)
                   for role in ("request", "join", "leave", "owner")},
                archive=f"{settings.base_url}/l/{mailing_list.address}/")


# RFC 3834 §2 and long practice: never answer bulk, junk or other lists' traffic.
_NO_ANSWER = re.compile(r"^\s*(bulk|junk|list)\b", re.IGNORECASE)


def may_answer(raw: bytes, sender: str, mailing_list: MailingList) -> bool:
    """RFC 3834 §2: never answer a null sender, automatic mail, bulk/list mail or our own."""
    if not sender.strip("<>"):
        return False
    submitted = header_value(raw, "Auto-Submitted").split(";")[0].strip().lower()
    if submitted not in ("", "no") or _NO_ANSWER.match(header_value(raw, "Precedence")):
        return False
    loop = header_value(raw, "X-Loop").lower()
    return (f"<{mailing_list.list_id}>" not in header_value(raw, "List-Id")
            and not any(address in loop
                        for address in (mailing_list.role_address("request"),
                                        mailing_list.address)))


def build(settings: Settings, kind: str, language: str, to: str, mailing_list: MailingList,
          in_reply_to: str = "", **values) -> EmailMessage:
    """Write one notice; ``language`` fr, en, or "fr+en" for both (when we could not tell)."""
    languages = ["fr", "en"] if language not in ("fr", "en") else [language]
    values = {**addresses(settings, mailing_list), "email": to, **values}
    subjects, bodies = [], []
    for lang in languages:
        subject, body = TEXTS[kind][lang]
        subjects.append(subject.format(**values))
        bodies.append(body.format(**values))
    message = EmailMessage()
    request = mailing_list.role_address("request")
    # Subjects embed the poster's (decoded) subject: one line each, never a new header
    message["From"] = formataddr((one_line(mailing_list.name), request))
    message["To"] = one_line(to)
    message["Subject"] = one_line(" / ".join(subjects))
    message["Date"] = format_datetime(utcnow().replace(tzinfo=timezone.utc))
    secret = values.get("secret", "")  # a reply's In-Reply-To then names our token
    message["Message-ID"] = make_msgid(tokens.mark(secret) if secret else "relais",
                                       domain=settings.mail_domain)
    if in_reply_to:  # RFC 3834 §5: a reply keeps the thread and says it is automatic
        message["In-Reply-To"] = f"<{in_reply_to}>"
        message["References"] = f"<{in_reply_to}>"
    message["Auto-Submitted"] = "auto-replied" if in_reply_to else "auto-generated"
    message["List-Id"] = f"{one_line(mailing_list.name)} <{mailing_list.list_id}>"
    message["X-Loop"] = request
    message.set_content("\n\n-- English below / en anglais ci-dessous --\n\n".join(bodies)
                        if len(bodies) > 1 else bodies[0], cte="quoted-printable")
    message["Content-Language"] = ", ".join(languages)  # RFC 3282; after set_content clears it
    return message


def attach_original(message: EmailMessage, raw: bytes) -> None:
    """Attach a held message as message/rfc822 (RFC 2046 §5.2.1), as Mailman shows moderators.

    The bytes go in as they came (``enclosure``): never decoded, refolded or walked."""
    part = enclose(raw)
    part["Content-Disposition"] = "attachment"
    message.make_mixed()
    message.attach(part)


def answer(settings: Settings, message: EmailMessage, to: str) -> bool:
    """Send an automatic answer to one address within its daily quota; False when over it.

    Answers go to the envelope sender (RFC 3834 §4), whom nothing authenticates: the quota
    (``RELAIS_MAX_NOTICES_PER_DAY``) keeps Relais from flooding a forged one (backscatter).
    """
    with session_scope(settings) as session:
        allowed = quotas.spend(session, to, settings.max_notices_per_day)
    if allowed:
        send(settings, message, [to])
    return allowed


def send(settings: Settings, message: EmailMessage, recipients: list[str]) -> None:
    """Queue a notice for delivery with a null reverse-path (RFC 5321 §4.5.5; RFC 3834 §3.3)."""
    if not recipients:
        return
    raw = message.as_bytes(policy=email.policy.SMTP)
    queue.enqueue(settings, SEND_JOB, "", list(recipients), raw)
