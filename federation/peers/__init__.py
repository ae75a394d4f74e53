"""Federation between instances (issue 11): following peers' federated lists, mirroring them,
and pushing changes to those who follow ours.

- ``websub``  the subscriber side of WebSub: our subscriptions to peers' hubs, leases,
  secrets, the HMAC check of pushes (a push only asks for a poll).
- ``hub``     the hub side of WebSub: verified subscriptions to our federation feeds and the
  signed pushes sent after a federated list changes.
"""
