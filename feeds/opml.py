"""OPML 2.0 subscription lists, so a feed reader imports every public feed in one go."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime

from feeds.characters import xml_safe, xml_safe_fields


@dataclass(frozen=True)
class Outline:
    """One feed: its title, Atom URL and the page it belongs to."""

    title: str
    xml_url: str
    html_url: str


def render_opml(title: str, outlines: list[Outline], when: datetime | None = None) -> bytes:
    """An OPML 2.0 document of ``type="rss"`` outlines (the type readers expect for Atom too)."""
    title = xml_safe(title)  # ElementTree writes forbidden characters as they are (XML 1.0 §2.2)
    outlines = [xml_safe_fields(item) for item in outlines]
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    stamp = (when or datetime.now(timezone.utc)).replace(tzinfo=timezone.utc)
    ET.SubElement(head, "dateCreated").text = format_datetime(stamp, usegmt=True)
    body = ET.SubElement(root, "body")
    for item in outlines:
        ET.SubElement(body, "outline", type="rss", text=item.title, title=item.title,
                      xmlUrl=item.xml_url, htmlUrl=item.html_url)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
