#!/usr/bin/env python3
"""Build themes_seed.jsonl (training data) and themes_holdout.jsonl (unseen-message estimate).

Every message below was written one by one by hand, labelled against TAXONOMY.md with
the conventions of shared/themes/build_dev.py:
- vie-des-assemblees: how the assembly itself runs (plenaries and workshops as events
  to organise, agendas, minutes, welcoming newcomers, shared meals); an event announced
  for its subject is labelled by its subject only.
- economie-contributive: money, legal forms, the Chamber of the commons, contributive
  income, fundraising.
- gouvernance-institutions: charters, decision rules, and any dealing with a
  municipality, metropolis, region, prefect or the state.
- food access counts as agriculture-alimentation; mutual aid and care as sante-bien-etre.
- zero labels: off-topic, personal or logistical mail, auto-replies, unsubscribe
  requests, spam, test messages.

Nothing is generated or recombined. The seed file is the 240 messages of dev.jsonl
followed by the SEED messages here; themes_holdout.jsonl holds only the HOLDOUT messages
and themes_holdout2.jsonl only the HOLDOUT2 messages (a second, independently worded
set written later); neither is ever used for training or tuning.
Run: .venv/bin/python federation/themes/data/build_seed.py
"""
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = Path("/work/shared/themes/dev.jsonl")
SLUGS = {
    "AG": "agriculture-alimentation", "LL": "logiciel-libre", "SC": "savoirs-culture",
    "TL": "tiers-lieux", "RN": "ressources-naturelles", "CU": "communs-urbains",
    "SB": "sante-bien-etre", "EC": "economie-contributive", "GI": "gouvernance-institutions",
    "CA": "cartographie", "VA": "vie-des-assemblees",
}
ASSEMBLIES = {"L": "lille", "G": "grenoble", "Y": "lyon", "S": "saint-etienne"}
SEED, HOLDOUT, HOLDOUT2 = [], [], []


def _record(target, where, lst, lang, subject, body, themes):
    """Append one hand-written message; themes is a space-separated list of short codes."""
    target.append({"assembly": ASSEMBLIES[where], "list": lst, "lang": lang,
                   "subject": subject, "body": body.strip("\n"),
                   "themes": [SLUGS[code] for code in themes.split()]})


def s(*args):
    """Record a seed (training) message."""
    _record(SEED, *args)


def h(*args):
    """Record a holdout message."""
    _record(HOLDOUT, *args)


def h2(*args):
    """Record a message of the second holdout."""
    _record(HOLDOUT2, *args)


# ---------------------------------------------------------------------------
# HOLDOUT — written first, before any tuning; never trained on.
# ---------------------------------------------------------------------------

h("L", "discussion", "fr", "Des poireaux contre des pommes de terre ?", """
Coucou,
J'ai planté beaucoup trop de poireaux cette année sur ma parcelle des jardins familiaux de Hellemmes. Si quelqu'un a un surplus de patates ou de carottes, je propose l'échange. Sinon je les donne à l'épicerie solidaire du quartier.
Lucie
""", "AG")

h("G", "discussion", "fr", "Mon ordi refuse de démarrer depuis la mise à jour", """
Bonsoir,
Depuis la dernière mise à jour d'Ubuntu mon portable reste bloqué sur l'écran noir. Est-ce qu'un·e des bidouilleur·euses du groupe numérique aurait une heure pour regarder ça avec moi ? Je peux venir à la permanence du mardi à la Bifurk.
Merci !
Hélène
""", "LL")

h("Y", "orga", "fr", "Ordre du jour proposé pour l'AG de juin", """
Bonjour à tous,
Voici la proposition d'ordre du jour pour notre assemblée du 19 juin :
- tour de météo et présentation des nouvelles personnes
- retour des groupes de travail
- bilan de la saison et calendrier de la rentrée
- pot de fin d'année
Ajoutez vos points sur le pad avant dimanche.
Sacha
""", "VA")

h("S", "discussion", "fr", "Quelqu'un a vu mon parapluie rouge ?", """
Bonjour,
J'ai oublié un grand parapluie rouge dans l'entrée de la salle après la réunion de mercredi. Si quelqu'un l'a récupéré, vous pouvez me le laisser chez la gardienne. Merci d'avance !
Odile
""", "")

h("L", "eau", "fr", "La nappe phréatique au plus bas à Emmerin", """
Bonjour,
Les captages d'Emmerin qui alimentent une bonne partie de la métropole sont dans un état inquiétant selon le dernier bulletin de la DREAL : niveau de la nappe au plus bas depuis vingt ans. On en parle à la prochaine réunion du groupe environnement ? Je propose qu'on invite un hydrogéologue.
Bastien
""", "RN")

h("G", "habitat", "fr", "Habiter autrement : visite d'un habitat participatif à Échirolles", """
Salut,
Le groupe « habiter autrement » organise la visite des Naïades, un immeuble conçu avec ses futurs habitants : buanderie commune, chambre d'amis partagée, jardin sur la cour. Ils expliquent comment ils gèrent les parties communes sans syndic. Rendez-vous samedi 10h devant l'entrée.
Malik
""", "CU")

h("Y", "entraide", "fr", "Besoin d'un coup de main pour des courses", """
Bonjour,
Notre voisine du 3e, Mme Berthet, sort de l'hôpital et ne peut pas porter de charges pendant un mois. On organise un petit roulement pour lui monter ses courses et passer prendre des nouvelles. Inscrivez-vous sur le tableur si vous habitez le quartier.
Nadia
""", "SB")

h("S", "chambre", "fr", "Ouverture d'une cagnotte pour le local", """
Bonjour à toutes et à tous,
Pour payer les six premiers mois de loyer de notre local, la Chambre des communs lance une cagnotte en ligne. Objectif : 4 500 euros. Chaque don compte, et on prépare aussi un dossier pour la fondation de la Caisse d'Épargne.
Merci de relayer,
Pierre
""", "EC")

h("L", "discussion", "fr", "Rendez-vous à la mairie de Roubaix pour la convention", """
Bonjour,
Nous avons enfin obtenu un rendez-vous avec l'adjointe à la démocratie participative de Roubaix, le 4 mars. L'objectif : qu'elle reconnaisse officiellement notre assemblée et signe une convention d'usage de la salle Watremez. Qui veut venir avec nous ? Il faudrait préparer un argumentaire d'une page.
Fatou
""", "GI")

h("G", "carto", "fr", "Les fiches de la carte sont-elles à jour ?", """
Bonjour,
En parcourant la carte des communs grenoblois hier soir je suis tombée sur plusieurs initiatives qui n'existent plus (la ressourcerie de l'Abbaye, le SEL de Fontaine). Je propose qu'on fasse une passe de vérification : chacun·e prend dix fiches, appelle les contacts, et signale ce qui a fermé.
Maëlle
""", "CA")

h("Y", "discussion", "en", "Does anyone know a good Linux distro for an old laptop?", """
Hi all,
My neighbour gave me a ten-year-old laptop and I'd like to give it to a student. Windows is unusable on it. Which lightweight Linux distribution would you recommend, and is there anyone at the hackspace who could help me install it on Thursday?
Thanks, Tom
""", "LL")

h("S", "orga", "fr", "Qui prend les notes lundi ?", """
Salut,
Pour la réunion de lundi soir on n'a toujours personne pour la prise de notes ni pour le rôle de gardien·ne du temps. Merci de vous signaler en réponse. Pour rappel, le compte rendu doit être envoyé sur la liste dans la semaine.
Bises, Léa
""", "VA")

h("L", "culture", "fr", "Atelier d'écriture collective d'un conte du quartier", """
Bonjour,
La médiathèque de Wazemmes nous propose d'écrire à plusieurs un conte sur l'histoire du marché, illustré par les enfants de l'école voisine. Le texte sera publié sous licence libre et lu lors d'une veillée en décembre. Six séances le mercredi après-midi.
Anne-Sophie
""", "SC")

h("G", "fablab", "fr", "La découpeuse vinyle est en panne", """
Bonjour les makers,
La découpeuse vinyle de l'atelier ne reconnaît plus les fichiers depuis vendredi. Merci de ne pas l'utiliser jusqu'à nouvel ordre. Si quelqu'un s'y connaît en électronique, la carte de commande est sur l'établi du fond. Les autres machines (imprimantes 3D, brodeuse) fonctionnent normalement.
Jérôme, permanence du samedi
""", "TL")

h("Y", "discussion", "fr", "Réponse automatique : absente jusqu'au 2 septembre", """
Bonjour,
Je suis en congés jusqu'au 2 septembre inclus et ne consulte pas mes mails. Pour toute urgence concernant la comptabilité, merci de contacter Isabelle. Je vous répondrai à mon retour.
Cordialement,
Claire
""", "")

h("S", "environnement", "fr", "Plantation de haies avec les paysans du Pilat", """
Bonjour à tous,
L'association Haies vives cherche des volontaires pour planter 800 mètres de haies champêtres chez trois fermes du Pilat, les 22 et 23 novembre. Les haies protègent les sols, abritent les oiseaux et les insectes et limitent le ruissellement. Prévoir bottes et gants, la soupe est offerte.
Gilles
""", "RN AG")

h("L", "discussion", "en", "Tenants' association wants to take over the courtyard", """
Hello everyone,
The tenants of the Bois-Blancs social housing block are tired of their empty concrete courtyard. They want to run it themselves: benches, planters, a notice board, a key for the bike shelter. The landlord (Vilogia) seems open to it if they sign an agreement. Anyone who has done this before?
Chloé
""", "CU")

h("G", "discussion", "fr", "Un fonds de dotation pour les communs ?", """
Bonjour,
Lors de la dernière réunion de la Chambre, l'idée d'un fonds de dotation est revenue : il permettrait de recevoir des dons défiscalisés et des legs pour financer les communs isérois sur le long terme. Quelqu'un connaît la fiscalité de ce statut et les frais de gestion ? Je prépare une note comparative avec le fonds de dotation lyonnais.
Arnaud
""", "EC")

h("Y", "sante", "fr", "Atelier sommeil et gestion du stress", """
Bonjour,
Une infirmière de la maison de santé des Pentes anime un atelier gratuit sur le sommeil et le stress, jeudi 18h30 au centre social. Beaucoup d'entre nous sont épuisé·es en ce moment, ça peut faire du bien. Inscription par mail, douze places.
Samia
""", "SB")

h("S", "carto", "en", "Exporting the map to a printed leaflet", """
Hi,
Several shopkeepers asked for a paper version of the directory of local initiatives. Could we generate a simple leaflet from the map data: one side with the map of the Jacquard neighbourhood, the other with the list of places and opening hours? I can do the layout if someone exports a CSV.
Ben
""", "CA")

h("L", "discussion", "fr", "Désabonnement svp", """
Bonjour,
Je reçois beaucoup trop de messages de cette liste, pouvez-vous me retirer des abonnés ? J'ai essayé le lien en bas des mails mais il ne marche pas chez moi.
Merci
Gérard
""", "")

h("G", "discussion", "fr", "Proposition de règle pour les décisions urgentes", """
Bonjour,
Suite au cafouillage sur la tribune de la semaine dernière, je propose d'ajouter à nos règles de fonctionnement une procédure pour les décisions urgentes : proposition envoyée sur la liste, 72 heures pour objecter, et validation par trois personnes du cercle de coordination en l'absence d'objection. Vos avis ?
Claire
""", "GI")

h("Y", "discussion", "fr", "Verger urbain : la récolte de coings", """
Bonjour,
Les cognassiers du verger de la Duchère croulent sous les fruits. Cueillette collective dimanche matin, puis on fait de la pâte de coing et de la gelée à la cuisine du centre social. Apportez des pots vides ! Les bocaux seront partagés entre les familles présentes et la distribution alimentaire du quartier.
Romane
""", "AG")

h("S", "numerique", "fr", "Nos comptes sur Mastodon", """
Salut,
L'assemblée n'a toujours aucune présence sur les réseaux sociaux libres. Je propose d'ouvrir un compte sur une instance Mastodon associative (piaille.fr ou l'instance des CHATONS locaux) plutôt que sur Facebook. Quelqu'un pour gérer les publications avec moi ?
Yanis
""", "LL")

h("L", "discussion", "fr", "Le collectif du Fil rouge cherche un atelier", """
Bonjour,
Nous sommes six artisans (couture, sérigraphie, reliure) et nous cherchons un local à partager à Fives ou Hellemmes, environ 120 m², avec des machines en commun et un espace de vente. L'idée est d'en faire un lieu ouvert avec des permanences pour les habitants. Une piste ?
Inès
""", "TL")

h("G", "discussion", "en", "Heat pumps for the whole street?", """
Hello,
Some households on rue des Alliés are thinking about a shared geothermal loop to heat twelve houses instead of each one buying a gas boiler. The energy agency ALEC can do a feasibility study. We'd need to set up some kind of cooperative to own the installation. Interested?
Mark
""", "RN EC")

h("Y", "orga", "fr", "Accueillir celles et ceux qui arrivent en cours d'année", """
Bonjour,
Trois personnes nous ont écrit ce mois-ci pour rejoindre l'assemblée. Je propose qu'on leur envoie un petit mail de bienvenue avec le calendrier, le lien vers le wiki et le nom d'une personne référente, puis qu'on organise un café d'accueil avant la plénière de janvier.
Hugo
""", "VA")

h("S", "discussion", "fr", "Coupures d'électricité : l'épicerie solidaire a perdu son stock", """
Bonjour,
Avec la tempête de mardi, l'épicerie solidaire de Montreynaud a perdu tout le contenu de ses congélateurs. Ils lancent un appel aux dons de denrées et cherchent des bénévoles pour la distribution de vendredi. Si vous avez un peu de temps, passez au local dès 14h.
Christine
""", "AG")

h("L", "savoirs", "en", "Recording the oral histories of the textile workers", """
Hi all,
We have a small grant from the library network to record interviews with former textile workers from Roubaix and Tourcoing. The recordings and transcripts will be deposited in the public archives and on Wikimedia Commons. We need volunteers to transcribe and to check the French subtitles.
Priya
""", "SC EC")

h("G", "discussion", "fr", "Les pigeons du parc Mistral", """
Salut la liste,
Blague à part, quelqu'un sait à qui s'adresser pour les pigeons qui nichent sous mon balcon ? Ma voisine les nourrit tous les jours et ça devient invivable. Désolé pour le hors-sujet !
Paul
""", "")

h("Y", "discussion", "fr", "Le coworking des Pentes passe en association", """
Bonjour,
Les usagers du coworking des Pentes ont voté : l'espace sera désormais géré par une association collégiale et non plus par la société qui louait les bureaux. Les tarifs baissent, et deux postes seront réservés à des personnes en recherche d'emploi. Première réunion des adhérent·es mardi.
Julien
""", "TL EC GI")

h("S", "discussion", "fr", "La Ville veut fermer les jardins de la Cotonne", """
Bonjour,
Un courrier de la mairie annonce aux jardiniers de la Cotonne que leurs parcelles seront rasées pour un parking. Personne n'a été consulté. Nous demandons un rendez-vous à l'élu à l'urbanisme et nous préparons une pétition. Qui peut nous aider à rédiger ?
Marcel
""", "AG GI CU")

h("L", "orga", "fr", "Compte rendu de la réunion du cercle coordination", """
Bonjour,
Résumé de la réunion du cercle coordination de mardi :
- les dates des trois prochaines plénières sont fixées (voir le calendrier partagé) ;
- le budget de l'assemblée est à l'équilibre, il reste 320 euros en caisse ;
- la salle de la MRES ne sera plus disponible le jeudi, on cherche une alternative.
Notes complètes sur le pad.
Manon
""", "VA EC")

h("G", "discussion", "en", "River clean-up on the Isère banks", """
Hi,
The canoe club is organising a clean-up of the Isère banks between the Bastille cable car and the Saint-Laurent bridge next Sunday. Last year they removed almost a tonne of rubbish, including scooters and shopping trolleys. Gloves and bags provided.
Sarah
""", "RN")

h("Y", "carto", "fr", "Ajouter les composteurs collectifs à la carte", """
Bonjour,
La Métropole a publié la liste des composteurs partagés en pied d'immeuble. Ce serait utile de les intégrer à notre carte des communs, avec un calque spécifique. Qui s'occupe de l'import des données ? J'ai vérifié, le jeu de données est sous licence ouverte.
Anaïs
""", "CA")

h("S", "discussion", "fr", "Test", """
Test d'envoi depuis ma nouvelle adresse, désolée pour le dérangement, merci de ne pas répondre à ce message. Bonne soirée à tous.
""", "")

h("L", "discussion", "fr", "Groupe de marche nordique pour les personnes isolées", """
Bonjour,
Le centre social de Lille-Sud lance un groupe de marche le vendredi matin pour les personnes âgées ou isolées. Rythme tranquille, café à l'arrivée. L'objectif est de sortir de chez soi et de tisser des liens. Ils cherchent deux accompagnateurs bénévoles.
Rachid
""", "SB")

h("G", "discussion", "fr", "Wikipédia : améliorer les articles sur les quartiers", """
Bonjour,
Les articles Wikipédia sur les quartiers de Grenoble sont très pauvres (Teisseire, l'Abbaye, Mistral). Je propose une soirée contributive à la bibliothèque Kateb-Yacine pour les enrichir avec des sources locales : archives municipales, journaux de quartier, photos libres de droits.
Lina
""", "SC")

h("Y", "discussion", "en", "Cargo bike library: one year on", """
Hi everyone,
Our cargo bike lending scheme in the 7th arrondissement has now been running for a year: 14 bikes, 320 members, and almost no damage. Families use them for school runs and shopping. We'd like to extend to Gerland and are looking for a shop or garage to store the bikes.
Olivier
""", "CU")

h("S", "discussion", "fr", "Tarifs différenciés au restaurant associatif", """
Bonjour,
Le restaurant associatif de la rue Roger-Salengro expérimente trois prix pour le même repas (solidaire, normal, soutien) et chacun choisit. Après trois mois, la caisse est à l'équilibre. Ils viendront présenter leur modèle économique à la Chambre des communs le 12.
Véronique
""", "AG EC")

h("L", "discussion", "fr", "Soirée jeux après la plénière ?", """
Coucou,
Après la plénière du 15, plutôt que de filer chacun chez soi, on pourrait rester pour une soirée jeux de société et un repas partagé, histoire de mieux se connaître. Qui apporte quoi ? Je m'occupe des jeux.
Zoé
""", "VA")

h("G", "numerique", "fr", "Panne du serveur de l'assemblée", """
Bonjour,
Le petit serveur qui héberge notre Nextcloud et le site ne répond plus depuis cette nuit, probablement un disque dur qui lâche. J'ai une sauvegarde d'avant-hier. Je vais migrer sur la machine de secours ce soir, donc pas d'accès aux fichiers partagés pendant quelques heures.
Kevin
""", "LL")

h("Y", "discussion", "fr", "Ferme urbaine sur l'ancienne friche SNCF", """
Bonjour,
Un collectif de maraîchers propose d'installer une ferme urbaine sur la friche de la Mouche : serres, poulailler, vente directe aux habitants. Le terrain appartient à la SNCF et la Métropole doit donner son accord. Ils cherchent du soutien avant leur audition en commission.
Bertrand
""", "AG CU GI")

h("S", "discussion", "en", "Looking for someone to water my plants", """
Hi,
I'm away for two weeks in August and need someone to water my balcony plants in the Chavanelle area. Happy to leave a key and some homemade jam as thanks! Sorry for using the list for this.
Emma
""", "")

h("L", "discussion", "fr", "Soutenir les développeurs de logiciels libres locaux", """
Bonjour,
La Chambre des communs lilloise réfléchit à un mécanisme pour rémunérer les contributrices et contributeurs des logiciels libres que nous utilisons (le logiciel de la carte, le plugin de l'agenda). Une enveloppe mensuelle répartie selon les contributions ? Des idées ou des exemples ailleurs ?
Cédric
""", "EC LL")

h("G", "discussion", "fr", "Les forêts communales face aux scolytes", """
Bonjour,
Dans le Vercors, les épicéas des forêts communales meurent par centaines à cause des scolytes et des sécheresses. L'ONF propose des coupes sanitaires massives, des habitants demandent plutôt une replantation diversifiée. Une réunion publique a lieu à Autrans vendredi.
Élodie
""", "RN GI")

h("Y", "discussion", "fr", "Permanence juridique pour les locataires", """
Bonjour,
La confédération syndicale des familles tient une permanence gratuite chaque lundi à la maison de quartier de la Croix-Rousse pour les locataires en litige avec leur bailleur : charges abusives, humidité, expulsions. N'hésitez pas à faire circuler.
Louise
""", "CU")

h("S", "orga", "fr", "Lieu et horaires de la prochaine assemblée", """
Bonjour à toutes et tous,
La prochaine assemblée aura lieu le samedi 8 février de 14h à 17h à l'Amicale laïque de Chapelon. Garde d'enfants assurée sur place. Merci de confirmer votre présence pour qu'on prévoie assez de chaises et de goûter.
Martine
""", "VA")

h("L", "discussion", "en", "Collective health insurance for freelancers", """
Hi,
Several members of the coworking are self-employed and struggle with expensive health insurance. A mutual in Roubaix offers a group contract for associations. Would it make sense to negotiate one for everyone in the assembly? I can ask for a quote.
Daniel
""", "SB EC")

h("G", "culture", "fr", "Bibliothèque d'outils et de savoir-faire", """
Bonjour,
En plus de prêter des outils, on voudrait que la bibliothèque d'objets de l'Abbaye devienne un lieu de transmission : chaque objet aurait une fiche pratique sous licence libre écrite par les personnes qui savent s'en servir. Qui veut aider à rédiger les premières fiches ?
Amélie
""", "SC TL")

h("Y", "discussion", "fr", "URGENT : votre colis est en attente", """
Cher client, votre colis n'a pas pu être livré. Veuillez confirmer vos coordonnées et régler les frais de réexpédition de 1,99 € en cliquant sur le lien ci-dessous dans les 24 heures. Sans réponse, le colis sera retourné à l'expéditeur.
""", "")

h("S", "discussion", "fr", "Ouvrir les données de la carte", """
Bonjour,
Plusieurs collectifs nous demandent de pouvoir réutiliser les données de notre annuaire des initiatives. Je propose de publier l'export complet sous licence ODbL sur data.gouv.fr et de documenter l'API. Il faudra vérifier qu'aucune donnée personnelle ne traîne dans les fiches.
Thibault
""", "CA LL")

h("L", "discussion", "fr", "Pour une régie publique de l'énergie dans la métropole", """
Bonjour,
Un collectif d'habitants propose que la MEL crée une régie publique de l'énergie, sur le modèle des régies de l'eau, pour produire et distribuer l'électricité des toitures publiques. Ils cherchent des cosignataires pour leur lettre ouverte au président de la métropole.
Nicolas
""", "RN GI")

h("G", "discussion", "fr", "Ateliers cuisine avec les produits du marché", """
Bonjour,
Le collectif Manger mieux à Villeneuve organise des ateliers cuisine chaque mois avec les invendus du marché de l'Arlequin. On apprend à cuisiner des légumes de saison pas chers, on mange ensemble, et on repart avec les restes. Prochaine date le 14, apportez vos tabliers.
Fatima
""", "AG")

h("Y", "orga", "en", "Minutes of the May plenary", """
Hi everyone,
Here are the minutes of the May plenary (22 people, 3 first-timers).
1. The facilitation rota for next term is full, thanks.
2. We agreed to rotate the venue between Croix-Rousse and Guillotière.
3. The mapping group showed the new filters on the map of initiatives.
Full notes are on the wiki. Next plenary on 12 June.
Laura
""", "VA CA")

h("S", "tierslieu", "fr", "Le tiers-lieu de la Rotonde ouvre ses portes", """
Bonjour,
Après deux ans de travaux, la Rotonde ouvre enfin : un café, un atelier de réparation, une salle de répétition et des bureaux partagés, le tout géré par les usagers. Inauguration samedi à partir de 15h, concert le soir. Venez nombreux !
Baptiste
""", "TL")

h("L", "discussion", "fr", "Accueillir des familles réfugiées : hébergement solidaire", """
Bonjour,
L'association d'accueil de Lomme cherche des hébergeurs solidaires pour quelques semaines, ainsi que des personnes pour accompagner des familles dans leurs démarches médicales. On peut aussi aider avec des dons de vêtements chauds. Contact en privé.
Salomé
""", "SB")

h("G", "chambre", "fr", "Statuts de la coopérative d'activité", """
Bonjour,
Pour accueillir les porteurs de projets des communs, on hésite entre rejoindre une CAE existante (Oxalis, Elycoop) ou créer notre propre coopérative. Le sujet sera à l'ordre du jour de la Chambre : merci de lire les deux notes jointes sur les coûts et le partage de la contribution coopérative.
Vincent
""", "EC")

h("Y", "discussion", "fr", "Une cartographie des fontaines à eau potable", """
Bonjour,
Avec les étés de plus en plus chauds, on aimerait recenser toutes les fontaines d'eau potable de Lyon et les ajouter à notre carte, avec leur état et leurs horaires. Beaucoup sont en panne. Un relevé collectif à vélo un dimanche matin ?
Théo
""", "CA RN CU")

h("S", "discussion", "fr", "Merci pour la soirée !", """
Juste un petit mot pour dire merci à toutes celles et ceux qui ont organisé l'anniversaire de Josiane samedi, c'était vraiment chouette. Les photos arrivent bientôt.
Bises,
Jacqueline
""", "")

h("L", "numerique", "fr", "Formation : reprendre la main sur ses données", """
Bonjour,
Le groupe numérique propose trois soirées pour apprendre à protéger ses données : gestionnaire de mots de passe, navigateur sans pistage, messagerie chiffrée, alternatives libres aux services de Google. Ouvert à toutes et tous, aucune compétence technique requise.
Alexandre
""", "LL")

h("G", "discussion", "fr", "Cohabitation entre pêcheurs et kayakistes sur la Romanche", """
Bonjour,
La communauté de communes organise une médiation entre pêcheurs, kayakistes et riverains sur l'usage de la Romanche en été. Notre assemblée a été invitée à y participer pour parler de gestion partagée de la rivière. Qui veut représenter le groupe ?
Jean-Luc
""", "RN GI")

h("Y", "discussion", "fr", "Bilan de l'année de la bibliothèque libre", """
Bonjour,
Notre bibliothèque libre en pied d'immeuble a prêté 1 200 livres cette année, sans carte ni inscription. Les habitants déposent et reprennent ce qu'ils veulent. On voudrait ajouter des rayons de bandes dessinées et de livres en arabe et en turc. Les dons sont bienvenus.
Karima
""", "SC")

h("S", "discussion", "en", "Open hardware weather stations for schools", """
Hi,
The fablab is building low-cost weather stations based on open hardware designs for three primary schools. Pupils will assemble them and publish the data online. We need help with soldering sessions on Wednesday afternoons.
Marco
""", "TL LL RN")

h("L", "discussion", "fr", "Votre avis sur notre nouvelle charte d'accueil", """
Bonjour,
Le groupe accueil a rédigé une courte charte sur la manière d'accueillir les nouvelles personnes en réunion : présentation en début de séance, pas de jargon, binôme avec un ancien. Elle est sur le pad pour relecture jusqu'au 30, puis adoption à la plénière.
Mélanie
""", "VA GI")

h("G", "discussion", "fr", "Jardin thérapeutique à l'hôpital de jour", """
Bonjour,
L'hôpital de jour du secteur psychiatrique veut créer un jardin de soin avec les patients. Ils cherchent des jardiniers bénévoles pour accompagner les séances du jeudi, et des dons de plants aromatiques. Une belle manière de faire le lien entre soin et jardinage.
Isabelle
""", "SB AG")

h("Y", "discussion", "fr", "Ma voiture est bloquée par un camion", """
Le camion blanc garé devant le local rue Saint-Jean bloque ma voiture, si c'est quelqu'un de la réunion merci de le déplacer rapidement, je dois partir chercher mes enfants.
Benoît
""", "")

h("S", "discussion", "fr", "Appel à projets de la Région pour les tiers-lieux", """
Bonjour,
La Région Auvergne-Rhône-Alpes ouvre un appel à projets pour les tiers-lieux en quartier prioritaire, jusqu'à 50 000 euros d'investissement. La date limite est le 15 mars. Les lieux de l'assemblée qui veulent candidater peuvent se retrouver pour monter les dossiers ensemble.
Éric
""", "TL EC GI")

h("L", "discussion", "en", "Where is the next assembly meal?", """
Hi,
Sorry if I missed the message: where and when is the next shared dinner after the general meeting? I'd like to bring a big pot of dal and some bread for about fifteen people.
Aisha
""", "VA")

h("G", "discussion", "fr", "Connaître les acteurs de l'économie solidaire du Trièves", """
Bonjour,
Dans le cadre de mon service civique, je dois réaliser un annuaire des initiatives solidaires du Trièves (épiceries, ressourceries, habitats partagés). Plutôt que de tout recommencer, est-ce que je peux m'appuyer sur votre carte et y ajouter ce que je trouve ?
Élise
""", "CA")

