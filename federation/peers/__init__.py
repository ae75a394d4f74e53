"""Federation between instances (issue 11): publishing our federated lists, following
peers' lists, mirroring them, erasures and withdrawals that reach every copy, and WebSub push.

- ``exposure``   what a federated list exposes, whatever the protocol (entries, tombstones).
- ``following``  peers: discovery, the follow handshake, add and remove.
- ``fetching``   the one HTTP client: only the origin asked for, bounded time and size.
- ``pages``      reading one untrusted page of a peer's federation feed.
- ``polling``    conditional GET, walking pages back to the cursor, backoff.
- ``mirroring``  storing mirrored copies, applying tombstones.
- ``acks``       erasure acknowledgements, owed and received.
- ``withdrawal`` lists the origin withdrew from federation: copies removed, and mirrored
  again from scratch when the list is published once more.
- ``websub``     WebSub, the subscriber side: our subscriptions to peers' hubs, leases,
  secrets, the HMAC check of pushes (a push only asks for a poll).
- ``hub``        WebSub, the hub side: verified subscriptions to our federation feeds and
  the signed pushes sent after a federated list changes.
"""
