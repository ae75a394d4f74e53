"""Run by Mailman's own Python (bench/out/mailman-venv): create a list and its members.

    mailman-venv/bin/python bench/peers/mailman_setup.py MAILMAN_CFG LIST_ADDRESS MEMBERS_FILE

Uses Mailman's Python API, as ``mailman create`` and ``mailman addmembers`` do, in one
transaction. The list keeps Mailman's defaults except that non-members may post (the posts
come from a non-member, as they do for Relais' open list): no VERP, no personalisation, bulk
copies grouped by domain.
"""
import sys

from mailman.core.initialize import initialize

initialize(sys.argv[1])

from mailman.app.lifecycle import create_list  # noqa: E402
from mailman.config import config  # noqa: E402
from mailman.interfaces.action import Action  # noqa: E402
from mailman.interfaces.domain import IDomainManager  # noqa: E402
from mailman.interfaces.member import MemberRole  # noqa: E402
from mailman.interfaces.usermanager import IUserManager  # noqa: E402
from mailman.utilities.datetime import now  # noqa: E402
from zope.component import getUtility  # noqa: E402

address = sys.argv[2]
domain = address.split("@", 1)[1]
if getUtility(IDomainManager).get(domain) is None:
    getUtility(IDomainManager).add(domain)
mlist = create_list(address)
mlist.default_nonmember_action = Action.accept
mlist.send_welcome_message = False  # the benchmark's members get posts, not welcomes
users = getUtility(IUserManager)
with open(sys.argv[3]) as handle:
    emails = [line.strip() for line in handle if line.strip()]
for email in emails:
    member_address = users.create_address(email)
    member_address.verified_on = now()
    mlist.subscribe(member_address, MemberRole.member)
config.db.commit()
print(f"{address}: {mlist.members.member_count} members")