h("Y", "discussion", "fr", "Chantier participatif : isolation en paille", """
Bonjour,
La coopérative d'habitants de Bron organise un chantier participatif pour isoler ses murs en bottes de paille locale. Deux week-ends en avril, repas fournis, formation sur place. Une belle occasion de découvrir l'éco-construction.
Camille
""", "CU RN")

h("S", "discussion", "fr", "Le prix des lentilles du Forez", """
Bonjour,
Avec le groupement d'achat on a négocié directement avec deux producteurs de lentilles et de pois chiches du Forez : 3,20 € le kilo en sac de 5 kg. La commande groupée ferme dimanche. Récupération au local le mercredi suivant.
Jean
""", "AG")

h("L", "savoirs", "fr", "Licence libre pour nos fiches pratiques", """
Bonjour,
On a écrit une vingtaine de fiches pratiques (monter un jardin partagé, animer une réunion, lancer une cagnotte). Je propose de les publier sous licence Creative Commons BY-SA pour que d'autres assemblées puissent les reprendre et les adapter. Des objections ?
Margaux
""", "SC")

h("G", "discussion", "en", "Question about the decision-making process", """
Hi,
As a newcomer I'm a bit lost: how are decisions taken in this assembly? Is it majority vote, consensus or consent? And who can make a proposal? A short explanation on the wiki would help people like me.
Sam
""", "GI VA")

h("Y", "discussion", "fr", "Entraide devoirs au local du mercredi", """
Bonjour,
L'aide aux devoirs du mercredi au local de la Guillotière manque de bénévoles, surtout en maths et en anglais niveau collège. Une heure par semaine suffit. Les enfants sont adorables et le goûter est offert !
Hafsa
""", "SC")

h("S", "discussion", "fr", "Rénover la place du Peuple avec les habitants", """
Bonjour,
La ville lance une consultation sur le réaménagement de la place du Peuple. Nous voulons défendre plus de bancs, d'arbres et d'espaces de jeu gratuits plutôt que des terrasses privées. Réunion publique le 21 à l'hôtel de ville, venez nombreux.
Aurélien
""", "CU GI")

h("L", "discussion", "fr", "Vélos à réparer pour les étudiant·es", """
Bonjour,
L'atelier participatif de vélo des Bois-Blancs a récupéré quarante vélos abandonnés par la fourrière. L'idée : les réparer ensemble pendant des soirées ouvertes et les donner à des étudiant·es boursier·es. Outils et pièces sur place.
Florian
""", "TL CU")

h("G", "orga", "fr", "Planning des permanences de décembre", """
Bonjour à tous,
Voici le planning des permanences de l'assemblée pour décembre. Il manque des personnes pour le 12 et le 19. Le local ferme pendant les fêtes du 22 au 2 janvier. La plénière de rentrée aura lieu le 9 janvier avec galette partagée.
Christophe
""", "VA")

h("Y", "discussion", "en", "Crowdfunding for the community radio", """
Hi all,
Radio Canut needs to replace its transmitter and has launched a crowdfunding campaign. They broadcast many programmes on local struggles and on the commons. Even small donations help, and they accept the Gonette.
Julia
""", "EC SC")

h("S", "discussion", "fr", "Atelier premiers secours pédiatriques", """
Bonjour,
La Croix-Rouge propose une formation aux premiers secours pour les parents et les animateurs, spécialement pour les bébés et les jeunes enfants. Une session gratuite est organisée au centre social le samedi 3. Places limitées.
Sophie
""", "SB")

h("L", "discussion", "fr", "On a un tracteur à partager", """
Bonjour,
Les trois maraîchers de la ceinture verte de Villeneuve-d'Ascq ont acheté ensemble un tracteur d'occasion et cherchent une quatrième ferme pour partager les frais et l'entretien. Une CUMA est en cours de création. Transmettez à vos contacts agricoles !
Pascal
""", "AG EC")

h("G", "discussion", "fr", "Mise à jour du logiciel de la carte", """
Bonjour,
Nous passons le logiciel de la carte (GoGoCarto) à la dernière version ce week-end. La carte sera inaccessible samedi matin. Nouveautés : recherche plus rapide, meilleure lisibilité sur téléphone, et import des fiches depuis un tableur.
Simon
""", "CA LL")

h("Y", "discussion", "fr", "Covoiturage pour le mariage de Gaëlle", """
Bonjour,
Désolée pour ce message perso : quelqu'un descend à Valence samedi matin pour le mariage de Gaëlle ? Je cherche une place dans une voiture, je participe bien sûr aux frais d'essence. Répondez-moi directement.
Morgane
""", "")

h("S", "discussion", "en", "Invasive plants along the Furan", """
Hello,
Japanese knotweed is spreading fast along the banks of the Furan upstream of the city. The river syndicate is asking volunteers to help pull it out before it seeds. Training on site, tools provided, Saturday from 9 am.
Nora
""", "RN")

h("L", "discussion", "fr", "Habitat léger et terrains communaux", """
Bonjour,
Plusieurs familles vivant en yourte ou en tiny house cherchent un terrain pour s'installer légalement. Certaines communes rurales de la métropole ont des terrains inutilisés. On pourrait préparer ensemble une demande aux maires pour un habitat léger collectif.
Romain
""", "CU GI")

h("G", "discussion", "fr", "Goûter-débat : le bien-être au travail associatif", """
Bonjour,
Beaucoup de bénévoles et de salarié·es associatifs s'épuisent. On propose un goûter-débat pour parler de charge mentale, de limites et de soin collectif, animé par une psychologue du travail. Lieu calme, parole libre.
Anne
""", "SB")

h("Y", "discussion", "fr", "Un fablab mobile pour les quartiers", """
Bonjour,
Le projet de camion-fablab avance : imprimante 3D, découpeuse laser compacte, kits d'électronique. Il circulera dans les quartiers de Vaulx-en-Velin. Nous cherchons encore un chauffeur bénévole et des animateurs pour les ateliers du mercredi.
Adrien
""", "TL")

h("S", "discussion", "fr", "Monnaie locale : le Lien arrive", """
Bonjour,
La monnaie locale stéphanoise sera lancée en mai. Trente commerçants l'accepteront déjà. Les comptoirs de change cherchent des lieux : pourquoi pas nos tiers-lieux et l'épicerie coopérative ? Réunion d'information mardi à la Chambre des communs.
Xavier
""", "EC")

h("L", "discussion", "fr", "Des arbres fruitiers dans les cours d'école", """
Bonjour,
Avec les parents d'élèves de l'école Jules-Ferry, on a proposé de planter des pommiers et des poiriers dans la cour végétalisée. La Ville est d'accord sur le principe mais il faut un engagement pour l'entretien. Des jardiniers pour nous épauler ?
Constance
""", "AG CU GI")

h("G", "discussion", "en", "Newcomer: how can I help?", """
Hi everyone,
I just moved to Grenoble from Montreal and found your assembly through a friend. I have some free evenings and speak French and English. Is there a welcome meeting or a list of groups looking for volunteers?
Kate
""", "VA")

h("Y", "discussion", "fr", "Faut-il accepter l'argent de la fondation d'une banque ?", """
Bonjour,
La fondation d'une grande banque nous propose 10 000 euros pour la carte des communs. C'est beaucoup, mais certains d'entre nous sont gênés par l'origine de l'argent. Faut-il fixer des règles sur les financeurs acceptables ? Je propose qu'on en débatte avant de répondre.
Marion
""", "EC GI CA")

h("S", "discussion", "fr", "Balade botanique au bois d'Avaize", """
Bonjour,
Balade gratuite dimanche matin au bois d'Avaize pour apprendre à reconnaître les arbres, les plantes sauvages et les champignons, avec un naturaliste de la FRAPNA. Rendez-vous 9h30 au parking. Chaussures de marche conseillées.
Michel
""", "RN")

h("L", "discussion", "en", "Hosting our website ourselves", """
Hi,
Our website is still on a commercial host that keeps raising prices. The hackerspace offered to host it on their server running free software, and to train two of us to manage it. The migration would take a weekend. Any objections?
Lukas
""", "LL")

h("G", "discussion", "fr", "Contribution au débat public sur le plan local d'urbanisme", """
Bonjour,
L'enquête publique sur le PLUi de la Métropole se termine le 30. Nous voulons déposer une contribution commune pour protéger les jardins familiaux et les friches occupées par des collectifs. Un texte est en cours de rédaction sur le pad, relisez-le.
Yasmine
""", "GI CU AG")

h("Y", "discussion", "fr", "Perdu : une écharpe verte", """
Bonjour, j'ai perdu une écharpe verte en laine à la réunion de jeudi. Si quelqu'un l'a trouvée, je passe la chercher au local. Merci !
Agathe
""", "")

h("S", "discussion", "fr", "Atelier de réparation d'ordinateurs à la médiathèque", """
Bonjour,
Samedi après-midi, atelier de réparation d'ordinateurs à la médiathèque de Tarentaize : diagnostic, remplacement de disques, installation de systèmes libres. Venez avec votre machine et ses câbles. Les bénévoles du repair café numérique vous attendent.
Grégoire
""", "LL")

h("L", "discussion", "fr", "Point sur la trésorerie de la fête des communs", """
Bonjour,
La fête des communs a coûté 2 300 euros (sono, location de tentes, affiches) et a rapporté 2 650 euros grâce à la buvette et aux dons. L'excédent sera versé au fonds commun de l'assemblée. Le détail est dans le tableur partagé.
Jean-Marc
""", "EC")

h("G", "discussion", "fr", "Lectures à voix haute au foyer de personnes âgées", """
Bonjour,
Le foyer-logement de la Capuche cherche des bénévoles pour lire des romans et des journaux aux résidents le mardi après-midi. Une heure de lecture suffit à illuminer leur semaine. C'est aussi un moment de rencontre entre générations.
Denise
""", "SB SC")

h("Y", "discussion", "en", "Proposal: rotating facilitation for plenaries", """
Hi,
So far the same three people always facilitate our plenaries. I propose a rotation: each plenary, one experienced facilitator pairs with a newcomer. We could also run a short facilitation training in the autumn. Thoughts before the next meeting?
Zainab
""", "VA")

h("S", "discussion", "fr", "Protéger le captage d'eau du Lignon", """
Bonjour,
Un projet de carrière menace le périmètre de protection du captage qui alimente plusieurs villages. Le collectif de riverains demande une enquête publique et a saisi le préfet. Ils ont besoin d'aide pour analyser le dossier technique.
Hervé
""", "RN GI")

h("L", "discussion", "fr", "Création d'un annuaire des lieux partagés", """
Bonjour,
Est-ce que quelqu'un tient une liste des salles et ateliers que l'on peut emprunter gratuitement dans la métropole ? Je pense aux tiers-lieux, aux maisons de quartier, aux cafés associatifs. On pourrait en faire une couche de la carte.
Quentin
""", "CA TL")

h("G", "discussion", "fr", "Bonne année à toutes et à tous", """
Toute l'équipe vous souhaite une belle année, pleine de rencontres et de projets. Prenez soin de vous et de vos proches, et à très bientôt pour de nouvelles aventures.
Le secrétariat
""", "")


# ---------------------------------------------------------------------------
# HOLDOUT2 — a second independent holdout, written by hand before looking at any
# model output (second round of data work); never trained on, never tuned against.
# Vocabulary and phrasing deliberately differ from the seed and the first holdout.
# ---------------------------------------------------------------------------

h2("L", "discussion", "fr", "Mon panier du jeudi pendant mes congés", """
Bonjour,
Je m'absente du 3 au 24 juillet. Quelqu'un veut récupérer mon panier chez le maraîcher de Wambrechies à ma place ? Il suffit de passer au point de dépôt de la rue Gambetta le jeudi entre 18h et 19h30 et de régler directement au producteur.
Odile
""", "AG")

h2("G", "orga", "fr", "Secrétaire de séance pour jeudi ?", """
Coucou,
Jeudi on se retrouve à 19h à la salle Juliet-Curie. Il nous manque une personne pour tenir le secrétariat de séance, et quelqu'un pour surveiller le temps de parole. Si c'est la première fois, pas de souci : le modèle de compte rendu est sur le pad.
Jeanne
""", "VA")

h2("Y", "discussion", "en", "Anyone able to look after our Nextcloud?", """
Hello,
The person who set up our shared Nextcloud is moving to Marseille in September. We need one or two volunteers to take over the updates, backups and user accounts. It runs on a small VPS rented from a non-profit host. Happy to do a handover session.
Cheers, Priya
""", "LL")

h2("S", "discussion", "fr", "Re: Aide régionale pour les lieux partagés", """
Attention, le dossier est à déposer avant le 15 mars et la Région exige un cofinancement d'au moins 20 %. On l'a fait l'an dernier pour l'atelier de la Fabrique, je peux vous envoyer notre budget prévisionnel et la lettre d'intention.

> La Région ouvre un nouvel appel pour les tiers-lieux ruraux et périurbains.

Marc
""", "EC GI TL")

h2("L", "discussion", "fr", "Écharpe grise restée au vestiaire", """
Bonsoir,
J'ai laissé une écharpe grise en laine au portemanteau lundi soir. Si quelqu'un l'a mise de côté, je passerai la chercher la semaine prochaine. Merci !
Coralie
""", "")

h2("G", "discussion", "fr", "La source du hameau de Montbrun va-t-elle être reprise par l'intercommunalité ?", """
Bonjour,
Depuis 1950 les habitants du hameau gèrent eux-mêmes leur source et leurs canalisations, via une association syndicale. La communauté de communes veut maintenant récupérer la compétence et l'exploitation. Une réunion publique est prévue en mairie le 12. Il serait bon qu'on y soit pour défendre une gestion en commun.
Raphaël
""", "RN GI")

h2("Y", "orga", "fr", "Notes de la plénière du 7 mars", """
Bonjour à toutes et tous,
Voici les notes de jeudi. Nous étions 22, dont trois personnes venues pour la première fois.
- Annuaire des collectifs : 40 nouvelles fiches depuis janvier, il reste à couvrir Villeurbanne Est. Un atelier de saisie est prévu le 21.
- Local : la mairie du 7e ne répondra pas avant avril.
- Prochaine plénière : 4 avril, avec une auberge espagnole à la fin.
Le détail est sur le pad.
Clémence
""", "VA CA GI")

h2("S", "discussion", "en", "Hiking group this Sunday?", """
Hi there,
A few of us are driving up to the Pilat on Sunday for a walk, nothing to do with the assembly, just for fun. There are two seats left in my car, leaving from Carnot at 9am. Bring a picnic!
Sam
""", "")

h2("L", "discussion", "fr", "Combien ça coûte vraiment de faire tourner l'assemblée ?", """
Bonjour,
En faisant les comptes avec Pauline, on arrive à environ 2 300 € par an : assurance, hébergement du site, photocopies, location de salle deux fois par an. Les dons couvrent à peine la moitié. On pourrait proposer une adhésion annuelle à prix libre, ou demander une petite participation aux collectifs qui utilisent la liste. Vos avis ?
Hugo
""", "EC")

h2("G", "discussion", "fr", "On s'inspire de la sociocratie ?", """
Salut à toutes et tous,
Nos réunions s'éternisent et ce sont toujours les mêmes qui tranchent. J'ai lu un peu sur la sociocratie : des cercles avec des mandats clairs, des décisions par consentement, des élections sans candidat. Je propose qu'on teste ça pendant trois mois sur le cercle logistique avant de changer nos statuts.
Ana
""", "GI")

h2("Y", "quartier", "fr", "Les bancs de la place Mazagran ont disparu", """
Bonjour,
Depuis lundi, les quatre bancs de la place Mazagran ont été enlevés sans prévenir, et les personnes âgées du quartier n'ont plus où s'asseoir. Un collectif d'habitants propose d'installer des bancs en bois fabriqués sur place ce week-end. Qui a des planches et des vis ?
Lina
""", "CU")

h2("S", "discussion", "fr", "Une permanence d'écoute au centre social", """
Bonjour,
À partir de janvier, deux bénévoles formées tiendront une permanence d'écoute chaque mardi matin au centre social de Montreynaud : pour parler de ce qui pèse, sans rendez-vous et sans jugement. On cherche une troisième personne pour assurer les remplacements.
Bien à vous, Yasmina
""", "SB")

h2("L", "culture", "en", "Translating the commons glossary", """
Hi everyone,
The Brussels people have written a great glossary of commons vocabulary, but only in French and Dutch. Would anyone help translate it into English? It's released under CC BY-SA and lives on a wiki, so anyone can edit. Maybe 60 entries.
Best, Judith
""", "SC")

h2("G", "numerique", "fr", "Re: Passer nos documents sur un cloud associatif", """
D'accord avec Karim, mais attention : il faudra former les gens. Beaucoup ne savent pas synchroniser un dossier. Je peux faire une petite démo à 18h avant la réunion du groupe.

Le 14/02 à 21:10, Karim a écrit :
> Je propose de quitter Dropbox pour un cloud hébergé par une association locale.

Pierre-Yves
""", "LL")

h2("Y", "orga", "fr", "Pas de réunion le 1er mai", """
Bonjour,
Petit rappel : la réunion mensuelle tombe un jour férié, on la décale au mercredi 8 mai même heure, même endroit. L'ordre du jour ne change pas.
Élise pour le groupe coordination
""", "VA")

h2("S", "chambre", "fr", "Statuts : association ou coopérative ?", """
Bonjour,
Le collectif de la ressourcerie hésite sur sa forme juridique. Une association loi 1901 c'est simple, mais on voudrait pouvoir salarier deux personnes et associer la commune et les usagers au capital. La SCIC semble plus adaptée mais plus lourde à gérer. Quelqu'un a-t-il fait la démarche ? On peut en parler au prochain café-conseil de la Chambre.
Gaëlle
""", "EC")

h2("L", "discussion", "fr", "Qui a encore de la place dans sa voiture pour Arras ?", """
Salut,
Pour la rencontre régionale des collectifs à Arras samedi, il nous manque deux places en covoiturage. Départ de la gare Lille-Flandres à 8h, retour vers 19h. Participation aux frais d'essence à discuter.
Merci, Yannick
""", "")

h2("G", "foret", "fr", "Coupe rase prévue sur les pentes du Néron", """
Bonjour,
L'ONF a affiché un avis de coupe sur près de huit hectares du versant sud du Néron. Plusieurs naturalistes s'inquiètent pour les chouettes de Tengmalm qui nichent là. Une balade d'observation est proposée dimanche matin, puis on rédigera un courrier commun.
Inès
""", "RN")

h2("Y", "discussion", "en", "Cooking together on Saturdays?", """
Hey,
Some of us have been talking about a weekly community kitchen in the Croix-Rousse: everyone brings what's left in their fridge, we cook together and share the meal with whoever turns up, no money involved. We'd need a kitchen that meets hygiene rules. Ideas?
Ali
""", "AG")

h2("S", "discussion", "fr", "Réponse du cabinet du maire sur le jardin Beaubrun", """
Bonjour,
Le cabinet du maire a répondu à notre courrier : le terrain reste constructible mais la ville accepte une convention d'occupation précaire de deux ans pour le jardin. Ce n'est pas la garantie qu'on espérait, mais ça laisse le temps de faire vivre le lieu et de construire un rapport de force. On en parle lundi.
Malika
""", "GI AG")

h2("L", "tiers-lieux", "fr", "L'atelier bois cherche des bras le samedi", """
Bonjour,
L'atelier bois partagé de Fives-Cail ouvre désormais le samedi, mais il faut au moins deux référent·es formé·es aux machines pour ouvrir. Si vous savez utiliser une scie à format ou une dégau-rabot, on vous attend. Sinon on forme les volontaires en deux séances.
Thibault
""", "TL")

h2("G", "discussion", "en", "Automatic reply: away until September", """
Thank you for your email. I am away until 2 September with limited access to my mailbox. For anything urgent about the newsletter, please write to Chloé instead.
Nadia
""", "")

h2("Y", "discussion", "fr", "Rémunérer le temps passé sur les communs, c'est possible ?", """
Bonjour,
Je donne à peu près quinze heures par semaine à la maintenance du site de la carte et de l'annuaire, bénévolement depuis trois ans. Je commence à m'épuiser et je me demande : est-ce qu'un collectif a déjà mis en place une forme de rétribution, une bourse, un revenu de contribution, une caisse commune ? Je serais curieux de vos expériences.
Olivier
""", "EC CA")

h2("S", "orga", "fr", "Accueil des nouveaux : on se répartit les rôles", """
Bonjour,
Depuis la rentrée, une dizaine de personnes ont rejoint la liste sans jamais venir en réunion. On propose un binôme d'accueil tous les mois, un petit livret pour expliquer qui fait quoi, et une heure d'échange avant la plénière. Qui veut faire partie du binôme en octobre ?
Hélène
""", "VA")

h2("L", "discussion", "fr", "Re: Transport à la demande pour les seniors du quartier", """
Le minibus de la maison de quartier ne roule que le mardi, c'est trop peu. À Hellemmes, un groupe d'habitants a monté un service de covoiturage solidaire pour les rendez-vous médicaux, avec une centrale d'appel tenue par des bénévoles. On pourrait s'en inspirer.

> Plusieurs personnes âgées n'arrivent plus à aller à la polyclinique.

Denis
""", "CU SB")

h2("G", "discussion", "fr", "Pétition contre le projet de téléphérique", """
Bonjour,
Je vous transmets la pétition contre le téléphérique Fontaine-Saint-Martin-le-Vinoux, qui coûterait plus de 60 millions d'argent public pour un usage très contesté. Signez et partagez si vous êtes d'accord !
Hugo
""", "CU GI")

h2("Y", "numerique", "fr", "Atelier : reprendre la main sur son téléphone", """
Salut,
Samedi 15h à la bibliothèque du 8e, atelier pour installer un système Android sans Google (LineageOS, /e/OS) et des applis libres depuis F-Droid. Venez avec votre téléphone sauvegardé et chargé. Atelier gratuit, places limitées.
Noé
""", "LL")

h2("S", "discussion", "en", "Please remove me from this list", """
Hello, I no longer live in Saint-Étienne and would like to stop receiving these emails. Could an admin take me off the list? Thanks and good luck with everything.
Jonathan
""", "")

h2("L", "carto", "fr", "Où sont les composteurs collectifs de la métropole ?", """
Bonjour,
Je cherche à recenser les composteurs de quartier entre Lille, Roubaix et Tourcoing pour les ajouter sur notre carte participative, avec le nom du référent et les horaires d'ouverture. La métropole a un fichier mais il date de 2019. Si vous en gérez un, pouvez-vous me transmettre ces infos ?
Sylvie
""", "CA AG")

h2("G", "discussion", "fr", "Bibliothèque d'outils : inventaire avant l'ouverture", """
Bonjour,
On a récupéré une quarantaine d'outils (perceuses, ponceuses, scie sauteuse, échelles) pour la future outilthèque du quartier Berriat. Il faudrait les tester, les étiqueter et rédiger les conditions de prêt. Séance d'inventaire mercredi 18h dans la cave de l'immeuble.
Mathis
""", "TL CU")

h2("Y", "orga", "fr", "Re: Le pot de fin d'année", """
Je m'occupe des boissons, sans alcool et avec. Quelqu'un peut ramener des verres réutilisables ? On en avait une caisse au local l'an dernier.

> Pour le pot du 20 décembre, on fait une liste de qui ramène quoi ?

Chantal
""", "VA")

h2("S", "discussion", "fr", "Demande de subvention FDVA : qui relit ?", """
Bonjour,
Je finalise notre demande au Fonds pour le développement de la vie associative (volet fonctionnement). Il me manque le compte de résultat 2023 signé par le trésorier et quelqu'un pour relire le projet associatif. Date limite vendredi.
Merci ! Kader
""", "EC")

h2("L", "discussion", "fr", "Balade botanique le long de la Deûle", """
Bonjour,
Dimanche matin, balade pour reconnaître les plantes sauvages des berges de la Deûle avec une botaniste de l'association des naturalistes. On parlera aussi des espèces invasives et de la qualité de l'eau du canal. Départ 9h30 de l'écluse du Grand Carré.
Anne
""", "RN")

h2("G", "discussion", "en", "Decision process for the shared fund", """
Hi all,
Now that the shared fund has about 3,000 euros, we need to agree on how we decide who gets what. I suggest a small rotating committee of five, applications published on the list, and decisions by consent with a two-week objection window. Thoughts before we vote at the next plenary?
Ellen
""", "EC GI")

h2("Y", "discussion", "fr", "Un mur d'expression libre rue Sainte-Marie", """
Bonjour,
Le mur pignon au bout de la rue Sainte-Marie des Terreaux est couvert d'affiches sauvages depuis des mois. Un groupe d'habitants propose d'en faire un mur d'expression libre, avec des fresques renouvelées chaque saison par des artistes du quartier et des enfants de l'école. Il faut l'accord du propriétaire.
Sofia
""", "CU SC")

h2("S", "discussion", "fr", "Soirée jeux de société vendredi", """
Coucou tout le monde,
Vendredi soir à partir de 20h soirée jeux chez moi, rue de la Mulatière. Apportez vos jeux préférés et un truc à grignoter. Ce n'est pas une activité de l'assemblée, juste entre amis !
Marion
""", "")

h2("L", "orga", "fr", "Proposition de nouveau format pour nos plénières", """
Bonjour,
Après le bilan de juin, plusieurs personnes trouvent nos plénières trop longues et trop centrées sur l'information descendante. Proposition : 30 minutes d'infos envoyées par écrit avant, puis 1h30 en petits groupes sur deux sujets, puis 20 minutes de restitution. On teste en septembre ?
Florent
""", "VA")

h2("G", "discussion", "fr", "Énergie citoyenne : une centrale solaire sur le gymnase", """
Bonjour,
Le projet de centrale photovoltaïque sur le toit du gymnase Jean-Vilar avance : la commune est d'accord pour louer la toiture, et on ouvre la souscription citoyenne à 100 € la part. Réunion d'information mardi pour expliquer le montage, la rentabilité et la gouvernance de la société.
Loïc
""", "RN EC GI")

h2("Y", "entraide", "en", "Support group for carers", """
Hi,
If you look after a parent or partner with dementia and feel exhausted, a small peer support group meets every other Wednesday at the community centre in Vaise. It's free and there's always tea. You can just come and listen.
Martha
""", "SB")

h2("S", "discussion", "fr", "Quelle licence pour nos fiches pratiques ?", """
Bonjour,
On a rédigé une vingtaine de fiches pratiques (monter un jardin, ouvrir un atelier vélo, tenir une AG). On voudrait qu'elles soient réutilisables par d'autres collectifs mais sans usage commercial. CC BY-NC-SA ou CC BY-SA ? Des arguments dans un sens ou dans l'autre ?
Gilles
""", "SC")

h2("L", "discussion", "fr", "Le conseil de quartier de Moulins vote le budget participatif", """
Bonjour,
Trois de nos projets sont soumis au vote du budget participatif de la Ville : les bacs potagers du square Ferrer, la boîte à livres de la rue d'Arras et l'abri vélo de la maison de quartier. Le vote est ouvert jusqu'au 30 à tous les habitant·es dès 11 ans. Faites tourner !
Samia
""", "GI CU EC")

h2("G", "discussion", "fr", "Re: Re: Mot de passe du wifi", """
C'est écrit au dos de la box, dans le placard à balais. Et non, je ne l'enverrai pas sur la liste publique ;)

> Quelqu'un a le code du wifi de la salle ?

Bruno
""", "")

h2("Y", "chambre", "fr", "Adhérer à une coopérative d'activité et d'emploi ?", """
Bonjour,
Je suis formatrice en facilitation et j'en ai marre du statut d'auto-entrepreneure. Plusieurs d'entre vous sont entrepreneurs-salariés d'une CAE à Lyon : comment ça se passe concrètement, quelle contribution est prélevée sur le chiffre d'affaires, et est-ce qu'on devient associé au bout de trois ans ?
Merci, Amandine
""", "EC")

h2("S", "discussion", "fr", "Cueillette sauvage : champignons et règles", """
Bonjour,
Avec l'automne beaucoup de monde part aux champignons dans les bois du Pilat. Petit rappel : dans les forêts communales la cueillette est limitée à 5 litres par personne, et certains coins sont en réserve. Respectez les sous-bois, ne raclez pas la mousse.
Daniel
""", "RN")

h2("L", "discussion", "en", "Mapping repair cafés in the Lille area", """
Hi,
We're building a list of every repair café within 30 km of Lille: address, opening days, what they fix. The aim is to put them on the commons map and print a leaflet. If you run one or volunteer at one, please reply with the details.
Thanks, Wouter
""", "CA")

h2("G", "orga", "fr", "Relevé de décisions de l'AG du 10 novembre", """
Bonjour,
Voici le relevé de décisions de samedi :
1. Le montant de l'adhésion reste libre, avec un minimum de 1 euro.
2. La charte est amendée : toute prise de position publique au nom de l'assemblée doit être validée au consentement en plénière.
3. Le groupe accueil se réunira chaque premier lundi.
4. La prochaine AG aura lieu le 8 février à la Maison des habitants Chorier-Berriat.
Merci à toutes et tous !
Sarah
""", "VA GI EC")

h2("Y", "numerique", "en", "Our website is down", """
Hi,
Since this morning the website shows a database connection error. I think the certificate renewal failed too. Whoever has the SSH key for the server, could you take a look? I can pair on it tonight.
Karl
""", "LL")

