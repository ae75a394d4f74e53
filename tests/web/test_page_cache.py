"""Cached list pages: a new message shows at once, an unchanged page answers 304."""
from __future__ import annotations

from messages import deliver, root

URL = "/l/semences@lists.test/"


def test_list_page_is_cached_until_a_message_arrives(lists, client):
    deliver(lists, root(1))
    first = client.get(URL)
    assert first.status_code == 200 and "Fil numéro 1" in first.get_data(as_text=True)
    etag = first.headers["ETag"]
    assert client.get(URL, headers={"If-None-Match": etag}).status_code == 304
    deliver(lists, root(2))
    fresh = client.get(URL, headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and "Fil numéro 2" in fresh.get_data(as_text=True)
    english = client.get(URL + "?lang=en").get_data(as_text=True)
    assert "Fil numéro 2" in english and 'lang="en"' in english  # one cached copy per language
    assert 'lang="fr"' in client.get(URL + "?lang=fr").get_data(as_text=True)
