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
followed by the SEED messages here; the holdout file holds only the HOLDOUT messages,
which are never used for training. Run: .venv/bin/python federation/data/build_seed.py
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
SEED, HOLDOUT = [], []


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

h("Y", "discussion", "fr", "Le marché de Noël de l'assemblée", """
Bonjour,
Nous n'organiserons pas de stand au marché de Noël cette année, faute de bénévoles. Merci à celles et ceux qui s'étaient proposés. On se rattrapera au printemps !
Gaëlle
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