h2("S", "discussion", "fr", "Appel à bénévoles pour la distribution alimentaire", """
Bonjour,
L'épicerie solidaire de Tarentaize manque de bras pour les distributions du vendredi : réception des palettes de la banque alimentaire, tri des fruits et légumes, accueil des familles. Même deux heures par mois, ça aide.
Merci, Nathalie
""", "AG")

h2("L", "discussion", "fr", "Le préfet interdit le rassemblement sur la Grand-Place", """
Bonjour,
La préfecture a pris un arrêté interdisant tout rassemblement samedi sur la Grand-Place, au motif de la sécurité pendant la braderie. La fête des communs qu'on préparait tombe à l'eau dans sa forme actuelle. On a deux options : un recours en référé ou un repli sur le parc Jean-Baptiste Lebas. Avis ?
Mehdi
""", "GI")

h2("G", "discussion", "fr", "Re: Les vélos cargo partagés", """
Pour info, la flotte de vélos cargos du quartier est gérée par une association d'habitants : réservation par appli, une caution de 50 €, et chaque utilisateur fait une heure d'entretien par trimestre. Ça marche plutôt bien depuis deux ans.

> On pourrait mutualiser des vélos cargos à l'Abbaye ?

Juliette
""", "CU")

h2("Y", "discussion", "fr", "Conférence gesticulée sur l'école publique", """
Bonjour,
Jeudi 20h au théâtre de l'Élysée, une ancienne institutrice raconte trente ans d'école en ZEP dans une conférence gesticulée drôle et politique. Entrée à prix libre. Ça peut nourrir nos débats sur l'éducation populaire.
Ludo
""", "SC")

h2("S", "tiers-lieux", "fr", "Le coworking de la Manu cherche à se structurer", """
Bonjour,
On est une douzaine à partager un plateau de bureaux à la Manufacture depuis un an, avec des règles informelles. Il faudrait maintenant fixer les horaires d'accès, un tableau de ménage et un loyer partagé plus juste entre ceux qui viennent tous les jours et les autres. Réunion des usagers le 3.
Romane
""", "TL EC")

h2("L", "discussion", "fr", "Premier contact", """
Bonjour à toutes et tous,
Je m'appelle Clara, je viens d'arriver à Lille pour mes études et je cherche à m'impliquer dans des projets collectifs. Comment se passent vos réunions, est-ce que je peux venir à la prochaine sans connaître personne ?
Clara
""", "VA")

h2("G", "discussion", "fr", "Le Département coupe les aides aux associations de santé", """
Bonjour,
Le Département vient d'annoncer une baisse de 30 % des aides aux associations de prévention santé. Pour le planning familial et la maison des adolescents du quartier, ça veut dire fermer une demi-journée par semaine. Une lettre ouverte circule, je la colle ci-dessous.
Agathe
""", "SB GI EC")

h2("Y", "discussion", "en", "Seed library at the Guillotière library", """
Hello,
The municipal library in the Guillotière now hosts a seed library: you borrow a packet of heritage tomato or bean seeds, grow them, and bring back some seeds at the end of the season. Great for balcony growers. Drawer near the reading room.
Léa
""", "AG")

h2("S", "discussion", "fr", "Re: Qui a des cartons ?", """
J'en ai une dizaine à la cave, passe les prendre quand tu veux ce week-end.

> Je déménage samedi, quelqu'un aurait des cartons ?

Fred
""", "")

h2("L", "orga", "en", "Agenda for the coordination meeting", """
Hi all,
Proposed agenda for Tuesday's coordination meeting: 1) check-in, 2) who facilitates the spring plenary, 3) room booking for next term, 4) how we welcome the new folks from the Fives group, 5) AOB. Add items in the pad by Monday.
Joris
""", "VA")

h2("G", "discussion", "fr", "Qualité de l'air : capteurs citoyens dans la vallée", """
Bonjour,
Avec des voisins de Pont-de-Claix on voudrait installer une dizaine de capteurs de particules fines en open hardware, et publier les mesures en données ouvertes. Un collectif de Strasbourg a documenté le montage. Qui veut participer à la soudure ?
Vincent
""", "RN LL")

h2("Y", "discussion", "fr", "On a besoin d'un rapport d'activité pour la Métropole", """
Bonjour,
La Métropole de Lyon demande notre rapport d'activité 2023 avant le versement du solde de la subvention (6 000 €). Il faut y mettre les chiffres de fréquentation de l'atelier, les partenariats et un bilan financier. Qui peut m'aider ce week-end ?
Fanny
""", "EC GI")

h2("S", "discussion", "fr", "Bonne année !", """
Bonne année à toutes et à tous ! Plein de belles choses pour 2025, de la santé, des projets et des rencontres. On se retrouve très vite.
Isabelle
""", "")

h2("L", "habitat", "fr", "Un foncier solidaire pour sortir les maisons de la spéculation", """
Bonjour,
La Métropole étudie la création d'un deuxième office foncier solidaire. Le principe : la structure garde la propriété du terrain, les ménages n'achètent que les murs via un bail réel solidaire, et la revente est encadrée. Plusieurs familles de Fives sont intéressées. On organise une soirée d'explication le 14 avec une juriste.
Amina
""", "CU EC GI")

h2("G", "discussion", "fr", "Re: Garde de chat pendant les vacances", """
Je peux passer le nourrir deux fois par semaine si tu laisses les clés chez Paulette.

> Je cherche quelqu'un pour s'occuper de Pacha du 10 au 20 août.

Émilie
""", "")

h2("Y", "discussion", "fr", "Rédiger ensemble un guide des tiers-lieux lyonnais", """
Bonjour,
On voudrait écrire à plusieurs mains un petit guide des lieux partagés de la métropole : fablabs, ateliers de réparation, cafés associatifs, coworkings solidaires. Chaque lieu aurait sa page avec ses horaires et ses machines, publié en ligne sous licence libre et en version papier.
Laure
""", "TL SC CA")

h2("S", "orga", "fr", "Compte rendu de la rencontre inter-collectifs du 2 octobre", """
Bonjour à toutes et à tous,
Merci aux 35 personnes venues samedi. En résumé :
- Tour des collectifs : jardins du Soleil, atelier vélo du Crêt de Roc, ressourcerie, AMAP de Valbenoîte, l'association d'hébergement web.
- Finances : la caisse commune a 870 €, décision de financer les affiches de la fête de printemps.
- Ville : on demande collectivement un rendez-vous à l'adjoint à la vie associative pour les salles gratuites.
- Accueil : un binôme va rappeler les nouvelles personnes.
Prochaine rencontre le 4 décembre, repas partagé après.
Pauline
""", "VA EC GI")

h2("L", "discussion", "en", "Free meditation sessions", """
Hi everyone,
I'm a trained mindfulness teacher and I'd like to offer free meditation sessions on Monday evenings for anyone in the network feeling stressed or burnt out. The Maison de la Solidarité lends us a quiet room. Cushions provided, beginners welcome.
Rosa
""", "SB")

h2("G", "discussion", "fr", "Les marchés publics nous sont-ils accessibles ?", """
Bonjour,
La Ville lance un marché pour l'entretien des espaces verts avec une clause d'insertion. Notre chantier d'insertion pourrait répondre, mais on n'a jamais monté de dossier de réponse à un appel d'offres : mémoire technique, DUME, bordereau de prix… Quelqu'un a de l'expérience ?
Jérémie
""", "EC GI")

h2("Y", "discussion", "fr", "Un cadastre des initiatives par arrondissement", """
Bonjour,
Pour préparer la rencontre de novembre, on aimerait savoir qui fait quoi dans chaque arrondissement : jardins, ateliers, cantines, lieux associatifs. Un tableur partagé est ouvert avec une ligne par initiative et une colonne par arrondissement. Remplissez ce que vous connaissez.
Baptiste
""", "CA")

h2("S", "discussion", "fr", "Des ruches sur les toits de la Cité du design", """
Bonjour,
Un apiculteur amateur propose d'installer trois ruches sur le toit de la Cité du design et de former des habitants à la conduite du rucher. Le miel serait partagé entre les participant·es. Ça favorise les pollinisateurs en ville. Qui est partant ?
Rémi
""", "RN AG")

h2("L", "discussion", "fr", "test nouvelle adresse", """
Test d'envoi depuis ma nouvelle adresse, merci de ne pas répondre. Si vous recevez ce message, tout fonctionne.
Ahmed
""", "")

h2("G", "orga", "fr", "Re: Déroulé de la plénière de rentrée", """
Ça me va. Juste une remarque : on avait dit qu'on laisserait 15 minutes au début pour que les nouvelles personnes se présentent, je ne le vois pas dans le déroulé. Et qui s'occupe de la soupe pour la fin ?

> Voici le déroulé proposé pour la plénière du 21 septembre.

Marie-Laure
""", "VA")

h2("Y", "discussion", "en", "Which licence for the open hardware sensor?", """
Hi,
We're about to publish the schematics and firmware of our soil moisture sensor. For the code, GPL seems obvious, but for the PCB files should we use the CERN Open Hardware Licence? Has anyone used it and is it compatible with selling kits?
Nils
""", "LL")

h2("S", "discussion", "fr", "Rencontre avec les élus sur la cantine bio", """
Bonjour,
Le groupe alimentation a rencontré l'adjointe à l'éducation et le directeur de la restauration scolaire. La commune s'engage à passer à 50 % de produits bio et locaux dans les cantines d'ici 2026, avec un légumerie municipale. On a demandé d'être associés au comité de suivi.
Lucie
""", "AG GI")

h2("L", "discussion", "fr", "Réparer plutôt que jeter : le repair café de Fives", """
Bonjour,
Le repair café de Fives a lieu chaque deuxième samedi du mois à la Mie de Pain. Des bénévoles vous aident à réparer grille-pain, vêtements, vélos, ordinateurs. L'an dernier on a évité 400 kg de déchets. On cherche surtout des couturières et des électroniciens.
Gérard
""", "TL")

h2("G", "discussion", "fr", "Qui a le chéquier ?", """
Bonjour,
Je dois payer la facture de l'imprimeur (180 €) avant la fin du mois et je ne retrouve plus le chéquier de l'association. Est-ce que le trésorier peut faire un virement à la place ? Le RIB est en pièce jointe.
Coline
""", "EC")

h2("Y", "quartier", "en", "Opening up the school playground on weekends", """
Hi all,
A group of parents in the 3rd arrondissement wants the school playground on rue Paul-Bert to stay open to families on Saturdays and Sundays, managed by volunteers. The city already does this in Paris. We're drafting a proposal to the district mayor; who wants to co-sign?
Camille
""", "CU GI")

h2("S", "discussion", "fr", "Échange de savoirs : cours de langue contre cours de cuisine", """
Bonjour,
Le réseau d'échanges réciproques de savoirs relance ses binômes : tu sais quelque chose, tu l'apprends à quelqu'un, et tu apprends autre chose à ton tour. En ce moment, des offres d'arabe, de tricot, de comptabilité, de guitare. Sans argent.
Malou
""", "SC")

h2("L", "discussion", "fr", "Les rivières enterrées de Lille", """
Bonjour,
Saviez-vous que la ville est traversée par d'anciens bras de la Deûle recouverts au XIXe siècle ? Un collectif milite pour en rouvrir un tronçon à ciel ouvert, pour la biodiversité et la fraîcheur l'été. Conférence samedi avec un historien et une hydrologue.
Xavier
""", "RN CU")

h2("G", "discussion", "fr", "Devenir sociétaire de la coopérative de l'épicerie", """
Bonjour,
L'épicerie coopérative de la Villeneuve ouvre son capital aux habitant·es : une part à 20 €, trois heures de bénévolat par mois, et des prix sans marge pour les membres. La prochaine réunion d'information est mardi à 18h30 à la maison des habitants.
Sonia
""", "AG EC")

h2("Y", "discussion", "fr", "Municipales : on interpelle les listes ?", """
Bonjour,
Les élections municipales approchent. Plusieurs assemblées proposent d'envoyer à toutes les listes candidates un questionnaire sur les communs : reconnaissance des collectifs d'habitants, accès aux locaux vacants, gestion partagée des équipements publics. On publie les réponses avant le premier tour. Qui veut rédiger les questions ?
Aurélien
""", "GI")

h2("S", "discussion", "en", "Crowdfunding for the bike workshop van", """
Hi everyone,
The mobile bike workshop needs a second-hand van to reach the outer neighbourhoods. We've launched a crowdfunding campaign on HelloAsso with a goal of 7,500 euros; rewards include repair vouchers and T-shirts. Please share it widely!
Tom
""", "EC CU")

h2("L", "discussion", "fr", "Re: Panne de chauffage dans la salle", """
Le chauffagiste passe jeudi matin. D'ici là, on peut se replier dans la petite salle du premier, elle a des radiateurs électriques.

> Il faisait 12 degrés hier soir, impossible de rester plus d'une heure.

Pascal
""", "")

h2("G", "discussion", "fr", "Des ateliers d'autodéfense numérique pour les associations", """
Bonjour,
Beaucoup d'associations du quartier gèrent des fichiers d'adhérents sur des outils qui revendent les données. On propose trois soirées : chiffrer ses mails, choisir un gestionnaire de mots de passe, sortir des formulaires Google pour un outil libre hébergé en France.
Yann
""", "LL")

h2("Y", "orga", "fr", "Appel : qui anime la prochaine séance ?", """
Bonjour,
Pour la séance du 12 on cherche deux personnes pour la facilitation. Pas besoin d'expérience : on vous envoie la trame et on fait un petit point la veille. C'est une bonne manière de s'approprier nos réunions, surtout pour celles et ceux qui viennent d'arriver.
Hugo
""", "VA")

h2("S", "discussion", "fr", "Un hêtre remarquable menacé rue Michelet", """
Bonjour,
Le promoteur de l'immeuble rue Michelet prévoit d'abattre un hêtre de plus de cent ans. On a lancé une demande de classement en arbre remarquable et écrit à l'adjointe à l'environnement pour qu'il soit intégré au permis de construire. Signatures bienvenues.
Odette
""", "RN GI")

h2("L", "discussion", "fr", "Week-end chantier participatif à la ferme", """
Bonjour,
La ferme du Héron cherche des volontaires le week-end du 6 pour reconstruire la serre abîmée par la tempête et planter la haie. Repas du midi fournis avec les légumes de la ferme, hébergement possible sous tente.
Maxime
""", "AG")

h2("G", "discussion", "en", "Lost phone charger", """
Hi, I left my white phone charger plugged in near the kitchen after Thursday's meeting. If someone has it, just leave it on the shelf by the door. Thanks!
Ben
""", "")

h2("Y", "discussion", "fr", "Les associations peuvent-elles recevoir des dons défiscalisés ?", """
Bonjour,
Un particulier souhaite donner 2 000 € à notre collectif et demande un reçu fiscal. Sommes-nous d'intérêt général ? Le rescrit fiscal prend des mois. Quelqu'un connaît-il une structure qui pourrait porter le don, un fonds de dotation ou une fondation abritante ?
Julien
""", "EC")

h2("S", "discussion", "fr", "Re: Les ateliers de la plénière de samedi", """
Merci pour la synthèse. Pour l'atelier « carte », il faudrait qu'on parte des fiches existantes et qu'on ajoute les initiatives de Firminy et du Chambon qui manquent toujours.

> Samedi, trois ateliers en parallèle : carte, charte, accueil.

Nicolas
""", "CA VA")

h2("L", "discussion", "fr", "La gratuité des transports, un commun ?", """
Bonjour,
Dunkerque a rendu ses bus gratuits il y a cinq ans. Avec quelques personnes on voudrait ouvrir un débat public sur la gratuité du métro et des bus dans la métropole lilloise : qui paie, pour quels usages, et qui décide ? On prépare une soirée avec un chercheur et un ancien élu dunkerquois.
Nora
""", "CU GI")

h2("G", "discussion", "fr", "Accompagnement au deuil", """
Bonjour,
Suite au décès de Jacques, plusieurs membres de l'assemblée sont très touchés. Une psychologue bénévole propose un temps d'écoute collectif jeudi soir à la Maison des habitants, ouvert à toutes et tous. On peut aussi simplement partager un moment ensemble.
Marthe
""", "SB")

h2("Y", "discussion", "en", "Open data on public toilets", """
Hello,
The metropolis publishes a dataset of public toilets but half of it is wrong. We could fix it with a quick survey walk and contribute the corrections to OpenStreetMap, then build a simple accessible map. Anyone up for a Saturday afternoon mapping party?
Gwen
""", "CA CU")

h2("S", "tiers-lieux", "fr", "Qui décide de l'usage des salles du tiers-lieu ?", """
Bonjour,
Depuis que le tiers-lieu accueille de plus en plus de collectifs, les conflits de réservation se multiplient. On propose un conseil des usagers qui se réunit chaque mois, avec des règles écrites de priorité et un droit de véto pour les activités gratuites. Proposition à discuter samedi.
Nadège
""", "TL GI")

h2("L", "discussion", "fr", "Cours de couture pour les débutant·es", """
Bonjour,
À l'atelier partagé de la rue Pierre-Legrand, Rachida propose un cours de couture pour débutant·es le mercredi soir : ourlets, boutons, petits raccommodages. Machines mises à disposition, tissu de récup. Inscription au comptoir.
Camille
""", "TL")

h2("G", "discussion", "fr", "Re: Réponse de la Métro sur les locaux vacants", """
Bref, ils disent non pour l'instant mais acceptent une rencontre technique en janvier. Il faudra venir avec un projet d'occupation précis, un budget de fonctionnement et la preuve qu'on a une assurance.

> Vous avez eu un retour de Grenoble-Alpes Métropole ?

Antoine
""", "GI EC")

h2("Y", "discussion", "fr", "Distribution de semences paysannes au marché", """
Bonjour,
Dimanche au marché de la Croix-Rousse, le collectif semences tient un stand pour échanger graines de tomates anciennes, de courges et de fleurs mellifères. Venez avec vos sachets, même en petite quantité.
Agnès
""", "AG")

h2("S", "discussion", "en", "Minutes of the welcome evening", """
Hi all,
Short notes from Thursday's welcome evening: 14 newcomers, most of them students. We explained how the lists work, how to propose a topic for the plenary and how the working groups are organised. Three people want to join the mapping group. Next welcome evening in January.
Sarah
""", "VA CA")

h2("L", "discussion", "fr", "Nouveaux horaires de la bibliothèque de quartier", """
Bonjour,
À partir de lundi, la médiathèque de Lille-Sud ouvre aussi le jeudi soir jusqu'à 20h. Pratique pour celles et ceux qui travaillent. Rien d'autre ne change.
Loïc
""", "SC")

h2("G", "discussion", "fr", "Re: Covoiturage pour la rencontre nationale", """
Je pars de Grenoble vendredi 16h avec trois places, retour dimanche soir. Écrivez-moi en privé.

> Qui monte à Rennes pour la rencontre nationale des communs ?

Léon
""", "")

h2("Y", "discussion", "fr", "La chambre des communs cherche un·e trésorier·e", """
Bonjour,
Notre trésorière termine son mandat en juin. La Chambre des communs de Lyon cherche quelqu'un pour tenir la comptabilité (une centaine d'écritures par an), préparer le budget et suivre les dossiers de financement. Binôme possible pour se former.
Romain
""", "EC")


# ---------------------------------------------------------------------------
# SEED — training messages written for the package, on top of dev.jsonl.
# ---------------------------------------------------------------------------

s("L", "semences", "fr", "Maison des semences : inventaire d'hiver", """
Bonjour,
Comme chaque année on fait l'inventaire de la maison des semences paysannes le premier samedi de janvier : on trie les lots, on teste la germination des vieilles graines et on met à jour le catalogue des variétés. Café et brioche fournis. Venez avec des petites enveloppes !
Solène
""", "AG")

s("G", "jardin", "fr", "Arrosage du jardin partagé pendant les vacances", """
Salut les jardinier·es,
On part presque tous en août, et les tomates ne survivront pas sans arrosage. J'ai ouvert un tableau pour se répartir les soirs d'arrosage au jardin de la Poterne. Pensez à fermer le robinet du récupérateur et à récolter ce qui est mûr, servez-vous !
Yvan
""", "AG")

s("Y", "amap", "fr", "Distribution AMAP décalée au mercredi", """
Bonjour aux amapien·nes,
Cette semaine la distribution des paniers de légumes est exceptionnellement décalée au mercredi 18h-19h30, notre paysan ayant un souci de camion. Les œufs et le fromage de chèvre seront aussi là. Pensez à rapporter vos cagettes vides.
Le bureau de l'AMAP
""", "AG")

s("S", "discussion", "en", "Seed swap at the library next month", """
Hi everyone,
We're holding a seed swap at the Tarentaize library on the 14th. Bring your saved seeds in labelled envelopes (variety, year, where it was grown) and take home some new ones. There will be a short talk on saving bean and squash seeds.
Hannah
""", "AG")

s("L", "discussion", "fr", "Une coopérative alimentaire à Fives ?", """
Bonjour,
Avec quelques voisins on réfléchit à monter un supermarché coopératif à Fives, sur le modèle de Superquinquin : chaque membre donne trois heures par mois et les prix restent bas. Il faudrait trouver des producteurs locaux et un local. Réunion d'information jeudi.
Jeanne
""", "AG")

s("G", "discussion", "fr", "Terres agricoles à vendre à Sassenage", """
Bonjour,
Un agriculteur part à la retraite et vend 12 hectares à Sassenage. Terre de Liens pourrait racheter pour installer deux jeunes maraîchers, mais il faut mobiliser de l'épargne solidaire rapidement. Je relaie l'appel, la réunion publique est le 7.
Aurélie
""", "AG EC")

s("Y", "discussion", "fr", "Des poules pour recycler les déchets de la cantine", """
Bonjour,
Le collège de notre quartier voudrait installer un poulailler pour nourrir les poules avec les restes de la cantine et donner les œufs aux familles. Ils cherchent des conseils pratiques et quelqu'un pour s'occuper des poules pendant les vacances scolaires.
Pierre-Yves
""", "AG")

s("S", "discussion", "fr", "Frigo solidaire du Crêt de Roc : consignes d'hygiène", """
Bonjour,
Petit rappel pour le frigo solidaire : pas de plats faits maison sans étiquette avec la date, pas de viande crue, et on vérifie le thermomètre en passant. On a besoin de deux personnes de plus pour le nettoyage du lundi. Merci à toutes et tous, il se vide chaque jour !
Mounia
""", "AG")

s("L", "discussion", "en", "Community orchard pruning day", """
Hello,
The community orchard at the Jardin des Plantes needs a winter pruning. An experienced arborist will show us how to prune the old apple and pear trees on Saturday morning. Bring secateurs if you have some, and gloves. Soup afterwards!
Ruth
""", "AG")

s("G", "discussion", "fr", "Cantine solidaire : on cherche des cuisinier·es", """
Bonjour,
La cantine à prix libre du mardi au centre social de l'Arlequin sert maintenant 60 repas par semaine. L'équipe de cuisine est épuisée. On cherche des bénévoles pour éplucher, cuisiner et faire la vaisselle de 9h à 14h. Les repas sont faits avec des invendus et des légumes de la ferme de la Tour.
Kader
""", "AG")

s("Y", "discussion", "fr", "Les abeilles du rucher partagé ont passé l'hiver", """
Bonne nouvelle : les quatre ruches du rucher partagé de la Croix-Rousse ont bien passé l'hiver. La première récolte de miel est prévue en juin. On cherche des personnes pour la formation apiculture du printemps, combinaisons fournies.
Armand
""", "AG")

s("S", "discussion", "fr", "Pourquoi nos courgettes pourrissent-elles ?", """
Bonjour,
Au jardin de la Cotonne, toutes nos jeunes courgettes pourrissent au bout avant de grossir. Manque de pollinisation ? Trop d'arrosage ? Si un·e jardinier·e expérimenté·e a une idée, je suis preneuse. Merci !
Ginette
""", "AG")

s("L", "numerique", "fr", "Atelier Framasoft : dégoogliser son association", """
Bonjour,
Le groupe numérique organise une soirée pour aider les associations à quitter Google Drive et Gmail : agenda partagé, formulaires, tableurs collaboratifs, tout avec des outils libres. Amenez votre ordinateur et vos questions.
Anthony
""", "LL")

s("G", "numerique", "en", "Moving our mailing lists to a community host", """
Hi all,
Our lists are still on a commercial service that shows ads in every archive page. The local CHATONS member offers to host them on their Sympa server for free. We'd need someone to export the subscriber lists and test the new addresses. Volunteers?
Ewan
""", "LL")

s("Y", "numerique", "fr", "Migration du wiki vers une nouvelle version", """
Bonjour,
Le serveur qui fait tourner notre wiki passe en Debian 12 ce week-end. Il y aura une coupure samedi de 10h à midi. Si vous constatez des pages cassées après la mise à jour, signalez-les sur le ticket ouvert dans notre forge Gitea.
Loïc
""", "LL")

s("S", "numerique", "fr", "Install party à la médiathèque", """
Salut,
Samedi 25, install party à la médiathèque de Carnot : on installe Linux Mint ou Debian sur vos vieux ordinateurs pour leur donner une seconde vie. Sauvegardez vos données avant de venir ! Des ordinateurs reconditionnés seront aussi donnés à des familles.
Fabien
""", "LL")

s("L", "discussion", "en", "Password manager for shared accounts", """
Hi,
We keep sending passwords for the association's accounts by email, which is a bad idea. I suggest we set up a shared Bitwarden (Vaultwarden, self-hosted) vault on our server. I can install it this week and show people how it works.
Kim
""", "LL")

s("G", "numerique", "fr", "Logiciel libre pour gérer les adhésions ?", """
Bonjour,
Notre tableur d'adhérent·es devient ingérable. Quelqu'un a testé Galette ou Paheko pour gérer les adhésions et la compta d'une association ? L'idée serait de l'héberger chez un chaton pour rester sur du libre.
Odile
""", "LL")

s("Y", "discussion", "fr", "Repair café numérique : smartphones et tablettes", """
Bonjour,
Nouveau : le repair café de la Guillotière ouvre un stand dédié aux téléphones et tablettes. On remplace des écrans et des batteries, on nettoie les systèmes et on installe des alternatives libres comme /e/OS ou LineageOS pour ceux qui veulent.
Rayan
""", "LL")

s("S", "numerique", "fr", "Les codes sources de l'appli sont sur la forge", """
Bonjour,
Le code de l'application d'inscription aux ateliers est maintenant publié sous licence AGPL sur notre forge. Les contributions sont bienvenues : il y a quelques bugs de formulaire à corriger et une traduction anglaise à faire.
Hugo
""", "LL")

s("L", "savoirs", "fr", "Une fresque murale sur l'histoire du quartier", """
Bonjour,
Des artistes du quartier Moulins proposent de peindre une fresque sur le mur de l'ancienne filature, à partir des souvenirs des habitants. Ils recueillent des témoignages et des vieilles photos. Rendez-vous au café du coin mercredi pour raconter vos histoires.
Ophélie
""", "SC")

s("G", "savoirs", "fr", "Cours du soir ouverts : économie des communs", """
Bonjour,
L'université populaire reprend ses cours du soir gratuits : six séances sur l'histoire des communs, d'Elinor Ostrom aux communs numériques. Pas d'inscription, pas de prérequis, les supports seront publiés sous licence libre sur le wiki.
Cyril
""", "SC")

s("Y", "savoirs", "en", "Book club: Governing the Commons", """
Hi everyone,
Our next book club session will discuss Elinor Ostrom's Governing the Commons, chapters 3 and 4. The library has three copies, and a PDF of the first chapter is on the shared drive. We meet Tuesday at 7 pm at the bookshop café.
Laura
""", "SC")

s("S", "savoirs", "fr", "Numériser les archives photographiques de la mine", """
Bonjour,
Le musée de la mine nous confie 2 000 négatifs à numériser et à légender avec les anciens mineurs. Les images seront versées dans Wikimedia Commons sous licence libre. On cherche des bénévoles pour scanner et pour animer les séances de mémoire.
Louis
""", "SC")

s("L", "discussion", "fr", "Théâtre-forum sur le logement", """
Bonjour,
La compagnie du Tiroir propose un théâtre-forum sur les discriminations au logement, joué avec des habitants de Lille-Sud. Le public est invité à monter sur scène pour changer le cours des scènes. Représentation gratuite le 8 à la maison Folie.
Tiphaine
""", "SC CU")

s("G", "discussion", "fr", "Traduire le manuel du facilitateur", """
Bonjour,
Nous avons trouvé un excellent guide anglais sur la facilitation de réunions, publié sous licence Creative Commons. Je propose de le traduire en français à plusieurs sur un pad et de le mettre sur notre wiki. Qui veut prendre un chapitre ?
Solange
""", "SC")

s("Y", "discussion", "fr", "Exposition photo : les communs de Lyon", """
Bonjour,
Une exposition de photographies sur les communs lyonnais (jardins, ateliers, habitats) sera présentée à la bibliothèque du 1er arrondissement tout le mois de mars. Les photographes ont choisi de mettre leurs images sous licence CC BY. Vernissage le 3 à 18h.
Adèle
""", "SC")

s("S", "discussion", "en", "Open course materials for adult literacy", """
Hello,
The adult literacy group is writing its own course materials, because existing books are expensive and not adapted. They will publish everything under a Creative Commons licence so other associations can reuse it. They need proofreaders.
Grace
""", "SC")

