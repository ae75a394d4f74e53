"""The default theme taxonomy, and explicit theme markers (#hashtag, [tag]) in subjects.

Slugs are the stable identifiers of shared/themes/TAXONOMY.md; labels and
descriptions are what a new federation starts with (admins may change them).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class ThemeSpec:
    slug: str
    label_fr: str
    label_en: str
    description: str
    synonyms: tuple[str, ...] = ()


DEFAULT_THEMES: tuple[ThemeSpec, ...] = (
    ThemeSpec("agriculture-alimentation", "Agriculture et alimentation", "Farming and food",
              "Semences paysannes, AMAP et circuits courts, jardins partagés, coopératives "
              "alimentaires, foncier agricole.",
              ("agriculture", "alimentation", "semences", "graines", "amap", "jardin",
               "potager", "maraichage", "cantine", "food", "farming", "seeds", "garden")),
    ThemeSpec("logiciel-libre", "Logiciel libre et numérique", "Free software and digital",
              "Logiciels libres, matériel libre, hébergement associatif, outils numériques, "
              "infrastructures de données ouvertes.",
              ("libre", "logiciel", "numérique", "open-source", "opensource", "free-software",
               "foss", "linux", "chatons", "hébergement", "digital")),
    ThemeSpec("savoirs-culture", "Savoirs ouverts et culture", "Open knowledge and culture",
              "Wikis, documentation, éducation ouverte, bibliothèques, licences Creative "
              "Commons, arts, édition.",
              ("savoirs", "culture", "wiki", "documentation", "éducation", "bibliothèque",
               "creative-commons", "édition", "arts", "knowledge")),
    ThemeSpec("tiers-lieux", "Tiers-lieux et espaces partagés", "Third places and shared spaces",
              "Fablabs, makerspaces, coworking, ateliers partagés et lieux gérés collectivement.",
              ("tiers-lieu", "fablab", "makerspace", "hackerspace", "coworking",
               "atelier-partagé", "third-place", "third-places")),
    ThemeSpec("ressources-naturelles", "Ressources naturelles et environnement",
              "Natural resources and environment",
              "Eau, forêts, rivières, communs énergétiques, biodiversité, climat.",
              ("environnement", "écologie", "eau", "forêt", "rivière", "énergie", "biodiversité",
               "climat", "water", "forest", "climate", "energy", "environment")),
    ThemeSpec("communs-urbains", "Communs urbains et habitat", "Urban commons and housing",
              "Espace public, coopératives d'habitants, organismes de foncier solidaire, "
              "mobilité, communs de quartier.",
              ("urbain", "habitat", "logement", "espace-public", "mobilité", "vélo", "quartier",
               "housing", "urban")),
    ThemeSpec("sante-bien-etre", "Santé et bien-être", "Health and well-being",
              "Soin, entraide, santé communautaire, bien-être.",
              ("santé", "bien-être", "soin", "care", "entraide", "health", "wellbeing")),
    ThemeSpec("economie-contributive", "Économie des communs", "Commons economy",
              "Chambre des communs, financement, coopératives (SCIC, CAE), structures "
              "juridiques, revenu contributif, argent public et privé.",
              ("économie", "économie-contributive", "chambre-des-communs", "financement", "scic",
               "cae", "coopérative", "revenu-contributif", "funding", "economy")),
    ThemeSpec("gouvernance-institutions", "Gouvernance et institutions",
              "Governance and institutions",
              "Chartes, gouvernance partagée, prise de décision, relations avec les communes, "
              "régions et l'État, politiques publiques.",
              ("gouvernance", "institutions", "charte", "décision", "politiques-publiques",
               "mairie", "municipales", "governance", "policy")),
    ThemeSpec("cartographie", "Cartographie des communs", "Mapping the commons",
              "Cartes et annuaires des initiatives, qui fait quoi où.",
              ("carte", "carto", "cartographie", "annuaire", "mapping", "map", "osm")),
    ThemeSpec("vie-des-assemblees", "Vie des assemblées", "Assembly life",
              "Organisation des plénières et ateliers, ordres du jour, comptes rendus, "
              "accueil des nouvelles personnes, repas partagés.",
              ("assemblée", "plénière", "ag", "odj", "ordre-du-jour", "compte-rendu", "accueil",
               "repas-partagé", "assembly", "meeting")),
)

_MARKER = re.compile(r"#([^\W_][\w-]*)|\[([^\]]{1,60})\]")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lowercase and strip accents, so "Écologie" and "ecologie" compare equal."""
    text = text.lower()
    if text.isascii():  # most words, and all-English mail: nothing to strip
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _key(text: str) -> str:
    """Reduce a tag to folded letters and digits: "#LogicielLibre" == "logiciel-libre"."""
    key = re.sub(r"[\W_]+", "", fold(text))
    return key[:-1] if len(key) > 3 and key.endswith(("s", "x")) else key


def _index(themes: Sequence[ThemeSpec]) -> dict[str, str]:
    """Map every folded name of every theme to its slug (first theme wins on clashes).

    Memoised on the taxonomy itself: it is the same for every thread between two edits.
    """
    key = tuple(themes)
    index = _INDEXES.get(key)
    if index is None:
        index = {}
        for theme in themes:
            for name in (theme.slug, theme.label_fr, theme.label_en, *theme.synonyms):
                index.setdefault(_key(name), theme.slug)
        if len(_INDEXES) > 64:
            _INDEXES.clear()
        _INDEXES[key] = index
    return index


_INDEXES: dict[tuple, dict[str, str]] = {}


def explicit_themes(subject: str, themes: Sequence[ThemeSpec]) -> list[str]:
    """Return the slugs named by #hashtags or [tags] in a subject, in order, without repeats."""
    index = _index(themes)
    found: list[str] = []
    for hashtag, bracket in _MARKER.findall(subject):
        slug = index.get(_key(hashtag or bracket))
        if slug and slug not in found:
            found.append(slug)
    return found
