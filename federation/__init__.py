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
- ``reading``  read-side queries for pages and feeds (``crossings``: a reply filed on another
  list, a peer's included, shown in its parent's thread).
- ``peers``    federation between instances (issue 11): what a federated list exposes
  (``exposure``, protocol-free), the peer's feed pages read as untrusted input (``pages``),
  the only HTTP client (``fetching``: one origin per request, size and time limits),
  following and the follow handshake (``following``), polling with conditional GET back to a
  cursor (``polling``), mirrored copies and erasures applied to them (``mirroring``), and
  signed erasure acknowledgements (``acks``).
- ``forum``    web posts: the form's fields built into a real message at submission, kept
  until a link mailed to the address given confirms them, then filed as mail is (``via=WEB``);
  remembered browsers.

``settings`` (the one frozen settings object), ``errors`` and ``queue`` (jobs in-process or
on rq workers) serve them all. Nothing here imports ``mail``, ``feeds``, ``web`` or ``relais``.
"""
