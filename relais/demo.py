"""Demo data: four assemblies, their lists and French threads, posted through the real ingest.

Every message goes through ``federation.ingest.filing.file_post`` exactly as SMTP mail does, so the
demo shows threading, themes and feeds as they really behave.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from sqlalchemy import func, select

from federation.lists import directory
from federation.ingest import filing
from federation.storage.db import session_scope
from federation.storage.models import Assembly
from federation.settings import Settings

ASSEMBLIES = (
    ("lille", "Assemblée des communs de Lille", "Communs de la métropole lilloise."),
    ("grenoble", "Assemblée des communs de Grenoble", "Communs grenoblois et du Grésivaudan."),
    ("lyon", "Assemblée des communs de Lyon", "Communs lyonnais."),
    ("saint-etienne", "Assemblée des communs de Saint-Étienne", "Communs stéphanois."),
)
LISTS = (
    ("lille-discussion", "lille", "Lille — discussion", "open"),
    ("lille-semences", "lille", "Lille — semences paysannes", "open"),
    ("grenoble-discussion", "grenoble", "Grenoble — discussion", "open"),
    ("grenoble-numerique", "grenoble", "Grenoble — numérique libre", "open"),
    ("lyon-discussion", "lyon", "Lyon — discussion", "open"),
    ("lyon-tiers-lieux", "lyon", "Lyon — tiers-lieux", "open"),
    ("saint-etienne-discussion", "saint-etienne", "Saint-Étienne — discussion", "open"),
)

# (list, subject, [(author, body), ...]): the first message starts the thread, the others reply
# in order, each to the previous one.
THREADS = (
    ("lille-semences", "Grainothèque de Fives : on refait le stock avant l'hiver ?", [
        ("Agnès Vandamme <agnes@exemple.fr>",
         "Bonjour à toutes et tous,\n\nLa grainothèque de la maison de quartier de Fives est "
         "presque vide : il reste des haricots nains et trois sachets de tomates cœur de bœuf.\n"
         "Qui a des courges, des fèves ou des radis montés en graines ? Notez la variété, "
         "l'année et le lieu de récolte sur chaque sachet.\n\nBelle journée,\nAgnès"),
        ("Karim Benali <karim@exemple.fr>",
         "J'ai une dizaine de sachets de fèves « Aguadulce » et de la courge musquée de "
         "Provence. Je passe samedi matin.\n\nKarim"),
        ("Agnès Vandamme <agnes@exemple.fr>",
         "Super, merci Karim ! Je laisse la clé du tiroir à l'accueil."),
    ]),
    ("lille-discussion", "Compte rendu de l'assemblée du 14 novembre", [
        ("Claire Dupont <claire@exemple.fr>",
         "Bonjour,\n\nVoici le compte rendu de notre assemblée plénière : 23 présentes et "
         "présents, ordre du jour adopté, atelier cartographie le 5 décembre, repas partagé "
         "à la Ressourcerie. Prochaine plénière le 12 décembre.\n\nClaire, secrétaire de séance"),
        ("Hugo Lemaire <hugo@exemple.fr>",
         "Merci Claire ! Je peux accueillir les nouveaux venus à 18 h 30, avant la plénière."),
    ]),
    ("grenoble-numerique", "Quitter Google Groups pour une liste libre ? #logiciel-libre", [
        ("Mathieu Roux <mathieu@exemple.org>",
         "Salut la liste,\n\nTous nos échanges passent par Google alors qu'on parle de communs "
         "numériques. Le collectif d'hébergement associatif (membre des CHATONS) nous propose "
         "une liste avec archives publiques. Il faut quelqu'un pour la migration.\n\nMathieu"),
        ("Sophie Garnier <sophie@exemple.org>",
         "Je veux bien aider : j'ai déjà migré la liste du fablab. Il faudra exporter les "
         "archives en mbox.\n\nSophie"),
        ("Mathieu Roux <mathieu@exemple.org>",
         "Top ! On se cale un atelier install-party mardi soir à la Turbine ?"),
    ]),
    ("grenoble-discussion", "Eau de la Romanche : réunion publique sur la gestion en commun", [
        ("Jeanne Morel <jeanne@exemple.org>",
         "Bonjour,\n\nLe collectif des usagers de l'eau organise une réunion publique sur la "
         "gestion de la ressource en eau et la régie publique, jeudi à 19 h à la Maison des "
         "habitants. La métropole sera représentée.\n\nJeanne"),
    ]),
    ("lyon-tiers-lieux", "Atelier partagé des Pentes : planning des permanences", [
        ("Nadia Haddad <nadia@exemple.fr>",
         "Bonjour,\n\nLe fablab de l'atelier partagé des Pentes cherche des bénévoles pour les "
         "permanences du samedi : découpe laser, imprimante 3D et réparation de vélos.\n"
         "Inscrivez-vous sur le tableau partagé.\n\nNadia"),
        ("Lucas Bernard <lucas@exemple.fr>",
         "Je prends le samedi 6, et je peux former deux personnes à la découpe laser."),
    ]),
    ("lyon-discussion", "Chambre des communs : financement contributif", [
        ("Émile Girard <emile@exemple.fr>",
         "Bonjour,\n\nLa chambre des communs lyonnaise étudie une SCIC pour mutualiser les "
         "financements et rémunérer les contributions. Qui veut travailler les statuts avec "
         "nous ?\n\nÉmile"),
        ("Inès Caron <ines@exemple.fr>",
         "Intéressée ! On pourrait regarder le modèle des CAE et le revenu contributif."),
    ]),
    ("saint-etienne-discussion", "Cartographie des initiatives stéphanoises", [
        ("Paul Rivière <paul@exemple.fr>",
         "Bonjour,\n\nOn relance la carte des communs de Saint-Étienne : jardins, ateliers de "
         "réparation, épiceries coopératives, lieux partagés. Chacune et chacun peut ajouter "
         "une fiche sur la carte ouverte.\n\nPaul"),
        ("Léa Fontaine <lea@exemple.fr>",
         "J'ajoute les trois jardins partagés de Beaubrun et la recyclerie du Crêt de Roc."),
    ]),
    ("saint-etienne-discussion", "Repas partagé et accueil des nouveaux", [
        ("Marion Petit <marion@exemple.fr>",
         "Bonjour,\n\nProchaine assemblée le 9 décembre avec un repas partagé : apportez un "
         "plat ! On commencera par un tour d'accueil pour les nouvelles personnes.\n\nMarion"),
    ]),
)


def _mail(address: str, subject: str, author: str, body: str, when: datetime,
          parent: EmailMessage | None) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = author
    mail["To"] = address
    mail["Subject"] = subject if parent is None else f"Re: {subject}"
    mail["Date"] = format_datetime(when)
    mail["Message-ID"] = make_msgid(domain="demo.relais.example")
    if parent is not None:
        refs = (parent.get("References", "") + " " + parent["Message-ID"]).strip()
        mail["In-Reply-To"] = parent["Message-ID"]
        mail["References"] = refs
    mail.set_content(body + "\n")
    return mail


def seed(settings: Settings, if_empty: bool = False) -> int:
    """Create the demo assemblies and lists, then post the demo threads; returns messages sent."""
    with session_scope(settings) as session:
        if if_empty and session.scalar(select(func.count()).select_from(Assembly)):
            return 0
        for slug, name, description in ASSEMBLIES:
            directory.add_assembly(session, slug, name, description)
        for local, assembly, name, policy in LISTS:
            if directory.find_list(session, f"{local}@{settings.mail_domain}") is None:
                directory.add_list(session, local, assembly, settings.mail_domain, name=name,
                                   policy=policy)
    start = datetime.now(timezone.utc) - timedelta(days=len(THREADS) + 1)
    sent = 0
    for index, (local, subject, posts) in enumerate(THREADS):
        address = f"{local}@{settings.mail_domain}"
        parent = None
        for offset, (author, body) in enumerate(posts):
            when = start + timedelta(days=index, hours=offset * 3)
            mail = _mail(address, subject, author, body, when, parent)
            filing.file_post(settings, mail.as_bytes(), [address], sender=author)
            parent = mail
            sent += 1
    return sent
