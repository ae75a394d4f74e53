"""The theme model shipped in the package matches its seed data (else it would retrain at start)."""
from __future__ import annotations

from federation.themes import classifier


def test_shipped_model_file_is_fresh():
    saved = classifier.DATA_DIR / "themes_model.json.gz"
    assert saved.exists(), "run: python -m federation.themes.classifier export " + str(saved)
    model = classifier.Model.from_bytes(saved.read_bytes())
    assert model.meta.get("seed") == classifier._seed_digest(), (
        "seed data changed: re-export with python -m federation.themes.classifier export " + str(saved))
