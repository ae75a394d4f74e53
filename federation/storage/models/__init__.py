"""Every table of Relais: assemblies, lists, threads, messages, members, moderation, themes,
delivery rows, digests and trained theme models.

Raw bytes (``Message.raw``) are the truth; parsed fields, threads and indexes are derived
from them and can be rebuilt (public-inbox's stance). Public identities are Message-IDs,
never row ids.
"""
from federation.storage.models.base import Base, utcnow  # noqa: F401
from federation.storage.models.lists import Assembly, MailingList, ROLES, role_address, Member, Held, Token, NoticeQuota, Ban, ListSetting  # noqa: F401
from federation.storage.models.archive import Thread, Message, Attachment  # noqa: F401
from federation.storage.models.themes import Theme, ThreadTheme, ThemeModel  # noqa: F401
from federation.storage.models.delivery import Delivery, DigestIssue, DigestSubscriber, DigestDelivery, ListDigest  # noqa: F401
from federation.storage.models.audit import AuditEntry  # noqa: F401
from federation.storage.models.peers import Peer, Follower, PeerAck, OutgoingAck  # noqa: F401
from federation.storage.models.websub import WebSubSubscriber, WebSubSubscription  # noqa: F401
from federation.storage.models.moderation import CannedReply  # noqa: F401
from federation.storage.models.console import AdminAccount, AdminAssembly  # noqa: F401
from federation.storage.models.forum import WebPost  # noqa: F401