s("L", "tierslieux", "fr", "Nouvelles horaires de l'atelier partagé", """
Bonjour,
À partir de lundi, l'atelier partagé de la rue Pierre-Legrand sera ouvert du mardi au samedi de 14h à 21h. Les machines à bois restent accessibles uniquement après formation. Pensez à réserver l'établi sur le calendrier en ligne.
Grégory
""", "TL")

s("G", "tierslieux", "en", "Makerspace open night every Thursday", """
Hi,
The makerspace in Saint-Bruno now has an open night every Thursday: anyone can drop in, see the 3D printers and laser cutter, and bring a small project. Members will be around to help. It's free for first-time visitors.
Nathan
""", "TL")

s("Y", "tierslieux", "fr", "Le coworking cherche un·e nouvel·le résident·e", """
Bonjour,
Un poste se libère au coworking associatif du 8e à partir de février : bureau fixe, accès à la salle de réunion et à la cuisine, 150 € par mois. On privilégie les personnes qui travaillent sur des projets d'utilité sociale.
Emma
""", "TL")

s("S", "tierslieux", "fr", "Grand ménage au tiers-lieu samedi", """
Salut tout le monde,
Le tiers-lieu a besoin d'un grand ménage avant l'hiver : trier la ressourcerie, ranger l'atelier, nettoyer la cuisine commune. On commence à 10h, repas partagé à midi, et on finit vers 16h. Plus on est nombreux, plus ça va vite !
Élodie
""", "TL")

s("L", "discussion", "fr", "Une menuiserie partagée à Roubaix", """
Bonjour,
Un groupe d'ébénistes et de bricoleurs cherche à ouvrir une menuiserie partagée dans une ancienne usine de Roubaix. Le principe : une adhésion mensuelle, des créneaux réservés, des formations pour débutant·es. Ils font une réunion de présentation vendredi.
Christophe
""", "TL")

s("G", "discussion", "fr", "Salle de répétition partagée pour les groupes amateurs", """
Bonjour,
La salle de répétition de l'Ampérage est désormais gérée par un collectif de musiciens amateurs : planning partagé, matériel en commun, participation aux frais selon les moyens. Il reste des créneaux le lundi et le mercredi.
Thomas
""", "TL")

s("Y", "discussion", "en", "The shared kitchen is looking for new cooks", """
Hi all,
The shared kitchen at the Halle des Charpentiers is available for small food projects: caterers, preserves, bakers starting out. Equipment is professional and time slots are booked online. There's a visit for interested people on Monday.
Omar
""", "TL")

s("S", "environnement", "fr", "Pollution de l'Ondaine : analyse citoyenne", """
Bonjour,
Des riverains ont remarqué une eau trouble et des poissons morts dans l'Ondaine à Firminy. Avec une association naturaliste, on organise des prélèvements et des analyses citoyennes pour alerter l'agence de l'eau. Besoin de volontaires pour les relevés de samedi.
Francis
""", "RN")

s("L", "environnement", "en", "Tree planting in the Bois de Boulogne park", """
Hi,
The tree planting season is starting. The urban forest group will plant 300 native saplings near the Citadelle on Saturday the 30th. Wear warm clothes and boots. Children are welcome, there will be a workshop on recognising trees.
Julian
""", "RN")

s("G", "environnement", "fr", "Une coopérative d'énergie citoyenne à Grenoble", """
Bonjour,
La coopérative Énergie partagée lance un projet de centrale hydroélectrique citoyenne sur un ancien moulin de la Romanche. Les habitants pourront prendre des parts. Une réunion de présentation a lieu à la Maison de l'environnement le 12.
Sylvain
""", "RN EC")

s("Y", "environnement", "fr", "Compter les oiseaux des parcs lyonnais", """
Bonjour,
La LPO organise un comptage participatif des oiseaux des jardins et des parcs le dernier week-end de janvier. Il suffit d'observer pendant une heure et de noter les espèces. Une sortie collective est prévue au parc de la Tête d'Or samedi matin.
Noémie
""", "RN")

s("S", "environnement", "fr", "Réchauffement : les sapins du Pilat dépérissent", """
Bonjour,
Un forestier du Pilat vient présenter jeudi l'état des forêts après trois étés de sécheresse : dépérissement des sapins, scolytes, incendies. Il parlera aussi des essences qui pourraient résister au climat de 2050. Conférence gratuite à la Maison de la nature.
Gérald
""", "RN")

s("L", "environnement", "fr", "Atelier zéro déchet et compost", """
Bonjour,
L'atelier compost du jeudi revient : on apprend à faire son compost en appartement avec un lombricomposteur, et on distribue des vers. Ça réduit beaucoup les déchets et ça nourrit les bacs du jardin. Venez avec une boîte hermétique.
Agathe
""", "RN")

s("G", "environnement", "en", "Glacier melt talk at the museum", """
Hi all,
A glaciologist will talk about the shrinking glaciers of the Écrins and what it means for water supply in the valleys. Thursday 6:30 pm at the Museum. Free entry, and there's a discussion afterwards on what citizens can do about climate change locally.
Ingrid
""", "RN")

s("Y", "environnement", "fr", "Sauver la zone humide du Grand Large", """
Bonjour,
Un projet d'extension de zone d'activités menace la zone humide du Grand Large à Meyzieu, refuge de nombreux oiseaux et amphibiens. Le collectif de défense organise une balade de découverte dimanche et une réunion pour préparer un recours.
Fabrice
""", "RN")

s("S", "habitat", "fr", "Coopérative d'habitants : on cherche un terrain", """
Bonjour,
Notre groupe de huit foyers veut construire une coopérative d'habitants à Saint-Étienne : logements sobres, salle commune, jardin partagé, propriété collective et non spéculative. Nous cherchons un terrain ou un immeuble à réhabiliter. Toute piste est la bienvenue.
Henri
""", "CU")

s("L", "discussion", "fr", "Rendre la rue aux piétons le dimanche", """
Bonjour,
Les habitants de la rue Gambetta voudraient fermer la rue aux voitures un dimanche par mois pour y installer des jeux, des tables et un marché aux puces. Il faut une demande d'arrêté municipal. Qui veut coordonner avec nous ?
Sarah
""", "CU GI")

s("G", "habitat", "en", "Squat turned into housing co-op: the story", """
Hi,
A former squat in the Berriat district became a legal housing co-op after ten years of negotiation. Residents will tell the story and explain how they bought the building with a community land trust. Thursday evening at the Maison des habitants.
Paolo
""", "CU")

s("Y", "discussion", "fr", "Bancs et ombre sur la place du marché", """
Bonjour,
La place du marché de la Croix-Rousse est un four l'été, sans un arbre ni un banc. On propose de faire un diagnostic en marchant avec les habitants, puis de proposer des aménagements simples : arbres en bacs, bancs, fontaine.
Inès
""", "CU")

s("S", "habitat", "fr", "Réunion des locataires de la tour Plein Ciel", """
Bonjour,
L'amicale des locataires de la tour Plein Ciel se réunit mardi : ascenseurs en panne depuis un mois, chauffage insuffisant, projet de démolition. Nous voulons aussi proposer un local commun géré par les habitants au rez-de-chaussée. Venez nombreux.
Samir
""", "CU")

s("L", "discussion", "en", "Bike lanes in Lille-Fives: cycling protest", """
Hi all,
There will be a bike parade on Saturday to ask for safe bike lanes on the main road through Fives, where two cyclists were hit this year. Meet at 2 pm at the metro station. Bring bells and banners, and kids on cargo bikes!
Ben
""", "CU")

s("G", "discussion", "fr", "Un office foncier solidaire pour Grenoble", """
Bonjour,
L'organisme de foncier solidaire de la métropole propose des logements en bail réel solidaire à moitié prix. Le terrain reste propriété de l'OFS, les habitants achètent le bâti. Une soirée d'information est organisée pour les ménages intéressés.
Véronique
""", "CU EC")

s("Y", "entraide", "fr", "Groupe de soutien pour les jeunes parents", """
Bonjour,
Un groupe de soutien entre jeunes parents se réunit le vendredi matin au centre social : on parle du sommeil, de l'allaitement, de la fatigue, sans jugement. Une sage-femme passe une fois par mois. Les bébés sont évidemment les bienvenus.
Marine
""", "SB")

s("S", "entraide", "fr", "Réseau de visites aux personnes âgées isolées", """
Bonjour,
Avec les petits frères des pauvres, on monte un réseau de voisins qui rendent visite aux personnes âgées isolées du quartier, une fois par semaine. Un moment pour discuter, jouer aux cartes, faire une promenade. Une courte formation est proposée.
Yvette
""", "SB")

s("L", "sante", "en", "Free mental health first aid course", """
Hi everyone,
A free mental health first aid course is offered to volunteers of associations in Lille. Two days to learn how to support someone in crisis and where to refer them. It's especially useful for people who run welcome desks. Register before the 10th.
Claire
""", "SB")

s("G", "sante", "fr", "Centre de santé communautaire : recrutement de bénévoles", """
Bonjour,
Le centre de santé communautaire de Villeneuve cherche des bénévoles pour l'accueil et pour accompagner des patients dans leurs démarches (CMU, mutuelle, rendez-vous). Pas besoin d'être soignant. Réunion d'accueil des nouveaux bénévoles jeudi 17h.
Mathilde
""", "SB")

s("Y", "sante", "fr", "Cercle de parole : épuisement militant", """
Bonjour,
On propose un cercle de parole sur l'épuisement militant, ouvert à toutes et tous, le 22 à la maison des solidarités. On parlera de nos limites, de la culpabilité de dire non, et de comment prendre soin les uns des autres dans nos collectifs.
Noé
""", "SB")

s("S", "sante", "fr", "Dépistage gratuit du diabète au marché", """
Bonjour,
Samedi matin, l'équipe de prévention de la mutualité tient un stand au marché de Beaubrun : dépistage gratuit du diabète et de l'hypertension, conseils alimentation. Ils cherchent deux bénévoles pour traduire en arabe et en turc.
Khadija
""", "SB")

s("L", "chambre", "fr", "Chambre des communs : bilan financier du semestre", """
Bonjour,
Voici le bilan financier de la Chambre des communs pour le semestre : 3 200 euros de cotisations, 5 000 euros de subvention, 4 100 euros de dépenses (local, site, défraiements). Le détail est dans le tableur. Nous discuterons du budget prévisionnel à la prochaine réunion.
Bruno
""", "EC")

s("G", "chambre", "en", "Contributive income experiment: first results", """
Hello,
Six months ago we started paying a small contributive income to eight people who maintain our commons (wiki, map, garden). Each receives between 100 and 300 euros a month from a common pot. The first review shows less burnout and more regular work. Full report attached.
Anna
""", "EC")

s("Y", "chambre", "fr", "Créer une SCIC pour la cantine : les étapes", """
Bonjour,
Pour transformer la cantine associative en SCIC, il faut réunir au moins trois catégories d'associés (salariés, usagers, producteurs), rédiger des statuts et trouver un capital de départ. L'URSCOP propose un accompagnement gratuit. On commence quand ?
Jérémy
""", "EC AG")

s("S", "chambre", "fr", "Prix libre ou cotisation fixe ?", """
Bonjour,
Au dernier conseil de la Chambre, le débat sur le prix libre pour les ateliers n'a pas abouti. Certains craignent qu'on ne couvre plus les frais, d'autres que la cotisation fixe exclue les plus précaires. Je propose un prix libre avec un prix indicatif affiché. Des avis ?
Stéphane
""", "EC")

s("L", "discussion", "fr", "Financement participatif pour la ressourcerie", """
Bonjour,
La ressourcerie des Bois-Blancs lance une campagne de financement participatif sur HelloAsso pour acheter un camion. Objectif : 15 000 euros en six semaines. Les contreparties vont du sac en tissu au déménagement gratuit. Merci de partager autour de vous !
Aline
""", "EC")

s("G", "discussion", "en", "Should the assembly become a legal entity?", """
Hi all,
We keep running into the same problem: we can't sign contracts, open a bank account or receive grants because the assembly has no legal existence. Options: a simple association, a collegial association, or hosting by an existing structure. Let's list pros and cons.
Mathias
""", "EC")

s("Y", "chambre", "fr", "Salarier quelqu'un pour la coordination ?", """
Bonjour,
Plusieurs groupes demandent qu'on crée un poste de coordination à mi-temps. Cela représente environ 18 000 euros par an. Pistes de financement : fondations, cotisations des membres, prestations de formation. La Chambre en discute le 4.
Pauline
""", "EC")

s("S", "discussion", "fr", "Rendez-vous avec le maire sur les communs", """
Bonjour,
Le maire a accepté de recevoir une délégation de l'assemblée le 14 pour parler d'une éventuelle « charte des communs » municipale. Nous voulons demander la mise à disposition de bâtiments vacants et un budget participatif. Trois personnes maximum, qui se propose ?
Arlette
""", "GI")

s("L", "discussion", "fr", "Vote sur la modification de la charte", """
Bonjour à toutes et tous,
La proposition de modification de l'article 2 de notre charte (sur l'indépendance vis-à-vis des partis politiques) sera soumise au consentement lors de la plénière. Relisez la version amendée et faites remonter vos objections argumentées avant mercredi.
Le cercle charte
""", "GI")

s("G", "discussion", "en", "How other cities write commons regulations", """
Hi,
Bologna, Naples and Ghent all have municipal regulations that let citizens co-manage public spaces and buildings. I've gathered the texts and a summary in a document. Could this inspire a proposal to the Grenoble city council?
Luca
""", "GI")

s("Y", "discussion", "fr", "Budget participatif : déposer nos projets", """
Bonjour,
Le budget participatif de la Ville de Lyon est ouvert jusqu'au 30 avril. On pourrait déposer plusieurs projets issus de l'assemblée : boîtes à livres, bancs, composteurs, jardin de pluie. Il faut des fiches de deux pages par projet.
Clémence
""", "GI CU")

s("S", "discussion", "fr", "Sociocratie : formation à l'élection sans candidat", """
Bonjour,
Pour renouveler les rôles du cercle de coordination, on propose d'essayer l'élection sans candidat, une méthode de la sociocratie. Une courte formation aura lieu avant la plénière. Cela évite que les mêmes personnes se retrouvent toujours aux mêmes places.
Yannick
""", "GI")

s("L", "discussion", "fr", "Courrier au préfet sur les expulsions", """
Bonjour,
Plusieurs collectifs demandent un moratoire sur les expulsions locatives cet hiver. Un courrier commun au préfet du Nord est en préparation, avec une demande d'audience. L'assemblée peut-elle le cosigner ? Il faudrait une décision rapide, par consentement sur la liste.
Étienne
""", "GI CU")

s("G", "discussion", "fr", "Conseil citoyen : faut-il y siéger ?", """
Bonjour,
La Ville propose à l'assemblée un siège au conseil citoyen du quartier Mistral. Certains y voient une occasion de peser sur les décisions, d'autres craignent de servir de caution. On en débat à la prochaine réunion, réfléchissez-y.
Laurent
""", "GI")

s("Y", "discussion", "en", "Letter to the Metropole about vacant land", """
Hello,
We drafted a letter to the Metropole de Lyon asking for a temporary occupation agreement on three vacant plots in Gerland, to be used as community gardens and play areas. Please read it on the pad and say if the assembly can sign.
Rose
""", "GI CU")

s("L", "carto", "fr", "Atelier de saisie sur la carte des initiatives", """
Bonjour,
Mardi soir, atelier de saisie collective sur la carte des initiatives lilloises : on ajoute les associations de Roubaix et Tourcoing qui manquent encore. Amenez votre ordinateur, on vous montre comment créer une fiche et choisir les catégories.
Anne-Laure
""", "CA")

s("G", "carto", "en", "The map now shows opening hours", """
Hi all,
Good news: the commons map now displays opening hours for each place and filters for what's open right now. Please check your organisation's entry and update the hours if needed. Thanks to the volunteers who coded this!
Leo
""", "CA")

s("Y", "carto", "fr", "Recenser les jardins partagés de la Métropole", """
Bonjour,
Nous voulons faire un recensement complet des jardins partagés de l'agglomération lyonnaise pour la carte : adresse, contact, surface, conditions d'accès. Il y en a probablement plus de 150. Qui veut prendre un arrondissement ou une commune ?
Félix
""", "CA AG")

s("S", "carto", "fr", "Qui fait quoi à Saint-Étienne ? Un annuaire à jour", """
Bonjour,
L'annuaire des initiatives stéphanoises date de 2021 et la moitié des contacts ne répondent plus. On propose une grande mise à jour : chaque groupe vérifie sa fiche, et on appelle ceux qui n'ont pas répondu. Le tableau de suivi est en ligne.
Nadine
""", "CA")

s("L", "carto", "en", "Layer of accessible places on the map", """
Hi,
Several people with disabilities asked us to show which places on the map are wheelchair accessible. I propose adding an accessibility field to each entry and a filter. We should ask each place rather than guessing.
Oliver
""", "CA")

s("G", "carto", "fr", "Cartographier les arbres fruitiers en libre cueillette", """
Bonjour,
Et si on ajoutait à notre carte tous les arbres fruitiers plantés dans l'espace public, où chacun peut cueillir ? Noyers, pruniers, figuiers… Il existe déjà une base ouverte, Falling Fruit, qu'on pourrait compléter. Une balade de repérage samedi ?
Hélène
""", "CA AG")

s("Y", "orga", "fr", "ODJ de la plénière de novembre", """
Bonjour,
Ordre du jour de la plénière du 14 novembre :
1. Accueil et tour de présentation
2. Nouvelles des groupes
3. Préparation de la rencontre inter-assemblées
4. Questions diverses
Merci de venir un peu en avance pour installer la salle.
Jules
""", "VA")

s("S", "orga", "fr", "Compte rendu de l'assemblée du 3 mars", """
Bonjour,
Compte rendu rapide de l'assemblée de samedi : 25 présent·es, dont six nouvelles personnes. Nous avons fait le point sur les groupes de travail, décidé de déplacer les réunions au mardi soir, et fixé la date du prochain repas partagé. Notes complètes sur le wiki.
Corinne
""", "VA")

s("L", "orga", "en", "Welcome evening for new members", """
Hi everyone,
We're organising a welcome evening for people who joined the assembly recently: a short presentation of how we work, the working groups, and the mailing lists, followed by drinks and snacks. Tuesday 7 pm at the MRES. Old-timers welcome too!
Lisa
""", "VA")

s("G", "orga", "fr", "Qui ramène quoi pour le buffet de la plénière ?", """
Salut,
Pour le buffet qui suivra la plénière, il nous manque des plats salés et des boissons sans alcool. Les desserts sont déjà pris. Inscrivez-vous sur le pad. N'oubliez pas vos couverts et vos verres pour éviter le jetable !
Capucine
""", "VA")

s("Y", "orga", "fr", "Facilitation : bilan de la dernière assemblée", """
Bonjour,
Petit retour sur la facilitation de l'assemblée de jeudi : les tours de parole ont bien marché, mais on a encore débordé d'une heure. Pour la prochaine, on propose de limiter à quatre points à l'ordre du jour et de garder du temps pour les annonces.
Maëva
""", "VA")

s("S", "orga", "en", "Date poll for the next general meeting", """
Hi all,
Please fill in the date poll for the next general meeting before Friday. Options are the 8th, 15th or 22nd of October, Saturday afternoons. We'll book the room at the Amicale once we know which date suits most people.
Tom
""", "VA")

s("L", "orga", "fr", "Réorganisation des groupes de travail", """
Bonjour,
Au fil des mois, nos groupes de travail se sont multipliés et certains n'ont plus que deux membres. On propose d'en fusionner quelques-uns et de prévoir un atelier pendant la prochaine plénière pour redéfinir les missions de chacun.
Elsa
""", "VA")

s("G", "discussion", "fr", "Clés du local", """
Bonjour,
Qui a le double des clés du local ? J'arrive à 18h pour préparer la salle et je n'ai pas de clé. Merci de me répondre rapidement par SMS.
Bruno
""", "")

s("Y", "discussion", "fr", "Réponse automatique : En déplacement", """
Je suis en déplacement professionnel jusqu'au 15 mars avec un accès limité à mes emails. En cas d'urgence, merci de contacter le secrétariat au standard.
Bien à vous,
F. Martin
""", "")

s("S", "discussion", "en", "Out of office", """
Thank you for your email. I am currently out of the office with no access to email until Monday 12th. For urgent matters please contact the office manager. I will reply as soon as possible after my return.
""", "")

s("L", "discussion", "fr", "Se désinscrire de la liste", """
Bonjour, merci de me désinscrire de cette liste de diffusion, je ne suis plus sur Lille depuis la rentrée. Bonne continuation à toutes et à tous.
Victor
""", "")

s("G", "discussion", "en", "Please remove me", """
Hi, please remove me from this mailing list. I never subscribed and I don't know how I got on it. Thanks.
""", "")

s("Y", "discussion", "fr", "[test] nouvelle configuration du serveur", """
Message de test après la modification de la configuration de la liste. Merci de ne pas répondre, je vérifie juste que les envois passent bien. Désolé pour le bruit.
""", "")

s("S", "discussion", "en", "You have won a free iPhone 15", """
Congratulations! Your email address was randomly selected to receive a brand new iPhone. To claim your prize, simply click the link and enter your card details to pay the shipping fee. Offer valid 48 hours only.
""", "")

s("L", "discussion", "fr", "Doudou perdu au parc", """
Bonjour, ma fille a perdu son doudou lapin gris dimanche au parc de la Citadelle après le pique-nique. Si quelqu'un l'a ramassé, elle est inconsolable ! Merci de me contacter.
Sandrine
""", "")

s("G", "discussion", "fr", "Vends vélo enfant", """
Je vends un vélo enfant 16 pouces en bon état, 30 euros, idéal pour 4-6 ans. Il est à récupérer à Échirolles. Désolée si ce n'est pas le bon endroit pour ce genre d'annonce.
Marina
""", "")

s("Y", "discussion", "fr", "Retard de train", """
Mon train est bloqué à Mâcon, je ne serai pas là avant 20h. Commencez sans moi et gardez-moi une part de tarte ! À tout à l'heure.
Gilbert
""", "")

s("S", "discussion", "fr", "Bon rétablissement Marcel !", """
Coucou à tous, Marcel s'est cassé la jambe au ski. Il va bien mais il ne pourra pas venir pendant quelques semaines. On peut lui envoyer des petits mots, il sera ravi. Bises.
Annick
""", "")

s("L", "discussion", "en", "Lost: black backpack", """
Hi, I left a black backpack with a laptop charger and a blue notebook in the meeting room on Thursday night. If anyone picked it up, please let me know. Thanks!
Jonas
""", "")

s("G", "discussion", "fr", "Re: Clés du local", """
C'est bon, Martine m'a ouvert, merci !

> Qui a le double des clés du local ? J'arrive à 18h pour préparer la salle
> et je n'ai pas de clé.

Bruno
""", "")

s("Y", "discussion", "fr", "Re: Une coopérative alimentaire à la Croix-Rousse ?", """
Super idée, je suis partante pour faire des permanences au magasin et pour démarcher des producteurs de fromage et de légumes bio des monts du Lyonnais. Il faudra voir la forme juridique, une SCIC peut-être ?

Le 3 mars, Jeanne a écrit :
> Avec quelques voisins on réfléchit à monter un supermarché coopératif
> sur le modèle de la Louve.

Manon
""", "AG EC")

s("S", "discussion", "fr", "Re: Install party à la médiathèque", """
Merci pour l'organisation ! Je viendrai avec deux vieux portables de l'asso qui tournent encore sous Windows 7. On pourra leur mettre Xubuntu et LibreOffice ?

-- 
Liste numerique@saint-etienne.example
Pour vous désinscrire : https://listes.saint-etienne.example/sympa/signoff/numerique
""", "LL")

s("L", "discussion", "en", "Re: Community orchard pruning day", """
Count me in! I've got two pairs of secateurs and a small saw. Should we also plan grafting in March to replace the dead cherry tree?

On Tue, 14 Jan, Ruth wrote:
> The community orchard needs a winter pruning. An experienced arborist
> will show us how to prune the old apple and pear trees.

Sam
""", "AG")

s("G", "discussion", "fr", "Re: Un office foncier solidaire pour Grenoble", """
Attention quand même : les plafonds de ressources du BRS excluent une partie des gens qui en auraient besoin, et les logements restent chers pour les familles nombreuses. Je pense qu'il faut surtout pousser pour plus de logement social et de coopératives d'habitants.

Le 5 mai, Véronique a écrit :
> L'organisme de foncier solidaire propose des logements en bail réel solidaire.

Hamid
""", "CU EC")

s("Y", "orga", "fr", "Re: ODJ de la plénière de novembre", """
Je propose d'ajouter un point sur le budget et les cotisations, on n'en a pas parlé depuis l'été et la caisse est presque vide.

> Ordre du jour de la plénière du 14 novembre :
> 1. Accueil et tour de présentation

Manu
""", "VA EC")

s("S", "discussion", "fr", "Re: Pollution de l'Ondaine : analyse citoyenne", """
J'ai un kit de mesure du pH et des nitrates, je l'apporte samedi. Il faudrait aussi photographier les rejets suspects près du pont et envoyer le tout à la police de l'eau.

-- 
Liste environnement@saint-etienne.example
""", "RN")

s("L", "orga", "fr", "CR plénière du 11 janvier", """
Bonjour à toutes et à tous,
Voici le compte rendu de la plénière de samedi (31 personnes, merci à Colette pour la facilitation).
1. Accueil des nouvelles personnes : un binôme a été proposé à chacune.
2. Jardins : le groupe semences prépare la bourse aux graines de mars et cherche des bras pour le tri.
3. Numérique : la migration de nos listes vers le serveur associatif est terminée, pensez à mettre à jour vos filtres.
4. Trésorerie : les cotisations couvrent le loyer jusqu'en juin, pas au-delà.
Prochaine plénière le 8 février, suivie d'une galette.
Romane, pour le groupe orga
""", "VA AG LL")

s("G", "orga", "fr", "Compte rendu de la plénière de septembre", """
Bonjour,
Compte rendu de la plénière de rentrée :
- La Ville nous propose une convention d'occupation pour l'ancienne école Clemenceau ; le groupe lieux rencontrera l'adjoint au patrimoine le 20.
- Le projet de charte de l'assemblée sera voté en décembre, par consentement.
- Le repas partagé a réuni une quarantaine de personnes, merci aux cuisinier·es !
Le détail des discussions est sur le pad.
Alix
""", "VA GI TL")

s("Y", "orga", "en", "Notes from the inter-assembly meeting", """
Hi everyone,
Here are the notes from last weekend's meeting between the four assemblies (Lille, Grenoble, Lyon, Saint-Étienne).
- We agreed on a shared map format so each assembly's directory can be merged into one common map.
- Each assembly will contribute 200 euros a year to cover hosting and a small coordination fund.
- Next meeting in Saint-Étienne in spring, hosted at the Rotonde.
Thanks to the Lyon team for the food and the rooms!
Marco
""", "VA CA EC")

s("S", "discussion", "fr", "La Métropole coupe la subvention du jardin de Solaure", """
Bonjour,
Mauvaise nouvelle : Saint-Étienne Métropole ne renouvellera pas la subvention de 8 000 euros du jardin partagé de Solaure. Sans elle, impossible de payer l'animatrice à mi-temps. Nous demandons un rendez-vous au vice-président et cherchons des financements alternatifs.
Monique
""", "AG EC GI")

s("L", "discussion", "fr", "Un tiers-lieu nourricier dans l'ancienne gare", """
Bonjour,
Le collectif de la Gare Saint-Sauveur porte un projet de tiers-lieu nourricier : cuisine partagée, légumerie, épicerie paysanne, salle pour des ateliers d'alimentation. Il cherche des bénévoles pour le chantier de rénovation et des futurs usagers pour définir les besoins.
Maxime
""", "TL AG")

s("G", "discussion", "en", "Community solar on the housing co-op roof", """
Hi,
The housing co-op in Bouchayer-Viallet wants to put solar panels on its roof and share the electricity among residents, which is now legal as collective self-consumption. They need help with the financial model and maybe a citizen investment campaign.
Priya
""", "RN CU EC")

s("Y", "discussion", "fr", "Carte collaborative des lieux de soin gratuits", """
Bonjour,
Avec Médecins du Monde, on voudrait ajouter à notre carte les lieux de soin gratuits ou sans avance de frais : PASS, centres de santé, permanences infirmières, dentistes solidaires. Les fiches devront être vérifiées tous les six mois.
Léna
""", "CA SB")

s("S", "discussion", "fr", "Wiki des communs stéphanois : on réorganise", """
Bonjour,
Le wiki des communs stéphanois est devenu un labyrinthe : pages orphelines, doublons, liens morts. Je propose une journée de rangement : on définit une arborescence claire, on fusionne les doublons et on écrit une page d'accueil pour les nouveaux venus.
Alain
""", "SC")

s("L", "discussion", "en", "Translating our website into Dutch", """
Hello,
Many of our neighbours in Belgium would like to follow our work. I suggest translating the main pages of our website and the commons charter into Dutch. A few Flemish friends are ready to help. Who manages the website content?
Pieter
""", "SC")

