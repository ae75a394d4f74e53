"""The domain of Relais: everything a message, a list and a theme are, with no adapter in it.

- ``storage``  the database: engines and sessions, every table, the schema's migrations,
  the writer that group-commits posts, the private data directory.
- ``archive``  a message once it is ours: parsing the raw bytes, sanitising, storing them
  once per list, JWZ threads, the search index and its snippets, erasure.
- ``ingest``   the way in: routing an address to its list and role, the admission rules,
  commands to -join/-leave/-request, holding and moderation, filing posts (one ``Posting``
  through ``filing.file_post``, answered by an ``Outcome``), and the after-commit pipeline
  that tags and plans delivery.
- ``lists``    assemblies and lists, members and their consent, tokens, the notices Relais
  writes, bounces, the audit log, and the console's accounts and permissions.
- ``themes``   the shared taxonomy, the classifier, its training and the shipped model,
  tagging threads.
- ``delivery`` who gets which copy (delivery rows), list digests, cross-assembly digests and
  their subscribers, DMARC policy.
- ``reading``  read-side queries for pages and feeds.

``settings`` (the one frozen settings object), ``errors`` and ``queue`` (jobs in-process or
on rq workers) serve them all. Nothing here imports ``mail``, ``feeds``, ``web`` or ``relais``.
"""
