from django.shortcuts import get_object_or_404

from .models import ApiToken


def tokens_of(user) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-pk"))


def own_token(user, pk: int) -> ApiToken:
    return get_object_or_404(ApiToken, user=user, pk=pk)
