"""The admin console (/admin): signing in, assemblies, lists, rosters, the audit log, and
(console-b) moderation, erasure, themes and activity.

``bp`` lives in ``web.console.blueprint`` and is re-exported here; each view module does
``from web.console.blueprint import bp`` (importing ``web.console`` from them would be an
import cycle, which tests/test_layers.py forbids). Every view checks its rights on the
server through ``web.console.access``. Append new view modules to the import line below.
"""
from web.console.blueprint import bp  # noqa: F401

from web.console import access, signing, assemblies, lists, roster, audit_log  # noqa: E402,F401
from web.console import moderation, erasure, themes, activity  # noqa: E402,F401
