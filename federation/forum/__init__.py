"""Forum mode: threads started and answered from the web, with no account.

A web post is built at submission as a real RFC 5322 message (``composition``), kept as a
``WebPost`` while a single-use link mailed to the address given waits (``web_posts``), then
filed by ``ingest.filing.file_post`` as mail is, with ``via=WEB``: rules, bans, moderation
(a first web post from an address the list has never seen is held), DMARC, threading,
themes and delivery all apply. A confirmed browser may be remembered (``browsers``).
"""