s("G", "discussion", "fr", "Ressourcerie et atelier bois : un lieu commun", """
Bonjour,
La ressourcerie de Fontaine et l'atelier bois partagé envisagent de mutualiser un grand hangar : stockage des meubles récupérés, ateliers de réparation ouverts au public, et boutique à petits prix. Il faudra trouver une gouvernance commune entre les deux associations.
Gaston
""", "TL GI")

s("Y", "discussion", "fr", "Végétaliser la cour de l'école avec les parents", """
Bonjour,
Les parents d'élèves de l'école Michel-Servet veulent transformer la cour goudronnée en cour oasis : arbres, potager, zones d'ombre. La Ville finance une partie des travaux mais demande que les familles s'impliquent. Chantier participatif en mai.
Amandine
""", "CU GI")

s("S", "discussion", "fr", "Halte répit pour les aidants familiaux", """
Bonjour,
La halte répit du quartier Bellevue accueille les personnes atteintes de troubles de la mémoire le mercredi, pour permettre à leurs proches aidants de souffler. L'équipe cherche des bénévoles pour des activités douces : chant, jeux, promenade.
Thérèse
""", "SB")

s("L", "discussion", "fr", "Épicerie solidaire : nouveau créneau", """
Bonjour,
L'épicerie solidaire de Fives ouvre un créneau supplémentaire le samedi matin pour les étudiant·es. Les produits sont vendus à 10 ou 30 % de leur prix. Ils manquent de bénévoles pour la mise en rayon et la caisse.
Nadia
""", "AG")

s("G", "discussion", "fr", "Rivière propre : résultats des analyses", """
Bonjour,
Les résultats des analyses d'eau réalisées le mois dernier sont arrivés : traces de pesticides en aval des vergers, bactéries au niveau de la station d'épuration. On les transmet au syndicat de rivière et on prépare un article pour le journal local.
Jacques
""", "RN")

s("Y", "discussion", "en", "Volunteer drivers for medical appointments", """
Hi all,
Older people living in the Monts du Lyonnais often miss medical appointments because there's no bus. A solidarity transport network is looking for volunteer drivers, with mileage costs refunded. Even one trip a month helps.
Fiona
""", "SB CU")

s("S", "discussion", "fr", "Un local pour le club informatique des seniors", """
Bonjour,
Le club informatique des retraités de Montplaisir cherche un local équipé d'une connexion internet pour ses ateliers du jeudi : apprendre à utiliser les mails, les visioconférences et les démarches en ligne. Une salle dans un de nos tiers-lieux serait idéale.
Robert
""", "LL TL")

s("L", "discussion", "fr", "Cotisations à prix libre à la Chambre", """
Bonjour,
La Chambre des communs propose désormais des cotisations à prix libre pour les collectifs membres, avec un montant conseillé selon le budget annuel. Un tableau explique les tranches. Merci de régler vos cotisations avant la fin du trimestre.
Pascal
""", "EC")

s("G", "discussion", "fr", "Un forum ouvert sur l'avenir de l'assemblée", """
Bonjour,
Après trois ans d'existence, on propose un forum ouvert d'une journée pour repenser notre assemblée : nos objectifs, nos façons de nous réunir, la place des nouvelles personnes. Chaque participant·e pourra proposer un atelier. Repas partagé le midi.
Julie
""", "VA")

s("Y", "discussion", "fr", "Achat groupé de vélos cargos", """
Bonjour,
Un groupement d'achat de vélos cargos électriques est en train de se constituer dans le 7e arrondissement : on pourrait obtenir 20 % de réduction. La Métropole donne aussi une aide à l'achat. Ceux qui sont intéressés remplissent le formulaire avant le 15.
Benjamin
""", "CU")

s("S", "discussion", "en", "Introducing the new welcome group", """
Hi everyone,
A few of us have formed a welcome group for the assembly. We'll answer newcomers' emails, send them the calendar and an explanation of how the plenaries work, and sit with them at their first meeting. If you want to join the group, reply here.
Chris
""", "VA")

s("L", "discussion", "fr", "Données ouvertes sur la qualité de l'air", """
Bonjour,
Le réseau de capteurs citoyens de qualité de l'air compte maintenant 45 boîtiers dans la métropole. Toutes les mesures sont publiées en données ouvertes et visibles sur une carte en ligne. On cherche des hôtes pour de nouveaux capteurs sur les balcons.
Raphaël
""", "RN LL CA")

s("G", "discussion", "fr", "Un registre des savoir-faire de l'assemblée", """
Bonjour,
On a plein de compétences dans l'assemblée mais personne ne sait qui sait faire quoi. Je propose un petit annuaire des savoir-faire : qui peut animer, réparer, traduire, coder, jardiner. On pourrait le publier sur le wiki, avec l'accord de chacun.
Lucas
""", "SC")

s("Y", "discussion", "fr", "Contre la privatisation des berges du Rhône", """
Bonjour,
Un projet de bar privé avec terrasse fermée doit s'installer sur les berges du Rhône, un espace public très utilisé l'été. Le collectif Berges pour tous appelle à un pique-nique de protestation dimanche et à écrire aux élus de la Métropole.
Sami
""", "CU GI")

s("S", "discussion", "fr", "Chorale du quartier : on recrute des voix", """
Bonjour,
La chorale populaire du Soleil reprend ses répétitions le lundi soir. Chansons de lutte, chants du monde, pas besoin de savoir lire la musique. Les partitions et les enregistrements sont partagés librement sur notre site.
Pierrette
""", "SC")

s("L", "discussion", "en", "Open hardware: building our own 3D printer", """
Hi,
The fablab is starting a build club: over ten sessions we'll assemble an open-source 3D printer from a free design, and learn the electronics and firmware on the way. Parts are paid by the fablab. Six places left.
Elena
""", "TL LL")

s("G", "discussion", "fr", "Le prix de l'eau augmente : réunion publique", """
Bonjour,
La régie des eaux annonce une hausse de 12 % du prix de l'eau pour financer la rénovation des canalisations. Le comité des usagers organise une réunion publique pour comprendre ces chiffres et défendre une tarification sociale. Venez nombreux.
Denis
""", "RN GI")

s("Y", "discussion", "fr", "Atelier couture zéro déchet", """
Bonjour,
L'atelier couture de la Myne propose de fabriquer des sacs à vrac et des charlottes à partir de tissus récupérés. Machines à coudre en accès libre, pas besoin de savoir coudre. Mercredi de 18h à 21h.
Anouk
""", "TL")

s("S", "discussion", "fr", "Projet de maison de santé pluriprofessionnelle", """
Bonjour,
Dans le quartier de la Cotonne, il n'y a plus de médecin généraliste. Des habitants et des soignants montent un projet de maison de santé gérée collectivement, peut-être en SCIC. Une réunion publique aura lieu à la salle des fêtes pour recueillir les besoins.
Agnès
""", "SB EC")

s("L", "discussion", "fr", "Rencontre avec la Région sur les tiers-lieux", """
Bonjour,
Nous avons rencontré jeudi la vice-présidente de la Région Hauts-de-France chargée de l'économie sociale. Elle envisage un dispositif de soutien aux tiers-lieux associatifs. Nous devons lui envoyer une note avec nos besoins d'ici la fin du mois.
Sébastien
""", "GI TL")

s("G", "discussion", "en", "Recycling old phones into a lending library", """
Hi,
We collected 60 old smartphones. Instead of throwing them away, the digital group will wipe them, install a free operating system and lend them to people who need a phone for job hunting. We need volunteers comfortable with flashing ROMs.
Ahmed
""", "LL")

s("Y", "discussion", "fr", "Habitat partagé entre générations", """
Bonjour,
Une association met en relation des personnes âgées qui ont une chambre libre et des étudiants qui cherchent un logement, contre une présence le soir et de petits services. Ça combat l'isolement et la crise du logement à la fois. Réunion de présentation à la mairie du 4e.
Yolande
""", "CU SB")

s("S", "discussion", "fr", "Plénière : changement d'heure", """
Bonjour,
Attention, la plénière de samedi commencera à 14h30 et non 14h, la salle étant occupée par un mariage le matin. L'ordre du jour reste le même. On finira par un goûter.
Christiane
""", "VA")

s("L", "discussion", "fr", "Débat sur l'accueil des personnes sans papiers", """
Bonjour,
Plusieurs membres ont proposé que l'assemblée prenne position sur l'accueil des personnes exilées. Avant toute décision, il faut savoir comment on prend position publiquement : qui signe, au nom de qui, avec quelle majorité ? Je propose qu'on clarifie nos règles.
Margot
""", "GI")

s("G", "discussion", "fr", "Jardiner sur les toits de la Villeneuve", """
Bonjour,
Le bailleur social accepte de mettre à disposition le toit-terrasse d'un immeuble pour un potager collectif. Il faut des bacs, de la terre, un système d'arrosage. Les habitants de l'immeuble seront prioritaires pour les parcelles. On fait un premier repérage mardi.
Farida
""", "AG CU")

s("Y", "discussion", "en", "Our accounting is now on a free software tool", """
Hi all,
The treasurer team has moved our accounts from spreadsheets to Dolibarr, a free software suite, hosted on our own server. Members can now see the budget and expenses in real time. A short tutorial is on the wiki.
Nina
""", "LL EC")

s("S", "discussion", "fr", "Sortie nature : la tourbière du Pilat", """
Bonjour,
Dimanche 15, sortie découverte de la tourbière de Gimel avec un garde du parc naturel régional. On parlera du rôle des tourbières pour stocker l'eau et le carbone. Covoiturage au départ de Carnot à 8h30.
Émile
""", "RN")

s("L", "discussion", "fr", "Bénévoles pour la maraude du jeudi", """
Bonjour,
La maraude du jeudi soir manque de monde : on distribue des soupes chaudes, des couvertures et surtout on prend le temps de discuter avec les personnes à la rue. Il faut être deux par équipe. Formation rapide avant la première sortie.
Antoine
""", "SB")

s("G", "discussion", "fr", "Questionnaire aux élus sur le foncier agricole", """
Bonjour,
Avant les élections départementales, nous proposons d'envoyer un questionnaire aux candidats sur la protection des terres agricoles et l'installation de jeunes paysans. Le texte est sur le pad. Merci de le relire avant vendredi.
Sylvie
""", "AG GI")

s("Y", "discussion", "fr", "Point sur les adhésions 2025", """
Bonjour,
À ce jour, 84 personnes ont renouvelé leur adhésion pour 2025, contre 120 l'an dernier. Le budget de l'association reste fragile. Pensez à régler votre cotisation, même symbolique, en espèces lors de la plénière ou par virement.
Jean-Pierre
""", "EC")

s("S", "discussion", "en", "Guide to the map for new contributors", """
Hi,
I've written a short guide for people who want to add initiatives to the map: how to create an account, fill in a card, choose categories and add a photo. It's on the wiki. Feedback is welcome before we send it to all groups.
Jack
""", "CA SC")

s("L", "carto", "fr", "Les catégories de la carte sont trop nombreuses", """
Bonjour,
Avec 42 catégories, plus personne ne s'y retrouve sur la carte des communs. Je propose de les regrouper en une douzaine de grandes familles, avec des étiquettes libres pour le détail. Une réunion du groupe cartographie est prévue mercredi pour en discuter.
Anne
""", "CA")

s("G", "carto", "fr", "Cartopartie dans le quartier de l'Abbaye", """
Bonjour,
Samedi, cartopartie dans le quartier de l'Abbaye : on se promène en petits groupes pour repérer les lieux ressources (associations, bancs, toilettes, boîtes à livres, points d'eau) et on les reporte sur la carte. Rendez-vous 10h place de l'Abbaye.
Clément
""", "CA")

s("Y", "carto", "en", "Merging our map with the regional directory", """
Hi,
The regional network of solidarity economy keeps a directory of 900 organisations. They proposed to merge it with our commons map so people only have one place to look. We need to agree on common categories and on who keeps each entry up to date.
Helen
""", "CA")

s("S", "carto", "fr", "Stage : une étudiante pour la cartographie", """
Bonjour,
Une étudiante en géographie de l'université Jean-Monnet fera son stage de trois mois avec nous pour enrichir la carte des initiatives stéphanoises : enquêtes de terrain, vérification des fiches, analyse des zones où il manque des lieux. Merci de lui réserver un bon accueil.
Bernard
""", "CA")

s("L", "carto", "fr", "Un plan papier des lieux solidaires", """
Bonjour,
Les travailleurs sociaux nous demandent un plan imprimé des lieux solidaires de Lille-Sud (distribution alimentaire, douches, laverie, accès au droit) à remettre aux personnes sans internet. On peut le tirer de la carte en ligne. Qui s'occupe de la mise en page ?
Pauline
""", "CA")

s("G", "carto", "en", "Who is doing what in the Grésivaudan valley?", """
Hi all,
We're trying to list all the commons initiatives in the Grésivaudan valley: repair cafés, food co-ops, shared gardens, housing projects. If you know some, add them directly to the map or send me a name and a contact, I'll create the entry.
Sophie
""", "CA")

s("Y", "carto", "fr", "Données de la carte : quelle licence ?", """
Bonjour,
Avant de publier les données de notre carte, il faut choisir une licence. L'ODbL oblige à repartager les améliorations, la Licence Ouverte est plus permissive. Je penche pour l'ODbL comme OpenStreetMap. On en parle au groupe carto jeudi.
Matthieu
""", "CA SC")

s("S", "carto", "fr", "Bug : la carte ne s'affiche plus sur mobile", """
Bonjour,
Depuis hier la carte des initiatives reste blanche sur téléphone (Firefox et Chrome). Sur ordinateur tout fonctionne. Quelqu'un du groupe technique peut regarder ? C'est gênant, on la présente au forum des associations samedi.
Lydie
""", "CA LL")

s("L", "sante", "fr", "Permanence d'écoute pour les étudiant·es", """
Bonjour,
Une permanence d'écoute gratuite et anonyme ouvre pour les étudiant·es en difficulté psychologique, le mardi soir à la maison des étudiants. Des bénévoles formés et une psychologue se relaient. Faites circuler, beaucoup de jeunes vont mal en ce moment.
Manon
""", "SB")

s("G", "sante", "en", "Self-help group for people living with chronic pain", """
Hi,
A self-help group for people living with chronic pain meets every other Wednesday at the community centre. It's a space to share tips, frustrations and a bit of laughter. No medical advice, just mutual support. Carers are welcome too.
Grace
""", "SB")

s("Y", "sante", "fr", "Qi gong gratuit dans le parc", """
Bonjour,
Tous les dimanches matin à 9h, une séance de qi gong gratuite est proposée dans le parc de la Cerisaie. C'est doux, accessible à tous les âges et ça fait un bien fou. Venez avec une tenue confortable.
Liliane
""", "SB")

s("S", "entraide", "fr", "Caisse de solidarité pour les soins dentaires", """
Bonjour,
Plusieurs membres ne peuvent pas payer leurs soins dentaires. On propose de monter une caisse de solidarité, alimentée par des dons, pour avancer les frais. Un petit groupe décidera des aides de façon anonyme. Qu'en pensez-vous ?
Gérard
""", "SB EC")

s("L", "entraide", "en", "Meal train for Sarah after the surgery", """
Hi everyone,
Sarah is recovering from surgery and will be at home for three weeks with two small kids. We've set up a meal train: sign up for one evening and drop a meal at her door. Vegetarian, no nuts please.
Olivia
""", "SB")

s("G", "entraide", "fr", "Accompagner les personnes âgées pendant la canicule", """
Bonjour,
Avec la canicule annoncée, on propose d'appeler chaque jour les personnes âgées seules de l'immeuble et du quartier, de vérifier qu'elles boivent assez et de leur apporter des courses. La liste des volontaires est sur le pad.
Marie
""", "SB")

s("Y", "sante", "fr", "Atelier santé des femmes au centre social", """
Bonjour,
Un cycle d'ateliers santé réservé aux femmes démarre au centre social des États-Unis : contraception, ménopause, santé mentale, accès aux droits. Animé par une sage-femme et une conseillère conjugale. Garde d'enfants sur place.
Aïcha
""", "SB")

s("S", "sante", "en", "Sports for everyone: free sessions on Saturdays", """
Hi,
The neighbourhood sports club offers free adapted sport sessions on Saturday mornings for people who haven't exercised in years, whatever their age or weight. Gentle football, walking, stretching. Good for body and mind.
Kevin
""", "SB")

s("L", "savoirs", "fr", "Bibliothèque partagée au café associatif", """
Bonjour,
Le café associatif des Moulins installe une bibliothèque partagée : romans, essais sur les communs, bandes dessinées. Chacun emprunte et dépose librement. On cherche quelqu'un pour trier les dons et faire un petit catalogue en ligne.
Agnès
""", "SC")

s("G", "savoirs", "fr", "Publier nos comptes rendus sous Creative Commons", """
Bonjour,
Est-ce qu'on précise enfin une licence pour nos textes publiés (guides, fiches, articles du blog) ? Je propose CC BY-SA pour tout, sauf les photos de personnes. Il faudrait l'indiquer en pied de page du site et sur le wiki.
Rémi
""", "SC")

s("Y", "savoirs", "en", "Wikipedia edit-a-thon on Lyon's working-class history", """
Hi all,
We're organising an edit-a-thon to improve Wikipedia articles on the silk workers' revolts and other parts of Lyon's working-class history. Beginners are welcome, experienced editors will help. Saturday at the municipal library, bring a laptop.
Clara
""", "SC")

s("S", "savoirs", "fr", "Podcast : les voix des quartiers", """
Bonjour,
Le podcast « Les voix des quartiers » cherche des habitantes et habitants pour raconter leur quartier, leurs luttes et leurs initiatives. Les épisodes sont diffusés sur la radio associative et publiés librement en ligne. Un atelier d'initiation au montage audio est proposé.
Nicolas
""", "SC")

s("L", "savoirs", "fr", "Documenter le fonctionnement de l'atelier vélo", """
Bonjour,
On se rend compte que tout le savoir de l'atelier vélo est dans la tête de deux personnes. On voudrait écrire une documentation : réglages de base, inventaire des pièces, accueil des usagers. Des volontaires pour rédiger et relire ?
Thibaut
""", "SC TL")

s("G", "savoirs", "en", "Open education resources on climate for teachers", """
Hello,
A group of teachers is writing open educational resources on climate change for secondary schools, free to reuse and adapt under a CC BY licence. They're looking for scientists and illustrators to review the content.
Marta
""", "SC RN")

s("Y", "tierslieux", "fr", "Le hackerspace déménage", """
Bonjour,
Le hackerspace quitte son local de la rue Paul-Bert pour un espace plus grand à Gerland. On a besoin de bras samedi pour transporter l'établi, les machines et les bacs de composants. Pizza offerte aux déménageurs !
Adrien
""", "TL")

s("S", "tierslieux", "fr", "Règlement intérieur de l'atelier partagé", """
Bonjour,
Le règlement intérieur de l'atelier partagé a été mis à jour : formation obligatoire pour chaque machine, rangement en fin de séance, cahier de liaison pour signaler les pannes. Merci de le lire et de le signer lors de votre prochaine venue.
Thierry
""", "TL")

s("L", "tierslieux", "en", "New bakery oven at the shared kitchen", """
Hi all,
The shared kitchen just got a second-hand professional bread oven! Bakers from the neighbourhood can now book it by the half-day. Training on Sunday for those who want to use it. Flour co-op members get a discount.
Lucas
""", "TL")

s("G", "tierslieux", "fr", "Tiers-lieu rural : le Café de la Gare à Mens", """
Bonjour,
Le Café de la Gare à Mens est devenu un tiers-lieu rural : bar associatif, bureaux partagés, point poste, épicerie de dépannage, concerts. Il est tenu par une centaine de bénévoles. Ils organisent une journée portes ouvertes le 28.
Lise
""", "TL")

s("Y", "tierslieux", "fr", "Salle de réunion disponible au tiers-lieu", """
Bonjour,
La grande salle du tiers-lieu de la Croix-Rousse peut être réservée gratuitement par les collectifs membres pour leurs réunions, le soir et le week-end. Vidéoprojecteur et cuisine à disposition. Réservation sur le calendrier en ligne.
Jérémie
""", "TL")

s("S", "discussion", "en", "Sharing tools between neighbours", """
Hi,
We're setting up a tool library in a garage of the Solaure housing estate: drills, ladders, garden tools, sewing machines. Members borrow for free. The garage is lent by the landlord. We need help to catalogue the tools.
Amir
""", "TL CU")

s("L", "environnement", "fr", "Les castors sur la Deûle ? Non, les ragondins", """
Bonjour,
Suite à la discussion d'hier, ce sont bien des ragondins qu'on voit le long de la Deûle, pas des castors. Le garde du parc explique qu'ils abîment les berges. Une sortie naturaliste est prévue pour observer la faune du canal.
Gaëtan
""", "RN")

s("G", "environnement", "fr", "Sécheresse : les sources du Vercors", """
Bonjour,
Plusieurs villages du Vercors ont été ravitaillés en eau par camion cet été. Le conseil scientifique du parc présente jeudi une étude sur l'évolution des sources et des nappes. Il faudrait en tirer des propositions pour le partage de l'eau entre usages.
Marc
""", "RN")

s("Y", "environnement", "en", "Bat walk along the Saône", """
Hi,
Join us for a bat walk along the Saône on Friday evening. With ultrasonic detectors we'll listen to the bats hunting above the water. A naturalist will explain their role in the ecosystem. Meet at 9 pm at the footbridge.
Eva
""", "RN")

s("S", "environnement", "fr", "Économiser l'énergie cet hiver", """
Bonjour,
L'espace info énergie organise des balades thermiques dans le quartier : avec une caméra infrarouge, on repère les fuites de chaleur des maisons. Ensuite, conseils pour isoler et réduire sa facture. Gratuit, sur inscription.
Stéphanie
""", "RN")

s("L", "environnement", "fr", "Forêt urbaine : planter 1 000 arbres à Roubaix", """
Bonjour,
Le projet de micro-forêt urbaine de Roubaix avance : 1 000 jeunes arbres d'essences locales seront plantés sur une ancienne friche, selon la méthode Miyawaki. Les habitants sont invités à planter en famille les 7 et 8 mars.
Laure
""", "RN CU")

s("G", "numerique", "fr", "Visioconférence : on passe à Jitsi", """
Bonjour,
Pour nos réunions à distance, on arrête Zoom et on passe à Jitsi Meet, hébergé par un chaton grenoblois. Pas de compte à créer, il suffit d'un lien. J'enverrai un petit mode d'emploi avant la prochaine réunion du groupe.
Florence
""", "LL")

s("Y", "numerique", "en", "Backup of our shared files", """
Hi all,
Our shared drive has no backup at all. If the server dies we lose five years of documents. I propose an automatic nightly backup with restic to a second machine at another member's place. Two volunteers to set it up?
Liam
""", "LL")

s("S", "numerique", "fr", "Formation LibreOffice pour les bénévoles", """
Bonjour,
Beaucoup de bénévoles galèrent avec les tableurs et les traitements de texte. Le groupe numérique propose deux matinées de formation à LibreOffice : mise en page, publipostage, formules simples. Sur inscription, ordinateurs fournis.
Patricia
""", "LL")

s("L", "numerique", "fr", "Panne de la messagerie de l'association", """
Bonjour,
Depuis ce matin, les mails envoyés à contact@ reviennent en erreur. Notre hébergeur associatif a un problème de certificat, ils sont dessus. En attendant, écrivez directement aux adresses personnelles des membres du bureau.
Vincent
""", "LL")

s("G", "orga", "fr", "Bienvenue à la nouvelle équipe d'accueil", """
Bonjour,
Merci à Lina, Karim et Odette qui rejoignent l'équipe d'accueil de l'assemblée. Ils s'occuperont de répondre aux nouvelles personnes, de présenter nos groupes en début de plénière et d'organiser le café des nouveaux une fois par trimestre.
Claire
""", "VA")

s("Y", "orga", "fr", "Salle trop petite pour la plénière", """
Bonjour,
On était plus de cinquante à la dernière plénière, dans une salle prévue pour trente. Il faut trouver un lieu plus grand pour les prochaines : maison des associations, gymnase, salle paroissiale ? Toute proposition est bienvenue.
Kevin
""", "VA")

s("S", "orga", "fr", "Rappel : réunion de préparation de l'AG", """
Bonjour,
Rappel : réunion de préparation de l'assemblée générale mardi à 18h30 au local. On finalise l'ordre du jour, le rapport moral et la répartition des rôles (accueil, animation, prise de notes). Pensez à apporter vos idées d'animation.
Béatrice
""", "VA")

s("L", "orga", "en", "Feedback form after the plenary", """
Hi everyone,
Thanks for coming to the plenary. Could you take two minutes to fill in the feedback form: was the agenda clear, did you get to speak, was the venue accessible, what should we change next time? We'll share the results at the next meeting.
Anna
""", "VA")

s("G", "orga", "fr", "Re: Qui ramène quoi pour le buffet de la plénière ?", """
Je ramène un grand taboulé et du jus de pomme de la ferme.

Le 2 juin, Capucine a écrit :
> Pour le buffet qui suivra la plénière, il nous manque des plats salés
> et des boissons sans alcool.

Basile
""", "VA")

s("Y", "discussion", "fr", "Re: Cotisations à prix libre à la Chambre", """
Pour les petits collectifs sans budget, le montant conseillé de 50 euros reste élevé. On pourrait prévoir une cotisation en temps (heures de bénévolat) à la place ?

> La Chambre des communs propose désormais des cotisations à prix libre

-- 
Liste chambre@lyon.example
""", "EC")

s("S", "discussion", "en", "Re: Bike lanes in Saint-Étienne", """
The council finally answered: a temporary bike lane will be tested on cours Fauriel from May. Well done everyone who came to the rides and wrote to the deputy mayor!

On Mon, 3 Feb, Ben wrote:
> There will be a bike parade on Saturday to ask for safe bike lanes

Ben
""", "CU GI")

s("L", "discussion", "fr", "Re: Groupe de soutien pour les jeunes parents", """
Merci pour l'info, je transmets à ma sœur qui vient d'accoucher et qui se sent très seule. Est-ce qu'il y a un groupe équivalent pour les papas ?

-----Message d'origine-----
De : Marine <marine@example.org>
Objet : Groupe de soutien pour les jeunes parents

Théo
""", "SB")


# ---------------------------------------------------------------------------
# SEED, second batch — written by hand after HOLDOUT2 was frozen, for breadth of
# vocabulary: money and legal forms, institutions and decision rules, messages that
# mention a neighbourhood or venue without being about urban commons, logistics mail.
# ---------------------------------------------------------------------------

s("L", "chambre", "fr", "Budget prévisionnel 2025 de la Chambre", """
Bonjour,
Je vous partage le budget prévisionnel pour l'an prochain : 14 200 € de charges (dont 9 000 € pour le poste de coordination à mi-temps), des recettes attendues de 6 000 € de subventions, 3 500 € de cotisations et le reste en dons. Il manque environ 2 000 €. Relisez avant l'AG, s'il vous plaît.
Jérôme, trésorier
""", "EC")

s("G", "discussion", "fr", "Monter une SCIC pour la ressourcerie ?", """
Salut,
On réfléchit à transformer l'association de la ressourcerie en société coopérative d'intérêt collectif. Avantages : multisociétariat (salariés, bénévoles, collectivités, usagers), réserves impartageables, possibilité de lever des parts sociales. Inconvénient : un commissaire aux comptes au-delà d'un certain seuil. Des retours d'expérience ?
Claire
""", "EC")

s("Y", "discussion", "en", "How do you pay contributors?", """
Hi,
Our collective has a small grant and we'd like to pay the people who maintain the tool library, but nobody wants to become a boss. Some groups use a shared fund where contributors declare their hours and receive an equal hourly amount. Has anyone tried this, and how do you handle the paperwork?
Tess
""", "EC")

s("S", "discussion", "fr", "Relance : cotisations 2024 pas encore réglées", """
Bonjour,
Petit rappel amical : une trentaine d'adhérent·es n'ont pas encore réglé leur cotisation 2024. Le montant est libre à partir de 5 €, par chèque à l'ordre de l'association, en espèces lors des permanences ou par virement. Sans ces rentrées on ne pourra pas payer l'assurance.
Merci, Françoise
""", "EC")

s("L", "discussion", "fr", "Campagne de financement participatif pour la cuisine collective", """
Bonjour,
La cuisine collective du quartier lance sa campagne sur Ulule pour acheter un four professionnel et une chambre froide : 12 000 € en 45 jours. Contreparties : repas offerts, tabliers, cours de cuisine. Partagez autour de vous, chaque euro compte !
Kenza
""", "EC AG")

s("G", "chambre", "fr", "Atelier : comprendre le modèle économique d'un commun", """
Bonjour,
La Chambre des communs organise un atelier sur les modèles économiques : comment un commun peut-il vivre sans se vendre ? On parlera de contributions volontaires, de prestations, de financements publics, de mécénat et de mutualisation de postes. Mardi 18h30, inscription sur le pad.
Benoît
""", "EC")

s("Y", "discussion", "fr", "Re: Facture du traiteur", """
Réglée hier par virement depuis le compte de l'association, je joins le justificatif pour la compta. Il reste 340 € sur la ligne « événements ».

> Le traiteur relance pour la facture de la fête de juin.

Mélanie
""", "EC")

