"""The migrations build the schema the models describe: Alembic's autogenerate finds nothing to do."""
from __future__ import annotations

import importlib
import pkgutil

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import federation
from federation.storage.db import engine_for
from federation.storage.models import Base

# The search index is backend-specific and has no model: an FTS5 virtual table (and the
# shadow tables SQLite keeps for it) or a tsvector table on PostgreSQL, both written by SQL.
SEARCH_TABLES = ("search_index", "search_documents")


def _every_table() -> None:
    """Import every domain module, so each table (some live beside their code) is in Base."""
    for module in pkgutil.walk_packages(federation.__path__, "federation."):
        if ".migrations" not in module.name and ".data." not in module.name:
            importlib.import_module(module.name)


def _modelled(obj, name, type_, reflected, compare_to) -> bool:
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", "")
    return not (table or "").startswith(SEARCH_TABLES)


def test_models_match_the_migrated_schema(settings):
    """``schema.upgrade`` (run by the fixture) leaves nothing for autogenerate to add or drop."""
    _every_table()
    with engine_for(settings).connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_object": _modelled})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
