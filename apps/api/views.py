"""The person's API tokens (create: the secret shown once; revoke) and the JSON 404 of unknown API paths."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions
from rest_framework.decorators import api_view, permission_classes

from apps.core.editing import run_action
from apps.core.forms import add_errors
from apps.core.permissions import require

from . import selectors, services
from .forms import TokenForm


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([])
def not_found(request):
    raise exceptions.NotFound


@login_required
def tokens(request):
    require(request.user, "api.manage_tokens")
    form = TokenForm(request.POST or None)
    created = secret = None
    if request.method == "POST" and form.is_valid():
        try:
            created, secret = services.create_token(
                user=request.user,
                second_factor_verified=request.user.is_verified(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "created": created,
            "secret": secret,
            "tokens": selectors.tokens_of(request.user),
            "docs_url": request.build_absolute_uri(reverse("api:docs")),
            "api_url": request.build_absolute_uri("/api/v1/"),
        },
    )


@login_required
@require_POST
def revoke(request, pk: int):
    token = selectors.own_token(request.user, pk)
    return run_action(
        request,
        lambda: services.revoke_token(token=token, by=request.user),
        success=_("Token odwołany: systemy, które go używały, dostaną odpowiedź 401."),
        done=reverse("api:tokens"),
    )