s("S", "discussion", "en", "Applying to a European fund", """
Hello,
A foundation in Brussels has an open call for local commons projects, grants up to 30,000 euros over two years. The application asks for a budget, a partnership letter and an impact plan. Deadline is in six weeks. Shall we apply together with the Lyon and Grenoble assemblies?
Victor
""", "EC")

s("L", "discussion", "fr", "Le revenu contributif, c'est quoi au juste ?", """
Bonjour,
J'entends souvent parler de revenu contributif lors de nos rencontres, en lien avec l'expérimentation de Plaine Commune. Si j'ai bien compris, il s'agit de rémunérer des périodes de contribution à des savoirs et des activités utiles, un peu comme l'intermittence. Quelqu'un aurait un texte clair à conseiller ?
Mireille
""", "EC")

s("G", "discussion", "fr", "Ouvrir un compte bancaire pour le collectif", """
Bonjour,
Pour recevoir la subvention de la fondation, il nous faut un compte bancaire au nom du collectif. La Nef et le Crédit coopératif demandent les statuts, le PV de l'AG constitutive et les pièces d'identité du bureau. Qui peut m'accompagner à l'agence jeudi ?
Patrice
""", "EC")

s("Y", "discussion", "fr", "Mutualiser un poste de comptable entre collectifs", """
Bonjour,
Cinq collectifs du réseau passent chacun quelques heures par mois sur la compta, les fiches de paie et les déclarations. On pourrait mutualiser un poste de comptable à temps partiel via un groupement d'employeurs. Est-ce que ça intéresse d'autres structures ?
Sébastien
""", "EC")

s("S", "discussion", "fr", "La monnaie locale accepte maintenant à l'épicerie", """
Bonjour,
Bonne nouvelle : l'épicerie paysanne de Bellevue accepte désormais la monnaie locale complémentaire. Vous pouvez échanger vos euros au comptoir d'échange du café associatif. Plus il y a de commerces, plus l'argent circule sur le territoire.
Renée
""", "EC AG")

s("L", "discussion", "en", "Cost of the annual meeting", """
Hi,
Quick summary of what the annual meeting cost: room hire 250 euros, food 410, printing 60, travel refunds for speakers 180. We received 520 in donations at the door. The shortfall came out of the reserve, which is now quite low.
Ines
""", "EC")

s("G", "discussion", "fr", "Se faire payer en droits d'auteur ou en facture ?", """
Bonjour,
Je fais des illustrations pour plusieurs collectifs et on me demande une facture. Je n'ai pas de statut, je ne veux pas devenir micro-entrepreneur. Une CAE peut-elle me salarier pour ces missions ? Ou bien la Maison des artistes ? Je suis un peu perdue.
Lou
""", "EC")

s("Y", "chambre", "fr", "Appel à projets « Fabriques de territoire »", """
Bonjour,
L'État relance l'appel à projets pour labelliser des fabriques de territoire : jusqu'à 150 000 € sur trois ans pour des tiers-lieux structurants. Il faut un dossier solide, un modèle économique et l'appui de la collectivité. La Chambre peut aider deux lieux du réseau à candidater.
Alix
""", "EC GI TL")

s("S", "discussion", "fr", "Prix libre ou tarif fixe pour les ateliers ?", """
Bonjour,
Pour les ateliers de réparation, certains trouvent que le prix libre rapporte trop peu, d'autres que le tarif fixe exclut les plus précaires. Une idée : prix libre mais conscient, avec affichage des coûts réels (loyer, outils, pièces). Qu'en pensez-vous ?
Nadir
""", "EC")

s("L", "discussion", "fr", "Bénévolat ou salariat : la question revient", """
Bonjour,
Lors du dernier bilan, plusieurs personnes ont dit être épuisées. On a trois options : continuer 100 % bénévole, créer un poste aidé, ou demander des contreparties aux structures qui utilisent nos outils. Avant de voter il faut chiffrer chaque scénario. Volontaires pour le groupe finances ?
Alice
""", "EC")

s("G", "discussion", "en", "Donations through HelloAsso", """
Hi all,
I've set up a donation page on HelloAsso so people can support us without cash. Fees are voluntary, the association receives everything. Monthly donations are possible too. Link is on the website footer now.
Matt
""", "EC")

s("Y", "discussion", "fr", "Le bilan comptable est prêt", """
Bonjour,
Les comptes de l'exercice sont clos : 18 400 € de produits, 17 950 € de charges, soit un petit excédent de 450 € mis en réserve. Le détail par poste est dans le tableur partagé. Il faudra les approuver lors de l'assemblée générale ordinaire.
Gaspard, trésorier
""", "EC")

s("S", "discussion", "fr", "Parts sociales de la coopérative d'énergie", """
Bonjour,
La coopérative citoyenne d'énergie du Forez lève 80 000 € pour sa deuxième installation sur des toits agricoles. Parts à 50 €, une personne une voix, rémunération plafonnée. Une réunion publique présente le projet mercredi à Montbrison.
Joël
""", "EC RN")

s("L", "discussion", "fr", "Fonds de dotation pour les communs lillois", """
Bonjour,
Quelques structures proposent de créer un fonds de dotation commun pour recevoir des legs et du mécénat d'entreprise, puis redistribuer aux initiatives du réseau selon des critères votés. Il faudrait un règlement d'attribution et un comité. Première réunion le 9.
Armelle
""", "EC")

s("G", "discussion", "fr", "Rémunérer les intervenants extérieurs", """
Bonjour,
Pour la journée sur les communs numériques, deux intervenantes demandent un défraiement de 150 € chacune plus le train. Est-ce qu'on a la trésorerie ? Sinon on peut demander une participation aux frais à l'entrée.
Quentin
""", "EC")

s("Y", "discussion", "en", "Legal structure for the tool library", """
Hello,
Our tool library is still an informal group, which is becoming a problem: we can't sign the lease or get insurance. Should we register as an association, join an existing one as a project, or go for a cooperative? We'd like to keep the members in control.
Greta
""", "EC")

s("S", "discussion", "fr", "Re: Qui paie l'assurance du local ?", """
Jusqu'ici c'était l'association des jardiniers qui payait, mais le local sert à six collectifs. Je propose une répartition au prorata des heures d'occupation, on a le planning pour faire le calcul.

> L'assureur demande 620 € cette année, c'est 15 % de plus.

Ginette
""", "EC")

s("L", "discussion", "fr", "Une caisse de solidarité pour les bénévoles précaires", """
Bonjour,
Certains bénévoles n'ont pas les moyens d'avancer les frais de transport pour venir aux ateliers. On propose une caisse de solidarité alimentée par les dons, avec remboursement sur simple déclaration, sans justificatif au-dessous de 20 €.
Roxane
""", "EC")

s("G", "chambre", "en", "What is the Chamber of the commons for?", """
Hi everyone,
Newcomer question: what exactly does the Chamber of the commons do compared to the assembly? From what I read, it gathers the people who earn a living from commons-based activities and deals with economic questions: funding, legal forms, fair pay, relations with companies. Is that right?
Owen
""", "EC")

s("Y", "discussion", "fr", "Mécénat de compétences : bonne ou mauvaise idée ?", """
Bonjour,
Une grande entreprise lyonnaise propose de nous « prêter » deux salariés en mécénat de compétences pour refaire notre site et notre stratégie de financement. C'est tentant, mais on craint de perdre la main et de servir leur communication RSE. Vos expériences ?
Patricia
""", "EC")

s("S", "discussion", "fr", "Le bar associatif est-il rentable ?", """
Bonjour,
Après six mois d'ouverture, le bar associatif couvre juste ses achats de boissons. Les permanences sont bénévoles, mais on ne dégage rien pour le loyer. Faut-il augmenter les prix, ouvrir plus de soirs, ou chercher une subvention de fonctionnement ?
Fabien
""", "EC")

s("L", "discussion", "fr", "Demande de devis pour l'imprimerie coopérative", """
Bonjour,
Je demande des devis pour imprimer 2 000 exemplaires du journal des communs. L'imprimerie coopérative de Roubaix propose 780 €, une imprimerie en ligne 420 €. La différence est grande mais on veut soutenir la coopérative. On tranche comment ?
Julie
""", "EC SC")

s("G", "discussion", "fr", "Heures contributives : un tableau pour les noter", """
Bonjour,
Pour préparer la demande de financement, on doit valoriser le bénévolat dans le budget. J'ai créé un tableau où chacun·e note ses heures par activité. Au taux du SMIC, on arrive déjà à plus de 25 000 € de contribution en nature cette année !
Étienne
""", "EC")

s("Y", "discussion", "en", "Budget for the summer festival", """
Hi,
Rough budget for the summer festival: sound system 600, insurance 120, toilets 300, food is self-financed by the bar. We've got 500 from the district council and we hope the crowdfunding covers the rest. Can someone double-check the figures?
Nico
""", "EC")

s("S", "chambre", "fr", "Entrer au sociétariat de la CAE stéphanoise", """
Bonjour,
Après trois ans comme entrepreneure-salariée à la coopérative d'activité et d'emploi, je vais devenir associée. Ça implique d'acheter des parts, de voter en AG et de participer aux choix économiques. Si d'autres se posent la question, je raconte volontiers mon parcours.
Samira
""", "EC")

s("L", "discussion", "fr", "Facturer une prestation à une autre association", """
Bonjour,
Une association de Tourcoing nous demande d'animer une formation et veut payer 400 €. On n'a jamais facturé : est-ce qu'on doit être assujettis à la TVA, faire un devis, une convention ? Et est-ce que ça remet en cause notre caractère non lucratif ?
Pierre
""", "EC")

s("G", "discussion", "fr", "Les dons ont chuté cette année", """
Bonjour,
Les dons mensuels sont passés de 380 € à 210 € en un an. Plusieurs donateurs ont arrêté sans explication. Faut-il relancer par une lettre, organiser une soirée de soutien, ou réduire nos dépenses ? Je présenterai les chiffres au cercle finances.
Adrien
""", "EC")

s("Y", "discussion", "fr", "Une coopérative de livreurs à vélo", """
Bonjour,
Des anciens livreurs de plateformes ont créé une coopérative de livraison à vélo à Lyon : pas de patron, salaire fixe, décisions collectives. Ils cherchent des clients parmi les épiceries et les associations du réseau. Je partage leur plaquette.
Youssef
""", "EC")

s("S", "discussion", "en", "Shared payroll for two part-time posts", """
Hello,
Two of our associations each want to hire someone ten hours a week. Instead, we could create one shared twenty-hour contract through an employer group. Who knows how the social charges and the contract are split?
Anna
""", "EC")

s("L", "discussion", "fr", "Emprunter pour acheter le bâtiment ?", """
Bonjour,
Le propriétaire de l'ancienne imprimerie accepte de vendre à 240 000 €. On pourrait mélanger un prêt bancaire solidaire, des apports en titres participatifs et un financement de France Active. Avant d'y passer des nuits, il faut savoir si l'assemblée veut porter une dette.
Antoine
""", "EC")

s("G", "discussion", "fr", "Re: Défraiements kilométriques", """
Le barème fiscal s'applique, et si tu renonces au remboursement tu peux recevoir un reçu pour don et le déduire de tes impôts. C'est ce que font la plupart des bénévoles.

> Comment on rembourse les trajets en voiture des bénévoles ?

Laurence
""", "EC")

s("Y", "chambre", "fr", "Contribuer au pot commun des logiciels libres", """
Bonjour,
Nos collectifs utilisent tous les jours des logiciels libres développés par des bénévoles. La Chambre propose de reverser chaque année 1 % de nos budgets à quelques projets, via leurs pages de dons. On choisirait ensemble lesquels.
Hervé
""", "EC LL")

s("S", "discussion", "fr", "Tarif solidaire à l'AMAP", """
Bonjour,
L'AMAP réfléchit à un panier solidaire : les adhérent·es qui le peuvent paient 2 € de plus par semaine pour financer des paniers à moitié prix pour des familles aux revenus modestes. Le paysan reçoit toujours le même prix. On vote le mois prochain.
Claudine
""", "AG EC")

s("L", "discussion", "fr", "Relecture de la charte avant adoption", """
Bonjour,
La version 4 de la charte est en ligne. Principaux changements : un paragraphe sur l'indépendance vis-à-vis des partis, la règle du consentement pour toute décision engageant l'assemblée, et la possibilité de retirer un mandat. Vos amendements sont à envoyer avant le 20.
Marion
""", "GI")

s("G", "discussion", "fr", "Rendez-vous avec le vice-président de la Métropole", """
Bonjour,
On a obtenu un créneau le 18 avec le vice-président en charge de l'économie sociale et solidaire. On veut lui présenter la demande d'un fonds de soutien aux communs et la mise à disposition de locaux vacants. Qui vient et qui prépare la note de deux pages ?
Julien
""", "GI")

s("Y", "discussion", "en", "Consent-based decisions: a quick guide", """
Hi all,
Since several newcomers asked: we decide by consent, not by consensus. A proposal passes unless someone has a reasoned objection, meaning it would harm the group or its aims. Objections improve the proposal; they are not vetoes based on preference. Happy to explain more at the next meeting.
Rachel
""", "GI")

s("S", "discussion", "fr", "Le conseil municipal a voté la délibération", """
Bonjour,
Hier soir le conseil municipal a adopté la délibération reconnaissant le « droit d'initiative citoyenne » : toute proposition soutenue par 500 habitant·es sera inscrite à l'ordre du jour d'une séance. C'est une première victoire après deux ans de plaidoyer.
Chantal
""", "GI")

s("L", "discussion", "fr", "Qui parle au nom de l'assemblée ?", """
Bonjour,
Un journaliste de La Voix du Nord a cité l'un d'entre nous comme « porte-parole de l'assemblée ». On n'a jamais désigné de porte-parole. Il faudrait clarifier : mandat tournant, validation des déclarations publiques, ou personne ne parle au nom du collectif ?
Yves
""", "GI")

s("G", "discussion", "fr", "Convention d'occupation du local de la rue Abbé-Grégoire", """
Bonjour,
La Ville nous envoie un projet de convention d'occupation temporaire pour le local de la rue Abbé-Grégoire : trois ans, redevance symbolique, mais clause de résiliation sous un mois. On devrait négocier un préavis plus long. Quelqu'un s'y connaît en droit administratif ?
Sophie
""", "GI")

s("Y", "discussion", "fr", "Élection sans candidat pour le cercle coordination", """
Bonjour,
Samedi on renouvelle deux mandats au cercle coordination par élection sans candidat : chacun·e propose un nom en argumentant, on fait un tour de changements, puis la facilitatrice propose une personne et on vérifie les objections. Prévoyez une heure.
Dominique
""", "GI")

s("S", "discussion", "en", "Meeting with the prefecture", """
Hello,
The prefecture has agreed to meet the housing collectives next Tuesday about the squat eviction on rue Désiré-Claude. We want a delay until the end of winter and a rehousing commitment. Three people from the assembly will join the delegation.
Lena
""", "GI CU")

s("L", "discussion", "fr", "Les communs dans le plan local d'urbanisme", """
Bonjour,
L'enquête publique sur la révision du PLU métropolitain est ouverte jusqu'au 30. C'est l'occasion de demander que les jardins partagés et les friches occupées soient classés en zone naturelle. Le commissaire enquêteur tient des permanences en mairie, on peut aussi déposer en ligne.
Pascale
""", "GI CU")

s("G", "discussion", "fr", "Règlement intérieur : le chapitre sur les conflits", """
Bonjour,
Le groupe de travail propose d'ajouter un chapitre au règlement intérieur sur la gestion des conflits : médiation par deux personnes tirées au sort, puis recours à la plénière, et exclusion seulement en dernier ressort au consentement moins une voix. Texte en pièce jointe.
Anaïs
""", "GI")

s("Y", "discussion", "fr", "La Région coupe le dispositif de soutien à la vie associative", """
Bonjour,
Mauvaise nouvelle : la Région supprime le dispositif qui finançait les postes d'animation associative. Une vingtaine de structures de l'agglomération sont touchées. Une tribune commune est en préparation pour interpeller les conseillers régionaux. Qui signe au nom de l'assemblée ?
Benjamin
""", "GI EC")

s("S", "discussion", "fr", "Tirage au sort pour le comité de pilotage", """
Bonjour,
La mairie propose qu'un tiers du comité de pilotage de la maison des projets soit composé d'habitant·es tirés au sort sur les listes électorales. On nous demande notre avis. C'est un progrès, mais sans formation ni défraiement, les gens tirés au sort risquent de ne pas venir.
Thierry
""", "GI")

s("L", "discussion", "en", "Drafting our position on the new city policy", """
Hi everyone,
The city has published its draft policy on associations and shared spaces, with a public consultation until March. It's mostly positive, but it puts every free room booking under a yearly agreement. Shall we write a joint response? I've started a document.
Maya
""", "GI")

s("G", "discussion", "fr", "Partenariat avec la commune : prudence", """
Bonjour,
La commune nous propose d'être « partenaire officiel » de la semaine du développement durable. Ça donne de la visibilité, mais on se retrouverait avec leur logo sur nos affiches et sans droit de regard sur le programme. Je propose qu'on accepte seulement si une convention garantit notre autonomie.
Nathan
""", "GI")

s("Y", "discussion", "fr", "Qui vote en plénière ?", """
Bonjour,
On a eu un débat tendu samedi : une personne venue pour la première fois a bloqué une décision. Est-ce qu'il faut un temps de présence avant de participer aux décisions ? Ou est-ce contraire à notre principe d'ouverture ? Je propose qu'on en discute sérieusement avant de modifier nos règles.
Lydie
""", "GI")

s("S", "discussion", "fr", "Audition à l'Assemblée nationale sur les tiers-lieux", """
Bonjour,
La mission parlementaire sur les tiers-lieux auditionne des acteurs de terrain. Notre réseau est invité à envoyer une contribution écrite de quatre pages sur les relations avec l'État et les collectivités. Qui veut co-écrire ?
Mathilde
""", "GI TL")

s("L", "discussion", "fr", "Re: Un élu veut venir à notre plénière", """
Je ne suis pas contre, mais comme simple participant, sans prise de parole officielle et sans photo pour sa communication. On l'a fait avec la maire de Lomme il y a deux ans et ça s'est bien passé.

> Le conseiller départemental aimerait assister à la prochaine plénière.

Hugo
""", "GI")

s("G", "discussion", "en", "Who holds the bank mandate?", """
Hi,
Following the bureau changes, the bank still lists Carole as the only signatory. We need a board decision naming two new signatories and a copy of the minutes. Can we put it on Thursday's agenda?
Lucas
""", "GI EC")

s("Y", "discussion", "fr", "Politique de la ville : le contrat de ville se renégocie", """
Bonjour,
Le nouveau contrat de ville 2024-2030 est en cours de négociation entre l'État, la Métropole et les communes. Les conseils citoyens doivent être consultés. C'est le moment de faire entendre ce qu'on attend pour les quartiers prioritaires : locaux, soutien aux collectifs d'habitants, jardins.
Khaled
""", "GI")

s("S", "discussion", "fr", "Charte des usages du jardin partagé", """
Bonjour,
Après les tensions de l'été, on propose une charte simple pour le jardin : une parcelle par foyer, entretien des allées à tour de rôle, pas de pesticides, décisions en réunion mensuelle. Elle sera affichée à l'entrée une fois validée.
Gisèle
""", "GI AG")

s("L", "discussion", "fr", "Quelle place pour les collectivités dans la gouvernance du lieu ?", """
Bonjour,
La Ville finance 40 % du fonctionnement de la friche et voudrait un siège au conseil d'administration. Certains y voient une garantie de pérennité, d'autres une perte d'autonomie. Une solution intermédiaire : un collège consultatif des partenaires publics, sans droit de vote.
Sandrine
""", "GI TL")

s("G", "discussion", "fr", "Recours contre l'arrêté anti-bivouac", """
Bonjour,
La commune a pris un arrêté interdisant de dormir dans les espaces publics du centre-ville. Une association de défense des droits prépare un recours devant le tribunal administratif. On nous demande de nous joindre à la requête en tant que collectif. On tranche jeudi.
Élodie
""", "GI")

s("Y", "discussion", "en", "Should we sign the city's 'commons pact'?", """
Hi,
The city hall wants associations to sign a 'pact for the commons' listing shared principles. It sounds nice, but there are no concrete commitments from the city in return. I'd rather we negotiate specific clauses before signing anything.
Pablo
""", "GI")

s("S", "discussion", "fr", "Retour sur la commission extra-municipale", """
Bonjour,
La commission extra-municipale sur la vie associative s'est réunie mardi. La Ville présentera une grille transparente d'attribution des salles municipales en janvier. On a obtenu qu'un représentant des collectifs non déclarés puisse y siéger.
Louis
""", "GI")

s("L", "discussion", "fr", "Plaidoyer : une lettre aux député·es", """
Bonjour,
Le projet de loi sur l'engagement associatif arrive en commission. On propose une lettre aux député·es du Nord pour défendre le congé d'engagement et la reconnaissance des collectifs non déclarés. Brouillon sur le pad, relectures bienvenues jusqu'à dimanche.
Catherine
""", "GI")

s("G", "discussion", "fr", "Révision de nos statuts : le collège des membres", """
Bonjour,
Les statuts actuels prévoient un bureau élu pour trois ans. Le groupe gouvernance propose une direction collégiale, des mandats d'un an renouvelables une fois, et l'assemblée générale comme seule instance souveraine. AG extraordinaire à prévoir.
Oscar
""", "GI")

s("Y", "discussion", "fr", "La mairie d'arrondissement nous retire la salle", """
Bonjour,
Coup dur : la mairie du 1er nous informe qu'à partir de janvier la salle Montbernard sera réservée en priorité aux associations conventionnées. On n'a pas de convention. Il faut soit en demander une, soit chercher ailleurs. On en parle avec l'adjoint ?
Malika
""", "GI")

s("S", "discussion", "en", "Participatory democracy workshop", """
Hello,
A researcher from the university is running a workshop on citizen assemblies and participatory budgeting, with examples from Porto Alegre and Grenoble. It might help us think about how to work with the town council. Free, Wednesday at 6pm.
Igor
""", "GI")

s("L", "discussion", "fr", "Droit d'interpellation citoyenne à la Métropole", """
Bonjour,
La Métropole européenne de Lille ouvre un droit d'interpellation : une pétition de 5 000 signatures oblige le conseil à débattre d'un sujet. On pourrait l'utiliser pour la protection des terres agricoles de la couronne nord. Qui veut porter la démarche ?
Valentin
""", "GI AG")

s("G", "discussion", "fr", "Décision urgente par mail : comment faire ?", """
Bonjour,
On doit répondre avant vendredi à la proposition de la Métropole, et la plénière n'est que dans trois semaines. Je propose la règle suivante pour les décisions urgentes : proposition envoyée sur la liste, 72 heures pour objecter, adoptée faute d'objection argumentée.
Julie
""", "GI")

s("Y", "discussion", "fr", "Désaccord avec le préfet sur l'évacuation", """
Bonjour,
Le préfet a confirmé l'évacuation du terrain occupé par les familles à Gerland. Plusieurs associations demandent une solution d'hébergement avant toute intervention. Un rassemblement est prévu devant la préfecture jeudi à 18h.
Aïcha
""", "GI CU")

s("S", "discussion", "fr", "Les biens communs dans le programme du Département", """
Bonjour,
Le Département consulte les associations pour son schéma de développement territorial. Une page entière sur les « communs » ! Il faudrait leur écrire pour qu'ils reconnaissent la gestion collective par les habitants, et pas seulement la propriété publique.
Michel
""", "GI")

s("L", "discussion", "en", "Rotating facilitation and power", """
Hi,
I've noticed the same three people always facilitate, take minutes and talk to the city. That concentrates a lot of informal power. I'd like us to adopt rotating roles with a limit of two terms in a row. Can we discuss this as a governance question next time?
Ruth
""", "GI")

s("G", "discussion", "fr", "Re: Signer ou pas la tribune ?", """
Je propose qu'on ne signe qu'au nom des personnes présentes, pas de l'assemblée : notre charte dit qu'aucune prise de position publique n'engage le collectif sans décision en plénière.

> Une tribune contre la réforme circule, on signe ?

Mathias
""", "GI")

s("Y", "discussion", "fr", "Budget participatif : nos projets retenus", """
Bonjour,
Résultats du budget participatif de la Ville de Lyon : deux de nos projets ont été retenus, la boîte à dons du square et la récupération d'eau de pluie au jardin des Pentes. La Ville assure la maîtrise d'ouvrage et on sera associés au suivi.
Coralie
""", "GI")

s("S", "discussion", "fr", "Une convention avec l'office HLM", """
Bonjour,
Le bailleur social propose une convention pour que l'association des locataires gère l'ancienne loge de gardien en salle commune. La convention fixe les horaires, l'assurance et la répartition de l'entretien. On la relit ensemble mardi.
Brahim
""", "GI CU")

s("L", "discussion", "fr", "Gouvernance partagée entre les trois jardins", """
Bonjour,
Les jardins de Fives, de Moulins et du Faubourg veulent se doter d'une coordination commune. Proposition : chaque jardin délègue deux personnes, mandat de six mois, décisions au consentement, et un compte rendu public de chaque réunion.
Annie
""", "GI AG")

s("G", "discussion", "en", "Our response to the council's consultation", """
Hi all,
Attached is the final version of our response to the council's consultation on public space. It asks for a simpler procedure for temporary uses, co-management agreements for squares, and a named contact at the town hall. Sent this morning.
Daniel
""", "GI CU")

s("Y", "discussion", "fr", "La loi 1901 et nos statuts collégiaux", """
Bonjour,
Une question juridique : la loi de 1901 impose-t-elle un président ? Non, elle laisse une grande liberté, il faut juste désigner des personnes habilitées à représenter l'association. Plusieurs collectifs ont une présidence collégiale. Je vous envoie des modèles.
Sylvain
""", "GI EC")

s("S", "discussion", "fr", "Pétition pour l'ouverture des cours d'école", """
Bonjour,
Une pétition demande à la mairie d'ouvrir les cours d'école le week-end aux familles du quartier. Elle sera remise au conseil municipal du 14. Il manque encore 300 signatures.
Gérald
""", "GI CU")

s("L", "numerique", "fr", "Install party à la maison de quartier de Wazemmes", """
Bonjour,
Samedi 14h, install party à la maison de quartier de Wazemmes : on installe Linux Mint sur vos vieux ordinateurs, on récupère vos photos et on vous montre LibreOffice et Firefox. Apportez votre machine et son chargeur.
Mickaël
""", "LL")

s("G", "orga", "fr", "Plénière à la salle polyvalente de l'Abbaye", """
Bonjour,
La prochaine plénière aura lieu mardi 19h à la salle polyvalente du quartier de l'Abbaye, arrêt de tram Abbaye. Ordre du jour : bilan de la fête, calendrier des ateliers, accueil des nouvelles personnes. Soupe partagée à la fin.
Nina
""", "VA")

s("Y", "discussion", "fr", "Atelier d'écriture au centre social de la Duchère", """
Bonjour,
Le centre social de la Duchère accueille un atelier d'écriture de nouvelles chaque lundi soir, animé par une autrice. Les textes seront publiés dans un recueil sous licence Creative Commons. Ouvert à toutes et tous, débutants bienvenus.
Yasmine
""", "SC")

s("S", "discussion", "fr", "Permanence santé à la maison de quartier du Soleil", """
Bonjour,
Une infirmière bénévole tient désormais une permanence le mercredi matin à la maison de quartier du Soleil : prise de tension, conseils, orientation vers un médecin. Gratuit et sans rendez-vous.
Ghislaine
""", "SB")

s("L", "discussion", "en", "Board games night at the Fives community centre", """
Hi all,
Friday evening a few of us are playing board games at the Fives community centre bar, just for fun. Not an assembly event, nothing to organise, just come along if you like.
Sam
""", "")

s("G", "discussion", "fr", "Conférence sur le climat à la MJC", """
Bonjour,
Jeudi à la MJC Allobroges, conférence d'un glaciologue sur le recul des glaciers alpins et la ressource en eau des vallées. Entrée libre, suivie d'un échange avec le public.
Marc
""", "RN")

s("Y", "discussion", "fr", "Réunion du groupe carto à la Croix-Rousse", """
Bonjour,
Le groupe carto se retrouve mercredi chez Pauline, rue d'Austerlitz, pour mettre à jour les fiches des initiatives du plateau et corriger les adresses erronées de la carte. Apportez un ordinateur.
Théo
""", "CA")

s("S", "discussion", "fr", "Bourse aux plants à Valbenoîte", """
Bonjour,
Dimanche matin sur la place de Valbenoîte, bourse aux plants : tomates, courgettes, aromatiques, fraisiers. Troc ou don, pas d'argent. Le collectif du potager de la Cotonne tiendra un stand.
Lucette
""", "AG")

s("L", "discussion", "fr", "Lost & found : gants noirs à Moulins", """
Bonjour,
Quelqu'un a oublié une paire de gants noirs en cuir après la réunion à la maison Folie de Moulins. Je les garde chez moi, écrivez-moi pour les récupérer.
Benoît
""", "")

