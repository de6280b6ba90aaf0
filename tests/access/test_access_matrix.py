"""Every URL pattern of the project, for every role: the outcome of a GET (matrix.py) and, for every URL that
accepts POST, of a valid submission (writes.py) must be the one the matrix expects."""

import inspect

import lxml.html
import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from apps.core.testing import sign_in
from tests.access.matrix import LOGIN, MATRIX, REDIRECT
from tests.access.submission import form_data, post_forms, request_data, url_name_of
from tests.access.writes import DONE, POSTS, SELF
from tests.world import ROLES, build_world

# The Django admin's own URLs are guarded as a whole by PlatformAdminSite.has_permission; `admin:index` stands
# for them in the matrix and test_admin_urls_are_guarded_as_a_whole checks a sample of the rest.
WHOLE_NAMESPACES_GUARDED_ELSEWHERE = {"admin"}


def _all_views(resolver=None, namespace=""):
    """The project's URL patterns: {name: view} of the named ones, and the unnamed ones."""
    resolver = resolver or get_resolver()
    views, unnamed = {}, []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            sub_views, sub_unnamed = _all_views(pattern, inner)
            views |= sub_views
            unnamed += sub_unnamed
        elif isinstance(pattern, URLPattern):
            if pattern.name:
                views[f"{namespace}{pattern.name}"] = pattern.callback
            else:
                unnamed.append(f"{namespace}{pattern.pattern}")
    return views, unnamed


def test_every_url_has_a_row():
    views, unnamed = _all_views()
    names = set(views)
    checked = {n for n in names if n.split(":")[0] not in WHOLE_NAMESPACES_GUARDED_ELSEWHERE} | {"admin:index"}
    assert not [u for u in unnamed if not u.startswith("admin:")], f"Unnamed URL patterns: {unnamed}"
    missing = sorted(checked - set(MATRIX))
    stale = sorted(set(MATRIX) - names)
    assert not missing, f"URLs without a row in tests/access/matrix.py: {missing}"
    assert not stale, f"Rows for URLs that no longer exist: {stale}"


def _outcome(response, login_url):
    if response.status_code in (301, 302, 303):
        return LOGIN if response["Location"].startswith(login_url) else REDIRECT
    return response.status_code


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(MATRIX))
def test_access(url_name):
    row = MATRIX[url_name]
    world = build_world()
    login_url = reverse("accounts:login")
    mismatches, unrowed_forms = [], set()
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            sign_in(client, world.users[role])
        # Each role's request runs in a savepoint that is rolled back, so that no request changes the next one's.
        with transaction.atomic():
            url = row.url(world)
            response = client.get(url)
            got = _outcome(response, login_url)
            if response.streaming:
                # Reading a download to the end lets the test client close its file (response.close() would
                # also fire request_finished, which closes the database connection mid-test on PostgreSQL).
                b"".join(response.streaming_content)
            elif response.status_code == 200 and "html" in response.get("Content-Type", ""):
                unrowed_forms |= _forms_without_post_row(response.content, url)
            transaction.set_rollback(True)
        expected = row.expected[role]
        if got != expected:
            mismatches.append(f"{role}: expected {expected}, got {got} ({response.status_code})")
    assert not mismatches, f"{url_name} (GET {url}):\n  " + "\n  ".join(mismatches)
    # A form that no POST row submits cannot exist: every form a role is shown posts to a URL with a POST row.
    assert not unrowed_forms, f"{url_name} shows forms posting to URLs without a row in writes.py: {unrowed_forms}"


def _forms_without_post_row(html: bytes, page_url: str) -> set[str]:
    names = {(path, url_name_of(path)) for path, _form in post_forms(html, page_url)}
    return {
        f"{path} ({name})"
        for path, name in names
        if name not in POSTS and (name or "").split(":")[0] not in WHOLE_NAMESPACES_GUARDED_ELSEWHERE
    }


@pytest.mark.django_db
def test_admin_urls_are_guarded_as_a_whole(client):
    world = build_world()
    for role in ["organiser_x", "coordinator", "advisor_a"]:
        sign_in(client, world.users[role])
        for url in [reverse("admin:accounts_user_changelist"), reverse("admin:audit_auditentry_changelist")]:
            response = client.get(url)
            assert response.status_code == 302 and "/admin/login/" in response["Location"], (role, url)
    sign_in(client, world.users["platform_admin"])
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 200


@pytest.mark.django_db
def test_unverified_two_factor_roles_are_held_at_the_second_factor(client):
    world = build_world()
    for role in ["organiser_x", "advisor_a", "coordinator", "platform_admin"]:
        sign_in(client, world.users[role], verified=False)
        response = client.get(reverse("core:dashboard"))
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/2fa/"), (role, response["Location"])


# ---------------------------------------------------------------------------------------------------------------
# The POST matrix (tests/access/writes.py): a valid submission per URL that accepts POST, for every role.


