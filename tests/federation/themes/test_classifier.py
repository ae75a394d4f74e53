"""Theme tagging: explicit markers, the shipped model, serialisation and the eval report."""
import re

import pytest

from federation.themes import classifier
from federation.themes.taxonomy import DEFAULT_THEMES, explicit_themes, fold

SLUGS = [t.slug for t in DEFAULT_THEMES]


@pytest.fixture(scope="module")
def model():
    return classifier.shipped()


@pytest.mark.parametrize("subject, expected", [
    ("Install party #logiciel-libre samedi", ["logiciel-libre"]),
    ("Install party #LogicielLibre", ["logiciel-libre"]),
    ("[Semences] bourse aux graines", ["agriculture-alimentation"]),
    ("Portes ouvertes #tiers-lieux #gouvernance", ["tiers-lieux", "gouvernance-institutions"]),
    ("#Santé et #bien-être au quartier", ["sante-bien-etre"]),
    ("[discussion] rien de marqué #12", []),
])
def test_explicit_themes(subject, expected):
    assert explicit_themes(subject, DEFAULT_THEMES) == expected


def test_fold():
    assert fold("Écologie ÇA Forêt") == "ecologie ca foret"


def test_seed_like_french_message(model):
    predictions = model.predict(
        "Bourse aux graines au jardin partagé",
        "Bonjour, samedi on échange nos semences paysannes au jardin partagé : tomates, "
        "haricots, courges. Apportez vos sachets de graines avec la variété et l'année.")
    assert predictions and predictions[0].slug == "agriculture-alimentation"
    assert 0.0 <= predictions[0].score <= 1.0


def test_off_topic_gets_no_theme(model):
    assert model.predict("Clés perdues", "Bonjour, j'ai perdu mon trousseau de clés hier "
                         "soir dans l'entrée, si quelqu'un le trouve merci de me prévenir.") == []


def test_at_most_three_best_first(model):
    predictions = model.predict(
        "CR plénière", "Compte rendu : la carte des initiatives, la charte votée avec la mairie, "
        "le budget de la Chambre des communs, le jardin partagé et le fablab.")
    assert len(predictions) <= 3
    assert [p.score for p in predictions] == sorted((p.score for p in predictions), reverse=True)


def test_round_trip_gives_identical_predictions(model):
    copy = classifier.Model.from_bytes(model.to_bytes())
    for e in classifier.load_examples(classifier.SEED_PATH)[:40]:
        assert copy.predict(e.subject, e.body) == model.predict(e.subject, e.body)


def test_reasons_are_words_of_the_text(model):
    subject = "Quitter Gmail pour un hébergeur associatif"
    body = "On migre nos adresses vers un serveur libre chez un chaton, avec Nextcloud et Linux."
    [first, *_] = model.predict(subject, body)
    assert first.slug == "logiciel-libre"
    assert first.reasons
    words = set(fold(subject + " " + body).replace("'", " ").split())
    assert any(w in words for reason in first.reasons for w in fold(reason).split())


def test_quotes_and_footers_are_ignored(model):
    body = ("+1, merci !\n\nLe 3 mars, Ana a écrit :\n> semences graines jardin potager amap\n"
            "\n-- \nListe semences@lille.example\n")
    assert model.predict("Re: merci", body) == []


def test_report_last_line_format(model):
    examples = classifier.load_examples(classifier.SEED_PATH)[:30]
    lines = list(classifier.evaluate(model, examples).lines())
    assert len(lines) == len(SLUGS) + 1
    assert re.fullmatch(r"micro-F1 \d\.\d{3} macro-F1 \d\.\d{3}", lines[-1])


def test_cross_validate_small_sample():
    examples = classifier.load_examples(classifier.SEED_PATH)[::6]
    report = classifier.cross_validate(examples, SLUGS, folds=2)
    assert sum(report.actual) == sum(len(e.themes) for e in examples)
    assert 0.0 <= report.micro_f1 <= 1.0