s("G", "discussion", "fr", "Atelier cyanotype à la Bifurk", """
Bonjour,
Samedi, à la Bifurk, atelier de cyanotype pour imprimer des plantes sur tissu au soleil. Animé par une artiste du collectif, matériel fourni, participation libre.
Jade
""", "SC")

s("Y", "discussion", "en", "Free Python course at the Part-Dieu library", """
Hello,
The Part-Dieu library runs a free beginners' Python course on Saturday mornings, taught by volunteers from a local free software user group. Eight sessions, bring a laptop.
Hugo
""", "LL SC")

s("S", "discussion", "fr", "Sortie nature dans le quartier de la Métare", """
Bonjour,
Sortie d'observation des oiseaux au parc de la Métare dimanche à 8h avec la LPO : mésanges, pics, martins-pêcheurs sur l'étang. Jumelles à prêter.
Armand
""", "RN")

s("L", "discussion", "fr", "Le quartier de Lille-Sud, terrain de notre enquête santé", """
Bonjour,
Pour notre enquête sur l'accès aux soins, on a choisi Lille-Sud : beaucoup de médecins partent à la retraite sans successeur. On cherche des habitant·es pour faire passer le questionnaire en porte-à-porte.
Céline
""", "SB")

s("G", "discussion", "fr", "Repas partagé après la plénière à Saint-Bruno", """
Bonjour,
Après la plénière de samedi à la salle paroissiale de Saint-Bruno, on partage un repas. Chacun·e apporte un plat. Prévoir aussi ses couverts, on veut éviter le jetable.
Irène
""", "VA")

s("Y", "discussion", "fr", "Le fablab de Vaise ouvre ses portes", """
Bonjour,
Portes ouvertes au fablab de Vaise samedi : démonstrations d'impression 3D, de découpe laser et de brodeuse numérique. L'atelier est géré par ses membres, adhésion à prix libre.
Kevin
""", "TL")

s("S", "discussion", "en", "Train strike on Thursday", """
Hi, heads up: there's a train strike on Thursday, so those of us coming from Lyon for the meeting should plan a carpool instead. I have two seats, leaving Perrache at 5pm.
Julia
""", "")

s("L", "discussion", "fr", "Cours de yoga gratuit au parc de la Citadelle", """
Bonjour,
Tous les dimanches à 10h, cours de yoga gratuit au parc de la Citadelle, près du kiosque. Apportez un tapis, tous niveaux. En cas de pluie c'est annulé.
Ophélie
""", "SB")

s("G", "discussion", "fr", "Où imprimer nos affiches dans le quartier Championnet ?", """
Bonjour,
Est-ce que quelqu'un connaît une imprimerie pas chère vers Championnet ? Il nous faut 50 affiches A3 pour la soirée de projection. Sinon je passerai à la reprographie de la fac.
Léo
""", "")

s("Y", "discussion", "fr", "Tournoi de foot solidaire à la Guillotière", """
Bonjour,
Dimanche, tournoi de foot ouvert à tou·tes au city stade de la Guillotière. Les inscriptions à prix libre iront à une association d'aide aux personnes exilées. Buvette sur place.
Moussa
""", "SB")

s("S", "discussion", "fr", "Bibliothèque de rue place Jacquard", """
Bonjour,
Chaque mercredi après-midi, des bénévoles installent une bibliothèque de rue sur la place Jacquard : albums, BD, lectures à voix haute pour les enfants du quartier. On cherche des lecteurs et lectrices.
Élisa
""", "SC")

s("L", "habitat", "fr", "Un habitat participatif à Lomme cherche deux foyers", """
Bonjour,
Le projet d'habitat participatif des Jardins de la Lys cherche encore deux foyers pour compléter le groupe. Huit logements, une salle commune, un potager, gestion collective de l'immeuble. Réunion d'information le 5.
Amandine
""", "CU")

s("G", "discussion", "fr", "Rues aux enfants : on ferme la rue samedi", """
Bonjour,
Samedi après-midi, la rue Très-Cloîtres sera fermée aux voitures pour laisser jouer les enfants : craies, jeux en bois, vélo. Autorisation obtenue. Les riverains peuvent sortir leurs chaises.
Aline
""", "CU")

s("Y", "discussion", "en", "Housing co-op open day", """
Hi,
The housing cooperative on rue Rachais is holding an open day on Sunday. Residents will explain how they bought the building collectively, how rents are set and how decisions are made in the general meeting of inhabitants.
Rob
""", "CU")

s("S", "discussion", "fr", "Les trottoirs impraticables de Tardy", """
Bonjour,
Dans le quartier Tardy, les trottoirs sont encombrés de voitures garées et de poubelles, impossible de passer avec une poussette ou un fauteuil. Un groupe d'habitants fait un relevé photo pour le transmettre aux services de voirie.
Marcelle
""", "CU")

s("L", "discussion", "fr", "Un square repris en main par les habitants", """
Bonjour,
Au square des Mariniers, des habitants ont repeint les bancs, installé une boîte à jeux et organisent un goûter chaque premier dimanche. Ils aimeraient que la Ville leur confie officiellement l'entretien léger.
Nadine
""", "CU GI")

s("G", "discussion", "fr", "Autopartage entre voisins", """
Bonjour,
Avec trois familles de la rue on partage une voiture depuis un an : agenda en ligne, carnet de bord, frais au kilomètre. On a économisé deux voitures. On peut aider d'autres voisins à se lancer.
Hervé
""", "CU")

s("Y", "discussion", "fr", "La friche de la rue Garon : un espace public à inventer", """
Bonjour,
La friche de la rue Garon est vide depuis cinq ans. Des habitant·es proposent d'y installer un jardin, un terrain de pétanque et une scène ouverte, en attendant le futur projet immobilier. Une réunion de voisinage est prévue jeudi.
Soraya
""", "CU")

s("S", "discussion", "en", "Traffic calming near the school", """
Hello,
Parents at the Jacquard primary school are asking for a 20 km/h zone and a school street closed to cars at drop-off times. We are collecting testimonies about dangerous crossings to send to the council.
Joe
""", "CU GI")

s("L", "discussion", "fr", "Logement vacant : on recense les immeubles vides", """
Bonjour,
On estime à plus de 6 000 le nombre de logements vides dans la métropole. Un collectif propose un recensement des immeubles vacants du centre pour demander leur réquisition ou leur transformation en logements sociaux.
Farid
""", "CU GI")

s("G", "discussion", "fr", "Re: Une place sans voitures devant l'école", """
Oui, la piétonnisation temporaire pendant les vacances a montré que ça marche : les enfants jouent, les commerçants sont contents. Il faut maintenant rendre l'aménagement définitif.

> Et si la place devenait piétonne toute l'année ?

Claire
""", "CU")

s("Y", "discussion", "fr", "Réunion de copropriété sur les parties communes", """
Bonjour,
Dans mon immeuble des Brotteaux, on voudrait transformer le local à vélos inutilisé en atelier partagé et salle commune pour les habitants. Le syndic freine. Quelqu'un a-t-il déjà fait voter ça en assemblée de copropriétaires ?
Alain
""", "CU")

s("S", "discussion", "fr", "Agenda de la semaine", """
Bonjour,
Petit agenda des rendez-vous des collectifs cette semaine : mardi réparation vélo, mercredi permanence jardin, jeudi réunion du groupe numérique, samedi marché paysan. Tout est sur le calendrier partagé.
Agathe
""", "")

s("L", "discussion", "fr", "Re: Horaires d'ouverture du local", """
C'est ouvert de 14h à 19h du mardi au samedi, sauf jours fériés. La clé de secours est chez le voisin du 12.

> Quelqu'un sait si le local est ouvert lundi ?

Patrick
""", "")

s("G", "discussion", "en", "Change of email address", """
Hi, please note my new email address below; the old one will be closed at the end of the month. Could the list admin update my subscription? Thanks.
Frédéric
""", "")

s("Y", "discussion", "fr", "Annulation : je ne pourrai pas venir ce soir", """
Bonsoir, désolée, j'ai un enfant malade, je ne pourrai pas venir ce soir. Je lirai le compte rendu. Bonne soirée à vous.
Margaux
""", "")

s("S", "discussion", "fr", "Vends vélo de ville", """
Bonjour,
Je vends mon vélo de ville, taille M, très bon état, 120 €. Photos sur demande. Désolé si ce n'est pas le bon endroit pour ce genre d'annonce.
Cédric
""", "")

s("L", "discussion", "fr", "Problème de réception des mails", """
Bonjour,
Depuis une semaine, je ne reçois plus les messages de la liste, ils arrivent dans mes indésirables. C'est pareil pour d'autres ? Je suis chez Orange.
Jacqueline
""", "")

s("G", "discussion", "en", "Happy holidays!", """
Happy holidays to everyone on the list! Rest well, see you in January for more adventures together.
Oliver
""", "")

s("Y", "discussion", "fr", "Cherche colocataire", """
Bonjour, je cherche un ou une colocataire pour un T3 à Villeurbanne à partir de septembre, 420 € charges comprises. Écrivez-moi en privé. Merci et désolé pour le hors-sujet.
Romain
""", "")

s("S", "discussion", "fr", "Re: Re: Quelqu'un a un chargeur de portable ?", """
C'est bon, j'en ai trouvé un à l'accueil. Merci quand même !

> J'ai le même modèle, je te le prête demain.

Fanny
""", "")

s("L", "semences", "fr", "Des lentilles de pays dans les Flandres", """
Bonjour,
Un groupe de paysans de la Pévèle relance la culture de légumineuses anciennes : lentilles, pois chiches, fèverole. Ils cherchent des magasins de producteurs et des restaurants collectifs pour écouler la première récolte.
Lise
""", "AG")

s("G", "discussion", "en", "Beekeepers and goat cheese at the Saturday farm market", """
Hi,
The farmers' market at the Estacade now has two new stalls: a beekeeper from the Vercors selling raw honey and a young goat farmer from Trièves. Both sell only what they produce themselves. Worth a visit on Saturday morning.
Fiona
""", "AG")

s("Y", "discussion", "fr", "Frigo solidaire devant la boulangerie", """
Bonjour,
Un frigo solidaire a été installé devant la boulangerie de la rue de Marseille : chacun peut y déposer des aliments non entamés et en prendre librement. On cherche des bénévoles pour vérifier les dates et nettoyer deux fois par semaine.
Rania
""", "AG")

s("S", "discussion", "fr", "Préserver les terres maraîchères de la plaine", """
Bonjour,
Une vingtaine d'hectares de terres maraîchères près d'Andrézieux sont menacés par une zone logistique. Terre de Liens propose d'acheter une partie des parcelles pour installer de jeunes maraîchers. Réunion publique samedi.
Marius
""", "AG")

s("L", "numerique", "fr", "Migrer le site sous un CMS libre", """
Bonjour,
Notre site tourne sur un constructeur propriétaire payant. Je propose de passer sous un générateur de site statique ou sous un CMS libre, hébergé par un membre des CHATONS. Il faudrait exporter les pages et les images. Qui a un peu de temps ?
Yohan
""", "LL")

s("G", "numerique", "fr", "Visioconférence : on remplace Zoom", """
Bonjour,
Pour nos réunions à distance, on pourrait utiliser une instance BigBlueButton ou Jitsi hébergée par une association. Plus de limite de 40 minutes, et pas de données envoyées aux États-Unis. Je fais un test mercredi soir, qui se connecte ?
Arthur
""", "LL")

s("Y", "discussion", "en", "Repairing old laptops for students", """
Hi,
We've collected twenty donated laptops. On Saturday we'll wipe them, install a free operating system and give them to students who can't afford a computer. We need people who know Linux and people to test the keyboards and batteries.
Cem
""", "LL")

s("S", "numerique", "fr", "Données ouvertes : les horaires des bus en open data", """
Bonjour,
La STAS publie enfin ses horaires au format GTFS en données ouvertes. On pourrait les intégrer dans un outil libre de calcul d'itinéraire pour les personnes sans smartphone, imprimable en fiche papier.
Rodolphe
""", "LL")

s("L", "culture", "fr", "Contribuer à Wikipédia sur l'histoire ouvrière", """
Bonjour,
Atelier de contribution à Wikipédia samedi aux Archives départementales : on écrit les articles manquants sur les filatures et les grèves textiles de Roubaix-Tourcoing. Des bénévoles expérimentés accompagnent les débutants.
Aurore
""", "SC")

s("G", "discussion", "fr", "Ciné-débat sur les communs", """
Bonjour,
Projection du documentaire « Les communs, une autre histoire » au cinéma associatif, suivie d'un débat avec la réalisatrice. Tarif réduit pour les adhérent·es. Venez nombreux !
Lou
""", "SC")

s("Y", "discussion", "en", "Open textbooks for adult literacy classes", """
Hi,
Our literacy classes use photocopied books that we can't legally share. Does anyone know of openly licensed French-language textbooks for adults? We'd be happy to adapt and republish them for other groups.
Heidi
""", "SC")

s("S", "discussion", "fr", "Chorale populaire le jeudi", """
Bonjour,
La chorale populaire du quartier reprend ses répétitions le jeudi à 19h. Chants de lutte, chants du monde, pas besoin de savoir lire la musique. Les partitions et enregistrements sont libres et partagés en ligne.
Colette
""", "SC")

s("L", "tiers-lieux", "fr", "Recyclerie et atelier partagé à Tourcoing", """
Bonjour,
La recyclerie de Tourcoing ouvre un espace de travail partagé : établis, outillage électroportatif, machine à coudre, avec une permanence de bénévoles pour conseiller. Abonnement mensuel modique ou à la séance.
Bertrand
""", "TL")

s("G", "discussion", "en", "Hackerspace moving to a bigger place", """
Hi,
Our hackerspace is moving to a former garage near the Bastille cable car, twice the size. We'll need help to move the electronics benches, install electricity and build shelves. Moving weekend on the 12th and 13th.
Ian
""", "TL")

s("Y", "tiers-lieux", "fr", "Charte d'usage de la cuisine partagée du tiers-lieu", """
Bonjour,
La cuisine partagée du tiers-lieu est très utilisée et on retrouve souvent la vaisselle sale. On propose une charte d'usage affichée : réservation sur le planning, nettoyage après chaque usage, référent·e de la semaine.
Carla
""", "TL GI")

s("S", "discussion", "fr", "Ouverture d'une menuiserie collective", """
Bonjour,
Un groupe de passionnés ouvre une menuiserie collective dans un ancien atelier de passementerie : machines partagées, stockage de bois, formations à la sécurité. On cherche des membres fondateurs.
Damien
""", "TL")

s("L", "eau", "fr", "Sécheresse : restrictions d'arrosage dans le Nord", """
Bonjour,
La préfecture vient de placer le département en alerte sécheresse. Pour les jardins, arrosage interdit entre 8h et 20h. Pensez au paillage et aux récupérateurs d'eau de pluie. On peut aussi partager nos astuces sur la liste.
Véronique
""", "RN GI AG")

s("G", "foret", "en", "Bark beetles in the Chartreuse", """
Hello,
Foresters report a big bark beetle outbreak in the spruce stands of the Chartreuse, worsened by dry summers. A public talk on Friday will discuss mixed forests and how communal woods could adapt.
Aline
""", "RN")

s("Y", "discussion", "fr", "Nettoyage des berges du Rhône", """
Bonjour,
Dimanche matin, grand ramassage des déchets sur les berges du Rhône entre le pont Wilson et la Guillotière. Gants et sacs fournis. Les déchets seront pesés et triés pour documenter la pollution plastique du fleuve.
Mélissa
""", "RN")

s("S", "discussion", "fr", "Le Furan sous surveillance", """
Bonjour,
Plusieurs riverains ont vu de la mousse et des poissons morts dans le Furan en aval de la zone industrielle. On a prévenu l'Office français de la biodiversité. Il faudrait organiser des prélèvements citoyens réguliers.
Serge
""", "RN")

s("L", "discussion", "fr", "Groupe de parole pour les aidant·es", """
Bonjour,
Un groupe de parole pour les personnes qui accompagnent un proche malade ou handicapé se réunit un samedi sur deux à la Maison des aidants. Animé par une psychologue, gratuit et confidentiel.
Pascale
""", "SB")

s("G", "discussion", "fr", "Entraide : monter des meubles pour Fatima", """
Bonjour,
Fatima vient d'emménager avec ses trois enfants et n'a personne pour l'aider à monter les lits et l'armoire. Qui est disponible samedi matin avec une visseuse ? Quelques heures suffiront.
Mathieu
""", "SB")

s("Y", "discussion", "en", "Mental health first aid training", """
Hi everyone,
A two-day mental health first aid training is offered to volunteers of local collectives in March. It teaches how to recognise a crisis and how to support someone until professional help arrives. Free, ten places.
Claire
""", "SB")

s("S", "discussion", "fr", "Centre de santé communautaire à Montreynaud", """
Bonjour,
Un centre de santé communautaire ouvre à Montreynaud : médecins salariés, infirmière, médiatrice en santé, et un comité d'habitants qui participe aux choix. Ils cherchent des bénévoles pour l'accueil.
Sabrina
""", "SB")

s("L", "carto", "fr", "Mettre à jour la carte des jardins partagés", """
Bonjour,
La carte des jardins partagés de la métropole a besoin d'un sérieux coup de neuf : des jardins ont fermé, d'autres se sont créés. On propose une soirée de mise à jour jeudi, avec un tableur pour vérifier chaque point.
Manon
""", "CA AG")

s("G", "carto", "en", "Directory of local collectives", """
Hello,
We're compiling a directory of all collectives active in Grenoble: name, topic, contact, meeting place. It will be published as open data and as a printable booklet. Please fill in the form for your group.
Ada
""", "CA")

s("Y", "carto", "fr", "Qui fait quoi sur les pentes de la Croix-Rousse ?", """
Bonjour,
On aimerait dresser un panorama des initiatives des Pentes : associations, collectifs informels, lieux, personnes ressources. Objectif : une carte papier pour les nouveaux habitants. Si vous connaissez des initiatives, répondez à ce mail.
Timothée
""", "CA")

s("S", "carto", "fr", "Cartopartie dans le quartier de Beaubrun", """
Bonjour,
Samedi, cartopartie à Beaubrun : on arpente les rues pour repérer les lieux ressources (bancs, fontaines, toilettes, jardins, associations) et on les ajoute sur OpenStreetMap. Pas besoin d'être expert, on forme sur place.
Gaëtan
""", "CA")

s("L", "orga", "fr", "Bilan de l'année et perspectives", """
Bonjour,
Pour la plénière de bilan de décembre, on propose de regarder ensemble ce qui a marché et moins bien : fréquentation des réunions, accueil des nouvelles personnes, groupes de travail. Remplissez le petit questionnaire avant le 10.
Élodie
""", "VA")

s("G", "orga", "en", "Volunteers for the welcome desk", """
Hi,
At the next plenary we'd like two people at the entrance to greet newcomers, explain how the meeting works and give them the little welcome booklet. Please reply if you can come 20 minutes early.
Nora
""", "VA")

s("Y", "orga", "fr", "Tour de météo et règles de parole", """
Bonjour,
Pour les prochaines réunions on propose de commencer par un tour de météo rapide, de rappeler les règles de parole (main levée, tours de parole prioritaires pour qui n'a pas parlé) et de finir à l'heure. Des avis ?
Benoît
""", "VA")

s("S", "orga", "fr", "Ordre du jour de l'assemblée du 5 mars", """
Bonjour,
Ordre du jour de mardi :
1. Accueil et présentations
2. Retours des groupes (jardin, vélo, numérique)
3. Préparation de la fête de printemps
4. Points divers
Ajoutez vos sujets sur le pad. Rendez-vous à 19h.
Yvette
""", "VA")

s("L", "orga", "fr", "Re: Notes de la réunion d'hier", """
Merci pour les notes ! Petite correction : c'est Farida et non Fabienne qui prend en charge l'accueil en avril. Et on a oublié d'écrire qui réserve la salle.

> Voici les notes de la réunion d'hier soir.

Sylvain
""", "VA")

s("G", "discussion", "fr", "Fresque participative sur le climat", """
Bonjour,
Atelier Fresque du climat jeudi soir à la maison de la nature : trois heures pour comprendre les mécanismes du dérèglement climatique à partir de cartes. Animé par deux bénévoles, gratuit.
Alexis
""", "RN")

s("Y", "discussion", "fr", "Les plantes médicinales du jardin", """
Bonjour,
Au jardin partagé on a planté des plantes médicinales : mélisse, calendula, thym, sauge. Une herboriste animera un atelier de tisanes et de baumes en juin, pour apprendre à soigner les petits maux autrement.
Maud
""", "AG SB")

s("S", "discussion", "en", "Open-source maps for hikers", """
Hi,
For the hiking club we'd like to print trail maps from OpenStreetMap data rather than buying commercial maps. Some trails in the Pilat are missing. Who wants to join a GPS trace-collecting walk and add them to OSM?
Jan
""", "CA LL")

s("L", "discussion", "fr", "Conserverie solidaire : on fait des bocaux", """
Bonjour,
La conserverie solidaire de Roubaix transforme les invendus des maraîchers en soupes et compotes vendues à petit prix. Session de mise en bocaux samedi, besoin de bras pour éplucher.
Hélène
""", "AG")

s("G", "discussion", "fr", "Documenter nos pratiques sur un wiki", """
Bonjour,
Chaque année on perd de la mémoire : comment on a organisé la fête, à qui on a demandé les salles, quelles erreurs éviter. Je propose un wiki où chacun documente ce qu'il sait. Il existe déjà un wiki libre sur le serveur de l'association.
Lina
""", "SC LL")

s("Y", "discussion", "fr", "Le jardin des Pentes accueille des écoles", """
Bonjour,
Cette année, trois classes de primaire viennent au jardin des Pentes chaque vendredi : semis, compost, observation des insectes. On cherche des jardinier·es disponibles en journée pour les accompagner.
Benjamin
""", "AG SC")

s("S", "discussion", "fr", "Énergie : isoler les logements du quartier", """
Bonjour,
Des habitant·es de Tarentaize lancent un groupement d'achat pour isoler les combles et changer les fenêtres, avec l'aide d'une association d'auto-réhabilitation. Moins de factures et moins d'émissions.
Bruno
""", "CU RN")

s("L", "orga", "fr", "Compte rendu de l'assemblée du 16 janvier", """
Bonjour à toutes et tous,
Présent·es : 19 personnes, dont 5 nouvelles.
1. Trésorerie : 1 240 € en caisse ; l'appel aux dons de décembre a rapporté 610 €. La cotisation reste à prix libre.
2. Mairie de Lille : la demande de salle gratuite est refusée ; on sollicite un rendez-vous avec l'adjointe à la vie associative.
3. Fête de printemps : date retenue le 25 mai.
Prochaine assemblée le 20 février, apéro partagé à la fin.
Bertille
""", "VA EC GI")

s("G", "orga", "fr", "Synthèse de la journée de travail sur nos statuts", """
Bonjour,
Samedi, douze personnes ont travaillé sur la réforme des statuts. Consensus sur : une gouvernance collégiale, des cercles autonomes avec mandats, la suppression du bureau. Débat encore ouvert sur le montant des cotisations et la création d'un collège des salarié·es si on embauche. Restitution à la prochaine plénière.
Mathilde
""", "GI EC VA")

s("Y", "discussion", "en", "We got the grant!", """
Great news everyone: the foundation approved our application, 12,000 euros over 18 months to run the repair workshops and train new volunteers. The first payment arrives in March. Thanks to all who helped with the budget and letters of support.
Ella
""", "EC")

s("S", "discussion", "fr", "Argent public et indépendance", """
Bonjour,
Après le refus de subvention suite à notre prise de position sur le projet de parking, certains proposent de ne plus dépendre de l'argent public. Mais sans la Ville, pas de local. Peut-on diversifier nos ressources sans perdre notre liberté de parole ?
Aurélie
""", "EC GI")

s("L", "discussion", "fr", "Les commandes groupées de la coopérative alimentaire", """
Bonjour,
La coopérative d'achat groupé passe commande tous les quinze jours auprès de grossistes bio et de producteurs locaux. Chaque membre avance sa part, on répartit les frais de livraison. Prochaine commande lundi, distribution jeudi au garage de Jean.
Antoine
""", "AG EC")

s("G", "discussion", "fr", "Emplois aidés : la fin des PEC ?", """
Bonjour,
Le gouvernement réduit fortement les parcours emploi compétences. Notre animatrice est en PEC jusqu'en juin et on ne sait pas comment la garder. Quelqu'un a des pistes : mutualisation, subvention emploi de la Région, prestations ?
Frédérique
""", "EC GI")

s("Y", "discussion", "fr", "Proposer nos services à la Métropole sans perdre notre âme", """
Bonjour,
La Métropole nous sollicite pour animer des ateliers de réparation dans ses déchèteries, contre rémunération. Ça assurerait un revenu stable, mais on deviendrait prestataire. On pourrait poser nos conditions : ateliers gratuits pour le public, matériel libre, liberté de communication.
Sonia
""", "EC GI")

s("S", "discussion", "en", "Where does our money go?", """
Hi all,
Several members asked for more transparency on spending. Here is a simple breakdown of last year: 48% rent and insurance, 22% workshop materials, 15% events, 10% website and printing, 5% bank fees. The full accounts are open to any member.
Kai
""", "EC")

s("L", "discussion", "fr", "Une tontine pour les projets des habitant·es", """
Bonjour,
Des femmes du quartier de Lille-Sud pratiquent la tontine depuis des années : chacune verse 50 € par mois et l'une d'elles reçoit la cagnotte à tour de rôle. Elles aimeraient en faire un outil pour financer de petits projets collectifs. On les invite à la Chambre ?
Fatima
""", "EC")

s("G", "discussion", "fr", "Refonte de la grille de cotisations", """
Bonjour,
Proposition pour les adhésions : 5 € pour les personnes sans revenu, 15 € tarif normal, 30 € et plus en soutien, et 50 € pour les collectifs. L'objectif est d'atteindre 3 000 € de cotisations sans exclure personne.
Paul
""", "EC")

s("Y", "chambre", "fr", "Café-conseil : trouver sa forme juridique", """
Bonjour,
Prochain café-conseil de la Chambre des communs : association, SCIC, SCOP, SAS, fonds de dotation… quelle structure pour quel projet ? Avec une juriste spécialisée en ESS. Mercredi 18h, gratuit.
Isabelle
""", "EC")

s("S", "discussion", "fr", "Mécénat d'une banque : accepter ou refuser ?", """
Bonjour,
Une banque régionale propose 3 000 € pour notre festival en échange de son logo sur l'affiche. Plusieurs membres ne veulent pas d'argent d'une banque qui finance les énergies fossiles. On décide comment ?
Lucien
""", "EC")

s("L", "discussion", "en", "Paying rent as a collective", """
Hello,
Our landlord wants the rent in a single transfer from one bank account, but the six groups using the workshop each pay their share separately. Any simple tool or method to pool the money every month without one person advancing it?
Zoe
""", "EC")

s("G", "discussion", "fr", "Bilan de la campagne de dons", """
Bonjour,
La campagne de fin d'année a rapporté 4 820 € de 112 donateurs, soit 30 % de plus que l'an dernier. On a aussi gagné 18 donateurs mensuels. Merci à toutes celles et ceux qui ont relayé. Les reçus fiscaux partent cette semaine.
Yann
""", "EC")

s("Y", "discussion", "fr", "Les clauses sociales dans la commande publique", """
Bonjour,
La Ville de Villeurbanne réserve certains marchés publics aux structures de l'ESS. Un atelier explique comment répondre à ces appels d'offres réservés : allotissement, clauses d'insertion, groupement momentané d'entreprises. Utile pour nos coopératives.
Hakim
""", "EC GI")

s("S", "discussion", "fr", "Créer une société coopérative de production ?", """
Bonjour,
Les trois salariés de l'atelier de sérigraphie veulent reprendre l'entreprise à la retraite du patron. La SCOP semble la bonne formule : ils détiendraient la majorité du capital et des voix. L'Union régionale des SCOP peut les accompagner.
Rémi
""", "EC")

s("L", "discussion", "fr", "Titres-restaurant acceptés à l'épicerie coopérative ?", """
Bonjour,
Plusieurs membres demandent si l'épicerie coopérative peut accepter les titres-restaurant. Il faut s'affilier à la commission nationale et payer des frais de 3 à 5 % par titre. Est-ce que ça vaut le coup pour nos petits volumes ?
Hugo
""", "AG EC")

s("G", "discussion", "en", "Budget vote at the general meeting", """
Hi,
Reminder: the general meeting will vote on next year's budget. Main changes: a part-time coordinator funded by the city grant, and a reduced events budget. The draft is in the shared folder; questions welcome before the vote.
Leah
""", "EC VA")

s("Y", "discussion", "fr", "Un salaire pour les animatrices de la cantine ?", """
Bonjour,
La cantine de quartier tourne grâce à trois bénévoles qui y passent leurs journées. Elles ne peuvent plus continuer sans revenu. On étudie un emploi partagé financé par les repas à prix libre et une aide de la fondation de France.
Marine
""", "EC AG")

s("S", "chambre", "en", "Commons and the social economy", """
Hello,
An interesting debate at the chamber: are commons part of the social and solidarity economy, or something else? Cooperatives share profits among members, while commons are about shared rules for a resource. Both raise money questions. Reading list attached.
Nils
""", "EC")

