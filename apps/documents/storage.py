"""Private files: uploaded signed documents, generated PDFs and exports.

They live under ``settings.PRIVATE_MEDIA_ROOT`` (outside static files and outside anything a web server maps to a
URL) and have no URL of their own: a user gets one only through a view that checked permission first and then
streams it with ``apps.documents.views.serve_private_file``.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """A file-system storage whose root follows ``settings.PRIVATE_MEDIA_ROOT`` (tests move it) and has no URL."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return Path(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; stream them through a permission-checked view.")


private_storage = PrivateStorage()


def select_private_storage() -> PrivateStorage:
    """For ``FileField(storage=...)``: a callable keeps the server's path out of migrations."""
    return private_storage
