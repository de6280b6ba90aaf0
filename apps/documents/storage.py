"""Private files: uploaded signed documents, generated PDFs and exports.

They live in ``STORAGES["private"]``: by default a folder under ``settings.PRIVATE_MEDIA_ROOT`` (outside static files
and outside anything a web server maps to a URL), or, when ``PRIVATE_STORAGE_BUCKET`` is set, a bucket of
S3-compatible object storage (django-storages) that every app server shares. Either way they have no URL of their
own: a user gets one only through a view that checked permission first and then streams it with
``apps.documents.views.serve_private_file``.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(FileSystemStorage):
    """A file-system storage whose root follows ``settings.PRIVATE_MEDIA_ROOT`` (tests move it) and has no URL."""

    def __init__(self, **kwargs):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return Path(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; stream them through a permission-checked view.")


def _s3_storage_class():
    from storages.backends.s3 import S3Storage

    class PrivateS3Storage(S3Storage):
        """Objects stored private (no ACL grants anybody a read) and, like on disk, without a URL."""

        def url(self, name, parameters=None, expire=None, http_method=None):
            raise ValueError("Private files have no URL; stream them through a permission-checked view.")

    return PrivateS3Storage


def PrivateS3Storage(**options):  # noqa: N802 - named like the class it builds (STORAGES' BACKEND)
    return _s3_storage_class()(**options)


class _ConfiguredPrivateStorage(LazyObject):
    """``storages["private"]``, looked up again when a test changes ``STORAGES`` (model fields keep this object)."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = _ConfiguredPrivateStorage()


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT"}:
        private_storage._wrapped = empty


def select_private_storage():
    """For ``FileField(storage=...)``: a callable keeps the server's path and bucket out of migrations."""
    return private_storage