s("L", "discussion", "fr", "Réponse de la Région sur notre dossier", """
Bonjour,
La Région Hauts-de-France a accepté de financer 40 % de l'achat des machines du fablab, à condition d'ouvrir des créneaux pour les lycées. Le conseil régional votera définitivement en commission permanente le 3.
Aurélien
""", "EC GI TL")

s("G", "discussion", "fr", "Des locaux municipaux pour les associations : quels critères ?", """
Bonjour,
On demande depuis des mois à la Ville de rendre publics les critères d'attribution des locaux associatifs. L'opposition a posé la question en conseil municipal. L'adjoint promet une délibération avant l'été. On suit ça de près.
Nadia
""", "GI")

s("Y", "discussion", "en", "Letter to the regional council", """
Hi all,
Attached is the letter we'll send to the regional council asking them to keep funding shared workshops in rural areas. Please read it and say if the assembly can co-sign. It needs to go out before the budget session next week.
Simon
""", "GI EC")

s("S", "discussion", "fr", "Délibérer en plénière : on essaie le jugement majoritaire", """
Bonjour,
Pour choisir entre les quatre propositions de lieu pour la fête, je propose d'essayer le jugement majoritaire : chacun évalue chaque option de « excellent » à « à rejeter ». Ça évite les votes stratégiques. On teste ?
Alexandre
""", "GI VA")

s("L", "discussion", "fr", "L'État veut vendre la caserne", """
Bonjour,
Le ministère des Armées met en vente l'ancienne caserne de Lille-Saint-Maurice. Un collectif propose qu'elle devienne un lieu commun : logements, ateliers, jardin. Il faudrait convaincre la Ville d'exercer son droit de préemption.
Gabriel
""", "GI CU")

s("G", "discussion", "fr", "Conseil de quartier : on y va ?", """
Bonjour,
Le conseil de quartier Centre-Gares se réunit lundi. À l'ordre du jour : réaménagement de la place, horaires de la bibliothèque, sécurité. Ce serait bien que quelques personnes de l'assemblée y participent pour défendre le projet de place partagée.
Julie
""", "GI CU")

s("Y", "discussion", "en", "Dealing with an aggressive member", """
Hi,
During the last two meetings one member shouted at others and interrupted constantly. Our charter says we can ask someone to step back, but we never wrote how. I suggest the care circle meets him first, and the plenary decides if needed.
Ana
""", "GI")

s("S", "discussion", "fr", "L'agglomération veut une gouvernance partagée de la friche", """
Bonjour,
Saint-Étienne Métropole propose de créer une instance de co-gestion pour la friche Mosser : élus, techniciens, associations usagères, habitants. Une première version des statuts circule. Il faudra obtenir un vrai pouvoir de décision et pas seulement consultatif.
Marc
""", "GI TL")

s("L", "discussion", "fr", "Re: Vote ou consentement ?", """
Le vote à la majorité crée des perdants qui décrochent ensuite. Le consentement prend plus de temps mais les décisions tiennent. Par contre il faut une facilitation formée, sinon ça tourne au blocage.

> Pourquoi on ne vote pas, tout simplement ?

Louise
""", "GI")

s("G", "discussion", "en", "Town hall meeting on the new tram line", """
Hello,
The metropolis holds a public meeting on the new tram line through the Village Olympique on Tuesday. Residents are worried about tree felling and the loss of the market square. Let's go and ask questions.
Pierre
""", "CU GI")

s("Y", "discussion", "fr", "Mandats et redevabilité", """
Bonjour,
Quand quelqu'un représente l'assemblée auprès de la Métropole, on ne sait jamais ce qui a été dit. Proposition : chaque mandat est écrit (ce qu'on peut dire, ce qu'on ne peut pas accepter) et donne lieu à un retour sur la liste sous une semaine.
Simon
""", "GI")

s("S", "discussion", "fr", "Un commun reconnu par délibération municipale", """
Bonjour,
À Saint-Étienne, la Ville vient de reconnaître par délibération le jardin des Ursules comme « commun » géré par ses usagers, avec un règlement d'usage co-écrit. C'est une première, qui pourrait servir d'exemple pour d'autres lieux.
Karine
""", "GI AG")

s("L", "discussion", "en", "Who can sign contracts for us?", """
Hi,
The venue for the festival needs a signed contract by Friday. According to our statutes, only two co-presidents can sign, and both are away. Can the board delegate signing power to someone else by email? We need a quick decision.
Tom
""", "GI")

s("G", "discussion", "fr", "Participer à la concertation sur le Plan climat", """
Bonjour,
La Métropole lance la concertation sur son Plan climat air énergie territorial. Ateliers publics dans chaque commune en mars. C'est l'occasion de défendre les coopératives citoyennes d'énergie et la protection des forêts communales.
Céline
""", "GI RN")

s("Y", "discussion", "fr", "Médiateur avec la mairie pour le squat", """
Bonjour,
Les habitants du squat de la rue Saint-Jean proposent qu'un médiateur indépendant facilite le dialogue avec la mairie d'arrondissement, pour éviter une expulsion brutale et trouver une convention d'occupation. Une lettre commune est en préparation.
Jules
""", "GI CU")

s("S", "discussion", "en", "Statutes translated into plain language", """
Hello,
Our statutes are full of legal jargon and newcomers don't understand how decisions are made. I've rewritten them in plain language, one page: who decides what, how to propose something, how to object. Could a few people review it?
Mia
""", "GI")

s("L", "discussion", "fr", "Le budget de la Ville pour les associations baisse", """
Bonjour,
Le budget primitif de la Ville, voté hier, réduit de 12 % l'enveloppe des subventions aux associations. Les petites structures seront les plus touchées. Un collectif inter-associatif organise une réunion pour réagir.
Benoît
""", "GI EC")

s("G", "discussion", "fr", "Une assemblée citoyenne tirée au sort à Grenoble", """
Bonjour,
La Ville organise une convention citoyenne de 40 habitant·es tirés au sort sur l'adaptation au climat. Ils formuleront des propositions que le conseil municipal s'engage à examiner. Des membres de notre réseau peuvent être auditionnés.
Élise
""", "GI RN")

s("Y", "discussion", "fr", "Charte de la cuisine partagée du quartier", """
Bonjour,
On finalise la charte de la cuisine partagée : qui peut l'utiliser, comment on réserve, qui décide en cas de conflit, et comment on accueille les nouveaux usagers. Elle sera adoptée au consentement à la prochaine réunion des usagers.
Leïla
""", "GI TL")

s("S", "discussion", "fr", "Élections au conseil d'administration", """
Bonjour,
L'assemblée générale élira le 15 quatre membres du conseil d'administration. Les candidatures sont ouvertes jusqu'au 8. Les personnes élues s'engagent pour deux ans, une réunion par mois. N'hésitez pas, on cherche des profils variés.
Guy
""", "GI VA")

s("L", "discussion", "fr", "Re: Réunion annulée ?", """
Non, elle est maintenue, simplement déplacée dans la petite salle à côté. Même heure.

> J'ai vu une affiche « fermé » sur la porte de la maison des associations, la réunion est annulée ?

Sabine
""", "")

s("G", "discussion", "fr", "Accès PMR à la salle de réunion", """
Bonjour,
La salle du deuxième étage n'a pas d'ascenseur, ce qui exclut plusieurs personnes de nos plénières. Je propose qu'on ne réserve plus que des salles accessibles en fauteuil et qu'on le précise dans chaque invitation.
Lucie
""", "VA")

s("Y", "discussion", "en", "Spam warning", """
Hi all, some of you received a message from a fake address pretending to be the list admin and asking for your password. Please ignore it, don't click the link, and never send passwords by email.
Admin team
""", "")

s("S", "discussion", "fr", "URGENT : vous avez gagné un iPhone", """
Félicitations ! Vous êtes l'heureux gagnant de notre grand tirage. Cliquez ici pour réclamer votre cadeau avant minuit. Offre limitée, ne manquez pas cette chance exceptionnelle.
Service clients
""", "")

s("L", "discussion", "fr", "Je me présente", """
Bonjour à toutes et tous,
Je m'appelle Thomas, je viens d'emménager à Roubaix et je travaille dans la menuiserie. J'aimerais rejoindre l'atelier bois et aider aux chantiers. Est-ce que je peux passer à la prochaine permanence ?
Thomas
""", "TL")

s("G", "orga", "fr", "Réservation des salles pour le trimestre", """
Bonjour,
J'ai réservé la salle de la maison des habitants pour nos plénières de janvier, février et mars, toujours le deuxième mardi. Pour les groupes de travail, pensez à réserver vous-mêmes via le formulaire de la Ville.
Estelle
""", "VA")

s("Y", "discussion", "fr", "Vacances : le local fermé en août", """
Bonjour,
Le local sera fermé du 1er au 25 août. Pas de permanence, pas de courrier relevé. Bonnes vacances à toutes et à tous, on se retrouve à la rentrée !
Pierre
""", "")

s("S", "discussion", "en", "Photos from Saturday", """
Hi, I've uploaded the photos from Saturday's party to the shared album. Let me know if you want one removed. Thanks again for the lovely evening!
Laura
""", "")

s("L", "discussion", "fr", "Enquête : vos besoins en formation", """
Bonjour,
Pour préparer le programme de l'an prochain, on voudrait connaître vos besoins en formation : animer une réunion, tenir une comptabilité associative, utiliser des outils libres, prendre la parole en public. Répondez au questionnaire en cinq minutes.
Patricia
""", "SC")

s("G", "discussion", "fr", "Soirée de soutien pour financer le local", """
Bonjour,
Vendredi, soirée de soutien au café associatif : concert, tombola et buvette. Toutes les recettes iront au loyer du local, qui nous coûte 450 € par mois. Entrée à prix libre.
Manon
""", "EC")

s("Y", "discussion", "fr", "Des vélos pour les personnes exilées", """
Bonjour,
L'atelier vélo participatif remet en état des vélos donnés pour les offrir à des personnes exilées hébergées à Villeurbanne, avec cadenas et lumières. On cherche des vélos d'adultes et des mécanos le jeudi soir.
Anouk
""", "CU SB")

s("S", "discussion", "fr", "Un potager sur le toit de l'école", """
Bonjour,
L'école Jules-Ferry a un toit plat inutilisé. Avec des parents et les enseignants, on voudrait y installer des bacs potagers pour les enfants. Il faut l'accord de la Ville, propriétaire du bâtiment, et une étude de la charge.
Claudie
""", "AG GI")

s("L", "discussion", "en", "Recording the plenary?", """
Hi,
Someone asked whether we could record the plenaries for those who can't attend. Privacy matters here, some members wouldn't speak freely. Maybe we write detailed minutes instead? Let's decide how we run this at the next meeting.
Léa
""", "VA")

s("G", "discussion", "fr", "Atelier de réparation d'électroménager", """
Bonjour,
Samedi, on démonte ensemble les machines à laver, aspirateurs et bouilloires en panne, avec deux électriciens bénévoles. Venez avec l'appareil et sa notice si vous l'avez encore. Lieu : l'atelier partagé de la rue Nicolas-Chorier.
Bastien
""", "TL")

s("Y", "discussion", "fr", "Tisser des liens avec les assemblées voisines", """
Bonjour,
Et si on invitait les assemblées de Grenoble et de Saint-Étienne à une journée commune au printemps ? On échangerait sur nos façons de faire, nos réussites et nos galères, et on finirait par un grand repas.
Jeanne
""", "VA")

s("S", "discussion", "fr", "Re: Rappel : pas de mails personnels sur la liste", """
D'accord avec toi. Pour les annonces personnelles (ventes, colocations), il y a une autre liste. Ici, on reste sur les sujets de l'assemblée.

> Merci de garder la liste pour les échanges liés aux communs.

Véronique
""", "")

s("L", "discussion", "fr", "Un verger partagé à Villeneuve-d'Ascq", """
Bonjour,
Le collectif du verger partagé plante trente arbres fruitiers anciens sur un terrain prêté par la commune. Les récoltes seront libres pour les habitants. Plantation le 25 novembre, on apporte les bêches.
Philippe
""", "AG")

s("G", "discussion", "fr", "Des ateliers pour apprendre à coder aux filles", """
Bonjour,
On lance des ateliers de programmation pour les collégiennes le mercredi : Scratch, Python, électronique avec Arduino. Tout le matériel est libre et les supports seront partagés sous licence ouverte.
Nadia
""", "LL SC")

s("Y", "discussion", "en", "Rainwater harvesting at the community garden", """
Hello,
We installed two 1,000-litre rainwater tanks at the community garden last weekend. In dry summers this should cover most of the watering. Next step: a small solar pump. Thanks to everyone who helped dig.
Carlos
""", "AG RN")

s("S", "discussion", "fr", "Marche exploratoire des femmes", """
Bonjour,
Samedi soir, marche exploratoire dans le quartier Jacquard pour repérer avec des habitantes les lieux où elles ne se sentent pas en sécurité : éclairage, passages sombres, recoins. Les constats seront transmis à la mairie.
Nora
""", "CU GI")

s("L", "discussion", "fr", "Rencontre avec des paysans boulangers", """
Bonjour,
Visite d'une ferme de paysans boulangers dans la Pévèle samedi : blés anciens, meunerie à la ferme, four à bois. Ils expliquent pourquoi ils ressèment leurs propres grains. Covoiturage depuis la gare.
Marc
""", "AG")

s("G", "discussion", "fr", "Sortir de Facebook pour nos événements", """
Bonjour,
Beaucoup de gens n'ont pas Facebook et ratent nos événements. On pourrait utiliser Mobilizon, un outil libre et fédéré, pour publier l'agenda de l'assemblée. Qui veut tester la création d'un groupe ?
Camille
""", "LL")

s("Y", "discussion", "fr", "Un guide pratique pour créer un jardin partagé", """
Bonjour,
On a écrit un guide de 30 pages pour créer un jardin partagé : trouver un terrain, négocier avec le propriétaire, organiser le collectif, cultiver sans pesticides. Publié sous licence libre, on l'imprime pour les centres sociaux.
Régine
""", "AG SC")

s("S", "discussion", "en", "Local history walk", """
Hi,
On Sunday a retired miner leads a walk through the old mining district, telling the story of the pits and the workers' cooperatives. Meeting at the Couriot museum at 2pm. Free.
George
""", "SC")

s("L", "discussion", "fr", "Réunion du groupe santé reportée", """
Bonjour,
La réunion du groupe santé prévue jeudi est reportée à la semaine suivante, l'intervenante de la PMI étant malade. On garde le même ordre du jour : l'accès aux soins dentaires et le projet de maison de santé.
Arlette
""", "SB")

s("G", "discussion", "fr", "Les arbres de la place Verdun vont-ils être coupés ?", """
Bonjour,
Des marquages rouges sont apparus sur les platanes de la place Verdun. La mairie n'a rien annoncé. Quelqu'un sait s'ils sont malades ou s'il s'agit du projet de parking ? Il faudrait demander des comptes au service des espaces verts.
Antoine
""", "RN CU GI")

s("Y", "discussion", "fr", "Co-écrire un livre sur nos luttes", """
Bonjour,
Des anciens et des jeunes militants du quartier veulent écrire ensemble un livre sur trente ans de luttes pour le logement à la Guillotière. Publication par une maison d'édition associative, textes sous licence libre.
Samuel
""", "SC CU")

s("S", "discussion", "fr", "Atelier d'auto-massage et de relaxation", """
Bonjour,
Une kinésithérapeute bénévole propose un atelier d'auto-massage et de relaxation pour les personnes qui travaillent debout ou ont mal au dos. Samedi 10h, salle du rez-de-chaussée, tenue confortable.
Lise
""", "SB")

s("L", "discussion", "en", "Sharing bread ovens in villages", """
Hi all,
In several villages around Lille, old communal bread ovens are being restored and lit once a month for everyone to bake. A nice example of a shared resource brought back to life. Next firing in Sainghin on Saturday.
Eva
""", "AG")

s("G", "discussion", "fr", "Carte des fontaines et points d'eau potable", """
Bonjour,
Avec la chaleur, on voudrait publier une carte des fontaines et points d'eau potable accessibles gratuitement dans Grenoble, pour les personnes à la rue et les cyclistes. Les données de la Ville sont incomplètes, on complète sur le terrain.
Hugo
""", "CA CU")

s("Y", "discussion", "fr", "Re: On a reçu le virement ?", """
Oui, les 2 500 € de la Fondation sont arrivés sur le compte mardi. J'ai mis à jour le tableau de trésorerie.

> La fondation dit avoir payé la première tranche, quelqu'un peut vérifier ?

Claire
""", "EC")

s("S", "discussion", "fr", "Re: Faut-il demander l'agrément ?", """
L'agrément jeunesse et éducation populaire ouvre l'accès à certaines aides de l'État et aux postes FONJEP. La demande passe par le service départemental, compter trois mois. Je peux aider à monter le dossier.

> Est-ce que l'agrément JEP nous servirait à quelque chose ?

Michel
""", "EC GI")

s("L", "discussion", "en", "Re: Should we charge for the workshops?", """
I'd keep them free but put a donation box and a clear sign explaining what each workshop costs us. People give more when they understand where the money goes.

> Running costs are rising, should we charge 5 euros per workshop?

Dan
""", "EC")

s("G", "discussion", "fr", "Re: Réunion avec l'élue", """
Compte rendu rapide : elle soutient l'idée d'une convention de gestion partagée pour le jardin, mais veut l'avis des services techniques. Prochain rendez-vous en mars avec eux.

> Comment s'est passé le rendez-vous avec l'adjointe à l'urbanisme ?

Sarah
""", "GI AG")

s("Y", "discussion", "en", "Re: Bylaws vote", """
I object to article 7 as written: letting the board co-opt members without a general meeting vote goes against our charter. Happy to consent if co-opted members must be confirmed at the next meeting.

> Please send objections to the new bylaws before Friday.

Amira
""", "GI")

s("S", "discussion", "fr", "Re: Subvention de la Ville refusée", """
C'est la troisième fois. Je propose qu'on demande un rendez-vous avec le service vie associative pour comprendre les critères, avant de renvoyer un dossier l'an prochain.

> La commission a rejeté notre demande sans explication.

Yves
""", "EC GI")

s("L", "discussion", "fr", "Re: Les parts sociales", """
Une part c'est 100 €, mais on peut payer en quatre fois. Et on récupère sa mise si on quitte la coopérative, sauf pertes.

> Combien coûte l'entrée au capital de l'épicerie ?

Julien
""", "EC AG")

s("G", "discussion", "fr", "Re: Un logiciel de compta libre ?", """
On utilise Garradin (devenu Paheko) depuis deux ans : adhésions, cotisations, compta en partie double, tout en ligne. Hébergé par une asso, 5 € par mois. Très content.

> Vous connaissez un logiciel libre pour tenir la compta de l'asso ?

Félix
""", "LL EC")

s("Y", "discussion", "fr", "Re: Qui garde les clés cet été ?", """
Je suis là tout juillet, je peux les garder. Pour août il faudra trouver quelqu'un d'autre.

> Les deux personnes qui ont les clés partent en vacances.

Eric
""", "")

s("S", "discussion", "fr", "Re: Covoiturage samedi", """
Il me reste une place, départ 9h place Jean-Jaurès. Envoie-moi ton numéro.

> Quelqu'un monte au Pilat samedi ?

Romain
""", "")

s("L", "discussion", "fr", "Re: Gouvernance de la cantine", """
Je suis d'accord avec l'idée d'un collège des cuisinières et d'un collège des mangeurs, chacun avec la moitié des voix. Par contre il faut prévoir comment trancher en cas d'égalité.

> On réfléchit à la gouvernance de la cantine associative.

Rachida
""", "GI AG")

s("G", "discussion", "en", "Re: Venue for the plenary", """
The Maison des associations has a free room on the 14th, 60 seats, wheelchair accessible. I've pre-booked it; confirm by Monday or it goes.

> We still have no room for next month's plenary.

Helen
""", "VA")

s("Y", "discussion", "fr", "Tarifs de l'adhésion à la coopérative d'habitants", """
Bonjour,
Pour rejoindre la coopérative d'habitants du Village Vertical, il faut acquérir des parts sociales (environ 15 % du coût du logement) puis payer une redevance mensuelle. On ne devient jamais propriétaire individuel, ce qui empêche la spéculation.
Vincent
""", "CU EC")

s("S", "discussion", "en", "Bookkeeping volunteers needed", """
Hi,
Our treasurer is overwhelmed. We're looking for two people who can spend an hour a week entering receipts, reconciling the bank statement and preparing the quarterly report. No accounting degree needed, we'll train you.
Paul
""", "EC")

s("L", "chambre", "fr", "Une charte économique pour les membres de la Chambre", """
Bonjour,
Le groupe de travail propose une charte économique : transparence des rémunérations, écart de salaire maximal de 1 à 3, partage des excédents avec les communs qui nous font vivre, refus de certains financeurs. Discussion à la prochaine réunion.
Alain
""", "EC GI")

s("G", "discussion", "fr", "Bail emphytéotique pour la ferme collective", """
Bonjour,
La commune accepte de céder l'ancienne ferme de la Buisse via un bail emphytéotique de 40 ans pour un euro symbolique, à condition d'y maintenir une activité agricole et pédagogique. Les statuts de la SCIC porteuse sont en cours d'écriture.
Odile
""", "AG GI EC")

s("Y", "discussion", "fr", "Le préfet et les jardins ouvriers", """
Bonjour,
Un arrêté préfectoral prévoit l'expropriation de dix parcelles de jardins ouvriers pour l'élargissement du périphérique. Les jardiniers ont un mois pour déposer leurs observations. On les aide à rédiger ?
Patrick
""", "GI AG")

s("S", "discussion", "en", "Free legal advice for associations", """
Hello,
The law faculty's legal clinic offers free advice to associations: drafting statutes, employment contracts, tax status, agreements with the city. Appointments on Tuesday afternoons. Useful for our small groups.
Hannah
""", "EC GI")

s("L", "discussion", "fr", "Questionnaire aux candidat·es aux départementales", """
Bonjour,
Pour les élections départementales, on propose d'envoyer aux candidat·es un questionnaire sur la santé communautaire, l'aide aux associations et la protection des espaces naturels. Les réponses seront publiées sur notre site.
Jacques
""", "GI")

s("G", "discussion", "fr", "Un fonds de roulement entre collectifs", """
Bonjour,
Les subventions arrivent souvent six mois après le début des projets. On propose de créer un fonds de roulement commun : chaque collectif y place une petite somme, et on avance la trésorerie à celui qui attend un versement. Sans intérêts.
Maëlle
""", "EC")

s("Y", "discussion", "en", "Local currency for the assembly?", """
Hi,
Could we accept the local complementary currency for membership fees and at our events? It keeps money circulating among local producers and shops. We'd need an account with the currency association.
Chris
""", "EC")

s("S", "discussion", "fr", "Salle municipale gratuite : la nouvelle règle", """
Bonjour,
La Ville a changé les règles : les salles municipales restent gratuites pour les associations déclarées, mais deviennent payantes pour les collectifs informels. On est concernés. Faut-il se déclarer en association ou négocier une exception ?
Florence
""", "GI EC")

s("L", "discussion", "fr", "Le Mouvement associatif nous invite", """
Bonjour,
Le Mouvement associatif des Hauts-de-France organise une rencontre sur les relations entre associations et pouvoirs publics : subventions contre commandes, contrats d'engagement républicain, financement pluriannuel. Inscription gratuite.
Marie
""", "GI EC")

s("G", "discussion", "fr", "Contrat d'engagement républicain : qu'en pense-t-on ?", """
Bonjour,
Pour toucher une subvention, il faut désormais signer le contrat d'engagement républicain. Plusieurs associations le jugent flou et dangereux pour la liberté associative. Doit-on signer, et comment en parler avec la Ville ?
Fabrice
""", "GI EC")

s("Y", "discussion", "fr", "Mutuelle communautaire : une idée à creuser ?", """
Bonjour,
Des habitants de Vaulx-en-Velin ont monté une mutuelle solidaire négociée collectivement : tarifs réduits pour tous, sans questionnaire médical. On pourrait faire pareil pour les membres du réseau, beaucoup n'ont pas de complémentaire santé.
Rachid
""", "SB EC")

s("S", "discussion", "fr", "Devis de l'électricien pour le tiers-lieu", """
Bonjour,
L'électricien a fait son devis pour la mise aux normes de l'atelier : 3 800 €. On peut le payer en deux fois. La moitié peut être couverte par la subvention d'équipement, le reste par les cotisations des usagers.
Mathieu
""", "TL EC")

s("L", "discussion", "en", "Thank you note", """
Just wanted to say thank you to everyone who came to help me move last weekend. You're the best. Drinks are on me next time!
Karim
""", "")

s("G", "discussion", "fr", "Mise à jour de l'antivirus ?", """
Bonjour, mon ordinateur m'affiche sans arrêt un message pour acheter un antivirus. Est-ce une arnaque ? Je ne sais pas quoi faire, merci de votre aide.
Paulette
""", "LL")

s("Y", "discussion", "fr", "Le compte rendu est en ligne", """
Bonjour,
Le compte rendu de la plénière de mardi est en ligne sur le pad. Merci à Nina pour la prise de notes et à Omar pour la facilitation. Relisez et corrigez avant vendredi, ensuite on l'archive.
Capucine
""", "VA")

s("S", "discussion", "fr", "Formation : comprendre les finances d'une association", """
Bonjour,
La maison des associations propose une formation gratuite en deux soirées : lire un bilan, construire un budget prévisionnel, suivre sa trésorerie, préparer un dossier de subvention. Très utile pour les nouveaux trésoriers.
Sandrine
""", "EC")

s("L", "discussion", "fr", "Le marché de Wazemmes et les invendus", """
Bonjour,
Chaque dimanche, des tonnes de fruits et légumes invendus sont jetées au marché de Wazemmes. Un collectif organise la glanée de fin de marché et redistribue aux familles. On cherche des bras et des caddies.
Sonia
""", "AG")

s("G", "discussion", "en", "Energy cooperative general meeting", """
Hello,
The citizen energy cooperative holds its general meeting on the 22nd: vote on the accounts, the dividend policy (capped at 2%), and the new solar project on the swimming pool roof. Members can vote by proxy.
Marc
""", "RN EC")

s("Y", "discussion", "fr", "Un atelier de réparation de smartphones", """
Bonjour,
On ouvre un atelier pour apprendre à changer l'écran ou la batterie de son smartphone plutôt que de le jeter, et à installer un système libre. Jeudi soir au fablab, pièces à prix coûtant.
Ilyès
""", "LL TL")

s("S", "discussion", "fr", "Jardin thérapeutique à l'hôpital", """
Bonjour,
L'hôpital Bellevue crée un jardin thérapeutique pour les patients en psychiatrie, animé par des jardiniers bénévoles et une ergothérapeute. On cherche des plants, des outils et des personnes patientes.
Solange
""", "SB AG")

s("L", "discussion", "fr", "Subventions européennes : le FSE+ pour l'insertion", """
Bonjour,
Notre chantier d'insertion veut candidater au Fonds social européen. Le dossier est très lourd : suivi des heures, justification de chaque dépense, avance de trésorerie de plusieurs mois. Quelqu'un a déjà géré un FSE et peut nous conseiller ?
Nicolas
""", "EC")


# ---------------------------------------------------------------------------
# Writing and checking
# ---------------------------------------------------------------------------

def _write(path, records, prefix):
    """Number records (prefix-001 ...) and write them as JSON lines."""
    with open(path, "w", encoding="utf-8") as out:
        for i, rec in enumerate(records, 1):
            rec = {"id": rec.get("id") or f"{prefix}-{i:03d}", **rec}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def _check(seed, *holdouts):
    """Return problems: bad sizes, duplicate subjects or bodies, holdouts leaking into seed."""
    problems = []
    everything = seed + [rec for holdout in holdouts for rec in holdout]
    for rec in everything:
        words = len(rec["body"].split())
        if not 10 <= words <= 200 or len(rec["themes"]) > 3:
            problems.append(f"{rec['subject']!r}: {words} words, {len(rec['themes'])} themes")
    for field in ("subject", "body"):
        counts = Counter(rec[field] for rec in everything)
        problems += [f"duplicate {field}: {v[:50]!r}" for v, n in counts.items() if n > 1]
    return problems


def main():
    dev = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    seed = dev + SEED
    problems = _check(seed, HOLDOUT, HOLDOUT2)
    for problem in problems:
        print("PROBLEM:", problem)
    _write(HERE / "themes_seed.jsonl", seed, "seed")
    _write(HERE / "themes_holdout.jsonl", HOLDOUT, "holdout")
    _write(HERE / "themes_holdout2.jsonl", HOLDOUT2, "holdout2")
    for name, records in (("seed", seed), ("holdout", HOLDOUT), ("holdout2", HOLDOUT2)):
        per_slug = Counter(t for r in records for t in r["themes"])
        print(f"{name}: {len(records)} messages, "
              f"{sum(1 for r in records if not r['themes'])} without theme, "
              f"langs {dict(Counter(r['lang'] for r in records))}")
        print("   " + ", ".join(f"{k} {v}" for k, v in sorted(per_slug.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
