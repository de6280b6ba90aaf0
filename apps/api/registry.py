"""The one router of ``/api/v1/``: each domain module registers its endpoints here (see docs/api.md)."""

from rest_framework.routers import SimpleRouter

router = SimpleRouter(trailing_slash=True)
