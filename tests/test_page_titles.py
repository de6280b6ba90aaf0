"""Every page has its own title (WCAG 2.4.2): the crawl GETs every URL of the access matrix as a role that may see it
and fails when two different URL patterns answer with the same <title>."""

import re
from collections import defaultdict
from html import unescape

import pytest
from django.test import Client

from apps.core.testing import sign_in
from tests.access.matrix import MATRIX
from tests.world import ROLES, build_world

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _page_title(response) -> str | None:
    if response.streaming:
        b"".join(response.streaming_content)  # read to the end, so the test client closes the file
        return None
    if response.status_code != 200:
        return None
    if not response.get("Content-Type", "").startswith("text/html"):
        return None
    match = TITLE.search(response.content.decode())
    return " ".join(unescape(match.group(1)).split()) if match else None


def crawl_titles() -> tuple[dict[str, list[str]], list[str]]:
    """Titles → the URL names that answered with them, and the HTML pages without a title of their own."""
    world = build_world()
    clients: dict[str, Client] = {}
    titles: dict[str, list[str]] = defaultdict(list)
    untitled = []
    for name, row in sorted(MATRIX.items()):
        if name.startswith("admin:"):
            continue
        role = next((r for r in ROLES if row.expected.get(r) == 200), None)
        if role is None:
            continue
        if role not in clients:
            clients[role] = Client()
            if role != "anonymous":
                sign_in(clients[role], world.users[role])
        title = _page_title(clients[role].get(row.url(world)))
        if title is None:
            continue
        if title.startswith("·"):
            untitled.append(name)
        titles[title].append(name)
    return titles, untitled


@pytest.mark.django_db
def test_no_two_pages_share_a_title():
    titles, untitled = crawl_titles()
    shared = {title: names for title, names in titles.items() if len(names) > 1}
    assert len(titles) > 50, "the crawl should reach most of the project's pages"
    assert not untitled, f"Pages without a title of their own: {untitled}"
    assert not shared, "Titles shared by different pages:\n" + "\n".join(
        f"  {title!r}: {', '.join(names)}" for title, names in sorted(shared.items())
    )


@pytest.mark.django_db
def test_replacing_each_team_member_has_its_own_title():
    """The six "Zastąpienie osoby w zespole" pages of one team: each names the person and the JST."""
    from django.urls import reverse

    world = build_world()
    client = Client()
    sign_in(client, world.users["team_member_a"])
    engagement = world.engagement_a
    titles = set()
    for member in engagement.team_members.all():
        url = reverse("engagements:team_replace", kwargs={"pk": engagement.pk, "member_pk": member.pk})
        title = _page_title(client.get(url))
        assert member.full_name in title and engagement.local_government.display_name in title
        titles.add(title)
    assert len(titles) == engagement.team_members.count() > 1