def _accepts_post(view) -> bool:
    """Whether a view does anything with a POST: a class-based view with ``post``, a view limited to methods that
    include POST (``require_POST``), one whose code reads ``request.POST``/``request.FILES``, or one that asks
    first (``core.editing.ask_first``: its GET asks, its POST acts)."""
    actions = getattr(view, "actions", None)  # a Django REST framework viewset's route: {method: action}
    if actions is not None:
        return "post" in actions
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return "post" in view_class.http_method_names and hasattr(view_class, "post")
    fn = view
    while fn is not None:
        try:
            methods = inspect.getclosurevars(fn).nonlocals.get("request_method_list")
        except TypeError:
            methods = None
        if methods is not None:
            return "POST" in {method.upper() for method in methods}
        fn = getattr(fn, "__wrapped__", None)
    source = inspect.getsource(inspect.unwrap(view))
    return any(mark in source for mark in ("request.POST", "request.FILES", '"POST"', "ask_first("))


def test_every_url_that_accepts_post_has_a_post_row():
    accepting = {
        name
        for name, view in _all_views()[0].items()
        if name.split(":")[0] not in WHOLE_NAMESPACES_GUARDED_ELSEWHERE and _accepts_post(view)
    }
    missing = sorted(accepting - set(POSTS))
    stale = sorted(set(POSTS) - accepting)
    assert not missing, f"URLs that accept POST without a row in tests/access/writes.py: {missing}"
    assert not stale, f"POST rows for URLs that do not accept POST: {stale}"


def _post_outcome(response, login_url, done: bool):
    if done:
        return DONE if response.status_code < 400 else f"{response.status_code} and changed"
    return _outcome(response, login_url)


def _why(response) -> str:
    """What a refused submission told the person (error summary, field errors, messages), for the failure text."""
    texts = [str(message) for message in get_messages(response.wsgi_request)]
    if response.status_code == 200 and "html" in response.get("Content-Type", ""):
        page = lxml.html.document_fromstring(response.content)
        texts += [" ".join(e.text_content().split()) for e in page.find_class("error-summary")]
        texts += [" ".join(e.text_content().split()) for e in page.find_class("field-error")]
    return "; ".join(texts)[:400]


def _client(world, role, *, verified=True, **kwargs) -> Client:
    client = Client(**kwargs)
    if role != "anonymous":
        # A copy: signing in sets last_login on the instance, which would outlive the rolled-back savepoint.
        user = world.users[role]
        sign_in(client, type(user).objects.get(pk=user.pk), verified=verified)
    return client


def _submission(post, world, url, reader) -> dict:
    """The form data the permitted ``reader`` would send from the page (read in a rolled-back savepoint)."""
    if post.page is None:
        return {name: value if isinstance(value, list) else [value] for name, value in post.changes(world).items()}
    with transaction.atomic():
        client = _client(world, reader, verified=post.verified)
        if post.visit:
            client.get(post.visit(world), follow=True)
        page = url if post.page == SELF else post.page(world)
        response = client.get(page)
        assert response.status_code == 200, f"{reader} cannot open the form's page {page}: {response.status_code}"
        values = form_data(response.content, page, url, post.changes(world))
        transaction.set_rollback(True)
    return values


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", sorted(POSTS))
def test_valid_post(url_name):
    post = POSTS[url_name]
    world = build_world()
    post.prepare(world)
    url = post.url(world)
    login_url = reverse("accounts:login")
    permitted = [role for role in ROLES if post.expected[role] == DONE]
    assert permitted, f"{url_name}: no role succeeds; a POST row shows the submission that works"
    # The form is read as a signed-in permitted person where there is one (a sign-out form is on signed-in pages).
    reader = next((role for role in permitted if role != "anonymous"), permitted[0])
    values = _submission(post, world, url, reader)
    mismatches = []
    for role in ROLES:
        mail.outbox = []
        # Each role posts on a fresh world: its savepoint is rolled back afterwards.
        with transaction.atomic():
            client = _client(world, role, verified=post.verified)
            if post.visit:
                client.get(post.visit(world), follow=True)
            data = dict(values)
            if post.per_person and role != "anonymous":
                data |= {k: [v] for k, v in post.per_person(world, world.users[role]).items()}
            detail = ""
            try:
                response = client.post(url, request_data(data))
            except Exception as error:  # the view raised: a server error
                got = 500
                detail = f"{type(error).__name__}: {error}"
            else:
                got = _post_outcome(response, login_url, post.done(world, response))
                if got != post.expected[role]:
                    detail = _why(response)
            transaction.set_rollback(True)
        if got != post.expected[role]:
            mismatches.append(f"{role}: expected {post.expected[role]}, got {got} {detail}".rstrip())
    assert not mismatches, f"{url_name} (POST {url}):\n  " + "\n  ".join(mismatches)
    # The same submission without its CSRF token is refused with 403 and changes nothing.
    mail.outbox = []
    with transaction.atomic():
        client = _client(world, reader, verified=post.verified, enforce_csrf_checks=True)
        response = client.post(url, request_data(values))
        assert response.status_code == 403 and not post.done(world, response), f"{url_name}: CSRF not enforced"
        transaction.set_rollback(True)
