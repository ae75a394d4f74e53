"""The console's one blueprint, under /admin (its own module, so that the console's view
modules import it without importing the package that imports them: no import cycle)."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("console", __name__, url_prefix="/admin", template_folder="templates",
               static_folder="static", static_url_path="/static")
